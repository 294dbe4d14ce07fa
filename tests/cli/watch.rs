//! `dossier watch`: saved searches that print only what they have not
//! reported before, on a small library written for these tests (ingested
//! again as reports arrive and change) and on the shared corpus index, which
//! must stay untouched.

use std::path::Path;
use std::process::Output;

use tempfile::TempDir;

use crate::{Shared, assert_contract, dossier};

/// The first report of the small library.
const WELLS: &str = "# Wells of the Sahel\n\n## Water\n\n\
    The council dug new wells near Gao in 2019.\n\n\
    Herders said the wells dried up every summer.\n\n\
    A market opened beside the river.\n";

/// A report that arrives later.
const BOREHOLES: &str = "# Borehole Brief\n\n## Repairs\n\n\
    Engineers repaired three wells north of Timbuktu.\n\n\
    The pumps came from a depot in Mopti.\n";

/// A folder with `reports/` holding `files`, ingested into `ix`.
fn library(files: &[(&str, &str)]) -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    std::fs::create_dir(tmp.path().join("reports")).expect("mkdir");
    write_and_ingest(tmp.path(), files);
    tmp
}

/// Writes `files` into `reports/` and ingests the folder again.
fn write_and_ingest(root: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        std::fs::write(root.join("reports").join(name), text).expect("write");
    }
    dossier(root)
        .args(["ingest", "--quiet", "--index", "ix", "reports"])
        .assert()
        .success();
}

fn watch(root: &Path, args: &[&str]) -> Output {
    dossier(root)
        .args(["--index", "ix", "watch"])
        .args(args)
        .output()
        .expect("runs")
}

/// `watch run ARGS --json`: the new hits, with the exit code.
fn run_json(root: &Path, args: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let out = watch(root, &[&["run", "--json"], args].concat());
    let code = out.status.code().expect("exit code");
    assert!(
        code <= 1,
        "watch run {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (code, hits)
}

fn texts(hits: &[serde_json::Value]) -> Vec<&str> {
    let mut texts: Vec<&str> = hits
        .iter()
        .map(|h| h["text"].as_str().expect("text"))
        .collect();
    texts.sort_unstable();
    texts
}

/// Runs a command that must fail with exit code 2 and one line on stderr.
fn refused(root: &Path, args: &[&str]) -> String {
    let out = watch(root, args);
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(2), "watch {args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "watch {args:?} printed results");
    assert!(stderr.starts_with("dossier: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn added(root: &Path, args: &[&str]) {
    let out = watch(root, &[&["add"], args].concat());
    assert!(
        out.status.success(),
        "watch add {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_run_reports_what_is_new_since_the_last_one() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    added(root, &["wells", "wells"]);
    let (code, first) = run_json(root, &[]);
    assert_eq!(code, 0);
    assert_eq!(
        texts(&first),
        [
            "Herders said the wells dried up every summer.",
            "The council dug new wells near Gao in 2019."
        ]
    );
    // (what happens, what the next run reports)
    assert_eq!(run_json(root, &[]), (1, Vec::new()), "nothing new");
    write_and_ingest(root, &[("boreholes.md", BOREHOLES)]);
    let (code, new) = run_json(root, &["wells"]);
    assert_eq!(code, 0);
    assert_eq!(
        texts(&new),
        ["Engineers repaired three wells north of Timbuktu."]
    );
    assert_eq!(run_json(root, &[]).0, 1, "reported once");
    // The saved searches are in the index folder and outlive its ingests.
    let file = std::fs::read_to_string(root.join("ix/watches.toml")).expect("watches.toml");
    assert!(file.contains("[watch.wells]"), "{file}");
}

#[test]
fn a_changed_text_is_new_again_and_a_moved_one_is_not() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    added(root, &["wells", "wells"]);
    assert_eq!(run_json(root, &[]).1.len(), 2);
    // The same passage, its text updated.
    let updated = WELLS.replace("every summer", "every dry season");
    write_and_ingest(root, &[("wells.md", &updated)]);
    let (_, new) = run_json(root, &[]);
    assert_eq!(
        texts(&new),
        ["Herders said the wells dried up every dry season."]
    );
    let id = new[0]["id"].as_str().expect("id");
    let file = std::fs::read_to_string(root.join("ix/watches.toml")).expect("watches.toml");
    let line = file
        .lines()
        .find(|l| l.starts_with(&format!("\"{id}\" = ")))
        .unwrap_or_else(|| panic!("no line for {id}: {file}"));
    assert_eq!(line.matches(' ').count(), 3, "two hashes: {line}");
    // A paragraph inserted before them: every later passage number moves.
    let inserted = updated.replace(
        "## Water\n\n",
        "## Water\n\nRainfall records begin in 1950.\n\n",
    );
    write_and_ingest(root, &[("wells.md", &inserted)]);
    assert_eq!(run_json(root, &[]), (1, Vec::new()), "only moved");
}

#[test]
fn human_output_groups_new_hits_under_their_watch() {
    let tmp = library(&[("wells.md", WELLS), ("boreholes.md", BOREHOLES)]);
    let root = tmp.path();
    added(root, &["wells", "wells"]);
    added(root, &["mopti", "depot", "--place", "Mopti"]);
    added(root, &["rain", "rainfall"]);
    let out = watch(root, &["run", "-n", "1"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let heads: Vec<&str> = stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(
        heads,
        [
            "mopti · depot --place Mopti · 1 new hit",
            "",
            "wells · wells · 1 new hit",
            "",
            "more new hits wait: `dossier watch run wells` again, or raise -n",
            ""
        ],
        "{stdout}"
    );
    assert!(stdout.contains("\n 1. Borehole Brief"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains("watch `rain`: nothing new"),
        "the watch with nothing new says so on stderr: {stderr}"
    );
    // -n left the other hits of `wells` for the next run.
    let (_, rest) = run_json(root, &["wells"]);
    assert_eq!(rest.len(), 2);
}

#[test]
fn json_hits_are_search_hits_with_their_watch() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    added(
        root,
        &["dry-wells", "wells", "dried", "--kind", "paragraph"],
    );
    let (_, hits) = run_json(root, &[]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert_contract(hit);
        assert_eq!(hit["watch"], "dry-wells");
        for field in ["score", "snippet", "footnote_texts", "expansions"] {
            assert!(hit.get(field).is_some(), "no `{field}` in {hit}");
        }
    }
    assert!(
        hits[0]["snippet"]
            .as_str()
            .expect("snippet")
            .contains("<b>")
    );
    let out = watch(root, &["list", "--json"]);
    assert!(out.status.success());
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one object");
    assert_eq!(listed["name"], "dry-wells");
    assert_eq!(listed["query"], "wells dried");
    assert_eq!(listed["filters"], serde_json::json!(["--kind paragraph"]));
    assert_eq!(listed["reported"], hits.len());
    for time in ["added", "last_run"] {
        let t = listed[time].as_str().expect("a time");
        assert!(t.ends_with('Z') && t.len() == 20, "{time}: {t}");
    }
}

#[test]
fn list_and_remove() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    // (args, exit code, stdout holds)
    let cases: [(&[&str], i32, &str); 6] = [
        (&["list"], 1, ""),
        (&["add", "wells", "wells", "--from", "2019"], 0, ""),
        (&["list"], 0, "wells  wells --from 2019\n    added "),
        (&["remove", "wells"], 0, ""),
        (&["list"], 1, ""),
        (&["run"], 1, ""),
    ];
    for (args, code, holds) in cases {
        let out = watch(root, args);
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        assert_eq!(out.status.code(), Some(code), "watch {args:?}: {stdout}");
        assert!(stdout.contains(holds), "watch {args:?}: {stdout}");
    }
}

#[test]
fn wrong_names_queries_and_filters_are_refused() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    added(root, &["wells", "wells"]);
    added(root, &["gao", "Gao"]);
    let before = std::fs::read_to_string(root.join("ix/watches.toml")).expect("file");
    // (args, what stderr says, its lines: a query's error shows it with a caret)
    let cases: [(&[&str], &str, usize); 7] = [
        (
            &["run", "well"],
            "no watch named `well`; the watches are: gao, wells",
            1,
        ),
        (&["remove", "well"], "the watches are: gao, wells", 1),
        (
            &["add", "wells", "pumps"],
            "a watch named `wells` exists already",
            1,
        ),
        (&["add", "two words", "pumps"], "cannot name a watch", 1),
        (
            &["add", "bad", "wells AND"],
            "`AND` needs something on both sides",
            3,
        ),
        (
            &["add", "bad", "wells", "--country", "Narnia"],
            "--country Narnia",
            1,
        ),
        (&["add", "bad", "wells", "--from", "soon"], "--from soon", 1),
    ];
    for (args, says, lines) in cases {
        let stderr = refused(root, args);
        assert!(stderr.contains(says), "watch {args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), lines, "{stderr}");
    }
    let after = std::fs::read_to_string(root.join("ix/watches.toml")).expect("file");
    assert_eq!(before, after, "a refused command changes nothing");
}

#[test]
fn a_damaged_file_is_an_error_that_names_it() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    std::fs::write(root.join("ix/watches.toml"), "[watch.x]\nquery = 3\n").expect("write");
    let stderr = refused(root, &["list"]);
    assert!(stderr.contains("watches.toml: line 2:"), "{stderr}");
    std::fs::write(
        root.join("ix/watches.toml"),
        "[watch.x]\nquery = \"wells\"\nadded = \"2026-01-01T00:00:00Z\"\n\
         [watch.x.filters]\ncontry = [\"Mali\"]\n",
    )
    .expect("write");
    let stderr = refused(root, &["run"]);
    assert!(
        stderr.contains("watch `x`:") && stderr.contains("contry"),
        "{stderr}"
    );
}

#[test]
fn saved_searches_can_live_outside_a_read_only_index() {
    let shared = Shared::get();
    let index = shared.dir().join("index");
    let listing = |dir: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("lists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = listing(&index);
    let tmp = TempDir::new().expect("tempdir");
    let file = tmp.path().join("mine.toml");
    let file = file.to_str().expect("utf-8 path");
    let with_flag = |args: &[&str]| {
        shared
            .cmd()
            .args(["watch", "--watches", file])
            .args(args)
            .output()
            .expect("runs")
    };
    assert!(
        with_flag(&["add", "koufa", "Koufa", "--kind", "paragraph"])
            .status
            .success()
    );
    let out = with_flag(&["run", "--json", "-n", "3"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    // The environment variable names the same file.
    let out = shared
        .cmd()
        .env("DOSSIER_WATCHES", file)
        .args(["watch", "list", "--json"])
        .output()
        .expect("runs");
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one object");
    assert_eq!(listed["reported"], 3);
    assert_eq!(listing(&index), before, "nothing written into the index");
}

#[cfg(unix)]
#[test]
fn an_index_folder_that_cannot_be_written_is_refused_before_anything_runs() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    added(root, &["wells", "wells"]);
    let ix = root.join("ix");
    std::fs::set_permissions(&ix, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Whoever may write anyway (root) has nothing to check here.
    let probe = ix.join("probe");
    let writable = std::fs::write(&probe, "").is_ok();
    if !writable {
        let stderr = refused(root, &["run"]);
        assert!(stderr.contains("--watches PATH"), "{stderr}");
    }
    let _ = std::fs::remove_file(probe);
    std::fs::set_permissions(&ix, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(run_json(root, &[]).0, 0, "the hits are still new");
}

#[test]
fn commands_that_change_the_file_take_turns() {
    let tmp = library(&[("wells.md", WELLS)]);
    let root = tmp.path();
    let names = ["w0", "w1", "w2", "w3"];
    let adding: Vec<std::process::Child> = names
        .iter()
        .map(|name| {
            std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
                .env_clear()
                .current_dir(root)
                .args(["--index", "ix", "watch", "add", name, "wells"])
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("starts")
        })
        .collect();
    for mut child in adding {
        assert!(child.wait().expect("ends").success());
    }
    let out = watch(root, &["list", "--json"]);
    let listed: Vec<String> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let w: serde_json::Value = serde_json::from_str(l).expect("json");
            w["name"].as_str().expect("name").to_string()
        })
        .collect();
    assert_eq!(listed, names, "no add undid another");
}

#[test]
fn a_watch_needs_an_index_and_creates_no_folder() {
    let tmp = TempDir::new().expect("tempdir");
    let out = dossier(tmp.path())
        .args(["--index", "nowhere", "watch", "add", "wells", "wells"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("dossier: no index in nowhere"),
        "{stderr}"
    );
    assert!(!tmp.path().join("nowhere").exists(), "nothing written");
}

//! A living library: `add`, `remove` and `update` change the index without a
//! rebuild, keep ids of what did not change, record where each document
//! comes from, and never show a half-updated state.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

use crate::{corpus, dossier};

/// Three small reports written for these tests.
const REPORTS: [(&str, &str); 3] = [
    (
        "harbours.md",
        "# Harbour Security on the Gulf of Guinea\n\n\
         ## Patrols\n\n\
         Coastguard patrols doubled after the kidnapping of two fishermen near the harbour.\n\n\
         Port authorities installed cameras along the quays.\n",
    ),
    (
        "markets.md",
        "# Cattle Markets and Armed Groups\n\n\
         ## Taxation\n\n\
         Herders said armed men collected a levy on every head of cattle sold at the market.\n\n\
         Traders moved to smaller markets to avoid the levy.\n",
    ),
    (
        "schools.txt",
        "SCHOOLS UNDER PRESSURE\n\n\
         Teachers in the district reported threats against girls' schools.\n\n\
         Several schools closed for the rest of the term.\n",
    ),
];

fn library() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).expect("mkdir");
    for (name, text) in REPORTS {
        fs::write(dir.join(name), text).expect("write");
    }
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "ix", "reports"])
        .assert()
        .success();
    tmp
}

fn run(tmp: &TempDir, args: &[&str]) -> (i32, String, String) {
    let out = dossier(tmp.path())
        .args(["--index", "ix"])
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(tmp: &TempDir, args: &[&str]) -> Vec<Value> {
    let (_, stdout, _) = run(tmp, args);
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

/// Every passage of a document, as `export` prints it, without what may
/// change while the text does not (the document's file path).
fn passages_of(tmp: &TempDir, doc: &str) -> Vec<Value> {
    json(tmp, &["export"])
        .into_iter()
        .filter(|p| p["doc"] == doc)
        .collect()
}

fn doc_ids(tmp: &TempDir) -> Vec<String> {
    let mut ids: Vec<String> = json(tmp, &["docs", "--json"])
        .iter()
        .map(|d| d["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn update_reads_only_what_changed_and_keeps_ids() {
    let tmp = library();
    let (code, _, err) = run(&tmp, &["update"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("the library is up to date: 3 files, 3 documents"),
        "{err}"
    );

    let markets_before = passages_of(&tmp, "markets");
    let schools_before = passages_of(&tmp, "schools");
    let reports = tmp.path().join("reports");
    // Touched but not changed, changed, renamed, deleted, and a new one.
    let harbours = fs::read(reports.join("harbours.md")).expect("read");
    fs::write(reports.join("harbours.md"), &harbours).expect("touch");
    fs::write(
        reports.join("schools.txt"),
        format!(
            "{}\nThe ministry promised armed guards for the reopened schools.\n",
            REPORTS[2].1
        ),
    )
    .expect("change");
    fs::rename(
        reports.join("markets.md"),
        reports.join("cattle-markets.md"),
    )
    .expect("rename");
    fs::write(
        reports.join("wells.md"),
        "# Wells\n\nA new well in the village ended a dispute between herders.\n",
    )
    .expect("new");

    let (code, _, err) = run(&tmp, &["update"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("1 added, 1 changed, 1 moved files, 1 unchanged"),
        "{err}"
    );
    assert_eq!(doc_ids(&tmp), ["harbours", "markets", "schools", "wells"]);

    // The renamed file keeps its document and every passage id and text.
    let markets_after = passages_of(&tmp, "markets");
    assert_eq!(markets_before, markets_after);
    let docs = json(&tmp, &["docs", "--json"]);
    let markets = docs.iter().find(|d| d["id"] == "markets").expect("markets");
    assert!(
        markets["provenance"]["source_path"]
            .as_str()
            .expect("path")
            .ends_with("cattle-markets.md"),
        "{markets}"
    );
    // The changed one is read again: the old passages keep their ids, the new
    // paragraph is searchable.
    let schools_after = passages_of(&tmp, "schools");
    assert_eq!(schools_after.len(), schools_before.len() + 1);
    for (a, b) in schools_before.iter().zip(&schools_after) {
        assert_eq!((&a["id"], &a["text"]), (&b["id"], &b["text"]));
    }
    let hits = json(&tmp, &["search", "ministry guards", "--json"]);
    assert_eq!(hits[0]["doc"], "schools");

    // A deleted file's documents leave.
    fs::remove_file(reports.join("wells.md")).expect("rm");
    let (code, _, err) = run(&tmp, &["update"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 removed"), "{err}");
    assert_eq!(doc_ids(&tmp), ["harbours", "markets", "schools"]);
    let (code, _, _) = run(&tmp, &["search", "well dispute"]);
    assert_eq!(code, 1, "nothing left of the deleted file");
}

#[test]
fn add_and_remove_keep_the_rest_of_the_library() {
    let tmp = library();
    let more = tmp.path().join("more");
    fs::create_dir(&more).expect("mkdir");
    fs::write(
        more.join("ferries.md"),
        "# Ferries\n\nFerry crossings on the lake resumed after the attack on the landing stage.\n",
    )
    .expect("write");
    let (code, _, err) = run(&tmp, &["add", "more"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc_ids(&tmp), ["ferries", "harbours", "markets", "schools"]);
    // The added folder is a source now: a file put there later is found.
    fs::write(
        more.join("roads.md"),
        "# Roads\n\nCheckpoints on the road north.\n",
    )
    .expect("write");
    run(&tmp, &["update"]);
    assert!(doc_ids(&tmp).contains(&"roads".to_string()));

    // Remove by document id, by file and by folder; later updates leave them out.
    let (code, _, err) = run(&tmp, &["remove", "harbours"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&tmp, &["remove", "reports/schools.txt", "more"]);
    assert_eq!(code, 0, "{err}");
    run(&tmp, &["update"]);
    assert_eq!(doc_ids(&tmp), ["markets"]);
    // Adding the file back brings it back.
    run(&tmp, &["add", "reports/schools.txt"]);
    assert_eq!(doc_ids(&tmp), ["markets", "schools"]);

    // What cannot be removed is said, and nothing changes.
    for target in ["no-such-doc", "elsewhere/none.md"] {
        let (code, _, err) = run(&tmp, &["remove", target]);
        assert_eq!(code, 2, "{target}");
        assert!(
            err.contains("neither a document id nor a file or folder"),
            "{err}"
        );
    }
    let (code, _, err) = run(&tmp, &["add", "missing-folder"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file or folder"), "{err}");
    assert_eq!(doc_ids(&tmp), ["markets", "schools"]);
}

#[test]
fn adding_to_the_bundled_corpus_keeps_it() {
    let tmp = TempDir::new().expect("tempdir");
    fs::create_dir(tmp.path().join("mine")).expect("mkdir");
    fs::write(tmp.path().join("mine/notes.md"), REPORTS[0].1).expect("write");
    // `ingest` with no path, away from any corpus/ folder: the bundled reports.
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "ix"])
        .assert()
        .success();
    let before = doc_ids(&tmp).len();
    let (code, _, err) = run(&tmp, &["add", "mine"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc_ids(&tmp).len(), before + 1);
    let (code, _, err) = run(&tmp, &["update"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("up to date"), "{err}");
}

#[test]
fn provenance_and_added_since() {
    let tmp = library();
    let docs = json(&tmp, &["docs", "--json"]);
    for d in &docs {
        let p = &d["provenance"];
        for field in [
            "source_path",
            "content_hash",
            "ingested_at",
            "dossier_version",
            "reader",
        ] {
            assert!(
                p[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field} in {d}"
            );
        }
    }
    let (_, shown, _) = run(&tmp, &["show", "markets/p1"]);
    assert!(
        shown.contains("from ") && shown.contains("markets.md"),
        "{shown}"
    );

    // Files read later are what --added-since finds.
    std::thread::sleep(Duration::from_millis(1100));
    let first_read = docs[0]["provenance"]["ingested_at"]
        .as_str()
        .expect("time")
        .to_string();
    fs::write(
        tmp.path().join("reports/bridges.md"),
        "# Bridges\n\nThe bridge over the river was mined by armed men.\n",
    )
    .expect("write");
    run(&tmp, &["update"]);
    let new = json(&tmp, &["docs", "--json"])
        .into_iter()
        .find(|d| d["id"] == "bridges")
        .expect("bridges");
    let since = new["provenance"]["ingested_at"]
        .as_str()
        .expect("time")
        .to_string();
    assert!(since > first_read);
    let hits = json(
        &tmp,
        &["search", "", "--added-since", &since, "--json", "-n", "100"],
    );
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["doc"] == "bridges"), "{hits:?}");
    let all = json(
        &tmp,
        &["search", "", "--added-since", "1d", "--json", "-n", "100"],
    );
    assert!(all.len() > hits.len());
    let (code, _, err) = run(&tmp, &["search", "", "--added-since", "last tuesday"]);
    assert_eq!(code, 2);
    assert!(err.contains("--added-since last tuesday"), "{err}");
}

#[test]
fn a_killed_update_leaves_the_previous_state_and_searches_see_one_state() {
    let tmp = library();
    let reports = tmp.path().join("reports");
    let text =
        fs::read_to_string(corpus().join("crisisgroup-reports-258-and-306.txt")).expect("read");
    for i in 0..30 {
        fs::write(reports.join(format!("copy-{i:03}.txt")), &text).expect("write");
    }
    let count = |tmp: &TempDir| json(tmp, &["search", "", "--json", "-n", "10000"]).len();
    let before = count(&tmp);
    let live = fs::read_to_string(tmp.path().join("ix/CURRENT")).expect("CURRENT");

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(tmp.path())
        .args(["--index", "ix", "update", "--quiet"])
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    let building = || {
        fs::read_dir(tmp.path().join("ix"))
            .expect("ls")
            .flatten()
            .any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("generation-") && name != live
            })
    };
    while !building() && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(5));
    }
    // While it runs, a search answers from the old state.
    let during = count(&tmp);
    let finished_first = child.try_wait().expect("wait").is_some();
    child.kill().expect("kill");
    child.wait().expect("reap");
    let now = fs::read_to_string(tmp.path().join("ix/CURRENT")).expect("CURRENT");
    if !finished_first && now == live {
        assert_eq!(during, before);
        assert_eq!(count(&tmp), before, "the killed update changed nothing");
    }
    // A later update finishes the job; searches during it see one state.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(tmp.path())
        .args(["--index", "ix", "update", "--quiet"])
        .spawn()
        .expect("spawn");
    let mut seen = Vec::new();
    while child.try_wait().expect("wait").is_none() {
        seen.push(count(&tmp));
    }
    let after = count(&tmp);
    assert!(after > before);
    assert!(
        seen.iter().all(|&n| n == before || n == after),
        "a search saw a mixture: {seen:?} (before {before}, after {after})"
    );
}

#[test]
fn an_index_without_a_record_of_its_sources_says_how_to_get_one() {
    let tmp = library();
    let live = fs::read_to_string(tmp.path().join("ix/CURRENT")).expect("CURRENT");
    let generation = tmp.path().join("ix").join(live.trim());
    fs::remove_file(generation.join("library.json")).expect("rm");
    // Checksums name the file; without it an old index is what we have.
    let checksums = fs::read_to_string(generation.join("CHECKSUMS")).expect("read");
    let kept: Vec<&str> = checksums
        .lines()
        .filter(|l| !l.starts_with("library.json"))
        .collect();
    let kept = kept.join("\n") + "\n";
    fs::write(generation.join("CHECKSUMS"), kept).expect("write");
    let (code, _, err) = run(&tmp, &["update"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("built before dossier recorded its sources"),
        "{err}"
    );
    assert!(Path::new(&generation).join("docs.json").is_file());
}

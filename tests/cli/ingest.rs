//! `dossier ingest`: summary, warnings, atomic rebuilds.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::{corpus, dossier};

#[test]
fn ingest_prints_a_one_line_summary_on_stderr() {
    let tmp = TempDir::new().expect("tempdir");
    let out = dossier(tmp.path())
        .args(["ingest", "--index", "idx"])
        .arg(corpus())
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "ingest prints results nowhere");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one summary line: {stderr}");
    assert!(
        lines[0].starts_with("indexed 6 documents (6 text), 904 passages"),
        "{stderr}"
    );
    assert!(lines[0].contains(" paragraphs"), "{stderr}");
    assert!(lines[0].contains(" s → idx"), "{stderr}");
}

#[test]
fn default_corpus_is_the_bundled_one_even_outside_the_repository() {
    let tmp = TempDir::new().expect("tempdir");
    dossier(tmp.path())
        .args(["ingest", "--quiet"])
        .assert()
        .success();
    assert!(tmp.path().join("index/CURRENT").is_file());
    dossier(tmp.path())
        .args(["docs", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\":\"crisisgroup-258\""));
}

#[test]
fn an_unreadable_file_is_skipped_with_a_warning_and_the_rest_ingested() {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).expect("mkdir");
    fs::write(
        dir.join("good.txt"),
        "A Title\n\nSome prose about a prison in Bamako.\n",
    )
    .expect("write");
    fs::write(dir.join("latin1.txt"), [b'C', 0xf4, b't', 0xe9, b'\n']).expect("write");
    let out = dossier(tmp.path())
        .args(["ingest", "--index", "idx", "reports"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "skipped files make the exit code 2"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("latin1.txt: not UTF-8"), "{stderr}");
    assert!(stderr.contains("indexed 1 documents"), "{stderr}");
    dossier(tmp.path())
        .args(["--index", "idx", "search", "Bamako"])
        .assert()
        .success()
        .stdout(predicate::str::contains("good"));
}

/// Builds an index of one small report in `tmp/idx` and returns the live generation.
fn small_index(tmp: &Path) -> String {
    fs::write(
        tmp.join("one.txt"),
        "First Report\n\nA paragraph about detention in Gao.\n",
    )
    .expect("write");
    dossier(tmp)
        .args(["ingest", "--quiet", "--index", "idx", "one.txt"])
        .assert()
        .success();
    fs::read_to_string(tmp.join("idx/CURRENT")).expect("CURRENT")
}

#[test]
fn a_failed_ingest_leaves_the_previous_index_in_place() {
    let tmp = TempDir::new().expect("tempdir");
    let live = small_index(tmp.path());
    // An empty folder: nothing to ingest, an error, and the old index untouched.
    fs::create_dir(tmp.path().join("empty")).expect("mkdir");
    dossier(tmp.path())
        .args(["ingest", "--index", "idx", "empty"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no report found"));
    // A publish step that cannot write its pointer fails after all the work.
    fs::create_dir(tmp.path().join("idx/CURRENT.tmp")).expect("mkdir");
    dossier(tmp.path())
        .args(["ingest", "--index", "idx"])
        .arg(corpus())
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(tmp.path().join("idx/CURRENT")).expect("CURRENT"),
        live
    );
    dossier(tmp.path())
        .args(["--index", "idx", "search", "detention"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gao"));
    let gens = fs::read_dir(tmp.path().join("idx"))
        .expect("ls")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        })
        .count();
    assert_eq!(gens, 1, "the failed generation was removed");
}

#[test]
fn a_killed_ingest_leaves_a_readable_index() {
    let tmp = TempDir::new().expect("tempdir");
    let live = small_index(tmp.path());
    // A corpus big enough that ingest is still running when it is killed.
    let big = tmp.path().join("big");
    fs::create_dir(&big).expect("mkdir");
    let text =
        fs::read_to_string(corpus().join("crisisgroup-reports-258-and-306.txt")).expect("read");
    for i in 0..40 {
        fs::write(big.join(format!("copy-{i:03}.txt")), &text).expect("write");
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .current_dir(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx", "big"])
        .spawn()
        .expect("spawn");
    let idx = tmp.path().join("idx");
    let started = Instant::now();
    let building = || {
        fs::read_dir(&idx).expect("ls").flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("gen-") && name != live
        })
    };
    while !building() && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let finished_first = child.try_wait().expect("wait").is_some();
    child.kill().expect("kill");
    child.wait().expect("reap");
    let now = fs::read_to_string(idx.join("CURRENT")).expect("CURRENT");
    if !finished_first && now == live {
        // Interrupted mid-build: the old index answers as before.
        dossier(tmp.path())
            .args(["--index", "idx", "search", "detention"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Gao"));
    } else {
        // The ingest completed before the kill: the new index must be whole.
        dossier(tmp.path())
            .args(["--index", "idx", "search", "returnees"])
            .assert()
            .success();
    }
    // The next ingest sweeps whatever the killed one left.
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx", "one.txt"])
        .assert()
        .success();
    // Left: the new index and, for the searches still reading it, the one it
    // replaced; never the killed ingest's half-written one.
    let gens: Vec<_> = fs::read_dir(&idx)
        .expect("ls")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .map(|e| e.path())
        .collect();
    assert!((1..=2).contains(&gens.len()), "{gens:?}");
    for g in &gens {
        assert!(g.join("COMPLETE").is_file(), "{} is whole", g.display());
    }
}

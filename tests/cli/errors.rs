//! Bad input: one line on stderr, what is wrong and what to do, exit code 2.

use predicates::prelude::*;
use tempfile::TempDir;

use crate::{Shared, dossier};

/// Runs a failing command and returns its stderr, checking the shape of the failure.
fn fails(args: &[&str]) -> String {
    let out = Shared::get().cmd().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "dossier {args:?}");
    assert!(out.stdout.is_empty(), "nothing on stdout for {args:?}");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.starts_with("dossier: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    stderr
}

#[test]
fn a_bad_query_exits_2() {
    let err = fails(&["search", "section:(prison"]);
    assert!(err.lines().count() <= 3, "{err}");
}

#[test]
fn bad_filters_exit_2_and_name_the_flag() {
    assert!(fails(&["search", "prison", "--from", "June 2019"]).contains("--from"));
    assert!(fails(&["search", "prison", "--kind", "chapter"]).contains("--kind"));
    assert!(fails(&["search", "prison", "--year", "19"]).contains("--year"));
    assert!(fails(&["search", "prison", "--from", "2020", "--to", "2019"]).contains("--to"));
    assert!(fails(&["facets", "--field", "colour"]).contains("--field"));
}

#[test]
fn a_missing_path_exits_2_and_names_it() {
    let tmp = TempDir::new().expect("tempdir");
    dossier(tmp.path())
        .args(["ingest", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/folder: no such file or folder",
        ));
    assert!(!tmp.path().join("index/CURRENT").exists());
}

#[test]
fn only_the_default_index_is_built_on_first_use() {
    let tmp = TempDir::new().expect("tempdir");
    // See: issue 12 (a mistyped --index must not build the demo corpus there).
    dossier(tmp.path())
        .args(["--index", "elsewhere", "docs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no index in elsewhere; hint: run `dossier ingest` first",
        ));
    assert!(!tmp.path().join("elsewhere").exists(), "nothing written");
    dossier(tmp.path())
        .args(["docs"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no index in index: building it"));
    assert!(tmp.path().join("index/CURRENT").exists());
}

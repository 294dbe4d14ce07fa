//! Faults a careful user meets (issue 12): a lost `CURRENT`, a search racing
//! an ingest, an index shared read-only. Each test failed before its fix.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use tempfile::TempDir;

use crate::dossier;

/// A small report written for these tests.
const REPORT: &str = "Detention in Gao\n\nThe prison of Gao holds suspects of JNIM and ISIS.\n\nDaesh recruits there, officials said in May 2021.\n";

fn ingested() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    fs::write(tmp.path().join("gao.txt"), REPORT).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx", "gao.txt"])
        .assert()
        .success();
    tmp
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("ls").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn a_lost_current_is_an_error_never_the_demo_corpus_and_recovers() {
    // See: issue 12, finding 1.
    let tmp = ingested();
    let idx = tmp.path().join("idx");
    fs::remove_file(idx.join("CURRENT")).expect("rm CURRENT");
    dossier(tmp.path())
        .args(["--index", "idx", "search", "prison"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is broken").and(predicate::str::contains("--recover")));
    fs::write(idx.join("CURRENT"), "gen-0-0").expect("write");
    dossier(tmp.path())
        .args(["--index", "idx", "search", "prison"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names gen-0-0, which is missing"));
    dossier(tmp.path())
        .args(["--index", "idx", "ingest", "--recover"])
        .assert()
        .success();
    dossier(tmp.path())
        .args(["--index", "idx", "search", "prison"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gao"));
}

#[test]
fn a_lost_current_at_the_default_location_is_not_rebuilt() {
    // See: issue 12, finding 1: a read command must not build over it.
    let tmp = TempDir::new().expect("tempdir");
    fs::write(tmp.path().join("gao.txt"), REPORT).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--quiet", "gao.txt"])
        .assert()
        .success();
    let before = files_under(&tmp.path().join("index"));
    fs::remove_file(tmp.path().join("index/CURRENT")).expect("rm");
    dossier(tmp.path())
        .args(["docs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is broken"));
    let after = files_under(&tmp.path().join("index"));
    assert_eq!(
        after.len(),
        before.len() - 1,
        "nothing built, nothing removed"
    );
}

#[test]
fn a_search_is_read_only_and_leaves_no_file() {
    // See: issue 12, finding 3: no lock file, no write.
    let tmp = ingested();
    let idx = tmp.path().join("idx");
    let before = files_under(&idx);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in &before {
            fs::set_permissions(f, fs::Permissions::from_mode(0o444)).expect("chmod");
        }
    }
    dossier(tmp.path())
        .args(["--index", "idx", "search", "Daesh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Gao"));
    dossier(tmp.path())
        .args(["--index", "idx", "docs"])
        .assert()
        .success();
    assert_eq!(
        files_under(&idx),
        before,
        "the search created or removed a file"
    );
}

#[cfg(unix)]
#[test]
fn index_files_are_as_readable_as_the_umask_allows() {
    // See: issue 12, finding 3: tantivy's temporary files are 0600.
    use std::os::unix::fs::PermissionsExt;
    let tmp = ingested();
    let idx = tmp.path().join("idx");
    let current = fs::read_to_string(idx.join("CURRENT")).expect("CURRENT");
    let model = fs::metadata(idx.join("CURRENT"))
        .expect("stat")
        .permissions()
        .mode()
        & 0o666;
    for f in files_under(&idx.join(current.trim())) {
        let mode = fs::metadata(&f).expect("stat").permissions().mode() & 0o666;
        assert_eq!(mode, model, "{}", f.display());
    }
}

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

#[test]
fn numbers_out_of_range_are_refused_with_the_range() {
    // See: issue 12, finding 7: 2^32 allocated 103 GB, 2^64-1 overflowed.
    let shared = crate::Shared::get();
    for args in [
        ["search", "prison", "-n", "0"],
        ["search", "prison", "-n", "4294967296"],
        ["search", "prison", "-n", "18446744073709551615"],
        ["search", "prison", "--offset", "18446744073709551615"],
        [
            "show",
            "crisisgroup-258/p16",
            "--context",
            "18446744073709551615",
        ],
        ["timeline", "prison", "-n", "99999999999"],
    ] {
        shared
            .cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "out of range: write a number from",
            ));
    }
    shared
        .cmd()
        .args(["search", "prison", "--offset", "1000000", "-n", "10000"])
        .assert()
        .code(1);
}

#[test]
fn nesting_past_the_limit_is_a_positioned_error_not_a_crash() {
    // See: issue 12, finding 6: 1,000 negations or 8,000 brackets overflowed the stack.
    let shared = crate::Shared::get();
    let negations = format!("{}prison", "-".repeat(1000));
    let brackets = format!("{}prison{}", "(".repeat(8000), ")".repeat(8000));
    for q in [negations, brackets] {
        shared
            .cmd()
            .args(["search", &q])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "one inside the other at column 65",
            ));
    }
    shared
        .cmd()
        .args(["search", "((prison OR jail) -(Mali))"])
        .assert()
        .success();
}

#[test]
fn a_query_of_no_word_and_an_unknown_field_are_errors() {
    // See: issue 12, finding 10: they returned every passage, or nothing, with no word.
    let shared = crate::Shared::get();
    for q in ["🙂", "*", "~", "-"] {
        shared
            .cmd()
            .args(["search", q])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no word to search for"));
    }
    shared
        .cmd()
        .args(["search", "sectoin:Mali"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown field `sectoin:`; did you mean `section:`?",
        ));
    // Text with a colon is still text.
    shared
        .cmd()
        .args(["search", "Note: prisons"])
        .assert()
        .success();
    shared
        .cmd()
        .args(["search", "\"sectoin:Mali\""])
        .assert()
        .code(1);
}

#[test]
fn json_into_a_closed_pipe_ends_quietly() {
    // See: issue 12, finding 12: `search --json | head -1` exited 2.
    let shared = crate::Shared::get();
    for args in [
        vec!["search", "prison", "--json", "-n", "200"],
        vec!["show", "crisisgroup-258/p16", "--json", "--context", "50"],
        vec!["export"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .current_dir(shared.dir())
            .args(["--index", "index"])
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        // Read a few bytes, then close the pipe, as `head -c 16` does.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
        drop(stdout);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_looping_links_are_skipped_with_their_reason() {
    // See: issue 12, finding 4 (a FIFO hung the ingest, /dev/zero ate memory)
    // and 13 (a looping link was "no such file or folder").
    let tmp = TempDir::new().expect("tempdir");
    let status = std::process::Command::new("mkfifo")
        .arg(tmp.path().join("pipe.txt"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    std::os::unix::fs::symlink("loop-b.txt", tmp.path().join("loop-a.txt")).expect("link");
    std::os::unix::fs::symlink("loop-a.txt", tmp.path().join("loop-b.txt")).expect("link");
    fs::write(tmp.path().join("gao.txt"), REPORT).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--index", "idx", "."])
        .timeout(std::time::Duration::from_mins(1))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(
                "pipe.txt: not a regular file (a pipe, device or socket), skipped",
            )
            .and(predicate::str::contains(
                "loop-a.txt: a link that loops, skipped",
            ))
            .and(predicate::str::contains("indexed 1 documents")),
        );
    dossier(tmp.path())
        .args(["ingest", "--index", "idx2", "/dev/zero"])
        .timeout(std::time::Duration::from_mins(1))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/dev/zero: not a regular file"));
    dossier(tmp.path())
        .args([
            "ingest",
            "--index",
            "idx3",
            "--max-file-size",
            "1",
            "gao.txt",
        ])
        .assert()
        .success();
}

#[test]
fn damaged_index_files_are_one_line_errors_naming_the_file() {
    // See: issue 12, finding 8: a truncated alias table changed results quietly.
    let tmp = ingested();
    let idx = tmp.path().join("idx");
    let live = idx.join(
        fs::read_to_string(idx.join("CURRENT"))
            .expect("CURRENT")
            .trim(),
    );
    for (file, command) in [
        ("aliases.fst", "search"),
        ("aliases.txt", "search"),
        ("docs.json", "docs"),
    ] {
        let copy = TempDir::new().expect("tempdir");
        let status = std::process::Command::new("cp")
            .args(["-r"])
            .arg(&idx)
            .arg(copy.path().join("idx"))
            .status()
            .expect("cp");
        assert!(status.success());
        let damaged = copy
            .path()
            .join("idx")
            .join(live.file_name().expect("name"))
            .join(file);
        let bytes = fs::read(&damaged).expect("read");
        fs::write(&damaged, &bytes[..bytes.len() / 2]).expect("truncate");
        let mut cmd = dossier(copy.path());
        cmd.args(["--index", "idx", command]);
        if command == "search" {
            cmd.arg("Daesh");
        }
        cmd.assert().code(2).stderr(
            predicate::str::contains(format!("{file}: damaged index file")).and(
                predicate::str::contains("hint: rebuild the index with `dossier ingest`"),
            ),
        );
        dossier(copy.path())
            .args(["--index", "idx", "check"])
            .assert()
            .code(2)
            .stdout(predicate::str::contains(file));
    }
}

#[test]
fn a_byte_order_mark_and_control_characters_do_not_reach_the_index() {
    // See: issue 12, finding 9.
    let tmp = TempDir::new().expect("tempdir");
    let text = "\u{feff}December 01, 2020\n\nJail breaks in the Sahel\n\nFighters\u{0} freed 200 inmates from the prison of Gao.\u{7}\n";
    fs::write(tmp.path().join("bom.txt"), text).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx", "bom.txt"])
        .assert()
        .success();
    let docs = dossier(tmp.path())
        .args(["--index", "idx", "docs", "--json"])
        .output()
        .expect("docs");
    let doc: serde_json::Value = serde_json::from_slice(&docs.stdout).expect("json");
    assert_eq!(doc["title"], "Jail breaks in the Sahel");
    assert_eq!(doc["published"], "2020-12-01");
    let export = dossier(tmp.path())
        .args(["--index", "idx", "export"])
        .output()
        .expect("export");
    let text = String::from_utf8(export.stdout).expect("utf-8");
    assert!(text.contains("Fighters freed 200 inmates"), "{text}");
    assert!(
        !text.contains("\\u0000") && !text.contains("\\u0007"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn file_names_are_printed_on_one_line() {
    // See: issue 12, finding 13: docs printed raw newlines from file names.
    let tmp = TempDir::new().expect("tempdir");
    fs::write(tmp.path().join("two\nlines.txt"), REPORT).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "idx", "."])
        .assert()
        .success();
    dossier(tmp.path())
        .args(["--index", "idx", "docs"])
        .assert()
        .success()
        .stdout(predicate::str::contains("two\\nlines.txt"));
}

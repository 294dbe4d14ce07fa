//! The index of the bundled corpus that every read-only test shares, built
//! once per version of the `dossier` binary and reused by later runs.
//!
//! It lives in a fixed folder of cargo's scratch dir for integration tests
//! (`target/tmp/`), so no run leaves a temporary directory behind. A stamp
//! file names the binary and corpus the index was built from (modification
//! times and sizes); any difference rebuilds it, so a test never reads an
//! index an older binary wrote.
//!
//! `cargo test` runs the tests on threads of one process: a `OnceLock` builds
//! the index once. `cargo nextest run` runs each test in its own process: a
//! file lock beside the folder lets one process build while the others wait
//! (two `dossier ingest` into one folder would make the second exit 2). Each
//! process then holds the lock shared until it exits, so that a run of a newer
//! binary rebuilds only when no older test is still reading.

use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use assert_cmd::Command;

use crate::{corpus, dossier};

/// Folder of the shared index, under `target/tmp/`.
const FOLDER: &str = "cli-shared-index";
/// What the index was built from, written once the ingest succeeded.
const STAMP: &str = "STAMP";

/// An index of the bundled corpus, built once for all read-only tests.
pub(crate) struct Shared {
    dir: PathBuf,
    /// Held shared for the life of the process (see the module doc).
    _lock: File,
}

impl Shared {
    pub(crate) fn get() -> &'static Shared {
        static SHARED: OnceLock<Shared> = OnceLock::new();
        SHARED.get_or_init(Shared::open_or_build)
    }

    fn open_or_build() -> Shared {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let dir = root.join(FOLDER);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(format!("{FOLDER}.lock")))
            .expect("the lock file opens");
        let key = inputs_key();
        loop {
            lock.lock_shared().expect("shared lock");
            if stamp(&dir).as_deref() == Some(key.as_str()) {
                return Shared { dir, _lock: lock };
            }
            lock.unlock().expect("unlock");
            lock.lock().expect("exclusive lock");
            // Another process may have built it while this one waited.
            if stamp(&dir).as_deref() != Some(key.as_str()) {
                build(&dir, &key);
            }
            lock.unlock().expect("unlock");
        }
    }

    /// The folder holding the shared index (as `index/`).
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// `dossier --index <shared> …` from the shared folder.
    pub(crate) fn cmd(&self) -> Command {
        let mut cmd = dossier(&self.dir);
        cmd.args(["--index", "index"]);
        cmd
    }

    /// Runs a command that must succeed and returns its stdout.
    pub(crate) fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "dossier {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs a command that must succeed and parses each stdout line as JSON.
    pub(crate) fn json_lines(&self, args: &[&str]) -> Vec<serde_json::Value> {
        self.stdout(args)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

/// The stamp of the index in `dir`, if one was built to the end.
fn stamp(dir: &Path) -> Option<String> {
    fs::read_to_string(dir.join(STAMP)).ok()
}

/// Builds the index afresh in `dir`; the caller holds the lock exclusively.
fn build(dir: &Path, key: &str) {
    if dir.exists() {
        fs::remove_dir_all(dir).expect("the old shared index is removed");
    }
    fs::create_dir_all(dir).expect("the shared index folder is created");
    dossier(dir)
        .args(["ingest", "--quiet", "--index", "index"])
        .arg(corpus())
        .assert()
        .success();
    fs::write(dir.join(STAMP), key).expect("the stamp is written");
}

/// One line per input of the index: the binary and each corpus file, with its
/// size and modification time.
fn inputs_key() -> String {
    let mut files = vec![PathBuf::from(env!("CARGO_BIN_EXE_dossier"))];
    let mut reports: Vec<PathBuf> = fs::read_dir(corpus())
        .expect("the corpus folder lists")
        .map(|e| e.expect("a corpus entry").path())
        .collect();
    reports.sort();
    files.extend(reports);
    let mut key = String::new();
    for path in &files {
        let meta = fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let modified = meta
            .modified()
            .expect("modification time")
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_nanos();
        writeln!(key, "{} {} {modified}", path.display(), meta.len()).expect("a String takes it");
    }
    key
}

//! CLI tests: drive the `dossier` binary as a user would, on the bundled corpus
//! and on small inputs written for the test. One module per subcommand.

mod corpus;
mod docs;
mod errors;
mod export;
mod extract;
mod ingest;
mod ranking;
mod search;
mod show;
mod sources;
mod timeline;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use tempfile::TempDir;

/// The fields every passage object carries (SPEC section 3).
pub(crate) const CONTRACT_FIELDS: [&str; 16] = [
    "id",
    "doc",
    "doc_title",
    "kind",
    "n",
    "section",
    "text",
    "refs",
    "footnotes",
    "sources",
    "countries",
    "groups",
    "places",
    "persons",
    "dates",
    "line",
];

/// The repository's bundled corpus.
pub(crate) fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `dossier` with a clean environment, run from `cwd`.
pub(crate) fn dossier(cwd: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dossier").expect("binary built");
    cmd.env_clear().current_dir(cwd);
    cmd
}

/// An index of the bundled corpus, built once for all read-only tests.
pub(crate) struct Shared {
    dir: TempDir,
}

impl Shared {
    pub(crate) fn get() -> &'static Shared {
        static SHARED: OnceLock<Shared> = OnceLock::new();
        SHARED.get_or_init(|| {
            let dir = TempDir::new().expect("tempdir");
            dossier(dir.path())
                .args(["ingest", "--quiet", "--index", "index"])
                .arg(corpus())
                .assert()
                .success();
            Shared { dir }
        })
    }

    /// `dossier --index <shared> …` from the shared folder.
    pub(crate) fn cmd(&self) -> Command {
        let mut cmd = dossier(self.dir.path());
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

    /// Runs a command and parses each stdout line as JSON.
    pub(crate) fn json_lines(&self, args: &[&str]) -> Vec<serde_json::Value> {
        self.stdout(args)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }
}

/// Asserts that a passage object carries every contract field with the right type.
pub(crate) fn assert_contract(obj: &serde_json::Value) {
    for field in CONTRACT_FIELDS {
        assert!(obj.get(field).is_some(), "missing `{field}` in {obj}");
    }
    for list in [
        "section",
        "refs",
        "footnotes",
        "sources",
        "countries",
        "groups",
        "places",
        "persons",
        "dates",
    ] {
        assert!(obj[list].is_array(), "`{list}` is not a list in {obj}");
    }
    let id = obj["id"].as_str().expect("id is a string");
    let doc = obj["doc"].as_str().expect("doc is a string");
    assert!(
        id.starts_with(&format!("{doc}/")),
        "id {id} not under doc {doc}"
    );
    if obj["kind"] == "footnote" {
        assert!(
            obj.get("cited_by").is_some(),
            "footnote without cited_by: {obj}"
        );
    }
}

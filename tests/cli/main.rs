//! CLI tests: drive the `dossier` binary as a user would, on the bundled corpus
//! and on small inputs written for the test. One module per subcommand, plus the
//! gold measures (entity extraction, relevance) and the check of `docs/json.md`,
//! all in one binary so that the corpus is ingested once (see `shared`).

mod cite;
mod corpus;
mod counts;
mod docs;
mod engine;
mod entities_any_report;
mod entities_gold;
mod errors;
mod export;
mod extract;
mod faults;
mod forgiving;
mod formats;
mod html;
mod ingest;
mod json_doc;
mod kwic_crosstab;
mod library;
mod pdf;
mod ranking;
mod relevance;
mod search;
mod serve;
mod settings;
mod shared;
mod shell;
mod show;
mod sources;
mod tables;
mod timeline;
mod watch;
mod word;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub(crate) use shared::Shared;

/// The fields every passage object carries (`docs/json.md`).
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
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.env_clear().current_dir(cwd);
    cmd
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

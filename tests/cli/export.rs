//! `dossier export`: every passage, every contract field, document order.

use crate::{Shared, assert_contract};

#[test]
fn export_prints_every_passage_in_document_order() {
    let shared = Shared::get();
    let passages = shared.json_lines(&["export"]);
    let docs = shared.json_lines(&["docs", "--json"]);
    let expected: u64 = docs
        .iter()
        .map(|d| {
            ["headings", "paragraphs", "footnotes", "events", "captions"]
                .iter()
                .map(|k| d[k].as_u64().expect("count"))
                .sum::<u64>()
        })
        .sum();
    assert!(expected > 800, "the corpus has {expected} passages");
    assert_eq!(passages.len() as u64, expected);
    for p in &passages {
        assert_contract(p);
    }
    // Documents come one after another, in the order `docs` lists them.
    let mut order: Vec<&str> = passages
        .iter()
        .map(|p| p["doc"].as_str().expect("doc"))
        .collect();
    order.dedup();
    let doc_ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().expect("id")).collect();
    assert_eq!(order, doc_ids);
    // Inside a document, the numbers of each kind count up from 1 (footnotes keep their own).
    let first = passages
        .iter()
        .find(|p| p["kind"] == "paragraph")
        .expect("a paragraph");
    assert_eq!(first["n"], 1);
}

#[test]
fn ids_are_stable_across_two_ingests() {
    let shared = Shared::get();
    let ids = |out: String| -> Vec<String> {
        out.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json")["id"].to_string())
            .collect()
    };
    let first = ids(shared.stdout(&["export"]));
    assert!(first.len() > 800, "{} ids", first.len());
    let tmp = tempfile::TempDir::new().expect("tempdir");
    crate::dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "again"])
        .arg(crate::corpus())
        .assert()
        .success();
    let out = crate::dossier(tmp.path())
        .args(["--index", "again", "export"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let second = ids(String::from_utf8(out.stdout).expect("utf-8"));
    assert_eq!(first, second);
}

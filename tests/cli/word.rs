//! Word documents end to end: the .docx fixtures of `tests/fixtures/segment/`
//! (written by `tests/fixtures/make_docx.py`) ingested together, their
//! metadata, headings and notes as counted by hand, no markup left in any
//! passage, and the unreadable ones reported with their reason.

use std::fs;
use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use crate::{CONTRACT_FIELDS, dossier};

/// The Word fixtures, copied into `tmp/reports`, then ingested into `tmp/idx`.
fn ingest_word_fixtures(tmp: &Path) -> String {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
    let reports = tmp.join("reports");
    fs::create_dir(&reports).expect("mkdir");
    for entry in fs::read_dir(&fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "docx") {
            fs::copy(&path, reports.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    let out = dossier(tmp)
        .args(["ingest", "--index", "idx", "reports"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "three files are skipped");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_lines(tmp: &Path, args: &[&str]) -> Vec<Value> {
    let out = dossier(tmp)
        .args(["--index", "idx"])
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

#[test]
fn word_files_are_accounted_for_with_their_metadata_and_structure() {
    let tmp = TempDir::new().expect("tempdir");
    let stderr = ingest_word_fixtures(tmp.path());
    for (file, why) in [
        ("docx-damaged.docx", "not a readable zip archive"),
        ("docx-not-word.docx", "not a Word document"),
        ("docx-encrypted.docx", "encrypted"),
    ] {
        assert!(
            stderr.contains(file) && stderr.contains(why),
            "{file}: {stderr}"
        );
    }
    assert!(stderr.contains("indexed 2 documents (2 docx)"), "{stderr}");

    let docs = json_lines(tmp.path(), &["docs", "--json"]);
    let doc = |id: &str| docs.iter().find(|d| d["id"] == id).expect(id).clone();
    let report = doc("docx-report");
    assert_eq!(
        report["title"],
        "Community Policing and Armed Groups in the Lakeside Districts"
    );
    assert_eq!(
        report["authors"],
        serde_json::json!(["Mira Castellanos", "Idris Okafor"])
    );
    // The date the title block displays, not the last save (2023-04-18).
    assert_eq!(report["published"], "2023-04-12");
    assert_eq!(report["publisher"], "Northbridge Security Institute");
    assert_eq!(report["format"], "docx");
    // By hand: 8 headings (the Title paragraph is the title), 13 paragraphs
    // (3 list items, the table, the quote and the text box's paragraph among
    // them; the Author and Date lines are metadata, and the segmenter reads
    // the subtitle as a heading with nothing under it), 6 footnotes and 2
    // endnotes, 1 caption.
    let counts = |d: &Value| {
        [
            "headings",
            "paragraphs",
            "footnotes",
            "captions",
            "refs_without_body",
        ]
        .map(|k| d[k].as_u64().expect(k))
    };
    assert_eq!(counts(&report), [8, 13, 8, 1, 0]);
    // The draft: its title and author only in the text, the placeholder
    // author and company of its properties dropped.
    let draft = doc("docx-draft");
    assert_eq!(
        draft["title"],
        "Returnees in the River Province: First Draft"
    );
    assert_eq!(draft["authors"], serde_json::json!(["Hana Ito"]));
    assert_eq!(draft["publisher"], Value::Null);
    assert_eq!(draft["published"], "2022-03-14");
    assert_eq!(counts(&draft), [3, 5, 3, 0, 0]);
}

#[test]
fn word_passages_have_no_markup_and_every_note_cited() {
    let tmp = TempDir::new().expect("tempdir");
    ingest_word_fixtures(tmp.path());
    let passages = json_lines(tmp.path(), &["export"]);
    for p in &passages {
        // `line` is absent: a Word file has no lines (docs/json.md).
        for field in CONTRACT_FIELDS.iter().filter(|f| **f != "line") {
            assert!(p.get(field).is_some(), "missing `{field}` in {p}");
        }
        assert!(p.get("line").is_none(), "{p}");
        let text = p["text"].as_str().expect("text");
        for markup in [
            "<",
            ">",
            "w:",
            "\u{E000}",
            "HYPERLINK",
            "NOTEREF",
            "TOC",
            "[^",
            "{{",
            "]]",
        ] {
            assert!(!text.contains(markup), "{markup:?} left in {text}");
        }
        // Not content: the table of contents, hidden text, deleted text.
        for gone in ["Contents", "check the levy", "control most"] {
            assert!(!text.contains(gone), "{gone:?} in {text}");
        }
    }
    // Every note is cited, at the place Word numbers it: footnotes 1-6 by
    // first reference, the endnotes after them; note 3 is cited twice (the
    // second time through a NOTEREF field).
    for (doc, notes) in [("docx-report", 8), ("docx-draft", 3)] {
        let mut cited: Vec<u64> = passages
            .iter()
            .filter(|p| p["doc"] == doc)
            .flat_map(|p| p["refs"].as_array().expect("refs").clone())
            .map(|r| r.as_str().expect("ref").parse().expect("number"))
            .collect();
        let twice = cited.len();
        cited.sort_unstable();
        cited.dedup();
        assert_eq!(cited, (1..=notes).collect::<Vec<u64>>(), "{doc}");
        assert_eq!(
            twice - cited.len(),
            usize::from(doc == "docx-report"),
            "{doc}"
        );
    }
    let text_of = |id: &str| {
        passages.iter().find(|p| p["id"] == id).expect(id)["text"]
            .as_str()
            .expect("text")
            .to_string()
    };
    assert_eq!(text_of("docx-report/fn4"), "Ibid.");
    assert_eq!(text_of("docx-report/fn3"), text_of("docx-report/fn5"));
    assert_eq!(
        passages
            .iter()
            .filter(|p| p["text"] == "Box 1. Terminology")
            .count(),
        1,
        "the text box is read once, not again from its fallback copy"
    );
}

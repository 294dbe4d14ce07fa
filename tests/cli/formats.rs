//! Every format, through the binary: the fixtures written in each input
//! format (and the public-domain samples) ingested together, then checked
//! for the properties every report must have whatever its format: no markup
//! left in any passage, every note linked or reported, no giant paragraph,
//! a page on every PDF passage; and, per fixture, the facts written into it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

use crate::dossier;

/// Longest paragraph a fixture holds, in characters.
const MAX_PARAGRAPH_CHARS: usize = 3_000;

/// Markup that must never reach a passage's text.
const MARKUP: [&str; 12] = [
    "[^", "]]", "[[", "{{", "}}", "</", "<br", "&amp;", "&nbsp;", "+---", "|---", "[edit]",
];

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for folder in ["segment", "samples"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            out.push(entry.path());
        }
    }
    out.sort();
    out
}

/// Every fixture ingested into one index, and the export and documents.
struct Ingested {
    _dir: TempDir,
    passages: Vec<Value>,
    docs: Vec<Value>,
}

fn ingest_all() -> Ingested {
    let dir = TempDir::new().expect("tempdir");
    let out = dossier(dir.path())
        .args(["ingest", "--quiet", "--index", "idx"])
        .args(fixtures())
        .output()
        .expect("runs");
    // Only the fixtures made broken on purpose may be skipped, each with a reason.
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in stderr.lines() {
        let file = line
            .strip_prefix("dossier: warning: ")
            .and_then(|rest| rest.split(": ").next())
            .unwrap_or_else(|| panic!("not a warning: {line}"));
        let name = Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let broken_on_purpose = ["damaged", "encrypted", "not-", "scanned"]
            .iter()
            .any(|m| name.contains(m));
        assert!(
            broken_on_purpose,
            "a fixture that should read was skipped: {line}"
        );
        assert!(
            line.contains("skipped"),
            "the warning says what happened: {line}"
        );
    }
    assert!(
        out.status.code() == Some(0) || (out.status.code() == Some(2) && !stderr.is_empty()),
        "ingest failed: {stderr}"
    );
    let json = |args: &[&str]| -> Vec<Value> {
        let out = dossier(dir.path())
            .args(["--index", "idx"])
            .args(args)
            .output()
            .expect("runs");
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    };
    let passages = json(&["export"]);
    let docs = json(&["docs", "--json"]);
    Ingested {
        _dir: dir,
        passages,
        docs,
    }
}

fn text(p: &Value) -> &str {
    p["text"].as_str().expect("text is a string")
}

fn of_doc<'a>(all: &'a [Value], doc: &str) -> Vec<&'a Value> {
    let found: Vec<&Value> = all.iter().filter(|p| p["doc"] == doc).collect();
    assert!(!found.is_empty(), "no passage of {doc}");
    found
}

#[test]
fn every_format_reads_clean_linked_passages() {
    let all = ingest_all();
    assert!(all.passages.len() > 50, "{} passages", all.passages.len());
    let ids: HashMap<&str, &Value> = all
        .passages
        .iter()
        .map(|p| (p["id"].as_str().expect("id"), p))
        .collect();
    for p in &all.passages {
        let t = text(p);
        for m in MARKUP {
            assert!(!t.contains(m), "markup `{m}` left in {}: {t}", p["id"]);
        }
        assert!(
            !t.contains('\u{e000}') && !t.contains('\u{e001}'),
            "note marker left in {}",
            p["id"]
        );
        if p["kind"] == "paragraph" {
            assert!(
                t.chars().count() <= MAX_PARAGRAPH_CHARS,
                "{} has {} characters",
                p["id"],
                t.chars().count()
            );
        }
        for f in p["footnotes"].as_array().expect("footnotes") {
            let f = f.as_str().expect("an id");
            let note = ids
                .get(f)
                .unwrap_or_else(|| panic!("{} cites {f}, which is missing", p["id"]));
            let citing = note["cited_by"]
                .as_str()
                .expect("a cited note names who cites it");
            assert!(
                ids[citing]["footnotes"]
                    .as_array()
                    .expect("footnotes")
                    .iter()
                    .any(|x| x == f),
                "{f} is cited by {citing}, which does not cite it"
            );
        }
    }
    for d in &all.docs {
        let id = d["id"].as_str().expect("id");
        let uncited = of_doc(&all.passages, id)
            .iter()
            .filter(|p| p["kind"] == "footnote" && p["cited_by"].is_null())
            .count();
        assert_eq!(
            d["notes_without_ref"], uncited,
            "{id} reports its notes nobody cites"
        );
        let format = d["format"].as_str().expect("a format");
        if format == "pdf" {
            for p in of_doc(&all.passages, d["id"].as_str().expect("id")) {
                assert!(p["page"].is_u64(), "{} has no page", p["id"]);
            }
        }
    }
}

#[test]
fn markdown_notes_front_matter_tables_and_images() {
    let all = ingest_all();
    let doc = all
        .docs
        .iter()
        .find(|d| {
            d["source_file"]
                .as_str()
                .is_some_and(|s| s.ends_with("kramdown-paper.md"))
        })
        .expect("the markdown fixture is a document");
    assert_eq!(doc["title"], "Smuggling Routes Across the Sahel");
    assert_eq!(
        doc["authors"],
        serde_json::json!(["Jane Roe", "Omar Diallo"])
    );
    assert_eq!(doc["published"], "2022-09-14");
    assert_eq!(doc["format"], "markdown");
    let passages = of_doc(&all.passages, doc["id"].as_str().expect("id"));
    let notes: Vec<&&Value> = passages
        .iter()
        .filter(|p| p["kind"] == "footnote")
        .collect();
    assert_eq!(notes.len(), 5, "five notes, Ibid. and repeats included");
    for n in &notes {
        assert!(n["cited_by"].is_string(), "{} is not linked", n["id"]);
    }
    let ibid = notes.iter().filter(|n| text(n) == "Ibid.").count();
    assert_eq!(ibid, 3);
    let by_text = |start: &str| {
        passages
            .iter()
            .find(|p| text(p).starts_with(start))
            .unwrap_or_else(|| panic!("no passage starting {start:?}"))
    };
    assert_eq!(
        by_text("Fuel smuggling")["refs"],
        serde_json::json!(["1", "2"])
    );
    assert_eq!(
        by_text("Officials in Niamey")["refs"],
        serde_json::json!(["3", "4"])
    );
    assert_eq!(by_text("Map of the main")["kind"], "caption");
    assert!(text(by_text("Route · Goods")).contains("Arlit–Tamanrasset · cigarettes"));
    assert_eq!(by_text("1. Share customs")["kind"], "paragraph");
    assert!(
        passages.iter().all(|p| !text(p).contains("logo")),
        "an image whose alt text says nothing is dropped"
    );
    assert!(
        passages
            .iter()
            .all(|p| !text(p).contains("layout") && !text(p).contains("infobox")),
        "front matter is no passage"
    );
}

#[test]
fn hard_wrapped_text_with_indented_paragraphs_and_page_footers() {
    let all = ingest_all();
    let doc = all
        .docs
        .iter()
        .find(|d| {
            d["source_file"]
                .as_str()
                .is_some_and(|s| s.ends_with("testimony-hardwrapped.txt"))
        })
        .expect("the testimony fixture is a document");
    let passages = of_doc(&all.passages, doc["id"].as_str().expect("id"));
    let headings: Vec<&str> = passages
        .iter()
        .filter(|p| p["kind"] == "heading")
        .map(|p| text(p))
        .collect();
    for h in [
        "BACKGROUND",
        "THE DEPARTMENT HAS NOT SET MEASURES OF RESULTS",
        "RECOMMENDATIONS REMAIN OPEN",
    ] {
        assert!(headings.contains(&h), "{h} in {headings:?}");
    }
    let paragraphs = passages.iter().filter(|p| p["kind"] == "paragraph").count();
    assert!(paragraphs >= 9, "{paragraphs} paragraphs");
    let notes: Vec<&&Value> = passages
        .iter()
        .filter(|p| p["kind"] == "footnote")
        .collect();
    assert_eq!(notes.len(), 3);
    assert!(notes.iter().all(|n| n["cited_by"].is_string()));
    assert!(
        passages
            .iter()
            .all(|p| !text(p).contains("Page 1") && !text(p).contains("GAO-24-107321T"))
    );
    let last = passages.last().expect("passages");
    assert_eq!(last["page"], 2, "form feeds number the pages");
}

#[test]
fn wiki_export_notes_and_lists() {
    let all = ingest_all();
    let doc = all
        .docs
        .iter()
        .find(|d| {
            d["source_file"]
                .as_str()
                .is_some_and(|s| s.ends_with("wiki-export.txt"))
        })
        .expect("the wiki fixture is a document");
    let passages = of_doc(&all.passages, doc["id"].as_str().expect("id"));
    let notes: Vec<&&Value> = passages
        .iter()
        .filter(|p| p["kind"] == "footnote")
        .collect();
    assert_eq!(notes.len(), 5);
    assert!(
        notes.iter().all(|n| n["cited_by"].is_string()),
        "every note is cited"
    );
    for gone in [
        "See also",
        "External links",
        "Official channel",
        "Jihadism in the Sahel",
        "Contents",
        "From Wikipedia",
        "Infobox",
    ] {
        assert!(
            passages.iter().all(|p| !text(p).contains(gone)),
            "{gone} is not body text"
        );
    }
    assert_eq!(
        notes[1]["section"],
        serde_json::json!([]),
        "note 2 is cited by the lead paragraph"
    );
}

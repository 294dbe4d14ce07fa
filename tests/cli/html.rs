//! HTML through the binary: the public-domain CRS sample and the pages
//! written for the tests (a Wikipedia export, a Jekyll article, a Crisis
//! Group page, a Word "web page" in windows-1252), ingested together and
//! checked against what was counted by hand in each: notes found and
//! linked, headings and their sections, metadata, and no markup, chrome or
//! navigation left in any passage.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

use crate::dossier;

/// What must never reach the text of an HTML passage.
const MARKUP: [&str; 9] = [
    "<", "&amp;", "&nbsp;", "&#", "[^", "[edit]", "↩", "\u{e000}", "\u{e001}",
];

/// The CRS sample's headings below its title, as counted in the source:
/// h2 `Contents` and `Footnotes` head a contents list and the notes, which
/// are not body text.
const CRS_HEADINGS: [(&str, &[&str]); 12] = [
    ("Summary", &[]),
    ("Overview", &[]),
    ("Major Developments Since February 2026", &[]),
    (
        "Other Theaters",
        &["Major Developments Since February 2026"],
    ),
    (
        "Lebanon",
        &["Major Developments Since February 2026", "Other Theaters"],
    ),
    (
        "Yemen",
        &["Major Developments Since February 2026", "Other Theaters"],
    ),
    (
        "Iraq",
        &["Major Developments Since February 2026", "Other Theaters"],
    ),
    ("U.S. Objectives", &[]),
    ("Iranian Strategy and Objectives", &[]),
    ("Selected International Perspectives", &[]),
    ("Outlook: Potential Scenarios", &[]),
    ("Issues for Congress", &[]),
];

fn html_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<PathBuf> = ["segment", "samples"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root.join(folder)).expect("fixtures"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
        .collect();
    out.sort();
    out
}

/// The HTML fixtures ingested: every passage and every document.
fn ingest() -> (TempDir, Vec<Value>, Vec<Value>) {
    let dir = TempDir::new().expect("tempdir");
    let out = dossier(dir.path())
        .args(["ingest", "--quiet", "--index", "idx"])
        .args(html_files())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    };
    let passages = json(&["export"]);
    let docs = json(&["docs", "--json"]);
    (dir, passages, docs)
}

fn text(p: &Value) -> &str {
    p["text"].as_str().expect("text")
}

fn doc<'a>(docs: &'a [Value], file: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["source_file"].as_str().is_some_and(|s| s.ends_with(file)))
        .unwrap_or_else(|| panic!("{file} is a document"))
}

fn passages_of<'a>(all: &'a [Value], doc: &Value) -> Vec<&'a Value> {
    all.iter().filter(|p| p["doc"] == doc["id"]).collect()
}

/// Checks a document's notes: `count` of them, numbered 1…count, each
/// cited by a passage that lists it.
fn assert_notes_linked(passages: &[&Value], count: usize, what: &str) {
    let notes: Vec<&&Value> = passages
        .iter()
        .filter(|p| p["kind"] == "footnote")
        .collect();
    assert_eq!(notes.len(), count, "{what}: notes found");
    for (i, n) in notes.iter().enumerate() {
        assert_eq!(n["n"], i + 1, "{what}: notes keep their numbers");
        let citing = n["cited_by"]
            .as_str()
            .unwrap_or_else(|| panic!("{what}: {} is not linked", n["id"]));
        let cites = passages
            .iter()
            .find(|p| p["id"] == citing)
            .expect("the citing passage exists");
        assert!(
            cites["footnotes"]
                .as_array()
                .expect("footnotes")
                .contains(&n["id"]),
            "{what}: {citing} lists {}",
            n["id"]
        );
    }
}

fn assert_absent(passages: &[&Value], words: &[&str], what: &str) {
    for w in words {
        if let Some(p) = passages.iter().find(|p| text(p).contains(w)) {
            panic!("{what}: `{w}` left in {}: {}", p["id"], text(p));
        }
    }
}

#[test]
fn html_pages_read_as_their_markup_states() {
    let (_dir, all, docs) = ingest();
    for p in &all {
        for m in MARKUP {
            assert!(!text(p).contains(m), "`{m}` left in {}", p["id"]);
        }
    }
    for d in &docs {
        assert_eq!(d["format"], "html");
        assert_eq!(d["notes_without_ref"], 0, "{}", d["id"]);
        assert_eq!(d["refs_without_body"], 0, "{}", d["id"]);
    }
    crs_sample(&all, &docs);
    wikipedia(&all, &docs);
    jekyll(&all, &docs);
    crisis_group(&all, &docs);
    word(&all, &docs);
}

fn crs_sample(all: &[Value], docs: &[Value]) {
    let d = doc(docs, "01-crs-r48887-us-conflict-with-iran.html");
    assert_eq!(d["title"], "U.S. Conflict with Iran");
    let passages = passages_of(all, d);
    assert_notes_linked(&passages, 72, "CRS");
    let headings: Vec<(&str, Vec<&str>)> = passages
        .iter()
        .filter(|p| p["kind"] == "heading")
        .map(|p| {
            let section = p["section"].as_array().expect("section");
            (
                text(p),
                section
                    .iter()
                    .map(|s| s.as_str().expect("a heading"))
                    .collect(),
            )
        })
        .collect();
    let want: Vec<(&str, Vec<&str>)> = CRS_HEADINGS.iter().map(|(h, s)| (*h, s.to_vec())).collect();
    assert_eq!(headings, want);
    let lebanon = passages.iter().find(|p| text(p) == "Lebanon").expect("h4");
    assert_eq!(
        lebanon["refs"],
        serde_json::json!(["29"]),
        "the note in the h4"
    );
    let captions: Vec<&str> = passages
        .iter()
        .filter(|p| p["kind"] == "caption")
        .map(|p| text(p))
        .collect();
    assert_eq!(
        captions,
        [
            "U.S.-Iran Conflict: By the Numbers",
            "Impacts on Iranian and U.S. Military Capabilities"
        ],
        "text boxes are read as blocks, their titles as captions"
    );
    let april = passages
        .iter()
        .find(|p| text(p).starts_with("April: Two-week"))
        .expect("`<strong>Apri</strong><strong>l</strong>` reads April");
    assert_eq!(april["refs"], serde_json::json!(["8", "9"]));
    assert!(
        passages
            .iter()
            .any(|p| text(p).starts_with("Fall of Iranian Government."))
    );
    assert_absent(
        &passages,
        &["Apri l", "Fall of Iranian Government.Military"],
        "CRS",
    );
    for p in &passages {
        assert!(
            p["line"].is_u64() && p["span"].is_array(),
            "{} has a line",
            p["id"]
        );
    }
    let numbers = passages
        .iter()
        .find(|p| text(p).starts_with("U.S. military casualties"))
        .expect("a line of the box");
    assert_eq!(numbers["kind"], "paragraph");
    assert_eq!(numbers["refs"], serde_json::json!(["4"]));
}

fn wikipedia(all: &[Value], docs: &[Value]) {
    let d = doc(docs, "wikipedia-article.html");
    assert_eq!(
        d["title"], "Harakat al-Wadi",
        "`- Wikipedia` is the site's name"
    );
    let passages = passages_of(all, d);
    assert_notes_linked(&passages, 5, "Wikipedia");
    assert_absent(
        &passages,
        &[
            "citation needed",
            "Jump to content",
            "From Wikipedia",
            "For the river valley",
            "Retrieved from",
            "Rebel groups in Chad",
            "Insurgency in eastern Chad",
            "Profile of the movement",
            "Group A",
            "last edited",
            "^",
        ],
        "Wikipedia",
    );
    let infobox = passages
        .iter()
        .find(|p| text(p).contains("Leaders · Idris Kamal"))
        .expect("the infobox is a table");
    assert_eq!(infobox["refs"], serde_json::json!(["3"]));
    let survey_cited = passages
        .iter()
        .filter(|p| {
            p["refs"]
                .as_array()
                .is_some_and(|r| r.contains(&"2".into()))
        })
        .count();
    assert_eq!(survey_cited, 3, "a named reference used three times");
    let talks = passages
        .iter()
        .find(|p| text(p) == "Talks with the government")
        .expect("h3");
    assert_eq!(talks["section"], serde_json::json!(["History"]));
}

fn jekyll(all: &[Value], docs: &[Value]) {
    let d = doc(docs, "jekyll-article.html");
    assert_eq!(
        d["title"], "Counting Drone Strikes from Satellite Images: A Method Note",
        "citation_title first"
    );
    assert_eq!(d["authors"], serde_json::json!(["Ana Ruiz", "Tomas Berg"]));
    assert_eq!(d["published"], "2023-05-14");
    assert_eq!(d["publisher"], "Open Source Lab");
    let passages = passages_of(all, d);
    assert_notes_linked(&passages, 3, "Jekyll");
    assert_absent(
        &passages,
        &[
            "Skip to content",
            "About",
            "Related",
            "Share on Twitter",
            "14 May 2023",
            "PDF icon",
            "team@",
        ],
        "Jekyll",
    );
    let two = passages
        .iter()
        .find(|p| p["n"] == 2 && p["kind"] == "footnote")
        .expect("note 2");
    assert_eq!(
        text(two),
        "Channels were found through keyword searches in Arabic and Hausa. We excluded channels that only repost others."
    );
}

fn crisis_group(all: &[Value], docs: &[Value]) {
    let d = doc(docs, "crisisgroup-page.html");
    assert_eq!(
        d["title"],
        "Charcoal, Cattle and Checkpoints in Eastern Chad"
    );
    assert_eq!(d["published"], "2023-03-09");
    assert_eq!(d["publisher"], "Crisis Group");
    let passages = passages_of(all, d);
    assert_notes_linked(&passages, 4, "Crisis Group");
    assert_absent(
        &passages,
        &[
            "[fn]",
            "Hide Footnote",
            "Share",
            "Download PDF",
            "Subscribe",
            "Latest Updates",
            "icon caret",
            "Related Content",
        ],
        "Crisis Group",
    );
    let summary = passages
        .iter()
        .find(|p| text(p).starts_with("Charcoal burners"))
        .expect("the paragraph with two widgets");
    assert_eq!(summary["refs"], serde_json::json!(["1", "2"]));
}

fn word(all: &[Value], docs: &[Value]) {
    let d = doc(docs, "word-export.htm");
    assert_eq!(
        d["title"],
        "Returning Families from the Camps: A Policy Brief"
    );
    let passages = passages_of(all, d);
    assert_notes_linked(&passages, 3, "Word");
    assert!(
        passages
            .iter()
            .any(|p| text(p).contains("“repatriate, prosecute or wait”")
                && text(p).contains("costs – legal")),
        "windows-1252 quotes and dashes decoded"
    );
    assert!(passages.iter().any(|p| text(p).starts_with("A café owner")));
    let table = passages
        .iter()
        .find(|p| text(p).starts_with("Country · Returned"))
        .expect("the table");
    assert!(text(table).contains("Country A · 140"));
}

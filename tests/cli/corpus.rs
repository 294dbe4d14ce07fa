//! Whole-corpus properties of the passages `dossier export` prints: what a
//! careful reader would check on every page, over all five bundled reports.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::Shared;

/// Markup, chrome and markers that must never reach passage text.
const FORBIDDEN: [&str; 24] = [
    "[fn]",
    "Hide Footnote",
    "](#)",
    "](",
    "**",
    "*",
    "##",
    "---",
    "icon caret",
    "Arrow Down",
    "Download PDF",
    "• Share",
    "<http",
    "CRISIS GROUP /",
    "via AFP",
    "[Notice",
    "Source: Crisis Group",
    "¹",
    "²",
    "³",
    "⁴",
    "⁰",
    "\u{a0}\u{a0}",
    "  ",
];

/// Every passage; the bundled corpus has 904.
fn export() -> Vec<Value> {
    let passages = Shared::get().json_lines(&["export"]);
    assert!(passages.len() > 800, "{} passages", passages.len());
    passages
}

/// A string field every passage must carry.
fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

/// A list of strings every passage must carry (possibly empty).
fn list(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(s)
        .collect()
}

#[test]
fn no_passage_text_carries_markup_chrome_or_markers() {
    for p in export() {
        let text = s(&p["text"]);
        assert!(!text.is_empty(), "empty passage {}", p["id"]);
        assert_eq!(text, text.trim(), "untrimmed {}", p["id"]);
        for token in FORBIDDEN {
            assert!(
                !text.contains(token),
                "{} contains {token:?}: {text}",
                p["id"]
            );
        }
        // The running header of a paginated export is not prose.
        if p["kind"] != "heading" {
            assert_ne!(text, s(&p["doc_title"]), "title repeated as {}", p["id"]);
        }
    }
}

#[test]
fn every_footnote_is_cited_by_exactly_one_passage() {
    let passages = export();
    let mut citing: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in &passages {
        for f in list(&p["footnotes"]) {
            citing.entry(f).or_default().push(s(&p["id"]));
        }
    }
    let mut footnotes = 0;
    for f in passages.iter().filter(|p| p["kind"] == "footnote") {
        footnotes += 1;
        let id = s(&f["id"]);
        let by = citing.get(id).cloned().unwrap_or_default();
        assert_eq!(by.len(), 1, "{id} is cited by {by:?}");
        assert_eq!(s(&f["cited_by"]), by[0], "{id} cited_by");
    }
    assert!(footnotes > 300, "the corpus has footnotes: {footnotes}");
}

#[test]
fn every_reference_with_a_body_resolves_to_it() {
    let passages = export();
    let ids: HashSet<&str> = passages.iter().map(|p| s(&p["id"])).collect();
    let (mut linked, mut resolved) = (0, 0);
    for p in &passages {
        let doc = s(&p["doc"]);
        let refs = list(&p["refs"]);
        let links = list(&p["footnotes"]);
        for link in &links {
            assert!(ids.contains(link), "{} links to missing {link}", p["id"]);
            linked += 1;
        }
        for r in &refs {
            let body = format!("{doc}/fn{r}");
            if ids.contains(body.as_str()) {
                resolved += 1;
                assert!(
                    links.contains(&body.as_str()),
                    "{} cites {r} but does not link {body}",
                    p["id"]
                );
            }
        }
        assert!(
            links.len() <= refs.len(),
            "{}: more links than references",
            p["id"]
        );
    }
    assert!(
        linked > 300 && resolved > 300,
        "{linked} links, {resolved} resolved"
    );
}

/// Lower-case letters and digits only, to compare texts across punctuation.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn no_paragraph_repeats_inside_another_as_a_pull_quote_would() {
    let passages = export();
    let paragraphs: Vec<(&str, &str, String)> = passages
        .iter()
        .filter(|p| p["kind"] == "paragraph")
        .map(|p| (s(&p["doc"]), s(&p["id"]), fold(s(&p["text"]))))
        .collect();
    assert!(paragraphs.len() > 300, "{} paragraphs", paragraphs.len());
    for (doc, id, text) in &paragraphs {
        for (doc2, id2, text2) in &paragraphs {
            if doc == doc2 && id != id2 && text.len() >= 40 {
                assert!(
                    !text2.contains(text.as_str()),
                    "{id} is repeated inside {id2}"
                );
            }
        }
    }
}

#[test]
fn page_broken_paragraphs_are_joined() {
    let passages = export();
    let prose: Vec<&Value> = passages
        .iter()
        .filter(|p| p["kind"] == "paragraph" || p["kind"] == "event")
        .collect();
    assert!(prose.len() > 400, "{} paragraphs and events", prose.len());
    for p in prose {
        let first = s(&p["text"]).chars().next().expect("no empty passage");
        assert!(
            !first.is_lowercase(),
            "{} starts mid-sentence: {}",
            p["id"],
            s(&p["text"])
        );
    }
}

#[test]
fn headings_give_every_later_passage_a_section() {
    let mut under_a_heading = HashSet::new();
    let mut sectioned = 0;
    for p in export() {
        let section = list(&p["section"]);
        assert!(!section.contains(&""), "an empty heading above {}", p["id"]);
        if p["kind"] == "heading" {
            assert!(
                !section.contains(&s(&p["text"])),
                "{} is its own parent",
                p["id"]
            );
            under_a_heading.insert(s(&p["doc"]).to_string());
        } else if under_a_heading.contains(s(&p["doc"])) {
            assert!(!section.is_empty(), "{} has no section", p["id"]);
            sectioned += 1;
        }
    }
    assert!(sectioned > 700, "{sectioned} passages under a heading");
}

/// Passage counts per document, checked by hand against the source files (see
/// the issue 3 note for how). A change here is a change in segmentation: look
/// at the passages that moved before updating a number.
#[test]
fn per_document_counts_match_the_hand_checked_figures() {
    // (doc, headings, paragraphs, footnotes, events, captions, refs without body)
    let expected = [
        ("cep-mali", 15, 48, 0, 95, 0, 278),
        ("crisisgroup-turkiye-2023", 24, 86, 0, 0, 0, 159),
        ("crisisgroup-258", 14, 76, 167, 0, 0, 0),
        ("crisisgroup-306", 16, 85, 157, 0, 1, 0),
        ("criticalthreats-prisoner-releases", 2, 13, 0, 0, 0, 0),
        ("icct-mali-prisons", 12, 57, 22, 0, 14, 0),
    ];
    let docs = Shared::get().json_lines(&["docs", "--json"]);
    let n = |d: &Value, k: &str| d[k].as_u64().unwrap_or_else(|| panic!("no `{k}` in {d}"));
    for (id, headings, paragraphs, footnotes, events, captions, unresolved) in expected {
        let d = docs
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("no doc {id}"));
        let got = (
            n(d, "headings"),
            n(d, "paragraphs"),
            n(d, "footnotes"),
            n(d, "events"),
            n(d, "captions"),
            n(d, "refs_without_body"),
        );
        assert_eq!(
            got,
            (
                headings, paragraphs, footnotes, events, captions, unresolved
            ),
            "{id}"
        );
    }
}

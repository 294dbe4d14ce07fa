//! `dossier cite`: golden outputs of every format on corpus passages (a
//! paragraph citing footnotes, a footnote, a timeline event), pages from a
//! PDF, authors and URL from a small library written for the test (a PDF
//! with a `sources.toml`, an HTML page with no publisher), CSL-JSON checked
//! against the names of the CSL input schema, and the errors.
//!
//! The golden files are `tests/cli/snapshots/cli__cite__*.snap`; after a
//! change, `cargo insta review` (or `INSTA_UPDATE=always`) and read the diff.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

use crate::{Shared, dossier};

/// A paragraph citing three footnotes, one of them, and a timeline event.
const CORPUS_IDS: [&str; 3] = [
    "icct-mali-prisons/p9",
    "icct-mali-prisons/fn5",
    "cep-mali/ev3",
];

/// The properties a CSL-JSON item may have that `cite` could write, as named
/// by the CSL input schema (csl-data.json, which admits no other property;
/// <https://github.com/citation-style-language/schema>, schemas/input/).
const CSL_PROPERTIES: [&str; 14] = [
    "id",
    "type",
    "title",
    "author",
    "publisher",
    "publisher-place",
    "collection-title",
    "issued",
    "URL",
    "section",
    "locator",
    "note",
    "page",
    "custom",
];

/// The parts a CSL name may have (the schema's `name-variable`).
const CSL_NAME_PARTS: [&str; 5] = [
    "family",
    "given",
    "non-dropping-particle",
    "suffix",
    "literal",
];

#[test]
fn every_format_on_corpus_passages_is_as_reviewed() {
    let shared = Shared::get();
    for format in ["text", "markdown", "csl-json", "bibtex", "ris"] {
        let mut args = vec!["cite", "--format", format, "--sentences", "2"];
        args.extend(CORPUS_IDS);
        insta::assert_snapshot!(format!("corpus_{format}"), shared.stdout(&args));
    }
}

#[test]
fn the_whole_passage_is_quoted_without_sentences() {
    let shared = Shared::get();
    let cut = shared.stdout(&["cite", "icct-mali-prisons/p9", "--sentences", "1"]);
    let whole = shared.stdout(&["cite", "icct-mali-prisons/p9"]);
    let passage = &shared.json_lines(&["show", "icct-mali-prisons/p9", "--json"])[0];
    let text = passage["text"].as_str().expect("text");
    assert!(whole.starts_with(&format!("“{text}”\n")), "{whole}");
    assert!(
        cut.lines().next().expect("a line").ends_with(" …”"),
        "{cut}"
    );
    assert!(cut.len() < whole.len());
}

#[test]
fn csl_json_uses_only_the_schema_s_names() {
    let out = Shared::get().stdout(&["cite", "--format", "csl-json", CORPUS_IDS[0], CORPUS_IDS[2]]);
    let items: Vec<Value> = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(items.len(), 2);
    for item in &items {
        check_csl_item(item);
    }
    assert_eq!(items[0]["id"], CORPUS_IDS[0], "in the order given");
    assert_eq!(items[0]["custom"]["label"], "paragraph");
    assert_eq!(items[1]["custom"]["label"], "event");
}

/// Asserts what the CSL input schema asks of an item.
fn check_csl_item(item: &Value) {
    let obj = item.as_object().expect("an object");
    for key in obj.keys() {
        assert!(
            CSL_PROPERTIES.contains(&key.as_str()),
            "`{key}` is no CSL variable"
        );
    }
    assert!(item["id"].is_string());
    assert!(["report", "webpage"].contains(&item["type"].as_str().expect("type")));
    for name in item["author"].as_array().into_iter().flatten() {
        for (part, value) in name.as_object().expect("a name") {
            assert!(
                CSL_NAME_PARTS.contains(&part.as_str()),
                "name part `{part}`"
            );
            assert!(value.is_string());
        }
    }
    if let Some(issued) = obj.get("issued") {
        let parts = issued["date-parts"][0].as_array().expect("date-parts");
        assert!((1..=3).contains(&parts.len()) && parts.iter().all(Value::is_i64));
    }
    for text in ["title", "publisher", "URL", "section", "note", "locator"] {
        assert!(obj.get(text).is_none_or(Value::is_string), "{text}: {item}");
    }
}

/// A library of one PDF (pages) with a `sources.toml` giving a publisher and
/// URL with characters BibTeX escapes, and one HTML page naming no publisher.
fn library() -> TempDir {
    let tmp = TempDir::new().expect("tmp");
    let reports = tmp.path().join("reports");
    fs::create_dir(&reports).expect("mkdir");
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/segment/pdf-notes-header-footer.pdf");
    fs::copy(pdf, reports.join("brief.pdf")).expect("copy");
    fs::write(
        reports.join("sources.toml"),
        "[[report]]\nfile = \"brief.pdf\"\nid = \"brief\"\n\
         publisher = \"Sahel Desk & Partners_50%\"\n\
         url = \"https://example.org/briefs/sahel_2020?a=1&b=2#top\"\n\n\
         [[report]]\nfile = \"page.html\"\nid = \"border-notes\"\n",
    )
    .expect("sources.toml");
    fs::write(
        reports.join("page.html"),
        "<!doctype html><html><head><title>Border Notes</title>\
         <meta name=\"citation_author\" content=\"Zoë van der Berg\">\
         <meta name=\"citation_author\" content=\"Field Research Group\">\
         <meta property=\"og:url\" content=\"https://example.org/notes\">\
         </head><body><h1>Border Notes</h1><h2>Crossings</h2>\
         <p>Smugglers moved fuel at night. Patrols were rare.</p></body></html>",
    )
    .expect("page");
    dossier(tmp.path())
        .args(["ingest", "--index", "idx", "reports"])
        .assert()
        .success();
    tmp
}

/// `dossier --index idx ARGS` in `tmp`: its stdout, once it succeeded.
fn run(tmp: &Path, args: &[&str]) -> String {
    let assert = dossier(tmp)
        .args(["--index", "idx"])
        .args(args)
        .assert()
        .success();
    String::from_utf8(assert.get_output().stdout.clone()).expect("UTF-8")
}

fn cite(tmp: &Path, args: &[&str]) -> String {
    run(tmp, &[&["cite"], args].concat())
}

#[test]
fn a_pdf_passage_is_cited_by_its_page() {
    let tmp = library();
    let passages: Vec<Value> = run(tmp.path(), &["export"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON Lines"))
        .collect();
    let on_page_two = passages
        .iter()
        .find(|p| p["doc"] == "brief" && p["kind"] == "paragraph" && p["page"] == 2)
        .expect("a paragraph on page 2");
    let id = on_page_two["id"].as_str().expect("id");
    let n = on_page_two["n"].as_u64().expect("n");
    let text = cite(tmp.path(), &[id]);
    assert!(text.contains(&format!("¶ {n}, p. 2.")), "{text}");
    assert!(
        text.contains("https://example.org/briefs/sahel_2020?a=1&b=2#top"),
        "{text}"
    );
    let items: Vec<Value> =
        serde_json::from_str(&cite(tmp.path(), &[id, "--format", "csl-json"])).expect("json");
    check_csl_item(&items[0]);
    assert_eq!(items[0]["locator"], "2");
    assert_eq!(items[0]["custom"]["label"], "page");
    assert_eq!(
        items[0]["URL"],
        "https://example.org/briefs/sahel_2020?a=1&b=2#top"
    );
    let ris = cite(tmp.path(), &[id, "--format", "ris"]);
    assert!(
        ris.starts_with("TY  - RPRT\n") && ris.contains("\nSP  - 2\n"),
        "{ris}"
    );
    let bib = cite(tmp.path(), &[id, "--format", "bibtex"]);
    let wanted = [
        "@techreport{",
        "  institution = {Sahel Desk \\& Partners\\_50\\%},\n",
        "  url = {https://example.org/briefs/sahel_2020?a=1&b=2#top},\n",
        "  year = {2020},\n",
    ];
    for line in wanted {
        assert!(bib.contains(line), "{line:?} in {bib}");
    }
}

#[test]
fn an_html_page_without_publisher_is_a_web_page() {
    let tmp = library();
    let id = "border-notes/p1";
    let items: Vec<Value> =
        serde_json::from_str(&cite(tmp.path(), &[id, "--format", "csl-json"])).expect("json");
    check_csl_item(&items[0]);
    assert_eq!(items[0]["type"], "webpage");
    assert_eq!(
        items[0]["author"],
        serde_json::json!([
            {"family": "Berg", "given": "Zoë", "non-dropping-particle": "van der"},
            {"literal": "Field Research Group"}
        ])
    );
    let bib = cite(tmp.path(), &[id, "--format", "bibtex"]);
    assert!(bib.starts_with("@misc{berg-border-notes-p1,\n"), "{bib}");
    assert!(
        bib.contains("author = {van der Berg, Zoë and {Field Research Group}},"),
        "{bib}"
    );
    let ris = cite(tmp.path(), &[id, "--format", "ris"]);
    assert!(
        ris.starts_with("TY  - ELEC\nAU  - van der Berg, Zoë\n"),
        "{ris}"
    );
    let md = cite(tmp.path(), &[id, "--format", "markdown"]);
    assert!(md.contains("<https://example.org/notes>"), "{md}");
}

#[test]
fn bad_ids_and_values_are_one_line_errors() {
    let cases: [(&[&str], &str); 4] = [
        (&["nosuchdoc/p1"], "no passage `nosuchdoc/p1`"),
        (
            &["icct-mali-prisons/p9", "nosuchdoc/p1"],
            "no passage `nosuchdoc/p1`",
        ),
        (&["icct-mali-prisons/p9", "--format", "json"], "csl-json"),
        (&["icct-mali-prisons/p9", "--sentences", "0"], "--sentences"),
    ];
    for (args, says) in cases {
        Shared::get()
            .cmd()
            .arg("cite")
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says));
    }
    Shared::get()
        .cmd()
        .args(["cite", "nosuchdoc/p1"])
        .assert()
        .stderr(
            predicate::str::contains("hint:")
                .and(predicate::function(|e: &str| e.lines().count() == 1)),
        );
}

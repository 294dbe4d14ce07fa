//! PDFs end to end: the three public-domain CRS samples of
//! `tests/fixtures/samples/` and the PDFs made for the tests in
//! `tests/fixtures/segment/` (written by `tests/fixtures/make_pdfs.py`),
//! ingested together. Checked against counts made by hand on the printed
//! pages: notes found and each linked to the passage citing it, headings,
//! the page of every passage, no running header or footer left in any
//! passage, no note number glued into a word; and the files that cannot be
//! read are reported with their reason.

use std::fs;
use std::path::Path;

use regex::Regex;
use serde_json::Value;
use tempfile::TempDir;

use crate::dossier;

/// The PDFs ingested into `tmp/idx`; the warnings printed.
fn ingest_pdfs(tmp: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let reports = tmp.join("reports");
    fs::create_dir(&reports).expect("mkdir");
    for folder in ["samples", "segment"] {
        for entry in fs::read_dir(root.join(folder)).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "pdf") {
                fs::copy(&path, reports.join(path.file_name().expect("name"))).expect("copy");
            }
        }
    }
    let out = dossier(tmp)
        .args(["ingest", "--index", "idx", "reports"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "some files are skipped");
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

fn text(p: &Value) -> &str {
    p["text"].as_str().expect("text")
}

/// The passages of one document.
fn of<'a>(passages: &'a [Value], doc: &str) -> Vec<&'a Value> {
    let found: Vec<&Value> = passages.iter().filter(|p| p["doc"] == doc).collect();
    assert!(!found.is_empty(), "no passage of {doc}");
    found
}

fn headings<'a>(passages: &[&'a Value]) -> Vec<&'a str> {
    passages
        .iter()
        .filter(|p| p["kind"] == "heading")
        .map(|p| text(p))
        .collect()
}

/// The note numbers cited in a document's passages, sorted, and how many
/// of its footnotes name the passage citing them.
fn notes(passages: &[&Value]) -> (Vec<u64>, usize, usize) {
    let mut cited: Vec<u64> = passages
        .iter()
        .flat_map(|p| p["refs"].as_array().expect("refs").clone())
        .map(|r| r.as_str().expect("a ref").parse().expect("a number"))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let footnotes: Vec<&&Value> = passages
        .iter()
        .filter(|p| p["kind"] == "footnote")
        .collect();
    let linked = footnotes
        .iter()
        .filter(|f| f["cited_by"].is_string())
        .count();
    (cited, footnotes.len(), linked)
}

fn find<'a>(passages: &[&'a Value], start: &str) -> &'a Value {
    passages
        .iter()
        .find(|p| text(p).starts_with(start))
        .unwrap_or_else(|| panic!("no passage starting {start:?}"))
}

#[test]
fn pdf_files_are_accounted_for() {
    let tmp = TempDir::new().expect("tempdir");
    let stderr = ingest_pdfs(tmp.path());
    for (file, why) in [
        ("pdf-scanned.pdf", "no text layer"),
        ("pdf-encrypted-password.pdf", "encrypted"),
        ("pdf-damaged-truncated.pdf", "damaged"),
        ("pdf-damaged-empty.pdf", "skipped"),
        ("pdf-not-a-pdf.pdf", "damaged or not a valid file"),
        (
            "pdf-partly-scanned.pdf",
            "1 page without a text layer (scanned) skipped",
        ),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(file) && l.contains(why)),
            "{file}: {stderr}"
        );
    }
    assert!(stderr.contains("indexed 12 documents (12 pdf)"), "{stderr}");
    let docs = json_lines(tmp.path(), &["docs", "--json"]);
    let doc = |id: &str| {
        docs.iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("{id} is indexed"))
            .clone()
    };
    for (id, title, published) in [
        (
            "01-crs-r48903-strait-of-hormuz",
            "The Strait of Hormuz in Brief: Non-Oil Shipments and Effects on U.S. Shippers",
            "2026-04-10",
        ),
        // No Info title: the title is the largest line of page 1; the date printed there.
        (
            "02-crs-if13201-soft-targets-nsgp",
            "Soft Targets and the Nonprofit Security Grant Program",
            "2026-04-09",
        ),
        // `Updated April 9, 2026` on page 1, not the file's creation (April 10).
        (
            "03-crs-in12678-us-iran-ceasefire",
            "U.S.-Iran Ceasefire: Assessment, Reactions, and Issues for Congress",
            "2026-04-09",
        ),
        (
            "pdf-notes-header-footer",
            "Prison Radicalisation in the Sahel: A Test Report",
            "2020-05-04",
        ),
        (
            "pdf-two-columns-table",
            "Soft Targets and Prison Security (XMP title)",
            "2026-04-09",
        ),
    ] {
        let d = doc(id);
        assert_eq!(d["title"], title, "{id}");
        assert_eq!(d["published"], published, "{id}");
        assert_eq!(d["format"], "pdf");
        assert_eq!(d["refs_without_body"], 0, "{id}");
        assert_eq!(d["notes_without_ref"], 0, "{id}");
    }
    assert_eq!(
        doc("01-crs-r48903-strait-of-hormuz")["authors"],
        serde_json::json!(["John Frittelli", "Ben Goldman"])
    );
    assert_eq!(
        doc("pdf-two-columns-table")["authors"],
        serde_json::json!(["Shawn Example"]),
        "XMP dc:creator, not the Info dictionary's `anonymous`"
    );
    // Opened without a password, like the unencrypted file.
    for id in [
        "pdf-encrypted-aes-no-password",
        "pdf-encrypted-rc4-no-password",
        "pdf-bad-xref",
    ] {
        assert_eq!(doc(id)["footnotes"], 10, "{id}");
    }
}

#[test]
fn pdf_samples_match_the_hand_counts() {
    let tmp = TempDir::new().expect("tempdir");
    ingest_pdfs(tmp.path());
    let passages = json_lines(tmp.path(), &["export"]);

    // 01: 40 footnotes, every one cited where its marker stands; the eleven
    // headings of the README (the contents page is no passage).
    let crs01 = of(&passages, "01-crs-r48903-strait-of-hormuz");
    let (cited, found, linked) = notes(&crs01);
    assert_eq!(cited, (1..=40).collect::<Vec<u64>>());
    assert_eq!((found, linked), (40, 40));
    assert_eq!(
        headings(&crs01),
        [
            "Introduction",
            "Control of the Strait",
            "Inbound and Outbound Ships",
            "Food and Animal Feed",
            "Steel and Construction Materials",
            "Automobiles",
            "Oil and Gas Byproducts",
            "Jones Act Waiver",
            "National Security Fleets",
            "Author Information",
            "Disclaimer"
        ]
    );
    assert_eq!(find(&crs01, "Introduction")["page"], 3);
    // Cut by the page break after `For instance, the`: one passage, on the page it starts.
    let soy = find(&crs01, "Persian Gulf nations are dependent");
    assert!(text(soy).contains("For instance, the United States is the top supplier"));
    assert_eq!(soy["page"], 4);
    assert_eq!(soy["refs"], serde_json::json!(["14", "15", "16", "17"]));
    let jones = find(&crs01, "On March 17, 2026");
    assert!(text(jones).contains("Merchant Marine Act of 1920, P.L. 66-261) restricts"));
    let note1 = crs01
        .iter()
        .find(|p| p["kind"] == "footnote" && text(p).starts_with("United Nations Conference"))
        .expect("note 1");
    assert!(
        text(note1).ends_with(
            "https://unctad.org/publication/strait-hormuz-disruptions-implications-global-trade-and-development."
        ),
        "an address cut at a line's end is whole: {}",
        text(note1)
    );
    assert_eq!(note1["page"], 3);

    // 02: two columns; table notes a and b linked from the table's cells.
    let crs02 = of(&passages, "02-crs-if13201-soft-targets-nsgp");
    let (cited, found, linked) = notes(&crs02);
    assert_eq!((cited, found, linked), (vec![1, 2], 2, 2));
    assert_eq!(
        headings(&crs02),
        [
            "Background",
            "The Nonprofit Security Grant Program",
            "NSGP Funding Levels, FY2005–FY2025",
            "Additional DHS Preparedness Assistance",
            "Considerations for Congress",
            "Conclusion",
            "Disclaimer"
        ]
    );
    let table = find(&crs02, "Fiscal Year · Appropriation;");
    assert!(
        text(table).contains("2024 · $454 million;"),
        "{}",
        text(table)
    );
    assert_eq!(find(&crs02, "Table 1.")["kind"], "caption");
    // The left column's last line goes on at the top of the right one.
    assert!(
        text(find(&crs02, "Early homeland security policies"))
            .contains("plan and conduct terrorist attacks. In 2005")
    );
    assert!(text(find(&crs02, "$210 million")).contains("P.L. 118-50."));

    // 03: the bullets crossing pages are whole, the cover's imprint is not in them.
    let crs03 = of(&passages, "03-crs-in12678-us-iran-ceasefire");
    assert_eq!(
        headings(&crs03),
        [
            "Assessment",
            "Reactions",
            "Issues for Congress",
            "Author Information",
            "Disclaimer"
        ]
    );
    let nuclear = find(&crs03, "Iran’s nuclear program.");
    assert!(text(nuclear).contains("10-point plan reportedly included, per an Iranian source"));
    assert_eq!(nuclear["page"], 1);
    let war = find(&crs03, "War powers.");
    assert!(text(war).contains("as one Member put it, “end this conflict permanently.”"));
    assert_eq!(war["page"], 2);
    assert_eq!(notes(&crs03).1, 0, "no footnotes");
}

#[test]
fn made_pdfs_read_their_notes_columns_tables_and_characters() {
    let tmp = TempDir::new().expect("tempdir");
    ingest_pdfs(tmp.path());
    let passages = json_lines(tmp.path(), &["export"]);

    let made = of(&passages, "pdf-notes-header-footer");
    let (cited, found, linked) = notes(&made);
    assert_eq!((cited, found, linked), ((1..=10).collect(), 10, 10));
    assert_eq!(
        headings(&made),
        ["Introduction", "Background", "Responses", "Conclusion"]
    );
    let all: String = made.iter().map(|p| text(p)).collect::<Vec<_>>().join("\n");
    for kept in [
        "the later counter-terrorism strategy",
        "the radicalisation of inmates",
        "P.L. 66-261 and the 2018 rules",
        "https://www.example.org/hearings/2026-03-03-strait-hormuz-disruptions.",
    ] {
        assert!(all.contains(kept), "{kept}");
    }
    let cut = find(&made, "Mali holds about 800");
    assert!(text(cut).contains("For instance, the United States is the top supplier"));
    assert_eq!(
        (&cut["page"], &cut["refs"]),
        (&serde_json::json!(1), &serde_json::json!(["6", "7"]))
    );
    assert!(text(find(&made, "Deradicalisation.")).ends_with("in Koulikoro in 2019."));

    let columns = of(&passages, "pdf-two-columns-table");
    assert!(
        text(find(&columns, "Left column first line"))
            .contains("a state passes the funds on to nonprofits.")
    );
    assert_eq!(
        text(find(&columns, "Year · Amount · Grants;")),
        "Year · Amount · Grants; 2005 · — · 12; 2024 · $454 million · 3,117"
    );
    assert_eq!(notes(&columns), (vec![1, 2], 2, 2));

    let ligatures = of(&passages, "pdf-ligatures-unicode");
    assert!(text(ligatures[0]).starts_with("The final office floor figures were flagged."));
    let forms = of(&passages, "pdf-form-xobject");
    assert_eq!(
        forms
            .iter()
            .filter(|p| text(p) == "Text inside a form")
            .count(),
        2
    );
    let spacing = of(&passages, "pdf-spacing-and-matrices");
    assert!(text(spacing[0]).starts_with("Words apart by TJ offsets One word per Tj"));
    assert_eq!(of(&passages, "pdf-partly-scanned").len(), 1);
}

#[test]
fn pdf_passages_have_pages_and_no_furniture_or_glued_markers() {
    let tmp = TempDir::new().expect("tempdir");
    ingest_pdfs(tmp.path());
    let passages = json_lines(tmp.path(), &["export"]);
    // A note number glued to a word (`day.1`, `Defense33`), or printed as a
    // superscript digit, instead of being read as a reference.
    let glued = Regex::new(r"^[\p{L}’]*\p{Ll}[.,;:”’)]?\d{1,2}[.,;:]?$").expect("regex");
    for p in &passages {
        assert!(p["page"].is_u64(), "{} has no page", p["id"]);
        let t = text(p);
        for furniture in [
            "crsreports.congress.gov",
            "VERSION",
            "Prepared for Members",
            "INSIGHT",
            "Dossier Test Institute",
            "Shipments and Effects on U.S. Shippers",
            "A Test Report",
        ] {
            assert!(
                !t.contains(furniture),
                "{furniture:?} left in {}: {t}",
                p["id"]
            );
        }
        for word in t.split_whitespace() {
            if !word.contains(['/', '@', '_', '%']) {
                assert!(!glued.is_match(word), "{word:?} in {}", p["id"]);
            }
        }
        assert!(
            !t.contains(['¹', '²', '³', '\u{e000}', '\u{e001}']),
            "{}",
            p["id"]
        );
    }
}

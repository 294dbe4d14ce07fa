//! Hits for other tools: `search --format csv|jsonl|markdown`, `--all` and
//! the stderr note on a cut page, `--summary`, and `export` with a query and
//! filters, all checked against `search --json` on the shared index.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::Shared;
use crate::json_doc::documented_fields;

/// Searches chosen for their variety: a ranked query, an empty query with a
/// filter (footnotes: quotes and commas in their text), accented words.
const SEARCHES: [&[&str]; 3] = [
    &["prison", "-n", "30"],
    &["", "--kind", "footnote", "--all"],
    &["Türkiye returnees", "--all"],
];

/// The CSV header `search --format csv` promises, written out again here
/// (not taken from the code) so that a changed column fails a test.
const CSV_HEADER: [&str; 19] = [
    "id",
    "doc",
    "doc_title",
    "doc_publisher",
    "doc_published",
    "kind",
    "n",
    "section",
    "page",
    "text",
    "snippet",
    "score",
    "countries",
    "groups",
    "places",
    "persons",
    "dates",
    "sources",
    "footnotes",
];

/// `search ARGS EXTRA…`'s stdout and stderr, the command succeeding.
fn search(args: &[&str], extra: &[&str]) -> (String, String) {
    let out = Shared::get()
        .cmd()
        .arg("search")
        .args(args)
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "search {args:?} {extra:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// The header row of a CSV stream.
pub(crate) fn csv_header(reader: &mut csv::Reader<&[u8]>) -> Vec<String> {
    reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect()
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn csv_parses_back_to_one_row_per_json_hit() {
    for args in SEARCHES {
        let hits = json_lines(&search(args, &["--json"]).0);
        assert!(hits.len() > 5, "{args:?}: {} hits", hits.len());
        let csv = search(args, &["--format", "csv"]).0;
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let header = csv_header(&mut reader);
        assert_eq!(header, CSV_HEADER, "{args:?}");
        let rows: Vec<csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .expect("every row parses");
        assert_eq!(rows.len(), hits.len(), "{args:?}");
        for (row, hit) in rows.iter().zip(&hits) {
            assert_eq!(row.len(), CSV_HEADER.len());
            // Quoting keeps texts with commas, quotes and line breaks whole.
            for column in ["id", "doc_title", "text"] {
                let at = CSV_HEADER
                    .iter()
                    .position(|c| *c == column)
                    .expect("a column");
                assert_eq!(row.get(at), hit[column].as_str(), "{args:?} {column}");
            }
            let places: Vec<&str> = hit["places"]
                .as_array()
                .expect("places")
                .iter()
                .map(|v| v.as_str().expect("a place"))
                .collect();
            assert_eq!(row.get(14), Some(places.join("; ").as_str()));
        }
    }
    let (csv, _) = search(&["", "--kind", "footnote", "--all"], &["--format", "csv"]);
    assert!(
        csv.contains("\"\""),
        "some footnote text holds a quote, doubled"
    );
}

#[test]
fn jsonl_has_every_documented_field_on_every_line_and_json_stays_as_it_was() {
    let mut documented = documented_fields("passage");
    documented.extend(documented_fields("search-hit"));
    for args in SEARCHES {
        let old = json_lines(&search(args, &["--json"]).0);
        let full = json_lines(&search(args, &["--format", "jsonl"]).0);
        assert_eq!(old.len(), full.len(), "{args:?}");
        for (old, full) in old.iter().zip(&full) {
            let keys: BTreeSet<String> =
                full.as_object().expect("object").keys().cloned().collect();
            assert_eq!(keys, documented, "{args:?}: {}", full["id"]);
            for (name, value) in full.as_object().expect("object") {
                match old.get(name) {
                    Some(was) => assert_eq!(was, value, "{name}"),
                    None => assert!(
                        value.is_null() || value.as_array().is_some_and(Vec::is_empty),
                        "{name} is {value}, absent from --json"
                    ),
                }
            }
        }
        // Some line of --json leaves a field out, so the test shows something.
        assert!(
            old.iter()
                .any(|o| o.as_object().expect("object").len() < documented.len()),
            "{args:?}"
        );
    }
}

#[test]
fn summary_closes_the_stream_only_when_asked() {
    for format in [&["--json"][..], &["--format", "jsonl"]] {
        let lines = json_lines(&search(&["prison", "-n", "7"], format).0);
        assert!(lines.iter().all(|l| l.get("summary").is_none()));
        let mut lines = json_lines(&search(&["prison", "-n", "7", "--summary"], format).0);
        let last = lines.pop().expect("a summary line");
        let summary = &last["summary"];
        assert_eq!(summary["shown"], 7, "{last}");
        assert_eq!(summary["offset"], 0);
        assert!(summary["total"].as_u64().expect("total") > 7);
        assert_eq!(lines.len(), 7);
    }
    let (paged, _) = search(
        &["prison", "-n", "5", "--offset", "5", "--summary"],
        &["--json"],
    );
    let last = json_lines(&paged).pop().expect("a summary line");
    assert_eq!(last["summary"]["offset"], 5);
    let refused = Shared::get()
        .cmd()
        .args(["search", "prison", "--format", "csv", "--summary"])
        .output()
        .expect("runs");
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn a_cut_page_says_so_on_stderr_and_all_prints_every_hit() {
    let everything = ["", "--kind", "footnote", "--duplicates"];
    let (all, note) = search(&everything, &["--json", "--all", "--summary"]);
    assert_eq!(note, "", "--all: nothing left to say");
    let mut all = json_lines(&all);
    let total = all.pop().expect("summary")["summary"]["total"]
        .as_u64()
        .expect("total") as usize;
    assert!(total > 100, "{total}");
    assert_eq!(all.len(), total);
    for (extra, shown) in [
        (&["--json"][..], 10),
        (&["--json", "-n", "25"], 25),
        (&["--format", "csv"], 10),
        (&["--format", "jsonl", "-n", "3"], 3),
        (&["--format", "markdown"], 10),
    ] {
        let (_, note) = search(&everything, extra);
        assert_eq!(
            note.trim_end(),
            format!("dossier: {shown} of {total} hits shown; --all or -n N for more"),
            "{extra:?}"
        );
    }
    let (_, note) = search(&everything, &["--json", "-n", "5", "--offset", "10"]);
    assert!(note.contains("hits 11–15 of"), "{note}");
    // A page that holds every hit has nothing to add.
    let (_, note) = search(&everything, &["--json", "-n", "10000"]);
    assert_eq!(note, "");
}

#[test]
fn markdown_quotes_each_hit_under_its_citation() {
    let hits = json_lines(&search(&["prison", "-n", "4"], &["--json"]).0);
    let (md, _) = search(&["prison", "-n", "4"], &["--format", "markdown"]);
    let items: Vec<&str> = md.split("\n\n").filter(|s| !s.trim().is_empty()).collect();
    assert_eq!(items.len(), 2 * hits.len(), "{md}");
    for (i, hit) in hits.iter().enumerate() {
        let cite = items[2 * i];
        assert!(cite.starts_with(&format!("{}. *", i + 1)), "{cite}");
        assert!(cite.ends_with(&format!("(`{}`)", hit["id"].as_str().expect("id"))));
        assert!(items[2 * i + 1].starts_with("   > "));
    }
}

/// The ids of `export ARGS`, in order.
fn export_ids(args: &[&str]) -> Vec<String> {
    Shared::get()
        .json_lines(&[&["export"], args].concat())
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn export_with_a_query_and_filters_prints_the_search_hits_in_document_order() {
    let library = export_ids(&[]);
    for args in [
        &["prison", "--country", "Mali"][..],
        &["", "--kind", "event", "--doc", "cep-mali"],
        &["Türkiye returnees"],
        &["--group", "JNIM", "--from", "2019"],
    ] {
        let exported = export_ids(args);
        assert!(!exported.is_empty(), "{args:?}");
        let query: &[&str] = if args[0].starts_with("--") {
            &[""]
        } else {
            &[]
        };
        let (found, _) = search(
            &[query, args].concat(),
            &["--json", "--all", "--duplicates"],
        );
        let found: BTreeSet<String> = json_lines(&found)
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect();
        assert_eq!(
            exported.iter().cloned().collect::<BTreeSet<_>>(),
            found,
            "{args:?}"
        );
        assert_eq!(exported.len(), found.len(), "no passage twice");
        let places: Vec<usize> = exported
            .iter()
            .map(|id| {
                library
                    .iter()
                    .position(|l| l == id)
                    .expect("in the library")
            })
            .collect();
        assert!(
            places.windows(2).all(|w| w[0] < w[1]),
            "{args:?}: document order"
        );
    }
}

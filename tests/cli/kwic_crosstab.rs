//! `search --kwic` (a concordance at a width) and `facets --by` (a cross-tab
//! as a table, CSV and JSON), checked against `search --json` and `facets`.

use std::collections::BTreeMap;

use serde_json::Value;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

use crate::tables::csv_header;
use crate::{Shared, dossier};

/// The display column at which each `word` starts in `line`, lower-cased.
fn columns_of(line: &str, word: &str) -> Vec<usize> {
    let lower = line.to_lowercase();
    lower
        .match_indices(word)
        .map(|(at, _)| lower[..at].width())
        .collect()
}

/// Asserts that the lines fit `width` and that some column holds a matched
/// word (starting with `word`) on every line.
fn assert_aligned(lines: &[&str], width: usize, word: &str) {
    assert!(lines.len() > 3, "{lines:?}");
    for line in lines {
        assert!(
            line.width() <= width,
            "{} > {width}: {line:?}",
            line.width()
        );
    }
    let common = lines
        .iter()
        .skip(1)
        .fold(columns_of(lines[0], word), |acc, l| {
            let here = columns_of(l, word);
            acc.into_iter().filter(|c| here.contains(c)).collect()
        });
    assert!(
        !common.is_empty(),
        "no column holds `{word}` on every line:\n{}",
        lines.join("\n")
    );
}

#[test]
fn kwic_lines_put_the_matched_word_in_one_column_within_the_width() {
    let shared = Shared::get();
    for width in [40, 72, 130] {
        let hits = shared.json_lines(&["search", "prison", "-n", "6", "--json"]);
        let out = shared.stdout(&[
            "search",
            "prison",
            "-n",
            "6",
            "--kwic",
            "--width",
            &width.to_string(),
        ]);
        let lines: Vec<&str> = out.lines().collect();
        assert_aligned(&lines, width, "prison");
        // One line per matched word at least, each ending with its hit's id.
        assert!(lines.len() >= hits.len());
        for hit in &hits {
            let id = hit["id"].as_str().expect("id");
            assert!(lines.iter().any(|l| l.ends_with(id)), "{id}");
        }
    }
    // COLUMNS stands in for the terminal.
    let out = shared
        .cmd()
        .env("COLUMNS", "50")
        .args(["search", "prison", "-n", "3", "--kwic"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_aligned(&text.lines().collect::<Vec<_>>(), 50, "prison");
}

/// A report with accents and wide letters on both sides of the words searched.
const ACCENTED: &str = "# Réseaux\n\n\
    Les détenus de Ségou et de Mopti ont rejoint la prison de Bamako après l’évasion. \
    À Tombouctou, la prison accueille des détenus âgés; près de Gao, une prison récente \
    ferme. 北京 observers visited the prison twice, with Ünal and Çelik.\n";

#[test]
fn kwic_counts_columns_as_a_terminal_shows_accents_and_wide_letters() {
    let tmp = TempDir::new().expect("tempdir");
    std::fs::create_dir(tmp.path().join("reports")).expect("mkdir");
    std::fs::write(tmp.path().join("reports/reseaux.md"), ACCENTED).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "ix", "reports"])
        .assert()
        .success();
    for width in [30, 44, 61, 90] {
        let out = dossier(tmp.path())
            .args([
                "--index",
                "ix",
                "search",
                "prison",
                "--kwic",
                "--width",
                &width.to_string(),
            ])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8, cut between characters");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert_aligned(&lines, width, "prison");
    }
}

/// A cross-tab's rows: (facet, value) → (total, cells by column).
type Rows = BTreeMap<(String, String), (u64, Vec<u64>)>;

/// `facets ARGS --format csv`: the column values and the rows.
fn cross_tab(args: &[&str]) -> (Vec<String>, Rows) {
    let csv = Shared::get().stdout(&[&["facets"], args, &["--format", "csv"]].concat());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = csv_header(&mut reader);
    assert_eq!(header[..3], ["facet", "value", "total"]);
    let mut rows = BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("a row");
        let n = |s: &str| s.parse::<u64>().expect("a count");
        rows.insert(
            (row[0].to_string(), row[1].to_string()),
            (n(&row[2]), row.iter().skip(3).map(n).collect()),
        );
    }
    (header[3..].to_vec(), rows)
}

#[test]
fn cross_tab_totals_are_the_facet_counts() {
    let shared = Shared::get();
    for (args, exclusive) in [
        (&["--field", "group", "--by", "doc"][..], true),
        (
            &["--field", "country", "--field", "year", "--by", "kind"],
            true,
        ),
        (
            &["prison", "--field", "place", "--by", "doc", "--top", "4"],
            true,
        ),
        (&["--field", "group", "--by", "country"], false),
    ] {
        let (columns, rows) = cross_tab(args);
        let (by_at, _) = args
            .iter()
            .enumerate()
            .find(|(_, a)| **a == "--by")
            .expect("--by");
        let plain: Vec<&str> = args
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != by_at && *i != by_at + 1)
            .map(|(_, a)| *a)
            .collect();
        let facets = shared.json_lines(&[&["facets"], &plain[..], &["--json"]].concat());
        assert_eq!(
            rows.len(),
            facets.len(),
            "{args:?}: the rows are what facets lists"
        );
        for f in &facets {
            let key = (
                f["facet"].as_str().expect("facet").to_string(),
                f["value"].as_str().expect("value").to_string(),
            );
            let (total, cells) = &rows[&key];
            assert_eq!(Some(*total), f["count"].as_u64(), "{args:?} {key:?}");
            let sum: u64 = cells.iter().sum();
            if exclusive {
                // A passage has one document and one kind: the cells add up.
                assert_eq!(sum, *total, "{args:?} {key:?}");
            } else {
                assert!(
                    sum >= *total && cells.iter().all(|c| c <= total),
                    "{args:?} {key:?}"
                );
            }
        }
        // The columns are every value of the --by dimension.
        let by = args[by_at + 1];
        let all = shared.json_lines(&["facets", "--field", by, "--top", "10000", "--json"]);
        assert!(
            columns.len() <= all.len() && !columns.is_empty(),
            "{args:?}"
        );
    }
    // JSON: one line a non-empty cell, the same counts.
    let (columns, rows) = cross_tab(&["--field", "group", "--by", "doc", "--top", "3"]);
    let cells: Vec<Value> = shared.json_lines(&[
        "facets", "--field", "group", "--by", "doc", "--top", "3", "--json",
    ]);
    let expected: usize = rows
        .values()
        .map(|(_, c)| c.iter().filter(|n| **n > 0).count())
        .sum();
    assert_eq!(cells.len(), expected);
    for c in &cells {
        let (_, counts) = &rows[&(
            "group".to_string(),
            c["value"].as_str().expect("value").to_string(),
        )];
        let at = columns
            .iter()
            .position(|d| c["by_value"] == d.as_str())
            .expect("a column");
        assert_eq!(c["count"].as_u64(), Some(counts[at]));
        assert_eq!(c["by"], "doc");
    }
}

#[test]
fn the_cross_tab_table_fits_the_width_and_says_what_it_left_out() {
    let shared = Shared::get();
    for width in [50, 80, 200] {
        let out = shared
            .cmd()
            .env("COLUMNS", width.to_string())
            .args(["facets", "--field", "kind", "--by", "year"])
            .output()
            .expect("runs");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        let mut lines: Vec<&str> = text.lines().collect();
        let note = lines.pop().expect("a note");
        assert!(
            note.contains("year values left out to fit the width"),
            "{note}"
        );
        for line in &lines {
            assert!(line.width() <= width, "{line}");
        }
        assert!(
            lines[0].starts_with("kind") && lines[0].contains("total"),
            "{text}"
        );
        // Years stay in year order.
        let years: Vec<&str> = lines[0].split_whitespace().skip(2).collect();
        let mut sorted = years.clone();
        sorted.sort_unstable();
        assert_eq!(years, sorted);
    }
}

//! Measures the date extractor against a public test set.
//!
//! ```text
//! cargo run --release --example eval_dates -- ../shared/external/dates.jsonl [--misses]
//! ```
//!
//! Each line of the set is a JSON object with `text`, `reference_date`
//! (`YYYY-MM-DD` or null), `expected` (ISO values, SPEC section 5) and `tags`.
//! For each row the program runs `extract_dates` with the row's reference date
//! and compares the set of values found with the set expected: a value counts
//! once per row. It prints precision, recall and exact-match rate (the row's
//! values are exactly the expected ones; for a negative row, nothing found)
//! overall, for the rows whose tags mark a policy choice and for the rest,
//! by source and by tag; `--misses` lists every row that is not an exact match.
//!
//! Rows are *policy* rows when a tag names a choice on which reasonable
//! extractors differ (a tag with an explanation after `:`, `two-digit-year`,
//! `bare-month-ambiguous`). Among the others, rows that expect a year-less
//! date *after* the reference date are also reported apart: dossier reads a
//! year-less date in a report as the most recent past occurrence (the issue's
//! policy), the upstream taggers as the next one or the current year's.
//!
//! The set is not part of the repository (its licences differ); when the file
//! is missing the program says so and exits 0, so CI without it passes.

// An evaluation program: printing its figures is its whole job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use dossier::extract::{DateContext, extract_dates};
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Deserialize)]
struct Row {
    text: String,
    reference_date: Option<String>,
    expected: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    source: String,
}

/// Counts for one group of rows.
#[derive(Default, Clone, Copy)]
struct Score {
    rows: usize,
    exact: usize,
    found: usize,
    expected: usize,
    correct: usize,
}

impl Score {
    fn add(&mut self, expected: &[String], found: &[String]) {
        self.rows += 1;
        self.found += found.len();
        self.expected += expected.len();
        self.correct += found.iter().filter(|v| expected.contains(v)).count();
        if same_set(expected, found) {
            self.exact += 1;
        }
    }

    fn line(&self, name: &str) -> String {
        let pct = |n: usize, d: usize| {
            if d == 0 {
                "    -".to_owned()
            } else {
                format!("{:5.1}", 100.0 * n as f64 / d as f64)
            }
        };
        format!(
            "{name:<34} {:>4} {} {} {}",
            self.rows,
            pct(self.correct, self.found),
            pct(self.correct, self.expected),
            pct(self.exact, self.rows),
        )
    }
}

fn same_set(a: &[String], b: &[String]) -> bool {
    a.iter().all(|v| b.contains(v)) && b.iter().all(|v| a.contains(v))
}

fn is_policy(tags: &[String]) -> bool {
    tags.iter()
        .any(|t| t.contains(':') || t == "two-digit-year" || t == "bare-month-ambiguous")
}

/// The row expects a year-less date that falls after its reference date.
fn expects_future(row: &Row) -> bool {
    let Some(reference) = &row.reference_date else {
        return false;
    };
    let yearless = !row
        .text
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4);
    yearless
        && row.tags.iter().any(|t| t == "relative")
        && !row.expected.is_empty()
        && row.expected.iter().all(|v| v.as_str() > reference.as_str())
}

/// The groups a row is counted in.
fn groups_of(row: &Row) -> Vec<String> {
    let mut keys = vec!["all".to_owned()];
    if is_policy(&row.tags) {
        keys.push(POLICY.to_owned());
    } else {
        keys.push(CORE.to_owned());
        keys.push(
            if expects_future(row) {
                CORE_FUTURE
            } else {
                CORE_REST
            }
            .to_owned(),
        );
    }
    let repo = row.source.split('@').next().unwrap_or("");
    keys.push(format!("source {repo}"));
    for tag in &row.tags {
        let tag = tag.split(':').next().unwrap_or(tag);
        keys.push(format!("tag {tag}"));
    }
    keys
}

const CORE: &str = "core rows";
const CORE_REST: &str = "core: the rest";
const CORE_FUTURE: &str = "core: expects a future occurrence";
const POLICY: &str = "policy rows";

/// The distinct values `extract_dates` finds in the row, in order.
fn run(row: &Row) -> Vec<String> {
    let reference = row
        .reference_date
        .as_deref()
        .and_then(|d| d.parse::<Date>().ok());
    let mut found: Vec<String> = Vec::new();
    for m in extract_dates(
        &row.text,
        &DateContext {
            reference,
            ..DateContext::default()
        },
    ) {
        if !found.contains(&m.value) {
            found.push(m.value);
        }
    }
    found
}

/// Scores every row of the set; the misses are described one per line.
fn evaluate(rows: &[Row]) -> (BTreeMap<String, Score>, Vec<String>) {
    let mut groups: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for row in rows {
        let found = run(row);
        for key in groups_of(row) {
            groups.entry(key).or_default().add(&row.expected, &found);
        }
        if !same_set(&row.expected, &found) {
            misses.push(format!(
                "{}{:?} ref={} expected={:?} found={:?}",
                if is_policy(&row.tags) {
                    "[policy] "
                } else {
                    ""
                },
                row.text,
                row.reference_date.as_deref().unwrap_or("-"),
                row.expected,
                found,
            ));
        }
    }
    (groups, misses)
}

fn print_report(groups: &BTreeMap<String, Score>) {
    println!(
        "{:<34} {:>4} {:>5} {:>5} {:>5}",
        "group", "rows", "prec", "rec", "exact"
    );
    let order = ["all", CORE, CORE_REST, CORE_FUTURE, POLICY];
    for key in order {
        if let Some(s) = groups.get(key) {
            println!("{}", s.line(key));
        }
    }
    for (key, s) in groups {
        if !order.contains(&key.as_str()) {
            println!("{}", s.line(key));
        }
    }
}

fn main() -> ExitCode {
    let mut path = None;
    let mut show_misses = false;
    for arg in std::env::args().skip(1) {
        if arg == "--misses" {
            show_misses = true;
        } else {
            path = Some(PathBuf::from(arg));
        }
    }
    let path = path.unwrap_or_else(|| PathBuf::from("../shared/external/dates.jsonl"));
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!(
            "eval_dates: {} not found; nothing to evaluate (the set is not shipped).",
            path.display()
        );
        return ExitCode::SUCCESS;
    };
    let mut rows = Vec::new();
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str::<Row>(line) {
            Ok(row) => rows.push(row),
            Err(err) => {
                eprintln!("eval_dates: {}:{}: {err}", path.display(), n + 1);
                return ExitCode::from(2);
            }
        }
    }
    let (groups, misses) = evaluate(&rows);
    print_report(&groups);
    if show_misses {
        println!("\nrows not matched exactly ({}):", misses.len());
        for m in &misses {
            println!("  {m}");
        }
    }
    ExitCode::SUCCESS
}

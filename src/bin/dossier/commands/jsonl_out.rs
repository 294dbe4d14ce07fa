//! `search --format jsonl` and `--summary`: the hits of `--json`, with every
//! documented field on every line, and a closing count when asked.
//!
//! `--json` leaves out a passage's optional fields when they are empty, and
//! stays so for the scripts that read it. Here, a field a passage lacks is
//! written as `null` (a missing value) or `[]` (an empty list), so that every
//! line has the same keys (docs/json.md, "Search hit").

use std::io::Write;

use anyhow::Result;
use dossier::{Expansion, Hit, SearchResults};
use serde::Serialize;
use serde_json::Value;

use crate::output::Out;
use crate::views::{JsonHit, Summary};

/// The passage fields `--json` leaves out when empty, with what stands for
/// "empty" here. Every other field is always serialised.
const OPTIONAL_FIELDS: [(&str, Empty); 9] = [
    ("doc_publisher", Empty::Null),
    ("doc_published", Empty::Null),
    ("doc_authors", Empty::List),
    ("doc_url", Empty::Null),
    ("cited_by", Empty::Null),
    ("line", Empty::Null),
    ("page", Empty::Null),
    ("citations", Empty::List),
    ("span", Empty::Null),
];

/// How an absent field is written.
#[derive(Clone, Copy)]
enum Empty {
    Null,
    List,
}

/// A hit as JSON with every field present.
pub(crate) fn complete(hit: &Hit, expansions: &[Expansion]) -> Result<Value> {
    // Through text, not `to_value`: a score (f32) keeps the digits `--json` prints.
    let mut value: Value =
        serde_json::from_str(&serde_json::to_string(&JsonHit::of(hit, expansions))?)?;
    if let Value::Object(fields) = &mut value {
        for (name, empty) in OPTIONAL_FIELDS {
            fields.entry(name).or_insert_with(|| match empty {
                Empty::Null => Value::Null,
                Empty::List => Value::Array(Vec::new()),
            });
        }
    }
    Ok(value)
}

/// Writes each hit of the page, one line each.
pub(crate) fn write_hits(out: &mut Out, results: &SearchResults) -> Result<()> {
    for hit in &results.hits {
        serde_json::to_writer(&mut *out, &complete(hit, &results.expansions)?)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The closing line of `--summary`: `{"summary": {…}}`.
#[derive(Serialize)]
struct SummaryLine {
    summary: Summary,
}

/// Writes the summary line.
pub(crate) fn write_summary(out: &mut Out, results: &SearchResults, offset: usize) -> Result<()> {
    let line = SummaryLine {
        summary: Summary::of(results, offset),
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)?;
    Ok(())
}

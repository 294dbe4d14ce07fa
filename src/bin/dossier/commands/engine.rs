//! `dossier export --for quickwit|opensearch`: the passages as NDJSON
//! records for a search cluster, with that engine's index configuration,
//! for a library that outgrows one machine.
//!
//! In: every passage of the index. Out: a folder holding the records, one
//! flat record per passage (`passages.ndjson` for Quickwit;
//! `passages.bulk.ndjson`, with `_bulk` action lines, for OpenSearch), and
//! `quickwit-index.yaml` or `opensearch-index.json`. Records and configurations come from one table
//! of fields ([`FIELDS`]), so that every exported field is configured and
//! every configured field exported; docs/scale.md maps dossier's filters and
//! facets to each engine's queries.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use dossier::{IndexHandle, Passage, for_each_passage};
use serde_json::{Map, Value, json};

use crate::exit::Status;

/// A search engine dossier writes a configuration for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Engine {
    /// Quickwit (an index config YAML, `quickwit index create --index-config`).
    Quickwit,
    /// OpenSearch (or Elasticsearch): settings and mappings for `PUT /<index>`.
    Opensearch,
}

impl Engine {
    /// Its name on the command line.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Engine::Quickwit => "quickwit",
            Engine::Opensearch => "opensearch",
        }
    }
}

/// How a field is indexed, in both engines' terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Exact value, filtered and counted (a facet).
    Keyword,
    /// Exact values, several per passage.
    Keywords,
    /// Analysed English text, searched.
    Text,
    /// Analysed texts, several per passage.
    Texts,
    /// A day, `YYYY-MM-DD` (as RFC 3339 at midnight UTC).
    Date,
    /// Several days.
    Dates,
    /// A whole number.
    Number,
    /// Several whole numbers.
    Numbers,
}

/// Every field of an exported record.
const FIELDS: [(&str, Kind); 24] = [
    ("id", Kind::Keyword),
    ("doc", Kind::Keyword),
    ("doc_title", Kind::Text),
    ("doc_publisher", Kind::Keyword),
    ("doc_published", Kind::Date),
    ("kind", Kind::Keyword),
    ("n", Kind::Number),
    ("section", Kind::Texts),
    ("text", Kind::Text),
    ("refs", Kind::Keywords),
    ("footnotes", Kind::Keywords),
    ("cited_by", Kind::Keyword),
    ("sources", Kind::Keywords),
    ("countries", Kind::Keywords),
    ("groups", Kind::Keywords),
    ("places", Kind::Keywords),
    ("persons", Kind::Keywords),
    ("dates", Kind::Keywords),
    ("date_starts", Kind::Dates),
    ("date_ends", Kind::Dates),
    ("years", Kind::Numbers),
    ("page", Kind::Number),
    ("line", Kind::Number),
    ("ord", Kind::Number),
];

/// Fields searched when a query names none.
const SEARCHED: [&str; 3] = ["text", "section", "doc_title"];

/// The record of one passage, flat, every field present (null or empty).
fn record(p: &Passage, ord: u64) -> Value {
    let day = |d: jiff::civil::Date| format!("{d}T00:00:00Z");
    let mut years: Vec<i16> = p
        .date_mentions
        .iter()
        .flat_map(|d| d.start.year()..=d.end.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    json!({
        "id": p.id,
        "doc": p.doc,
        "doc_title": p.doc_title,
        "doc_publisher": p.doc_publisher,
        "doc_published": p.doc_published.map(day),
        "kind": p.kind.name(),
        "n": p.n,
        "section": p.section,
        "text": p.text,
        "refs": p.refs,
        "footnotes": p.footnotes,
        "cited_by": p.cited_by,
        "sources": p.sources,
        "countries": p.countries,
        "groups": p.groups,
        "places": p.places,
        "persons": p.persons,
        "dates": p.dates,
        "date_starts": p.date_mentions.iter().map(|d| day(d.start)).collect::<Vec<_>>(),
        "date_ends": p.date_mentions.iter().map(|d| day(d.end)).collect::<Vec<_>>(),
        "years": years,
        "page": p.page,
        "line": p.line,
        "ord": ord,
    })
}

/// Writes the records and the configuration into `out` (created; it must
/// not exist or be empty).
pub(crate) fn run(handle: &IndexHandle, engine: Engine, out: &Path) -> Result<Status> {
    if out.exists() && fs::read_dir(out).map_or(true, |mut d| d.next().is_some()) {
        bail!(
            "{}: already exists and is not empty; hint: give a new folder with --out",
            out.display()
        );
    }
    fs::create_dir_all(out).with_context(|| format!("{}: cannot create it", out.display()))?;
    // OpenSearch's `_bulk` wants an action line before each record.
    let (file, action) = match engine {
        Engine::Quickwit => ("passages.ndjson", false),
        Engine::Opensearch => ("passages.bulk.ndjson", true),
    };
    let records = out.join(file);
    let mut w = BufWriter::new(
        fs::File::create(&records).with_context(|| format!("{}", records.display()))?,
    );
    let mut ord = 0u64;
    for_each_passage(handle, |p| {
        ord += 1;
        if action {
            serde_json::to_writer(&mut w, &json!({ "index": { "_id": p.id } }))?;
            writeln!(w)?;
        }
        serde_json::to_writer(&mut w, &record(&p, ord))?;
        writeln!(w)
    })??;
    w.flush()?;
    let (name, config) = match engine {
        Engine::Quickwit => ("quickwit-index.yaml", quickwit_config()),
        Engine::Opensearch => (
            "opensearch-index.json",
            serde_json::to_string_pretty(&opensearch_config())? + "\n",
        ),
    };
    fs::write(out.join(name), config)?;
    let load = match engine {
        Engine::Quickwit => format!(
            "quickwit index create --index-config {0}/{name} && quickwit index ingest --index dossier --input-path {0}/passages.ndjson",
            out.display()
        ),
        Engine::Opensearch => format!(
            "curl -XPUT localhost:9200/dossier -H 'Content-Type: application/json' --data-binary @{0}/{name} && curl -XPOST localhost:9200/dossier/_bulk -H 'Content-Type: application/x-ndjson' --data-binary @{0}/{file}  (over 100 MB: split it, see docs/scale.md)",
            out.display()
        ),
    };
    let mut err = std::io::stderr().lock();
    writeln!(err, "wrote {ord} passages and {name} to {}", out.display())?;
    writeln!(err, "load them with: {load}")?;
    Ok(Status::Success)
}

/// The Quickwit index configuration (format version 0.8): text fields with
/// the English stemming tokenizer and positions, keywords raw and fast (for
/// term aggregations, i.e. facets), the document and kind as tag fields.
fn quickwit_config() -> String {
    let mut y = String::from(
        "# dossier passages for Quickwit (generated by `dossier export --for quickwit`).\n\
         version: 0.8\nindex_id: dossier\ndoc_mapping:\n  mode: strict\n  field_mappings:\n",
    );
    for (name, kind) in FIELDS {
        let (ty, extra) = match kind {
            Kind::Keyword => ("text", "tokenizer: raw\n      fast: true\n"),
            Kind::Keywords => ("array<text>", "tokenizer: raw\n      fast: true\n"),
            Kind::Text => ("text", "tokenizer: en_stem\n      record: position\n"),
            Kind::Texts => (
                "array<text>",
                "tokenizer: en_stem\n      record: position\n",
            ),
            Kind::Date => ("datetime", "input_formats: [rfc3339]\n      fast: true\n"),
            Kind::Dates => (
                "array<datetime>",
                "input_formats: [rfc3339]\n      fast: true\n",
            ),
            Kind::Number => ("u64", "fast: true\n"),
            Kind::Numbers => ("array<u64>", "fast: true\n"),
        };
        let _ = write!(y, "    - name: {name}\n      type: {ty}\n      {extra}");
    }
    let _ = write!(
        y,
        "  tag_fields: [doc, kind]\nsearch_settings:\n  default_search_fields: [{}]\n",
        SEARCHED.join(", ")
    );
    y
}

/// The OpenSearch settings and mappings: English analysis for text (with a
/// keyword subfield on section headings), keywords for facets, dates.
fn opensearch_config() -> Value {
    let mut properties = Map::new();
    for (name, kind) in FIELDS {
        let mapping = match kind {
            Kind::Keyword | Kind::Keywords => json!({ "type": "keyword" }),
            Kind::Text => json!({ "type": "text", "analyzer": "english" }),
            Kind::Texts => json!({
                "type": "text",
                "analyzer": "english",
                "fields": { "keyword": { "type": "keyword", "ignore_above": 512 } }
            }),
            Kind::Date | Kind::Dates => {
                json!({ "type": "date", "format": "strict_date_optional_time" })
            }
            Kind::Number | Kind::Numbers => json!({ "type": "long" }),
        };
        properties.insert(name.to_string(), mapping);
    }
    json!({
        "settings": { "index": { "number_of_shards": 1 } },
        "mappings": { "dynamic": "strict", "properties": properties }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_every_field_once() {
        let mut names: Vec<&str> = FIELDS.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
        for f in SEARCHED {
            assert!(
                FIELDS
                    .iter()
                    .any(|(n, k)| *n == f && matches!(k, Kind::Text | Kind::Texts)),
                "{f}"
            );
        }
    }
}

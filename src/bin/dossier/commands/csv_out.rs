//! `search --format csv`: one row a hit under a fixed header, quoted by the
//! `csv` crate (RFC 4180: a field with a comma, quote or newline is quoted).
//!
//! In: the hits of a page. Out: CSV on stdout. Lists (section path,
//! entities, dates, sources, footnotes) are joined into one cell each, so
//! that every row has the same columns whatever the passage holds.

use anyhow::Result;
use dossier::Hit;

use super::render::plain_snippet;
use crate::output::Out;

/// The columns, in order: always all of them, empty when the passage has
/// no value.
pub(crate) const HEADER: [&str; 19] = [
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

/// Between the headings of a section path in one cell.
const SECTION_JOIN: &str = " > ";
/// Between the values of a list in one cell.
const LIST_JOIN: &str = "; ";

/// Writes the header and one row per hit.
pub(crate) fn write_hits(out: &mut Out, hits: &[Hit]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for hit in hits {
        w.write_record(row(hit))?;
    }
    w.flush()?;
    Ok(())
}

/// A hit's cells, in [`HEADER`] order.
fn row(hit: &Hit) -> [String; HEADER.len()] {
    let p = &hit.passage;
    let opt = |v: Option<String>| v.unwrap_or_default();
    [
        p.id.clone(),
        p.doc.clone(),
        p.doc_title.clone(),
        opt(p.doc_publisher.clone()),
        opt(p.doc_published.map(|d| d.to_string())),
        p.kind.name().to_string(),
        p.n.to_string(),
        p.section.join(SECTION_JOIN),
        opt(p.page.map(|n| n.to_string())),
        p.text.clone(),
        plain_snippet(&hit.snippet),
        hit.score.to_string(),
        p.countries.join(LIST_JOIN),
        p.groups.join(LIST_JOIN),
        p.places.join(LIST_JOIN),
        p.persons.join(LIST_JOIN),
        p.dates.join(LIST_JOIN),
        p.sources.join(LIST_JOIN),
        p.footnotes.join(LIST_JOIN),
    ]
}

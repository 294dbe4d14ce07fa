//! RIS: one record per passage, `TY  - RPRT` for a report, `ELEC` for a web
//! page, authors `Family, Given`, the page (where the source has pages) in
//! `SP` and the pin cite in `N1`.
//!
//! In: the passages and their reports. Out: the records, each ending `ER  - `.

use std::fmt::Write as _;

use super::item::{Cited, WorkType};
use super::locate;
use super::names::Name;

/// The records, a blank line apart.
pub(super) fn records(items: &[Cited<'_>]) -> String {
    items.iter().map(record).collect::<Vec<_>>().join("\n")
}

fn record(c: &Cited<'_>) -> String {
    let doc = c.doc;
    let mut tags: Vec<(&str, String)> = vec![(
        "TY",
        match WorkType::of(doc) {
            WorkType::Report => "RPRT",
            WorkType::Webpage => "ELEC",
        }
        .to_string(),
    )];
    tags.extend(
        doc.authors
            .iter()
            .map(|a| ("AU", Name::parse(a).inverted())),
    );
    tags.push(("TI", doc.title.clone()));
    tags.extend(doc.series.iter().map(|s| ("T3", s.clone())));
    tags.extend(doc.publisher.iter().map(|p| ("PB", p.clone())));
    tags.extend(doc.place.iter().map(|p| ("CY", p.clone())));
    if let Some(date) = doc.published {
        tags.push(("PY", date.year().to_string()));
        tags.push(("DA", date.strftime("%Y/%m/%d/").to_string()));
    }
    tags.extend(doc.url.iter().map(|u| ("UR", u.clone())));
    tags.extend(c.passage.page.map(|p| ("SP", p.to_string())));
    tags.push(("N1", locate::pin(c.passage)));
    tags.push(("ER", String::new()));
    let mut out = String::new();
    for (tag, value) in &tags {
        writeln!(out, "{tag}  - {}", one_line(value)).expect("writing to a String");
    }
    out
}

/// A value on one line: RIS reads a line break as the end of the tag.
fn one_line(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

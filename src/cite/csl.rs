//! CSL-JSON: one item per passage describing its report, valid against the
//! CSL input schema (`csl-data.json`,
//! <https://github.com/citation-style-language/schema>), whose items admit
//! no property it does not list.
//!
//! The schema's item has a `locator` but no `label` (that belongs to a
//! citation's cite-items): the label, the quotation and the passage id go in
//! `custom`, the schema's place for what it has no variable for; `note`
//! holds the pin cite as people read it.
//!
//! In: the passages, their reports, the quotations. Out: a pretty-printed array.

use serde::Serialize;

use super::item::{Cited, WorkType};
use super::locate;
use super::names::Name;

/// A CSL-JSON item (the variables used, under the schema's names).
#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(rename = "publisher-place", skip_serializing_if = "Option::is_none")]
    publisher_place: Option<&'a str>,
    #[serde(rename = "collection-title", skip_serializing_if = "Option::is_none")]
    collection_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<Issued>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<String>,
    locator: String,
    note: String,
    custom: Custom<'a>,
}

/// A name: its parts, or `literal`.
#[derive(Serialize)]
struct CslName {
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<String>,
    #[serde(
        rename = "non-dropping-particle",
        skip_serializing_if = "Option::is_none"
    )]
    particle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal: Option<String>,
}

/// `{"date-parts": [[2020, 6, 29]]}`.
#[derive(Serialize)]
struct Issued {
    #[serde(rename = "date-parts")]
    date_parts: [[i16; 3]; 1],
}

/// What the schema has no variable for.
#[derive(Serialize)]
struct Custom<'a> {
    /// The locator's label: a CSL locator term, or `event`.
    label: &'static str,
    /// The passage's id in the index.
    passage: &'a str,
    /// The quotation.
    quote: &'a str,
}

/// The JSON array of the items.
pub(super) fn items(items: &[Cited<'_>], quotes: &[String]) -> String {
    let items: Vec<Item<'_>> = items.iter().zip(quotes).map(|(c, q)| item(c, q)).collect();
    let mut json = serde_json::to_string_pretty(&items).expect("CSL items serialise");
    json.push('\n');
    json
}

fn item<'a>(c: &Cited<'a>, quote: &'a str) -> Item<'a> {
    let doc = c.doc;
    let p = c.passage;
    let locator = locate::locator(p);
    Item {
        id: &p.id,
        kind: match WorkType::of(doc) {
            WorkType::Report => "report",
            WorkType::Webpage => "webpage",
        },
        title: &doc.title,
        author: doc.authors.iter().map(|a| name(&Name::parse(a))).collect(),
        publisher: doc.publisher.as_deref(),
        publisher_place: doc.place.as_deref(),
        collection_title: doc.series.as_deref(),
        issued: doc.published.map(|d| Issued {
            date_parts: [[d.year(), d.month().into(), d.day().into()]],
        }),
        url: doc.url.as_deref(),
        section: (!p.section.is_empty()).then(|| p.section.join(" › ")),
        locator: locator.value,
        note: locate::pin(p),
        custom: Custom {
            label: locator.label,
            passage: &p.id,
            quote,
        },
    }
}

fn name(n: &Name) -> CslName {
    let some = |s: &String| (!s.is_empty()).then(|| s.clone());
    match n {
        Name::Literal(literal) => CslName {
            family: None,
            given: None,
            particle: None,
            suffix: None,
            literal: Some(literal.clone()),
        },
        Name::Person {
            family,
            given,
            particle,
            suffix,
        } => CslName {
            family: some(family),
            given: some(given),
            particle: some(particle),
            suffix: some(suffix),
            literal: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_become_csl_names() {
        let cases = [
            ("Julie Coleman", r#"{"family":"Coleman","given":"Julie"}"#),
            (
                "Liesbeth van der Heide",
                r#"{"family":"Heide","given":"Liesbeth","non-dropping-particle":"van der"}"#,
            ),
            (
                "Martin Luther King, Jr.",
                r#"{"family":"King","given":"Martin Luther","suffix":"Jr."}"#,
            ),
            ("Madonna", r#"{"literal":"Madonna"}"#),
            (
                "International Crisis Group",
                r#"{"literal":"International Crisis Group"}"#,
            ),
        ];
        for (written, expected) in cases {
            let json = serde_json::to_string(&name(&Name::parse(written))).expect("json");
            assert_eq!(json, expected, "{written:?}");
        }
    }
}

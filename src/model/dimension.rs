//! Facet dimensions: the ways passages are counted and narrowed.
//!
//! One table for every place that names them: the facet paths the index
//! stores (`/country/TR`), the filter flags (`--country`), the query fields
//! (`country:Mali`), the facet counts, the alias table, and the passage field
//! each dimension's values come from.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::passage::Passage;

/// A way to count and narrow passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// The passage kind (`heading`, `footnote`…).
    Kind,
    /// The document id.
    Doc,
    /// Countries, by ISO 3166-1 alpha-2 code.
    Country,
    /// Armed groups, by canonical name.
    Group,
    /// Places.
    Place,
    /// Persons.
    Person,
    /// Years the passage's dates cover.
    Year,
    /// Outlets and works cited.
    Cites,
    /// The groups a passage's groups are affiliates of (`--affiliates`);
    /// its values come from the group table, not from the passage alone.
    Affiliate,
}

impl Dimension {
    /// The dimensions facet counts report, in the order they are printed.
    pub const COUNTED: [Dimension; 8] = [
        Dimension::Kind,
        Dimension::Doc,
        Dimension::Country,
        Dimension::Group,
        Dimension::Place,
        Dimension::Person,
        Dimension::Year,
        Dimension::Cites,
    ];

    /// The dimensions whose values are names that have aliases (`Türkiye` =
    /// `Turkey` = `TR`), resolved through the index's alias table.
    pub const NAMED: [Dimension; 5] = [
        Dimension::Country,
        Dimension::Group,
        Dimension::Place,
        Dimension::Person,
        Dimension::Cites,
    ];

    /// The entity dimensions the extractors fill.
    pub const ENTITIES: [Dimension; 4] = [
        Dimension::Country,
        Dimension::Group,
        Dimension::Place,
        Dimension::Person,
    ];

    /// The name: the facet root (`/country/…`), the query field and the JSON value.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Kind => "kind",
            Dimension::Doc => "doc",
            Dimension::Country => "country",
            Dimension::Group => "group",
            Dimension::Place => "place",
            Dimension::Person => "person",
            Dimension::Year => "year",
            Dimension::Cites => "cites",
            Dimension::Affiliate => "affiliate",
        }
    }

    /// The command-line flag that filters by it.
    pub fn flag(self) -> &'static str {
        match self {
            Dimension::Kind => "--kind",
            Dimension::Doc => "--doc",
            Dimension::Country => "--country",
            Dimension::Group => "--group",
            Dimension::Place => "--place",
            Dimension::Person => "--person",
            Dimension::Year => "--year",
            Dimension::Cites => "--cites",
            Dimension::Affiliate => "--affiliates",
        }
    }

    /// The passage's JSON list that holds a named dimension's values
    /// (`countries`, `sources`…); `None` for the others.
    pub fn passage_field(self) -> Option<&'static str> {
        match self {
            Dimension::Country => Some("countries"),
            Dimension::Group => Some("groups"),
            Dimension::Place => Some("places"),
            Dimension::Person => Some("persons"),
            Dimension::Cites => Some("sources"),
            _ => None,
        }
    }

    /// What a user may type for it: the name, the plural, `source` for cites.
    pub fn parse(name: &str) -> Option<Dimension> {
        let lower = name.trim().to_ascii_lowercase();
        let lower = lower.trim_start_matches("--");
        [Dimension::Affiliate]
            .into_iter()
            .chain(Dimension::COUNTED)
            .find(|d| {
                d.name() == lower
                    || d.passage_field() == Some(lower)
                    || (*d == Dimension::Cites && lower == "source")
                    || (*d == Dimension::Affiliate && lower == "affiliates")
            })
    }

    /// A passage's values in this dimension, in the passage's order (years
    /// ascending). Empty for [`Dimension::Affiliate`], which needs the group
    /// table.
    pub fn values(self, p: &Passage) -> Vec<Cow<'_, str>> {
        match self {
            Dimension::Kind => vec![Cow::Borrowed(p.kind.name())],
            Dimension::Doc => vec![Cow::Borrowed(p.doc.as_str())],
            Dimension::Year => years(p)
                .into_iter()
                .map(|y| Cow::Owned(y.to_string()))
                .collect(),
            Dimension::Affiliate => Vec::new(),
            named => named
                .tagged(p)
                .iter()
                .map(|v| Cow::Borrowed(v.as_str()))
                .collect(),
        }
    }

    /// The list a passage keeps a named dimension's values in; empty for the others.
    pub fn tagged(self, p: &Passage) -> &[String] {
        match self {
            Dimension::Country => &p.countries,
            Dimension::Group => &p.groups,
            Dimension::Place => &p.places,
            Dimension::Person => &p.persons,
            Dimension::Cites => &p.sources,
            _ => &[],
        }
    }
}

/// Every year any of a passage's dates covers, ascending, unique.
fn years(p: &Passage) -> Vec<i16> {
    let mut years: Vec<i16> = p
        .date_mentions
        .iter()
        .flat_map(|d| d.start.year()..=d.end.year())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for d in Dimension::COUNTED {
            assert_eq!(Dimension::parse(d.name()), Some(d));
            assert_eq!(Dimension::parse(d.flag()), Some(d));
        }
        for (typed, want) in [
            ("countries", Some(Dimension::Country)),
            ("Source", Some(Dimension::Cites)),
            ("sources", Some(Dimension::Cites)),
            ("affiliates", Some(Dimension::Affiliate)),
            ("topic", None),
            ("", None),
        ] {
            assert_eq!(Dimension::parse(typed), want, "{typed}");
        }
    }

    #[test]
    fn named_dimensions_have_a_passage_field() {
        for d in Dimension::NAMED {
            assert!(d.passage_field().is_some(), "{d}");
        }
        assert_eq!(Dimension::Year.passage_field(), None);
    }
}

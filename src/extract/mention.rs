//! What the extractors find: entity mentions with their byte spans, and a
//! text's entities as `docs/json.md` lists them.
//!
//! In: nothing but the types. Out: [`EntityKind`], [`Mention`] and
//! [`Entities`], shared by every extractor module, the alias table and the
//! callers of the `extract` API.

use std::ops::Range;

use serde::Serialize;

use crate::model::Dimension;

/// Which gazetteer an entity mention comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// ISO 3166-1 alpha-2 country.
    Country,
    /// Armed group, by canonical name.
    Group,
    /// City or region.
    Place,
    /// Named individual.
    Person,
}

impl EntityKind {
    /// The facet dimension its values are filtered and counted in.
    pub fn dimension(self) -> Dimension {
        match self {
            EntityKind::Country => Dimension::Country,
            EntityKind::Group => Dimension::Group,
            EntityKind::Place => Dimension::Place,
            EntityKind::Person => Dimension::Person,
        }
    }
}

/// One entity found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Gazetteer or rule that found it.
    pub kind: EntityKind,
    /// Byte range of the matched words in the text given to the extractor.
    pub span: Range<usize>,
    /// Canonical value: ISO code, canonical group name, place or person name.
    pub canonical: String,
}

impl Mention {
    /// A mention of `canonical` at `span`.
    pub(crate) fn new(kind: EntityKind, span: &Range<usize>, canonical: &str) -> Self {
        Mention {
            kind,
            span: span.clone(),
            canonical: canonical.to_owned(),
        }
    }
}

/// What the extractors found in one text, shaped as the JSON lists of `docs/json.md`: each list
/// sorted and unique, except `dates`, which keeps the order of first mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Canonical armed-group names.
    pub groups: Vec<String>,
    /// Places.
    pub places: Vec<String>,
    /// Persons.
    pub persons: Vec<String>,
    /// ISO 8601 dates and intervals.
    pub dates: Vec<String>,
}

impl Entities {
    /// The sorted, unique lists of a text's entity mentions (dates left empty).
    pub fn from_mentions(mentions: Vec<Mention>) -> Entities {
        let mut out = Entities::default();
        for m in mentions {
            let list = match m.kind {
                EntityKind::Country => &mut out.countries,
                EntityKind::Group => &mut out.groups,
                EntityKind::Place => &mut out.places,
                EntityKind::Person => &mut out.persons,
            };
            list.push(m.canonical);
        }
        for list in [
            &mut out.countries,
            &mut out.groups,
            &mut out.places,
            &mut out.persons,
        ] {
            list.sort();
            list.dedup();
        }
        out
    }

    /// The values found in an entity dimension; empty for the others.
    pub fn values(&self, dim: Dimension) -> &[String] {
        match dim {
            Dimension::Country => &self.countries,
            Dimension::Group => &self.groups,
            Dimension::Place => &self.places,
            Dimension::Person => &self.persons,
            _ => &[],
        }
    }
}

//! The passage: the unit that is indexed, returned and cited.
//!
//! Its serde shape *is* the JSON contract (`dossier export`, `search --json`,
//! documented field by field in `docs/json.md`): field names are fixed, new
//! fields may be added, none renamed.

use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::dates::DateInfo;
use super::kind::PassageKind;

/// The unit that is indexed, returned and cited (SPEC section 2).
///
/// Serialises to exactly the JSON contract documented in `docs/json.md`:
/// SPEC section 3's fields plus added ones (`line`, `date_mentions`,
/// `span`…) that scripts may use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// `<doc>/<kind letter><n>`, stable across re-ingests of the same corpus.
    pub id: String,
    /// Id of the document the passage belongs to.
    pub doc: String,
    /// Title of that document.
    pub doc_title: String,
    /// Publisher of that document, for citation lines (added field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_publisher: Option<String>,
    /// Publication date of that document (added field; JSON: `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_published: Option<Date>,
    /// Authors of that document, for citations (added field).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub doc_authors: Vec<String>,
    /// Where that document can be read online, for citations (added field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
    /// What the passage is.
    pub kind: PassageKind,
    /// 1-based number among the document's passages of this kind
    /// (for footnotes: the footnote's own number).
    pub n: u32,
    /// Heading path above the passage, outermost first.
    pub section: Vec<String>,
    /// Cleaned plain text: no markup, chrome or footnote markers.
    pub text: String,
    /// Footnote or reference labels cited in the text, in order of citation.
    pub refs: Vec<String>,
    /// Ids of the footnote passages that exist for `refs`.
    pub footnotes: Vec<String>,
    /// For footnotes only: the passage that cites it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited_by: Option<String>,
    /// Outlets and works the passage cites or names as sources.
    pub sources: Vec<String>,
    /// ISO 3166-1 alpha-2 codes, sorted, unique.
    pub countries: Vec<String>,
    /// Canonical armed-group names, sorted, unique.
    pub groups: Vec<String>,
    /// Places (cities, regions), sorted, unique.
    pub places: Vec<String>,
    /// Named persons, sorted, unique.
    pub persons: Vec<String>,
    /// Dates mentioned, ISO 8601 (`2020-06-29`, `2019-07`, `2014/2015`), in order of mention, unique.
    pub dates: Vec<String>,
    /// 1-based line in the source file where the passage starts (for
    /// citations); none when the format has no lines (PDF, Word).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The page the passage starts on, where the format has pages (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Each date with its precision and qualifier (added field).
    #[serde(default)]
    pub date_mentions: Vec<DateInfo>,
    /// The works this passage itself cites, parsed (added field): a
    /// footnote's sources, or the outlets a timeline item names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// Byte range of the passage's source in its file, first to last line it
    /// was read from (added field; JSON: `[start, end]`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::span::optional"
    )]
    pub span: Option<Range<usize>>,
}

/// One work or source a footnote cites.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Citation {
    /// What kind of source: `interview`, `report`, `article` (a titled work), `outlet`.
    pub kind: String,
    /// The outlet, publisher or interviewing body (`Hürriyet`, `Crisis Group interview`).
    pub source: String,
    /// The work's title, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The bracketed translation of a title in another language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    /// The date given, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where an interview took place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

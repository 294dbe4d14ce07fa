//! Plain data shared by every stage: documents, passages and their kinds.
//!
//! Nothing here does I/O. The serde shape of [`Passage`] *is* the JSON contract of
//! SPEC section 3 (`dossier export`, `search --json`): field names are fixed, new
//! fields may be added, none renamed.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What a passage is. The letter is part of the passage id (`crisisgroup-258/fn14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// A section heading; its text is the heading as printed, normalised.
    Heading,
    /// Running prose (including block quotes and list items that are not events).
    Paragraph,
    /// A footnote body; `n` is the footnote's own number.
    Footnote,
    /// A dated timeline item, dated by its header.
    Event,
    /// A figure or map caption.
    Caption,
}

impl PassageKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [PassageKind; 5] = [
        PassageKind::Heading,
        PassageKind::Paragraph,
        PassageKind::Footnote,
        PassageKind::Event,
        PassageKind::Caption,
    ];

    /// The id letter(s): `h`, `p`, `fn`, `ev`, `c`.
    pub fn letter(self) -> &'static str {
        match self {
            PassageKind::Heading => "h",
            PassageKind::Paragraph => "p",
            PassageKind::Footnote => "fn",
            PassageKind::Event => "ev",
            PassageKind::Caption => "c",
        }
    }

    /// The lower-case name used in JSON, facets and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            PassageKind::Heading => "heading",
            PassageKind::Paragraph => "paragraph",
            PassageKind::Footnote => "footnote",
            PassageKind::Event => "event",
            PassageKind::Caption => "caption",
        }
    }
}

impl fmt::Display for PassageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PassageKind {
    type Err = String;

    /// Accepts the name (`footnote`), its plural and the id letter (`fn`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        PassageKind::ALL
            .into_iter()
            .find(|k| k.name() == singular || k.letter() == lower)
            .ok_or_else(|| {
                format!(
                    "unknown kind `{s}`; expected heading, paragraph, footnote, event or caption"
                )
            })
    }
}

/// The unit that is indexed, returned and cited (SPEC section 2).
///
/// Serialises to exactly the JSON contract of SPEC section 3, plus a few added
/// fields (`line`, `date_mentions`) that scripts may use.
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
    /// Publication date of that document, `YYYY-MM-DD` (added field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_published: Option<String>,
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
    /// 1-based line in the source file where the passage starts (for citations).
    pub line: u32,
    /// Each date with its precision and qualifier (added field, not in SPEC section 3).
    #[serde(default)]
    pub date_mentions: Vec<DateInfo>,
    /// The works this passage itself cites, parsed (added field): a
    /// footnote's sources, or the outlets a timeline item names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
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

/// A date as indexed: its ISO value, the days it covers, and how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInfo {
    /// ISO 8601 value as in `dates`.
    pub value: String,
    /// First day covered (JSON: `YYYY-MM-DD`).
    pub start: Date,
    /// Last day covered (JSON: `YYYY-MM-DD`).
    pub end: Date,
    /// How precisely the date is known.
    pub precision: Precision,
    /// `early`, `mid`, `late`… when the text qualifies the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Byte range `[start, end)` of the date expression in the passage text.
    #[serde(default)]
    pub span: [usize; 2],
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `2020-06-29`
    Day,
    /// `2020-06`
    Month,
    /// `2020`
    Year,
    /// `1990/1999`
    Decade,
}

/// A qualifier written beside a date (`early 2020`, `mid-2016`, `late January`,
/// `summer 2019`). The date's value and days stay those of the whole period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `early`, `beginning of`
    Early,
    /// `mid`, `middle of`
    Mid,
    /// `late`, `end of`
    Late,
    /// `spring 2019`
    Spring,
    /// `summer 2019`
    Summer,
    /// `autumn 2019`, `fall 2019`
    Autumn,
    /// `winter 2019`
    Winter,
}

impl Qualifier {
    /// The lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Early => "early",
            Qualifier::Mid => "mid",
            Qualifier::Late => "late",
            Qualifier::Spring => "spring",
            Qualifier::Summer => "summer",
            Qualifier::Autumn => "autumn",
            Qualifier::Winter => "winter",
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Precision {
    /// The lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
        }
    }
}

/// Where a document came from and what it is, as `dossier docs` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocMeta {
    /// Short slug, the first part of every passage id.
    pub id: String,
    /// Title as printed in the report (or from `sources.toml`).
    pub title: String,
    /// Publishing organisation.
    pub publisher: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Authors, in order.
    pub authors: Vec<String>,
    /// Contributor line, where the report has one instead of authors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributor: Option<String>,
    /// Place line (`Istanbul/Ankara/Brussels`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Report number or series label (`Report 258 / Europe & Central Asia`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Where the report can be read online, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Path of the source file, as given to `ingest`.
    pub source_file: String,
}

/// A report: its metadata and its passages in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Metadata from the text and the sidecar.
    pub meta: DocMeta,
    /// Passages in document order.
    pub passages: Vec<Passage>,
    /// Footnote references in the text that have no footnote body.
    pub unresolved_refs: usize,
    /// Byte range of the report inside its source file.
    pub span: Range<usize>,
}

impl Report {
    /// Number of passages of one kind.
    pub fn count(&self, kind: PassageKind) -> usize {
        self.passages.iter().filter(|p| p.kind == kind).count()
    }
}

/// Something odd in the input that did not stop the work, for stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// File the warning is about.
    pub path: String,
    /// What happened, one line.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_parses_names_plurals_and_letters() {
        for (input, kind) in [
            ("footnote", PassageKind::Footnote),
            ("Footnotes", PassageKind::Footnote),
            ("fn", PassageKind::Footnote),
            ("ev", PassageKind::Event),
            ("heading", PassageKind::Heading),
            ("p", PassageKind::Paragraph),
            ("captions", PassageKind::Caption),
        ] {
            assert_eq!(input.parse::<PassageKind>(), Ok(kind), "{input}");
        }
        assert!("chapter".parse::<PassageKind>().is_err());
    }
}

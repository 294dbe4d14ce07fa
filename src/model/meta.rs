//! Document metadata: one type for what a report's text says about it, what
//! `sources.toml` says, and what the index stores and `dossier docs` shows.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// What is known about a document.
///
/// The segmenter fills what the text carries, a `sources.toml` entry what it
/// gives; [`DocMeta::fill_from`] merges them, the text first (SPEC section
/// 9). Empty strings and `None` mean "not known". In an index, `id`, `title`
/// and `source_file` are always set: ingest derives what no source gave.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DocMeta {
    /// Short slug, the first part of every passage id.
    pub id: String,
    /// Title as printed in the report (or from `sources.toml`).
    pub title: String,
    /// Publishing organisation.
    pub publisher: Option<String>,
    /// Publication date (JSON: `YYYY-MM-DD`).
    pub published: Option<Date>,
    /// Authors, in order.
    pub authors: Vec<String>,
    /// Contributor line, where the report has one instead of authors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor: Option<String>,
    /// Place line (`Istanbul/Ankara/Brussels`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Report number or series label (`Report 258 / Europe & Central Asia`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Where the report can be read online, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Path of the source file, as given to `ingest`.
    pub source_file: String,
    /// The file's format: `text`, `markdown`, `html`, `docx` or `pdf`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub format: String,
    /// The report's number in its series (`258`), from which an id is
    /// derived; not stored (the series line holds it).
    #[serde(skip)]
    pub number: Option<String>,
}

impl DocMeta {
    /// Takes from `other` every field this one does not know.
    pub fn fill_from(&mut self, other: &DocMeta) {
        fn string(mine: &mut String, theirs: &str) {
            if mine.is_empty() {
                theirs.clone_into(mine);
            }
        }
        fn option<T: Clone>(mine: &mut Option<T>, theirs: Option<&T>) {
            if mine.is_none() {
                *mine = theirs.cloned();
            }
        }
        string(&mut self.id, &other.id);
        string(&mut self.title, &other.title);
        option(&mut self.publisher, other.publisher.as_ref());
        option(&mut self.published, other.published.as_ref());
        if self.authors.is_empty() {
            self.authors.clone_from(&other.authors);
        }
        option(&mut self.contributor, other.contributor.as_ref());
        option(&mut self.place, other.place.as_ref());
        option(&mut self.series, other.series.as_ref());
        option(&mut self.url, other.url.as_ref());
        string(&mut self.source_file, &other.source_file);
        string(&mut self.format, &other.format);
        option(&mut self.number, other.number.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_known_wins_and_gaps_are_filled() {
        let mut text = DocMeta {
            title: "From the text".into(),
            authors: vec!["A. Writer".into()],
            ..DocMeta::default()
        };
        let sidecar = DocMeta {
            id: "short".into(),
            title: "From the sidecar".into(),
            authors: vec!["Someone Else".into()],
            publisher: Some("Publisher".into()),
            published: Some(jiff::civil::date(2020, 5, 4)),
            ..DocMeta::default()
        };
        text.fill_from(&sidecar);
        assert_eq!(text.id, "short");
        assert_eq!(text.title, "From the text");
        assert_eq!(text.authors, ["A. Writer"]);
        assert_eq!(text.publisher.as_deref(), Some("Publisher"));
        assert_eq!(text.published, Some(jiff::civil::date(2020, 5, 4)));
    }
}

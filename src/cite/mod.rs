//! Citations: passages and their reports → a quotation with a pin cite, in
//! the forms writers and reference managers read (`dossier cite`).
//!
//! In: each passage with its report's [`DocMeta`](crate::model::DocMeta) (from `docs.json`: authors
//! and URL are there, not on the passage) and the footnotes it cites. Out: one
//! string, an entry per passage in the order given. No I/O: the caller looks
//! the passages and documents up.
//!
//! One rule decides what a report is for every format: a document read from
//! HTML that names no publisher is a web page (CSL `webpage`, BibTeX `@misc`,
//! RIS `ELEC`); everything else is a report (`report`, `@techreport`, `RPRT`).
//! `item` holds the types and that rule, `locate` says where in the report a passage is, `names` splits authors'
//! names, and one module per format writes it.

mod bibtex;
mod csl;
mod item;
mod locate;
mod names;
mod prose;
mod ris;

use std::fmt;
use std::str::FromStr;

pub use item::Cited;

use crate::sentences;

/// How `dossier cite` writes a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum CiteFormat {
    /// A plain quotation and an author–date citation line.
    #[default]
    Text,
    /// A blockquote, a citation line, and the passage's footnotes as markdown footnotes.
    Markdown,
    /// A CSL-JSON array, one item per passage (Zotero, pandoc, citeproc).
    CslJson,
    /// BibTeX entries, one per passage.
    Bibtex,
    /// RIS records, one per passage.
    Ris,
}

impl CiteFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [CiteFormat; 5] = [
        CiteFormat::Text,
        CiteFormat::Markdown,
        CiteFormat::CslJson,
        CiteFormat::Bibtex,
        CiteFormat::Ris,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            CiteFormat::Text => "text",
            CiteFormat::Markdown => "markdown",
            CiteFormat::CslJson => "csl-json",
            CiteFormat::Bibtex => "bibtex",
            CiteFormat::Ris => "ris",
        }
    }
}

impl fmt::Display for CiteFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CiteFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        CiteFormat::ALL
            .into_iter()
            .find(|f| f.name() == wanted)
            .ok_or_else(|| {
                let names: Vec<_> = CiteFormat::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format; use one of {}", names.join(", "))
            })
    }
}

/// What `cite` writes and how much of each passage it quotes.
#[derive(Debug, Clone, Copy, Default)]
pub struct CiteOptions {
    /// The output format.
    pub format: CiteFormat,
    /// Quote only the first this many sentences (`…` marks the cut); all when none.
    pub sentences: Option<usize>,
}

/// The citations of `items`, one entry each, in order, in `options.format`.
///
/// ```
/// use dossier::{CiteFormat, CiteOptions, Cited, DocMeta, Passage, PassageKind, cite};
///
/// let doc = DocMeta {
///     id: "brief".into(),
///     title: "Prisons in the Sahel".into(),
///     authors: vec!["Ada Writer".into()],
///     publisher: Some("Sahel Institute".into()),
///     published: Some(jiff::civil::date(2021, 3, 4)),
///     ..DocMeta::default()
/// };
/// let passage: Passage = serde_json::from_value(serde_json::json!({
///     "id": "brief/p3", "doc": "brief", "doc_title": "Prisons in the Sahel",
///     "kind": "paragraph", "n": 3, "section": ["Detention"],
///     "text": "Cells are full. Guards are few.", "refs": [], "footnotes": [],
///     "sources": [], "countries": [], "groups": [], "places": [],
///     "persons": [], "dates": []
/// }))?;
/// let options = CiteOptions { format: CiteFormat::Text, sentences: Some(1) };
/// let text = cite(&[Cited { passage: &passage, doc: &doc, footnotes: &[] }], &options);
/// assert_eq!(
///     text,
///     "“Cells are full. …”\n\nWriter, Ada. 2021. Prisons in the Sahel. \
///      Sahel Institute, 4 March 2021. Detention, ¶ 3.\n"
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn cite(items: &[Cited<'_>], options: &CiteOptions) -> String {
    let quotes: Vec<String> = items
        .iter()
        .map(|c| quotation(&c.passage.text, options.sentences))
        .collect();
    match options.format {
        CiteFormat::Text => prose::text(items, &quotes),
        CiteFormat::Markdown => prose::markdown(items, &quotes),
        CiteFormat::CslJson => csl::items(items, &quotes),
        CiteFormat::Bibtex => bibtex::entries(items),
        CiteFormat::Ris => ris::records(items),
    }
}

/// The text quoted: whole, or its first `sentences` sentences and `…`.
fn quotation(text: &str, sentences: Option<usize>) -> String {
    let text = text.trim();
    let Some(wanted) = sentences else {
        return text.to_string();
    };
    let ranges = sentences::split(text);
    match ranges.get(wanted.saturating_sub(1)) {
        Some(last) if wanted > 0 && ranges.len() > wanted => {
            format!("{} …", text[..last.end].trim_end())
        }
        _ if wanted == 0 => "…".to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_cut_at_sentence_ends() {
        let text = "One is here. Two follows, e.g. this. Three ends it.";
        let cases: [(Option<usize>, &str); 6] = [
            (None, text),
            (Some(1), "One is here. …"),
            (Some(2), "One is here. Two follows, e.g. this. …"),
            (Some(3), text),
            (Some(9), text),
            (Some(0), "…"),
        ];
        for (wanted, expected) in cases {
            assert_eq!(quotation(text, wanted), expected, "{wanted:?}");
        }
    }

    #[test]
    fn formats_parse_by_name_only() {
        for f in CiteFormat::ALL {
            assert_eq!(f.name().parse::<CiteFormat>(), Ok(f));
        }
        assert_eq!(" CSL-JSON ".parse::<CiteFormat>(), Ok(CiteFormat::CslJson));
        assert!("json".parse::<CiteFormat>().is_err());
    }
}

//! Segmentation: a report file's text → documents made of passages.
//!
//! In: the text of one file. Out: one [`Segmented`] per report found in it, each
//! a list of [`Block`]s (kind, cleaned text, section path, footnote references)
//! in reading order, with the metadata the text itself carries. Ids, entities
//! and dates are added later (`ingest::assemble`). Infallible: odd input gives
//! odd passages, never an error.

use std::ops::Range;

use crate::PassageKind;

/// One passage before ids and extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it is.
    pub kind: PassageKind,
    /// Cleaned text.
    pub text: String,
    /// Heading path above it.
    pub section: Vec<String>,
    /// Footnote/reference labels cited in it, in order.
    pub refs: Vec<String>,
    /// For footnotes: the footnote's own number.
    pub number: Option<u32>,
    /// Outlets named as sources in it.
    pub sources: Vec<String>,
    /// Byte range in the file where it starts and ends.
    pub span: Range<usize>,
}

/// Metadata the text of a report carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct TextMeta {
    /// Title as printed.
    pub title: Option<String>,
    /// Date line, as written (`Istanbul/Ankara/Brussels, 29 June 2020`).
    pub date_line: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Contributor.
    pub contributor: Option<String>,
    /// Place part of the date line.
    pub place: Option<String>,
    /// Series line (`Report 258 / Europe & Central Asia`).
    pub series: Option<String>,
    /// Report number, if the series line has one.
    pub number: Option<String>,
    /// Publisher, when the text names it.
    pub publisher: Option<String>,
}

/// One report found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Segmented {
    /// What the text says about the report.
    pub meta: TextMeta,
    /// Passages in reading order.
    pub blocks: Vec<Block>,
    /// Byte range of the report in the file.
    pub span: Range<usize>,
}

/// Longest line still taken for a heading.
const MAX_HEADING_CHARS: usize = 90;

/// Splits `text` into reports and passages.
pub(crate) fn segment(text: &str) -> Vec<Segmented> {
    let mut report = Segmented {
        span: 0..text.len(),
        ..Segmented::default()
    };
    let mut section: Vec<String> = Vec::new();
    let mut offset = 0;
    for chunk in text.split("\n\n") {
        let start = offset;
        offset += chunk.len() + 2;
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            continue;
        }
        let flat = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
        let looks_like_heading = flat.chars().count() <= MAX_HEADING_CHARS
            && !flat.ends_with(['.', ',', ';', ':'])
            && flat.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let kind = if looks_like_heading {
            PassageKind::Heading
        } else {
            PassageKind::Paragraph
        };
        if kind == PassageKind::Heading {
            if report.meta.title.is_none() {
                report.meta.title = Some(flat.clone());
            }
            section = vec![flat.clone()];
        }
        report.blocks.push(Block {
            kind,
            section: if kind == PassageKind::Heading {
                Vec::new()
            } else {
                section.clone()
            },
            text: flat,
            span: start..start + chunk.len(),
            refs: Vec::new(),
            number: None,
            sources: Vec::new(),
        });
    }
    vec![report]
}

//! The segmenter's output: reports made of blocks, before ids and extraction.

use std::ops::Range;

use crate::model::{DocMeta, PassageKind};

/// One passage before ids and extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it is.
    pub kind: PassageKind,
    /// Cleaned text.
    pub text: String,
    /// Heading path above it, outermost first.
    pub section: Vec<String>,
    /// Footnote/reference labels cited in it, in order.
    pub refs: Vec<String>,
    /// For footnotes: the footnote's own number.
    pub number: Option<u32>,
    /// Outlets named as sources in it.
    pub sources: Vec<String>,
    /// Byte range of the source it comes from (first to last piece).
    pub span: Range<usize>,
    /// The page it starts on, where the format has pages.
    pub page: Option<u32>,
}

/// One report found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Segmented {
    /// What the text says about the report.
    pub meta: DocMeta,
    /// Passages in reading order.
    pub blocks: Vec<Block>,
    /// Byte range of the report in the file.
    pub span: Range<usize>,
}

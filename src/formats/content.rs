//! What a format reader gives: a file's text or its blocks, or why it is
//! not read.

use std::fmt;

use crate::model::DocMeta;
use crate::segment::{Continuity, RawBlock};

/// A file's content, read.
#[derive(Debug)]
pub(crate) enum Content {
    /// Text for the segmenter, with what its front matter said.
    Text {
        /// The whole file as text.
        text: String,
        /// Where the report text starts (after front matter).
        body_start: usize,
        /// Whether to read it as markdown whatever it looks like.
        markdown: bool,
        /// Metadata from front matter.
        meta: DocMeta,
    },
    /// Blocks read from a structured format.
    Blocks(Document),
}

/// A structured document: the blocks its markup states, and its metadata.
#[derive(Debug, Default)]
pub(crate) struct Document {
    /// What the file's own metadata says (title, authors, date…).
    pub meta: DocMeta,
    /// Blocks in reading order.
    pub blocks: Vec<RawBlock>,
    /// Byte offsets where the source's lines start, when the blocks' spans
    /// are byte ranges of a text source (HTML); empty otherwise.
    pub line_starts: Vec<usize>,
    /// Whether pages may have cut its paragraphs (PDF) or each block is
    /// whole (Word, HTML).
    pub continuity: Continuity,
    /// What the reader left out of a file it read (pages without a text
    /// layer), one line each, for ingest to report.
    pub warnings: Vec<String>,
}

/// Why a file is not read.
#[derive(Debug)]
pub(crate) enum Skip {
    /// Text in an encoding dossier does not read.
    NotUtf8,
    /// A PDF whose pages are images: it needs OCR.
    NoTextLayer,
    /// Encrypted with a password.
    Encrypted,
    /// The file is damaged or not what its name says.
    Corrupt(String),
    /// The operating system refused.
    Io(std::io::Error),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::NotUtf8 => f.write_str(
                "not UTF-8 text, skipped (hint: convert it with `iconv -t UTF-8` or export it as text)",
            ),
            Skip::NoTextLayer => f.write_str(
                "no text layer (a scanned PDF), skipped (hint: run OCR on it first, e.g. `ocrmypdf`)",
            ),
            Skip::Encrypted => f.write_str("encrypted, skipped (hint: save an unprotected copy)"),
            Skip::Corrupt(why) => write!(f, "damaged or not a valid file ({why}), skipped"),
            Skip::Io(e) => write!(f, "{e}, skipped"),
        }
    }
}

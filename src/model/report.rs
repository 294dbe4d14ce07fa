//! A report (a document and its passages) and the warnings ingest collects.

use std::ops::Range;

use super::kind::PassageKind;
use super::meta::DocMeta;
use super::passage::Passage;

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

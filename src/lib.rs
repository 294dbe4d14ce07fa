//! `dossier`: a search engine for long policy and research reports on violent
//! extremism. It reads a folder of reports, cuts them into citable passages
//! (headings, paragraphs, footnotes, timeline events, captions), links every
//! footnote to the passage citing it, extracts countries, armed groups, places,
//! persons and dates, and indexes the lot with tantivy.
//!
//! The pipeline, one module per stage: `ingest` (read, segment, extract, index),
//! `extract`, `index`, `query`. See ARCHITECTURE.md.

mod error;
pub mod extract;
mod model;

pub use error::{Error, Result};
pub use model::{DateInfo, DocMeta, Passage, PassageKind, Report, Warning};

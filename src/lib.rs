//! `dossier`: a search engine for long policy and research reports on violent
//! extremism. It reads a folder of reports, cuts them into citable passages
//! (headings, paragraphs, footnotes, timeline events, captions), links every
//! footnote to the passage citing it, extracts countries, armed groups, places,
//! persons and dates, and indexes the lot with tantivy.
//!
//! The pipeline, one module per stage: `ingest` (read, segment, assemble,
//! write), `extract`, `index`, `query`. See ARCHITECTURE.md.

mod error;
pub mod extract;
mod fold;
mod index;
mod ingest;
mod model;
mod query;
mod segment;
mod sentences;

pub use error::{Error, Result};
pub use index::{DocSummary, IndexHandle};
pub use ingest::{IngestConfig, IngestSummary, Progress, Silent, ingest};
pub use model::{
    Citation, DateInfo, Dimension, DocMeta, Passage, PassageKind, Precision, Qualifier, Report,
    Warning,
};
#[doc(hidden)]
pub use segment::review as debug_segment;

pub use query::{
    DateEnd, FacetCount, Filters, Hit, InContext, SearchRequest, SearchResults, Snippet,
    SourceCount, Timeline, TimelineEntry, TimelineRequest, facets, for_each_passage, in_context,
    parse_filter_date, search, sources, timeline,
};

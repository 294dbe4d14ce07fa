//! `dossier`: a search engine for long policy and research reports on violent
//! extremism. It reads a folder of reports, cuts them into citable passages
//! (headings, paragraphs, footnotes, timeline events, captions), links every
//! footnote to the passage citing it, extracts countries, armed groups, places,
//! persons and dates, and indexes the lot with tantivy.
//!
//! The pipeline, one module per stage: `ingest` (read, segment, assemble,
//! write), `extract`, `index`, `query`. See ARCHITECTURE.md. The JSON the
//! command line prints is documented in `docs/json.md`.
//!
//! Ingest a folder of reports, then search it:
//!
//! ```
//! use dossier::{IndexHandle, IngestConfig, SearchRequest, Silent, ingest, search};
//!
//! let reports = tempfile::tempdir()?;
//! std::fs::write(
//!     reports.path().join("brief.md"),
//!     "# Prisons in the Sahel\n\n## Detention\n\n\
//!      Overcrowded prisons in Niamey hold suspects of Boko Haram, \
//!      a prison official said in March 2021.\n",
//! )?;
//! let index = tempfile::tempdir()?;
//! let config = IngestConfig {
//!     paths: vec![reports.path().to_path_buf()],
//!     index: index.path().to_path_buf(),
//!     threads: 1,
//!     ..IngestConfig::default()
//! };
//! let summary = ingest(&config, &Silent)?;
//! assert_eq!(summary.docs.len(), 1);
//!
//! let handle = IndexHandle::open(index.path())?;
//! let request = SearchRequest {
//!     query: "prison".into(),
//!     limit: 5,
//!     ..SearchRequest::default()
//! };
//! let results = search(&handle, &request)?;
//! let best = &results.hits[0].passage;
//! assert_eq!(best.id, "brief/p1");
//! assert_eq!(best.section, ["Detention"]);
//! assert_eq!(best.groups, ["Boko Haram"]);
//! assert_eq!(best.places, ["Niamey"]);
//! assert_eq!(best.dates, ["2021-03"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cite;
mod error;
pub mod extract;
mod fold;
mod formats;
#[cfg(test)]
mod fuzz;
mod index;
mod ingest;
mod model;
mod query;
mod segment;
mod sentences;

pub use cite::{CiteFormat, CiteOptions, Cited, cite};
pub use error::{Error, Result};
#[doc(hidden)]
pub use formats::review as debug_segment;
pub use index::library::Provenance;
pub use index::{DocSummary, IndexHandle};
pub use ingest::{
    Changes, IngestConfig, IngestSummary, Progress, Silent, UpdateSummary, ingest, update,
};
pub use model::{
    Citation, DateInfo, Dimension, DocMeta, Passage, PassageKind, Precision, Qualifier, Report,
    Warning,
};
pub use query::{
    CrossTab, DateEnd, Expansion, ExpansionKind, FacetCount, Filters, Hit, InContext, Matching,
    SearchRequest, SearchResults, Snippet, SourceCount, Timeline, TimelineEntry, TimelineRequest,
    cross_tab, facets, for_each_matching_passage, for_each_passage, hits_by_doc, in_context,
    parse_added_since, parse_filter_date, search, sources, timeline,
};

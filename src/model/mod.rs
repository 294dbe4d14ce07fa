//! Plain data shared by every stage: documents, passages, their kinds, dates
//! and the facet dimensions they are filtered by.
//!
//! Nothing here does I/O, and nothing here imports another module of the
//! crate: this is the ground floor every stage builds on. The serde shape of
//! [`Passage`] is the JSON contract (`docs/json.md`).

mod dates;
mod dimension;
mod kind;
mod meta;
mod passage;
mod report;
mod span;

pub use dates::{DateInfo, Precision, Qualifier};
pub use dimension::Dimension;
pub use kind::PassageKind;
pub use meta::DocMeta;
pub use passage::{Citation, Passage};
pub use report::{Report, Warning};

//! Rule-based extractors: countries, armed groups, places, persons (gazetteers +
//! rules) and dates (a grammar of patterns), for passages at ingest and for any
//! text through `dossier extract`.
//!
//! In: plain text (already cleaned): one text, or the passages of a report
//! ([`Extractor::report_entities`]). Out: [`Mention`]s with byte spans into
//! that text, and the sorted, unique [`Entities`] of `docs/json.md`. Extraction is
//! infallible: odd input yields fewer mentions, never an error or a panic.
//! Loading the gazetteers can fail (a broken user data file); that happens once,
//! in [`Extractor::new`] or [`Extractor::with_user_data`].
//!
//! How it works, one module per job (this file only declares them and
//! re-exports the API):
//! - `mention`: the types every extractor returns ([`Mention`], [`Entities`]).
//! - `extractor`: [`Extractor`], the data loaded and compiled once, and its calls.
//! - `data` loads the data files of `data/` (embedded in the binary) and a user
//!   directory; `rules` compiles them: `gazetteer` is the single Aho-Corasick
//!   matcher of every country, group, place and blocker name (whole words,
//!   leftmost-longest, case rules), over text folded by the crate's `fold`
//!   (accents, apostrophes, hyphens, line joins) with a map back to it.
//! - `passage`: one pass over a passage: `claims` decides what each gazetteer
//!   match claims; `countries`, `groups`, `places` and `persons` hold each
//!   kind's rules (`translit` spells group names, `urls` marks links).
//! - `report`: a whole report's passages, each read once, then what the report
//!   knows about its persons (`persons::across`), the outlets each passage
//!   cites (`outlets`), and the acronyms and short names of groups it uses
//!   (`report_groups`).
//! - `aliases` exports the query-time alias tables; `citations` parses
//!   footnotes into cited works; `dates` is the date grammar.
//!
//! Extraction is deterministic.
//!
//! ```
//! use dossier::extract::{DateContext, Extractor};
//!
//! let extractor = Extractor::new()?;
//! let found = extractor.extract(
//!     "Turkish officials said ISIS and al-Qaeda in the Islamic Maghreb were active near Gao.",
//!     &DateContext::default(),
//! );
//! assert_eq!(found.countries, ["ML", "TR"]);
//! assert_eq!(found.groups, ["AQIM", "ISIS"]);
//! assert_eq!(found.places, ["Gao"]);
//! # Ok::<(), dossier::Error>(())
//! ```

mod aliases;
mod citations;
mod claims;
mod countries;
mod data;
pub mod dates;
mod extractor;
mod gazetteer;
mod groups;
mod mention;
mod outlets;
mod passage;
mod persons;
mod places;
mod report;
mod report_groups;
mod rules;
mod spellings;
mod translit;
mod urls;

pub use crate::fold::alias_key;
pub use aliases::Alias;
pub use citations::{CitedTitles, parse_citations, source_names};
pub use dates::{DateContext, DateMention, Precision, Qualifier, extract_dates};
pub use extractor::Extractor;
pub use mention::{Entities, EntityKind, Mention};
pub use persons::person_clusters;
pub use spellings::{Spellings, source_spellings};

#[cfg(test)]
mod publisher_tests;
#[cfg(test)]
mod tests;

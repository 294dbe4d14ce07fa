//! Persons, found by rules over name shapes and the words around them;
//! precision first. Every person rule lives here, one module per job.
//!
//! In: a passage's text and the byte spans other extractors already claimed
//! (`hard`: groups, countries, blockers — never part of a name; `soft`: places
//! and country names that are also given names — part of a name only when a
//! rule says so), then what the whole report knows. Out: person mentions
//! (source byte span, canonical name).
//!
//! - `words`: the word lists of `data/persons.toml` and `data/first_names.txt`.
//! - `tokens`: the words of a text, with their shapes.
//! - `candidates`: name shapes: runs of 1 to 4 capitalised
//!   words, name particles allowed inside (`Iyad Ag Ghaly`).
//! - `cues`: what makes a run a person: a title or role before it, an
//!   apposition or speech verb after it, a citation shape, `by`, a possessive,
//!   a known given name first.
//! - `surnames`: when a lone capitalised word is a person named in full.
//! - `canonical`: one writing for every form of one person.
//! - `passage`: one passage's persons, found in one pass ([`PassagePersons`]),
//!   named once the report's knowledge is in.
//! - `across`: what a whole report knows ([`ReportPersons`]): the full names
//!   it gives and which of them a lone surname may stand for; surnames shared
//!   with someone else and words the report writes in lower case are left out.
//!
//! Across reports nothing is remembered.

mod across;
mod candidates;
mod canonical;
mod cues;
mod passage;
mod surnames;
mod tokens;
mod variants;
mod words;

pub(crate) use across::ReportPersons;
pub(crate) use passage::PassagePersons;
pub(crate) use surnames::KnownPersons;
pub use variants::cluster as person_clusters;
pub(crate) use words::PersonRules;

#[cfg(test)]
mod tests;

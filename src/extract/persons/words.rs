//! The word lists of the person rules, compiled once: titles, roles, speech
//! verbs, what only a person owns, stop and organisation words, given names.
//!
//! In: `data/persons.toml` and `data/first_names.txt` (embedded in the
//! binary). Out: [`PersonRules`], sets of folded lower-case words that the
//! candidate, cue and surname rules look words up in.

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::fold::fold_key;

const PERSONS_TOML: &str = include_str!("../../../data/persons.toml");
const FIRST_NAMES: &str = include_str!("../../../data/first_names.txt");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    titles: Vec<String>,
    roles: Vec<String>,
    speech: Vec<String>,
    possessed: Vec<String>,
    stop: Vec<String>,
    organisation: Vec<String>,
    given_names: Vec<String>,
}

/// The compiled word lists; every word folded and lower case.
#[derive(Debug)]
pub(crate) struct PersonRules {
    /// Capitalised titles right before a name (`President`, `Gen.`).
    pub(super) titles: HashSet<String>,
    /// Lower-case roles right before a name (`leader`, `spokesperson`).
    pub(super) roles: HashSet<String>,
    /// Speech verbs right after a name (`said`).
    pub(super) speech: HashSet<String>,
    /// What only a person owns (`'s regime`).
    pub(super) possessed: HashSet<String>,
    stop: HashSet<String>,
    organisation: HashSet<String>,
    given_names: HashSet<String>,
}

impl PersonRules {
    /// Compiles the bundled word lists.
    pub(crate) fn bundled() -> Result<Self> {
        let words: Words = toml::from_str(PERSONS_TOML).map_err(|e| Error::DataFile {
            path: "data/persons.toml".into(),
            message: e.to_string(),
        })?;
        let set = |list: Vec<String>| list.iter().map(|w| fold_key(w)).collect::<HashSet<_>>();
        let mut given_names = set(words.given_names);
        given_names.extend(
            FIRST_NAMES
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(fold_key),
        );
        Ok(PersonRules {
            titles: set(words.titles),
            roles: set(words.roles),
            speech: set(words.speech),
            possessed: set(words.possessed),
            stop: set(words.stop),
            organisation: set(words.organisation),
            given_names,
        })
    }

    /// Whether `key` (folded, lower case) is a known given name.
    pub(crate) fn is_given_name(&self, key: &str) -> bool {
        self.given_names.contains(key)
    }

    /// Whether a capitalised word (`key` folded, lower case) may belong to a
    /// person's name: a known given name, or any word not in the stop,
    /// title or organisation lists.
    pub(crate) fn could_be_name(&self, key: &str) -> bool {
        self.given_names.contains(key) || !self.is_excluded(key)
    }

    /// A word that ends a run of capitalised words: a stop, organisation or
    /// title word.
    pub(super) fn is_excluded(&self, key: &str) -> bool {
        self.stop.contains(key) || self.organisation.contains(key) || self.titles.contains(key)
    }

    /// `University`, `Institute`: a word that makes the run before it an
    /// organisation's name.
    pub(super) fn is_organisation(&self, key: &str) -> bool {
        self.organisation.contains(key)
    }
}

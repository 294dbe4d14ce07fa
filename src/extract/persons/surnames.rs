//! Lone surnames: when one capitalised word is a mention of a person named in
//! full, in the same text or elsewhere in the report.
//!
//! In: the full names a text gives, and [`KnownPersons`], the full names the
//! rest of the report gives (prepared once by the report-level rules of
//! `across.rs`). Out: whether a lone word points at exactly one person. A
//! surname that is also a given name (`Ahmed`) is too common to point at one
//! person; one that is also a place (`Gönder`, a town too) is the person only
//! when the same text names the person in full; `Boubacar Keïta` and `Ibrahim
//! Boubacar Keïta` are one person.

use rustc_hash::FxHashSet as HashSet;

use super::canonical::{NameForms, identity_key};
use super::words::PersonRules;
use crate::fold::fold_key;

/// Full names found elsewhere in a document, prepared once for all its
/// passages: their surnames and identity keys.
#[derive(Debug, Default)]
pub(crate) struct KnownPersons {
    /// (folded surname, identity key) of names whose surname may stand alone.
    surnames: Vec<(String, String)>,
    /// The names, to give a passage's shorter forms their full form.
    pub(super) forms: NameForms,
}

impl KnownPersons {
    /// `names` (full names found elsewhere in the document), prepared.
    pub(crate) fn new(rules: &PersonRules, names: &[String]) -> Self {
        KnownPersons {
            surnames: surname_owners(rules, names.iter().map(String::as_str)),
            forms: NameForms::new(names),
        }
    }
}

/// (folded surname, identity key) of the full names among `names` whose
/// surname is not also a given name.
pub(super) fn surname_owners<'n>(
    rules: &PersonRules,
    names: impl Iterator<Item = &'n str>,
) -> Vec<(String, String)> {
    names
        .filter(|name| name.contains(' '))
        .filter_map(|name| {
            name.rsplit(' ')
                .next()
                .map(|last| (fold_key(last), identity_key(name)))
        })
        .filter(|(last, _)| !rules.is_given_name(last))
        .collect()
}

/// Whether a lone capitalised word (`key` folded) is the surname of exactly
/// one person: among `here` (the [`surname_owners`] of the text's own full
/// names) and, unless a place claims the word (`in_place`), among `known`.
pub(super) fn points_at_one_person(
    key: &str,
    in_place: bool,
    here: &[(String, String)],
    known: &KnownPersons,
) -> bool {
    let in_text = here.iter().map(|o| (o, true));
    let elsewhere = known.surnames.iter().map(|o| (o, false));
    let owners: HashSet<&str> = in_text
        .chain(elsewhere)
        .filter(|((last, _), in_text)| *last == key && (*in_text || !in_place))
        .map(|((_, n), _)| n.as_str())
        .collect();
    // `Boubacar Keïta` and `Ibrahim Boubacar Keïta` are one person.
    let persons = owners
        .iter()
        .filter(|n| {
            !owners
                .iter()
                .any(|longer| longer.ends_with(&format!(" {n}")))
        })
        .count();
    persons == 1
}

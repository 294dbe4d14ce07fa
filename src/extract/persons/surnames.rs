//! Lone surnames: when a capitalised word (or a surname of a few words) is a
//! mention of a person named in full, in the same text or elsewhere in the
//! report.
//!
//! In: the full names a text gives, and [`KnownPersons`], the full names the
//! rest of the report gives (prepared once by the report-level rules of
//! `across.rs`). Out: whether a lone surname points at exactly one person.
//! A person's surnames are the last word of the name, with or without its
//! Arabic article (`al-Zarqawi`, `Zarqawi`; `al-Assad`, `Assad`), and the
//! last words from a name particle on (`Bin Ladin` of `Usama Bin Ladin`,
//! `Ag Ghaly` of `Iyad Ag Ghaly`, `Abu Zubaydah`), and the full name itself.
//! A surname that is also a given name (`Ahmed`, `al-Hassan` without its
//! article) is too common to point at one person; one that is also a place
//! (`Gönder`, a town too) is the person only when the same text names the
//! person in full; `Boubacar Keïta` and `Ibrahim Boubacar Keïta` are one
//! person.

use rustc_hash::FxHashSet as HashSet;

use super::canonical::{NameForms, identity_key};
use super::words::PersonRules;

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

/// (surname key, identity key) of the full names among `names`: one pair for
/// each of a name's surnames (see the module doc) that is not a given name.
pub(super) fn surname_owners<'n>(
    rules: &PersonRules,
    names: impl Iterator<Item = &'n str>,
) -> Vec<(String, String)> {
    names
        .filter(|name| name.contains(' '))
        .flat_map(|name| {
            let identity = identity_key(name);
            surname_keys(rules, &identity)
                .into_iter()
                .map(move |key| (key, identity.clone()))
        })
        .collect()
}

/// Arabic articles a surname may be written with or without (`al-Zarqawi`,
/// `Zarqawi`), as folded words.
const ARTICLES: &[&str] = &["al", "el", "ad", "an", "ar", "as", "ash", "at", "az"];

/// Particles that start a surname of several words (`Bin Ladin`, `Ag
/// Ghaly`, `Abu Zubaydah`, `Ould Sidi`, `van der Heide`), as folded words.
const SURNAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "ben", "bint", "ag", "abu", "abou", "ould", "van", "von", "de", "del", "da",
    "al", "el",
];

/// Most words a surname of several words has (`Bin Ladin`, `van der Heide`).
const MAX_SURNAME_WORDS: usize = 3;

/// A surname key (folded) without its Arabic article: `al zarqawi` and
/// `zarqawi` compare equal.
pub(super) fn surname_key(key: &str) -> &str {
    key.split_once(' ')
        .filter(|(article, rest)| ARTICLES.contains(article) && !rest.is_empty())
        .map_or(key, |(_, rest)| rest)
}

/// The surname keys of a full name given by its identity key (folded words,
/// initials out): its last word, the last words from a particle on, the whole
/// name; each without its article, and none that is a given name.
fn surname_keys(rules: &PersonRules, identity: &str) -> Vec<String> {
    let words: Vec<&str> = identity.split(' ').collect();
    let n = words.len();
    let mut keys: Vec<String> = Vec::new();
    // The last word as the tokenizer keys it: `al zarqawi` is one token.
    let last_start = if n >= 2 && ARTICLES.contains(&words[n - 2]) {
        n - 2
    } else {
        n - 1
    };
    let last = words[last_start..].join(" ");
    if !rules.is_given_name(&last) && !rules.is_given_name(surname_key(&last)) {
        keys.push(surname_key(&last).to_owned());
    }
    for k in 2..=MAX_SURNAME_WORDS.min(n.saturating_sub(1)) {
        let first = words[n - k];
        if SURNAME_PARTICLES.contains(&first) && n - k < last_start {
            keys.push(words[n - k..].join(" "));
        }
    }
    keys.push(identity.to_owned());
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether a lone surname (`key` folded) is the surname of exactly one
/// person: among `here` (the [`surname_owners`] of the text's own full
/// names) and, unless a place claims the word (`in_place`), among `known`.
pub(super) fn points_at_one_person(
    key: &str,
    in_place: bool,
    here: &[(String, String)],
    known: &KnownPersons,
) -> bool {
    let key = surname_key(key);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_surnames_of_a_full_name() {
        let rules = PersonRules::bundled().expect("bundled word lists load");
        let keys = |identity: &str| surname_keys(&rules, identity);
        assert_eq!(
            keys("usama bin ladin"),
            ["bin ladin", "ladin", "usama bin ladin"]
        );
        assert_eq!(
            keys("abu musab al zarqawi"),
            ["abu musab al zarqawi", "zarqawi"]
        );
        assert_eq!(
            keys("iyad ag ghaly"),
            ["ag ghaly", "ghaly", "iyad ag ghaly"]
        );
        assert_eq!(
            keys("liesbeth van der heide"),
            ["heide", "liesbeth van der heide", "van der heide"]
        );
        // A surname that is a given name points at nobody alone.
        assert_eq!(keys("omar al hassan"), ["omar al hassan"]);
        assert_eq!(surname_key("al zarqawi"), "zarqawi");
        assert_eq!(surname_key("al"), "al");
    }
}

//! Canonical forms of person names: one writing for every form of one
//! person.
//!
//! In: the names found in a text, and [`NameForms`], the names found
//! elsewhere in the same report. Out: each name replaced by its canonical
//! form: the name as written, spaces normalised, diacritics kept; a shorter
//! form (`Keïta`, `Boubacar Keïta`) takes the longest form it ends (`Ibrahim
//! Boubacar Keïta`) unless two people share it, spellings that differ only by
//! accents or case take the one with most accents (else the first written),
//! and a middle initial does not make another person (`Ahmet S. Yayla` =
//! `Ahmet Yayla`).

use crate::fold::fold_key;

/// Names with their identity keys, computed once: the names a document
/// gives in full, which each passage's shorter forms are compared with.
#[derive(Debug, Default)]
pub(crate) struct NameForms(Vec<(String, String)>);

impl NameForms {
    /// `names` with their identity keys.
    pub(crate) fn new(names: &[String]) -> Self {
        NameForms(
            names
                .iter()
                .map(|name| (identity_key(name), name.clone()))
                .collect(),
        )
    }
}

/// Gives each name its longest form among `names` and `known` (the
/// document's other names): the longest name that ends with it, written with
/// the most accents, else as first written (`Iyad ag Ghaly` and `Iyad Ag
/// Ghaly` become one).
pub(crate) fn canonicalise(names: &mut [String], known: &NameForms) {
    if names.is_empty() {
        return;
    }
    let own = NameForms::new(names);
    // The report's forms first: a tie (`Sedane Ag Hitta`, `Sedane ag Hitta`)
    // goes to the writing every passage of the report shares.
    let forms: Vec<&(String, String)> = known.0.iter().chain(&own.0).collect();
    // Most accents, then the fullest writing (`Ahmet S. Yayla`).
    let rank = |s: &str| (s.chars().filter(|c| !c.is_ascii()).count(), s.len());
    for name in names.iter_mut() {
        let key = identity_key(name);
        let suffix = format!(" {key}");
        let longer: Vec<&String> = forms
            .iter()
            .map(|(k, _)| k)
            .filter(|k| **k == key || k.ends_with(&suffix))
            .collect();
        let longest = longer
            .iter()
            .copied()
            .fold(&key, |best, k| if k.len() > best.len() { k } else { best });
        // Two different people share the surname (`Moussa Traoré`, `Bah
        // Traoré`): the short form stays as written.
        let one_person = longer
            .iter()
            .all(|&k| k == longest || longest.ends_with(&format!(" {k}")));
        let longest = if one_person { longest } else { &key };
        let mut best: Option<&String> = None;
        for (k, form) in forms.iter().copied() {
            if k == longest && best.is_none_or(|b| rank(form) > rank(b)) {
                best = Some(form);
            }
        }
        if let Some(best) = best {
            name.clone_from(best);
        }
    }
}

/// A name's folded key without middle initials: `Ahmet S. Yayla` and
/// `Ahmet Yayla` are one person.
pub(super) fn identity_key(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').filter(|w| !is_initial(w)).collect();
    fold_key(&words.join(" "))
}

/// `S.`: an initial, as a name is written.
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.as_str() == "."
}

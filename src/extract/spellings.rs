//! One name written several ways across a library, and the rule for cited
//! sources: `France 24` and `France24`, `AFP` and `Agence France-Presse`,
//! `New York Times` and `The New York Times`. (Persons have their own rule,
//! `persons::variants`.)
//!
//! In: every source name the library's passages cite, with how many passages
//! cite it. Out: [`Spellings`] of two or more names. Two names are one source
//! when their keys match: folded, a leading `The` dropped, `&` read as
//! `and`, spaces, hyphens and dots dropped, doubled letters single
//! (`Combatting` = `Combating`). A name ending in an acronym in brackets
//! (`Stockholm International Peace Research Institute (SIPRI)`) is also that
//! acronym; an acronym of two to six capitals is the one multi-word name of
//! the library whose initials it is (`AFP`; small words such as `of` and
//! `the` skipped), unless two names have those initials.

use std::collections::HashMap;

use crate::fold::alias_key;

/// Words left out of a name's initials.
const SMALL_WORDS: [&str; 12] = [
    "of", "the", "for", "and", "on", "in", "de", "la", "du", "des", "et", "le",
];
/// Acronym lengths matched against initials.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// One name's spellings across a library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spellings {
    /// The spelling most passages use (ties: the longest, then the first in
    /// alphabetical order).
    pub canonical: String,
    /// Every spelling, the canonical one included, sorted.
    pub members: Vec<String>,
    /// Other names that stand for this one alone (a person's surnames).
    pub also: Vec<String>,
}

impl Spellings {
    /// The spellings of the names at `members` (indices into `names`).
    pub(crate) fn of(names: &[(&str, u64)], members: &[usize], also: Vec<String>) -> Spellings {
        let best = members
            .iter()
            .map(|&i| names[i])
            .max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then_with(|| a.0.len().cmp(&b.0.len()))
                    .then_with(|| b.0.cmp(a.0))
            })
            .expect("spellings have members");
        let mut written: Vec<String> = members.iter().map(|&i| names[i].0.to_string()).collect();
        written.sort();
        Spellings {
            canonical: best.0.to_string(),
            members: written,
            also,
        }
    }
}

/// Groups a library's cited source names into sources; names alone in
/// their group are left out.
pub fn source_spellings(names: &[(String, u64)]) -> Vec<Spellings> {
    let names: Vec<(&str, u64)> = names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    let mut sets = DisjointSets::new(names.len());
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, (name, _)) in names.iter().enumerate() {
        for key in keys(name) {
            match by_key.get(&key) {
                Some(&j) => sets.join(i, j),
                None => {
                    by_key.insert(key, i);
                }
            }
        }
    }
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (name, _)) in names.iter().enumerate() {
        if let Some(initials) = initials(name) {
            by_initials.entry(initials).or_default().push(i);
        }
    }
    for (i, (name, _)) in names.iter().enumerate() {
        if !is_acronym(name) {
            continue;
        }
        let mut expansions: Vec<usize> = by_initials
            .get(&name.replace('.', ""))
            .into_iter()
            .flatten()
            .map(|&j| sets.root(j))
            .collect();
        expansions.sort_unstable();
        expansions.dedup();
        if let [one] = expansions[..] {
            sets.join(i, one);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..names.len() {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    let mut out: Vec<Spellings> = groups
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|m| Spellings::of(&names, &m, Vec::new()))
        .collect();
    out.sort_by(|a, b| a.canonical.cmp(&b.canonical));
    out
}

/// The keys a source name is known by: its compact form, and an acronym
/// it ends with in brackets.
fn keys(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (head, bracketed) = match name.trim_end().strip_suffix(')') {
        Some(rest) => match rest.rsplit_once('(') {
            Some((head, inner)) if is_acronym(inner) => (head, Some(inner)),
            _ => (name, None),
        },
        None => (name, None),
    };
    out.push(compact(head));
    if let Some(acronym) = bracketed {
        out.push(compact(acronym));
    }
    out.retain(|k| !k.is_empty());
    out
}

/// Folded, `The` dropped, `&` as `and`, only letters and digits, doubled
/// letters single.
fn compact(name: &str) -> String {
    let folded = alias_key(&name.replace('&', " and "));
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    let mut out = String::new();
    for c in words.concat().chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn is_acronym(name: &str) -> bool {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    ACRONYM_LETTERS.contains(&letters.chars().count())
        && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// The capitals of a name of two words or more, small words skipped
/// (`Agence France-Presse` → `AFP`).
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if words.len() < 2 {
        return None;
    }
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(|c| {
            deunicode::deunicode_char(c)
                .unwrap_or("")
                .chars()
                .collect::<Vec<_>>()
        })
        .map(|c| c.to_ascii_uppercase())
        .collect();
    ACRONYM_LETTERS
        .contains(&initials.len())
        .then_some(initials)
}

/// Union-find over name indices.
pub(crate) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub(crate) fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(crate) fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped(names: &[(&str, u64)]) -> Vec<Vec<String>> {
        let owned: Vec<(String, u64)> = names.iter().map(|(n, c)| ((*n).to_string(), *c)).collect();
        source_spellings(&owned)
            .into_iter()
            .map(|s| s.members)
            .collect()
    }

    #[test]
    fn one_source_several_ways() {
        // (names with passage counts, the spellings taken as one source)
        type Case<'a> = (&'a [(&'a str, u64)], &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            (
                &[("Radio Sahel 9", 2), ("RadioSahel9", 1)],
                &["Radio Sahel 9", "RadioSahel9"],
            ),
            (
                &[("Agence Nationale de Presse", 3), ("ANP", 2)],
                &["ANP", "Agence Nationale de Presse"],
            ),
            (
                &[
                    ("Agence Sahel-Presse", 3),
                    ("Agence Sahel Presse", 1),
                    ("ASP", 2),
                ],
                &["ASP", "Agence Sahel Presse", "Agence Sahel-Presse"],
            ),
            (
                &[("The Desert Herald", 1), ("Desert Herald", 4)],
                &["Desert Herald", "The Desert Herald"],
            ),
            (
                &[
                    ("Studies in Deserts & Rivers", 1),
                    ("Studies in Deserts and Rivers", 1),
                ],
                &[
                    "Studies in Deserts & Rivers",
                    "Studies in Deserts and Rivers",
                ],
            ),
            (
                &[("Institute for Coastal Studies (ICOS)", 1), ("ICOS", 2)],
                &["ICOS", "Institute for Coastal Studies (ICOS)"],
            ),
            (
                &[
                    ("Combatting Piracy Centre", 1),
                    ("Combating Piracy Centre", 3),
                ],
                &["Combating Piracy Centre", "Combatting Piracy Centre"],
            ),
        ];
        for (names, members) in cases {
            let got = grouped(names);
            let want: Vec<String> = members.iter().map(|m| (*m).to_string()).collect();
            assert_eq!(got, [want], "{names:?}");
        }
    }

    #[test]
    fn different_sources_stay_apart() {
        let cases: &[&[(&str, u64)]] = &[
            // Initials two names share: the acronym joins neither.
            &[
                ("Agence Nationale de Presse", 1),
                ("Association Nationale Pastorale", 1),
                ("ANP", 1),
            ],
            // A longer name is another source.
            &[("Desert Herald", 1), ("Desert Herald Weekly", 1)],
            // Lower-case short words are no acronym.
            &[("Agence France-Presse", 1), ("afp", 1)],
            &[("Le Monde", 2), ("Le Monde Afrique", 2)],
        ];
        for names in cases {
            assert!(
                grouped(names).is_empty(),
                "{names:?} → {:?}",
                grouped(names)
            );
        }
    }
}

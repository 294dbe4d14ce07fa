//! One person under several spellings across a library: `Hamadoun Koufa`,
//! `Amadou Kouffa` and `Amadou Koufa`; `Iyad ag Ghaly` and `Iyad Ag Ghali`.
//! Each report names its persons its own way; this groups the names of a
//! whole library into persons, so that facets count a person once and a
//! filter or a query names all the spellings.
//!
//! In: every person name the library's passages carry, with how many
//! passages carry it. Out: [`Spellings`]s of two or more names, each with
//! the canonical name (the most frequent) and the surnames that name it
//! alone. The rules, on name skeletons (`fold::name_skeleton`: case, accents,
//! particles and transliteration differences such as `ou/u`, doubled letters
//! and `y/i` forgotten):
//! - two names of two or more words are one person when their surnames
//!   match (equal skeletons, or one letter apart when both have five letters
//!   or more) and their other words match: equal, one list of words inside
//!   the other (`Adnan Abu Walid al-Sahraoui`, `Abu Walid al-Sahraoui`), or
//!   written within a letter or two of each other (`Abdel Malick`,
//!   `Abdelmalek`; `Amadou`, `Hamadoun`);
//! - a name that begins another (`Bah ag Moussa`, `Bah ag Moussa Diarra`) is
//!   that name;
//! - a lone surname (`Droukdel`) joins the one person it may be; a surname
//!   two persons share (`Dicko`) joins neither.

use std::collections::HashMap;

use crate::extract::spellings::{DisjointSets, Spellings};
use crate::fold::name_skeleton;

/// Shortest word (in letters) that may differ by one letter between spellings.
const MIN_LEN_ONE_EDIT: usize = 5;
/// Shortest run of given names that may differ by two letters.
const MIN_LEN_TWO_EDITS: usize = 5;

/// A name prepared for comparison.
struct Name<'a> {
    written: &'a str,
    passages: u64,
    skeleton: Vec<String>,
}

impl Name<'_> {
    fn surname(&self) -> &str {
        self.skeleton.last().map_or("", String::as_str)
    }

    fn given(&self) -> &[String] {
        &self.skeleton[..self.skeleton.len().saturating_sub(1)]
    }
}

/// Groups a library's person names into persons (a lone surname no full
/// name claims is left out).
pub fn cluster(names: &[(String, u64)]) -> Vec<Spellings> {
    let prepared: Vec<Name<'_>> = names
        .iter()
        .map(|(written, passages)| Name {
            written,
            passages: *passages,
            skeleton: name_skeleton(written),
        })
        .filter(|n| !n.skeleton.is_empty())
        .collect();
    let mut sets = DisjointSets::new(prepared.len());
    let full: Vec<usize> = (0..prepared.len())
        .filter(|&i| prepared[i].skeleton.len() >= 2)
        .collect();
    for (k, &i) in full.iter().enumerate() {
        for &j in &full[k + 1..] {
            if same_person(&prepared[i], &prepared[j]) {
                sets.join(i, j);
            }
        }
    }
    // A lone surname joins the one person whose surname it is.
    for (i, lone) in prepared.iter().enumerate() {
        if lone.skeleton.len() != 1 {
            continue;
        }
        let mut persons: Vec<usize> = full
            .iter()
            .filter(|&&j| similar(lone.surname(), prepared[j].surname(), 1))
            .map(|&j| sets.root(j))
            .collect();
        persons.sort_unstable();
        persons.dedup();
        if let [person] = persons[..] {
            sets.join(i, person);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..prepared.len() {
        groups.entry(sets.root(i)).or_default().push(i);
    }
    let mut clusters: Vec<Spellings> = groups
        .into_values()
        // A person of one spelling counts too, for its surname.
        .filter(|members| members.len() > 1 || prepared[members[0]].skeleton.len() > 1)
        .map(|members| person_of(&prepared, &members))
        .collect();
    keep_unshared_surnames(&mut clusters, &prepared);
    clusters.sort_by(|a, b| a.canonical.cmp(&b.canonical));
    clusters
}

fn same_person(a: &Name<'_>, b: &Name<'_>) -> bool {
    let begins = |short: &Name<'_>, long: &Name<'_>| {
        short.skeleton.len() >= 2 && long.skeleton.starts_with(&short.skeleton)
    };
    if begins(a, b) || begins(b, a) {
        return true;
    }
    if !similar(a.surname(), b.surname(), 1) {
        return false;
    }
    let (ga, gb) = (a.given(), b.given());
    let (short, long) = if ga.len() <= gb.len() {
        (ga, gb)
    } else {
        (gb, ga)
    };
    let inside = short.iter().all(|w| long.iter().any(|v| similar(w, v, 1)));
    inside || similar(&ga.concat(), &gb.concat(), 2)
}

/// Whether two skeletons are equal or within `edits` letters, as long words
/// allow: one edit from [`MIN_LEN_ONE_EDIT`] letters, two from
/// [`MIN_LEN_TWO_EDITS`] when two are asked.
fn similar(a: &str, b: &str, edits: usize) -> bool {
    if a == b {
        return true;
    }
    let shortest = a.chars().count().min(b.chars().count());
    let allowed = match edits {
        2 if shortest >= MIN_LEN_TWO_EDITS => 2,
        _ if shortest >= MIN_LEN_ONE_EDIT => 1,
        _ => 0,
    };
    allowed > 0 && edit_distance(a, b) <= allowed
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

fn person_of(names: &[Name<'_>], members: &[usize]) -> Spellings {
    let counted: Vec<(&str, u64)> = names.iter().map(|n| (n.written, n.passages)).collect();
    let mut surnames: Vec<String> = members
        .iter()
        .filter_map(|&i| names[i].written.split_whitespace().last())
        .map(str::to_string)
        .collect();
    surnames.sort();
    surnames.dedup();
    Spellings::of(&counted, members, surnames)
}

/// Drops the surnames another name of the library also ends with.
fn keep_unshared_surnames(clusters: &mut [Spellings], names: &[Name<'_>]) {
    for c in clusters.iter_mut() {
        let mine: Vec<Vec<String>> = c.members.iter().map(|m| name_skeleton(m)).collect();
        c.also.retain(|s| {
            let key = name_skeleton(s).concat();
            !names
                .iter()
                .any(|n| n.surname() == key && n.skeleton.len() > 1 && !mine.contains(&n.skeleton))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters_of(names: &[(&str, u64)]) -> Vec<(String, Vec<String>)> {
        let owned: Vec<(String, u64)> = names.iter().map(|(n, c)| ((*n).to_string(), *c)).collect();
        cluster(&owned)
            .into_iter()
            .map(|c| (c.canonical, c.members))
            .collect()
    }

    #[test]
    fn spellings_of_one_person_merge() {
        // (names with passage counts, canonical, members)
        type Case<'a> = (&'a [(&'a str, u64)], &'a str, &'a [&'a str]);
        let cases: &[Case<'_>] = &[
            (
                &[
                    ("Hamadoun Koufa", 4),
                    ("Amadou Kouffa", 3),
                    ("Amadou Koufa", 2),
                ],
                "Hamadoun Koufa",
                &["Amadou Koufa", "Amadou Kouffa", "Hamadoun Koufa"],
            ),
            (
                &[
                    ("Iyad ag Ghaly", 29),
                    ("Iyad Ag Ghali", 1),
                    ("Iyad Ag Ghaly", 2),
                ],
                "Iyad ag Ghaly",
                &["Iyad Ag Ghali", "Iyad Ag Ghaly", "Iyad ag Ghaly"],
            ),
            (
                &[
                    ("Abdelmalek Droukdel", 3),
                    ("Abdel Malick Droukdel", 1),
                    ("Droukdel", 1),
                    ("Abdelmalek Droukdal", 2),
                ],
                "Abdelmalek Droukdel",
                &[
                    "Abdel Malick Droukdel",
                    "Abdelmalek Droukdal",
                    "Abdelmalek Droukdel",
                    "Droukdel",
                ],
            ),
            (
                &[
                    ("Adnan Abu Walid al-Sahraoui", 3),
                    ("Abu al-Walid al-Saharaoui", 1),
                ],
                "Adnan Abu Walid al-Sahraoui",
                &["Abu al-Walid al-Saharaoui", "Adnan Abu Walid al-Sahraoui"],
            ),
            (
                &[("Bah ag Moussa", 1), ("Bah ag Moussa Diarra", 1)],
                "Bah ag Moussa Diarra",
                &["Bah ag Moussa", "Bah ag Moussa Diarra"],
            ),
            (
                &[("Soumaïla Cissé", 3), ("Soumalia Cisse", 1)],
                "Soumaïla Cissé",
                &["Soumalia Cisse", "Soumaïla Cissé"],
            ),
        ];
        for (names, canonical, members) in cases {
            let got = clusters_of(names);
            assert_eq!(got.len(), 1, "{names:?} → {got:?}");
            assert_eq!(got[0].0, *canonical, "{names:?}");
            assert_eq!(
                got[0].1,
                members.iter().map(|m| (*m).to_string()).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn different_persons_stay_apart() {
        let cases: &[&[(&str, u64)]] = &[
            // One surname, other given names.
            &[("Mahmoud Dicko", 4), ("Malam Ibrahim Dicko", 1)],
            &[("Emmanuel Macron", 3), ("Brigitte Macron", 1)],
            // Short given names two letters apart are different names.
            &[("Ali Musa", 2), ("Eli Musa", 1)],
            // Surnames two letters apart.
            &[
                ("Sophie Douce", 1),
                ("Sophie Dounce", 1),
                ("Sophie Bounty", 1),
            ],
            // A surname two persons share: the lone surname joins neither.
            &[
                ("Mahmoud Dicko", 4),
                ("Malam Ibrahim Dicko", 1),
                ("Dicko", 2),
            ],
        ];
        for names in cases {
            let got = clusters_of(names);
            // Each full name is a person of its own; the lone surname none.
            assert!(got.iter().all(|(_, m)| m.len() == 1), "{names:?} → {got:?}");
            assert!(
                got.iter().all(|(c, _)| c.contains(' ')),
                "{names:?} → {got:?}"
            );
        }
    }

    #[test]
    fn surnames_name_one_person_only() {
        let names: Vec<(String, u64)> = [
            ("Hamadoun Koufa", 4),
            ("Amadou Kouffa", 3),
            ("Mahmoud Dicko", 1),
            ("Mahmud Dicko", 1),
            ("Malam Ibrahim Dicko", 1),
        ]
        .iter()
        .map(|(n, c)| ((*n).to_string(), *c))
        .collect();
        let got = cluster(&names);
        let koufa = got
            .iter()
            .find(|c| c.canonical == "Hamadoun Koufa")
            .expect("Koufa merged");
        assert_eq!(koufa.also, ["Koufa", "Kouffa"]);
        let dicko = got
            .iter()
            .find(|c| c.canonical == "Mahmoud Dicko")
            .expect("Dicko merged");
        assert!(dicko.also.is_empty(), "{dicko:?}");
    }
}

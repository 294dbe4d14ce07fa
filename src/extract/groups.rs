//! Armed groups: the names to match and the affiliation graph.
//!
//! In: [`GroupRec`]s from `data/groups.toml` (plus user additions). Out: the
//! (name, group, form) triples the gazetteer compiles — explicit aliases and
//! acronyms, transliteration variants (`translit.rs`), and branch names — and
//! for each group the transitive list of groups it is an affiliate of.
//!
//! Branch names: a group with `branch` names (ISGS: "Greater Sahara") is also
//! named by its first parent's names joined to them ("ISIS in the Greater
//! Sahara", "Islamic State of Iraq and the Levant – Greater Sahara", "IS
//! Sahel"), and by the parent's acronyms joined to its `branch_acronyms`
//! ("ISIL-GS", "ISISK"). Explicit names always win: a generated name that is
//! another group's alias is not added.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::data::GroupRec;
use super::translit::variants;
use crate::fold::fold_key;

/// How a group name is written in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameForm {
    /// Canonical name or alias: any case.
    Alias,
    /// Acronym: exact case.
    Acronym,
    /// Generated transliteration variant: any case.
    Variant,
}

/// Every matchable name of every group: (name, group index, form). Variants
/// that fold like another group's explicit name are left out.
pub(crate) fn names(groups: &[GroupRec]) -> Vec<(String, usize, NameForm)> {
    let mut out = Vec::new();
    let mut explicit: HashMap<String, usize> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        for alias in std::iter::once(&g.name).chain(&g.aliases) {
            explicit.entry(fold_key(alias)).or_insert(i);
            out.push((alias.clone(), i, NameForm::Alias));
        }
        for acronym in &g.acronyms {
            explicit.entry(fold_key(acronym)).or_insert(i);
            out.push((acronym.clone(), i, NameForm::Acronym));
        }
    }
    // `Abu Sayyaf Group` is also written `Abu Sayyaf group`.
    for (i, g) in groups.iter().enumerate() {
        for alias in std::iter::once(&g.name).chain(&g.aliases) {
            if let Some((head, noun)) = split_name_noun(alias) {
                out.push((
                    format!("{head} {}", noun.to_lowercase()),
                    i,
                    NameForm::Alias,
                ));
            }
        }
    }
    let mut generated: HashSet<String> = HashSet::new();
    let mut add =
        |name: String, i: usize, form: NameForm, out: &mut Vec<(String, usize, NameForm)>| {
            let key = fold_key(&name);
            let taken_by_other = explicit.get(&key).is_some_and(|&owner| owner != i);
            if !taken_by_other && generated.insert(key) {
                out.push((name, i, form));
            }
        };
    for (i, g) in groups.iter().enumerate() {
        for alias in std::iter::once(&g.name).chain(&g.aliases) {
            for v in variants(&fold_key(alias)) {
                add(v, i, NameForm::Variant, &mut out);
            }
        }
        for (name, form) in branch_names(groups, g) {
            add(name, i, form, &mut out);
        }
    }
    out
}

/// Nouns that end a group's name after a person's name or a kunya (`Abu
/// Sayyaf Group`, `Muhammad Jamal Network`): the name is also written with
/// them in lower case, and without them it is the group's short name.
const NAME_NOUNS: &[&str] = &["Group", "Network"];

/// Fewest words a short name has (`Abu Sayyaf`; `Haqqani` alone is a person
/// as often as the network).
const MIN_SHORT_WORDS: usize = 2;

/// `("Abu Sayyaf", "Group")` for `Abu Sayyaf Group`: a name before one of
/// [`NAME_NOUNS`].
fn split_name_noun(name: &str) -> Option<(&str, &str)> {
    let (head, noun) = name.rsplit_once(' ')?;
    NAME_NOUNS.contains(&noun).then_some((head, noun))
}

/// Short names of groups (`Abu Sayyaf` of `Abu Sayyaf Group`), with the group
/// they stand for; none that is another group's explicit name. Never a
/// person; a group mention where the report names the group in full
/// (`report_groups.rs`).
pub(crate) fn short_names(groups: &[GroupRec]) -> Vec<(String, usize)> {
    let explicit: HashSet<String> = groups
        .iter()
        .flat_map(|g| {
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .chain(&g.acronyms)
        })
        .map(|n| fold_key(n))
        .collect();
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        for alias in std::iter::once(&g.name).chain(&g.aliases) {
            if let Some((head, _)) = split_name_noun(alias)
                && head.split_whitespace().count() >= MIN_SHORT_WORDS
                && !explicit.contains(&fold_key(head))
                && !out.iter().any(|(n, j)| *j == i && n == head)
            {
                out.push((head.to_owned(), i));
            }
        }
    }
    out
}

/// Joins that make a branch's name from its parent's and the branch's own.
const BRANCH_JOINS: &[&str] = &[" ", " in ", " in the ", " of ", " of the ", "'s "];

/// Names of a branch made from its first parent's names (see the module doc).
fn branch_names(groups: &[GroupRec], g: &GroupRec) -> Vec<(String, NameForm)> {
    let Some(parent) = g
        .affiliate_of
        .first()
        .and_then(|p| groups.iter().find(|x| &x.name == p))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let parent_names = std::iter::once(&parent.name)
        .chain(&parent.aliases)
        .chain(&parent.acronyms);
    for p in parent_names {
        for b in &g.branch {
            for join in BRANCH_JOINS {
                out.push((format!("{p}{join}{b}"), NameForm::Variant));
            }
        }
    }
    for a in &parent.acronyms {
        for b in &g.branch_acronyms {
            out.push((format!("{a}-{b}"), NameForm::Acronym));
            out.push((format!("{a}{b}"), NameForm::Acronym));
        }
    }
    out
}

/// For each group, the canonical names of every group it is an affiliate of,
/// directly or through others, sorted (cycles are harmless).
pub(crate) fn affiliations(groups: &[GroupRec]) -> Vec<Vec<String>> {
    let index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.name.as_str(), i))
        .collect();
    groups
        .iter()
        .enumerate()
        .map(|(start, _)| {
            let mut seen = BTreeSet::new();
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                for parent in &groups[i].affiliate_of {
                    if let Some(&p) = index.get(parent.as_str())
                        && p != start
                        && seen.insert(groups[p].name.clone())
                    {
                        stack.push(p);
                    }
                }
            }
            seen.into_iter().collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_names_of_another_group_beat_variants() {
        let groups = vec![
            GroupRec {
                name: "Ansar al-Islam".into(),
                ..GroupRec::default()
            },
            GroupRec {
                name: "Ansaroul Islam".into(),
                aliases: vec!["Ansarul Islam".into()],
                ..GroupRec::default()
            },
        ];
        let all = names(&groups);
        let ansarul: Vec<usize> = all
            .iter()
            .filter(|(n, _, _)| fold_key(n) == "ansarul islam")
            .map(|(_, g, _)| *g)
            .collect();
        assert_eq!(ansarul, vec![1]);
    }

    #[test]
    fn branches_are_named_after_their_parent() {
        let groups = vec![
            GroupRec {
                name: "ISIS".into(),
                aliases: vec!["Islamic State".into()],
                acronyms: vec!["ISIS".into(), "ISIL".into()],
                ..GroupRec::default()
            },
            GroupRec {
                name: "ISGS".into(),
                affiliate_of: vec!["ISIS".into()],
                branch: vec!["Greater Sahara".into()],
                branch_acronyms: vec!["GS".into()],
                ..GroupRec::default()
            },
        ];
        let all = names(&groups);
        let of = |n: &str| {
            all.iter()
                .find(|(x, _, _)| fold_key(x) == fold_key(n))
                .map(|(_, g, f)| (*g, *f))
        };
        assert_eq!(
            of("ISIS in the Greater Sahara"),
            Some((1, NameForm::Variant))
        );
        assert_eq!(
            of("Islamic State’s Greater Sahara"),
            Some((1, NameForm::Variant))
        );
        assert_eq!(of("ISIL-GS"), Some((1, NameForm::Acronym)));
        assert_eq!(of("ISISGS"), Some((1, NameForm::Acronym)));
        assert_eq!(of("Islamic State"), Some((0, NameForm::Alias)));
    }

    // See: issue 13 ("`Abu Sayyaf` (a group) tagged as a person").
    #[test]
    fn a_name_before_group_or_network_is_a_short_name() {
        let groups = vec![
            GroupRec {
                name: "Abu Sayyaf Group".into(),
                ..GroupRec::default()
            },
            GroupRec {
                name: "Haqqani Network".into(),
                ..GroupRec::default()
            },
        ];
        assert_eq!(short_names(&groups), [("Abu Sayyaf".to_owned(), 0)]);
        let all = names(&groups);
        assert!(
            all.iter()
                .any(|(n, g, _)| n == "Abu Sayyaf group" && *g == 0)
        );
        assert!(
            all.iter()
                .any(|(n, g, _)| n == "Haqqani network" && *g == 1)
        );
    }

    #[test]
    fn affiliations_are_transitive() {
        let g = |name: &str, parents: &[&str]| GroupRec {
            name: name.into(),
            affiliate_of: parents.iter().map(|s| (*s).to_owned()).collect(),
            ..GroupRec::default()
        };
        let groups = vec![
            g("al-Qaeda", &[]),
            g("JNIM", &["al-Qaeda"]),
            g("Katiba Macina", &["JNIM"]),
            g("A", &["B"]),
            g("B", &["A"]),
        ];
        let aff = affiliations(&groups);
        assert_eq!(aff[2], vec!["JNIM".to_owned(), "al-Qaeda".to_owned()]);
        assert!(aff[0].is_empty());
        assert_eq!(aff[3], vec!["B".to_owned()]);
    }
}

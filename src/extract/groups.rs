//! Armed groups: names to match (with transliteration variants) and the
//! affiliation graph.
//!
//! In: [`GroupRec`]s from `data/groups.toml` (plus user additions). Out: the
//! (name, group, case rule) triples the gazetteer compiles, and for each group
//! the transitive list of groups it is an affiliate of. Matching is the
//! gazetteer's job; which variant spellings are generated is decided here.
//!
//! Variants: Arabic names reach English prose in many transliterations. After
//! the usual folding (accents, apostrophes, hyphens, spaces), these rewrites
//! are applied to every alias, alone and combined:
//! - `wal X` = `wa al X` = `wa l X` (`wal-Muslimin`, `wa al Muslimeen`);
//! - `X al Y` = `Xul Y` = `X ul Y` (`Nusrat al-Islam`, `Nusratul Islam`);
//! - `al` before a sun letter assimilates: `al-Din` = `ad-Din`, `al-Sham` = `ash-Sham`;
//! - long vowels: `ee` = `i`, `oo` = `ou` = `u` (`Muslimeen`, `Mourabitoun`,
//!   `Murabitun`), `aa` = `a` (`Shabaab`), a final `ah` = `a` (`Nusrah`);
//! - a leading `al` may be dropped (`al-Shabaab` → `Shabaab`).
//!
//! A variant that is another group's alias is not added (explicit names win).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::data::GroupRec;
use super::normalize::fold_key;

/// Most spellings generated from one alias.
const MAX_VARIANTS: usize = 48;
/// Shortest generated variant kept (shorter ones are too likely to be words).
const MIN_VARIANT_LEN: usize = 5;

/// Spelling variants of one token (itself included).
fn token_variants(token: &str) -> Vec<String> {
    let mut out = vec![token.to_owned()];
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for (from, to) in [("ee", "i"), ("oo", "u"), ("ou", "u"), ("aa", "a")] {
        if token.contains(from) {
            push(token.replace(from, to));
        }
    }
    let reduced = token
        .replace("ee", "i")
        .replace("oo", "u")
        .replace("ou", "u")
        .replace("aa", "a");
    push(reduced);
    for (end, alt) in [
        ("een", "in"),
        ("in", "een"),
        ("oun", "un"),
        ("un", "oun"),
        ("oon", "un"),
        ("un", "oon"),
        ("ah", "a"),
    ] {
        if let Some(stem) = token.strip_suffix(end)
            && stem.len() >= 3
        {
            push(format!("{stem}{alt}"));
        }
    }
    if token.len() >= 4 && token.ends_with('a') && !token.ends_with("ah") {
        push(format!("{token}h"));
    }
    out
}

fn is_sun_letter_start(word: &str) -> Option<&'static str> {
    for (prefix, article) in [
        ("sh", "ash"),
        ("th", "ath"),
        ("dh", "adh"),
        ("t", "at"),
        ("d", "ad"),
        ("r", "ar"),
        ("z", "az"),
        ("s", "as"),
        ("n", "an"),
    ] {
        if word.starts_with(prefix) {
            return Some(article);
        }
    }
    None
}

/// Phrase-level rewrites of the article `al` and the conjunction `wa`.
fn phrase_variants(tokens: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![tokens.to_vec()];
    let add = |v: Vec<String>, out: &mut Vec<Vec<String>>| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    // wal X = wa al X = wa l X
    for i in 0..tokens.len() {
        let rest = |skip: usize| tokens[i + skip..].to_vec();
        let head = tokens[..i].to_vec();
        let is_wal = tokens[i] == "wal";
        let is_wa_al =
            tokens[i] == "wa" && tokens.get(i + 1).is_some_and(|t| t == "al" || t == "l");
        if is_wal || is_wa_al {
            let after = if is_wal { rest(1) } else { rest(2) };
            for form in [&["wal"][..], &["wa", "al"], &["wa", "l"]] {
                let mut v = head.clone();
                v.extend(form.iter().map(|s| (*s).to_owned()));
                v.extend(after.iter().cloned());
                add(v, &mut out);
            }
        }
    }
    // X al Y = Xul Y = X ul Y; al + sun letter assimilates.
    let snapshot = out.clone();
    for base in snapshot {
        for i in 0..base.len() {
            if base[i] != "al" || i + 1 >= base.len() {
                continue;
            }
            let next = &base[i + 1];
            if let Some(article) = is_sun_letter_start(next) {
                let mut v = base.clone();
                article.clone_into(&mut v[i]);
                add(v, &mut out);
            }
            if i > 0 && base[i - 1] != "wa" {
                let mut glued = base.clone();
                glued[i - 1] = format!("{}ul", base[i - 1]);
                glued.remove(i);
                add(glued, &mut out);
                let mut spaced = base.clone();
                "ul".clone_into(&mut spaced[i]);
                add(spaced, &mut out);
            }
        }
    }
    // a leading al- dropped
    let snapshot = out.clone();
    for base in snapshot {
        if base.len() >= 2 && base[0] == "al" {
            add(base[1..].to_vec(), &mut out);
        }
    }
    out
}

/// Arabic particles whose presence marks a transliterated name (vowel
/// variants are generated only for those, and for one-word names, so that
/// English names like "Group to Support Islam" are left alone).
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "wal", "wa", "ad", "ash", "as", "at", "ar", "an", "az", "bil", "fi", "li",
    "lil",
];

/// Transliteration variants of an alias key (folded), the key itself excluded.
pub(crate) fn variants(key: &str) -> Vec<String> {
    let tokens: Vec<String> = key.split(' ').map(str::to_owned).collect();
    let transliterated =
        tokens.len() == 1 || tokens.iter().any(|t| PARTICLES.contains(&t.as_str()));
    let mut out = BTreeSet::new();
    for phrase in phrase_variants(&tokens) {
        let per_token: Vec<Vec<String>> = phrase
            .iter()
            .map(|t| {
                if transliterated {
                    token_variants(t)
                } else {
                    vec![t.clone()]
                }
            })
            .collect();
        let mut combos: Vec<String> = vec![String::new()];
        for options in &per_token {
            let mut next = Vec::new();
            for prefix in &combos {
                for option in options {
                    if next.len() >= MAX_VARIANTS {
                        break;
                    }
                    let joined = if prefix.is_empty() {
                        option.clone()
                    } else {
                        format!("{prefix} {option}")
                    };
                    next.push(joined);
                }
            }
            combos = next;
        }
        out.extend(combos);
        if out.len() >= MAX_VARIANTS {
            break;
        }
    }
    out.into_iter()
        .filter(|v| v != key && v.len() >= MIN_VARIANT_LEN)
        .take(MAX_VARIANTS)
        .collect()
}

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
    let mut generated: HashSet<String> = HashSet::new();
    for (i, g) in groups.iter().enumerate() {
        for alias in std::iter::once(&g.name).chain(&g.aliases) {
            for v in variants(&fold_key(alias)) {
                let taken_by_other = explicit.get(&v).is_some_and(|&owner| owner != i);
                if !taken_by_other && generated.insert(v.clone()) {
                    out.push((v, i, NameForm::Variant));
                }
            }
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

    fn has_variant(alias: &str, spelling: &str) -> bool {
        let key = fold_key(alias);
        let want = fold_key(spelling);
        key == want || variants(&key).contains(&want)
    }

    #[test]
    fn transliteration_variants_table() {
        for (alias, spelling) in [
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jamaat Nusratul Islam wal-Muslimin",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jama’at Nusrat al Islam wa al Muslimin",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jamaat Nusrat al-Islam wal Muslimeen",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jama’at Nusratul Islam wal Muslimin",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jamaat Nusrat ul-Islam wal-Muslimin",
            ),
            ("al-Mourabitoun", "al-Murabitun"),
            ("al-Mourabitoun", "Mourabitoun"),
            ("al-Shabaab", "al-Shabab"),
            ("al-Shabaab", "Shabab"),
            ("Ansar al-Din", "Ansar ad-Din"),
            ("Hayat Tahrir al-Sham", "Hayat Tahrir ash-Sham"),
            ("Jabhat al-Nusra", "Jabhat al-Nusrah"),
            (
                "Harakat al-Shabaab al-Mujahideen",
                "Harakat al-Shabab al-Mujahidin",
            ),
        ] {
            assert!(
                has_variant(alias, spelling),
                "{alias} should cover {spelling}"
            );
        }
    }

    #[test]
    fn variants_do_not_invent_other_words() {
        for (alias, not) in [
            ("Nusrat al-Islam", "Nasr al-Islam"),
            ("al-Qaeda", "al-Qaeda in the Islamic Maghreb"),
            ("Boko Haram", "Boko"),
            ("ISIS", "IS"),
        ] {
            assert!(!has_variant(alias, not), "{alias} must not cover {not}");
        }
        assert!(variants("isis").is_empty());
        assert!(
            variants(&fold_key("al-Qaeda"))
                .iter()
                .all(|v| v.len() >= MIN_VARIANT_LEN)
        );
    }

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

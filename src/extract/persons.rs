//! Persons, found by rules over name shapes and the words around them;
//! precision first.
//!
//! In: the original text and the byte spans other extractors already claimed
//! (`hard`: groups, countries, blockers — never part of a name; `soft`: places
//! and country names that are also given names — part of a name only when a
//! rule says so). Out: person mentions (source byte span, canonical name).
//!
//! A candidate is a run of capitalised words, joined by single spaces or one
//! line break, with name particles allowed inside (`Iyad Ag Ghaly`,
//! `Liesbeth van der Heide`, `Abu Bakr al-Baghdadi`); 1 to [`MAX_NAME_WORDS`]
//! capitalised words. It is a person when a cue confirms it (see
//! `data/persons.toml` for the words): a title or role before it (the only cue
//! that accepts a one-word name: `Colonel Goïta`), an apposition or a speech
//! verb after it, a citation shape (`Aaron Stein, “Title”` and the co-authors
//! chained to it by `,`/`and`), `by` before it, or a known given name first.
//! Words in the stop and organisation lists, and title words, end a run.
//!
//! Canonical form: the name as written, spaces normalised, diacritics kept. In
//! one text, a shorter form (`Keïta`, `Boubacar Keïta`) takes the longest form
//! it ends (`Ibrahim Boubacar Keïta`), spellings that differ only by accents
//! take the one with most accents, and a lone surname of a person already named
//! in full is a mention of that person. Across texts nothing is remembered.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use serde::Deserialize;

use super::normalize::fold_key;

mod tokens;

use tokens::{Shape, Token, tokenize};

const PERSONS_TOML: &str = include_str!("../../data/persons.toml");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");

/// Most capitalised words in a name; longer runs are titles or headings.
pub(crate) const MAX_NAME_WORDS: usize = 4;

/// Abbreviated titles written with a full stop (`Gen. Smith`).
const ABBREVIATED: &[&str] = &[
    "gen", "col", "dr", "mr", "mrs", "ms", "lt", "capt", "maj", "prof", "sgt", "rev", "st",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    titles: Vec<String>,
    roles: Vec<String>,
    speech: Vec<String>,
    stop: Vec<String>,
    organisation: Vec<String>,
    given_names: Vec<String>,
}

/// The compiled word lists.
#[derive(Debug)]
pub(crate) struct PersonRules {
    titles: HashSet<String>,
    roles: HashSet<String>,
    speech: HashSet<String>,
    stop: HashSet<String>,
    organisation: HashSet<String>,
    given_names: HashSet<String>,
}

/// One person found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonMention {
    pub(crate) span: Range<usize>,
    pub(crate) name: String,
}

impl PersonRules {
    /// Compiles the bundled word lists.
    pub(crate) fn bundled() -> crate::Result<Self> {
        let words: Words = toml::from_str(PERSONS_TOML).map_err(|e| crate::Error::DataFile {
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
            stop: set(words.stop),
            organisation: set(words.organisation),
            given_names,
        })
    }

    /// Persons in `text`; `hard` and `soft` are source spans claimed by other
    /// extractors (see the module doc). Output in text order.
    pub(crate) fn find(
        &self,
        text: &str,
        hard: &[Range<usize>],
        soft: &[Range<usize>],
    ) -> Vec<PersonMention> {
        let tokens = tokenize(text);
        let in_hard = covered(&tokens, hard);
        let in_soft = covered(&tokens, soft);
        let eligible: Vec<bool> = tokens
            .iter()
            .zip(&in_hard)
            .map(|(t, &hard)| {
                matches!(
                    t.shape,
                    Shape::Capitalised | Shape::Initial | Shape::Particle
                ) && !hard
                    && !(t.shape == Shape::Capitalised && self.is_excluded(&t.key))
            })
            .collect();
        let runs = runs(text, &tokens, &eligible);
        let caps = |run: &Range<usize>| {
            run.clone()
                .filter(|&i| tokens[i].shape == Shape::Capitalised)
                .count()
        };
        let span_of =
            |run: &Range<usize>| tokens[run.start].span.start..tokens[run.end - 1].span.end;
        let mut confirmed = vec![false; runs.len()];
        for (n, run) in runs.iter().enumerate() {
            let words = caps(run);
            if words == 0 || words > MAX_NAME_WORDS {
                continue;
            }
            let all_soft = run
                .clone()
                .filter(|&i| tokens[i].shape == Shape::Capitalised)
                .all(|i| in_soft[i]);
            let titled = self.title_before(text, &tokens, run.start);
            let organisation = in_organisation_name(text, &tokens, run.start)
                || self.organisation_word_after(text, &tokens, run.end);
            confirmed[n] = titled
                || (words >= 2
                    && !all_soft
                    && !organisation
                    && self.weak_cue(text, &tokens, &runs, n));
        }
        // A run written like a person confirmed elsewhere in the text is that person.
        let names: HashSet<String> = runs
            .iter()
            .zip(&confirmed)
            .filter(|(r, c)| **c && caps(r) >= 2)
            .map(|(r, _)| fold_key(&text[span_of(r)]))
            .collect();
        for (n, run) in runs.iter().enumerate() {
            if !confirmed[n] && caps(run) >= 2 && names.contains(&fold_key(&text[span_of(run)])) {
                confirmed[n] = true;
            }
        }
        let mut found: Vec<PersonMention> = runs
            .iter()
            .zip(&confirmed)
            .filter(|(_, c)| **c)
            .map(|(run, _)| {
                let span = span_of(run);
                PersonMention {
                    name: text[span.clone()]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    span,
                }
            })
            .collect();
        let lone: Vec<usize> = runs
            .iter()
            .zip(&confirmed)
            .filter(|(r, c)| !**c && caps(r) == 1 && r.len() == 1)
            .map(|(r, _)| r.start)
            .collect();
        add_surname_mentions(text, &tokens, &lone, &mut found);
        found.sort_by_key(|m| m.span.start);
        canonicalise(&mut found);
        found
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

    /// `George Washington University`: an organisation word right after the run.
    fn organisation_word_after(&self, text: &str, tokens: &[Token<'_>], end: usize) -> bool {
        tokens.get(end).is_some_and(|t| {
            t.shape == Shape::Capitalised
                && self.organisation.contains(t.key.as_ref())
                && is_space_gap(&text[tokens[end - 1].span.end..t.span.start])
        })
    }

    fn is_excluded(&self, key: &str) -> bool {
        self.stop.contains(key) || self.organisation.contains(key) || self.titles.contains(key)
    }

    /// A title or role right before token `first` (`President X`, `leader X`, `Gen. X`).
    fn title_before(&self, text: &str, tokens: &[Token<'_>], first: usize) -> bool {
        let Some(prev) = first.checked_sub(1).map(|i| &tokens[i]) else {
            return false;
        };
        let gap = &text[prev.span.end..tokens[first].span.start];
        let gap_ok = is_space_gap(gap)
            || (gap.trim_end() == "." && ABBREVIATED.contains(&prev.key.as_ref()));
        if !gap_ok {
            return false;
        }
        let first_char_upper = text[prev.span.clone()].starts_with(char::is_uppercase);
        (first_char_upper && self.titles.contains(prev.key.as_ref()))
            || (!first_char_upper && self.roles.contains(prev.key.as_ref()))
    }

    /// Cues that confirm a run of two or more capitalised words.
    fn weak_cue(&self, text: &str, tokens: &[Token<'_>], runs: &[Range<usize>], n: usize) -> bool {
        let run = &runs[n];
        let after = &text[tokens[run.end - 1].span.end..];
        let next = tokens.get(run.end);
        let prev = run.start.checked_sub(1).map(|i| &tokens[i]);
        let apposition = after.starts_with(',') && {
            let rest = after[1..].trim_start();
            let word = rest
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("");
            matches!(
                word,
                "a" | "an" | "the" | "who" | "whose" | "former" | "then" | "one"
            ) || self.roles.contains(&fold_key(word))
        };
        let speech = next.is_some_and(|t| {
            is_space_gap(&text[tokens[run.end - 1].span.end..t.span.start])
                && self.speech.contains(t.key.as_ref())
        });
        let by = prev.is_some_and(|p| {
            p.key == "by" && is_space_gap(&text[p.span.end..tokens[run.start].span.start])
        });
        let given = self.given_names.contains(tokens[run.start].key.as_ref());
        apposition || speech || by || given || citation_chain(text, tokens, runs, n)
    }
}

/// A lone capitalised word (`lone`: token indices) equal to the last word of
/// exactly one person found in full is a mention of that person.
fn add_surname_mentions(
    text: &str,
    tokens: &[Token<'_>],
    lone: &[usize],
    found: &mut Vec<PersonMention>,
) {
    let full: Vec<(String, String)> = found
        .iter()
        .filter(|m| m.name.contains(' '))
        .filter_map(|m| {
            m.name
                .rsplit(' ')
                .next()
                .map(|last| (fold_key(last), fold_key(&m.name)))
        })
        .collect();
    let mut extra = Vec::new();
    for &i in lone {
        let t = &tokens[i];
        let owners: HashSet<&str> = full
            .iter()
            .filter(|(last, _)| *last == t.key)
            .map(|(_, n)| n.as_str())
            .collect();
        if owners.len() == 1 {
            extra.push(PersonMention {
                span: t.span.clone(),
                name: text[t.span.clone()].to_owned(),
            });
        }
    }
    found.extend(extra);
}

/// `Bureau of Justice Statistics`, `University of Maryland`: a run right
/// after `of` that follows a capitalised word continues an organisation's name.
fn in_organisation_name(text: &str, tokens: &[Token<'_>], first: usize) -> bool {
    if first < 2 {
        return false;
    }
    let (of, before) = (&tokens[first - 1], &tokens[first - 2]);
    of.key == "of"
        && text[of.span.clone()] == *"of"
        && before.shape == Shape::Capitalised
        && is_space_gap(&text[of.span.end..tokens[first].span.start])
        && is_space_gap(&text[before.span.end..of.span.start])
}

/// For each token, whether it overlaps one of `spans` (sorted by start, not
/// overlapping each other), in one sweep.
fn covered(tokens: &[Token<'_>], spans: &[Range<usize>]) -> Vec<bool> {
    let mut k = 0;
    tokens
        .iter()
        .map(|t| {
            while k < spans.len() && spans[k].end <= t.span.start {
                k += 1;
            }
            k < spans.len() && spans[k].start < t.span.end
        })
        .collect()
}

/// Spaces, or one line break, between two words of a name.
fn is_space_gap(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
}

/// `Aaron Stein, “Title”` — and `A, B and C, “Title”`: each run of the chain.
fn citation_chain(text: &str, tokens: &[Token<'_>], runs: &[Range<usize>], n: usize) -> bool {
    let mut k = n;
    loop {
        let end = tokens[runs[k].end - 1].span.end;
        let after = &text[end..];
        if let Some(rest) = after.strip_prefix(',') {
            let rest = rest.trim_start_matches([' ', '\u{a0}']);
            if rest.starts_with(['“', '"', '‘', '«', '*', '_']) {
                return true;
            }
        }
        let Some(next) = runs.get(k + 1) else {
            return false;
        };
        let gap = &text[end..tokens[next.start].span.start];
        if !matches!(gap, ", " | " and " | ", and " | " & " | " et ") {
            return false;
        }
        k += 1;
    }
}

/// Runs of eligible tokens joined by name gaps, trimmed of particles at both ends.
fn runs(text: &str, tokens: &[Token<'_>], eligible: &[bool]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !eligible[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && eligible[j]
            && is_space_gap(&text[tokens[j - 1].span.end..tokens[j].span.start])
        {
            j += 1;
        }
        let (mut s, mut e) = (i, j);
        while s < e && tokens[s].shape == Shape::Particle {
            s += 1;
        }
        while e > s && tokens[e - 1].shape != Shape::Capitalised {
            e -= 1;
        }
        if s < e {
            out.push(s..e);
        }
        i = j;
    }
    out
}

/// Gives each mention (sorted by position) its longest form in this text:
/// the longest name that ends with it, written with the most accents, else
/// as first written (`Iyad ag Ghaly` and `Iyad Ag Ghaly` become one).
fn canonicalise(found: &mut [PersonMention]) {
    let names: Vec<(String, String)> = found
        .iter()
        .map(|m| (fold_key(&m.name), m.name.clone()))
        .collect();
    let accents = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    for m in found.iter_mut() {
        let key = fold_key(&m.name);
        let suffix = format!(" {key}");
        let longest = names
            .iter()
            .map(|(k, _)| k)
            .filter(|k| **k == key || k.ends_with(&suffix))
            .fold(&key, |best, k| if k.len() > best.len() { k } else { best });
        let mut best: Option<&String> = None;
        for (k, name) in &names {
            if k == longest && best.is_none_or(|b| accents(name) > accents(b)) {
                best = Some(name);
            }
        }
        if let Some(best) = best {
            m.name.clone_from(best);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons(text: &str) -> Vec<String> {
        let rules = PersonRules::bundled().unwrap();
        rules
            .find(text, &[], &[])
            .into_iter()
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn positive_cases() {
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            ("President Ibrahim Boubacar Keïta resigned.", &["Ibrahim Boubacar Keïta"]),
            ("the JNIM leader Iyad Ag Ghaly spoke", &["Iyad Ag Ghaly"]),
            ("Colonel Goïta took power.", &["Goïta"]),
            ("Gen. Stephen Townsend warned", &["Stephen Townsend"]),
            ("Aaron Stein, a fellow at the institute, argues", &["Aaron Stein"]),
            ("Aaron Stein, “The Title”, Outlet, 2019.", &["Aaron Stein"]),
            ("Liesbeth van der Heide and Julie Coleman, “Prisons”, 2020.", &["Liesbeth van der Heide", "Julie Coleman"]),
            ("a brief by Liesbeth van der Heide", &["Liesbeth van der Heide"]),
            ("Hamadoun Koufa said that", &["Hamadoun Koufa"]),
            ("ISIS leader Abu Bakr al-Baghdadi was killed", &["Abu Bakr al-Baghdadi"]),
            ("spokesperson Mohamed Ag\nAhmed declared", &["Mohamed Ag Ahmed"]),
            ("Julie Coleman wrote the brief", &["Julie Coleman"]),
            ("Prime Minister Moctar Ouane and Mr. Smith", &["Moctar Ouane", "Smith"]),
        ];
        for (text, want) in cases {
            assert_eq!(persons(text), *want, "{text:?}");
        }
    }

    #[test]
    fn negative_cases() {
        for text in [
            "The International Crisis Group said that",
            "Human Rights Watch, a New York-based group",
            "In Bamako, the government said",
            "Executive Summary",
            "Islamic State fighters said",
            "Calibrating the Response",
            "The General Assembly voted",
            "Many Tuareg Fighters said",
            "the Malian Armed Forces said",
            "Is it over? It is.",
            "President of the Republic",
            "Ministry of Justice, “Annual Report”",
            "United Nations Security Council said",
        ] {
            assert_eq!(persons(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn longest_and_most_accented_form_wins() {
        let text = "President Ibrahim Boubacar Keita met aides. President Keïta then left; Ibrahim Boubacar Keïta said no. Later Keita resigned.";
        let names = persons(text);
        assert!(
            names.iter().all(|n| n == "Ibrahim Boubacar Keïta"),
            "{names:?}"
        );
        assert_eq!(names.len(), 4, "{names:?}");
    }

    #[test]
    fn spellings_of_one_name_become_one() {
        let text = "leader Iyad ag Ghaly left. Later, leader Iyad Ag Ghaly said so.";
        assert_eq!(persons(text), ["Iyad ag Ghaly", "Iyad ag Ghaly"]);
    }

    #[test]
    fn claimed_spans_are_not_names() {
        let rules = PersonRules::bundled().unwrap();
        let text = "Georgia Holmer said";
        // "Georgia" claimed softly (a country that is also a given name) can still start a name.
        let found = rules.find(text, &[], std::slice::from_ref(&(0..7)));
        assert_eq!(found[0].name, "Georgia Holmer");
        // Claimed hard (a group), it cannot.
        let text = "Ansar Dine said";
        assert!(
            rules
                .find(text, std::slice::from_ref(&(0..10)), &[])
                .is_empty()
        );
        // A run made only of places needs a title.
        let text = "Gao Kidal said";
        assert!(rules.find(text, &[], &[0..3, 4..9]).is_empty());
    }
}

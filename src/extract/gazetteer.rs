//! The one matching engine of every gazetteer: Aho-Corasick over folded text,
//! whole words only, leftmost-longest, with a case rule per name.
//!
//! In: names with a target (what the name stands for) and a [`CaseRule`], then
//! [`Folded`] text. Out: [`Hit`]s — non-overlapping folded byte ranges, in text
//! order, each with the targets whose case rule the text satisfies. Candidates
//! that fail a word boundary or every case rule are discarded *before* the
//! longest match is chosen, so a refused acronym never hides a shorter valid
//! name. What a hit means (context rules, ambiguity) is left to the callers.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::fold::{Folded, fold_cased, fold_key, is_word_byte};

/// How the letter case of the text must agree with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseRule {
    /// Any case (`al-qaeda`, `AL-QAEDA`).
    Any,
    /// The first letter must be a capital (`Chad`, not `chad`).
    Capitalised,
    /// Like [`CaseRule::Capitalised`], and a word the text writes in capitals
    /// only (two letters or more) must be written so in the name too: an
    /// acronym is not a place (`GAO`, an agency, is not Gao), unless the
    /// gazetteer writes the place that way.
    Proper,
    /// Every word the name writes with a capital must be written with one
    /// (`Islamic State`, not `an Islamic state`; `AL-QAEDA` is fine).
    AsWritten,
    /// Every word of four letters or more must start with a capital (for
    /// generated spellings, whose case the data does not give).
    ProperWords,
    /// Exactly the case of the name (`IS`, not `is` or `Is`). Names of one or
    /// two letters are also refused next to another all-capital word, where a
    /// heading is shouting (`WHAT IS LEFT`).
    Exact,
}

/// Longest all-capital acronym that [`CaseRule::Exact`] still checks for a
/// shouting neighbour.
const SHORT_ACRONYM: usize = 2;

/// Shortest word [`CaseRule::ProperWords`] wants capitalised (shorter ones are
/// particles: al, wal, ul, ad).
const PROPER_WORD_LEN: usize = 4;

#[derive(Debug)]
struct Entry<T> {
    target: T,
    case: CaseRule,
    /// Folded name with its case, for [`CaseRule::Exact`].
    cased: Box<[u8]>,
}

/// Builds a [`Gazetteer`]; names are folded here.
#[derive(Debug)]
pub(crate) struct GazetteerBuilder<T> {
    keys: Vec<String>,
    entries: Vec<Vec<Entry<T>>>,
    index: HashMap<String, usize>,
}

impl<T: Copy + PartialEq> GazetteerBuilder<T> {
    pub(crate) fn new() -> Self {
        GazetteerBuilder {
            keys: Vec::new(),
            entries: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Adds `name` for `target`. Names that fold to nothing are ignored;
    /// adding the same name, target and rule twice is harmless.
    pub(crate) fn add(&mut self, name: &str, target: T, case: CaseRule) {
        let key = fold_key(name);
        if key.is_empty() {
            return;
        }
        let cased = fold_cased(name).into_bytes().into_boxed_slice();
        let slot = if let Some(&i) = self.index.get(&key) {
            i
        } else {
            self.index.insert(key.clone(), self.keys.len());
            self.keys.push(key);
            self.entries.push(Vec::new());
            self.keys.len() - 1
        };
        let list = &mut self.entries[slot];
        if !list
            .iter()
            .any(|e| e.target == target && e.case == case && e.cased == cased)
        {
            list.push(Entry {
                target,
                case,
                cased,
            });
        }
    }

    /// The targets already added under the key of `name`.
    #[cfg(test)]
    pub(crate) fn targets(&self, name: &str) -> Vec<T> {
        self.index
            .get(&fold_key(name))
            .map(|&i| self.entries[i].iter().map(|e| e.target).collect())
            .unwrap_or_default()
    }

    /// Compiles the automaton.
    pub(crate) fn build(self) -> Gazetteer<T> {
        // Patterns start with a space so that they can only match at a word
        // start of the search haystack (see `haystack`): an overlapping search
        // then reports a few candidates per word instead of every name ending
        // inside every word ("is" in "this"). A contiguous NFA builds in tens
        // of milliseconds for tens of thousands of names; a DFA builds slower
        // and searches no faster here.
        let patterns: Vec<Vec<u8>> = self
            .keys
            .iter()
            .map(|k| {
                let mapped: Vec<u8> = k.bytes().map(hay_byte).collect();
                let body = mapped.trim_ascii_end();
                std::iter::once(b' ').chain(body.iter().copied()).collect()
            })
            .collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("folded gazetteer names are small enough for an automaton");
        Gazetteer {
            ac,
            entries: self.entries,
        }
    }
}

/// A compiled set of names.
#[derive(Debug)]
pub(crate) struct Gazetteer<T> {
    ac: AhoCorasick,
    entries: Vec<Vec<Entry<T>>>,
}

/// One match: a folded byte range and the targets it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit<T> {
    pub(crate) range: Range<usize>,
    pub(crate) targets: Vec<T>,
}

impl<T: Copy> Gazetteer<T> {
    /// Whole-word, case-checked, leftmost-longest matches in `text`.
    pub(crate) fn find(&self, text: &Folded) -> Vec<Hit<T>> {
        thread_local! {
            /// The search haystack, reused across calls of one thread.
            static HAY: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        HAY.with_borrow_mut(|hay| self.find_in(text, hay))
    }

    fn find_in(&self, text: &Folded, hay: &mut Vec<u8>) -> Vec<Hit<T>> {
        let lower = &text.lower;
        hay.clear();
        hay.push(b' ');
        hay.extend(lower.iter().copied().map(hay_byte));
        let mut candidates: Vec<Hit<T>> = Vec::new();
        for m in self.ac.find_overlapping_iter(hay.as_slice()) {
            // hay[i + 1] is lower[i]; the match starts with the space before the word.
            let (s, e) = (m.start(), m.end() - 1);
            if !at_word_edges(lower, s, e) {
                continue;
            }
            let targets: Vec<T> = self.entries[m.pattern().as_usize()]
                .iter()
                .filter(|entry| case_agrees(text, s..e, entry))
                .map(|entry| entry.target)
                .collect();
            if !targets.is_empty() {
                candidates.push(Hit {
                    range: s..e,
                    targets,
                });
            }
        }
        candidates.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut out: Vec<Hit<T>> = Vec::new();
        for hit in candidates {
            if out
                .last()
                .is_none_or(|last| hit.range.start >= last.range.end)
            {
                out.push(hit);
            }
        }
        out
    }
}

/// The byte a name or text byte becomes in the search haystack: word bytes
/// and dots (`U.S.`) stay, other punctuation becomes a space, so that every
/// word start follows a space.
fn hay_byte(b: u8) -> u8 {
    if is_word_byte(b) || b == b'.' {
        b
    } else {
        b' '
    }
}

/// A match must not start or end inside a word.
fn at_word_edges(hay: &[u8], s: usize, e: usize) -> bool {
    let starts_clean = s == 0 || !is_word_byte(hay[s]) || !is_word_byte(hay[s - 1]);
    let ends_clean = e == hay.len() || !is_word_byte(hay[e - 1]) || !is_word_byte(hay[e]);
    starts_clean && ends_clean
}

fn case_agrees<T>(text: &Folded, range: Range<usize>, entry: &Entry<T>) -> bool {
    let cased = &text.cased[range.clone()];
    match entry.case {
        CaseRule::Any => true,
        CaseRule::Capitalised => cased.first().is_some_and(u8::is_ascii_uppercase),
        CaseRule::Proper => {
            cased.first().is_some_and(u8::is_ascii_uppercase)
                && capitals_as_written(cased, &entry.cased)
        }
        CaseRule::AsWritten => {
            entry
                .cased
                .iter()
                .zip(cased)
                .enumerate()
                .all(|(i, (&want, &got))| {
                    let word_start = i == 0 || !is_word_byte(entry.cased[i - 1]);
                    !(word_start && want.is_ascii_uppercase()) || got.is_ascii_uppercase()
                })
        }
        CaseRule::ProperWords => cased
            .split(|&b| !is_word_byte(b))
            .all(|word| word.len() < PROPER_WORD_LEN || word[0].is_ascii_uppercase()),
        CaseRule::Exact => {
            let letters = entry
                .cased
                .iter()
                .filter(|b| b.is_ascii_alphabetic())
                .count();
            // Letters must agree exactly; punctuation may differ (`DHKP/C`, `DHKP-C`).
            let same_letters = entry
                .cased
                .iter()
                .zip(cased)
                .all(|(want, got)| !want.is_ascii_alphabetic() || want == got);
            same_letters && (letters > SHORT_ACRONYM || !shouting_nearby(&text.cased, range))
        }
    }
}

/// Whether every word that `cased` (a match) writes in capitals only, two
/// letters or more, is written so in `name` too (same folded length).
fn capitals_as_written(cased: &[u8], name: &[u8]) -> bool {
    let mut start = 0;
    for word in cased.split(|&b| !is_word_byte(b)) {
        let end = start + word.len();
        if is_shouted(word) && !name.get(start..end).is_some_and(is_shouted) {
            return false;
        }
        start = end + 1;
    }
    true
}

/// Whether the word before or after `range` is all capitals (two letters or more).
fn shouting_nearby(cased: &[u8], range: Range<usize>) -> bool {
    let before = cased[..range.start].trim_ascii_end();
    let prev_start = before
        .iter()
        .rposition(|&b| !is_word_byte(b))
        .map_or(0, |i| i + 1);
    let after = cased[range.end..].trim_ascii_start();
    let next_end = after
        .iter()
        .position(|&b| !is_word_byte(b))
        .unwrap_or(after.len());
    is_shouted(&before[prev_start..]) || is_shouted(&after[..next_end])
}

fn is_shouted(word: &[u8]) -> bool {
    word.len() >= 2 && word.iter().all(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn gazetteer() -> Gazetteer<&'static str> {
        let mut b = GazetteerBuilder::new();
        b.add("al-Qaeda", "al-Qaeda", CaseRule::Any);
        b.add("al-Qaeda in the Islamic Maghreb", "AQIM", CaseRule::Any);
        b.add("IS", "ISIS", CaseRule::Exact);
        b.add("U.S.", "US", CaseRule::Exact);
        b.add("US", "US", CaseRule::Exact);
        b.add("Chad", "TD", CaseRule::Capitalised);
        b.add("Mali", "ML", CaseRule::Any);
        b.add("Guinea", "GN", CaseRule::Capitalised);
        b.add("Guinea-Bissau", "GW", CaseRule::Capitalised);
        b.add("Papua New Guinea", "PG", CaseRule::Capitalised);
        b.add("Jama'at Nusrat al-Islam", "JNIM", CaseRule::Any);
        b.add("Islamic State", "ISIS", CaseRule::AsWritten);
        b.add("al-Shabaab", "al-Shabaab", CaseRule::AsWritten);
        b.add("al shabab", "al-Shabaab", CaseRule::ProperWords);
        b.add("Gao", "Gao", CaseRule::Proper);
        b.add("ADF Camp", "camp", CaseRule::Proper);
        b.build()
    }

    fn found(text: &str) -> Vec<(String, Vec<&'static str>)> {
        let g = gazetteer();
        let f = fold(text);
        g.find(&f)
            .into_iter()
            .map(|h| (text[f.source_span(h.range)].to_owned(), h.targets))
            .collect()
    }

    #[test]
    fn matching_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &[(&str, &str)])] = &[
            // longest wins
            ("al-Qaeda in the Islamic Maghreb attacked", &[("al-Qaeda in the Islamic Maghreb", "AQIM")]),
            ("al-Qaeda and AQIM", &[("al-Qaeda", "al-Qaeda")]),
            ("Guinea-Bissau and Guinea", &[("Guinea-Bissau", "GW"), ("Guinea", "GN")]),
            ("in Papua New Guinea", &[("Papua New Guinea", "PG")]),
            // whole words only
            ("Malian", &[]),
            ("Somali", &[]),
            ("this is it", &[]),
            // case rules
            ("IS claimed it", &[("IS", "ISIS")]),
            ("Is it over? it is.", &[]),
            ("WHAT IS LEFT", &[]),
            ("the U.S. and US troops", &[("U.S.", "US"), ("US", "US")]),
            ("let us go", &[]),
            ("Chad and chad", &[("Chad", "TD")]),
            ("mali", &[("mali", "ML")]),
            // folding: apostrophes, hyphens, line joins
            ("Jama’at Nusrat al Islam", &[("Jama’at Nusrat al Islam", "JNIM")]),
            ("Jamaat Nusrat al-Islam", &[("Jamaat Nusrat al-Islam", "JNIM")]),
            ("the Islamic\n  State", &[("Islamic\n  State", "ISIS")]),
            ("AL-QAEDA", &[("AL-QAEDA", "al-Qaeda")]),
            ("an Islamic state, the Islamic State", &[("Islamic State", "ISIS")]),
            ("ISLAMIC STATE", &[("ISLAMIC STATE", "ISIS")]),
            ("Al-Shabaab, al-Shabab, al-shabab", &[("Al-Shabaab", "al-Shabaab"), ("al-Shabab", "al-Shabaab")]),
            // an acronym is a place only when the place is written that way
            // See: issue 13
            ("Gao and the GAO, not gao", &[("Gao", "Gao")]),
            ("the ADF Camp, the ADF CAMP", &[("ADF Camp", "camp")]),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<(String, Vec<&str>)> = want
                .iter()
                .map(|(s, t)| ((*s).to_owned(), vec![*t]))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_refused_long_match_does_not_hide_a_shorter_one() {
        let mut b = GazetteerBuilder::new();
        b.add("Niger", "NE", CaseRule::Any);
        b.add("Niger Delta", "delta", CaseRule::Capitalised);
        let g = b.build();
        let f = fold("the niger delta");
        let hits = g.find(&f);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].targets, vec!["NE"]);
    }

    #[test]
    fn several_targets_share_a_name() {
        let mut b = GazetteerBuilder::new();
        b.add("Congolese", "CD", CaseRule::Any);
        b.add("Congolese", "CG", CaseRule::Any);
        b.add("Congolese", "CG", CaseRule::Any);
        assert_eq!(b.targets("congolese"), vec!["CD", "CG"]);
        let g = b.build();
        assert_eq!(
            g.find(&fold("Congolese troops"))[0].targets,
            vec!["CD", "CG"]
        );
    }
}

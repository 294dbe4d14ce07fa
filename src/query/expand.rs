//! Query words as people type them: the other spelling (`radicalization`
//! for `radicalisation`), the compound written apart or together
//! (`de-radicalisation` = `deradicalisation`), and, when the index has no
//! such word, the words within a typo of it — all looked up in the index's
//! own vocabulary, so no expansion names a word no passage has.
//!
//! In: a word as typed and its stems; the searcher's term dictionaries and
//! the alias table's spelling variants. Out: [`Expansion`]s: the stems each
//! expansion adds, and what it is, for `--explain`.

use std::collections::HashSet;

use serde::Serialize;
use tantivy::query::{EnableScoring, FuzzyTermQuery, PhraseQuery, Query};
use tantivy::{DocSet, Searcher, TERMINATED, Term};

use crate::index::aliases::AliasTable;
use crate::index::schema::{Fields, analyzer, tokens};
use crate::model::{Dimension, Passage};

/// Words shorter than this get no typo; from this length, one.
const MIN_TYPO_ONE: usize = 5;
/// From this length, two typos.
const MIN_TYPO_TWO: usize = 9;
/// Most words a typo may stand for, the most frequent kept.
const MAX_TYPO_CANDIDATES: usize = 4;
/// Shortest part a compound is split into (`de-` is, `a-` is not).
const MIN_COMPOUND_PART: usize = 2;

/// How a query word was widened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExpansionKind {
    /// The same word in the other spelling (British/American).
    Spelling,
    /// The same compound written together, apart or hyphenated.
    Compound,
    /// A word of the index within one or two typos of the typed one.
    Typo,
    /// A name of a country, group, place or person (`Daesh` → ISIS).
    Entity,
    /// A country, group or place name in another transliteration than the
    /// library's (`Rakka` → Raqqa), for a name no passage has.
    Transliteration,
}

/// One widening of a query word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The word or phrase as typed.
    pub word: String,
    /// What it was widened to: the index's stems (`radicaliz`), or an
    /// entity as `dimension:value` (`group:ISIS`).
    pub to: String,
    /// How.
    pub kind: ExpansionKind,
    /// What a passage must hold to match it: stems, or the entity tag.
    #[serde(skip)]
    pub(crate) target: Target,
}

/// What an expansion matches in a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// These stems, all in the passage's text.
    Stems(Vec<String>),
    /// This entity, tagged under any of these values (a person's spellings).
    Tag(Dimension, Vec<String>),
}

impl Expansion {
    pub(crate) fn of_stems(
        word: &str,
        stems: Vec<String>,
        shown: String,
        kind: ExpansionKind,
    ) -> Expansion {
        Expansion {
            word: word.to_string(),
            to: shown,
            kind,
            target: Target::Stems(stems),
        }
    }

    pub(crate) fn of_entity(
        word: &str,
        dim: Dimension,
        value: &str,
        values: Vec<String>,
        kind: ExpansionKind,
    ) -> Expansion {
        Expansion {
            word: word.to_string(),
            to: format!("{dim}:{value}"),
            kind,
            target: Target::Tag(dim, values),
        }
    }

    /// Whether telling a passage matched it needs the passage's stems (an
    /// entity widening reads its tags only).
    pub(crate) fn needs_stems(&self) -> bool {
        matches!(self.target, Target::Stems(_))
    }

    /// Whether a passage matches through this expansion, given the stems
    /// of its text.
    pub(crate) fn matched_by(&self, passage: &Passage, text_stems: &HashSet<String>) -> bool {
        match &self.target {
            Target::Stems(stems) => stems.iter().all(|s| text_stems.contains(s)),
            Target::Tag(dim, values) => dim.tagged(passage).iter().any(|v| values.contains(v)),
        }
    }
}

/// A word of the index a typo may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Its stem, which the query matches.
    pub(crate) stem: String,
    /// The word as the index holds it, to show (`deradicalisation`).
    pub(crate) shown: String,
}

/// Looks words up in an opened index's vocabulary.
pub(crate) struct Vocabulary<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    aliases: &'a AliasTable,
}

impl<'a> Vocabulary<'a> {
    pub(crate) fn new(searcher: &'a Searcher, fields: &'a Fields, aliases: &'a AliasTable) -> Self {
        Vocabulary {
            searcher,
            fields,
            aliases,
        }
    }

    /// Passages whose text has the stem.
    pub(crate) fn doc_freq(&self, stem: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(self.fields.text, stem))
            .unwrap_or(0)
    }

    /// The other spelling of a stem, when the index has it, as (stem, a
    /// word written so).
    pub(crate) fn spelling(&self, stem: &str) -> Option<(String, String)> {
        self.aliases
            .spelling_variant(stem)
            .filter(|(v, _)| self.doc_freq(v) > 0)
    }

    /// Whether some passage has these stems in a row.
    pub(crate) fn phrase_exists(&self, stems: &[String]) -> bool {
        if stems.len() < 2 {
            return stems.iter().all(|s| self.doc_freq(s) > 0);
        }
        let terms: Vec<Term> = stems
            .iter()
            .map(|s| Term::from_field_text(self.fields.text, s))
            .collect();
        let Ok(weight) =
            PhraseQuery::new(terms).weight(EnableScoring::disabled_from_searcher(self.searcher))
        else {
            return false;
        };
        self.searcher.segment_readers().iter().any(|segment| {
            weight
                .scorer(segment, 1.0)
                .is_ok_and(|scorer| scorer.doc() != TERMINATED)
        })
    }

    /// Stems of words as written, and in every other spelling the index
    /// has for its parts (`de radicaliz` → also `de radicalis`).
    pub(crate) fn spellings_of(&self, parts: Vec<String>) -> Vec<Vec<String>> {
        let mut out = vec![parts];
        for i in 0..out[0].len() {
            let Some((variant, _)) = self.spelling(&out[0][i]) else {
                continue;
            };
            let with_variant: Vec<Vec<String>> = out
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    p[i].clone_from(&variant);
                    p
                })
                .collect();
            out.extend(with_variant);
        }
        out
    }

    /// A compound's other writing, when the index has it: the stems of
    /// `de-radicalisation` joined (`deradicalis`), or one stem split in two
    /// words both in the index (`nightclub` → `night club`), as a phrase.
    pub(crate) fn compound(&self, word: &str, stems: &[String]) -> Option<Vec<String>> {
        if stems.len() == 2 && word.contains(['-', '‐', '–']) {
            let joined = tokens(&mut analyzer(), &word.replace(['-', '‐', '–'], ""));
            return (joined.len() == 1 && self.doc_freq(&joined[0]) > 0).then_some(joined);
        }
        if stems.len() != 1 {
            return None;
        }
        let lower = word.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        for &(at, _) in chars.iter().skip(MIN_COMPOUND_PART) {
            let (head, tail) = lower.split_at(at);
            if tail.chars().count() < MIN_COMPOUND_PART + 2 {
                break;
            }
            let parts = tokens(&mut analyzer(), &format!("{head} {tail}"));
            // Both parts words of the index, and written apart somewhere:
            // `at tack` is no reading of `attack`.
            if parts.len() == 2
                && parts.iter().all(|p| self.doc_freq(p) > 0)
                && self.phrase_exists(&parts)
            {
                return Some(parts);
            }
        }
        None
    }

    /// The index's words within a typo or two of `word` (as written,
    /// folded), the most frequent first, as (stem, a word written so): none
    /// for short words, numbers, or a word the index has.
    pub(crate) fn typos(&self, word: &str, stem: &str) -> Vec<Candidate> {
        let letters = word.chars().count();
        if letters < MIN_TYPO_ONE
            || word.chars().any(|c| c.is_ascii_digit())
            || self.doc_freq(stem) > 0
        {
            return Vec::new();
        }
        let distance = if letters >= MIN_TYPO_TWO { 2 } else { 1 };
        let mut found: Vec<(u64, Candidate)> = Vec::new();
        let mut stemmer = analyzer();
        for field in [self.fields.text_raw, self.fields.text] {
            let query = FuzzyTermQuery::new(Term::from_field_text(field, word), distance, true);
            for segment in self.searcher.segment_readers() {
                let (Ok(index), Ok(automaton)) = (segment.inverted_index(field), query.automaton())
                else {
                    continue;
                };
                let Ok(mut stream) = index.terms().search(automaton).into_stream() else {
                    continue;
                };
                while stream.advance() {
                    let Ok(term) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    // A raw word counts under its stem, where its passages are.
                    let candidate = if field == self.fields.text_raw {
                        tokens(&mut stemmer, term).join(" ")
                    } else {
                        term.to_string()
                    };
                    // As in most typo-tolerant engines, the first letter
                    // is taken as typed.
                    let first_differs = term.chars().next() != word.chars().next();
                    if first_differs
                        || candidate.is_empty()
                        || candidate.contains(' ')
                        || candidate == stem
                    {
                        continue;
                    }
                    if !found.iter().any(|(_, c)| c.stem == candidate) {
                        let shown = term.to_string();
                        found.push((
                            self.doc_freq(&candidate),
                            Candidate {
                                stem: candidate,
                                shown,
                            },
                        ));
                    }
                }
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.stem.cmp(&b.1.stem)));
        found
            .into_iter()
            .take(MAX_TYPO_CANDIDATES)
            .map(|(_, c)| c)
            .collect()
    }
}

//! One passage's persons, found in one pass and named once the report's
//! knowledge is in.
//!
//! In: a passage's text and the spans other extractors claimed. Out:
//! [`PassagePersons`], what the passage alone tells: the runs a cue confirms
//! (`candidates.rs`, `cues.rs`) and the lone capitalised words that may be
//! surnames; then, given [`KnownPersons`] (the full names the rest of the
//! report gives), its [`PersonMention`]s with canonical names. The text is
//! tokenized once, however often the report's knowledge changes.

use std::ops::Range;

use super::candidates::Candidates;
use super::canonical::canonicalise;
use super::cues::confirmed;
use super::surnames::{KnownPersons, points_at_one_person, surname_owners};
use super::tokens::Token;
use super::words::PersonRules;

/// One person found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonMention {
    /// Source byte span of the name.
    pub(crate) span: Range<usize>,
    /// Canonical name.
    pub(crate) name: String,
}

/// What one passage tells about persons before the report is read.
#[derive(Debug)]
pub(crate) struct PassagePersons<'t> {
    text: &'t str,
    /// The confirmed runs, in text order, as written (spaces normalised).
    named: Vec<PersonMention>,
    /// One-word runs no cue confirmed, each with whether a place claims it:
    /// surnames, perhaps, of someone named in full.
    lone: Vec<(Token<'t>, bool)>,
}

impl<'t> PassagePersons<'t> {
    /// The persons of `text`; `hard` and `soft` are source spans claimed by
    /// other extractors (see `candidates.rs`).
    pub(crate) fn find(
        rules: &PersonRules,
        text: &'t str,
        hard: &[Range<usize>],
        soft: &[Range<usize>],
    ) -> Self {
        let c = Candidates::find(rules, text, hard, soft);
        let confirmed = confirmed(rules, &c);
        let named = c
            .runs
            .iter()
            .zip(&confirmed)
            .filter(|(_, confirmed)| **confirmed)
            .map(|(run, _)| {
                let span = c.span(run);
                PersonMention {
                    name: text[span.clone()]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    span,
                }
            })
            .collect();
        let lone = c
            .runs
            .iter()
            .zip(&confirmed)
            .filter(|(r, confirmed)| !**confirmed && c.capitalised(r) == 1 && r.len() == 1)
            .map(|(r, _)| (c.tokens[r.start].clone(), c.in_soft[r.start]))
            .collect();
        PassagePersons { text, named, lone }
    }

    /// The passage's person mentions in text order, knowing the full names
    /// the rest of the report gives: the confirmed runs, the lone surnames of
    /// one person named in full here or in `known`, each with its canonical
    /// name.
    pub(crate) fn mentions(&self, rules: &PersonRules, known: &KnownPersons) -> Vec<PersonMention> {
        let mut found = self.named.clone();
        if !self.lone.is_empty() {
            let here = surname_owners(rules, self.named.iter().map(|m| m.name.as_str()));
            for (t, in_place) in &self.lone {
                if points_at_one_person(&t.key, *in_place, &here, known) {
                    found.push(PersonMention {
                        span: t.span.clone(),
                        name: self.text[t.span.clone()].to_owned(),
                    });
                }
            }
        }
        found.sort_by_key(|m| m.span.start);
        let mut names: Vec<String> = found.iter().map(|m| m.name.clone()).collect();
        canonicalise(&mut names, &known.forms);
        for (m, name) in found.iter_mut().zip(names) {
            m.name = name;
        }
        found
    }
}

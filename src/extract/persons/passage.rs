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
    /// Short runs no cue confirmed: surnames, perhaps, of someone named in
    /// full (`Keïta`, `Zarqawi`, `Bin Ladin`).
    lone: Vec<LoneRun>,
}

/// A run no cue confirmed, of at most [`MAX_LONE_WORDS`] words.
#[derive(Debug)]
struct LoneRun {
    span: Range<usize>,
    /// Folded words of the run.
    key: String,
    /// Whether a place (or a country name that is also a given name) claims
    /// one of its words.
    in_place: bool,
}

/// Most words of a run that may be a surname or a name the report gives in
/// full elsewhere (`Usama Bin Ladin`, `Abu Musab al-Zarqawi`).
const MAX_LONE_WORDS: usize = 4;

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
                    name: spaced(&text[span.clone()]),
                    span,
                }
            })
            .collect();
        let lone = c
            .runs
            .iter()
            .zip(&confirmed)
            .filter(|(r, confirmed)| !**confirmed && r.len() <= MAX_LONE_WORDS)
            .map(|(r, _)| LoneRun {
                span: c.span(r),
                key: r
                    .clone()
                    .map(|i| c.tokens[i].key.as_ref())
                    .collect::<Vec<_>>()
                    .join(" "),
                in_place: r.clone().any(|i| c.in_soft[i]),
            })
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
            for run in &self.lone {
                if points_at_one_person(&run.key, run.in_place, &here, known) {
                    found.push(PersonMention {
                        span: run.span.clone(),
                        name: spaced(&self.text[run.span.clone()]),
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

/// A name as written, its white space normalised to single spaces.
fn spaced(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! Name shapes: the runs of capitalised words of a text that may be a
//! person's name.
//!
//! In: a text, and the byte spans other extractors claimed (`hard`: never part
//! of a name; `soft`: part of a name only when a rule says so). Out:
//! [`Candidates`], the text's tokens and its runs of capitalised words, joined
//! by single spaces or one line break, with name particles allowed inside
//! (`Iyad Ag Ghaly`, `Liesbeth van der Heide`, `Abu Bakr al-Baghdadi`) and
//! trimmed of particles at both ends. Words in the stop and organisation lists,
//! and title words, end a run. Whether a run is a person is `cues.rs`'s job.

use std::ops::Range;

use super::tokens::{Shape, Token, tokenize};
use super::words::PersonRules;

/// Most capitalised words in a name; longer runs are titles or headings.
pub(crate) const MAX_NAME_WORDS: usize = 4;

/// A text's tokens and the runs of them that may be names.
#[derive(Debug)]
pub(super) struct Candidates<'t> {
    pub(super) text: &'t str,
    pub(super) tokens: Vec<Token<'t>>,
    /// Token index ranges, in text order, each starting and ending with a
    /// capitalised word or an initial.
    pub(super) runs: Vec<Range<usize>>,
    /// For each token, whether a soft claim (a place, a country name that is
    /// also a given name) covers it.
    pub(super) in_soft: Vec<bool>,
}

impl<'t> Candidates<'t> {
    /// The candidate runs of `text`; `hard` and `soft` are source spans
    /// claimed by other extractors, sorted by start.
    pub(super) fn find(
        rules: &PersonRules,
        text: &'t str,
        hard: &[Range<usize>],
        soft: &[Range<usize>],
    ) -> Self {
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
                    && !(t.shape == Shape::Capitalised && rules.is_excluded(&t.key))
            })
            .collect();
        let runs = runs(text, &tokens, &eligible);
        Candidates {
            text,
            tokens,
            runs,
            in_soft,
        }
    }

    /// How many capitalised words a run holds (initials and particles aside).
    pub(super) fn capitalised(&self, run: &Range<usize>) -> usize {
        run.clone()
            .filter(|&i| self.tokens[i].shape == Shape::Capitalised)
            .count()
    }

    /// Whether every capitalised word of a run is claimed softly (`Gao Kidal`).
    pub(super) fn all_soft(&self, run: &Range<usize>) -> bool {
        run.clone()
            .filter(|&i| self.tokens[i].shape == Shape::Capitalised)
            .all(|i| self.in_soft[i])
    }

    /// The source byte span of a run.
    pub(super) fn span(&self, run: &Range<usize>) -> Range<usize> {
        self.tokens[run.start].span.start..self.tokens[run.end - 1].span.end
    }
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
pub(super) fn is_space_gap(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
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
        while j < tokens.len() && eligible[j] && {
            let gap = &text[tokens[j - 1].span.end..tokens[j].span.start];
            // `Ahmet S. Yayla`: an initial's full stop belongs to the name.
            let gap = match tokens[j - 1].shape {
                Shape::Initial => gap.strip_prefix('.').unwrap_or(gap),
                _ => gap,
            };
            is_space_gap(gap)
        } {
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

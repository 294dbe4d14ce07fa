//! The token cursor: read access to the tokens of one text by position, the
//! only view of the text the grammar rules have.
//!
//! In: a text and its [`Token`]s from [`token`](super::token). Out: what
//! stands at a position: its kind, word class, case, punctuation, number,
//! text, and whether it is glued to the token before. Every accessor takes
//! any position: past the end it answers "nothing there" (`None`,
//! [`Lex::Other`], `false`, `""`), so the rules can look ahead without
//! bounds checks.

use super::lexicon::Lex;
use super::token::{Case, Kind, Token};

/// The tokens of one text, read by position.
pub(crate) struct Cursor<'t> {
    text: &'t str,
    toks: &'t [Token],
}

impl<'t> Cursor<'t> {
    pub(crate) fn new(text: &'t str, toks: &'t [Token]) -> Self {
        Cursor { text, toks }
    }

    /// How many tokens there are.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The word class at `i` (`Other` for anything but a word).
    pub(crate) fn lex(&self, i: usize) -> Lex {
        match self.kind(i) {
            Some(Kind::Word { lex, .. }) => lex,
            _ => Lex::Other,
        }
    }

    pub(crate) fn case(&self, i: usize) -> Option<Case> {
        match self.kind(i) {
            Some(Kind::Word { case, .. }) => Some(case),
            _ => None,
        }
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        match self.kind(i) {
            Some(Kind::Punct(c)) => Some(c),
            _ => None,
        }
    }

    /// A plain number: value and digit count.
    pub(crate) fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.kind(i) {
            Some(Kind::Num { value, digits }) => Some((value, digits)),
            _ => None,
        }
    }

    /// Token `i` starts where token `i - 1` ends.
    pub(crate) fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—' | '‒'))
    }

    /// The text of token `i`.
    pub(crate) fn text_of(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
}

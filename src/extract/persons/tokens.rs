//! Words of a text for the person rules: letters with inner apostrophes and
//! hyphens (`Keïta`, `al-Baghdadi`, `O'Neil`; a possessive `'s` is cut off),
//! `W.` initials; each with its span, folded key and shape. In: text. Out:
//! [`Token`]s in text order. What a run of tokens means is `persons.rs`'s job.

use std::borrow::Cow;
use std::ops::Range;

use crate::fold::fold_key;

/// Lower-case particles allowed inside a name.
const PARTICLES: &[&str] = &[
    "ag", "al", "el", "ben", "bin", "ibn", "bint", "ould", "van", "der", "den", "de", "del",
    "della", "da", "dos", "du", "von", "ter", "ten", "le", "la", "y",
];

/// A word of the text.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub(super) span: Range<usize>,
    /// Folded lower-case form (borrowed when the word already is).
    pub(super) key: Cow<'a, str>,
    pub(super) shape: Shape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// `Keïta`, `al-Baghdadi`, `McDonald`.
    Capitalised,
    /// `W.`
    Initial,
    /// `ag`, `van`, `al`.
    Particle,
    /// Anything else.
    Other,
}

/// Words with their spans: letters, inner apostrophes and hyphens, `W.` initials.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, ch)) = iter.peek() {
            let joins = matches!(ch, '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | '-' | '‐') && {
                let rest = &text[i + ch.len_utf8()..];
                let mut after = rest.chars();
                let next = after.next();
                let possessive = matches!(ch, '\'' | '’')
                    && next == Some('s')
                    && !after.next().is_some_and(char::is_alphabetic);
                next.is_some_and(char::is_alphabetic) && !possessive
            };
            if ch.is_alphabetic() || is_combining(ch) || joins {
                end = i + ch.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        let mut shape = shape_of(word);
        if shape == Shape::Other
            && word.chars().count() == 1
            && c.is_uppercase()
            && text[end..].starts_with('.')
        {
            shape = Shape::Initial;
        }
        out.push(Token {
            span: start..end,
            key: if word.bytes().all(|b| b.is_ascii_lowercase()) {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(fold_key(word))
            },
            shape,
        });
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn shape_of(word: &str) -> Shape {
    if word.starts_with(|c: char| c.is_ascii_lowercase()) {
        if PARTICLES.contains(&word) {
            return Shape::Particle;
        }
        // Most words: lower case, and no glued particle (each ends in `-`).
        if !word.contains('-') {
            return Shape::Other;
        }
    }
    // `al-Baghdadi`, `ag-Ghaly`: a lower-case particle glued to a capitalised name.
    let body = [
        "al-", "el-", "ad-", "ag-", "as-", "ash-", "an-", "ar-", "at-", "az-", "ibn-", "bin-",
    ]
    .iter()
    .find_map(|p| word.strip_prefix(p))
    .unwrap_or(word);
    let mut chars = body.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let has_lower = body.chars().any(char::is_lowercase);
    if first_upper && has_lower && body.chars().count() >= 2 {
        Shape::Capitalised
    } else {
        Shape::Other
    }
}

//! Notes: the labels that open note bodies, and the markers that cite them.
//!
//! In: lines. Out: a line's note label, if it opens a note body (a raised
//! `¹²` or a plain `12`, `12.`, `a.` before the text), and the labels of
//! every marker the body text raises, so that a small line opening with one
//! of them is known for a note body wherever it stands (table notes under a
//! table). Which lines follow a note and where a note ends is decided while
//! blocks are built (`blocks`).

use std::collections::HashSet;

use super::lines::{Line, PageLines, Span};
use super::style::Style;

/// Longest numeric label.
const MAX_LABEL_DIGITS: usize = 3;

/// A note's label, as the body text raises it and the note body repeats it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Label {
    /// `12`
    Number(u32),
    /// `a`, `*`, `†`
    Sign(String),
}

impl Label {
    /// The label of a marker's text: a number, one lower-case letter, or a
    /// note sign; anything else (`st` in `1st`, `TM`) is no marker.
    pub(super) fn parse(text: &str) -> Option<Label> {
        let t = text.trim();
        if !t.is_empty() && t.len() <= MAX_LABEL_DIGITS && t.chars().all(|c| c.is_ascii_digit()) {
            return t.parse().ok().filter(|n| *n > 0).map(Label::Number);
        }
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() || matches!(c, '*' | '†' | '‡') => {
                Some(Label::Sign(c.to_string()))
            }
            _ => None,
        }
    }

    /// The label as `note_marker` and `NoteLabel::parse` take it.
    pub(super) fn as_text(&self) -> String {
        match self {
            Label::Number(n) => n.to_string(),
            Label::Sign(s) => s.clone(),
        }
    }
}

/// The label a line opens with, if it has the shape of a note body's first
/// line; with the index of the span where the note's text starts and, for
/// a plain label, how many bytes of that span the label takes.
pub(super) fn opening_label(line: &Line) -> Option<(Label, usize, usize)> {
    match line.spans.first()? {
        Span::Raised(r) => {
            let label = Label::parse(r)?;
            line.spans
                .get(1)
                .is_some_and(|s| matches!(s, Span::Text(t) if !t.trim().is_empty()))
                .then_some((label, 1, 0))
        }
        Span::Text(t) => {
            // `12 Text`, `12. Text`, `a. Text`, `(a) Text`
            let trimmed = t.trim_start();
            let lead = t.len() - trimmed.len();
            let word_end = trimmed.find(char::is_whitespace)?;
            let word = &trimmed[..word_end];
            let bare = word
                .strip_prefix('(')
                .and_then(|w| w.strip_suffix(')'))
                .or_else(|| word.strip_suffix(['.', ')']))
                .unwrap_or(word);
            let label = Label::parse(bare)?;
            // A lone letter needs its punctuation (`a.`): `a` starts sentences.
            if matches!(label, Label::Sign(_)) && bare == word {
                return None;
            }
            let rest = trimmed[word_end..].trim_start();
            let starts_text = rest
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && !",;:.)".contains(c));
            starts_text.then_some((label, 0, lead + word_end))
        }
    }
}

/// The labels the body text raises as markers: raised spans that are not
/// a small line's opening label.
pub(super) fn marker_labels(pages: &[PageLines], style: &Style) -> HashSet<Label> {
    let mut out = HashSet::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        for (i, span) in line.spans.iter().enumerate() {
            if let Span::Raised(r) = span
                && !(i == 0 && style.is_small(line))
                && let Some(label) = Label::parse(r)
            {
                out.insert(label);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(spans: Vec<Span>) -> Line {
        Line {
            x0: 72.0,
            x1: 400.0,
            y: 100.0,
            size: 8.0,
            bold: false,
            italic: false,
            lead_bold: false,
            spans,
        }
    }

    fn text(t: &str) -> Span {
        Span::Text(t.to_string())
    }

    #[test]
    fn labels_are_numbers_letters_and_signs() {
        for (t, want) in [
            ("12", Some(Label::Number(12))),
            ("a", Some(Label::Sign("a".into()))),
            ("†", Some(Label::Sign("†".into()))),
            ("0", None),
            ("1234", None),
            ("st", None),
            ("TM", None),
        ] {
            assert_eq!(Label::parse(t), want, "{t}");
        }
    }

    #[test]
    fn note_bodies_open_with_their_label() {
        let cases = [
            (
                line(vec![Span::Raised("4".into()), text(" CRS Report")]),
                Some(Label::Number(4)),
            ),
            (
                line(vec![text("12 See the report.")]),
                Some(Label::Number(12)),
            ),
            (
                line(vec![text("12. See the report.")]),
                Some(Label::Number(12)),
            ),
            (
                line(vec![text("a. A dash: no funding.")]),
                Some(Label::Sign("a".into())),
            ),
            (
                line(vec![text("(b) Estimated.")]),
                Some(Label::Sign("b".into())),
            ),
            (line(vec![text("a note without a label")]), None),
            (line(vec![text("2025 , a year")]), None),
            (line(vec![text("12 , and")]), None),
            (
                line(vec![text("b. $210 million")]),
                Some(Label::Sign("b".into())),
            ),
            (line(vec![Span::Raised("4".into())]), None),
        ];
        for (l, want) in cases {
            assert_eq!(opening_label(&l).map(|o| o.0), want, "{:?}", l.spans);
        }
        let (_, span, cut) = opening_label(&line(vec![text("12. See it.")])).expect("a label");
        assert_eq!((span, cut), (0, 3));
    }
}

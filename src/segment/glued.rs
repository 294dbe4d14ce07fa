//! Footnote markers that lost their superscript: bare numbers glued after
//! punctuation (`… in Türkiye.1 Turkish officials …`, `… since 2011.2 As …`).
//!
//! A bare number is ambiguous on its own (a year, a decimal, a count), so the
//! whole document is read at once and only the *sequence* 1, 2, 3 … is taken:
//! a candidate counts when it is the next expected number (or, glued to its
//! punctuation, one or two further: a marker lost in the export). With a space
//! before it (`elsewhere. 68 A lawyer`), only the exact next number counts.
//! Used only for documents with no other footnote mechanism, and only when the
//! sequence is long enough to be a real one.

use std::sync::LazyLock;

use regex::Regex;

/// Fewer markers than this are more likely coincidences than footnotes.
const MIN_SEQUENCE: usize = 3;
/// Markers allowed to be missing between two glued ones.
const MAX_GAP: u32 = 2;

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([.,;:!?”’")\]])( ?)(\d{1,3})(?:\s|$|[\p{Lu}“"(])"#).expect("static regex")
});

/// A text with its glued markers taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unglued {
    /// The text without the marker digits.
    pub text: String,
    /// The footnote numbers, in order.
    pub refs: Vec<u32>,
}

/// Reads the marker sequence through `texts` (in document order). `None` when
/// there is no convincing sequence.
pub(crate) fn unglue(texts: &[&str]) -> Option<Vec<Unglued>> {
    let mut expected = 1u32;
    let mut found = 0usize;
    let mut out = Vec::with_capacity(texts.len());
    for text in texts {
        let mut cleaned = String::with_capacity(text.len());
        let mut refs = Vec::new();
        let mut last = 0;
        for c in CANDIDATE.captures_iter(text) {
            let (punct, space, digits) = (
                c.get(1).expect("group 1"),
                c.get(2).expect("group 2"),
                c.get(3).expect("group 3"),
            );
            let Ok(n) = digits.as_str().parse::<u32>() else {
                continue;
            };
            let glued = space.as_str().is_empty();
            let accept = n == expected || (glued && n > expected && n <= expected + MAX_GAP);
            if !accept || punct.start() < last {
                continue;
            }
            cleaned.push_str(&text[last..punct.end()]);
            let next = text[digits.end()..].chars().next();
            if next.is_some_and(char::is_alphanumeric) {
                cleaned.push(' ');
            }
            last = digits.end();
            refs.push(n);
            expected = n + 1;
            found += 1;
        }
        cleaned.push_str(&text[last..]);
        out.push(Unglued {
            text: cleaned,
            refs,
        });
    }
    (found >= MIN_SEQUENCE).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Option<Vec<(String, Vec<u32>)>> {
        unglue(texts).map(|v| v.into_iter().map(|u| (u.text, u.refs)).collect())
    }

    #[test]
    fn a_sequence_of_glued_markers_is_read() {
        let got = run(&[
            "Many passed through Türkiye.1 Officials deported 9,000 of them since 2011.2 As of late 2021, some 660 waited.3",
            "The total was 20,000.4 Some paid in crypto-currencies.5In some cases, they used code G89.6 Others hid elsewhere. 7 A lawyer said so.",
        ])
        .expect("a sequence");
        assert_eq!(
            got[0].0,
            "Many passed through Türkiye. Officials deported 9,000 of them since 2011. As of late 2021, some 660 waited."
        );
        assert_eq!(got[0].1, [1, 2, 3]);
        assert_eq!(
            got[1].0,
            "The total was 20,000. Some paid in crypto-currencies. In some cases, they used code G89. Others hid elsewhere. A lawyer said so."
        );
        assert_eq!(got[1].1, [4, 5, 6, 7]);
    }

    #[test]
    fn numbers_out_of_sequence_are_left_alone() {
        let got = run(&[
            "It began.1 Then more.2 And more.3",
            "In 2019. 30 people died, a rise of 3.75 per cent.4 A total of 1,200. 9 were freed.",
        ])
        .expect("a sequence");
        assert_eq!(
            got[1].0,
            "In 2019. 30 people died, a rise of 3.75 per cent. A total of 1,200. 9 were freed."
        );
        assert_eq!(got[1].1, [4]);
    }

    #[test]
    fn a_missing_marker_is_skipped_only_when_glued() {
        let got = run(&["One.1 Two.2 Four.4 Six. 6 Five.5"]).expect("a sequence");
        assert_eq!(got[0].1, [1, 2, 4, 5]);
    }

    #[test]
    fn too_few_candidates_are_not_a_sequence() {
        assert_eq!(
            run(&["A list: 1. apples, 2. pears.", "Version 2.1 shipped."]),
            None
        );
        assert_eq!(run(&["No markers here at all."]), None);
    }
}

//! Lines → a block's text: markers written as note references, lines
//! joined the way the printed text reads.
//!
//! In: the lines of one block (and, for a note body, where its label ends).
//! Out: plain text in which each raised note marker is a
//! [`crate::segment::note_marker`] at its place. Lines are
//! joined by `\n`, which the segmenter later collapses, rejoining a word
//! hyphenated after a letter (`radical-` `isation`) by its own rule; what
//! that rule cannot know is decided here: a hyphen after a digit
//! (`P.L. 66-` `261`) or inside a web address is part of it, an address
//! broken at the line's end goes on without a space, and a dash ending a
//! line (`organizations—` `particularly`) joins the words it stands between.

use std::collections::HashSet;

use super::lines::{Line, Span};
use super::notes::Label;
use crate::segment::note_marker;

/// The text of one line, from span `from` (and byte `cut` of that span) on.
pub(super) fn line_text(line: &Line, from: usize, cut: usize, labels: &HashSet<Label>) -> String {
    let mut out = String::new();
    for (i, span) in line.spans.iter().enumerate().skip(from) {
        match span {
            Span::Text(t) => {
                let t = if i == from {
                    t.get(cut..).unwrap_or("")
                } else {
                    t
                };
                out.push_str(t);
            }
            Span::Raised(r) => match Label::parse(r).filter(|l| is_marker(l, labels)) {
                Some(label) => out.push_str(&note_marker(&label.as_text())),
                None => out.push_str(r),
            },
        }
    }
    without_leader(out.trim()).to_string()
}

/// A line without the dot leader and page number of a contents entry
/// (`Introduction ........ 1`): leaders are never content.
fn without_leader(line: &str) -> &str {
    let body = line.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let dots = body.len() - body.trim_end_matches(['.', '…', ' ']).len();
    let dot_count = body[body.len() - dots..]
        .chars()
        .filter(|c| *c == '.' || *c == '…')
        .count();
    if dot_count >= MIN_LEADER_DOTS {
        body[..body.len() - dots].trim_end()
    } else {
        line
    }
}

/// Dots in a row that make a leader, not an ellipsis.
const MIN_LEADER_DOTS: usize = 4;

/// A raised number always cites a note (its body may be an endnote the
/// segmenter finds later); a raised letter or sign only when a note body
/// carries it (`ᵃ` of a table note, not the `st` of `1st`).
fn is_marker(label: &Label, bodies: &HashSet<Label>) -> bool {
    matches!(label, Label::Number(_)) || bodies.contains(label)
}

/// Joins the texts of a block's lines.
pub(super) fn join(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str(joint(&out, line));
        }
        out.push_str(line);
    }
    out
}

/// Joins lines into one line (a heading): spaces where `join` breaks lines.
pub(super) fn join_flat(lines: &[String]) -> String {
    join(lines).replace('\n', " ")
}

/// What goes between a line ending `before` and the next line `after`.
fn joint(before: &str, after: &str) -> &'static str {
    let last_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let next = after.chars().next().unwrap_or(' ');
    if is_address(last_word) && !last_word.ends_with(['.', ',', ';', ')', '”', '"']) {
        // An address goes on where it was cut, whatever the cut.
        return if next.is_uppercase() { "\n" } else { "" };
    }
    let mut tail = before.chars().rev();
    let (end, prior) = (tail.next(), tail.next());
    match (end, prior) {
        // `66-` `261`, `10-` `point`: a hyphen after a number joins a compound.
        (Some('-'), Some(p)) if p.is_ascii_digit() && next.is_alphanumeric() => "",
        (Some('—' | '–'), Some(p)) if !p.is_whitespace() && !next.is_whitespace() => "",
        _ => "\n",
    }
}

/// Whether a word is a web address.
fn is_address(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '“', '"', '<']);
    w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_as_the_printed_text_reads() {
        let cases: [(&[&str], &str); 10] = [
            (&["the end of a", "line"], "the end of a\nline"),
            // The segmenter decides a hyphen after a letter.
            (&["radical-", "isation"], "radical-\nisation"),
            (&["P.L. 66-", "261 restricts"], "P.L. 66-261 restricts"),
            (&["Iran’s 10-", "point plan"], "Iran’s 10-point plan"),
            (
                &[
                    "https://unctad.org/publication/strait-hormuz-disruptions-",
                    "implications-global.",
                ],
                "https://unctad.org/publication/strait-hormuz-disruptions-implications-global.",
            ),
            (
                &["at https://houseofsaud.com/", "hormuz-metals/; U.S. Census"],
                "at https://houseofsaud.com/hormuz-metals/; U.S. Census",
            ),
            (
                &["see https://example.org.", "Next note"],
                "see https://example.org.\nNext note",
            ),
            (
                &["organizations—", "particularly"],
                "organizations—particularly",
            ),
            (&["a pause –", "then"], "a pause –\nthen"),
            (&["  padded  ", "", "lines "], "padded\nlines"),
        ];
        for (lines, want) in cases {
            let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
            assert_eq!(join(&lines), want, "{lines:?}");
        }
    }

    #[test]
    fn raised_numbers_are_markers_and_letters_only_with_a_body() {
        let line = Line {
            x0: 0.0,
            x1: 100.0,
            y: 0.0,
            size: 10.0,
            bold: false,
            italic: false,
            lead_bold: false,
            spans: vec![
                Span::Text("day.".into()),
                Span::Raised("12".into()),
                Span::Text(" The 21".into()),
                Span::Raised("st".into()),
                Span::Text(" cell —".into()),
                Span::Raised("a".into()),
            ],
        };
        let bodies = HashSet::from([Label::Sign("a".into())]);
        assert_eq!(
            line_text(&line, 0, 0, &bodies),
            format!(
                "day.{} The 21st cell —{}",
                note_marker("12"),
                note_marker("a")
            )
        );
        assert_eq!(line_text(&line, 2, 5, &HashSet::new()), "21st cell —a");
    }

    #[test]
    fn contents_leaders_are_dropped() {
        for (line, want) in [
            ("Introduction .................... 1", "Introduction"),
            ("Author Information ..........6", "Author Information"),
            ("He paused... 12 times", "He paused... 12 times"),
            ("Wait....", "Wait"),
            ("2025", "2025"),
        ] {
            assert_eq!(without_leader(line), want, "{line}");
        }
    }
}

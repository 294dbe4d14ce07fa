//! `search --kwic`: a concordance. One line per matched word of each hit, the
//! word starting in the same column on every line, as much of its left and
//! right context as the width leaves, and the passage id at the end.
//!
//! In: the hits of a page (their matched words' byte ranges) and a width in
//! terminal columns. Out: lines no wider than the width. Widths are counted
//! as a terminal shows them (`unicode-width`: a wide letter takes two
//! columns, a combining accent none), text is cut between characters only,
//! and never between a letter and the accent that follows it.

use std::io::Write;

use anyhow::Result;
use dossier::Hit;
use unicode_width::UnicodeWidthChar;

use crate::output::Out;

/// Columns between the right context and the id.
const ID_GAP: usize = 2;

/// One concordance line, before layout.
struct Line<'a> {
    left: String,
    right: String,
    word_len: usize,
    id: &'a str,
}

/// Writes the concordance of the hits at `width` columns.
pub(crate) fn write_hits(out: &mut Out, hits: &[Hit], width: usize) -> Result<()> {
    let lines: Vec<Line> = hits
        .iter()
        .flat_map(|hit| {
            let text = &hit.passage.text;
            hit.matches.iter().map(move |m| Line {
                left: one_line(&text[..m.start]),
                right: one_line(&text[m.start..]),
                word_len: text[m.clone()].chars().count(),
                id: &hit.passage.id,
            })
        })
        .collect();
    let id_width = lines.iter().map(|l| columns(l.id)).max().unwrap_or(0);
    let room = width.saturating_sub(id_width + ID_GAP + 1);
    let left_width = room / 2;
    let right_width = room - left_width;
    for line in &lines {
        let left = last_columns(&line.left, left_width);
        let right = first_columns(&line.right, right_width);
        let pad = left_width - columns(&left);
        let (word, rest) = split_at_char(&right, line.word_len);
        let word = if out.color {
            format!("\x1b[1;33m{word}\x1b[0m")
        } else {
            word.to_string()
        };
        let fill = right_width - columns(&right) + ID_GAP;
        writeln!(out, "{:pad$}{left} {word}{rest}{:fill$}{}", "", "", line.id)?;
    }
    Ok(())
}

/// Text on one line: every run of white space (line breaks included) one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Display columns of a text.
fn columns(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// The end of `text` that fits in `max` columns, with no accent left
/// without its letter at the cut.
fn last_columns(text: &str, max: usize) -> String {
    let text = text.trim_end();
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    // Cut inside a letter and its accents: the accents go too.
    text[start..]
        .trim_start_matches(|c: char| c.width() == Some(0))
        .to_string()
}

/// The start of `text` that fits in `max` columns; a letter keeps the
/// accents after it (they take no column).
fn first_columns(text: &str, max: usize) -> String {
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    text[..end].to_string()
}

/// `text` split after its first `n` characters (or at its end).
fn split_at_char(text: &str, n: usize) -> (&str, &str) {
    let at = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    text.split_at(at)
}

#[cfg(test)]
mod tests {
    use super::{columns, first_columns, last_columns};

    #[test]
    fn cuts_fit_the_columns_and_keep_accents_with_their_letters() {
        // "é" written as e + combining acute (U+0301).
        let decomposed = "caf\u{65}\u{301} noir";
        for (text, max, left, right) in [
            ("the prison gate", 6, "n gate", "the pr"),
            ("Türkiye and Mali", 7, "nd Mali", "Türkiye"),
            (decomposed, 4, "noir", "caf\u{65}\u{301}"),
            ("\u{65}\u{301}x", 1, "x", "\u{65}\u{301}"),
            ("北京 talks", 3, "lks", "北"),
            ("", 5, "", ""),
        ] {
            assert_eq!(last_columns(text, max), left, "left of {text:?}");
            assert_eq!(first_columns(text, max), right, "right of {text:?}");
            assert!(columns(&last_columns(text, max)) <= max);
            assert!(columns(&first_columns(text, max)) <= max);
        }
    }
}

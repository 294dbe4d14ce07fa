//! Plain text (web and PDF exports) → raw blocks.
//!
//! A plain-text export is cut at blank lines, or at every line when it has
//! no blank lines at all; lines that stand alone (chrome, date lines) or
//! open a block (page-bottom footnote definitions) start blocks of their
//! own. Nothing is classified here: that is `classify`'s job.

use std::ops::Range;

use super::inline::parse_plain;
use super::raw::{RawBlock, Shape};

/// Below this share of blank lines, a plain-text export is read one line per block.
const MIN_BLANK_LINE_SHARE: f64 = 0.05;

/// How a plain-text line relates to the lines around it, beyond blank lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Joins the block it is in.
    Continues,
    /// Starts a new block that following lines may join (a footnote definition).
    Opens,
    /// Is a block of its own (chrome, a date line).
    Alone,
}

/// Byte ranges of the lines of `text[range]`, without their line ends.
pub(crate) fn lines(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for piece in text[range.clone()].split_inclusive('\n') {
        let end = start + piece.len();
        let content_end = end - piece.len() + piece.trim_end_matches(['\n', '\r']).len();
        out.push(start..content_end);
        start = end;
    }
    out
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

pub(super) fn read_plain(
    text: &str,
    range: Range<usize>,
    line_kind: &dyn Fn(&str) -> LineKind,
) -> Vec<RawBlock> {
    let all = lines(text, range);
    let blank = all.iter().filter(|l| is_blank(&text[(*l).clone()])).count();
    let one_per_line = (blank as f64) < MIN_BLANK_LINE_SHARE * all.len() as f64;
    let mut groups: Vec<Vec<Range<usize>>> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    for line in all {
        let content = &text[line.clone()];
        let kind = if is_blank(content) {
            None
        } else if one_per_line {
            Some(LineKind::Alone)
        } else {
            Some(line_kind(content))
        };
        if kind != Some(LineKind::Continues) && !current.is_empty() {
            groups.push(std::mem::take(&mut current));
        }
        match kind {
            None => {}
            Some(LineKind::Alone) => groups.push(vec![line]),
            Some(_) => current.push(line),
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
        .into_iter()
        .map(|lines| {
            let span = lines[0].start..lines[lines.len() - 1].end;
            let joined = lines
                .iter()
                .map(|l| text[l.clone()].trim())
                .collect::<Vec<_>>()
                .join("\n");
            RawBlock::new(span, Shape::Para, parse_plain(&joined))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(Shape, String)> {
        read_plain(text, 0..text.len(), &|_| LineKind::Continues)
            .into_iter()
            .map(|b| (b.shape, b.inline.text))
            .collect()
    }

    #[test]
    fn plain_text_is_cut_at_blank_lines() {
        let text = "Title\n\nFirst line\nsecond line\n\n   \nThird";
        let got = shapes(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].1, "First line\nsecond line");
    }

    #[test]
    fn standalone_and_opening_lines_start_blocks() {
        let text = "Chrome row\nReport 1 / Region\n\nBody line one\nbody line two\n¹ A note\nits second line\n";
        let kind = |l: &str| {
            if l.starts_with("Report") || l.starts_with("Chrome") {
                LineKind::Alone
            } else if l.starts_with('¹') {
                LineKind::Opens
            } else {
                LineKind::Continues
            }
        };
        let got: Vec<String> = read_plain(text, 0..text.len(), &kind)
            .into_iter()
            .map(|b| b.inline.text)
            .collect();
        assert_eq!(
            got,
            [
                "Chrome row",
                "Report 1 / Region",
                "Body line one\nbody line two",
                "¹ A note\nits second line"
            ]
        );
    }

    #[test]
    fn exports_without_blank_lines_are_read_line_by_line() {
        let text = "One paragraph.\nAnother paragraph.\nA third.\n";
        assert_eq!(shapes(text).len(), 3);
    }
}

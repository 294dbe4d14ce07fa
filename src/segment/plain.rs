//! Plain text (web and PDF exports) → raw blocks.
//!
//! A plain-text export is cut at blank lines, or at every line when it has
//! no blank lines at all; lines that stand alone (chrome, date lines) or
//! open a block (page-bottom footnote definitions) start blocks of their
//! own. Nothing is classified here: that is `classify`'s job.

use std::ops::Range;

use super::classify;
use super::inline::parse_plain;
use super::raw::{RawBlock, Shape};
use super::residue;

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

/// How a plain-text export marks where its paragraphs start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paragraphs {
    /// Blank lines between them.
    BlankLines,
    /// A first line indented past the text's usual margin, in hard-wrapped
    /// text with no blank lines (PDF-to-text of typeset reports).
    Indentation { margin: usize },
    /// Each line is a paragraph (web exports without blank lines).
    OnePerLine,
}

/// A first line is indented when it starts this many columns past the margin.
const MIN_INDENT: usize = 2;
/// Indented first lines needed, at least, to read paragraphs by indentation.
const MIN_INDENTED_STARTS: usize = 3;
/// A line repeated (digits aside) this often is page furniture.
const MIN_FURNITURE_REPEATS: usize = 3;
/// Longest line read as page furniture.
const MAX_FURNITURE_CHARS: usize = 100;

/// Reads plain text into raw blocks; `line_kind` says which lines start
/// blocks even without a blank line before them. Form feeds (`\f`, as
/// `pdftotext` writes them between pages) number the blocks' pages.
pub(super) fn read_plain(
    text: &str,
    range: Range<usize>,
    line_kind: &dyn Fn(&str) -> LineKind,
) -> Vec<RawBlock> {
    let all = lines(text, range);
    let paragraphs = paragraphs_of(text, &all);
    let furniture = repeated_with_numbers(text, &all);
    let paged = all.iter().any(|l| text[l.clone()].contains('\u{c}'));
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut page = 1u32;
    let mut current_page = page;
    let mut previous_indent = 0;
    for line in all {
        let content = &text[line.clone()];
        let page_break = content.contains('\u{c}');
        let kind = if is_blank(content) {
            None
        } else if furniture.contains(&numbers_masked(content)) {
            Some(Start::Alone(Shape::Furniture))
        } else if is_separator(content) {
            Some(Start::Alone(Shape::Rule))
        } else {
            Some(start_of(content, previous_indent, paragraphs, line_kind))
        };
        if !is_blank(content) {
            previous_indent = indentation(content);
        }
        if (page_break || kind != Some(Start::Continues)) && !current.is_empty() {
            blocks.push(block(text, &std::mem::take(&mut current), Shape::Para));
            set_page(blocks.last_mut(), paged, current_page);
        }
        page += u32::try_from(content.matches('\u{c}').count()).unwrap_or(0);
        match kind {
            None => {}
            Some(Start::Alone(shape)) => {
                blocks.push(block(text, &[line], shape));
                set_page(blocks.last_mut(), paged, page);
            }
            Some(_) => {
                if current.is_empty() {
                    current_page = page;
                }
                current.push(line);
            }
        }
    }
    if !current.is_empty() {
        blocks.push(block(text, &current, Shape::Para));
        set_page(blocks.last_mut(), paged, current_page);
    }
    blocks
}

/// How a non-blank line relates to the block before it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Start {
    /// It joins the current block.
    Continues,
    /// It starts a block the next lines may join.
    Opens,
    /// It is a block of its own, of this shape.
    Alone(Shape),
}

/// Where a line stands: `previous_indent` is the indentation of the last
/// non-blank line. In text whose paragraphs are marked by indentation, a
/// line indented deeper than the one before opens a paragraph (a block
/// indented as a whole, like a cover page, stays one); headings in capitals
/// and caption labels stand apart.
fn start_of(
    content: &str,
    previous_indent: usize,
    paragraphs: Paragraphs,
    line_kind: &dyn Fn(&str) -> LineKind,
) -> Start {
    match (paragraphs, line_kind(content)) {
        (Paragraphs::OnePerLine, _) | (_, LineKind::Alone) => Start::Alone(Shape::Para),
        (_, LineKind::Opens) => Start::Opens,
        (Paragraphs::Indentation { margin }, LineKind::Continues) => {
            let indent = indentation(content);
            if is_caps_heading(content) {
                Start::Alone(Shape::Para)
            } else if classify::is_caption(content.trim())
                || (indent >= margin + MIN_INDENT && indent > previous_indent)
            {
                Start::Opens
            } else {
                Start::Continues
            }
        }
        (Paragraphs::BlankLines, LineKind::Continues) => Start::Continues,
    }
}

/// The block of some lines, markup residue cleaned; a wiki template
/// block (an infobox) has no text.
fn block(text: &str, lines: &[Range<usize>], shape: Shape) -> RawBlock {
    let span = lines[0].start..lines[lines.len() - 1].end;
    let raw = &text[span.clone()];
    if residue::is_template_block(raw) {
        return RawBlock::new(span, shape, parse_plain(""));
    }
    let joined = lines
        .iter()
        .map(|l| residue::clean_line(&text[l.clone()]).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    RawBlock::new(span, shape, parse_plain(&joined))
}

fn set_page(block: Option<&mut RawBlock>, paged: bool, page: u32) {
    if let Some(b) = block {
        b.page = paged.then_some(page);
    }
}

/// How the text marks its paragraphs: blank lines when it has enough of
/// them, else indented first lines when there are enough of those, else one
/// paragraph per line.
fn paragraphs_of(text: &str, lines: &[Range<usize>]) -> Paragraphs {
    let blank = lines
        .iter()
        .filter(|l| is_blank(&text[(*l).clone()]))
        .count();
    let indents: Vec<usize> = lines
        .iter()
        .map(|l| &text[l.clone()])
        .filter(|l| !is_blank(l))
        .map(indentation)
        .collect();
    let margin = most_common(&indents);
    let starts = indents
        .windows(2)
        .filter(|w| w[0] == margin && w[1] >= margin + MIN_INDENT)
        .count();
    // A cover page's few blank lines do not outweigh indented paragraphs.
    if starts >= MIN_INDENTED_STARTS && starts > blank {
        Paragraphs::Indentation { margin }
    } else if blank as f64 >= MIN_BLANK_LINE_SHARE * lines.len() as f64 {
        Paragraphs::BlankLines
    } else {
        Paragraphs::OnePerLine
    }
}

fn most_common(values: &[usize]) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, std::cmp::Reverse(v)))
        .map_or(0, |(v, _)| v)
}

/// Columns of leading white space (a tab counts four; form feeds none).
fn indentation(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| match c {
            '\t' => 4,
            '\u{c}' => 0,
            _ => 1,
        })
        .sum()
}

/// A line of rule characters: a footnote separator, a drawn border.
fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 5
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '=' | '*' | '·' | '.' | '─' | '━'))
}

/// A short line in capitals, standing as a heading in hard-wrapped text
/// (`BACKGROUND`, `RECOMMENDATIONS REMAIN OPEN`).
pub(super) fn is_caps_heading(line: &str) -> bool {
    let t = line.trim();
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let longest_word = t
        .split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .max()
        .unwrap_or(0);
    letters.len() >= 4
        && longest_word >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && t.split_whitespace().count() <= 12
        && !t.ends_with(['.', ',', ';'])
}

/// A line with its digit runs replaced by `#` (`Page 12 GAO-24-1` → `Page # GAO-#-#`).
fn numbers_masked(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_digits = false;
    for c in line.trim().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    out
}

/// Short lines with numbers that repeat, numbers aside, through the text:
/// page footers and headers (`Page 12 GAO-24-107321T`, `- 3 -`).
fn repeated_with_numbers(text: &str, lines: &[Range<usize>]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for l in lines {
        let line = text[l.clone()].trim();
        let numbered = line.contains(|c: char| c.is_ascii_digit());
        // `Figure 3` labels repeat with their numbers too, and are content.
        if !numbered || line.chars().count() > MAX_FURNITURE_CHARS || classify::is_caption(line) {
            continue;
        }
        let masked = numbers_masked(line);
        match counts.iter_mut().find(|(m, _)| *m == masked) {
            Some((_, n)) => *n += 1,
            None => counts.push((masked, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= MIN_FURNITURE_REPEATS)
        .map(|(m, _)| m)
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

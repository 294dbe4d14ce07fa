//! Block reading: a report's text → raw blocks (paragraph-sized pieces)
//! with their source byte ranges and their shape.
//!
//! Two readers, chosen from the content: markdown input (ATX headings, `---`
//! rules, `- ` list items, footnote definitions) goes through `markdown`;
//! plain text (web and PDF exports) through `plain`.

use std::ops::Range;

use super::markdown::read_markdown;
use super::plain::{LineKind, read_plain};
use super::raw::RawBlock;

/// How a text file's blocks are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// Markdown or plain text, as the content looks.
    Detect,
    /// Markdown (the file says so).
    Markdown,
}

/// Reads `text[range]` (one report) into raw blocks; `line_kind` says which
/// plain-text lines start blocks even without a blank line before them.
pub(crate) fn read(
    text: &str,
    range: Range<usize>,
    syntax: Syntax,
    line_kind: &dyn Fn(&str) -> LineKind,
) -> Vec<RawBlock> {
    if syntax == Syntax::Markdown || looks_like_markdown(&text[range.clone()]) {
        read_markdown(text, range)
    } else {
        read_plain(text, range, line_kind)
    }
}

/// Markdown block syntax used as structure: several ATX headings or rules,
/// list items opening with strong emphasis (a timeline), or a footnote
/// definition (`[^1]: …`).
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let mut headings = 0;
    let mut rules = 0;
    let mut strong_items = 0;
    let mut note_definitions = 0;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("[^") && t.split_once("]:").is_some_and(|(l, _)| !l.contains(' ')) {
            note_definitions += 1;
        } else if t.starts_with('#') && t.trim_start_matches('#').starts_with(' ') {
            headings += 1;
        } else if t == "---" || t == "***" || t == "___" {
            rules += 1;
        } else if t.starts_with("- **") || t.starts_with("* **") {
            strong_items += 1;
        }
    }
    headings >= 2 || rules >= 2 || strong_items >= 2 || note_definitions >= 1
}

//! Lines → blocks: one page's lines, in reading order, grouped into the
//! headings, paragraphs, list items, tables, note bodies and furniture
//! the page shows.
//!
//! In: a page's lines, which of them are running furniture, and the
//! document's style and note labels. Out: [`Block`]s in reading order, the
//! page's furniture last (a page end for the segmenter's stitcher).
//! - A heading is a line larger than body text, or a bold line of body size
//!   standing alone; the lines of one heading are one block. Its level is
//!   its size's rank (`style`).
//! - A paragraph ends at a gap wider than the line spacing, a change of
//!   size, a line indented past the one above, a run-in bold label after a
//!   sentence's end; it goes on from the foot of a left column to the top
//!   of the right one when the last line is full and the next not indented.
//! - A list item opens with a bullet; its lines are indented past it.
//! - Rows of two or more cells, one under the other, are a table: one
//!   paragraph, a row per line, cells joined by ` · `, rows ending with `;`.
//! - A note body is a small line opening with a label that the text raises
//!   somewhere as a marker (or, with a number, any small line below the
//!   page's body text), and the small lines under it.
//! - Small lines in the page's top or bottom band, beyond its body text,
//!   that are no note (a cover's imprint) are furniture.

use std::collections::HashSet;

use regex::Regex;
use std::sync::LazyLock;

use super::columns::{self, Column};
use super::furniture::BAND;
use super::lines::{Line, PageLines, is_bullet};
use super::notes::{self, Label};
use super::style::{MAX_HEADING_WORDS, SIZE_TOLERANCE, Style};
use super::text;
use crate::segment::{NoteLabel, Shape};

/// A block of a page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Block {
    /// What it is.
    pub shape: Shape,
    /// Its text (lines joined by `\n`, note references as markers).
    pub text: String,
    /// Its page.
    pub page: u32,
    /// Size of its first line.
    pub size: f32,
}

/// What the blocks of every page are read with.
pub(super) struct Context<'a> {
    /// The document's typography.
    pub style: &'a Style,
    /// Labels the body text raises as markers.
    pub markers: &'a HashSet<Label>,
    /// Labels that open note bodies.
    pub bodies: &'a HashSet<Label>,
}

/// A paragraph goes on across a gap up to this many line spacings.
const PARA_GAP: f32 = 1.15;
/// A line indented this far (ems) past the one above opens a paragraph.
const INDENT_EM: f32 = 0.9;
/// A list item's lines are indented at least this far (ems) past its bullet.
const ITEM_INDENT_EM: f32 = 0.3;
/// The lines of one heading are at most this far apart (ems).
const HEADING_LEADING_EM: f32 = 1.7;
/// A bold line of body size with more words than this is no heading.
const MAX_BOLD_HEADING_WORDS: usize = 14;
/// The lines of one note are at most this far apart (ems).
const NOTE_LEADING_EM: f32 = 2.2;
/// A line ending this close (ems) to its column's right edge is full.
const FULL_LINE_EM: f32 = 2.5;
/// Rows of a table are at most this far apart (ems).
const TABLE_ROW_EM: f32 = 3.0;
/// A line this wide (a fraction of the page) is a column's text, not a cell.
const COLUMN_TEXT: f32 = 0.3;
/// The bottom band where a cover's imprint stands (a fraction of the height).
const BOTTOM_MARGIN: f32 = 0.15;

/// A line under a table that credits its source: never part of a note.
static CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:sources?|notes?)\s*:").expect("static regex"));

/// The blocks of one page.
pub(super) fn page_blocks(page: &PageLines, furniture: &[bool], ctx: &Context<'_>) -> Vec<Block> {
    let keep: Vec<usize> = (0..page.lines.len())
        .filter(|&i| !furniture.get(i).copied().unwrap_or(false))
        .collect();
    let mains = keep
        .iter()
        .map(|&i| &page.lines[i])
        .filter(|l| ctx.style.is_main(l));
    let (lowest, highest) = mains.fold((f32::MAX, f32::MIN), |(lo, hi), l| {
        (lo.min(l.y), hi.max(l.y))
    });
    let mut b = Builder {
        page,
        ctx,
        lowest_main: lowest,
        highest_main: highest,
        open: None,
        out: Vec::new(),
        flow: FlowInfo::default(),
    };
    let geometry = columns::Page {
        width: page.width,
        body_size: ctx.style.body - SIZE_TOLERANCE,
    };
    for flow in columns::flows(&page.lines, &keep, geometry) {
        let lines: Vec<&Line> = flow.lines.iter().map(|&i| &page.lines[i]).collect();
        b.start_flow(flow.column, &lines);
        let rows = rows(&lines);
        let mut r = 0;
        while r < rows.len() {
            let n = table_rows(&rows[r..], page.width);
            if n >= 2 {
                b.table(&rows[r..r + n]);
                r += n;
                continue;
            }
            for line in &rows[r] {
                b.line(line);
            }
            r += 1;
        }
    }
    b.flush();
    let mut out = b.out;
    let page_end: Vec<&Line> = (0..page.lines.len())
        .filter(|&i| furniture.get(i).copied().unwrap_or(false))
        .map(|i| &page.lines[i])
        .collect();
    for line in &page_end {
        out.push(furniture_block(line, page.number));
    }
    if !out.iter().any(|b| b.shape == Shape::Furniture) {
        // No furniture: the page's end is still marked, for the stitcher.
        out.push(Block {
            shape: Shape::Rule,
            text: String::new(),
            page: page.number,
            size: 0.0,
        });
    }
    out
}

fn furniture_block(line: &Line, page: u32) -> Block {
    Block {
        shape: Shape::Furniture,
        text: line.text(),
        page,
        size: line.size,
    }
}

/// Lines on one baseline, left to right.
fn rows<'p>(lines: &[&'p Line]) -> Vec<Vec<&'p Line>> {
    let mut out: Vec<Vec<&Line>> = Vec::new();
    for &line in lines {
        match out.last_mut() {
            Some(row) if (row[0].y - line.y).abs() < 0.3 * line.size.max(row[0].size) => {
                row.push(line);
            }
            _ => out.push(vec![line]),
        }
    }
    for row in &mut out {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

/// How many rows from the first one form a table (rows of two or more
/// cells, close under each other). Two lines side by side that are each as
/// wide as a column are two columns' text, not cells (a page whose columns
/// were not told apart).
fn table_rows(rows: &[Vec<&Line>], page_width: f32) -> usize {
    let is_row = |row: &[&Line]| {
        row.len() >= 3
            || (row.len() == 2 && row.iter().any(|l| l.width() < COLUMN_TEXT * page_width))
    };
    let mut n = 0;
    while n < rows.len() && is_row(&rows[n]) {
        if n > 0 {
            let (above, row) = (rows[n - 1][0], rows[n][0]);
            if above.y - row.y > TABLE_ROW_EM * row.size {
                break;
            }
        }
        n += 1;
    }
    n
}

/// What kind of block is being built.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Para,
    Item,
    Heading(u8),
    Note(Label),
}

/// The block being built.
struct Open<'p> {
    kind: Kind,
    texts: Vec<String>,
    first: &'p Line,
    last: &'p Line,
}

/// The flow being read, and the one before it.
#[derive(Debug, Clone, Copy)]
struct FlowInfo {
    column: Column,
    left: f32,
    right: f32,
    /// The right edge of the flow before, when it was a left column.
    left_column_right: Option<f32>,
    /// The next line is the flow's first.
    starting: bool,
}

impl Default for FlowInfo {
    fn default() -> Self {
        FlowInfo {
            column: Column::Full,
            left: 0.0,
            right: 0.0,
            left_column_right: None,
            starting: false,
        }
    }
}

struct Builder<'p, 'c> {
    page: &'p PageLines,
    ctx: &'c Context<'c>,
    lowest_main: f32,
    highest_main: f32,
    open: Option<Open<'p>>,
    out: Vec<Block>,
    flow: FlowInfo,
}

impl<'p> Builder<'p, '_> {
    fn start_flow(&mut self, column: Column, lines: &[&Line]) {
        let main: Vec<&&Line> = lines.iter().filter(|l| self.ctx.style.is_main(l)).collect();
        let left = main.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
        let right = main.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
        let previous = self.flow;
        self.flow = FlowInfo {
            column,
            left,
            right,
            left_column_right: (previous.column == Column::Left).then_some(previous.right),
            starting: true,
        };
    }

    fn line(&mut self, line: &'p Line) {
        let first = std::mem::take(&mut self.flow.starting);
        if self.note_line(line) {
            return;
        }
        if self.is_margin(line) {
            self.flush();
            self.out.push(furniture_block(line, self.page.number));
            return;
        }
        if self.continues_heading(line) {
            self.append(line);
            return;
        }
        if let Some(level) = self.heading_level(line, first) {
            self.start(Kind::Heading(level), line, 0, 0);
            return;
        }
        if let Some(cut) = bullet(line) {
            self.start(Kind::Item, line, 0, cut);
            return;
        }
        if self.continues(line, first) {
            self.append(line);
            return;
        }
        self.start(Kind::Para, line, 0, 0);
    }

    /// A note's first line or one of its next lines; false for other lines.
    fn note_line(&mut self, line: &'p Line) -> bool {
        let style = self.ctx.style;
        if !style.is_small(line) {
            return false;
        }
        if let Some((label, span, cut)) = notes::opening_label(line) {
            let at_foot = matches!(label, Label::Number(_)) && line.y < self.lowest_main;
            if self.ctx.markers.contains(&label) || at_foot {
                self.start(Kind::Note(label), line, span, cut);
                return true;
            }
        }
        let Some(open) = &self.open else {
            return false;
        };
        let near = open.last.y - line.y <= NOTE_LEADING_EM * line.size && open.last.y > line.y;
        let credit = CREDIT.is_match(&line.plain());
        if matches!(open.kind, Kind::Note(_)) && near && !credit {
            self.append(line);
            return true;
        }
        false
    }

    /// A small line beyond the body text in the page's top or bottom band.
    fn is_margin(&self, line: &Line) -> bool {
        let h = self.page.height;
        self.ctx.style.is_small(line)
            && ((line.y < h * BOTTOM_MARGIN && line.y < self.lowest_main)
                || (line.y > h * (1.0 - BAND) && line.y > self.highest_main))
    }

    fn continues_heading(&self, line: &Line) -> bool {
        let Some(open) = &self.open else {
            return false;
        };
        matches!(open.kind, Kind::Heading(_))
            && line.bold == open.last.bold
            && (line.size - open.last.size).abs() < SIZE_TOLERANCE
            && open.last.y > line.y
            && open.last.y - line.y <= HEADING_LEADING_EM * line.size
    }

    /// The level of a heading line.
    fn heading_level(&self, line: &Line, first_in_flow: bool) -> Option<u8> {
        let style = self.ctx.style;
        let plain = line.plain();
        let words = plain.split_whitespace().count();
        if plain.chars().filter(|c| c.is_alphabetic()).count() < 2 || words > MAX_HEADING_WORDS {
            return None;
        }
        if style.is_large(line) {
            return Some(style.level(line));
        }
        let stands_alone = first_in_flow
            || self.open.as_ref().is_none_or(|o| {
                o.last.y - line.y > PARA_GAP * style.leading(line.size) || o.last.y <= line.y
            });
        (line.bold
            && style.is_main(line)
            && words <= MAX_BOLD_HEADING_WORDS
            && !plain.trim_end().ends_with(['.', ',', ';', ':'])
            && stands_alone)
            .then(|| style.level(line))
    }

    /// Whether a line goes on with the paragraph or item being built.
    fn continues(&self, line: &Line, first_in_flow: bool) -> bool {
        let Some(open) = &self.open else {
            return false;
        };
        let last = open.last;
        if !matches!(open.kind, Kind::Para | Kind::Item)
            || (line.size - last.size).abs() >= SIZE_TOLERANCE
            || (line.lead_bold && open.texts.last().is_some_and(|t| ends_sentence(t)))
        {
            return false;
        }
        if first_in_flow {
            return self.continues_in_next_column(line);
        }
        let style = self.ctx.style;
        let gap = last.y - line.y;
        if gap <= 0.0 || gap > PARA_GAP * style.leading(line.size) {
            return false;
        }
        match open.kind {
            Kind::Item => line.x0 > open.first.x0 + ITEM_INDENT_EM * line.size,
            _ => line.x0 <= last.x0 + INDENT_EM * line.size,
        }
    }

    /// A paragraph that fills the left column's last line goes on at the
    /// top of the right column, unless that line is indented.
    fn continues_in_next_column(&self, line: &Line) -> bool {
        let (Some(open), Some(right_edge)) = (&self.open, self.flow.left_column_right) else {
            return false;
        };
        self.flow.column == Column::Right
            && open.last.x1 >= right_edge - FULL_LINE_EM * line.size
            && line.x0 <= self.flow.left + INDENT_EM * line.size
    }

    fn start(&mut self, kind: Kind, line: &'p Line, span: usize, cut: usize) {
        self.flush();
        let text = text::line_text(line, span, cut, self.ctx.bodies);
        self.open = Some(Open {
            kind,
            texts: vec![text],
            first: line,
            last: line,
        });
    }

    fn append(&mut self, line: &'p Line) {
        let bodies = self.ctx.bodies;
        if let Some(open) = &mut self.open {
            open.texts.push(text::line_text(line, 0, 0, bodies));
            open.last = line;
        }
    }

    fn table(&mut self, rows: &[Vec<&'p Line>]) {
        self.flush();
        let bodies = self.ctx.bodies;
        let text = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| text::line_text(cell, 0, 0, bodies))
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .collect::<Vec<_>>()
            .join(";\n");
        self.out.push(Block {
            shape: Shape::Para,
            text,
            page: self.page.number,
            size: rows[0][0].size,
        });
    }

    fn flush(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let (shape, text) = match open.kind {
            Kind::Heading(level) => {
                let text = text::join_flat(&open.texts);
                if text.split_whitespace().count() > MAX_HEADING_WORDS {
                    (Shape::Para, text)
                } else {
                    (
                        Shape::Heading {
                            level,
                            emphasis: crate::segment::Emphasis::Plain,
                        },
                        text,
                    )
                }
            }
            Kind::Note(label) => (
                Shape::Note(NoteLabel::parse(&label.as_text())),
                text::join(&open.texts),
            ),
            Kind::Item => (Shape::Item, text::join(&open.texts)),
            Kind::Para => (Shape::Para, text::join(&open.texts)),
        };
        if !text.trim().is_empty() {
            self.out.push(Block {
                shape,
                text,
                page: self.page.number,
                size: open.first.size,
            });
        }
    }
}

/// Where an item's text starts after its bullet, if the line opens with one.
fn bullet(line: &Line) -> Option<usize> {
    let text = match line.spans.first()? {
        super::lines::Span::Text(t) => t,
        super::lines::Span::Raised(_) => return None,
    };
    let first = text.chars().next()?;
    if !is_bullet(first) {
        return None;
    }
    let rest = &text[first.len_utf8()..];
    Some(text.len() - rest.trim_start().len())
}

/// Whether a text ends a sentence (a note marker after the end looked through).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let t = match t.strip_suffix('\u{E001}') {
        Some(inner) => inner
            .rsplit_once('\u{E000}')
            .map_or(t, |(before, _)| before),
        None => t,
    };
    t.trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':'])
}

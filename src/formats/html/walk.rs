//! The walk: a page's tree → raw blocks in reading order.
//!
//! In: a [`Dom`], its [`Notes`] and the source's line starts. Out: the
//! `RawBlock`s of `segment`: headings, paragraphs, list items, quotes,
//! captions, note bodies, tables as rows. A paragraph-like element (`p`,
//! `h1`–`h6`, `figcaption`) is one block, whatever it holds; a list item
//! takes the paragraphs inside it as lines until a nested list; text
//! directly in a container makes a block of its own; a note body takes
//! everything it holds, its back-links and printed label dropped. Note
//! references become `note_marker`s. An image's alt text is a caption when
//! it says something and no `figcaption` does. Spans cover the lines each
//! block was read from.

use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;

use super::chrome;
use super::display::{Display, display, is_caption_alt, superscript_number};
use super::dom::{Dom, NodeId};
use super::labels;
use super::notes::Notes;
use super::tables::{self, CELL_SEPARATOR, TableKind};
use super::text::{TextBuf, truncate};
use crate::segment::{Emphasis, Inline, NOTE_OPEN, NoteLabel, RawBlock, Shape};

/// Reads the blocks of a page, from the document node down.
pub(super) fn blocks(dom: &Dom, notes: &Notes, line_starts: &[usize], len: usize) -> Vec<RawBlock> {
    let mut w = Walker {
        dom,
        notes,
        line_starts,
        source_len: len,
        out: Vec::new(),
        open: None,
        waiting: Vec::new(),
        quotes: 0,
        flat: None,
        captioned: 0,
        pre: 0,
        date_lines: chrome::date_lines(dom),
        depth: 0,
    };
    w.children(super::dom::DOCUMENT);
    w.close();
    w.out
}

/// How block boundaries read inside a block that takes everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flat {
    /// A paragraph or heading: a boundary is a line break.
    Lines,
    /// A note body: line breaks; images are not its captions.
    Note,
    /// A data table's cell: `; ` between parts; images are icons.
    Cell,
}

/// The block being written.
#[derive(Debug)]
struct Open {
    shape: Shape,
    buf: TextBuf,
    /// The lines it was read from.
    lines: Option<(u32, u32)>,
    /// A list item: the paragraphs inside it are its lines.
    takes_blocks: bool,
}

struct Walker<'a> {
    dom: &'a Dom,
    notes: &'a Notes,
    line_starts: &'a [usize],
    source_len: usize,
    out: Vec<RawBlock>,
    open: Option<Open>,
    /// Blocks found inside the open block (an image caption, a note body
    /// printed inside a paragraph), written after it.
    waiting: Vec<RawBlock>,
    /// Block quotes the walk is in.
    quotes: usize,
    flat: Option<Flat>,
    /// Figures with a caption the walk is in (their images' alt texts are
    /// not captions).
    captioned: usize,
    /// Preformatted elements the walk is in.
    pre: usize,
    /// Date lines (metadata).
    date_lines: HashSet<NodeId>,
    /// How deep the walk is in the tree.
    depth: usize,
}

/// Elements nested deeper than this are read as plain text.
const MAX_NESTING: usize = 512;

impl Walker<'_> {
    fn children(&mut self, n: NodeId) {
        if self.depth >= MAX_NESTING {
            // Deeper than any page lays out: its text, without structure
            // (and without recursion that a crafted page could overflow).
            let text = self.dom.text_content(n);
            if !text.trim().is_empty() {
                self.open_anonymous();
                self.buf().push_text(&text);
            }
            return;
        }
        self.depth += 1;
        for &c in self.dom.children(n) {
            self.visit(c);
        }
        self.depth -= 1;
    }

    fn visit(&mut self, n: NodeId) {
        let dom = self.dom;
        if let Some(t) = dom.text(n) {
            self.text(n, t);
            return;
        }
        let Some(tag) = dom.tag(n) else { return };
        if self.notes.is_backlink(n) {
            return;
        }
        if let Some(labels) = self.notes.refs_at(n) {
            self.open_anonymous();
            self.touch(n);
            for label in labels {
                self.buf().marker(label);
            }
            return;
        }
        if !self.notes.keeps(n) && (chrome::is_chrome(dom, n) || self.date_lines.contains(&n)) {
            return;
        }
        if let Some(label) = self.notes.body(n) {
            self.note(n, label);
            return;
        }
        match display(tag) {
            Display::Heading(level) => self.leaf(
                n,
                Shape::Heading {
                    level,
                    emphasis: Emphasis::Plain,
                },
            ),
            Display::Paragraph => self.leaf(n, Shape::Para),
            Display::Caption => self.leaf(n, Shape::Caption),
            Display::Pre => {
                self.pre += 1;
                self.leaf(n, Shape::Para);
                self.pre -= 1;
            }
            Display::Item => self.item(n),
            Display::List => self.list(n),
            Display::Table => self.table(n),
            Display::Quote => self.quote(n),
            Display::Figure => self.figure(n),
            Display::Container => self.container(n),
            Display::Break => self.line_break(),
            Display::Image => self.image(n),
            Display::Inline => self.inline(n, tag),
        }
    }

    fn text(&mut self, n: NodeId, t: &str) {
        if self.pre > 0 {
            self.open_anonymous();
            self.buf().push_pre(t);
        } else if t.chars().all(|c| c.is_ascii_whitespace()) {
            if let Some(o) = &mut self.open {
                o.buf.space();
            }
            return;
        } else {
            self.open_anonymous();
            self.buf().push_text(t);
        }
        self.touch(n);
    }

    /// A paragraph-like block: one block, boundaries inside it read as
    /// lines. Inside a list item, a paragraph is one of the item's lines.
    fn leaf(&mut self, n: NodeId, shape: Shape) {
        if let Some(flat) = self.flat {
            self.in_flat(n, flat);
            return;
        }
        let shape = match shape {
            Shape::Para if self.quotes > 0 => Shape::Quote,
            other => other,
        };
        if shape == Shape::Para && self.open.as_ref().is_some_and(|o| o.takes_blocks) {
            self.buf().line_break();
            self.flat = Some(Flat::Lines);
            self.children(n);
            self.flat = None;
            self.buf().line_break();
            return;
        }
        self.close();
        self.start(n, shape, false);
        self.flat = Some(Flat::Lines);
        self.children(n);
        self.flat = None;
        self.close();
    }

    /// A container's content inside a block that takes everything.
    fn in_flat(&mut self, n: NodeId, flat: Flat) {
        self.boundary(flat);
        self.children(n);
        self.boundary(flat);
    }

    fn boundary(&mut self, flat: Flat) {
        if let Some(o) = &mut self.open {
            match flat {
                Flat::Lines | Flat::Note => o.buf.line_break(),
                Flat::Cell => o.buf.separator("; ", &['.', ';', ':', ',']),
            }
        }
    }

    fn container(&mut self, n: NodeId) {
        if let Some(flat) = self.flat {
            self.in_flat(n, flat);
        } else if self.open.as_ref().is_some_and(|o| o.takes_blocks) {
            self.buf().line_break();
            self.children(n);
        } else {
            self.close();
            self.children(n);
            self.close();
        }
    }

    fn item(&mut self, n: NodeId) {
        if let Some(flat) = self.flat {
            self.in_flat(n, flat);
            return;
        }
        self.close();
        self.start(n, Shape::Item, true);
        self.children(n);
        self.close();
    }

    fn list(&mut self, n: NodeId) {
        if let Some(flat) = self.flat {
            self.in_flat(n, flat);
            return;
        }
        let notes = self.notes;
        if chrome::is_contents_list(self.dom, n, &|li| notes.body(li).is_some()) {
            return;
        }
        self.close();
        self.children(n);
        self.close();
    }

    fn quote(&mut self, n: NodeId) {
        if let Some(flat) = self.flat {
            self.in_flat(n, flat);
            return;
        }
        self.close();
        self.quotes += 1;
        self.children(n);
        self.close();
        self.quotes -= 1;
    }

    fn figure(&mut self, n: NodeId) {
        let dom = self.dom;
        let captioned = dom.descendants(n).any(|d| dom.is(d, "figcaption"));
        self.captioned += usize::from(captioned);
        self.container(n);
        self.captioned -= usize::from(captioned);
    }

    /// A table: layout tables and tables of note rows are read as blocks,
    /// data tables as rows.
    fn table(&mut self, n: NodeId) {
        if let Some(flat) = self.flat {
            self.in_flat(n, flat);
            return;
        }
        self.close();
        let dom = self.dom;
        if let Some(caption) = tables::caption(dom, n) {
            self.leaf(caption, Shape::Caption);
        }
        let rows = tables::rows(dom, n);
        let note_rows = rows.iter().any(|&r| self.notes.body(r).is_some());
        if note_rows || tables::kind(dom, &rows) == TableKind::Layout {
            let first = self.out.len();
            for &r in &rows {
                self.visit(r);
            }
            self.close();
            if !note_rows && tables::is_one_column(dom, &rows) {
                title_as_caption(&mut self.out[first..]);
            }
        } else {
            self.data_rows(&rows);
        }
        self.close();
    }

    fn data_rows(&mut self, rows: &[NodeId]) {
        let dom = self.dom;
        let mut laid = Vec::with_capacity(rows.len());
        let mut lines: Option<(u32, u32)> = None;
        for &r in rows {
            if chrome::is_chrome(dom, r) {
                continue;
            }
            let mut row = Inline::default();
            for (i, c) in tables::cells(dom, r).into_iter().enumerate() {
                let (cell, cell_lines) = self.sub_walk(c, Shape::Para, Flat::Cell);
                lines = join_lines(lines, cell_lines);
                join_cell(&mut row, cell, i > 0);
            }
            laid.push(row);
        }
        let span = self.span(lines);
        for block in tables::blocks_of_rows(laid) {
            self.out
                .push(RawBlock::new(span.clone(), Shape::Para, block));
        }
    }

    /// A note body: everything in it is its text.
    fn note(&mut self, n: NodeId, label: &str) {
        let (mut inline, lines) =
            self.sub_walk(n, Shape::Note(NoteLabel::parse(label)), Flat::Note);
        labels::clean_body(&mut inline, label);
        if inline.text.is_empty() {
            return;
        }
        let block = RawBlock::new(
            self.span(lines),
            Shape::Note(NoteLabel::parse(label)),
            inline,
        );
        if self.open.is_some() || self.flat.is_some() {
            self.waiting.push(block);
        } else {
            self.close();
            self.out.push(block);
        }
    }

    /// Walks `n`'s content into a block of its own, whatever block is
    /// open; gives its text and lines.
    fn sub_walk(&mut self, n: NodeId, shape: Shape, flat: Flat) -> (Inline, Option<(u32, u32)>) {
        let outer_open = self.open.take();
        let outer_flat = self.flat.replace(flat);
        self.start(n, shape, true);
        self.children(n);
        let open = self.open.take().expect("sub_walk opened a block");
        self.open = outer_open;
        self.flat = outer_flat;
        (open.buf.finish(), open.lines)
    }

    fn image(&mut self, n: NodeId) {
        if self.captioned > 0 || matches!(self.flat, Some(Flat::Note | Flat::Cell)) {
            return;
        }
        let Some(alt) = self.dom.attr(n, "alt").filter(|a| is_caption_alt(a)) else {
            return;
        };
        let mut buf = TextBuf::default();
        buf.push_text(alt);
        let block = RawBlock::new(
            self.span(Some(self.dom.node(n).lines)),
            Shape::Caption,
            buf.finish(),
        );
        if self.open.is_some() {
            self.waiting.push(block);
        } else {
            self.out.push(block);
        }
    }

    fn line_break(&mut self) {
        match self.flat {
            Some(Flat::Cell) => self.boundary(Flat::Cell),
            _ => {
                if let Some(o) = &mut self.open {
                    o.buf.line_break();
                }
            }
        }
    }

    fn inline(&mut self, n: NodeId, tag: &str) {
        let dom = self.dom;
        match tag {
            "a" => {
                let dest = dom
                    .attr(n, "href")
                    .map(str::trim)
                    .filter(|h| is_outward(h) && !dom.text_content(n).trim().is_empty());
                if let Some(dest) = dest {
                    self.open_anonymous();
                    self.buf().open_link(dest);
                    self.children(n);
                    if let Some(o) = &mut self.open {
                        o.buf.close_link();
                    }
                } else {
                    self.children(n);
                }
            }
            "sup" if self.notes.is_empty() && self.flat != Some(Flat::Cell) => {
                match superscript_number(&dom.text_content(n)) {
                    Some(digits) if dom.children(n).iter().all(|&c| dom.text(c).is_some()) => {
                        self.open_anonymous();
                        self.touch(n);
                        self.buf().push_glued(&digits);
                    }
                    _ => self.children(n),
                }
            }
            _ => self.children(n),
        }
    }

    /// Opens a paragraph (a quote inside a block quote) for text found
    /// outside any block.
    fn open_anonymous(&mut self) {
        if self.open.is_none() {
            let shape = if self.quotes > 0 {
                Shape::Quote
            } else {
                Shape::Para
            };
            self.open = Some(Open {
                shape,
                buf: TextBuf::default(),
                lines: None,
                takes_blocks: false,
            });
        }
    }

    fn start(&mut self, n: NodeId, shape: Shape, takes_blocks: bool) {
        self.open = Some(Open {
            shape,
            buf: TextBuf::default(),
            lines: Some(self.dom.node(n).lines),
            takes_blocks,
        });
    }

    fn buf(&mut self) -> &mut TextBuf {
        &mut self
            .open
            .as_mut()
            .expect("a block is open when text is written")
            .buf
    }

    /// The open block was read from `n`'s lines too.
    fn touch(&mut self, n: NodeId) {
        let lines = self.dom.node(n).lines;
        if let Some(o) = &mut self.open {
            o.lines = join_lines(o.lines, Some(lines));
        }
    }

    /// Writes the open block (unless it is blank), then what waited for it.
    fn close(&mut self) {
        if let Some(o) = self.open.take() {
            let inline = o.buf.finish();
            if !inline.text.trim().is_empty() {
                let span = self.span(o.lines);
                self.out.push(RawBlock::new(span, o.shape, inline));
            }
        }
        self.out.append(&mut self.waiting);
    }

    /// The byte range of lines `first..=last` of the source.
    fn span(&self, lines: Option<(u32, u32)>) -> Range<usize> {
        let Some((first, last)) = lines else {
            return 0..0;
        };
        if self.line_starts.is_empty() {
            return 0..0;
        }
        let at = |line: u32| self.line_starts.get(line as usize).copied();
        let start = at(first.saturating_sub(1)).unwrap_or(self.source_len);
        let end = at(last.max(first)).unwrap_or(self.source_len);
        start.min(end)..end
    }
}

/// A text box's title is this short.
const MAX_BOX_TITLE_WORDS: usize = 12;

/// The first block of a text box, when it is a short line followed by
/// more, is the box's title: a caption (the box is no section of the
/// report, and its title no heading).
fn title_as_caption(boxed: &mut [RawBlock]) {
    if let [first, _, ..] = boxed
        && first.shape == Shape::Para
        && !first.inline.text.contains(['\n', NOTE_OPEN])
        && first.inline.text.split_whitespace().count() <= MAX_BOX_TITLE_WORDS
    {
        first.shape = Shape::Caption;
    }
}

/// A link that leads out of the page (not `#…`, not a script).
fn is_outward(href: &str) -> bool {
    !href.is_empty()
        && !href.starts_with('#')
        && !href.to_ascii_lowercase().starts_with("javascript:")
}

fn join_lines(a: Option<(u32, u32)>, b: Option<(u32, u32)>) -> Option<(u32, u32)> {
    match (a, b) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    }
}

/// Appends a cell to a row: cells are joined by " · ", empty ones too.
fn join_cell(row: &mut Inline, cell: Inline, separated: bool) {
    if separated {
        row.text.push_str(CELL_SEPARATOR);
    }
    let shift = row.text.len();
    row.text.push_str(&cell.text);
    row.links.extend(cell.links.into_iter().map(|mut l| {
        l.range = l.range.start + shift..l.range.end + shift;
        l
    }));
    let trimmed = row.text.trim_end().len();
    truncate(row, trimmed);
}

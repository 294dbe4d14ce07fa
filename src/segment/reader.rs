//! Block reading: a report's text → raw blocks (paragraph-sized pieces) with
//! their source byte ranges and their markdown shape.
//!
//! Two readers, chosen from the content: markdown input (ATX headings, `---`
//! rules, `- ` list items) goes through pulldown-cmark's block parser, which
//! also yields each block's inline events; plain text (web and PDF exports) is
//! cut at blank lines, or at every line when the export has no blank lines at
//! all. Nothing is classified here: that is `classify`'s job.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::Syntax;
use super::inline::{Inline, InlineBuilder};

/// The shape of a raw block: what its format's markup says it is. Plain
/// text only knows paragraphs; markdown adds headings, items, rules, quotes
/// and notes; HTML, Word and PDF readers can say more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A paragraph (or, in plain text, any run of lines).
    Para,
    /// A heading, with its level and the emphasis wrapping its text.
    Heading { level: u8, emphasis: Emphasis },
    /// A list item.
    Item,
    /// A thematic break (`---`), or a page break.
    Rule,
    /// A block quote: prose, quoted.
    Quote,
    /// A figure, table or image caption.
    Caption,
    /// A footnote or endnote body, with the label its references use.
    Note(NoteLabel),
    /// Page furniture: a running header or footer, a page number. Not
    /// content; it marks where a page ended.
    #[expect(dead_code, reason = "the PDF reader (issue 11) says it")]
    Furniture,
}

/// How a note is labelled: its number, or a name (`[^smith]`) that
/// [`super::notes`] turns into a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoteLabel {
    /// `12`
    Number(u32),
    /// `smith`
    Name(String),
}

impl NoteLabel {
    /// `12` is a number; anything else a name.
    pub(crate) fn parse(label: &str) -> NoteLabel {
        match label.trim().parse::<u32>() {
            Ok(n) => NoteLabel::Number(n),
            Err(_) => NoteLabel::Name(label.trim().to_string()),
        }
    }
}

/// Emphasis that wraps a whole heading (`## **Bold**`, `### *Italic*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Emphasis {
    /// `***both***`
    BoldItalic,
    /// `**bold**`
    Bold,
    /// `*italic*`
    Italic,
    /// plain
    Plain,
}

/// A paragraph-sized piece of the source, not yet classified: what every
/// format reader produces.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    /// Source bytes the block covers; empty when the format has no byte
    /// positions (PDF, Word).
    pub span: Range<usize>,
    /// Its shape.
    pub shape: Shape,
    /// Its inline content as plain text with link spans; note references
    /// are written as [`super::inline::note_marker`]s.
    pub inline: Inline,
    /// The page it starts on, where the format has pages (1-based).
    pub page: Option<u32>,
}

impl RawBlock {
    /// A block without a page.
    pub(crate) fn new(span: Range<usize>, shape: Shape, inline: Inline) -> RawBlock {
        RawBlock {
            span,
            shape,
            inline,
            page: None,
        }
    }

    /// The block's plain text.
    pub(crate) fn text(&self) -> &str {
        &self.inline.text
    }
}

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

fn read_plain(
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
            RawBlock::new(span, Shape::Para, super::inline::parse_plain(&joined))
        })
        .collect()
}

/// Walks pulldown-cmark's events; every leaf block (paragraph, heading, the
/// text of a list item before any nested list) becomes one raw block; a
/// footnote definition (`[^1]: …`, all its paragraphs) one note block; a
/// table one paragraph, a row per line.
fn read_markdown(text: &str, range: Range<usize>) -> Vec<RawBlock> {
    let src = &text[range.clone()];
    let mut reader = MarkdownReader {
        base: range.start,
        out: Vec::new(),
        open: None,
        heading_emphasis: Vec::new(),
        container: Container::None,
    };
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    for (event, r) in Parser::new_ext(src, options).into_offset_iter() {
        reader.event(event, r);
    }
    reader.flush(src.len());
    reader.out
}

/// A leaf block being read: its shape, where it starts (relative to the
/// markdown given to the parser) and its inline content so far.
type OpenBlock = (Shape, usize, InlineBuilder);

/// A container whose leaf blocks are read as one block or change shape.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Container {
    None,
    /// A footnote definition: its paragraphs make one note.
    Note(NoteLabel),
    /// A table: its rows make one paragraph (rows and cells read so far
    /// in the current row).
    Table {
        rows: usize,
        cells: usize,
    },
    /// A block quote: its paragraphs are quotes.
    Quote,
}

/// The state of a walk over one report's markdown events.
struct MarkdownReader {
    /// Offset of the markdown in the file.
    base: usize,
    out: Vec<RawBlock>,
    open: Option<OpenBlock>,
    /// Emphasis seen inside the open heading (typography tells levels apart).
    heading_emphasis: Vec<Emphasis>,
    container: Container,
}

impl MarkdownReader {
    fn event(&mut self, event: Event<'_>, r: Range<usize>) {
        if self.container_event(&event, &r) {
            return;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush(r.start);
                self.heading_emphasis.clear();
                let shape = Shape::Heading {
                    level: heading_level(level),
                    emphasis: Emphasis::Plain,
                };
                self.open = Some((shape, r.start, InlineBuilder::default()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let emphasis = heading_style(&self.heading_emphasis);
                if let Some((Shape::Heading { emphasis: e, .. }, _, _)) = &mut self.open {
                    *e = emphasis;
                }
                self.flush(r.end);
            }
            Event::Start(Tag::Paragraph) => {
                // A paragraph inside a list item continues the item's block.
                if !matches!(self.open, Some((Shape::Item, _, _))) {
                    let shape = if self.container == Container::Quote {
                        Shape::Quote
                    } else {
                        Shape::Para
                    };
                    self.start(shape, r.start);
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if matches!(self.open, Some((Shape::Para | Shape::Quote, _, _))) {
                    self.flush(r.end);
                }
            }
            Event::Start(Tag::Item) => self.start(Shape::Item, r.start),
            Event::Start(Tag::List(_)) | Event::End(TagEnd::Item) => {
                self.flush(r.start.max(r.end.saturating_sub(1)));
            }
            Event::Rule => {
                self.flush(r.start);
                self.out.push(RawBlock::new(
                    self.base + r.start..self.base + r.end,
                    Shape::Rule,
                    Inline::default(),
                ));
            }
            Event::Start(Tag::Strong) if self.in_heading() => {
                self.heading_emphasis.push(Emphasis::Bold);
                self.push(&event);
            }
            Event::Start(Tag::Emphasis) if self.in_heading() => {
                self.heading_emphasis.push(Emphasis::Italic);
                self.push(&event);
            }
            other => {
                if self.open.is_none() && matches!(other, Event::Text(_) | Event::Code(_)) {
                    // Text outside any paragraph (HTML blocks): keep it as a paragraph.
                    self.open = Some((Shape::Para, r.start, InlineBuilder::default()));
                }
                self.push(&other);
            }
        }
    }

    /// Footnote definitions, tables and block quotes: true when the event
    /// was theirs.
    fn container_event(&mut self, event: &Event<'_>, r: &Range<usize>) -> bool {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.flush(r.start);
                self.container = Container::Note(NoteLabel::parse(label));
                let shape = Shape::Note(NoteLabel::parse(label));
                self.open = Some((shape, r.start, InlineBuilder::default()));
            }
            Event::Start(Tag::Table(_)) => {
                self.start(Shape::Para, r.start);
                self.container = Container::Table { rows: 0, cells: 0 };
            }
            Event::End(TagEnd::FootnoteDefinition | TagEnd::Table) => {
                self.container = Container::None;
                self.flush(r.end);
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Container::Table { rows, cells } = &mut self.container {
                    let separator = if *rows > 0 { ";\n" } else { "" };
                    *rows += 1;
                    *cells = 0;
                    self.push_str(separator);
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Container::Table { cells, .. } = &mut self.container {
                    let separator = if *cells > 0 { " · " } else { "" };
                    *cells += 1;
                    self.push_str(separator);
                }
            }
            Event::Start(Tag::BlockQuote(_)) if self.container == Container::None => {
                self.container = Container::Quote;
                return false;
            }
            Event::End(TagEnd::BlockQuote(_)) if self.container == Container::Quote => {
                self.container = Container::None;
                return false;
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                if matches!(self.container, Container::Note(_) | Container::Table { .. }) =>
            {
                // A note's paragraphs are one note; a line break between them.
                if matches!(event, Event::Start(_))
                    && self.open.as_ref().is_some_and(|(_, _, b)| !b.is_empty())
                {
                    self.push(&Event::SoftBreak);
                }
            }
            Event::End(TagEnd::TableCell | TagEnd::TableHead | TagEnd::TableRow) => {}
            _ => return false,
        }
        true
    }

    /// Closes the open block and opens one of `shape` at `at`.
    fn start(&mut self, shape: Shape, at: usize) {
        self.flush(at);
        self.open = Some((shape, at, InlineBuilder::default()));
    }

    /// Closes the open block at `end`; a block with no text is dropped.
    fn flush(&mut self, end: usize) {
        if let Some((shape, start, builder)) = self.open.take() {
            let inline = builder.finish();
            if !inline.text.trim().is_empty() {
                self.out.push(RawBlock::new(
                    self.base + start..self.base + end,
                    shape,
                    inline,
                ));
            }
        }
    }

    fn push(&mut self, event: &Event<'_>) {
        if let Some((_, _, builder)) = self.open.as_mut() {
            builder.push(event);
        }
    }

    fn push_str(&mut self, text: &str) {
        if let Some((_, _, builder)) = self.open.as_mut() {
            builder.push_str(text);
        }
    }

    fn in_heading(&self) -> bool {
        self.open.as_ref().is_some_and(|o| is_heading(&o.0))
    }
}

fn is_heading(shape: &Shape) -> bool {
    matches!(shape, Shape::Heading { .. })
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The emphasis wrapping a heading, from the emphasis tags opened inside it.
fn heading_style(tags: &[Emphasis]) -> Emphasis {
    let strong = tags.contains(&Emphasis::Bold);
    let em = tags.contains(&Emphasis::Italic);
    match (strong, em) {
        (true, true) => Emphasis::BoldItalic,
        (true, false) => Emphasis::Bold,
        (false, true) => Emphasis::Italic,
        (false, false) => Emphasis::Plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(Shape, String)> {
        read(text, 0..text.len(), Syntax::Detect, &|_| {
            LineKind::Continues
        })
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
        let got: Vec<String> = read(text, 0..text.len(), Syntax::Detect, &kind)
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

    #[test]
    fn markdown_headings_items_and_rules() {
        let text = "## ***Running Title***\n\n---\n\n### **Section**\n\nSome *text* here.\n\n- **May 2, 2019:** An event.  \nIts second line.\n  - **May 1, 2019:** Nested event.\n\n### *Sub*\n";
        let got = shapes(text);
        let kinds: Vec<Shape> = got.iter().map(|(s, _)| s.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                Shape::Heading {
                    level: 2,
                    emphasis: Emphasis::BoldItalic
                },
                Shape::Rule,
                Shape::Heading {
                    level: 3,
                    emphasis: Emphasis::Bold
                },
                Shape::Para,
                Shape::Item,
                Shape::Item,
                Shape::Heading {
                    level: 3,
                    emphasis: Emphasis::Italic
                },
            ]
        );
        assert_eq!(got[0].1, "Running Title");
        assert_eq!(got[3].1, "Some text here.");
        assert_eq!(got[4].1, "May 2, 2019: An event.\nIts second line.");
        assert_eq!(got[5].1, "May 1, 2019: Nested event.");
    }

    #[test]
    fn spans_slice_back_to_the_source() {
        let text = "# A\n\nPara one\n\n- item\n";
        for b in read(text, 0..text.len(), Syntax::Detect, &|_| {
            LineKind::Continues
        }) {
            assert!(text.get(b.span.clone()).is_some(), "{:?}", b.span);
        }
    }

    fn markdown(text: &str) -> Vec<(Shape, String)> {
        read(text, 0..text.len(), Syntax::Markdown, &|_| {
            LineKind::Continues
        })
        .into_iter()
        .map(|b| (b.shape, b.inline.text))
        .collect()
    }

    #[test]
    fn markdown_footnotes_become_note_blocks_and_markers() {
        let text = "Claim one.[^1] Claim two.[^note]\n\n[^1]: Ibid.\n\n[^note]: A long note.\n\n    Its second paragraph.\n";
        let got = markdown(text);
        let open = super::super::inline::note_marker;
        assert_eq!(
            got[0],
            (
                Shape::Para,
                format!("Claim one.{} Claim two.{}", open("1"), open("note"))
            )
        );
        assert_eq!(
            got[1],
            (Shape::Note(NoteLabel::Number(1)), "Ibid.".to_string())
        );
        assert_eq!(got[2].0, Shape::Note(NoteLabel::Name("note".into())));
        assert_eq!(got[2].1, "A long note.\nIts second paragraph.");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn markdown_tables_are_one_paragraph_of_rows() {
        let text = "Before.\n\n| Year | Funding |\n|---|---|\n| 2019 | $60 million |\n| 2020 | $90 million |\n\nAfter.\n";
        let got = markdown(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            (
                Shape::Para,
                "Year · Funding;\n2019 · $60 million;\n2020 · $90 million".to_string()
            )
        );
    }

    #[test]
    fn block_quotes_and_setext_headings() {
        let text = "Title\n=====\n\n> Quoted words.\n\nSection ###\n-----------\n\nText.\n";
        let got = markdown(text);
        let shapes: Vec<&Shape> = got.iter().map(|(s, _)| s).collect();
        assert!(
            matches!(shapes[0], Shape::Heading { level: 1, .. }),
            "{got:?}"
        );
        assert_eq!(shapes[1], &Shape::Quote);
        assert!(
            matches!(shapes[2], Shape::Heading { level: 2, .. }),
            "{got:?}"
        );
        assert_eq!(got[2].1, "Section ###");
    }
}

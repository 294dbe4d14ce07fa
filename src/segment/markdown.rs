//! Markdown → raw blocks, through pulldown-cmark's block parser, which also
//! yields each block's inline events.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::inline::{Inline, InlineBuilder};
use super::raw::{Emphasis, NoteLabel, RawBlock, Shape};

/// Walks pulldown-cmark's events; every leaf block (paragraph, heading, the
/// text of a list item before any nested list) becomes one raw block; a
/// footnote definition (`[^1]: …`, all its paragraphs) one note block; a
/// table one paragraph, a row per line.
pub(super) fn read_markdown(text: &str, range: Range<usize>) -> Vec<RawBlock> {
    let src = &text[range.clone()];
    let mut reader = MarkdownReader {
        base: range.start,
        out: Vec::new(),
        open: None,
        heading_emphasis: Vec::new(),
        container: Container::None,
        numbering: Vec::new(),
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
    /// The open lists, innermost last: the number of the next item of an
    /// ordered list (its printed number is kept: `3. …` is cited as such).
    numbering: Vec<Option<u64>>,
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
            Event::Start(Tag::Item | Tag::List(_)) | Event::End(TagEnd::Item | TagEnd::List(_)) => {
                self.list_event(&event, &r);
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

    /// Lists and their items: an item is a block; an ordered list's items
    /// keep their printed numbers.
    fn list_event(&mut self, event: &Event<'_>, r: &Range<usize>) {
        match event {
            Event::Start(Tag::Item) => {
                self.start(Shape::Item, r.start);
                if let Some(Some(n)) = self.numbering.last_mut() {
                    let number = format!("{n}. ");
                    *n += 1;
                    self.push_str(&number);
                }
            }
            Event::Start(Tag::List(first)) => {
                self.numbering.push(*first);
                self.flush(r.start.max(r.end.saturating_sub(1)));
            }
            Event::End(TagEnd::List(_)) => {
                self.numbering.pop();
                self.flush(r.start.max(r.end.saturating_sub(1)));
            }
            _ => self.flush(r.start.max(r.end.saturating_sub(1))),
        }
    }

    /// Closes the open block and opens one of `shape` at `at`.
    fn start(&mut self, shape: Shape, at: usize) {
        self.flush(at);
        self.open = Some((shape, at, InlineBuilder::default()));
    }

    /// Closes the open block at `end`; a block with no text is dropped.
    /// A paragraph holding only an image is its caption when the alt text
    /// describes something, and nothing otherwise.
    fn flush(&mut self, end: usize) {
        if let Some((mut shape, start, builder)) = self.open.take() {
            let alt = describing_alt_text(builder.images());
            let mut inline = builder.finish();
            if inline.text.trim().is_empty()
                && let Some(alt) = alt
            {
                inline.text = alt;
                shape = Shape::Caption;
            }
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

/// Fewest words an image's alt text needs to say something (`logo`,
/// `image1.png`, `Photo` do not).
const MIN_ALT_TEXT_WORDS: usize = 3;

/// The alt text of a block's images when it describes something.
fn describing_alt_text(images: &[String]) -> Option<String> {
    let alt = images.join(" ");
    let words = alt.split_whitespace().count();
    let file_name = alt.trim().rsplit_once('.').is_some_and(|(_, ext)| {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp"
        )
    });
    (words >= MIN_ALT_TEXT_WORDS && !file_name).then(|| alt.trim().to_string())
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

    #[test]
    fn markdown_headings_items_and_rules() {
        let text = "## ***Running Title***\n\n---\n\n### **Section**\n\nSome *text* here.\n\n- **May 2, 2019:** An event.  \nIts second line.\n  - **May 1, 2019:** Nested event.\n\n### *Sub*\n";
        let got = markdown(text);
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
        for b in read_markdown(text, 0..text.len()) {
            assert!(text.get(b.span.clone()).is_some(), "{:?}", b.span);
        }
    }

    fn markdown(text: &str) -> Vec<(Shape, String)> {
        read_markdown(text, 0..text.len())
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

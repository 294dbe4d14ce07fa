//! The block model every format reader produces: raw blocks, with the shape
//! their format's markup gives them, their inline text, where they come
//! from in the file and on which page. Nothing is classified here.

use std::ops::Range;

use super::inline::Inline;

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
    /// Its shape was read from the format's typography (a PDF's fonts),
    /// not from text: a paragraph is never taken for a heading for its
    /// words alone (`Issues for Congress include` leading into a list).
    pub typeset: bool,
}

impl RawBlock {
    /// A block without a page.
    pub(crate) fn new(span: Range<usize>, shape: Shape, inline: Inline) -> RawBlock {
        RawBlock {
            span,
            shape,
            inline,
            page: None,
            typeset: false,
        }
    }

    /// The block's plain text.
    pub(crate) fn text(&self) -> &str {
        &self.inline.text
    }
}

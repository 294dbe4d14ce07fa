//! Paragraphs as the walk over a Word story reads them, before notes are
//! numbered.
//!
//! In: nothing (plain data). Out: [`Para`]s made of [`Piece`]s: text, note
//! references by the note's id, cross-references to a note through a
//! bookmark, link openings and closings. `walk` builds them, `render` turns
//! them into the segmenter's raw blocks once every note has its number.

use super::styles::Role;

/// Which part a note lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum NoteKind {
    /// `word/footnotes.xml`
    Foot,
    /// `word/endnotes.xml`
    End,
}

/// A reference to a note: its part and its `w:id`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct NoteRef {
    /// Footnote or endnote.
    pub kind: NoteKind,
    /// The note's `w:id`, as written.
    pub id: String,
}

/// A piece of a paragraph's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// Text as displayed.
    Text(String),
    /// A `w:footnoteReference` or `w:endnoteReference`.
    Note(NoteRef),
    /// A `NOTEREF` field shown as a note mark: the note of the bookmark's
    /// reference, else the text the field displays.
    CrossRef {
        /// The bookmark around the note reference.
        bookmark: String,
        /// What the field displays.
        shown: String,
    },
    /// A link starts, to this address.
    LinkStart(String),
    /// The open link ends.
    LinkEnd,
}

/// A paragraph: its role and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Para {
    /// What its style and properties make it.
    pub role: Role,
    /// Its content in reading order.
    pub pieces: Vec<Piece>,
}

impl Para {
    /// A paragraph of prose.
    pub(super) fn body(pieces: Vec<Piece>) -> Para {
        Para {
            role: Role::Body,
            pieces,
        }
    }

    /// Adds text, joined to the text before it.
    pub(super) fn push_text(&mut self, text: &str) {
        if let Some(Piece::Text(last)) = self.pieces.last_mut() {
            last.push_str(text);
        } else {
            self.pieces.push(Piece::Text(text.to_string()));
        }
    }

    /// Whether it has any content besides white space.
    pub(super) fn has_content(&self) -> bool {
        self.pieces.iter().any(|p| match p {
            Piece::Text(t) => !t.trim().is_empty(),
            Piece::Note(_) | Piece::CrossRef { .. } => true,
            Piece::LinkStart(_) | Piece::LinkEnd => false,
        })
    }
}

//! Emission: classified pieces → blocks with section paths and footnotes.
//!
//! In: a report's stitched pieces. Out: [`Block`]s in reading order: headings
//! push and pop the section path, inline footnote bodies are numbered in order
//! and placed right after the paragraph citing them, page-bottom footnotes keep
//! their own numbers, and footnote bodies the export repeated are dropped.

use super::block::Block;
use super::classify;
use super::markers::{self, RefTarget};
use super::stitch::{Piece, Role};
use crate::model::PassageKind;

/// Turns pieces into blocks: section paths, footnote numbers, footnote
/// passages right after the paragraph citing them.
pub(super) fn emit(pieces: Vec<Piece>) -> Vec<Block> {
    let mut emitter = Emitter {
        out: Vec::with_capacity(pieces.len()),
        section: Vec::new(),
        next_body: 1,
        bodies_seen: Vec::new(),
    };
    for piece in drop_empty_headings(pieces) {
        match piece.role {
            Role::Heading { level } => emitter.heading(&piece, level),
            Role::FootnoteDef { n } => emitter.footnote_def(piece, n),
            Role::Para | Role::Item | Role::Event | Role::Caption => emitter.prose(&piece),
            Role::PageBreak => {}
        }
    }
    emitter.out
}

/// The blocks so far and what the pieces still to come need to know.
struct Emitter {
    out: Vec<Block>,
    /// The open headings, outermost first, with their levels.
    section: Vec<(u8, String)>,
    /// The number the next inline footnote body gets.
    next_body: u32,
    /// Footnote bodies already emitted (exports repeat some).
    bodies_seen: Vec<String>,
}

impl Emitter {
    /// The heading path of the current position.
    fn path(&self) -> Vec<String> {
        self.section.iter().map(|(_, t)| t.clone()).collect()
    }

    /// A heading closes the headings at its level or below, then opens.
    fn heading(&mut self, piece: &Piece, level: u8) {
        let text = markers::normalize(&piece.marked.text);
        let text = classify::numbered_heading(&text).map_or(text, |(_, t)| t);
        let text = text.trim_end_matches(':').trim_end().to_string();
        while self.section.last().is_some_and(|(l, _)| *l >= level) {
            self.section.pop();
        }
        let path = self.path();
        let mut b = block(PassageKind::Heading, text.clone(), path, piece);
        // A note cited by a heading (`Lebanon²⁹`) is cited by the heading.
        b.refs = piece
            .marked
            .refs
            .iter()
            .filter_map(|r| match r.target {
                RefTarget::Number(n) => Some(n.to_string()),
                RefTarget::Body(_) => None,
            })
            .collect();
        self.out.push(b);
        self.section.push((level, text));
    }

    /// A footnote body with its own number (a page-bottom definition).
    fn footnote_def(&mut self, piece: Piece, n: u32) {
        let mut b = block(
            PassageKind::Footnote,
            markers::normalize(&piece.marked.text),
            self.path(),
            &piece,
        );
        b.number = Some(n);
        b.sources = piece.marked.sources;
        self.out.push(b);
    }

    /// A paragraph, list item, event or caption, followed by the footnote
    /// bodies it holds inline, numbered in order.
    fn prose(&mut self, piece: &Piece) {
        let kind = match piece.role {
            Role::Event => PassageKind::Event,
            Role::Caption => PassageKind::Caption,
            _ => PassageKind::Paragraph,
        };
        if piece.marked.orphan_close && piece.marked.bodies.is_empty() {
            self.attach_orphan(piece);
            return;
        }
        let mut refs = Vec::with_capacity(piece.marked.refs.len());
        let mut body_numbers = Vec::new();
        for r in &piece.marked.refs {
            match r.target {
                RefTarget::Number(n) => refs.push(n.to_string()),
                RefTarget::Body(k) => {
                    refs.push(self.next_body.to_string());
                    body_numbers.push((k, self.next_body));
                    self.next_body += 1;
                }
            }
        }
        let mut text = markers::normalize(&piece.marked.text);
        if kind == PassageKind::Event {
            space_after_event_header(&mut text);
        }
        if text.is_empty() && body_numbers.is_empty() {
            return;
        }
        let mut chunks = chunks(text).into_iter();
        let mut b = block(kind, chunks.next().unwrap_or_default(), self.path(), piece);
        b.refs = refs;
        b.sources.clone_from(&piece.marked.sources);
        self.out.push(b);
        // What is left of a giant block (a file on one line) follows in
        // paragraphs of its own.
        for rest in chunks {
            self.out
                .push(block(PassageKind::Paragraph, rest, self.path(), piece));
        }
        for (k, n) in body_numbers {
            let text = markers::normalize(piece.marked.bodies.get(k).map_or("", String::as_str));
            self.bodies_seen.push(text.clone());
            let mut f = block(PassageKind::Footnote, text, self.path(), piece);
            f.number = Some(n);
            self.out.push(f);
        }
    }

    /// A footnote body the export printed without its opening marker: a
    /// repeat of a body already read is dropped; a new one becomes the next
    /// footnote, cited by the paragraph before it.
    fn attach_orphan(&mut self, piece: &Piece) {
        let text = markers::normalize(&piece.marked.text);
        if text.is_empty() || self.bodies_seen.iter().any(|b| b == &text) {
            return;
        }
        let Some(citing) = self
            .out
            .iter_mut()
            .rev()
            .find(|b| b.kind == PassageKind::Paragraph)
        else {
            return;
        };
        citing.refs.push(self.next_body.to_string());
        let mut f = block(PassageKind::Footnote, text.clone(), self.path(), piece);
        f.number = Some(self.next_body);
        self.next_body += 1;
        self.bodies_seen.push(text);
        self.out.push(f);
    }
}

/// Longest passage text, in bytes: no report writes a paragraph this long
/// (long ones run to a few thousand characters), and a block longer than
/// this (a whole file on one line) would make every later stage, and every
/// search that snippets it, cost as much as the file.
const MAX_PASSAGE_BYTES: usize = 32 * 1024;

/// The text cut into pieces of at most [`MAX_PASSAGE_BYTES`], each ending
/// at a sentence end where one is near, else at a space.
fn chunks(text: String) -> Vec<String> {
    if text.len() <= MAX_PASSAGE_BYTES {
        return vec![text];
    }
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while rest.len() > MAX_PASSAGE_BYTES {
        let mut limit = MAX_PASSAGE_BYTES;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &rest[..limit];
        // A sentence end in the last quarter of the window, else a space.
        let floor = limit - limit / 4;
        let cut = window[floor..]
            .rfind(". ")
            .map(|i| floor + i + 1)
            .or_else(|| window.rfind(' '))
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        out.push(rest[..cut].trim().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// `May 2, 2019:Text` → `May 2, 2019: Text`.
fn space_after_event_header(text: &mut String) {
    if let Some(header) = classify::event_header(text) {
        let colon = text[header.len()..].find(':').map(|i| header.len() + i + 1);
        if let Some(at) = colon
            && text[at..].starts_with(|c: char| !c.is_whitespace())
        {
            text.insert(at, ' ');
        }
    }
}

/// Headings with nothing under them before the next heading (a `Contact`
/// heading whose lines were chrome) are dropped.
fn drop_empty_headings(pieces: Vec<Piece>) -> Vec<Piece> {
    let content_after = |i: usize| {
        pieces[i + 1..]
            .iter()
            .find(|p| !matches!(p.role, Role::PageBreak))
            .is_some_and(|p| !matches!(p.role, Role::Heading { level } if level <= heading_level(&pieces[i])))
    };
    let keep: Vec<bool> = (0..pieces.len())
        .map(|i| !matches!(pieces[i].role, Role::Heading { .. }) || content_after(i))
        .collect();
    pieces
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| p)
        .collect()
}

fn heading_level(p: &Piece) -> u8 {
    match p.role {
        Role::Heading { level } => level,
        _ => u8::MAX,
    }
}

fn block(kind: PassageKind, text: String, section: Vec<String>, piece: &Piece) -> Block {
    Block {
        kind,
        text,
        section,
        refs: Vec::new(),
        number: None,
        sources: Vec::new(),
        span: piece.span.clone(),
        page: piece.page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn giant_blocks_are_cut_at_sentence_ends() {
        let sentence = "Fighters crossed the border near Gao at night. ";
        let text = sentence.repeat(2000).trim_end().to_string();
        let pieces = chunks(text.clone());
        assert!(pieces.len() > 2);
        for p in &pieces {
            assert!(p.len() <= MAX_PASSAGE_BYTES, "{}", p.len());
            assert!(p.ends_with('.'), "cut at a sentence end");
        }
        assert_eq!(pieces.join(" "), text);
        let one_word = "x".repeat(MAX_PASSAGE_BYTES * 2 + 7);
        let pieces = chunks(one_word);
        assert_eq!(pieces.len(), 3);
        assert_eq!(chunks("short".into()), ["short"]);
        let multibyte = "é".repeat(MAX_PASSAGE_BYTES);
        assert!(
            chunks(multibyte)
                .iter()
                .all(|p| p.len() <= MAX_PASSAGE_BYTES)
        );
    }
}

//! Emission: classified pieces → blocks with section paths and footnotes.
//!
//! In: a report's stitched pieces. Out: [`Block`]s in reading order: headings
//! push and pop the section path, inline footnote bodies are numbered in order
//! and placed right after the paragraph citing them, page-bottom footnotes keep
//! their own numbers, and footnote bodies the export repeated are dropped.

use std::ops::Range;

use super::markers::{self, RefTarget};
use super::stitch::{Piece, Role};
use super::{Block, classify};
use crate::model::PassageKind;

/// Turns pieces into blocks: section paths, footnote numbers, footnote
/// passages right after the paragraph citing them.
pub(super) fn emit(pieces: Vec<Piece>) -> Vec<Block> {
    let mut out = Vec::with_capacity(pieces.len());
    let mut section: Vec<(u8, String)> = Vec::new();
    let mut next_body = 1u32;
    let mut bodies_seen: Vec<String> = Vec::new();
    let kept = drop_empty_headings(pieces);
    for piece in kept {
        let path =
            |section: &[(u8, String)]| section.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>();
        let span = piece.span.clone();
        match piece.role {
            Role::Heading { level } => {
                let text = markers::normalize(&piece.marked.text);
                let text = classify::numbered_heading(&text).map_or(text, |(_, t)| t);
                let text = text.trim_end_matches(':').trim_end().to_string();
                while section.last().is_some_and(|(l, _)| *l >= level) {
                    section.pop();
                }
                out.push(block(
                    PassageKind::Heading,
                    text.clone(),
                    path(&section),
                    span,
                ));
                section.push((level, text));
            }
            Role::FootnoteDef { n } => {
                let mut b = block(
                    PassageKind::Footnote,
                    markers::normalize(&piece.marked.text),
                    path(&section),
                    span,
                );
                b.number = Some(n);
                b.sources = piece.marked.sources;
                out.push(b);
            }
            Role::Para | Role::Item | Role::Event | Role::Caption => {
                let kind = match piece.role {
                    Role::Event => PassageKind::Event,
                    Role::Caption => PassageKind::Caption,
                    _ => PassageKind::Paragraph,
                };
                if piece.marked.orphan_close && piece.marked.bodies.is_empty() {
                    attach_orphan(
                        &mut out,
                        &mut bodies_seen,
                        &mut next_body,
                        &piece,
                        &path(&section),
                    );
                    continue;
                }
                let mut refs = Vec::with_capacity(piece.marked.refs.len());
                let mut body_numbers = Vec::new();
                for r in &piece.marked.refs {
                    match r.target {
                        RefTarget::Number(n) => refs.push(n.to_string()),
                        RefTarget::Body(k) => {
                            refs.push(next_body.to_string());
                            body_numbers.push((k, next_body));
                            next_body += 1;
                        }
                    }
                }
                let mut text = markers::normalize(&piece.marked.text);
                if kind == PassageKind::Event {
                    space_after_event_header(&mut text);
                }
                let mut b = block(kind, text, path(&section), span.clone());
                b.refs = refs;
                b.sources.clone_from(&piece.marked.sources);
                if b.text.is_empty() && body_numbers.is_empty() {
                    continue;
                }
                out.push(b);
                for (k, n) in body_numbers {
                    let text =
                        markers::normalize(piece.marked.bodies.get(k).map_or("", String::as_str));
                    bodies_seen.push(text.clone());
                    let mut f = block(PassageKind::Footnote, text, path(&section), span.clone());
                    f.number = Some(n);
                    out.push(f);
                }
            }
            Role::PageBreak => {}
        }
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

/// A footnote body the export printed without its opening marker: a repeat of
/// a body already read is dropped; a new one becomes the next footnote, cited
/// by the paragraph before it.
fn attach_orphan(
    out: &mut Vec<Block>,
    seen: &mut Vec<String>,
    next: &mut u32,
    piece: &Piece,
    section: &[String],
) {
    let text = markers::normalize(&piece.marked.text);
    if text.is_empty() || seen.iter().any(|b| b == &text) {
        return;
    }
    let Some(citing) = out
        .iter_mut()
        .rev()
        .find(|b| b.kind == PassageKind::Paragraph)
    else {
        return;
    };
    citing.refs.push(next.to_string());
    let mut f = block(
        PassageKind::Footnote,
        text.clone(),
        section.to_vec(),
        piece.span.clone(),
    );
    f.number = Some(*next);
    *next += 1;
    seen.push(text);
    out.push(f);
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

fn block(kind: PassageKind, text: String, section: Vec<String>, span: Range<usize>) -> Block {
    Block {
        kind,
        text,
        section,
        refs: Vec::new(),
        number: None,
        sources: Vec::new(),
        span,
    }
}

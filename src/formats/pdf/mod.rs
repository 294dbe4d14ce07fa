//! PDF: a file's bytes → raw blocks, with the page each starts on, and the
//! metadata the file carries.
//!
//! In: the bytes of a PDF. Out: the document's metadata and its blocks in
//! the segmenter's model (headings, paragraphs, list items, tables, note
//! bodies with their labels, furniture), every block with its page (the
//! physical page, 1-based, as a PDF viewer numbers it); or why the file
//! cannot be read ([`Unreadable`]). Pages are read apart; the segmenter's
//! stitcher joins paragraphs across page breaks, which every page's last
//! block (furniture, or an empty rule) marks.
//!
//! The modules, one job each: `extract` (the library: runs per page, raw
//! metadata, panics caught per page), `lines` (runs → lines, raised
//! markers), `style` (body size, line spacing, heading sizes), `furniture`
//! (running headers and footers, page numbers), `columns` (reading order),
//! `notes` (note labels and markers), `text` (a block's lines → its text),
//! `blocks` (lines → blocks), `front` (kicker and printed date), `meta`
//! (Info dictionary and XMP).
//!
//! Not read: link annotations (the text of a link is kept, not where it
//! points), `/Rotate` and `/CropBox` (positions are taken unrotated, in the
//! media box), vertical writing, text drawn as images (a scanned page has
//! no text: see [`Unreadable::NoText`]).

mod blocks;
mod columns;
mod extract;
mod front;
mod furniture;
mod lines;
mod meta;
mod notes;
mod style;
mod text;

use std::collections::HashSet;

use blocks::{Block, Context};
use lines::PageLines;
use notes::Label;
use style::Style;

use crate::model::DocMeta;
use crate::segment::{Inline, RawBlock};

/// Why a PDF cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Encrypted with a user password.
    Encrypted,
    /// No page has text: scanned images that need OCR.
    NoText,
    /// Damaged, or not a PDF: why.
    Corrupt(String),
}

/// A PDF, read.
#[derive(Debug)]
pub(crate) struct Pdf {
    /// What its Info dictionary and XMP packet say, and the date it prints.
    pub meta: DocMeta,
    /// Its blocks in reading order.
    pub blocks: Vec<RawBlock>,
    /// Pages without text (scanned pages among text ones), left out.
    pub pages_without_text: usize,
    /// Pages the library failed on, left out (or cut short).
    pub failed_pages: usize,
}

impl Pdf {
    /// What was left out, one line each.
    pub(crate) fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let pages = |n: usize| if n == 1 { "page" } else { "pages" };
        if self.pages_without_text > 0 {
            out.push(format!(
                "{} {} without a text layer (scanned) skipped (hint: run OCR on it first, e.g. `ocrmypdf`)",
                self.pages_without_text,
                pages(self.pages_without_text)
            ));
        }
        if self.failed_pages > 0 {
            out.push(format!(
                "{} damaged {} skipped or cut short",
                self.failed_pages,
                pages(self.failed_pages)
            ));
        }
        out
    }
}

/// Reads a PDF.
pub(crate) fn read(bytes: &[u8]) -> Result<Pdf, Unreadable> {
    let text = extract::read(bytes).map_err(|f| match f {
        extract::Failure::Encrypted => Unreadable::Encrypted,
        extract::Failure::Unreadable(why) => Unreadable::Corrupt(why),
    })?;
    let pages: Vec<PageLines> = text
        .pages
        .iter()
        .filter(|p| p.has_text())
        .map(PageLines::of)
        .collect();
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(if text.failed_pages > 0 {
            Unreadable::Corrupt("no page could be read".to_string())
        } else {
            Unreadable::NoText
        });
    }
    let mut meta = meta::read(&text.meta);
    let mut blocks = document_blocks(&pages);
    front::read(&mut blocks, &mut meta);
    Ok(Pdf {
        meta,
        blocks: blocks.into_iter().map(raw).collect(),
        pages_without_text: text.pages.len() - pages.len(),
        failed_pages: text.failed_pages,
    })
}

/// Every page's blocks, in order.
fn document_blocks(pages: &[PageLines]) -> Vec<Block> {
    let style = Style::of(pages);
    let furniture = furniture::find(pages, &style);
    let markers = notes::marker_labels(pages, &style);
    let bodies: HashSet<Label> = pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| style.is_small(l))
        .filter_map(|l| notes::opening_label(l).map(|(label, _, _)| label))
        .filter(|label| markers.contains(label))
        .collect();
    let ctx = Context {
        style: &style,
        markers: &markers,
        bodies: &bodies,
    };
    pages
        .iter()
        .zip(&furniture)
        .flat_map(|(page, furniture)| blocks::page_blocks(page, furniture, &ctx))
        .collect()
}

fn raw(block: Block) -> RawBlock {
    let mut raw = RawBlock::new(
        0..0,
        block.shape,
        Inline {
            text: block.text,
            links: Vec::new(),
        },
    );
    raw.page = Some(block.page);
    raw.typeset = true;
    raw
}

#[cfg(test)]
mod tests;

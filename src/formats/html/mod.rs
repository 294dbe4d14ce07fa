//! HTML pages: a saved web page or an HTML export → its blocks and the
//! metadata its head carries.
//!
//! In: the bytes of an HTML file (a whole page or a fragment). Out:
//! [`Content::Blocks`]: a [`Document`] whose blocks are the page's
//! headings, paragraphs, list items, quotes, captions, tables and note
//! bodies in reading order, note references written as markers, and whose
//! spans are the source lines each block was read from. The stages, each
//! in its own module: `decode` (bytes → text, the encoding a page declares),
//! `dom` (html5ever's HTML5 tree construction into a small arena), `meta`
//! (`<meta>` tags, `<title>`, JSON-LD), `notes` and `labels` (references,
//! bodies and the labels that tie them), `chrome` (what the markup marks as
//! not content), `display`, `tables` and `text` (layout), and `walk` (the
//! tree → blocks). Headings levels, chrome lines, titles, dates and note
//! linking are the segmenter's, as for every format.

mod chrome;
mod decode;
mod display;
mod dom;
mod labels;
mod meta;
mod notes;
mod tables;
mod text;
mod walk;

use super::content::{Content, Document, Skip};
use crate::segment::Continuity;

/// Reads an HTML file.
pub(crate) fn read(bytes: &[u8]) -> Result<Content, Skip> {
    let source = decode::decode(bytes)?;
    let dom = dom::Dom::parse(&source.text);
    let notes = notes::Notes::find(&dom);
    let blocks = walk::blocks(&dom, &notes, &source.line_starts, source.len);
    Ok(Content::Blocks(Document {
        meta: meta::read(&dom),
        blocks,
        line_starts: source.line_starts,
        continuity: Continuity::Whole,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[ignore = "prints the raw blocks of $HTML_FILE"]
    #[expect(clippy::print_stdout, reason = "a debugging aid run by hand")]
    fn print_raw_blocks() {
        let path = std::env::var("HTML_FILE").expect("HTML_FILE");
        let Ok(Content::Blocks(doc)) = read(&std::fs::read(path).expect("readable")) else {
            panic!("not read");
        };
        println!("{:?}", doc.meta);
        for b in &doc.blocks {
            println!("{:?} {:?} {:?}", b.shape, b.span, b.inline.text);
        }
    }
}

//! Format readers: a file's bytes → its text or its blocks, and the metadata
//! the file itself carries.
//!
//! In: a file name and its bytes. Out: [`Content`]: text for the segmenter
//! to read (plain text and markdown, front matter cut off), or the blocks
//! of a format whose markup states its structure (HTML, Word, PDF), in the
//! segmenter's block model; or why the file cannot be read ([`Skip`]). The
//! format is known from the content first (`%PDF`, a zip holding
//! `word/document.xml`, an HTML tag), then from the extension. Everything
//! after this stage (stitching, footnote linking, sections, passages) is the
//! same for every format.

mod content;
mod docx;
mod front_matter;
mod html;
mod pdf;
mod text;

use std::fmt::{self, Write as _};

use crate::model::DocMeta;
use crate::segment::{self, Continuity, Syntax};
pub(crate) use content::{Content, Document, Skip};

/// Version of what reading a file means (readers, segmenter, extractors):
/// bump it when a change should make `dossier update` read files again.
const READER_VERSION: u32 = 1;

/// Whether a file recorded as read by `reader` (`pdf/1`) was read as this
/// dossier reads it (a skipped file, recorded without a reader, counts).
pub(crate) fn reader_is_current(reader: &str) -> bool {
    reader.is_empty()
        || reader
            .rsplit_once('/')
            .is_some_and(|(_, v)| v == READER_VERSION.to_string())
}

/// The kinds of file dossier reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Format {
    /// Plain text, including markdown-ish exports named `.txt`.
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// An HTML page or fragment.
    Html,
    /// A Word document (`.docx`).
    Docx,
    /// A PDF.
    Pdf,
}

impl Format {
    /// The name ingest summaries and `docs` use.
    /// The reader and its version, as the library records it (`pdf/1`): a
    /// file read by another version is read again by `dossier update`.
    pub(crate) fn reader(self) -> String {
        format!("{}/{READER_VERSION}", self.name())
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file name's extension announces, if dossier reads it.
    pub(crate) fn of_extension(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            _ => return None,
        })
    }

    /// The format of a file: what its first bytes say, else its extension.
    pub(crate) fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF-") {
            return Some(Format::Pdf);
        }
        let by_extension = Format::of_extension(name);
        if bytes.starts_with(b"PK\x03\x04") {
            // A zip: a Word document, or something dossier does not read.
            return (by_extension == Some(Format::Docx)).then_some(Format::Docx);
        }
        if by_extension.is_none() && text::looks_like_html(bytes) {
            return Some(Format::Html);
        }
        by_extension
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads a file of a known format.
pub(crate) fn read(format: Format, bytes: Vec<u8>) -> Result<Content, Skip> {
    match format {
        Format::Text | Format::Markdown => text::read(bytes, format == Format::Markdown),
        Format::Docx => match docx::read(&bytes) {
            Ok((meta, blocks)) => Ok(Content::Blocks(Document {
                meta,
                blocks,
                line_starts: Vec::new(),
                continuity: Continuity::Whole,
                warnings: Vec::new(),
            })),
            Err(docx::Unreadable::Encrypted) => Err(Skip::Encrypted),
            Err(docx::Unreadable::Corrupt(why)) => Err(Skip::Corrupt(why)),
        },
        Format::Pdf => match pdf::read(&bytes) {
            Ok(pdf) => Ok(Content::Blocks(Document {
                warnings: pdf.warnings(),
                meta: pdf.meta,
                blocks: pdf.blocks,
                line_starts: Vec::new(),
                continuity: Continuity::CutByPages,
            })),
            Err(pdf::Unreadable::Encrypted) => Err(Skip::Encrypted),
            Err(pdf::Unreadable::NoText) => Err(Skip::NoTextLayer),
            Err(pdf::Unreadable::Corrupt(why)) => Err(Skip::Corrupt(why)),
        },
        Format::Html => html::read(&bytes),
    }
}

/// A file as ingest reads it, in the segmenter's review format, one passage
/// per line (`dossier debug segment`, snapshot tests): the metadata the file
/// itself carries first, then each report.
pub fn review(name: &str, bytes: Vec<u8>) -> String {
    let Some(format) = Format::detect(name, &bytes) else {
        return "not a report format dossier reads\n".to_string();
    };
    let mut warnings = Vec::new();
    let (meta, reports) = match read(format, bytes) {
        Ok(Content::Text {
            text,
            body_start,
            markdown,
            meta,
        }) => {
            let syntax = if markdown {
                Syntax::Markdown
            } else {
                Syntax::Detect
            };
            (meta, segment::segment_text(&text, body_start, syntax))
        }
        Ok(Content::Blocks(doc)) => {
            warnings = doc.warnings;
            (
                doc.meta,
                vec![segment::segment_blocks(doc.blocks, 0..0, doc.continuity)],
            )
        }
        Err(skip) => return format!("skipped: {skip}\n"),
    };
    let mut out = String::new();
    if meta != DocMeta::default() {
        let _ = writeln!(
            out,
            "== file {format} title={:?} date={:?} authors={:?} publisher={:?}",
            meta.title,
            meta.published.map(|d| d.to_string()),
            meta.authors,
            meta.publisher
        );
    }
    for w in warnings {
        let _ = writeln!(out, "== warning {w}");
    }
    out.push_str(&segment::review(&reports));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_content_then_extension() {
        let cases: [(&str, &[u8], Option<Format>); 10] = [
            ("report.pdf", b"%PDF-1.7 ...", Some(Format::Pdf)),
            ("report.txt", b"%PDF-1.4 misnamed", Some(Format::Pdf)),
            ("brief.docx", b"PK\x03\x04 zip", Some(Format::Docx)),
            ("sheet.xlsx", b"PK\x03\x04 zip", None),
            ("page.html", b"<html><body>", Some(Format::Html)),
            ("saved", b"<!DOCTYPE html><html>", Some(Format::Html)),
            ("notes.md", b"# Title", Some(Format::Markdown)),
            ("notes.TXT", b"Plain", Some(Format::Text)),
            ("photo.jpg", b"\xff\xd8\xff", None),
            ("README", b"Plain words", None),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(Format::detect(name, bytes), want, "{name}");
        }
    }
}

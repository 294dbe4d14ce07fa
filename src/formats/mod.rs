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

mod docx;
mod front_matter;
mod text;

use std::fmt::{self, Write as _};

use crate::model::DocMeta;
use crate::segment::{self, RawBlock, Syntax};

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

/// A file's content, read.
#[derive(Debug)]
pub(crate) enum Content {
    /// Text for the segmenter, with what its front matter said.
    Text {
        /// The whole file as text.
        text: String,
        /// Where the report text starts (after front matter).
        body_start: usize,
        /// Whether to read it as markdown whatever it looks like.
        markdown: bool,
        /// Metadata from front matter.
        meta: DocMeta,
    },
    /// Blocks read from a structured format.
    Blocks(Document),
}

/// A structured document: the blocks its markup states, and its metadata.
#[derive(Debug, Default)]
pub(crate) struct Document {
    /// What the file's own metadata says (title, authors, date…).
    pub meta: DocMeta,
    /// Blocks in reading order.
    pub blocks: Vec<RawBlock>,
    /// Byte offsets where the source's lines start, when the blocks' spans
    /// are byte ranges of a text source (HTML); empty otherwise.
    pub line_starts: Vec<usize>,
}

/// Why a file is not read.
#[derive(Debug)]
pub(crate) enum Skip {
    /// Text in an encoding dossier does not read.
    NotUtf8,
    /// A format dossier does not read yet.
    Unsupported(Format),
    /// A PDF whose pages are images: it needs OCR.
    #[expect(dead_code, reason = "the PDF reader (issue 11) reports it")]
    NoTextLayer,
    /// Encrypted with a password.
    Encrypted,
    /// The file is damaged or not what its name says.
    Corrupt(String),
    /// The operating system refused.
    Io(std::io::Error),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::NotUtf8 => f.write_str(
                "not UTF-8 text, skipped (hint: convert it with `iconv -t UTF-8` or export it as text)",
            ),
            Skip::Unsupported(format) => write!(f, "{format} files are not read yet, skipped"),
            Skip::NoTextLayer => f.write_str(
                "no text layer (a scanned PDF), skipped (hint: run OCR on it first, e.g. `ocrmypdf`)",
            ),
            Skip::Encrypted => f.write_str("encrypted, skipped (hint: save an unprotected copy)"),
            Skip::Corrupt(why) => write!(f, "damaged or not a valid file ({why}), skipped"),
            Skip::Io(e) => write!(f, "{e}, skipped"),
        }
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
            })),
            Err(docx::Unreadable::Encrypted) => Err(Skip::Encrypted),
            Err(docx::Unreadable::Corrupt(why)) => Err(Skip::Corrupt(why)),
        },
        other => Err(Skip::Unsupported(other)),
    }
}

/// A file as ingest reads it, in the segmenter's review format, one passage
/// per line (`dossier debug segment`, snapshot tests): the metadata the file
/// itself carries first, then each report.
pub fn review(name: &str, bytes: Vec<u8>) -> String {
    let Some(format) = Format::detect(name, &bytes) else {
        return "not a report format dossier reads\n".to_string();
    };
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
        Ok(Content::Blocks(doc)) => (doc.meta, vec![segment::segment_blocks(doc.blocks, 0..0)]),
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

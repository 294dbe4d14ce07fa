//! The PDF library's side: a file's bytes → the positioned text runs of
//! each page, and the raw metadata (Info dictionary strings, XMP packet).
//!
//! In: the bytes of a PDF. Out: a [`PdfText`]: per page its size and its
//! [`Run`]s (consecutive characters on one baseline, in one font and size,
//! with no jump between them), in content-stream order; or why the file
//! cannot be opened ([`Failure`]). pdf-extract (vendored, patched to report
//! font names) interprets the content streams and lopdf opens the file,
//! decrypting it when its user password is empty. The library panics on
//! some damaged files: each page is read under `catch_unwind`, and a page
//! that fails is counted and left out. Coordinates are PDF points from the
//! media box's lower-left corner, y up, `y` the baseline; `/Rotate` and
//! `/CropBox` are not applied. What the runs mean is for `lines` and `layout`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document, Object};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// Consecutive characters on one baseline in one font and size.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Run {
    /// Left edge of the first character.
    pub x: f32,
    /// Baseline (text rise included: a raised marker has a higher `y`).
    pub y: f32,
    /// Effective size: the font size times the text matrix's vertical scale.
    pub size: f32,
    /// Set in a bold face (`-Bold`, `Black`, `Heavy`, `Semibold`, `Demi`).
    pub bold: bool,
    /// Set in an italic or oblique face.
    pub italic: bool,
    /// Advance of the whole run.
    pub width: f32,
    /// The characters.
    pub text: String,
}

impl Run {
    /// Right edge.
    pub(super) fn end(&self) -> f32 {
        self.x + self.width
    }
}

/// One page's runs.
#[derive(Debug, Clone, Default)]
pub(super) struct Page {
    /// 1-based page number, in file order.
    pub number: u32,
    /// Media box width, points.
    pub width: f32,
    /// Media box height, points.
    pub height: f32,
    /// Runs in content-stream order.
    pub runs: Vec<Run>,
}

impl Page {
    /// False for a page without text (a scanned image): it needs OCR.
    pub(super) fn has_text(&self) -> bool {
        self.runs.iter().any(|r| !r.text.trim().is_empty())
    }
}

/// The metadata strings as the file writes them.
#[derive(Debug, Clone, Default)]
pub(super) struct RawMeta {
    /// Info `/Title`.
    pub title: Option<String>,
    /// Info `/Author`.
    pub author: Option<String>,
    /// Info `/CreationDate` (`D:20200504120000+02'00'`).
    pub created: Option<String>,
    /// The XMP packet of the catalog's `/Metadata` stream.
    pub xmp: Option<String>,
}

/// What a PDF holds as text.
#[derive(Debug, Default)]
pub(super) struct PdfText {
    /// Metadata strings.
    pub meta: RawMeta,
    /// Pages read, in order.
    pub pages: Vec<Page>,
    /// Pages the library failed on (an error or a panic), left out.
    pub failed_pages: usize,
}

/// Why a PDF cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Failure {
    /// Encrypted with a user password.
    Encrypted,
    /// Not a PDF, truncated beyond repair, or the library failed: why.
    Unreadable(String),
}

/// Reads every page's runs and the metadata. Never panics.
pub(super) fn read(bytes: &[u8]) -> Result<PdfText, Failure> {
    catch_unwind(AssertUnwindSafe(|| read_document(bytes))).unwrap_or_else(|p| {
        Err(Failure::Unreadable(format!(
            "the PDF reader failed: {}",
            panic_message(p.as_ref())
        )))
    })
}

fn read_document(bytes: &[u8]) -> Result<PdfText, Failure> {
    // `load_mem` decrypts a file whose user password is empty (AES and RC4 alike).
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) => Failure::Encrypted,
        e => Failure::Unreadable(e.to_string()),
    })?;
    if doc.is_encrypted() {
        return Err(Failure::Encrypted);
    }
    let meta = metadata(&doc);
    let mut collector = Collector::default();
    let mut failed_pages = 0;
    for &number in doc.get_pages().keys() {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut collector, number)
        }));
        if !matches!(outcome, Ok(Ok(()))) {
            // What the page drew before it failed is kept: a page that
            // breaks on its last operator has most of its text.
            collector.flush();
            failed_pages += 1;
        }
    }
    Ok(PdfText {
        meta,
        pages: collector.pages,
        failed_pages,
    })
}

/// Font names that say bold.
const BOLD_MARKS: [&str; 6] = ["bold", "black", "heavy", "semibold", "demi", "-bd"];
/// Font names that say italic.
const ITALIC_MARKS: [&str; 3] = ["italic", "oblique", "-it"];
/// Runs on one baseline closer than this (in ems) join into one run.
const JOIN_GAP_EM: f32 = 0.1;
/// Baselines and sizes closer than this (points) are the same.
const SAME: f32 = 0.05;

/// Receives pdf-extract's characters and joins them into runs.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    origin: (f64, f64),
    font: String,
    bold: bool,
    italic: bool,
    run: Option<Run>,
}

impl Collector {
    fn flush(&mut self) {
        if let (Some(run), Some(page)) = (self.run.take(), self.pages.last_mut()) {
            page.runs.push(run);
        }
    }
}

impl OutputDev for Collector {
    fn set_font(&mut self, base_font: &str) -> Result<(), OutputError> {
        // `ABCDEF+Name`: a subset's tag is not part of the name.
        let name = match base_font.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => {
                rest
            }
            _ => base_font,
        };
        if name != self.font {
            let lower = name.to_ascii_lowercase();
            self.bold = BOLD_MARKS.iter().any(|w| lower.contains(w));
            self.italic = ITALIC_MARKS.iter().any(|w| lower.contains(w));
            name.clone_into(&mut self.font);
        }
        Ok(())
    }

    fn begin_page(
        &mut self,
        number: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flush();
        self.origin = (media_box.llx, media_box.lly);
        self.pages.push(Page {
            number,
            width: (media_box.urx - media_box.llx).abs() as f32,
            height: (media_box.ury - media_box.lly).abs() as f32,
            runs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        // `trm` is the text rendering matrix without the font size (rise and
        // horizontal scaling are in it).
        let size = (font_size * trm.m21.hypot(trm.m22)) as f32;
        let advance = (width * font_size * trm.m11.hypot(trm.m12)) as f32;
        let x = (trm.m31 - self.origin.0) as f32;
        let y = (trm.m32 - self.origin.1) as f32;
        if !(x.is_finite() && y.is_finite() && size.is_finite() && advance.is_finite()) {
            return Ok(());
        }
        let continues = self.run.as_ref().is_some_and(|r| {
            r.bold == self.bold
                && r.italic == self.italic
                && (r.size - size).abs() < SAME
                && (r.y - y).abs() < SAME
                && (x - r.end()).abs() < JOIN_GAP_EM * size
        });
        if !continues {
            self.flush();
            self.run = Some(Run {
                x,
                y,
                size,
                bold: self.bold,
                italic: self.italic,
                width: 0.0,
                text: String::new(),
            });
        }
        if let Some(r) = self.run.as_mut() {
            r.text.push_str(ch);
            r.width = (x + advance - r.x).max(r.width);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The Info dictionary's strings and the XMP packet.
fn metadata(doc: &Document) -> RawMeta {
    let text = |o: &Object| {
        doc.dereference(o)
            .ok()
            .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
            .filter(|s| !s.trim().is_empty())
    };
    let mut meta = RawMeta::default();
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    if let Some(info) = info {
        let get = |key: &[u8]| info.get(key).ok().and_then(text);
        meta.title = get(b"Title");
        meta.author = get(b"Author");
        meta.created = get(b"CreationDate");
    }
    meta.xmp = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .map(|s| {
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            String::from_utf8_lossy(&content).into_owned()
        });
    meta
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

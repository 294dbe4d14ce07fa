//! The Word package: a .docx file's bytes → the XML parts dossier reads.
//!
//! In: the file's bytes. Out: a [`Package`] that hands out parts by name,
//! as text, and [`Relationships`]: the package's own (`_rels/.rels`, which
//! names the main document part and the core properties) and each part's
//! (`word/_rels/document.xml.rels`: the styles and notes parts, hyperlink
//! targets). Or why the file cannot be read: an OLE compound file is how
//! Word saves a password-protected document ([`Unreadable::Encrypted`]);
//! anything else that is not a zip holding a document part is
//! [`Unreadable::Corrupt`]. A part is read to at most [`MAX_PART_BYTES`]
//! uncompressed, so a zip bomb costs at most that much memory per part.
//! What the parts say is the other modules' job.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use zip::ZipArchive;
use zip::result::ZipError;

use super::error::Unreadable;
use super::xml;

/// The most a part may hold uncompressed: far above any real document
/// (the XML of a 500-page report is a few MB), far below what would
/// exhaust memory. A larger part makes the file unreadable.
pub(super) const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;

/// The first bytes of an OLE compound file.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The stream an encrypted Office document keeps its zip in, as its
/// UTF-16 name appears in the compound file's directory.
const ENCRYPTED_PACKAGE: &str = "EncryptedPackage";

/// Where the main document part is when `_rels/.rels` does not say.
const DEFAULT_MAIN_PART: &str = "word/document.xml";

/// An open Word package.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// The most a part may hold uncompressed ([`MAX_PART_BYTES`]; less in tests).
    max_part: u64,
}

impl<'a> Package<'a> {
    /// Opens a package; an OLE compound file is an encrypted document (or
    /// a Word 97–2003 file named .docx).
    pub(super) fn open(bytes: &'a [u8]) -> Result<Package<'a>, Unreadable> {
        Package::with_limit(bytes, MAX_PART_BYTES)
    }

    /// Opens a package whose parts may hold at most `max_part` bytes.
    pub(super) fn with_limit(bytes: &'a [u8], max_part: u64) -> Result<Package<'a>, Unreadable> {
        if bytes.starts_with(OLE_MAGIC) {
            return Err(ole(bytes));
        }
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Unreadable::Corrupt(format!("not a readable zip archive: {e}")))?;
        Ok(Package { zip, max_part })
    }

    /// The name of the main document part: what `_rels/.rels` names, else
    /// `word/document.xml`; an error when the package has none.
    pub(super) fn main_part(&mut self) -> Result<String, Unreadable> {
        let rels = self.relationships("")?;
        let named = rels.part("officeDocument").map(str::to_string);
        for name in named.iter().map(String::as_str).chain([DEFAULT_MAIN_PART]) {
            if self.index_of(name).is_some() {
                return Ok(name.to_string());
            }
        }
        Err(Unreadable::Corrupt(
            "a zip without word/document.xml: not a Word document".into(),
        ))
    }

    /// A part's text; `None` when the package has no such part.
    pub(super) fn text(&mut self, name: &str) -> Result<Option<String>, Unreadable> {
        let Some(index) = self.index_of(name) else {
            return Ok(None);
        };
        let corrupt = |e: &dyn std::fmt::Display| Unreadable::Corrupt(format!("{name}: {e}"));
        let mut file = self.zip.by_index(index).map_err(|e| match e {
            ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)
            | ZipError::InvalidPassword => Unreadable::Encrypted,
            other => corrupt(&other),
        })?;
        let max = self.max_part;
        let too_big = || corrupt(&format!("over {max} bytes uncompressed"));
        if file.size() > max {
            return Err(too_big());
        }
        let mut bytes = Vec::with_capacity(file.size() as usize);
        // The declared size may lie: read one byte past the cap to know.
        (&mut file)
            .take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| corrupt(&e))?;
        if bytes.len() as u64 > max {
            return Err(too_big());
        }
        xml::decode(name, bytes).map(Some)
    }

    /// The relationships of a part (`""` for the package's own), with
    /// internal targets resolved to part names.
    pub(super) fn relationships(&mut self, part: &str) -> Result<Relationships, Unreadable> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        match self.text(&name)? {
            Some(text) => Relationships::parse(&name, &text, dir),
            None => Ok(Relationships::default()),
        }
    }

    /// The index of a part; part names are case-insensitive.
    fn index_of(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name).or_else(|| {
            let names: Vec<String> = self
                .zip
                .file_names()
                .filter_map(Result::ok)
                .map(std::borrow::Cow::into_owned)
                .collect();
            names
                .iter()
                .find(|n| n.eq_ignore_ascii_case(name))
                .and_then(|n| self.zip.index_for_name(n))
        })
    }
}

/// What an OLE compound file named .docx is.
fn ole(bytes: &[u8]) -> Unreadable {
    let utf16: Vec<u8> = ENCRYPTED_PACKAGE
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(utf16.len()).any(|w| w == utf16.as_slice()) {
        Unreadable::Encrypted
    } else {
        Unreadable::Corrupt("an OLE compound file, not a .docx (a Word 97-2003 .doc?)".into())
    }
}

/// One relationship: its id, the last segment of its type
/// (`officeDocument`, `footnotes`, `hyperlink`) and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Relationship {
    id: String,
    kind: String,
    /// A part name for internal targets, the address as written for external ones.
    target: String,
}

/// A part's relationships.
#[derive(Debug, Default)]
pub(super) struct Relationships {
    all: Vec<Relationship>,
}

impl Relationships {
    /// Reads a `.rels` part; `dir` is the folder of the part it describes.
    pub(super) fn parse(name: &str, text: &str, dir: &str) -> Result<Relationships, Unreadable> {
        let mut reader = xml::reader(text);
        let mut all = Vec::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e))
                    if e.local_name().as_ref() == "Relationship" =>
                {
                    let (Some(id), Some(kind), Some(target)) = (
                        xml::attr(&e, "Id"),
                        xml::attr(&e, "Type"),
                        xml::attr(&e, "Target"),
                    ) else {
                        continue;
                    };
                    let external = xml::attr(&e, "TargetMode").as_deref() == Some("External");
                    let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                    let target = if external {
                        target
                    } else {
                        resolve(dir, &target)
                    };
                    all.push(Relationship { id, kind, target });
                }
                Ok(Event::Eof) => break,
                Err(e) => return Err(xml::broken(name, &reader, &e)),
                Ok(_) => {}
            }
        }
        Ok(Relationships { all })
    }

    /// The target of the first relationship of a kind (`footnotes`).
    pub(super) fn part(&self, kind: &str) -> Option<&str> {
        self.all
            .iter()
            .find(|r| r.kind.eq_ignore_ascii_case(kind))
            .map(|r| r.target.as_str())
    }

    /// The address of a hyperlink relationship.
    pub(super) fn hyperlink(&self, id: &str) -> Option<&str> {
        self.all
            .iter()
            .find(|r| r.id == id && r.kind == "hyperlink")
            .map(|r| r.target.as_str())
    }
}

/// A relative target (`footnotes.xml`, `../customXml/item1.xml`, `/word/x.xml`)
/// as a part name.
fn resolve(dir: &str, target: &str) -> String {
    let (mut parts, rest): (Vec<&str>, &str) = match target.strip_prefix('/') {
        Some(absolute) => (Vec::new(), absolute),
        None => (dir.split('/').filter(|s| !s.is_empty()).collect(), target),
    };
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_to_part_names() {
        let cases = [
            ("word", "footnotes.xml", "word/footnotes.xml"),
            ("word", "/word/styles.xml", "word/styles.xml"),
            ("word", "../docProps/core.xml", "docProps/core.xml"),
            ("", "word/document.xml", "word/document.xml"),
            ("", "./word/document2.xml", "word/document2.xml"),
        ];
        for (dir, target, want) in cases {
            assert_eq!(resolve(dir, target), want, "{dir} {target}");
        }
    }

    #[test]
    fn relationships_by_kind_and_id() {
        let xml = r#"<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/footnotes" Target="notes/foot.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a?b=1&amp;c=2" TargetMode="External"/>
</Relationships>"#;
        let rels = Relationships::parse("r", xml, "word").expect("parses");
        assert_eq!(rels.part("styles"), Some("word/styles.xml"));
        assert_eq!(rels.part("footnotes"), Some("word/notes/foot.xml"));
        assert_eq!(rels.part("endnotes"), None);
        assert_eq!(
            rels.hyperlink("rId9"),
            Some("https://example.org/a?b=1&c=2")
        );
        assert_eq!(rels.hyperlink("rId1"), None);
    }

    #[test]
    fn ole_files_are_encrypted_documents_or_old_word_files() {
        let mut encrypted = OLE_MAGIC.to_vec();
        encrypted.extend(b"\0\0E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0\0\0");
        assert!(matches!(
            Package::open(&encrypted),
            Err(Unreadable::Encrypted)
        ));
        let mut old = OLE_MAGIC.to_vec();
        old.extend(b"\0\0W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0");
        assert!(matches!(Package::open(&old), Err(Unreadable::Corrupt(_))));
        assert!(matches!(
            Package::open(b"PK\x03\x04junk"),
            Err(Unreadable::Corrupt(_))
        ));
    }
}

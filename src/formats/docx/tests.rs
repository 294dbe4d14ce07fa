//! Unit tests of the Word reader as a whole: packages built in memory →
//! blocks and metadata, unreadable files → why, and no panic on damaged
//! input.

use std::io::Write as _;

use zip::write::SimpleFileOptions;

use super::*;
use crate::segment::{NoteLabel, Shape, note_marker};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>
</Relationships>"#;

const FOOTNOTE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/data" TargetMode="External"/>
</Relationships>"#;

const DOCUMENT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w" xmlns:r="r"><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Method</w:t></w:r></w:p>
<w:p><w:r><w:t>Counts were checked</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> twice</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
</w:body></w:document>"#;

const FOOTNOTES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="w" xmlns:r="r">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>the data</w:t></w:r></w:hyperlink></w:p></w:footnote>
</w:footnotes>"#;

const ENDNOTES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:endnotes xmlns:w="w">
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>Field notes.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"#;

const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="cp" xmlns:dc="dc" xmlns:dcterms="dcterms"><dc:title>Checking Counts</dc:title><dc:creator>Lena Park</dc:creator><cp:lastModifiedBy>Copy Desk</cp:lastModifiedBy><dcterms:modified>2022-06-30T08:00:00Z</dcterms:modified></cp:coreProperties>"#;

/// A zip of these parts.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        out.start_file(*name, options).expect("starts a part");
        out.write_all(text.as_bytes()).expect("writes a part");
    }
    out.finish().expect("finishes the zip").into_inner()
}

/// A whole document, its main part at a name only `_rels/.rels` gives.
fn sample() -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/main.xml", DOCUMENT),
        ("word/_rels/main.xml.rels", DOCUMENT_RELS),
        ("word/footnotes.xml", FOOTNOTES),
        ("word/_rels/footnotes.xml.rels", FOOTNOTE_RELS),
        ("word/endnotes.xml", ENDNOTES),
        ("docProps/core.xml", CORE),
    ])
}

#[test]
fn a_document_with_notes_and_properties() {
    let (meta, blocks) = read(&sample()).expect("reads");
    assert_eq!(meta.title, "Checking Counts");
    assert_eq!(meta.authors, ["Lena Park"]);
    assert_eq!(
        meta.published.map(|d| d.to_string()).as_deref(),
        Some("2022-06-30")
    );
    let got: Vec<(&Shape, &str)> = blocks.iter().map(|b| (&b.shape, b.text())).collect();
    let body = format!(
        "Counts were checked{} twice{}.",
        note_marker("1"),
        note_marker("2")
    );
    assert_eq!(got[0].1, "Method");
    assert_eq!(got[1], (&Shape::Para, body.as_str()));
    assert_eq!(got[2], (&Shape::Note(NoteLabel::Number(1)), "See the data"));
    assert_eq!(got[3], (&Shape::Note(NoteLabel::Number(2)), "Field notes."));
    let link = &blocks[2].inline.links[0];
    assert_eq!(&blocks[2].text()[link.range.clone()], "the data");
    assert_eq!(link.dest, "https://example.org/data");
    assert!(blocks.iter().all(|b| b.span.is_empty() && b.page.is_none()));
}

#[test]
fn unreadable_files_say_why() {
    let corrupt = |bytes: &[u8]| match read(bytes) {
        Err(Unreadable::Corrupt(why)) => why,
        other => panic!("{other:?}"),
    };
    assert!(corrupt(b"PK\x03\x04 not really a zip").contains("zip"));
    assert!(corrupt(&zip_of(&[("xl/workbook.xml", "<workbook/>")])).contains("word/document.xml"));
    let broken = zip_of(&[("word/document.xml", "<w:document><w:body><w:p>")]);
    assert!(corrupt(&broken).contains("word/document.xml"));
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(matches!(read(&encrypted), Err(Unreadable::Encrypted)));
}

#[test]
fn parts_over_the_limit_are_refused() {
    let bytes = zip_of(&[("word/document.xml", &"<a/>".repeat(300))]);
    let mut package = Package::with_limit(&bytes, 1000).expect("opens");
    assert!(
        matches!(package.text("word/document.xml"), Err(Unreadable::Corrupt(why)) if why.contains("over 1000"))
    );
    let mut package = Package::with_limit(&bytes, 1200).expect("opens");
    assert!(package.text("word/document.xml").is_ok_and(|t| t.is_some()));
    assert!(package.text("word/missing.xml").is_ok_and(|t| t.is_none()));
}

#[test]
fn part_names_are_case_insensitive() {
    let bytes = zip_of(&[("Word/Document.XML", DOCUMENT)]);
    let (_, blocks) = read(&bytes).expect("reads");
    assert_eq!(blocks[0].text(), "Method");
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn damaged_input_never_panics() {
    let good = sample();
    let mut noise = Noise(0x5eed_1234_abcd_0001);
    // Truncations at every length band.
    for cut in (0..good.len()).step_by(7) {
        let _ = read(&good[..cut]);
    }
    // Random bytes, with and without a zip signature.
    for i in 0..200 {
        let len = noise.below(600);
        let mut bytes: Vec<u8> = (0..len).map(|_| noise.next() as u8).collect();
        if i % 2 == 0 {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        let _ = read(&bytes);
    }
    // Flipped bytes in a valid package, and damaged XML in stored parts.
    for _ in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..=noise.below(4) {
            let at = noise.below(bytes.len());
            bytes[at] ^= 1 << noise.below(8);
        }
        let _ = read(&bytes);
    }
    for _ in 0..200 {
        let mut xml: Vec<char> = DOCUMENT.chars().collect();
        for _ in 0..=noise.below(3) {
            let at = noise.below(xml.len());
            xml[at] = ['<', '>', '/', '"', '&', ' ', 'w'][noise.below(7)];
        }
        let document: String = xml.into_iter().collect();
        let _ = read(&zip_of(&[
            ("word/document.xml", &document),
            ("word/footnotes.xml", FOOTNOTES),
        ]));
    }
}

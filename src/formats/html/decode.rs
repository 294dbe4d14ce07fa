//! A page's bytes → its text, and where the source's lines start.
//!
//! In: the bytes of an HTML file. Out: a [`Source`]: the text (UTF-8, a
//! byte-order mark dropped; UTF-16 announced by a byte-order mark; or
//! windows-1252 / Latin-1 when the page declares it in a `<meta charset>`
//! or `http-equiv` tag and is not valid UTF-8) and the byte offsets in the
//! file where each line starts, counted as the HTML tokenizer counts lines.
//! Other encodings are not read ([`Skip::NotUtf8`]).

use crate::formats::content::Skip;

/// How far into a page a browser looks for its encoding declaration.
const PRESCAN_BYTES: usize = 1024;

/// Labels of windows-1252, which the HTML standard also uses for every
/// label of Latin-1 and ASCII.
const WINDOWS_1252_LABELS: [&str; 17] = [
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// windows-1252 bytes 0x80–0x9F (the rest are Latin-1, i.e. the code
/// point of the same number; the five unassigned bytes map to C1 controls
/// as the standard says).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// A page's text and the file's line starts.
#[derive(Debug)]
pub(super) struct Source {
    /// The page as text.
    pub text: String,
    /// Byte offsets in the file where lines start (`\n`, `\r\n` and a lone
    /// `\r` end a line, as for the tokenizer); empty when the encoding has
    /// no single-byte line ends (UTF-16).
    pub line_starts: Vec<usize>,
    /// The file's length in bytes.
    pub len: usize,
}

/// Decodes a page.
pub(super) fn decode(bytes: &[u8]) -> Result<Source, Skip> {
    let utf16 = |bytes: &[u8], read: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
        String::from_utf16(&units)
            .map(|text| Source {
                text,
                line_starts: Vec::new(),
                len: bytes.len() + 2,
            })
            .map_err(|_| Skip::NotUtf8)
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes),
        _ => {}
    }
    let line_starts = line_starts(bytes);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(body) {
        Ok(text) => text.to_string(),
        Err(_) if declares_windows_1252(body) => windows_1252(body),
        Err(_) => return Err(Skip::NotUtf8),
    };
    Ok(Source {
        text,
        line_starts,
        len: bytes.len(),
    })
}

/// Offsets where lines start, as the HTML tokenizer counts them.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut out = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            out.push(i + 1);
        }
    }
    out
}

/// Whether the page's first bytes declare windows-1252 or one of its
/// aliases (`<meta charset="iso-8859-1">`, `content="text/html;
/// charset=windows-1252"`).
fn declares_windows_1252(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(PRESCAN_BYTES)
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut rest = head.as_slice();
    while let Some(at) = find(rest, b"charset") {
        rest = &rest[at + b"charset".len()..];
        let value = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\'')
            .take_while(|b| {
                !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'>' | b'/'))
            })
            .copied()
            .collect::<Vec<u8>>();
        if value.is_empty() {
            continue;
        }
        return WINDOWS_1252_LABELS
            .iter()
            .any(|label| label.as_bytes() == value.as_slice());
    }
    false
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> Result<String, String> {
        decode(bytes).map(|s| s.text).map_err(|e| e.to_string())
    }

    #[test]
    fn encodings() {
        let cases: [(&[u8], Result<&str, ()>); 7] = [
            (b"\xEF\xBB\xBF<p>Caf\xC3\xA9</p>", Ok("<p>Café</p>")),
            (b"\xFF\xFE<\x00p\x00>\x00", Ok("<p>")),
            (
                b"<meta charset=\"windows-1252\"><p>\x93Quoted\x94 caf\xe9</p>",
                Ok("<meta charset=\"windows-1252\"><p>“Quoted” café</p>"),
            ),
            (
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>\xe9",
                Ok("<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>é"),
            ),
            (b"<meta charset=utf-8><p>caf\xe9</p>", Err(())),
            (b"<meta charset=shift_jis><p>\x82\xa0</p>", Err(())),
            (b"<p>no declaration \xe9</p>", Err(())),
        ];
        for (bytes, want) in cases {
            let got = text_of(bytes);
            match want {
                Ok(text) => assert_eq!(got.as_deref(), Ok(text)),
                Err(()) => assert!(got.is_err_and(|e| e.contains("UTF-8")), "{bytes:?}"),
            }
        }
    }

    #[test]
    fn lines_end_as_the_tokenizer_ends_them() {
        assert_eq!(line_starts(b"a\nb\r\nc\rd"), [0, 2, 5, 7]);
        let source = decode(b"\xEF\xBB\xBFone\ntwo").expect("utf-8");
        assert_eq!(source.line_starts, [0, 7]);
    }
}

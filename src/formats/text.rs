//! Text files: bytes → text, and the front matter they open with.
//!
//! In: a text or markdown file's bytes. Out: its text (UTF-8, or UTF-16 with
//! a byte-order mark; a UTF-8 byte-order mark and control characters become
//! spaces, so byte offsets into the file hold) and the metadata
//! of its front matter. Everything else about the text is the segmenter's.

use super::content::{Content, Skip};
use super::front_matter;

/// Reads a text file; `markdown` when its name says it is markdown.
pub(crate) fn read(bytes: Vec<u8>, markdown: bool) -> Result<Content, Skip> {
    let text = without_controls(decode(bytes)?);
    let (meta, body_start) = match front_matter::read(&text) {
        Some(fm) => (fm.meta, fm.body_start),
        None => (crate::model::DocMeta::default(), 0),
    };
    Ok(Content::Text {
        text,
        body_start,
        markdown,
        meta,
    })
}

/// Control characters (NUL, a bell, escape codes) are no text: each becomes
/// spaces of its own length, so byte offsets into the file still hold.
/// Line breaks, tabs and form feeds (page breaks) stay.
fn without_controls(text: String) -> String {
    if !text.chars().any(is_stray_control) {
        return text;
    }
    text.chars()
        .flat_map(|c| {
            let n = if is_stray_control(c) { c.len_utf8() } else { 0 };
            std::iter::repeat_n(' ', n).chain((n == 0).then_some(c))
        })
        .collect()
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')
}

/// UTF-8 (a byte-order mark dropped), or UTF-16 announced by its byte-order mark.
fn decode(bytes: Vec<u8>) -> Result<String, Skip> {
    let utf16 = |bytes: &[u8], read: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
        String::from_utf16(&units).map_err(|_| Skip::NotUtf8)
    };
    match bytes.as_slice() {
        // The mark becomes three spaces, so offsets into the file still hold.
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec())
            .map(|text| format!("   {text}"))
            .map_err(|_| Skip::NotUtf8),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).map_err(|_| Skip::NotUtf8),
    }
}

/// Whether bytes start like an HTML document or fragment (after white space
/// and a byte-order mark): `<!DOCTYPE html`, `<html`, `<head`, `<body`, or a
/// `<div>`/`<p>` that an HTML fragment opens with.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let head: Vec<u8> = start.iter().take(16).map(u8::to_ascii_lowercase).collect();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<div",
        "<p>",
        "<article",
        "<!--",
    ]
    .iter()
    .any(|tag| head.starts_with(tag.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(bytes: &[u8]) -> Result<String, String> {
        match read(bytes.to_vec(), false) {
            Ok(Content::Text { text, .. }) => Ok(text),
            Ok(Content::Blocks(_)) => Err("blocks".into()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn encodings() {
        assert_eq!(text_of(b"\xEF\xBB\xBFHello"), Ok("   Hello".into()));
        assert_eq!(text_of(b"\xFF\xFEH\x00i\x00"), Ok("Hi".into()));
        assert_eq!(text_of(b"\xFE\xFF\x00H\x00i"), Ok("Hi".into()));
        assert!(text_of(b"C\xf4t\xe9").is_err_and(|e| e.contains("iconv")));
    }

    #[test]
    fn control_characters_become_spaces_of_their_length() {
        let text = text_of("a\u{0}b\u{7}\u{85}c\n\u{c}d".as_bytes()).expect("text");
        assert_eq!(text, "a b   c\n\u{c}d");
        assert_eq!(text.len(), "a\u{0}b\u{7}\u{85}c\n\u{c}d".len());
    }

    #[test]
    fn html_openings() {
        for yes in [
            &b"<!DOCTYPE html>"[..],
            b"  <HTML lang=en>",
            b"<div><p></p>",
            b"\xEF\xBB\xBF<html>",
        ] {
            assert!(looks_like_html(yes), "{yes:?}");
        }
        for no in [&b"Plain text"[..], b"# Title", b"<3 this report"] {
            assert!(!looks_like_html(no), "{no:?}");
        }
    }
}

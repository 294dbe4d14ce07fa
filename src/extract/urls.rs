//! Web addresses inside a text, where names are parts of a path, not mentions.

use std::ops::Range;

/// Byte ranges of web addresses in the source text (`http…`, `www.…` up to
/// the next space, `>`, `)`, `]` or `"`), where names are parts of a path,
/// not mentions.
pub(crate) fn url_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    while let Some(p) = memchr::memchr2(b'h', b'w', &bytes[from..]) {
        let i = from + p;
        let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if at_word_start && (bytes[i..].starts_with(b"http") || bytes[i..].starts_with(b"www.")) {
            let len = bytes[i..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || matches!(b, b'>' | b')' | b']' | b'"'))
                .unwrap_or(bytes.len() - i);
            out.push(i..i + len);
            from = i + len;
        } else {
            from = i + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_found() {
        let text = "see https://www.crisisgroup.org/sahel/mali-new-front and <www.x.org/in-turkey>, then Mali";
        let urls: Vec<&str> = url_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            urls,
            [
                "https://www.crisisgroup.org/sahel/mali-new-front",
                "www.x.org/in-turkey"
            ]
        );
    }
}

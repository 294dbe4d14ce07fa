//! Inline markdown → plain text, through pulldown-cmark.
//!
//! In: a block's source text (markdown-ish: `*emphasis*`, `[text](#)` links,
//! `<http://…>` autolinks, backslash escapes, entities). Out: an [`Inline`]:
//! the plain text with line breaks kept as `\n`, and the byte ranges of link
//! texts in it with their destinations. Footnote markers are left in the text
//! for `markers` to read; a reference the format marks as such (markdown's
//! `[^1]`, HTML's note links, a PDF superscript) is written as a
//! [`note_marker`]. Inline HTML tags are dropped (`<br>` is a line break);
//! an HTML block keeps its text without its tags.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// A link in plain text: where its text is, and where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// Byte range of the link text in [`Inline::text`].
    pub range: Range<usize>,
    /// Destination as written (`#` for the placeholder links of PDF exports).
    pub dest: String,
}

/// A block's inline content as plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Inline {
    /// Plain text; line breaks are `\n`.
    pub text: String,
    /// Links, in text order.
    pub links: Vec<Link>,
}

/// Opens a note reference written into a block's text by a format reader.
pub(crate) const NOTE_OPEN: char = '\u{E000}';
/// Closes a note reference.
pub(crate) const NOTE_CLOSE: char = '\u{E001}';

/// A note reference as format readers write it into text: the label between
/// two private-use characters that no report contains, so `markers` finds
/// every reference, whatever the format, at its place in the text.
pub(crate) fn note_marker(label: &str) -> String {
    let label: String = label
        .chars()
        .filter(|c| *c != NOTE_OPEN && *c != NOTE_CLOSE)
        .collect();
    format!("{NOTE_OPEN}{}{NOTE_CLOSE}", label.trim())
}

/// The text without its note markers.
pub(crate) fn without_note_markers(text: &str) -> String {
    if !text.contains(NOTE_OPEN) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(NOTE_OPEN) {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        match rest.find(NOTE_CLOSE) {
            Some(close) => rest = &rest[close + NOTE_CLOSE.len_utf8()..],
            None => {
                rest = &rest[NOTE_OPEN.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Accumulates pulldown-cmark inline events into an [`Inline`].
#[derive(Debug, Default)]
pub(crate) struct InlineBuilder {
    out: Inline,
    open_links: Vec<(usize, String, bool)>,
    /// Inside an image: its alt text, which is not the block's text.
    image_alt: Option<String>,
    /// The alt texts of the block's images.
    images: Vec<String>,
}

impl InlineBuilder {
    /// Adds one event; block-level events only separate lines.
    pub(crate) fn push(&mut self, event: &Event<'_>) {
        if let Some(alt) = self.image_alt.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let alt = self.image_alt.take().unwrap_or_default();
                    self.images.push(alt);
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Image { .. }) => self.image_alt = Some(String::new()),
            Event::Text(t) | Event::Code(t) => self.out.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.out.text.push('\n'),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.open_links
                    .push((self.out.text.len(), dest_url.to_string(), autolink));
            }
            Event::End(TagEnd::Link) => {
                if let Some((start, dest, autolink)) = self.open_links.pop() {
                    // An autolink's text is its address: keep it as text, not as a link.
                    if !autolink {
                        self.out.links.push(Link {
                            range: start..self.out.text.len(),
                            dest,
                        });
                    }
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_))
                if !self.out.text.is_empty() && !self.out.text.ends_with('\n') =>
            {
                self.out.text.push('\n');
            }
            Event::FootnoteReference(label) => self.out.text.push_str(&note_marker(label)),
            Event::InlineHtml(tag) if is_line_break(tag) => self.out.text.push('\n'),
            Event::Html(h) => self.out.text.push_str(&strip_tags(h)),
            _ => {}
        }
    }

    /// The alt texts of the images read so far.
    pub(crate) fn images(&self) -> &[String] {
        &self.images
    }

    /// Whether nothing was added yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.out.text.is_empty()
    }

    /// Adds text the source does not spell (a table's cell separators).
    pub(crate) fn push_str(&mut self, text: &str) {
        self.out.text.push_str(text);
    }

    /// The accumulated text, trailing line breaks removed.
    pub(crate) fn finish(mut self) -> Inline {
        let trimmed = self.out.text.trim_end().len();
        self.out.text.truncate(trimmed);
        self.out.links.sort_by_key(|l| l.range.start);
        self.out
    }
}

/// `<br>`, `<br/>`, `<br />`.
fn is_line_break(tag: &str) -> bool {
    let inner = tag
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    inner.eq_ignore_ascii_case("br")
}

/// The text of an HTML block: tags and comments dropped, a tag that breaks
/// lines (`<br>`, `<p>`, `<div>`, …) read as a line break.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|i| i + 3)
        } else {
            after.find('>').map(|i| i + 1)
        };
        let Some(end) = end else {
            // A lone `<` is text.
            out.push('<');
            rest = &after[1..];
            continue;
        };
        let name: String = after[1..end - 1]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) {
            out.push('\n');
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Parses plain-text export lines (joined by `\n`) as inline markdown only:
/// line starts that markdown would read as block syntax (`1. `, `- `, `#`,
/// `>`, rules) are escaped first, so `1. Policing` stays a heading's text.
pub(crate) fn parse_plain(text: &str) -> Inline {
    let escaped: String = text
        .lines()
        .map(escape_block_syntax)
        .collect::<Vec<_>>()
        .join("\n");
    let mut builder = InlineBuilder::default();
    for event in Parser::new_ext(&escaped, Options::empty()) {
        builder.push(&event);
    }
    builder.finish()
}

/// Escapes a line's leading block marker.
fn escape_block_syntax(line: &str) -> String {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = digits > 0
        && digits <= 9
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(t.as_bytes().get(digits + 1), None | Some(b' ' | b'\t'));
    if ordered {
        return format!("{}\\{}", &t[..digits], &t[digits..]);
    }
    let rest = t.get(1..).unwrap_or("");
    let then_space = rest.starts_with([' ', '\t']) || rest.is_empty();
    let all_same = |c: char| t.chars().all(|x| x == c || x == ' ');
    let block_marker = match t.chars().next() {
        Some('>') => true,
        Some('#') => then_space || rest.starts_with('#'),
        Some('-' | '+' | '*') => then_space || all_same(t.as_bytes()[0] as char),
        Some('=' | '_') => all_same(t.as_bytes()[0] as char),
        Some('`' | '~') => t.starts_with("```") || t.starts_with("~~~"),
        _ => false,
    };
    if block_marker {
        format!("\\{t}")
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_links_autolinks_and_escapes_become_plain_text() {
        let cases = [
            (
                "*Perspectives on Terrorism*, 10(6)",
                "Perspectives on Terrorism, 10(6)",
            ),
            (
                "In 2019, [4,000 people died](#) in attacks",
                "In 2019, 4,000 people died in attacks",
            ),
            (
                "[the Centre \\(ICCT\\)](#), together",
                "the Centre (ICCT), together",
            ),
            (
                "See <http://example.org/a.pdf>;",
                "See http://example.org/a.pdf;",
            ),
            ("1. Policing", "1. Policing"),
            ("- not a list", "- not a list"),
            ("# not a heading", "# not a heading"),
            ("Tom &amp; Jerry", "Tom & Jerry"),
            (
                "an *attacks and *ISIS affiliates",
                "an *attacks and *ISIS affiliates",
            ),
            (
                "report [fn]Body.Hide Footnote and [Malian] army",
                "report [fn]Body.Hide Footnote and [Malian] army",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_plain(input).text, expected, "{input}");
        }
    }

    #[test]
    fn html_tags_are_dropped_and_their_text_kept() {
        let cases = [
            ("<center>Summary</center>", "Summary"),
            ("Line one<br>line two", "Line one\nline two"),
            ("<u>Underlined</u> word", "Underlined word"),
            ("<!-- note -->Kept", "Kept"),
            ("a < b and c > d", "a < b and c > d"),
        ];
        for (input, expected) in cases {
            let mut builder = InlineBuilder::default();
            for event in Parser::new_ext(input, Options::empty()) {
                builder.push(&event);
            }
            assert_eq!(builder.finish().text, expected, "{input}");
        }
    }

    #[test]
    fn note_markers_keep_labels_and_drop_their_own_delimiters() {
        assert_eq!(note_marker(" 12 "), "\u{E000}12\u{E001}");
        assert_eq!(note_marker("a\u{E001}b"), "\u{E000}ab\u{E001}");
    }

    #[test]
    fn link_ranges_point_at_link_text() {
        let inline = parse_plain("(Source: [The Hill](#) [6])");
        assert_eq!(inline.links.len(), 1);
        let link = &inline.links[0];
        assert_eq!(&inline.text[link.range.clone()], "The Hill");
        assert_eq!(link.dest, "#");
    }
}

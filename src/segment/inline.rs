//! Inline markdown → plain text, through pulldown-cmark.
//!
//! In: a block's source text (markdown-ish: `*emphasis*`, `[text](#)` links,
//! `<http://…>` autolinks, backslash escapes, entities). Out: an [`Inline`]:
//! the plain text with line breaks kept as `\n`, and the byte ranges of link
//! texts in it with their destinations. Footnote markers are left in the text
//! for `markers` to read.

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

/// Accumulates pulldown-cmark inline events into an [`Inline`].
#[derive(Debug, Default)]
pub(crate) struct InlineBuilder {
    out: Inline,
    open_links: Vec<(usize, String, bool)>,
}

impl InlineBuilder {
    /// Adds one event; block-level events only separate lines.
    pub(crate) fn push(&mut self, event: &Event<'_>) {
        match event {
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
            Event::Html(h) | Event::InlineHtml(h) => self.out.text.push_str(h),
            _ => {}
        }
    }

    /// The accumulated text, trailing line breaks removed.
    pub(crate) fn finish(mut self) -> Inline {
        let trimmed = self.out.text.trim_end().len();
        self.out.text.truncate(trimmed);
        self.out.links.sort_by_key(|l| l.range.start);
        self.out
    }
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
    fn link_ranges_point_at_link_text() {
        let inline = parse_plain("(Source: [The Hill](#) [6])");
        assert_eq!(inline.links.len(), 1);
        let link = &inline.links[0];
        assert_eq!(&inline.text[link.range.clone()], "The Hill");
        assert_eq!(link.dest, "#");
    }
}

//! A block's text as a browser lays it out: the text nodes of a block →
//! plain text with link ranges.
//!
//! In: text runs, line breaks, note markers and links, in document order.
//! Out: an [`Inline`]. White space collapses as CSS `white-space: normal`
//! collapses it: a run of ASCII white space is one space, none at the start
//! of a line or the end of the text, and elements add nothing (so
//! `<strong>Apri</strong><strong>l</strong>` reads "April"). Invisible
//! formatting characters (soft hyphens, zero-width spaces) are dropped.
//! Which runs belong to which block is the walker's business.

use crate::segment::{Inline, Link, note_marker};

/// Characters a browser does not show: soft hyphen, zero-width space and
/// joiners, word joiner, byte-order mark.
const INVISIBLE: [char; 6] = [
    '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// Text being laid out.
#[derive(Debug, Default)]
pub(super) struct TextBuf {
    text: String,
    links: Vec<Link>,
    /// White space or a separator seen and not yet written: it is written
    /// before the next visible character, unless that starts a line.
    pending: Option<&'static str>,
    /// Links opened and not yet closed: where their text starts, and
    /// their destination.
    open: Vec<(usize, String)>,
}

impl TextBuf {
    /// Adds a run of text, collapsing its white space.
    pub(super) fn push_text(&mut self, run: &str) {
        for c in run.chars() {
            if c.is_ascii_whitespace() {
                self.space();
            } else if !INVISIBLE.contains(&c) {
                self.write_pending();
                self.text.push(c);
            }
        }
    }

    /// Adds preformatted text: its line breaks are kept.
    pub(super) fn push_pre(&mut self, run: &str) {
        for (i, line) in run.split('\n').enumerate() {
            if i > 0 {
                self.line_break();
            }
            self.push_text(line);
        }
    }

    /// Adds white space (between table cells, around inline blocks).
    pub(super) fn space(&mut self) {
        self.pending.get_or_insert(" ");
    }

    /// Ends the line (`<br>`, a block boundary inside a block).
    pub(super) fn line_break(&mut self) {
        self.pending = None;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// Separates what comes next with `separator` (a cell's parts: `; `),
    /// or with a space after one of `unless` (a full stop); nothing is
    /// written before text follows.
    pub(super) fn separator(&mut self, separator: &'static str, unless: &[char]) {
        self.pending = Some(if self.text.ends_with(unless) {
            " "
        } else {
            separator
        });
    }

    /// Writes a note reference.
    pub(super) fn marker(&mut self, label: &str) {
        self.write_pending();
        self.text.push_str(&note_marker(label));
    }

    /// Writes text the source does not spell (superscript digits read from
    /// `<sup>`), without touching white space.
    pub(super) fn push_glued(&mut self, text: &str) {
        self.write_pending();
        self.text.push_str(text);
    }

    /// Starts a link to `dest`.
    pub(super) fn open_link(&mut self, dest: &str) {
        self.open.push((self.text.len(), dest.to_string()));
    }

    /// Ends the last link opened; a link with no text is no link.
    pub(super) fn close_link(&mut self) {
        if let Some((mut start, dest)) = self.open.pop() {
            // The gap written before its first word is not its text.
            start += self.text[start..].len()
                - self.text[start..]
                    .trim_start_matches([' ', ';', '\n'])
                    .len();
            if start < self.text.len() {
                self.links.push(Link {
                    range: start..self.text.len(),
                    dest,
                });
            }
        }
    }

    /// The laid-out text: white space (no-break spaces too) trimmed at both
    /// ends, links in text order.
    pub(super) fn finish(mut self) -> Inline {
        self.links.sort_by_key(|l| l.range.start);
        let mut inline = Inline {
            text: self.text,
            links: self.links,
        };
        let end = inline.text.trim_end().len();
        truncate(&mut inline, end);
        let start = inline.text.len() - inline.text.trim_start().len();
        drop_prefix(&mut inline, start);
        inline
    }

    fn write_pending(&mut self) {
        if let Some(gap) = self.pending.take()
            && !self.text.is_empty()
            && !self.text.ends_with('\n')
        {
            self.text.push_str(gap);
        }
    }
}

/// Removes the first `n` bytes of an inline's text, moving its links.
pub(super) fn drop_prefix(inline: &mut Inline, n: usize) {
    if n == 0 {
        return;
    }
    inline.text.drain(..n);
    inline.links.retain(|l| l.range.end > n);
    for l in &mut inline.links {
        l.range = l.range.start.saturating_sub(n)..l.range.end - n;
    }
}

/// Cuts an inline's text at byte `len`, dropping links past it.
pub(super) fn truncate(inline: &mut Inline, len: usize) {
    inline.text.truncate(len);
    inline.links.retain(|l| l.range.start < len);
    for l in &mut inline.links {
        l.range.end = l.range.end.min(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(parts: &[&str]) -> String {
        let mut b = TextBuf::default();
        for p in parts {
            match *p {
                "<br>" => b.line_break(),
                "<td>" => b.separator("; ", &['.']),
                _ => b.push_text(p),
            }
        }
        b.finish().text
    }

    #[test]
    fn white_space_collapses_and_elements_add_none() {
        let cases: [(&[&str], &str); 9] = [
            (&["Apri", "l 2026"], "April 2026"),
            (
                &["Fall", " of Iranian", " Government. "],
                "Fall of Iranian Government.",
            ),
            (&["  \n lead and\t\ttrail  "], "lead and trail"),
            (&["line one ", "<br>", "  line two"], "line one\nline two"),
            (
                &["soft\u{AD}hyphen and zero\u{200B}width"],
                "softhyphen and zerowidth",
            ),
            (
                &["keep\u{A0}no-break", " space"],
                "keep\u{A0}no-break space",
            ),
            (
                &["<td>", "Fira", "<td>", " ", "<td>", "Ennedi", "<td>"],
                "Fira; Ennedi",
            ),
            (&["Flag.", "<td>", "Leaders"], "Flag. Leaders"),
            (&["a ", "<td>", "b"], "a; b"),
        ];
        for (parts, want) in cases {
            assert_eq!(laid_out(parts), want, "{parts:?}");
        }
    }

    #[test]
    fn links_cover_their_words_only() {
        let mut b = TextBuf::default();
        b.push_text("See ");
        b.open_link("https://example.org/a");
        b.push_text(" the report ");
        b.close_link();
        b.push_text("today.");
        b.marker("3");
        let inline = b.finish();
        assert_eq!(&inline.text[inline.links[0].range.clone()], "the report");
        assert_eq!(
            inline.text,
            format!("See the report today.{}", note_marker("3"))
        );
    }

    #[test]
    fn prefixes_and_tails_move_links() {
        let mut b = TextBuf::default();
        b.push_text(". ");
        b.open_link("u");
        b.push_text("Source");
        b.close_link();
        let mut inline = b.finish();
        drop_prefix(&mut inline, 2);
        assert_eq!(&inline.text[inline.links[0].range.clone()], "Source");
        truncate(&mut inline, 3);
        assert_eq!(inline.links[0].range, 0..3);
    }
}

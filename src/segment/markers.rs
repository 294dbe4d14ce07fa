//! Footnote markers and citations inside a block's text.
//!
//! In: an [`Inline`] (plain text + links). Out: [`Marked`]: the text without
//! markers, the references it makes in order, the bodies of inline footnotes,
//! and the sources it names. Recognised here, because they are unambiguous:
//! Crisis Group's inline `[fn]body.Hide Footnote`, superscript numbers (`¹`,
//! `²²`), bracketed numbers after links (`[Washington Post](#) [1]`), and the
//! outlets named in a `Source:`/`Sources:` clause. Bare numbers glued after
//! punctuation (`Türkiye.1`) need the document's whole sequence and are
//! handled by `footnotes`.

use std::sync::LazyLock;

use regex::Regex;

use super::inline::{Inline, NOTE_CLOSE, NOTE_OPEN};

/// The words closing an inline Crisis Group footnote.
pub(crate) const FN_CLOSE: &str = "Hide Footnote";
/// The token opening one.
pub(crate) const FN_OPEN: &str = "[fn]";

/// What a reference in the text points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RefTarget {
    /// The n-th inline footnote body of this block (0-based), numbered later.
    Body(usize),
    /// A numbered footnote or reference.
    Number(u32),
}

/// A reference made by the text, and where (byte offset in [`Marked::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ref {
    /// What it points to.
    pub target: RefTarget,
    /// Where the marker was.
    pub at: usize,
}

/// A block's text with its markers read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Marked {
    /// Text without markers; line breaks still `\n` (see [`normalize`]).
    pub text: String,
    /// References, in text order.
    pub refs: Vec<Ref>,
    /// Inline footnote bodies, in order.
    pub bodies: Vec<String>,
    /// Outlets named as sources.
    pub sources: Vec<String>,
    /// A `Hide Footnote` closed a body that was never opened: the block is a
    /// footnote body repeated (or orphaned) by the export.
    pub orphan_close: bool,
}

impl Marked {
    /// Appends another block's content (a continuation across a page break),
    /// shifting its reference offsets and body indices.
    pub(crate) fn append(&mut self, other: Marked) {
        let offset = self.text.len() + 1;
        let bodies = self.bodies.len();
        self.text.push('\n');
        self.text.push_str(&other.text);
        self.refs.extend(other.refs.into_iter().map(|r| Ref {
            target: match r.target {
                RefTarget::Body(i) => RefTarget::Body(i + bodies),
                n @ RefTarget::Number(_) => n,
            },
            at: r.at + offset,
        }));
        self.bodies.extend(other.bodies);
        self.sources.extend(other.sources);
    }
}

static TOKENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[fn\]|Hide Footnote|[ \t]*\[(\d{1,3})\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*|\x{E000}[^\x{E001}]{0,64}\x{E001}")
        .expect("static regex")
});

static SOURCE_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsources?\s*:").expect("static regex"));

/// Reads the markers of one block.
pub(crate) fn read(inline: &Inline) -> Marked {
    let text = &inline.text;
    let mut out = Marked::default();
    let mut body: Option<String> = None;
    let mut last = 0;
    let sources = source_links(inline);
    let mut next_source = 0;
    for m in TOKENS.find_iter(text) {
        let between = &text[last..m.start()];
        match body.as_mut() {
            Some(b) => b.push_str(between),
            None => out.text.push_str(between),
        }
        last = m.end();
        let token = m.as_str();
        if token == FN_OPEN {
            // A body left open by a missing close ends where the next one opens.
            if let Some(b) = body.take() {
                out.bodies.push(b);
            }
            out.refs.push(Ref {
                target: RefTarget::Body(out.bodies.len()),
                at: out.text.len(),
            });
            body = Some(String::new());
        } else if token == FN_CLOSE {
            match body.take() {
                Some(b) => out.bodies.push(b),
                None => out.orphan_close = true,
            }
        } else if token == "*" {
            // Stray asterisks (link markers of some exports) are never content.
        } else if let Some(label) = token
            .strip_prefix(NOTE_OPEN)
            .and_then(|t| t.strip_suffix(NOTE_CLOSE))
        {
            // A reference the format marked (numbered by `notes`).
            if let Ok(n) = label.parse() {
                push_ref(&mut out, body.as_ref(), RefTarget::Number(n));
            }
        } else if let Some(n) = superscript_number(token) {
            let target = RefTarget::Number(n);
            push_ref(&mut out, body.as_ref(), target);
        } else if let Some(n) = bracket_number(token) {
            push_ref(&mut out, body.as_ref(), RefTarget::Number(n));
        }
        while next_source < sources.len() && sources[next_source].0 < last {
            out.sources.push(sources[next_source].1.clone());
            next_source += 1;
        }
    }
    let rest = &text[last..];
    match body.take() {
        Some(mut b) => {
            b.push_str(rest);
            out.bodies.push(b);
        }
        None => out.text.push_str(rest),
    }
    out.sources
        .extend(sources[next_source..].iter().map(|(_, s)| s.clone()));
    out
}

fn push_ref(out: &mut Marked, body: Option<&String>, target: RefTarget) {
    // A marker inside an inline footnote body is part of the body's text.
    if body.is_some() {
        return;
    }
    out.refs.push(Ref {
        target,
        at: out.text.len(),
    });
}

/// Link texts that stand in a `Source:`/`Sources:` clause, with their start.
fn source_links(inline: &Inline) -> Vec<(usize, String)> {
    let text = &inline.text;
    inline
        .links
        .iter()
        .filter(|link| {
            let before = &text[..link.range.start];
            SOURCE_CLAUSE
                .find_iter(before)
                .last()
                .is_some_and(|clause| {
                    let gap = &before[clause.end()..];
                    !gap.contains(')') && !gap.contains(". ")
                })
        })
        .map(|link| {
            (
                link.range.start,
                text[link.range.clone()].trim().to_string(),
            )
        })
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

/// `²²` → 22.
fn superscript_number(token: &str) -> Option<u32> {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut n: u32 = 0;
    for c in token.chars() {
        let d = DIGITS.iter().position(|x| *x == c)?;
        n = n.checked_mul(10)?.checked_add(d as u32)?;
    }
    (!token.is_empty()).then_some(n)
}

/// ` [12]` → 12.
fn bracket_number(token: &str) -> Option<u32> {
    token
        .trim()
        .strip_prefix('[')?
        .strip_suffix(']')?
        .parse()
        .ok()
}

/// Prefixes after which a hyphen at a line end belongs to the word
/// (`counter-terrorism`, `self-defence`); after any other, it is a soft break.
const HYPHENATED_PREFIXES: [&str; 11] = [
    "anti", "counter", "cross", "long", "non", "quasi", "self", "semi", "short", "socio", "well",
];

/// Final text: words hyphenated across a line break rejoined, whitespace runs
/// (line breaks included) collapsed to one space, control characters (NUL,
/// escape codes) dropped, ends trimmed. One pass: every passage goes through
/// here.
pub(crate) fn normalize(text: &str) -> String {
    let text = text.trim();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        // Most of a text: printable ASCII but hyphens, copied as a run.
        let plain = |b: &u8| b.is_ascii_graphic() && *b != b'-';
        let run = bytes[i..].iter().take_while(|b| plain(b)).count();
        if run > 0 {
            out.push_str(&text[i..i + run]);
            i += run;
            continue;
        }
        let c = text[i..].chars().next().expect("i is on a char boundary");
        let next = i + c.len_utf8();
        if c.is_control() && !c.is_whitespace() {
            i = next;
        } else if c.is_whitespace() {
            out.push(' ');
            i = text.len() - text[next..].trim_start().len();
        } else if let Some(after) = (c == '-' && out.ends_with(char::is_alphabetic))
            .then(|| line_end_hyphen(&text[next..], &mut out))
            .flatten()
        {
            // The line break and the spaces around it skipped.
            i = text.len() - after;
        } else {
            out.push(c);
            i = next;
        }
    }
    out
}

/// A hyphen at a line end after the letters ending `out`, `rest` being the
/// text after it: `govern-\nment` → `government`; `self-\ndefence` and
/// `Mali-\nBurkina` keep it (pushed to `out`). Returns how many bytes of
/// the text are left after the break, `None` when the hyphen ends no line.
fn line_end_hyphen(rest: &str, out: &mut String) -> Option<usize> {
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if !rest[gap..].starts_with('\n') {
        return None;
    }
    let after = rest[gap + 1..].trim_start();
    let next = after.chars().next().filter(|n| n.is_alphabetic())?;
    let left = out
        .rsplit(|ch: char| !ch.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if next.is_uppercase() || HYPHENATED_PREFIXES.contains(&left.as_str()) {
        out.push('-');
    }
    Some(after.len())
}

#[cfg(test)]
mod tests {
    use super::super::inline::parse_plain;
    use super::*;

    /// `normalize` as first written, a character at a time: the reference.
    fn normalize_by_chars(text: &str) -> String {
        let text = text.trim();
        let mut out = String::with_capacity(text.len());
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_control() && !c.is_whitespace() {
                continue;
            }
            if c.is_whitespace() {
                while chars.peek().is_some_and(|(_, n)| n.is_whitespace()) {
                    chars.next();
                }
                out.push(' ');
                continue;
            }
            if c == '-' && out.ends_with(char::is_alphabetic) {
                // `govern-\nment` → `government`; `self-\ndefence` and `Mali-\nBurkina` keep it.
                let rest = &text[i + 1..];
                let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                if rest[gap..].starts_with('\n') {
                    let after = rest[gap + 1..].trim_start();
                    if let Some(next) = after.chars().next().filter(|n| n.is_alphabetic()) {
                        let left = out
                            .rsplit(|ch: char| !ch.is_alphabetic())
                            .next()
                            .unwrap_or("")
                            .to_lowercase();
                        if next.is_uppercase() || HYPHENATED_PREFIXES.contains(&left.as_str()) {
                            out.push('-');
                        }
                        // Skip the line break and the spaces around it.
                        let skip = rest.len() - after.len();
                        while chars.peek().is_some_and(|(j, _)| *j <= i + skip) {
                            chars.next();
                        }
                        continue;
                    }
                }
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn normalize_copies_ascii_runs_as_the_character_loop_did() {
        for text in [
            "  The govern-\nment of Mali-\nBurkina and self-\n  defence\tforces\r\n\r\n met. ",
            "Türkiye’s \u{1b}[0mcontrol\u{0}s – and\u{a0}non-breaking\u{2003}spaces…",
            "counter-\nterrorism, anti- \n  Western, trailing-",
            "word-\n\u{1}x, end-\n",
            "",
        ] {
            assert_eq!(normalize(text), normalize_by_chars(text), "{text:?}");
        }
    }

    fn marked(input: &str) -> Marked {
        let mut m = read(&parse_plain(input));
        m.text = normalize(&m.text);
        m.bodies = m.bodies.iter().map(|b| normalize(b)).collect();
        m
    }

    fn targets(m: &Marked) -> Vec<RefTarget> {
        m.refs.iter().map(|r| r.target.clone()).collect()
    }

    #[test]
    fn inline_footnotes_become_bodies_and_references() {
        let m = marked(
            "A claim.[fn]An interview, Ankara, May 2019.Hide Footnote  Another.[fn]A report, 2018.\n Hide Footnote\n It goes on.",
        );
        assert_eq!(m.text, "A claim. Another. It goes on.");
        assert_eq!(
            m.bodies,
            ["An interview, Ankara, May 2019.", "A report, 2018."]
        );
        assert_eq!(targets(&m), [RefTarget::Body(0), RefTarget::Body(1)]);
    }

    #[test]
    fn a_footnote_whose_close_is_missing_ends_at_the_next_or_at_the_end() {
        let m = marked("First.[fn]Body one. [fn]Body two.");
        assert_eq!(m.text, "First.");
        assert_eq!(m.bodies, ["Body one.", "Body two."]);
    }

    #[test]
    fn superscripts_of_any_length_are_references() {
        let m = marked("across the globe.¹ In particular (VEOs)¹⁰; and MINUSMA¹², INL.²²");
        assert_eq!(
            m.text,
            "across the globe. In particular (VEOs); and MINUSMA, INL."
        );
        assert_eq!(targets(&m), [1, 10, 12, 22].map(RefTarget::Number).to_vec());
    }

    #[test]
    fn bracketed_numbers_after_links_are_references_and_source_clauses_name_outlets() {
        let m = marked("Keita resigned. (Sources: [Washington Post](#) [1], [CNN](#) [2])");
        assert_eq!(m.text, "Keita resigned. (Sources: Washington Post, CNN)");
        assert_eq!(targets(&m), [RefTarget::Number(1), RefTarget::Number(2)]);
        assert_eq!(m.sources, ["Washington Post", "CNN"]);
    }

    #[test]
    fn a_linked_name_outside_a_source_clause_is_not_a_source() {
        let m = marked(
            "It targeted the leader [Abdelmalek Droukdal](#) [5], the head. (Source: [The Hill](#) [6])",
        );
        assert_eq!(
            m.text,
            "It targeted the leader Abdelmalek Droukdal, the head. (Source: The Hill)"
        );
        assert_eq!(m.sources, ["The Hill"]);
        assert_eq!(targets(&m), [RefTarget::Number(5), RefTarget::Number(6)]);
    }

    #[test]
    fn stray_asterisks_vanish() {
        assert_eq!(
            marked("encouraging *attacks and ”low-level” *ISIS affiliates").text,
            "encouraging attacks and ”low-level” ISIS affiliates"
        );
    }

    #[test]
    fn words_hyphenated_across_lines_are_rejoined() {
        let cases = [
            ("the govern-\nment said", "the government said"),
            ("counter-\nterrorism units", "counter-terrorism units"),
            ("self-\ndefence militias", "self-defence militias"),
            ("Mali-\nBurkina border", "Mali-Burkina border"),
            ("a well-known fact", "a well-known fact"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input), normalize(expected), "{input:?}");
        }
    }

    #[test]
    fn control_characters_are_dropped() {
        // See: issue 12, finding 9: NUL bytes stayed in passage text.
        assert_eq!(normalize("a\u{0}b\u{1b}[31m c\u{7f}"), "ab[31m c");
        assert_eq!(normalize("tab\tand\u{c}page"), "tab and page");
    }
}

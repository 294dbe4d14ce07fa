//! Reference-list sections: notes gathered under a heading, and lists that
//! are not body text.
//!
//! In: a heading's text, or a block of a section such a heading opens. Out:
//! what kind of section the heading opens ([`Section`], from the titles of
//! `data/sections.toml`), and the numbered notes a block of a notes section
//! holds. A `Notes` or `References` list of `[12] …`, `12. …`, `12 …` or
//! Wikipedia's `^ …` entries becomes footnotes; `See also`, `External
//! links` and unnumbered bibliography entries are left out.

use std::sync::LazyLock;

use serde::Deserialize;

use super::labels;

/// The section titles, embedded.
const SECTIONS_TOML: &str = include_str!("../../data/sections.toml");

#[derive(Debug, Default, Deserialize)]
struct Titles {
    notes: Vec<String>,
    bibliography: Vec<String>,
    skipped: Vec<String>,
    boilerplate: Vec<String>,
}

static TITLES: LazyLock<Titles> = LazyLock::new(|| {
    toml::from_str(SECTIONS_TOML).expect("data/sections.toml is valid (checked by a test)")
});

/// What a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    /// Body text.
    Body,
    /// Notes gathered at the end; other blocks in it stay text.
    Notes,
    /// A reference list: numbered entries are notes, others are left out.
    Bibliography,
    /// Navigation or reading lists: left out whole.
    Skipped,
}

/// The kind of section a heading opens.
pub(super) fn section_of(heading: &str) -> Section {
    let title = heading
        .trim()
        .trim_end_matches("[edit]")
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_lowercase();
    let titles = &*TITLES;
    if titles.notes.contains(&title) {
        Section::Notes
    } else if titles.bibliography.contains(&title) {
        Section::Bibliography
    } else if titles.skipped.contains(&title) {
        Section::Skipped
    } else {
        Section::Body
    }
}

/// Whether a line is site boilerplate (`From Wikipedia, the free encyclopedia`).
pub(super) fn is_boilerplate(line: &str) -> bool {
    let line = line.trim();
    // Lower-casing shrinks a text threefold at most (the Kelvin sign, three
    // bytes, becomes `k`): a longer line is no entry, and is not lower-cased.
    let longest = TITLES.boilerplate.iter().map(String::len).max();
    if line.len() > 3 * longest.unwrap_or(0) {
        return false;
    }
    TITLES.boilerplate.contains(&line.to_lowercase())
}

/// The notes a block of a notes section holds, one per line that opens a
/// note; lines that do not open one continue the note before. `previous`
/// is the last note number read, for entries that print none (`^ …`).
/// `None` when the block's first line opens no note.
pub(super) fn endnotes(text: &str, previous: &mut u32) -> Option<Vec<(u32, String)>> {
    let mut out: Vec<(u32, String)> = Vec::new();
    for line in text.lines() {
        if let Some((n, body)) = note_start(line.trim(), *previous) {
            *previous = n;
            out.push((n, body.to_string()));
        } else {
            let last = out.last_mut()?;
            last.1.push('\n');
            last.1.push_str(line.trim());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The number and text of a line that opens a note: `[12] Text`, `12. Text`,
/// `12) Text`, `12 Text`, superscript or glued labels, or an unnumbered
/// `^ Text` / `↑ Text` entry (Wikipedia: the number after `previous`,
/// the back-link letters `a b c` dropped).
fn note_start(line: &str, previous: u32) -> Option<(u32, &str)> {
    if let Some(rest) = line.strip_prefix('^').or_else(|| line.strip_prefix('↑')) {
        return Some((previous + 1, without_backlinks(rest.trim_start())));
    }
    if let Some(found) = labels::footnote_def(line) {
        return Some(found);
    }
    let (label, rest) = if let Some(inner) = line.strip_prefix('[') {
        let close = inner.find(']')?;
        (&inner[..close], &inner[close + 1..])
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let rest = line[digits..]
            .strip_prefix(['.', ')'])
            .unwrap_or(&line[digits..]);
        (&line[..digits], rest)
    };
    if label.is_empty() || label.len() > 3 || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim_start();
    let n: u32 = label.parse().ok()?;
    (!rest.is_empty()).then(|| (n, without_backlinks(rest)))
}

/// `a b Smith, J.` → `Smith, J.`: Wikipedia's back-link letters.
fn without_backlinks(text: &str) -> &str {
    let mut rest = text;
    loop {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(c), Some(' ')) if c.is_ascii_lowercase() => rest = chars.as_str(),
            _ => return rest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_titles_file_parses() {
        let titles: Titles = toml::from_str(SECTIONS_TOML).expect("parses");
        assert!(!titles.notes.is_empty() && !titles.skipped.is_empty());
        assert!(is_boilerplate("From Wikipedia, the free encyclopedia"));
        assert!(!is_boilerplate(
            "From Wikipedia and other sources, we learn"
        ));
        // Capitals, and the Kelvin sign, which lower-cases to a shorter `k`.
        assert!(is_boilerplate("FROM WIKIPEDIA, THE FREE ENCYCLOPEDIA"));
        let kelvin = "From Wi\u{212A}ipedia, the free encyclopedia";
        assert!(is_boilerplate(kelvin));
    }

    #[test]
    fn headings_open_sections() {
        for (heading, want) in [
            ("Notes", Section::Notes),
            ("ENDNOTES", Section::Notes),
            ("References[edit]", Section::Bibliography),
            ("Bibliography:", Section::Bibliography),
            ("See also", Section::Skipped),
            ("External links[edit]", Section::Skipped),
            ("Notes on Method", Section::Body),
            ("Sources of funding", Section::Body),
            ("Introduction", Section::Body),
        ] {
            assert_eq!(section_of(heading), want, "{heading}");
        }
    }

    #[test]
    fn note_entries_in_every_style() {
        let mut previous = 0;
        let got = endnotes(
            "[1] First source, 2020.\n[2] Second source,\ncontinued on a line.\n3. Third.\n4) Fourth.\n5 Fifth note.",
            &mut previous,
        )
        .expect("notes");
        let numbers: Vec<u32> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert_eq!(got[1].1, "Second source,\ncontinued on a line.");
        assert_eq!(previous, 5);
    }

    #[test]
    fn wikipedia_carets_are_numbered_in_order() {
        let mut previous = 0;
        let got = endnotes(
            "^ Smith, J. (2019).\n^ a b c Jones, K. \"Title\".\n↑ Third.",
            &mut previous,
        )
        .expect("notes");
        assert_eq!(
            got,
            [
                (1, "Smith, J. (2019).".to_string()),
                (2, "Jones, K. \"Title\".".to_string()),
                (3, "Third.".to_string())
            ]
        );
    }

    #[test]
    fn prose_and_bibliography_entries_are_no_notes() {
        let mut previous = 0;
        for text in [
            "Smith, J. (2019). A Book. London: Press.",
            "All figures are in US dollars.",
            "2019 was a difficult year.",
            "[citation needed] text",
        ] {
            assert_eq!(endnotes(text, &mut previous), None, "{text}");
        }
    }
}

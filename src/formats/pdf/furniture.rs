//! Page furniture: running headers and footers, page numbers.
//!
//! In: every page's lines and the document's style. Out: for each page,
//! which of its lines are furniture. A line in the top or bottom band of a
//! page is furniture when a line with the same text (numbers aside) stands
//! at the same height on another page, when it stands at the height of such
//! a repeated line (the last page's footer adds a version stamp), or when it
//! is only a page number (`12`, `iv`, `Page 3 of 8`, `- 3 -`). Lines of
//! other styles in those bands that repeat nothing (a cover's imprint) are
//! judged while blocks are built (`blocks`), where notes are known.

use regex::Regex;
use std::sync::LazyLock;

use super::lines::{Line, PageLines};
use super::style::Style;

/// The top and bottom bands of a page where furniture stands (a fraction of its height).
pub(super) const BAND: f32 = 0.1;
/// Lines of two pages this close in height (points) stand at the same place.
const SAME_PLACE: f32 = 3.0;
/// Prose of body size with more words than this is never furniture.
const MAX_FURNITURE_WORDS: usize = 12;

/// A page number standing alone.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?: (?:page|p\.?|pg\.?)\s*)? [-–—\s]* (?:\d{1,4}|[ivxlcdm]{1,7}) [-–—\s]* (?:(?:of|/)\s*\d{1,4})? $",
    )
    .expect("static regex")
});

/// Where on a page a line stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Band {
    Top,
    Bottom,
}

fn band(line: &Line, page: &PageLines) -> Option<Band> {
    if line.y > page.height * (1.0 - BAND) {
        Some(Band::Top)
    } else if line.y < page.height * BAND {
        Some(Band::Bottom)
    } else {
        None
    }
}

/// A line's text with numbers and case aside, for comparing pages.
fn key(line: &Line) -> String {
    let mut out = String::new();
    for c in line.text().chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim().to_string()
}

/// Whether a line's text is only a page number.
pub(super) fn is_page_number(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 20 && PAGE_NUMBER.is_match(t)
}

/// Whether a line could be furniture at all: prose never is.
fn could_be(line: &Line, style: &Style) -> bool {
    style.is_small(line)
        || style.is_large(line)
        || line.text().split_whitespace().count() <= MAX_FURNITURE_WORDS
}

/// For each page, which lines are furniture.
pub(super) fn find(pages: &[PageLines], style: &Style) -> Vec<Vec<bool>> {
    // (band, height, key, page) of every candidate line.
    let mut candidates: Vec<(Band, f32, String, u32)> = Vec::new();
    for page in pages {
        for line in &page.lines {
            if let Some(b) = band(line, page).filter(|_| could_be(line, style)) {
                candidates.push((b, line.y, key(line), page.number));
            }
        }
    }
    // Heights where a text repeats on another page.
    let mut slots: Vec<(Band, f32)> = Vec::new();
    for (i, (b, y, k, page)) in candidates.iter().enumerate() {
        let repeated = candidates
            .iter()
            .enumerate()
            .any(|(j, (b2, y2, k2, page2))| {
                i != j && b == b2 && page != page2 && k == k2 && (y - y2).abs() <= SAME_PLACE
            });
        if repeated && !slots.iter().any(|(sb, sy)| sb == b && (sy - y).abs() < 0.5) {
            slots.push((*b, *y));
        }
    }
    pages
        .iter()
        .map(|page| {
            page.lines
                .iter()
                .map(|line| {
                    let Some(b) = band(line, page) else {
                        return false;
                    };
                    could_be(line, style)
                        && (is_page_number(&line.text())
                            || slots
                                .iter()
                                .any(|(sb, sy)| *sb == b && (sy - line.y).abs() <= SAME_PLACE))
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::lines::Span;
    use super::*;

    fn line(x0: f32, y: f32, size: f32, text: &str) -> Line {
        Line {
            x0,
            x1: x0 + 5.0 * text.len() as f32,
            y,
            size,
            bold: false,
            italic: false,
            lead_bold: false,
            spans: vec![Span::Text(text.to_string())],
        }
    }

    fn page(number: u32, lines: Vec<Line>) -> PageLines {
        PageLines {
            number,
            width: 612.0,
            height: 792.0,
            lines,
        }
    }

    #[test]
    fn page_numbers_alone_are_recognised() {
        for (text, want) in [
            ("12", true),
            ("iv", true),
            ("Page 3", true),
            ("Page 3 of 8", true),
            ("- 7 -", true),
            ("3/12", true),
            ("12 Introduction", false),
            ("2025 figures", false),
            ("", false),
        ] {
            assert_eq!(is_page_number(text), want, "{text:?}");
        }
    }

    #[test]
    fn repeated_headers_footers_and_their_variants_are_furniture() {
        let body = |y: f32| {
            line(
                72.0,
                y,
                11.0,
                "Body text of the page, long enough to be prose here.",
            )
        };
        let pages = vec![
            page(
                1,
                vec![
                    line(72.0, 750.0, 8.0, "A Test Report"),
                    body(600.0),
                    line(72.0, 40.0, 8.0, "Test Institute"),
                    line(500.0, 40.0, 8.0, "1"),
                ],
            ),
            page(
                2,
                vec![
                    line(72.0, 750.0, 8.0, "A Test Report"),
                    body(600.0),
                    line(72.0, 40.5, 8.0, "Test Institute · version 2"),
                    line(500.0, 40.0, 8.0, "2"),
                ],
            ),
        ];
        let style = Style::of(&pages);
        let found = find(&pages, &style);
        assert_eq!(
            found,
            [[true, false, true, true], [true, false, true, true]]
        );
    }
}

//! The document's typography, measured: the body text's size and line
//! spacing, and the sizes its headings use.
//!
//! In: every page's lines. Out: a [`Style`] that the other layout stages
//! compare lines with: body text (the size most characters have), small
//! text (notes, captions, furniture), large text (headings, ranked by size
//! into levels, bold lines of body size below them all).

use super::lines::{Line, PageLines};

/// Sizes closer than this (points) are the same size.
pub(super) const SIZE_TOLERANCE: f32 = 0.5;
/// A heading is at least this much larger than body text (points).
const HEADING_STEP: f32 = 0.9;
/// Line spacing, when it cannot be measured, relative to the size.
const DEFAULT_LEADING: f32 = 1.2;
/// Deepest heading level.
const MAX_LEVEL: u8 = 6;
/// Most words a heading line has.
pub(super) const MAX_HEADING_WORDS: usize = 20;

/// The document's typography.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Style {
    /// Size of the body text.
    pub body: f32,
    /// Baseline distance between the lines of one paragraph, by size
    /// (sizes rounded to half a point).
    pub leadings: Vec<(f32, f32)>,
    /// Sizes of lines larger than body text, largest first.
    pub heading_sizes: Vec<f32>,
}

impl Style {
    /// Measures the typography of a document.
    pub(super) fn of(pages: &[PageLines]) -> Style {
        let body = mode(pages.iter().flat_map(|p| &p.lines).map(|l| {
            let chars = l.plain().chars().filter(|c| !c.is_whitespace()).count();
            (round_half(l.size), chars)
        }))
        .unwrap_or(10.0);
        let mut leadings: Vec<(f32, f32)> = Vec::new();
        let mut sizes: Vec<f32> = pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|l| round_half(l.size))
            .collect();
        sizes.sort_by(f32::total_cmp);
        sizes.dedup();
        for size in sizes {
            if let Some(l) = measured_leading(pages, size) {
                leadings.push((size, l));
            }
        }
        let mut heading_sizes: Vec<f32> = Vec::new();
        for line in pages.iter().flat_map(|p| &p.lines) {
            let size = round_half(line.size);
            let words = line.plain().split_whitespace().count();
            if size >= body + HEADING_STEP
                && (1..=MAX_HEADING_WORDS).contains(&words)
                && !heading_sizes.contains(&size)
            {
                heading_sizes.push(size);
            }
        }
        heading_sizes.sort_by(|a, b| b.total_cmp(a));
        Style {
            body,
            leadings,
            heading_sizes,
        }
    }

    /// The baseline distance of the lines of one paragraph set in `size`:
    /// measured where the document has such lines, else in proportion to
    /// the body's.
    pub(super) fn leading(&self, size: f32) -> f32 {
        let size = round_half(size);
        if let Some((_, l)) = self.leadings.iter().find(|(s, _)| (*s - size).abs() < 0.01) {
            return *l;
        }
        let body = self
            .leadings
            .iter()
            .find(|(s, _)| (*s - self.body).abs() < 0.01)
            .map_or(DEFAULT_LEADING * self.body, |(_, l)| *l);
        (body * size / self.body).max(DEFAULT_LEADING * size)
    }

    /// Smaller than body text (notes, captions, furniture).
    pub(super) fn is_small(&self, line: &Line) -> bool {
        line.size < self.body - SIZE_TOLERANCE
    }

    /// Larger than body text: a heading's size.
    pub(super) fn is_large(&self, line: &Line) -> bool {
        line.size >= self.body + HEADING_STEP
    }

    /// Body text or larger.
    pub(super) fn is_main(&self, line: &Line) -> bool {
        !self.is_small(line)
    }

    /// The level of a heading line: its size's rank among heading sizes;
    /// bold lines of body size come below them all.
    pub(super) fn level(&self, line: &Line) -> u8 {
        let size = round_half(line.size);
        let rank = self
            .heading_sizes
            .iter()
            .position(|s| (*s - size).abs() < SIZE_TOLERANCE)
            .unwrap_or(self.heading_sizes.len());
        u8::try_from(rank + 1).unwrap_or(MAX_LEVEL).min(MAX_LEVEL)
    }
}

/// The most common baseline distance between two lines of `size`, one
/// under the other, if the document has such lines.
fn measured_leading(pages: &[PageLines], size: f32) -> Option<f32> {
    mode(pages.iter().flat_map(|p| {
        p.lines.windows(2).filter_map(move |w| {
            let (a, b) = (&w[0], &w[1]);
            let same = (round_half(a.size) - size).abs() < 0.01
                && (round_half(b.size) - size).abs() < 0.01
                && a.x0 < b.x1
                && b.x0 < a.x1;
            let d = a.y - b.y;
            (same && d > 0.9 * size && d < 2.2 * size).then_some((round_half(d), 1))
        })
    }))
}

/// A size rounded to half a point.
fn round_half(size: f32) -> f32 {
    (size * 2.0).round() / 2.0
}

/// The value with the largest total weight (the smaller value on a tie:
/// of two line spacings seen as often, the tighter one is the paragraph's).
fn mode(values: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut totals: Vec<(f32, usize)> = Vec::new();
    for (v, w) in values {
        match totals.iter_mut().find(|(t, _)| (*t - v).abs() < 0.01) {
            Some(entry) => entry.1 += w,
            None => totals.push((v, w)),
        }
    }
    totals
        .into_iter()
        .filter(|(_, w)| *w > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)))
        .map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::super::lines::Span;
    use super::*;

    fn line(y: f32, size: f32, text: &str) -> Line {
        Line {
            x0: 72.0,
            x1: 500.0,
            y,
            size,
            bold: false,
            italic: false,
            lead_bold: false,
            spans: vec![Span::Text(text.to_string())],
        }
    }

    #[test]
    fn body_size_leading_and_heading_levels_are_measured() {
        let page = PageLines {
            number: 1,
            width: 612.0,
            height: 792.0,
            lines: vec![
                line(740.0, 18.0, "Title of the report"),
                line(700.0, 14.0, "A section"),
                line(680.0, 11.0, "Body text that runs on for a good while here"),
                line(667.4, 11.0, "and goes on to the next line of the paragraph"),
                line(654.8, 11.0, "and ends here on a third line of plain words."),
                line(600.0, 12.0, "Subsection"),
                line(60.0, 8.0, "1 A note."),
            ],
        };
        let style = Style::of(std::slice::from_ref(&page));
        assert!((style.body - 11.0).abs() < 0.01);
        assert!(
            (style.leading(11.0) - 12.5).abs() < 0.01,
            "{:?}",
            style.leadings
        );
        // Not measured: in proportion to the body's, at least 1.2 times the size.
        assert!(
            (style.leading(8.0) - 9.6).abs() < 0.01,
            "{}",
            style.leading(8.0)
        );
        assert_eq!(style.heading_sizes, [18.0, 14.0, 12.0]);
        let levels: Vec<u8> = page.lines.iter().map(|l| style.level(l)).collect();
        assert_eq!(levels[..3], [1, 2, 4]);
        assert_eq!(levels[5], 3);
        assert!(style.is_small(&page.lines[6]) && style.is_main(&page.lines[2]));
    }
}

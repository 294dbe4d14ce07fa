//! The front of a report: what its first blocks say about it rather than
//! what they tell.
//!
//! In: the document's blocks and its metadata. Out: the same, after two
//! rules on the blocks before the first paragraph of prose: a date line
//! (`April 9, 2026`, `Updated April 9, 2026`) dates the report, replacing
//! the file's creation date (a PDF is often made days later), and leaves
//! the text; a heading right above a larger heading is a series mark or
//! kicker (`INSIGHT`, `IN FOCUS`), not a section: it becomes furniture, so
//! that the segmenter takes the larger heading for the title.

use super::blocks::Block;
use super::meta;
use super::style::SIZE_TOLERANCE;
use crate::model::DocMeta;
use crate::segment::Shape;

/// A paragraph with at least this many words is prose: the front ends there.
const MIN_PROSE_WORDS: usize = 8;

/// Applies the front rules.
pub(super) fn read(blocks: &mut Vec<Block>, meta: &mut DocMeta) {
    let end = blocks
        .iter()
        .position(|b| {
            matches!(b.shape, Shape::Para | Shape::Item)
                && b.text.split_whitespace().count() >= MIN_PROSE_WORDS
        })
        .unwrap_or(blocks.len());
    let mut printed = None;
    let mut i = 0;
    let mut end = end;
    while i < end {
        let is_text = matches!(blocks[i].shape, Shape::Para | Shape::Heading { .. });
        if let Some(date) = meta::printed_date(&blocks[i].text).filter(|_| is_text) {
            printed = printed.or(Some(date));
            blocks.remove(i);
            end -= 1;
            continue;
        }
        i += 1;
    }
    if printed.is_some() {
        meta.published = printed;
    }
    for i in 0..end.saturating_sub(1) {
        let (a, b) = (&blocks[i], &blocks[i + 1]);
        if matches!(a.shape, Shape::Heading { .. })
            && matches!(b.shape, Shape::Heading { .. })
            && b.size > a.size + SIZE_TOLERANCE
        {
            blocks[i].shape = Shape::Furniture;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Emphasis;

    fn block(shape: Shape, size: f32, text: &str) -> Block {
        Block {
            shape,
            text: text.to_string(),
            page: 1,
            size,
        }
    }

    fn heading(size: f32, text: &str) -> Block {
        block(
            Shape::Heading {
                level: 1,
                emphasis: Emphasis::Plain,
            },
            size,
            text,
        )
    }

    #[test]
    fn a_kicker_is_furniture_and_the_printed_date_dates_the_report() {
        let mut blocks = vec![
            heading(18.0, "INSIGHT"),
            heading(22.0, "A Ceasefire and Its Critics"),
            heading(14.0, "Updated April 9, 2026"),
            block(
                Shape::Para,
                11.0,
                "On April 7, 2026, the parties agreed to a two-week pause.",
            ),
            block(Shape::Para, 11.0, "May 2, 2026"),
        ];
        let mut meta = DocMeta {
            published: Some(jiff::civil::date(2026, 4, 10)),
            ..DocMeta::default()
        };
        read(&mut blocks, &mut meta);
        assert_eq!(meta.published, Some(jiff::civil::date(2026, 4, 9)));
        let shapes: Vec<&Shape> = blocks.iter().map(|b| &b.shape).collect();
        assert_eq!(shapes[0], &Shape::Furniture);
        assert!(matches!(shapes[1], Shape::Heading { .. }));
        assert_eq!(
            blocks.len(),
            4,
            "the date line is gone, the later date stays"
        );
    }
}

//! Note numbering: the labels a format gives its notes → the numbers a reader
//! of the rendered report sees.
//!
//! In: a report's raw blocks, whose texts hold note references as
//! [`note_marker`]s and whose note blocks carry labels. Out: the same blocks
//! with every label a number. Numbered labels (`[^12]`, HTML `fn12`, a PDF
//! superscript) keep their numbers. When any label is a name, a text's
//! `[^smith]` keys are all numbered in order of first reference, as markdown
//! renderers number them, and notes nobody cites follow in the order
//! defined; a format's printed labels (a table's `a`, `b` beside numbered
//! notes) keep the numbers printed and names are numbered after them.

use rustc_hash::FxHashMap as HashMap;

use super::inline::{Inline, NOTE_CLOSE, NOTE_OPEN, note_marker};
use super::raw::{NoteLabel, RawBlock, Shape};

/// What note labels are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteNumbers {
    /// Keys of markdown's footnote syntax: the rendered page numbers them in
    /// order of first reference, whatever they say.
    ByFirstUse,
    /// What the page prints: a number stays that number.
    Printed,
}

/// Gives every note label of a report a number.
pub(crate) fn number(blocks: &mut [RawBlock], numbering: NoteNumbers) {
    let mut order: Vec<String> = Vec::new();
    let mut named = false;
    for b in blocks.iter() {
        for label in marker_labels(&b.inline.text) {
            named |= label.parse::<u32>().is_err();
            if !order.iter().any(|l| l == label) {
                order.push(label.to_string());
            }
        }
    }
    for b in blocks.iter() {
        if let Shape::Note(label) = &b.shape {
            let label = match label {
                NoteLabel::Number(n) => n.to_string(),
                NoteLabel::Name(name) => {
                    named = true;
                    name.clone()
                }
            };
            if !order.contains(&label) {
                order.push(label);
            }
        }
    }
    if !named {
        return;
    }
    let numbers: HashMap<String, u32> = match numbering {
        NoteNumbers::ByFirstUse => order.into_iter().zip(1u32..).collect(),
        NoteNumbers::Printed => printed_numbers(order),
    };
    for b in blocks.iter_mut() {
        if let Shape::Note(label) = &b.shape {
            let key = match label {
                NoteLabel::Number(n) => n.to_string(),
                NoteLabel::Name(name) => name.clone(),
            };
            if let Some(&n) = numbers.get(&key) {
                b.shape = Shape::Note(NoteLabel::Number(n));
            }
        }
        if b.inline.text.contains(NOTE_OPEN) {
            renumber(&mut b.inline, &numbers);
        }
    }
}

/// A number for every printed label: a numbered note keeps its number
/// (citations quote it); named notes (a table's `a`, `b`) are numbered after
/// the highest of them, in order of first use.
fn printed_numbers(order: Vec<String>) -> HashMap<String, u32> {
    let printed = |label: &str| label.parse::<u32>().ok();
    let highest = order.iter().filter_map(|l| printed(l)).max().unwrap_or(0);
    let mut next = highest;
    order
        .into_iter()
        .map(|label| {
            let n = printed(&label).unwrap_or_else(|| {
                next += 1;
                next
            });
            (label, n)
        })
        .collect()
}

/// The labels of the note markers in a text, in order.
fn marker_labels(text: &str) -> impl Iterator<Item = &str> {
    text.split(NOTE_OPEN)
        .skip(1)
        .filter_map(|rest| rest.split_once(NOTE_CLOSE).map(|(label, _)| label))
}

/// Rewrites each marker's label as its number, moving link ranges with the text.
fn renumber(inline: &mut Inline, numbers: &HashMap<String, u32>) {
    let text = std::mem::take(&mut inline.text);
    let mut out = String::with_capacity(text.len());
    // (offset in the old text, shift of everything after it)
    let mut shifts: Vec<(usize, isize)> = Vec::new();
    let mut last = 0;
    while let Some(open) = text[last..].find(NOTE_OPEN).map(|i| last + i) {
        let Some(close) = text[open..].find(NOTE_CLOSE).map(|i| open + i) else {
            break;
        };
        let end = close + NOTE_CLOSE.len_utf8();
        let label = &text[open + NOTE_OPEN.len_utf8()..close];
        out.push_str(&text[last..open]);
        let marker = match numbers.get(label) {
            Some(n) => note_marker(&n.to_string()),
            None => text[open..end].to_string(),
        };
        let delta = marker.len().cast_signed() - (end - open).cast_signed();
        let total = shifts.last().map_or(0, |s| s.1) + delta;
        shifts.push((end, total));
        out.push_str(&marker);
        last = end;
    }
    out.push_str(&text[last..]);
    let moved = |at: usize| {
        let shift = shifts
            .iter()
            .take_while(|(from, _)| *from <= at)
            .last()
            .map_or(0, |s| s.1);
        at.saturating_add_signed(shift)
    };
    for link in &mut inline.links {
        link.range = moved(link.range.start)..moved(link.range.end);
    }
    inline.text = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::inline::Link;

    fn para(text: &str) -> RawBlock {
        RawBlock::new(
            0..0,
            Shape::Para,
            Inline {
                text: text.to_string(),
                links: Vec::new(),
            },
        )
    }

    fn note(label: &str, text: &str) -> RawBlock {
        let mut b = para(text);
        b.shape = Shape::Note(NoteLabel::parse(label));
        b
    }

    fn m(label: &str) -> String {
        note_marker(label)
    }

    #[test]
    fn numbered_labels_keep_their_numbers() {
        let mut blocks = vec![
            para(&format!("First{} then{}.", m("3"), m("1"))),
            note("1", "One."),
            note("3", "Three."),
        ];
        number(&mut blocks, NoteNumbers::ByFirstUse);
        assert_eq!(
            blocks[0].inline.text,
            format!("First{} then{}.", m("3"), m("1"))
        );
        assert_eq!(blocks[2].shape, Shape::Note(NoteLabel::Number(3)));
    }

    #[test]
    fn named_labels_are_numbered_by_first_reference() {
        let mut blocks = vec![
            note("smith", "Smith, 2020."),
            para(&format!(
                "A claim{} and another{}, again{}.",
                m("jones"),
                m("smith"),
                m("jones")
            )),
            note("jones", "Jones, 2019."),
            note("unused", "Never cited."),
        ];
        number(&mut blocks, NoteNumbers::ByFirstUse);
        assert_eq!(
            blocks[1].inline.text,
            format!("A claim{} and another{}, again{}.", m("1"), m("2"), m("1"))
        );
        let shapes: Vec<&Shape> = blocks.iter().map(|b| &b.shape).collect();
        assert_eq!(shapes[0], &Shape::Note(NoteLabel::Number(2)));
        assert_eq!(shapes[2], &Shape::Note(NoteLabel::Number(1)));
        assert_eq!(shapes[3], &Shape::Note(NoteLabel::Number(3)));
    }

    #[test]
    fn numbered_notes_keep_their_numbers_beside_named_ones() {
        // A table's lettered notes cited before the report's numbered ones.
        let mut blocks = vec![
            para(&format!("Table cell{} and cell{}.", m("a"), m("b"))),
            para(&format!("A claim{} and another{}.", m("1"), m("2"))),
            note("a", "Table note a."),
            note("b", "Table note b."),
            note("1", "One."),
            note("2", "Two."),
        ];
        number(&mut blocks, NoteNumbers::Printed);
        assert_eq!(
            blocks[1].inline.text,
            format!("A claim{} and another{}.", m("1"), m("2"))
        );
        assert_eq!(
            blocks[0].inline.text,
            format!("Table cell{} and cell{}.", m("3"), m("4"))
        );
        let numbers: Vec<&Shape> = blocks[2..].iter().map(|b| &b.shape).collect();
        let want = [3, 4, 1, 2].map(|n| Shape::Note(NoteLabel::Number(n)));
        assert_eq!(numbers, want.iter().collect::<Vec<_>>());
    }

    #[test]
    fn links_move_with_the_text() {
        let text = format!("See{} the [report]", m("long-label"));
        let start = text.find("report").expect("present");
        let mut blocks = vec![para(&text), note("long-label", "Body.")];
        blocks[0].inline.links.push(Link {
            range: start..start + 6,
            dest: "#".into(),
        });
        number(&mut blocks, NoteNumbers::ByFirstUse);
        let inline = &blocks[0].inline;
        assert_eq!(&inline.text[inline.links[0].range.clone()], "report");
    }
}

//! Note labels: the bodies `notes` found → the labels their references and
//! bodies share.
//!
//! In: the bodies, in document order, with the id that names each and the
//! number its first reference prints. Out: one label per body. Numbers are
//! kept when the document numbers its notes: the number a reference prints
//! (`[3]`), else the digits ending the id (`fn3`, `cite_note-x-3`), else
//! the number the body prints first (`3. Ibid.`). When that leaves a note
//! without a number, or two notes with the same one (footnotes and
//! endnotes both from 1), every label is the body's id, a name that
//! `segment::notes` numbers in reading order. A body's text loses what its
//! back-links leave and the label it prints first.

use rustc_hash::FxHashSet as HashSet;

use super::dom::{Dom, NodeId};
use super::text::{drop_prefix, truncate};
use crate::segment::Inline;

/// The most digits a note number has.
const MAX_NUMBER_DIGITS: usize = 5;

/// A note body found, before labelling: what identifies it and the
/// number its first reference prints.
#[derive(Debug)]
pub(super) struct Body {
    /// The element.
    pub node: NodeId,
    /// The id that names it (`fn3`), if any.
    pub key: Option<String>,
    /// The number its first reference prints.
    pub printed: Option<u32>,
}

/// The number a label prints (`[12]` → 12).
pub(super) fn printed_number(text: &str) -> Option<u32> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || "[]().".contains(c));
    if t.is_empty() || t.len() > MAX_NUMBER_DIGITS || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Labels for `bodies`, in their order.
pub(super) fn label(dom: &Dom, bodies: &[Body]) -> Vec<String> {
    let numbers: Vec<Option<u32>> = bodies
        .iter()
        .map(|b| {
            b.printed
                .or_else(|| b.key.as_deref().and_then(trailing_number))
                .or_else(|| leading_number(&dom.text_content(b.node)))
        })
        .collect();
    let mut seen = HashSet::default();
    let distinct = numbers.iter().all(|n| n.is_some_and(|n| seen.insert(n)));
    if distinct {
        return numbers
            .into_iter()
            .flatten()
            .map(|n| n.to_string())
            .collect();
    }
    let mut taken: HashSet<String> = HashSet::default();
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut name = b.key.clone().unwrap_or_else(|| format!("note-{}", i + 1));
            if !taken.insert(name.clone()) {
                name = format!("{name}-{}", i + 1);
                taken.insert(name.clone());
            }
            name
        })
        .collect()
}

/// The label of a reference whose body was not found, in the scheme the
/// bodies use.
pub(super) fn dangling(key: &str, printed: Option<u32>, labelled: &[String]) -> String {
    let numbered = labelled.iter().all(|l| l.parse::<u32>().is_ok());
    match printed.or_else(|| trailing_number(key)) {
        Some(n) if numbered => n.to_string(),
        _ => key.to_string(),
    }
}

/// The number an id ends with (`fn12` → 12).
fn trailing_number(key: &str) -> Option<u32> {
    let digits = key.len() - key.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > MAX_NUMBER_DIGITS {
        return None;
    }
    key[key.len() - digits..].parse().ok()
}

/// The number a body's text opens with (`12. Ibid.`, `[12] Ibid.`).
fn leading_number(text: &str) -> Option<u32> {
    let first = text.split_whitespace().next()?;
    printed_number(first.trim_end_matches([':', '.']))
}

/// What back-links leave around a note's text: arrows, carets, the stop
/// after a removed number.
const BACKLINK_RESIDUE: &str = " \n.:)]^↑↩\u{FE0E}\u{FE0F}";

/// Drops what back-links leave at a note's ends and the label it prints
/// first when that is its own (`3. Ibid.` for note 3).
pub(super) fn clean_body(inline: &mut Inline, label: &str) {
    let residue = |c: char| BACKLINK_RESIDUE.contains(c);
    let mut cut = inline.text.len() - inline.text.trim_start_matches(residue).len();
    let rest = &inline.text[cut..];
    let unbracketed = rest.strip_prefix(['[', '(']).unwrap_or(rest);
    if let Some(after) = unbracketed.strip_prefix(label)
        && after.starts_with(|c: char| c.is_whitespace() || ".)]:".contains(c))
    {
        let after_label = inline.text.len() - after.len();
        cut = after_label + (after.len() - after.trim_start_matches(residue).len());
    }
    drop_prefix(inline, cut);
    let kept = inline
        .text
        .trim_end_matches(|c: char| residue(c) && c != '.' && c != ')' && c != ']');
    let kept = kept.len();
    truncate(inline, kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_from_ids_and_text() {
        let cases = [
            ("fn12", Some(12)),
            ("cite_note-Smith2020-7", Some(7)),
            ("fn:3", Some(3)),
            ("fn-smith", None),
            ("fn1234567", None),
        ];
        for (key, want) in cases {
            assert_eq!(trailing_number(key), want, "{key}");
        }
        assert_eq!(leading_number("12. Ibid."), Some(12));
        assert_eq!(leading_number("[4] Ibid."), Some(4));
        assert_eq!(leading_number("Ibid."), None);
    }

    #[test]
    fn dangling_references_follow_the_scheme() {
        let numbers = vec!["1".to_string(), "2".to_string()];
        assert_eq!(dangling("fn9", None, &numbers), "9");
        assert_eq!(dangling("fn9", Some(4), &numbers), "4");
        let names = vec!["fn-a".to_string()];
        assert_eq!(dangling("fn9", None, &names), "fn9");
    }

    #[test]
    fn notes_lose_their_backlinks_and_own_label() {
        let cases = [
            (
                ".\nU.S. CENTCOM, Fact Sheet.",
                "1",
                "U.S. CENTCOM, Fact Sheet.",
            ),
            ("^ Smith 2020, p. 4.", "3", "Smith 2020, p. 4."),
            ("3. Ibid.", "3", "Ibid."),
            ("[3] Ibid.", "3", "Ibid."),
            ("30 interviews were held.", "3", "30 interviews were held."),
            ("Text of the note. ↩\u{FE0E}", "2", "Text of the note."),
            ("2019 was a year.", "2", "2019 was a year."),
        ];
        for (text, label, want) in cases {
            let mut inline = Inline {
                text: text.to_string(),
                links: Vec::new(),
            };
            clean_body(&mut inline, label);
            assert_eq!(inline.text, want, "{text:?}");
        }
    }
}

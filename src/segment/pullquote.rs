//! Pull-quotes: short standalone lines that repeat (part of) a sentence of a
//! nearby paragraph, as web layouts print them. They are kept once: inside
//! their full paragraph.
//!
//! In: the texts of a report's prose blocks in order. Out: the indices of the
//! blocks that are pull-quotes. A pull-quote need not be an exact copy: it may
//! add bracketed words (`[Malian]`), elide with `…`, be cut off, differ in
//! quotes, spacing or a stray hyphen, and sit a dozen blocks from its paragraph.
//! So both texts are reduced to their letters and digits, the quote is cut into
//! segments at brackets and ellipses, and every segment must be found, in
//! order, in one nearby longer paragraph.

use crate::fold::letters_and_digits;

/// How far (in blocks, either way) a pull-quote may sit from its paragraph.
pub(crate) const MAX_DISTANCE: usize = 12;
/// Longest text taken for a pull-quote, in characters.
const MAX_QUOTE_CHARS: usize = 400;
/// Segments shorter than this (in letters) prove nothing and are skipped.
const MIN_SEGMENT: usize = 8;
/// The segments found must cover at least this many letters.
const MIN_MATCHED: usize = 30;

/// Indices of the blocks that repeat part of a nearby, longer block.
pub(crate) fn find(texts: &[&str]) -> Vec<usize> {
    // Folded texts are made only for the neighbours of a short candidate.
    let mut folded: Vec<Option<String>> = vec![None; texts.len()];
    let mut out = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if text.len() > 4 * MAX_QUOTE_CHARS || text.chars().count() > MAX_QUOTE_CHARS {
            continue;
        }
        let segments = segments(text);
        let matched: usize = segments.iter().map(String::len).sum();
        if matched < MIN_MATCHED {
            continue;
        }
        let lo = i.saturating_sub(MAX_DISTANCE);
        let hi = (i + MAX_DISTANCE).min(texts.len() - 1);
        let own = letters_and_digits(text).len();
        let repeats = (lo..=hi).any(|j| {
            if j == i || out.contains(&j) {
                return false;
            }
            let other = folded[j].get_or_insert_with(|| letters_and_digits(texts[j]));
            other.len() > own && contains_in_order(other, &segments)
        });
        if repeats {
            out.push(i);
        }
    }
    out
}

/// The quote's own words, cut at bracketed insertions and ellipses, folded.
fn segments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let ellipsis = c == '…' || (c == '.' && chars.peek() == Some(&'.'));
        if c == '[' {
            depth += 1;
        }
        if c == '[' || ellipsis {
            out.push(std::mem::take(&mut current));
            while ellipsis && chars.peek() == Some(&'.') {
                chars.next();
            }
        } else if c == ']' {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            current.push(c);
        }
    }
    out.push(current);
    out.into_iter()
        .map(|s| letters_and_digits(&s))
        .filter(|s| s.len() >= MIN_SEGMENT)
        .collect()
}

fn contains_in_order(haystack: &str, segments: &[String]) -> bool {
    let mut from = 0;
    for s in segments {
        // memchr's searcher (SIMD) finds the same first occurrence as
        // `str::find`, several times faster on these paragraph-long texts.
        match memchr::memmem::find(&haystack.as_bytes()[from..], s.as_bytes()) {
            Some(i) => from += i + s.len(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "For years, the government rejected the idea of talks with militants, but lately it has begun rethinking its opposition due to bad news from the front. The army has lost ground.";

    #[test]
    fn repeats_are_found_despite_edits() {
        let quotes = [
            // exact sentence
            "The army has lost ground, and the rest of the sentence is not here but nearby text is.",
            // bracketed insertion
            "For years, the [Malian] government rejected the idea of talks with militants, but lately it has begun rethinking.",
            // ellipsis
            "For years, the government … has begun rethinking its opposition due to bad news from the front.",
            // quotes and a stray hyphen
            "For years, the govern-ment rejected the ‘idea’ of talks with militants",
        ];
        for (k, q) in quotes.iter().enumerate().skip(1) {
            let texts = [
                PARAGRAPH,
                "Another paragraph entirely, about prisons and courts in the capital.",
                q,
            ];
            assert_eq!(find(&texts), vec![2], "quote {k}: {q}");
        }
        let texts = [quotes[0], PARAGRAPH];
        assert!(
            find(&texts).is_empty(),
            "a sentence not in the paragraph is not a quote"
        );
    }

    #[test]
    fn short_or_distant_or_original_text_is_kept() {
        let filler: Vec<String> = (0..=MAX_DISTANCE)
            .map(|i| {
                format!("Filler paragraph number {i} about something else entirely, long enough.")
            })
            .collect();
        let mut texts: Vec<&str> =
            vec!["For years, the government rejected the idea of talks with militants."];
        texts.extend(filler.iter().map(String::as_str));
        texts.push(PARAGRAPH);
        assert!(find(&texts).is_empty(), "too far away");
        assert!(
            find(&["The army has lost ground.", PARAGRAPH]).is_empty(),
            "too short to prove anything"
        );
        let heading_like = [
            "Executive Summary",
            "Executive Summary of the report follows here at length.",
        ];
        assert!(find(&heading_like).is_empty());
    }

    #[test]
    fn the_longer_text_is_never_the_quote() {
        let texts = [
            PARAGRAPH,
            "For years, the government rejected the idea of talks with militants, but lately it has begun rethinking.",
        ];
        assert_eq!(find(&texts), vec![1]);
    }
}

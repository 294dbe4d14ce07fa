//! A 64-bit simhash of a passage's words, to spot near-identical passages
//! (a timeline item that repeats a paragraph, a summary that repeats the body).

use std::hash::{DefaultHasher, Hash, Hasher};

/// Word shingle size: pairs of words keep some order without being brittle.
const SHINGLE: usize = 2;

/// Simhash of the lower-cased alphanumeric words of `text`.
pub(crate) fn of_text(text: &str) -> u64 {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut weights = [0i32; 64];
    for shingle in words.windows(SHINGLE.min(words.len().max(1))) {
        let mut h = DefaultHasher::new();
        shingle.hash(&mut h);
        let bits = h.finish();
        for (i, w) in weights.iter_mut().enumerate() {
            if bits >> i & 1 == 1 {
                *w += 1;
            } else {
                *w -= 1;
            }
        }
    }
    weights
        .iter()
        .enumerate()
        .filter(|(_, w)| **w > 0)
        .fold(0u64, |acc, (i, _)| acc | 1 << i)
}

/// Number of differing bits.
pub(crate) fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_copies_are_close_and_strangers_far() {
        let a = of_text(
            "French troops launched an operation in the north of the country on 4 June, targeting a senior commander of the group and his escort.",
        );
        let b = of_text(
            "French troops launch an operation in the north of the country on 4 June, targeting a senior commander of the group and his escort.",
        );
        let c = of_text(
            "The prison administration counts two hundred inmates in a facility built for half as many, most of them awaiting trial.",
        );
        assert!(distance(a, b) <= 10, "near copies: {}", distance(a, b));
        assert!(distance(a, c) > 16, "strangers: {}", distance(a, c));
    }
}

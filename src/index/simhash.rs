//! A 64-bit simhash of a passage's words, to spot near-identical passages
//! (a timeline item that repeats a paragraph, a summary that repeats the body).

/// FNV-1a, enough to spread word shingles over 64 bits (no need for the
/// resistance to crafted input of the standard library's hasher here).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A word's hash, ASCII case folded, without allocating.
fn word_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for b in word.bytes() {
        h ^= u64::from(b.to_ascii_lowercase());
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Simhash of the lower-cased alphanumeric words of `text`, over word pairs
/// (pairs keep some order without being brittle): bit `i` is set when more
/// than half of the pairs' hashes have it.
pub(crate) fn of_text(text: &str) -> u64 {
    let mut ones = BitCounts::default();
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return 0;
    };
    let mut prev = word_hash(first);
    for w in words {
        let h = word_hash(w);
        ones.add(prev.rotate_left(17) ^ h.wrapping_mul(FNV_PRIME));
        prev = h;
    }
    if ones.added == 0 {
        ones.add(prev);
    }
    (0..64)
        .filter(|&bit| 2 * ones.count(bit) > ones.added)
        .fold(0u64, |acc, bit| acc | 1 << bit)
}

/// How many of the values added have each of the 64 bits set, counted for
/// all bits at once: `planes[k]` holds bit `k` of every bit's count (a
/// binary counter per bit, added to with carries), so adding a value costs
/// a few word operations instead of 64 additions.
#[derive(Default)]
struct BitCounts {
    planes: [u64; 32],
    added: u64,
}

impl BitCounts {
    fn add(&mut self, value: u64) {
        self.added += 1;
        let mut carry = value;
        for plane in &mut self.planes {
            if carry == 0 {
                break;
            }
            let next = *plane & carry;
            *plane ^= carry;
            carry = next;
        }
    }

    /// How many values added have `bit` set.
    fn count(&self, bit: u32) -> u64 {
        // No count exceeds `added`: the planes past its highest bit are empty.
        let used = (u64::BITS - self.added.leading_zeros()) as usize;
        self.planes[..used.min(self.planes.len())]
            .iter()
            .enumerate()
            .map(|(k, plane)| (plane >> bit & 1) << k)
            .sum()
    }
}

/// Number of differing bits.
pub(crate) fn distance(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The simhash as first written: a signed weight per bit, +1 or -1 for
    /// each pair.
    fn by_weights(text: &str) -> u64 {
        let mut weights = [0i32; 64];
        let mut add = |bits: u64| {
            for (i, w) in weights.iter_mut().enumerate() {
                *w += if bits >> i & 1 == 1 { 1 } else { -1 };
            }
        };
        let mut words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let Some(first) = words.next() else {
            return 0;
        };
        let mut prev = word_hash(first);
        let mut pairs = 0;
        for w in words {
            let h = word_hash(w);
            add(prev.rotate_left(17) ^ h.wrapping_mul(FNV_PRIME));
            prev = h;
            pairs += 1;
        }
        if pairs == 0 {
            add(prev);
        }
        weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0)
            .fold(0u64, |acc, (i, _)| acc | 1 << i)
    }

    #[test]
    fn counting_bits_in_planes_gives_the_weighted_simhash() {
        let long = "word ".repeat(1000) + &"other words here ".repeat(333);
        let texts = [
            "",
            "one",
            "two words",
            "Türkiye’s returnees, 2019: the prison administration counts two hundred inmates.",
            long.as_str(),
        ];
        for text in texts {
            assert_eq!(of_text(text), by_weights(text), "{text}");
        }
    }

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

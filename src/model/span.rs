//! Byte ranges in JSON: `[start, end]`, the shape scripts slice with.

use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serialises a range as `[start, end]`.
pub(super) fn serialize<S: Serializer>(range: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
    [range.start, range.end].serialize(s)
}

/// Reads `[start, end]` back into a range.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Range<usize>, D::Error> {
    let [start, end] = <[usize; 2]>::deserialize(d)?;
    Ok(start..end)
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder {
        #[serde(with = "super")]
        span: Range<usize>,
    }

    #[test]
    fn ranges_round_trip_as_pairs() {
        let json = serde_json::to_string(&Holder { span: 3..9 }).expect("serialises");
        assert_eq!(json, r#"{"span":[3,9]}"#);
        let back: Holder = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.span, 3..9);
    }
}

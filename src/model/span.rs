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

/// The same for an optional range (absent or `null` when none).
pub(super) mod optional {
    use std::ops::Range;

    use serde::{Deserialize, Deserializer, Serializer};

    /// Serialises `Some(range)` as `[start, end]`, `None` as `null`.
    #[expect(
        clippy::ref_option,
        reason = "serde's `with` hands over a reference to the field"
    )]
    pub(in crate::model) fn serialize<S: Serializer>(
        range: &Option<Range<usize>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match range {
            Some(r) => super::serialize(r, s),
            None => s.serialize_none(),
        }
    }

    /// Reads `[start, end]` or `null`.
    pub(in crate::model) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Range<usize>>, D::Error> {
        Ok(Option::<[usize; 2]>::deserialize(d)?.map(|[start, end]| start..end))
    }
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

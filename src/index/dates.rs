//! Exact date-overlap filtering with plain range queries.
//!
//! A passage matches `--from A --to B` when any date it mentions overlaps
//! `[A, B]` (SPEC section 5). Each mentioned date (a day, a month, a year, an
//! interval, a decade) is indexed as the few *aligned blocks* that tile it:
//! decades, years, months and days, e.g. `2019-04/2020-12` → months 2019-04 …
//! 2019-12 and year 2020. A block overlaps `[A, B]` exactly when its ordinal lies
//! between the ordinals of `A` and `B` at the block's own level, so the filter is
//! four range queries, one per level, and never a false hit.

use std::ops::RangeInclusive;

use jiff::ToSpan;
use jiff::civil::{Date, date};

/// Block levels, stored in the high bits of each indexed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Day = 0,
    Month = 1,
    Year = 2,
    Decade = 3,
}

const LEVELS: [Level; 4] = [Level::Day, Level::Month, Level::Year, Level::Decade];

/// Where the level sits in an indexed value; ordinals stay below `1 << LEVEL_SHIFT`.
const LEVEL_SHIFT: u32 = 40;

/// Day numbers count from 1970-01-01 shifted by this, so that every civil date
/// jiff knows (years -9999 … 9999) is a positive number.
const DAY_OFFSET: i64 = 5_000_000;

/// A long interval never yields more blocks than this; the rest is dropped
/// rather than blowing up the index (no real text needs it).
const MAX_BLOCKS: usize = 256;

fn epoch() -> Date {
    date(1970, 1, 1)
}

/// The day number of a date (days since 1970-01-01, shifted to be positive).
pub(crate) fn day_number(d: Date) -> u64 {
    let days = d.duration_since(epoch()).as_secs() / 86_400;
    u64::try_from(days + DAY_OFFSET).expect("DAY_OFFSET covers every civil date")
}

/// The date of a day number made by [`day_number`].
#[cfg_attr(not(test), expect(dead_code, reason = "used by the timeline"))]
pub(crate) fn date_of_day_number(n: u64) -> Option<Date> {
    let days = i64::try_from(n).ok()? - DAY_OFFSET;
    epoch().checked_add(days.days()).ok()
}

fn ordinal(level: Level, d: Date) -> u64 {
    let year = u64::try_from(d.year()).unwrap_or(0);
    match level {
        Level::Day => day_number(d),
        Level::Month => year * 12 + u64::from(d.month().unsigned_abs()) - 1,
        Level::Year => year,
        Level::Decade => year / 10,
    }
}

fn key(level: Level, ordinal: u64) -> u64 {
    ((level as u64) << LEVEL_SHIFT) | ordinal
}

/// The aligned blocks that tile `[first, last]`, as indexed values.
pub(crate) fn blocks(first: Date, last: Date) -> Vec<u64> {
    let mut out = Vec::new();
    let mut cur = first;
    while cur <= last && out.len() < MAX_BLOCKS {
        let (level, next) = widest_block_at(cur, last);
        out.push(key(level, ordinal(level, cur)));
        match next {
            Some(n) => cur = n,
            None => break,
        }
    }
    out
}

/// The widest block starting at `cur` that ends on or before `last`, and the day after it.
fn widest_block_at(cur: Date, last: Date) -> (Level, Option<Date>) {
    let jan1 = cur.month() == 1 && cur.day() == 1;
    let fits = |span: jiff::Span| {
        cur.checked_add(span)
            .ok()
            .filter(|next| next.yesterday().is_ok_and(|end| end <= last))
    };
    if jan1
        && cur.year() % 10 == 0
        && let Some(next) = fits(10.years())
    {
        return (Level::Decade, Some(next));
    }
    if jan1 && let Some(next) = fits(1.year()) {
        return (Level::Year, Some(next));
    }
    if cur.day() == 1 && cur.last_of_month() <= last {
        return (Level::Month, cur.checked_add(1.month()).ok());
    }
    (Level::Day, cur.tomorrow().ok())
}

/// For a filter `[from, to]`, the inclusive ranges of indexed values that overlap it.
pub(crate) fn overlap_ranges(from: Date, to: Date) -> Vec<RangeInclusive<u64>> {
    LEVELS
        .into_iter()
        .map(|level| key(level, ordinal(level, from))..=key(level, ordinal(level, to)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a passage mentioning `[first, last]` matches the filter `[from, to]`,
    /// decided through the blocks, as the index does.
    fn matches(first: Date, last: Date, from: Date, to: Date) -> bool {
        let ranges = overlap_ranges(from, to);
        blocks(first, last)
            .iter()
            .any(|b| ranges.iter().any(|r| r.contains(b)))
    }

    #[test]
    fn blocks_tile_common_values() {
        let year = blocks(date(2019, 1, 1), date(2019, 12, 31));
        assert_eq!(year, vec![key(Level::Year, 2019)]);
        let decade = blocks(date(1990, 1, 1), date(1999, 12, 31));
        assert_eq!(decade, vec![key(Level::Decade, 199)]);
        let month = blocks(date(2020, 5, 1), date(2020, 5, 31));
        assert_eq!(month, vec![key(Level::Month, 2020 * 12 + 4)]);
        let mixed = blocks(date(2019, 4, 1), date(2020, 12, 31));
        assert_eq!(mixed.len(), 9 + 1, "nine months of 2019 and the year 2020");
        let days = blocks(date(2019, 11, 29), date(2019, 12, 3));
        assert_eq!(days.len(), 2 + 3);
    }

    #[test]
    fn overlap_is_exact_at_every_level() {
        let d = date;
        // (mentioned first, last, filter from, to, expected)
        let cases = [
            // a passage that mentions only 2019 matches June–July 2019
            (
                d(2019, 1, 1),
                d(2019, 12, 31),
                d(2019, 6, 1),
                d(2019, 7, 31),
                true,
            ),
            // May 2020 does not match the year 2019
            (
                d(2020, 5, 1),
                d(2020, 5, 31),
                d(2019, 1, 1),
                d(2019, 12, 31),
                false,
            ),
            // a day inside the range
            (
                d(2020, 6, 29),
                d(2020, 6, 29),
                d(2020, 6, 1),
                d(2020, 6, 30),
                true,
            ),
            // a day just outside
            (
                d(2020, 7, 1),
                d(2020, 7, 1),
                d(2020, 6, 1),
                d(2020, 6, 30),
                false,
            ),
            // a month that only touches the filter's last day
            (
                d(2020, 6, 1),
                d(2020, 6, 30),
                d(2020, 5, 10),
                d(2020, 6, 1),
                true,
            ),
            // the 1990s and a filter in 1995
            (
                d(1990, 1, 1),
                d(1999, 12, 31),
                d(1995, 3, 1),
                d(1995, 3, 2),
                true,
            ),
            // the 1990s and a filter in 2000
            (
                d(1990, 1, 1),
                d(1999, 12, 31),
                d(2000, 1, 1),
                d(2000, 12, 31),
                false,
            ),
            // an interval that straddles the filter's start
            (
                d(2014, 1, 1),
                d(2015, 12, 31),
                d(2015, 6, 1),
                d(2016, 1, 1),
                true,
            ),
            // an interval ending the day before the filter
            (
                d(2014, 1, 1),
                d(2015, 12, 31),
                d(2016, 1, 1),
                d(2016, 1, 2),
                false,
            ),
        ];
        for (first, last, from, to, expected) in cases {
            assert_eq!(
                matches(first, last, from, to),
                expected,
                "mention {first}..{last}, filter {from}..{to}"
            );
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        for d in [date(1970, 1, 1), date(2020, 2, 29), date(1066, 10, 14)] {
            assert_eq!(date_of_day_number(day_number(d)), Some(d));
        }
    }
}

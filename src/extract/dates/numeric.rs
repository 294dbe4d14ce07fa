//! Numeric dates: `2015-03-03`, `2012/8/10`, `20.08.2019`, `28/02/2022`,
//! `9/2012`.
//!
//! In: the tokens through the [`Cursor`], at a number. Out: a [`Point`] and
//! the position after it. Day and month order is read from the numbers
//! themselves: dots mean day-first (the European and Turkish habit); with
//! slashes or dashes, a part above 12 settles it, and when both orders are
//! possible only the year is kept. Impossible dates (`13/31/2018`) come back
//! marked invalid, so their tokens are consumed and nothing is emitted.

use super::cursor::Cursor;
use super::expr::Point;
use super::point::ATTACHED_YEARS;

/// `2015-03-03`, `2012/8/10`, `20.08.2019`, `28/02/2022`, `9/2012`.
pub(crate) fn numeric(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let (first, first_len) = cur.num(i)?;
    if cur.glued(i) && matches!(cur.punct(i - 1), Some('-' | '/' | '.')) {
        return None;
    }
    let sep = cur.punct(i + 1).filter(|c| matches!(c, '-' | '/' | '.'))?;
    let joined = |k: usize| cur.punct(k) == Some(sep) && cur.glued(k) && cur.glued(k + 1);
    if !joined(i + 1) {
        return None;
    }
    let (second, second_len) = cur.num(i + 2)?;
    let Some((third, third_len)) = cur.num(i + 4).filter(|_| joined(i + 3)) else {
        let month_year = sep == '/' && first_len <= 2 && second_len == 4;
        let p = (month_year && ATTACHED_YEARS.contains(&second)).then(|| ymd(second, first, None));
        return p.map(|p| (p, i + 3));
    };
    if joined(i + 5) {
        return None;
    }
    let p = if first_len == 4
        && second_len <= 2
        && third_len <= 2
        && ATTACHED_YEARS.contains(&first)
    {
        ymd(first, second, Some(third))
    } else if first_len <= 2 && second_len <= 2 && third_len == 4 && ATTACHED_YEARS.contains(&third)
    {
        day_month_year(first, second, third, sep)
    } else {
        return None;
    };
    Some((p, i + 5))
}

/// A numeric year-month(-day); out-of-range parts make it invalid.
fn ymd(year: u32, month: u32, day: Option<u32>) -> Point {
    Point {
        year: Some(year.cast_signed()),
        month: u8::try_from(month).ok().filter(|m| (1..=12).contains(m)),
        day,
        invalid: !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)),
        ..Point::default()
    }
}

/// `a/b/yyyy`: day-first with dots, else whichever order the numbers allow.
/// When both orders are possible the year alone is kept: it is certain, the
/// rest is not.
fn day_month_year(a: u32, b: u32, year: u32, sep: char) -> Point {
    let (day, month) = match (a <= 12, b <= 12) {
        _ if sep == '.' => (a, b),
        (false, true) => (a, b),
        (true, false) => (b, a),
        (true, true) if a == b => (a, b),
        (true, true) => {
            return Point {
                year: Some(year.cast_signed()),
                ..Point::default()
            };
        }
        (false, false) => {
            return Point {
                year: Some(year.cast_signed()),
                invalid: true,
                ..Point::default()
            };
        }
    };
    ymd(year, month, Some(day))
}

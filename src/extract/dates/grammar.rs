//! The date grammar, top level: the scan over the tokens, intervals,
//! coordination, and the choice of rule for a single date at a position.
//! The rules it combines each read the tokens through the
//! [`cursor`](super::cursor) and build the values of [`expr`](super::expr):
//! dates with a month name or a year in [`point`], numeric dates in
//! [`numeric`], decades, seasons, qualified dates and fractions of a year in
//! [`period`], relative phrases in [`relative`], the "not a date" rules in
//! [`reject`]. Also here: the future-tense test the resolver asks about
//! year-less dates ([`speaks_of_future`]).
//!
//! In: a [`Cursor`] over the tokens of one text. Out: [`Parsed`] expressions
//! (a point or an interval, as written, possibly without a year) with their
//! token range, in text order, never overlapping. Nothing is resolved here:
//! `October 8` stays year-less and `last year` stays relative until
//! [`resolve`](super::resolve).
//!
//! The grammar itself is specified in the documentation of the parent
//! module (`dossier::extract::dates`), where users of the extractor read it.

use std::ops::Range;

use super::cursor::Cursor;
use super::expr::{Expr, Point, Rel};
use super::lexicon::Lex;
use super::token::Kind;
use super::{numeric, period, point, reject, relative};
use crate::fold::is_apostrophe;

/// How many coordinated dates one expression may chain (`3, 4 and 5 May`);
/// bounds the recursion on long lists of numbers.
const MAX_COORDINATED: usize = 8;

/// Two-digit interval ends (`2014-16`) may span at most this many years;
/// beyond that the pair is an identifier (`2012-80`).
const MAX_SHORT_SPAN: i32 = 20;

/// How many tokens either side of a date the future-tense test looks at.
const SENTENCE_WINDOW: usize = 60;

/// An expression and the tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) expr: Expr,
    pub(crate) toks: Range<usize>,
}

/// One end of an interval: a point, or a lone number that only an interval
/// can give a meaning to.
#[derive(Debug, Clone, Copy)]
enum Side {
    Point(Point),
    /// A day without its month (`10` in `10-22 August`), maybe with a year
    /// after it (`22, 2012` in `August 10 - 22, 2012`).
    Day(u32, Option<i32>),
    /// Two digits after a year (`15` in `2014-15`).
    Short(u32),
}

/// Every date expression, in text order.
pub(crate) fn parse(cur: &Cursor<'_>) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cur.len() {
        if !may_start(cur, i) {
            i += 1;
            continue;
        }
        match expression(cur, i, 0) {
            Some((found, end)) => {
                out.extend(found.into_iter().filter(|p| accept(cur, p)));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A cheap test that token `i` can begin an expression.
fn may_start(cur: &Cursor<'_>, i: usize) -> bool {
    let Some(kind) = cur.kind(i) else {
        return false;
    };
    match kind {
        Kind::Num { .. } | Kind::Ordinal(_) | Kind::Decade(_) | Kind::DayMonth { .. } => true,
        Kind::Punct(c) => is_apostrophe(c),
        Kind::Word { lex, .. } => !matches!(
            lex,
            Lex::Other
                | Lex::Weekday
                | Lex::Of
                | Lex::TimePrep { .. }
                | Lex::Det
                | Lex::IdPrefix
                | Lex::CountNoun
                | Lex::Percent
                | Lex::Future
                | Lex::Approx
                | Lex::Comparative
                | Lex::And
                | Lex::RangeTo
                | Lex::BeforeAfter(_)
                | Lex::Unit(_)
                | Lex::Fraction(_)
        ),
        Kind::Mixed | Kind::Url | Kind::Break => false,
    }
}

/// The final "not a date" check on a complete expression.
fn accept(cur: &Cursor<'_>, p: &Parsed) -> bool {
    let bare_years = match p.expr {
        Expr::Point(a) => a.is_bare_year(),
        Expr::Range(a, b) => a.is_bare_year() && b.is_bare_year(),
    };
    !bare_years || !reject::bare_year_is_quantity(cur, p.toks.clone())
}

/// The expression starting at token `i` (several when coordinated).
fn expression(cur: &Cursor<'_>, i: usize, depth: usize) -> Option<(Vec<Parsed>, usize)> {
    let single = |expr, end| Some((vec![Parsed { expr, toks: i..end }], end));
    match cur.lex(i) {
        Lex::Between | Lex::From => {
            if let Some((expr, end)) = bounded_range(cur, i) {
                return single(expr, end);
            }
            return None;
        }
        _ => {}
    }
    if let Some((expr, end)) = period::fraction(cur, i) {
        return single(expr, end);
    }
    let cued = depth > 0;
    let (left, j) = side(cur, i, cued)?;
    if let Some((expr, end)) = range_tail(cur, left, j) {
        return single(expr, end);
    }
    if let Some(found) = coordinated(cur, i, left, j, depth) {
        return Some(found);
    }
    match left {
        Side::Point(p) => single(Expr::Point(p), j),
        Side::Day(..) | Side::Short(_) => None,
    }
}

/// `between X and Y`, `from X to Y`.
fn bounded_range(cur: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let (left, j) = side(cur, i + 1, true)?;
    let joined = match cur.lex(i) {
        Lex::Between => cur.lex(j) == Lex::And,
        _ => cur.lex(j) == Lex::RangeTo || cur.is_dash(j),
    };
    if !joined {
        return None;
    }
    let (right, k) = right_side(cur, j + 1, left)?;
    Some((combine(left, right, false)?, k))
}

/// `X - Y`, `X to Y` after a left side ending at `j`.
fn range_tail(cur: &Cursor<'_>, left: Side, j: usize) -> Option<(Expr, usize)> {
    let slash = cur.punct(j) == Some('/') && cur.glued(j) && cur.glued(j + 1);
    if !(cur.is_dash(j) || cur.lex(j) == Lex::RangeTo || slash) {
        return None;
    }
    // A slash joins years (`2014/15`) and months (`August/September 2014`).
    let month_word = matches!(cur.lex(j + 1), Lex::Month(..));
    if slash && !matches!(left, Side::Point(p) if p.is_bare_year() || p.day.is_none() && month_word)
    {
        return None;
    }
    let (right, k) = right_side(cur, j + 1, left)?;
    let tight = cur.glued(j) && cur.glued(j + 1);
    Some((combine(left, right, tight)?, k))
}

/// The right end of an interval whose left end is `left`.
fn right_side(cur: &Cursor<'_>, i: usize, left: Side) -> Option<(Side, usize)> {
    if let (Side::Point(p), Some((value, 2))) = (left, cur.num(i))
        && p.is_bare_year()
        && cur.glued(i)
    {
        return Some((Side::Short(value), i + 1));
    }
    let (side, j) = side(cur, i, true)?;
    if let Side::Day(day, None) = side {
        let k = j + usize::from(cur.punct(j) == Some(','));
        if let Some((year, end)) = point::year(cur, k, point::ATTACHED_YEARS) {
            return Some((Side::Day(day, Some(year)), end));
        }
    }
    Some((side, j))
}

/// A point, or a lone day number.
fn side(cur: &Cursor<'_>, i: usize, cued: bool) -> Option<(Side, usize)> {
    if let Some((p, j)) = any_point(cur, i, cued) {
        return Some((Side::Point(p), j));
    }
    let (day, j) = point::day(cur, i)?;
    Some((Side::Day(day, None), j))
}

/// The single date starting at token `i` (`point` in the grammar), from
/// whichever rule reads one there. `cued` says the caller already knows a
/// date belongs here (after `early`, or as the end of an interval), which
/// lets a bare month name through.
fn any_point(cur: &Cursor<'_>, i: usize, cued: bool) -> Option<(Point, usize)> {
    match cur.kind(i)? {
        Kind::Num { .. } => point::day_first(cur, i)
            .or_else(|| numeric::numeric(cur, i))
            .or_else(|| point::year_first(cur, i))
            .or_else(|| point::bare_year(cur, i))
            .or_else(|| relative::relative(cur, i)),
        Kind::Ordinal(_) | Kind::DayMonth { .. } => point::day_first(cur, i),
        Kind::Decade(_) => period::decade(cur, i),
        Kind::Punct(c) if is_apostrophe(c) => period::decade(cur, i),
        Kind::Word { lex, .. } => match lex {
            Lex::Month(..) => point::month_first(cur, i, cued),
            Lex::Season(_) => period::season(cur, i),
            Lex::Qualifier(_) | Lex::Part(_) => period::qualified(cur, i),
            Lex::Ordinal(_) | Lex::Tens(_) => point::day_first(cur, i),
            Lex::The => period::qualified(cur, i)
                .or_else(|| period::decade(cur, i))
                .or_else(|| period::season(cur, i))
                .or_else(|| point::day_first(cur, i))
                .or_else(|| relative::relative(cur, i)),
            _ => relative::relative(cur, i),
        },
        _ => None,
    }
}

/// `July and August 2019`, `3, 4 and 5 March`: a left side missing its
/// year (or month) takes it from the first complete date after it.
fn coordinated(
    cur: &Cursor<'_>,
    i: usize,
    left: Side,
    j: usize,
    depth: usize,
) -> Option<(Vec<Parsed>, usize)> {
    let needs_fill = match left {
        Side::Point(p) => p.lacks_year() && (p.month.is_some() || p.qualifier.is_some()),
        Side::Day(_, None) => true,
        Side::Day(..) | Side::Short(_) => false,
    };
    if !needs_fill || depth >= MAX_COORDINATED {
        return None;
    }
    let mut k = j;
    let comma = cur.punct(k) == Some(',');
    if comma || cur.punct(k) == Some('&') {
        k += 1;
    }
    if cur.lex(k) == Lex::And {
        k += 1;
    }
    if k == j {
        return None;
    }
    let (mut tail, end) = expression(cur, k, depth + 1)?;
    // `France 24, 10 February`: a comma after a lone number joins it to
    // a date only inside a list of days (`3, 4 and 5 May`).
    if comma && k == j + 1 && matches!(left, Side::Day(..)) && tail.len() < 2 {
        return None;
    }
    let donor = match tail.first()?.expr {
        Expr::Point(p) | Expr::Range(p, _) => p,
    };
    let filled = match left {
        Side::Day(day, _) if donor.month.is_some() && donor.day.is_some() => Point {
            day: Some(day),
            month: donor.month,
            year: donor.year,
            rel: donor.rel,
            ..Point::default()
        },
        Side::Point(p) if p.month.is_some() && (donor.year.is_some() || donor.rel != Rel::None) => {
            Point {
                year: donor.year,
                rel: donor.rel,
                ..p
            }
        }
        Side::Point(p) if p.month.is_none() && donor.year.is_some() => Point {
            year: donor.year,
            ..p
        },
        _ => return None,
    };
    tail.insert(
        0,
        Parsed {
            expr: Expr::Point(filled),
            toks: i..j,
        },
    );
    Some((tail, end))
}

/// Whether the sentence around tokens `span` speaks of the future
/// (`will`, `scheduled`, `next`…): a year-less date in it then means its
/// next occurrence. Looks at most [`SENTENCE_WINDOW`] tokens each way.
pub(crate) fn speaks_of_future(cur: &Cursor<'_>, span: Range<usize>) -> bool {
    let ends_sentence = |k: usize| {
        matches!(
            cur.kind(k),
            Some(Kind::Break | Kind::Punct('.' | '!' | '?' | ';'))
        )
    };
    let future = |k: usize| matches!(cur.lex(k), Lex::Future | Lex::Deictic(1));
    let back = (span.start.saturating_sub(SENTENCE_WINDOW)..span.start)
        .rev()
        .take_while(|&k| !ends_sentence(k));
    let ahead =
        (span.end..cur.len().min(span.end + SENTENCE_WINDOW)).take_while(|&k| !ends_sentence(k));
    back.chain(ahead).any(future)
}

/// Joins two sides into an interval, filling what one end leaves out from the
/// other. `tight` is true when the connector is glued on both sides
/// (`2014-15`), the only way two digits after a year are read.
fn combine(left: Side, right: Side, tight: bool) -> Option<Expr> {
    match (left, right) {
        (Side::Point(a), Side::Short(v)) if tight => short_year_end(a, v),
        (Side::Point(mut a), Side::Point(mut b)) => {
            if a.invalid || b.invalid {
                return Some(Expr::Range(a, b));
            }
            if a.lacks_year() && b.year.is_some() {
                a.year = b.year;
                if a.month_day() > b.month_day() {
                    a.year = a.year.map(|y| y - 1);
                }
            } else if b.lacks_year() && a.year.is_some() {
                b.year = a.year;
                if b.month_day() < a.month_day() {
                    b.year = b.year.map(|y| y + 1);
                }
            }
            Some(Expr::Range(a, b))
        }
        (Side::Day(d, _), Side::Point(b)) if b.day.is_some() && b.month.is_some() => {
            (d < b.day?).then_some(Expr::Range(Point { day: Some(d), ..b }, b))
        }
        (Side::Point(mut a), Side::Day(d, year)) if a.day.is_some() && a.month.is_some() => {
            if a.year.is_none() {
                a.year = year;
            }
            (d > a.day?).then_some(Expr::Range(
                a,
                Point {
                    day: Some(d),
                    qualifier: None,
                    ..a
                },
            ))
        }
        _ => None,
    }
}

/// `2014-15` (an interval), `2014-10` (a month), or neither.
fn short_year_end(a: Point, v: u32) -> Option<Expr> {
    let year = a.year?;
    let end = year - year % 100 + i32::try_from(v).ok()?;
    if end == year + 1 || (v > 12 && end > year && end - year <= MAX_SHORT_SPAN) {
        let b = Point {
            year: Some(end),
            ..Point::default()
        };
        return Some(Expr::Range(a, b));
    }
    if (1..=12).contains(&v) {
        return Some(Expr::Point(Point {
            month: Some(v as u8),
            ..a
        }));
    }
    None
}

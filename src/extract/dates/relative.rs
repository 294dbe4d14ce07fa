//! Relative phrases: dates the text names by their distance from another
//! date rather than by their number.
//!
//! In: the tokens through the [`Cursor`], at one position. Out: a [`Point`]
//! whose [`Rel`] says what it counts from: the publication date for deictic
//! phrases (`last year`, `earlier this month`, `three years ago`, `last
//! May`), the date the text was talking about for anaphoric ones (`that
//! year`, `the following month`, `a year later`). Resolution is left to
//! [`resolve`](super::resolve).
//!
//! `the last year` and `the past month` are durations, not dates, and are
//! left alone, as are plural units (`in previous years`).

use super::cursor::Cursor;
use super::expr::{Base, Point, Rel};
use super::lexicon::{Lex, MonthForm, Unit};
use super::token::{Case, Kind};

/// The relative phrase starting at token `i`.
pub(crate) fn relative(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    match cur.lex(i) {
        Lex::Deictic(n) => deictic(cur, i, n),
        Lex::The => the_relative(cur, i),
        Lex::Anaphoric(n) => {
            if let Some(month) = named_month(cur, i + 1).filter(|_| n == 0) {
                let p = Point {
                    month: Some(month),
                    ..shift(Base::Anchor, Unit::Year, 0)
                };
                return Some((p, i + 2));
            }
            let unit = single_unit(cur, i + 1)?;
            Some((shift(Base::Anchor, unit, i32::from(n)), i + 2))
        }
        Lex::Shift(_) => earlier_later(cur, i),
        Lex::Count(n) => counted(cur, i, u32::from(n)),
        _ => match cur.num(i) {
            Some((n, 1 | 2)) => counted(cur, i, n),
            _ => None,
        },
    }
}

/// `last year`, `this month`, `next year`, `last May`, `next day`.
fn deictic(cur: &Cursor<'_>, i: usize, n: i8) -> Option<(Point, usize)> {
    if i > 0 && cur.lex(i - 1) == Lex::The {
        return None;
    }
    if let Some(month) = named_month(cur, i + 1) {
        let p = Point {
            month: Some(month),
            rel: Rel::Nearest(n),
            ..Point::default()
        };
        return Some((p, i + 2));
    }
    let unit = single_unit(cur, i + 1)?;
    let base = if unit == Unit::Day {
        Base::Anchor
    } else {
        Base::Reference
    };
    if unit == Unit::Day && n != 1 {
        return None;
    }
    Some((shift(base, unit, i32::from(n)), i + 2))
}

/// `the same year`, `the following month`, `the next day`, `the current
/// year`, `the year before.`
fn the_relative(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let (base, n) = match cur.lex(i + 1) {
        Lex::Anaphoric(n) => (Base::Anchor, n),
        Lex::Deictic(0) => (Base::Reference, 0),
        Lex::Deictic(1) if cur.text_of(i + 1).eq_ignore_ascii_case("next") => (Base::Anchor, 1),
        Lex::Deictic(1) => (Base::Reference, 1),
        Lex::Unit(_) => return unit_before_after(cur, i + 1),
        _ => return None,
    };
    let unit = single_unit(cur, i + 2)?;
    Some((shift(base, unit, i32::from(n)), i + 3))
}

/// `the year before`, `the day after`, when nothing follows (`the year
/// after the attack` counts from the attack, which we do not know).
fn unit_before_after(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let unit = single_unit(cur, i)?;
    let Lex::BeforeAfter(n) = cur.lex(i + 1) else {
        return None;
    };
    phrase_ends(cur, i + 2).then_some((shift(Base::Anchor, unit, i32::from(n)), i + 2))
}

/// `earlier this year`, `later that month`, `later that day`.
fn earlier_later(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    if cur.text_of(i).eq_ignore_ascii_case("ago") {
        return None;
    }
    let base = match cur.lex(i + 1) {
        Lex::Deictic(0) => Base::Reference,
        Lex::Anaphoric(0) => Base::Anchor,
        _ => return None,
    };
    let unit = single_unit(cur, i + 2)?;
    Some((shift(base, unit, 0), i + 3))
}

/// `a year later`, `two months earlier`, `three years ago`, `a day before.`
fn counted(cur: &Cursor<'_>, i: usize, n: u32) -> Option<(Point, usize)> {
    let Lex::Unit(unit) = cur.lex(i + 1) else {
        return None;
    };
    let n = i32::try_from(n).ok()?;
    let (base, sign) = match cur.lex(i + 2) {
        Lex::Shift(_) if cur.text_of(i + 2).eq_ignore_ascii_case("ago") => (Base::Reference, -1),
        Lex::Shift(s) => (Base::Anchor, i32::from(s)),
        Lex::BeforeAfter(s) if phrase_ends(cur, i + 3) => (Base::Anchor, i32::from(s)),
        _ => return None,
    };
    Some((shift(base, unit, sign * n), i + 3))
}

/// A capitalised English month name at `i` (`that January`, `last May`).
fn named_month(cur: &Cursor<'_>, i: usize) -> Option<u8> {
    match cur.kind(i) {
        Some(Kind::Word {
            lex: Lex::Month(month, MonthForm::English | MonthForm::Abbrev),
            case,
        }) if case != Case::Lower => Some(month),
        _ => None,
    }
}

/// A singular unit word at `i` (`year`, not `years`).
fn single_unit(cur: &Cursor<'_>, i: usize) -> Option<Unit> {
    match cur.lex(i) {
        Lex::Unit(unit) if !cur.text_of(i).ends_with(['s', 'S']) => Some(unit),
        _ => None,
    }
}

/// Nothing more belongs to the phrase at `i`: punctuation, a line break,
/// the end of the text, or a conjunction.
fn phrase_ends(cur: &Cursor<'_>, i: usize) -> bool {
    match cur.kind(i) {
        None | Some(Kind::Punct(_) | Kind::Break) => true,
        Some(Kind::Word { lex, .. }) => lex == Lex::And,
        _ => false,
    }
}

fn shift(base: Base, unit: Unit, n: i32) -> Point {
    Point {
        rel: Rel::Shift { base, unit, n },
        ..Point::default()
    }
}

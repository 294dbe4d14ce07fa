//! Periods longer than a day or a month: decades (`the 1990s`), seasons
//! (`summer 2019`), qualified dates (`mid-2016`, `the end of 2019`,
//! `late January`) and fractions of a year (`the first half of 2019`).
//!
//! In: the tokens through the [`Cursor`], at one position. Out: a [`Point`]
//! (or, for fractions, an interval) and the position after it. Qualifiers
//! and seasons are kept beside the value; the value and its days are those
//! of the whole period.

use std::ops::RangeInclusive;

use super::cursor::Cursor;
use super::expr::{Expr, Point};
use super::lexicon::Lex;
use super::point::{self, ATTACHED_YEARS};
use super::token::Kind;
use super::{reject, relative};
use crate::fold::is_apostrophe;

/// Decades accepted (`the 1880s` … `the 2090s`).
const DECADES: RangeInclusive<u32> = 1800..=2090;

/// `the 1990s`, `1990s`, `the 1990's`, `the '90s`.
pub(crate) fn decade(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let the = cur.lex(i) == Lex::The;
    let j = i + usize::from(the);
    let (start, end) = match cur.kind(j)? {
        Kind::Decade(v) if DECADES.contains(&v) && !reject::blocked(cur, j) => (v, j + 1),
        Kind::Punct(c) if is_apostrophe(c) && cur.glued(j + 1) => match cur.kind(j + 1)? {
            Kind::Decade(v) if v < 100 => (if v >= 30 { 1900 + v } else { 2000 + v }, j + 2),
            _ => return None,
        },
        Kind::Num { value, digits: 4 }
            if the
                && DECADES.contains(&value)
                && value.is_multiple_of(10)
                && cur.punct(j + 1).is_some_and(is_apostrophe)
                && cur.glued(j + 1)
                && cur.glued(j + 2)
                && cur.text_of(j + 2) == "s" =>
        {
            (value, j + 3)
        }
        _ => return None,
    };
    Some((
        Point {
            decade: Some(start.cast_signed()),
            ..Point::default()
        },
        end,
    ))
}

/// `summer 2019`, `the fall of 2019`; a year-less season only as the head
/// of a list (`summer and fall 2019`).
pub(crate) fn season(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let j = i + usize::from(cur.lex(i) == Lex::The);
    let Lex::Season(season) = cur.lex(j) else {
        return None;
    };
    let qualifier = Some(season.qualifier());
    let k = j + 1 + usize::from(cur.lex(j + 1) == Lex::Of);
    if let Some((year, end)) = point::year(cur, k, ATTACHED_YEARS) {
        return Some((
            Point {
                year: Some(year),
                qualifier,
                ..Point::default()
            },
            end,
        ));
    }
    let listed = cur.lex(j + 1) == Lex::And || cur.punct(j + 1) == Some(',');
    listed.then_some((
        Point {
            qualifier,
            ..Point::default()
        },
        j + 1,
    ))
}

/// `early 2020`, `mid-2016`, `late January`, `the end of 2019`, `end-2019`,
/// `the mid-1990s`, `late last year`.
pub(crate) fn qualified(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let mut j = i + usize::from(cur.lex(i) == Lex::The);
    let qualifier = match cur.lex(j) {
        Lex::Qualifier(q) => {
            j += 1 + usize::from(cur.is_dash(j + 1));
            q
        }
        Lex::Part(q) => {
            let joined = cur.is_dash(j + 1) && cur.glued(j + 1) && cur.glued(j + 2);
            if cur.lex(j + 1) != Lex::Of && !joined {
                return None;
            }
            j += 2;
            q
        }
        _ => return None,
    };
    let (inner, end) = decade(cur, j)
        .or_else(|| season(cur, j).filter(|(p, _)| p.year.is_some()))
        .or_else(|| relative::relative(cur, j))
        .or_else(|| point::month_first(cur, j, true))
        .or_else(|| {
            let (year, end) = point::year(cur, j, ATTACHED_YEARS)?;
            Some((
                Point {
                    year: Some(year),
                    ..Point::default()
                },
                end,
            ))
        })?;
    if inner.day.is_some() {
        return None;
    }
    Some((
        Point {
            qualifier: inner.qualifier.or(Some(qualifier)),
            ..inner
        },
        end,
    ))
}

/// `the first half of 2019`, `the third quarter of 2020`.
pub(crate) fn fraction(cur: &Cursor<'_>, i: usize) -> Option<(Expr, usize)> {
    let j = i + usize::from(cur.lex(i) == Lex::The);
    let (Lex::Ordinal(n), Lex::Fraction(parts), Lex::Of) =
        (cur.lex(j), cur.lex(j + 1), cur.lex(j + 2))
    else {
        return None;
    };
    if n == 0 || n > parts {
        return None;
    }
    let (year, end) = point::year(cur, j + 3, ATTACHED_YEARS)?;
    let months = 12 / parts;
    let first = Point {
        year: Some(year),
        month: Some((n - 1) * months + 1),
        ..Point::default()
    };
    let last = Point {
        year: Some(year),
        month: Some(n * months),
        ..Point::default()
    };
    Some((Expr::Range(first, last), end))
}

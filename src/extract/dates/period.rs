//! Periods longer than a day or a month: decades (`the 1990s`), seasons
//! (`summer 2019`), qualified dates (`mid-2016`, `the end of 2019`,
//! `late January`) and fractions of a year (`the first half of 2019`).
//!
//! In: the tokens, at one position. Out: a [`Point`] (or, for fractions, an
//! interval) and the position after it. Qualifiers and seasons are kept
//! beside the value; the value and its days are those of the whole period.

use std::ops::RangeInclusive;

use super::grammar::{Expr, Parser, Point, is_apostrophe};
use super::lexicon::Lex;
use super::point::ATTACHED_YEARS;
use super::reject;
use super::token::Kind;

/// Decades accepted (`the 1880s` … `the 2090s`).
const DECADES: RangeInclusive<u32> = 1800..=2090;

impl Parser<'_> {
    /// `the 1990s`, `1990s`, `the 1990's`, `the '90s`.
    pub(crate) fn decade(&self, i: usize) -> Option<(Point, usize)> {
        let the = self.lex(i) == Lex::The;
        let j = i + usize::from(the);
        let (start, end) = match self.kind(j)? {
            Kind::Decade(v) if DECADES.contains(&v) && !reject::blocked(self, j) => (v, j + 1),
            Kind::Punct(c) if is_apostrophe(c) && self.glued(j + 1) => match self.kind(j + 1)? {
                Kind::Decade(v) if v < 100 => (if v >= 30 { 1900 + v } else { 2000 + v }, j + 2),
                _ => return None,
            },
            Kind::Num { value, digits: 4 }
                if the
                    && DECADES.contains(&value)
                    && value.is_multiple_of(10)
                    && self.punct(j + 1).is_some_and(is_apostrophe)
                    && self.glued(j + 1)
                    && self.glued(j + 2)
                    && self.text_of(j + 2) == "s" =>
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
    pub(crate) fn season(&self, i: usize) -> Option<(Point, usize)> {
        let j = i + usize::from(self.lex(i) == Lex::The);
        let Lex::Season(season) = self.lex(j) else {
            return None;
        };
        let qualifier = Some(season.qualifier());
        let k = j + 1 + usize::from(self.lex(j + 1) == Lex::Of);
        if let Some((year, end)) = self.year(k, ATTACHED_YEARS) {
            return Some((
                Point {
                    year: Some(year),
                    qualifier,
                    ..Point::default()
                },
                end,
            ));
        }
        let listed = self.lex(j + 1) == Lex::And || self.punct(j + 1) == Some(',');
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
    pub(crate) fn qualified(&self, i: usize) -> Option<(Point, usize)> {
        let mut j = i + usize::from(self.lex(i) == Lex::The);
        let qualifier = match self.lex(j) {
            Lex::Qualifier(q) => {
                j += 1 + usize::from(self.is_dash(j + 1));
                q
            }
            Lex::Part(q) => {
                let joined = self.is_dash(j + 1) && self.glued(j + 1) && self.glued(j + 2);
                if self.lex(j + 1) != Lex::Of && !joined {
                    return None;
                }
                j += 2;
                q
            }
            _ => return None,
        };
        let (inner, end) = self
            .decade(j)
            .or_else(|| self.season(j).filter(|(p, _)| p.year.is_some()))
            .or_else(|| self.relative(j))
            .or_else(|| self.month_first(j, true))
            .or_else(|| {
                let (year, end) = self.year(j, ATTACHED_YEARS)?;
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
    pub(crate) fn fraction(&self, i: usize) -> Option<(Expr, usize)> {
        let j = i + usize::from(self.lex(i) == Lex::The);
        let (Lex::Ordinal(n), Lex::Fraction(parts), Lex::Of) =
            (self.lex(j), self.lex(j + 1), self.lex(j + 2))
        else {
            return None;
        };
        if n == 0 || n > parts {
            return None;
        }
        let (year, end) = self.year(j + 3, ATTACHED_YEARS)?;
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
}

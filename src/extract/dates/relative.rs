//! Relative phrases: dates the text names by their distance from another
//! date rather than by their number.
//!
//! In: the tokens, at one position. Out: a [`Point`] whose [`Rel`] says what
//! it counts from: the publication date for deictic phrases (`last year`,
//! `earlier this month`, `three years ago`, `last May`), the date the text was
//! talking about for anaphoric ones (`that year`, `the following month`,
//! `a year later`). Resolution is left to [`resolve`](super::resolve).
//!
//! `the last year` and `the past month` are durations, not dates, and are
//! left alone, as are plural units (`in previous years`).

use super::grammar::{Base, Parser, Point, Rel};
use super::lexicon::{Lex, MonthForm, Unit};
use super::token::{Case, Kind};

impl Parser<'_> {
    /// The relative phrase starting at token `i`.
    pub(crate) fn relative(&self, i: usize) -> Option<(Point, usize)> {
        match self.lex(i) {
            Lex::Deictic(n) => self.deictic(i, n),
            Lex::The => self.the_relative(i),
            Lex::Anaphoric(n) => {
                if let Some(month) = self.named_month(i + 1).filter(|_| n == 0) {
                    let p = Point {
                        month: Some(month),
                        ..shift(Base::Anchor, Unit::Year, 0)
                    };
                    return Some((p, i + 2));
                }
                let unit = self.single_unit(i + 1)?;
                Some((shift(Base::Anchor, unit, i32::from(n)), i + 2))
            }
            Lex::Shift(_) => self.earlier_later(i),
            Lex::Count(n) => self.counted(i, u32::from(n)),
            _ => match self.num(i) {
                Some((n, 1 | 2)) => self.counted(i, n),
                _ => None,
            },
        }
    }

    /// `last year`, `this month`, `next year`, `last May`, `next day`.
    fn deictic(&self, i: usize, n: i8) -> Option<(Point, usize)> {
        if i > 0 && self.lex(i - 1) == Lex::The {
            return None;
        }
        if let Some(month) = self.named_month(i + 1) {
            let p = Point {
                month: Some(month),
                rel: Rel::Nearest(n),
                ..Point::default()
            };
            return Some((p, i + 2));
        }
        let unit = self.single_unit(i + 1)?;
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
    fn the_relative(&self, i: usize) -> Option<(Point, usize)> {
        let (base, n) = match self.lex(i + 1) {
            Lex::Anaphoric(n) => (Base::Anchor, n),
            Lex::Deictic(0) => (Base::Reference, 0),
            Lex::Deictic(1) if self.text_of(i + 1).eq_ignore_ascii_case("next") => {
                (Base::Anchor, 1)
            }
            Lex::Deictic(1) => (Base::Reference, 1),
            Lex::Unit(_) => return self.unit_before_after(i + 1),
            _ => return None,
        };
        let unit = self.single_unit(i + 2)?;
        Some((shift(base, unit, i32::from(n)), i + 3))
    }

    /// `the year before`, `the day after`, when nothing follows (`the year
    /// after the attack` counts from the attack, which we do not know).
    fn unit_before_after(&self, i: usize) -> Option<(Point, usize)> {
        let unit = self.single_unit(i)?;
        let Lex::BeforeAfter(n) = self.lex(i + 1) else {
            return None;
        };
        self.phrase_ends(i + 2)
            .then_some((shift(Base::Anchor, unit, i32::from(n)), i + 2))
    }

    /// `earlier this year`, `later that month`, `later that day`.
    fn earlier_later(&self, i: usize) -> Option<(Point, usize)> {
        if self.text_of(i).eq_ignore_ascii_case("ago") {
            return None;
        }
        let base = match self.lex(i + 1) {
            Lex::Deictic(0) => Base::Reference,
            Lex::Anaphoric(0) => Base::Anchor,
            _ => return None,
        };
        let unit = self.single_unit(i + 2)?;
        Some((shift(base, unit, 0), i + 3))
    }

    /// `a year later`, `two months earlier`, `three years ago`, `a day before.`
    fn counted(&self, i: usize, n: u32) -> Option<(Point, usize)> {
        let Lex::Unit(unit) = self.lex(i + 1) else {
            return None;
        };
        let n = i32::try_from(n).ok()?;
        let (base, sign) = match self.lex(i + 2) {
            Lex::Shift(_) if self.text_of(i + 2).eq_ignore_ascii_case("ago") => {
                (Base::Reference, -1)
            }
            Lex::Shift(s) => (Base::Anchor, i32::from(s)),
            Lex::BeforeAfter(s) if self.phrase_ends(i + 3) => (Base::Anchor, i32::from(s)),
            _ => return None,
        };
        Some((shift(base, unit, sign * n), i + 3))
    }

    /// A capitalised English month name at `i` (`that January`, `last May`).
    fn named_month(&self, i: usize) -> Option<u8> {
        match self.kind(i) {
            Some(Kind::Word {
                lex: Lex::Month(month, MonthForm::English | MonthForm::Abbrev),
                case,
            }) if case != Case::Lower => Some(month),
            _ => None,
        }
    }

    /// A singular unit word at `i` (`year`, not `years`).
    fn single_unit(&self, i: usize) -> Option<Unit> {
        match self.lex(i) {
            Lex::Unit(unit) if !self.text_of(i).ends_with(['s', 'S']) => Some(unit),
            _ => None,
        }
    }

    /// Nothing more belongs to the phrase at `i`: punctuation, a line break,
    /// the end of the text, or a conjunction.
    fn phrase_ends(&self, i: usize) -> bool {
        match self.kind(i) {
            None | Some(Kind::Punct(_) | Kind::Break) => true,
            Some(Kind::Word { lex, .. }) => lex == Lex::And,
            _ => false,
        }
    }
}

fn shift(base: Base, unit: Unit, n: i32) -> Point {
    Point {
        rel: Rel::Shift { base, unit, n },
        ..Point::default()
    }
}

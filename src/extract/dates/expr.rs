//! Date expressions as written: the values the grammar rules build and the
//! resolver reads.
//!
//! In: nothing (plain data). Out: [`Point`] (a date with every part
//! optional, its year possibly relative, see [`Rel`]) and [`Expr`] (a point
//! or an interval of two). The rules in [`point`](super::point),
//! [`period`](super::period), [`numeric`](super::numeric) and
//! [`relative`](super::relative) build them, [`grammar`](super::grammar)
//! joins them into intervals, [`resolve`](super::resolve) turns them into
//! calendar days.

use super::lexicon::Unit;
use crate::model::Qualifier;

/// A date as written: every part optional, the year possibly relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Point {
    pub(crate) year: Option<i32>,
    pub(crate) month: Option<u8>,
    /// Raw day number, validated against the calendar when resolved.
    pub(crate) day: Option<u32>,
    /// First year of a decade (`1990` for `the 1990s`).
    pub(crate) decade: Option<i32>,
    pub(crate) qualifier: Option<Qualifier>,
    pub(crate) rel: Rel,
    /// Written like a date but impossible (`13/31/2018`): consumed, never emitted.
    pub(crate) invalid: bool,
}

impl Point {
    /// A year and nothing else: the shape the quantity rules watch.
    pub(crate) fn is_bare_year(&self) -> bool {
        self.year.is_some()
            && self.month.is_none()
            && self.day.is_none()
            && self.decade.is_none()
            && self.qualifier.is_none()
            && self.rel == Rel::None
    }

    /// No year and nothing that will give it one but the context.
    pub(crate) fn lacks_year(&self) -> bool {
        self.year.is_none() && self.decade.is_none() && self.rel == Rel::None
    }

    /// Month and day as a sortable key (a missing day sorts first).
    pub(crate) fn month_day(&self) -> (u8, u32) {
        (self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

/// What a relative date counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// The publication date (`last year`, `three years ago`).
    Reference,
    /// The date the text was last talking about (`that year`, `the following month`).
    Anchor,
}

/// How a point's year (or month, or day) is found when the text does not write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Rel {
    /// Written in full, or year-less (resolved by the year-less policy).
    #[default]
    None,
    /// `n` units from the base; fields the point has (`May` in `May last
    /// year`) are kept inside that unit.
    Shift { base: Base, unit: Unit, n: i32 },
    /// `last May` (-1), `this May` (0), `next May` (+1), from the publication date.
    Nearest(i8),
}

/// A date expression as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    Point(Point),
    Range(Point, Point),
}

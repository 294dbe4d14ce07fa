//! The date grammar, top level: intervals, coordination and the scan over
//! the tokens. Single dates are in [`point`](super::point) (with
//! [`numeric`](super::numeric) and [`period`](super::period)), relative
//! phrases in [`relative`](super::relative), the "not a date" rules in
//! [`reject`](super::reject).
//!
//! In: the tokens of one text. Out: [`Parsed`] expressions (a point or an
//! interval, as written, possibly without a year) with their token range, in
//! text order, never overlapping. Nothing is resolved here: `October 8` stays
//! year-less and `last year` stays relative until [`resolve`](super::resolve).
//!
//! The grammar itself is specified in the documentation of the parent
//! module (`dossier::extract::dates`), where users of the extractor read it.

use std::ops::Range;

use super::Qualifier;
use super::lexicon::{Lex, Unit};
use super::reject;
use super::token::{Case, Kind, Token};

/// How many coordinated dates one expression may chain (`3, 4 and 5 May`);
/// bounds the recursion on long lists of numbers.
const MAX_COORDINATED: usize = 8;

/// Two-digit interval ends (`2014-16`) may span at most this many years;
/// beyond that the pair is an identifier (`2012-80`).
const MAX_SHORT_SPAN: i32 = 20;

/// How many tokens either side of a date the future-tense test looks at.
const SENTENCE_WINDOW: usize = 60;

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
    fn lacks_year(&self) -> bool {
        self.year.is_none() && self.decade.is_none() && self.rel == Rel::None
    }

    /// Month and day as a sortable key (a missing day sorts first).
    fn month_day(&self) -> (u8, u32) {
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

/// The tokens of one text and the grammar over them.
pub(crate) struct Parser<'t> {
    pub(crate) text: &'t str,
    pub(crate) toks: &'t [Token],
}

impl<'t> Parser<'t> {
    pub(crate) fn new(text: &'t str, toks: &'t [Token]) -> Self {
        Parser { text, toks }
    }

    /// Every date expression, in text order.
    pub(crate) fn parse(&self) -> Vec<Parsed> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.expr(i, 0) {
                Some((found, end)) => {
                    out.extend(found.into_iter().filter(|p| self.accept(p)));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// A cheap test that token `i` can begin an expression.
    fn may_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
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
    fn accept(&self, p: &Parsed) -> bool {
        let bare_years = match p.expr {
            Expr::Point(a) => a.is_bare_year(),
            Expr::Range(a, b) => a.is_bare_year() && b.is_bare_year(),
        };
        !bare_years || !reject::bare_year_is_quantity(self, p.toks.clone())
    }

    /// The expression starting at token `i` (several when coordinated).
    fn expr(&self, i: usize, depth: usize) -> Option<(Vec<Parsed>, usize)> {
        let single = |expr, end| Some((vec![Parsed { expr, toks: i..end }], end));
        match self.lex(i) {
            Lex::Between | Lex::From => {
                if let Some((expr, end)) = self.bounded_range(i) {
                    return single(expr, end);
                }
                return None;
            }
            _ => {}
        }
        if let Some((expr, end)) = self.fraction(i) {
            return single(expr, end);
        }
        let cued = depth > 0;
        let (left, j) = self.side(i, cued)?;
        if let Some((expr, end)) = self.range_tail(left, j) {
            return single(expr, end);
        }
        if let Some(found) = self.coordinated(i, left, j, depth) {
            return Some(found);
        }
        match left {
            Side::Point(p) => single(Expr::Point(p), j),
            Side::Day(..) | Side::Short(_) => None,
        }
    }

    /// `between X and Y`, `from X to Y`.
    fn bounded_range(&self, i: usize) -> Option<(Expr, usize)> {
        let (left, j) = self.side(i + 1, true)?;
        let joined = match self.lex(i) {
            Lex::Between => self.lex(j) == Lex::And,
            _ => self.lex(j) == Lex::RangeTo || self.is_dash(j),
        };
        if !joined {
            return None;
        }
        let (right, k) = self.right_side(j + 1, left)?;
        Some((combine(left, right, false)?, k))
    }

    /// `X - Y`, `X to Y` after a left side ending at `j`.
    fn range_tail(&self, left: Side, j: usize) -> Option<(Expr, usize)> {
        let slash = self.punct(j) == Some('/') && self.glued(j) && self.glued(j + 1);
        if !(self.is_dash(j) || self.lex(j) == Lex::RangeTo || slash) {
            return None;
        }
        // A slash joins years (`2014/15`) and months (`August/September 2014`).
        let month_word = matches!(self.lex(j + 1), Lex::Month(..));
        if slash
            && !matches!(left, Side::Point(p) if p.is_bare_year() || p.day.is_none() && month_word)
        {
            return None;
        }
        let (right, k) = self.right_side(j + 1, left)?;
        let tight = self.glued(j) && self.glued(j + 1);
        Some((combine(left, right, tight)?, k))
    }

    /// The right end of an interval whose left end is `left`.
    fn right_side(&self, i: usize, left: Side) -> Option<(Side, usize)> {
        if let (Side::Point(p), Some((value, 2))) = (left, self.num(i))
            && p.is_bare_year()
            && self.glued(i)
        {
            return Some((Side::Short(value), i + 1));
        }
        let (side, j) = self.side(i, true)?;
        if let Side::Day(day, None) = side {
            let k = j + usize::from(self.punct(j) == Some(','));
            if let Some((year, end)) = self.year(k, super::point::ATTACHED_YEARS) {
                return Some((Side::Day(day, Some(year)), end));
            }
        }
        Some((side, j))
    }

    /// A point, or a lone day number.
    fn side(&self, i: usize, cued: bool) -> Option<(Side, usize)> {
        if let Some((p, j)) = self.point(i, cued) {
            return Some((Side::Point(p), j));
        }
        let (day, j) = self.day(i)?;
        Some((Side::Day(day, None), j))
    }

    /// `July and August 2019`, `3, 4 and 5 March`: a left side missing its
    /// year (or month) takes it from the first complete date after it.
    fn coordinated(
        &self,
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
        let comma = self.punct(k) == Some(',');
        if comma || self.punct(k) == Some('&') {
            k += 1;
        }
        if self.lex(k) == Lex::And {
            k += 1;
        }
        if k == j {
            return None;
        }
        let (mut tail, end) = self.expr(k, depth + 1)?;
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
            Side::Point(p)
                if p.month.is_some() && (donor.year.is_some() || donor.rel != Rel::None) =>
            {
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
    pub(crate) fn speaks_of_future(&self, span: Range<usize>) -> bool {
        let ends_sentence = |k: usize| {
            matches!(
                self.kind(k),
                Some(Kind::Break | Kind::Punct('.' | '!' | '?' | ';'))
            )
        };
        let future = |k: usize| matches!(self.lex(k), Lex::Future | Lex::Deictic(1));
        let back = (span.start.saturating_sub(SENTENCE_WINDOW)..span.start)
            .rev()
            .take_while(|&k| !ends_sentence(k));
        let ahead = (span.end..self.toks.len().min(span.end + SENTENCE_WINDOW))
            .take_while(|&k| !ends_sentence(k));
        back.chain(ahead).any(future)
    }

    // ---- token helpers, shared by the grammar modules ----

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The word class at `i` (`Other` for anything but a word).
    pub(crate) fn lex(&self, i: usize) -> Lex {
        match self.kind(i) {
            Some(Kind::Word { lex, .. }) => lex,
            _ => Lex::Other,
        }
    }

    pub(crate) fn case(&self, i: usize) -> Option<Case> {
        match self.kind(i) {
            Some(Kind::Word { case, .. }) => Some(case),
            _ => None,
        }
    }

    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        match self.kind(i) {
            Some(Kind::Punct(c)) => Some(c),
            _ => None,
        }
    }

    /// A plain number: value and digit count.
    pub(crate) fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.kind(i) {
            Some(Kind::Num { value, digits }) => Some((value, digits)),
            _ => None,
        }
    }

    /// Token `i` starts where token `i - 1` ends.
    pub(crate) fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—' | '‒'))
    }

    /// The text of token `i`.
    pub(crate) fn text_of(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }
}

pub(crate) use crate::fold::is_apostrophe;

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

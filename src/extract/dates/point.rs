//! Single dates written with a month name or a year: day-first
//! (`29 June 2020`, `the 1st of March`, `31-Oct-74`), month-first
//! (`June 29, 2020`, `May 2020`, `in May`), year-first (`2024 August`,
//! `2012/Aug/10`) and years on their own; and the readers of a day number
//! ([`day`]) and of a year ([`year`]) that the other rules share.
//!
//! In: the tokens through the [`Cursor`], at one position. Out: a [`Point`]
//! as written (the year may be missing, the day may be impossible) and the
//! position after it. The rules about month names that are also ordinary
//! words live here: `may` the verb, `march` the noun, `Mar` the surname,
//! `August` the adjective. Which rule reads the date at a position is chosen
//! in [`grammar`](super::grammar).

use std::ops::RangeInclusive;

use super::cursor::Cursor;
use super::expr::{Point, Rel};
use super::lexicon::{Lex, MonthForm, Unit};
use super::token::{Case, Kind};
use super::{reject, relative};

/// Years accepted beside a month or day (`June 1885`).
pub(crate) const ATTACHED_YEARS: RangeInclusive<u32> = 1800..=2099;

/// Years accepted on their own: plausible years for these reports.
const BARE_YEARS: RangeInclusive<u32> = 1900..=2099;

/// Two-digit years below this are 20xx, the others 19xx (`31-Oct-74`).
const TWO_DIGIT_PIVOT: u32 = 50;

/// How a day number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayForm {
    /// `29`
    Number,
    /// `29th`
    Suffix,
    /// `twenty-ninth`
    Word,
}

/// What stands beside a month name to confirm it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Support {
    /// A year (or a relative year: `May that year`).
    Year,
    /// A day number.
    Day,
    /// Nothing: a time preposition before it at most.
    Bare,
}

/// A month name as found: number, form, case.
#[derive(Debug, Clone, Copy)]
struct MonthWord {
    n: u8,
    form: MonthForm,
    case: Case,
}

impl MonthWord {
    /// Whether this spelling of the month can be a date with this support.
    fn allowed(self, support: Support) -> bool {
        use MonthForm::{Abbrev, English, French, Turkish};
        match (self.form, self.case) {
            // `may` is the verb unless a year confirms it; `mar` likewise.
            (English, Case::Lower) if self.n == 5 => support == Support::Year,
            (Abbrev, Case::Lower) if self.n == 3 => support == Support::Year,
            // Foreign and lower-case names need a day or a year; `Mar` alone
            // is a surname more often than March.
            (French | Turkish, _) | (English | Abbrev, Case::Lower) => support != Support::Bare,
            (Abbrev, _) if self.n == 3 => support != Support::Bare,
            (English | Abbrev, _) => true,
        }
    }
}

/// A day number at `i`, not an identifier or footnote marker.
pub(crate) fn day(cur: &Cursor<'_>, i: usize) -> Option<(u32, usize)> {
    day_with_form(cur, i).map(|(d, _, end)| (d, end))
}

fn day_with_form(cur: &Cursor<'_>, i: usize) -> Option<(u32, DayForm, usize)> {
    match cur.kind(i)? {
        Kind::Num {
            value,
            digits: 1 | 2,
        } if !reject::blocked(cur, i) => Some((value, DayForm::Number, i + 1)),
        Kind::Ordinal(value) if !reject::blocked(cur, i) => Some((value, DayForm::Suffix, i + 1)),
        Kind::Word {
            lex: Lex::Ordinal(n),
            ..
        } => Some((u32::from(n), DayForm::Word, i + 1)),
        Kind::Word {
            lex: Lex::Tens(t), ..
        } => {
            let j = i + 1 + usize::from(cur.is_dash(i + 1) && cur.glued(i + 1));
            match cur.lex(j) {
                Lex::Ordinal(n) if n <= 9 => Some((u32::from(t + n), DayForm::Word, j + 1)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A four-digit year in `range` at `i`, not an identifier.
pub(crate) fn year(cur: &Cursor<'_>, i: usize, range: RangeInclusive<u32>) -> Option<(i32, usize)> {
    match cur.kind(i)? {
        Kind::Num { value, digits: 4 } if range.contains(&value) && !reject::blocked(cur, i) => {
            Some((value.cast_signed(), i + 1))
        }
        _ => None,
    }
}

fn month(cur: &Cursor<'_>, i: usize) -> Option<(MonthWord, usize)> {
    let Some(Kind::Word {
        lex: Lex::Month(n, form),
        case,
    }) = cur.kind(i)
    else {
        return None;
    };
    let dot = form == MonthForm::Abbrev && cur.punct(i + 1) == Some('.') && cur.glued(i + 1);
    Some((MonthWord { n, form, case }, i + 1 + usize::from(dot)))
}

/// `29 June 2020`, `the 1st of March`, `15Sep`, `31-Oct-74`, `20 of next month`.
pub(crate) fn day_first(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let j = i + usize::from(cur.lex(i) == Lex::The);
    if let Some(Kind::DayMonth { day, month }) = cur.kind(j).filter(|_| !reject::blocked(cur, j)) {
        let (year, end) = optional_year(cur, j + 1);
        return day_point(day, month, year, Rel::None, end);
    }
    let (day, form, mut at) = day_with_form(cur, j)?;
    // `the 15 July 2016 coup`: that `the` belongs to the coup.
    if j > i && form == DayForm::Number && cur.lex(at) != Lex::Of {
        return None;
    }
    let mut of = false;
    let mut joiner = None;
    if cur.lex(at) == Lex::Of {
        of = true;
        at += 1;
    } else if let Some(sep @ ('-' | '/' | '.')) = cur.punct(at) {
        if !(cur.glued(at) && cur.glued(at + 1)) {
            return None;
        }
        joiner = Some(sep);
        at += 1;
    }
    let Some((month, after_month)) = month(cur, at) else {
        return day_of_relative_month(cur, day, of, at);
    };
    let (year, rel, end) = match joiner {
        Some(sep) => match joined_year(cur, after_month, sep, month.form) {
            Some((year, end)) => (Some(year), Rel::None, end),
            None => (None, Rel::None, after_month),
        },
        None => year_after(cur, after_month),
    };
    let support = if year.is_some() || rel != Rel::None {
        Support::Year
    } else {
        Support::Day
    };
    let word_needs_more = form == DayForm::Word && !of && support != Support::Year;
    if word_needs_more || !month.allowed(support) {
        return None;
    }
    day_point(day, month.n, year, rel, end)
}

/// `[,] 2020` or `that year` after a day and month: the year or relative
/// year found, and the position after it.
fn year_after(cur: &Cursor<'_>, i: usize) -> (Option<i32>, Rel, usize) {
    match optional_year(cur, i) {
        (Some(year), end) => (Some(year), Rel::None, end),
        (None, _) => match year_suffix(cur, i) {
            Some((rel, end)) => (None, rel, end),
            None => (None, Rel::None, i),
        },
    }
}

/// `20 of next month`.
fn day_of_relative_month(cur: &Cursor<'_>, day: u32, of: bool, k: usize) -> Option<(Point, usize)> {
    if !of {
        return None;
    }
    let (p, end) = relative::relative(cur, k)?;
    match p.rel {
        Rel::Shift {
            unit: Unit::Month, ..
        } if (1..=31).contains(&day) => Some((
            Point {
                day: Some(day),
                ..p
            },
            end,
        )),
        _ => None,
    }
}

/// `[,] 2020` after a date: the year if there is one, and the position after.
fn optional_year(cur: &Cursor<'_>, i: usize) -> (Option<i32>, usize) {
    let k = i + usize::from(cur.punct(i) == Some(','));
    match year(cur, k, ATTACHED_YEARS) {
        Some((y, end)) => (Some(y), end),
        None => (None, i),
    }
}

/// The year in `31-Oct-74` or `10/Aug/2012`, after separator `c`.
fn joined_year(cur: &Cursor<'_>, i: usize, c: char, form: MonthForm) -> Option<(i32, usize)> {
    if cur.punct(i) != Some(c) || !cur.glued(i) || !cur.glued(i + 1) {
        return None;
    }
    match cur.num(i + 1)? {
        (v, 4) if ATTACHED_YEARS.contains(&v) => Some((v.cast_signed(), i + 2)),
        // Two-digit years only in this compact abbreviated form, where
        // they cannot be a count: 31-Oct-74.
        (v, 2) if form == MonthForm::Abbrev => {
            let century = if v < TWO_DIGIT_PIVOT { 2000 } else { 1900 };
            Some((century + v.cast_signed(), i + 2))
        }
        _ => None,
    }
}

/// `June 29, 2020`, `May 2020`, `June of 2022`, `May that year`, `in May`.
pub(crate) fn month_first(cur: &Cursor<'_>, i: usize, cued: bool) -> Option<(Point, usize)> {
    let (month, j) = month(cur, i)?;
    if let Some(found) = month_day(cur, month, j) {
        return Some(found);
    }
    let sep = cur.punct(j) == Some(',')
        || cur.lex(j) == Lex::Of
        || matches!(cur.punct(j), Some('-' | '/')) && cur.glued(j) && cur.glued(j + 1);
    if let Some((year, end)) = year(cur, j + usize::from(sep), ATTACHED_YEARS) {
        let p = Point {
            year: Some(year),
            month: Some(month.n),
            ..Point::default()
        };
        return month.allowed(Support::Year).then_some((p, end));
    }
    if let Some((rel, end)) = year_suffix(cur, j) {
        let p = Point {
            month: Some(month.n),
            rel,
            ..Point::default()
        };
        return month.allowed(Support::Year).then_some((p, end));
    }
    let p = Point {
        month: Some(month.n),
        ..Point::default()
    };
    bare_month_ok(cur, i, j, month, cued).then_some((p, j))
}

/// The day (and year) after a month name ending at `j`.
fn month_day(cur: &Cursor<'_>, month: MonthWord, j: usize) -> Option<(Point, usize)> {
    let comma = cur.punct(j) == Some(',');
    let k = j + usize::from(comma);
    let k = k + usize::from(cur.lex(k) == Lex::The);
    let (day, form, after) = day_with_form(cur, k)?;
    // `May 12:00` is a time; `March 12 people` a count.
    if cur.punct(after) == Some(':') && cur.glued(after) || reject::counts_before(cur, after) {
        return None;
    }
    let (year, rel, end) = year_after(cur, after);
    let support = if year.is_some() || rel != Rel::None {
        Support::Year
    } else {
        Support::Day
    };
    // `in March, 6 people…` and `May first-time offenders` are not days.
    if comma && form == DayForm::Number && support != Support::Year {
        return None;
    }
    // `May first` may be the verb; `May twenty-fourth` cannot be.
    let sure_word = month.case != Case::Lower && (month.n != 5 || day >= 20);
    if form == DayForm::Word && support != Support::Year && !sure_word {
        return None;
    }
    if !month.allowed(support) {
        return None;
    }
    if !(1..=31).contains(&day) && year.is_none() {
        return None;
    }
    day_point(day, month.n, year, rel, end)
}

/// A month name with no day or year: only after a time word (`in May`,
/// `since March`), or when the caller vouches for it.
fn bare_month_ok(cur: &Cursor<'_>, i: usize, j: usize, month: MonthWord, cued: bool) -> bool {
    if !month.allowed(Support::Bare) {
        return false;
    }
    if month.form == MonthForm::Abbrev && matches!(cur.case(j), Some(Case::Capital | Case::Upper)) {
        return false;
    }
    let before = i.checked_sub(1).map_or(Lex::Other, |k| cur.lex(k));
    let cue = matches!(
        before,
        Lex::TimePrep { .. }
            | Lex::BeforeAfter(_)
            | Lex::RangeTo
            | Lex::Between
            | Lex::From
            | Lex::Of
            | Lex::Qualifier(_)
    );
    // `April, July and October 2019`, `July-October 2019`, `August/September`.
    let joined = cur.lex(j) == Lex::And
        || cur.lex(j) == Lex::RangeTo
        || cur.is_dash(j)
        || matches!(cur.punct(j), Some(',' | '/'));
    let listed = joined
        && matches!(
            cur.kind(j + 1),
            Some(Kind::Word { lex: Lex::Month(_, MonthForm::English | MonthForm::Abbrev), case })
                if case != Case::Lower
        );
    cued || cue || listed
}

/// `[of] that year`, `the following year`, `last year` after a month.
fn year_suffix(cur: &Cursor<'_>, j: usize) -> Option<(Rel, usize)> {
    let k = j + usize::from(cur.lex(j) == Lex::Of);
    let (p, end) = relative::relative(cur, k)?;
    match p.rel {
        Rel::Shift {
            unit: Unit::Year, ..
        } if p.month.is_none() => Some((p.rel, end)),
        _ => None,
    }
}

/// `2024 August`, `2024-August`, `2012/Aug/10`, `2018 March 18`.
pub(crate) fn year_first(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let (lead_year, mut j) = year(cur, i, ATTACHED_YEARS)?;
    // `2024 AD August`: the era changes nothing.
    if matches!(cur.text_of(j), "AD" | "CE") && !cur.glued(j) {
        j += 1;
    }
    let sep = match cur.punct(j) {
        Some(c @ ('-' | '/')) if cur.glued(j) && cur.glued(j + 1) => Some(c),
        Some(_) => return None,
        None if cur.glued(j) => return None,
        None => None,
    };
    let (month, end) = month(cur, j + usize::from(sep.is_some()))?;
    // A lower-case month after a year is a verb (`in 2019 may…`); a
    // year after the month belongs to the month (`2019 May 2020`).
    if month.case == Case::Lower
        || !month.allowed(Support::Year)
        || year(cur, end, ATTACHED_YEARS).is_some()
    {
        return None;
    }
    let p = Point {
        year: Some(lead_year),
        month: Some(month.n),
        ..Point::default()
    };
    let day_at = match sep {
        Some(c) if cur.punct(end) == Some(c) && cur.glued(end) && cur.glued(end + 1) => end + 1,
        None if !cur.glued(end) => end,
        _ => return Some((p, end)),
    };
    // Read raw: after `2012/Aug/` the number is glued to a slash, which
    // the identifier rule would refuse.
    match cur.num(day_at) {
        Some((day, 1 | 2)) if !reject::counts_before(cur, day_at + 1) && !cur.glued(day_at + 1) => {
            Some((
                Point {
                    day: Some(day),
                    ..p
                },
                day_at + 1,
            ))
        }
        _ => Some((p, end)),
    }
}

/// A year on its own (the quantity rules run on the whole expression later).
pub(crate) fn bare_year(cur: &Cursor<'_>, i: usize) -> Option<(Point, usize)> {
    let (year, end) = year(cur, i, BARE_YEARS)?;
    Some((
        Point {
            year: Some(year),
            ..Point::default()
        },
        end,
    ))
}

fn day_point(
    day: u32,
    month: u8,
    year: Option<i32>,
    rel: Rel,
    end: usize,
) -> Option<(Point, usize)> {
    let invalid = !(1..=31).contains(&day);
    if invalid && year.is_none() && rel == Rel::None {
        return None;
    }
    Some((
        Point {
            year,
            month: Some(month),
            day: Some(day),
            rel,
            invalid,
            ..Point::default()
        },
        end,
    ))
}

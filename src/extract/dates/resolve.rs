//! Resolution: from a date as written to the days it covers, with jiff.
//!
//! In: [`Expr`]s in text order, the publication date (if known), and for
//! each expression whether its sentence speaks of the future. Out: the ISO
//! value, first and last day, precision and qualifier of each date the
//! calendar allows; impossible dates (`February 29, 2014`) and dates nothing
//! can anchor are dropped, never guessed.
//!
//! The policies, in order:
//!
//! - A date with its year is taken as written.
//! - The *anchor* is the last date resolved before in the same text (its
//!   last year, for an interval). The *running year* is the year the report
//!   was last talking about in its earlier passages (given by the caller).
//! - Anaphoric phrases (`that year`, `the following month`, `May that
//!   year`) count from the anchor, else from the running year (they point
//!   back into the text), else from the publication date.
//! - Deictic phrases (`last year`, `earlier this month`, `three years ago`,
//!   `last May`) count from the publication date only.
//! - A year-less date (`on October 8`, `in late January`) takes the anchor's
//!   year; with no anchor, the most recent occurrence on or before the
//!   publication date, or the next one on or after it when the sentence
//!   speaks of the future (`will`, `scheduled`, `next`…); with no
//!   publication date either, the running year. A report's own date comes
//!   before the running year here because reports leave the year out for
//!   the months just before they were written (issue 13: on the bundled
//!   corpus, every year-less date the running year would have changed was
//!   right with the publication date); a report without a date (a book
//!   chapter, a commission report) leaves it out for the year it narrates.
//! - With none of these, relative dates are skipped.

use jiff::ToSpan;
use jiff::civil::Date;

use super::expr::{Base, Expr, Point, Rel};
use super::lexicon::Unit;
use crate::model::{Precision, Qualifier};

/// A resolved date: the fields of a `DateMention` but its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub(crate) value: String,
    pub(crate) first_day: Date,
    pub(crate) last_day: Date,
    pub(crate) precision: Precision,
    pub(crate) qualifier: Option<Qualifier>,
    pub(crate) relative: bool,
}

/// A calendar period: the days of one day, month, year or decade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    first: Date,
    last: Date,
    precision: Precision,
}

impl Period {
    fn day(date: Date) -> Self {
        Period {
            first: date,
            last: date,
            precision: Precision::Day,
        }
    }

    fn month(year: i32, month: u8) -> Option<Self> {
        let first = Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, 1).ok()?;
        Some(Period {
            first,
            last: first.last_of_month(),
            precision: Precision::Month,
        })
    }

    fn years(first_year: i32, last_year: i32, precision: Precision) -> Option<Self> {
        let first = Date::new(i16::try_from(first_year).ok()?, 1, 1).ok()?;
        let last = Date::new(i16::try_from(last_year).ok()?, 12, 31).ok()?;
        Some(Period {
            first,
            last,
            precision,
        })
    }

    fn exact(year: i32, month: Option<u8>, day: Option<u32>) -> Option<Self> {
        match (month, day) {
            (Some(m), Some(d)) => {
                let date = Date::new(
                    i16::try_from(year).ok()?,
                    i8::try_from(m).ok()?,
                    i8::try_from(d).ok()?,
                );
                date.ok().map(Period::day)
            }
            (Some(m), None) => Period::month(year, m),
            (None, _) => Period::years(year, year, Precision::Year),
        }
    }

    /// The ISO value as the start of an interval (a decade gives its first year).
    fn start_value(&self) -> String {
        match self.precision {
            Precision::Decade => format!("{:04}", self.first.year()),
            _ => self.value(),
        }
    }

    /// The ISO value as the end of an interval (a decade gives its last year).
    fn end_value(&self) -> String {
        match self.precision {
            Precision::Decade => format!("{:04}", self.last.year()),
            _ => self.value(),
        }
    }

    fn value(&self) -> String {
        let d = self.first;
        match self.precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Precision::Year => format!("{:04}", d.year()),
            Precision::Decade => format!("{:04}/{:04}", d.year(), self.last.year()),
        }
    }
}

/// Resolves the expressions of one text, in order, keeping the anchor.
pub(crate) struct Resolver {
    reference: Option<Date>,
    anchor: Option<Period>,
    /// The year the report was last talking about before this text.
    running: Option<Period>,
}

impl Resolver {
    /// A resolver for one text; `running_year`: the year the text's report
    /// was last talking about before it.
    pub(crate) fn new(reference: Option<Date>, running_year: Option<i16>) -> Self {
        Resolver {
            reference,
            anchor: None,
            running: running_year.and_then(|y| Period::years(y.into(), y.into(), Precision::Year)),
        }
    }

    /// Resolves one expression; `future` is asked only for year-less dates
    /// resolved against the publication date.
    pub(crate) fn resolve(&mut self, expr: &Expr, future: impl Fn() -> bool) -> Option<Resolved> {
        let (resolved, last) = match expr {
            Expr::Point(p) => {
                let (period, relative) = self.point(p, &future)?;
                let resolved = Resolved {
                    value: period.value(),
                    first_day: period.first,
                    last_day: period.last,
                    precision: period.precision,
                    qualifier: p.qualifier,
                    relative,
                };
                (resolved, period)
            }
            Expr::Range(a, b) => self.range(a, b, &future)?,
        };
        if last.precision != Precision::Decade {
            self.anchor = Some(last);
        }
        Some(resolved)
    }

    fn range(
        &self,
        a: &Point,
        b: &Point,
        future: &impl Fn() -> bool,
    ) -> Option<(Resolved, Period)> {
        let (mut a, mut b) = (*a, *b);
        if is_yearless(&a) && is_yearless(&b) {
            let year = self.yearless_year(&a, future)?;
            a.year = Some(year);
            let wraps = (b.month, b.day.unwrap_or(0)) < (a.month, a.day.unwrap_or(0));
            b.year = Some(year + i32::from(wraps));
        }
        let (first, rel_a) = self.point(&a, future)?;
        let (last, rel_b) = self.point(&b, future)?;
        if first.first > last.first || first.last > last.last {
            return None;
        }
        let resolved = Resolved {
            value: format!("{}/{}", first.start_value(), last.end_value()),
            first_day: first.first,
            last_day: last.last,
            precision: first.precision,
            qualifier: if a.qualifier == b.qualifier {
                a.qualifier
            } else {
                None
            },
            relative: rel_a || rel_b,
        };
        Some((resolved, last))
    }

    /// The period of a point, and whether it was resolved from context.
    fn point(&self, p: &Point, future: &impl Fn() -> bool) -> Option<(Period, bool)> {
        if p.invalid {
            return None;
        }
        if let Some(start) = p.decade {
            return Some((Period::years(start, start + 9, Precision::Decade)?, false));
        }
        match p.rel {
            Rel::None => match p.year {
                Some(year) => Some((Period::exact(year, p.month, p.day)?, false)),
                None if p.month.is_some() => {
                    let year = self.yearless_year(p, future)?;
                    Some((Period::exact(year, p.month, p.day)?, true))
                }
                None => None,
            },
            Rel::Shift { base, unit, n } => Some((self.shifted(p, base, unit, n)?, true)),
            Rel::Nearest(n) => {
                let reference = self.reference?;
                let (ry, rm) = (
                    i32::from(reference.year()),
                    reference.month().cast_unsigned(),
                );
                let month = p.month?;
                let year = match n {
                    ..0 if month < rm => ry,
                    ..0 => ry - 1,
                    0 => ry,
                    _ if month > rm => ry,
                    _ => ry + 1,
                };
                Some((Period::month(year, month)?, true))
            }
        }
    }

    /// The year of a year-less date (see the module doc).
    fn yearless_year(&self, p: &Point, future: &impl Fn() -> bool) -> Option<i32> {
        if let Some(anchor) = self.anchor {
            return Some(i32::from(anchor.last.year()));
        }
        let Some(reference) = self.reference else {
            return self.running.map(|r| i32::from(r.last.year()));
        };
        let year = i32::from(reference.year());
        let today = (
            reference.month().cast_unsigned(),
            u32::from(reference.day().cast_unsigned()),
        );
        let month = p.month?;
        if future() {
            let ends = (month, p.day.unwrap_or(31));
            Some(if ends < today { year + 1 } else { year })
        } else {
            let starts = (month, p.day.unwrap_or(1));
            Some(if starts > today { year - 1 } else { year })
        }
    }

    /// `n` units from the base, keeping the month or day the point names.
    fn shifted(&self, p: &Point, base: Base, unit: Unit, n: i32) -> Option<Period> {
        let from = match base {
            Base::Anchor => self
                .anchor
                .or(self.running)
                .or_else(|| self.reference.map(Period::day))?,
            Base::Reference => Period::day(self.reference?),
        };
        let need = match unit {
            Unit::Year => Precision::Year,
            Unit::Month => Precision::Month,
            Unit::Day => Precision::Day,
        };
        if from.precision > need {
            return None;
        }
        // Count forward from the end of an interval, back from its start.
        let date = if n > 0 { from.last } else { from.first };
        if n == 0 && unit == Unit::Year && from.first.year() != from.last.year() {
            return None;
        }
        match unit {
            Unit::Year => Period::exact(i32::from(date.year()) + n, p.month, p.day),
            Unit::Month => {
                let index = i32::from(date.year()) * 12 + i32::from(date.month()) - 1 + n;
                let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u8 + 1);
                Period::exact(year, Some(month), p.day)
            }
            Unit::Day => date.checked_add(n.days()).ok().map(Period::day),
        }
    }
}

fn is_yearless(p: &Point) -> bool {
    p.year.is_none() && p.decade.is_none() && p.rel == Rel::None && p.month.is_some()
}

#[cfg(test)]
mod tests {
    use crate::extract::dates::{DateContext, extract_dates};

    fn values(text: &str, reference: Option<&str>, running_year: Option<i16>) -> Vec<String> {
        let ctx = DateContext {
            reference: reference.map(|r| r.parse().expect("a valid date")),
            running_year,
        };
        extract_dates(text, &ctx)
            .into_iter()
            .map(|m| m.value)
            .collect()
    }

    // See: issue 13 ("a day and month whose year is only in an earlier
    // passage get no date").
    #[test]
    fn the_running_year_dates_what_nothing_else_can() {
        // No publication date: a year-less date takes the running year.
        assert_eq!(
            values("On 23 August he left.", None, Some(1996)),
            ["1996-08-23"]
        );
        assert_eq!(values("in late March", None, Some(2001)), ["2001-03"]);
        assert_eq!(
            values("On 23 August he left.", None, None),
            Vec::<String>::new()
        );
        // The text's own year comes first.
        assert_eq!(
            values("In May 1998 and on 7 August", None, Some(1996)),
            ["1998-05", "1998-08-07"]
        );
        // With a publication date, a year-less date is its most recent past.
        assert_eq!(
            values("On 23 August he left.", Some("2004-07-22"), Some(1996)),
            ["2003-08-23"]
        );
        // Anaphora points back into the text: the running year before the
        // publication date.
        assert_eq!(
            values(
                "That year he left; the following year he returned.",
                Some("2004-07-22"),
                Some(1996)
            ),
            ["1996", "1997"]
        );
        assert_eq!(
            values("That year he left.", Some("2004-07-22"), None),
            ["2004"]
        );
        // Deictic phrases count from the publication date only.
        assert_eq!(
            values("Last year he left.", Some("2004-07-22"), Some(1996)),
            ["2003"]
        );
    }

    #[test]
    fn the_context_carries_the_last_year_a_text_resolved() {
        let ctx = DateContext::default();
        let found = extract_dates("From 1990 to 1996, and in the 1980s.", &ctx);
        assert_eq!(ctx.carried(&found).running_year, Some(1996));
        let next = ctx.carried(&found);
        assert_eq!(next.carried(&[]).running_year, Some(1996));
    }
}

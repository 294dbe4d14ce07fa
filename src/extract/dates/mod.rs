//! Dates in running text, normalised to ISO 8601 (SPEC section 5).
//!
//! In: plain text and a [`DateContext`] (the document's publication date, for
//! relative dates). Out: [`DateMention`]s with byte spans, in text order.
//!
//! A rule-based tagger in the manner of `HeidelTime`, in one pass over the
//! text: a tokenizer cuts it into numbers and words classified by a lexicon
//! (English, French and Turkish month names, ordinals, qualifiers, relative
//! words); the grammar below matches date expressions over the tokens,
//! asking explicit "not a date" rules about every number; a resolver turns
//! each expression into calendar days with jiff. Modules, each using only
//! those before it: `lexicon`, `token`; `cursor` (the tokens by position)
//! and `expr` (dates as written), which the rules share; the rules `reject`,
//! `relative`, `point`, `numeric` and `period`; `grammar`, which combines
//! them; `resolve`.
//!
//! # Grammar
//!
//! Tokens are matched case-insensitively unless noted; `,` and `.` after an
//! abbreviated month are optional where shown.
//!
//! ```text
//! expr      = "between" side "and" side              interval
//!           | "from" side range-to side              interval
//!           | fraction                               the first half of 2019
//!           | side range-to side                     2014-2015, 29 November to 3 December 2019
//!           | side (("," | "and" | "or" | "&") expr)+   3 and 4 March 2019: gaps filled from the right
//!           | point
//! range-to  = "-" | "–" | "—" | "to" | "through" | "thru" | "until" | "till" | "/" (years, months)
//! side      = point | day-number                     a lone day (10 in 10-22 August) only inside an interval
//! fraction  = ["the"] ordinal ("half" | "quarter") "of" year
//! point     = qualified | decade | season | relative | day-first | month-first
//!           | year-first | numeric | year
//! qualified = ["the"] ("early" | "mid" | "late") ["-"] (decade | month-first | year | relative)
//!           | ["the"] ("beginning" | "start" | "middle" | "end" | "close") ("of" | "-") (…same)
//! decade    = ["the"] (1990s | 1990's | '90s)
//! season    = ["the"] ("spring" | "summer" | "autumn" | "fall" | "winter") ["of"] year
//! day-first = ["the"] day ["of"] month [","] [year | year-suffix]     29 June 2020, the 1st of March
//!           | day ("-" | "/" | ".") month-abbrev same-sep (year | yy) 31-Oct-74
//! month-first = month [","] ["the"] day [","] [year | year-suffix]    June 29, 2020
//!           | month ["," | "of" | "-" | "/"] year                     May 2020, Sep-2012
//!           | month year-suffix                                      May that year
//!           | month                                                  only after a cue: in May
//! year-first = year ["-" | "/"] month [same-sep day]                 2024 August, 2012/Aug/10
//! numeric   = yyyy-m-d | yyyy/m/d | d.m.yyyy | d/m/yyyy (unambiguous) | m/yyyy
//!           | yyyy-mm                                                2014-10 (a month), unless 2014-15
//! year      = 1900…2099, not an identifier or a quantity (see below)
//! day       = 1…31 | 1st…31st | first…thirty-first
//! ```
//!
//! Relative phrases: `last|this|next
//! year|month`, `last May`, `earlier|later this|that year|month|day`, `that
//! year`, `the same|following|previous year|month|day`, `two years later`,
//! `three months ago`, and `year-suffix` = `["of"] (that year | the following
//! year | last year | …)`.
//!
//! # Not a date
//!
//! A number is never read as a day or a year when it is an identifier or an
//! amount (`Report N°258`, `No. 2100`, `vol. 42`, `pp. 63`, `Resolution 2085`,
//! `$2000`, `CFA 2000`), the tail of a bigger number, a version, a time or a
//! path (`2,000`, `3.2019`, `10:30`, `RES/2100`), or a footnote marker glued
//! after a word (`country.12`). A year that stands alone is dropped when it is
//! a count (`some 2000 detainees`, `2000 km`, `a 2000-strong force`, `more
//! than 2010 cases`, `2000 per cent`; but `in 2019 people…` and `the 2015
//! attacks` are years), part of a longer number (`2012-023`, `555-2019`,
//! `2012 80 10`), or an impossible interval (`2015-2014`). Month names that are
//! also words need more: lower-case `may` and `mar` need a year, `march`,
//! `august` and French or Turkish names need a day or a year, and a bare
//! `May`, `June`… needs a time word before it (`in May`, `since June`) or a
//! list or interval around it (`July-October 2019`). Impossible dates
//! (`February 29, 2014`, `13/31/2018`) yield nothing.
//!
//! # Resolution
//!
//! The *anchor* is the last date resolved before in the same text. Anaphoric
//! phrases (`that year`, `the following month`, `May that year`) count from
//! it, else from the publication date; deictic ones (`last year`, `earlier
//! this month`, `last May`) from the publication date only. A year-less date
//! (`on October 8`, `in late January`) takes the anchor's year; with no
//! anchor, its most recent occurrence on or before the publication date, or
//! the next one when the sentence speaks of the future (`will`, `scheduled`,
//! `next`…). With nothing to count from, a relative date is skipped.
//! Two-digit years are read only in the compact `31-Oct-74` form.
//!
//! ```
//! use dossier::extract::{DateContext, extract_dates};
//!
//! let ctx = DateContext { reference: Some("2020-06-29".parse().unwrap()), ..DateContext::default() };
//! let text = "Talks ran from July 2019 to May 2020; a deal came in mid-2016, not in 2,000 cases.";
//! let values: Vec<String> = extract_dates(text, &ctx).into_iter().map(|d| d.value).collect();
//! assert_eq!(values, ["2019-07/2020-05", "2016"]);
//! ```

mod access;
mod cursor;
mod expr;
mod grammar;
mod lexicon;
mod numeric;
mod period;
mod point;
mod reject;
mod relative;
mod resolve;
mod token;

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

pub use crate::model::{Precision, Qualifier};
pub(crate) use lexicon::english_months;

/// Whether `key` (folded, lower case) is an English month name or its
/// abbreviation (`november`, `nov`, `sept`): words the place and country
/// gazetteers leave to dates.
pub(crate) fn is_month_name(key: &str) -> bool {
    english_months().any(|(m, _)| m == key)
}

/// What relative dates are resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The document's publication date, if known.
    pub reference: Option<Date>,
    /// The year the report was last talking about before this text (the last
    /// date its earlier passages resolved), if any: a year-less date
    /// (`on 3 May`) and an anaphoric one (`that year`) count from it before
    /// the text gives a date of its own, and before the publication date.
    /// See [`DateContext::carried`].
    pub running_year: Option<i16>,
}

impl DateContext {
    /// The context for the next passage of the same report, after one whose
    /// dates were `found`: the year of the last of them (its end, for an
    /// interval; decades aside), else this context's running year.
    #[must_use]
    pub fn carried(&self, found: &[DateMention]) -> DateContext {
        let last = found
            .iter()
            .rev()
            .find(|m| m.precision != Precision::Decade)
            .map(|m| m.last_day.year());
        DateContext {
            running_year: last.or(self.running_year),
            ..*self
        }
    }
}

/// One date or interval found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Byte range of the date expression in the text.
    pub span: Range<usize>,
    /// ISO 8601 value: `2020-06-29`, `2020-06`, `2020`, `2014/2015`, `1990/1999`.
    pub value: String,
    /// First day the value covers.
    pub first_day: Date,
    /// Last day the value covers.
    pub last_day: Date,
    /// Precision of the value (of its start, for intervals).
    pub precision: Precision,
    /// `early`/`mid`/`late`, kept beside the value.
    pub qualifier: Option<Qualifier>,
    /// True when the value was resolved from a relative expression.
    pub relative: bool,
}

/// Every date `text` mentions, in text order, spans never overlapping.
///
/// Relative and year-less dates are resolved against the date the text was
/// last talking about (earlier in `text`, else `ctx.running_year`), else
/// against `ctx.reference`; with none of them they are skipped. A
/// citation's access date (`accessed 3 May 2013`) is no date the text talks
/// about: it is left out. Never panics; odd input only yields fewer dates.
pub fn extract_dates(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    let toks = token::tokenize(text);
    let cur = cursor::Cursor::new(text, &toks);
    let mut resolver = resolve::Resolver::new(ctx.reference, ctx.running_year);
    let mut out = Vec::new();
    for parsed in grammar::parse(&cur) {
        let span = toks[parsed.toks.start].start..toks[parsed.toks.end - 1].end;
        if access::follows_access_cue(text, span.start) {
            continue;
        }
        let future = || grammar::speaks_of_future(&cur, parsed.toks.clone());
        let Some(r) = resolver.resolve(&parsed.expr, future) else {
            continue;
        };
        out.push(DateMention {
            span,
            value: r.value,
            first_day: r.first_day,
            last_day: r.last_day,
            precision: r.precision,
            qualifier: r.qualifier,
            relative: r.relative,
        });
    }
    out
}

#[cfg(test)]
mod tests;

//! Dates in running text, normalised to ISO 8601 (SPEC section 5).
//!
//! In: plain text and a [`DateContext`] (the document's publication date, for
//! relative dates). Out: [`DateMention`]s with byte spans, in text order.
//!
//! A rule-based tagger in the manner of `HeidelTime`, in one pass:
//! [`token`] cuts the text into numbers and classified words ([`lexicon`]);
//! [`grammar`] (with [`point`] and [`relative`]) matches date expressions
//! over the tokens, asking [`reject`] whether a number is an identifier or a
//! quantity; [`resolve`] turns each expression into calendar days with jiff,
//! resolving relative and year-less ones. The grammar is documented in
//! [`grammar`]; the resolution policies in [`resolve`].
//!
//! ```
//! use dossier::extract::{DateContext, extract_dates};
//!
//! let ctx = DateContext { reference: Some("2020-06-29".parse().unwrap()) };
//! let text = "Talks ran from July 2019 to May 2020; a deal came in mid-2016, not in 2,000 cases.";
//! let values: Vec<String> = extract_dates(text, &ctx).into_iter().map(|d| d.value).collect();
//! assert_eq!(values, ["2019-07/2020-05", "2016"]);
//! ```

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

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `2020-06-29`
    Day,
    /// `2020-06`
    Month,
    /// `2020`
    Year,
    /// `1990/1999`
    Decade,
}

/// A qualifier written beside a date (`early 2020`, `mid-2016`, `late January`,
/// `summer 2019`). The date's value and days stay those of the whole period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `early`, `beginning of`
    Early,
    /// `mid`, `middle of`
    Mid,
    /// `late`, `end of`
    Late,
    /// `spring 2019`
    Spring,
    /// `summer 2019`
    Summer,
    /// `autumn 2019`, `fall 2019`
    Autumn,
    /// `winter 2019`
    Winter,
}

impl Qualifier {
    /// The lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Early => "early",
            Qualifier::Mid => "mid",
            Qualifier::Late => "late",
            Qualifier::Spring => "spring",
            Qualifier::Summer => "summer",
            Qualifier::Autumn => "autumn",
            Qualifier::Winter => "winter",
        }
    }
}

impl Precision {
    /// The lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
        }
    }
}

/// What relative dates are resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// The document's publication date, if known.
    pub reference: Option<Date>,
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
/// last talking about, else against `ctx.reference`; with neither they are
/// skipped. Never panics; odd input only yields fewer dates.
pub fn extract_dates(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    let toks = token::tokenize(text);
    let parser = grammar::Parser::new(text, &toks);
    let mut resolver = resolve::Resolver::new(ctx.reference);
    let mut out = Vec::new();
    for parsed in parser.parse() {
        let future = || parser.speaks_of_future(parsed.toks.clone());
        let Some(r) = resolver.resolve(&parsed.expr, future) else {
            continue;
        };
        let span = toks[parsed.toks.start].start..toks[parsed.toks.end - 1].end;
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

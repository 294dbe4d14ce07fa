//! Dates in running text, normalised to ISO 8601 (SPEC section 5).
//!
//! In: plain text and a [`DateContext`] (the document's publication date, for
//! relative dates). Out: [`DateMention`]s with byte spans, in text order.

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

/// A qualifier written beside a date (`early 2020`, `mid-2016`, `late January`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// `early`, `beginning of`
    Early,
    /// `mid`, `middle of`
    Mid,
    /// `late`, `end of`
    Late,
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

/// Every date `text` mentions, in text order.
pub fn extract_dates(_text: &str, _ctx: &DateContext) -> Vec<DateMention> {
    Vec::new()
}

//! Dates as a passage carries them: ISO value, the days covered, precision
//! and qualifier, where the text wrote them.

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A date as indexed: its ISO value, the days it covers, and how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateInfo {
    /// ISO 8601 value as in `dates`.
    pub value: String,
    /// First day covered (JSON: `YYYY-MM-DD`).
    pub start: Date,
    /// Last day covered (JSON: `YYYY-MM-DD`).
    pub end: Date,
    /// How precisely the date is known.
    pub precision: Precision,
    /// `early`, `mid`, `late`… when the text qualifies the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Byte range of the date expression in the passage text (JSON: `[start, end]`).
    #[serde(default, with = "super::span")]
    pub span: Range<usize>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

//! Filters (`--country`, `--kind`, `--from`…) → tantivy queries.
//!
//! Values of one flag are alternatives (OR); different flags must all hold (AND).
//! Entity values are resolved to their canonical form before they get here.

use std::ops::Bound;

use jiff::civil::Date;
use tantivy::Term;
use tantivy::query::{Query, RangeQuery, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};

use super::any_of::any_of;
use crate::error::{Error, Result};
use crate::index::DocSummary;
use crate::index::aliases::AliasTable;
use crate::index::dates::{day_number, overlap_ranges};
use crate::index::schema::Fields;
use crate::model::{Dimension, PassageKind};

/// Restrictions on which passages a query may return.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Passage kinds.
    pub kinds: Vec<PassageKind>,
    /// Document ids.
    pub docs: Vec<String>,
    /// ISO codes.
    pub countries: Vec<String>,
    /// Canonical group names.
    pub groups: Vec<String>,
    /// Whether `groups` also match the groups that are their affiliates.
    pub affiliates: bool,
    /// Places.
    pub places: Vec<String>,
    /// Persons.
    pub persons: Vec<String>,
    /// Cited sources.
    pub cites: Vec<String>,
    /// Mentioned-date ranges (inclusive); a passage matches if any of its dates overlaps one.
    pub dates: Vec<(Date, Date)>,
    /// Publication-date range of the passage's document (inclusive).
    pub published: Option<(Date, Date)>,
    /// Only passages whose file was read at or after this time (seconds
    /// since 1970, UTC): what an `add` or `update` brought in.
    pub added_since: Option<u64>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The values asked for in a named dimension (`--country`, `--cites`…).
    pub fn named(&self, dim: Dimension) -> &[String] {
        match dim {
            Dimension::Country => &self.countries,
            Dimension::Group => &self.groups,
            Dimension::Place => &self.places,
            Dimension::Person => &self.persons,
            Dimension::Cites => &self.cites,
            _ => &[],
        }
    }

    /// The filters with each `--doc` value made a document id of the index:
    /// an id, or the start of exactly one (`crisisgroup-25` →
    /// `crisisgroup-258`).
    ///
    /// # Errors
    /// [`Error::Filter`] for a value that starts no id or several, naming
    /// the ids it could mean.
    pub(crate) fn with_docs_resolved(&self, docs: &[DocSummary]) -> Result<Filters> {
        let ids: Vec<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
        let mut out = self.clone();
        for value in &mut out.docs {
            let v = value.trim().to_string();
            if ids.contains(&v.as_str()) {
                *value = v;
                continue;
            }
            let starting: Vec<&str> = ids
                .iter()
                .copied()
                .filter(|id| id.starts_with(&v))
                .collect();
            if let [one] = starting[..] {
                *value = one.to_string();
                continue;
            }
            let close: Vec<&str> = if starting.is_empty() {
                ids.iter()
                    .copied()
                    .filter(|id| id.contains(&v) || v.contains(*id))
                    .collect()
            } else {
                starting
            };
            let message = if close.is_empty() {
                "not a document of this index; hint: `dossier docs` lists them".to_string()
            } else {
                format!("could be {}; hint: give more of the id", close.join(", "))
            };
            return Err(Error::Filter {
                flag: "--doc".into(),
                value: value.clone(),
                message,
            });
        }
        Ok(out)
    }

    /// One query clause per set filter, to be combined with `Occur::Must`.
    /// Entity and source values are resolved through `aliases`.
    ///
    /// # Errors
    /// [`Error::Filter`] for a value that names nothing known.
    pub(crate) fn clauses(&self, f: &Fields, aliases: &AliasTable) -> Result<Vec<Box<dyn Query>>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        let plain: [(Dimension, Vec<&str>); 2] = [
            (
                Dimension::Kind,
                self.kinds.iter().map(|k| k.name()).collect(),
            ),
            (
                Dimension::Doc,
                self.docs.iter().map(String::as_str).collect(),
            ),
        ];
        for (dim, values) in plain {
            if !values.is_empty() {
                out.push(any_of(
                    values.iter().map(|v| facet_query(f, dim, v)).collect(),
                ));
            }
        }
        for dim in Dimension::NAMED {
            let values = self.named(dim);
            if values.is_empty() {
                continue;
            }
            let mut queries = Vec::new();
            for v in values {
                let canonical = aliases.resolve(dim, v).ok_or_else(|| unknown(dim, v))?;
                queries.push(entity_query(f, aliases, dim, &canonical));
                if dim == Dimension::Group && self.affiliates {
                    queries.push(facet_query(f, Dimension::Affiliate, &canonical));
                }
            }
            out.push(any_of(queries));
        }
        if !self.dates.is_empty() {
            let per_range = self
                .dates
                .iter()
                .map(|(from, to)| date_overlap_query(f, *from, *to))
                .collect();
            out.push(any_of(per_range));
        }
        if let Some((from, to)) = self.published {
            out.push(u64_range(f.published, day_number(from), day_number(to)));
        }
        if let Some(since) = self.added_since {
            out.push(u64_range(f.added, since, u64::MAX));
        }
        Ok(out)
    }
}

/// The error for a filter value nothing in the index is tagged with.
fn unknown(dim: Dimension, value: &str) -> Error {
    let what = match dim {
        Dimension::Cites => "cited source",
        Dimension::Country => "country (name, demonym-free alias or ISO code)",
        other => other.name(),
    };
    Error::Filter {
        flag: dim.flag().to_string(),
        value: value.to_string(),
        message: format!(
            "not a known {what} in this index; hint: `dossier facets --field {dim}` lists them"
        ),
    }
}

/// A query matching passages tagged with the facet `/<dim>/<value>`.
pub(crate) fn facet_query(f: &Fields, dim: Dimension, value: &str) -> Box<dyn Query> {
    let facet = Facet::from_path([dim.name(), value]);
    Box::new(TermQuery::new(
        Term::from_facet(f.facets, &facet),
        IndexRecordOption::Basic,
    ))
}

/// A query matching passages tagged with an entity under any of the
/// values it stands for (a person's spellings across the library).
pub(crate) fn entity_query(
    f: &Fields,
    aliases: &AliasTable,
    dim: Dimension,
    canonical: &str,
) -> Box<dyn Query> {
    any_of(
        aliases
            .members(dim, canonical)
            .iter()
            .map(|v| facet_query(f, dim, v))
            .collect(),
    )
}

fn u64_range(field: tantivy::schema::Field, lo: u64, hi: u64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_u64(field, lo)),
        Bound::Included(Term::from_field_u64(field, hi)),
    ))
}

pub(crate) fn date_overlap_query(f: &Fields, from: Date, to: Date) -> Box<dyn Query> {
    any_of(
        overlap_ranges(from, to)
            .into_iter()
            .map(|r| u64_range(f.date_blocks, *r.start(), *r.end()))
            .collect(),
    )
}

/// Which end of a range a filter date is for: `2019-06` starts on the 1st as a
/// lower bound and ends on the 30th as an upper bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateEnd {
    /// The first day the value covers.
    First,
    /// The last day the value covers.
    Last,
}

/// Parses a filter date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_filter_date(flag: &str, value: &str, end: DateEnd) -> Result<Date> {
    let bad = |why: &str| Error::Filter {
        flag: flag.to_string(),
        value: value.to_string(),
        message: format!("{why}; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-06)"),
    };
    let parts: Vec<&str> = value.trim().split('-').collect();
    let num = |s: &str, width: usize| -> Option<i16> {
        (s.len() == width && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y] => (num(y, 4), Some(None), Some(None)),
        [y, m] => (num(y, 4), num(m, 2).map(Some), Some(None)),
        [y, m, d] => (num(y, 4), num(m, 2).map(Some), num(d, 2).map(Some)),
        _ => (None, None, None),
    };
    let (Some(month), Some(day)) = (month, day) else {
        return Err(bad("not a date"));
    };
    let year = year.ok_or_else(|| bad("not a date"))?;
    let first_month = i8::try_from(month.unwrap_or(1)).map_err(|_| bad("no such month"))?;
    let last_month = i8::try_from(month.unwrap_or(12)).map_err(|_| bad("no such month"))?;
    let (m, d) = match end {
        DateEnd::First => (first_month, day.unwrap_or(1)),
        DateEnd::Last => (last_month, day.unwrap_or(0)),
    };
    let first = Date::new(year, m, 1).map_err(|_| bad("no such month"))?;
    if d == 0 {
        return Ok(first.last_of_month());
    }
    let d = i8::try_from(d).map_err(|_| bad("no such day"))?;
    Date::new(year, m, d).map_err(|_| bad("no such day"))
}

/// The time `--added-since` names: a date (`2026-11-30`, `2026-11`, `2026`:
/// its first day, UTC), a time (`2026-11-30T09:00:00Z`), or a span back from
/// `now` (`7d`, `12h`, `2w`), in seconds since 1970.
///
/// # Errors
/// [`Error::Filter`] for anything else.
pub fn parse_added_since(value: &str, now: jiff::Timestamp) -> Result<u64> {
    let v = value.trim();
    let bad = || {
        Error::Filter {
        flag: "--added-since".into(),
        value: value.to_string(),
        message: "write a date (2026-11-30), a time (2026-11-30T09:00:00Z) or a span back from now (7d, 12h, 2w)".into(),
    }
    };
    let seconds = |t: jiff::Timestamp| u64::try_from(t.as_second()).map_err(|_| bad());
    if let Some((n, unit)) = v
        .char_indices()
        .last()
        .filter(|(_, c)| matches!(c, 'h' | 'd' | 'w'))
        .and_then(|(i, c)| v[..i].parse::<i64>().ok().map(|n| (n, c)))
    {
        let hours = match unit {
            'h' => n,
            'd' => n.saturating_mul(24),
            _ => n.saturating_mul(24 * 7),
        };
        let back = jiff::SignedDuration::from_hours(hours);
        return now.checked_sub(back).map_err(|_| bad()).and_then(seconds);
    }
    if let Ok(t) = v.parse::<jiff::Timestamp>() {
        return seconds(t);
    }
    let day = parse_filter_date("--added-since", v, DateEnd::First).map_err(|_| bad())?;
    let t = jiff::tz::TimeZone::UTC
        .to_timestamp(day.to_datetime(jiff::civil::Time::midnight()))
        .map_err(|_| bad())?;
    seconds(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn filter_dates_take_the_right_end() {
        let cases = [
            ("2019", DateEnd::First, date(2019, 1, 1)),
            ("2019", DateEnd::Last, date(2019, 12, 31)),
            ("2019-06", DateEnd::First, date(2019, 6, 1)),
            ("2019-06", DateEnd::Last, date(2019, 6, 30)),
            ("2020-02", DateEnd::Last, date(2020, 2, 29)),
            ("2020-06-29", DateEnd::Last, date(2020, 6, 29)),
        ];
        for (input, end, expected) in cases {
            assert_eq!(
                parse_filter_date("--from", input, end).ok(),
                Some(expected),
                "{input}"
            );
        }
        for bad in ["June 2019", "2019-13", "2019-02-30", "19", "2019-6", ""] {
            let err = parse_filter_date("--from", bad, DateEnd::First).expect_err(bad);
            assert!(err.to_string().contains("YYYY-MM"), "{bad}: {err}");
        }
    }

    #[test]
    fn added_since_reads_dates_times_and_spans() {
        let now: jiff::Timestamp = "2026-12-03T12:00:00Z".parse().expect("time");
        let at = |t: &str| {
            u64::try_from(t.parse::<jiff::Timestamp>().expect("time").as_second())
                .expect("after 1970")
        };
        let cases = [
            ("2026-11-30", at("2026-11-30T00:00:00Z")),
            ("2026-11", at("2026-11-01T00:00:00Z")),
            ("2026", at("2026-01-01T00:00:00Z")),
            ("2026-11-30T09:30:00Z", at("2026-11-30T09:30:00Z")),
            ("7d", at("2026-11-26T12:00:00Z")),
            (" 12h ", at("2026-12-03T00:00:00Z")),
            ("2w", at("2026-11-19T12:00:00Z")),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_added_since(typed, now).expect(typed), want, "{typed}");
        }
        for bad in [
            "",
            "yesterday",
            "7",
            "d",
            "-3x",
            "2026-13-01",
            "99999999999999999999d",
        ] {
            assert!(parse_added_since(bad, now).is_err(), "{bad:?}");
        }
    }
}

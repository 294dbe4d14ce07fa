//! The TSV data files: `countries.tsv` (iso2, iso3, names, demonyms,
//! capitalised) and `places.tsv` (name, iso2, kind, population, aliases), lists
//! `|`-separated, `#` comment lines. In: file text and its path (for errors).
//! Out: plain records, or an [`Error::DataFile`](crate::error::Error::DataFile) naming the line.

use std::path::Path;

use super::records::{CountryRec, PlaceRec, data_error};
use crate::error::Result;

pub(super) fn check_iso2(path: &Path, line: usize, code: &str, allow_empty: bool) -> Result<()> {
    let ok = (allow_empty && code.is_empty())
        || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()));
    if ok {
        Ok(())
    } else {
        let at = if line > 0 {
            format!("line {line}: ")
        } else {
            String::new()
        };
        Err(data_error(
            path,
            format!("{at}`{code}` is not an ISO 3166-1 alpha-2 code (two capital letters)"),
        ))
    }
}

fn split_list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Data lines of a TSV file with their 1-based line numbers.
fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

pub(super) fn parse_countries_tsv(path: &Path, text: &str) -> Result<Vec<CountryRec>> {
    let mut out = Vec::new();
    for (line, cols) in tsv_rows(text) {
        if cols.len() < 3 {
            return Err(data_error(
                path,
                format!(
                    "line {line}: expected iso2, iso3, names, demonyms, capitalised separated by tabs"
                ),
            ));
        }
        check_iso2(path, line, cols[0], false)?;
        let col = |i: usize| cols.get(i).copied().unwrap_or("");
        out.push(CountryRec {
            iso2: cols[0].to_owned(),
            iso3: cols[1].trim().to_owned(),
            names: split_list(col(2)),
            demonyms: split_list(col(3)),
            capitalised: split_list(col(4)),
            ..CountryRec::default()
        });
    }
    Ok(out)
}

pub(super) fn parse_places_tsv(path: &Path, text: &str) -> Result<Vec<PlaceRec>> {
    let mut out = Vec::new();
    for (line, cols) in tsv_rows(text) {
        if cols.len() < 2 || cols[0].trim().is_empty() {
            return Err(data_error(
                path,
                format!(
                    "line {line}: expected name, iso2, kind, population, aliases separated by tabs"
                ),
            ));
        }
        let country = cols[1].trim();
        check_iso2(path, line, country, true)?;
        let population = match cols.get(3).map(|s| s.trim()) {
            None | Some("") => 0,
            Some(p) => p.parse().map_err(|_| {
                data_error(
                    path,
                    format!("line {line}: population `{p}` is not a whole number"),
                )
            })?,
        };
        out.push(PlaceRec {
            name: cols[0].trim().to_owned(),
            country: country.to_owned(),
            population,
            aliases: split_list(cols.get(4).copied().unwrap_or("")),
        });
    }
    Ok(out)
}

//! `sources.toml`: metadata that report files do not carry.
//!
//! In: the sidecar's text. Out: [`SidecarEntry`]s keyed by file name and part,
//! each holding a [`DocMeta`] with what it gives. Parsing is strict (unknown
//! keys are errors) so that a typo in a field name is reported, not silently
//! ignored.

use std::path::PathBuf;

use toml::{Table, Value};

use crate::error::{Error, Result};
use crate::model::DocMeta;

/// The metadata keys an entry may give, beside `file` and `part`.
const META_KEYS: [&str; 9] = [
    "id",
    "title",
    "publisher",
    "published",
    "authors",
    "contributor",
    "place",
    "series",
    "url",
];

/// What a sidecar says about one report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SidecarEntry {
    /// File name, relative to the sidecar's folder.
    pub file: String,
    /// Which report of a multi-report file (1-based); absent = every report of the file.
    pub part: Option<usize>,
    /// The metadata it gives.
    pub meta: DocMeta,
}

/// A parsed sidecar.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sidecar {
    entries: Vec<SidecarEntry>,
}

impl Sidecar {
    /// Parses a sidecar's text; `display` names it in errors.
    pub(crate) fn parse(text: &str, display: &str) -> Result<Sidecar> {
        let bad = |message: String| Error::DataFile {
            path: PathBuf::from(display),
            message,
        };
        let mut root: Table =
            toml::from_str(text).map_err(|e| bad(e.to_string().trim().replace('\n', " ")))?;
        let reports = match root.remove("report") {
            None => Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(bad("`report` must be a list of [[report]] tables".into())),
        };
        if let Some(key) = root.keys().next() {
            return Err(bad(format!(
                "unknown key `{key}`; expected [[report]] tables"
            )));
        }
        let entries = reports
            .into_iter()
            .map(|item| match item {
                Value::Table(t) => entry(t).map_err(bad),
                _ => Err(bad("each [[report]] must be a table".into())),
            })
            .collect::<Result<_>>()?;
        Ok(Sidecar { entries })
    }

    /// The entry for report `part` (1-based) of `file`, if any.
    pub(crate) fn entry(&self, file: &str, part: usize) -> Option<&SidecarEntry> {
        let for_file = || self.entries.iter().filter(|e| e.file == file);
        for_file()
            .find(|e| e.part == Some(part))
            .or_else(|| for_file().find(|e| e.part.is_none()))
    }
}

/// One `[[report]]` table; `Err` says what is wrong in it.
fn entry(mut table: Table) -> std::result::Result<SidecarEntry, String> {
    let Some(Value::String(file)) = table.remove("file") else {
        return Err("a [[report]] without `file = \"name.txt\"`".into());
    };
    let part = match table.remove("part") {
        None => None,
        Some(Value::Integer(n)) if n >= 1 => usize::try_from(n).ok(),
        Some(other) => {
            return Err(format!(
                "report `{file}`: part = {other} is not a report number (1, 2, …)"
            ));
        }
    };
    if let Some(key) = table.keys().find(|k| !META_KEYS.contains(&k.as_str())) {
        return Err(format!(
            "report `{file}`: unknown field `{key}`; expected one of file, part, {}",
            META_KEYS.join(", ")
        ));
    }
    if let Some(date) = table.get_mut("published") {
        // A TOML date (`published = 2020-05-04`) is as good as a string.
        let written = match &*date {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if written.parse::<jiff::civil::Date>().is_err() {
            return Err(format!(
                "report `{file}`: published = {date} is not a date; write YYYY-MM-DD"
            ));
        }
        *date = Value::String(written);
    }
    let meta: DocMeta = Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| format!("report `{file}`: {}", e.message()))?;
    Ok(SidecarEntry { file, part, meta })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_match_by_file_and_part() {
        let text = r#"
[[report]]
file = "two.txt"
part = 2
id = "second"

[[report]]
file = "two.txt"
publisher = "Pub"

[[report]]
file = "one.txt"
title = "Only"
published = 2020-05-04
"#;
        let s = Sidecar::parse(text, "sources.toml").expect("parses");
        assert_eq!(
            s.entry("two.txt", 2).map(|e| e.meta.id.as_str()),
            Some("second")
        );
        assert_eq!(
            s.entry("two.txt", 1)
                .and_then(|e| e.meta.publisher.as_deref()),
            Some("Pub")
        );
        let one = s.entry("one.txt", 1).expect("one.txt");
        assert_eq!(one.meta.title, "Only");
        assert_eq!(one.meta.published, Some(jiff::civil::date(2020, 5, 4)));
        assert!(s.entry("three.txt", 1).is_none());
    }

    #[test]
    fn typos_and_bad_values_are_reported() {
        for (text, expected) in [
            ("[[report]]\nfile = \"a\"\ntitel = \"x\"\n", "titel"),
            (
                "[[report]]\nfile = \"a\"\npublished = \"May 2020\"\n",
                "YYYY-MM-DD",
            ),
            ("[[report]]\ntitle = \"x\"\n", "without `file"),
            ("[[report]]\nfile = \"a\"\npart = 0\n", "part = 0"),
            (
                "[[report]]\nfile = \"a\"\nauthors = \"Ann\"\n",
                "report `a`",
            ),
            ("[[reports]]\nfile = \"a\"\n", "unknown key `reports`"),
            ("[[report]\n", "sources.toml"),
        ] {
            let err = Sidecar::parse(text, "sources.toml").expect_err(text);
            assert!(err.to_string().contains(expected), "{text}: {err}");
        }
    }

    #[test]
    fn bundled_sidecar_parses() {
        let text = include_str!("../../corpus/sources.toml");
        let s = Sidecar::parse(text, "corpus/sources.toml").expect("bundled sidecar parses");
        assert!(s.entry("icct-last-frontier-prisons-mali.txt", 1).is_some());
    }
}

//! `sources.toml`: metadata that report files do not carry.
//!
//! In: the sidecar's text. Out: [`SidecarEntry`]s keyed by file name and part.
//! Parsing is strict (unknown keys are errors) so that a typo in a field name
//! is reported, not silently ignored.

use std::path::PathBuf;

use serde::Deserialize;

use crate::error::{Error, Result};

/// What a sidecar says about one report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SidecarEntry {
    /// File name, relative to the sidecar's folder.
    pub file: String,
    /// Which report of a multi-report file (1-based); absent = every report of the file.
    pub part: Option<usize>,
    /// Document id to use instead of the derived one.
    pub id: Option<String>,
    /// Title, where the text has none.
    pub title: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Authors.
    pub authors: Option<Vec<String>>,
    /// Web address.
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SidecarDoc {
    #[serde(default)]
    report: Vec<SidecarEntry>,
}

/// A parsed sidecar.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sidecar {
    entries: Vec<SidecarEntry>,
}

impl Sidecar {
    /// Parses a sidecar's text; `display` names it in errors.
    pub(crate) fn parse(text: &str, display: &str) -> Result<Sidecar> {
        let doc: SidecarDoc = toml::from_str(text).map_err(|e| Error::DataFile {
            path: PathBuf::from(display),
            message: e.to_string().trim().replace('\n', " "),
        })?;
        for entry in &doc.report {
            if let Some(date) = &entry.published
                && date.parse::<jiff::civil::Date>().is_err()
            {
                return Err(Error::DataFile {
                    path: PathBuf::from(display),
                    message: format!(
                        "report `{}`: published = \"{date}\" is not a date; write YYYY-MM-DD",
                        entry.file
                    ),
                });
            }
        }
        Ok(Sidecar {
            entries: doc.report,
        })
    }

    /// The entry for report `part` (1-based) of `file`, if any.
    pub(crate) fn entry(&self, file: &str, part: usize) -> Option<&SidecarEntry> {
        let for_file = || self.entries.iter().filter(|e| e.file == file);
        for_file()
            .find(|e| e.part == Some(part))
            .or_else(|| for_file().find(|e| e.part.is_none()))
    }
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
"#;
        let s = Sidecar::parse(text, "sources.toml").expect("parses");
        assert_eq!(
            s.entry("two.txt", 2).and_then(|e| e.id.as_deref()),
            Some("second")
        );
        assert_eq!(
            s.entry("two.txt", 1).and_then(|e| e.publisher.as_deref()),
            Some("Pub")
        );
        assert_eq!(
            s.entry("one.txt", 1).and_then(|e| e.title.as_deref()),
            Some("Only")
        );
        assert!(s.entry("three.txt", 1).is_none());
    }

    #[test]
    fn typos_and_bad_dates_are_reported() {
        let err = Sidecar::parse("[[report]]\nfile = \"a\"\ntitel = \"x\"\n", "s.toml")
            .expect_err("unknown key");
        assert!(err.to_string().contains("titel"), "{err}");
        let err = Sidecar::parse(
            "[[report]]\nfile = \"a\"\npublished = \"May 2020\"\n",
            "s.toml",
        )
        .expect_err("bad date");
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn bundled_sidecar_parses() {
        let text = include_str!("../../corpus/sources.toml");
        let s = Sidecar::parse(text, "corpus/sources.toml").expect("bundled sidecar parses");
        assert!(s.entry("icct-last-frontier-prisons-mali.txt", 1).is_some());
    }
}

//! The file of saved searches (`watches.toml`): what `dossier watch` reads
//! and writes. In: the file's path. Out: [`Watches`], one [`Watch`] per name
//! with its query, filters, times and the passages it reported; changed
//! under a lock (`.watches.toml.lock` beside it) and written back whole
//! through a temporary file renamed over the old one, so a crash leaves the
//! old file or the new one, never half of one. Running searches
//! and printing hits are `watch_run`'s.

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::args::FilterArgs;

/// The file's name in the index folder.
pub(crate) const FILE_NAME: &str = "watches.toml";

/// Longest name a saved search may have.
const MAX_NAME: usize = 64;

/// Written above the TOML, for whoever opens the file.
const HEADER: &str = "\
# Saved searches of `dossier watch` (see `dossier watch --help`).
# [watch.NAME] holds a query and its filters (the flags of `dossier search`, by
# their names); [watch.NAME.reported] the passages it reported: passage id =
# hash of its text when reported (several, space-separated, if the text changed).
";

/// Every saved search, by name.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Watches {
    #[serde(default)]
    watch: BTreeMap<String, Watch>,
}

/// One saved search.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Watch {
    /// The query, as `search` takes it.
    pub query: String,
    /// When it was saved (for one written by hand, when first read).
    #[serde(default = "now")]
    pub added: Timestamp,
    /// When it last ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run: Option<Timestamp>,
    /// The filter flags that were given, by field name (`country = ["Mali"]`).
    #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
    filters: toml::Table,
    /// Passage id → the hashes of the texts reported under it, space-separated.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    reported: BTreeMap<String, String>,
}

impl Watches {
    /// Reads the file; a missing file holds no saved search.
    pub(crate) fn load(path: &Path) -> Result<Watches> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Watches::default()),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        };
        toml::from_str(&text).map_err(|e| {
            let line = e
                .span()
                .map_or(0, |s| text[..s.start].matches('\n').count() + 1);
            anyhow::anyhow!(
                "{}: line {line}: {}; hint: correct the file, or remove it to start afresh",
                path.display(),
                e.message().trim_end()
            )
        })
    }

    /// The saved searches, by name.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Watch)> {
        self.watch.iter()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.watch.is_empty()
    }

    /// The saved search `name`, or an error naming the known ones.
    pub(crate) fn get_mut(&mut self, name: &str) -> Result<&mut Watch> {
        if !self.watch.contains_key(name) {
            bail!("{}", self.unknown(name));
        }
        Ok(self.watch.get_mut(name).expect("checked above"))
    }

    /// Saves a new search; a name must be new and well-formed.
    pub(crate) fn add(&mut self, name: &str, watch: Watch) -> Result<()> {
        check_name(name)?;
        if let Some(old) = self.watch.get(name) {
            bail!(
                "a watch named `{name}` exists already (query \"{}\"); hint: choose another name, or `dossier watch remove {name}` first",
                old.query
            );
        }
        self.watch.insert(name.to_string(), watch);
        Ok(())
    }

    /// Forgets a saved search; returns it.
    pub(crate) fn remove(&mut self, name: &str) -> Result<Watch> {
        match self.watch.remove(name) {
            Some(w) => Ok(w),
            None => bail!("{}", self.unknown(name)),
        }
    }

    /// `no watch named `x`; the watches are: a, b` (or that there are none).
    fn unknown(&self, name: &str) -> String {
        if self.watch.is_empty() {
            format!(
                "no watch named `{name}`: there is none yet; hint: `dossier watch add NAME QUERY`"
            )
        } else {
            let names: Vec<&str> = self.watch.keys().map(String::as_str).collect();
            format!(
                "no watch named `{name}`; the watches are: {}",
                names.join(", ")
            )
        }
    }

    /// The file's text: the header, then the TOML.
    fn to_text(&self) -> Result<String> {
        Ok(format!("{HEADER}\n{}", toml::to_string(self)?))
    }
}

impl Watch {
    /// A new saved search, never run.
    pub(crate) fn new(query: String, filters: &FilterArgs) -> Result<Watch> {
        let mut table = toml::Table::try_from(filters)?;
        // Only the flags given: an unset flag is its default.
        table.retain(|_, v| !matches!(v, toml::Value::Boolean(false)) && !is_empty_list(v));
        Ok(Watch {
            query,
            added: now(),
            last_run: None,
            filters: table,
            reported: BTreeMap::new(),
        })
    }

    /// The filter flags, as `search` parses them.
    pub(crate) fn filter_args(&self) -> Result<FilterArgs> {
        toml::Value::Table(self.filters.clone())
            .try_into()
            .map_err(|e: toml::de::Error| {
                anyhow::anyhow!(
                    "its filters are not the flags of `dossier search`: {}",
                    e.message().trim_end()
                )
            })
    }

    /// The filters as typed: `--country Mali`, `--affiliates`, a value with
    /// spaces in quotes.
    pub(crate) fn filter_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        for (key, value) in &self.filters {
            let flag = format!("--{}", key.replace('_', "-"));
            let values = match value {
                toml::Value::Array(items) => items.iter().collect(),
                other => vec![other],
            };
            for v in values {
                words.push(match v {
                    toml::Value::Boolean(_) => flag.clone(),
                    toml::Value::String(s) => format!("{flag} {}", quoted(s)),
                    other => format!("{flag} {other}"),
                });
            }
        }
        words
    }

    /// The query as typed, then the filters: `"JNIM prison" --country Mali`.
    pub(crate) fn described(&self) -> String {
        std::iter::once(quoted(&self.query))
            .chain(self.filter_words())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How many passage texts it has reported.
    pub(crate) fn reported_count(&self) -> usize {
        self.reported
            .values()
            .map(|hashes| hashes.split_whitespace().count())
            .sum()
    }

    /// What it has reported, to tell new passages from those seen.
    pub(crate) fn seen(&self) -> Seen {
        let mut texts = HashSet::new();
        for (id, hashes) in &self.reported {
            let doc = id.rsplit_once('/').map_or(id.as_str(), |(doc, _)| doc);
            for hash in hashes.split_whitespace() {
                texts.insert((doc.to_string(), hash.to_string()));
            }
        }
        Seen { texts }
    }

    /// Records a passage as reported.
    pub(crate) fn record(&mut self, id: &str, text: &str) {
        let hash = text_hash(text);
        let hashes = self.reported.entry(id.to_string()).or_default();
        if !hashes.split_whitespace().any(|h| h == hash) {
            if !hashes.is_empty() {
                hashes.push(' ');
            }
            hashes.push_str(&hash);
        }
    }
}

/// The passages a saved search reported: (document, text hash) pairs. A
/// passage is known by its text within its document, so that a report
/// ingested again with a paragraph inserted (every later number shifted)
/// brings nothing new, while a passage whose text changed, or the same text
/// in another report, is new.
pub(crate) struct Seen {
    texts: HashSet<(String, String)>,
}

impl Seen {
    pub(crate) fn contains(&self, doc: &str, text: &str) -> bool {
        self.texts.contains(&(doc.to_string(), text_hash(text)))
    }
}

/// The file of saved searches being rewritten. It holds a lock beside the
/// file, so that two commands that change it (a `watch run` from a
/// scheduler and a `watch add`) take turns instead of one undoing the
/// other, and a temporary file created first, so that a folder that cannot
/// be written to is an error before anything is printed or run. Dropped
/// uncommitted, it leaves the file as it was.
pub(crate) struct Rewrite {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<File>,
    // Locked while held; unlocked when closed.
    _lock: File,
}

impl Rewrite {
    /// Waits for the file to be free, then reads it.
    pub(crate) fn begin(path: &Path) -> Result<(Rewrite, Watches)> {
        let unwritable = || {
            format!(
                "cannot write saved searches beside {}; hint: give a writable file with --watches PATH (or DOSSIER_WATCHES)",
                path.display()
            )
        };
        let name = path
            .file_name()
            .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
        let lock =
            File::create(path.with_file_name(format!(".{name}.lock"))).with_context(unwritable)?;
        lock.lock().with_context(unwritable)?;
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&tmp).with_context(unwritable)?;
        let rewrite = Rewrite {
            path: path.to_path_buf(),
            tmp,
            file: Some(file),
            _lock: lock,
        };
        let watches = Watches::load(path)?;
        Ok((rewrite, watches))
    }

    /// Writes `watches` and renames the file over the old one.
    pub(crate) fn commit(mut self, watches: &Watches) -> Result<()> {
        let mut file = self.file.take().expect("committed once");
        let written = file
            .write_all(watches.to_text()?.as_bytes())
            .and_then(|()| file.sync_all())
            .and_then(|()| fs::rename(&self.tmp, &self.path));
        written.with_context(|| format!("cannot write {}", self.path.display()))
    }
}

impl Drop for Rewrite {
    fn drop(&mut self) {
        // Gone after a commit; left by a failure, when the old file stands.
        let _ = fs::remove_file(&self.tmp);
    }
}

/// Names are TOML keys and command-line words: letters, digits, `-`, `_`.
fn check_name(name: &str) -> Result<()> {
    let well_formed = !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !name.starts_with('-');
    if !well_formed {
        bail!(
            "`{name}` cannot name a watch; hint: up to {MAX_NAME} letters, digits, `-` and `_`, not starting with `-` (e.g. jnim-prisons)"
        );
    }
    Ok(())
}

/// A value as a shell would take it back: bare when it is one plain word,
/// else in double quotes (single ones when it holds double quotes).
fn quoted(value: &str) -> String {
    let special = |c: char| matches!(c, '"' | '\\' | '$' | '`');
    if !value.is_empty()
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c == '\'' || special(c))
    {
        value.to_string()
    } else if !value.chars().any(special) {
        format!("\"{value}\"")
    } else {
        format!("'{}'", value.replace('\'', "'\\''"))
    }
}

fn is_empty_list(v: &toml::Value) -> bool {
    v.as_array().is_some_and(Vec::is_empty)
}

/// Now, to the second.
pub(crate) fn now() -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second()).expect("now is a valid time")
}

/// FNV-1a over the text's words, as 16 hex digits: stable across Rust
/// versions and machines (the file outlives both), blind to changes in
/// spacing alone.
fn text_hash(text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, word) in text.split_whitespace().enumerate() {
        let separator: &[u8] = if i == 0 { b"" } else { b" " };
        for &byte in separator.iter().chain(word.as_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hashes_are_stable_and_ignore_spacing() {
        // (text, text, same hash)
        let cases = [
            ("", "", true),
            ("a b", "a  b", true),
            ("a b", " a\nb ", true),
            ("a b", "ab", false),
            ("a b", "a c", false),
        ];
        for (a, b, same) in cases {
            assert_eq!(text_hash(a) == text_hash(b), same, "{a:?} vs {b:?}");
        }
        // FNV-1a's published value for "a": the hash must never change.
        assert_eq!(text_hash("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn values_are_quoted_as_a_shell_takes_them() {
        let cases = [
            ("Mali", "Mali"),
            ("Burkina Faso", "\"Burkina Faso\""),
            ("", "\"\""),
            ("\"foreign fighters\" Mali", "'\"foreign fighters\" Mali'"),
            ("it's \"x\"", "'it'\\''s \"x\"'"),
            ("Ansar Dine's", "\"Ansar Dine's\""),
            ("$HOME", "'$HOME'"),
        ];
        for (value, shown) in cases {
            assert_eq!(quoted(value), shown, "{value:?}");
        }
    }

    #[test]
    fn names_are_checked() {
        let cases = [
            ("jnim-prisons", true),
            ("mali_2020", true),
            ("A", true),
            ("", false),
            ("-x", false),
            ("two words", false),
            ("a.b", false),
            ("é", false),
        ];
        for (name, ok) in cases {
            assert_eq!(check_name(name).is_ok(), ok, "{name:?}");
        }
        assert!(check_name(&"x".repeat(MAX_NAME)).is_ok());
        assert!(check_name(&"x".repeat(MAX_NAME + 1)).is_err());
    }

    #[test]
    fn a_passage_is_known_by_its_document_and_text() {
        let mut w = Watch::new("q".into(), &FilterArgs::default()).expect("watch");
        w.record("doc-a/p3", "the same text");
        w.record("doc-a/p3", "the same text");
        assert_eq!(w.reported_count(), 1);
        let seen = w.seen();
        // (document, text, seen)
        let cases = [
            ("doc-a", "the same text", true),
            ("doc-a", "the  same\ntext", true),
            ("doc-a", "a changed text", false),
            ("doc-b", "the same text", false),
        ];
        for (doc, text, known) in cases {
            assert_eq!(seen.contains(doc, text), known, "{doc} {text:?}");
        }
        w.record("doc-a/p3", "a changed text");
        assert_eq!(w.reported["doc-a/p3"].split(' ').count(), 2);
        assert_eq!(w.reported_count(), 2);
    }

    #[test]
    fn filters_keep_only_the_flags_given_and_read_back() {
        let given = FilterArgs {
            country: vec!["Burkina Faso".into()],
            group: vec!["JNIM".into()],
            affiliates: true,
            from: Some("2020".into()),
            ..FilterArgs::default()
        };
        let w = Watch::new("q".into(), &given).expect("watch");
        assert_eq!(
            w.filter_words(),
            [
                "--affiliates",
                "--country \"Burkina Faso\"",
                "--from 2020",
                "--group JNIM"
            ]
        );
        let back = w.filter_args().expect("filters");
        assert_eq!(back.country, given.country);
        assert!(back.affiliates);
        assert_eq!(back.from.as_deref(), Some("2020"));
        assert!(back.kind.is_empty());
    }

    #[test]
    fn the_file_reads_back_what_it_wrote() {
        let mut watches = Watches::default();
        let filters = FilterArgs {
            kind: vec!["footnote".into()],
            ..FilterArgs::default()
        };
        let mut w = Watch::new("prison AND Mali".into(), &filters).expect("watch");
        w.record("icct-mali/p4", "text");
        watches.add("mali", w).expect("added");
        let text = watches.to_text().expect("toml");
        assert!(text.contains("[watch.mali]"), "{text}");
        assert!(text.contains("\"icct-mali/p4\" = "), "{text}");
        let back: Watches = toml::from_str(&text).expect("reads back");
        let (name, w) = back.iter().next().expect("one watch");
        assert_eq!(name, "mali");
        assert_eq!(w.query, "prison AND Mali");
        assert_eq!(w.filter_words(), ["--kind footnote"]);
        assert_eq!(w.reported_count(), 1);
    }

    #[test]
    fn unknown_and_taken_names_are_refused() {
        let mut watches = Watches::default();
        assert!(watches.get_mut("x").is_err());
        let w = || Watch::new("q".into(), &FilterArgs::default()).expect("watch");
        watches.add("a", w()).expect("added");
        watches.add("b", w()).expect("added");
        let err = watches.add("a", w()).expect_err("taken").to_string();
        assert!(err.contains("exists already"), "{err}");
        let err = watches.remove("c").expect_err("unknown").to_string();
        assert!(err.ends_with("the watches are: a, b"), "{err}");
    }
}

//! The alias table stored beside each index generation, so that queries
//! resolve `Türkiye`, `Daesh` or `hurriyet` without loading a gazetteer.
//!
//! Two files: `aliases.fst` maps keys to line numbers of `aliases.txt`, whose
//! lines are `dimension<TAB>canonical value`. A key is `=<dim>\0<alias>` for
//! acronyms, matched with their case (`IS` the group, never `is`), and
//! `~<dim>\0<folded alias>` for everything else, matched folded (case,
//! diacritics, apostrophes and hyphens ignored). Built at ingest from the
//! gazetteers' aliases and every value passages were tagged with; read with
//! one small file read and an fst lookup per query word.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tantivy::tokenizer::TextAnalyzer;

use fst::Map;
use tantivy::Directory;
use tantivy::directory::MmapDirectory;
use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::fold::alias_key as fold;
use crate::model::Dimension;

/// The keys, as an fst.
pub(crate) const FST_FILE: &str = "aliases.fst";
/// The lines the keys point to.
pub(crate) const NAMES_FILE: &str = "aliases.txt";

/// Key prefix of spelling variants (by stem), and the tag of their lines.
const SPELLING: &str = "%spelling\0";
const SPELLING_LINE: &str = "spelling";

/// Key prefixes of a name's spellings (by dimension and canonical name) and
/// of person name skeletons (`fold::name_skeleton`), and the tag of their lines.
const MEMBERS: &str = "%members\0";
const SKELETON: &str = "%skeleton\0";
/// Key prefix of entity names by transliteration key.
const TRANSLIT: &str = "%translit\0";
const MEMBERS_LINE: &str = "members";
/// Separates the spellings on a members line.
const MEMBER_SEP: char = '\u{1f}';

/// Shortest stem tail a spelling variant is looked up by: `radicalis` in
/// `deradicalis`, never `is`.
const MIN_SPELLING_TAIL: usize = 5;

/// Longest all-capital alias treated as an acronym (matched with its case).
const MAX_ACRONYM_CHARS: usize = 6;

/// Entity dimensions a query word may name.
const NAMED_BY_QUERY_WORDS: [Dimension; 4] = [
    Dimension::Country,
    Dimension::Group,
    Dimension::Place,
    Dimension::Person,
];

fn is_acronym(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphanumeric()).count();
    (1..=MAX_ACRONYM_CHARS).contains(&letters)
        && alias.chars().any(char::is_alphabetic)
        && alias
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

fn key(dim: Dimension, alias: &str) -> Option<String> {
    if is_acronym(alias) {
        Some(format!("={dim}\0{}", alias.replace('.', "")))
    } else {
        let folded = fold(alias);
        (!folded.is_empty()).then(|| format!("~{dim}\0{folded}"))
    }
}

/// Collects aliases during an ingest and writes the table.
#[derive(Debug, Default)]
pub(crate) struct AliasWriter {
    /// key → (dim, canonical); the first canonical given for a key wins.
    keys: BTreeMap<String, (String, String)>,
}

impl AliasWriter {
    /// Adds an alias of a canonical value in a dimension; the first
    /// canonical given for an alias keeps it.
    pub(crate) fn add(&mut self, dim: Dimension, alias: &str, canonical: &str) {
        if let Some(k) = key(dim, alias) {
            self.keys
                .entry(k)
                .or_insert_with(|| (dim.name().to_string(), canonical.to_string()));
        }
    }

    /// Adds British and American spellings of one word as variants of each
    /// other, at the stem level (`radicalis` ↔ `radicaliz`), so that every
    /// form sharing the stem follows (radicalisation, radicalised…).
    /// The line holds the other stem and a word written so, for display.
    pub(crate) fn add_spelling(
        &mut self,
        stemmer: &mut TextAnalyzer,
        british: &str,
        american: &str,
    ) {
        let mut stem = |w: &str| super::schema::tokens(stemmer, w).join(" ");
        let (b, a) = (stem(british), stem(american));
        if b.is_empty() || a.is_empty() || b == a || b.contains(' ') || a.contains(' ') {
            return;
        }
        for (from, to, word) in [(&b, &a, american), (&a, &b, british)] {
            self.keys
                .entry(format!("{SPELLING}{from}"))
                .or_insert_with(|| (SPELLING_LINE.to_string(), format!("{to} {word}")));
        }
    }

    /// Records one name's spellings: each spelling and each name in `also`
    /// resolve to the canonical name, which lists its spellings; a person is
    /// also found by each one's skeleton.
    pub(crate) fn add_spellings(
        &mut self,
        dim: Dimension,
        canonical: &str,
        members: &[String],
        also: &[String],
    ) {
        let tag = dim.name().to_string();
        for name in members.iter().chain(also) {
            if let Some(k) = key(dim, name) {
                self.keys.insert(k, (tag.clone(), canonical.to_string()));
            }
            if dim == Dimension::Person {
                let skeleton = crate::fold::name_skeleton(name).join(" ");
                self.keys
                    .entry(format!("{SKELETON}{skeleton}"))
                    .or_insert_with(|| (tag.clone(), canonical.to_string()));
            }
        }
        let joined: Vec<&str> = members.iter().map(String::as_str).collect();
        self.keys.insert(
            format!("{MEMBERS}{dim}\0{canonical}"),
            (
                MEMBERS_LINE.to_string(),
                joined.join(&MEMBER_SEP.to_string()),
            ),
        );
    }

    /// The keys, plus each country, group and place name under its
    /// transliteration key (`fold::transliteration_key`), where that key
    /// names one entity only.
    fn with_transliteration_keys(&self) -> BTreeMap<String, (String, String)> {
        let mut loose: BTreeMap<String, Option<(String, String)>> = BTreeMap::new();
        for (k, v) in &self.keys {
            let Some((dim, alias)) = k.strip_prefix('~').and_then(|k| k.split_once('\0')) else {
                continue;
            };
            if !NAMED_BY_QUERY_WORDS
                .iter()
                .any(|d| d.name() == dim && *d != Dimension::Person)
            {
                continue;
            }
            let key = format!(
                "{TRANSLIT}{dim}\0{}",
                crate::fold::transliteration_key(alias)
            );
            loose
                .entry(key)
                .and_modify(|seen| {
                    if seen.as_ref() != Some(v) {
                        *seen = None;
                    }
                })
                .or_insert_with(|| Some(v.clone()));
        }
        let mut keys = self.keys.clone();
        keys.extend(loose.into_iter().filter_map(|(k, v)| Some((k, v?))));
        keys
    }

    /// Writes `aliases.fst` and `aliases.txt` into `dir`. The fst's values are
    /// byte offsets of lines in `aliases.txt`, so a lookup reads one line
    /// rather than parsing the file.
    pub(crate) fn write(&self, dir: &Path) -> Result<()> {
        let keys = self.with_transliteration_keys();
        let mut names: Vec<(String, String)> = keys.values().cloned().collect();
        names.sort();
        names.dedup();
        let mut text = String::new();
        let mut offsets = Vec::with_capacity(names.len());
        for (d, c) in &names {
            offsets.push(text.len() as u64);
            text.push_str(d);
            text.push('\t');
            text.push_str(c);
            text.push('\n');
        }
        let offset_of = |v: &(String, String)| names.binary_search(v).map_or(0, |i| offsets[i]);
        let io = |path: PathBuf| {
            move |e: std::io::Error| Error::Io {
                path: path.clone(),
                source: e,
            }
        };
        let mut builder = fst::MapBuilder::memory();
        for (k, v) in &keys {
            builder
                .insert(k, offset_of(v))
                .map_err(|e| io(dir.join(FST_FILE))(std::io::Error::other(e)))?;
        }
        let bytes = builder
            .into_inner()
            .map_err(|e| io(dir.join(FST_FILE))(std::io::Error::other(e)))?;
        fs::write(dir.join(FST_FILE), bytes).map_err(io(dir.join(FST_FILE)))?;
        fs::write(dir.join(NAMES_FILE), text).map_err(io(dir.join(NAMES_FILE)))?;
        Ok(())
    }
}

/// The fst of keys and the text of the lines it points to, both mapped.
type Loaded = (Map<OwnedBytes>, OwnedBytes);

/// The table of an opened index, read on first use.
pub(crate) struct AliasTable {
    dir: PathBuf,
    /// The table, or why it could not be read.
    loaded: OnceLock<std::result::Result<Loaded, (PathBuf, String)>>,
}

impl std::fmt::Debug for AliasTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AliasTable").finish_non_exhaustive()
    }
}

impl AliasTable {
    /// The table stored in an index generation's directory. It is mapped
    /// through tantivy's (unmanaged) mmap directory on first use, so a search
    /// touches only the pages it looks at.
    pub(crate) fn new(dir: &Path) -> AliasTable {
        AliasTable {
            dir: dir.to_path_buf(),
            loaded: OnceLock::new(),
        }
    }

    fn table(&self) -> Option<&Loaded> {
        self.loaded.get_or_init(|| self.load()).as_ref().ok()
    }

    /// Reads and checks both files; a missing or damaged one is an error
    /// (a query resolving no alias would give wrong answers quietly).
    fn load(&self) -> std::result::Result<Loaded, (PathBuf, String)> {
        let damaged = |name: &str, why: String| (self.dir.join(name), why);
        let dir = MmapDirectory::open(&self.dir).map_err(|e| damaged("", e.to_string()))?;
        let read = |name: &str| {
            let bytes = dir
                .open_read(Path::new(name))
                .map_err(|e| damaged(name, e.to_string()))?
                .read_bytes()
                .map_err(|e| damaged(name, e.to_string()))?;
            super::checksum::verify(&self.dir, name, &bytes).map_err(|e| match e {
                Error::DamagedIndex { why, .. } => damaged(name, why),
                other => damaged(name, other.to_string()),
            })?;
            Ok(bytes)
        };
        let map = Map::new(read(FST_FILE)?).map_err(|e| damaged(FST_FILE, e.to_string()))?;
        Ok((map, read(NAMES_FILE)?))
    }

    /// Loads the table if it was not yet, and says whether it is whole.
    ///
    /// # Errors
    /// [`Error::DamagedIndex`] naming the missing or damaged file.
    pub(crate) fn check(&self) -> Result<()> {
        match self.loaded.get_or_init(|| self.load()) {
            Ok(_) => Ok(()),
            Err((path, why)) => Err(Error::DamagedIndex {
                path: path.clone(),
                why: why.clone(),
            }),
        }
    }

    /// The (dimension, canonical) a key points to.
    fn get(&self, key: &str) -> Option<(String, String)> {
        let (map, names) = self.table()?;
        let start = usize::try_from(map.get(key)?).ok()?;
        let line = names.get(start..)?;
        let line = &line[..line.iter().position(|b| *b == b'\n').unwrap_or(line.len())];
        let line = std::str::from_utf8(line).ok()?;
        let (dim, canonical) = line.split_once('\t')?;
        Some((dim.to_string(), canonical.to_string()))
    }

    /// The canonical value of what a user typed in a named dimension
    /// (`--country Türkiye` → `TR`), if it is a known alias. A person is
    /// also found by another spelling of a known one (`Hamadou Kouffa`).
    pub(crate) fn resolve(&self, dim: Dimension, value: &str) -> Option<String> {
        let value = value.trim();
        let exact = format!("={dim}\0{}", value.replace('.', ""));
        let upper = format!("={dim}\0{}", value.replace('.', "").to_uppercase());
        let folded = format!("~{dim}\0{}", fold(value));
        let skeleton = (dim == Dimension::Person)
            .then(|| format!("{SKELETON}{}", crate::fold::name_skeleton(value).join(" ")));
        [Some(exact), Some(folded), Some(upper), skeleton]
            .iter()
            .flatten()
            .find_map(|k| self.get(k))
            .map(|(_, canonical)| canonical)
    }

    /// The values a canonical value stands for in the index: a person's or
    /// a source's spellings, else the value itself.
    pub(crate) fn members(&self, dim: Dimension, canonical: &str) -> Vec<String> {
        if let Some((tag, line)) = self.get(&format!("{MEMBERS}{dim}\0{canonical}"))
            && tag == MEMBERS_LINE
        {
            return line.split(MEMBER_SEP).map(str::to_string).collect();
        }
        vec![canonical.to_string()]
    }

    /// The other spelling of a stem (`radicalis` → `radicaliz`), looked up
    /// by the stem or, failing that, by its longest known tail
    /// (`deradicalis` → `deradicaliz`), with a word written so
    /// (`deradicalization`), as (stem, word).
    pub(crate) fn spelling_variant(&self, stem: &str) -> Option<(String, String)> {
        let chars: Vec<(usize, char)> = stem.char_indices().collect();
        for (start, _) in chars.iter().copied() {
            let tail = &stem[start..];
            if tail.chars().count() < MIN_SPELLING_TAIL {
                break;
            }
            if let Some((tag, variant)) = self.get(&format!("{SPELLING}{tail}"))
                && tag == SPELLING_LINE
            {
                let (variant, word) = variant.split_once(' ').unwrap_or((&variant, &variant));
                let head = &stem[..start];
                return Some((format!("{head}{variant}"), format!("{head}{word}")));
            }
        }
        None
    }

    /// The countries, groups and places a word or phrase names in another
    /// transliteration than any the index knows (`Rakka` → Raqqa).
    pub(crate) fn entities_spelled_like(&self, text: &str) -> Vec<(Dimension, String)> {
        let key = crate::fold::transliteration_key(text);
        if key.is_empty() {
            return Vec::new();
        }
        NAMED_BY_QUERY_WORDS
            .iter()
            .filter(|d| **d != Dimension::Person)
            .filter_map(|&dim| {
                let (_, canonical) = self.get(&format!("{TRANSLIT}{dim}\0{key}"))?;
                Some((dim, canonical))
            })
            .collect()
    }

    /// The entities a query word or phrase names, as (dimension, canonical).
    pub(crate) fn entities_named(&self, text: &str) -> Vec<(Dimension, String)> {
        let mut out = Vec::new();
        let one_word = !text.trim().contains(char::is_whitespace);
        for dim in NAMED_BY_QUERY_WORDS {
            if dim == Dimension::Person {
                // A lone word names a person only written as a name is
                // (`Koufa`, not `young` for Andrew Young).
                let capitalised = text.trim().chars().next().is_some_and(char::is_uppercase);
                if let Some(c) = (!one_word || capitalised)
                    .then(|| self.resolve(dim, text))
                    .flatten()
                {
                    out.push((dim, c));
                }
                continue;
            }
            let exact = format!("={dim}\0{}", text.trim().replace('.', ""));
            let folded = format!("~{dim}\0{}", fold(text));
            if let Some((_, c)) = self.get(&exact).or_else(|| self.get(&folded)) {
                out.push((dim, c));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> (tempfile::TempDir, AliasTable) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut w = AliasWriter::default();
        w.add(Dimension::Country, "Turkey", "TR");
        w.add(Dimension::Country, "Türkiye", "TR");
        w.add(Dimension::Country, "TR", "TR");
        w.add(Dimension::Group, "Daesh", "ISIS");
        w.add(Dimension::Group, "IS", "ISIS");
        w.add(Dimension::Group, "Jama’at Nusrat al-Islam", "JNIM");
        w.add(Dimension::Cites, "Hürriyet", "Hürriyet");
        w.write(tmp.path()).expect("write");
        let t = AliasTable::new(tmp.path());
        (tmp, t)
    }

    #[test]
    fn filters_resolve_any_alias_folded() {
        let (_tmp, t) = table();
        for (dim, typed, expected) in [
            (Dimension::Country, "Turkey", Some("TR")),
            (Dimension::Country, "turkiye", Some("TR")),
            (Dimension::Country, "TÜRKIYE", Some("TR")),
            (Dimension::Country, "tr", Some("TR")),
            (Dimension::Group, "daesh", Some("ISIS")),
            (Dimension::Group, "Jamaat Nusrat al Islam", Some("JNIM")),
            (Dimension::Cites, "hurriyet", Some("Hürriyet")),
            (Dimension::Country, "Narnia", None),
            (Dimension::Group, "Turkey", None),
        ] {
            assert_eq!(t.resolve(dim, typed).as_deref(), expected, "{dim} {typed}");
        }
    }

    #[test]
    fn query_words_name_entities_acronyms_only_in_capitals() {
        let (_tmp, t) = table();
        assert_eq!(
            t.entities_named("Daesh"),
            vec![(Dimension::Group, "ISIS".to_string())]
        );
        assert_eq!(
            t.entities_named("IS"),
            vec![(Dimension::Group, "ISIS".to_string())]
        );
        assert!(t.entities_named("is").is_empty());
        assert_eq!(
            t.entities_named("Türkiye"),
            vec![(Dimension::Country, "TR".to_string())]
        );
    }

    #[test]
    fn a_missing_table_resolves_nothing() {
        let t = AliasTable::new(Path::new("/no/such/dir"));
        assert_eq!(t.resolve(Dimension::Country, "Turkey"), None);
    }
}

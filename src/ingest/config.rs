//! What an ingest or an update is given: where, how many threads, which
//! data; how it reports progress; and what every build starts from (the
//! thread pool, the time, the gazetteers' name tables).

use std::path::PathBuf;

use super::read;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::index::write::NameTables;
use crate::model::Warning;

/// What to ingest and where.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Files or folders; empty means the bundled corpus (or `corpus/` if present).
    pub paths: Vec<PathBuf>,
    /// Index directory (`index/` by default).
    pub index: PathBuf,
    /// Worker threads for extraction and indexing.
    pub threads: usize,
    /// A folder of gazetteer additions (`groups.toml`, `countries.toml`,
    /// `places.tsv`…), merged over the bundled data.
    pub data: Option<PathBuf>,
    /// Files larger than this are skipped with a warning.
    pub max_file_bytes: u64,
}

impl Default for IngestConfig {
    /// The bundled corpus into `index/`, on every core, files up to
    /// 256 MB (`read::DEFAULT_MAX_FILE_BYTES`).
    fn default() -> Self {
        IngestConfig {
            paths: Vec::new(),
            index: PathBuf::from("index"),
            threads: std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
            data: None,
            max_file_bytes: read::DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Receives progress and warnings while an ingest runs (the library never prints).
pub trait Progress: Sync {
    /// The ingest is about to read `total_bytes` in `files` files.
    fn start(&self, files: usize, total_bytes: u64);
    /// A file of `bytes` bytes was processed.
    fn advance(&self, bytes: u64);
    /// Something was skipped.
    fn warn(&self, warning: &Warning);
}

/// A [`Progress`] that ignores everything.
#[derive(Debug, Default)]
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize, _: u64) {}
    fn advance(&self, _: u64) {}
    fn warn(&self, _: &Warning) {}
}

/// The worker threads of an ingest or update.
pub(crate) fn thread_pool(config: &IngestConfig) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .build()
        .map_err(|e| Error::Io {
            path: config.index.clone(),
            source: std::io::Error::other(e),
        })
}

/// Now, as the library records it (RFC 3339, UTC, to the second).
pub(crate) fn now() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second())
        .unwrap_or(now)
        .to_string()
}

/// What the index stores about entity names, from the gazetteers: every
/// alias, and the groups each group is an affiliate of.
pub(crate) fn names(extractor: &Extractor) -> NameTables {
    let aliases = extractor
        .alias_table()
        .into_iter()
        .map(|a| (a.kind.dimension(), a.name, a.canonical))
        .collect();
    NameTables {
        aliases,
        affiliations: extractor.group_affiliations().into_iter().collect(),
        spellings: spellings(),
    }
}

/// British and American spellings of the same words, from
/// `data/spelling_variants.tsv` (embedded).
fn spellings() -> Vec<(String, String)> {
    include_str!("../../data/spelling_variants.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(b, a)| (b.to_string(), a.to_string()))
        .collect()
}

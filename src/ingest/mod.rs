//! Ingest: files → reports → a new index generation, swapped in atomically.
//!
//! Reads like a table of contents: [`read`] finds and loads files, `segment`
//! cuts each into passages, [`assemble`] adds ids, footnote links, entities and
//! dates, `index::write` stores them. Files are processed in parallel in small
//! batches and written in corpus order, so memory stays bounded on huge corpora
//! and ids are the same on every run. A bad file is skipped with a warning; any
//! other failure leaves the previous index in place.

pub(crate) mod assemble;
mod config;
mod files;
pub(crate) mod read;
pub(crate) mod sidecar;
mod update;

pub use config::{IngestConfig, Progress, Silent};
use config::{names, now, thread_pool};
pub use update::{Changes, UpdateSummary, update};

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::index::DocSummary;
use crate::index::dir::Build;
use crate::index::library::Library;
use crate::index::write::IndexBuilder;
use crate::model::{PassageKind, Warning};
use files::Reading;
use read::Corpus;
use sidecar::Sidecar;

/// What an ingest did.
#[derive(Debug, Clone)]
pub struct IngestSummary {
    /// The documents indexed, in corpus order.
    pub docs: Vec<DocSummary>,
    /// Files of a format dossier reads that were skipped, with why.
    pub warnings: Vec<Warning>,
    /// Files of the folders walked that are not reports (other formats),
    /// with why: every file is accounted for.
    pub ignored: Vec<Warning>,
    /// Bytes of text read.
    pub bytes: u64,
    /// Wall time.
    pub seconds: f64,
    /// The generation directory now live.
    pub index_dir: PathBuf,
}

impl IngestSummary {
    /// Documents per file format (`text`, `pdf`…).
    pub fn docs_by_format(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for d in &self.docs {
            *out.entry(d.meta.format.clone()).or_insert(0) += 1;
        }
        out
    }

    /// Passages per kind, over all documents.
    pub fn passages_by_kind(&self) -> BTreeMap<PassageKind, usize> {
        let mut out = BTreeMap::new();
        for d in &self.docs {
            for (k, n) in &d.counts {
                *out.entry(*k).or_insert(0) += n;
            }
        }
        out
    }
}

/// Builds a new index from `config.paths` and makes it the live one.
///
/// # Errors
/// A missing path, an unreadable folder, a broken `sources.toml`, a corpus with
/// no readable report, another ingest holding the index, or a write failure.
/// In every case the previous index stays as it was.
pub fn ingest(config: &IngestConfig, progress: &dyn Progress) -> Result<IngestSummary> {
    let started = Instant::now();
    let corpus = locate(&config.paths, config.max_file_bytes)?;
    for w in &corpus.skipped {
        progress.warn(w);
    }
    if corpus.files.is_empty() {
        return Err(empty_corpus(&config.paths));
    }
    let sidecars = corpus
        .sidecars
        .iter()
        .map(|s| Sidecar::parse(&s.text, &s.display))
        .collect::<Result<Vec<_>>>()?;
    let extractor = match &config.data {
        Some(dir) => Extractor::with_user_data(dir)?,
        None => Extractor::new()?,
    };
    let build = Build::begin(&config.index)?;
    let mut builder = IndexBuilder::create(&build.path(), config.threads, names(&extractor))?;
    progress.start(corpus.files.len(), corpus.total_bytes());
    let pool = thread_pool(config)?;
    let reading = Reading {
        sidecars: &sidecars,
        extractor: &extractor,
        pool: &pool,
        progress,
        now: now(),
    };
    let read = reading.read(&corpus.files, &mut builder, &mut HashSet::new())?;
    let mut library = Library::new(library_sources(&config.paths));
    library.bundled = config.paths.is_empty() && !Path::new("corpus").is_dir();
    library.files = read.records;
    let docs = files::finish(builder, &library)?;
    if docs.is_empty() {
        return Err(empty_corpus(&config.paths));
    }
    let index_dir = build.publish()?;
    let mut warnings = corpus.skipped.clone();
    warnings.extend(read.warnings);
    Ok(IngestSummary {
        docs,
        warnings,
        ignored: corpus.ignored,
        bytes: read.bytes,
        seconds: started.elapsed().as_secs_f64(),
        index_dir,
    })
}

/// The sources a library records: the paths given, made absolute; none for
/// the bundled corpus (or `./corpus`, recorded as it is found).
fn library_sources(paths: &[PathBuf]) -> Vec<PathBuf> {
    let given: Vec<PathBuf> = if paths.is_empty() && Path::new("corpus").is_dir() {
        vec![PathBuf::from("corpus")]
    } else {
        paths.to_vec()
    };
    given
        .iter()
        .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
        .collect()
}

/// The corpus to read: the given paths, else `./corpus`, else the bundled one.
fn locate(paths: &[PathBuf], max_file_bytes: u64) -> Result<Corpus> {
    if !paths.is_empty() {
        return read::discover(paths, max_file_bytes);
    }
    let local = Path::new("corpus");
    if local.is_dir() {
        read::discover(&[local.to_path_buf()], max_file_bytes)
    } else {
        Ok(read::embedded())
    }
}

fn empty_corpus(paths: &[PathBuf]) -> Error {
    let what = if paths.is_empty() {
        "corpus/".to_string()
    } else {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Error::EmptyCorpus { what }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::IndexHandle;
    use crate::query::{SearchRequest, search};

    fn config(reports: &Path, index: &Path) -> IngestConfig {
        IngestConfig {
            paths: vec![reports.to_path_buf()],
            index: index.to_path_buf(),
            threads: 1,
            ..IngestConfig::default()
        }
    }

    #[test]
    fn a_search_opened_before_a_swap_reads_on_after_it() {
        // See: issue 12, finding 2: an open generation was deleted at once.
        let tmp = tempfile::tempdir().expect("tempdir");
        let reports = tmp.path().join("reports");
        std::fs::create_dir(&reports).expect("mkdir");
        std::fs::write(
            reports.join("a.txt"),
            "Prisons\n\nDaesh recruits in the prison of Gao, officials said.\n",
        )
        .expect("write");
        let index = tmp.path().join("index");
        ingest(&config(&reports, &index), &Silent).expect("first ingest");
        let handle = IndexHandle::open(&index).expect("open");
        // Another ingest swaps generations while the handle is open; its
        // lazily read tables (documents, aliases) must still be there.
        ingest(&config(&reports, &index), &Silent).expect("second ingest");
        ingest(&config(&reports, &index), &Silent).expect("third ingest");
        assert_eq!(handle.docs().expect("docs").len(), 1);
        let hits = search(
            &handle,
            &SearchRequest {
                query: "ISIS".into(),
                limit: 5,
                ..SearchRequest::default()
            },
        )
        .expect("search");
        assert_eq!(hits.hits.len(), 1, "Daesh resolves through the alias table");
    }
}

//! Ingest: files → reports → a new index generation, swapped in atomically.
//!
//! Reads like a table of contents: [`read`] finds and loads files, `segment`
//! cuts each into passages, [`assemble`] adds ids, footnote links, entities and
//! dates, `index::write` stores them. Files are processed in parallel in small
//! batches and written in corpus order, so memory stays bounded on huge corpora
//! and ids are the same on every run. A bad file is skipped with a warning; any
//! other failure leaves the previous index in place.

pub(crate) mod assemble;
pub(crate) mod read;
pub(crate) mod sidecar;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{Extractor, person_clusters, source_spellings};
use crate::formats::{self, Content, Format};
use crate::index::DocSummary;
use crate::index::dir::Build;
use crate::index::write::{IndexBuilder, NameTables};
use crate::model::{Dimension, PassageKind, Report, Warning};
use crate::segment::{Syntax, segment_blocks, segment_text};
use assemble::{Origin, assemble, line_starts};
use read::{Corpus, SourceFile};
use sidecar::Sidecar;

/// Files processed together before their passages are handed to the writer.
const BATCH_FILES: usize = 16;

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
    /// [`read::DEFAULT_MAX_FILE_BYTES`].
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

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.max(1))
        .build()
        .map_err(|e| Error::Io {
            path: config.index.clone(),
            source: std::io::Error::other(e),
        })?;
    let mut warnings = corpus.skipped.clone();
    let mut ids = HashSet::new();
    let mut bytes = 0;
    // Passages per person and per cited source, to find one name's
    // spellings across the library at the end.
    let mut names = NameCounts::default();
    for batch in corpus.files.chunks(BATCH_FILES) {
        let results: Vec<_> = pool.install(|| {
            batch
                .par_iter()
                .map(|file| {
                    let out = process(file, &sidecars, &extractor);
                    progress.advance(file.len);
                    out
                })
                .collect()
        });
        for (file, result) in batch.iter().zip(results) {
            match result {
                Ok((reports, left_out)) => {
                    bytes += file.len;
                    for mut report in reports {
                        make_unique(&mut report, &mut ids);
                        names.count(&report);
                        builder.add(&report)?;
                    }
                    for message in left_out {
                        warn(progress, &mut warnings, &file.display, message);
                    }
                }
                Err(message) => warn(progress, &mut warnings, &file.display, message),
            }
        }
    }
    names.add_spellings(&mut builder);
    let docs = builder.finish()?;
    if docs.is_empty() {
        return Err(empty_corpus(&config.paths));
    }
    let index_dir = build.publish()?;
    Ok(IngestSummary {
        docs,
        warnings,
        ignored: corpus.ignored,
        bytes,
        seconds: started.elapsed().as_secs_f64(),
        index_dir,
    })
}

/// Reports a warning about a file and keeps it for the summary.
fn warn(progress: &dyn Progress, warnings: &mut Vec<Warning>, path: &str, message: String) {
    let w = Warning {
        path: path.to_string(),
        message,
    };
    progress.warn(&w);
    warnings.push(w);
}

/// What the index stores about entity names, from the gazetteers: every
/// alias, and the groups each group is an affiliate of.
fn names(extractor: &Extractor) -> NameTables {
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

/// Passages per person name and per cited source name.
#[derive(Default)]
struct NameCounts {
    persons: HashMap<String, u64>,
    sources: HashMap<String, u64>,
}

impl NameCounts {
    fn count(&mut self, report: &Report) {
        for p in &report.passages {
            for (names, counts) in [
                (&p.persons, &mut self.persons),
                (&p.sources, &mut self.sources),
            ] {
                for name in names {
                    *counts.entry(name.clone()).or_default() += 1;
                }
            }
        }
    }

    /// One name's spellings across the library, for the alias table.
    fn add_spellings(self, builder: &mut IndexBuilder) {
        let sorted = |counts: HashMap<String, u64>| {
            let mut v: Vec<(String, u64)> = counts.into_iter().collect();
            v.sort();
            v
        };
        for s in person_clusters(&sorted(self.persons)) {
            builder.add_spellings(Dimension::Person, &s.canonical, &s.members, &s.also);
        }
        for s in source_spellings(&sorted(self.sources)) {
            builder.add_spellings(Dimension::Cites, &s.canonical, &s.members, &s.also);
        }
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

/// Reads, segments and assembles one file, with what its reader left out;
/// `Err` is the reason it was skipped.
fn process(
    file: &SourceFile,
    sidecars: &[Sidecar],
    extractor: &Extractor,
) -> Result<(Vec<Report>, Vec<String>), String> {
    let bytes = file.bytes().map_err(|e| e.to_string())?;
    let format = Format::detect(&file.name, &bytes)
        .ok_or_else(|| "not a report format dossier reads, skipped".to_string())?;
    let mut left_out = Vec::new();
    let (segmented, file_meta, starts) =
        match formats::read(format, bytes).map_err(|e| e.to_string())? {
            Content::Text {
                text,
                body_start,
                markdown,
                meta,
            } => {
                let syntax = if markdown {
                    Syntax::Markdown
                } else {
                    Syntax::Detect
                };
                let segmented = segment_text(&text, body_start, syntax);
                (segmented, meta, line_starts(&text))
            }
            Content::Blocks(doc) => {
                let span = 0..0;
                left_out = doc.warnings;
                (
                    vec![segment_blocks(doc.blocks, span, doc.continuity)],
                    doc.meta,
                    doc.line_starts,
                )
            }
        };
    if segmented.iter().all(|s| s.blocks.is_empty()) {
        return Err("no text found, skipped".to_string());
    }
    let parts = segmented.len();
    let sidecar = file.sidecar.and_then(|i| sidecars.get(i));
    let reports = segmented
        .into_iter()
        .enumerate()
        .map(|(i, seg)| {
            let origin = Origin {
                display: &file.display,
                file_name: &file.name,
                part: i + 1,
                parts,
                sidecar: sidecar.and_then(|s| s.entry(&file.name, i + 1)),
                line_starts: &starts,
                file_meta: &file_meta,
                format,
            };
            assemble(seg, &origin, extractor)
        })
        .collect();
    Ok((reports, left_out))
}

/// Gives a report a document id no earlier report has (`-2`, `-3`… appended),
/// rewriting its passages' ids to match.
fn make_unique(report: &mut Report, taken: &mut HashSet<String>) {
    let base = report.meta.id.clone();
    let mut id = base.clone();
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    taken.insert(id.clone());
    if id == base {
        return;
    }
    let old_prefix = format!("{base}/");
    let new_prefix = format!("{id}/");
    let fix = |s: &mut String| {
        if let Some(rest) = s.strip_prefix(&old_prefix) {
            *s = format!("{new_prefix}{rest}");
        }
    };
    for p in &mut report.passages {
        p.doc.clone_from(&id);
        fix(&mut p.id);
        p.footnotes.iter_mut().for_each(fix);
        if let Some(c) = p.cited_by.as_mut() {
            fix(c);
        }
    }
    report.meta.id = id;
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

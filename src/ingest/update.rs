//! A living library: `add`, `remove` and `update` change the index without
//! reading again what did not change.
//!
//! In: the live generation and its record of sources (`index::library`), and
//! the disk. Out: a new generation that keeps the unchanged files' segments
//! (linked, not copied), drops the documents of changed, removed and vanished
//! files, reads the new and changed ones, and is swapped in atomically like
//! an ingest: a reader sees the old state or the new one, never a mixture,
//! and an interrupted update leaves the old one live.
//!
//! A file is unchanged when its size and modification time are as recorded,
//! or, failing that, its content hash is; it is moved when a new path holds
//! the content of a vanished one (its documents and ids stay). A file read
//! by another reader version is read again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::config::{IngestConfig, Progress, names, now, thread_pool};
use super::files::{self, Reading};
use super::read::{self, Corpus, SourceFile};
use super::sidecar::Sidecar;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::formats::reader_is_current;
use crate::index::checksum::content_hash;
use crate::index::dir::{self, Build};
use crate::index::library::{FileRecord, Library};
use crate::index::write::IndexBuilder;
use crate::index::{DOCS_FILE, DocSummary};
use crate::model::Warning;

/// What an update did.
#[derive(Debug, Clone, Default)]
pub struct UpdateSummary {
    /// Files read for the first time.
    pub added: Vec<String>,
    /// Files read again because they changed.
    pub changed: Vec<String>,
    /// Files found under another path, as (from, to).
    pub moved: Vec<(String, String)>,
    /// Files whose documents left the library.
    pub removed: Vec<String>,
    /// Files left as they were.
    pub unchanged: usize,
    /// Documents in the library after the update.
    pub docs: usize,
    /// Files skipped, with why.
    pub warnings: Vec<Warning>,
    /// Wall time.
    pub seconds: f64,
    /// The new generation, when anything changed.
    pub index_dir: Option<PathBuf>,
}

impl UpdateSummary {
    /// Whether the library was already up to date.
    pub fn nothing_changed(&self) -> bool {
        self.index_dir.is_none()
    }
}

/// What to do to the library before it is compared with the disk.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Files or folders to add to its sources.
    pub add: Vec<PathBuf>,
    /// Documents (by id), files or folders to take out of it.
    pub remove: Vec<String>,
}

/// Re-scans the library's sources (after `changes`) and brings the index up
/// to date, reading only new and changed files.
///
/// # Errors
/// No index, one built before dossier kept its sources, a path or document
/// to add or remove that does not exist, another ingest at work, or a write
/// failure; the previous state stays live in every case.
pub fn update(
    config: &IngestConfig,
    changes: &Changes,
    progress: &dyn Progress,
) -> Result<UpdateSummary> {
    let started = Instant::now();
    let live = live_generation(&config.index)?;
    let build = Build::begin(&config.index)?;
    let mut library = Library::read(&live)?.ok_or_else(|| Error::Library {
        path: config.index.clone(),
        message: "this index was built before dossier recorded its sources; hint: rebuild it once with `dossier ingest PATH…`".into(),
    })?;
    let docs = read_docs(&live)?;
    apply(&mut library, &docs, changes)?;
    let (mut corpus, mut warnings) = scan(&library, config.max_file_bytes)?;
    let mut plan = Plan::make(&library, std::mem::take(&mut corpus.files), &docs);
    let mut summary = plan.summary();
    if plan.is_empty() && changes.add.is_empty() && changes.remove.is_empty() {
        summary.docs = docs.len();
        summary.seconds = started.elapsed().as_secs_f64();
        return Ok(summary);
    }
    let extractor = match &config.data {
        Some(dir) => Extractor::with_user_data(dir)?,
        None => Extractor::new()?,
    };
    let mut builder = IndexBuilder::extend(
        &build.path(),
        &live,
        config.threads,
        names(&extractor),
        docs,
    )?;
    let mut records = plan.apply_to(&mut builder);
    let mut taken: HashSet<String> = builder
        .docs_mut()
        .iter()
        .map(|d| d.meta.id.clone())
        .collect();
    let to_read: Vec<SourceFile> = plan.new.into_iter().chain(plan.changed).collect();
    progress.start(to_read.len(), to_read.iter().map(|f| f.len).sum());
    let sidecars = corpus
        .sidecars
        .iter()
        .map(|s| Sidecar::parse(&s.text, &s.display))
        .collect::<Result<Vec<_>>>()?;
    let pool = thread_pool(config)?;
    let reading = Reading {
        sidecars: &sidecars,
        extractor: &extractor,
        pool: &pool,
        progress,
        now: now(),
    };
    let read = reading.read(&to_read, &mut builder, &mut taken)?;
    warnings.extend(read.warnings);
    records.extend(read.records);
    records.sort_by(|a, b| a.path.cmp(&b.path));
    library.files = records;
    summary.docs = files::finish(builder, &library)?.len();
    summary.index_dir = Some(build.publish()?);
    summary.warnings = warnings;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn live_generation(root: &Path) -> Result<PathBuf> {
    match dir::live(root)? {
        dir::Live::Generation(d) => Ok(d),
        dir::Live::Nothing => Err(Error::NoIndex {
            path: root.to_path_buf(),
        }),
        dir::Live::Broken { why } => Err(Error::BrokenIndex {
            path: root.to_path_buf(),
            why,
        }),
    }
}

fn read_docs(live: &Path) -> Result<Vec<DocSummary>> {
    let path = live.join(DOCS_FILE);
    let bytes = std::fs::read(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| Error::DataFile {
        path,
        message: e.to_string(),
    })
}

/// Adds sources and takes documents, files and folders out of the library.
fn apply(library: &mut Library, docs: &[DocSummary], changes: &Changes) -> Result<()> {
    for path in &changes.add {
        if !path.exists() {
            return Err(Error::MissingPath { path: path.clone() });
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        library.excluded.retain(|e| !e.starts_with(&absolute));
        if !library.sources.iter().any(|s| absolute.starts_with(s)) {
            library.sources.push(absolute);
        }
    }
    for target in &changes.remove {
        if let Some(doc) = docs.iter().find(|d| d.meta.id == *target) {
            let file = library
                .file_of(&doc.meta.id)
                .ok_or_else(|| Error::Library {
                    path: PathBuf::from(target),
                    message: "no file of the library holds this document".into(),
                })?;
            if file.docs.len() > 1 {
                return Err(Error::Library {
                    path: PathBuf::from(target),
                    message: format!(
                        "one of {} documents of {}; hint: remove the file",
                        file.docs.len(),
                        file.display
                    ),
                });
            }
            let path = file.path.clone();
            library.excluded.push(path);
            continue;
        }
        let absolute = std::path::absolute(target).unwrap_or_else(|_| PathBuf::from(target));
        let before = library.sources.len();
        library.sources.retain(|s| *s != absolute);
        let holds_files = library.files.iter().any(|f| f.path.starts_with(&absolute));
        if library.sources.len() == before && !holds_files {
            return Err(Error::Library {
                path: PathBuf::from(target),
                message: "neither a document id nor a file or folder of the library; hint: `dossier docs` lists them".into(),
            });
        }
        if holds_files && library.sources.iter().any(|s| absolute.starts_with(s)) {
            library.excluded.push(absolute);
        }
    }
    Ok(())
}

/// The report files under the library's sources now, minus the excluded;
/// a source that vanished is said, and its files count as gone.
fn scan(library: &Library, max_file_bytes: u64) -> Result<(Corpus, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let mut corpus = {
        // Shown as `ingest` shows them: relative to where dossier runs.
        let cwd = std::env::current_dir().ok();
        let shown = |p: &PathBuf| match cwd.as_ref().and_then(|c| p.strip_prefix(c).ok()) {
            Some(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
            Some(rel) => rel.to_path_buf(),
            None => p.clone(),
        };
        let present: Vec<PathBuf> = library
            .sources
            .iter()
            .filter(|s| {
                let here = s.exists();
                if !here {
                    warnings.push(Warning {
                        path: s.display().to_string(),
                        message: "a source of the library is gone; its documents are removed"
                            .into(),
                    });
                }
                here
            })
            .map(shown)
            .collect();
        let on_disk = if present.is_empty() {
            Corpus::default()
        } else {
            read::discover(&present, max_file_bytes)?
        };
        if library.bundled() {
            read::embedded().merge(on_disk)
        } else {
            on_disk
        }
    };
    corpus
        .files
        .retain(|f| !library.excluded.iter().any(|e| f.location().starts_with(e)));
    Ok((corpus, warnings))
}

/// What an update has to do, file by file.
struct Plan {
    /// Records of files as they were.
    kept: Vec<FileRecord>,
    /// Files found under another path: the old record, the file now.
    moved: Vec<(FileRecord, SourceFile)>,
    /// Files read for the first time.
    new: Vec<SourceFile>,
    /// Files read again, and their old records.
    changed: Vec<SourceFile>,
    changed_records: Vec<FileRecord>,
    /// Records of files no longer there (or taken out).
    gone: Vec<FileRecord>,
}

impl Plan {
    fn make(library: &Library, files: Vec<SourceFile>, docs: &[DocSummary]) -> Plan {
        let mut old: HashMap<PathBuf, FileRecord> = library
            .files
            .iter()
            .map(|r| (r.path.clone(), r.clone()))
            .collect();
        let known: HashSet<&str> = docs.iter().map(|d| d.meta.id.as_str()).collect();
        let mut plan = Plan {
            kept: Vec::new(),
            moved: Vec::new(),
            new: Vec::new(),
            changed: Vec::new(),
            changed_records: Vec::new(),
            gone: Vec::new(),
        };
        let mut unseen: Vec<SourceFile> = Vec::new();
        for file in files {
            let Some(record) = old.remove(&file.location()) else {
                unseen.push(file);
                continue;
            };
            let whole = record.docs.iter().all(|d| known.contains(d.as_str()));
            let same_stamp = record.size == file.len && record.modified == file.modified();
            let current = reader_is_current(&record.reader);
            if whole && current && (same_stamp || hash_of(&file).as_deref() == Some(&record.hash)) {
                let mut record = record;
                record.modified = file.modified();
                plan.kept.push(record);
            } else {
                plan.changed.push(file);
                plan.changed_records.push(record);
            }
        }
        // What is left of the old records vanished, unless a new path holds
        // the same content (a move or a rename).
        let mut vanished: Vec<FileRecord> = old.into_values().collect();
        vanished.sort_by(|a, b| a.path.cmp(&b.path));
        for file in unseen {
            let hash = hash_of(&file);
            let at = vanished.iter().position(|r| {
                Some(&r.hash) == hash.as_ref() && !r.hash.is_empty() && reader_is_current(&r.reader)
            });
            match at {
                Some(i) => plan.moved.push((vanished.remove(i), file)),
                None => plan.new.push(file),
            }
        }
        plan.gone = vanished;
        plan
    }

    /// What the plan will do, for the summary.
    fn summary(&self) -> UpdateSummary {
        let shown = |files: &[SourceFile]| files.iter().map(|f| f.display.clone()).collect();
        UpdateSummary {
            unchanged: self.kept.len(),
            moved: self
                .moved
                .iter()
                .map(|(old, file)| (old.display.clone(), file.display.clone()))
                .collect(),
            removed: self.gone.iter().map(|r| r.display.clone()).collect(),
            added: shown(&self.new),
            changed: shown(&self.changed),
            ..UpdateSummary::default()
        }
    }

    /// Takes the documents of gone and changed files out of the
    /// generation, follows moved files; returns the records that stay.
    fn apply_to(&mut self, builder: &mut IndexBuilder) -> Vec<FileRecord> {
        for record in self.gone.iter().chain(&self.changed_records) {
            for doc in &record.docs {
                builder.remove(doc);
            }
        }
        let mut records = std::mem::take(&mut self.kept);
        for (mut old, file) in std::mem::take(&mut self.moved) {
            let location = file.location();
            for d in builder
                .docs_mut()
                .iter_mut()
                .filter(|d| old.docs.contains(&d.meta.id))
            {
                d.meta.source_file.clone_from(&file.display);
                if let Some(p) = d.provenance.as_mut() {
                    p.source_path.clone_from(&location);
                }
            }
            old.path = location;
            old.display.clone_from(&file.display);
            old.modified = file.modified();
            records.push(old);
        }
        records
    }

    fn is_empty(&self) -> bool {
        self.moved.is_empty()
            && self.new.is_empty()
            && self.changed.is_empty()
            && self.gone.is_empty()
    }
}

fn hash_of(file: &SourceFile) -> Option<String> {
    file.bytes().ok().map(|b| content_hash(&b))
}

//! The on-disk index: schema, atomic generations, writing and opening.
//!
//! In: reports (write side) or an index directory (read side). Out: a committed
//! tantivy index plus dossier's own small tables (`docs.json`), or an
//! [`IndexHandle`] to search. Opening never builds automata or reads data files
//! a query does not need (SPEC section 7).

pub(crate) mod aliases;
pub(crate) mod checksum;
pub(crate) mod dates;
pub(crate) mod dir;
pub(crate) mod library;
mod readonly;
pub(crate) mod schema;
pub(crate) mod simhash;
mod stem;
pub(crate) mod write;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::model::{DocMeta, Passage, PassageKind, Report};
use schema::Fields;

/// Document summaries, beside the tantivy files of a generation.
pub(crate) const DOCS_FILE: &str = "docs.json";

/// A document as `dossier docs` lists it: metadata and passage counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocSummary {
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// Passages per kind (`paragraph` → 120).
    pub counts: BTreeMap<PassageKind, usize>,
    /// Footnote references in the text without a footnote body.
    pub refs_without_body: usize,
    /// Footnote bodies no passage cites.
    #[serde(default)]
    pub notes_without_ref: usize,
    /// The document's place in the library's order (export order); kept
    /// across updates.
    #[serde(default)]
    pub order: u64,
    /// Where it comes from (none for an index built before dossier kept it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<library::Provenance>,
}

impl DocSummary {
    /// Summarises a report.
    pub fn of(report: &Report) -> DocSummary {
        let counts = PassageKind::ALL
            .into_iter()
            .map(|k| (k, report.count(k)))
            .collect();
        DocSummary {
            meta: report.meta.clone(),
            counts,
            refs_without_body: report.unresolved_refs,
            notes_without_ref: report
                .passages
                .iter()
                .filter(|p| p.kind == PassageKind::Footnote && p.cited_by.is_none())
                .count(),
            order: 0,
            provenance: None,
        }
    }
}

/// An opened index, ready to search.
pub struct IndexHandle {
    pub(crate) searcher: Searcher,
    pub(crate) fields: Fields,
    dir: PathBuf,
    aliases: aliases::AliasTable,
    // Kept so the searcher's segments stay alive.
    _reader: IndexReader,
}

impl std::fmt::Debug for IndexHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexHandle")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl IndexHandle {
    /// Opens the live generation of the index at `root`.
    ///
    /// # Errors
    /// [`Error::NoIndex`] when nothing was ingested there yet.
    pub fn open(root: &Path) -> Result<IndexHandle> {
        let dir = match dir::live(root)? {
            dir::Live::Generation(dir) => dir,
            dir::Live::Nothing => {
                return Err(Error::NoIndex {
                    path: root.to_path_buf(),
                });
            }
            dir::Live::Broken { why } => {
                return Err(Error::BrokenIndex {
                    path: root.to_path_buf(),
                    why,
                });
            }
        };
        let directory = readonly::ReadOnly::open(&dir).map_err(|e| Error::DamagedIndex {
            path: dir.clone(),
            why: e.to_string(),
        })?;
        let index = Index::open(directory)?;
        schema::register_analyzer(&index);
        let fields = Fields::from_schema(&index.schema()).map_err(|e| Error::Library {
            path: root.to_path_buf(),
            message: format!(
                "this index was built by an older dossier ({e}); hint: rebuild it with `dossier ingest`"
            ),
        })?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let searcher = reader.searcher();
        Ok(IndexHandle {
            searcher,
            fields,
            aliases: aliases::AliasTable::new(&dir),
            dir,
            _reader: reader,
        })
    }

    /// The alias table (read on first use).
    pub(crate) fn aliases(&self) -> &aliases::AliasTable {
        &self.aliases
    }

    /// Whether anything was ever ingested at `root` (a broken index counts:
    /// it must be recovered, never rebuilt over).
    pub fn exists(root: &Path) -> Result<bool> {
        Ok(dir::live(root)? != dir::Live::Nothing)
    }

    /// The files of the live index at `root` whose checksums do not match
    /// (tantivy's files, the document and alias tables): empty when the
    /// index is whole. For telling a damaged index from a bug.
    ///
    /// # Errors
    /// No index, or one that cannot be opened at all.
    pub fn damaged_files(root: &Path) -> Result<Vec<PathBuf>> {
        let dir::Live::Generation(dir) = dir::live(root)? else {
            return Ok(Vec::new());
        };
        let directory = readonly::ReadOnly::open(&dir).map_err(|e| Error::DamagedIndex {
            path: dir.clone(),
            why: e.to_string(),
        })?;
        let index = Index::open(directory)?;
        let mut damaged: Vec<PathBuf> = index
            .validate_checksum()?
            .into_iter()
            .map(|f| dir.join(f))
            .collect();
        for name in [DOCS_FILE, aliases::FST_FILE, aliases::NAMES_FILE] {
            let path = dir.join(name);
            let whole =
                fs::read(&path).is_ok_and(|bytes| checksum::verify(&dir, name, &bytes).is_ok());
            if !whole {
                damaged.push(path);
            }
        }
        damaged.sort();
        Ok(damaged)
    }

    /// Makes the newest complete generation at `root` live again after its
    /// `CURRENT` pointer was lost or damaged; returns that generation.
    ///
    /// # Errors
    /// No complete generation to recover, or another ingest at work.
    pub fn recover(root: &Path) -> Result<PathBuf> {
        dir::recover(root)
    }

    /// The generation directory in use.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Whether this handle still reads the live generation: false once an
    /// ingest or update published another (a long-running reader such as
    /// `dossier serve` then opens the index again).
    ///
    /// # Errors
    /// The index folder cannot be read.
    pub fn is_live(&self) -> Result<bool> {
        let Some(root) = self.dir.parent() else {
            return Ok(true);
        };
        Ok(dir::live(root)? == dir::Live::Generation(self.dir.clone()))
    }

    /// Every document's summary, in corpus order.
    pub fn docs(&self) -> Result<Vec<DocSummary>> {
        let path = self.dir.join(DOCS_FILE);
        let bytes = fs::read(&path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => Error::DamagedIndex {
                path: path.clone(),
                why: "missing".into(),
            },
            _ => Error::Io {
                path: path.clone(),
                source,
            },
        })?;
        checksum::verify(&self.dir, DOCS_FILE, &bytes)?;
        serde_json::from_slice(&bytes).map_err(|e| Error::DataFile {
            path,
            message: format!("{e}; hint: rebuild the index with `dossier ingest`"),
        })
    }

    /// Number of passages.
    pub fn len(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// Whether the index holds no passage.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stored passage at an address.
    pub(crate) fn passage_at(&self, addr: DocAddress) -> Result<Passage> {
        let doc: TantivyDocument = self.searcher.doc(addr)?;
        let record = doc
            .get_first(self.fields.record)
            .and_then(|v| v.as_bytes())
            .unwrap_or_default();
        let mut passage: Passage = serde_json::from_slice(record).map_err(|e| Error::DataFile {
            path: self.dir.clone(),
            message: format!(
                "stored passage does not parse ({e}); hint: rebuild with `dossier ingest`"
            ),
        })?;
        passage.text = doc
            .get_first(self.fields.text)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        Ok(passage)
    }

    /// The address of a passage by id.
    pub(crate) fn address_of(&self, id: &str) -> Result<Option<DocAddress>> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let hits = self
            .searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())?;
        Ok(hits.first().map(|(_, addr)| *addr))
    }

    /// A passage by id.
    ///
    /// # Errors
    /// [`Error::UnknownPassage`] when no passage has that id.
    pub fn passage(&self, id: &str) -> Result<Passage> {
        let addr = self
            .address_of(id)?
            .ok_or_else(|| Error::UnknownPassage { id: id.to_string() })?;
        self.passage_at(addr)
    }
}

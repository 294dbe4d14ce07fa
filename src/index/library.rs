//! The library's memory of its sources: which files and folders an index
//! was built from, and, per file, what dossier read (`library.json`, beside
//! `docs.json` in each generation).
//!
//! In: the records an ingest or an update makes. Out: the file, written and
//! read back with its checksum. `update` compares it with the disk to find
//! what is new, changed, moved or gone; `docs` and `show` print each
//! document's provenance from it.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::checksum;
use crate::error::{Error, Result};

/// The file, in a generation.
pub(crate) const LIBRARY_FILE: &str = "library.json";

/// Version of the file's shape.
const VERSION: u32 = 1;

/// What an index was built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Library {
    /// Shape of the file.
    pub version: u32,
    /// The files and folders it was built from and is updated from
    /// (absolute); empty for the bundled corpus.
    pub sources: Vec<PathBuf>,
    /// Every report file found there, by path.
    pub files: Vec<FileRecord>,
    /// Files and folders under the sources taken out (`dossier remove`).
    #[serde(default)]
    pub excluded: Vec<PathBuf>,
    /// Whether it is the bundled corpus (no sources on disk).
    #[serde(default)]
    pub bundled: bool,
}

/// One file of the library and what dossier made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileRecord {
    /// Where it is (absolute), or `bundled/<name>` for the bundled corpus.
    pub path: PathBuf,
    /// The path as shown (relative to where `dossier` ran, as given).
    pub display: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, seconds since 1970 (0 when unknown).
    pub modified: u64,
    /// Content hash (hex FNV-1a 64).
    pub hash: String,
    /// The reader and its version (`pdf/1`); empty when skipped.
    pub reader: String,
    /// When it was read (RFC 3339, UTC).
    pub ingested_at: String,
    /// The dossier version that read it.
    pub dossier: String,
    /// The documents it holds, by id.
    pub docs: Vec<String>,
    /// Why it holds none, when it could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// Where a document comes from, for `docs` and `show`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The source file (absolute), or `bundled/<name>`.
    pub source_path: PathBuf,
    /// Its content hash when read.
    pub content_hash: String,
    /// When it was read (RFC 3339, UTC).
    pub ingested_at: String,
    /// The dossier version that read it.
    pub dossier_version: String,
    /// The reader and its version (`pdf/1`).
    pub reader: String,
}

impl FileRecord {
    /// The provenance of the documents this file holds.
    pub(crate) fn provenance(&self) -> Provenance {
        Provenance {
            source_path: self.path.clone(),
            content_hash: self.hash.clone(),
            ingested_at: self.ingested_at.clone(),
            dossier_version: self.dossier.clone(),
            reader: self.reader.clone(),
        }
    }
}

impl Library {
    /// An empty library built from `sources`.
    pub(crate) fn new(sources: Vec<PathBuf>) -> Library {
        Library {
            version: VERSION,
            sources,
            files: Vec::new(),
            excluded: Vec::new(),
            bundled: false,
        }
    }

    /// Whether it is the bundled corpus.
    pub(crate) fn bundled(&self) -> bool {
        self.bundled
    }

    /// The record of the file holding a document.
    pub(crate) fn file_of(&self, doc: &str) -> Option<&FileRecord> {
        self.files.iter().find(|f| f.docs.iter().any(|d| d == doc))
    }

    /// Writes the file into a generation.
    pub(crate) fn write(&self, dir: &Path) -> Result<()> {
        let path = dir.join(LIBRARY_FILE);
        let json = serde_json::to_vec_pretty(self).expect("a library always serialises");
        fs::write(&path, json).map_err(|source| Error::Io { path, source })
    }

    /// Reads a generation's file; `None` for an index built before dossier
    /// kept one.
    pub(crate) fn read(dir: &Path) -> Result<Option<Library>> {
        let path = dir.join(LIBRARY_FILE);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(Error::Io { path, source }),
        };
        checksum::verify(dir, LIBRARY_FILE, &bytes)?;
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| Error::DataFile {
                path,
                message: format!("{e}; hint: rebuild the index with `dossier ingest`"),
            })
    }
}

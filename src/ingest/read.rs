//! Finding and reading report files: the only ingest stage that touches the disk.
//!
//! In: the paths given to `ingest` (files or folders, walked recursively), or
//! nothing, meaning the bundled corpus. Out: [`SourceFile`]s in a stable order,
//! loaded one at a time so that a huge corpus is never all in memory; the
//! `sources.toml` sidecars found beside them; and every other file of the
//! walk, with why it is not read (every file is accounted for).

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::formats::{Format, Skip};
use crate::model::Warning;

/// Name of the metadata sidecar in a corpus folder.
pub(crate) const SIDECAR: &str = "sources.toml";

/// The bundled corpus, compiled in so the tool works from any folder.
const EMBEDDED: [(&str, &str); 6] = [
    (
        "cep-mali-extremism-counter-extremism.txt",
        include_str!("../../corpus/cep-mali-extremism-counter-extremism.txt"),
    ),
    (
        "crisisgroup-isis-linked-foreigners-turkiye.txt",
        include_str!("../../corpus/crisisgroup-isis-linked-foreigners-turkiye.txt"),
    ),
    (
        "crisisgroup-reports-258-and-306.txt",
        include_str!("../../corpus/crisisgroup-reports-258-and-306.txt"),
    ),
    (
        "criticalthreats-prisoner-releases.txt",
        include_str!("../../corpus/criticalthreats-prisoner-releases.txt"),
    ),
    (
        "icct-last-frontier-prisons-mali.txt",
        include_str!("../../corpus/icct-last-frontier-prisons-mali.txt"),
    ),
    (SIDECAR, include_str!("../../corpus/sources.toml")),
];

/// Where a report's text comes from.
#[derive(Debug, Clone)]
enum Origin {
    Disk(PathBuf),
    Embedded(&'static str),
}

/// One report file, not yet read.
#[derive(Debug, Clone)]
pub(crate) struct SourceFile {
    origin: Origin,
    /// Path as shown to the user and stored as `source_file`.
    pub display: String,
    /// File name, the key of its `sources.toml` entry.
    pub name: String,
    /// Size in bytes, for progress.
    pub len: u64,
    /// Index into the sidecars list of the sidecar that describes this file.
    pub sidecar: Option<usize>,
}

impl SourceFile {
    /// Where the file is, as the library records it: absolute, or
    /// `bundled/<name>` for the bundled corpus.
    pub(crate) fn location(&self) -> PathBuf {
        match &self.origin {
            Origin::Disk(path) => std::path::absolute(path).unwrap_or_else(|_| path.clone()),
            Origin::Embedded(_) => Path::new("bundled").join(&self.name),
        }
    }

    /// Modification time in seconds since 1970 (0 when unknown or bundled).
    pub(crate) fn modified(&self) -> u64 {
        let Origin::Disk(path) = &self.origin else {
            return 0;
        };
        fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs())
    }

    /// Reads the file's bytes.
    pub(crate) fn bytes(&self) -> Result<Vec<u8>, Skip> {
        match &self.origin {
            Origin::Embedded(text) => Ok(text.as_bytes().to_vec()),
            Origin::Disk(path) => fs::read(path).map_err(Skip::Io),
        }
    }
}

/// A `sources.toml` found in the corpus, not yet parsed.
#[derive(Debug, Clone)]
pub(crate) struct SidecarFile {
    /// Path as shown in errors.
    pub display: String,
    /// Its text.
    pub text: String,
}

/// The files an ingest will read.
#[derive(Debug, Default)]
pub(crate) struct Corpus {
    /// Report files, sorted by path.
    pub files: Vec<SourceFile>,
    /// Sidecars, referenced by index from the files.
    pub sidecars: Vec<SidecarFile>,
    /// Files of the walk that are not reports, with why.
    pub ignored: Vec<Warning>,
    /// Files of a report format that cannot be read (a pipe, too large, a
    /// link that loops), with why.
    pub skipped: Vec<Warning>,
}

impl Corpus {
    /// Both corpora in one (the bundled one and folders added to it).
    pub(crate) fn merge(mut self, other: Corpus) -> Corpus {
        let offset = self.sidecars.len();
        self.sidecars.extend(other.sidecars);
        self.files.extend(other.files.into_iter().map(|mut f| {
            f.sidecar = f.sidecar.map(|i| i + offset);
            f
        }));
        self.ignored.extend(other.ignored);
        self.skipped.extend(other.skipped);
        self
    }

    /// Total bytes to read, for progress.
    pub(crate) fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.len).sum()
    }
}

/// The bundled corpus.
pub(crate) fn embedded() -> Corpus {
    let sidecar = SidecarFile {
        display: format!("corpus/{SIDECAR} (bundled)"),
        text: EMBEDDED[EMBEDDED.len() - 1].1.to_string(),
    };
    let files = EMBEDDED
        .iter()
        .filter(|(name, _)| *name != SIDECAR)
        .map(|(name, text)| SourceFile {
            origin: Origin::Embedded(text),
            display: format!("corpus/{name}"),
            name: (*name).to_string(),
            len: text.len() as u64,
            sidecar: Some(0),
        })
        .collect();
    Corpus {
        files,
        sidecars: vec![sidecar],
        ignored: Vec::new(),
        skipped: Vec::new(),
    }
}

/// Files larger than this are skipped unless the caller says otherwise.
pub(crate) const DEFAULT_MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Finds the report files under `paths`, with the sidecar of each folder.
/// Only regular files are read: pipes, devices and sockets are skipped with
/// a warning (a pipe would hang the ingest, `/dev/zero` exhaust memory), so
/// are files over `max_file_bytes` and links that loop.
///
/// # Errors
/// A path that does not exist, or a folder that cannot be listed.
pub(crate) fn discover(paths: &[PathBuf], max_file_bytes: u64) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut walker = Walker {
        corpus: &mut corpus,
        max_file_bytes,
        visited: Vec::new(),
    };
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::MissingPath { path: path.clone() },
            _ => Error::Io {
                path: path.clone(),
                source: e,
            },
        })?;
        if meta.is_dir() {
            walker.walk(path)?;
        } else {
            let sidecar = path
                .parent()
                .map(|dir| load_sidecar(dir, walker.corpus))
                .transpose()?
                .flatten();
            walker.file(path, &meta, sidecar, true);
        }
    }
    corpus.files.sort_by(|a, b| a.display.cmp(&b.display));
    corpus.files.dedup_by(|a, b| a.display == b.display);
    Ok(corpus)
}

/// A walk over folders, with what it found.
struct Walker<'a> {
    corpus: &'a mut Corpus,
    max_file_bytes: u64,
    /// Folders walked, resolved, so a link back up does not loop.
    visited: Vec<PathBuf>,
}

impl Walker<'_> {
    fn walk(&mut self, dir: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        if let Ok(real) = fs::canonicalize(dir) {
            if self.visited.contains(&real) {
                return Ok(());
            }
            self.visited.push(real);
        }
        let sidecar = load_sidecar(dir, self.corpus)?;
        let mut entries: Vec<_> = fs::read_dir(dir)
            .map_err(io)?
            .collect::<std::io::Result<_>>()
            .map_err(io)?;
        entries.sort_by_key(fs::DirEntry::path);
        for entry in entries {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') || entry.file_name() == SIDECAR
            {
                continue;
            }
            // Links are followed: to what they point to.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.walk(&path)?,
                Ok(meta) => self.file(&path, &meta, sidecar, false),
                Err(e) => self.skip(&path, &unreadable(&e)),
            }
        }
        Ok(())
    }

    /// A file of a walk (or named on the command line, `named`): read it,
    /// skip it with a warning, or list it as another format.
    fn file(&mut self, path: &Path, meta: &fs::Metadata, sidecar: Option<usize>, named: bool) {
        if !meta.is_file() {
            self.skip(
                path,
                "not a regular file (a pipe, device or socket), skipped",
            );
        } else if !named && !is_report(path) {
            self.corpus.ignored.push(Warning {
                path: path.display().to_string(),
                message: not_a_report(path),
            });
        } else if meta.len() > self.max_file_bytes {
            let mb = |b: u64| b.div_ceil(1024 * 1024);
            self.skip(
                path,
                &format!(
                    "{} MB, larger than the {} MB limit, skipped (hint: raise it with --max-file-size)",
                    mb(meta.len()),
                    mb(self.max_file_bytes)
                ),
            );
        } else {
            self.corpus
                .files
                .push(source_file(path, meta.len(), sidecar));
        }
    }

    fn skip(&mut self, path: &Path, why: &str) {
        self.corpus.skipped.push(Warning {
            path: path.display().to_string(),
            message: why.to_string(),
        });
    }
}

/// Why a file of a walk cannot even be looked at, in words.
fn unreadable(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "a link to nothing, skipped".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied, skipped".to_string(),
        _ if e.raw_os_error() == Some(ELOOP) => "a link that loops, skipped".to_string(),
        _ => format!("{e}, skipped"),
    }
}

/// `ELOOP` on Linux and macOS alike (too many levels of symbolic links).
const ELOOP: i32 = if cfg!(target_os = "macos") { 62 } else { 40 };

/// Whether the name says the file is in a format dossier reads (the
/// content decides later which one).
fn is_report(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(Format::of_extension)
        .is_some()
}

/// Why a file of a folder is not read.
fn not_a_report(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("not a report format dossier reads (.{ext}), ignored"),
        None => "no extension saying what it is, ignored (hint: name it .txt, .md, .html, .docx or .pdf)".to_string(),
    }
}

fn source_file(path: &Path, len: u64, sidecar: Option<usize>) -> SourceFile {
    SourceFile {
        origin: Origin::Disk(path.to_path_buf()),
        display: path.display().to_string(),
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        len,
        sidecar,
    }
}

/// Loads `dir/sources.toml` once; returns its index in the sidecar list.
fn load_sidecar(dir: &Path, corpus: &mut Corpus) -> Result<Option<usize>> {
    let path = dir.join(SIDECAR);
    let display = path.display().to_string();
    if let Some(i) = corpus.sidecars.iter().position(|s| s.display == display) {
        return Ok(Some(i));
    }
    match fs::read_to_string(&path) {
        Ok(text) => {
            corpus.sidecars.push(SidecarFile { display, text });
            Ok(Some(corpus.sidecars.len() - 1))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { path, source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discover_walks_folders_in_order_and_finds_sidecars() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        fs::create_dir(root.join("sub")).expect("mkdir");
        fs::write(root.join("b.txt"), "B").expect("write");
        fs::write(root.join("a.md"), "A").expect("write");
        fs::write(root.join("notes.xyz"), "%PDF").expect("write");
        fs::write(root.join(".hidden.txt"), "H").expect("write");
        fs::write(root.join("sub/c.txt"), "C").expect("write");
        fs::write(root.join(SIDECAR), "").expect("write");

        let corpus = discover(&[root.to_path_buf()], DEFAULT_MAX_FILE_BYTES).expect("discover");
        let names: Vec<_> = corpus.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.md", "b.txt", "c.txt"]);
        assert_eq!(corpus.sidecars.len(), 1);
        assert_eq!(corpus.files[0].sidecar, Some(0));
        assert_eq!(corpus.files[2].sidecar, None, "sidecars are per folder");
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = discover(&[PathBuf::from("/no/such/place")], DEFAULT_MAX_FILE_BYTES)
            .expect_err("missing");
        assert!(err.to_string().contains("/no/such/place"), "{err}");
    }

    #[test]
    fn files_that_are_not_reports_are_accounted_for() {
        let tmp = tempfile::tempdir().expect("tempdir");
        fs::write(tmp.path().join("map.png"), "x").expect("write");
        fs::write(tmp.path().join("README"), "x").expect("write");
        fs::write(tmp.path().join("a.txt"), "A").expect("write");
        let corpus =
            discover(&[tmp.path().to_path_buf()], DEFAULT_MAX_FILE_BYTES).expect("discover");
        assert_eq!(corpus.files.len(), 1);
        let why: Vec<&str> = corpus.ignored.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(why.len(), 2, "{why:?}");
        assert!(why.iter().any(|m| m.contains(".png")), "{why:?}");
        assert!(why.iter().any(|m| m.contains("no extension")), "{why:?}");
    }

    #[test]
    fn embedded_corpus_has_the_five_reports() {
        let corpus = embedded();
        assert_eq!(corpus.files.len(), 5);
        assert!(corpus.files.iter().all(|f| f.len > 1000));
    }
}

//! The library's one error type.
//!
//! User mistakes (a bad query, a missing path, an empty corpus) carry a hint
//! saying what to do; internal failures (a corrupt index) ask for a report.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{}: no such file or folder", path.display())]
    MissingPath {
        /// The path as given.
        path: PathBuf,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Nothing ingestible was found.
    #[error(
        "no report found in {what}; hint: give files or folders of .txt, .md, .html, .docx or .pdf reports"
    )]
    EmptyCorpus {
        /// The paths that were searched, as a human list.
        what: String,
    },
    /// A data file (sources.toml, a gazetteer) does not parse.
    #[error("{}: {message}", path.display())]
    DataFile {
        /// The data file.
        path: PathBuf,
        /// What is wrong, with the line where the parser knows it.
        message: String,
    },
    /// No index at the given place.
    #[error("no index in {}; hint: run `dossier ingest` first", path.display())]
    NoIndex {
        /// The index directory.
        path: PathBuf,
    },
    /// Generations exist but none is marked live.
    #[error(
        "the index in {} is broken: {why}; hint: `dossier ingest --recover --index {}` makes its newest complete build live again",
        path.display(),
        path.display()
    )]
    BrokenIndex {
        /// The index directory.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// A file of the index is damaged or missing.
    #[error("{}: damaged index file ({why}); hint: rebuild the index with `dossier ingest`", path.display())]
    DamagedIndex {
        /// The damaged file or folder.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// A library change that cannot be made (`add`, `remove`, `update`).
    #[error("{}: {message}", path.display())]
    Library {
        /// The index, document or path concerned.
        path: PathBuf,
        /// What is wrong, with a hint.
        message: String,
    },
    /// Another ingest is writing the same index.
    #[error("{} is being rebuilt by another `dossier ingest`; hint: wait for it to finish", path.display())]
    IndexBusy {
        /// The index directory.
        path: PathBuf,
    },
    /// The query text does not parse.
    #[error("{message} at column {column}\n  {query}\n  {caret}")]
    Query {
        /// What is wrong.
        message: String,
        /// 1-based column (in characters) of the problem.
        column: usize,
        /// The query as typed.
        query: String,
        /// A caret line pointing at the column.
        caret: String,
    },
    /// A filter value is not understood.
    #[error("{flag} {value}: {message}")]
    Filter {
        /// The flag (`--country`).
        flag: String,
        /// The value given.
        value: String,
        /// What is wrong and what would work.
        message: String,
    },
    /// A passage id does not exist.
    #[error(
        "no passage `{id}`; hint: ids look like crisisgroup-258/p12, see `dossier search` or `dossier export`"
    )]
    UnknownPassage {
        /// The id as given.
        id: String,
    },
    /// tantivy failed: the index is damaged or a bug.
    #[error(
        "index error: {0}; this is a bug or a damaged index: rebuild with `dossier ingest`, and report it if it persists"
    )]
    Index(tantivy::TantivyError),
}

impl From<tantivy::TantivyError> for Error {
    /// A disk that is full or refuses access is the user's to fix, and a
    /// missing or corrupt file is a damaged index, not a bug: said so.
    fn from(e: tantivy::TantivyError) -> Self {
        use tantivy::TantivyError as T;
        use tantivy::directory::error::{OpenReadError, OpenWriteError};
        let io = |path: &std::path::Path, source: &std::io::Error| match source.kind() {
            // tantivy reads a footer it does not recognise, or runs short.
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => {
                Error::DamagedIndex {
                    path: path.to_path_buf(),
                    why: "cut short or overwritten".into(),
                }
            }
            kind => Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(kind, source.to_string()),
            },
        };
        match &e {
            T::IoError(source) => io(std::path::Path::new("index"), source),
            T::OpenWriteError(OpenWriteError::IoError { io_error, filepath })
            | T::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
                io(filepath, io_error)
            }
            T::OpenReadError(OpenReadError::FileDoesNotExist(path)) => Error::DamagedIndex {
                path: path.clone(),
                why: "missing".into(),
            },
            T::DataCorruption(corruption) => Error::DamagedIndex {
                path: std::path::PathBuf::from("index"),
                why: format!("{corruption:?}"),
            },
            _ => Error::Index(e),
        }
    }
}

impl Error {
    /// Whether the error is the user's to fix (bad input) rather than a bug.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Error::Index(_))
    }
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

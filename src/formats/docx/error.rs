//! Why a Word file cannot be read.
//!
//! In: nothing (plain data). Out: [`Unreadable`], which every part reader
//! returns and `formats` turns into the skip reason ingest reports.

/// Why a Word file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Saved with a password.
    Encrypted,
    /// Damaged, or not a Word document: why.
    Corrupt(String),
}

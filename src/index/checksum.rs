//! Checksums of the files dossier writes beside tantivy's (the document
//! table, the alias table), so that a damaged or missing one is an error
//! naming it, never silently wrong results.
//!
//! In: a generation's folder and the names of its files. Out: a `CHECKSUMS`
//! file (`name<TAB>length<TAB>CRC-32` per line, 8 hex digits) at ingest; at
//! reading, [`verify`] against it. CRC-32 runs on the processor's carry-less
//! multiply (crc32fast), so checking the alias table costs a search next to
//! nothing; an index written with FNV-1a 64 records (16 hex digits) is still
//! checked with FNV. tantivy checks its own files.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::error::{Error, Result};

const CHECKSUMS: &str = "CHECKSUMS";

/// A file's content hash as the library records it (hex FNV-1a 64): enough
/// to tell a changed or moved file, not a defence against forgery.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv64(bytes))
}

/// FNV-1a, 64 bits: fast, and enough to notice a damaged file.
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// CRC-32 (IEEE) as 8 hex digits.
fn crc32(bytes: &[u8]) -> String {
    format!("{:08x}", crc32fast::hash(bytes))
}

/// Records the checksums of `names` in `dir`.
pub(crate) fn write(dir: &Path, names: &[&str]) -> Result<()> {
    let mut out = String::new();
    for name in names {
        let path = dir.join(name);
        let bytes = fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let _ = writeln!(out, "{name}\t{}\t{}", bytes.len(), crc32(&bytes));
    }
    let path = dir.join(CHECKSUMS);
    fs::write(&path, out).map_err(|source| Error::Io { path, source })
}

/// Checks the bytes read from `dir/name` against the recorded checksum. An
/// index written before checksums existed has none to check.
pub(crate) fn verify(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let Ok(recorded) = fs::read_to_string(dir.join(CHECKSUMS)) else {
        return Ok(());
    };
    let Some(line) = recorded
        .lines()
        .find(|l| l.split('\t').next() == Some(name))
    else {
        return Ok(());
    };
    let expected = line.split('\t').skip(1).collect::<Vec<_>>();
    let hash = match expected.get(1).map(|h| h.len()) {
        Some(16) => format!("{:016x}", fnv64(bytes)),
        _ => crc32(bytes),
    };
    let actual = [bytes.len().to_string(), hash];
    if expected == actual {
        Ok(())
    } else {
        Err(Error::DamagedIndex {
            path: dir.join(name),
            why: "its checksum does not match".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_byte_is_noticed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        fs::write(tmp.path().join("a.txt"), "hello").expect("write");
        write(tmp.path(), &["a.txt"]).expect("checksums");
        assert!(verify(tmp.path(), "a.txt", b"hello").is_ok());
        assert!(verify(tmp.path(), "a.txt", b"hellp").is_err());
        assert!(verify(tmp.path(), "a.txt", b"hell").is_err());
        assert!(
            verify(tmp.path(), "other.txt", b"x").is_ok(),
            "not recorded"
        );
    }

    #[test]
    fn an_index_recorded_with_fnv_is_still_checked() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let line = format!("a.txt\t5\t{:016x}\n", fnv64(b"hello"));
        fs::write(tmp.path().join(CHECKSUMS), line).expect("write");
        assert!(verify(tmp.path(), "a.txt", b"hello").is_ok());
        assert!(verify(tmp.path(), "a.txt", b"hellp").is_err());
    }
}

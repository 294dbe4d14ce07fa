//! The index directory and its atomic rebuild.
//!
//! Layout: `<root>/CURRENT` names the live generation, `<root>/gen-*/` hold
//! tantivy indexes (plus dossier's own tables), `<root>/.lock` is held by the one
//! ingest allowed to build at a time. A rebuild writes a new generation beside the
//! live one and publishes it by renaming a new `CURRENT` over the old (atomic on
//! POSIX), so a failed or killed ingest leaves the previous index untouched;
//! its half-written generation is removed by the next ingest.

use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const GEN_PREFIX: &str = "gen-";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Where the live generation of the index at `root` is, if there is one.
pub(crate) fn current(root: &Path) -> Result<Option<PathBuf>> {
    let pointer = root.join(CURRENT);
    match fs::read_to_string(&pointer) {
        Ok(name) => {
            let dir = root.join(name.trim());
            Ok(dir.is_dir().then_some(dir))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(&pointer)(e)),
    }
}

/// A generation being built. Dropping it unpublished removes its directory.
#[derive(Debug)]
pub(crate) struct Build {
    root: PathBuf,
    name: String,
    // Held for the life of the build; released when dropped.
    _lock: File,
    published: bool,
}

impl Build {
    /// Takes the build lock, sweeps generations left by dead ingests, and
    /// creates a fresh generation directory.
    pub(crate) fn begin(root: &Path) -> Result<Build> {
        fs::create_dir_all(root).map_err(io(root))?;
        let lock_path = root.join(LOCK);
        let lock = File::create(&lock_path).map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::IndexBusy {
                    path: root.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
        sweep_stale(root, current(root)?.as_deref())?;
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let name = format!("{GEN_PREFIX}{stamp}-{}", std::process::id());
        let dir = root.join(&name);
        fs::create_dir(&dir).map_err(io(&dir))?;
        Ok(Build {
            root: root.to_path_buf(),
            name,
            _lock: lock,
            published: false,
        })
    }

    /// The directory to write the new generation into.
    pub(crate) fn path(&self) -> PathBuf {
        self.root.join(&self.name)
    }

    /// Makes the new generation the live one and removes the old.
    pub(crate) fn publish(mut self) -> Result<PathBuf> {
        let tmp = self.root.join(format!("{CURRENT}.tmp"));
        let mut f = File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(self.name.as_bytes()).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
        let pointer = self.root.join(CURRENT);
        fs::rename(&tmp, &pointer).map_err(io(&pointer))?;
        self.published = true;
        let live = self.path();
        // Old generations may still be open by a running search: on POSIX their
        // files stay readable until closed, so removing them now is safe.
        sweep_stale(&self.root, Some(&live))?;
        Ok(live)
    }
}

impl Drop for Build {
    fn drop(&mut self) {
        if !self.published {
            // Best effort: the next ingest sweeps whatever is left.
            let _ = fs::remove_dir_all(self.path());
        }
    }
}

/// Removes every generation directory except `keep`.
fn sweep_stale(root: &Path, keep: Option<&Path>) -> Result<()> {
    let entries = fs::read_dir(root).map_err(io(root))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_gen = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(GEN_PREFIX));
        if is_gen && keep != Some(path.as_path()) && path.is_dir() {
            fs::remove_dir_all(&path).map_err(io(&path))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_swaps_and_sweeps() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("index");
        assert_eq!(current(&root).expect("read"), None);

        let first = Build::begin(&root).expect("begin");
        fs::write(first.path().join("marker"), "1").expect("write");
        let live1 = first.publish().expect("publish");
        assert_eq!(current(&root).expect("read"), Some(live1.clone()));

        // A build that is dropped unpublished leaves the live one alone.
        let failed = Build::begin(&root).expect("begin");
        let failed_dir = failed.path();
        drop(failed);
        assert!(!failed_dir.exists());
        assert_eq!(current(&root).expect("read"), Some(live1.clone()));

        let second = Build::begin(&root).expect("begin");
        let live2 = second.publish().expect("publish");
        assert_eq!(current(&root).expect("read"), Some(live2));
        assert!(!live1.exists(), "old generation swept");
    }

    #[test]
    fn second_builder_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let _first = Build::begin(tmp.path()).expect("begin");
        let err = Build::begin(tmp.path()).expect_err("lock is held");
        assert!(matches!(err, Error::IndexBusy { .. }), "{err}");
    }
}

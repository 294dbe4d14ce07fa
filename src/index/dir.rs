//! The index directory: generations, the atomic swap, recovery.
//!
//! Layout: `<root>/CURRENT` names the live generation, `<root>/gen-*/` hold
//! tantivy indexes (plus dossier's own tables and a `COMPLETE` marker,
//! written last), `<root>/.lock` is held by the one ingest allowed to build at
//! a time. A rebuild writes a new generation beside the live one and
//! publishes it by renaming a new `CURRENT` over the old (atomic on POSIX),
//! so a failed or killed ingest leaves the previous index untouched; its
//! half-written generation is removed by the next ingest.
//!
//! Readers never lock or write anything. A generation a search may still be
//! reading is kept for [`GRACE`] after another replaced it, so a search that
//! opened it just before a swap finishes (on a slow or network disk too);
//! older ones are removed by the next ingest. A `CURRENT` that is missing
//! beside generations, or names a missing one, is [`Live::Broken`], never
//! "no index": `dossier ingest --recover` makes the newest complete
//! generation live again.

use std::fs::{self, File, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const GEN_PREFIX: &str = "gen-";
/// Written into a generation last: the generation is whole.
const COMPLETE: &str = "COMPLETE";
/// The last file an index of an earlier version wrote: such a generation is
/// whole too.
const LEGACY_LAST_FILE: &str = "aliases.txt";

/// How long a replaced generation is kept for the searches still reading it.
pub(crate) const GRACE: Duration = Duration::from_mins(10);

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The state of the index at a root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Live {
    /// Nothing was ever ingested there.
    Nothing,
    /// The live generation's folder.
    Generation(PathBuf),
    /// Generations exist but `CURRENT` does not name a whole one.
    Broken {
        /// What is wrong, in words.
        why: String,
    },
}

/// The state of the index at `root`.
pub(crate) fn live(root: &Path) -> Result<Live> {
    let pointer = root.join(CURRENT);
    let named = match fs::read_to_string(&pointer) {
        Ok(name) => Some(name.trim().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&pointer)(e)),
    };
    let generations = generations(root)?;
    match named {
        Some(name) if root.join(&name).is_dir() => Ok(Live::Generation(root.join(name))),
        Some(name) => Ok(Live::Broken {
            why: format!("{CURRENT} names {name}, which is missing"),
        }),
        None if generations.is_empty() => Ok(Live::Nothing),
        None => Ok(Live::Broken {
            why: format!(
                "{CURRENT} is missing beside {} generation(s)",
                generations.len()
            ),
        }),
    }
}

/// The generation folders at `root`, oldest first (their names start with
/// their creation time).
fn generations(root: &Path) -> Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(root)(e)),
    };
    let mut out: Vec<(u128, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let stamp = name
                .strip_prefix(GEN_PREFIX)?
                .split('-')
                .next()?
                .parse()
                .ok()?;
            entry.path().is_dir().then(|| (stamp, entry.path()))
        })
        .collect();
    out.sort();
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

fn is_complete(generation: &Path) -> bool {
    generation.join(COMPLETE).is_file() || generation.join(LEGACY_LAST_FILE).is_file()
}

/// When a generation was created, from its name.
fn created(generation: &Path) -> Option<SystemTime> {
    let name = generation.file_name()?.to_str()?;
    let nanos: u64 = name
        .strip_prefix(GEN_PREFIX)?
        .split('-')
        .next()?
        .parse()
        .ok()?;
    UNIX_EPOCH.checked_add(Duration::from_nanos(nanos))
}

/// The build lock of an index root, held while a generation is built or
/// the index recovered.
#[derive(Debug)]
struct BuildLock {
    // Locked while held; unlocked when the file is closed.
    _file: File,
}

impl BuildLock {
    fn take(root: &Path) -> Result<BuildLock> {
        fs::create_dir_all(root).map_err(io(root))?;
        let lock_path = root.join(LOCK);
        let lock = File::create(&lock_path).map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => Ok(BuildLock { _file: lock }),
            Err(TryLockError::WouldBlock) => Err(Error::IndexBusy {
                path: root.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(io(&lock_path)(e)),
        }
    }
}

/// Makes the newest complete generation at `root` live again (after a
/// `CURRENT` was lost or damaged); returns it.
///
/// # Errors
/// No complete generation, another ingest holding the index, or a write failure.
pub(crate) fn recover(root: &Path) -> Result<PathBuf> {
    let _lock = BuildLock::take(root)?;
    let newest = generations(root)?
        .into_iter()
        .rev()
        .find(|g| is_complete(g))
        .ok_or_else(|| Error::NoIndex {
            path: root.to_path_buf(),
        })?;
    let name = newest
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    write_pointer(root, &name)?;
    Ok(newest)
}

fn write_pointer(root: &Path, name: &str) -> Result<()> {
    let tmp = root.join(format!("{CURRENT}.tmp"));
    let mut f = File::create(&tmp).map_err(io(&tmp))?;
    f.write_all(name.as_bytes()).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    let pointer = root.join(CURRENT);
    fs::rename(&tmp, &pointer).map_err(io(&pointer))
}

/// A generation being built. Dropping it unpublished removes its directory.
#[derive(Debug)]
pub(crate) struct Build {
    root: PathBuf,
    name: String,
    // Held for the life of the build; released when dropped.
    _lock: BuildLock,
    published: bool,
}

impl Build {
    /// Takes the build lock, sweeps generations left by dead ingests and
    /// those replaced long enough ago, and creates a fresh generation.
    pub(crate) fn begin(root: &Path) -> Result<Build> {
        let lock = BuildLock::take(root)?;
        sweep(root, SystemTime::now())?;
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

    /// Marks the new generation whole, gives its files the permissions the
    /// user's umask gives new files, and makes it the live one.
    pub(crate) fn publish(mut self) -> Result<PathBuf> {
        let live = self.path();
        let marker = live.join(COMPLETE);
        fs::write(&marker, b"").map_err(io(&marker))?;
        permissions_like(&marker, &live)?;
        write_pointer(&self.root, &self.name)?;
        self.published = true;
        sweep(&self.root, SystemTime::now())?;
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

/// Removes, at `root`, the generations no reader can need: the incomplete
/// ones (the build lock is held, so nobody is writing them) and those
/// replaced more than [`GRACE`] before `now`. The live one stays.
fn sweep(root: &Path, now: SystemTime) -> Result<()> {
    let live = match live(root)? {
        Live::Generation(g) => Some(g),
        // Never remove what a recovery could bring back.
        Live::Broken { .. } => return Ok(()),
        Live::Nothing => None,
    };
    let all = generations(root)?;
    for (i, g) in all.iter().enumerate() {
        if Some(g) == live.as_ref() {
            continue;
        }
        let replaced_at = all.get(i + 1).and_then(|next| created(next));
        let stale = !is_complete(g)
            || replaced_at
                .and_then(|at| now.duration_since(at).ok())
                .is_some_and(|age| age > GRACE);
        if stale {
            fs::remove_dir_all(g).map_err(io(g))?;
        }
    }
    Ok(())
}

/// Gives every file under `dir` the permissions of `model` (a file the
/// process just created with `fs::write`, so what the user's umask allows),
/// and every folder those plus the matching search bits. tantivy writes
/// some files through temporary files, which are private to their owner;
/// an index meant to be shared would not be.
#[cfg(unix)]
fn permissions_like(model: &Path, dir: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(model).map_err(io(model))?.permissions().mode() & 0o666;
    let dir_mode = mode | ((mode & 0o444) >> 2);
    fs::set_permissions(dir, fs::Permissions::from_mode(dir_mode)).map_err(io(dir))?;
    for entry in fs::read_dir(dir).map_err(io(dir))?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            permissions_like(model, &path)?;
        } else {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).map_err(io(&path))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn permissions_like(_model: &Path, _dir: &Path) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_swaps_and_keeps_the_replaced_generation_for_a_while() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("index");
        assert_eq!(live(&root).expect("read"), Live::Nothing);

        let first = Build::begin(&root).expect("begin");
        let live1 = first.publish().expect("publish");
        assert_eq!(live(&root).expect("read"), Live::Generation(live1.clone()));

        // A build that is dropped unpublished leaves the live one alone.
        let failed = Build::begin(&root).expect("begin");
        let failed_dir = failed.path();
        drop(failed);
        assert!(!failed_dir.exists());

        let second = Build::begin(&root).expect("begin");
        let live2 = second.publish().expect("publish");
        assert_eq!(live(&root).expect("read"), Live::Generation(live2));
        assert!(
            live1.exists(),
            "a search may still be reading the replaced one"
        );

        // Long after, the next sweep removes it.
        sweep(&root, SystemTime::now() + GRACE + Duration::from_secs(1)).expect("sweep");
        assert!(!live1.exists(), "replaced long ago: removed");
    }

    #[test]
    fn a_lost_pointer_is_broken_not_empty_and_recovers() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path();
        let built = Build::begin(root)
            .expect("begin")
            .publish()
            .expect("publish");
        fs::remove_file(root.join(CURRENT)).expect("remove");
        assert!(matches!(live(root).expect("read"), Live::Broken { .. }));
        fs::write(root.join(CURRENT), "gen-1-1").expect("write");
        assert!(matches!(live(root).expect("read"), Live::Broken { .. }));
        // A sweep never removes what a recovery needs.
        sweep(root, SystemTime::now() + GRACE * 2).expect("sweep");
        assert!(built.exists());
        assert_eq!(recover(root).expect("recover"), built);
        assert_eq!(live(root).expect("read"), Live::Generation(built));
    }

    #[test]
    fn second_builder_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let _first = Build::begin(tmp.path()).expect("begin");
        let err = Build::begin(tmp.path()).expect_err("lock is held");
        assert!(matches!(err, Error::IndexBusy { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn published_files_are_as_readable_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let build = Build::begin(tmp.path()).expect("begin");
        let private = build.path().join("meta.json");
        fs::write(&private, "{}").expect("write");
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).expect("chmod");
        let live = build.publish().expect("publish");
        let model = fs::metadata(live.join(COMPLETE))
            .expect("stat")
            .permissions()
            .mode()
            & 0o777;
        let got = fs::metadata(live.join("meta.json"))
            .expect("stat")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(got, model);
    }
}

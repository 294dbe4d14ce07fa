//! A tantivy directory that only reads: how a search opens an index.
//!
//! In: a generation's folder. Out: a [`tantivy::Directory`] over it that
//! mmaps files for reading, never creates one (tantivy's meta lock, which a
//! reader takes while it opens segments, is granted without a lock file:
//! generations are never written once published), and refuses every write.
//! So an index can be searched by another user, from a read-only mount or a
//! container, and a search never leaves a file behind.

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::Directory;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// A generation's folder, read-only.
#[derive(Debug, Clone)]
pub(crate) struct ReadOnly {
    inner: MmapDirectory,
}

impl ReadOnly {
    /// Opens a folder for reading.
    pub(crate) fn open(dir: &Path) -> Result<ReadOnly, OpenDirectoryError> {
        Ok(ReadOnly {
            inner: MmapDirectory::open(dir)?,
        })
    }
}

fn refused() -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        "a published index generation is read-only",
    )
}

impl Directory for ReadOnly {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(refused()),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(refused()),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, _path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(refused())
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    /// Nothing writes a published generation, so every lock is granted,
    /// without the lock file a read-only folder could not hold.
    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

//! The index the server reads: the generation that was live when a request
//! came. An ingest or update publishes a new generation beside the old one;
//! the next request sees that and opens it, while requests already running
//! finish on the old one (an ingest removes old generations only after a
//! grace period).

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use dossier::IndexHandle;

/// The opened index and where it lives.
pub(crate) struct Live {
    root: PathBuf,
    current: RwLock<Arc<IndexHandle>>,
}

impl Live {
    pub(crate) fn new(root: &Path, handle: IndexHandle) -> Live {
        Live {
            root: root.to_path_buf(),
            current: RwLock::new(Arc::new(handle)),
        }
    }

    /// The live generation's handle: the one open unless another was
    /// published since. Should opening the new one fail (a broken pointer,
    /// an ingest half done), the old one keeps answering.
    pub(crate) fn handle(&self) -> Arc<IndexHandle> {
        let held = Arc::clone(
            &self
                .current
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        if held.is_live().unwrap_or(true) {
            return held;
        }
        match IndexHandle::open(&self.root) {
            Ok(fresh) => {
                let fresh = Arc::new(fresh);
                let mut current = self
                    .current
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                // Another worker may have opened it meanwhile: either is live.
                *current = Arc::clone(&fresh);
                fresh
            }
            Err(_) => held,
        }
    }
}

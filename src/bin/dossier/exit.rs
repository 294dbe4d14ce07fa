//! Exit codes, in one place.

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Done; for a search, there were hits.
    Success,
    /// A search ran and matched nothing.
    NoHits,
    /// Something was wrong (bad input, files skipped, index missing).
    Error,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        match s {
            Status::Success => ExitCode::SUCCESS,
            Status::NoHits => ExitCode::from(1),
            Status::Error => ExitCode::from(2),
        }
    }
}

//! A panic is never shown raw: a damaged index (tantivy panics on some
//! corrupt files) is told apart from a bug, and each gets one line that
//! says what to do.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// The last panic's message, for [`report`].
static MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Replaces the default panic output with a record of the message.
pub(crate) fn quiet() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(ToString::to_string)
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut m) = MESSAGE.lock() {
            *m = Some(format!("{message}{place}"));
        }
    }));
}

/// Prints one line about a panic: the index is damaged (naming the files)
/// and must be rebuilt, or dossier has a bug to report.
#[allow(
    clippy::print_stderr,
    reason = "the one place a panic reaches the user"
)]
pub(crate) fn report(index: &Path) {
    let message = MESSAGE
        .lock()
        .ok()
        .and_then(|mut m| m.take())
        .unwrap_or_default();
    let mut err = std::io::stderr().lock();
    match dossier::IndexHandle::damaged_files(index) {
        Ok(files) if !files.is_empty() => {
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let _ = writeln!(
                err,
                "dossier: the index in {} is damaged ({}); hint: rebuild it with `dossier ingest`",
                index.display(),
                names.join(", ")
            );
        }
        _ => {
            let _ = writeln!(
                err,
                "dossier: internal error: {message}; this is a bug: please report it with the command you ran"
            );
        }
    }
}

//! The `dossier` command line: argument parsing, output streams, exit codes.
//!
//! Everything a command prints on stdout is results; progress, warnings and
//! errors go to stderr. Exit codes: 0 success, 1 a search with no hits, 2 an
//! error (bad input, missing index, skipped files).

mod args;
mod commands;
mod config;
mod exit;
mod output;
mod pager;
mod panic;
mod serve;
mod views;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use args::Cli;
use exit::Status;

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Err(err) = config::apply(&mut cli) {
        report(&err);
        return Status::Error.into();
    }
    panic::quiet();
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| commands::run(&cli)));
    let status = match run {
        Ok(Ok(status)) => status,
        Ok(Err(err)) if is_broken_pipe(&err) => Status::Success,
        Ok(Err(err)) => {
            report(&err);
            Status::Error
        }
        Err(_) => {
            panic::report(cli.index_dir());
            Status::Error
        }
    };
    status.into()
}

/// Prints an error on one line (plus a query's caret lines), prefixed `dossier:`.
#[allow(clippy::print_stderr)] // the one place errors reach the user
fn report(err: &anyhow::Error) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "dossier: {err:#}");
}

/// A closed pipe (`dossier search … | head -1`) ends the output quietly,
/// whether it was hit writing text or JSON.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |kind: Option<std::io::ErrorKind>| kind == Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        broken(
            cause
                .downcast_ref::<std::io::Error>()
                .map(std::io::Error::kind),
        ) || broken(
            cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind),
        )
    })
}

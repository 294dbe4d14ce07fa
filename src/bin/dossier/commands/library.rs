//! `dossier add`, `remove` and `update`: change the library, reading only
//! what changed, and say what was done in one line.

use std::io::Write;

use anyhow::Result;
use dossier::{Changes, UpdateSummary, update as update_library};

use super::ingest::{Bar, reading_config};
use crate::args::{AddArgs, Cli, ReadingArgs, RemoveArgs, UpdateArgs};
use crate::exit::Status;
use crate::output::printable;

pub(crate) fn add(cli: &Cli, args: &AddArgs) -> Result<Status> {
    let changes = Changes {
        add: args.paths.clone(),
        ..Changes::default()
    };
    run(cli, &args.reading, &changes)
}

pub(crate) fn remove(cli: &Cli, args: &RemoveArgs) -> Result<Status> {
    let changes = Changes {
        remove: args.targets.clone(),
        ..Changes::default()
    };
    run(cli, &args.reading, &changes)
}

pub(crate) fn update(cli: &Cli, args: &UpdateArgs) -> Result<Status> {
    run(cli, &args.reading, &Changes::default())
}

fn run(cli: &Cli, reading: &ReadingArgs, changes: &Changes) -> Result<Status> {
    let config = reading_config(cli, reading, Vec::new());
    let progress = Bar::new(!reading.quiet);
    let summary = update_library(&config, changes, &progress)?;
    progress.finish();
    if !reading.quiet {
        writeln!(std::io::stderr().lock(), "{}", summary_line(&summary))?;
    }
    Ok(if summary.warnings.is_empty() {
        Status::Success
    } else {
        Status::Error
    })
}

/// `updated the library: 1 added, 2 changed, … → 5,001 documents in 1.2 s`
fn summary_line(s: &UpdateSummary) -> String {
    if s.nothing_changed() {
        return format!(
            "the library is up to date: {} files, {} documents ({:.2} s)",
            s.unchanged, s.docs, s.seconds
        );
    }
    let mut parts = Vec::new();
    for (n, what) in [
        (s.added.len(), "added"),
        (s.changed.len(), "changed"),
        (s.moved.len(), "moved"),
        (s.removed.len(), "removed"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    if parts.is_empty() {
        parts.push("sources changed".into());
    }
    let named: Vec<String> = s
        .added
        .iter()
        .map(|f| format!("+ {}", printable(f)))
        .chain(s.changed.iter().map(|f| format!("~ {}", printable(f))))
        .chain(
            s.moved
                .iter()
                .map(|(a, b)| format!("> {} → {}", printable(a), printable(b))),
        )
        .chain(s.removed.iter().map(|f| format!("- {}", printable(f))))
        .take(20)
        .collect();
    let mut line = format!(
        "updated the library: {} files, {} unchanged → {} documents in {:.2} s",
        parts.join(", "),
        s.unchanged,
        s.docs,
        s.seconds
    );
    for n in named {
        line.push_str("\n  ");
        line.push_str(&n);
    }
    line
}

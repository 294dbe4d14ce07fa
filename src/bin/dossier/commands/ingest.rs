//! `dossier ingest`: build the index, with a progress bar on a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use dossier::{IndexHandle, IngestConfig, IngestSummary, PassageKind, Progress, Warning, ingest};
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::{Cli, IngestArgs, ReadingArgs};
use crate::exit::Status;
use crate::output::printable;

pub(crate) fn run(cli: &Cli, args: &IngestArgs) -> Result<Status> {
    if args.recover {
        let live = IndexHandle::recover(cli.index_dir())?;
        writeln!(
            std::io::stderr().lock(),
            "recovered {} → {}",
            live.display(),
            cli.index_dir().display()
        )?;
        return Ok(Status::Success);
    }
    let config = reading_config(cli, &args.reading, args.paths.clone());
    // An ingest replaces the whole index: what it drops is said.
    let before: Vec<String> = IndexHandle::open(cli.index_dir())
        .and_then(|h| h.docs())
        .map(|docs| docs.into_iter().map(|d| d.meta.id).collect())
        .unwrap_or_default();
    let progress = Bar::new(!args.reading.quiet);
    let summary = ingest(&config, &progress)?;
    progress.finish();
    if !args.reading.quiet {
        let mut err = std::io::stderr().lock();
        for w in &summary.ignored {
            writeln!(err, "dossier: note: {}: {}", printable(&w.path), w.message)?;
        }
        writeln!(err, "{}", summary_line(&summary, cli.index_dir()))?;
        let dropped = before
            .iter()
            .filter(|id| !summary.docs.iter().any(|d| d.meta.id == **id))
            .count();
        if dropped > 0 {
            writeln!(
                err,
                "dossier: note: a full rebuild: {dropped} of the {} documents the index held are not in these files and left it (`dossier add PATH` adds to an index instead)",
                before.len()
            )?;
        }
    }
    Ok(if summary.warnings.is_empty() {
        Status::Success
    } else {
        Status::Error
    })
}

/// What the reading flags of `ingest`, `add`, `remove` and `update` ask for.
pub(crate) fn reading_config(
    cli: &Cli,
    reading: &ReadingArgs,
    paths: Vec<PathBuf>,
) -> IngestConfig {
    let defaults = IngestConfig::default();
    IngestConfig {
        paths,
        index: cli.index_dir().to_path_buf(),
        threads: reading.threads.unwrap_or(defaults.threads),
        data: cli.data.clone(),
        max_file_bytes: reading
            .max_file_size
            .map_or(defaults.max_file_bytes, |mb| mb * 1024 * 1024),
    }
}

/// Builds the index from the default corpus, quietly but for warnings.
pub(crate) fn build_default(index: &Path, data: Option<&Path>) -> Result<()> {
    let config = IngestConfig {
        index: index.to_path_buf(),
        data: data.map(Path::to_path_buf),
        ..IngestConfig::default()
    };
    let summary = ingest(&config, &Bar::new(false))?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "{}", summary_line(&summary, index))?;
    Ok(())
}

/// `indexed 6 documents (5 text, 1 pdf), 1432 passages (…) from 0.4 MB in 1.2 s → index/`
fn summary_line(s: &IngestSummary, index: &Path) -> String {
    let by_kind = s.passages_by_kind();
    let total: usize = by_kind.values().sum();
    let kinds = PassageKind::ALL
        .iter()
        .filter_map(|k| {
            let n = by_kind.get(k).copied().unwrap_or(0);
            (n > 0).then(|| format!("{n} {}s", k.name()))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mb = s.bytes as f64 / 1e6;
    let mut skipped = Vec::new();
    if !s.warnings.is_empty() {
        skipped.push(format!("{} file(s) skipped", s.warnings.len()));
    }
    if !s.ignored.is_empty() {
        skipped.push(format!("{} other file(s) ignored", s.ignored.len()));
    }
    let skipped = if skipped.is_empty() {
        String::new()
    } else {
        format!("; {}", skipped.join("; "))
    };
    let formats = s
        .docs_by_format()
        .into_iter()
        .map(|(format, n)| format!("{n} {format}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "indexed {} documents ({formats}), {total} passages ({kinds}) from {mb:.1} MB in {:.2} s → {}{skipped}",
        s.docs.len(),
        s.seconds,
        index.display()
    )
}

/// Progress on stderr: a bar on a terminal, nothing otherwise; warnings always.
pub(crate) struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    pub(crate) fn new(show: bool) -> Bar {
        let bar = (show && std::io::stderr().is_terminal()).then(|| {
            let b = ProgressBar::new(0);
            b.set_style(
                ProgressStyle::with_template(
                    "{spinner} indexing {bytes}/{total_bytes} [{bar:30}] {bytes_per_sec} eta {eta}",
                )
                .expect("static template")
                .progress_chars("=> "),
            );
            b
        });
        Bar { bar }
    }

    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn start(&self, _files: usize, total_bytes: u64) {
        if let Some(b) = &self.bar {
            b.set_length(total_bytes);
        }
    }

    fn advance(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.inc(bytes);
        }
    }

    fn warn(&self, w: &Warning) {
        let line = format!("dossier: warning: {}: {}", printable(&w.path), w.message);
        match &self.bar {
            Some(b) => b.println(line),
            None => {
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            }
        }
    }
}

//! Reading report files into a generation being built: in parallel batches,
//! written in corpus order, each file recorded for the library (where it
//! is, its size, time and content hash, the reader, the documents it gave),
//! then the generation's tables written from what was committed.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::assemble::{Origin, assemble, line_starts};
use super::config::Progress;
use super::read::SourceFile;
use super::sidecar::Sidecar;
use crate::error::Result;
use crate::extract::{Extractor, person_clusters, source_spellings};
use crate::formats::{self, Content, Format};
use crate::index::DocSummary;
use crate::index::checksum::content_hash;
use crate::index::library::{FileRecord, Library};
use crate::index::write::IndexBuilder;
use crate::model::{Dimension, Report, Warning};
use crate::segment::{Syntax, segment_blocks, segment_text};

/// Files processed together before their passages are handed to the writer.
const BATCH_FILES: usize = 16;

/// A file read: its content hash, and its reports (with what its reader
/// left out, and its format) or why it was skipped.
type Processed = (
    String,
    std::result::Result<(Vec<Report>, Vec<String>, Format), String>,
);

/// What reading files needs.
pub(crate) struct Reading<'a> {
    pub(crate) sidecars: &'a [Sidecar],
    pub(crate) extractor: &'a Extractor,
    pub(crate) pool: &'a rayon::ThreadPool,
    pub(crate) progress: &'a dyn Progress,
    /// When this ingest or update runs (RFC 3339, UTC).
    pub(crate) now: String,
}

/// What reading files did.
#[derive(Debug, Default)]
pub(crate) struct Read {
    /// One record per file, in order.
    pub(crate) records: Vec<FileRecord>,
    /// Files skipped, with why.
    pub(crate) warnings: Vec<Warning>,
    /// Bytes read.
    pub(crate) bytes: u64,
}

impl Reading<'_> {
    /// Reads `files` into `builder`; document ids are made unique against
    /// `taken`, which they join.
    pub(crate) fn read(
        &self,
        files: &[SourceFile],
        builder: &mut IndexBuilder,
        taken: &mut HashSet<String>,
    ) -> Result<Read> {
        let mut out = Read::default();
        let mut batches = files.chunks(BATCH_FILES);
        let mut current = batches
            .next()
            .map(|b| (b, self.pool.install(|| self.process_batch(b))));
        while let Some((batch, results)) = current {
            let next = batches.next();
            // The next batch is read, segmented and extracted while this
            // one goes to the writer: both cores stay busy.
            let (processed, added) = self.pool.install(|| {
                rayon::join(
                    || next.map(|b| self.process_batch(b)),
                    || self.add_batch(batch, results, builder, taken, &mut out),
                )
            });
            added?;
            current = next.zip(processed);
        }
        Ok(out)
    }

    /// Reads, segments and assembles a batch of files in parallel (on the
    /// pool it is called from).
    fn process_batch(&self, batch: &[SourceFile]) -> Vec<Processed> {
        batch
            .par_iter()
            .map(|file| {
                let read = match file.bytes() {
                    Ok(bytes) => (
                        content_hash(&bytes),
                        process(file, bytes, self.sidecars, self.extractor),
                    ),
                    Err(e) => (String::new(), Err(e.to_string())),
                };
                self.progress.advance(file.len);
                read
            })
            .collect()
    }

    /// Hands a processed batch to the writer, in corpus order, and records
    /// each file.
    fn add_batch(
        &self,
        batch: &[SourceFile],
        results: Vec<Processed>,
        builder: &mut IndexBuilder,
        taken: &mut HashSet<String>,
        out: &mut Read,
    ) -> Result<()> {
        for (file, (hash, result)) in batch.iter().zip(results) {
            let mut record = self.record(file);
            record.hash = hash;
            match result {
                Ok((reports, left_out, format)) => {
                    out.bytes += file.len;
                    record.reader = format.reader();
                    let provenance = record.provenance();
                    for mut report in reports {
                        make_unique(&mut report, taken);
                        record.docs.push(report.meta.id.clone());
                        builder.add(report, Some(provenance.clone()))?;
                    }
                    for message in left_out {
                        warn(self.progress, &mut out.warnings, &file.display, message);
                    }
                }
                Err(message) => {
                    record.skipped = Some(message.clone());
                    warn(self.progress, &mut out.warnings, &file.display, message);
                }
            }
            out.records.push(record);
        }
        Ok(())
    }

    fn record(&self, file: &SourceFile) -> FileRecord {
        FileRecord {
            path: file.location(),
            display: file.display.clone(),
            size: file.len,
            modified: file.modified(),
            hash: String::new(),
            reader: String::new(),
            ingested_at: self.now.clone(),
            dossier: env!("CARGO_PKG_VERSION").to_string(),
            docs: Vec::new(),
            skipped: None,
        }
    }
}

/// Commits a generation and writes its tables: the alias table (with one
/// person's or source's spellings across the library found from the
/// committed passages), `docs.json` and the library's record.
pub(crate) fn finish(builder: IndexBuilder, library: &Library) -> Result<Vec<DocSummary>> {
    let mut committed = builder.commit()?;
    let mut persons: Vec<(String, u64)> = Vec::new();
    let mut sources: Vec<(String, u64)> = Vec::new();
    for (dim, value, count) in &committed.tagged {
        match dim {
            Dimension::Person => persons.push((value.clone(), *count)),
            Dimension::Cites => sources.push((value.clone(), *count)),
            _ => {}
        }
    }
    let spellings: HashMap<Dimension, _> = [
        (Dimension::Person, person_clusters(&persons)),
        (Dimension::Cites, source_spellings(&sources)),
    ]
    .into_iter()
    .collect();
    for dim in [Dimension::Person, Dimension::Cites] {
        for s in &spellings[&dim] {
            committed.add_spellings(dim, &s.canonical, &s.members, &s.also);
        }
    }
    committed.finish(library)
}

/// Reports a warning about a file and keeps it for the summary.
pub(crate) fn warn(
    progress: &dyn Progress,
    warnings: &mut Vec<Warning>,
    path: &str,
    message: String,
) {
    let w = Warning {
        path: path.to_string(),
        message,
    };
    progress.warn(&w);
    warnings.push(w);
}

/// Reads, segments and assembles one file, with what its reader left out;
/// `Err` is the reason it was skipped.
pub(crate) fn process(
    file: &SourceFile,
    bytes: Vec<u8>,
    sidecars: &[Sidecar],
    extractor: &Extractor,
) -> std::result::Result<(Vec<Report>, Vec<String>, Format), String> {
    let format = Format::detect(&file.name, &bytes)
        .ok_or_else(|| "not a report format dossier reads, skipped".to_string())?;
    let mut left_out = Vec::new();
    let (segmented, file_meta, starts) =
        match formats::read(format, bytes).map_err(|e| e.to_string())? {
            Content::Text {
                text,
                body_start,
                markdown,
                meta,
            } => {
                let syntax = if markdown {
                    Syntax::Markdown
                } else {
                    Syntax::Detect
                };
                let segmented = segment_text(&text, body_start, syntax);
                (segmented, meta, line_starts(&text))
            }
            Content::Blocks(doc) => {
                let span = 0..0;
                left_out = doc.warnings;
                (
                    vec![segment_blocks(doc.blocks, span, doc.continuity)],
                    doc.meta,
                    doc.line_starts,
                )
            }
        };
    if segmented.iter().all(|s| s.blocks.is_empty()) {
        return Err("no text found, skipped".to_string());
    }
    let parts = segmented.len();
    let sidecar = file.sidecar.and_then(|i| sidecars.get(i));
    let reports = segmented
        .into_iter()
        .enumerate()
        .map(|(i, seg)| {
            let origin = Origin {
                display: &file.display,
                file_name: &file.name,
                part: i + 1,
                parts,
                sidecar: sidecar.and_then(|s| s.entry(&file.name, i + 1)),
                line_starts: &starts,
                file_meta: &file_meta,
                format,
            };
            assemble(seg, &origin, extractor)
        })
        .collect();
    Ok((reports, left_out, format))
}

/// Gives a report a document id no earlier report has (`-2`, `-3`… appended),
/// rewriting its passages' ids to match.
pub(crate) fn make_unique(report: &mut Report, taken: &mut HashSet<String>) {
    let base = report.meta.id.clone();
    let mut id = base.clone();
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    taken.insert(id.clone());
    if id == base {
        return;
    }
    let old_prefix = format!("{base}/");
    let new_prefix = format!("{id}/");
    let fix = |s: &mut String| {
        if let Some(rest) = s.strip_prefix(&old_prefix) {
            *s = format!("{new_prefix}{rest}");
        }
    };
    for p in &mut report.passages {
        p.doc.clone_from(&id);
        fix(&mut p.id);
        p.footnotes.iter_mut().for_each(fix);
        if let Some(c) = p.cited_by.as_mut() {
            fix(c);
        }
    }
    report.meta.id = id;
}

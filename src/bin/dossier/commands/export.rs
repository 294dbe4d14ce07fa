//! `dossier export`: passages as JSON Lines, in document order: every one,
//! or, given a query or filters, those `search --all --duplicates` finds.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, Passage, for_each_matching_passage, for_each_passage};

use crate::args::{ExportArgs, query_text};
use crate::exit::Status;
use crate::output::Out;

pub(crate) fn run(handle: &IndexHandle, args: &ExportArgs, out: &mut Out) -> Result<Status> {
    let query = query_text(args.query.as_deref(), &args.more);
    let filters = super::filters(&args.filters)?;
    let mut print = |p: Passage| {
        serde_json::to_writer(&mut *out, &p)?;
        writeln!(out)
    };
    if query.trim().is_empty() && filters.is_empty() {
        // The whole library, read without a query: the output scripts had before.
        for_each_passage(handle, &mut print)??;
    } else {
        for_each_matching_passage(handle, &query, &filters, &mut print)??;
    }
    Ok(Status::Success)
}

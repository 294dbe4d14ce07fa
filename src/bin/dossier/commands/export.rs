//! `dossier export`: every passage as JSON Lines, in document order.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, for_each_passage};

use crate::exit::Status;
use crate::output::Out;

pub(crate) fn run(handle: &IndexHandle, out: &mut Out) -> Result<Status> {
    for_each_passage(handle, |p| {
        serde_json::to_writer(&mut *out, &p)?;
        writeln!(out)
    })??;
    Ok(Status::Success)
}

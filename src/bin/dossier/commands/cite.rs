//! `dossier cite ID…`: each passage quoted with a pin cite, or its report
//! described for a reference manager (`dossier::cite` writes the formats;
//! `views::cite_passages` gathers what it needs).

use std::io::Write;

use anyhow::Result;
use dossier::{CiteOptions, IndexHandle};

use crate::args::CiteArgs;
use crate::exit::Status;
use crate::output::Out;
use crate::views::cite_passages;

pub(crate) fn run(handle: &IndexHandle, args: &CiteArgs, out: &mut Out) -> Result<Status> {
    let options = CiteOptions {
        format: args.format,
        sentences: args.sentences,
    };
    write!(out, "{}", cite_passages(handle, &args.ids, &options)?)?;
    Ok(Status::Success)
}

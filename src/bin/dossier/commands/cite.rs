//! `dossier cite ID…`: each passage quoted with a pin cite, or its report
//! described for a reference manager (`dossier::cite` writes the formats).
//!
//! Passages carry their report's title, publisher and date but not its
//! authors or URL: those are read from the document table, once.

use std::io::Write;

use anyhow::Result;
use dossier::{CiteOptions, Cited, DocMeta, IndexHandle, Passage};

use crate::args::CiteArgs;
use crate::exit::Status;
use crate::output::Out;

pub(crate) fn run(handle: &IndexHandle, args: &CiteArgs, out: &mut Out) -> Result<Status> {
    let passages: Vec<Passage> = args
        .ids
        .iter()
        .map(|id| handle.passage(id.trim()))
        .collect::<dossier::Result<_>>()?;
    let footnotes: Vec<Vec<Passage>> = passages
        .iter()
        .map(|p| p.footnotes.iter().map(|id| handle.passage(id)).collect())
        .collect::<dossier::Result<_>>()?;
    let docs = handle.docs()?;
    let metas: Vec<DocMeta> = passages
        .iter()
        .map(|p| {
            docs.iter()
                .find(|d| d.meta.id == p.doc)
                .map_or_else(|| meta_of(p), |d| d.meta.clone())
        })
        .collect();
    let items: Vec<Cited<'_>> = passages
        .iter()
        .zip(&metas)
        .zip(&footnotes)
        .map(|((passage, doc), footnotes)| Cited {
            passage,
            doc,
            footnotes,
        })
        .collect();
    let options = CiteOptions {
        format: args.format,
        sentences: args.sentences,
    };
    write!(out, "{}", dossier::cite(&items, &options))?;
    Ok(Status::Success)
}

/// What the passage itself says of its report, should the document table
/// not list it (an index is written with both, so this is a safety net).
fn meta_of(p: &Passage) -> DocMeta {
    DocMeta {
        id: p.doc.clone(),
        title: p.doc_title.clone(),
        publisher: p.doc_publisher.clone(),
        published: p.doc_published,
        ..DocMeta::default()
    }
}

//! `dossier docs`: the documents in the index, their metadata and counts.

use std::io::Write;

use anyhow::Result;
use dossier::{DocSummary, IndexHandle, PassageKind};

use super::render::{human_day, provenance_line};
use crate::args::DocsArgs;
use crate::exit::Status;
use crate::output::{Out, Style, printable};
use crate::views::JsonDoc;

pub(crate) fn run(handle: &IndexHandle, args: &DocsArgs, out: &mut Out) -> Result<Status> {
    let docs = handle.docs()?;
    for d in &docs {
        if args.json {
            serde_json::to_writer(&mut *out, &JsonDoc::of(d))?;
            writeln!(out)?;
        } else {
            write_human(out, d)?;
        }
    }
    Ok(Status::Success)
}

fn write_human(out: &mut Out, d: &DocSummary) -> Result<()> {
    let m = &d.meta;
    let first = format!("{}  ", out.paint(Style::Bold, &m.id));
    out.hanging(&m.title, &first, "    ")?;
    let mut facts = Vec::new();
    if let Some(p) = &m.publisher {
        facts.push(p.clone());
    }
    if let Some(date) = m.published {
        facts.push(human_day(date));
    }
    if let Some(place) = &m.place {
        facts.push(place.clone());
    }
    if !m.authors.is_empty() {
        facts.push(format!("by {}", m.authors.join(", ")));
    }
    if let Some(c) = &m.contributor {
        facts.push(format!("contributor {c}"));
    }
    if let Some(s) = &m.series {
        facts.push(s.clone());
    }
    if !facts.is_empty() {
        out.wrapped(&facts.join(" · "), "    ")?;
    }
    let counts = PassageKind::ALL
        .iter()
        .map(|k| format!("{} {}s", d.counts.get(k).copied().unwrap_or(0), k.name()))
        .chain([
            format!("{} refs without body", d.refs_without_body),
            format!("{} notes without ref", d.notes_without_ref),
        ])
        .collect::<Vec<_>>()
        .join(", ");
    out.wrapped(&counts, "    ")?;
    let from = match &d.provenance {
        Some(p) => provenance_line(p),
        None => printable(&m.source_file).into_owned(),
    };
    out.wrapped(&out.paint(Style::Dim, &from), "    ")?;
    writeln!(out)?;
    Ok(())
}

//! `dossier show ID`: a passage in full, its footnotes (or, for a footnote, the
//! passage citing it) and its neighbours.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, Passage, PassageKind, Provenance, in_context};
use serde::Serialize;

use super::render::{citation, location, provenance_line, refs_line};
use crate::args::ShowArgs;
use crate::exit::Status;
use crate::output::{Out, Style};

pub(crate) fn run(handle: &IndexHandle, args: &ShowArgs, out: &mut Out) -> Result<Status> {
    let ctx = in_context(handle, args.id.trim(), args.context)?;
    let footnotes: Vec<Passage> = ctx
        .passage
        .footnotes
        .iter()
        .map(|id| handle.passage(id))
        .collect::<dossier::Result<_>>()?;
    let cited_by = match &ctx.passage.cited_by {
        Some(id) => Some(handle.passage(id)?),
        None => None,
    };
    let docs = handle.docs()?;
    let provenance = docs
        .iter()
        .find(|d| d.meta.id == ctx.passage.doc)
        .and_then(|d| d.provenance.as_ref());
    if args.json {
        let json = JsonShow {
            provenance,
            passage: &ctx.passage,
            footnote_texts: footnotes.iter().map(|f| f.text.as_str()).collect(),
            footnote_passages: &footnotes,
            cited_by_passage: cited_by.as_ref(),
            before: &ctx.before,
            after: &ctx.after,
        };
        serde_json::to_writer(&mut *out, &json)?;
        writeln!(out)?;
        return Ok(Status::Success);
    }
    let cite = citation(out, &ctx.passage);
    out.wrapped(&cite, "")?;
    for p in &ctx.before {
        write_neighbour(out, p)?;
    }
    let place = location(out, &ctx.passage);
    out.wrapped(&place, "")?;
    out.wrapped(&ctx.passage.text, "  ")?;
    if let Some(refs) = refs_line(&ctx.passage) {
        writeln!(out, "  {}", out.paint(Style::Dim, &refs))?;
    }
    if !ctx.passage.sources.is_empty() {
        let line = format!("sources: {}", ctx.passage.sources.join("; "));
        out.wrapped(&out.paint(Style::Dim, &line), "  ")?;
    }
    writeln!(out)?;
    for f in &footnotes {
        let label = format!("[{}]", f.n);
        let first = format!("  {} ", out.paint(Style::Bold, &label));
        let rest = " ".repeat(label.len() + 3);
        out.hanging(&f.text, &first, &rest)?;
    }
    if let Some(c) = &cited_by {
        writeln!(
            out,
            "  {} {}",
            out.paint(Style::Bold, "cited by"),
            location(out, c)
        )?;
        out.wrapped(&c.text, "    ")?;
    }
    for p in &ctx.after {
        write_neighbour(out, p)?;
    }
    if let Some(p) = provenance {
        writeln!(out)?;
        out.wrapped(&out.paint(Style::Dim, &provenance_line(p)), "  ")?;
    }
    Ok(Status::Success)
}

fn write_neighbour(out: &mut Out, p: &Passage) -> Result<()> {
    let place = out.paint(Style::Dim, &location(out, p));
    out.wrapped(&place, "")?;
    let text = if p.kind == PassageKind::Heading {
        out.paint(Style::Bold, &p.text)
    } else {
        p.text.clone()
    };
    out.wrapped(&text, "  ")?;
    writeln!(out)?;
    Ok(())
}

/// `show --json`: the passage's contract fields, its footnotes, its neighbours.
#[derive(Serialize)]
struct JsonShow<'a> {
    #[serde(flatten)]
    passage: &'a Passage,
    footnote_texts: Vec<&'a str>,
    footnote_passages: &'a [Passage],
    #[serde(skip_serializing_if = "Option::is_none")]
    cited_by_passage: Option<&'a Passage>,
    before: &'a [Passage],
    after: &'a [Passage],
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<&'a Provenance>,
}

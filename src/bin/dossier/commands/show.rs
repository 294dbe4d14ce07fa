//! `dossier show ID`: a passage in full, its footnotes (or, for a footnote, the
//! passage citing it) and its neighbours.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, Passage, PassageKind};

use super::render::{citation, location, provenance_line, refs_line};
use crate::args::ShowArgs;
use crate::exit::Status;
use crate::output::{Out, Style};
use crate::views::Shown;

pub(crate) fn run(handle: &IndexHandle, args: &ShowArgs, out: &mut Out) -> Result<Status> {
    let shown = Shown::load(handle, &args.id, args.context)?;
    if args.json {
        serde_json::to_writer(&mut *out, &shown.json())?;
        writeln!(out)?;
        return Ok(Status::Success);
    }
    let (ctx, footnotes, cited_by) = (&shown.ctx, &shown.footnotes, &shown.cited_by);
    let provenance = shown.provenance();
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
    for f in footnotes {
        let label = format!("[{}]", f.n);
        let first = format!("  {} ", out.paint(Style::Bold, &label));
        let rest = " ".repeat(label.len() + 3);
        out.hanging(&f.text, &first, &rest)?;
    }
    if let Some(c) = cited_by {
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

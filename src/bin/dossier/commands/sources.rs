//! `dossier sources`: the outlets and works cited, counted.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, sources};

use crate::args::{SourcesArgs, query_text};
use crate::exit::Status;
use crate::output::{Out, Style};
use crate::views::JsonSource;

pub(crate) fn run(handle: &IndexHandle, args: &SourcesArgs, out: &mut Out) -> Result<Status> {
    let filters = super::filters(&args.filters)?;
    let all = sources(
        handle,
        &query_text(args.query.as_deref(), &args.more),
        &filters,
    )?;
    for s in all.iter().take(args.top.max(1)) {
        if args.json {
            serde_json::to_writer(&mut *out, &JsonSource::of(s, args.works))?;
            writeln!(out)?;
            continue;
        }
        writeln!(out, "{:>5}  {}", s.count, out.paint(Style::Bold, &s.source))?;
        for (title, n) in s.works.iter().take(args.works) {
            let line = format!(
                "“{title}”{}",
                if *n > 1 {
                    format!(" ({n})")
                } else {
                    String::new()
                }
            );
            out.wrapped(&line, "         ")?;
        }
    }
    if !args.json && all.len() > args.top {
        let more = format!("{} more sources; --top N shows more", all.len() - args.top);
        writeln!(out, "{}", out.paint(Style::Dim, &more))?;
    }
    if all.is_empty() {
        writeln!(
            std::io::stderr().lock(),
            "dossier: no matching passage cites a source"
        )?;
        return Ok(Status::NoHits);
    }
    Ok(Status::Success)
}

//! `dossier sources`: the outlets and works cited, counted.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, SourceCount, sources};
use serde::Serialize;

use crate::args::{SourcesArgs, query_text};
use crate::exit::Status;
use crate::output::{Out, Style};

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

/// A source as JSON: `{"source":"Hürriyet","count":5,"works":[{"title":…,"count":1}]}`.
#[derive(Serialize)]
struct JsonSource<'a> {
    source: &'a str,
    count: usize,
    works: Vec<JsonWork<'a>>,
}

#[derive(Serialize)]
struct JsonWork<'a> {
    title: &'a str,
    count: usize,
}

impl<'a> JsonSource<'a> {
    fn of(s: &'a SourceCount, works: usize) -> JsonSource<'a> {
        JsonSource {
            source: &s.source,
            count: s.count,
            works: s
                .works
                .iter()
                .take(works)
                .map(|(title, count)| JsonWork {
                    title,
                    count: *count,
                })
                .collect(),
        }
    }
}

//! `dossier timeline`: dated passages and events in date order.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, TimelineRequest, timeline};

use super::render::{citation, location};
use crate::args::{TimelineArgs, query_text};
use crate::exit::Status;
use crate::output::{Out, Style};
use crate::views::JsonEntry;

/// Width of the date column.
const DATE_WIDTH: usize = 21;

pub(crate) fn run(handle: &IndexHandle, args: &TimelineArgs, out: &mut Out) -> Result<Status> {
    let req = TimelineRequest {
        query: query_text(args.query.as_deref(), &args.more),
        filters: super::filters(&args.filters)?,
        limit: args.limit.max(1),
        offset: args.offset,
    };
    let t = timeline(handle, &req)?;
    if args.json {
        for e in &t.entries {
            serde_json::to_writer(&mut *out, &JsonEntry::of(e))?;
            writeln!(out)?;
        }
    } else {
        for e in &t.entries {
            let date = match &e.date.qualifier {
                Some(q) => format!("{} ({q})", e.date.value),
                None => e.date.value.clone(),
            };
            let indent = " ".repeat(DATE_WIDTH + 2);
            let first = format!(
                "{}  ",
                out.paint(Style::Bold, &format!("{date:<DATE_WIDTH$}"))
            );
            let (cite, place) = (citation(out, &e.passage), location(out, &e.passage));
            out.hanging(&cite, &first, &indent)?;
            out.wrapped(&place, &indent)?;
            out.wrapped(&e.sentence, &indent)?;
        }
        if t.total > 0 {
            let shown = args.offset + t.entries.len();
            let line = format!("{}–{shown} of {} dated entries", args.offset + 1, t.total);
            writeln!(out, "{}", out.paint(Style::Dim, &line))?;
        } else {
            writeln!(
                std::io::stderr().lock(),
                "dossier: no dated passage matches"
            )?;
        }
    }
    Ok(if t.total == 0 {
        Status::NoHits
    } else {
        Status::Success
    })
}

//! `dossier timeline`: dated passages and events in date order.

use std::io::Write;

use anyhow::Result;
use dossier::{IndexHandle, Precision, Qualifier, TimelineEntry, TimelineRequest, timeline};
use jiff::civil::Date;
use serde::Serialize;

use super::render::{citation, location};
use crate::args::{TimelineArgs, query_text};
use crate::exit::Status;
use crate::output::{Out, Style};

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

/// A timeline entry as JSON: the date, the sentence, and the passage's citation fields.
#[derive(Serialize)]
struct JsonEntry<'a> {
    date: &'a str,
    start: Date,
    end: Date,
    precision: Precision,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<Qualifier>,
    sentence: &'a str,
    id: &'a str,
    doc: &'a str,
    doc_title: &'a str,
    kind: &'a str,
    n: u32,
    section: &'a [String],
}

impl<'a> JsonEntry<'a> {
    fn of(e: &'a TimelineEntry) -> JsonEntry<'a> {
        JsonEntry {
            date: &e.date.value,
            start: e.date.start,
            end: e.date.end,
            precision: e.date.precision,
            qualifier: e.date.qualifier,
            sentence: &e.sentence,
            id: &e.passage.id,
            doc: &e.passage.doc,
            doc_title: &e.passage.doc_title,
            kind: e.passage.kind.name(),
            n: e.passage.n,
            section: &e.passage.section,
        }
    }
}

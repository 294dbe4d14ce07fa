//! `dossier search`: ranked passages, as text for people or JSON Lines for scripts.

use std::io::Write;

use anyhow::Result;
use dossier::{Hit, IndexHandle, Passage, SearchRequest, SearchResults, search};
use serde::Serialize;

use super::render::{JsonFacet, citation, location, refs_line, write_facets};
use crate::args::SearchArgs;
use crate::exit::Status;
use crate::output::{Out, Style};

pub(crate) fn run(handle: &IndexHandle, args: &SearchArgs, out: &mut Out) -> Result<Status> {
    let req = SearchRequest {
        query: args.query.clone(),
        filters: super::filters(&args.filters)?,
        limit: args.limit.max(1),
        offset: args.offset,
        facets: args.facets,
        duplicates: args.duplicates,
        footnote_texts: args.json,
    };
    let results = search(handle, &req)?;
    if args.json {
        for hit in &results.hits {
            serde_json::to_writer(&mut *out, &JsonHit::of(hit))?;
            writeln!(out)?;
        }
        for f in &results.facets {
            serde_json::to_writer(&mut *out, &JsonFacet::of(f))?;
            writeln!(out)?;
        }
    } else {
        if results.hits.is_empty() {
            let mut err = std::io::stderr().lock();
            if results.total == 0 {
                writeln!(
                    err,
                    "dossier: no passage matches; hint: fewer words, or drop a filter"
                )?;
            } else {
                writeln!(
                    err,
                    "dossier: no passage on this page: {} match, and the page starts after {}; hint: a smaller --offset",
                    results.total, args.offset
                )?;
            }
        }
        for (i, hit) in results.hits.iter().enumerate() {
            write_hit(out, args.offset + i + 1, hit)?;
        }
        if !results.hits.is_empty() {
            let shown = args.offset + results.hits.len();
            let line = format!("{}–{shown} of {}", args.offset + 1, count_line(&results));
            writeln!(out, "{}", out.paint(Style::Dim, &line))?;
        }
        if args.facets {
            write_facets(out, &results.facets)?;
        }
    }
    // Nothing printed is no hit, also past the last page.
    Ok(if results.hits.is_empty() {
        Status::NoHits
    } else {
        Status::Success
    })
}

/// How many passages match, as far as they were counted: passages with only
/// some of the words are counted when the page reaches them.
fn count_line(results: &SearchResults) -> String {
    let plural = |n: usize| if n == 1 { "passage" } else { "passages" };
    match results.with_all_words {
        Some(all) if !results.counted_all => format!("{all} {} with all the words", plural(all)),
        Some(0) => format!(
            "{} matching {} (none with all the words)",
            results.total,
            plural(results.total)
        ),
        Some(all) => format!(
            "{} matching {} ({all} with all the words first)",
            results.total,
            plural(results.total)
        ),
        None => format!("{} matching {}", results.total, plural(results.total)),
    }
}

fn write_hit(out: &mut Out, rank: usize, hit: &Hit) -> Result<()> {
    let p = &hit.passage;
    writeln!(out, "{rank:>2}. {}", citation(out, p))?;
    writeln!(out, "    {}", location(out, p))?;
    let (open, close) = out.match_markers();
    let mut text = hit.snippet.marked(open, close);
    if hit.snippet.cut_before {
        text.insert_str(0, "… ");
    }
    if hit.snippet.cut_after {
        text.push_str(" …");
    }
    out.wrapped(&text, "    ")?;
    if let Some(refs) = refs_line(p) {
        writeln!(out, "    {}", out.paint(Style::Dim, &refs))?;
    }
    writeln!(out)?;
    Ok(())
}

/// A hit as JSON: the passage's contract fields plus `score`, `snippet`, `footnote_texts`.
#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    passage: &'a Passage,
    score: f32,
    snippet: String,
    footnote_texts: &'a [String],
}

impl<'a> JsonHit<'a> {
    fn of(hit: &'a Hit) -> JsonHit<'a> {
        JsonHit {
            passage: &hit.passage,
            score: hit.score,
            snippet: hit.snippet.to_bold(),
            footnote_texts: &hit.footnote_texts,
        }
    }
}

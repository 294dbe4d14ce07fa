//! `dossier search`: ranked passages, as text for people, or as JSON Lines,
//! CSV, Markdown or a concordance (`--kwic`) for other tools.

use std::io::Write;

use anyhow::Result;
use dossier::{
    Expansion, ExpansionKind, IndexHandle, Matching, SearchRequest, SearchResults, hits_by_doc,
    search,
};

use super::hit::{expansion_line, write_hit};
use super::render::write_facets;
use super::{csv_out, jsonl_out, kwic, markdown_out};
use crate::args::{SearchArgs, TableFormat};
use crate::exit::Status;
use crate::output::{Out, Style};
use crate::views::{JsonFacet, JsonHit};

pub(crate) fn run(handle: &IndexHandle, args: &SearchArgs, out: &mut Out) -> Result<Status> {
    if args.table.summary && !(args.shown.json || args.table.format == Some(TableFormat::Jsonl)) {
        anyhow::bail!("--summary goes with --json or --format jsonl");
    }
    let for_json = args.shown.json || args.table.format == Some(TableFormat::Jsonl);
    let matching = if args.exact {
        Matching::Exact
    } else {
        Matching::Forgiving
    };
    if args.counted.count || args.counted.docs {
        let filters = super::filters(&args.asked.filters)?;
        let by_doc = hits_by_doc(handle, &args.asked.query_text(), &filters, matching)?;
        return counted(handle, args, &by_doc, out);
    }
    let req = SearchRequest {
        query: args.asked.query_text(),
        filters: super::filters(&args.asked.filters)?,
        limit: if args.all {
            usize::MAX
        } else {
            args.limit.max(1)
        },
        offset: args.offset,
        facets: args.shown.facets,
        duplicates: args.duplicates,
        matching,
        footnote_texts: for_json,
    };
    let results = search(handle, &req)?;
    if args.shown.json || args.table.format.is_some() || args.table.kwic {
        write_for_tools(out, args, &results)?;
        note_more_hits(args, &results)?;
    } else {
        write_listing(out, args, &results)?;
    }
    // Nothing printed is no hit, also past the last page.
    Ok(if results.hits.is_empty() {
        Status::NoHits
    } else {
        Status::Success
    })
}

/// The hits as data: `--json`, `--format` or `--kwic`.
fn write_for_tools(out: &mut Out, args: &SearchArgs, results: &SearchResults) -> Result<()> {
    match args.table.format {
        Some(TableFormat::Csv) => csv_out::write_hits(out, &results.hits)?,
        Some(TableFormat::Markdown) => {
            markdown_out::write_hits(out, &results.hits, args.offset + 1)?;
        }
        Some(TableFormat::Jsonl) => jsonl_out::write_hits(out, results)?,
        None if args.table.kwic => kwic::write_hits(out, &results.hits, kwic_width(args, out))?,
        None => {
            for hit in &results.hits {
                serde_json::to_writer(&mut *out, &JsonHit::of(hit, &results.expansions))?;
                writeln!(out)?;
            }
        }
    }
    let json = args.shown.json || args.table.format == Some(TableFormat::Jsonl);
    if json {
        for f in &results.facets {
            serde_json::to_writer(&mut *out, &JsonFacet::of(f))?;
            writeln!(out)?;
        }
    }
    if args.table.summary {
        jsonl_out::write_summary(out, results, args.offset)?;
    }
    Ok(())
}

/// `--kwic` lines' width: `--width`, else `COLUMNS`, else the terminal's.
fn kwic_width(args: &SearchArgs, out: &Out) -> usize {
    args.table.width.unwrap_or_else(|| out.line_width())
}

/// One line on stderr when a full page leaves matching passages unshown, so
/// that a script is not silently cut at the default limit; stdout stays data.
fn note_more_hits(args: &SearchArgs, results: &SearchResults) -> Result<()> {
    let shown = results.hits.len();
    // A page short of the limit holds every distinct hit left (the total
    // also counts the near-duplicates left out).
    let page_full = !args.all && shown == args.limit;
    let more = !results.counted_all || results.total > args.offset + shown;
    if !(page_full && more) {
        return Ok(());
    }
    let total = if results.counted_all {
        results.total.to_string()
    } else {
        format!("{} or more", results.total)
    };
    let which = if args.offset == 0 {
        shown.to_string()
    } else {
        format!("hits {}–{}", args.offset + 1, args.offset + shown)
    };
    writeln!(
        std::io::stderr().lock(),
        "dossier: {which} of {total} hits shown; --all or -n N for more"
    )?;
    Ok(())
}

/// The hits as people read them, with the count, typo notes and facets.
fn write_listing(out: &mut Out, args: &SearchArgs, results: &SearchResults) -> Result<()> {
    if args.shown.explain {
        write_explanation(out, &results.expansions)?;
    }
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
        let explained = if args.shown.explain {
            &results.expansions[..]
        } else {
            &[]
        };
        write_hit(out, args.offset + i + 1, hit, explained)?;
    }
    if !results.hits.is_empty() {
        let shown = args.offset + results.hits.len();
        let line = format!("{}–{shown} of {}", args.offset + 1, count_line(results));
        let line = out.paint(Style::Dim, &line);
        out.wrapped(&line, "")?;
    }
    for line in typo_lines(results) {
        if results.hits.is_empty() {
            writeln!(std::io::stderr().lock(), "dossier: {line}")?;
        } else {
            let line = out.paint(Style::Dim, &line);
            out.wrapped(&line, "")?;
        }
    }
    if args.shown.facets {
        write_facets(out, &results.facets)?;
    }
    Ok(())
}

/// How many passages match, as far as they were counted: passages with only
/// some of the words are counted when the page reaches them.
fn count_line(results: &SearchResults) -> String {
    let plural = |n: usize| if n == 1 { "passage" } else { "passages" };
    match results.with_all_words {
        // The page was filled by passages with all the words.
        Some(all) if !results.counted_all && results.total == all => {
            format!("{all} {} with all the words", plural(all))
        }
        // … or by some with only some of them, not all counted.
        Some(all) if !results.counted_all => format!(
            "{} or more matching passages ({all} with all the words first)",
            results.total
        ),
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

/// The footer's word on typed words no passage has: what they were taken
/// for, or, with `--exact`, the word the index has ("did you mean").
fn typo_lines(results: &SearchResults) -> Vec<String> {
    let mut lines = Vec::new();
    let mut typed: Vec<&str> = Vec::new();
    for e in &results.expansions {
        if e.kind == ExpansionKind::Typo && !typed.contains(&e.word.as_str()) {
            typed.push(&e.word);
        }
    }
    for word in typed {
        let mut taken: Vec<&str> = Vec::new();
        for e in &results.expansions {
            // `deradicalization (de radicalis…)` is the word `deradicalization`.
            let to = e.to.split(" (").next().unwrap_or(&e.to);
            if e.kind == ExpansionKind::Typo && e.word == word && !taken.contains(&to) {
                taken.push(to);
            }
        }
        lines.push(format!(
            "\"{word}\" is in no passage; also matched {} (--exact: only as typed)",
            taken.join(", ")
        ));
    }
    for (word, close) in &results.suggestions {
        lines.push(format!(
            "\"{word}\" is in no passage; did you mean \"{close}\"?"
        ));
    }
    lines
}

/// `--explain`: how each query word was widened, before the hits.
fn write_explanation(out: &mut Out, expansions: &[Expansion]) -> Result<()> {
    if expansions.is_empty() {
        let line = out.paint(
            Style::Dim,
            "query words taken as typed (no other spelling, compound, typo or entity name)",
        );
        out.wrapped(&line, "")?;
    } else {
        writeln!(
            out,
            "{}",
            out.paint(Style::Dim, "query words also matched as:")
        )?;
        for e in expansions {
            let line = out.paint(Style::Dim, &expansion_line(e));
            out.hanging(&line, "  ", "    ")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// `--count` (with `--by-doc`, per document) and `--docs`: counts instead of
/// hits; exit code 1 when nothing matches.
fn counted(
    handle: &IndexHandle,
    args: &SearchArgs,
    by_doc: &[(String, u64)],
    out: &mut Out,
) -> Result<Status> {
    if args.counted.docs || args.counted.by_doc {
        let titles: std::collections::HashMap<String, String> = handle
            .docs()?
            .into_iter()
            .map(|d| (d.meta.id, d.meta.title))
            .collect();
        for (doc, n) in by_doc {
            if args.counted.by_doc {
                writeln!(out, "{doc}\t{n}")?;
            } else {
                let title = titles.get(doc).map_or("", String::as_str);
                writeln!(out, "{n:>6}  {doc}  {}", out.paint(Style::Dim, title))?;
            }
        }
    } else {
        writeln!(out, "{}", by_doc.iter().map(|(_, n)| n).sum::<u64>())?;
    }
    Ok(if by_doc.is_empty() {
        Status::NoHits
    } else {
        Status::Success
    })
}

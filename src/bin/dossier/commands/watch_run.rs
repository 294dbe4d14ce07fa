//! `dossier watch run`: every saved search (or the one named) runs through
//! `dossier::search` with its query and filters; the hits it has not
//! reported before are printed — as `search` prints hits, under a line per
//! saved search, or as JSON hits with a `watch` field — and recorded in the
//! file of saved searches once they are out.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use dossier::{Hit, IndexHandle, SearchRequest, search};
use serde::Serialize;

use super::hit::write_hit;
use super::watch_store::{Rewrite, Watch, Watches, now};
use crate::args::{Cli, WatchRunArgs};
use crate::exit::Status;
use crate::output::{Out, Style};
use crate::views::JsonHit;

/// Most hits one saved search looks through, best first: a search that
/// matches more sees its new passages only among its best ten thousand.
const WINDOW: usize = 10_000;

pub(crate) fn run(cli: &Cli, path: &Path, args: &WatchRunArgs, out: &mut Out) -> Result<Status> {
    // Read first: with nothing to run, or a name unknown, nothing is written.
    if selected(&mut Watches::load(path)?, args.name.as_deref())?.is_empty() {
        super::watch::say_none(path)?;
        return Ok(Status::NoHits);
    }
    // Before anything runs: a file that cannot be rewritten records nothing.
    let (rewrite, mut watches) = Rewrite::begin(path)?;
    let names = selected(&mut watches, args.name.as_deref())?;
    let handle = super::open(cli)?;
    let (mut any_new, mut failed) = (false, false);
    for name in &names {
        let watch = watches.get_mut(name)?;
        match run_one(&handle, name, watch, args, out) {
            Ok(0) => say_nothing_new(name, watch)?,
            Ok(_) => any_new = true,
            Err(err) => {
                writeln!(std::io::stderr().lock(), "dossier: watch `{name}`: {err:#}")?;
                failed = true;
            }
        }
    }
    // Recorded once printed: output that could not be written is not reported.
    out.flush()?;
    rewrite.commit(&watches)?;
    Ok(if failed {
        Status::Error
    } else if any_new {
        Status::Success
    } else {
        Status::NoHits
    })
}

/// The names to run: `name`, or every saved search.
fn selected(watches: &mut Watches, name: Option<&str>) -> Result<Vec<String>> {
    Ok(match name {
        Some(name) => {
            watches.get_mut(name)?;
            vec![name.to_string()]
        }
        None => watches.iter().map(|(name, _)| name.clone()).collect(),
    })
}

/// Runs one saved search, prints its new hits and records them; returns how
/// many were printed.
fn run_one(
    handle: &IndexHandle,
    name: &str,
    watch: &mut Watch,
    args: &WatchRunArgs,
    out: &mut Out,
) -> Result<usize> {
    let request = SearchRequest {
        query: watch.query.clone(),
        filters: super::filters(&watch.filter_args()?)?,
        // Near-duplicates are dropped, so each text it reported is one hit
        // at most: the best `reported + limit` hold `limit` new ones when the
        // search has them, and one more says whether others wait.
        limit: (watch.reported_count() + args.limit + 1).min(WINDOW),
        footnote_texts: args.json,
        ..SearchRequest::default()
    };
    let results = search(handle, &request)?;
    let seen = watch.seen();
    let mut new: Vec<&Hit> = results
        .hits
        .iter()
        .filter(|h| !seen.contains(&h.passage.doc, &h.passage.text))
        .collect();
    let more_wait = new.len() > args.limit;
    new.truncate(args.limit);
    if args.json {
        for hit in &new {
            let line = JsonWatchHit {
                watch: name,
                hit: JsonHit::of(hit, &results.expansions),
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
    } else if !new.is_empty() {
        write_group(out, name, watch, &new, more_wait)?;
    }
    if more_wait && args.json {
        writeln!(
            std::io::stderr().lock(),
            "dossier: watch `{name}`: more new hits than -n {} wait for the next run",
            args.limit
        )?;
    }
    for hit in &new {
        watch.record(&hit.passage.id, &hit.passage.text);
    }
    watch.last_run = Some(now());
    Ok(new.len())
}

/// A saved search's new hits under a line naming it.
fn write_group(
    out: &mut Out,
    name: &str,
    watch: &Watch,
    hits: &[&Hit],
    more_wait: bool,
) -> Result<()> {
    let count = if hits.len() == 1 {
        "1 new hit".to_string()
    } else {
        format!("{} new hits", hits.len())
    };
    let head = format!("{name} · {} · {count}", watch.described());
    writeln!(out, "{}", out.paint(Style::Bold, &head))?;
    for (i, hit) in hits.iter().enumerate() {
        write_hit(out, i + 1, hit, &[])?;
    }
    if more_wait {
        let line = format!("more new hits wait: `dossier watch run {name}` again, or raise -n");
        writeln!(out, "{}", out.paint(Style::Dim, &line))?;
        writeln!(out)?;
    }
    Ok(())
}

fn say_nothing_new(name: &str, watch: &Watch) -> Result<()> {
    writeln!(
        std::io::stderr().lock(),
        "dossier: watch `{name}`: nothing new ({} reported before)",
        watch.reported_count()
    )?;
    Ok(())
}

/// A new hit as JSON: a search hit (docs/json.md) and the saved search that
/// found it.
#[derive(Serialize)]
struct JsonWatchHit<'a> {
    watch: &'a str,
    #[serde(flatten)]
    hit: JsonHit<'a>,
}

//! `dossier watch`: saved searches that say what is new. This module finds
//! the file of saved searches and runs `add`, `list` and `remove`; `run` is
//! `watch_run`'s, the file itself `watch_store`'s.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use dossier::{SearchRequest, search};
use jiff::Timestamp;
use serde::Serialize;

use super::watch_store::{FILE_NAME, Rewrite, Watch, Watches};
use crate::args::{Cli, WatchAction, WatchAddArgs, WatchArgs};
use crate::exit::Status;
use crate::output::{Out, Style};

pub(crate) fn run(cli: &Cli, args: &WatchArgs, out: &mut Out) -> Result<Status> {
    let path = file(cli, args);
    match &args.action {
        WatchAction::Add(a) => add(cli, &path, a),
        WatchAction::List { json } => list(&path, *json, out),
        WatchAction::Run(a) => super::watch_run::run(cli, &path, a, out),
        WatchAction::Remove { name } => remove(&path, name),
    }
}

/// `--watches PATH`, else `watches.toml` in the index folder: beside the
/// generations, not inside one, so that every ingest keeps it.
fn file(cli: &Cli, args: &WatchArgs) -> PathBuf {
    args.watches
        .clone()
        .unwrap_or_else(|| cli.index_dir().join(FILE_NAME))
}

/// Saves a search once its name is free and it runs as `search` would.
fn add(cli: &Cli, path: &Path, args: &WatchAddArgs) -> Result<Status> {
    // The index first: at the default location, its first use builds it,
    // and the folder the file goes in with it.
    let handle = super::open(cli)?;
    let (rewrite, mut watches) = Rewrite::begin(path)?;
    let asked = &args.asked;
    let query = asked.query_text();
    watches.add(&args.name, Watch::new(query.clone(), &asked.filters)?)?;
    let request = SearchRequest {
        query,
        filters: super::filters(&asked.filters)?,
        limit: 1,
        ..SearchRequest::default()
    };
    let results = search(&handle, &request)?;
    rewrite.commit(&watches)?;
    let then = if results.hits.is_empty() {
        "nothing matches yet; `dossier watch run` will say when something does"
    } else {
        "`dossier watch run` prints what matches now, then only what is new"
    };
    writeln!(
        std::io::stderr().lock(),
        "dossier: saved watch `{}` in {}; {then}",
        args.name,
        path.display()
    )?;
    Ok(Status::Success)
}

fn list(path: &Path, json: bool, out: &mut Out) -> Result<Status> {
    let watches = Watches::load(path)?;
    if watches.is_empty() {
        say_none(path)?;
        return Ok(Status::NoHits);
    }
    for (name, w) in watches.iter() {
        if json {
            serde_json::to_writer(&mut *out, &JsonWatch::of(name, w))?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}  {}", out.paint(Style::Bold, name), w.described())?;
            let last = w.last_run.map_or_else(|| "never".into(), human_time);
            let line = format!(
                "added {} · last run {last} · {} reported",
                human_time(w.added),
                w.reported_count()
            );
            writeln!(out, "    {}", out.paint(Style::Dim, &line))?;
        }
    }
    Ok(Status::Success)
}

fn remove(path: &Path, name: &str) -> Result<Status> {
    // Read first, so that an unknown name is an error even where nothing can be written.
    Watches::load(path)?.remove(name)?;
    let (rewrite, mut watches) = Rewrite::begin(path)?;
    let gone = watches.remove(name)?;
    rewrite.commit(&watches)?;
    writeln!(
        std::io::stderr().lock(),
        "dossier: removed watch `{name}` ({}; {} reported)",
        gone.described(),
        gone.reported_count()
    )?;
    Ok(Status::Success)
}

/// That there is no saved search yet, and how to make one.
pub(crate) fn say_none(path: &Path) -> Result<()> {
    writeln!(
        std::io::stderr().lock(),
        "dossier: no saved search in {}; hint: `dossier watch add NAME QUERY [filters]`",
        path.display()
    )?;
    Ok(())
}

/// `2026-05-01 10:00 UTC`.
fn human_time(t: Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// A saved search as JSON (`watch list --json`).
#[derive(Serialize)]
struct JsonWatch<'a> {
    name: &'a str,
    query: &'a str,
    filters: Vec<String>,
    added: String,
    last_run: Option<String>,
    reported: usize,
}

impl<'a> JsonWatch<'a> {
    fn of(name: &'a str, w: &'a Watch) -> JsonWatch<'a> {
        JsonWatch {
            name,
            query: &w.query,
            filters: w.filter_words(),
            added: w.added.to_string(),
            last_run: w.last_run.map(|t| t.to_string()),
            reported: w.reported_count(),
        }
    }
}

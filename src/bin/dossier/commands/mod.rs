//! One module per subcommand; this one dispatches and holds what they share:
//! opening (or first building) the index, and turning filter flags into
//! library [`Filters`].

mod cite;
mod crosstab;
mod csv_out;
mod docs;
mod engine;
mod export;
mod extract;
mod facets;
mod hit;
mod ingest;
mod jsonl_out;
mod kwic;
mod library;
mod markdown_out;
mod render;
mod search;
mod shell;
mod show;
mod sources;
mod timeline;
mod watch;
mod watch_run;
mod watch_store;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use dossier::{DateEnd, Filters, IndexHandle, PassageKind, parse_added_since, parse_filter_date};

use crate::args::{Cli, Command, FilterArgs};
use crate::exit::Status;
use crate::output::Out;
pub(crate) use engine::Engine;

/// Runs the command line's subcommand.
pub(crate) fn run(cli: &Cli) -> Result<Status> {
    let pager = crate::pager::choose(
        cli.paging(),
        cli.config_pager.as_deref(),
        prints_for_people(&cli.command),
    );
    let mut out = Out::new(cli.color(), pager);
    let status = match &cli.command {
        Command::Ingest(a) => ingest::run(cli, a)?,
        Command::Completions(a) => shell::completions(a.shell, &mut out),
        Command::Man => shell::man(&mut out)?,
        Command::Add(a) => library::add(cli, a)?,
        Command::Remove(a) => library::remove(cli, a)?,
        Command::Update(a) => library::update(cli, a)?,
        Command::Search(a) => search::run(&open(cli)?, a, &mut out)?,
        Command::Show(a) => show::run(&open(cli)?, a, &mut out)?,
        Command::Cite(a) => cite::run(&open(cli)?, a, &mut out)?,
        Command::Facets(a) => facets::run(&open(cli)?, a, &mut out)?,
        Command::Docs(a) => docs::run(&open(cli)?, a, &mut out)?,
        Command::Export(a) => match a.engine {
            Some(engine) => {
                let default = PathBuf::from(format!("dossier-{}", engine.name()));
                engine::run(&open(cli)?, engine, a.out.as_deref().unwrap_or(&default))?
            }
            None => export::run(&open(cli)?, a, &mut out)?,
        },
        Command::Extract(a) => extract::run(a, cli.data.as_deref(), &mut out)?,
        Command::Timeline(a) => timeline::run(&open(cli)?, a, &mut out)?,
        Command::Sources(a) => sources::run(&open(cli)?, a, &mut out)?,
        Command::Watch(a) => watch::run(cli, a, &mut out)?,
        Command::Serve(a) => crate::serve::run(cli.index_dir(), open(cli)?, a)?,
        Command::Check => check(cli, &mut out)?,
        Command::Debug(a) => debug(a, &mut out)?,
    };
    out.flush()?;
    Ok(status)
}

/// Whether a command's output is read by people (and may go through the
/// pager): listings in their text form, not JSON, tables for other tools,
/// progress, or scripts.
fn prints_for_people(command: &Command) -> bool {
    match command {
        Command::Search(a) => !a.shown.json && a.table.format.is_none(),
        Command::Show(a) => !a.json,
        Command::Cite(a) => matches!(a.format, dossier::CiteFormat::Text),
        Command::Facets(a) => !a.json && a.format.is_none(),
        Command::Docs(a) => !a.json,
        Command::Timeline(a) => !a.json,
        Command::Sources(a) => !a.json,
        _ => false,
    }
}

/// `dossier check`: the damaged files of the index, one per line.
fn check(cli: &Cli, out: &mut Out) -> Result<Status> {
    let index = cli.index_dir();
    IndexHandle::open(index)?;
    let damaged = IndexHandle::damaged_files(index)?;
    if damaged.is_empty() {
        writeln!(
            std::io::stderr().lock(),
            "dossier: every file of {} is whole",
            index.display()
        )?;
        return Ok(Status::Success);
    }
    for f in &damaged {
        writeln!(out, "{}", f.display())?;
    }
    writeln!(
        std::io::stderr().lock(),
        "dossier: {} damaged file(s); hint: rebuild the index with `dossier ingest`",
        damaged.len()
    )?;
    Ok(Status::Error)
}

/// `dossier debug segment FILE`.
fn debug(args: &crate::args::DebugArgs, out: &mut Out) -> Result<Status> {
    if args.stage != "segment" {
        anyhow::bail!("unknown debug stage `{}`; hint: try `segment`", args.stage);
    }
    let bytes =
        std::fs::read(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    write!(out, "{}", dossier::debug_segment(&name, bytes))?;
    Ok(Status::Success)
}

/// Opens the index; at the default location only, builds it from the
/// bundled corpus first when nothing was ever ingested there. A read
/// command never writes anywhere else: a mistyped `--index` is an error, and
/// a broken index is an error that says how to recover it.
fn open(cli: &Cli) -> Result<IndexHandle> {
    let index = cli.index_dir();
    if cli.index_is_default() && !IndexHandle::exists(index)? {
        let mut err = std::io::stderr().lock();
        writeln!(
            err,
            "dossier: no index in {}: building it from the default corpus first…",
            index.display()
        )?;
        drop(err);
        ingest::build_default(index, cli.data.as_deref())?;
    }
    Ok(IndexHandle::open(index)?)
}

/// Converts filter flags into library filters, validating every value.
pub(crate) fn filters(args: &FilterArgs) -> Result<Filters> {
    let kinds = args
        .kind
        .iter()
        .map(|k| {
            k.parse::<PassageKind>()
                .map_err(|msg| dossier::Error::Filter {
                    flag: "--kind".into(),
                    value: k.clone(),
                    message: msg,
                })
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let mut dates = Vec::new();
    for y in &args.year {
        let from = parse_filter_date("--year", y, DateEnd::First)?;
        let to = parse_filter_date("--year", y, DateEnd::Last)?;
        if y.trim().len() != 4 {
            return Err(dossier::Error::Filter {
                flag: "--year".into(),
                value: y.clone(),
                message: "write a four-digit year, e.g. 2019".into(),
            }
            .into());
        }
        dates.push((from, to));
    }
    if args.from.is_some() || args.to.is_some() {
        dates.push(range(
            "--from",
            args.from.as_deref(),
            "--to",
            args.to.as_deref(),
        )?);
    }
    let published = if args.published_from.is_some() || args.published_to.is_some() {
        Some(range(
            "--published-from",
            args.published_from.as_deref(),
            "--published-to",
            args.published_to.as_deref(),
        )?)
    } else {
        None
    };
    Ok(Filters {
        kinds,
        docs: args.doc.clone(),
        countries: args.country.clone(),
        groups: args.group.clone(),
        affiliates: args.affiliates,
        places: args.place.clone(),
        persons: args.person.clone(),
        cites: args.cites.clone(),
        dates,
        published,
        added_since: args
            .added_since
            .as_deref()
            .map(|v| parse_added_since(v, jiff::Timestamp::now()))
            .transpose()?,
    })
}

/// An inclusive date range from two optional bounds.
fn range(
    from_flag: &str,
    from: Option<&str>,
    to_flag: &str,
    to: Option<&str>,
) -> Result<(jiff::civil::Date, jiff::civil::Date)> {
    let lo = match from {
        Some(v) => parse_filter_date(from_flag, v, DateEnd::First)?,
        None => jiff::civil::Date::MIN,
    };
    let hi = match to {
        Some(v) => parse_filter_date(to_flag, v, DateEnd::Last)?,
        None => jiff::civil::Date::MAX,
    };
    if lo > hi {
        return Err(dossier::Error::Filter {
            flag: from_flag.into(),
            value: from.unwrap_or_default().into(),
            message: format!("is after {to_flag} {}", to.unwrap_or_default()),
        }
        .into());
    }
    Ok((lo, hi))
}

//! `dossier extract`: the extractors on any text, from a file or stdin.

use std::io::{Read, Write};

use anyhow::{Context, Result};
use dossier::Dimension;
use dossier::extract::{DateContext, Extractor};

use crate::args::ExtractArgs;
use crate::exit::Status;
use crate::output::{Out, Style};

pub(crate) fn run(
    args: &ExtractArgs,
    data: Option<&std::path::Path>,
    out: &mut Out,
) -> Result<Status> {
    let text = read_input(&args.file)?;
    let reference = match &args.date {
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .map_err(|_| dossier::Error::Filter {
                    flag: "--date".into(),
                    value: d.clone(),
                    message: "not a date; write YYYY-MM-DD".into(),
                })?,
        ),
        None => None,
    };
    let extractor = match data {
        Some(dir) => Extractor::with_user_data(dir)?,
        None => Extractor::new()?,
    };
    let found = extractor.extract(
        &text,
        &DateContext {
            reference,
            ..DateContext::default()
        },
    );
    if args.json {
        serde_json::to_writer(&mut *out, &found)?;
        writeln!(out)?;
    } else {
        let rows = Dimension::ENTITIES
            .into_iter()
            .map(|d| (d.passage_field().unwrap_or(d.name()), found.values(d)))
            .chain([("dates", found.dates.as_slice())]);
        for (label, values) in rows {
            let label = out.paint(Style::Bold, &format!("{label:<9}"));
            writeln!(out, "{label} {}", values.join(", "))?;
        }
    }
    Ok(Status::Success)
}

fn read_input(path: &std::path::Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("standard input is not UTF-8 text")?;
        return Ok(s);
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}: not UTF-8 text; hint: convert it with `iconv -t UTF-8`",
            path.display()
        )
    })
}

//! `dossier facets`: how many matching passages mention each country, group,
//! …; with `--by`, a cross-tab of one dimension's values against another's.

use std::io::Write;

use anyhow::Result;
use dossier::{Dimension, IndexHandle, cross_tab, facets};

use super::crosstab;
use super::render::write_facets;
use crate::args::{CountsFormat, FacetsArgs, query_text};
use crate::exit::Status;
use crate::output::Out;
use crate::views::JsonFacet;

pub(crate) fn run(handle: &IndexHandle, args: &FacetsArgs, out: &mut Out) -> Result<Status> {
    let mut fields = Vec::new();
    for f in &args.field {
        fields.push(dimension("--field", f)?);
    }
    let filters = super::filters(&args.filters)?;
    let query = query_text(args.query.as_deref(), &args.more);
    let format = if args.json {
        Some(CountsFormat::Json)
    } else {
        args.format
    };
    if let Some(by) = &args.by {
        let by = dimension("--by", by)?;
        let rows = if fields.is_empty() {
            &Dimension::COUNTED[..]
        } else {
            &fields[..]
        };
        let tab = cross_tab(handle, &query, &filters, rows, by, args.top.max(1))?;
        match format {
            Some(CountsFormat::Csv) => crosstab::write_csv(out, &tab)?,
            Some(CountsFormat::Json) => crosstab::write_json(out, &tab)?,
            None => crosstab::write_table(out, &tab)?,
        }
        return Ok(Status::Success);
    }
    let mut counts = facets(handle, &query, &filters, args.top.max(1))?;
    if !fields.is_empty() {
        counts.retain(|c| fields.contains(&c.dim));
    }
    // Nothing counted is no match, as for search (exit code 1).
    if counts.iter().all(|c| c.count == 0) {
        writeln!(
            std::io::stderr().lock(),
            "dossier: no passage matches; hint: fewer words, or drop a filter"
        )?;
        return Ok(Status::NoHits);
    }
    match format {
        Some(CountsFormat::Json) => {
            for c in &counts {
                serde_json::to_writer(&mut *out, &JsonFacet::of(c))?;
                writeln!(out)?;
            }
        }
        Some(CountsFormat::Csv) => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(["facet", "value", "count"])?;
            for c in &counts {
                w.write_record([c.dim.name(), &c.value, &c.count.to_string()])?;
            }
            w.flush()?;
        }
        None => write_facets(out, &counts)?,
    }
    Ok(Status::Success)
}

/// A counted dimension named by `--field` or `--by`.
fn dimension(flag: &str, name: &str) -> Result<Dimension> {
    Dimension::parse(name)
        .filter(|d| Dimension::COUNTED.contains(d))
        .ok_or_else(|| {
            let known: Vec<&str> = Dimension::COUNTED.iter().map(|d| d.name()).collect();
            dossier::Error::Filter {
                flag: flag.into(),
                value: name.to_string(),
                message: format!("unknown facet; expected one of {}", known.join(", ")),
            }
            .into()
        })
}

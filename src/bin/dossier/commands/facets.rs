//! `dossier facets`: how many matching passages mention each country, group, …

use std::io::Write;

use anyhow::Result;
use dossier::{FACET_DIMENSIONS, FacetCount, IndexHandle, facets};

use super::search::JsonFacet;
use crate::args::FacetsArgs;
use crate::exit::Status;
use crate::output::{Out, Style};

pub(crate) fn run(handle: &IndexHandle, args: &FacetsArgs, out: &mut Out) -> Result<Status> {
    for f in &args.field {
        if !FACET_DIMENSIONS.contains(&f.as_str()) {
            return Err(dossier::Error::Filter {
                flag: "--field".into(),
                value: f.clone(),
                message: format!(
                    "unknown facet; expected one of {}",
                    FACET_DIMENSIONS.join(", ")
                ),
            }
            .into());
        }
    }
    let filters = super::filters(&args.filters)?;
    let mut counts = facets(handle, &args.query, &filters, args.top.max(1))?;
    if !args.field.is_empty() {
        counts.retain(|c| args.field.contains(&c.dim));
    }
    if args.json {
        for c in &counts {
            serde_json::to_writer(&mut *out, &JsonFacet::of(c))?;
            writeln!(out)?;
        }
    } else {
        write_human(out, &counts)?;
    }
    Ok(Status::Success)
}

/// One line per dimension: `country  TR 120 · ML 80 · FR 41`.
pub(crate) fn write_human(out: &mut Out, counts: &[FacetCount]) -> Result<()> {
    for dim in FACET_DIMENSIONS {
        let values: Vec<String> = counts
            .iter()
            .filter(|c| c.dim == dim)
            .map(|c| {
                format!(
                    "{} {}",
                    c.value,
                    out.paint(Style::Dim, &c.count.to_string())
                )
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        let label = out.paint(Style::Bold, &format!("{dim:<8}"));
        let indent = " ".repeat(9);
        let body = values.join(" · ");
        let mut lines = textwrap::wrap(
            &body,
            textwrap::Options::new(out.width.saturating_sub(9).max(20)),
        );
        let first = if lines.is_empty() {
            String::new()
        } else {
            lines.remove(0).into_owned()
        };
        writeln!(out, "{label} {first}")?;
        for l in lines {
            writeln!(out, "{indent}{l}")?;
        }
    }
    Ok(())
}

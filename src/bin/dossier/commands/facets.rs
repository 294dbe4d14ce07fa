//! `dossier facets`: how many matching passages mention each country, group, …

use std::io::Write;

use anyhow::Result;
use dossier::{Dimension, IndexHandle, facets};

use super::render::{JsonFacet, write_facets};
use crate::args::{FacetsArgs, query_text};
use crate::exit::Status;
use crate::output::Out;

pub(crate) fn run(handle: &IndexHandle, args: &FacetsArgs, out: &mut Out) -> Result<Status> {
    let mut fields = Vec::new();
    for f in &args.field {
        let Some(dim) = Dimension::parse(f).filter(|d| Dimension::COUNTED.contains(d)) else {
            let known: Vec<&str> = Dimension::COUNTED.iter().map(|d| d.name()).collect();
            return Err(dossier::Error::Filter {
                flag: "--field".into(),
                value: f.clone(),
                message: format!("unknown facet; expected one of {}", known.join(", ")),
            }
            .into());
        };
        fields.push(dim);
    }
    let filters = super::filters(&args.filters)?;
    let mut counts = facets(
        handle,
        &query_text(args.query.as_deref(), &args.more),
        &filters,
        args.top.max(1),
    )?;
    if !fields.is_empty() {
        counts.retain(|c| fields.contains(&c.dim));
    }
    if args.json {
        for c in &counts {
            serde_json::to_writer(&mut *out, &JsonFacet::of(c))?;
            writeln!(out)?;
        }
    } else {
        write_facets(out, &counts)?;
    }
    Ok(Status::Success)
}

//! Facet counts: how many passages matching a query carry each value of
//! each dimension (`dossier facets`, `search --facets`, the cross-tab).
//!
//! In: a tantivy query (or a query text and filters). Out: [`FacetCount`]s,
//! by dimension, most passages first (years in year order); a person or a
//! source spelled several ways in the library counted once.

use std::collections::BTreeMap;

use tantivy::collector::{Count, FacetCollector};
use tantivy::query::{BooleanQuery, Occur, Query};

use super::build::Juxtaposition;
use super::filter::{self, Filters};
use super::plan::{Matching, matching_all, plan};
use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::schema::name;
use crate::model::Dimension;

/// How many passages carry one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// Dimension.
    pub dim: Dimension,
    /// Value (`TR`).
    pub value: String,
    /// Matching passages with that value.
    pub count: u64,
}

/// Facet counts of the passages matching a query and filters (`dossier facets`).
pub fn facets(
    handle: &IndexHandle,
    query: &str,
    filters: &Filters,
    top: usize,
) -> Result<Vec<FacetCount>> {
    let plan = matching_all(handle, query, filters)?;
    facet_counts(handle, plan.matching().as_ref(), top)
}

/// How many passages `search` finds for a query and filters, per document,
/// most first (then by id): what `search --count` and `--docs` print. Near
/// duplicates count, as with `--duplicates`.
///
/// # Errors
/// A query or filter error, or an index failure.
pub fn hits_by_doc(
    handle: &IndexHandle,
    query: &str,
    filters: &Filters,
    matching: Matching,
) -> Result<Vec<(String, u64)>> {
    let plan = plan(handle, query, filters, Juxtaposition::Ranked, matching)?;
    let mut collector = FacetCollector::for_field(name::FACETS);
    let doc = format!("/{}", Dimension::Doc);
    collector.add_facet(doc.as_str());
    let counts = handle
        .searcher
        .search(plan.matching().as_ref(), &collector)?;
    let mut out: Vec<(String, u64)> = counts
        .get(doc.as_str())
        .filter_map(|(facet, n)| Some(((*facet.to_path().last()?).to_string(), n)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

pub(crate) fn facet_counts(
    handle: &IndexHandle,
    query: &dyn Query,
    top: usize,
) -> Result<Vec<FacetCount>> {
    let mut collector = FacetCollector::for_field(name::FACETS);
    for dim in Dimension::COUNTED {
        collector.add_facet(format!("/{dim}").as_str());
    }
    let counts = handle.searcher.search(query, &collector)?;
    let mut out = Vec::new();
    for dim in Dimension::COUNTED {
        let mut values: Vec<FacetCount> = counts
            .get(format!("/{dim}").as_str())
            .map(|(facet, count)| FacetCount {
                dim,
                value: facet
                    .to_path()
                    .last()
                    .map(|s| (*s).to_string())
                    .unwrap_or_default(),
                count,
            })
            .collect();
        if matches!(dim, Dimension::Person | Dimension::Cites) {
            values = merge_spellings(handle, query, values)?;
        }
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        values.truncate(top);
        if dim == Dimension::Year {
            values.sort_by(|a, b| a.value.cmp(&b.value));
        }
        out.extend(values);
    }
    Ok(out)
}

/// Counts a person or a source once under its canonical spelling: names
/// the library spells several ways are counted together (passages with two
/// spellings once, by a count of either).
fn merge_spellings(
    handle: &IndexHandle,
    query: &dyn Query,
    values: Vec<FacetCount>,
) -> Result<Vec<FacetCount>> {
    let aliases = handle.aliases();
    let mut by_person: BTreeMap<String, Vec<FacetCount>> = BTreeMap::new();
    for v in values {
        let canonical = aliases
            .resolve(v.dim, &v.value)
            .unwrap_or_else(|| v.value.clone());
        by_person.entry(canonical).or_default().push(v);
    }
    let mut out = Vec::with_capacity(by_person.len());
    for (canonical, spellings) in by_person {
        let dim = spellings[0].dim;
        let count = if spellings.len() == 1 {
            spellings[0].count
        } else {
            let either = BooleanQuery::new(vec![
                (Occur::Must, query.box_clone()),
                (
                    Occur::Must,
                    filter::entity_query(&handle.fields, aliases, dim, &canonical),
                ),
            ]);
            handle.searcher.search(&either, &Count)? as u64
        };
        out.push(FacetCount {
            dim,
            value: canonical,
            count,
        });
    }
    Ok(out)
}

//! Cross-tabulation: how many matching passages carry each pair of values of
//! two dimensions (`facets --by doc`: groups per report).
//!
//! In: a query, filters, the row dimensions and the column dimension. Out: a
//! [`CrossTab`]. The column values and the row totals are the facet counts of
//! the matching passages; each column's cells are the facet counts of the
//! matching passages that carry the column's value, one facet collection per
//! column.

use std::collections::HashMap;

use tantivy::query::{BooleanQuery, Occur, Query};

use super::counts::{FacetCount, facet_counts};
use super::filter::{Filters, entity_query};
use super::plan::matching_all;
use crate::error::Result;
use crate::index::IndexHandle;
use crate::model::Dimension;

/// Counts of passages by a row value and a column value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossTab {
    /// The column dimension.
    pub by: Dimension,
    /// Every value of the column dimension among the matching passages, with
    /// how many carry it; most passages first (years in year order).
    pub columns: Vec<FacetCount>,
    /// The row values, with how many matching passages carry each (the
    /// facet count: a passage counted once, whatever its columns).
    pub rows: Vec<FacetCount>,
    /// `cells[row][column]`: passages carrying both values.
    pub cells: Vec<Vec<u64>>,
}

/// The cross-tab of the passages matching `query` and `filters`: the `top`
/// values of each of the `rows` dimensions (those `facets --top` lists)
/// against every value of `by`.
pub fn cross_tab(
    handle: &IndexHandle,
    query: &str,
    filters: &Filters,
    rows: &[Dimension],
    by: Dimension,
    top: usize,
) -> Result<CrossTab> {
    let plan = matching_all(handle, query, filters)?;
    let matching = plan.matching();
    let overall = facet_counts(handle, matching.as_ref(), usize::MAX)?;
    let columns: Vec<FacetCount> = overall.iter().filter(|c| c.dim == by).cloned().collect();
    // The rows are what `facets --top` lists, in its order.
    let mut row_values = facet_counts(handle, matching.as_ref(), top)?;
    row_values.retain(|c| rows.contains(&c.dim));
    let mut cells = vec![vec![0; columns.len()]; row_values.len()];
    let aliases = handle.aliases();
    for (j, column) in columns.iter().enumerate() {
        let both = BooleanQuery::new(vec![
            (Occur::Must, matching.box_clone()),
            (
                Occur::Must,
                entity_query(&handle.fields, aliases, by, &column.value),
            ),
        ]);
        let inside: HashMap<(Dimension, String), u64> =
            facet_counts(handle, &both as &dyn Query, usize::MAX)?
                .into_iter()
                .map(|c| ((c.dim, c.value), c.count))
                .collect();
        for (i, row) in row_values.iter().enumerate() {
            cells[i][j] = inside
                .get(&(row.dim, row.value.clone()))
                .copied()
                .unwrap_or(0);
        }
    }
    Ok(CrossTab {
        by,
        columns,
        rows: row_values,
        cells,
    })
}

//! Cited sources: which outlets and works the matching passages cite, counted.
//!
//! In: a query and filters. Out: one [`SourceCount`] per outlet (folded, so
//! `Al-Zallaqa` and `al-Zallaqa` are one, and the spellings the index
//! takes as one source together: `AFP`, `Agence France-Presse`), with the number of passages citing
//! it directly (footnotes, and timeline items naming their source) and the
//! works cited from it. Passages only inheriting a source from their
//! footnotes are not counted again.

use std::collections::HashMap;

use tantivy::Term;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};

use super::filter::Filters;
use super::plan::matching_all;
use crate::error::Result;
use crate::fold::alias_key;
use crate::index::IndexHandle;
use crate::model::Dimension;

/// How often one outlet is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount {
    /// The outlet, publisher or interviewing body.
    pub source: String,
    /// Passages citing it directly.
    pub count: usize,
    /// Titled works cited from it, with how many passages cite each, most cited first.
    pub works: Vec<(String, usize)>,
}

/// The sources cited by the passages matching a query and filters, most cited first.
///
/// # Errors
/// A query or filter error, or an index failure.
pub fn sources(handle: &IndexHandle, query: &str, filters: &Filters) -> Result<Vec<SourceCount>> {
    let plan = matching_all(handle, query, filters)?;
    let cites_anything = TermQuery::new(
        Term::from_facet(
            handle.fields.facets,
            &Facet::from_path([Dimension::Cites.name()]),
        ),
        IndexRecordOption::Basic,
    );
    let q = BooleanQuery::new(vec![
        (Occur::Must, plan.matching()),
        (Occur::Must, Box::new(cites_anything) as Box<dyn Query>),
    ]);
    let mut addrs: Vec<_> = handle
        .searcher
        .search(&q, &DocSetCollector)?
        .into_iter()
        .collect();
    addrs.sort_unstable();
    let aliases = handle.aliases();
    let mut by_key: HashMap<String, Tally> = HashMap::new();
    for addr in addrs {
        let passage = handle.passage_at(addr)?;
        let mut counted: Vec<String> = Vec::new();
        for c in &passage.citations {
            // One source the library writes several ways counts once.
            let canonical = aliases.resolve(Dimension::Cites, &c.source);
            let key = alias_key(canonical.as_deref().unwrap_or(&c.source));
            let tally = by_key.entry(key.clone()).or_default();
            *tally.spellings.entry(c.source.clone()).or_insert(0) += 1;
            if !counted.contains(&key) {
                tally.passages += 1;
                counted.push(key);
            }
            if let Some(t) = &c.title {
                *tally.works.entry(t.clone()).or_insert(0) += 1;
            }
        }
    }
    let mut out: Vec<SourceCount> = by_key.into_values().map(Tally::into_count).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.source.cmp(&b.source)));
    Ok(out)
}

#[derive(Debug, Default)]
struct Tally {
    passages: usize,
    spellings: HashMap<String, usize>,
    works: HashMap<String, usize>,
}

impl Tally {
    fn into_count(self) -> SourceCount {
        let source = self
            .spellings
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(s, _)| s)
            .unwrap_or_default();
        let mut works: Vec<(String, usize)> = self.works.into_iter().collect();
        works.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        SourceCount {
            source,
            count: self.passages,
            works,
        }
    }
}

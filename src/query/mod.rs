//! Searching: a query and filters → ranked hits with snippets and footnotes.
//!
//! In: a [`SearchRequest`] and an opened [`IndexHandle`]. Out: [`SearchResults`]
//! (the hits of the requested page, the total, facet counts if asked). Rendering
//! is the binary's job.

mod browse;
mod filter;
mod snippet;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser};

use crate::index::IndexHandle;
use crate::{Error, Passage, Result};

pub use browse::{InContext, for_each_passage, in_context};
pub use filter::{DateEnd, Filters, parse_filter_date};
pub use snippet::Snippet;

/// Facet dimensions, in the order they are printed.
pub const FACET_DIMENSIONS: [&str; 8] = [
    "kind", "doc", "country", "group", "place", "person", "year", "cites",
];

/// How much a match in the heading path weighs against one in the text.
const SECTION_BOOST: f32 = 1.5;

/// What to search for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text; empty means every passage that passes the filters.
    pub query: String,
    /// Filters.
    pub filters: Filters,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Whether to count facets.
    pub facets: bool,
}

/// One ranked passage.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The passage.
    pub passage: Passage,
    /// Relevance score.
    pub score: f32,
    /// The best fragment of the text with the matched words marked.
    pub snippet: Snippet,
    /// Bodies of the footnotes the passage cites, in order.
    pub footnote_texts: Vec<String>,
}

/// How many passages carry one facet value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    /// Dimension (`country`).
    pub dim: String,
    /// Value (`TR`).
    pub value: String,
    /// Matching passages with that value.
    pub count: u64,
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Matching passages in all.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Facet counts (empty unless asked), by dimension then count.
    pub facets: Vec<FacetCount>,
}

/// Runs a search.
///
/// # Errors
/// A query that does not parse ([`Error::Query`]), or an index failure.
pub fn search(handle: &IndexHandle, req: &SearchRequest) -> Result<SearchResults> {
    let text_query = parse(handle, &req.query)?;
    let query = with_filters(handle, text_query.box_clone(), &req.filters);
    let searcher = &handle.searcher;
    let total = searcher.search(&query, &Count)?;
    let limit = req.limit.max(1);
    let top = searcher.search(
        &query,
        &TopDocs::with_limit(limit)
            .and_offset(req.offset)
            .order_by_score(),
    )?;
    let snippets = snippet::Snippets::new(handle, text_query.as_ref())?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, addr) in top {
        let passage = handle.passage_at(addr)?;
        let snippet = snippets.of(&passage.text);
        let footnote_texts = footnote_texts(handle, &passage)?;
        hits.push(Hit {
            passage,
            score,
            snippet,
            footnote_texts,
        });
    }
    let facets = if req.facets {
        facet_counts(handle, query.as_ref(), usize::MAX)?
    } else {
        Vec::new()
    };
    Ok(SearchResults {
        total,
        hits,
        facets,
    })
}

/// Facet counts of the passages matching a query and filters (`dossier facets`).
pub fn facets(
    handle: &IndexHandle,
    query: &str,
    filters: &Filters,
    top: usize,
) -> Result<Vec<FacetCount>> {
    let q = with_filters(handle, parse(handle, query)?, filters);
    facet_counts(handle, q.as_ref(), top)
}

fn parse(handle: &IndexHandle, query: &str) -> Result<Box<dyn Query>> {
    if query.trim().is_empty() {
        return Ok(Box::new(AllQuery));
    }
    let f = &handle.fields;
    let mut parser = QueryParser::for_index(&handle.index, vec![f.text, f.section]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.section, SECTION_BOOST);
    parser.parse_query(query).map_err(|e| Error::Query {
        message: e.to_string(),
        column: 1,
        query: query.to_string(),
        caret: "^".to_string(),
    })
}

fn with_filters(handle: &IndexHandle, query: Box<dyn Query>, filters: &Filters) -> Box<dyn Query> {
    let clauses = filters.clauses(&handle.fields);
    if clauses.is_empty() {
        return query;
    }
    let mut all = vec![(Occur::Must, query)];
    all.extend(clauses.into_iter().map(|c| (Occur::Must, c)));
    Box::new(BooleanQuery::new(all))
}

fn footnote_texts(handle: &IndexHandle, passage: &Passage) -> Result<Vec<String>> {
    passage
        .footnotes
        .iter()
        .map(|id| handle.passage(id).map(|p| p.text))
        .collect()
}

fn facet_counts(handle: &IndexHandle, query: &dyn Query, top: usize) -> Result<Vec<FacetCount>> {
    let mut collector = FacetCollector::for_field("facets");
    for dim in FACET_DIMENSIONS {
        collector.add_facet(format!("/{dim}").as_str());
    }
    let counts = handle.searcher.search(query, &collector)?;
    let mut out = Vec::new();
    for dim in FACET_DIMENSIONS {
        let mut values: Vec<FacetCount> = counts
            .get(format!("/{dim}").as_str())
            .map(|(facet, count)| FacetCount {
                dim: dim.to_string(),
                value: facet
                    .to_path()
                    .last()
                    .map(|s| (*s).to_string())
                    .unwrap_or_default(),
                count,
            })
            .collect();
        if dim == "year" {
            values.sort_by(|a, b| a.value.cmp(&b.value));
        } else {
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        values.truncate(top);
        out.extend(values);
    }
    Ok(out)
}

//! Searching: a query and filters → ranked hits with snippets and footnotes.
//!
//! In: a [`SearchRequest`] and an opened [`IndexHandle`]. Out: [`SearchResults`]
//! (the hits of the requested page, the total, facet counts if asked).
//! `parse` reads the query language, `build` turns it into tantivy queries,
//! `filter` adds the filters; ranking is BM25 weighted by passage kind, with
//! near-identical passages shown once. Rendering is the binary's job.

mod aliases;
mod browse;
mod build;
mod filter;
mod parse;

mod snippet;
mod sources;
mod timeline;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::{DocAddress, DocId, Score, SegmentReader};

use crate::index::IndexHandle;
use crate::index::simhash;
use crate::index::write::kind_code;
use crate::{Error, Passage, PassageKind, Result};

pub(crate) use aliases::Aliases;
pub use browse::{InContext, for_each_passage, in_context};
use build::{Builder, Highlight, Juxtaposition};
pub use filter::{DateEnd, Filters, parse_filter_date};
pub use snippet::Snippet;
pub use sources::{SourceCount, sources};
pub use timeline::{Timeline, TimelineEntry, TimelineRequest, timeline};

/// Facet dimensions, in the order they are printed.
pub const FACET_DIMENSIONS: [&str; 8] = [
    "kind", "doc", "country", "group", "place", "person", "year", "cites",
];

/// Score factors per passage kind: a footnote that names a source should not
/// outrank the paragraph stating the fact, nor a bare heading the text under it.
const KIND_WEIGHTS: [(PassageKind, f32); 5] = [
    (PassageKind::Paragraph, 1.0),
    (PassageKind::Event, 1.0),
    (PassageKind::Caption, 0.8),
    (PassageKind::Heading, 0.7),
    (PassageKind::Footnote, 0.5),
];

/// Hits whose simhashes differ in at most this many bits are the same passage twice.
const NEAR_DUPLICATE_BITS: u32 = 6;
/// Extra hits fetched so that dropping near-duplicates still fills a page.
const DUPLICATE_SLACK: usize = 10;
/// Most hits ranked to fill a page with distinct passages: a corpus holding
/// hundreds of copies of one report gets a short page rather than a slow one.
const MAX_CANDIDATES: usize = 2_000;
/// How much the candidate list grows when duplicates left the page short.
const CANDIDATE_GROWTH: usize = 10;

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
    /// Whether to keep near-identical passages.
    pub duplicates: bool,
    /// Whether to fetch the bodies of the footnotes each hit cites
    /// ([`Hit::footnote_texts`]; the JSON output needs them, a listing not).
    pub footnote_texts: bool,
}

/// One ranked passage.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The passage.
    pub passage: Passage,
    /// Relevance score.
    pub score: f32,
    /// The sentences that best show the match, matched words located.
    pub snippet: Snippet,
    /// Bodies of the footnotes the passage cites, in order (when asked for).
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

/// A query ready to run: the tantivy query and what snippets should mark.
struct Plan {
    query: Box<dyn Query>,
    highlight: Highlight,
}

/// Runs a search.
///
/// # Errors
/// A query that does not parse ([`Error::Query`]), a filter value that names
/// nothing known ([`Error::Filter`]), or an index failure.
pub fn search(handle: &IndexHandle, req: &SearchRequest) -> Result<SearchResults> {
    let node = parse_query(&req.query)?;
    let plan = plan(
        handle,
        &req.query,
        node.as_ref(),
        &req.filters,
        Juxtaposition::Ranked,
    )?;
    let footnotes_asked = req.filters.kinds.contains(&PassageKind::Footnote);
    let wanted = req.offset + req.limit.max(1);
    // One pass counts the matches and ranks the first ones; more passes only
    // when near-duplicates left the page short.
    let mut n = if req.duplicates {
        wanted
    } else {
        wanted + DUPLICATE_SLACK
    };
    let (total, mut ranked) = rank(handle, plan.query.as_ref(), n, footnotes_asked)?;
    let unique = if req.duplicates {
        ranked
    } else {
        loop {
            let fetched = ranked.len();
            let unique = drop_near_duplicates(handle, ranked, wanted)?;
            if unique.len() >= wanted || fetched < n || n >= MAX_CANDIDATES {
                break unique;
            }
            n = (n * CANDIDATE_GROWTH).min(MAX_CANDIDATES);
            ranked = rank(handle, plan.query.as_ref(), n, footnotes_asked)?.1;
        }
    };
    let mut snippets = snippet::Snippets::new(plan.highlight);
    let mut hits = Vec::new();
    for (score, addr) in unique.into_iter().skip(req.offset).take(req.limit.max(1)) {
        let passage = handle.passage_at(addr)?;
        let snippet = snippets.of(&passage.text);
        let footnote_texts = if req.footnote_texts {
            footnote_texts(handle, &passage)?
        } else {
            Vec::new()
        };
        hits.push(Hit {
            passage,
            score,
            snippet,
            footnote_texts,
        });
    }
    let facets = if req.facets {
        facet_counts(handle, plan.query.as_ref(), usize::MAX)?
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
    let node = parse_query(query)?;
    let plan = plan(handle, query, node.as_ref(), filters, Juxtaposition::All)?;
    facet_counts(handle, plan.query.as_ref(), top)
}

fn parse_query(query: &str) -> Result<Option<parse::Node>> {
    parse::parse(query).map_err(|e| query_error(query, e.at, &e.message))
}

/// A query error pointing at a byte offset of the query.
fn query_error(query: &str, at: usize, message: &str) -> Error {
    let column = query[..at.min(query.len())].chars().count();
    Error::Query {
        message: message.to_string(),
        column: column + 1,
        query: query.to_string(),
        caret: format!("{}^", " ".repeat(column)),
    }
}

fn plan(
    handle: &IndexHandle,
    text: &str,
    node: Option<&parse::Node>,
    filters: &Filters,
    how: Juxtaposition,
) -> Result<Plan> {
    let aliases = handle.aliases();
    let mut builder = Builder::new(&handle.fields, aliases, how);
    let text_query = match node {
        Some(n) => builder
            .build(n)
            .map_err(|e| query_error(text, e.at, &e.message))?,
        None => None,
    };
    let text_query: Box<dyn Query> = text_query.unwrap_or_else(|| Box::new(AllQuery));
    let clauses = filters.clauses(&handle.fields, aliases)?;
    let query: Box<dyn Query> = if clauses.is_empty() {
        text_query
    } else {
        let mut all = vec![(Occur::Must, text_query)];
        all.extend(clauses.into_iter().map(|c| (Occur::Must, c)));
        Box::new(BooleanQuery::new(all))
    };
    Ok(Plan {
        query,
        highlight: builder.highlight,
    })
}

/// How many passages match, and the top `n`, BM25 weighted by passage kind.
fn rank(
    handle: &IndexHandle,
    query: &dyn Query,
    n: usize,
    footnotes_asked: bool,
) -> Result<(usize, Vec<(Score, DocAddress)>)> {
    let weights: Vec<f32> = PassageKind::ALL
        .iter()
        .map(|k| {
            let w = KIND_WEIGHTS
                .iter()
                .find(|(kind, _)| kind == k)
                .map_or(1.0, |(_, w)| *w);
            if *k == PassageKind::Footnote && footnotes_asked {
                1.0
            } else {
                w
            }
        })
        .collect();
    let collector = TopDocs::with_limit(n.max(1)).tweak_score(move |reader: &SegmentReader| {
        let kinds = reader
            .fast_fields()
            .u64("kind")
            .map(|c| c.first_or_default_col(kind_code(PassageKind::Paragraph)));
        let weights = weights.clone();
        move |doc: DocId, score: Score| {
            let k = kinds.as_ref().map_or(0, |c| c.get_val(doc));
            score
                * weights
                    .get(usize::try_from(k).unwrap_or(0))
                    .copied()
                    .unwrap_or(1.0)
        }
    });
    Ok(handle.searcher.search(query, &(Count, collector))?)
}

/// Keeps the first of hits whose texts are near-identical, up to `wanted` hits.
fn drop_near_duplicates(
    handle: &IndexHandle,
    hits: Vec<(Score, DocAddress)>,
    wanted: usize,
) -> Result<Vec<(Score, DocAddress)>> {
    let mut columns = std::collections::HashMap::new();
    let mut kept: Vec<((Score, DocAddress), u64)> = Vec::with_capacity(wanted);
    for (score, addr) in hits {
        if kept.len() >= wanted {
            break;
        }
        let column = match columns.entry(addr.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(
                handle
                    .searcher
                    .segment_reader(addr.segment_ord)
                    .fast_fields()
                    .u64("simhash")?
                    .first_or_default_col(0),
            ),
        };
        let hash = column.get_val(addr.doc_id);
        if kept
            .iter()
            .any(|(_, h)| simhash::distance(*h, hash) <= NEAR_DUPLICATE_BITS)
        {
            continue;
        }
        kept.push(((score, addr), hash));
    }
    Ok(kept.into_iter().map(|(h, _)| h).collect())
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
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        values.truncate(top);
        if dim == "year" {
            values.sort_by(|a, b| a.value.cmp(&b.value));
        }
        out.extend(values);
    }
    Ok(out)
}

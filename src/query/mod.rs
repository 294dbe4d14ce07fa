//! Searching: a query and filters → ranked hits with snippets and footnotes.
//!
//! In: a [`SearchRequest`] and an opened [`IndexHandle`]. Out: [`SearchResults`]
//! (the hits of the requested page, the total, facet counts if asked).
//! `parse` reads the query language, `build` turns it into tantivy queries,
//! `filter` adds the filters; ranking is BM25 weighted by passage kind, with
//! near-identical passages shown once. Rendering is the binary's job.

mod any_of;
mod browse;
mod build;
mod candidates;
mod counts;
mod crosstab;
mod distinct;
mod exclusion;
mod expand;
mod filter;
mod lex;
mod parse;
mod plan;
mod snippet;
mod sources;
mod timeline;
#[cfg(test)]
mod tiny_index;

use tantivy::Score;
use tantivy::collector::Count;

use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::simhash;
use crate::model::{Passage, PassageKind};

pub use browse::{InContext, for_each_matching_passage, for_each_passage, in_context};
use build::{Juxtaposition, Tier};
use distinct::{Candidate, Columns, DistinctTop};
pub use filter::{DateEnd, Filters, parse_added_since, parse_filter_date};
use plan::plan;

/// The query parser, for the fuzz targets.
#[cfg(test)]
pub(crate) fn parse_query(
    text: &str,
) -> std::result::Result<Option<parse::Node>, parse::SyntaxError> {
    parse::parse(text)
}
use counts::facet_counts;
pub use counts::{FacetCount, facets, hits_by_doc};
pub use crosstab::{CrossTab, cross_tab};
pub use expand::{Expansion, ExpansionKind};
pub use plan::Matching;
pub use snippet::Snippet;
pub use sources::{SourceCount, sources};
pub use timeline::{Timeline, TimelineEntry, TimelineRequest, timeline};

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
/// Most hits ranked to fill a page with distinct passages: texts that are
/// near-identical without being identical rarely number more.
const MAX_CANDIDATES: usize = 2_000;
/// How much the candidate list grows when near-duplicates left the page short.
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
    /// How literally the query's words are taken.
    pub matching: Matching,
    /// Whether to fetch the bodies of the footnotes each hit cites
    /// ([`Hit::footnote_texts`]; the JSON output needs them, a listing not).
    pub footnote_texts: bool,
}

/// One ranked passage.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The passage.
    pub passage: Passage,
    /// Relevance score within the hit's tier: hits come in tier order (all
    /// the words, then some of them), so a later hit may score higher.
    pub score: f32,
    /// The sentences that best show the match, matched words located.
    pub snippet: Snippet,
    /// Byte ranges of every matched word in the passage's text, in order
    /// (the snippet's highlights are those inside the sentences it shows).
    pub matches: Vec<std::ops::Range<usize>>,
    /// Bodies of the footnotes the passage cites, in order (when asked for).
    pub footnote_texts: Vec<String>,
    /// Which of [`SearchResults::expansions`] the passage matched (indices).
    pub expansions: Vec<usize>,
}

/// A page of results.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Matching passages counted: all of them, or, when `counted_all` is
    /// false, those with all the words.
    pub total: usize,
    /// Whether `total` counts every matching passage. Passages with only
    /// some of the query's words are counted only when the page reaches them.
    pub counted_all: bool,
    /// How many passages have all the words, when the query's words were
    /// ranked all-words-first (a query of several plain words).
    pub with_all_words: Option<usize>,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Facet counts (empty unless asked), by dimension then count.
    pub facets: Vec<FacetCount>,
    /// How the query's words were widened: other spellings, compounds,
    /// typos (only for words the index lacks), entity names.
    pub expansions: Vec<Expansion>,
    /// With exact matching, each typed word no passage has, with the
    /// closest word the index has ("did you mean").
    pub suggestions: Vec<(String, String)>,
}

/// Runs a search.
///
/// # Errors
/// A query that does not parse ([`Error::Query`](crate::Error::Query)), a filter value that names
/// nothing known ([`Error::Filter`](crate::Error::Filter)), or an index failure.
pub fn search(handle: &IndexHandle, req: &SearchRequest) -> Result<SearchResults> {
    let plan = plan(
        handle,
        &req.query,
        &req.filters,
        Juxtaposition::Ranked,
        req.matching,
    )?;
    let weights = kind_weights(req.filters.kinds.contains(&PassageKind::Footnote));
    let wanted = req.offset.saturating_add(req.limit.max(1));
    let mut page = Page::new(wanted, !req.duplicates);
    // Passages matched by each tier reached, in order.
    let mut counts = Vec::with_capacity(plan.tiers.len());
    for tier in &plan.tiers {
        if page.is_full() {
            break;
        }
        let (count, exhausted) = page.fill_from(handle, tier, &weights)?;
        counts.push(count);
        if !exhausted {
            // Later tiers rank after every match of this one.
            break;
        }
    }
    let unique = page.kept;
    let mut snippets = snippet::Snippets::new(plan.highlight.clone());
    let mut hits = Vec::new();
    let mut stemmer = crate::index::schema::analyzer();
    for (score, addr, _) in unique.into_iter().skip(req.offset).take(req.limit.max(1)) {
        let passage = handle.passage_at(addr)?;
        let (snippet, matches) = snippets.of(&passage.text);
        let footnote_texts = if req.footnote_texts {
            footnote_texts(handle, &passage)?
        } else {
            Vec::new()
        };
        let expansions = matched_expansions(&plan.expansions, &passage, &mut stemmer);
        hits.push(Hit {
            passage,
            score,
            snippet,
            matches,
            footnote_texts,
            expansions,
        });
    }
    let facets = if req.facets {
        facet_counts(handle, plan.matching().as_ref(), usize::MAX)?
    } else {
        Vec::new()
    };
    Ok(SearchResults {
        total: counts.iter().sum(),
        counted_all: counts.len() == plan.tiers.len(),
        with_all_words: plan.all_words_tiers.map(|n| counts.iter().take(n).sum()),
        hits,
        facets,
        expansions: plan.expansions,
        suggestions: plan.suggestions,
    })
}

/// The expansions a passage matched, as indices.
fn matched_expansions(
    expansions: &[Expansion],
    passage: &Passage,
    stemmer: &mut tantivy::tokenizer::TextAnalyzer,
) -> Vec<usize> {
    if expansions.is_empty() {
        return Vec::new();
    }
    // Stemming the passage is the cost here: only when a widening needs it.
    let stems: std::collections::HashSet<String> = if expansions.iter().any(Expansion::needs_stems)
    {
        crate::index::schema::tokens(stemmer, &passage.text)
            .into_iter()
            .collect()
    } else {
        std::collections::HashSet::new()
    };
    (0..expansions.len())
        .filter(|&i| expansions[i].matched_by(passage, &stems))
        .collect()
}

/// Score factor per kind code: a footnote keeps its full score when footnotes
/// were asked for.
fn kind_weights(footnotes_asked: bool) -> Vec<Score> {
    PassageKind::ALL
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
        .collect()
}

/// The hits of a page being filled, tier after tier, one per text.
struct Page {
    wanted: usize,
    /// Whether near-identical passages are dropped.
    distinct: bool,
    /// Kept hits with their simhashes, in rank order.
    kept: Vec<Candidate>,
    /// The ranking columns, opened once for all the passes of the search.
    columns: Columns,
}

impl Page {
    fn new(wanted: usize, distinct: bool) -> Page {
        Page {
            wanted,
            distinct,
            columns: Columns::default(),
            kept: Vec::with_capacity(wanted.min(MAX_CANDIDATES)),
        }
    }

    fn is_full(&self) -> bool {
        self.kept.len() >= self.wanted
    }

    /// Ranks a tier's matches into the page. Returns how many passages the
    /// tier matches and whether all of them were ranked (so the next tier
    /// may follow).
    fn fill_from(
        &mut self,
        handle: &IndexHandle,
        tier: &Tier,
        weights: &[Score],
    ) -> Result<(usize, bool)> {
        let before = self.kept.len();
        let mut n = (self.wanted - before).saturating_add(DUPLICATE_SLACK);
        let mut first = None;
        loop {
            let (count, ranked) = self.rank(handle, tier, weights, n, &mut first)?;
            let ranked_all = ranked.len() < n;
            self.kept.truncate(before);
            self.keep(ranked);
            if self.is_full() || ranked_all || n >= MAX_CANDIDATES {
                return Ok((count, ranked_all));
            }
            n = (n * CANDIDATE_GROWTH).min(MAX_CANDIDATES);
        }
    }

    /// How many passages a tier matches, and its `n` best distinct ones: in
    /// two stages when it matches many (see `candidates`), else in full.
    /// `first` keeps the first stage between calls: a page that needs more
    /// candidates (near-duplicates dropped) re-scores them, and counts and
    /// scores every match again only when it needs more than were pooled.
    fn rank(
        &self,
        handle: &IndexHandle,
        tier: &Tier,
        weights: &[Score],
        n: usize,
        first: &mut Option<FirstStage>,
    ) -> Result<(usize, Vec<Candidate>)> {
        let collector = DistinctTop::new(n, weights.to_vec(), self.distinct, &self.columns);
        let pool = n.max(candidates::CANDIDATES);
        let searcher = &handle.searcher;
        let stage = match first.take() {
            Some(stage) if stage.pool >= pool => stage,
            _ => {
                // Counted in the same pass that scores every match by its words.
                let wide = DistinctTop::new(pool, weights.to_vec(), self.distinct, &self.columns);
                let (count, pooled) = searcher.search(tier.core.as_ref(), &(Count, wide))?;
                FirstStage {
                    pool,
                    count,
                    pooled: best(pooled),
                }
            }
        };
        let count = stage.count;
        let ranked = if count <= stage.pool {
            // Few matches: all of them scored in full is cheap.
            best(searcher.search(tier.query.as_ref(), &collector)?)
        } else {
            let ranked =
                candidates::rescore(searcher, tier.query.as_ref(), &stage.pooled, &collector)?;
            if ranked.len() >= n || stage.pooled.len() < stage.pool {
                // The page, or every distinct text the tier has.
                ranked
            } else {
                best(searcher.search(tier.query.as_ref(), &collector)?)
            }
        };
        *first = Some(stage);
        Ok((count, ranked))
    }

    /// Keeps ranked hits, skipping those near-identical to a kept one.
    fn keep(&mut self, ranked: Vec<Candidate>) {
        for (score, addr, hash) in ranked {
            if self.is_full() {
                break;
            }
            if self.distinct
                && self
                    .kept
                    .iter()
                    .any(|(_, _, h)| simhash::distance(*h, hash) <= NEAR_DUPLICATE_BITS)
            {
                continue;
            }
            self.kept.push((score, addr, hash));
        }
    }
}

/// A tier's first ranking stage: how many passages it matches and its
/// `pool` best distinct texts by their words alone.
struct FirstStage {
    pool: usize,
    count: usize,
    pooled: Vec<Candidate>,
}

/// The candidates of a ranked list, without their document order.
fn best(ranked: Vec<(Candidate, u64)>) -> Vec<Candidate> {
    ranked.into_iter().map(|(candidate, _)| candidate).collect()
}

fn footnote_texts(handle: &IndexHandle, passage: &Passage) -> Result<Vec<String>> {
    passage
        .footnotes
        .iter()
        .map(|id| handle.passage(id).map(|p| p.text))
        .collect()
}

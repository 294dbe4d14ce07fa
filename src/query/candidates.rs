//! Two-stage ranking: every match scored cheaply, the best re-scored in full.
//!
//! A tier of a ranked query is a boolean query with everything that makes a
//! good ranking: the words, the nearness phrase, the heading bonus, entity
//! aliases, excluded words. The nearness phrase reads positions and the
//! bonus seeks another field for every match: that is what costs at scale.
//! So a tier matching many passages is ranked in two stages: its core (the
//! same matches, scored by the words alone; all words required is an
//! intersection tantivy prunes with block-max WAND) gives the best few
//! hundred distinct texts, and the tier's full query then scores only those,
//! seeking its scorer to each. A passage whose bonuses would have lifted it
//! from below the few hundred into the page is the price.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, DocSet, Score, Searcher, TERMINATED};

use super::distinct::{Candidate, DistinctTop};

/// Distinct texts the first stage hands to the second. A tier matching no
/// more passages than this is ranked in full in one stage.
pub(crate) const CANDIDATES: usize = 300;

/// Ranks the passages of `candidates` that `tier` matches by the tier's own
/// score, as `collector` ranks (kind weights, one passage per text), best first.
pub(crate) fn rescore(
    searcher: &Searcher,
    tier: &dyn Query,
    candidates: &[Candidate],
    collector: &DistinctTop,
) -> tantivy::Result<Vec<Candidate>> {
    let weight = tier.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut fruits = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let ord = ord as u32;
        let mut docs: Vec<DocId> = candidates
            .iter()
            .filter(|(_, addr, _)| addr.segment_ord == ord)
            .map(|(_, addr, _)| addr.doc_id)
            .collect();
        if docs.is_empty() {
            continue;
        }
        docs.sort_unstable();
        let mut child = collector.for_segment(ord, reader)?;
        let mut scorer = weight.scorer(reader, 1.0)?;
        for doc in docs {
            if scorer.doc() > doc {
                // Not matched: the scorer stands past it already.
                continue;
            }
            let at = scorer.seek(doc);
            if at == TERMINATED {
                break;
            }
            if at == doc {
                let score: Score = scorer.score();
                child.collect(doc, score);
            }
        }
        fruits.push(child.harvest());
    }
    Ok(collector
        .merge_fruits(fruits)?
        .into_iter()
        .map(|(candidate, _)| candidate)
        .collect())
}

//! Two-stage ranking: candidates tantivy can prune, then the full features.
//!
//! A tier of a ranked query is a boolean query with everything that makes a
//! good ranking: all the words required, the nearness phrase, the heading
//! bonus, entity aliases, excluded words. Scoring every passage it matches is
//! what costs at scale, and no such query lets tantivy skip a block of
//! postings. So a large tier is ranked in two stages: its words in the text,
//! as a plain union tantivy can prune with block-max WAND, give the best few
//! hundred distinct texts; the tier's own query then scores only those
//! (seeking its scorer to each), and the page is their best. When the
//! candidates hold fewer matches of the tier than the page needs (a word
//! matched only through an alias, a typo or a prefix), the tier is ranked in
//! full as before.

use std::collections::BTreeSet;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, TERMINATED};

use super::distinct::{Candidate, DistinctTop};

/// Distinct texts the first stage hands to the second. A tier matching no
/// more passages than this is ranked in full in one stage.
pub(crate) const CANDIDATES: usize = 300;

/// The first stage of a tier: a union of the words it matches in the text
/// field (excluded words left out), or `None` when it has no such word.
pub(crate) fn first_stage(tier: &dyn Query, text: Field) -> Option<Box<dyn Query>> {
    let mut terms = BTreeSet::new();
    tier.query_terms(&mut |term, _| {
        if term.field() == text {
            terms.insert(term.clone());
        }
    });
    if terms.is_empty() {
        return None;
    }
    let clauses = terms
        .into_iter()
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
            (Occur::Should, q)
        })
        .collect();
    Some(Box::new(BooleanQuery::new(clauses)))
}

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

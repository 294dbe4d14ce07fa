//! A top-n collector that keeps one passage per text fingerprint.
//!
//! Ranking, then dropping duplicates, needs a candidate list long enough to
//! fill a page after the drop; a corpus holding a report in a hundred copies
//! (mirrors, re-exports, versions) would need a hundred times the page. This
//! collector keeps, while collecting, only the best-scoring passage of each
//! simhash, so n candidates are n different texts. Near-identical texts (a few
//! bits apart) are left to the caller.

use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Cardinality, Column, ColumnValues};
use tantivy::query::Weight;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use crate::index::schema::name;
use crate::model::PassageKind;

/// The `n` best passages by score times their kind's weight, one per simhash
/// (or every passage, when not collapsing), best first; ties in document
/// order, so that a page is the same after every ingest of the same corpus
/// (addresses depend on how the writer threads split the documents).
pub(crate) struct DistinctTop {
    n: usize,
    /// Score factor per kind code.
    weights: Arc<[Score]>,
    collapse: bool,
    columns: Columns,
}

impl DistinctTop {
    /// `columns` is shared by the collectors of one search: a search ranks
    /// a tier in up to three passes, and opening a segment's columns
    /// (the order's block index above all) cost as much as collecting a
    /// few thousand matches.
    pub(crate) fn new(
        n: usize,
        weights: Vec<Score>,
        collapse: bool,
        columns: &Columns,
    ) -> DistinctTop {
        DistinctTop {
            n: n.max(1),
            weights: weights.into(),
            collapse,
            columns: Arc::clone(columns),
        }
    }
}

/// The columns the collector reads, per segment of one searcher, opened once.
pub(crate) type Columns = Arc<Mutex<FxHashMap<SegmentOrdinal, Arc<SegmentColumns>>>>;

/// One segment's columns the collector reads.
pub(crate) struct SegmentColumns {
    kinds: Arc<dyn ColumnValues<u64>>,
    /// Texts' simhashes.
    simhashes: Arc<dyn ColumnValues<u64>>,
    /// Document order.
    ords: Arc<dyn ColumnValues<u64>>,
}

impl SegmentColumns {
    fn open(reader: &SegmentReader) -> tantivy::Result<SegmentColumns> {
        let fast = reader.fast_fields();
        Ok(SegmentColumns {
            kinds: per_doc(fast.u64(name::KIND)?, PassageKind::Paragraph.code()),
            simhashes: per_doc(fast.u64(name::SIMHASH)?, 0),
            ords: per_doc(fast.u64(name::ORD)?, 0),
        })
    }
}

/// The columns of `segment`, opened on first use.
fn columns_of(
    columns: &Columns,
    segment: SegmentOrdinal,
    reader: &SegmentReader,
) -> tantivy::Result<Arc<SegmentColumns>> {
    let mut opened = columns.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = opened.get(&segment) {
        return Ok(Arc::clone(found));
    }
    let found = Arc::new(SegmentColumns::open(reader)?);
    opened.insert(segment, Arc::clone(&found));
    Ok(found)
}

/// A ranked passage: its weighted score, address and text's simhash.
pub(crate) type Candidate = (Score, DocAddress, u64);

/// A candidate with its place in document order (`ord`), the tie-breaker.
type Ranked = (Candidate, u64);

/// The best candidate seen per key (a simhash, or a doc when not collapsing).
type Best = FxHashMap<u64, Ranked>;

pub(crate) struct DistinctTopSegment {
    n: usize,
    segment: SegmentOrdinal,
    weights: Arc<[Score]>,
    max_weight: Score,
    columns: Arc<SegmentColumns>,
    /// Whether passages with the same simhash count once.
    collapse: bool,
    best: Best,
    /// Scores below this cannot reach the top n any more.
    threshold: Score,
}

impl Collector for DistinctTop {
    type Fruit = Vec<Ranked>;
    type Child = DistinctTopSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<DistinctTopSegment> {
        Ok(DistinctTopSegment {
            n: self.n,
            segment,
            weights: Arc::clone(&self.weights),
            max_weight: self.weights.iter().copied().fold(1.0, Score::max),
            columns: columns_of(&self.columns, segment, reader)?,
            collapse: self.collapse,
            best: FxHashMap::default(),
            threshold: Score::NEG_INFINITY,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// Lets the query skip what cannot enter the top n: tantivy's block-max
    /// WAND for a union or an intersection of words, a score check otherwise.
    fn collect_segment(
        &self,
        weight: &dyn Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<Ranked>> {
        let mut child = self.for_segment(segment, reader)?;
        let alive = reader.alive_bitset();
        weight.for_each_pruning(Score::NEG_INFINITY, reader, &mut |doc, score| {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                child.collect(doc, score);
            }
            child.unweighted_threshold()
        })?;
        Ok(child.harvest())
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Ranked>>) -> tantivy::Result<Vec<Ranked>> {
        // A text copied into two segments is left for the caller's
        // near-duplicate pass, which sees it as distance 0.
        let mut all: Vec<Ranked> = fruits.into_iter().flatten().collect();
        sort_best_first(&mut all);
        all.truncate(self.n);
        Ok(all)
    }
}

impl SegmentCollector for DistinctTopSegment {
    type Fruit = Vec<Ranked>;

    fn collect(&mut self, doc: DocId, score: Score) {
        // One scoring less than the n-th kept so far cannot enter the top n
        // (an equal score may, if it comes earlier in document order).
        // Checked first with the largest weight, as most docs fail it.
        if score * self.max_weight < self.threshold {
            return;
        }
        let kind = usize::try_from(self.columns.kinds.get_val(doc)).unwrap_or(0);
        let score = score * self.weights.get(kind).copied().unwrap_or(1.0);
        if score < self.threshold {
            return;
        }
        let hash = self.columns.simhashes.get_val(doc);
        let key = if self.collapse { hash } else { u64::from(doc) };
        let address = DocAddress::new(self.segment, doc);
        match self.best.get_mut(&key) {
            // Most calls on a corpus of copies: a copy of a kept text, which
            // only an equal score earlier in document order could replace,
            // so the order is read only then.
            Some(slot) if score < (slot.0).0 => {}
            Some(slot) => {
                let candidate = ((score, address, hash), self.columns.ords.get_val(doc));
                if best_first(&candidate, slot).is_lt() {
                    *slot = candidate;
                }
            }
            None => {
                let candidate = ((score, address, hash), self.columns.ords.get_val(doc));
                self.best.insert(key, candidate);
            }
        }
        if self.best.len() >= self.n.saturating_mul(2) {
            self.prune();
        }
    }

    fn harvest(self) -> Vec<Ranked> {
        let mut all: Vec<Ranked> = self.best.into_values().collect();
        sort_best_first(&mut all);
        all.truncate(self.n);
        all
    }
}

impl DistinctTopSegment {
    /// The score, before kind weights, below which a passage cannot enter
    /// the top n; a little lower, as an equal score may enter by coming
    /// earlier in document order and tantivy passes only higher ones.
    fn unweighted_threshold(&self) -> Score {
        (self.threshold / self.max_weight).next_down()
    }

    /// Keeps the n best fingerprints and raises the threshold to the n-th score.
    fn prune(&mut self) {
        let mut all: Vec<(u64, Ranked)> = self.best.drain().collect();
        all.select_nth_unstable_by(self.n - 1, |a, b| best_first(&a.1, &b.1));
        all.truncate(self.n);
        self.threshold = all
            .iter()
            .map(|(_, ((s, _, _), _))| *s)
            .fold(Score::INFINITY, Score::min);
        self.best.extend(all);
    }
}

/// A column's value per document, read directly when every document has
/// exactly one (as every passage has its kind, simhash and order): the
/// general path looks each document's row up first, which showed as a
/// third of the collector's cost when it sees every match.
fn per_doc(column: Column<u64>, default: u64) -> Arc<dyn ColumnValues<u64>> {
    if column.get_cardinality() == Cardinality::Full {
        column.values
    } else {
        column.first_or_default_col(default)
    }
}

fn best_first(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    (b.0).0.total_cmp(&(a.0).0).then_with(|| a.1.cmp(&b.1))
}

/// Best score first; equal scores in document order.
fn sort_best_first(hits: &mut [Ranked]) {
    hits.sort_by(best_first);
}

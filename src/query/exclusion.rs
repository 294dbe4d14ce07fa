//! A query to exclude (`Occur::MustNot`) that tantivy can seek safely.
//!
//! tantivy 0.27 asks an exclusion set whether it contains a document with
//! `seek_danger`, and its first such call may target a document before the
//! one the set's scorer already stands on. Phrase scorers, alone or inside an
//! intersection, do not allow that (a debug assertion, tantivy issue #2811),
//! so `prison -"foreign fighters"` and the "some but not all of the words"
//! tier failed in debug builds. Wrapped in [`Excluded`], the scorer answers
//! a target below its position itself and passes only later targets on.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, Score, SegmentReader, Term};
use tantivy::{DocSet, SeekDangerResult};

/// `inner`, made safe to use as an exclusion set.
#[derive(Debug)]
pub(crate) struct Excluded(pub Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(enable_scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.0.scorer(reader, boost)?;
        let floor = inner.doc();
        Ok(Box::new(ForwardOnly { inner, floor }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// A scorer whose `seek_danger` never moves it backwards.
struct ForwardOnly {
    inner: Box<dyn Scorer>,
    /// No document of the scorer lies before this one.
    floor: DocId,
}

impl DocSet for ForwardOnly {
    fn advance(&mut self) -> DocId {
        self.floor = self.inner.advance();
        self.floor
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target > self.floor {
            self.floor = self.inner.seek(target);
        }
        self.floor
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target < self.floor {
            return SeekDangerResult::SeekLowerBound(self.floor);
        }
        let result = self.inner.seek_danger(target);
        self.floor = match result {
            SeekDangerResult::Found => target,
            SeekDangerResult::SeekLowerBound(bound) => bound,
        };
        result
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for ForwardOnly {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

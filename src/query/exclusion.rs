//! A query to exclude (`Occur::MustNot`) that tantivy can seek safely.
//!
//! tantivy 0.27 asks an exclusion set whether it contains a document with
//! `seek_danger`, and its first such call may target a document before the
//! one the set's scorer already stands on. Phrase scorers, alone or inside an
//! intersection, do not allow that (a debug assertion, tantivy issue #2811),
//! so `prison -"foreign fighters"` and the "some but not all of the words"
//! tier failed in debug builds. Wrapped in [`Excluded`], the scorer answers
//! a target below its position itself and passes only later targets on.
//!
//! The matches of an earlier tier are excluded from every later one, and
//! asking a nested query "do you match this document?" for each match of
//! the later tier cost a third of a search at scale. An earlier tier was
//! visited in full by its own pass, so collecting its matches once per
//! segment into a bit set costs no more than that pass did; each question
//! is then one bit ([`Excluded::collected`]). The set is kept with the query
//! and shared by its clones, so a tier's two stages collect it once.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{BitSet, DocId, Score, SegmentReader, TERMINATED, Term};
use tantivy::{DocSet, SeekDangerResult};

/// Each segment's matches of a collected exclusion, found once.
type Collected = Arc<Mutex<FxHashMap<SegmentId, Arc<Matches>>>>;

/// `inner`, made safe to use as an exclusion set.
#[derive(Debug)]
pub(crate) struct Excluded {
    inner: Box<dyn Query>,
    /// `Some` when the matches are collected into a set (see the module doc).
    collected: Option<Collected>,
}

impl Excluded {
    /// Asked document by document: for a set that may be much larger than
    /// what it is taken from (`prison -the`).
    pub(crate) fn lazy(inner: Box<dyn Query>) -> Excluded {
        Excluded {
            inner,
            collected: None,
        }
    }

    /// Collected into a set per segment on first use: for the matches of
    /// an earlier tier, which its own pass visited in full already.
    pub(crate) fn collected(inner: Box<dyn Query>) -> Excluded {
        Excluded {
            inner,
            collected: Some(Collected::default()),
        }
    }
}

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded {
            inner: self.inner.box_clone(),
            collected: self.collected.clone(),
        }
    }
}

impl std::fmt::Debug for Matches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matches({})", self.docs.len())
    }
}

impl Query for Excluded {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight {
            inner: self.inner.weight(enable_scoring)?,
            collected: self.collected.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct ExcludedWeight {
    inner: Box<dyn Weight>,
    collected: Option<Collected>,
}

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Some(collected) = &self.collected else {
            let inner = self.inner.scorer(reader, boost)?;
            let floor = inner.doc();
            return Ok(Box::new(ForwardOnly { inner, floor }));
        };
        let id = reader.segment_id();
        let known = collected
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&id)
            .cloned();
        let matches = if let Some(matches) = known {
            matches
        } else {
            let matches = Arc::new(Matches::of(self.inner.as_ref(), reader)?);
            collected
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(id, Arc::clone(&matches));
            matches
        };
        Ok(Box::new(InSet { matches, next: 0 }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

/// A segment's matches of a query: in order, and as a set.
struct Matches {
    docs: Vec<DocId>,
    set: BitSet,
}

impl Matches {
    fn of(weight: &dyn Weight, reader: &SegmentReader) -> tantivy::Result<Matches> {
        let mut docs = Vec::new();
        weight.for_each_no_score(reader, &mut |found| docs.extend_from_slice(found))?;
        let mut set = BitSet::with_max_value(reader.max_doc());
        for &doc in &docs {
            set.insert(doc);
        }
        Ok(Matches { docs, set })
    }
}

/// The scorer of a collected exclusion: answers `seek_danger` with one bit.
struct InSet {
    matches: Arc<Matches>,
    /// Index in `matches.docs` of the current document.
    next: usize,
}

impl DocSet for InSet {
    fn advance(&mut self) -> DocId {
        self.next += 1;
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() < target {
            let rest = &self.matches.docs[self.next..];
            self.next += rest.partition_point(|&d| d < target);
        }
        self.doc()
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target < self.matches.set.max_value() && self.matches.set.contains(target) {
            // Found leaves the scorer on `target` (rare: the excluded ones).
            self.next = self.matches.docs.partition_point(|&d| d < target);
            SeekDangerResult::Found
        } else {
            // The scorer may stay where it is: after a lower bound only
            // `seek_danger` may be called until one finds its target.
            // No match at `target`: the next can only come after it.
            SeekDangerResult::SeekLowerBound(target.saturating_add(1).min(TERMINATED))
        }
    }

    fn doc(&self) -> DocId {
        self.matches
            .docs
            .get(self.next)
            .copied()
            .unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.matches.docs.len()).unwrap_or(u32::MAX)
    }

    fn cost(&self) -> u64 {
        self.matches.docs.len() as u64
    }
}

impl Scorer for InSet {
    fn score(&mut self) -> Score {
        0.0
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tiny_index::{index, term};
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, PhraseQuery};

    fn all_of(field: tantivy::schema::Field, words: &[&str]) -> Box<dyn Query> {
        Box::new(BooleanQuery::new(
            words
                .iter()
                .map(|w| (Occur::Must, term(field, w)))
                .collect(),
        ))
    }

    fn phrase(field: tantivy::schema::Field, words: &[&str]) -> Box<dyn Query> {
        let terms = words
            .iter()
            .map(|w| Term::from_field_text(field, w))
            .collect();
        Box::new(PhraseQuery::new(terms))
    }

    /// Each case: texts, a query's words (any of them), the words whose
    /// passages are excluded (all of them, or as a phrase). A collected
    /// exclusion must leave exactly what a lazy one leaves, scores included,
    /// on first use and when its set is reused by a clone.
    #[test]
    fn a_collected_exclusion_excludes_what_a_lazy_one_does() {
        type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str], bool);
        let cases: &[Case] = &[
            (
                &["a b", "a", "b", "a b c", "c", "a c"],
                &["a", "c"],
                &["a", "b"],
                false,
            ),
            (
                &["x y", "y x", "x", "y", "x y x"],
                &["x", "y"],
                &["x", "y"],
                true,
            ),
            (&["p", "q", "r", "p q"], &["p"], &["none"], false),
            (&["m n", "m n", "m n", "m"], &["m"], &["m"], false),
            (&["s"], &["s"], &["s", "t"], false),
        ];
        for (texts, words, excluded_words, as_phrase) in cases {
            let (index, text) = index(texts, 2);
            let searcher = index.reader().unwrap().searcher();
            let excluded_query = || {
                if *as_phrase {
                    phrase(text, excluded_words)
                } else {
                    all_of(text, excluded_words)
                }
            };
            let any: Vec<(Occur, Box<dyn Query>)> = words
                .iter()
                .map(|w| (Occur::Should, term(text, w)))
                .collect();
            let with = |exclusion: Excluded| -> Box<dyn Query> {
                let mut clauses: Vec<_> = any.iter().map(|(o, q)| (*o, q.box_clone())).collect();
                clauses.push((Occur::MustNot, Box::new(exclusion)));
                Box::new(BooleanQuery::new(clauses))
            };
            let collector = (Count, TopDocs::with_limit(10).order_by_score());
            let expected = searcher
                .search(with(Excluded::lazy(excluded_query())).as_ref(), &collector)
                .unwrap();
            let collected = Excluded::collected(excluded_query());
            let reused = collected.clone();
            for exclusion in [collected, reused] {
                let found = searcher
                    .search(with(exclusion).as_ref(), &collector)
                    .unwrap();
                assert_eq!(found, expected, "{texts:?} {words:?} -{excluded_words:?}");
            }
        }
    }
}

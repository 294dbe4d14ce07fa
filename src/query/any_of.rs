//! A union of a word's few alternatives that seeks each one.
//!
//! A query word matches its literal form, its other spellings and the
//! entity it names (every passage tagged with it). tantivy's union buffers
//! the next 4,096 documents of all its members at each seek far ahead; as
//! one side of an intersection (`returnees Turkey`: the rare word leads,
//! the union follows) that meant filling a window from the dense entity
//! list for every match of the rare word, half a search's cost at scale.
//! [`AnyOf`] moves each member to the target and takes the lowest, which
//! costs a few skips per seek; iterated in full, it compares its two to four
//! members at each document. The score is the members' scores summed in
//! order, as a boolean query of `Should` clauses sums them.

use tantivy::query::{
    BooleanQuery, EmptyScorer, EnableScoring, Explanation, Occur, Query, Scorer, Weight,
};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Alternatives above this many are left to tantivy's buffered union, which
/// iterates many members faster than comparing them all at each document.
const MAX_SEEKING: usize = 8;

/// A query matching any of `queries`: the query itself when there is one,
/// an [`AnyOf`] for a few, a boolean union for many.
pub(crate) fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match queries.len() {
        1 => queries.pop().expect("one query"),
        n if n <= MAX_SEEKING => Box::new(AnyOf(queries)),
        _ => Box::new(BooleanQuery::new(
            queries.into_iter().map(|q| (Occur::Should, q)).collect(),
        )),
    }
}

/// Matches what any of its queries matches; scores the sum of those that do.
#[derive(Debug)]
pub(crate) struct AnyOf(pub Vec<Box<dyn Query>>);

impl Clone for AnyOf {
    fn clone(&self) -> Self {
        AnyOf(self.0.iter().map(|q| q.box_clone()).collect())
    }
}

impl Query for AnyOf {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .0
            .iter()
            .map(|q| q.weight(enable_scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(AnyOfWeight(weights)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.0 {
            q.query_terms(visitor);
        }
    }
}

struct AnyOfWeight(Vec<Box<dyn Weight>>);

impl Weight for AnyOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut members = Vec::with_capacity(self.0.len());
        for weight in &self.0 {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                members.push(scorer);
            }
        }
        Ok(match members.len() {
            0 => Box::new(EmptyScorer),
            1 => members.pop().expect("one member"),
            _ => {
                let doc = lowest(&members);
                Box::new(AnyOfScorer { members, doc })
            }
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut matched = Vec::new();
        for weight in &self.0 {
            let mut scorer = weight.scorer(reader, 1.0)?;
            if scorer.seek(doc) == doc {
                matched.push(weight.explain(reader, doc)?);
            }
        }
        if matched.is_empty() {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let total = matched.iter().map(Explanation::value).sum();
        let mut explanation = Explanation::new("sum of the alternatives matched", total);
        for m in matched {
            explanation.add_detail(m);
        }
        Ok(explanation)
    }
}

/// The scorer: members still holding documents, and the lowest of their
/// current documents.
struct AnyOfScorer {
    members: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

fn lowest(members: &[Box<dyn Scorer>]) -> DocId {
    members.iter().map(DocSet::doc).min().unwrap_or(TERMINATED)
}

impl DocSet for AnyOfScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        if current == TERMINATED {
            // Members past their end must not be advanced again.
            return TERMINATED;
        }
        for m in &mut self.members {
            if m.doc() == current {
                m.advance();
            }
        }
        self.doc = lowest(&self.members);
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for m in &mut self.members {
            if m.doc() < target {
                m.seek(target);
            }
        }
        self.doc = lowest(&self.members);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.members
            .iter()
            .map(DocSet::size_hint)
            .fold(0, u32::saturating_add)
    }

    fn cost(&self) -> u64 {
        self.members
            .iter()
            .map(DocSet::cost)
            .fold(0, u64::saturating_add)
    }
}

impl Scorer for AnyOfScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum: Score = 0.0;
        for m in &mut self.members {
            if m.doc() == doc {
                sum += m.score();
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tiny_index::{index, term};
    use tantivy::collector::{Count, TopDocs};

    /// Each case: texts, the alternatives, a word required besides them.
    /// `AnyOf` must find the same documents with the same scores as a boolean
    /// query of `Should` clauses, alone and inside an intersection (seeks).
    #[test]
    fn any_of_matches_and_scores_as_a_boolean_union() {
        let cases: &[(&[&str], &[&str], &str)] = &[
            (&["a b", "b c", "c d", "d a", "x"], &["a", "c"], "b"),
            (
                &["turkey", "türkiye x", "x", "x turkey turkey"],
                &["turkey", "x"],
                "x",
            ),
            (&["one", "two", "three"], &["none", "neither"], "one"),
            (&["p q", "q", "p"], &["p", "q", "p"], "q"),
            (&["z"], &["z"], "z"),
        ];
        for (texts, alternatives, required) in cases {
            let (index, text) = index(texts, 1);
            let searcher = index.reader().unwrap().searcher();
            let any: Box<dyn Query> =
                Box::new(AnyOf(alternatives.iter().map(|w| term(text, w)).collect()));
            let boolean: Box<dyn Query> = Box::new(BooleanQuery::new(
                alternatives
                    .iter()
                    .map(|w| (Occur::Should, term(text, w)))
                    .collect(),
            ));
            let within = |q: Box<dyn Query>| -> Box<dyn Query> {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, term(text, required)),
                    (Occur::Must, q),
                ]))
            };
            for (ours, theirs) in [
                (any.box_clone(), boolean.box_clone()),
                (within(any.box_clone()), within(boolean.box_clone())),
            ] {
                let collector = (Count, TopDocs::with_limit(10).order_by_score());
                let (n1, top1) = searcher.search(ours.as_ref(), &collector).unwrap();
                let (n2, top2) = searcher.search(theirs.as_ref(), &collector).unwrap();
                assert_eq!(n1, n2, "{texts:?} {alternatives:?}");
                assert_eq!(top1, top2, "{texts:?} {alternatives:?}");
            }
        }
    }

    /// Seeking lands on the first document at or after the target that any
    /// alternative matches, from every starting point.
    #[test]
    fn seek_lands_on_the_first_match_at_or_after_the_target() {
        let texts = ["a", "x", "x", "b", "x", "x", "x", "a b", "x", "c", "x", "b"];
        let (index, text) = index(&texts, 1);
        let searcher = index.reader().unwrap().searcher();
        let query = AnyOf(vec![term(text, "a"), term(text, "b"), term(text, "zzz")]);
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(&searcher))
            .unwrap();
        let reader = searcher.segment_reader(0);
        let matches: Vec<DocId> = (0..12).filter(|&d| [0, 3, 7, 11].contains(&d)).collect();
        for start in 0..12u32 {
            for target in start..=13 {
                let mut scorer = weight.scorer(reader, 1.0).unwrap();
                scorer.seek(start);
                let expected = matches
                    .iter()
                    .copied()
                    .find(|&d| d >= target.max(scorer.doc()))
                    .unwrap_or(TERMINATED);
                assert_eq!(scorer.seek(target), expected, "from {start} to {target}");
            }
        }
    }
}

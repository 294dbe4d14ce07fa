//! A query ready to run: the query text parsed, built into tantivy queries
//! and combined with the filters.
//!
//! In: an opened index (its fields and alias table), the query text, the
//! filters and how words combine. Out: a [`Plan`]: tiers of tantivy queries in
//! rank order and what snippets should mark. Search, facets, the timeline
//! and sources all start here.

use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};

use super::build::{Builder, Highlight, Juxtaposition, Tier};
use super::expand::{Expansion, Vocabulary};
use super::filter::Filters;
use super::parse;
use crate::error::{Error, Result};
use crate::index::IndexHandle;

/// A query ready to run: the tantivy queries and what snippets should mark.
pub(crate) struct Plan {
    /// Disjoint queries in rank order: every match of one ranks before the
    /// matches of the next (passages with all the words, then with some).
    pub(crate) tiers: Vec<Tier>,
    /// What snippets should mark.
    pub(crate) highlight: Highlight,
    /// How query words were widened (spellings, compounds, typos, entities).
    pub(crate) expansions: Vec<Expansion>,
    /// Words the index lacks, each with the closest word it has (exact
    /// matching only: forgiving matching takes them as typos).
    pub(crate) suggestions: Vec<(String, String)>,
    /// How many leading tiers hold the passages with all the words, for a
    /// query of several words ranked all-words-first.
    pub(crate) all_words_tiers: Option<usize>,
}

/// How literally a query's words are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Matching {
    /// Words also match their other spelling, their compound written
    /// otherwise, and, when the index lacks them, words within a typo.
    #[default]
    Forgiving,
    /// Words match as typed (stemmed, accents and case aside).
    Exact,
}

impl Plan {
    /// Every passage the plan matches, as one query.
    pub(crate) fn matching(&self) -> Box<dyn Query> {
        match self.tiers.as_slice() {
            [one] => one.query.box_clone(),
            many => Box::new(BooleanQuery::new(
                many.iter()
                    .map(|t| (Occur::Should, t.query.box_clone()))
                    .collect(),
            )),
        }
    }
}

/// Every passage matching a query, as counting reads it: all the words
/// required, forgiven as `search` forgives them (facets, cross-tabs,
/// sources, timelines).
pub(crate) fn matching_all(handle: &IndexHandle, text: &str, filters: &Filters) -> Result<Plan> {
    plan(
        handle,
        text,
        filters,
        Juxtaposition::All,
        Matching::Forgiving,
    )
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

/// Parses a query and turns it, with the filters, into tantivy queries.
pub(crate) fn plan(
    handle: &IndexHandle,
    text: &str,
    filters: &Filters,
    how: Juxtaposition,
    matching: Matching,
) -> Result<Plan> {
    let node = parse::parse(text).map_err(|e| query_error(text, e.at, &e.message))?;
    let aliases = handle.aliases();
    aliases.check()?;
    let vocabulary = Vocabulary::new(&handle.searcher, &handle.fields, aliases);
    let widen = matching == Matching::Forgiving;
    let mut builder = Builder::new(&handle.fields, aliases, vocabulary, widen, how);
    let mut tiers = match &node {
        Some(n) => builder
            .build(n)
            .map_err(|e| query_error(text, e.at, &e.message))?,
        None => Vec::new(),
    };
    if tiers.is_empty() {
        if !text.trim().is_empty() {
            // `🙂`, `*`, `~`: typed, but nothing in it can match a word.
            return Err(query_error(
                text,
                0,
                "the query has no word to search for; hint: type words, or an empty query \"\" with filters to list passages",
            ));
        }
        tiers.push(Tier {
            query: Box::new(AllQuery),
            core: Box::new(AllQuery),
        });
    }
    let resolved;
    let filters = if filters.docs.is_empty() {
        filters
    } else {
        resolved = filters.with_docs_resolved(&handle.docs()?)?;
        &resolved
    };
    let clauses = filters.clauses(&handle.fields, aliases)?;
    if !clauses.is_empty() {
        let must: Vec<(Occur, Box<dyn Query>)> = clauses
            .iter()
            .map(|c| (Occur::Must, c.box_clone()))
            .collect();
        tiers = tiers.into_iter().map(|tier| tier.with(&must)).collect();
    }
    let suggestions = if widen {
        Vec::new()
    } else {
        builder.suggestions()
    };
    Ok(Plan {
        suggestions,
        tiers,
        highlight: builder.highlight,
        expansions: builder.expansions,
        all_words_tiers: builder.all_words_tiers,
    })
}

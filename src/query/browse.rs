//! Reading passages by position rather than by relevance: `export` (every
//! passage, or those matching a query and filters, in document order) and
//! `show --context` (a passage's neighbours).

use std::ops::Bound;

use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::RangeQuery;
use tantivy::{DocAddress, Order, Term};

use crate::error::{Error, Result};
use crate::index::IndexHandle;
use crate::index::schema::{ORD_SHIFT, name};
use crate::model::Passage;

use super::build::Juxtaposition;
use super::filter::Filters;
use super::plan::{Matching, plan};

/// Every live passage address, in document order.
pub(crate) fn addresses_in_order(handle: &IndexHandle) -> Result<Vec<DocAddress>> {
    let mut all: Vec<(u64, DocAddress)> = Vec::with_capacity(handle.len() as usize);
    for (seg_ord, reader) in handle.searcher.segment_readers().iter().enumerate() {
        let ords = reader.fast_fields().u64(name::ORD)?.first_or_default_col(0);
        let alive = reader.alive_bitset();
        for doc in 0..reader.max_doc() {
            if alive.is_some_and(|a| a.is_deleted(doc)) {
                continue;
            }
            all.push((ords.get_val(doc), DocAddress::new(seg_ord as u32, doc)));
        }
    }
    all.sort_unstable_by_key(|(ord, _)| *ord);
    Ok(all.into_iter().map(|(_, addr)| addr).collect())
}

/// Calls `f` on every passage in document order; stops at the first error.
pub fn for_each_passage(
    handle: &IndexHandle,
    mut f: impl FnMut(Passage) -> std::io::Result<()>,
) -> Result<std::io::Result<()>> {
    for addr in addresses_in_order(handle)? {
        let p = handle.passage_at(addr)?;
        if let Err(e) = f(p) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(()))
}

/// Calls `f` on every passage matching a query and filters, in document
/// order; stops at the first error. The passages are those `search` finds
/// with `--all --duplicates`: every tier (all the words, then some of them),
/// words forgiven as `search` forgives them.
pub fn for_each_matching_passage(
    handle: &IndexHandle,
    query: &str,
    filters: &Filters,
    mut f: impl FnMut(Passage) -> std::io::Result<()>,
) -> Result<std::io::Result<()>> {
    let plan = plan(
        handle,
        query,
        filters,
        Juxtaposition::Ranked,
        Matching::Forgiving,
    )?;
    let found = handle
        .searcher
        .search(plan.matching().as_ref(), &DocSetCollector)?;
    let mut ordered: Vec<(u64, DocAddress)> = Vec::with_capacity(found.len());
    for addr in found {
        let ords = handle
            .searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .u64(name::ORD)?
            .first_or_default_col(0);
        ordered.push((ords.get_val(addr.doc_id), addr));
    }
    ordered.sort_unstable_by_key(|(ord, _)| *ord);
    for (_, addr) in ordered {
        if let Err(e) = f(handle.passage_at(addr)?) {
            return Ok(Err(e));
        }
    }
    Ok(Ok(()))
}

/// A passage with up to `n` passages of the same document on each side.
#[derive(Debug, Clone)]
pub struct InContext {
    /// Passages just before, in order.
    pub before: Vec<Passage>,
    /// The passage asked for.
    pub passage: Passage,
    /// Passages just after, in order.
    pub after: Vec<Passage>,
}

/// The passage `id` and its neighbours.
///
/// # Errors
/// [`Error::UnknownPassage`] for an unknown id.
pub fn in_context(handle: &IndexHandle, id: &str, n: usize) -> Result<InContext> {
    let addr = handle
        .address_of(id)?
        .ok_or_else(|| Error::UnknownPassage { id: id.to_string() })?;
    let passage = handle.passage_at(addr)?;
    if n == 0 {
        return Ok(InContext {
            before: Vec::new(),
            passage,
            after: Vec::new(),
        });
    }
    let reader = handle.searcher.segment_reader(addr.segment_ord);
    let ord = reader
        .fast_fields()
        .u64(name::ORD)?
        .first_or_default_col(0)
        .get_val(addr.doc_id);
    let doc_start = ord >> ORD_SHIFT << ORD_SHIFT;
    let doc_end = doc_start | ((1 << ORD_SHIFT) - 1);
    let lo = ord.saturating_sub(n as u64).max(doc_start);
    let hi = ord.saturating_add(n as u64).min(doc_end);
    let query = RangeQuery::new(
        Bound::Included(Term::from_field_u64(handle.fields.ord, lo)),
        Bound::Included(Term::from_field_u64(handle.fields.ord, hi)),
    );
    let limit = 2 * n + 1;
    let hits = handle.searcher.search(
        &query,
        &TopDocs::with_limit(limit).order_by_u64_field(name::ORD, Order::Asc),
    )?;
    let mut before = Vec::new();
    let mut after = Vec::new();
    for (o, a) in hits {
        match o {
            Some(o) if o < ord => before.push(handle.passage_at(a)?),
            Some(o) if o > ord => after.push(handle.passage_at(a)?),
            _ => {}
        }
    }
    Ok(InContext {
        before,
        passage,
        after,
    })
}

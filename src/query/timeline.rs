//! The timeline: dated passages and events in date order.
//!
//! In: a query and filters, like a search. Out: one [`TimelineEntry`] per
//! date a matching passage mentions (inside the date filter, when there is
//! one), sorted by the first day the date covers, each with the sentence that
//! mentions it. Footnotes are left out unless asked for with `--kind footnote`:
//! the dates they carry are mostly those of the sources they cite, not of
//! events.

use jiff::civil::Date;
use tantivy::DocAddress;
use tantivy::collector::DocSetCollector;

use super::build::Juxtaposition;
use super::filter::Filters;
use super::plan::plan;
use crate::error::Result;
use crate::index::IndexHandle;
use crate::index::schema::name;
use crate::model::{DateInfo, Passage, PassageKind};
use crate::sentences;

/// What to put on the timeline.
#[derive(Debug, Clone, Default)]
pub struct TimelineRequest {
    /// Query text; empty means every passage that passes the filters.
    pub query: String,
    /// Filters; their date ranges also select which dates become entries.
    pub filters: Filters,
    /// Entries per page.
    pub limit: usize,
    /// Entries to skip.
    pub offset: usize,
}

/// One date on the timeline.
#[derive(Debug, Clone)]
pub struct TimelineEntry {
    /// The date as extracted.
    pub date: DateInfo,
    /// The sentence of the passage that mentions it.
    pub sentence: String,
    /// The passage.
    pub passage: Passage,
}

/// A page of the timeline.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// Entries in all.
    pub total: usize,
    /// The requested page, in date order.
    pub entries: Vec<TimelineEntry>,
}

/// Builds the timeline of the passages matching a request.
///
/// # Errors
/// A query or filter error, or an index failure.
pub fn timeline(handle: &IndexHandle, req: &TimelineRequest) -> Result<Timeline> {
    let plan = plan(handle, &req.query, &req.filters, Juxtaposition::All)?;
    let mut addrs: Vec<DocAddress> = handle
        .searcher
        .search(&plan.matching(), &DocSetCollector)?
        .into_iter()
        .collect();
    addrs.sort_unstable();
    let footnotes_asked = req.filters.kinds.contains(&PassageKind::Footnote);
    let mut entries: Vec<(Date, Date, u64, TimelineEntry)> = Vec::new();
    for addr in addrs {
        let reader = handle.searcher.segment_reader(addr.segment_ord);
        let first_day = reader
            .fast_fields()
            .u64(name::DATE_FIRST)?
            .first(addr.doc_id);
        if first_day.is_none() {
            continue; // no date at all: skip without reading the stored passage
        }
        let ord = reader
            .fast_fields()
            .u64(name::ORD)?
            .first_or_default_col(0)
            .get_val(addr.doc_id);
        let passage = handle.passage_at(addr)?;
        if passage.kind == PassageKind::Footnote && !footnotes_asked {
            continue;
        }
        for date in &passage.date_mentions {
            let (start, end) = (date.start, date.end);
            let in_range = req.filters.dates.is_empty()
                || req
                    .filters
                    .dates
                    .iter()
                    .any(|(from, to)| start <= *to && end >= *from);
            if !in_range {
                continue;
            }
            let entry = TimelineEntry {
                sentence: sentence_at(&passage.text, date.span.start),
                date: date.clone(),
                passage: passage.clone(),
            };
            entries.push((start, end, ord, entry));
        }
    }
    entries.sort_by_key(|e| (e.0, e.1, e.2));
    let total = entries.len();
    let entries = entries
        .into_iter()
        .skip(req.offset)
        .take(req.limit.max(1))
        .map(|(_, _, _, e)| e)
        .collect();
    Ok(Timeline { total, entries })
}

/// The sentence of `text` that holds byte `at`.
fn sentence_at(text: &str, at: usize) -> String {
    sentences::split(text)
        .into_iter()
        .find(|r| r.contains(&at))
        .map_or_else(|| text.to_string(), |r| text[r].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_holding_a_date_is_quoted() {
        let text = "The war began. In March 2014, militants crossed the border. Nothing else.";
        let at = text.find("March").expect("present");
        assert_eq!(
            sentence_at(text, at),
            "In March 2014, militants crossed the border."
        );
    }
}

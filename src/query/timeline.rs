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

use super::filter::Filters;
use super::plan::matching_all;
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

/// A date on the timeline before its passage is read again for the page:
/// where it sorts, and where to find it. Memory grows with the number of
/// dates, not with the passages' texts.
struct Slot {
    start: Date,
    end: Date,
    ord: u64,
    addr: DocAddress,
    /// Index of the date in the passage's `date_mentions`.
    date: usize,
}

/// Builds the timeline of the passages matching a request.
///
/// # Errors
/// A query or filter error, or an index failure.
pub fn timeline(handle: &IndexHandle, req: &TimelineRequest) -> Result<Timeline> {
    let plan = matching_all(handle, &req.query, &req.filters)?;
    let mut addrs: Vec<DocAddress> = handle
        .searcher
        .search(&plan.matching(), &DocSetCollector)?
        .into_iter()
        .collect();
    addrs.sort_unstable();
    let footnotes_asked = req.filters.kinds.contains(&PassageKind::Footnote);
    let mut slots: Vec<Slot> = Vec::new();
    let mut columns: Option<(u32, Columns)> = None;
    for addr in addrs {
        if columns
            .as_ref()
            .is_none_or(|(seg, _)| *seg != addr.segment_ord)
        {
            let reader = handle.searcher.segment_reader(addr.segment_ord);
            columns = Some((addr.segment_ord, Columns::of(reader)?));
        }
        let Some((_, cols)) = columns.as_ref() else {
            continue;
        };
        // No date at all, or a footnote not asked for: skip without reading it.
        if cols.date_first.first(addr.doc_id).is_none()
            || (!footnotes_asked && cols.kind.get_val(addr.doc_id) == PassageKind::Footnote.code())
        {
            continue;
        }
        let ord = cols.ord.get_val(addr.doc_id);
        let passage = handle.passage_at(addr)?;
        for (i, date) in passage.date_mentions.iter().enumerate() {
            let in_range = req.filters.dates.is_empty()
                || req
                    .filters
                    .dates
                    .iter()
                    .any(|(from, to)| date.start <= *to && date.end >= *from);
            if in_range {
                slots.push(Slot {
                    start: date.start,
                    end: date.end,
                    ord,
                    addr,
                    date: i,
                });
            }
        }
    }
    slots.sort_by_key(|s| (s.start, s.end, s.ord, s.date));
    let total = slots.len();
    let mut entries = Vec::new();
    let mut last: Option<(DocAddress, Passage)> = None;
    for slot in slots.into_iter().skip(req.offset).take(req.limit.max(1)) {
        let passage = match last.take() {
            Some((addr, p)) if addr == slot.addr => p,
            _ => handle.passage_at(slot.addr)?,
        };
        let date = passage.date_mentions[slot.date].clone();
        entries.push(TimelineEntry {
            sentence: sentence_at(&passage.text, date.span.start),
            date,
            passage: passage.clone(),
        });
        last = Some((slot.addr, passage));
    }
    Ok(Timeline { total, entries })
}

/// The fast fields the timeline reads for every match, of one segment.
struct Columns {
    date_first: tantivy::columnar::Column<u64>,
    ord: std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>,
    kind: std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>,
}

impl Columns {
    fn of(reader: &tantivy::SegmentReader) -> Result<Columns> {
        let fast = reader.fast_fields();
        Ok(Columns {
            date_first: fast.u64(name::DATE_FIRST)?,
            ord: fast.u64(name::ORD)?.first_or_default_col(0),
            kind: fast
                .u64(name::KIND)?
                .first_or_default_col(PassageKind::Paragraph.code()),
        })
    }
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

//! Assembly: segmented blocks + metadata + extractors → citable [`Report`]s.
//!
//! In: one [`Segmented`] report, the sidecar entry that describes it, the file
//! it came from, and the extractors. Out: a [`Report`] whose passages carry ids,
//! footnote links (`footnotes`, `cited_by`), entities and dates. Document ids are
//! provisional here; `ingest` makes them unique across the corpus.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::extract::{
    CitedTitles, DateContext, Entities, Extractor, Mention, extract_dates, parse_citations,
    source_names,
};
use crate::model::{Citation, DateInfo, DocMeta, Passage, PassageKind, Report};
use crate::segment::{Block, Segmented};

use super::sidecar::SidecarEntry;
use crate::fold::slug;
use crate::formats::Format;

/// Where a report comes from: its file, its place in the file, its sidecar entry.
pub(crate) struct Origin<'a> {
    /// Path as shown to users.
    pub display: &'a str,
    /// File name (sidecar key).
    pub file_name: &'a str,
    /// 1-based position of the report in its file.
    pub part: usize,
    /// How many reports the file holds.
    pub parts: usize,
    /// The sidecar entry, if any.
    pub sidecar: Option<&'a SidecarEntry>,
    /// Byte offsets where the file's lines start (empty when the format has
    /// no lines), for citations.
    pub line_starts: &'a [usize],
    /// What the file's own metadata says (front matter, PDF or HTML metadata).
    pub file_meta: &'a DocMeta,
    /// The file's format.
    pub format: Format,
}

/// Builds the report: metadata, ids, footnote links, entities, dates.
pub(crate) fn assemble(seg: Segmented, origin: &Origin<'_>, extractor: &Extractor) -> Report {
    let meta = metadata(&seg, origin);
    let mut ctx = DateContext {
        reference: meta.published,
        running_year: None,
    };
    let numbers = number_blocks(&seg.blocks);
    let footnote_ids = footnote_ids(&meta.id, &seg.blocks, &numbers);
    let mut unresolved_refs = 0;
    let mut titles = CitedTitles::default();
    let mut cited_by: HashMap<String, String> = HashMap::new();
    let mut passages = Vec::with_capacity(seg.blocks.len());
    for (block, number) in seg.blocks.iter().zip(&numbers) {
        let id = passage_id(&meta.id, block.kind, number.n);
        let mut footnotes = Vec::new();
        for r in &block.refs {
            match footnote_ids.get(r.as_str()) {
                Some(fid) => {
                    footnotes.push(fid.clone());
                    cited_by.entry(fid.clone()).or_insert_with(|| id.clone());
                }
                None => unresolved_refs += 1,
            }
        }
        let mut passage = Passage {
            id,
            doc: meta.id.clone(),
            doc_title: meta.title.clone(),
            doc_publisher: meta.publisher.clone(),
            doc_published: meta.published,
            doc_authors: meta.authors.clone(),
            doc_url: meta.url.clone(),
            kind: block.kind,
            n: number.n,
            section: block.section.clone(),
            text: block.text.clone(),
            refs: block.refs.clone(),
            footnotes,
            cited_by: None,
            sources: block.sources.clone(),
            countries: Vec::new(),
            groups: Vec::new(),
            places: Vec::new(),
            persons: Vec::new(),
            dates: Vec::new(),
            line: line_of(origin.line_starts, &block.span),
            page: block.page,
            date_mentions: Vec::new(),
            citations: Vec::new(),
            span: (!block.span.is_empty()).then(|| block.span.clone()),
        };
        ctx = add_dates(&mut passage, &ctx);
        add_citations(&mut passage, &mut titles);
        passages.push(passage);
    }
    add_entities(&mut passages, extractor);
    for p in &mut passages {
        if p.kind == PassageKind::Footnote {
            p.cited_by = cited_by.get(&p.id).cloned();
        }
    }
    cited_sections(&mut passages);
    inherit_sources(&mut passages);
    Report {
        meta,
        passages,
        unresolved_refs,
        span: seg.span,
    }
}

/// Each footnote's id by the label its references use.
fn footnote_ids<'a>(
    doc: &str,
    blocks: &[Block],
    numbers: &'a [Numbering],
) -> HashMap<&'a str, String> {
    blocks
        .iter()
        .zip(numbers)
        .filter(|(b, _)| b.kind == PassageKind::Footnote)
        .map(|(_, n)| {
            (
                n.label.as_str(),
                passage_id(doc, PassageKind::Footnote, n.n),
            )
        })
        .collect()
}

/// A footnote sits in the section of the passage citing it: notes gathered
/// at the end of a report (markdown, endnotes, Word) are about the text
/// that cites them, not about the last section.
fn cited_sections(passages: &mut [Passage]) {
    let sections: HashMap<String, Vec<String>> = passages
        .iter()
        .filter(|p| !p.footnotes.is_empty())
        .map(|p| (p.id.clone(), p.section.clone()))
        .collect();
    for p in passages
        .iter_mut()
        .filter(|p| p.kind == PassageKind::Footnote)
    {
        if let Some(section) = p.cited_by.as_ref().and_then(|c| sections.get(c)) {
            p.section.clone_from(section);
        }
    }
}

/// The id of a passage: `<doc>/<letter><n>`.
pub(crate) fn passage_id(doc: &str, kind: PassageKind, n: u32) -> String {
    format!("{doc}/{}{n}", kind.letter())
}

struct Numbering {
    n: u32,
    label: String,
}

/// Numbers passages per kind; footnotes keep their own number where they have one.
fn number_blocks(blocks: &[Block]) -> Vec<Numbering> {
    let mut counters: BTreeMap<PassageKind, u32> = BTreeMap::new();
    blocks
        .iter()
        .map(|b| {
            let counter = counters.entry(b.kind).or_insert(0);
            *counter += 1;
            let n = match (b.kind, b.number) {
                (PassageKind::Footnote, Some(own)) => own,
                _ => *counter,
            };
            Numbering {
                n,
                label: n.to_string(),
            }
        })
        .collect()
}

/// The report's metadata: what its text says, then what its sidecar entry
/// says, then what can be derived (an id from the file name, the file name
/// as title).
fn metadata(seg: &Segmented, origin: &Origin<'_>) -> DocMeta {
    let stem = origin
        .file_name
        .rsplit_once('.')
        .map_or(origin.file_name, |(s, _)| s);
    // The file's own metadata speaks for the file, so for its only report.
    let mut meta = if origin.parts == 1 {
        origin.file_meta.clone()
    } else {
        DocMeta::default()
    };
    meta.fill_from(&seg.meta);
    if let Some(side) = origin.sidecar {
        meta.fill_from(&side.meta);
    }
    meta.format = origin.format.name().to_string();
    if meta.id.is_empty() {
        meta.id = derived_id(stem, meta.number.as_deref(), origin);
    }
    if meta.title.is_empty() {
        meta.title = stem.to_string();
    }
    meta.source_file = origin.display.to_string();
    meta
}

/// `crisisgroup-258` from a file `crisisgroup-….txt` holding Report 258; else
/// the file stem, with the part number when the file holds several reports.
fn derived_id(stem: &str, number: Option<&str>, origin: &Origin<'_>) -> String {
    let stem = slug(stem);
    match number {
        Some(n) => {
            let publisher = stem.split('-').next().unwrap_or("report");
            format!("{publisher}-{}", slug(n))
        }
        None if origin.parts > 1 => format!("{stem}-{}", origin.part),
        None => stem,
    }
}

/// Each passage's entities, extracted knowing the whole report (a lone
/// surname is the person named in full elsewhere in it).
fn add_entities(passages: &mut [Passage], extractor: &Extractor) {
    let texts: Vec<(&str, &[String])> = passages
        .iter()
        .map(|p| (p.text.as_str(), p.sources.as_slice()))
        .collect();
    let mentions = extractor.report_entities(&texts);
    for (p, found) in passages.iter_mut().zip(mentions) {
        set_entities(p, found);
    }
}

fn set_entities(passage: &mut Passage, mentions: Vec<Mention>) {
    let found = Entities::from_mentions(mentions);
    passage.countries = found.countries;
    passage.groups = found.groups;
    passage.places = found.places;
    passage.persons = found.persons;
}

/// A footnote's cited works, parsed; a passage that names outlets itself
/// (`Source: Reuters`) cites them as outlets.
fn add_citations(passage: &mut Passage, titles: &mut CitedTitles) {
    if passage.kind == PassageKind::Footnote {
        passage.citations = parse_citations(&passage.text, titles);
        passage.sources = source_names(&passage.citations);
    } else {
        passage.citations = passage
            .sources
            .iter()
            .map(|s| Citation {
                kind: "outlet".into(),
                source: s.clone(),
                ..Citation::default()
            })
            .collect();
        passage.sources = source_names(&passage.citations);
    }
}

/// A passage's `sources` also name what its footnotes cite: `--cites
/// Hürriyet` finds the paragraph whose claim a Hürriyet article backs.
fn inherit_sources(passages: &mut [Passage]) {
    let by_id: HashMap<String, Vec<String>> = passages
        .iter()
        .filter(|p| p.kind == PassageKind::Footnote && !p.sources.is_empty())
        .map(|p| (p.id.clone(), p.sources.clone()))
        .collect();
    for p in passages.iter_mut().filter(|p| !p.footnotes.is_empty()) {
        for f in &p.footnotes {
            for s in by_id.get(f).into_iter().flatten() {
                if !p.sources.contains(s) {
                    p.sources.push(s.clone());
                }
            }
        }
    }
}

/// The passage's dates, resolved in the report's running context; returns the
/// context for the next passage. The running text carries the year it talks
/// about from passage to passage (`In 1996 …` then `On 23 August, …`);
/// footnotes and captions, asides to it, neither read nor move that year.
fn add_dates(passage: &mut Passage, ctx: &DateContext) -> DateContext {
    let aside = matches!(passage.kind, PassageKind::Footnote | PassageKind::Caption);
    let own = DateContext {
        running_year: if aside { None } else { ctx.running_year },
        ..*ctx
    };
    let mentions = extract_dates(&passage.text, &own);
    let next = if aside { *ctx } else { ctx.carried(&mentions) };
    for m in &mentions {
        if passage.dates.contains(&m.value) {
            continue;
        }
        passage.dates.push(m.value.clone());
        passage.date_mentions.push(DateInfo {
            value: m.value.clone(),
            start: m.first_day,
            end: m.last_day,
            precision: m.precision,
            qualifier: m.qualifier,
            span: m.span.clone(),
        });
    }
    next
}

/// Byte offsets where each line of `text` starts.
pub(crate) fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The 1-based line where a span starts; none when the format has no lines.
fn line_of(line_starts: &[usize], span: &Range<usize>) -> Option<u32> {
    if line_starts.is_empty() || span.is_empty() {
        return None;
    }
    let line = line_starts.partition_point(|&s| s <= span.start);
    Some(u32::try_from(line).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_one_based() {
        let starts = line_starts("a\nbb\nccc");
        assert_eq!(line_of(&starts, &(0..1)), Some(1));
        assert_eq!(line_of(&starts, &(2..3)), Some(2));
        assert_eq!(line_of(&starts, &(6..8)), Some(3));
        assert_eq!(line_of(&starts, &(0..0)), None);
        assert_eq!(line_of(&[], &(0..5)), None);
    }
}

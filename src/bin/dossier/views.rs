//! What the commands and `dossier serve` both print: the JSON shape of each
//! object of `docs/json.md` (hit, facet count, passage in context, document,
//! timeline entry, source, search summary) and the lookups that gather a
//! passage's footnotes or a citation's documents. The command line writes them
//! one per line; the server puts them in a response.

use anyhow::Result;
use dossier::{
    CiteOptions, Cited, DocMeta, DocSummary, Expansion, FacetCount, Hit, InContext, IndexHandle,
    Passage, PassageKind, Precision, Provenance, Qualifier, SearchResults, SourceCount,
    TimelineEntry, in_context,
};
use jiff::civil::Date;
use serde::Serialize;

/// A hit as JSON: the passage's contract fields plus `score`, `snippet`,
/// `footnote_texts` and `expansions` (the widenings of query words it matched).
#[derive(Serialize)]
pub(crate) struct JsonHit<'a> {
    #[serde(flatten)]
    passage: &'a Passage,
    score: f32,
    snippet: String,
    footnote_texts: &'a [String],
    expansions: Vec<&'a Expansion>,
}

impl<'a> JsonHit<'a> {
    pub(crate) fn of(hit: &'a Hit, expansions: &'a [Expansion]) -> JsonHit<'a> {
        JsonHit {
            passage: &hit.passage,
            score: hit.score,
            snippet: hit.snippet.to_bold(),
            footnote_texts: &hit.footnote_texts,
            expansions: hit
                .expansions
                .iter()
                .filter_map(|&i| expansions.get(i))
                .collect(),
        }
    }
}

/// A facet count as JSON: `{"facet":"country","value":"TR","count":12}`.
#[derive(Serialize)]
pub(crate) struct JsonFacet<'a> {
    facet: dossier::Dimension,
    value: &'a str,
    count: u64,
}

impl<'a> JsonFacet<'a> {
    pub(crate) fn of(f: &'a FacetCount) -> JsonFacet<'a> {
        JsonFacet {
            facet: f.dim,
            value: &f.value,
            count: f.count,
        }
    }
}

/// What a page of hits was taken from (`search --summary`).
#[derive(Serialize)]
pub(crate) struct Summary {
    /// Matching passages counted (all of them when `counted_all`).
    total: usize,
    /// Whether `total` counts every matching passage: passages with only
    /// some of the words are counted only when a page reaches them.
    counted_all: bool,
    /// Hits printed.
    shown: usize,
    /// Hits skipped before them (`--offset`).
    offset: usize,
}

impl Summary {
    pub(crate) fn of(results: &SearchResults, offset: usize) -> Summary {
        Summary {
            total: results.total,
            counted_all: results.counted_all,
            shown: results.hits.len(),
            offset,
        }
    }
}

/// A passage with what `show` prints around it: its neighbours, the
/// footnotes it cites (or the passage citing it) and its document's record.
pub(crate) struct Shown {
    pub ctx: InContext,
    pub footnotes: Vec<Passage>,
    pub cited_by: Option<Passage>,
    docs: Vec<DocSummary>,
}

impl Shown {
    /// The passage `id` with `context` neighbours on each side.
    pub(crate) fn load(handle: &IndexHandle, id: &str, context: usize) -> Result<Shown> {
        let ctx = in_context(handle, id.trim(), context)?;
        let footnotes: Vec<Passage> = ctx
            .passage
            .footnotes
            .iter()
            .map(|id| handle.passage(id))
            .collect::<dossier::Result<_>>()?;
        let cited_by = match &ctx.passage.cited_by {
            Some(id) => Some(handle.passage(id)?),
            None => None,
        };
        Ok(Shown {
            ctx,
            footnotes,
            cited_by,
            docs: handle.docs()?,
        })
    }

    /// Where the passage's document comes from, when the index recorded it.
    pub(crate) fn provenance(&self) -> Option<&Provenance> {
        self.docs
            .iter()
            .find(|d| d.meta.id == self.ctx.passage.doc)
            .and_then(|d| d.provenance.as_ref())
    }

    /// `show --json`.
    pub(crate) fn json(&self) -> JsonShow<'_> {
        JsonShow {
            provenance: self.provenance(),
            passage: &self.ctx.passage,
            footnote_texts: self.footnotes.iter().map(|f| f.text.as_str()).collect(),
            footnote_passages: &self.footnotes,
            cited_by_passage: self.cited_by.as_ref(),
            before: &self.ctx.before,
            after: &self.ctx.after,
        }
    }
}

/// `show --json`: the passage's contract fields, its footnotes, its neighbours.
#[derive(Serialize)]
pub(crate) struct JsonShow<'a> {
    #[serde(flatten)]
    passage: &'a Passage,
    footnote_texts: Vec<&'a str>,
    footnote_passages: &'a [Passage],
    #[serde(skip_serializing_if = "Option::is_none")]
    cited_by_passage: Option<&'a Passage>,
    before: &'a [Passage],
    after: &'a [Passage],
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<&'a Provenance>,
}

/// `docs --json`: the document's metadata, then its passage counts by kind.
#[derive(Serialize)]
pub(crate) struct JsonDoc<'a> {
    #[serde(flatten)]
    meta: &'a DocMeta,
    headings: usize,
    paragraphs: usize,
    footnotes: usize,
    events: usize,
    captions: usize,
    refs_without_body: usize,
    notes_without_ref: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    provenance: Option<&'a Provenance>,
}

impl<'a> JsonDoc<'a> {
    pub(crate) fn of(d: &'a DocSummary) -> JsonDoc<'a> {
        let count = |k| d.counts.get(&k).copied().unwrap_or(0);
        JsonDoc {
            meta: &d.meta,
            headings: count(PassageKind::Heading),
            paragraphs: count(PassageKind::Paragraph),
            footnotes: count(PassageKind::Footnote),
            events: count(PassageKind::Event),
            captions: count(PassageKind::Caption),
            refs_without_body: d.refs_without_body,
            notes_without_ref: d.notes_without_ref,
            provenance: d.provenance.as_ref(),
        }
    }
}

/// A timeline entry as JSON: the date, the sentence, and the passage's citation fields.
#[derive(Serialize)]
pub(crate) struct JsonEntry<'a> {
    date: &'a str,
    start: Date,
    end: Date,
    precision: Precision,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<Qualifier>,
    sentence: &'a str,
    id: &'a str,
    doc: &'a str,
    doc_title: &'a str,
    kind: &'a str,
    n: u32,
    section: &'a [String],
}

impl<'a> JsonEntry<'a> {
    pub(crate) fn of(e: &'a TimelineEntry) -> JsonEntry<'a> {
        JsonEntry {
            date: &e.date.value,
            start: e.date.start,
            end: e.date.end,
            precision: e.date.precision,
            qualifier: e.date.qualifier,
            sentence: &e.sentence,
            id: &e.passage.id,
            doc: &e.passage.doc,
            doc_title: &e.passage.doc_title,
            kind: e.passage.kind.name(),
            n: e.passage.n,
            section: &e.passage.section,
        }
    }
}

/// A source as JSON: `{"source":"Hürriyet","count":5,"works":[{"title":…,"count":1}]}`.
#[derive(Serialize)]
pub(crate) struct JsonSource<'a> {
    source: &'a str,
    count: usize,
    works: Vec<JsonWork<'a>>,
}

#[derive(Serialize)]
struct JsonWork<'a> {
    title: &'a str,
    count: usize,
}

impl<'a> JsonSource<'a> {
    /// The source with its first `works` works.
    pub(crate) fn of(s: &'a SourceCount, works: usize) -> JsonSource<'a> {
        JsonSource {
            source: &s.source,
            count: s.count,
            works: s
                .works
                .iter()
                .take(works)
                .map(|(title, count)| JsonWork {
                    title,
                    count: *count,
                })
                .collect(),
        }
    }
}

/// `dossier cite ID…`: each passage quoted with a pin cite, or its report
/// described for a reference manager, in `options.format`.
///
/// Passages carry their report's title, publisher and date but not its
/// authors or URL: those are read from the document table, once.
pub(crate) fn cite_passages(
    handle: &IndexHandle,
    ids: &[String],
    options: &CiteOptions,
) -> Result<String> {
    let passages: Vec<Passage> = ids
        .iter()
        .map(|id| handle.passage(id.trim()))
        .collect::<dossier::Result<_>>()?;
    let footnotes: Vec<Vec<Passage>> = passages
        .iter()
        .map(|p| p.footnotes.iter().map(|id| handle.passage(id)).collect())
        .collect::<dossier::Result<_>>()?;
    let docs = handle.docs()?;
    let metas: Vec<DocMeta> = passages
        .iter()
        .map(|p| {
            docs.iter()
                .find(|d| d.meta.id == p.doc)
                .map_or_else(|| meta_of(p), |d| d.meta.clone())
        })
        .collect();
    let items: Vec<Cited<'_>> = passages
        .iter()
        .zip(&metas)
        .zip(&footnotes)
        .map(|((passage, doc), footnotes)| Cited {
            passage,
            doc,
            footnotes,
        })
        .collect();
    Ok(dossier::cite(&items, options))
}

/// What the passage itself says of its report, should the document table
/// not list it (an index is written with both, so this is a safety net).
fn meta_of(p: &Passage) -> DocMeta {
    DocMeta {
        id: p.doc.clone(),
        title: p.doc_title.clone(),
        publisher: p.doc_publisher.clone(),
        published: p.doc_published,
        ..DocMeta::default()
    }
}

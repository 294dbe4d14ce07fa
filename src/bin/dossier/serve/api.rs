//! The endpoints under `/api/`: each reads its parameters, calls the library
//! function its command calls, and answers one JSON object holding the
//! objects that command's `--json` prints (`docs/api.md`).

use dossier::{
    CiteFormat, CiteOptions, Dimension, FacetCount, Matching, SearchRequest, TimelineRequest,
    facets, search, sources, timeline,
};
use serde::Serialize;

use super::choices;
use super::live::Live;
use super::params::Params;
use super::routes::ApiError;
use crate::views::{
    JsonDoc, JsonEntry, JsonFacet, JsonHit, JsonSource, Shown, Summary, cite_passages,
};

/// Most hits, entries or counted values in one page.
pub(crate) const MAX_PAGE: usize = 100;
/// Furthest a page may start (as `search --offset`).
const MAX_OFFSET: usize = 10_000;
/// Most neighbours on each side of a shown passage.
const MAX_CONTEXT: usize = 20;
/// Most passages cited at once.
const MAX_CITED: usize = 20;

type Answer = Result<Vec<u8>, ApiError>;

/// The reply body of `/api/<endpoint>?<query>`.
pub(crate) fn answer(live: &Live, endpoint: &str, query: &str) -> Answer {
    let handle = live.handle();
    let h = handle.as_ref();
    match endpoint {
        "search" => search_page(h, &Params::parse(query, SEARCH)?),
        "facets" => facet_counts(h, &Params::parse(query, &["q", "top", "field"])?),
        "show" => show(h, &Params::parse(query, &["id", "context"])?),
        "docs" => docs(h, &Params::parse(query, &[])?),
        "timeline" => timeline_page(h, &Params::parse(query, &["q", "limit", "offset"])?),
        "sources" => source_counts(h, &Params::parse(query, &["q", "top", "works"])?),
        "cite" => cite(h, &Params::parse(query, &["id", "format", "sentences"])?),
        _ => Err(ApiError {
            status: 404,
            message: format!(
                "no endpoint /api/{}; try search, facets, show, docs, timeline, sources, cite",
                endpoint.escape_default()
            ),
        }),
    }
}

/// Serialises a reply body.
fn body(value: &impl Serialize) -> Answer {
    serde_json::to_vec(value).map_err(|e| ApiError::of(&e.into()))
}

/// The parameters of `/api/search`.
const SEARCH: &[&str] = &[
    "q",
    "limit",
    "offset",
    "facets",
    "facet_top",
    "exact",
    "duplicates",
];

/// `/api/facets`.
#[derive(Serialize)]
struct Facets<'a> {
    facets: Vec<JsonFacet<'a>>,
}

/// `/api/docs`.
#[derive(Serialize)]
struct Docs<'a> {
    docs: Vec<JsonDoc<'a>>,
}

/// `/api/timeline`: a page of entries and how many there are in all.
#[derive(Serialize)]
struct TimelinePage<'a> {
    entries: Vec<JsonEntry<'a>>,
    total: usize,
}

/// `/api/sources`.
#[derive(Serialize)]
struct Sources<'a> {
    sources: Vec<JsonSource<'a>>,
}

/// `/api/cite`: the format asked and the text `dossier cite` prints.
#[derive(Serialize)]
struct Citation<'a> {
    format: &'a str,
    text: String,
}

/// `/api/search`: a page of hits, the facet counts of every match (a
/// dimension with values chosen counted without them: see `choices`), the
/// summary.
#[derive(Serialize)]
struct SearchPage<'a> {
    hits: Vec<ApiHit<'a>>,
    facets: Vec<JsonFacet<'a>>,
    summary: Summary,
}

/// A search hit as `search --json` prints it, plus the snippet as plain
/// text and where its matched words are, for a page to mark them without
/// reading markup.
#[derive(Serialize)]
struct ApiHit<'a> {
    #[serde(flatten)]
    hit: JsonHit<'a>,
    snippet_text: &'a str,
    /// `[start, end)` of each matched word, in characters of `snippet_text`.
    highlights: Vec<[usize; 2]>,
}

fn search_page(handle: &dossier::IndexHandle, p: &Params) -> Answer {
    let offset = p.number("offset", 0, (0, MAX_OFFSET))?;
    let req = SearchRequest {
        query: p.query(),
        filters: p.filters()?,
        limit: p.number("limit", 10, (1, MAX_PAGE))?,
        offset,
        facets: p.one("facets").is_none() || p.flag("facets"),
        duplicates: p.flag("duplicates"),
        matching: if p.flag("exact") {
            Matching::Exact
        } else {
            Matching::Forgiving
        },
        footnote_texts: true,
    };
    let facet_top = p.number("facet_top", 10, (1, MAX_PAGE))?;
    let mut results = search(handle, &req).map_err(|e| ApiError::of(&e.into()))?;
    if req.facets {
        let counts = std::mem::take(&mut results.facets);
        results.facets = choices::counted_as_alternatives(handle, &req.query, &req.filters, counts)
            .map_err(|e| ApiError::of(&e))?;
    }
    let hits = results
        .hits
        .iter()
        .map(|hit| ApiHit {
            hit: JsonHit::of(hit, &results.expansions),
            snippet_text: &hit.snippet.text,
            highlights: hit
                .snippet
                .highlights
                .iter()
                .map(|r| {
                    let at = |byte: usize| hit.snippet.text[..byte].chars().count();
                    [at(r.start), at(r.end)]
                })
                .collect(),
        })
        .collect();
    body(&SearchPage {
        hits,
        facets: top_per_dimension(&results.facets, facet_top)
            .map(JsonFacet::of)
            .collect(),
        summary: Summary::of(&results, offset),
    })
}

/// The first `top` counts of each dimension (the library gives them most
/// frequent first).
fn top_per_dimension(counts: &[FacetCount], top: usize) -> impl Iterator<Item = &FacetCount> {
    let mut seen: Vec<(Dimension, usize)> = Vec::new();
    counts.iter().filter(move |c| {
        let i = seen
            .iter()
            .position(|(d, _)| *d == c.dim)
            .unwrap_or_else(|| {
                seen.push((c.dim, 0));
                seen.len() - 1
            });
        seen[i].1 += 1;
        seen[i].1 <= top
    })
}

/// `/api/facets`: `{"facets": [facet count…]}`, `field` keeping some dimensions.
fn facet_counts(handle: &dossier::IndexHandle, p: &Params) -> Answer {
    let mut fields = Vec::new();
    for name in p.all("field") {
        fields.push(
            Dimension::parse(&name)
                .filter(|d| Dimension::COUNTED.contains(d))
                .ok_or_else(|| ApiError::bad(format!("field={name}: unknown facet")))?,
        );
    }
    let top = p.number("top", 10, (1, MAX_PAGE))?;
    let mut counts =
        facets(handle, &p.query(), &p.filters()?, top).map_err(|e| ApiError::of(&e.into()))?;
    if !fields.is_empty() {
        counts.retain(|c| fields.contains(&c.dim));
    }
    body(&Facets {
        facets: counts.iter().map(JsonFacet::of).collect(),
    })
}

/// `/api/show?id=…&context=N`: the passage in context, as `show --json`.
fn show(handle: &dossier::IndexHandle, p: &Params) -> Answer {
    let id = p
        .one("id")
        .filter(|id| !id.trim().is_empty())
        .ok_or_else(|| ApiError::bad("give the passage: id=crisisgroup-258/p12"))?;
    let context = p.number("context", 2, (0, MAX_CONTEXT))?;
    let shown = Shown::load(handle, id, context).map_err(|e| ApiError::of(&e))?;
    body(&shown.json())
}

/// `/api/docs`: `{"docs": [document…]}`.
fn docs(handle: &dossier::IndexHandle, _: &Params) -> Answer {
    let all = handle.docs().map_err(|e| ApiError::of(&e.into()))?;
    body(&Docs {
        docs: all.iter().map(JsonDoc::of).collect(),
    })
}

/// `/api/timeline`: `{"entries": [timeline entry…], "total": N}`.
fn timeline_page(handle: &dossier::IndexHandle, p: &Params) -> Answer {
    let req = TimelineRequest {
        query: p.query(),
        filters: p.filters()?,
        limit: p.number("limit", 50, (1, MAX_PAGE))?,
        offset: p.number("offset", 0, (0, MAX_OFFSET))?,
    };
    let t = timeline(handle, &req).map_err(|e| ApiError::of(&e.into()))?;
    body(&TimelinePage {
        entries: t.entries.iter().map(JsonEntry::of).collect(),
        total: t.total,
    })
}

/// `/api/sources`: `{"sources": [source…]}`, most cited first.
fn source_counts(handle: &dossier::IndexHandle, p: &Params) -> Answer {
    let top = p.number("top", 20, (1, MAX_PAGE))?;
    let works = p.number("works", 3, (0, MAX_PAGE))?;
    let all = sources(handle, &p.query(), &p.filters()?).map_err(|e| ApiError::of(&e.into()))?;
    body(&Sources {
        sources: all
            .iter()
            .take(top)
            .map(|s| JsonSource::of(s, works))
            .collect(),
    })
}

/// `/api/cite?id=…[&id=…]&format=F`: `{"format": F, "text": "…"}`, the text
/// `dossier cite` prints.
fn cite(handle: &dossier::IndexHandle, p: &Params) -> Answer {
    let ids = p.all("id");
    if ids.is_empty() || ids.len() > MAX_CITED {
        return Err(ApiError::bad(format!(
            "give 1 to {MAX_CITED} passages: id=crisisgroup-258/p12"
        )));
    }
    let name = p.one("format").unwrap_or("text");
    let format: CiteFormat = name
        .parse()
        .map_err(|e: String| ApiError::bad(format!("format={name}: {e}")))?;
    let sentences = match p.one("sentences") {
        Some(_) => Some(p.number("sentences", 1, (1, 10_000))?),
        None => None,
    };
    let options = CiteOptions { format, sentences };
    let text = cite_passages(handle, &ids, &options).map_err(|e| ApiError::of(&e))?;
    body(&Citation { format: name, text })
}

//! Segmentation: a report file's text → documents made of citable passages.
//!
//! In: the text of one file. Out: one [`Segmented`] per report in it, each a
//! list of [`Block`]s (kind, cleaned text, section path, footnote references,
//! sources) in reading order, plus the metadata the text itself carries. Ids,
//! entities and dates are added later (`ingest::assemble`). Infallible: odd
//! input gives odd passages, never an error or a panic.
//!
//! The stages, each in its own module: `reader` cuts the text into raw blocks
//! (pulldown-cmark for markdown input), `inline` turns their markdown into
//! plain text, `markers` reads footnote markers and citations, `classify`
//! decides what each block is, `stitch` rejoins what page breaks and footnote
//! blocks cut apart, `pullquote` drops repeated pull-quotes, `glued` reads bare
//! footnote numbers, and this module puts sections and footnotes together.
//! Structure is detected from content, never from file names.

mod block;
mod classify;
mod emit;
mod glued;
mod inline;
mod labels;
mod lists;
mod markdown;
mod markers;
mod notes;
mod plain;
mod pullquote;
mod raw;
mod reader;
mod residue;
mod roles;
mod stitch;

use std::ops::Range;

use crate::model::DocMeta;
pub(crate) use block::{Block, Segmented};
pub(crate) use inline::{Inline, Link, NOTE_OPEN, note_marker};
pub(crate) use markers::FN_CLOSE;
use markers::RefTarget;
use notes::NoteNumbers;
pub(crate) use raw::RawBlock;
pub(crate) use raw::{Emphasis, NoteLabel, Shape};
pub(crate) use reader::Syntax;
pub(crate) use stitch::Continuity;
use stitch::{Piece, Role};

/// Splits `text[start..]` (what follows front matter) into reports and passages.
pub(crate) fn segment_text(text: &str, start: usize, syntax: Syntax) -> Vec<Segmented> {
    let start = start.min(text.len());
    split_reports(text, start)
        .into_iter()
        .map(|range| {
            let raw = reader::read(text, range.clone(), syntax, &roles::line_kind);
            segment_raw(raw, range, Continuity::CutByPages, NoteNumbers::ByFirstUse)
        })
        .collect()
}

/// Byte ranges of the reports in a file: a new report starts at each series
/// line (`Report 306 / Africa`) after the first, together with the chrome
/// lines (photo caption, icon row) just above it.
fn split_reports(text: &str, start: usize) -> Vec<Range<usize>> {
    let lines = plain::lines(text, start..text.len());
    let series: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| classify::series(&text[(*l).clone()]).is_some())
        .map(|(i, _)| i)
        .collect();
    let mut starts = vec![start];
    for &i in series.iter().skip(1) {
        let mut first = i;
        while first > 0 {
            let above = text[lines[first - 1].clone()].trim();
            if above.is_empty() || classify::is_chrome(above) {
                first -= 1;
            } else {
                break;
            }
        }
        starts.push(lines[first].start);
    }
    let mut out: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    out.push(starts[starts.len() - 1]..text.len());
    out
}

/// Turns one report's raw blocks, from any format reader, into passages:
/// notes numbered, roles given, continuations stitched, pull-quotes
/// dropped, glued markers read, sections and footnotes emitted. `span` is
/// the report's byte range in its file (empty when the format has none).
/// The notes' labels are those the reader sees printed, and numbered ones
/// keep their numbers.
pub(crate) fn segment_blocks(
    raw: Vec<RawBlock>,
    span: Range<usize>,
    continuity: Continuity,
) -> Segmented {
    segment_raw(raw, span, continuity, NoteNumbers::Printed)
}

/// [`segment_blocks`], with the way note labels become numbers.
fn segment_raw(
    mut raw: Vec<RawBlock>,
    span: Range<usize>,
    continuity: Continuity,
    numbering: NoteNumbers,
) -> Segmented {
    notes::number(&mut raw, numbering);
    let mut meta = DocMeta::default();
    let pieces = roles::classify_all(&raw, &mut meta);
    let pieces = stitch::stitch(pieces, continuity);
    let pieces = drop_pull_quotes(pieces);
    let pieces = unglue_markers(pieces);
    Segmented {
        blocks: emit::emit(pieces),
        meta,
        span,
    }
}

/// Removes prose blocks that repeat part of a nearby paragraph.
fn drop_pull_quotes(pieces: Vec<Piece>) -> Vec<Piece> {
    let prose: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches!(p.role, Role::Para) && p.marked.refs.is_empty() && p.marked.bodies.is_empty()
        })
        .map(|(i, _)| i)
        .collect();
    let candidates_and_targets: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.role, Role::Para | Role::Item))
        .map(|(i, _)| i)
        .collect();
    let texts: Vec<&str> = candidates_and_targets
        .iter()
        .map(|&i| pieces[i].marked.text.as_str())
        .collect();
    let quotes: Vec<usize> = pullquote::find(&texts)
        .into_iter()
        .map(|k| candidates_and_targets[k])
        .filter(|i| prose.contains(i))
        .collect();
    pieces
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !quotes.contains(i))
        .map(|(_, p)| p)
        .collect()
}

/// For reports with no footnote mechanism at all, reads bare glued markers.
fn unglue_markers(mut pieces: Vec<Piece>) -> Vec<Piece> {
    // Note bodies without a single reference to them (a PDF-to-text export
    // that printed superscript markers as plain digits) do not stop the read.
    let any_refs = pieces.iter().any(|p| !p.marked.refs.is_empty());
    if any_refs {
        return pieces;
    }
    let prose: Vec<usize> = (0..pieces.len())
        .filter(|&i| matches!(pieces[i].role, Role::Para | Role::Item | Role::Event))
        .collect();
    let texts: Vec<&str> = prose
        .iter()
        .map(|&i| pieces[i].marked.text.as_str())
        .collect();
    if let Some(unglued) = glued::unglue(&texts) {
        for (&i, u) in prose.iter().zip(unglued) {
            let p = &mut pieces[i];
            p.marked.text = u.text;
            p.marked.refs = u
                .refs
                .into_iter()
                .map(|n| markers::Ref {
                    target: RefTarget::Number(n),
                    at: 0,
                })
                .collect();
        }
    }
    pieces
}

/// The segmenter's output in a compact review format, one block per line:
/// `kind n [refs] {section} text`. For `dossier debug segment` and snapshots.
pub(crate) fn review(reports: &[Segmented]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (i, seg) in reports.iter().enumerate() {
        let m = &seg.meta;
        let _ = writeln!(
            out,
            "== report {} title={:?} series={:?} date={:?} place={:?} authors={:?} contributor={:?}",
            i + 1,
            Some(&m.title).filter(|t| !t.is_empty()),
            m.series,
            m.published.map(|d| d.to_string()),
            m.place,
            m.authors,
            m.contributor
        );
        for b in &seg.blocks {
            let page = b.page.map(|p| format!("p.{p} ")).unwrap_or_default();
            let number = b.number.map(|n| format!("#{n} ")).unwrap_or_default();
            let refs = if b.refs.is_empty() {
                String::new()
            } else {
                format!("[{}] ", b.refs.join(","))
            };
            let sources = if b.sources.is_empty() {
                String::new()
            } else {
                format!("<{}> ", b.sources.join("|"))
            };
            let _ = writeln!(
                out,
                "{:<9} {page}{number}{refs}{sources}{{{}}} {}",
                b.kind.name(),
                b.section.join(" > "),
                b.text
            );
        }
    }
    out
}

//! One search hit as people read it (citation, location, snippet, footnotes,
//! widenings; its JSON shape is `views::JsonHit`): shared by `search` and
//! `watch run`, which print the same hits and differ only in which ones.

use std::io::Write;

use anyhow::Result;
use dossier::{Expansion, ExpansionKind, Hit};

use super::render::{citation, location, refs_line, snippet_text};
use crate::output::{Out, Style};

/// `radicalization → radicalisation (other spelling)`.
pub(crate) fn expansion_line(e: &Expansion) -> String {
    let how = match e.kind {
        ExpansionKind::Spelling => "other spelling",
        ExpansionKind::Compound => "compound written otherwise",
        ExpansionKind::Typo => "typo",
        ExpansionKind::Entity => "entity name",
        ExpansionKind::Transliteration => "other transliteration",
    };
    format!("{} → {} ({how})", e.word, e.to)
}

/// A ranked hit: citation, location, snippet with the matched words marked,
/// the footnotes it cites and, given `expansions`, the widenings it matched.
pub(crate) fn write_hit(
    out: &mut Out,
    rank: usize,
    hit: &Hit,
    expansions: &[Expansion],
) -> Result<()> {
    let p = &hit.passage;
    // Citation and location lines wrap too, under the hit's number.
    let (cite, place) = (citation(out, p), location(out, p));
    out.hanging(&cite, &format!("{rank:>2}. "), "    ")?;
    out.wrapped(&place, "    ")?;
    let (open, close) = out.match_markers();
    let text = snippet_text(&hit.snippet, open, close);
    out.wrapped(&text, "    ")?;
    if let Some(refs) = refs_line(p) {
        writeln!(out, "    {}", out.paint(Style::Dim, &refs))?;
    }
    let matched: Vec<String> = hit
        .expansions
        .iter()
        .filter_map(|&i| expansions.get(i))
        .map(expansion_line)
        .collect();
    if !matched.is_empty() {
        let line = format!("matched through: {}", matched.join("; "));
        let line = out.paint(Style::Dim, &line);
        out.wrapped(&line, "    ")?;
    }
    writeln!(out)?;
    Ok(())
}

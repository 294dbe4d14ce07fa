//! Text shared by commands: citation lines, labels, dates, facet counts (their
//! JSON shapes are in `views`).

use std::io::Write;

use anyhow::Result;
use dossier::{Dimension, FacetCount, Passage, PassageKind, Provenance, Snippet};

use crate::output::{Out, Style, printable};

/// `Title · Publisher · 29 June 2020`, from the fields every passage carries
/// (so that a search never reads the document table).
pub(crate) fn citation(out: &Out, p: &Passage) -> String {
    let mut parts = vec![out.paint(Style::Bold, &p.doc_title)];
    if let Some(publisher) = &p.doc_publisher {
        parts.push(publisher.clone());
    }
    if let Some(date) = p.doc_published {
        parts.push(human_day(date));
    }
    parts.join(" · ")
}

/// `II. Recruitment › A. Who Joined · ¶ 12 · crisisgroup-258/p12`
pub(crate) fn location(out: &Out, p: &Passage) -> String {
    let mut parts = Vec::new();
    if !p.section.is_empty() {
        parts.push(out.paint(Style::Section, &p.section.join(" › ")));
    }
    parts.push(kind_label(p));
    parts.push(out.paint(Style::Dim, &p.id));
    parts.join(" · ")
}

/// `¶ 12`, `fn 3`, `heading 4`, `event 17`, `caption 2`.
pub(crate) fn kind_label(p: &Passage) -> String {
    match p.kind {
        PassageKind::Paragraph => format!("¶ {}", p.n),
        PassageKind::Footnote => format!("fn {}", p.n),
        other => format!("{} {}", other.name(), p.n),
    }
}

/// A snippet with `open`/`close` around matched words and `…` where the
/// passage's text goes on before or after it.
pub(crate) fn snippet_text(snippet: &Snippet, open: &str, close: &str) -> String {
    let mut text = snippet.marked(open, close);
    if snippet.cut_before {
        text.insert_str(0, "… ");
    }
    if snippet.cut_after {
        text.push_str(" …");
    }
    text
}

/// A snippet as plain text, matched words unmarked.
pub(crate) fn plain_snippet(snippet: &Snippet) -> String {
    snippet_text(snippet, "", "")
}

/// `footnotes 14, 15` (or refs without bodies: `refs [3], [4]`).
pub(crate) fn refs_line(p: &Passage) -> Option<String> {
    if p.refs.is_empty() {
        return None;
    }
    let label = if p.footnotes.is_empty() {
        "refs"
    } else {
        "footnotes"
    };
    Some(format!("{label} {}", p.refs.join(", ")))
}

/// A day as people write it: `29 June 2020`.
pub(crate) fn human_day(date: jiff::civil::Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

/// One line per dimension: `country  TR 120 · ML 80 · FR 41`.
pub(crate) fn write_facets(out: &mut Out, counts: &[FacetCount]) -> Result<()> {
    for dim in Dimension::COUNTED {
        let values: Vec<String> = counts
            .iter()
            .filter(|c| c.dim == dim)
            .map(|c| {
                format!(
                    "{} {}",
                    c.value,
                    out.paint(Style::Dim, &c.count.to_string())
                )
            })
            .collect();
        if values.is_empty() {
            continue;
        }
        let label = out.paint(Style::Bold, &format!("{:<8}", dim.name()));
        let indent = " ".repeat(9);
        let body = values.join(" · ");
        let mut lines = textwrap::wrap(
            &body,
            textwrap::Options::new(out.width.saturating_sub(9).max(20)),
        );
        let first = if lines.is_empty() {
            String::new()
        } else {
            lines.remove(0).into_owned()
        };
        writeln!(out, "{label} {first}")?;
        for l in lines {
            writeln!(out, "{indent}{l}")?;
        }
    }
    Ok(())
}

/// Where a document comes from, on one line: `from reports/a.pdf (pdf/1,
/// hash 93162793d8a91fee), read 2026-12-03T14:04:43Z by dossier 0.1.0`.
pub(crate) fn provenance_line(p: &Provenance) -> String {
    format!(
        "from {} ({}, hash {}), read {} by dossier {}",
        printable(&p.source_path.display().to_string()),
        p.reader,
        p.content_hash,
        p.ingested_at,
        p.dossier_version
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_days() {
        assert_eq!(human_day(jiff::civil::date(2020, 6, 29)), "29 June 2020");
        assert_eq!(human_day(jiff::civil::date(2020, 6, 9)), "9 June 2020");
    }
}

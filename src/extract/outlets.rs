//! Mentions inside a cited outlet's name: `Liberian Observer` or `U.S.
//! Department of State` in a passage's source list names the source, not
//! Liberia or the United States.
//!
//! In: a passage's text, the outlets it cites and its mentions. Out: the same
//! mentions without the countries and places that fall inside an outlet's
//! name as the passage writes it.

use std::ops::Range;

use super::mention::{EntityKind, Mention};

/// Drops country and place mentions that fall inside a cited outlet's name.
pub(crate) fn drop_inside_sources(text: &str, sources: &[String], mentions: &mut Vec<Mention>) {
    if sources.is_empty() {
        return;
    }
    let mut spans: Vec<Range<usize>> = Vec::new();
    // An empty name would be found everywhere, and never move the search on.
    for s in sources.iter().filter(|s| !s.is_empty()) {
        let mut from = 0;
        while let Some(i) = text[from..].find(s.as_str()) {
            spans.push(from + i..from + i + s.len());
            from += i + s.len();
        }
    }
    mentions.retain(|m| {
        !matches!(m.kind, EntityKind::Country | EntityKind::Place)
            || !spans
                .iter()
                .any(|s| s.start <= m.span.start && m.span.end <= s.end)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: EntityKind, span: Range<usize>, canonical: &str) -> Mention {
        Mention {
            kind,
            span,
            canonical: canonical.to_string(),
        }
    }

    #[test]
    fn an_empty_source_name_drops_nothing_and_ends() {
        let mut ms = vec![m(EntityKind::Country, 0..7, "LR")];
        drop_inside_sources("Liberia voted.", &[String::new()], &mut ms);
        assert_eq!(ms.len(), 1);
    }

    #[test]
    fn outlets_are_sources_not_mentions() {
        let text = "Gunmen attacked. Sources: Liberian Observer, Reuters";
        let mut ms = vec![m(EntityKind::Country, 26..34, "LR")];
        drop_inside_sources(
            text,
            &["Liberian Observer".into(), "Reuters".into()],
            &mut ms,
        );
        assert!(ms.is_empty());
        let mut kept = vec![m(EntityKind::Country, 0..6, "LR")];
        drop_inside_sources(
            "Liberia voted. Source: Reuters",
            &["Reuters".into()],
            &mut kept,
        );
        assert_eq!(kept.len(), 1);
    }
}

//! Entity rules that need more than one passage's text: mentions inside
//! cited sources, and persons named in full elsewhere in the document.
//!
//! In: a passage's mentions from the extractors and the sources it cites, or
//! a whole report's passages and mentions. Out: the same, minus countries and
//! places named inside an outlet the passage cites (`Liberian Observer`,
//! `U.S. Department of State` in a source list: the outlet is the source, not
//! a mention); and the surnames the document's full names make persons.

use crate::extract::{EntityKind, Extractor, Mention, fold_key};
use crate::model::Passage;
use deunicode::deunicode;
use rustc_hash::FxHashSet as HashSet;

/// Drops country and place mentions that fall inside a cited outlet's name.
pub(crate) fn drop_inside_sources(text: &str, sources: &[String], mentions: &mut Vec<Mention>) {
    if sources.is_empty() {
        return;
    }
    let mut spans = Vec::new();
    for s in sources {
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

/// Lets each passage know the persons the rest of its report names in full,
/// so a lone `Keïta` three sections after `President Ibrahim Boubacar Keïta`
/// is that person. Only passages that contain one of those surnames are
/// extracted again. Left out: a surname the report also writes in lower case
/// (`Long`, `Rice`: a word), inside a group or place name (`Macina`), or after
/// another capitalised name (`Talha al-Libi` beside `Abu Yahya al-Libi`).
pub(crate) fn resolve_persons_across(
    passages: &[Passage],
    mentions: &mut [Vec<Mention>],
    extractor: &Extractor,
) {
    let mut full: Vec<String> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == EntityKind::Person && m.canonical.contains(' '))
        .map(|m| m.canonical.clone())
        .collect();
    full.sort_unstable();
    full.dedup();
    let named_otherwise = names_of_other_entities(passages, mentions);
    full.retain(|name| {
        name.rsplit(' ').next().is_some_and(|last| {
            !written_lower_case(passages, last)
                && !named_otherwise.contains(&fold_key(last))
                && !passages
                    .iter()
                    .any(|p| p.text.contains(last) && extractor.surname_shared(&p.text, name))
        })
    });
    if full.is_empty() {
        return;
    }
    let surnames: Vec<String> = full
        .iter()
        .filter_map(|name| name.rsplit(' ').next())
        .flat_map(|last| [last.to_owned(), deunicode(last)])
        .collect();
    for (passage, found) in passages.iter().zip(mentions.iter_mut()) {
        if surnames.iter().any(|s| passage.text.contains(s.as_str())) {
            let mut again = extractor.entities_knowing(&passage.text, &full);
            drop_inside_sources(&passage.text, &passage.sources, &mut again);
            *found = again;
        }
    }
}

/// The folded words of every group, country and place name the report
/// writes: `Macina` of `Katiba Macina` is not a surname to look for, even if
/// a rule read `Katina Macina` (a typo) as a person.
fn names_of_other_entities(passages: &[Passage], mentions: &[Vec<Mention>]) -> HashSet<String> {
    passages
        .iter()
        .zip(mentions)
        .flat_map(|(p, found)| {
            found
                .iter()
                .filter(|m| m.kind != EntityKind::Person)
                .flat_map(|m| p.text[m.span.clone()].split_whitespace())
        })
        .map(fold_key)
        .collect()
}

/// Whether some passage has `word` in lower case, as a whole word.
fn written_lower_case(passages: &[Passage], word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    passages.iter().any(|p| {
        p.text.match_indices(lower.as_str()).any(|(i, _)| {
            let before = p.text[..i].chars().next_back();
            let after = p.text[i + lower.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: EntityKind, span: std::ops::Range<usize>, canonical: &str) -> Mention {
        Mention {
            kind,
            span,
            canonical: canonical.to_string(),
        }
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

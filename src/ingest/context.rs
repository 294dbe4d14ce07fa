//! Entity rules that need more than one passage's text: mentions inside
//! cited sources, and persons named in full elsewhere in the document.
//!
//! In: a passage's mentions from the extractors and the sources it cites, or
//! a whole report's passages and mentions. Out: the same, minus countries and
//! places named inside an outlet the passage cites (`Liberian Observer`,
//! `U.S. Department of State` in a source list: the outlet is the source, not
//! a mention); and the surnames the document's full names make persons.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::extract::{EntityKind, Extractor, Mention, NameForms, canonicalise_persons, fold_key};
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
/// is that person, and a shorter form (`Boubacar Keïta`) takes the full one.
/// Left out: a surname the report also writes in lower case (`Long`, `Rice`:
/// a word), inside a group or place name (`Macina`), or after another
/// capitalised name (`Talha al-Libi` beside `Abu Yahya al-Libi`). Only the
/// passages where such a surname stands outside a name already found are
/// extracted again.
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
    if full.is_empty() {
        return;
    }
    let (lone, hits) = lone_surnames(passages, mentions, &full, extractor);
    let lone = extractor.known_persons(&lone);
    let full = NameForms::new(&full);
    for ((passage, found), hits) in passages.iter().zip(mentions.iter_mut()).zip(hits) {
        let outside_names = hits.iter().any(|h| {
            !found.iter().any(|m| {
                m.kind == EntityKind::Person && m.span.start <= h.start && h.end <= m.span.end
            })
        });
        if outside_names {
            *found = extractor.entities_knowing(&passage.text, &lone);
            drop_inside_sources(&passage.text, &passage.sources, found);
        }
        let persons = found.iter_mut().filter(|m| m.kind == EntityKind::Person);
        let mut names: Vec<String> = persons.map(|m| m.canonical.clone()).collect();
        canonicalise_persons(&mut names, &full);
        let persons = found.iter_mut().filter(|m| m.kind == EntityKind::Person);
        for (m, name) in persons.zip(names) {
            m.canonical = name;
        }
    }
}

/// The names of `full` whose surname alone may stand for them in this
/// report, and per passage where those surnames occur.
fn lone_surnames(
    passages: &[Passage],
    mentions: &[Vec<Mention>],
    full: &[String],
    extractor: &Extractor,
) -> (Vec<String>, Vec<Vec<Range<usize>>>) {
    let mut lone = full.to_vec();
    let in_lower_case = words_written_lower_case(passages, &lone);
    let named_otherwise = names_of_other_entities(passages, mentions);
    lone.retain(|name| {
        let last = surname(name);
        !in_lower_case.contains(&last.to_lowercase()) && !named_otherwise.contains(&fold_key(last))
    });
    let (forms, hits) = surname_hits(passages, &lone);
    // What a hit shares a name with is the word right before it.
    let before_hits = passages.iter().zip(&hits).flat_map(|(p, hits)| {
        hits.iter().map(|(_, h)| {
            let mut start = h.start.saturating_sub(WORD_BEFORE);
            while !p.text.is_char_boundary(start) {
                start -= 1;
            }
            &p.text[start..h.end]
        })
    });
    let mut shared = extractor.shared_surnames(before_hits, &lone).into_iter();
    lone.retain(|_| !shared.next().unwrap_or(false));
    let kept: HashSet<String> = lone
        .iter()
        .flat_map(|n| surname_forms(surname(n)))
        .collect();
    let hits = hits
        .into_iter()
        .map(|hits| {
            hits.into_iter()
                .filter(|(form, _)| kept.contains(&forms[*form]))
                .map(|(_, range)| range)
                .collect()
        })
        .collect();
    (lone, hits)
}

/// Bytes of text before a surname that hold the word before it.
const WORD_BEFORE: usize = 64;

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// A surname as written, and without accents (`Keïta`, `Keita`).
fn surname_forms(last: &str) -> [String; 2] {
    [last.to_owned(), deunicode(last)]
}

/// Where a surname form occurs: its index among the forms, its byte range.
type FormHit = (usize, Range<usize>);

/// The surname forms of `names`, and per passage where each occurs, in one
/// pass.
fn surname_hits(passages: &[Passage], names: &[String]) -> (Vec<String>, Vec<Vec<FormHit>>) {
    let mut forms: Vec<String> = names
        .iter()
        .flat_map(|n| surname_forms(surname(n)))
        .collect();
    forms.sort_unstable();
    forms.dedup();
    let Some(finder) = matcher(&forms) else {
        return (forms, vec![Vec::new(); passages.len()]);
    };
    let hits = passages
        .iter()
        .map(|p| {
            finder
                .find_iter(&p.text)
                .map(|m| (m.pattern().as_usize(), m.range()))
                .collect()
        })
        .collect();
    (forms, hits)
}

/// A matcher for a few dozen words, over a whole report: a DFA, the fastest
/// kind to search with and small for so few patterns.
fn matcher(words: &[String]) -> Option<AhoCorasick> {
    if words.is_empty() {
        return None;
    }
    let finder = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("surnames are small patterns");
    Some(finder)
}

/// The lower-case forms of the surnames of `names` that some passage writes
/// as a whole word (`long` for `Jane Long`), in one pass over the report.
fn words_written_lower_case(passages: &[Passage], names: &[String]) -> HashSet<String> {
    // A surname written in lower case in the name itself cannot be told apart.
    let mut wanted: Vec<String> = names
        .iter()
        .map(|n| surname(n))
        .map(|last| (last, last.to_lowercase()))
        .filter(|(last, lower)| last != lower)
        .map(|(_, lower)| lower)
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut seen = HashSet::default();
    let Some(finder) = matcher(&wanted) else {
        return seen;
    };
    let is_word_char = |c: char| c.is_alphanumeric();
    for p in passages {
        for m in finder.find_iter(&p.text) {
            let before = p.text[..m.start()].chars().next_back();
            let after = p.text[m.end()..].chars().next();
            if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
                seen.insert(wanted[m.pattern().as_usize()].clone());
            }
        }
    }
    seen
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

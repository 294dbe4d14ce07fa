//! What a report teaches about its groups beyond the gazetteer: the acronyms
//! it defines (`Jabhat al-Nusra (JN)`, `Movement for Oneness and Jihad in
//! West Africa (MOJWA)`) and the short names of the groups it names in full
//! (`Abu Sayyaf` where it writes `Abu Sayyaf Group`).
//!
//! In: the report's passage texts, their scans (for the short names) and
//! their mentions from one pass. Out: the same mentions with the groups so
//! learnt added, in text order. The rules:
//! - a definition is an acronym then the group's name in brackets (`JN
//!   (Jabhat al-Nusra)`), or a group's name, perhaps continued by up to
//!   [`MAX_CONTINUATION`] capitalised words and particles (`Islamic State of
//!   Iraq` + `and Greater Syria`), then `(ACR)` or `(ACR,`: an acronym of two
//!   to eight characters, first a capital, whose capitals are, in order,
//!   initials of the name's words and the first of them its first (`JN`,
//!   `MOJWA`, `ISIGS`); a country or place inside the continued name is no
//!   mention of its own. An acronym the gazetteer already reads is left to it;
//! - a defined acronym then names that group wherever the report writes it
//!   whole, with its exact case, outside other mentions;
//! - a short name is the group where the report names that group anywhere.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::mention::{EntityKind, Mention};
use super::passage::PassageScan;
use super::rules::Rules;

/// Most words after a group's name that may still belong to it before a
/// bracketed acronym (`Islamic State of Iraq` + `and Greater Syria`).
const MAX_CONTINUATION: usize = 6;

/// Lower-case words that may continue a name before its acronym.
const CONTINUING: &[&str] = &[
    "and", "of", "the", "in", "for", "al", "el", "wal", "wa", "ul", "de", "du", "des", "la", "le",
    "et", "en", "fi",
];

/// Longest acronym learnt, in characters.
const MAX_ACRONYM: usize = 8;

/// Adds to `mentions` (per passage, of `texts`) the groups the report
/// defines or names by a short name (see the module doc).
pub(crate) fn add_report_groups(
    rules: &Rules,
    texts: &[&str],
    scans: &[PassageScan<'_>],
    mentions: &mut [Vec<Mention>],
) {
    let defined = definitions(texts, mentions);
    let named: Vec<String> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == EntityKind::Group)
        .map(|m| m.canonical.clone())
        .collect();
    let finder = acronym_finder(&defined);
    for (n, ((text, scan), found)) in texts.iter().zip(scans).zip(mentions.iter_mut()).enumerate() {
        let before = found.len();
        for (span, g) in scan.short_names() {
            let group = &rules.groups[*g];
            if named.contains(group) && !overlaps(found, span) {
                found.push(Mention::new(EntityKind::Group, span, group));
            }
        }
        for (span, group) in acronym_uses(text, finder.as_ref(), &defined) {
            if !overlaps(found, &span) {
                found.push(Mention::new(EntityKind::Group, &span, group));
            }
        }
        for d in defined.iter().filter(|d| d.passage == n) {
            found.retain(|m| {
                m.kind == EntityKind::Group
                    || !(d.continuation.start <= m.span.start && m.span.end <= d.continuation.end)
            });
        }
        if found.len() != before {
            found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.kind.cmp(&b.kind)));
        }
    }
}

/// An acronym a report defines.
#[derive(Debug)]
struct Definition {
    /// The passage that defines it (index).
    passage: usize,
    acronym: String,
    group: String,
    /// Words after the group's name that the definition shows belong to it.
    continuation: Range<usize>,
}

fn overlaps(found: &[Mention], span: &Range<usize>) -> bool {
    found
        .iter()
        .any(|m| m.span.start < span.end && span.start < m.span.end)
}

/// The acronyms the passages define after a group's name.
fn definitions(texts: &[&str], mentions: &[Vec<Mention>]) -> Vec<Definition> {
    let mut out: Vec<Definition> = Vec::new();
    for (passage, (text, found)) in texts.iter().zip(mentions).enumerate() {
        for m in found.iter().filter(|m| m.kind == EntityKind::Group) {
            let Some((acronym, continuation, acronym_span)) =
                defined_after(text, &m.span).or_else(|| defined_before(text, &m.span))
            else {
                continue;
            };
            let known = overlaps(found, &acronym_span);
            if !known && !out.iter().any(|d| d.acronym == acronym) {
                out.push(Definition {
                    passage,
                    acronym,
                    group: m.canonical.clone(),
                    continuation,
                });
            }
        }
    }
    out
}

/// The acronym bracketed after the name at `name` in `text`, the words that
/// continue the name before it, and the acronym's span.
fn defined_after(text: &str, name: &Range<usize>) -> Option<(String, Range<usize>, Range<usize>)> {
    let rest = &text[name.end..];
    let mut at = 0;
    let mut words = 0;
    loop {
        let gap = rest[at..].len() - rest[at..].trim_start_matches([' ', '\u{a0}']).len();
        let word_start = at + gap;
        let word: String = rest[word_start..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
            .collect();
        if word.is_empty() {
            at = word_start;
            break;
        }
        let continues = word.starts_with(char::is_uppercase)
            || CONTINUING.contains(&word.to_lowercase().as_str());
        if !continues || words == MAX_CONTINUATION {
            return None;
        }
        words += 1;
        at = word_start + word.len();
    }
    let after_paren = rest[at..].strip_prefix('(')?;
    let acronym: String = after_paren
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let closes = after_paren[acronym.len()..].starts_with([')', ',']);
    let phrase = &text[name.start..name.end + at];
    if !closes || !is_acronym_of(&acronym, phrase) {
        return None;
    }
    let continuation = name.end..name.end + at;
    let start = name.end + at + 1;
    Some((acronym.clone(), continuation, start..start + acronym.len()))
}

/// The acronym written right before the name at `name` in `text`, the name
/// in brackets after it (`JN (Jabhat al-Nusra)`): the acronym, an empty
/// continuation, and the acronym's span.
fn defined_before(text: &str, name: &Range<usize>) -> Option<(String, Range<usize>, Range<usize>)> {
    let before = text[..name.start]
        .strip_suffix('(')?
        .trim_end_matches([' ', '\u{a0}']);
    if !text[name.end..].starts_with(')') {
        return None;
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    let acronym = &before[start..];
    let whole_word = !before[..start].ends_with(|c: char| c.is_alphanumeric());
    (whole_word && is_acronym_of(acronym, &text[name.clone()]))
        .then(|| (acronym.to_owned(), name.end..name.end, start..before.len()))
}

/// Whether `acronym` is an acronym of `phrase`: two to [`MAX_ACRONYM`]
/// characters, first a capital, whose capitals are initials of the phrase's
/// words in order, the first of them the phrase's first.
fn is_acronym_of(acronym: &str, phrase: &str) -> bool {
    let capitals: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    let len = acronym.chars().count();
    if !(2..=MAX_ACRONYM).contains(&len)
        || capitals.len() < 2
        || !acronym.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return false;
    }
    let initials: Vec<char> = phrase
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .map(|c| {
            deunicode::deunicode_char(c)
                .and_then(|s| s.chars().next())
                .unwrap_or(c)
        })
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if initials.first() != capitals.first() {
        return false;
    }
    let mut rest = initials.iter();
    capitals.iter().all(|c| rest.any(|i| i == c))
}

/// The matcher of a report's defined acronyms (built once per report: a
/// build costs as much as reading a long passage); `None` when it defines none.
fn acronym_finder(defined: &[Definition]) -> Option<AhoCorasick> {
    (!defined.is_empty()).then(|| {
        AhoCorasick::new(defined.iter().map(|d| d.acronym.as_str()))
            .expect("a few short acronyms make a small automaton")
    })
}

/// Where `text` writes a defined acronym as a whole word, exact case
/// (`finder` is [`acronym_finder`] of `defined`).
fn acronym_uses<'d>(
    text: &str,
    finder: Option<&AhoCorasick>,
    defined: &'d [Definition],
) -> Vec<(Range<usize>, &'d str)> {
    let Some(finder) = finder else {
        return Vec::new();
    };
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    finder
        .find_iter(text)
        .filter(|m| {
            !is_word(text[..m.start()].chars().next_back())
                && !is_word(text[m.end()..].chars().next())
        })
        .map(|m| (m.range(), defined[m.pattern().as_usize()].group.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_of_names() {
        for (acronym, phrase, want) in [
            ("JN", "Jabhat al-Nusra", true),
            (
                "MOJWA",
                "Movement for Oneness and Jihad in West Africa",
                true,
            ),
            ("ISIGS", "Islamic State of Iraq and Greater Syria", true),
            ("EIGS", "État islamique au Grand Sahara", true),
            ("US", "Jabhat al-Nusra", false),
            ("NJ", "Jabhat al-Nusra", false),
            ("J", "Jabhat al-Nusra", false),
            ("jn", "Jabhat al-Nusra", false),
        ] {
            assert_eq!(is_acronym_of(acronym, phrase), want, "{acronym} {phrase}");
        }
    }

    #[test]
    fn a_definition_is_a_name_then_a_bracketed_acronym() {
        let text = "The Islamic State of Iraq and Greater Syria (ISIGS) grew.";
        let name = 4..25;
        assert_eq!(&text[name.clone()], "Islamic State of Iraq");
        let (acronym, continuation, span) = defined_after(text, &name).expect("a definition");
        assert_eq!(acronym, "ISIGS");
        assert_eq!(text[continuation].trim(), "and Greater Syria");
        assert_eq!(&text[span], "ISIGS");
        let text = "Jabhat al-Nusra (JN, also Nusra Front)";
        assert_eq!(
            defined_after(text, &(0..15)).map(|d| d.0),
            Some("JN".into())
        );
        // A bracket that is no acronym of the name, or too far.
        assert!(defined_after("Jabhat al-Nusra (US)", &(0..15)).is_none());
        assert!(defined_after("Jabhat al-Nusra fighters (JN)", &(0..15)).is_none());
        // The acronym first, the name in brackets.
        let text = "JN (Jabhat al-Nusra) grew";
        let (acronym, _, span) = defined_before(text, &(4..19)).expect("a definition");
        assert_eq!((acronym.as_str(), &text[span]), ("JN", "JN"));
        assert!(defined_before("the US (Jabhat al-Nusra)", &(8..23)).is_none());
    }
}

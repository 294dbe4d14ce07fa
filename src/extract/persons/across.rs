//! What a whole report knows about its persons: the full names it gives, and
//! which of them a lone surname may stand for in any of its passages.
//!
//! In: the report's passage texts and their mentions from one pass of the
//! extractors. Out: [`ReportPersons`]: the full names, prepared as
//! [`KnownPersons`] for the passages, and per passage whether a surname of
//! one of them stands outside the names already found there. So a lone
//! `Keïta` three sections after `President Ibrahim Boubacar Keïta` is that
//! person, and a shorter form (`Boubacar Keïta`) takes the full one. Left
//! out: a surname the report also writes in lower case (`Long`, `Rice`: a
//! word), inside a group, country or place name (`Macina`), or after another
//! capitalised name (`Talha al-Libi` beside `Abu Yahya al-Libi`).

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use deunicode::deunicode;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::candidates::is_space_gap;
use super::canonical::{NameForms, canonicalise, is_initial};
use super::surnames::{KnownPersons, surname_key};
use super::tokens::{Shape, tokenize};
use super::words::PersonRules;
use crate::extract::mention::{EntityKind, Mention};
use crate::fold::fold_key;

/// The persons a report names in full, learnt from all its passages.
#[derive(Debug)]
pub(crate) struct ReportPersons {
    /// The full names whose surname alone may stand for them.
    lone: KnownPersons,
    /// Every full name, to give each passage's shorter forms their full one.
    full: NameForms,
    /// Per passage, where the surnames of `lone` occur.
    hits: Vec<Vec<Range<usize>>>,
}

impl ReportPersons {
    /// What the passages `texts`, with their `mentions`, tell about the
    /// report's persons; `None` when the report names nobody in full.
    pub(crate) fn learn(
        rules: &PersonRules,
        texts: &[&str],
        mentions: &[Vec<Mention>],
    ) -> Option<Self> {
        let mut full: Vec<String> = mentions
            .iter()
            .flatten()
            .filter(|m| m.kind == EntityKind::Person && m.canonical.contains(' '))
            .map(|m| m.canonical.clone())
            .collect();
        full.sort_unstable();
        full.dedup();
        if full.is_empty() {
            return None;
        }
        let (lone, hits) = lone_surnames(rules, texts, mentions, &full);
        Some(ReportPersons {
            lone: KnownPersons::new(rules, &lone),
            full: NameForms::new(&full),
            hits,
        })
    }

    /// The full names a lone surname may stand for, for the passages.
    pub(crate) fn known(&self) -> &KnownPersons {
        &self.lone
    }

    /// Whether passage `n`, whose mentions are `found`, writes one of the
    /// surnames outside every person it names: only then can the report's
    /// knowledge add a person to it.
    pub(crate) fn surname_outside_names(&self, n: usize, found: &[Mention]) -> bool {
        self.hits[n].iter().any(|h| {
            !found.iter().any(|m| {
                m.kind == EntityKind::Person && m.span.start <= h.start && h.end <= m.span.end
            })
        })
    }

    /// Gives the persons of `found` their longest form among the report's
    /// full names.
    pub(crate) fn canonicalise(&self, found: &mut [Mention]) {
        let persons = found.iter().filter(|m| m.kind == EntityKind::Person);
        let mut names: Vec<String> = persons.map(|m| m.canonical.clone()).collect();
        canonicalise(&mut names, &self.full);
        let persons = found.iter_mut().filter(|m| m.kind == EntityKind::Person);
        for (m, name) in persons.zip(names) {
            m.canonical = name;
        }
    }
}

/// The names of `full` whose surname alone may stand for them in this
/// report, and per passage where those surnames occur.
fn lone_surnames(
    rules: &PersonRules,
    texts: &[&str],
    mentions: &[Vec<Mention>],
    full: &[String],
) -> (Vec<String>, Vec<Vec<Range<usize>>>) {
    let mut lone = full.to_vec();
    let in_lower_case = words_written_lower_case(texts, &lone);
    let named_otherwise = names_of_other_entities(texts, mentions);
    lone.retain(|name| {
        surname_forms(surname(name)).iter().all(|form| {
            !in_lower_case.contains(&form.to_lowercase())
                && !named_otherwise.contains(&fold_key(form))
        })
    });
    let (forms, hits) = surname_hits(texts, &lone);
    // What a hit shares a name with is the word right before it.
    let before_hits = texts.iter().zip(&hits).flat_map(|(text, hits)| {
        hits.iter().map(|(_, h)| {
            let mut start = h.start.saturating_sub(WORD_BEFORE);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            &text[start..h.end]
        })
    });
    let mut shared = shared_surnames(rules, before_hits, &lone).into_iter();
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

/// A surname as written and without accents (`Keïta`, `Keita`), each also
/// without its Arabic article (`al-Zarqawi`, `Zarqawi`).
fn surname_forms(last: &str) -> Vec<String> {
    let mut forms = Vec::with_capacity(4);
    for form in [last.to_owned(), deunicode(last)] {
        if let Some(bare) = without_article(&form) {
            forms.push(bare.to_owned());
        }
        forms.push(form);
    }
    forms
}

/// `Zarqawi` of `al-Zarqawi` (or `Al-Zarqawi`, `el-Zarqawi`): a surname
/// without its Arabic article, when it has one.
fn without_article(word: &str) -> Option<&str> {
    let (article, rest) = word.split_once(['-', '\u{2010}'])?;
    let is_article = ["al", "el", "ad", "an", "ar", "as", "ash", "at", "az"]
        .iter()
        .any(|a| a.eq_ignore_ascii_case(article));
    (is_article && rest.chars().next().is_some_and(char::is_uppercase)).then_some(rest)
}

/// Where a surname form occurs: its index among the forms, its byte range.
type FormHit = (usize, Range<usize>);

/// The surname forms of `names`, and per passage where each occurs, in one
/// pass.
fn surname_hits(texts: &[&str], names: &[String]) -> (Vec<String>, Vec<Vec<FormHit>>) {
    let mut forms: Vec<String> = names
        .iter()
        .flat_map(|n| surname_forms(surname(n)))
        .collect();
    forms.sort_unstable();
    forms.dedup();
    let Some(finder) = matcher(&forms) else {
        return (forms, vec![Vec::new(); texts.len()]);
    };
    let hits = texts
        .iter()
        .map(|text| {
            finder
                .find_iter(text)
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
fn words_written_lower_case(texts: &[&str], names: &[String]) -> HashSet<String> {
    // A surname written in lower case in the name itself cannot be told apart.
    let mut wanted: Vec<String> = names
        .iter()
        .flat_map(|n| surname_forms(surname(n)))
        .map(|last| (last.clone(), last.to_lowercase()))
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
    for text in texts {
        for m in finder.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
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
fn names_of_other_entities(texts: &[&str], mentions: &[Vec<Mention>]) -> HashSet<String> {
    texts
        .iter()
        .zip(mentions)
        .flat_map(|(text, found)| {
            found
                .iter()
                .filter(|m| m.kind != EntityKind::Person)
                .flat_map(|m| text[m.span.clone()].split_whitespace())
        })
        .map(fold_key)
        .collect()
}

/// Which of `names` have a surname (last word) that one of `texts` writes
/// right after a capitalised word that could be a name but is not the word
/// before the surname in that name: someone else bears it (`Talha al-Libi`
/// beside `Abu Yahya al-Libi`), so a lone surname does not point at one
/// person. One pass over each text for all names.
fn shared_surnames<'t>(
    rules: &PersonRules,
    texts: impl IntoIterator<Item = &'t str>,
    names: &[String],
) -> Vec<bool> {
    // Surname key → (index of the name, key of the word before it), word
    // by word as the tokenizer keys them (`al-Libi` is one word).
    let mut by_surname: HashMap<String, Vec<(usize, String)>> = HashMap::default();
    for (n, name) in names.iter().enumerate() {
        let words: Vec<String> = name
            .split(' ')
            .filter(|w| !is_initial(w))
            .map(fold_key)
            .collect();
        if let [.., before, last] = &words[..] {
            let mut keys = vec![last.clone()];
            let bare = surname_key(last);
            if bare != last {
                keys.push(bare.to_owned());
            }
            for key in keys {
                by_surname.entry(key).or_default().push((n, before.clone()));
            }
        }
    }
    let mut shared = vec![false; names.len()];
    for text in texts {
        let tokens = tokenize(text);
        for w in tokens.windows(2) {
            let (prev, t) = (&w[0], &w[1]);
            let Some(owners) = by_surname.get(t.key.as_ref()) else {
                continue;
            };
            let other_name = prev.shape == Shape::Capitalised
                && !rules.is_excluded(&prev.key)
                && !rules.roles.contains(prev.key.as_ref())
                && is_space_gap(&text[prev.span.end..t.span.start]);
            if other_name {
                for (n, before) in owners {
                    shared[*n] |= prev.key != before.as_str();
                }
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_after_another_name_is_shared() {
        let rules = PersonRules::bundled().unwrap();
        let names = ["Abu Yahya al-Libi".to_string()];
        let shared = |text: &str| shared_surnames(&rules, [text], &names)[0];
        assert!(shared("head of the katiba, Talha al-Libi, said"));
        for text in [
            "Abu Yahya al-Libi said",
            "later al-Libi said",
            "Imam al-Libi said",
            "The al-Libi network",
        ] {
            assert!(!shared(text), "{text:?}");
        }
        let yayla = ["Ahmet S. Yayla".to_string(), "Ahmet Yayla".to_string()];
        assert_eq!(
            shared_surnames(&rules, ["Ahmet S. Yayla and Ahmet Yayla"], &yayla),
            [false, false]
        );
        // One pass over several texts for several names.
        let two = ["Abu Yahya al-Libi".to_string(), "Moussa Traoré".to_string()];
        let texts = ["Talha al-Libi said", "Traoré left"];
        assert_eq!(shared_surnames(&rules, texts, &two), [true, false]);
    }
}

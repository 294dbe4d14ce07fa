//! Snippets: the sentences of a passage that best show why it matched, with
//! the matched words located (renderers decide how to mark them).
//!
//! Words are matched as the query matched them: by stem, by prefix, or within
//! an edit distance. Sentences are scored by the distinct query words they
//! hold, then by how many; the best ones, up to a length budget, are shown in
//! text order, `…` between those that are not adjacent. A single sentence too
//! long for the budget is cut at word bounds around its matches.

use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use super::build::Highlight;
use crate::index::schema::{analyzer, raw_analyzer};
use crate::sentences;

/// Longest snippet, in characters (about three lines of a terminal).
const MAX_SNIPPET_CHARS: usize = 320;
/// Letters a word shares with its stem at least (`army`/`armi`).
const STEM_PREFIX_BYTES: usize = 3;
/// Most sentences shown.
const MAX_FRAGMENTS: usize = 3;

/// A fragment of a passage with the matched words located.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The fragment: whole sentences of the passage, ` … ` between distant ones.
    pub text: String,
    /// Byte ranges of matched words in `text`, ordered, not overlapping.
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before the fragment.
    pub cut_before: bool,
    /// Whether text was cut after the fragment.
    pub cut_after: bool,
}

impl Snippet {
    /// The fragment with `open`/`close` around each matched word.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut last = 0;
        for r in &self.highlights {
            out.push_str(&self.text[last..r.start]);
            out.push_str(open);
            out.push_str(&self.text[r.clone()]);
            out.push_str(close);
            last = r.end;
        }
        out.push_str(&self.text[last..]);
        out
    }

    /// The fragment as HTML-ish markup with `<b>…</b>` (`docs/json.md`).
    pub fn to_bold(&self) -> String {
        self.marked("<b>", "</b>")
    }
}

/// Snippet maker for one query.
pub(crate) struct Snippets {
    highlight: Highlight,
    stem: TextAnalyzer,
    raw: TextAnalyzer,
}

/// A word of the passage that matches the query.
struct Hit {
    range: Range<usize>,
    /// Which query word it matches (for counting distinct ones).
    key: String,
}

impl Snippets {
    pub(crate) fn new(highlight: Highlight) -> Snippets {
        Snippets {
            highlight,
            stem: analyzer(),
            raw: raw_analyzer(),
        }
    }

    /// The snippet of a passage's text, and the byte ranges of every matched
    /// word in the whole text (for a concordance, which shows each of them).
    pub(crate) fn of(&mut self, text: &str) -> (Snippet, Vec<Range<usize>>) {
        let hits = self.hits(text);
        let spans = sentences::split(text);
        let chosen = choose(text, &spans, &hits);
        let snippet = assemble(text, &chosen, &hits);
        (snippet, hits.into_iter().map(|h| h.range).collect())
    }

    fn hits(&mut self, text: &str) -> Vec<Hit> {
        let Snippets {
            highlight,
            stem,
            raw: raw_analyzer,
        } = self;
        let mut raw_stream = raw_analyzer.token_stream(text);
        let mut out = Vec::new();
        while raw_stream.advance() {
            let raw = raw_stream.token();
            let key = stem_match(stem, highlight, &raw.text)
                .or_else(|| {
                    highlight
                        .prefixes
                        .iter()
                        .find(|p| raw.text.starts_with(p.as_str()))
                        .map(|p| format!("{p}*"))
                })
                .or_else(|| {
                    highlight
                        .fuzzy
                        .iter()
                        .find(|(w, d)| within(&raw.text, w, usize::from(*d)))
                        .map(|(w, _)| format!("{w}~"))
                });
            if let Some(key) = key {
                out.push(Hit {
                    range: raw.offset_from..raw.offset_to,
                    key,
                });
            }
        }
        out
    }
}

/// The query stem a folded word stems to, if any. A word and its stem share
/// their first letters (`army`/`armi`), so only words that start like a query
/// stem are stemmed: most of a passage's words are not.
fn stem_match(stem: &mut TextAnalyzer, highlight: &Highlight, word: &str) -> Option<String> {
    let could = highlight.stems.iter().any(|s| {
        let n = s.len().min(STEM_PREFIX_BYTES);
        word.as_bytes().get(..n) == s.as_bytes().get(..n)
    });
    if !could {
        return None;
    }
    let mut stream = stem.token_stream(word);
    let found = stream.advance().then(|| stream.token().text.clone())?;
    highlight.stems.contains(&found).then_some(found)
}

/// The sentences to show, in text order: the best-scoring ones within the
/// budget, or, when no word of the text matched (a heading or an entity
/// match), the opening sentences.
fn choose(text: &str, spans: &[Range<usize>], hits: &[Hit]) -> Vec<Range<usize>> {
    let len = |i: usize| text[spans[i].clone()].trim().chars().count();
    let mut chosen: Vec<usize> = Vec::new();
    let mut budget = MAX_SNIPPET_CHARS;
    if hits.is_empty() {
        for i in 0..spans.len() {
            if !chosen.is_empty() && len(i) > budget {
                break;
            }
            budget = budget.saturating_sub(len(i));
            chosen.push(i);
        }
    } else {
        let mut scored: Vec<(usize, usize, usize)> = spans
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let inside: Vec<&Hit> =
                    hits.iter().filter(|h| s.contains(&h.range.start)).collect();
                let mut keys: Vec<&str> = inside.iter().map(|h| h.key.as_str()).collect();
                keys.sort_unstable();
                keys.dedup();
                (keys.len(), inside.len(), i)
            })
            .filter(|(distinct, _, _)| *distinct > 0)
            .collect();
        // Best first; among equals, earlier first.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        for (_, _, i) in scored {
            if chosen.len() == MAX_FRAGMENTS {
                break;
            }
            if chosen.is_empty() || len(i) <= budget {
                budget = budget.saturating_sub(len(i));
                chosen.push(i);
            }
        }
    }
    chosen.sort_unstable();
    chosen
        .into_iter()
        .map(|i| trim_range(text, spans[i].clone()))
        .collect()
}

/// Builds the snippet text from the chosen sentences, cutting a sentence
/// that alone exceeds the budget around its first match.
fn assemble(text: &str, chosen: &[Range<usize>], hits: &[Hit]) -> Snippet {
    let mut out = Snippet::default();
    let mut prev_end: Option<usize> = None;
    for r in chosen {
        let r = window(text, r.clone(), hits);
        match prev_end {
            Some(end) if text[end..r.start].trim().is_empty() => out.text.push(' '),
            Some(_) => out.text.push_str(" … "),
            None => out.cut_before = r.start > 0,
        }
        let base = out.text.len();
        out.text.push_str(&text[r.clone()]);
        out.highlights.extend(
            hits.iter()
                .filter(|h| h.range.start >= r.start && h.range.end <= r.end)
                .map(|h| h.range.start - r.start + base..h.range.end - r.start + base),
        );
        prev_end = Some(r.end);
    }
    out.cut_after = prev_end.is_some_and(|e| !text[e..].trim().is_empty());
    out
}

/// A sentence, or, when it is longer than the budget, a word-bounded window of
/// it starting a little before its first match.
fn window(text: &str, r: Range<usize>, hits: &[Hit]) -> Range<usize> {
    if text[r.clone()].chars().count() <= MAX_SNIPPET_CHARS {
        return r;
    }
    let first = hits
        .iter()
        .find(|h| r.contains(&h.range.start))
        .map_or(r.start, |h| h.range.start);
    let lead = MAX_SNIPPET_CHARS / 4;
    let mut start = text[r.start..first]
        .char_indices()
        .rev()
        .nth(lead)
        .map_or(r.start, |(i, _)| r.start + i);
    if start > r.start {
        start = text[start..first]
            .find(' ')
            .map_or(start, |i| start + i + 1);
    }
    let mut end = text[start..r.end]
        .char_indices()
        .nth(MAX_SNIPPET_CHARS)
        .map_or(r.end, |(i, _)| start + i);
    if end < r.end {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    start..end
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Whether two words are within `d` edits (Levenshtein), cheaply bounded.
fn within(a: &str, b: &str, d: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > d {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(text: &str, stems: &[&str], prefixes: &[&str]) -> Snippet {
        let highlight = Highlight {
            stems: stems.iter().map(|s| (*s).to_string()).collect(),
            prefixes: prefixes.iter().map(|s| (*s).to_string()).collect(),
            fuzzy: vec![("deportaton".into(), 1)],
        };
        Snippets::new(highlight).of(text).0
    }

    #[test]
    fn every_matched_word_of_the_text_is_located_not_only_the_snippets() {
        let highlight = Highlight {
            stems: std::iter::once("prison".to_string()).collect(),
            prefixes: Vec::new(),
            fuzzy: Vec::new(),
        };
        // More matching sentences than a snippet shows.
        let long = "Prisons were full. Filler words here and there. ".repeat(5);
        let (shown, all) = Snippets::new(highlight).of(&long);
        let words: Vec<&str> = all.iter().map(|r| &long[r.clone()]).collect();
        assert_eq!(words, ["Prisons"; 5]);
        assert_eq!(shown.highlights.len(), MAX_FRAGMENTS, "{shown:?}");
    }

    const TEXT: &str = "The army left the town in May. Prisons filled up quickly after that. \
        Guards said radicalisation in prison was rising. Nobody counted the deportations. \
        The market reopened later.";

    #[test]
    fn the_sentences_with_the_most_query_words_are_shown_in_order() {
        let s = snippet(TEXT, &["prison", "radicalis"], &[]);
        assert_eq!(
            s.text,
            "Prisons filled up quickly after that. Guards said radicalisation in prison was rising."
        );
        assert_eq!(
            s.marked("[", "]"),
            "[Prisons] filled up quickly after that. Guards said [radicalisation] in [prison] was rising."
        );
        assert!(s.cut_before && s.cut_after);
    }

    #[test]
    fn distant_sentences_are_joined_by_an_ellipsis() {
        let s = snippet(TEXT, &["armi", "market"], &[]);
        assert_eq!(
            s.text,
            "The army left the town in May. … The market reopened later."
        );
    }

    #[test]
    fn prefixes_and_fuzzy_words_are_marked() {
        let s = snippet(TEXT, &[], &["radical"]);
        assert_eq!(
            s.marked("[", "]"),
            "Guards said [radicalisation] in prison was rising."
        );
        let s = snippet("Nobody counted the deportation.", &[], &[]);
        assert_eq!(s.marked("[", "]"), "Nobody counted the [deportation].");
    }

    #[test]
    fn without_a_match_the_opening_is_shown() {
        let s = snippet(TEXT, &["zzz"], &[]);
        assert!(
            s.text.starts_with("The army left the town in May."),
            "{}",
            s.text
        );
        assert!(s.highlights.is_empty());
        assert!(!s.cut_before);
    }

    #[test]
    fn a_long_sentence_is_cut_around_its_match() {
        let long = format!(
            "{} the prison {}.",
            "word ".repeat(200),
            "more ".repeat(200)
        );
        let s = snippet(&long, &["prison"], &[]);
        assert!(
            s.text.chars().count() <= MAX_SNIPPET_CHARS,
            "{}",
            s.text.len()
        );
        assert!(s.marked("[", "]").contains("[prison]"));
        assert!(s.cut_before && s.cut_after);
    }

    #[test]
    fn edit_distance() {
        assert!(within("deportation", "deportaton", 1));
        assert!(!within("deportation", "deport", 2));
        assert!(within("kidal", "kidal", 0));
    }
}

//! Cues: the words around a candidate run that make it a person (see
//! `data/persons.toml` for the word lists).
//!
//! In: [`Candidates`]. Out: for each run, whether it is a person. A title or
//! role before a run confirms it, and is the only cue that accepts a one-word
//! name (`Colonel Goïta`). A run of two to [`MAX_NAME_WORDS`] capitalised
//! words, not all of them claimed softly and not inside an organisation's name
//! (`University of Maryland`, `George Washington University`), is also
//! confirmed by an apposition or a speech verb after it, a citation shape
//! (`Aaron Stein, “Title”` and the co-authors chained to it by `,`/`and`),
//! `by` before it, a possessive naming what only a person owns, or a known
//! given name first. A run written like a person confirmed elsewhere in the
//! same text is that person.

use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;

use super::candidates::{Candidates, MAX_NAME_WORDS, is_space_gap};
use super::tokens::{Shape, Token};
use super::words::PersonRules;
use crate::fold::fold_key;

/// Abbreviated titles written with a full stop (`Gen. Smith`).
const ABBREVIATED: &[&str] = &[
    "gen", "col", "dr", "mr", "mrs", "ms", "lt", "capt", "maj", "prof", "sgt", "rev", "st",
];

/// Words right after `Name,` that open an apposition (`Aaron Stein, a fellow`).
const APPOSITION: &[&str] = &["a", "an", "the", "who", "whose", "former", "then", "one"];

/// For each run of `c`, whether a cue makes it a person.
pub(super) fn confirmed(rules: &PersonRules, c: &Candidates<'_>) -> Vec<bool> {
    let mut confirmed: Vec<bool> = (0..c.runs.len()).map(|n| confirms(rules, c, n)).collect();
    // A run written like a person confirmed elsewhere in the text is that person.
    let key = |run: &Range<usize>| fold_key(&c.text[c.span(run)]);
    let names: HashSet<String> = c
        .runs
        .iter()
        .zip(&confirmed)
        .filter(|(r, confirmed)| **confirmed && c.capitalised(r) >= 2)
        .map(|(r, _)| key(r))
        .collect();
    for (run, confirmed) in c.runs.iter().zip(&mut confirmed) {
        if !*confirmed && c.capitalised(run) >= 2 && names.contains(&key(run)) {
            *confirmed = true;
        }
    }
    confirmed
}

/// Whether the words around run `n` alone make it a person.
fn confirms(rules: &PersonRules, c: &Candidates<'_>, n: usize) -> bool {
    let run = &c.runs[n];
    let words = c.capitalised(run);
    if words == 0 || words > MAX_NAME_WORDS {
        return false;
    }
    let (text, tokens) = (c.text, &c.tokens[..]);
    let organisation = in_organisation_name(text, tokens, run.start)
        || organisation_word_after(rules, text, tokens, run.end);
    title_before(rules, text, tokens, run.start)
        || (words >= 2 && !c.all_soft(run) && !organisation && weak_cue(rules, c, n))
}

/// A title or role right before token `first` (`President X`, `leader X`, `Gen. X`).
fn title_before(rules: &PersonRules, text: &str, tokens: &[Token<'_>], first: usize) -> bool {
    let Some(prev) = first.checked_sub(1).map(|i| &tokens[i]) else {
        return false;
    };
    let gap = &text[prev.span.end..tokens[first].span.start];
    let gap_ok =
        is_space_gap(gap) || (gap.trim_end() == "." && ABBREVIATED.contains(&prev.key.as_ref()));
    if !gap_ok {
        return false;
    }
    let first_char_upper = text[prev.span.clone()].starts_with(char::is_uppercase);
    (first_char_upper && rules.titles.contains(prev.key.as_ref()))
        || (!first_char_upper && rules.roles.contains(prev.key.as_ref()))
}

/// Cues that confirm a run of two or more capitalised words.
fn weak_cue(rules: &PersonRules, c: &Candidates<'_>, n: usize) -> bool {
    let (text, tokens, run) = (c.text, &c.tokens[..], &c.runs[n]);
    let after = &text[tokens[run.end - 1].span.end..];
    let next = tokens.get(run.end);
    let prev = run.start.checked_sub(1).map(|i| &tokens[i]);
    let speech = next.is_some_and(|t| {
        is_space_gap(&text[tokens[run.end - 1].span.end..t.span.start])
            && rules.speech.contains(t.key.as_ref())
    });
    let by = prev.is_some_and(|p| {
        p.key == "by" && is_space_gap(&text[p.span.end..tokens[run.start].span.start])
    });
    let given = rules.is_given_name(tokens[run.start].key.as_ref());
    apposition(rules, after)
        || speech
        || by
        || given
        || possessive(rules, after)
        || citation_chain(text, tokens, &c.runs, n)
}

/// `, a …`, `, who …`, `, the JNIM leader`: `after` is the text after a run.
fn apposition(rules: &PersonRules, after: &str) -> bool {
    let Some(rest) = after.strip_prefix(',') else {
        return false;
    };
    let word = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    APPOSITION.contains(&word) || rules.roles.contains(&fold_key(word))
}

/// `'s` then, perhaps after one adjective, a noun only a person owns
/// (`'s regime`, `'s former government`); `after`: the text after a run.
fn possessive(rules: &PersonRules, after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(fold_key);
    let first = words.next();
    let second = words.next();
    [first, second]
        .into_iter()
        .flatten()
        .take(if first_is_lower(rest) { 2 } else { 1 })
        .any(|w| rules.possessed.contains(&w))
}

/// Whether `text` starts with a lower-case word (an adjective may be skipped
/// only when it is not a capitalised name of its own).
fn first_is_lower(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// `Aaron Stein, “Title”` — and `A, B and C, “Title”`: each run of the chain.
fn citation_chain(text: &str, tokens: &[Token<'_>], runs: &[Range<usize>], n: usize) -> bool {
    let mut k = n;
    loop {
        let end = tokens[runs[k].end - 1].span.end;
        let after = &text[end..];
        if let Some(rest) = after.strip_prefix(',') {
            let rest = rest.trim_start_matches([' ', '\u{a0}']);
            if rest.starts_with(['“', '"', '‘', '«', '*', '_']) {
                return true;
            }
        }
        let Some(next) = runs.get(k + 1) else {
            return false;
        };
        let gap = &text[end..tokens[next.start].span.start];
        if !matches!(gap, ", " | " and " | ", and " | " & " | " et ") {
            return false;
        }
        k += 1;
    }
}

/// `Bureau of Justice Statistics`, `University of Maryland`: a run right
/// after `of` that follows a capitalised word continues an organisation's name.
fn in_organisation_name(text: &str, tokens: &[Token<'_>], first: usize) -> bool {
    if first < 2 {
        return false;
    }
    let (of, before) = (&tokens[first - 1], &tokens[first - 2]);
    of.key == "of"
        && text[of.span.clone()] == *"of"
        && before.shape == Shape::Capitalised
        && is_space_gap(&text[of.span.end..tokens[first].span.start])
        && is_space_gap(&text[before.span.end..of.span.start])
}

/// `George Washington University`: an organisation word right after the run.
fn organisation_word_after(
    rules: &PersonRules,
    text: &str,
    tokens: &[Token<'_>],
    end: usize,
) -> bool {
    tokens.get(end).is_some_and(|t| {
        t.shape == Shape::Capitalised
            && rules.is_organisation(t.key.as_ref())
            && is_space_gap(&text[tokens[end - 1].span.end..t.span.start])
    })
}

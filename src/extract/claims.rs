//! What one gazetteer match claims: a blocker, groups, a country, a country
//! name that is part of a person's name, or candidate places.
//!
//! In: a match in folded text, with the names it may stand for. Out: one
//! [`Claim`], by priority: blockers first, then groups, groups' short names,
//! countries, places. A
//! country name is judged by `countries.rs` (case, a given name next to it); a
//! name two countries share (Congolese) counts toward neither.

use std::ops::Range;

use super::countries::{self, CountryForm};
use super::gazetteer::Hit;
use super::rules::{Rules, Target};
use crate::fold::{Folded, word_after, word_before};

/// What a gazetteer hit claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Claim {
    /// A phrase that mentions nothing; its words belong to no name.
    Blocked,
    /// Groups, by index, sorted.
    Groups(Vec<usize>),
    /// A group's short name (`Abu Sayyaf`), by group index.
    GroupShort(usize),
    /// A country, by index.
    Country(usize),
    /// A country name refused because it is part of a person's name.
    PersonName,
    /// Places the name may stand for, by index.
    Places(Vec<usize>),
    /// Nothing: a refused or ambiguous name.
    Nothing,
}

/// What `hit` (a match in `folded`) claims.
pub(crate) fn classify(rules: &Rules, folded: &Folded, hit: &Hit<Target>) -> Claim {
    if hit.targets.contains(&Target::Blocker) {
        return Claim::Blocked;
    }
    let mut groups: Vec<usize> = hit
        .targets
        .iter()
        .filter_map(|t| match t {
            Target::Group(g) => Some(*g as usize),
            _ => None,
        })
        .collect();
    if !groups.is_empty() {
        groups.sort_unstable();
        groups.dedup();
        return Claim::Groups(groups);
    }
    let short = hit.targets.iter().find_map(|t| match t {
        Target::GroupShort(g) => Some(*g as usize),
        _ => None,
    });
    if let Some(g) = short {
        return Claim::GroupShort(g);
    }
    if names_an_outlet(rules, folded, hit.range.clone()) {
        return Claim::Blocked;
    }
    let mut countries: Vec<(usize, CountryForm)> = hit
        .targets
        .iter()
        .filter_map(|t| match t {
            Target::Country(c, form) => Some((*c as usize, *form)),
            _ => None,
        })
        .collect();
    countries.sort_by_key(|&(c, form)| (c, form != CountryForm::Name));
    countries.dedup_by_key(|(c, _)| *c);
    match countries[..] {
        [] => {}
        [(c, form)] => return judge_country(rules, folded, hit, c, form),
        // A name two countries share (Congolese) counts toward neither.
        _ => return Claim::Nothing,
    }
    let candidates: Vec<usize> = hit
        .targets
        .iter()
        .filter_map(|t| match t {
            Target::Place(p) => Some(*p as usize),
            _ => None,
        })
        .collect();
    if candidates.is_empty() {
        Claim::Nothing
    } else {
        Claim::Places(candidates)
    }
}

/// A match of country `c`'s name written as `form`: the country, part of a
/// person's name, or nothing.
fn judge_country(
    rules: &Rules,
    folded: &Folded,
    hit: &Hit<Target>,
    c: usize,
    form: CountryForm,
) -> Claim {
    let person_name = rules.countries[c].person_name;
    let given = |w: &[u8]| std::str::from_utf8(w).is_ok_and(|w| rules.persons.is_given_name(w));
    match countries::judge(folded, hit.range.clone(), form, person_name, given) {
        countries::Verdict::Country => Claim::Country(c),
        countries::Verdict::PersonName => Claim::PersonName,
        countries::Verdict::Refused => Claim::Nothing,
    }
}

/// A country or place name inside an outlet's name, by the shapes of
/// `data/blockers.toml`: a capitalised outlet word right after it (`The Japan
/// Times`, `Nigerian Tribune`) or an outlet word and `of` right before it
/// (`Times of Malta`). `range`: the match in folded text.
fn names_an_outlet(rules: &Rules, folded: &Folded, range: Range<usize>) -> bool {
    let capitalised = |word: &[u8], at: usize| {
        folded.cased.get(at).is_some_and(u8::is_ascii_uppercase)
            && rules.outlet_words.contains(word)
    };
    if let Some(next) = word_after(&folded.lower, range.end) {
        let at = range.end + usize::from(folded.lower.get(range.end) == Some(&b' '));
        if capitalised(next, at) {
            return true;
        }
    }
    let Some(of) = word_before(&folded.lower, range.start) else {
        return false;
    };
    let of_start = range.start - 1 - of.len();
    if of != b"of" {
        return false;
    }
    word_before(&folded.lower, of_start).is_some_and(|w| capitalised(w, of_start - 1 - w.len()))
}

/// A name in brackets right after another name qualifies it (`American
/// Samoa (US)`, `Georgia (US state)`): it is not a mention of its own.
/// `previous_end`: where the previous match ended in folded text.
pub(crate) fn qualifies_previous(
    folded: &Folded,
    previous_end: Option<usize>,
    start: usize,
) -> bool {
    previous_end.is_some_and(|end| end <= start && folded.lower[end..start].trim_ascii() == b"(")
}

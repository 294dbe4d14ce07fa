//! One passage through the extractors, in one pass: fold the text once, match
//! the gazetteer once, claim each match, find the person candidates; then
//! turn that into mentions, as often as the report's knowledge of its persons
//! asks, without reading the text again.
//!
//! In: a passage's text. Out: [`PassageScan`], the passage's intermediate
//! results (groups and countries named, the places kept and their candidates,
//! the spans claimed, the passage's persons), and from it, given
//! [`KnownPersons`], the passage's [`Mention`]s in text order (by span start,
//! then kind). Matches inside a URL are ignored; a place overlapping a person
//! is that person's name; an ambiguous place is resolved with the countries
//! the passage names.

use std::cell::RefCell;
use std::ops::Range;

use super::claims::{Claim, classify, qualifies_previous};
use super::gazetteer::Hit;
use super::mention::{EntityKind, Mention};
use super::persons::{KnownPersons, PassagePersons};
use super::places;
use super::rules::{Rules, Target};
use super::urls::url_spans;
use crate::fold::{Folded, fold_into, word_after};

/// What one pass over a passage found, before the report's persons are known.
#[derive(Debug)]
pub(crate) struct PassageScan<'t> {
    /// Groups and countries named directly, in match order.
    named: Vec<Mention>,
    /// The countries (by index) the passage names directly: an ambiguous
    /// place goes to a country named.
    countries_named: Vec<usize>,
    /// Place names kept, with the places each may stand for, in text order.
    places: Vec<(Range<usize>, Vec<usize>)>,
    /// Groups' short names (`Abu Sayyaf`), with the group, in text order.
    short_names: Vec<(Range<usize>, usize)>,
    persons: PassagePersons<'t>,
}

/// Source spans the gazetteer claimed: `hard` ones (groups, countries,
/// blockers) never belong to a person's name, `soft` ones (places, country
/// names that are also given names) only when a rule says so.
#[derive(Debug, Default)]
struct Claimed {
    hard: Vec<Range<usize>>,
    soft: Vec<Range<usize>>,
}

/// One pass of the extractors over `text`.
pub(crate) fn scan<'t>(rules: &Rules, text: &'t str) -> PassageScan<'t> {
    thread_local! {
        /// Folding buffers, reused by every passage on this thread.
        static FOLDED: RefCell<Folded> = RefCell::new(Folded::default());
    }
    FOLDED.with_borrow_mut(|folded| {
        fold_into(text, folded);
        scan_folded(rules, text, folded)
    })
}

fn scan_folded<'t>(rules: &Rules, text: &'t str, folded: &Folded) -> PassageScan<'t> {
    let mut named = Vec::new();
    let mut countries_named = Vec::new();
    let mut places = Vec::new();
    let mut short_names = Vec::new();
    let mut claimed = Claimed::default();
    let mut previous_end: Option<usize> = None;
    for hit in &gazetteer_hits(rules, text, folded) {
        let span = folded.source_span(hit.range.clone());
        match classify(rules, folded, hit) {
            Claim::Blocked => claimed.hard.push(span),
            Claim::Groups(list) => {
                for g in list {
                    let group = Mention::new(EntityKind::Group, &span, &rules.groups[g]);
                    named.push(group);
                }
                claimed.hard.push(span);
            }
            Claim::Country(_) if qualifies_previous(folded, previous_end, hit.range.start) => {}
            Claim::Country(c) => {
                countries_named.push(c);
                let iso2 = &rules.countries[c].iso2;
                named.push(Mention::new(EntityKind::Country, &span, iso2));
                claimed.hard.push(span);
            }
            Claim::GroupShort(g) if !continues_a_name(folded, hit.range.end) => {
                claimed.hard.push(span.clone());
                short_names.push((span, g));
            }
            Claim::PersonName => claimed.soft.push(span),
            Claim::Places(candidates) => {
                if keeps_place(rules, folded, hit, previous_end) {
                    claimed.soft.push(span.clone());
                    places.push((span, candidates));
                }
            }
            // A short name that starts a longer name (`Muhammad Jamal al-Kashif`).
            Claim::GroupShort(_) | Claim::Nothing => {}
        }
        previous_end = Some(hit.range.end);
    }
    PassageScan {
        named,
        countries_named,
        places,
        short_names,
        persons: PassagePersons::find(&rules.persons, text, &claimed.hard, &claimed.soft),
    }
}

/// The gazetteer's matches in `folded`, but those inside a URL of `text`.
fn gazetteer_hits(rules: &Rules, text: &str, folded: &Folded) -> Vec<Hit<Target>> {
    let urls = url_spans(text);
    let mut hits = rules.gazetteer.find(folded);
    if !urls.is_empty() {
        hits.retain(|h| {
            let span = folded.source_span(h.range.clone());
            !urls
                .iter()
                .any(|u| u.start < span.end && span.start < u.end)
        });
    }
    hits
}

/// Whether a capitalised word, or a name particle and one, follows folded
/// byte `end`: a short name there is the start of a longer name
/// (`Muhammad Jamal al-Kashif`, a person, not the Muhammad Jamal Network).
fn continues_a_name(folded: &Folded, end: usize) -> bool {
    let capital_at = |at: usize| folded.cased.get(at).is_some_and(u8::is_ascii_uppercase);
    let skip_space = |at: usize| at + usize::from(folded.lower.get(at) == Some(&b' '));
    let Some(next) = word_after(&folded.lower, end) else {
        return false;
    };
    let next_at = skip_space(end);
    if capital_at(next_at) {
        return true;
    }
    let after = skip_space(next_at + next.len());
    places::NAME_PARTICLES.contains(&next)
        && word_after(&folded.lower, next_at + next.len()).is_some()
        && capital_at(after)
}

/// Whether a place match names a place (see `places::keep`): a capitalised
/// word right before it that may be a given name makes it part of a person's
/// name, unless that word is itself the previous match.
fn keeps_place(
    rules: &Rules,
    folded: &Folded,
    hit: &Hit<Target>,
    previous_end: Option<usize>,
) -> bool {
    let could_be_name = |w: &[u8]| {
        let after_hit = previous_end.is_some_and(|end| hit.range.start.saturating_sub(end) <= 1);
        !after_hit && std::str::from_utf8(w).is_ok_and(|w| rules.persons.could_be_name(w))
    };
    places::keep(folded, hit.range.clone(), could_be_name)
}

impl PassageScan<'_> {
    /// The groups' short names the passage writes (`Abu Sayyaf`), with the
    /// group (index into [`Rules::groups`]): mentions where the report names
    /// the group in full.
    pub(crate) fn short_names(&self) -> &[(Range<usize>, usize)] {
        &self.short_names
    }

    /// The passage's mentions in text order, knowing the full names the rest
    /// of the report gives (`known`).
    pub(crate) fn mentions(&self, rules: &Rules, known: &KnownPersons) -> Vec<Mention> {
        let mut out = self.named.clone();
        let people = self.persons.mentions(&rules.persons, known);
        for p in &people {
            out.push(Mention::new(EntityKind::Person, &p.span, &p.name));
        }
        for (span, candidates) in &self.places {
            if people
                .iter()
                .any(|p| p.span.start < span.end && span.start < p.span.end)
            {
                continue;
            }
            let named = |c: usize| self.countries_named.contains(&c);
            if let Some(r) = places::resolve(candidates, &rules.places, named) {
                let place = &rules.places[r.place].name;
                out.push(Mention::new(EntityKind::Place, span, place));
                if let Some(c) = r.country {
                    let iso2 = &rules.countries[c].iso2;
                    out.push(Mention::new(EntityKind::Country, span, iso2));
                }
            }
        }
        out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.kind.cmp(&b.kind)));
        out
    }
}

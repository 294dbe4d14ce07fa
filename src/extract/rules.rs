//! The extraction rules compiled from the data: one gazetteer over every
//! country, group, place and blocker name, the tables its matches point into,
//! and the person word lists.
//!
//! In: the loaded [`Data`]. Out: [`Rules`], built once and shared by every
//! passage of an ingest (read-only, so across threads too).

use rustc_hash::FxHashSet as HashSet;

use super::countries::{self, CountryForm};
use super::data::Data;
use super::gazetteer::{CaseRule, Gazetteer, GazetteerBuilder};
use super::groups;
use super::persons::PersonRules;
use super::places::{self, PlaceInfo};
use crate::error::Result;
use crate::fold::fold_key;

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A country (index into [`Rules::countries`]) and how its name was written.
    Country(u16, CountryForm),
    /// An armed group (index into [`Rules::groups`]).
    Group(u16),
    /// A group's short name (`Abu Sayyaf`): never a person, and the group
    /// where the report names it in full.
    GroupShort(u16),
    /// A place (index into [`Rules::places`]).
    Place(u32),
    /// A phrase that mentions nothing (data/blockers.toml).
    Blocker,
}

/// A country as the extractor keeps it.
#[derive(Debug)]
pub(crate) struct CountryInfo {
    /// ISO 3166-1 alpha-2 code, the canonical value.
    pub(crate) iso2: String,
    /// The country's name is also a given name (`Chad`, `Georgia`).
    pub(crate) person_name: bool,
}

/// Everything extraction looks names up in.
#[derive(Debug)]
pub(crate) struct Rules {
    pub(crate) gazetteer: Gazetteer<Target>,
    pub(crate) countries: Vec<CountryInfo>,
    /// Canonical group names, in data order.
    pub(crate) groups: Vec<String>,
    pub(crate) places: Vec<PlaceInfo>,
    pub(crate) persons: PersonRules,
    /// Folded outlet words (data/blockers.toml `outlet_words`).
    pub(crate) outlet_words: HashSet<Vec<u8>>,
}

impl Rules {
    /// Compiles `data` and the bundled person word lists.
    pub(crate) fn compile(data: &Data) -> Result<Self> {
        let mut b = GazetteerBuilder::new();
        for phrase in &data.blockers {
            b.add(phrase, Target::Blocker, CaseRule::Any);
        }
        for (name, i, form) in groups::names(&data.groups) {
            let case = match form {
                groups::NameForm::Acronym => CaseRule::Exact,
                groups::NameForm::Alias => CaseRule::AsWritten,
                groups::NameForm::Variant => CaseRule::ProperWords,
            };
            b.add(&name, Target::Group(i as u16), case);
        }
        for (name, i) in groups::short_names(&data.groups) {
            b.add(&name, Target::GroupShort(i as u16), CaseRule::AsWritten);
        }
        countries::register(&mut b, &data.countries, |i, form| {
            Target::Country(i as u16, form)
        });
        places::register(&mut b, &data.places, |i| Target::Place(i as u32));
        let countries: Vec<CountryInfo> = data
            .countries
            .iter()
            .map(|c| CountryInfo {
                iso2: c.iso2.clone(),
                person_name: c.person_name,
            })
            .collect();
        let places = data
            .places
            .iter()
            .map(|p| PlaceInfo {
                name: p.name.clone(),
                country: countries.iter().position(|c| c.iso2 == p.country),
                population: p.population,
            })
            .collect();
        Ok(Rules {
            gazetteer: b.build(),
            groups: data.groups.iter().map(|g| g.name.clone()).collect(),
            countries,
            places,
            persons: PersonRules::bundled()?,
            outlet_words: data
                .outlet_words
                .iter()
                .map(|w| fold_key(w).into_bytes())
                .collect(),
        })
    }
}

//! Rule-based extractors: countries, armed groups, places, persons (gazetteers +
//! rules) and dates (a grammar of patterns), for passages at ingest and for any
//! text through `dossier extract`.
//!
//! In: plain text (already cleaned). Out: [`Mention`]s with byte spans into that
//! text, and the sorted, unique [`Entities`] of SPEC section 3. Extraction is
//! infallible: odd input yields fewer mentions, never an error or a panic.
//! Loading the gazetteers can fail (a broken user data file); that happens once,
//! in [`Extractor::new`] or [`Extractor::with_user_data`].
//!
//! How it works, one module per job: `normalize` folds the text (accents,
//! apostrophes, hyphens, line joins) keeping a map back to it; `gazetteer` is
//! the single Aho-Corasick matcher of every country, group, place and blocker
//! name (whole words, leftmost-longest, case rules); `countries`, `groups`,
//! `places` and `persons` hold each kind's rules; `data` loads the data files
//! of `data/` (embedded in the binary) and a user directory; `aliases` exports
//! the query-time alias tables. Extraction is deterministic.
//!
//! ```
//! use dossier::extract::{DateContext, Extractor};
//!
//! let extractor = Extractor::new()?;
//! let found = extractor.extract(
//!     "Turkish officials said ISIS and al-Qaeda in the Islamic Maghreb were active near Gao.",
//!     &DateContext::default(),
//! );
//! assert_eq!(found.countries, ["ML", "TR"]);
//! assert_eq!(found.groups, ["AQIM", "ISIS"]);
//! assert_eq!(found.places, ["Gao"]);
//! # Ok::<(), dossier::Error>(())
//! ```

mod aliases;
mod citations;
mod countries;
mod data;
pub mod dates;
mod gazetteer;
mod groups;
mod persons;
mod places;
mod translit;
mod urls;

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

pub use crate::fold::alias_key;
pub(crate) use crate::fold::fold_key;
pub use aliases::Alias;
pub use citations::{CitedTitles, parse_citations, source_names};
pub use dates::{DateContext, DateMention, Precision, Qualifier, extract_dates};
pub use persons::KnownPersons;
pub(crate) use persons::{NameForms, canonicalise as canonicalise_persons};

use countries::CountryForm;
use data::Data;
use gazetteer::{CaseRule, Gazetteer, GazetteerBuilder, Hit};
use persons::PersonRules;
use places::PlaceInfo;

/// Which gazetteer an entity mention comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// ISO 3166-1 alpha-2 country.
    Country,
    /// Armed group, by canonical name.
    Group,
    /// City or region.
    Place,
    /// Named individual.
    Person,
}

/// One entity found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Gazetteer or rule that found it.
    pub kind: EntityKind,
    /// Byte range of the matched words in the text given to the extractor.
    pub span: Range<usize>,
    /// Canonical value: ISO code, canonical group name, place or person name.
    pub canonical: String,
}

/// What the extractors found in one text, shaped as SPEC section 3: each list
/// sorted and unique, except `dates`, which keeps the order of first mention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    /// ISO 3166-1 alpha-2 codes.
    pub countries: Vec<String>,
    /// Canonical armed-group names.
    pub groups: Vec<String>,
    /// Places.
    pub places: Vec<String>,
    /// Persons.
    pub persons: Vec<String>,
    /// ISO 8601 dates and intervals.
    pub dates: Vec<String>,
}

impl Entities {
    /// The sorted, unique lists of a text's entity mentions (dates left empty).
    pub fn from_mentions(mentions: Vec<Mention>) -> Entities {
        let mut out = Entities::default();
        for m in mentions {
            let list = match m.kind {
                EntityKind::Country => &mut out.countries,
                EntityKind::Group => &mut out.groups,
                EntityKind::Place => &mut out.places,
                EntityKind::Person => &mut out.persons,
            };
            list.push(m.canonical);
        }
        for list in [
            &mut out.countries,
            &mut out.groups,
            &mut out.places,
            &mut out.persons,
        ] {
            list.sort();
            list.dedup();
        }
        out
    }
}

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Country(u16, CountryForm),
    Group(u16),
    Place(u32),
    /// A phrase that mentions nothing (data/blockers.toml).
    Blocker,
}

#[derive(Debug)]
struct CountryInfo {
    iso2: String,
    person_name: bool,
}

/// The gazetteers, compiled once and shared by every passage of an ingest.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer<Target>,
    countries: Vec<CountryInfo>,
    groups: Vec<String>,
    places: Vec<PlaceInfo>,
    persons: PersonRules,
    data: Data,
}

impl Extractor {
    /// Loads the bundled gazetteers and compiles their automata.
    pub fn new() -> crate::error::Result<Self> {
        Self::from_data(Data::bundled()?)
    }

    /// Like [`Extractor::new`], with the additions found in `dir`:
    /// `groups.toml`, `countries.toml`, `places.tsv`, `places.toml` and
    /// `blockers.toml`, each optional and shaped like the bundled file of the
    /// same kind (see `data/`). A file that does not parse is an
    /// [`Error::DataFile`](crate::error::Error::DataFile) naming it.
    pub fn with_user_data(dir: &Path) -> crate::error::Result<Self> {
        let mut data = Data::bundled()?;
        data.extend_from_dir(dir)?;
        Self::from_data(data)
    }

    fn from_data(data: Data) -> crate::error::Result<Self> {
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
        Ok(Extractor {
            gazetteer: b.build(),
            groups: data.groups.iter().map(|g| g.name.clone()).collect(),
            countries,
            places,
            persons: PersonRules::bundled()?,
            data,
        })
    }

    /// Entity mentions (countries, groups, places, persons) in `text`, in text
    /// order (by span start, then kind). A place that counts toward a country
    /// yields two mentions with the same span.
    pub fn entities(&self, text: &str) -> Vec<Mention> {
        self.entities_knowing(text, &KnownPersons::default())
    }

    /// Like [`Extractor::entities`], knowing the full names of persons found
    /// elsewhere in the same document: a lone `Keïta` there is a mention of
    /// `Ibrahim Boubacar Keïta` named two pages earlier.
    pub fn entities_knowing(&self, text: &str, persons: &KnownPersons) -> Vec<Mention> {
        thread_local! {
            /// Folding buffers, reused by every call on this thread.
            static FOLDED: RefCell<crate::fold::Folded> = RefCell::new(crate::fold::Folded::default());
        }
        FOLDED.with_borrow_mut(|folded| {
            crate::fold::fold_into(text, folded);
            self.entities_in(text, folded, persons)
        })
    }

    fn entities_in(
        &self,
        text: &str,
        folded: &crate::fold::Folded,
        known_persons: &KnownPersons,
    ) -> Vec<Mention> {
        let urls = urls::url_spans(text);
        let mut hits = self.gazetteer.find(folded);
        if !urls.is_empty() {
            hits.retain(|h| {
                let span = folded.source_span(h.range.clone());
                !urls
                    .iter()
                    .any(|u| u.start < span.end && span.start < u.end)
            });
        }
        let mut out = Vec::new();
        let mut named = vec![false; self.countries.len()];
        let mut hard: Vec<Range<usize>> = Vec::new();
        let mut soft: Vec<Range<usize>> = Vec::new();
        let mut pending_places: Vec<(Range<usize>, Vec<usize>)> = Vec::new();
        let mut previous_end: Option<usize> = None;
        for hit in &hits {
            let span = folded.source_span(hit.range.clone());
            match self.classify(folded, hit) {
                Claim::Blocked => hard.push(span),
                Claim::Groups(list) => {
                    for g in list {
                        out.push(mention(EntityKind::Group, &span, &self.groups[g]));
                    }
                    hard.push(span);
                }
                Claim::Country(_) if qualifies_previous(folded, previous_end, hit.range.start) => {}
                Claim::Country(c) => {
                    named[c] = true;
                    out.push(mention(EntityKind::Country, &span, &self.countries[c].iso2));
                    hard.push(span);
                }
                Claim::PersonName => soft.push(span),
                Claim::Places(candidates) => {
                    let could_be_name = |w: &[u8]| {
                        let after_hit = previous_end
                            .is_some_and(|end| hit.range.start.saturating_sub(end) <= 1);
                        !after_hit
                            && std::str::from_utf8(w).is_ok_and(|w| self.persons.could_be_name(w))
                    };
                    if places::keep(folded, hit.range.clone(), could_be_name) {
                        soft.push(span.clone());
                        pending_places.push((span, candidates));
                    }
                }
                Claim::Nothing => {}
            }
            previous_end = Some(hit.range.end);
        }
        let people = self.persons.find(text, &hard, &soft, known_persons);
        for p in &people {
            out.push(mention(EntityKind::Person, &p.span, &p.name));
        }
        for (span, candidates) in pending_places {
            if people
                .iter()
                .any(|p| p.span.start < span.end && span.start < p.span.end)
            {
                continue;
            }
            if let Some(r) = places::resolve(&candidates, &self.places, |c| named[c]) {
                out.push(mention(
                    EntityKind::Place,
                    &span,
                    &self.places[r.place].name,
                ));
                if let Some(c) = r.country {
                    out.push(mention(EntityKind::Country, &span, &self.countries[c].iso2));
                }
            }
        }
        out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.kind.cmp(&b.kind)));
        out
    }

    /// What one gazetteer hit claims: blockers first, then groups, countries, places.
    fn classify(&self, folded: &crate::fold::Folded, hit: &Hit<Target>) -> Claim {
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
            [(c, form)] => {
                let person_name = self.countries[c].person_name;
                let given =
                    |w: &[u8]| std::str::from_utf8(w).is_ok_and(|w| self.persons.is_given_name(w));
                return match countries::judge(folded, hit.range.clone(), form, person_name, given) {
                    countries::Verdict::Country => Claim::Country(c),
                    countries::Verdict::PersonName => Claim::PersonName,
                    countries::Verdict::Refused => Claim::Nothing,
                };
            }
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

    /// Full names of persons found elsewhere in a document, prepared once
    /// for [`Extractor::entities_knowing`] on each of its passages.
    pub fn known_persons(&self, names: &[String]) -> KnownPersons {
        self.persons.known(names)
    }

    /// Which of `names` give their surname to someone else in `texts` (see
    /// `PersonRules::shared_surnames`).
    pub(crate) fn shared_surnames<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
        names: &[String],
    ) -> Vec<bool> {
        self.persons.shared_surnames(texts, names)
    }

    /// Everything SPEC section 3 lists for one text: entities and dates.
    pub fn extract(&self, text: &str, ctx: &DateContext) -> Entities {
        let mut out = Entities::from_mentions(self.entities(text));
        for d in extract_dates(text, ctx) {
            if !out.dates.contains(&d.value) {
                out.dates.push(d.value);
            }
        }
        out
    }

    /// Every alias of every country, group and place, keyed by [`alias_key`],
    /// sorted and unique: the table the CLI stores in the index directory so
    /// that searches resolve `--country Türkiye` or `--group Daesh` without
    /// loading gazetteers. Includes ISO alpha-2 and alpha-3 codes, demonyms,
    /// group acronyms and query-only aliases. A key may stand for several
    /// canonicals (a place name found in several countries).
    pub fn alias_table(&self) -> Vec<Alias> {
        aliases::table(&self.data)
    }

    /// For each group (canonical name, in data order), the canonical names of
    /// the groups it is an affiliate of, directly or through others, sorted:
    /// `("Katiba Macina", ["JNIM", "al-Qaeda"])`. A filter `--group al-Qaeda
    /// --affiliates` matches every group whose list contains al-Qaeda.
    pub fn group_affiliations(&self) -> Vec<(String, Vec<String>)> {
        self.groups
            .iter()
            .cloned()
            .zip(groups::affiliations(&self.data.groups))
            .collect()
    }
}

/// A name in brackets right after another name qualifies it (`American
/// Samoa (US)`, `Georgia (US state)`): it is not a mention of its own.
fn qualifies_previous(
    folded: &crate::fold::Folded,
    previous_end: Option<usize>,
    start: usize,
) -> bool {
    previous_end.is_some_and(|end| end <= start && folded.lower[end..start].trim_ascii() == b"(")
}

fn mention(kind: EntityKind, span: &Range<usize>, canonical: &str) -> Mention {
    Mention {
        kind,
        span: span.clone(),
        canonical: canonical.to_owned(),
    }
}

/// What a gazetteer hit claims.
enum Claim {
    Blocked,
    Groups(Vec<usize>),
    Country(usize),
    /// A country name refused because it is part of a person's name.
    PersonName,
    Places(Vec<usize>),
    Nothing,
}

#[cfg(test)]
mod tests;

//! Places: registering city and region names, and deciding which place (and
//! which country) an ambiguous name stands for.
//!
//! In: [`PlaceRec`]s (from `data/places.tsv` + overrides + user data); at
//! extraction, the candidate places of one matched name and the countries the
//! text names directly. Out: the place meant, and its country when the place is
//! unambiguous. Rules, precision first:
//! - every place name must be written with a capital (`Gao`, not `gao`), and
//!   names of fewer than [`MIN_NAME_LEN`] letters are not registered;
//! - a name shared by places of several countries goes to the one whose country
//!   the same text names (`Tripoli … Lebanon`); else to the most populous if it
//!   has at least [`DOMINANCE`] times the people of every other (Gao, Mali over
//!   Gao, Burkina Faso); else it is a place of no country if all candidates bear
//!   the same name, and nothing otherwise;
//! - a region across borders (`Sahel`, `Lake Chad`) is a place of no country;
//! - a one-word place is part of a person's name when a capitalised word that
//!   may be a given name comes right before it (`Amadou Koufa` is not Kufa,
//!   `Orhan Gönder` not Gonder) or a name particle and a capitalised word right
//!   after it (`Talha al-Libi`); it is part of another name after an Arabic
//!   article (`al-Sahab`); and it is an author when `, “Title”` or `, *Title*`
//!   follows (`Hamm, *The Spectacular Few*`).
//!
//! Words that are also common English words or given names were already left
//! out when the data was generated (`scripts/gen_places.py`); a place name that is
//! also a country's or group's name loses to them (the caller's priority).

use std::ops::Range;

use super::data::PlaceRec;
use super::dates::is_month_name;
use super::gazetteer::{CaseRule, GazetteerBuilder};
use crate::fold::{Folded, is_word_byte, word_after, word_before};

/// Population ratio over every other candidate that makes a shared name
/// unambiguous.
pub(crate) const DOMINANCE: u64 = 5;

/// Shortest place name registered, in folded bytes.
pub(crate) const MIN_NAME_LEN: usize = 3;

/// A place as the extractor keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceInfo {
    pub(crate) name: String,
    /// Index into the extractor's countries, `None` for regions across borders.
    pub(crate) country: Option<usize>,
    pub(crate) population: u64,
}

/// Registers every name and alias of every place with [`CaseRule::Proper`]
/// (written with a capital; in capitals only where the name is so written),
/// but month names and their abbreviations (`Nov`, a town in Tajikistan, is
/// November in a report).
pub(crate) fn register<T: Copy + PartialEq>(
    builder: &mut GazetteerBuilder<T>,
    places: &[PlaceRec],
    target: impl Fn(usize) -> T,
) {
    for (i, p) in places.iter().enumerate() {
        for name in std::iter::once(&p.name).chain(&p.aliases) {
            let key = crate::fold::fold_key(name);
            if key.len() >= MIN_NAME_LEN && !is_month_name(&key) {
                builder.add(name, target(i), CaseRule::Proper);
            }
        }
    }
}

/// Arabic articles: a place name right after one is part of another name
/// (`al-Sahab`, a media outlet, is not Sahab in Jordan); places whose name
/// has the article (`Al Bab`) are registered with it. The forms that are
/// also English words (`at`, `as`, `an`) are left out.
const ARTICLES: &[&[u8]] = &[b"al", b"el", b"ad", b"ar", b"ash", b"az"];

/// Name particles that continue a person's name (`Talha al-Libi`, `Bah ag Moussa`).
pub(crate) const NAME_PARTICLES: &[&[u8]] =
    &[b"al", b"el", b"ag", b"ould", b"bin", b"ibn", b"ben", b"abu"];

/// Whether a place hit at folded bytes `range` names a place. `could_be_name`
/// tells whether a capitalised word (folded, lower case) right before it may
/// be a person's given name (not a stop word, title or organisation word, and
/// not itself a gazetteer match).
pub(crate) fn keep(
    text: &Folded,
    range: Range<usize>,
    could_be_name: impl Fn(&[u8]) -> bool,
) -> bool {
    let one_word = text.lower[range.clone()].iter().all(|&b| is_word_byte(b));
    if !one_word {
        return true;
    }
    if let Some(prev) = word_before(&text.lower, range.start) {
        let at = range.start - 1 - prev.len();
        let capitalised = text.cased[at].is_ascii_uppercase()
            && text.cased[at + 1..at + prev.len()]
                .iter()
                .any(u8::is_ascii_lowercase);
        if (capitalised && could_be_name(prev)) || ARTICLES.contains(&prev) {
            return false;
        }
    }
    if let Some(next) = word_after(&text.lower, range.end) {
        let skip_space = |at: usize| at + usize::from(text.lower.get(at) == Some(&b' '));
        let after_next = skip_space(range.end) + next.len();
        let name_follows = word_after(&text.lower, after_next).is_some()
            && text.cased[skip_space(after_next)].is_ascii_uppercase();
        if NAME_PARTICLES.contains(&next) && name_follows {
            return false;
        }
    }
    let after = &text.cased[range.end..];
    let cites = after.first() == Some(&b',') && {
        let rest = after[1..].trim_ascii_start();
        matches!(rest.first(), Some(b'"' | b'*' | b'_'))
    };
    !cites
}

/// What an ambiguous place name resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// Index of the place whose name is shown.
    pub(crate) place: usize,
    /// Country it counts toward, if unambiguous.
    pub(crate) country: Option<usize>,
}

/// Picks among `candidates` (indices into `places`), given whether each
/// country is named elsewhere in the text.
pub(crate) fn resolve(
    candidates: &[usize],
    places: &[PlaceInfo],
    named: impl Fn(usize) -> bool,
) -> Option<Resolved> {
    let mut by_pop: Vec<usize> = candidates.to_vec();
    by_pop.sort_by(|&a, &b| {
        places[b]
            .population
            .cmp(&places[a].population)
            .then(a.cmp(&b))
    });
    by_pop.dedup();
    let first = *by_pop.first()?;
    let countries = |list: &[usize]| {
        let mut c: Vec<Option<usize>> = list.iter().map(|&i| places[i].country).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let all = countries(&by_pop);
    if all.len() == 1 {
        return Some(Resolved {
            place: first,
            country: all[0],
        });
    }
    let in_named: Vec<usize> = by_pop
        .iter()
        .copied()
        .filter(|&i| places[i].country.is_some_and(&named))
        .collect();
    if let [single_country] = countries(&in_named)[..] {
        return Some(Resolved {
            place: in_named[0],
            country: single_country,
        });
    }
    let second_best = by_pop
        .iter()
        .find(|&&i| places[i].country != places[first].country)
        .map_or(0, |&i| places[i].population);
    if places[first].population >= second_best.saturating_mul(DOMINANCE)
        && places[first].population > 0
    {
        return Some(Resolved {
            place: first,
            country: places[first].country,
        });
    }
    let same_name = by_pop.iter().all(|&i| places[i].name == places[first].name);
    same_name.then_some(Resolved {
        place: first,
        country: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, country: Option<usize>, population: u64) -> PlaceInfo {
        PlaceInfo {
            name: name.into(),
            country,
            population,
        }
    }

    const ML: usize = 0;
    const BF: usize = 1;
    const LY: usize = 2;
    const LB: usize = 3;
    const IN: usize = 4;
    const PK: usize = 5;

    #[test]
    fn context_table() {
        use crate::fold::fold;
        let given = |w: &[u8]| w == b"amadou" || w == b"orhan" || w == b"george";
        for (text, place, want) in [
            ("in Kufa, Iraq", "Kufa", true),
            ("Amadou Koufa said", "Koufa", false),
            ("amadou Koufa said", "Koufa", true),
            ("Orhan Gonder was sentenced", "Gonder", false),
            ("In Gao, the army", "Gao", true),
            ("a video by al-Sahab, the outlet", "Sahab", false),
            ("Talha al-Libi said", "Talha", false),
            ("Gao al-", "Gao", true),
            ("Gao and Kidal", "Gao", true),
            ("the camp at Kati", "Kati", true),
            ("as Gao fell", "Gao", true),
            ("Hamm, *The Spectacular Few*", "Hamm", false),
            ("Thurston, “Jihadists”", "Thurston", false),
            ("Gao, the city", "Gao", true),
            ("George Washington University", "George Washington", true),
        ] {
            let f = fold(text);
            let lower = String::from_utf8(f.lower.clone()).unwrap();
            let key = crate::fold::fold_key(place);
            let start = lower.find(&key).unwrap();
            assert_eq!(keep(&f, start..start + key.len(), given), want, "{text}");
        }
    }

    #[test]
    fn resolution_table() {
        let places = vec![
            place("Gao", Some(ML), 242_693),
            place("Gao", Some(BF), 26_453),
            place("Tripoli", Some(LY), 1_579_155),
            place("Tripoli", Some(LB), 229_398),
            place("Punjab", Some(IN), 10_605_338),
            place("Punjab", Some(PK), 50_691_581),
            place("Sahel", None, 0),
            place("Bamako", Some(ML), 1_297_281),
            place("Saint-Louis", Some(IN), 300_000),
            place("Saint Louis", Some(PK), 290_000),
        ];
        let none = |_: usize| false;
        let r = |c: &[usize], named: &dyn Fn(usize) -> bool| resolve(c, &places, named);
        // one candidate
        assert_eq!(
            r(&[7], &none),
            Some(Resolved {
                place: 7,
                country: Some(ML)
            })
        );
        assert_eq!(
            r(&[6], &none),
            Some(Resolved {
                place: 6,
                country: None
            })
        );
        // dominance
        assert_eq!(
            r(&[0, 1], &none),
            Some(Resolved {
                place: 0,
                country: Some(ML)
            })
        );
        assert_eq!(
            r(&[2, 3], &none),
            Some(Resolved {
                place: 2,
                country: Some(LY)
            })
        );
        // context wins over dominance
        assert_eq!(
            r(&[2, 3], &|c| c == LB),
            Some(Resolved {
                place: 3,
                country: Some(LB)
            })
        );
        assert_eq!(
            r(&[0, 1], &|c| c == BF),
            Some(Resolved {
                place: 1,
                country: Some(BF)
            })
        );
        // no dominance: a place of no country, or nothing if the names differ
        assert_eq!(
            r(&[4, 5], &none),
            Some(Resolved {
                place: 5,
                country: None
            })
        );
        assert_eq!(
            r(&[4, 5], &|c| c == IN || c == PK),
            Some(Resolved {
                place: 5,
                country: None
            })
        );
        assert_eq!(r(&[8, 9], &none), None);
        assert_eq!(r(&[], &none), None);
    }
}

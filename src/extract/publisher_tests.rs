//! Entities on reports from other publishers (issue 13): the rules that must
//! hold whatever the report's shape. Tables of cases written for these tests
//! in the manner of government audits, commission reports and journal papers;
//! none is taken from the bundled corpus.

use std::sync::OnceLock;

use super::*;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("bundled data loads"))
}

/// The canonical values of one kind that `text` mentions, sorted, unique.
fn found(text: &str, kind: EntityKind) -> Vec<String> {
    let mut v: Vec<String> = extractor()
        .entities(text)
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.canonical)
        .collect();
    v.sort();
    v.dedup();
    v
}

fn check(kind: EntityKind, cases: &[(&str, &[&str])]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = found(text, kind);
            (got != *want).then(|| format!("{text:?}\n    want {want:?}\n     got {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} {kind:?} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// See: issue 13 ("GAO tags 24 passages with Gao, Mali").
#[test]
fn an_acronym_is_a_place_only_when_the_place_is_written_so() {
    #[rustfmt::skip]
    check(EntityKind::Place, &[
        ("The GAO found that the agency had not tracked the grants.", &[]),
        ("GAO auditors reviewed 14 programs (GAO-19-123).", &[]),
        ("Fighting spread from Gao to Kidal.", &["Gao", "Kidal"]),
        ("The NICE guidance and the MOSUL dataset", &[]),
        ("Troops returned to Mosul.", &["Mosul"]),
    ]);
}

// See: issue 13 ("`Nov` is read as a country").
#[test]
fn month_abbreviations_are_never_places_or_countries() {
    for text in [
        "The office reopened on 3 Nov and closed again in Dec.",
        "Figures for Jan, Feb, Mar and Apr are provisional.",
        "Sept. 2011 to Oct. 2012",
    ] {
        assert!(found(text, EntityKind::Place).is_empty(), "{text}");
        assert!(found(text, EntityKind::Country).is_empty(), "{text}");
    }
}

// See: issue 13 ("`The Japan Times` tags Japan").
#[test]
fn outlets_named_after_a_country_or_city_mention_neither() {
    #[rustfmt::skip]
    check(EntityKind::Country, &[
        ("as reported by The Japan Times and the Nigerian Tribune", &[]),
        ("(Times of Malta, 2 May 2019)", &[]),
        ("the Kenya Standard and the Indian Express", &[]),
        ("Japanese officials told the Japan Times", &["JP"]),
        ("In Japan, times have changed.", &["JP"]),
        ("Nigerian news outlets", &["NG"]),
    ]);
    check(
        EntityKind::Place,
        &[
            ("an editorial in the Bangkok Post", &[]),
            ("police in Bangkok", &["Bangkok"]),
        ],
    );
}

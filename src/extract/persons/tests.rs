//! Person rule tests: tables of positive and negative cases, written for
//! these tests, over one passage at a time.

use std::ops::Range;
use std::sync::OnceLock;

use super::passage::PersonMention;
use super::*;

fn rules() -> &'static PersonRules {
    static RULES: OnceLock<PersonRules> = OnceLock::new();
    RULES.get_or_init(|| PersonRules::bundled().expect("bundled word lists load"))
}

/// The persons of `text` with these claimed spans and this knowledge.
fn found(
    text: &str,
    hard: &[Range<usize>],
    soft: &[Range<usize>],
    known: &KnownPersons,
) -> Vec<PersonMention> {
    PassagePersons::find(rules(), text, hard, soft).mentions(rules(), known)
}

fn persons(text: &str) -> Vec<String> {
    found(text, &[], &[], &KnownPersons::default())
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn positive_cases() {
    #[rustfmt::skip]
    let cases: &[(&str, &[&str])] = &[
        ("President Ibrahim Boubacar Keïta resigned.", &["Ibrahim Boubacar Keïta"]),
        ("the JNIM leader Iyad Ag Ghaly spoke", &["Iyad Ag Ghaly"]),
        ("Colonel Goïta took power.", &["Goïta"]),
        ("Gen. Stephen Townsend warned", &["Stephen Townsend"]),
        ("Aaron Stein, a fellow at the institute, argues", &["Aaron Stein"]),
        ("Aaron Stein, “The Title”, Outlet, 2019.", &["Aaron Stein"]),
        ("Liesbeth van der Heide and Julie Coleman, “Prisons”, 2020.", &["Liesbeth van der Heide", "Julie Coleman"]),
        ("a brief by Liesbeth van der Heide", &["Liesbeth van der Heide"]),
        ("Hamadoun Koufa said that", &["Hamadoun Koufa"]),
        ("ISIS leader Abu Bakr al-Baghdadi was killed", &["Abu Bakr al-Baghdadi"]),
        ("spokesperson Mohamed Ag\nAhmed declared", &["Mohamed Ag Ahmed"]),
        ("Julie Coleman wrote the brief", &["Julie Coleman"]),
        ("Prime Minister Moctar Ouane and Mr. Smith", &["Moctar Ouane", "Smith"]),
        ("rebels fighting Bashar al-Assad’s regime", &["Bashar al-Assad"]),
        ("weapons from Muammar Gaddafi's former regime", &["Muammar Gaddafi"]),
        ("staff in Bah N’daw’s cabinet", &["Bah N’daw"]),
    ];
    for (text, want) in cases {
        assert_eq!(persons(text), *want, "{text:?}");
    }
}

#[test]
fn negative_cases() {
    for text in [
        "The International Crisis Group said that",
        "Human Rights Watch, a New York-based group",
        "In Bamako, the government said",
        "Executive Summary",
        "Islamic State fighters said",
        "Calibrating the Response",
        "The General Assembly voted",
        "Many Tuareg Fighters said",
        "the Malian Armed Forces said",
        "Is it over? It is.",
        "President of the Republic",
        "Ministry of Justice, “Annual Report”",
        "United Nations Security Council said",
        // A possessive cue needs a noun only a person owns, right after
        // the name or after one lower-case adjective.
        "Human Rights Watch's report",
        "the Security Council's new resolution",
        "Tessit Konna's Mopti regime",
        "Amnesty International's release",
    ] {
        assert_eq!(persons(text), Vec::<String>::new(), "{text:?}");
    }
}

#[test]
fn longest_and_most_accented_form_wins() {
    let text = "President Ibrahim Boubacar Keita met aides. President Keïta then left; Ibrahim Boubacar Keïta said no. Later Keita resigned.";
    let names = persons(text);
    assert!(
        names.iter().all(|n| n == "Ibrahim Boubacar Keïta"),
        "{names:?}"
    );
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn a_middle_initial_stays_in_the_name() {
    assert_eq!(
        persons("Ahmet S. Yayla, “Turkish ISIS”, Studies, 2019."),
        ["Ahmet S. Yayla"]
    );
    // Initials glued into an acronym are not a name's.
    assert!(persons("The U.S. Department of State said").is_empty());
}

#[test]
fn surnames_point_at_names_the_document_gives_in_full() {
    let known = |names: &[&str]| {
        let names: Vec<String> = names.iter().map(ToString::to_string).collect();
        KnownPersons::new(rules(), &names)
    };
    let found = |text: &str, names: &[&str], soft: &[Range<usize>]| {
        found(text, &[], soft, &known(names))
            .into_iter()
            .map(|m| m.name)
            .collect::<Vec<_>>()
    };
    #[rustfmt::skip]
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("A coup ousted Keïta in 2020.", &["Ibrahim Boubacar Keïta"], &["Ibrahim Boubacar Keïta"]),
        // Unaccented in this passage, accented in the full name.
        ("Later Keita resigned.", &["Ibrahim Boubacar Keita", "Ibrahim Boubacar Keïta"], &["Ibrahim Boubacar Keïta"]),
        // A shorter full form is the same person.
        ("Keïta left.", &["Boubacar Keïta", "Ibrahim Boubacar Keïta"], &["Ibrahim Boubacar Keïta"]),
        // A middle initial does not make two people.
        ("Yayla, “Turkish ISIS”, op. cit.", &["Ahmet S. Yayla", "Ahmet Yayla"], &["Ahmet S. Yayla"]),
        // Two people share the surname: nobody.
        ("Traoré spoke.", &["Moussa Traoré", "Bah Traoré"], &[]),
        // A surname that is also a given name points at nobody.
        ("Ahmed spoke.", &["Mohamed Ag Ahmed"], &[]),
        // Part of a longer run, it is someone else's name.
        ("Modibo Keïta was the first president.", &["Ibrahim Boubacar Keïta"], &["Modibo Keïta"]),
    ];
    for (text, names, want) in cases {
        assert_eq!(found(text, names, &[]), *want, "{text:?} knowing {names:?}");
    }
    // A surname that is also a place (claimed softly by the place
    // gazetteer): the person only when this text names them in full.
    let text = "Gönder went to jail.";
    let place = 0.."Gönder".len();
    assert!(found(text, &["Orhan Gönder"], std::slice::from_ref(&place)).is_empty());
    let text = "Orhan Gönder, a youth, was sentenced. Gönder went to jail.";
    let at = text.rfind("Gönder").unwrap();
    let place = at..at + "Gönder".len();
    assert_eq!(
        found(text, &[], std::slice::from_ref(&place)),
        ["Orhan Gönder", "Orhan Gönder"]
    );
}

#[test]
fn spellings_of_one_name_become_one() {
    let text = "leader Iyad ag Ghaly left. Later, leader Iyad Ag Ghaly said so.";
    assert_eq!(persons(text), ["Iyad ag Ghaly", "Iyad ag Ghaly"]);
}

#[test]
fn claimed_spans_are_not_names() {
    let none = KnownPersons::default();
    // "Georgia" claimed softly (a country that is also a given name) can still start a name.
    let text = "Georgia Holmer said";
    let georgia = found(text, &[], std::slice::from_ref(&(0..7)), &none);
    assert_eq!(georgia[0].name, "Georgia Holmer");
    // Claimed hard (a group), it cannot.
    let text = "Ansar Dine said";
    assert!(found(text, std::slice::from_ref(&(0..10)), &[], &none).is_empty());
    // A run made only of places needs a title.
    let text = "Gao Kidal said";
    assert!(found(text, &[], &[0..3, 4..9], &none).is_empty());
}

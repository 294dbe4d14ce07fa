//! A whole report's entities: each passage through the extractors once, then
//! what the report as a whole knows about its persons.
//!
//! In: the report's passages in order, each a text and the outlets it cites.
//! Out: per passage, its [`Mention`]s in text order. Each passage is scanned
//! once (`passage.rs`); its mentions without the report's knowledge give the
//! full names the report writes (`persons::across`); a passage where a
//! surname of one of them stands alone is then named again from its scan,
//! knowing them; mentions inside a cited outlet's name are dropped
//! (`outlets.rs`), and every person takes the fullest form the report gives.
//! Last, the groups the report itself defines or shortens are added
//! (`report_groups.rs`).

use super::mention::Mention;
use super::outlets::drop_inside_sources;
use super::passage::{PassageScan, scan};
use super::persons::{KnownPersons, ReportPersons};
use super::report_groups::add_report_groups;
use super::rules::Rules;

/// The mentions of each of `passages` (text, cited outlets), knowing the
/// whole report.
pub(crate) fn entities(rules: &Rules, passages: &[(&str, &[String])]) -> Vec<Vec<Mention>> {
    let scans: Vec<PassageScan<'_>> = passages.iter().map(|(text, _)| scan(rules, text)).collect();
    let alone = KnownPersons::default();
    let mut mentions: Vec<Vec<Mention>> = scans
        .iter()
        .zip(passages)
        .map(|(scan, (text, sources))| {
            let mut found = scan.mentions(rules, &alone);
            drop_inside_sources(text, sources, &mut found);
            found
        })
        .collect();
    let texts: Vec<&str> = passages.iter().map(|(text, _)| *text).collect();
    if let Some(report) = ReportPersons::learn(&rules.persons, &texts, &mentions) {
        for (n, ((scan, (text, sources)), found)) in
            scans.iter().zip(passages).zip(&mut mentions).enumerate()
        {
            if report.surname_outside_names(n, found) {
                *found = scan.mentions(rules, report.known());
                drop_inside_sources(text, sources, found);
            }
            report.canonicalise(found);
        }
    }
    add_report_groups(rules, &texts, &scans, &mut mentions);
    mentions
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::extract::data::Data;
    use crate::extract::mention::EntityKind;

    fn rules() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| Rules::compile(&Data::bundled().unwrap()).unwrap())
    }

    /// The persons of each passage of a report.
    fn persons(passages: &[&str]) -> Vec<Vec<String>> {
        let passages: Vec<(&str, &[String])> = passages.iter().map(|t| (*t, &[][..])).collect();
        entities(rules(), &passages)
            .into_iter()
            .map(|found| {
                found
                    .into_iter()
                    .filter(|m| m.kind == EntityKind::Person)
                    .map(|m| m.canonical)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_lone_surname_is_the_person_the_report_names_in_full() {
        let found = persons(&[
            "President Ibrahim Boubacar Keïta resigned.",
            "A coup ousted Keïta in 2020.",
            "Later, Boubacar Keïta said so.",
        ]);
        assert_eq!(found[1], ["Ibrahim Boubacar Keïta"]);
        assert_eq!(found[2], ["Ibrahim Boubacar Keïta"]);
    }

    #[test]
    fn a_surname_the_report_also_uses_otherwise_stays_alone() {
        let long = [
            "Jane Long said the attack was planned.",
            "Long argues otherwise.",
        ];
        assert_eq!(persons(&long)[1], ["Jane Long"]);
        // Written in lower case elsewhere: a word, not only a name.
        let found = persons(&[long[0], long[1], "It took a long time."]);
        assert!(found[1].is_empty(), "{found:?}");
        let libi = ["Abu Yahya al-Libi said so.", "Later, al-Libi left."];
        assert_eq!(persons(&libi)[1], ["Abu Yahya al-Libi"]);
        // Borne by someone else too.
        let found = persons(&[libi[0], "The katiba of Talha al-Libi grew.", libi[1]]);
        assert!(found[2].is_empty(), "{found:?}");
        // Nobody named in full: nothing to point at.
        assert!(persons(&["Keïta left."])[0].is_empty());
    }

    // See: issue 13 ("a report naming 'Bin Ladin' in 71 passages gets him in
    // 9; Zarqawi 9 of 17, Assad 3 of 16").
    #[test]
    fn surnames_with_particles_and_articles_point_at_the_full_name() {
        let found = persons(&[
            "The founder, Usama Bin Ladin, recruited veterans of the war.",
            "By 1996 Bin Ladin had moved his headquarters.",
            "Abu Musab al-Zarqawi ran a camp near the border.",
            "Zarqawi later moved north, and al-Zarqawi's men followed.",
            "President Bashar al-Assad refused.",
            "Assad then ordered the army into the suburbs.",
            "Usama Bin Ladin and Zarqawi never met in the desert.",
        ]);
        assert_eq!(found[1], ["Usama Bin Ladin"]);
        assert_eq!(found[3], ["Abu Musab al-Zarqawi", "Abu Musab al-Zarqawi"]);
        assert_eq!(found[5], ["Bashar al-Assad"]);
        assert_eq!(found[6], ["Usama Bin Ladin", "Abu Musab al-Zarqawi"]);
        // Two people bear the surname: a lone Assad is neither.
        let found = persons(&[
            "President Hafez al-Assad died in 2000; his son Bashar al-Assad succeeded him.",
            "Assad then ordered the army into the suburbs.",
        ]);
        assert!(found[1].is_empty(), "{found:?}");
        // A lone particle is no surname.
        let found = persons(&["The founder, Usama Bin Ladin, left.", "Bin said no."]);
        assert!(found[1].is_empty(), "{found:?}");
    }

    #[test]
    fn outlets_cited_by_a_passage_are_not_its_mentions() {
        // An outlet whose shape no rule of data/blockers.toml knows.
        let text = "Sources: Liberian Voices";
        let countries = |sources: &[String]| -> Vec<String> {
            entities(rules(), &[(text, sources)])[0]
                .iter()
                .filter(|m| m.kind == EntityKind::Country)
                .map(|m| m.canonical.clone())
                .collect()
        };
        assert_eq!(countries(&[]), ["LR"]);
        assert!(countries(&["Liberian Voices".to_string()]).is_empty());
    }
}

//! Whole-extractor tests: tables of positive and negative cases per rule
//! (written for these tests, not taken from the corpus), and a run over every
//! corpus file checking spans.

use std::sync::OnceLock;

use super::*;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("bundled data loads"))
}

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
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = found(text, kind);
        if got != *want {
            failures.push(format!("{text:?}\n    want {want:?}\n     got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} {kind:?} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn countries_positive() {
    #[rustfmt::skip]
    check(EntityKind::Country, &[
        ("Turkey deported them.", &["TR"]),
        ("authorities in Türkiye", &["TR"]),
        ("the Republic of Türkiye", &["TR"]),
        ("Turkiye's interior ministry", &["TR"]),
        ("Turkish officials confirmed", &["TR"]),
        ("the Malian army", &["ML"]),
        ("French troops withdrew", &["FR"]),
        ("Nigerien soldiers", &["NE"]),
        ("a Burkinabe gendarme", &["BF"]),
        ("Burkinabè forces", &["BF"]),
        ("Chadian contingents", &["TD"]),
        ("in Côte d'Ivoire", &["CI"]),
        ("in Cote d’Ivoire", &["CI"]),
        ("Ivory Coast", &["CI"]),
        ("Burkina Faso and Niger", &["BF", "NE"]),
        ("the Democratic Republic of the Congo", &["CD"]),
        ("in the DRC", &["CD"]),
        ("DR Congo", &["CD"]),
        ("Congo-Brazzaville", &["CG"]),
        ("the Republic of the Congo", &["CG"]),
        ("troops crossed into Congo", &["CG"]),
        ("Congo, Dem. Rep.", &["CD"]),
        ("Suriye ve Irak", &["IQ", "SY"]),
        ("le Tchad et le Niger", &["NE", "TD"]),
        ("the U.S. Treasury", &["US"]),
        ("US forces left", &["US"]),
        ("the United States", &["US"]),
        ("Niger, Nigeria and Mali", &["ML", "NE", "NG"]),
        ("Nigerian and Nigerien troops", &["NE", "NG"]),
        ("Guinea-Bissau", &["GW"]),
        ("Papua New Guinea", &["PG"]),
        ("Equatorial Guinea", &["GQ"]),
        ("Guinea held elections", &["GN"]),
        ("Chad sent troops", &["TD"]),
        ("refugees in Jordan.", &["JO"]),
        ("the UK and Germany", &["DE", "GB"]),
        ("Mali’s junta", &["ML"]),
        ("Burkina\nFaso", &["BF"]),
        ("Burkina  Faso", &["BF"]),
        ("in Bamako", &["ML"]),
        ("arrested in Gaziantep", &["TR"]),
        ("Turkish National Police", &["TR"]),
        ("the Turkish Statistical Institute", &["TR"]),
        ("he speaks French at home while Malian", &["ML"]),
    ]);
}

#[test]
fn countries_negative() {
    #[rustfmt::skip]
    check(EntityKind::Country, &[
        ("let us go", &[]),
        ("the Islamic State of Iraq and Syria", &[]),
        ("al-Qaeda in the Islamic Maghreb", &[]),
        ("France 24 reported", &[]),
        ("Radio France Internationale", &[]),
        ("Turkish-speaking fighters", &[]),
        ("interviews in Turkish.", &[]),
        ("the word (Turkish) means", &[]),
        ("Arabic and Arab tribes", &[]),
        ("Kurdish and Tuareg fighters, Fulani herders, Berber villages", &[]),
        ("the Gulf of Guinea", &[]),
        ("a turkey dinner, a hanging chad", &[]),
        ("Georgia Holmer argues", &[]),
        ("Michael Jordan played", &[]),
        ("Congolese troops", &[]),
        ("Is it over?", &[]),
        ("Latin American states", &[]),
        ("New Mexico and New Jersey", &["US"]),
        ("the Washington Post reported", &[]),
        ("Lake Chad", &[]),
        ("American Samoa (US)", &["AS"]),
        ("a report by François Soudan", &[]),
        ("see https://example.org/mali-and-niger/", &[]),
        ("Victoria and Hope met Florence", &[]),
        ("the Sahel and the Maghreb", &[]),
    ]);
}

#[test]
fn groups_positive() {
    #[rustfmt::skip]
    check(EntityKind::Group, &[
        ("al-Qaeda in the Islamic Maghreb", &["AQIM"]),
        ("Islamic State in the Greater Sahara", &["ISGS"]),
        ("Islamic State West Africa Province", &["ISWAP"]),
        ("the Islamic State's West Africa Province", &["ISWAP"]),
        ("IS claimed the attack", &["ISIS"]),
        ("ISIS, ISIL, Daesh, DAESH and DEAŞ", &["ISIS"]),
        ("fighters of the Dawla", &["ISIS"]),
        ("the Dewle", &["ISIS"]),
        ("Jama'at Nusrat al-Islam wal-Muslimin", &["JNIM"]),
        ("Jamaat Nusratul Islam wal-Muslimin", &["JNIM"]),
        ("Jama’at Nusratul Islam wal Muslimin", &["JNIM"]),
        ("Jama'at Nasr al-Islam wal Muslimin", &["JNIM"]),
        ("Jamaat Nusrat al-Islam wal Muslimeen", &["JNIM"]),
        ("Jama’at Nusrat al Islam wa al Muslimeen", &["JNIM"]),
        ("Jamaʿat Nusrat al-Islam wal-Muslimin", &["JNIM"]),
        ("Jama`at Nusrat al-Islam wal-Muslimin", &["JNIM"]),
        ("Jamaat Nusrat al-Islam\nwal-Muslimin", &["JNIM"]),
        ("GSIM", &["JNIM"]),
        ("the Group to Support Islam and Muslims", &["JNIM"]),
        ("FETÖ and FETO", &["FETO"]),
        ("Hüda-Par and Huda Par", &["Hüda-Par"]),
        ("PKK, YPG and SDF", &["PKK", "SDF", "YPG"]),
        ("Ansar Dine, Ansar al-Dine", &["Ansar Dine"]),
        ("al-Mourabitoun, Al-Mourabitoun and AMB", &["al-Mourabitoun"]),
        ("Katiba Macina", &["Katiba Macina"]),
        ("the Macina Liberation Front", &["Katiba Macina"]),
        ("Katiba al-Furqan", &["Katiba al-Furqan"]),
        ("the GSPC", &["GSPC"]),
        ("the Salafist Group for Preaching and Combat", &["GSPC"]),
        ("MUJAO", &["MUJAO"]),
        ("the MNLA", &["MNLA"]),
        ("HTS", &["HTS"]),
        ("Nusra Front, al-Nusra Front and Jabhat al-Nusra", &["Nusra Front"]),
        ("al-Shabaab and al-Shabab", &["al-Shabaab"]),
        ("Boko Haram", &["Boko Haram"]),
        ("the Taliban", &["Taliban"]),
        ("Hezbollah and Hizbullah", &["Hezbollah"]),
        ("the Kurdish Hizbullah", &["Kurdish Hizbullah"]),
        ("ISKP, the Islamic State Khorasan Province", &["ISKP"]),
        ("AQAP", &["AQAP"]),
        ("Ansaroul Islam", &["Ansaroul Islam"]),
        ("al Qaeda, al-Qaeda, Al-Qaida and AQ", &["al-Qaeda"]),
        ("the Islamic\nState", &["ISIS"]),
        ("the CMA and the Platform", &["CMA"]),
        ("ISIS in the Greater Sahara and ISIL-GS", &["ISGS"]),
        ("IS Sahel", &["ISGS"]),
        ("ISIS-K and IS-KP", &["ISKP"]),
        ("al-Qaida in the Islamic Maghreb", &["AQIM"]),
        ("Jamaat Nosrat al-Islam wal-Mouslimin", &["JNIM"]),
    ]);
}

#[test]
fn groups_negative() {
    #[rustfmt::skip]
    check(EntityKind::Group, &[
        ("this is what it is", &[]),
        ("Is it over?", &[]),
        ("WHAT IS LEFT", &[]),
        ("the aq value", &[]),
        ("an AAD score", &[]),
        ("the dream of an Islamic state", &[]),
        ("al-shabaab in lower case is a common noun here", &[]),
    ]);
}

#[test]
fn places_table() {
    #[rustfmt::skip]
    check(EntityKind::Place, &[
        ("in Bamako", &["Bamako"]),
        ("Gao, Kidal, Mopti and Timbuktu", &["Gao", "Kidal", "Mopti", "Timbuktu"]),
        ("Tombouctou", &["Timbuktu"]),
        ("Ménaka and Menaka", &["Ménaka"]),
        ("Idlib and Raqqa", &["Idlib", "Raqqa"]),
        ("Adıyaman and Şanlıurfa", &["Adıyaman", "Şanlıurfa"]),
        ("Adiyaman and Sanliurfa", &["Adıyaman", "Şanlıurfa"]),
        ("Gaziantep", &["Gaziantep"]),
        ("the Sahel", &["Sahel"]),
        ("the Gulf of Guinea", &["Gulf of Guinea"]),
        ("a nice town, a mobile phone, reading", &[]),
        ("Nice", &[]),
        ("gao", &[]),
        ("Borno State", &["Borno"]),
        ("Niger State", &["Niger State"]),
        ("the camp at Kati", &["Kati"]),
        ("Amadou Koufa and Orhan Gönder", &[]),
        ("Talha al-Libi", &[]),
    ]);
    check(
        EntityKind::Country,
        &[("Tripoli, in Lebanon", &["LB"]), ("in Tripoli", &["LY"])],
    );
}

#[test]
fn persons_in_context() {
    #[rustfmt::skip]
    check(EntityKind::Person, &[
        ("Malian President Ibrahim Boubacar Keïta resigned", &["Ibrahim Boubacar Keïta"]),
        ("Georgia Holmer argues that", &["Georgia Holmer"]),
        ("Chad Smith wrote that", &["Chad Smith"]),
        ("François Soudan, a journalist", &["François Soudan"]),
        ("JNIM leader Iyad Ag Ghaly", &["Iyad Ag Ghaly"]),
        ("Ansar Dine said", &[]),
        ("Burkina Faso said", &[]),
        ("Islamic State in the Greater Sahara, the group", &[]),
        ("In Gao, the army said", &[]),
    ]);
}

#[test]
fn spans_are_ordered_and_slice_back() {
    let text = "Turkish police in Gaziantep arrested ISIS members; President Erdoğan spoke.";
    let ms = extractor().entities(text);
    for w in ms.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
    let spans: Vec<&str> = ms.iter().map(|m| &text[m.span.clone()]).collect();
    assert_eq!(
        spans,
        ["Turkish", "Gaziantep", "Gaziantep", "ISIS", "Erdoğan"]
    );
}

#[test]
fn user_data_extends_groups_and_bad_data_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("groups.toml"),
        "[[group]]\nname = \"Katiba Serma\"\naffiliate_of = [\"JNIM\"]\n",
    )
    .unwrap();
    let ex = Extractor::with_user_data(dir.path()).unwrap();
    let ms = ex.entities("Katiba Serma fighters");
    assert_eq!(ms[0].canonical, "Katiba Serma");
    let aff = ex.group_affiliations();
    let serma = aff.iter().find(|(g, _)| g == "Katiba Serma").unwrap();
    assert_eq!(serma.1, ["JNIM", "al-Qaeda"]);
    std::fs::write(dir.path().join("places.tsv"), "Somewhere\tXX\n").unwrap();
    assert!(matches!(
        Extractor::with_user_data(dir.path()),
        Err(crate::error::Error::DataFile { .. })
    ));
    std::fs::write(dir.path().join("places.tsv"), "Somewhere\tMali\n").unwrap();
    assert!(matches!(
        Extractor::with_user_data(dir.path()),
        Err(crate::error::Error::DataFile { .. })
    ));
}

#[test]
fn affiliations_follow_the_brief() {
    let aff = extractor().group_affiliations();
    let of = |g: &str| {
        aff.iter()
            .find(|(n, _)| n == g)
            .map(|(_, a)| a.clone())
            .unwrap()
    };
    for (group, parent) in [
        ("ISGS", "ISIS"),
        ("AQIM", "al-Qaeda"),
        ("JNIM", "al-Qaeda"),
        ("ISWAP", "ISIS"),
        ("ISKP", "ISIS"),
        ("AQAP", "al-Qaeda"),
        ("Katiba Macina", "JNIM"),
        ("Katiba Macina", "al-Qaeda"),
    ] {
        assert!(of(group).contains(&parent.to_owned()), "{group} → {parent}");
    }
}

/// Every corpus file: no panic, spans ordered, on char boundaries, and each
/// span's folded text is a name the gazetteer knows (or a person rule's).
#[test]
fn corpus_spans_are_sound() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let ex = extractor();
    let known: std::collections::HashSet<String> =
        ex.alias_table().into_iter().map(|a| a.key).collect();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let ms = ex.entities(&text);
        assert!(!ms.is_empty(), "{}", path.display());
        for w in ms.windows(2) {
            assert!(
                w[0].span.start <= w[1].span.start,
                "{}: unordered",
                path.display()
            );
        }
        for m in &ms {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            let slice = &text[m.span.clone()];
            if m.kind == EntityKind::Person {
                let initial = slice.trim_start_matches(|c: char| c.is_lowercase() || c == '-');
                assert!(
                    initial.starts_with(char::is_uppercase),
                    "{}: person {slice:?}",
                    path.display()
                );
            } else {
                assert!(
                    known.contains(&alias_key(slice)),
                    "{}: {slice:?} is no alias",
                    path.display()
                );
            }
        }
    }
    assert_eq!(files, 5);
}

/// Throughput over the corpus repeated: `cargo test --release -- --ignored --nocapture throughput`.
#[test]
#[ignore = "timing, run in release by hand"]
#[allow(clippy::print_stderr)] // a timing test reports its figures on stderr
fn throughput() {
    let start = std::time::Instant::now();
    let ex = Extractor::new().unwrap();
    let build = start.elapsed();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = 100;
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for t in &texts {
            for para in t.split("\n\n") {
                n += ex.entities(para).len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    eprintln!(
        "build {build:?}; {mb:.1} MB in {secs:.2} s = {:.1} MB/s; {n} mentions",
        mb / secs
    );
}

#[test]
fn extractor_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    let ex = extractor();
    std::thread::scope(|s| {
        let a = s.spawn(|| ex.entities("JNIM in Mali"));
        let b = s.spawn(|| ex.entities("ISIS in Syria"));
        assert_eq!(a.join().unwrap().len(), 2);
        assert_eq!(b.join().unwrap().len(), 2);
    });
}

#[test]
fn alias_keys_within_a_kind_are_unambiguous_for_countries_and_groups() {
    let mut seen: std::collections::HashMap<(EntityKind, String), String> =
        std::collections::HashMap::new();
    let mut clashes = Vec::new();
    for a in extractor().alias_table() {
        if a.kind == EntityKind::Place {
            continue;
        }
        if let Some(other) = seen.insert((a.kind, a.key.clone()), a.canonical.clone())
            && other != a.canonical
        {
            clashes.push(format!(
                "{:?} {:?}: {other} / {}",
                a.kind, a.key, a.canonical
            ));
        }
    }
    // Demonyms two countries share are ambiguous on purpose (they count toward neither).
    let expected = [
        "congolese",
        "dominican",
        "saint martin",
        "channel islander",
        "virgin islander",
    ];
    clashes.retain(|c| !expected.iter().any(|e| c.contains(&format!("\"{e}\""))));
    assert!(clashes.is_empty(), "{clashes:#?}");
}

//! Forgiving search seen from the command line: words typed without quotes,
//! the other spelling, compounds written otherwise, typos of words no
//! passage has, entity and person names as people type them; `--exact`,
//! `--explain` and the per-hit `expansions` field.

use std::process::Output;

use tempfile::TempDir;

use crate::{Shared, dossier};

/// A small library written for these tests: two reports that spell things
/// differently (British and American, compounds, one person's name).
const REPORTS: [(&str, &str); 2] = [
    (
        "harbour-watch.md",
        "# Harbour Watch\n\n\
         ## Coastal defence\n\n\
         The coastguard programme trained forty volunteers in night patrols.\n\n\
         A de-escalation unit met fishermen at the harbour every week.\n\n\
         Colonel Amadou Kouffa inspected the harbour in spring.\n\n\
         Later, Kouffa ordered new boats for the coastguard.\n",
    ),
    (
        "river-report.md",
        "# River Report\n\n\
         ## Border defense\n\n\
         The river program hired boat crews to map the sandbanks.\n\n\
         Deescalation talks between herders and farmers resumed at the ford.\n\n\
         General Hamadoun Koufa visited the ford with two engineers.\n\n\
         The night club near the ford closed after the floods.\n",
    ),
];

fn library() -> TempDir {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("reports");
    std::fs::create_dir(&dir).expect("mkdir");
    for (name, text) in REPORTS {
        std::fs::write(dir.join(name), text).expect("write");
    }
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "ix", "reports"])
        .assert()
        .success();
    tmp
}

fn run(tmp: &TempDir, args: &[&str]) -> Output {
    dossier(tmp.path())
        .args(["--index", "ix"])
        .args(args)
        .output()
        .expect("runs")
}

/// The texts of the hits of `search ARGS --json`, best first (none on exit 1).
fn hit_texts(tmp: &TempDir, args: &[&str]) -> Vec<String> {
    let out = run(tmp, &[&["search"], args, &["--json", "-n", "50"]].concat());
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "search {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let hit: serde_json::Value = serde_json::from_str(l).expect("json");
            hit["text"].as_str().expect("text").to_string()
        })
        .collect()
}

#[test]
fn words_match_their_other_spelling_compound_and_typo() {
    let tmp = library();
    // (query, a word the first hit must hold, one that some hit must hold:
    // an expansion and the literal word rank alike)
    let cases = [
        // British ↔ American, both ways, whole word or stem.
        ("programme", "programme", "program "),
        ("program", "program", "programme"),
        ("defense", "defense", "defence"),
        // Compounds: hyphenated, joined, apart.
        ("deescalation", "escalation", "de-escalation"),
        ("de-escalation", "escalation", "Deescalation"),
        ("nightclub", "night club", "night club"),
        ("coast guard", "coastguard", "coastguard"),
        // A quoted phrase of several words, in the other spelling.
        ("\"coastal defense\"", "defence", "defence"),
        // Typos of words no passage has: one from five letters, two from nine.
        ("harbuor", "harbour", "harbour"),
        ("coastgaurd", "coastguard", "coastguard"),
        // Typo, then the other spelling / compound of what it stands for.
        ("deescalaton", "escalation", "Deescalation"),
    ];
    for (query, first, some) in cases {
        let texts = hit_texts(&tmp, &[query]);
        assert!(!texts.is_empty(), "{query}: no hit");
        assert!(
            texts[0].contains(first),
            "{query}: first hit {:?}",
            texts[0]
        );
        assert!(
            texts.iter().any(|t| t.contains(some)),
            "{query}: no hit with {some:?} in {texts:?}"
        );
    }
}

#[test]
fn what_is_never_widened() {
    let tmp = library();
    // (query, why no hit)
    let cases = [
        ("rivr", "a typo in a word under five letters"),
        (
            "harbour-wacth",
            "a typo inside a hyphenated compound is not a lone word",
        ),
        ("\"harbuor\"", "a quoted word is taken as typed"),
        ("1999", "numbers are taken as typed"),
        ("warbour", "the first letter is taken as typed"),
    ];
    for (query, why) in cases {
        let out = run(&tmp, &["search", query]);
        assert_eq!(out.status.code(), Some(1), "{query}: {why}: {out:?}");
    }
    // `--exact`: only the word as typed.
    for query in ["programme", "deescalation"] {
        let exact = hit_texts(&tmp, &[query, "--exact"]);
        assert!(!exact.is_empty(), "--exact {query}");
        assert!(
            exact.iter().all(|t| t.to_lowercase().contains(query)),
            "--exact {query}: {exact:?}"
        );
    }
    assert_eq!(
        run(&tmp, &["search", "harbuor", "--exact"]).status.code(),
        Some(1)
    );
}

#[test]
fn exact_suggests_and_forgiving_says_what_it_did() {
    let tmp = library();
    let out = run(&tmp, &["search", "harbuor", "--exact"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean \"harbour\"?"), "{err}");

    let out = run(&tmp, &["search", "harbuor", "programme", "--explain"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "query words also matched as:",
        "programme → program (other spelling)",
        "harbuor → harbour (typo)",
        "matched through: ",
        "\"harbuor\" is in no passage; also matched harbour",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }

    let out = run(&tmp, &["search", "program", "--json"]);
    let kinds: Vec<(String, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .flat_map(|l| {
            let hit: serde_json::Value = serde_json::from_str(l).expect("json");
            hit["expansions"]
                .as_array()
                .expect("expansions is a list")
                .iter()
                .map(|e| {
                    (
                        e["word"].as_str().expect("word").to_string(),
                        e["kind"].as_str().expect("kind").to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(kinds, [("program".to_string(), "spelling".to_string())]);
}

#[test]
fn one_person_under_several_spellings() {
    let tmp = library();
    let facets = run(&tmp, &["facets", "--field", "person", "--json"]);
    let persons: Vec<(String, u64)> = String::from_utf8_lossy(&facets.stdout)
        .lines()
        .map(|l| {
            let f: serde_json::Value = serde_json::from_str(l).expect("json");
            (
                f["value"].as_str().expect("value").to_string(),
                f["count"].as_u64().expect("count"),
            )
        })
        .collect();
    // Kouffa (2 passages, one a lone surname) and Koufa (1) are one person.
    assert_eq!(persons, [("Amadou Kouffa".to_string(), 3)], "{persons:?}");
    for spelling in [
        "Koufa",
        "Kouffa",
        "Hamadoun Koufa",
        "hamadoun kouffa",
        "Amadou Koufa",
    ] {
        let texts = hit_texts(&tmp, &["", "--person", spelling]);
        assert_eq!(texts.len(), 3, "--person {spelling}: {texts:?}");
    }
    // A name typed unquoted finds the other spellings too, literal first.
    let texts = hit_texts(&tmp, &["Hamadoun", "Koufa"]);
    assert!(texts[0].contains("Hamadoun Koufa"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.contains("Amadou Kouffa")),
        "{texts:?}"
    );
}

#[test]
fn query_words_need_no_quotes() {
    let shared = Shared::get();
    let ids = |args: &[&str]| -> Vec<String> {
        shared
            .json_lines(args)
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(
        ids(&["search", "prison", "Mali", "--json", "-n", "5"]),
        ids(&["search", "prison Mali", "--json", "-n", "5"]),
    );
    // Flags after the words are flags, not words.
    assert_eq!(
        ids(&[
            "search",
            "prison",
            "Mali",
            "--country",
            "ML",
            "-n",
            "3",
            "--json"
        ]),
        ids(&[
            "search",
            "prison Mali",
            "--json",
            "-n",
            "3",
            "--country",
            "ML"
        ]),
    );
    assert_eq!(ids(&["search", "prison", "-n", "2", "--json"]).len(), 2);
    // A query may still start with `-`.
    assert!(!ids(&["search", "-prison Mali", "--json", "-n", "1"]).is_empty());
}

#[test]
fn multi_word_names_unquoted_match_as_names_on_the_corpus() {
    let shared = Shared::get();
    let count = |args: &[&str]| shared.json_lines(args).len();
    let quoted = count(&[
        "search",
        "\"Jama'at Nusrat al-Islam wal-Muslimin\"",
        "--json",
        "-n",
        "1000",
    ]);
    let unquoted = count(&[
        "search",
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "--json",
        "-n",
        "1000",
    ]);
    assert!(quoted > 50, "{quoted}");
    assert!(unquoted >= quoted, "unquoted {unquoted} < quoted {quoted}");
    // Person spellings across reports of the corpus are one facet value.
    let persons: Vec<String> = shared
        .json_lines(&["facets", "--field", "person", "--top", "1000", "--json"])
        .iter()
        .map(|f| f["value"].as_str().expect("value").to_string())
        .collect();
    let koufas = persons.iter().filter(|p| p.contains("Kouf")).count();
    let ghalys = persons.iter().filter(|p| p.contains("Ghal")).count();
    assert_eq!((koufas, ghalys), (1, 1), "{persons:?}");
}

#[test]
fn place_names_in_another_transliteration_on_the_corpus() {
    let shared = Shared::get();
    // (typed, the place it stands for)
    let cases = [
        ("Rakka", "Raqqa"),
        ("Tombuktu", "Timbuktu"),
        ("Idleb", "Idlib"),
    ];
    for (typed, place) in cases {
        let hits = shared.json_lines(&["search", typed, "--json", "-n", "5"]);
        assert!(!hits.is_empty(), "{typed}");
        for hit in &hits {
            let places = hit["places"].as_array().expect("places");
            assert!(places.iter().any(|p| p == place), "{typed}: {hit}");
        }
    }
    // Lower case, a common word: no place.
    let out = shared
        .cmd()
        .args(["search", "bone", "--explain"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("place:"));
}

#[test]
fn one_source_under_several_names_on_the_corpus() {
    let shared = Shared::get();
    let sources: Vec<String> = shared
        .json_lines(&["sources", "--json", "--top", "1000"])
        .iter()
        .map(|s| s["source"].as_str().expect("source").to_string())
        .collect();
    // (spellings the corpus cites that name one outlet)
    let outlets: [&[&str]; 3] = [
        &["AFP", "Agence France-Presse", "Agence France Presse"],
        &["France 24", "France24"],
        &["New York Times", "The New York Times"],
    ];
    for spellings in outlets {
        let listed = sources
            .iter()
            .filter(|s| spellings.contains(&s.as_str()))
            .count();
        assert_eq!(listed, 1, "{spellings:?} in {sources:?}");
        let counts: Vec<usize> = spellings
            .iter()
            .map(|s| {
                shared
                    .json_lines(&["search", "", "--cites", s, "--json", "-n", "1000"])
                    .len()
            })
            .collect();
        assert!(
            counts.windows(2).all(|w| w[0] == w[1]),
            "{spellings:?}: {counts:?}"
        );
    }
}

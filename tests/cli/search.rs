//! `dossier search`: ranked hits, JSON contract, filters, exit codes.

use predicates::prelude::*;
use tempfile::TempDir;

use crate::{Shared, assert_contract, dossier};

/// The last line of a human search page: `1–3 of 25 passages with all the words`.
fn count_line(out: &str) -> &str {
    out.lines().last().expect("a page has lines")
}

#[test]
fn human_output_has_citation_location_and_marked_snippet() {
    let out = Shared::get().stdout(&["search", "prison radicalisation", "--limit", "3"]);
    // A hit opens with its rank right-aligned in two columns: ` 1. Title · …`.
    let ranks: Vec<&str> = out
        .lines()
        .filter(|l| l.get(2..4) == Some(". "))
        .map(|l| l[..2].trim_start())
        .filter(|rank| !rank.is_empty() && rank.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(ranks, ["1", "2", "3"], "three numbered hits: {out}");
    assert!(
        out.contains("[prison]") || out.contains("[Prison]"),
        "matched words marked: {out}"
    );
    let count = count_line(&out);
    let total = count
        .strip_prefix("1–3 of ")
        .and_then(|rest| rest.strip_suffix(" passages with all the words"))
        .unwrap_or_else(|| panic!("a count line `1–3 of N passages with all the words`: {out}"));
    assert!(
        total.parse::<usize>().is_ok_and(|n| n >= 3),
        "a count of at least the page: {count}"
    );
    assert!(!out.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn json_hits_carry_every_contract_field_plus_score_and_snippet() {
    let hits = Shared::get().json_lines(&["search", "returnees", "--json", "--limit", "5"]);
    assert_eq!(hits.len(), 5);
    for hit in &hits {
        assert_contract(hit);
        assert!(hit["score"].as_f64().is_some_and(|s| s > 0.0), "{hit}");
        assert!(
            hit["snippet"].as_str().is_some_and(|s| s.contains("<b>")),
            "{hit}"
        );
        assert!(hit["footnote_texts"].is_array(), "{hit}");
    }
    let scores: Vec<f64> = hits
        .iter()
        .map(|h| h["score"].as_f64().expect("score"))
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {scores:?}"
    );
}

#[test]
fn a_filter_narrows_the_results() {
    let shared = Shared::get();
    let count = |extra: &[&str]| {
        let mut args = vec!["search", "prison", "--json", "--limit", "1000"];
        args.extend_from_slice(extra);
        shared.json_lines(&args).len()
    };
    let all = count(&[]);
    let one_doc = count(&["--doc", "icct-mali-prisons"]);
    assert!(one_doc > 0 && one_doc < all, "{one_doc} of {all}");
    let in_doc = shared.json_lines(&["search", "prison", "--json", "--doc", "icct-mali-prisons"]);
    assert_eq!(
        in_doc.len(),
        one_doc.min(10),
        "a default page of the document's hits"
    );
    for hit in &in_doc {
        assert_eq!(hit["doc"], "icct-mali-prisons");
    }
    let headings = shared.json_lines(&["search", "prison", "--json", "--kind", "heading"]);
    assert!(!headings.is_empty(), "some headings name prisons");
    for h in &headings {
        assert_eq!(h["kind"], "heading", "{}", h["id"]);
    }
}

#[test]
fn paging_with_offset_continues_the_ranking() {
    let shared = Shared::get();
    let ids = |args: &[&str]| -> Vec<String> {
        shared
            .json_lines(args)
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect()
    };
    let first_six = ids(&["search", "returnees", "--json", "--limit", "6"]);
    assert_eq!(first_six.len(), 6, "{first_six:?}");
    let page_two = ids(&[
        "search",
        "returnees",
        "--json",
        "--limit",
        "3",
        "--offset",
        "3",
    ]);
    assert_eq!(page_two, first_six[3..]);
}

#[test]
fn no_hits_exit_1_with_a_hint_on_stderr() {
    Shared::get()
        .cmd()
        .args(["search", "zzyzxqwv"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no passage matches"));
}

#[test]
fn facets_are_counted_on_request() {
    let shared = Shared::get();
    let out = shared.stdout(&["search", "prison", "--facets", "--limit", "1"]);
    // A facet line: the dimension, then `value count` pairs joined by ` · `.
    let facet_line = |dim: &str| {
        out.lines()
            .find(|l| l.split_whitespace().next() == Some(dim))
            .unwrap_or_else(|| panic!("no `{dim}` facet line: {out}"))
    };
    let kinds = facet_line("kind");
    assert!(
        kinds.contains("paragraph ") && kinds.contains(" · "),
        "{kinds}"
    );
    let docs = facet_line("doc");
    assert!(docs.contains("icct-mali-prisons "), "{docs}");
    // The counts cover every matching passage, not the page of one hit.
    let json = shared.json_lines(&["search", "prison", "--facets", "--json", "--limit", "1"]);
    let (hit, facets) = json.split_first().expect("a hit line");
    assert!(hit.get("id").is_some(), "the hit comes first: {hit}");
    for f in facets {
        assert!(f.get("facet").is_some(), "then facet lines: {f}");
    }
    let kind_total: u64 = facets
        .iter()
        .filter(|f| f["facet"] == "kind")
        .map(|f| f["count"].as_u64().expect("count"))
        .sum();
    let matching = shared
        .json_lines(&[
            "search",
            "prison",
            "--json",
            "--limit",
            "1000",
            "--duplicates",
        ])
        .len() as u64;
    assert!(kind_total > 1, "{facets:?}");
    assert_eq!(kind_total, matching, "one kind per matching passage");
}

#[test]
fn a_search_without_an_index_builds_one_first_and_says_so() {
    let tmp = TempDir::new().expect("tempdir");
    dossier(tmp.path())
        .args(["search", "prison radicalisation", "--limit", "1"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "building it from the default corpus",
        ))
        .stdout(predicate::str::starts_with(" 1. ").and(predicate::str::contains("\n1–1 of ")));
}

fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json", "--limit", "2000", "--duplicates"];
    all.extend_from_slice(args);
    Shared::get()
        .json_lines(&all)
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn entity_filters_accept_any_alias() {
    let tr = ids(&["", "--country", "TR"]);
    assert!(tr.len() > 100);
    for alias in ["Turkey", "Türkiye", "turkiye", "tr"] {
        assert_eq!(ids(&["", "--country", alias]), tr, "--country {alias}");
    }
    let isis = ids(&["", "--group", "ISIS"]);
    assert!(isis.len() > 100, "{}", isis.len());
    for alias in ["Daesh", "ISIL", "Islamic State", "IS"] {
        assert_eq!(ids(&["", "--group", alias]), isis, "--group {alias}");
    }
}

#[test]
fn affiliates_widen_a_group_filter() {
    let core = ids(&["", "--group", "al-Qaeda"]);
    let wide = ids(&["", "--group", "al-Qaeda", "--affiliates"]);
    assert!(!core.is_empty(), "passages name al-Qaeda itself");
    assert!(wide.len() > core.len(), "{} vs {}", wide.len(), core.len());
    let dropped: Vec<&String> = core.iter().filter(|id| !wide.contains(id)).collect();
    assert!(dropped.is_empty(), "--affiliates dropped {dropped:?}");
    let jnim = ids(&["", "--group", "JNIM"]);
    let jnim_only = jnim.iter().filter(|id| !core.contains(id)).count();
    assert!(jnim_only > 0, "some JNIM passages do not name al-Qaeda");
    let missed: Vec<&String> = jnim.iter().filter(|id| !wide.contains(id)).collect();
    assert!(
        missed.is_empty(),
        "JNIM is an al-Qaeda affiliate: {missed:?}"
    );
}

#[test]
fn an_unknown_entity_is_a_filter_error() {
    Shared::get()
        .cmd()
        .args(["search", "prison", "--country", "Narnia"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("--country Narnia").and(predicate::str::contains("hint:")),
        );
}

#[test]
fn an_alias_in_the_query_finds_passages_tagged_with_the_entity() {
    let shared = Shared::get();
    let hits = shared.json_lines(&["search", "Daesh", "--json", "--limit", "200"]);
    let literal: Vec<bool> = hits
        .iter()
        .map(|h| h["text"].as_str().expect("text").contains("Daesh"))
        .collect();
    let literal_count = literal.iter().filter(|l| **l).count();
    let tagged_only = hits
        .iter()
        .zip(&literal)
        .filter(|(_, literal)| !**literal)
        .filter(|(h, _)| {
            h["groups"]
                .as_array()
                .expect("groups")
                .iter()
                .any(|v| v == "ISIS")
        })
        .count();
    assert!(
        literal_count > 0 && tagged_only > literal_count,
        "{literal_count} literal, {tagged_only} by entity"
    );
    // Literal matches rank first.
    let first_entity_only = literal.iter().position(|l| !l).expect("an entity-only hit");
    let last_literal = literal.iter().rposition(|l| *l).expect("a literal hit");
    assert!(
        last_literal < first_entity_only,
        "literal matches (last at {last_literal}) rank above entity-only ones (first at {first_entity_only})"
    );
}

#[test]
fn date_filters_match_any_overlapping_date_exactly() {
    let shared = Shared::get();
    for (args, from, to) in [
        (vec!["--year", "2019"], "2019-01-01", "2019-12-31"),
        (
            vec!["--from", "2019-06", "--to", "2019-07"],
            "2019-06-01",
            "2019-07-31",
        ),
        (
            vec!["--from", "2020-06-29", "--to", "2020-06-29"],
            "2020-06-29",
            "2020-06-29",
        ),
    ] {
        let mut all = vec!["search", "", "--json", "--limit", "2000", "--duplicates"];
        all.extend_from_slice(&args);
        let hits = shared.json_lines(&all);
        assert!(!hits.is_empty(), "{args:?}");
        for h in &hits {
            let overlaps = h["date_mentions"]
                .as_array()
                .expect("dates")
                .iter()
                .any(|d| {
                    d["start"].as_str().expect("s") <= to && d["end"].as_str().expect("e") >= from
                });
            assert!(overlaps, "{args:?}: {} has no date in range", h["id"]);
        }
    }
    // And nothing that overlaps is missed.
    let year: Vec<String> = ids(&["", "--year", "2019"]);
    let every = shared.json_lines(&["export"]);
    let expected = every
        .iter()
        .filter(|p| {
            p["date_mentions"]
                .as_array()
                .expect("date_mentions")
                .iter()
                .any(|d| {
                    d["start"].as_str().expect("start") <= "2019-12-31"
                        && d["end"].as_str().expect("end") >= "2019-01-01"
                })
        })
        .count();
    assert!(expected > 0, "the corpus mentions 2019");
    assert_eq!(year.len(), expected);
}

#[test]
fn a_syntax_error_points_at_its_column() {
    let out = Shared::get()
        .cmd()
        .args(["search", "prison AND"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("column 8"), "{err}");
    assert!(
        err.contains("prison AND\n") && err.contains("       ^"),
        "{err}"
    );
}

#[test]
fn query_language_features_work_end_to_end() {
    for q in [
        "terror*",
        "deportaton~",
        "\"foreign fighters\"",
        "prison -Bamako",
        "kind:heading prison",
        "(prison OR jail) Mali",
        "section:Prosecution returnees",
    ] {
        let hits = Shared::get().json_lines(&["search", q, "--json", "--limit", "5"]);
        assert!(!hits.is_empty(), "{q}");
    }
    let every =
        Shared::get().json_lines(&["search", "prison -Bamako", "--json", "--limit", "2000"]);
    assert!(every.len() > 10, "{}", every.len());
    for h in &every {
        let text = h["text"].as_str().expect("text");
        assert!(!text.contains("Bamako"), "{} names Bamako", h["id"]);
    }
}

#[test]
fn a_lone_surname_is_the_person_the_report_names_in_full() {
    let tmp = TempDir::new().expect("tempdir");
    let report = "# A made-up report\n\n\
        ## Politics\n\n\
        President Amadou Tembely Sangaré promised reforms in 2019.\n\n\
        Two years later, soldiers arrested Sangaré at his residence.\n\n\
        Jane Long, a researcher, studied the coup.\n\n\
        Long talks followed; the long wait ended with a deal.\n";
    std::fs::write(tmp.path().join("made-up.md"), report).expect("write");
    dossier(tmp.path())
        .args(["ingest", "--quiet", "--index", "ix", "made-up.md"])
        .assert()
        .success();
    let out = dossier(tmp.path())
        .args(["--index", "ix", "search", "", "--json", "--limit", "10"])
        .args(["--person", "Amadou Tembely Sangaré"])
        .output()
        .expect("runs");
    let hits: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let texts: Vec<&str> = hits
        .iter()
        .map(|h| h["text"].as_str().expect("text"))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Two years later")));
    for h in &hits {
        assert_eq!(h["persons"], serde_json::json!(["Amadou Tembely Sangaré"]));
    }
    // `Long` is also written as a word: a capitalised `Long` is not Jane Long.
    let out = dossier(tmp.path())
        .args(["--index", "ix", "export"])
        .output()
        .expect("runs");
    let talks: serde_json::Value = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .find(|p| {
            p["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("Long talks"))
        })
        .expect("the talks paragraph");
    assert_eq!(talks["persons"], serde_json::json!([]));
}

#[test]
fn a_query_may_start_with_a_minus() {
    let hits = Shared::get().json_lines(&["search", "-prison Mali", "--json", "--limit", "50"]);
    assert!(!hits.is_empty());
    for h in &hits {
        let text = h["text"].as_str().expect("text").to_lowercase();
        assert!(!text.contains("prison"), "{}", h["id"]);
        // Mali is the query, not a word taken for a flag.
        let tagged = h["countries"]
            .as_array()
            .expect("countries")
            .iter()
            .any(|c| c == "ML");
        assert!(
            text.contains("mali") || tagged,
            "{} is not about Mali",
            h["id"]
        );
    }
}

#[test]
fn negated_phrases_and_hyphenated_words_rank_without_failing() {
    // tantivy cannot seek a phrase backwards when it excludes passages; both
    // queries below once failed in debug builds.
    let shared = Shared::get();
    let hits = shared.json_lines(&[
        "search",
        "prison -\"foreign fighters\"",
        "--json",
        "-n",
        "200",
    ]);
    assert!(hits.len() > 10, "{}", hits.len());
    for h in &hits {
        let text = h["text"].as_str().expect("text").to_lowercase();
        assert!(!text.contains("foreign fighters"), "{}", h["id"]);
    }
    // `non-refoulement` is a phrase of two words; passages with both query
    // words come first, each passage once.
    let hits = shared.json_lines(&[
        "search",
        "deportation non-refoulement",
        "--json",
        "-n",
        "30",
    ]);
    let both: Vec<bool> = hits
        .iter()
        .map(|h| {
            let text = h["text"].as_str().expect("text").to_lowercase();
            text.contains("deport") && text.contains("refoulement")
        })
        .collect();
    assert!(both.first() == Some(&true), "{both:?}");
    assert!(
        both.windows(2).all(|w| w[0] || !w[1]),
        "all-words passages first: {both:?}"
    );
    let mut ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().expect("id")).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), hits.len());
}

//! `dossier search`: ranked hits, JSON contract, filters, exit codes.

use predicates::prelude::*;
use tempfile::TempDir;

use crate::{Shared, assert_contract, dossier};

#[test]
fn human_output_has_citation_location_and_marked_snippet() {
    let out = Shared::get().stdout(&["search", "prison radicalisation", "--limit", "3"]);
    assert!(out.contains(" 1. "), "{out}");
    assert!(
        out.contains("[prison]") || out.contains("[Prison]"),
        "matched words marked: {out}"
    );
    assert!(out.contains("of "), "a count line: {out}");
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
    for hit in shared.json_lines(&["search", "prison", "--json", "--doc", "icct-mali-prisons"]) {
        assert_eq!(hit["doc"], "icct-mali-prisons");
    }
    let headings = shared.json_lines(&["search", "prison", "--json", "--kind", "heading"]);
    assert!(headings.iter().all(|h| h["kind"] == "heading"));
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
    let out = Shared::get().stdout(&["search", "prison", "--facets", "--limit", "1"]);
    assert!(out.contains("kind "), "{out}");
    assert!(out.contains("doc "), "{out}");
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
        .stdout(predicate::str::contains("1."));
}

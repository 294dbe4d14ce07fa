//! `dossier sources` and the `--cites` filter.

use std::collections::HashSet;

use crate::{Shared, assert_contract};

#[test]
fn sources_are_counted_with_the_works_cited_from_them() {
    let all = Shared::get().json_lines(&["sources", "--json", "--top", "500"]);
    assert!(all.len() > 50, "{}", all.len());
    let counts: Vec<u64> = all
        .iter()
        .map(|s| s["count"].as_u64().expect("count"))
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most cited first");
    let names: HashSet<&str> = all
        .iter()
        .map(|s| s["source"].as_str().expect("source"))
        .collect();
    assert!(
        names.contains("Crisis Group interview"),
        "interviews are sources"
    );
    let folded: HashSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(folded.len(), names.len(), "one spelling per outlet");
    assert!(
        all.iter()
            .any(|s| !s["works"].as_array().expect("works").is_empty())
    );
}

#[test]
fn cites_finds_the_footnote_and_the_paragraph_it_backs() {
    let shared = Shared::get();
    let hits = shared.json_lines(&[
        "search", "", "--cites", "hurriyet", "--json", "--limit", "100",
    ]);
    assert!(!hits.is_empty());
    let kinds: HashSet<&str> = hits
        .iter()
        .map(|h| h["kind"].as_str().expect("kind"))
        .collect();
    assert!(
        kinds.contains("footnote") && kinds.contains("paragraph"),
        "{kinds:?}"
    );
    for h in &hits {
        assert_contract(h);
        let sources: Vec<&str> = h["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s.as_str().expect("s"))
            .collect();
        assert!(sources.contains(&"Hürriyet"), "{h}");
    }
}

//! `dossier show`: a passage, its footnotes, its neighbours.

use predicates::prelude::*;

use crate::{Shared, assert_contract};

#[test]
fn show_prints_the_passage_and_its_neighbours() {
    let shared = Shared::get();
    let hit = &shared.json_lines(&["search", "returnees", "--json", "--limit", "1"])[0];
    let id = hit["id"].as_str().expect("id");
    let shown = &shared.json_lines(&["show", id, "--json", "--context", "2"])[0];
    assert_contract(shown);
    assert_eq!(shown["id"], hit["id"]);
    assert_eq!(shown["text"], hit["text"]);
    let before = shown["before"].as_array().expect("before");
    let after = shown["after"].as_array().expect("after");
    assert!(before.len() <= 2 && after.len() <= 2);
    assert!(
        !before.is_empty() || !after.is_empty(),
        "a passage has neighbours"
    );
    for p in before.iter().chain(after) {
        assert_eq!(p["doc"], shown["doc"], "neighbours stay in the document");
    }
    let human = shared.stdout(&["show", id]);
    assert!(human.contains(id), "{human}");
}

#[test]
fn an_unknown_id_is_a_one_line_error() {
    Shared::get()
        .cmd()
        .args(["show", "nosuchdoc/p1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("no passage `nosuchdoc/p1`")
                .and(predicate::str::contains("hint:")),
        );
}

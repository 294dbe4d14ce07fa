//! `dossier docs`: documents with metadata and counts.

use crate::Shared;

#[test]
fn docs_json_has_the_contract_fields() {
    let docs = Shared::get().json_lines(&["docs", "--json"]);
    assert_eq!(docs.len(), 6, "five files, one of them holding two reports");
    for d in &docs {
        for field in [
            "id",
            "title",
            "publisher",
            "published",
            "authors",
            "source_file",
            "paragraphs",
            "footnotes",
            "headings",
            "events",
            "captions",
        ] {
            assert!(d.get(field).is_some(), "missing {field} in {d}");
        }
    }
    let human = Shared::get().stdout(&["docs"]);
    assert!(human.contains("crisisgroup-258"), "{human}");
}

//! Segmenter snapshots: one fixture per report family, written for the test in
//! each family's format (never corpus text), so that the rules are checked on
//! reports they were not tuned on. Each snapshot is the review format of
//! `dossier debug segment`: one passage per line, `kind [refs] <sources>
//! {section} text`, metadata first.
//!
//! The public-domain PDF samples of `tests/fixtures/samples/` get the same
//! review (their hand counts are checked in `tests/cli/pdf.rs`).
//!
//! To accept a deliberate change: `INSTA_UPDATE=always cargo test --test segment`,
//! then read the diff of `tests/snapshots/` before committing.

#[test]
fn every_family_fixture_segments_as_reviewed() {
    insta::glob!("fixtures/segment/*", |path| {
        let bytes = std::fs::read(path).expect("fixture is readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a file name");
        insta::assert_snapshot!(dossier::debug_segment(name, bytes));
    });
}

#[test]
fn every_pdf_sample_segments_as_reviewed() {
    insta::glob!("fixtures/samples/*.pdf", |path| {
        let bytes = std::fs::read(path).expect("sample is readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("a file name");
        insta::assert_snapshot!(dossier::debug_segment(name, bytes));
    });
}

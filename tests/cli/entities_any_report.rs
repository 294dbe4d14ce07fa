//! Entities on reports from other publishers (issue 13), end to end: three
//! fixtures of `tests/fixtures/segment/` written for this test in other
//! publishers' shapes (a government audit, a commission chapter, a journal
//! paper), ingested and exported, and the facts written into each checked
//! passage by passage.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

use crate::dossier;

const FIXTURES: [&str; 3] = [
    "audit-grant-oversight.txt",
    "commission-chapter.md",
    "journal-paper-citations.md",
];

/// The exported passages of the three fixtures.
fn export() -> Vec<Value> {
    let dir = TempDir::new().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/segment");
    dossier(dir.path())
        .args(["ingest", "--quiet", "--index", "idx"])
        .args(FIXTURES.iter().map(|f| root.join(f)))
        .assert()
        .success();
    let out = dossier(dir.path())
        .args(["--index", "idx", "export"])
        .output()
        .expect("runs");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The values of `field` of the passage `id`.
fn values(all: &[Value], id: &str, field: &str) -> Vec<String> {
    let p = all
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no passage {id}"));
    p[field]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

// See: issue 13.
#[test]
fn entities_hold_on_reports_from_other_publishers() {
    let all = export();
    let v = |id: &str, field: &str| values(&all, id, field);
    // An agency named GAO is no town in Mali; `Nov` is no town in Tajikistan.
    for p in all.iter().filter(|p| p["doc"] == "audit-grant-oversight") {
        let id = p["id"].as_str().unwrap_or_default();
        assert!(v(id, "places").is_empty(), "{id}: {:?}", v(id, "places"));
        assert!(
            v(id, "countries").is_empty(),
            "{id}: {:?}",
            v(id, "countries")
        );
    }
    assert_eq!(v("audit-grant-oversight/p4", "dates"), ["2023-11"]);
    // Lone surnames, with and without particles and articles.
    let c = "commission-chapter";
    assert_eq!(v(&format!("{c}/p1"), "persons"), ["Usama Bin Ladin"]);
    assert_eq!(v(&format!("{c}/p3"), "persons"), ["Usama Bin Ladin"]);
    assert_eq!(v(&format!("{c}/p5"), "persons"), ["Abu Musab al-Zarqawi"]);
    assert_eq!(v(&format!("{c}/p7"), "persons"), ["Bashar al-Assad"]);
    // A day and month whose year is in an earlier passage (no publication date).
    assert_eq!(v(&format!("{c}/p2"), "dates"), ["1996-08-23"]);
    assert_eq!(v(&format!("{c}/p5"), "dates"), ["2004", "2004-06-07"]);
    // A group, not a person; an acronym the report defines.
    assert_eq!(v(&format!("{c}/p6"), "groups"), ["Abu Sayyaf Group"]);
    assert!(v(&format!("{c}/p6"), "persons").is_empty());
    assert_eq!(v(&format!("{c}/p7"), "groups"), ["Nusra Front"]);
    // Outlets named after a country mention none; access dates are no dates.
    let j = "journal-paper-citations";
    assert!(v(&format!("{j}/p1"), "countries").is_empty());
    assert_eq!(v(&format!("{j}/fn1"), "dates"), ["2017"]);
    assert_eq!(v(&format!("{j}/fn2"), "dates"), ["2017-01-12"]);
    assert_eq!(v(&format!("{j}/fn3"), "dates"), ["2018-03-14"]);
}

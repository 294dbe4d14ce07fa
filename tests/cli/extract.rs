//! `dossier extract`: the extractors on any text.

use tempfile::TempDir;

use crate::dossier;

fn extract(text: &str, date: Option<&str>) -> serde_json::Value {
    let tmp = TempDir::new().expect("tempdir");
    let mut cmd = dossier(tmp.path());
    cmd.args(["extract", "--json"]);
    if let Some(d) = date {
        cmd.args(["--date", d]);
    }
    let out = cmd.write_stdin(text).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn extract_prints_the_contract_fields_for_any_text() {
    let got = extract(
        "On October 8, Malian authorities freed 180 prisoners held by the army in Bamako, and Daesh fighters attacked in Niger.",
        Some("2020-12-01"),
    );
    for field in ["countries", "groups", "places", "persons", "dates"] {
        assert!(got[field].is_array(), "{field} in {got}");
    }
    assert_eq!(got["countries"], serde_json::json!(["ML", "NE"]));
    assert_eq!(got["groups"], serde_json::json!(["ISIS"]));
    assert_eq!(got["places"], serde_json::json!(["Bamako"]));
    assert_eq!(
        got["dates"],
        serde_json::json!(["2020-10-08"]),
        "resolved against --date"
    );
}

#[test]
fn a_bad_reference_date_is_a_one_line_error() {
    let tmp = TempDir::new().expect("tempdir");
    dossier(tmp.path())
        .args(["extract", "--json", "--date", "yesterday"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--date yesterday"));
}

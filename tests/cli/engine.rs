//! `dossier export --for quickwit|opensearch`: every exported field is in the
//! generated configuration with a type the engine documents, and every
//! configured field is exported; records parse and count the passages.

use std::collections::BTreeSet;
use std::fs;

use serde_json::Value;
use tempfile::TempDir;
use yaml_rust2::{Yaml, YamlLoader};

use crate::Shared;

/// Field types of Quickwit's doc mapping (docs: configuration/index-config).
const QUICKWIT_TYPES: [&str; 9] = [
    "text", "i64", "u64", "f64", "bool", "datetime", "bytes", "json", "ip",
];
/// Tokenizers Quickwit ships.
const QUICKWIT_TOKENIZERS: [&str; 6] = [
    "raw",
    "default",
    "en_stem",
    "whitespace",
    "chinese_compatible",
    "lowercase",
];
/// OpenSearch field types used by a mapping of flat records.
const OPENSEARCH_TYPES: [&str; 7] = [
    "text", "keyword", "date", "long", "integer", "boolean", "double",
];

fn export(engine: &str) -> (TempDir, Vec<Value>, String) {
    let tmp = TempDir::new().expect("tempdir");
    let out = tmp.path().join("out");
    Shared::get()
        .cmd()
        .args(["export", "--for", engine, "--out"])
        .arg(&out)
        .assert()
        .success();
    let (records, config) = match engine {
        "quickwit" => ("passages.ndjson", "quickwit-index.yaml"),
        _ => ("passages.bulk.ndjson", "opensearch-index.json"),
    };
    let lines: Vec<Value> = fs::read_to_string(out.join(records))
        .expect("records")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let config = fs::read_to_string(out.join(config)).expect("config");
    (tmp, lines, config)
}

/// The keys of the records (every record has them all).
fn keys(records: &[Value]) -> BTreeSet<String> {
    let first: BTreeSet<String> = records[0]
        .as_object()
        .expect("object")
        .keys()
        .cloned()
        .collect();
    for r in records {
        let these: BTreeSet<String> = r.as_object().expect("object").keys().cloned().collect();
        assert_eq!(these, first, "every record has every field: {r}");
    }
    first
}

#[test]
fn quickwit_config_covers_every_exported_field() {
    let (_tmp, records, config) = export("quickwit");
    let passages = Shared::get().json_lines(&["export"]).len();
    assert_eq!(records.len(), passages);
    let docs = YamlLoader::load_from_str(&config).expect("valid YAML");
    let root = &docs[0];
    assert!(root["version"].as_f64().is_some() || root["version"].as_str().is_some());
    assert_eq!(root["index_id"].as_str(), Some("dossier"));
    let mapping = &root["doc_mapping"];
    assert_eq!(mapping["mode"].as_str(), Some("strict"));
    let mut configured = BTreeSet::new();
    for field in mapping["field_mappings"].as_vec().expect("field_mappings") {
        let name = field["name"].as_str().expect("name").to_string();
        let ty = field["type"].as_str().expect("type");
        let base = ty
            .strip_prefix("array<")
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(ty);
        assert!(QUICKWIT_TYPES.contains(&base), "{name}: type {ty}");
        if let Some(t) = field["tokenizer"].as_str() {
            assert!(QUICKWIT_TOKENIZERS.contains(&t), "{name}: tokenizer {t}");
            assert_eq!(base, "text", "{name}: a tokenizer on a {ty}");
        }
        if base == "datetime" {
            let formats = field["input_formats"].as_vec().expect("input_formats");
            assert!(formats.contains(&Yaml::String("rfc3339".into())), "{name}");
        }
        assert!(configured.insert(name.clone()), "{name} twice");
    }
    assert_eq!(keys(&records), configured);
    for list in [
        &mapping["tag_fields"],
        &root["search_settings"]["default_search_fields"],
    ] {
        for f in list.as_vec().expect("a list") {
            assert!(configured.contains(f.as_str().expect("name")), "{f:?}");
        }
    }
    // Dates are RFC 3339, as the mapping says.
    let dated = records
        .iter()
        .find(|r| r["date_starts"].as_array().is_some_and(|d| !d.is_empty()));
    let start = dated.expect("a dated passage")["date_starts"][0]
        .as_str()
        .expect("string");
    assert!(start.parse::<jiff::Timestamp>().is_ok(), "{start}");
}

#[test]
fn opensearch_mapping_covers_every_exported_field() {
    let (_tmp, lines, config) = export("opensearch");
    // `_bulk` format: an action line, then the record.
    assert_eq!(lines.len() % 2, 0);
    let (actions, records): (Vec<_>, Vec<_>) = lines
        .chunks(2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .unzip();
    for (a, r) in actions.iter().zip(&records) {
        assert_eq!(a["index"]["_id"], r["id"]);
    }
    let config: Value = serde_json::from_str(&config).expect("valid JSON");
    assert_eq!(config["mappings"]["dynamic"], "strict");
    let properties = config["mappings"]["properties"]
        .as_object()
        .expect("properties");
    for (name, m) in properties {
        let ty = m["type"].as_str().expect("type");
        assert!(OPENSEARCH_TYPES.contains(&ty), "{name}: {ty}");
        if ty == "text" {
            assert_eq!(m["analyzer"], "english", "{name}");
        }
    }
    let configured: BTreeSet<String> = properties.keys().cloned().collect();
    assert_eq!(keys(&records), configured);
}

#[test]
fn an_existing_folder_is_not_overwritten() {
    let tmp = TempDir::new().expect("tempdir");
    fs::write(tmp.path().join("keep.txt"), "mine").expect("write");
    let out = Shared::get()
        .cmd()
        .args(["export", "--for", "quickwit", "--out"])
        .arg(tmp.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));
    assert_eq!(
        fs::read_to_string(tmp.path().join("keep.txt")).expect("kept"),
        "mine"
    );
}

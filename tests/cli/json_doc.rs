//! `docs/json.md` is the contract of the `--json` streams: this runs every
//! `--json` command on the bundled corpus, walks every object it prints (nested
//! ones too) and fails naming each field that has no row in the table of its
//! object, or whose value is not of the documented type. The doc's example
//! lines are checked the same way, and every documented field must show up in
//! some stream, so that a row cannot outlive its field.
//!
//! How the doc is read: a `##` or `###` heading names an object, by the anchor
//! GitHub gives it (`### Date mention` is `date-mention`); each table row that
//! opens with a field name in backticks (`` | `field` | type | … | ``) is one of
//! its fields. A type that links another table (`list of [citation](#citation)
//! objects`) says which table describes the objects inside. A ```` ```json ````
//! block holds example lines of the object its section describes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::Shared;

/// The tables that document a line of each section's stream: the section's own
/// and, for objects that extend a passage, the passage's.
const ROOTS: [(&str, &[&str]); 12] = [
    ("passage", &["passage"]),
    ("search-hit", &["search-hit", "passage"]),
    ("facet-count", &["facet-count"]),
    ("passage-in-context", &["passage-in-context", "passage"]),
    ("document", &["document"]),
    ("timeline-entry", &["timeline-entry"]),
    ("source", &["source"]),
    ("extracted-entities", &["extracted-entities"]),
    ("watch-hit", &["watch-hit", "search-hit", "passage"]),
    ("saved-search", &["saved-search"]),
    ("search-summary", &["search-summary"]),
    ("cross-tab-cell", &["cross-tab-cell"]),
];

/// Documented fields the bundled corpus never prints, so that the check that
/// every row is printed somewhere can pass: (table, field).
const NOT_IN_THE_CORPUS: [(&str, &str); 3] = [
    ("document", "url"),
    ("passage", "page"),
    ("passage", "doc_url"),
];

/// Text for `dossier extract --json`: a country, a group, a place, a relative date.
const EXTRACT_TEXT: &str = "On 8 October JNIM freed 180 prisoners in Bamako, the Malian capital.";

/// One documented field: its type column and the table its objects follow.
struct Row {
    ty: String,
    nested: Option<String>,
}

/// The doc, read: rows by table anchor, and example blocks by section anchor.
struct Doc {
    tables: BTreeMap<String, BTreeMap<String, Row>>,
    examples: Vec<(String, String)>,
}

/// The anchor GitHub gives a heading: lower case, spaces to `-`, other
/// punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn read_doc() -> Doc {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md");
    let text = std::fs::read_to_string(&path).expect("docs/json.md is readable");
    let mut doc = Doc {
        tables: BTreeMap::new(),
        examples: Vec::new(),
    };
    let mut section = String::new();
    let mut block: Option<(bool, String)> = None;
    for line in text.lines() {
        if let Some((is_json, body)) = &mut block {
            if line.starts_with("```") {
                if *is_json {
                    doc.examples.push((section.clone(), std::mem::take(body)));
                }
                block = None;
            } else {
                body.push_str(line);
                body.push('\n');
            }
        } else if let Some(lang) = line.strip_prefix("```") {
            block = Some((lang.trim() == "json", String::new()));
        } else if line.starts_with('#') {
            section = anchor(line.trim_start_matches('#'));
        } else if let Some((name, row)) = parse_row(line) {
            doc.tables
                .entry(section.clone())
                .or_default()
                .insert(name, row);
        }
    }
    doc
}

/// The fields docs/json.md documents in the table under a heading (by its
/// anchor: `passage`, `search-hit`).
pub(crate) fn documented_fields(table: &str) -> BTreeSet<String> {
    read_doc()
        .tables
        .get(table)
        .unwrap_or_else(|| panic!("no #{table} table in docs/json.md"))
        .keys()
        .cloned()
        .collect()
}

/// `` | `name` | type | … `` → the field name and its type; other lines → None.
fn parse_row(line: &str) -> Option<(String, Row)> {
    let (name, rest) = line.strip_prefix("| `")?.split_once("` |")?;
    let is_field = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !is_field {
        return None;
    }
    let ty = rest.split('|').next()?.trim().to_string();
    let nested = ty
        .split_once("](#")
        .and_then(|(_, target)| target.split_once(')'))
        .map(|(target, _)| target.to_string());
    Some((name.to_string(), Row { ty, nested }))
}

/// Whether `value` has the documented type (`string`, `integer`, `number`,
/// `list of …`, `… object`, any of them `or null`).
fn has_type(ty: &str, value: &Value) -> bool {
    if value.is_null() {
        return ty.ends_with(" or null");
    }
    let ty = ty.trim_end_matches(" or null");
    match ty.strip_prefix("list of ") {
        Some(items) => value
            .as_array()
            .is_some_and(|list| list.iter().all(|v| is_a(items, v))),
        None => is_a(ty, value),
    }
}

/// `string(s)`, `integer(s)`, `number(s)`, `… object(s)`.
fn is_a(ty: &str, value: &Value) -> bool {
    if ty.starts_with("string") {
        value.is_string()
    } else if ty.starts_with("integer") {
        value.is_u64()
    } else if ty.starts_with("number") {
        value.is_number()
    } else if ty.starts_with("boolean") {
        value.is_boolean()
    } else if ty.ends_with(" object") || ty.ends_with(" objects") {
        value.is_object()
    } else {
        false
    }
}

/// A value's JSON type, for messages: `a string`, `a list of numbers`…
fn kind(value: &Value) -> String {
    let plural = |v: &Value| match v {
        Value::Null => "nulls",
        Value::Bool(_) => "booleans",
        Value::Number(_) => "numbers",
        Value::String(_) => "strings",
        Value::Array(_) => "lists",
        Value::Object(_) => "objects",
    };
    match value {
        Value::Array(items) => {
            let mut kinds: Vec<&str> = items.iter().map(plural).collect();
            kinds.sort_unstable();
            kinds.dedup();
            format!("a list of {}", kinds.join(" and "))
        }
        Value::Object(_) => "an object".into(),
        Value::Null => "null".into(),
        other => format!("a {}", plural(other).trim_end_matches('s')),
    }
}

/// What the walk found: documented fields met, and problems.
#[derive(Default)]
struct Findings {
    met: BTreeSet<(String, String)>,
    problems: BTreeSet<String>,
}

impl Findings {
    /// Checks one object against the union of `tables`, and its nested objects
    /// against the tables their rows link. `at` names the object in messages.
    fn check(&mut self, doc: &Doc, tables: &[&str], object: &Value, at: &str) {
        let Some(fields) = object.as_object() else {
            self.problems.insert(format!("{at}: not a JSON object"));
            return;
        };
        for (name, value) in fields {
            let path = format!("{at}.{name}");
            let found = tables.iter().find_map(|t| {
                let row = doc.tables.get(*t)?.get(name)?;
                Some((*t, row))
            });
            let Some((table, row)) = found else {
                self.problems.insert(format!(
                    "{path}: not documented (no `{name}` row in the table of #{})",
                    tables.join(" or #")
                ));
                continue;
            };
            self.met.insert((table.to_string(), name.clone()));
            if !has_type(&row.ty, value) {
                self.problems.insert(format!(
                    "{path}: {}, not `{}` as documented in #{table}",
                    kind(value),
                    row.ty
                ));
            }
            let (inner, inner_at): (Vec<&Value>, String) = match value {
                Value::Array(items) => (
                    items.iter().filter(|v| v.is_object()).collect(),
                    path + "[]",
                ),
                Value::Object(_) => (vec![value], path),
                _ => continue,
            };
            if inner.is_empty() {
                continue;
            }
            match &row.nested {
                Some(nested) => {
                    for v in inner {
                        self.check(doc, &[nested.as_str()], v, &inner_at);
                    }
                }
                None => {
                    self.problems.insert(format!(
                        "{inner_at}: holds objects, but the `{name}` row of #{table} links no table"
                    ));
                }
            }
        }
    }
}

/// The tables documenting a line of `section`'s stream.
fn roots(section: &str) -> &'static [&'static str] {
    let Some((_, tables)) = ROOTS.iter().find(|(s, _)| *s == section) else {
        panic!("no stream is documented under #{section}")
    };
    tables
}

/// The saved searches of the `watch` streams: outside the shared index,
/// which tests only read; made afresh by [`streams`], so that the run has
/// new hits to print.
const WATCHES: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/json-doc-watches.toml");

/// The commands whose lines are one object of a section, chosen so that every
/// field shows up: footnotes with citations, a paragraph with footnotes and
/// neighbours, a footnote with the passage citing it, qualified dates.
const COMMANDS: [(&str, &[&str]); 15] = [
    ("passage", &["export"]),
    ("search-hit", &["search", "prison", "--json", "-n", "100"]),
    // Another spelling, a typo and an entity alias: every kind of expansion.
    (
        "search-hit",
        &[
            "search",
            "radicalization prisonners Daesh",
            "--json",
            "-n",
            "100",
        ],
    ),
    (
        "search-hit",
        &["search", "", "--cites", "hurriyet", "--json", "-n", "100"],
    ),
    ("document", &["docs", "--json"]),
    ("facet-count", &["facets", "--json"]),
    (
        "cross-tab-cell",
        &["facets", "--by", "doc", "--top", "3", "--json"],
    ),
    // Every field on every line: the nulls and empty lists.
    (
        "search-hit",
        &["search", "prison", "--format", "jsonl", "-n", "100"],
    ),
    ("timeline-entry", &["timeline", "--json", "-n", "10000"]),
    (
        "timeline-entry",
        &["timeline", "--json", "-n", "10000", "--kind", "footnote"],
    ),
    (
        "source",
        &["sources", "--json", "--top", "1000", "--works", "1000"],
    ),
    (
        "passage-in-context",
        &["show", "crisisgroup-258/p16", "--json", "--context", "2"],
    ),
    (
        "passage-in-context",
        &["show", "crisisgroup-258/fn14", "--json", "--context", "2"],
    ),
    // After the run, so that `last_run` is set.
    (
        "watch-hit",
        &["watch", "--watches", WATCHES, "run", "--json", "-n", "100"],
    ),
    (
        "saved-search",
        &["watch", "--watches", WATCHES, "list", "--json"],
    ),
];

/// A line of a stream: the command that printed it, its section, the object.
type Line = (String, &'static str, Value);

/// The command as a user would type it, for messages.
fn shown(args: &[&str]) -> String {
    let words: Vec<String> = args
        .iter()
        .map(|a| {
            if a.is_empty() || a.contains(' ') {
                format!("\"{a}\"")
            } else {
                (*a).to_string()
            }
        })
        .collect();
    format!("`dossier {}`", words.join(" "))
}

fn push(lines: &mut Vec<Line>, section: &'static str, args: &[&str], values: Vec<Value>) {
    assert!(!values.is_empty(), "{} printed nothing", shown(args));
    lines.extend(values.into_iter().map(|v| (shown(args), section, v)));
}

/// Every `--json` stream on the shared index, each line with its section.
fn streams() -> Vec<Line> {
    let shared = Shared::get();
    match std::fs::remove_file(WATCHES) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => panic!("{WATCHES}: {e}"),
        _ => {}
    }
    shared
        .cmd()
        .args(["watch", "--watches", WATCHES, "add", "prisons", "prison"])
        .assert()
        .success();
    let mut lines = Vec::new();
    for (section, args) in COMMANDS {
        push(&mut lines, section, args, shared.json_lines(args));
    }
    // `--facets` appends facet counts to the same hits.
    let hits = shared
        .json_lines(&["search", "prison", "--json", "-n", "20"])
        .len();
    let with_facets = ["search", "prison", "--json", "-n", "20", "--facets"];
    let mut all = shared.json_lines(&with_facets);
    let facets = all.split_off(hits);
    push(&mut lines, "search-hit", &with_facets, all);
    push(&mut lines, "facet-count", &with_facets, facets);
    // `--summary` closes the stream with one summary line.
    let summed = ["search", "prison", "--json", "-n", "5", "--summary"];
    let mut all = shared.json_lines(&summed);
    let summary = all.split_off(all.len() - 1);
    push(&mut lines, "search-hit", &summed, all);
    push(&mut lines, "search-summary", &summed, summary);
    let extract = ["extract", "--json", "--date", "2020-12-01"];
    let out = shared
        .cmd()
        .args(extract)
        .write_stdin(EXTRACT_TEXT)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entities = serde_json::from_slice(&out.stdout).expect("one JSON object");
    push(&mut lines, "extracted-entities", &extract, vec![entities]);
    lines
}

#[test]
fn every_field_the_json_streams_print_is_documented() {
    let doc = read_doc();
    assert!(
        ROOTS
            .iter()
            .all(|(section, _)| doc.tables.contains_key(*section)),
        "a stream's table is missing from docs/json.md: {:?}",
        doc.tables.keys().collect::<Vec<_>>()
    );
    let mut findings = Findings::default();
    for (stream, section, line) in streams() {
        findings.check(&doc, roots(section), &line, &stream);
    }
    assert!(doc.examples.len() >= ROOTS.len(), "an example per stream");
    for (section, block) in &doc.examples {
        let at = format!("the example under #{section}");
        for value in serde_json::Deserializer::from_str(block).into_iter::<Value>() {
            match value {
                Ok(value) => findings.check(&doc, roots(section), &value, &at),
                Err(e) => {
                    findings.problems.insert(format!("{at}: not JSON: {e}"));
                }
            }
        }
    }
    let never_printed: Vec<String> = doc
        .tables
        .iter()
        .flat_map(|(table, rows)| rows.keys().map(move |name| (table.clone(), name.clone())))
        .filter(|(table, name)| {
            !findings.met.contains(&(table.clone(), name.clone()))
                && !NOT_IN_THE_CORPUS.contains(&(table.as_str(), name.as_str()))
        })
        .map(|(table, name)| format!("#{table}: `{name}`"))
        .collect();
    assert!(
        findings.problems.is_empty(),
        "docs/json.md does not match the JSON output:\n{}",
        findings.problems.into_iter().collect::<Vec<_>>().join("\n")
    );
    assert!(
        never_printed.is_empty(),
        "documented in docs/json.md, but no stream prints it (a renamed or removed field? \
         if the corpus cannot show it, list it in NOT_IN_THE_CORPUS):\n{}",
        never_printed.join("\n")
    );
}

//! `search --count`, `--count --by-doc` and `--docs` (as `rg -c` and
//! `rg -l`): the same passages `search --all --duplicates` prints, counted.

use std::collections::BTreeMap;

use crate::Shared;

#[test]
fn counts_agree_with_the_hits() {
    let shared = Shared::get();
    // (query and filters)
    let cases: [&[&str]; 4] = [
        &["prison"],
        &["prison", "radicalisation", "Mali"],
        &["returnees", "--country", "TR"],
        &["\"foreign fighters\"", "--kind", "footnote"],
    ];
    for asked in cases {
        let hits =
            shared.json_lines(&[&["search"], asked, &["--json", "--all", "--duplicates"]].concat());
        let mut per_doc: BTreeMap<String, u64> = BTreeMap::new();
        for h in &hits {
            *per_doc
                .entry(h["doc"].as_str().expect("doc").to_string())
                .or_default() += 1;
        }
        let count = shared.stdout(&[&["search"], asked, &["--count"]].concat());
        assert_eq!(count.trim(), hits.len().to_string(), "{asked:?}");
        let by_doc: BTreeMap<String, u64> = shared
            .stdout(&[&["search"], asked, &["-c", "--by-doc"]].concat())
            .lines()
            .map(|l| {
                let (doc, n) = l.split_once('\t').expect("doc<TAB>count");
                (doc.to_string(), n.parse().expect("a count"))
            })
            .collect();
        assert_eq!(by_doc, per_doc, "{asked:?}");
        let listed: Vec<String> = shared
            .stdout(&[&["search"], asked, &["-l"]].concat())
            .lines()
            .map(|l| l.split_whitespace().nth(1).expect("id").to_string())
            .collect();
        assert_eq!(listed.len(), per_doc.len(), "{asked:?}");
        assert!(listed.iter().all(|d| per_doc.contains_key(d)), "{asked:?}");
    }
}

#[test]
fn nothing_counted_exits_1() {
    let out = Shared::get()
        .cmd()
        .args(["search", "zzqqxx", "-c"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    let out = Shared::get()
        .cmd()
        .args(["search", "zzqqxx", "-l"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn doc_takes_an_unambiguous_start_of_an_id() {
    let shared = Shared::get();
    let count = |doc: &str| {
        let out = shared
            .cmd()
            .args(["search", "prison", "-c", "--doc", doc])
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, full, _) = count("crisisgroup-258");
    assert_eq!(code, Some(0));
    assert_eq!(count("crisisgroup-25").1, full);
    // (value, what the one-line error says)
    let cases = [
        ("crisisgroup", "could be crisisgroup-"),
        ("nonesuch", "not a document of this index"),
    ];
    for (value, said) in cases {
        let (code, out, err) = count(value);
        assert_eq!(code, Some(2), "{value}");
        assert!(
            out.is_empty() && err.contains(said) && err.lines().count() == 1,
            "{value}: {err}"
        );
    }
}

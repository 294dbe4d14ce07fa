//! Measures the country and group extractors against the public test sets of
//! `../shared/external/` (countries.jsonl, groups.jsonl; see the README there):
//!
//! ```text
//! cargo run --release --example eval_entities -- /work/shared/external [--misses]
//! ```
//!
//! Each row's text goes through [`Extractor::entities`]. A positive row counts a
//! true positive when the expected value is among the values found, a false
//! negative when it is not, and a false positive for every other value found; a
//! negative row (no expected value) counts a false positive per value found.
//! Accuracy is the share of rows whose found set is exactly the expected one.
//! Figures are printed overall, without the rows whose expected value depends on
//! a policy choice, and per tag; the policy-choice tags are listed apart. With
//! `--misses`, every row that is not exactly right is printed too.
//!
//! The test sets are read at run time and never copied into the repository
//! (their licences differ from ours). Without the folder (CI), the program says
//! so and exits 0.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use dossier::extract::{EntityKind, Extractor};
use serde::Deserialize;

/// Tags whose expected value is a policy choice this project may make
/// differently (SPEC section 4 and data/groups.toml say which):
/// - `negative`: `country_converter`'s "should not match" list wants no country
///   for "Mexico City" or "Sweden except Stockholm"; SPEC counts a place
///   inside a country and every country named;
/// - `ambiguous…`: a demonym two countries share, names ambiguous in prose;
/// - `predecessor…`, `fka`: former names (dossier keeps GSPC apart from AQIM
///   because SPEC lists it);
/// - `generic-or-short`: aliases left out of the text matcher on purpose
///   ("The Base", "The Youth");
/// - `media-outlet…`: an outlet is not the group;
/// - `upstream…`: HTS names the source lists under the Nusra Front.
const POLICY_TAGS: &[&str] = &[
    "negative",
    "ambiguous",
    "predecessor",
    "fka",
    "generic-or-short",
    "media-outlet",
    "upstream",
];

#[derive(Deserialize)]
struct CountryRow {
    text: String,
    expected_iso2: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
struct GroupRow {
    canonical: String,
    alias: String,
    #[serde(default)]
    tags: Vec<String>,
}

/// One row, made uniform: text, expected value (if any), tags.
struct Case {
    text: String,
    expected: Option<String>,
    tags: Vec<String>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    rows: usize,
    exact: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, expected: Option<&str>, found: &BTreeSet<String>) {
        self.rows += 1;
        if let Some(e) = expected {
            if found.contains(e) {
                self.tp += 1;
            } else {
                self.fn_ += 1;
            }
            self.fp += found.iter().filter(|f| f.as_str() != e).count();
            self.exact += usize::from(found.len() == 1 && found.contains(e));
        } else {
            self.fp += found.len();
            self.exact += usize::from(found.is_empty());
        }
    }

    fn line(&self, label: &str) -> String {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                a as f64 / b as f64
            }
        };
        format!(
            "  {label:<44} rows {:>4}  precision {:.3}  recall {:.3}  accuracy {:.3}   (tp {} fp {} fn {})",
            self.rows,
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
            ratio(self.exact, self.rows),
            self.tp,
            self.fp,
            self.fn_,
        )
    }
}

fn is_policy(tag: &str) -> bool {
    POLICY_TAGS.iter().any(|p| tag.starts_with(p))
}

/// A tag's name without the explanation after a colon.
fn tag_name(tag: &str) -> &str {
    tag.split(':').next().unwrap_or(tag).trim()
}

fn evaluate(
    out: &mut impl Write,
    title: &str,
    cases: &[Case],
    kind: EntityKind,
    extractor: &Extractor,
    show_misses: bool,
) -> anyhow::Result<()> {
    let mut all = Score::default();
    let mut plain = Score::default();
    let mut by_tag: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for case in cases {
        let found: BTreeSet<String> = extractor
            .entities(&case.text)
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.canonical)
            .collect();
        let expected = case.expected.as_deref();
        all.add(expected, &found);
        if !case.tags.iter().any(|t| is_policy(t)) {
            plain.add(expected, &found);
        }
        let names: BTreeSet<&str> = case.tags.iter().map(|t| tag_name(t)).collect();
        for name in names {
            by_tag
                .entry(name.to_owned())
                .or_default()
                .add(expected, &found);
        }
        if case.tags.is_empty() {
            by_tag
                .entry("(untagged)".to_owned())
                .or_default()
                .add(expected, &found);
        }
        let right = match expected {
            Some(e) => found.len() == 1 && found.contains(e),
            None => found.is_empty(),
        };
        if !right {
            misses.push(format!(
                "    {:?} want {:?} got {:?} {:?}",
                case.text, expected, found, case.tags
            ));
        }
    }
    writeln!(out, "{title}: {} rows", cases.len())?;
    writeln!(out, "{}", all.line("all rows"))?;
    writeln!(out, "{}", plain.line("without policy-choice tags"))?;
    writeln!(out, " per tag:")?;
    for (tag, score) in by_tag.iter().filter(|(t, _)| !is_policy(t)) {
        writeln!(out, "{}", score.line(tag))?;
    }
    writeln!(out, " policy-choice tags (reported apart):")?;
    for (tag, score) in by_tag.iter().filter(|(t, _)| is_policy(t)) {
        writeln!(out, "{}", score.line(tag))?;
    }
    if show_misses {
        writeln!(out, " rows not exactly right:")?;
        for m in misses {
            writeln!(out, "{m}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn read_jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

fn main() -> anyhow::Result<()> {
    match run() {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_misses = args.iter().any(|a| a == "--misses");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("../shared/external", String::as_str);
    let dir = Path::new(dir);
    let mut out = std::io::stdout().lock();
    if !dir.is_dir() {
        writeln!(
            out,
            "eval_entities: no test sets at {}; nothing to evaluate",
            dir.display()
        )?;
        return Ok(());
    }
    let start = std::time::Instant::now();
    let extractor = Extractor::new()?;
    writeln!(
        out,
        "extractor built in {:.0} ms\n",
        start.elapsed().as_secs_f64() * 1e3
    )?;

    let countries: Vec<CountryRow> = read_jsonl(&dir.join("countries.jsonl"))?;
    let cases: Vec<Case> = countries
        .into_iter()
        .map(|r| Case {
            text: r.text,
            expected: r.expected_iso2,
            tags: r.tags,
        })
        .collect();
    evaluate(
        &mut out,
        "countries.jsonl",
        &cases,
        EntityKind::Country,
        &extractor,
        show_misses,
    )?;

    let groups: Vec<GroupRow> = read_jsonl(&dir.join("groups.jsonl"))?;
    let cases: Vec<Case> = groups
        .into_iter()
        .map(|r| Case {
            text: r.alias,
            expected: Some(r.canonical),
            tags: r.tags,
        })
        .collect();
    evaluate(
        &mut out,
        "groups.jsonl",
        &cases,
        EntityKind::Group,
        &extractor,
        show_misses,
    )?;
    Ok(())
}

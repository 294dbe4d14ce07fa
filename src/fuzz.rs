//! Fuzz targets, run as property tests on stable Rust: every parser of the
//! crate fed mutated inputs must return, never panic, and never take long.
//!
//! Targets: the query parser, every format reader (HTML on windows of real
//! pages, PDF on mutated made and sample files) and the segmenter
//! (through `formats::review`, as ingest reads a file), the date grammar,
//! the citation parser, the entity extractor, front matter. Seeds: the
//! bundled reports and the segmenter fixtures, cut into pieces. Mutations:
//! byte flips, spliced seeds, cuts, and inserted tokens each parser treats
//! specially (quotes, brackets, markers, markup). A deterministic generator
//! makes every run reproducible; a failing input is written to
//! `target/fuzz-findings/` and named in the failure.
//!
//! `cargo test --lib fuzz` runs a short round; `scripts/fuzz.sh` a long one
//! (`DOSSIER_FUZZ_ITERATIONS`, per target).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Inputs per target in an ordinary test run (kept small for debug builds).
const DEFAULT_ITERATIONS: usize = 150;
/// Longest a single input may take (debug builds are slow; this is about hangs).
const MAX_TIME_PER_INPUT: Duration = Duration::from_secs(20);

/// Tokens that mean something to one parser or another.
const TOKENS: [&str; 40] = [
    "\"",
    "(",
    ")",
    "-",
    "+",
    "*",
    "~2",
    "AND",
    "OR",
    "NOT",
    "country:",
    "section:\"",
    "[fn]",
    "Hide Footnote",
    "[^1]",
    "[^1]: ",
    "¹²",
    "[12]",
    "\n\n",
    "\n",
    "\u{c}",
    "---\n",
    "# ",
    "| a | b |\n",
    "<p>",
    "</sup>",
    "<a href=\"#fn1\">",
    "{{",
    "]]",
    "**May 2, 2019:**",
    "29 June 2020",
    "between April 2019 and",
    "the 1990s",
    "mid-",
    "’",
    "\u{0}",
    "\u{feff}",
    "Ibid.",
    "op. cit.",
    "Interview, Bamako, 3 May 2021.",
];

const SEEDS: [&str; 5] = [
    include_str!("../corpus/crisisgroup-reports-258-and-306.txt"),
    include_str!("../corpus/icct-last-frontier-prisons-mali.txt"),
    include_str!("../corpus/cep-mali-extremism-counter-extremism.txt"),
    include_str!("../corpus/criticalthreats-prisoner-releases.txt"),
    include_str!("../tests/fixtures/segment/kramdown-paper.md"),
];

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A piece of a seed of up to `max` bytes, on character boundaries.
fn slice_of(rng: &mut Rng, max: usize) -> String {
    let seed = SEEDS[rng.below(SEEDS.len())];
    let mut start = rng.below(seed.len());
    while !seed.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + 1 + rng.below(max)).min(seed.len());
    while !seed.is_char_boundary(end) {
        end -= 1;
    }
    seed[start..end].to_string()
}

/// A mutated input: a seed piece with tokens inserted, bytes flipped, cut.
fn mutated(rng: &mut Rng, max: usize) -> Vec<u8> {
    let mut bytes = slice_of(rng, max).into_bytes();
    for _ in 0..rng.below(8) {
        match rng.below(4) {
            0 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, token.iter().copied());
            }
            1 if !bytes.is_empty() => {
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
            2 => {
                let other = slice_of(rng, max / 4 + 1);
                let at = rng.below(bytes.len() + 1);
                bytes.splice(at..at, other.bytes());
            }
            _ => bytes.truncate(rng.below(bytes.len() + 1)),
        }
    }
    bytes
}

fn iterations() -> usize {
    std::env::var("DOSSIER_FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_ITERATIONS)
}

/// Runs `target` on mutated inputs; panics (naming the saved input) on the
/// first input that panics or takes too long.
fn fuzz(name: &str, seed: u64, max_len: usize, target: impl Fn(&[u8])) {
    let mut rng = Rng(seed | 1);
    let runs = iterations();
    for i in 0..runs {
        let input = mutated(&mut rng, max_len);
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&input)));
        let slow = started.elapsed() > MAX_TIME_PER_INPUT;
        if outcome.is_err() || slow {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join(format!("{name}-{i}.bin"));
            let _ = std::fs::write(&path, &input);
            let what = if slow { "took too long" } else { "panicked" };
            panic!("{name}: input {i} {what}; saved to {}", path.display());
        }
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn fuzz_query_parser() {
    fuzz("query", 1, 200, |b| {
        let _ = crate::query::parse_query(&text(b));
    });
}

#[test]
fn fuzz_text_and_markdown_readers() {
    fuzz("segment-text", 2, 6_000, |b| {
        let _ = crate::formats::review("fuzz.txt", b.to_vec());
        let _ = crate::formats::review("fuzz.md", b.to_vec());
    });
}

#[test]
fn fuzz_word_reader() {
    // Word files are zips: mutate a real one, byte by byte.
    let docx = include_bytes!("../tests/fixtures/segment/docx-report.docx");
    let mut rng = Rng(3);
    for i in 0..iterations() {
        let mut bytes = docx.to_vec();
        for _ in 0..=rng.below(6) {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        if rng.below(4) == 0 {
            bytes.truncate(rng.below(bytes.len()));
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            crate::formats::review("fuzz.docx", bytes.clone())
        }));
        assert!(outcome.is_ok(), "docx input {i} panicked");
    }
}

#[test]
fn fuzz_html_reader() {
    // Windows of real pages, with markup the reader reads as notes, tables,
    // dates and chrome spliced in, bytes flipped and ranges cut.
    const PAGES: [&str; 3] = [
        include_str!("../tests/fixtures/samples/01-crs-r48887-us-conflict-with-iran.html"),
        include_str!("../tests/fixtures/segment/wikipedia-article.html"),
        include_str!("../tests/fixtures/segment/jekyll-article.html"),
    ];
    const MARKUP: [&str; 10] = [
        "<sup>",
        "<a href=\"#fn1\" name=\"ifn1\">",
        "<li id=\"fn1\" role=\"doc-endnote\">",
        "<table><tr><td>",
        "</td></tr></table>",
        "<header>",
        "<time datetime=2020-01-01>",
        "<blockquote>",
        "<br>",
        "<!--",
    ];
    let mut rng = Rng(7);
    for i in 0..iterations() {
        let page = PAGES[rng.below(PAGES.len())].as_bytes();
        let start = rng.below(page.len());
        let mut bytes = page[start..(start + 12_000).min(page.len())].to_vec();
        for _ in 0..=rng.below(8) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(3) {
                0 => {
                    let token = MARKUP[rng.below(MARKUP.len())].as_bytes();
                    bytes.splice(at..at, token.iter().copied());
                }
                1 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
                _ => drop(bytes.drain(at..(at + rng.below(200)).min(bytes.len()))),
            }
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            crate::formats::review("fuzz.html", bytes.clone())
        }));
        assert!(outcome.is_ok(), "html input {i} panicked");
    }
}

#[test]
fn fuzz_pdf_reader() {
    // PDFs: mutate made ones (flipped bytes, cuts, spliced pieces of each other).
    let seeds: [&[u8]; 3] = [
        include_bytes!("../tests/fixtures/segment/pdf-notes-header-footer.pdf"),
        include_bytes!("../tests/fixtures/segment/pdf-two-columns-table.pdf"),
        include_bytes!("../tests/fixtures/segment/pdf-form-xobject.pdf"),
    ];
    let mut rng = Rng(7);
    for i in 0..iterations() {
        let mut bytes = seeds[rng.below(seeds.len())].to_vec();
        for _ in 0..=rng.below(8) {
            match rng.below(3) {
                0 => {
                    let at = rng.below(bytes.len());
                    bytes[at] ^= 1 << rng.below(8);
                }
                1 => {
                    let other = seeds[rng.below(seeds.len())];
                    let start = rng.below(other.len());
                    let end = (start + rng.below(400)).min(other.len());
                    let at = rng.below(bytes.len() + 1);
                    bytes.splice(at..at, other[start..end].iter().copied());
                }
                _ => bytes.truncate(rng.below(bytes.len() + 1).max(8)),
            }
        }
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            crate::formats::review("fuzz.pdf", bytes.clone())
        }));
        assert!(outcome.is_ok(), "pdf input {i} panicked");
        assert!(
            started.elapsed() < MAX_TIME_PER_INPUT,
            "pdf input {i} took too long"
        );
    }
}

#[test]
fn fuzz_date_grammar() {
    let ctx = crate::extract::DateContext {
        reference: Some(jiff::civil::date(2021, 6, 1)),
        ..crate::extract::DateContext::default()
    };
    fuzz("dates", 4, 400, |b| {
        let _ = crate::extract::extract_dates(&text(b), &ctx);
    });
}

#[test]
fn fuzz_citation_parser() {
    fuzz("citations", 5, 400, |b| {
        let _ =
            crate::extract::parse_citations(&text(b), &mut crate::extract::CitedTitles::default());
    });
}

#[test]
fn fuzz_entity_extractor() {
    let extractor = crate::extract::Extractor::new().expect("bundled data loads");
    fuzz("entities", 6, 1_500, |b| {
        let t = text(b);
        let _ = extractor.entities(&t);
        let _ = extractor.report_entities(&[(t.as_str(), &[]), (t.as_str(), &[String::new()])]);
    });
}

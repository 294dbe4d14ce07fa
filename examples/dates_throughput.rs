//! Times the date extractor on the bundled corpus.
//!
//! ```text
//! cargo run --release --example dates_throughput [-- ROUNDS]
//! ```
//!
//! Runs `extract_dates` over every `corpus/*.txt` file ROUNDS times (100 by
//! default), once on whole files and once line by line (the size of the
//! passages ingest hands it), on one thread, and prints MB/s for each. The
//! date count is checked on every round so the work cannot be optimised away.

// A timing program: printing its figures is its whole job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use dossier::extract::{DateContext, extract_dates};

fn main() -> ExitCode {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(100);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("dates_throughput: cannot read {}", dir.display());
        return ExitCode::from(2);
    };
    let texts: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = DateContext {
        reference: "2020-06-29".parse().ok(),
        ..DateContext::default()
    };

    let count = |whole: bool| -> usize {
        texts
            .iter()
            .map(|t| {
                if whole {
                    extract_dates(black_box(t), &ctx).len()
                } else {
                    t.lines()
                        .map(|l| extract_dates(black_box(l), &ctx).len())
                        .sum()
                }
            })
            .sum()
    };
    for (name, whole) in [("whole files", true), ("line by line", false)] {
        let expected = count(whole);
        let start = Instant::now();
        for _ in 0..rounds {
            assert_eq!(count(whole), expected, "extraction is deterministic");
        }
        let secs = start.elapsed().as_secs_f64();
        let mb = (bytes * rounds) as f64 / 1e6;
        println!(
            "{name:<13} {:.1} MB in {secs:.2} s: {:.1} MB/s ({expected} dates per round)",
            mb,
            mb / secs
        );
    }
    ExitCode::SUCCESS
}

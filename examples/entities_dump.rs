//! Prints every entity mention the extractor finds in a file (or stdin), one per
//! line: kind, byte span, canonical value, and the text matched. A review aid
//! for the gazetteers and rules: `cargo run --release --example entities_dump -- FILE`.

use std::io::{Read, Write};

fn main() -> anyhow::Result<()> {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) if path != "-" => text = std::fs::read_to_string(&path)?,
        _ => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    let extractor = dossier::extract::Extractor::new()?;
    let mut out = std::io::stdout().lock();
    for m in extractor.entities(&text) {
        let matched: String = text[m.span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            out,
            "{:?}\t{}..{}\t{}\t{}",
            m.kind, m.span.start, m.span.end, m.canonical, matched
        )?;
    }
    Ok(())
}

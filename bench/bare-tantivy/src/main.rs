//! The baseline `bench/run.sh` compares dossier with: tantivy as it comes.
//!
//! `bare-tantivy index DIR FILE…` makes every blank-line-separated paragraph of
//! every file a document of one TEXT|STORED field `body` (default tokenizer),
//! with a writer on default threads and dossier's memory budget, and commits.
//! `bare-tantivy search DIR QUERY` opens the index, parses QUERY with
//! `QueryParser` on `body`, takes the BM25 top 10 and prints a snippet for each.
//! No segmentation, entities, dates or facets: those are what dossier adds.

use std::error::Error;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::{env, fs};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, Schema, TEXT};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, doc};

/// The writer's memory budget, all threads together: the same as dossier's.
const WRITER_MEMORY_BYTES: usize = 256 * 1024 * 1024;

/// Hits printed per query.
const LIMIT: usize = 10;

const USAGE: &str = "usage: bare-tantivy index DIR FILE… | bare-tantivy search DIR QUERY";

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// How a command went; exit codes as dossier's: 0 hits, 1 no hit, 2 error.
enum Outcome {
    Done,
    NoHit,
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let outcome = match args.as_slice() {
        [cmd, dir, files @ ..] if cmd == "index" && !files.is_empty() => {
            index(Path::new(dir), files)
        }
        [cmd, dir, query] if cmd == "search" => search(Path::new(dir), query),
        _ => Err(USAGE.into()),
    };
    match outcome {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::NoHit) => ExitCode::from(1),
        Err(err) => {
            eprintln!("bare-tantivy: {err}");
            ExitCode::from(2)
        }
    }
}

fn index(dir: &Path, files: &[String]) -> Result<Outcome> {
    let mut builder = Schema::builder();
    let body = builder.add_text_field("body", TEXT | STORED);
    fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, builder.build())?;
    let mut writer: IndexWriter = index.writer(WRITER_MEMORY_BYTES)?;
    let mut docs = 0u64;
    for file in files {
        let text = fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        for paragraph in paragraphs(&text) {
            writer.add_document(doc!(body => paragraph))?;
            docs += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    eprintln!("indexed {docs} paragraphs from {} files", files.len());
    Ok(Outcome::Done)
}

/// Blank-line-separated paragraphs, trimmed, empty ones left out.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            let (head, tail) = split_at_blank_line(rest);
            rest = tail;
            let head = head.trim();
            if !head.is_empty() {
                return Some(head);
            }
        }
    })
}

/// Splits before the first line that is empty or only whitespace.
fn split_at_blank_line(text: &str) -> (&str, &str) {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if line.trim().is_empty() {
            return (&text[..start], &text[end..]);
        }
        start = end;
    }
    (text, "")
}

fn search(dir: &Path, query: &str) -> Result<Outcome> {
    let index = Index::open_in_dir(dir)?;
    let body = index.schema().get_field("body")?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let query = QueryParser::for_index(&index, vec![body]).parse_query(query)?;
    let (total, top) = searcher.search(
        &query,
        &(Count, TopDocs::with_limit(LIMIT).order_by_score()),
    )?;
    let snippets = SnippetGenerator::create(&searcher, &*query, body)?;
    let mut out = String::new();
    for (rank, (score, addr)) in top.iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(*addr)?;
        let snippet = snippets.snippet_from_doc(&doc);
        writeln!(out, "{:2}. {score:.3}  {}", rank + 1, snippet.to_html())?;
    }
    writeln!(out, "{} of {total} matching paragraphs", top.len())?;
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(if top.is_empty() {
        Outcome::NoHit
    } else {
        Outcome::Done
    })
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let text = "a\nb\n\n  \nc\n\n\nd";
        assert_eq!(paragraphs(text).collect::<Vec<_>>(), ["a\nb", "c", "d"]);
    }
}

//! Small in-memory indexes of one text field, for the query modules' tests.

use tantivy::query::{Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TEXT};
use tantivy::{Index, IndexWriter, Term, doc};

/// An index of `texts` in `segments` segments (one commit per part, in order).
pub(crate) fn index(texts: &[&str], segments: usize) -> (Index, Field) {
    let mut schema = Schema::builder();
    let text = schema.add_text_field("text", TEXT);
    let index = Index::create_in_ram(schema.build());
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
    let per_segment = texts.len().div_ceil(segments.max(1)).max(1);
    for part in texts.chunks(per_segment) {
        for t in part {
            writer.add_document(doc!(text => *t)).unwrap();
        }
        writer.commit().unwrap();
    }
    (index, text)
}

/// A word of the text field, scored by BM25 (positions indexed, for phrases).
pub(crate) fn term(field: Field, word: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, word),
        IndexRecordOption::WithFreqsAndPositions,
    ))
}

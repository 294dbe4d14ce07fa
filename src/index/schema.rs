//! The tantivy schema: every field name lives here, built once into [`Fields`].
//!
//! A passage is one tantivy document. Searchable text goes through the
//! `dossier` analyzer (lower-case, diacritics folded, English stems); everything a
//! result prints comes back from the stored `record` (the passage as JSON minus
//! its text) and the stored `text`. Facets are paths, one field for all of them:
//! `/kind/<kind>`, `/doc/<id>`, `/country/<ISO>`, `/group/<name>`,
//! `/place/<name>`, `/person/<name>`, `/year/<yyyy>`, `/cites/<source>`.

use tantivy::Index;
use tantivy::schema::{
    FacetOptions, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer,
};

use super::stem::{CachedStemmer, KeepStemmedAway, RecordingStemmer};

/// Name under which the analyzer is registered on every opened index.
pub(crate) const ANALYZER: &str = "dossier";
/// The analyzer without stemming, for prefix and fuzzy matching.
pub(crate) const RAW_ANALYZER: &str = "dossier_raw";

/// Tokens longer than this (URLs glued to words, base64) are dropped, as tantivy's default does.
const MAX_TOKEN_BYTES: usize = 40;

/// Field names: the only place they are written (fast-field readers use them too).
pub(crate) mod name {
    /// Passage id.
    pub(crate) const ID: &str = "id";
    /// Cleaned passage text.
    pub(crate) const TEXT: &str = "text";
    /// Heading path.
    pub(crate) const SECTION: &str = "section";
    /// Words stemming changes, as written.
    pub(crate) const TEXT_RAW: &str = "text_raw";
    /// Facet paths.
    pub(crate) const FACETS: &str = "facets";
    /// The passage as JSON, without its text.
    pub(crate) const RECORD: &str = "record";
    /// Document order.
    pub(crate) const ORD: &str = "ord";
    /// Passage kind code.
    pub(crate) const KIND: &str = "kind";
    /// Date blocks mentioned.
    pub(crate) const DATE_BLOCKS: &str = "date_blocks";
    /// Earliest day mentioned.
    pub(crate) const DATE_FIRST: &str = "date_first";
    /// Publication day.
    pub(crate) const PUBLISHED: &str = "published";
    /// Text fingerprint.
    pub(crate) const SIMHASH: &str = "simhash";
    /// When the passage's file was read, in seconds since 1970.
    pub(crate) const ADDED: &str = "added";
}

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// Passage id, exact (`crisisgroup-258/p12`).
    pub id: Field,
    /// Cleaned passage text: analyzed with positions, stored for snippets.
    pub text: Field,
    /// Heading path and document title, analyzed: `section:` queries and the heading boost.
    pub section: Field,
    /// The text's words that stemming changes, as written (folded), without
    /// positions: prefix and fuzzy queries look here and in `text`.
    pub text_raw: Field,
    /// Facet paths (see the module doc).
    pub facets: Field,
    /// The passage as JSON without its text (stored only).
    pub record: Field,
    /// Document order: `doc_index << ORD_SHIFT | passage_index` (indexed for `show --context`).
    pub ord: Field,
    /// [`PassageKind::code`](crate::model::PassageKind::code), for ranking.
    pub kind: Field,
    /// Aligned date blocks the passage mentions (see `index::dates`).
    pub date_blocks: Field,
    /// Earliest day the passage mentions, as a day number (timeline order).
    pub date_first: Field,
    /// Publication day of the passage's document, as a day number.
    pub published: Field,
    /// Simhash of the text, to drop near-identical hits.
    pub simhash: Field,
    /// When the passage's file was read (seconds since 1970), for `--added-since`.
    pub added: Field,
}

/// Bits of `ord` that number passages inside a document.
pub(crate) const ORD_SHIFT: u32 = 24;

impl Fields {
    /// The schema every index is created with.
    pub(crate) fn schema() -> Schema {
        let analyzed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let fast_u64 = NumericOptions::default().set_fast();
        let mut b = Schema::builder();
        b.add_text_field(name::ID, STRING);
        b.add_text_field(name::TEXT, analyzed.clone().set_stored());
        b.add_text_field(name::SECTION, analyzed);
        let raw = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(RAW_ANALYZER)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        b.add_text_field(name::TEXT_RAW, raw);
        b.add_facet_field(name::FACETS, FacetOptions::default());
        b.add_bytes_field(name::RECORD, STORED);
        b.add_u64_field(name::ORD, INDEXED | fast_u64.clone());
        b.add_u64_field(name::KIND, fast_u64.clone());
        b.add_u64_field(name::DATE_BLOCKS, INDEXED);
        b.add_u64_field(name::DATE_FIRST, fast_u64.clone());
        b.add_u64_field(name::PUBLISHED, INDEXED | fast_u64.clone());
        b.add_u64_field(name::SIMHASH, fast_u64.clone());
        b.add_u64_field(name::ADDED, INDEXED | fast_u64);
        b.build()
    }

    /// Looks the fields up in an opened index's schema.
    pub(crate) fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name| schema.get_field(name);
        Ok(Fields {
            id: f(name::ID)?,
            text: f(name::TEXT)?,
            section: f(name::SECTION)?,
            text_raw: f(name::TEXT_RAW)?,
            facets: f(name::FACETS)?,
            record: f(name::RECORD)?,
            ord: f(name::ORD)?,
            kind: f(name::KIND)?,
            date_blocks: f(name::DATE_BLOCKS)?,
            date_first: f(name::DATE_FIRST)?,
            published: f(name::PUBLISHED)?,
            simhash: f(name::SIMHASH)?,
            added: f(name::ADDED)?,
        })
    }
}

/// The analyzer of `text` and `section`: words split on non-alphanumerics,
/// lower-cased, folded to ASCII (Türkiye = Turkiye), stemmed as English.
pub(crate) fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// The analyzer `text` and `section` are indexed with: [`analyzer`]'s
/// tokens, and the words stemming changed recorded for `text_raw`'s
/// analyzer (see `index::stem`).
fn index_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(RecordingStemmer)
        .build()
}

/// The analyzer `text_raw` is indexed with: the words as written (folded)
/// that stemming changes; the others are already in `text` as they are.
fn raw_index_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(KeepStemmedAway)
        .build()
}

/// The words as written, folded, unstemmed: how prefix and fuzzy query words
/// and snippet words are read.
pub(crate) fn raw_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// An analyzer that drops English stop words (tantivy's Snowball list): a
/// word it leaves nothing of is a stop word.
pub(crate) fn stop_word_analyzer() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser);
    match StopWordFilter::new(Language::English) {
        Some(stop) => builder.filter(stop).build(),
        None => builder.build(),
    }
}

/// Registers the analyzers: needed every time an index is created *or opened*.
pub(crate) fn register_analyzer(index: &Index) {
    index.tokenizers().register(ANALYZER, index_analyzer());
    index
        .tokenizers()
        .register(RAW_ANALYZER, raw_index_analyzer());
}

/// The tokens an analyzer makes of `text`.
pub(crate) fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        super::tokens(&mut analyzer(), text)
    }

    #[test]
    fn analyzer_folds_diacritics_case_and_stems() {
        assert_eq!(tokens("Türkiye"), tokens("turkiye"));
        assert_eq!(tokens("Keïta"), tokens("Keita"));
        assert_eq!(tokens("Adıyaman"), tokens("Adiyaman"));
        assert_eq!(tokens("prisons"), tokens("prison"));
        assert_eq!(tokens("radicalisation"), vec!["radicalis"]);
        assert_eq!(tokens("al-Qaeda’s"), vec!["al", "qaeda", "s"]);
    }

    #[test]
    fn the_cached_stemmer_stems_as_tantivys() {
        use tantivy::tokenizer::{Language, Stemmer};
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = analyzer();
        let text = "Returnees returned; the returning returnee’s radicalisation radicalised prisons prisoners Türkiye";
        for _ in 0..2 {
            assert_eq!(
                super::tokens(&mut cached, text),
                super::tokens(&mut plain, text)
            );
        }
    }

    #[test]
    fn the_raw_field_keeps_only_words_stemming_changes() {
        let text = "Kidal prisons deportation of the returnees";
        assert_eq!(
            super::tokens(&mut raw_index_analyzer(), text),
            ["prisons", "deportation", "returnees"]
        );
        assert_eq!(super::tokens(&mut raw_analyzer(), text).len(), 6);
    }

    /// Every token an analyzer gives, with its offsets and position.
    fn full_tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn the_raw_field_gets_the_same_tokens_after_the_text_was_analysed() {
        // As tantivy indexes a passage: `text`, then `section`, then `text_raw`.
        let cases = [
            (
                "Kidal prisons deportation of the returnees",
                "Mali \u{2029} Prisons",
            ),
            ("Türkiye’s returnees were returning; radicalisation", ""),
            ("", "Deportations"),
            ("the of and", "the of and"),
            (
                "a verylongwordthatgoesbeyondthelimitofthetokenizerlengths runs",
                "Runs",
            ),
        ];
        let (mut text, mut section, mut raw) =
            (index_analyzer(), index_analyzer(), raw_index_analyzer());
        for (body, heading) in cases {
            let fresh = full_tokens(&mut raw_index_analyzer(), body);
            assert_eq!(
                full_tokens(&mut text, body),
                full_tokens(&mut analyzer(), body)
            );
            full_tokens(&mut section, heading);
            assert_eq!(full_tokens(&mut raw, body), fresh, "{body}");
        }
    }

    #[test]
    fn schema_round_trips_through_field_lookup() {
        let schema = Fields::schema();
        let fields = Fields::from_schema(&schema).expect("all fields exist");
        assert_eq!(schema.get_field_name(fields.record), name::RECORD);
    }
}

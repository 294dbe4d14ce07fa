//! A caching stemmer (the analyzer's last filter), and its mirror for the
//! unstemmed field: a filter keeping only the words stemming changes.
//!
//! Stemming is the most expensive step of analysis, and a report repeats its
//! words endlessly, so each analyzer instance (tantivy clones one per indexing
//! thread and field) remembers the stems it computed. On a miss, the word goes
//! through tantivy's own English stemmer, so stems are exactly those of
//! `tantivy::tokenizer::Stemmer`. The cache hashes with `FxHash`: words are
//! short and not adversarial, and `SipHash` showed in profiles.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Stems remembered per analyzer before the cache is emptied (bounded memory
/// on huge, varied corpora; a report's working vocabulary is a few thousand).
const MAX_CACHED_STEMS: usize = 100_000;

/// The filter: English stems, cached.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CachedStemmer;

/// What a [`CachedStemmerFilter`] does with each word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Replace it by its stem.
    Stem,
    /// Keep it as is when stemming would change it, drop it otherwise (the
    /// stemmed field already holds it): `text_raw` at ingest.
    KeepChanged,
}

/// The filter of `text_raw` at ingest: the words the stemmer changes, as written.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KeepStemmedAway;

impl TokenFilter for KeepStemmedAway {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter::new(tokenizer, Mode::KeepChanged)
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter::new(tokenizer, Mode::Stem)
    }
}

/// The tokenizer the filters wrap around.
#[derive(Clone)]
pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    mode: Mode,
    cache: FxHashMap<String, String>,
    stemmer: TextAnalyzer,
}

impl<T> CachedStemmerFilter<T> {
    fn new(inner: T, mode: Mode) -> Self {
        CachedStemmerFilter {
            inner,
            mode,
            cache: FxHashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() > MAX_CACHED_STEMS {
            self.cache.clear();
        }
        CachedStemStream {
            tail: self.inner.token_stream(text),
            mode: self.mode,
            cache: &mut self.cache,
            stemmer: &mut self.stemmer,
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub(crate) struct CachedStemStream<'a, S> {
    tail: S,
    mode: Mode,
    cache: &'a mut FxHashMap<String, String>,
    stemmer: &'a mut TextAnalyzer,
}

impl<S: TokenStream> TokenStream for CachedStemStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            let stem = if let Some(stem) = self.cache.get(&token.text) {
                stem
            } else {
                let mut stream = self.stemmer.token_stream(&token.text);
                let stem = if stream.advance() {
                    stream.token().text.clone()
                } else {
                    token.text.clone()
                };
                drop(stream);
                self.cache.entry(token.text.clone()).or_insert(stem)
            };
            match self.mode {
                Mode::Stem => {
                    token.text.clone_from(stem);
                    return true;
                }
                Mode::KeepChanged if *stem != token.text => return true,
                Mode::KeepChanged => {}
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

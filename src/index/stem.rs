//! A caching stemmer (the analyzer's last filter), and its mirror for the
//! unstemmed field: a filter keeping only the words stemming changes.
//!
//! Stemming is the most expensive step of analysis, and a report repeats its
//! words endlessly, so each analyzer instance (tantivy clones one per indexing
//! thread and field) remembers the stems it computed. On a miss, the word goes
//! through tantivy's own English stemmer, so stems are exactly those of
//! `tantivy::tokenizer::Stemmer`. The cache hashes with `FxHash`: words are
//! short and not adversarial, and `SipHash` showed in profiles.
//!
//! One analysis for `text` and `text_raw`: at ingest, tantivy analyses a
//! passage's fields one after the other on one indexing thread (`text`, then
//! `section`, then `text_raw`). The index-time stemmer records, per thread,
//! the words it changed in the last texts it read ([`RECORDED_TEXTS`] of
//! them); `text_raw`'s filter, given the same text, replays those tokens
//! instead of splitting, folding and looking the words up again. Given a text
//! no recording matches (another order, another thread), it analyses the
//! text itself: the tokens are the same either way, only the work differs.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Stems remembered per analyzer before the cache is emptied (bounded memory
/// on huge, varied corpora; a report's working vocabulary is a few thousand).
const MAX_CACHED_STEMS: usize = 100_000;

/// Texts whose stemmed-away words a thread remembers: a passage's `text` and
/// `section` are analysed before its `text_raw`.
const RECORDED_TEXTS: usize = 2;

/// The filter: English stems, cached.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CachedStemmer;

/// The filter of `text` at ingest: English stems, cached, and the words
/// stemming changed recorded for [`KeepStemmedAway`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RecordingStemmer;

/// What a [`CachedStemmerFilter`] does with each word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Replace it by its stem.
    Stem,
    /// Replace it by its stem, and record the words as written that stemming
    /// changed once the whole text is read.
    StemAndRecord,
    /// Keep it as is when stemming would change it, drop it otherwise (the
    /// stemmed field already holds it): `text_raw` at ingest. Replays a
    /// recording of the same text when there is one.
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

impl TokenFilter for RecordingStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter::new(tokenizer, Mode::StemAndRecord)
    }
}

/// A text and the tokens stemming changed in it, as written.
struct Recording {
    text: String,
    /// In reverse order, so that replaying pops them.
    changed: Vec<Token>,
}

/// The last texts a thread's recording stemmers read to the end.
#[derive(Default)]
struct Recordings {
    slots: [Option<Recording>; RECORDED_TEXTS],
    next: usize,
}

impl Recordings {
    fn put(&mut self, text: &str, mut changed: Vec<Token>) {
        changed.reverse();
        let slot = &mut self.slots[self.next];
        self.next = (self.next + 1) % RECORDED_TEXTS;
        match slot {
            Some(recording) => {
                recording.text.clear();
                recording.text.push_str(text);
                recording.changed = changed;
            }
            None => {
                *slot = Some(Recording {
                    text: text.to_string(),
                    changed,
                });
            }
        }
    }

    /// The recording of `text`, once.
    fn take(&mut self, text: &str) -> Option<Vec<Token>> {
        let slot = self
            .slots
            .iter_mut()
            .find(|s| s.as_ref().is_some_and(|r| r.text == text))?;
        slot.take().map(|r| r.changed)
    }
}

thread_local! {
    static RECORDED: RefCell<Recordings> = RefCell::default();
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
        let replay = match self.mode {
            Mode::KeepChanged => RECORDED.with_borrow_mut(|r| r.take(text)),
            Mode::Stem | Mode::StemAndRecord => None,
        };
        let record = (self.mode == Mode::StemAndRecord).then(|| (text, Vec::new()));
        CachedStemStream {
            tail: self.inner.token_stream(text),
            mode: self.mode,
            cache: &mut self.cache,
            stemmer: &mut self.stemmer,
            record,
            replay,
            current: Token::default(),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub(crate) struct CachedStemStream<'a, S> {
    tail: S,
    mode: Mode,
    cache: &'a mut FxHashMap<String, String>,
    stemmer: &'a mut TextAnalyzer,
    /// `StemAndRecord`: the text, and the tokens stemming changed so far.
    record: Option<(&'a str, Vec<Token>)>,
    /// `KeepChanged` with a recording: the tokens left to give, last first.
    replay: Option<Vec<Token>>,
    /// The token given last when replaying.
    current: Token,
}

impl<S: TokenStream> TokenStream for CachedStemStream<'_, S> {
    fn advance(&mut self) -> bool {
        if let Some(replay) = &mut self.replay {
            return match replay.pop() {
                Some(token) => {
                    self.current = token;
                    true
                }
                None => false,
            };
        }
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
            let changed = *stem != token.text;
            match self.mode {
                Mode::Stem => {
                    token.text.clone_from(stem);
                    return true;
                }
                Mode::StemAndRecord => {
                    if changed && let Some((_, recorded)) = &mut self.record {
                        let written = std::mem::replace(&mut token.text, stem.clone());
                        recorded.push(Token {
                            text: written,
                            ..*token
                        });
                    }
                    return true;
                }
                Mode::KeepChanged if changed => return true,
                Mode::KeepChanged => {}
            }
        }
        if let Some((text, recorded)) = self.record.take() {
            RECORDED.with_borrow_mut(|r| r.put(text, recorded));
        }
        false
    }

    fn token(&self) -> &Token {
        if self.replay.is_some() {
            &self.current
        } else {
            self.tail.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.replay.is_some() {
            &mut self.current
        } else {
            self.tail.token_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{SimpleTokenizer, TextAnalyzer};

    use super::*;

    fn run(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    fn recorded(text: &str) -> Option<Vec<String>> {
        let tokens = RECORDED.with_borrow_mut(|r| r.take(text))?;
        Some(tokens.into_iter().rev().map(|t| t.text).collect())
    }

    #[test]
    fn a_text_read_to_the_end_leaves_its_stemmed_away_words() {
        let mut stem = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RecordingStemmer)
            .build();
        let text = "prisons of the returnees";
        assert_eq!(run(&mut stem, text), ["prison", "of", "the", "returne"]);
        assert_eq!(
            recorded(text),
            Some(vec!["prisons".to_string(), "returnees".to_string()])
        );
        // Taken once; a text only partly read records nothing.
        assert_eq!(recorded(text), None);
        let mut stream = stem.token_stream("returnees left");
        assert!(stream.advance());
        drop(stream);
        assert_eq!(recorded("returnees left"), None);
    }

    #[test]
    fn only_the_last_texts_are_remembered() {
        let mut stem = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RecordingStemmer)
            .build();
        let texts = ["prisons", "returnees", "deportations"];
        for text in texts {
            run(&mut stem, text);
        }
        assert_eq!(recorded(texts[0]), None);
        assert!(recorded(texts[1]).is_some());
        assert!(recorded(texts[2]).is_some());
    }

    #[test]
    fn the_plain_stemmer_records_nothing() {
        let mut stem = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(CachedStemmer)
            .build();
        run(&mut stem, "hostages");
        assert_eq!(recorded("hostages"), None);
    }
}

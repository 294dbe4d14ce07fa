//! Snippets: the part of a passage's text that best shows why it matched, with
//! the matched words marked by byte ranges (renderers decide how to mark them).

use std::ops::Range;

use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;

use crate::Result;
use crate::index::IndexHandle;

/// Longest snippet, in characters.
const MAX_SNIPPET_CHARS: usize = 240;

/// A fragment of a passage with the matched words located.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The fragment (or the start of the text when nothing matched).
    pub text: String,
    /// Byte ranges of matched words in `text`, ordered, not overlapping.
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before the fragment.
    pub cut_before: bool,
    /// Whether text was cut after the fragment.
    pub cut_after: bool,
}

impl Snippet {
    /// The fragment with `open`/`close` around each matched word.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut last = 0;
        for r in &self.highlights {
            out.push_str(&self.text[last..r.start]);
            out.push_str(open);
            out.push_str(&self.text[r.clone()]);
            out.push_str(close);
            last = r.end;
        }
        out.push_str(&self.text[last..]);
        out
    }

    /// The fragment as HTML-ish markup with `<b>…</b>` (SPEC section 3).
    pub fn to_bold(&self) -> String {
        self.marked("<b>", "</b>")
    }
}

/// Snippet maker for one query.
pub(crate) struct Snippets {
    generator: SnippetGenerator,
}

impl Snippets {
    pub(crate) fn new(handle: &IndexHandle, query: &dyn Query) -> Result<Snippets> {
        let mut generator = SnippetGenerator::create(&handle.searcher, query, handle.fields.text)?;
        generator.set_max_num_chars(MAX_SNIPPET_CHARS);
        Ok(Snippets { generator })
    }

    pub(crate) fn of(&self, text: &str) -> Snippet {
        let s = self.generator.snippet(text);
        if s.is_empty() {
            let end = text
                .char_indices()
                .nth(MAX_SNIPPET_CHARS)
                .map_or(text.len(), |(i, _)| i);
            return Snippet {
                text: text[..end].to_string(),
                highlights: Vec::new(),
                cut_before: false,
                cut_after: end < text.len(),
            };
        }
        let range = s.fragment_range();
        Snippet {
            text: s.fragment().to_string(),
            highlights: s.highlighted().to_vec(),
            cut_before: range.start > 0,
            cut_after: range.end < text.len(),
        }
    }
}

//! Sentence boundaries in a passage's text, for snippets cut at sentence ends.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets) followed by a space and a capital, a digit or an opening quote —
//! unless the period closes an abbreviation (`U.S.`, `e.g.`, `vol.`, `op. cit.`,
//! an initial such as `R.`).

use std::ops::Range;

/// Words after which a period is not a sentence end.
const ABBREVIATIONS: [&str; 39] = [
    "al", "approx", "art", "cf", "cit", "co", "col", "dr", "e.g", "ed", "eds", "eg", "etc", "fig",
    "gen", "i.e", "ie", "inc", "jr", "lt", "maj", "mr", "mrs", "ms", "n°", "no", "nos", "op", "p",
    "pp", "prof", "sgt", "sr", "st", "u.n", "u.s", "vol", "vols", "vs",
];

/// Byte ranges of the sentences of `text`, in order, covering it without gaps
/// (leading spaces of a sentence belong to it).
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') && !(c == '.' && is_abbreviation(&text[start..at]))
        {
            // Closing quotes and brackets stay with the sentence they close.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')' | ']') {
                j += 1;
            }
            let space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let opens = k < chars.len()
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_ascii_digit()
                    || matches!(chars[k].1, '“' | '"' | '‘' | '(' | '['));
            if space && opens {
                let end = chars[j].0;
                out.push(start..end);
                start = end;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4;
    single_initial || dotted || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| text[r].trim()).collect()
    }

    #[test]
    fn sentences_end_where_a_reader_would_say() {
        let cases: [(&str, &[&str]); 7] = [
            ("One. Two! Three?", &["One.", "Two!", "Three?"]),
            (
                "The U.S. army left. Then the U.N. came.",
                &["The U.S. army left.", "Then the U.N. came."],
            ),
            (
                "See vol. 42 and pp. 3-4. Next.",
                &["See vol. 42 and pp. 3-4.", "Next."],
            ),
            (
                "Basra, R., & Neumann, P. R. (2016). Criminal pasts.",
                &["Basra, R., & Neumann, P. R. (2016).", "Criminal pasts."],
            ),
            (
                "He said “we lost.” They left.",
                &["He said “we lost.”", "They left."],
            ),
            ("In 2019. 30 people died.", &["In 2019.", "30 people died."]),
            (
                "op. cit. It rose 3.5 per cent in 2020.",
                &["op. cit. It rose 3.5 per cent in 2020."],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }

    #[test]
    fn sentences_cover_the_text() {
        let text = "A first one. A second one, longer. And a last one without end";
        let spans = split(text);
        assert_eq!(spans.first().map(|r| r.start), Some(0));
        assert_eq!(spans.last().map(|r| r.end), Some(text.len()));
        assert!(spans.windows(2).all(|w| w[0].end == w[1].start));
    }
}

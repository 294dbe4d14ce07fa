//! The tokenizer: one pass over the text that cuts it into numbers, words,
//! punctuation and line breaks, each with its byte span, and classifies every
//! short word once through the [`lexicon`].
//!
//! In: the text. Out: [`Token`]s in text order. Whitespace is dropped (two
//! tokens are "glued" when one ends where the next starts); a newline becomes
//! a [`Kind::Break`] that no date expression crosses; URLs become one inert
//! token so that `…/2019/05/…` is never read as a date. Mixed runs of digits
//! and letters are split only in the shapes dates take (`13th`, `1990s`,
//! `15Sep`); anything else (`911km`, `G5`) stays one inert token.

use super::lexicon::{self, Lex, MAX_WORD_LEN};

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// `may`
    Lower,
    /// `May`
    Capital,
    /// `MAY`
    Upper,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII digits: its value (saturating) and how many digits.
    Num { value: u32, digits: u8 },
    /// A run of letters, with its lexicon class.
    Word { lex: Lex, case: Case },
    /// Digits with an ordinal suffix: `13th`, `1st`, `1er`.
    Ordinal(u32),
    /// Digits followed by `s`: `1990s`, `90s`.
    Decade(u32),
    /// A day glued to a month name: `15Sep`, `14april`.
    DayMonth { day: u32, month: u8 },
    /// Any other mix of letters and digits (`911km`, `G5`): never a date.
    Mixed,
    /// One punctuation character.
    Punct(char),
    /// A URL: never a date.
    Url,
    /// One or more line breaks.
    Break,
}

/// A token and its byte range in the text (`start..end`, on char boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
}

/// Cuts `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            if !matches!(
                out.last(),
                Some(Token {
                    kind: Kind::Break,
                    ..
                })
            ) {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    kind: Kind::Break,
                });
            }
            i += 1;
        } else if b.is_ascii_whitespace() {
            i += 1;
        } else if b.is_ascii_alphanumeric() {
            i = alnum_run(text, i, &mut out);
        } else if b < 0x80 {
            out.push(Token {
                start: i,
                end: i + 1,
                kind: Kind::Punct(b as char),
            });
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                i = alnum_run(text, i, &mut out);
            } else {
                if !c.is_whitespace() {
                    out.push(Token {
                        start: i,
                        end: i + c.len_utf8(),
                        kind: Kind::Punct(c),
                    });
                }
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Lexes the run of letters and digits starting at `start`; returns its end.
fn alnum_run(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut digits = 0usize;
    let mut ascii = true;
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_alphanumeric() {
            digits += usize::from(b.is_ascii_digit());
            end += 1;
        } else if b >= 0x80 {
            match text[end..].chars().next() {
                Some(c) if c.is_alphanumeric() => {
                    ascii = false;
                    end += c.len_utf8();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    let run = &text[start..end];
    if digits == 0 {
        if let Some(url_end) = url_end(text, start, end) {
            out.push(Token {
                start,
                end: url_end,
                kind: Kind::Url,
            });
            return url_end;
        }
        out.push(Token {
            start,
            end,
            kind: word_kind(run, ascii),
        });
    } else if digits == run.len() {
        out.push(Token {
            start,
            end,
            kind: number(run),
        });
    } else {
        mixed(run, start, ascii, out);
    }
    end
}

fn number(run: &str) -> Kind {
    Kind::Num {
        value: value_of(run),
        digits: run.len().min(usize::from(u8::MAX)) as u8,
    }
}

/// The value of a run of ASCII digits, saturating.
fn value_of(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |v, b| {
        v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    })
}

/// A word's class and case.
fn word_kind(word: &str, ascii: bool) -> Kind {
    let case = case_of(word);
    let lex = if word.len() > MAX_WORD_LEN {
        Lex::Other
    } else if ascii {
        let mut buf = [0u8; MAX_WORD_LEN];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        lexicon::lookup_bytes(lower)
    } else {
        lexicon::lookup(&word.to_lowercase())
    };
    Kind::Word { lex, case }
}

fn case_of(word: &str) -> Case {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        return match bytes {
            [first, ..] if !first.is_ascii_uppercase() => Case::Lower,
            [_, rest @ ..] if !rest.is_empty() && !rest.iter().any(u8::is_ascii_lowercase) => {
                Case::Upper
            }
            _ => Case::Capital,
        };
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            let rest = chars.as_str();
            if !rest.is_empty() && !rest.chars().any(char::is_lowercase) {
                Case::Upper
            } else {
                Case::Capital
            }
        }
        _ => Case::Lower,
    }
}

/// Digits then letters: an ordinal, a decade, a day glued to its month, or a
/// year glued to a capitalised word (a lost space: `2020Hide`). Anything else
/// is inert.
fn mixed(run: &str, start: usize, ascii: bool, out: &mut Vec<Token>) {
    let split = run
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(run.len());
    let (digits, rest) = run.split_at(split);
    let end = start + run.len();
    if digits.is_empty() || !rest.chars().all(char::is_alphabetic) || digits.len() > 4 {
        out.push(Token {
            start,
            end,
            kind: Kind::Mixed,
        });
        return;
    }
    let value = value_of(digits);
    let lower = rest.to_lowercase();
    let kind = match lower.as_str() {
        "st" | "nd" | "rd" | "th" | "er" | "re" | "e" | "ème" | "eme" if digits.len() <= 2 => {
            Kind::Ordinal(value)
        }
        "s" if value.is_multiple_of(10) => Kind::Decade(value),
        _ => match lexicon::lookup(&lower) {
            Lex::Month(month, _) if digits.len() <= 2 => Kind::DayMonth { day: value, month },
            _ if digits.len() == 4 && rest.starts_with(|c: char| c.is_uppercase()) => {
                let mid = start + digits.len();
                out.push(Token {
                    start,
                    end: mid,
                    kind: number(digits),
                });
                out.push(Token {
                    start: mid,
                    end,
                    kind: word_kind(rest, ascii),
                });
                return;
            }
            _ => Kind::Mixed,
        },
    };
    out.push(Token { start, end, kind });
}

/// The end of a URL starting with the word at `start..word_end`, if it is one.
fn url_end(text: &str, start: usize, word_end: usize) -> Option<usize> {
    let word = &text[start..word_end];
    let rest = &text[word_end..];
    let is_url = (word.eq_ignore_ascii_case("http") || word.eq_ignore_ascii_case("https"))
        && rest.starts_with("://")
        || word.eq_ignore_ascii_case("www") && rest.starts_with('.');
    if !is_url {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')' | ']'))
        .unwrap_or(rest.len());
    Some(word_end + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        tokenize(text).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn numbers_words_and_punctuation() {
        let toks = tokenize("On 29 June, 2,000\n\nmen");
        let texts: Vec<&str> = toks
            .iter()
            .map(|t| &"On 29 June, 2,000\n\nmen"[t.start..t.end])
            .collect();
        assert_eq!(
            texts,
            ["On", "29", "June", ",", "2", ",", "000", "\n", "men"]
        );
        assert_eq!(
            toks[1].kind,
            Kind::Num {
                value: 29,
                digits: 2
            }
        );
    }

    #[test]
    fn mixed_runs() {
        assert_eq!(kinds("13th"), [Kind::Ordinal(13)]);
        assert_eq!(kinds("1990s"), [Kind::Decade(1990)]);
        assert_eq!(kinds("15Sep"), [Kind::DayMonth { day: 15, month: 9 }]);
        assert_eq!(kinds("911km"), [Kind::Mixed]);
        assert_eq!(kinds("G5"), [Kind::Mixed]);
        assert_eq!(
            kinds("2020Hide")[0],
            Kind::Num {
                value: 2020,
                digits: 4
            }
        );
    }

    #[test]
    fn unicode_words_and_urls() {
        let text = "20 Ağustos 2019 <https://example.org/2019/05/x> Şubat";
        let toks = tokenize(text);
        assert!(matches!(
            toks[1].kind,
            Kind::Word {
                lex: Lex::Month(8, _),
                ..
            }
        ));
        assert!(toks.iter().any(|t| t.kind == Kind::Url));
        assert!(!toks.iter().any(|t| t.kind
            == Kind::Num {
                value: 5,
                digits: 2
            }));
        assert!(matches!(
            toks.last().map(|t| t.kind),
            Some(Kind::Word {
                lex: Lex::Month(2, _),
                ..
            })
        ));
    }
}

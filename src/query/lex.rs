//! The query's tokens: brackets, operators, phrases and words, with the
//! byte ranges where they were typed.
//!
//! In: the query text. Out: [`Tok`]ens, or a [`SyntaxError`] for an
//! unclosed quote. The grammar that reads them is `parse`'s.

use std::ops::Range;

/// A syntax error: what is wrong and the byte offset where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// What is wrong, and what would work.
    pub message: String,
    /// Byte offset in the query.
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    Open,
    Close,
    And,
    Or,
    Not,
    Plus,
    Phrase { text: String, slop: u32 },
    Word(String),
}

pub(super) fn lex(q: &str) -> Result<Vec<(Tok, Range<usize>)>, SyntaxError> {
    let mut out = Vec::new();
    let bytes = q.as_bytes();
    let mut i = 0;
    while i < q.len() {
        let c = q[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        match c {
            '(' => {
                out.push((Tok::Open, i..i + 1));
                i += 1;
            }
            ')' => {
                out.push((Tok::Close, i..i + 1));
                i += 1;
            }
            '"' | '“' | '”' => {
                let (text, end) = quoted(q, i)?;
                let (slop, end) = slop_suffix(q, end);
                out.push((Tok::Phrase { text, slop }, start..end));
                i = end;
            }
            '-' | '+' if i + 1 < q.len() && !bytes[i + 1].is_ascii_whitespace() => {
                out.push((if c == '-' { Tok::Not } else { Tok::Plus }, i..i + 1));
                i += 1;
            }
            '-' | '+' => i += 1, // a lone sign is noise
            _ => {
                let end = q[i..]
                    .find(|ch: char| {
                        ch.is_whitespace()
                            || ch == '('
                            || ch == ')'
                            || ch == '"'
                            || ch == '“'
                            || ch == '”'
                    })
                    .map_or(q.len(), |k| i + k);
                let word = &q[i..end];
                let tok = match word {
                    "AND" | "&&" => Tok::And,
                    "OR" | "||" => Tok::Or,
                    "NOT" => Tok::Not,
                    _ => Tok::Word(word.to_string()),
                };
                out.push((tok, start..end));
                i = end;
            }
        }
    }
    Ok(out)
}

/// A quoted phrase starting at `start`; returns its text and the offset after the closing quote.
fn quoted(q: &str, start: usize) -> Result<(String, usize), SyntaxError> {
    let open_len = q[start..].chars().next().map_or(1, char::len_utf8);
    let body = &q[start + open_len..];
    match body.find(['"', '”', '“']) {
        Some(k) => {
            let close_len = body[k..].chars().next().map_or(1, char::len_utf8);
            Ok((body[..k].to_string(), start + open_len + k + close_len))
        }
        None => Err(SyntaxError {
            message: "unclosed quote; hint: end the phrase with \"".into(),
            at: start,
        }),
    }
}

/// `~3` right after a phrase.
fn slop_suffix(q: &str, at: usize) -> (u32, usize) {
    let rest = &q[at..];
    if let Some(digits) = rest.strip_prefix('~') {
        let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
        let slop = n.parse().unwrap_or(1);
        return (slop, at + 1 + n.len());
    }
    (0, at)
}

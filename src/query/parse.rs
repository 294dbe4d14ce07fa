//! The query language: text → an AST whose nodes know where they were typed.
//!
//! Grammar (whitespace separates tokens; `AND`, `OR`, `NOT` only in capitals):
//!
//! ```text
//! query    := or
//! or       := and ( "OR" and )*
//! and      := unary ( "AND"? unary )*          juxtaposition means AND
//! unary    := ( "-" | "NOT" ) unary | "+" unary | primary
//! primary  := "(" or ")" | FIELD ":" value | value
//! value    := phrase | word
//! phrase   := '"' text '"' ( "~" DIGITS )?    a slop lets words sit apart
//! word     := WORDCHARS ( "*" | "~" DIGIT? )?  prefix, or fuzzy (edit distance 1–2)
//! FIELD    := section | doc | kind | country | group | place | person | year | cites
//! ```
//!
//! Lenient where typing is messy and strict where it is ambiguous: a colon
//! after an unknown word (a pasted URL, `N°258:`) is just text; a lone `-` is
//! ignored; lower-case `and`/`or` are words. An unclosed quote or bracket, an
//! operator with nothing to apply to, or a field with no value is an error
//! that points at the column where it happens.

use std::ops::Range;

pub(crate) use super::lex::SyntaxError;
use super::lex::{Tok, lex};
use crate::model::Dimension;

/// A field a query may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldName {
    /// The heading path.
    Section,
    /// A facet dimension (`country:`, `year:`, `cites:`/`source:`…).
    Facet(Dimension),
}

impl FieldName {
    fn parse(name: &str) -> Option<FieldName> {
        let lower = name.to_ascii_lowercase();
        if lower == "section" {
            return Some(FieldName::Section);
        }
        let dim = if lower == "source" {
            Dimension::Cites
        } else {
            Dimension::COUNTED.into_iter().find(|d| d.name() == lower)?
        };
        Some(FieldName::Facet(dim))
    }
}

/// How a word matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Match {
    /// Stemmed, accents ignored.
    Word,
    /// `prison*`: every word starting so.
    Prefix,
    /// `deportaton~`: within this many edits.
    Fuzzy(u8),
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A word as typed.
    Word {
        text: String,
        how: Match,
        span: Range<usize>,
    },
    /// A quoted phrase, with its slop.
    Phrase {
        text: String,
        slop: u32,
        span: Range<usize>,
    },
    /// `field:value`.
    Field {
        field: FieldName,
        value: Box<Node>,
        span: Range<usize>,
    },
    /// All must match.
    And(Vec<Node>),
    /// Any may match.
    Or(Vec<Node>),
    /// Must not match.
    Not(Box<Node>),
}

/// Longest edit distance fuzzy matching allows.
const MAX_FUZZY: u8 = 2;

/// Parses a query; `Ok(None)` for a query with no searchable content.
pub(crate) fn parse(query: &str) -> Result<Option<Node>, SyntaxError> {
    let tokens = lex(query)?;
    let mut p = Parser {
        tokens,
        pos: 0,
        len: query.len(),
        depth: 0,
    };
    if p.tokens.is_empty() {
        return Ok(None);
    }
    let node = p.or()?;
    match p.peek() {
        None => Ok(node),
        Some((Tok::Close, span)) => Err(SyntaxError {
            message: "`)` without a matching `(`".into(),
            at: span.start,
        }),
        Some((_, span)) => Err(SyntaxError {
            message: "unexpected text".into(),
            at: span.start,
        }),
    }
}

struct Parser {
    tokens: Vec<(Tok, Range<usize>)>,
    pos: usize,
    len: usize,
    /// Brackets and negations open around the token being read.
    depth: usize,
}

/// Most brackets and negations one inside the other: deeper nesting is no
/// query a person types, and each level is a stack frame here and in the
/// query builder.
const MAX_DEPTH: usize = 64;

impl Parser {
    fn peek(&self) -> Option<&(Tok, Range<usize>)> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<(Tok, Range<usize>)> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn end(&self) -> usize {
        self.len
    }

    fn or(&mut self) -> Result<Option<Node>, SyntaxError> {
        let mut parts = Vec::new();
        if let Some(n) = self.and()? {
            parts.push(n);
        }
        while let Some((Tok::Or, span)) = self.peek().cloned() {
            self.pos += 1;
            match self.and()? {
                Some(n) => parts.push(n),
                None => {
                    return Err(SyntaxError {
                        message: "`OR` needs something after it".into(),
                        at: span.start,
                    });
                }
            }
            if parts.len() == 1 {
                return Err(SyntaxError {
                    message: "`OR` needs something before it".into(),
                    at: span.start,
                });
            }
        }
        Ok(match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Node::Or(parts)),
        })
    }

    fn and(&mut self) -> Result<Option<Node>, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            match self.peek().cloned() {
                None | Some((Tok::Or | Tok::Close, _)) => break,
                Some((Tok::And, span)) => {
                    self.pos += 1;
                    let follows = matches!(self.peek(), Some((tok, _)) if !matches!(tok, Tok::Or | Tok::Close | Tok::And));
                    if parts.is_empty() || !follows {
                        return Err(SyntaxError {
                            message: "`AND` needs something on both sides".into(),
                            at: span.start,
                        });
                    }
                }
                Some(_) => {
                    if let Some(n) = self.unary()? {
                        parts.push(n);
                    }
                }
            }
        }
        Ok(match parts.len() {
            0 => None,
            1 => parts.pop(),
            _ => Some(Node::And(parts)),
        })
    }

    /// Enters one more level of nesting, or says the query is too deep.
    fn deeper(&mut self, at: usize) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError {
                message: format!(
                    "more than {MAX_DEPTH} brackets or negations one inside the other"
                ),
                at,
            });
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Option<Node>, SyntaxError> {
        match self.peek().cloned() {
            Some((Tok::Not, span)) => {
                self.pos += 1;
                self.deeper(span.start)?;
                let inner = self.unary();
                self.depth -= 1;
                match inner? {
                    Some(n) => Ok(Some(Node::Not(Box::new(n)))),
                    None => Err(SyntaxError {
                        message: "nothing to exclude after `-`/`NOT`".into(),
                        at: span.start,
                    }),
                }
            }
            Some((Tok::Plus, span)) => {
                self.pos += 1;
                self.deeper(span.start)?;
                let inner = self.unary();
                self.depth -= 1;
                inner
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Option<Node>, SyntaxError> {
        let Some((tok, span)) = self.next() else {
            return Ok(None);
        };
        match tok {
            Tok::Open => {
                self.deeper(span.start)?;
                let inner = self.or();
                self.depth -= 1;
                let inner = inner?;
                match self.next() {
                    Some((Tok::Close, _)) => {}
                    _ => {
                        return Err(SyntaxError {
                            message: "unclosed `(`; hint: add a `)`".into(),
                            at: span.start,
                        });
                    }
                }
                inner.map(Some).ok_or(SyntaxError {
                    message: "empty brackets".into(),
                    at: span.start,
                })
            }
            Tok::Phrase { text, slop } => Ok(phrase(text, slop, span)),
            Tok::Word(w) => self.word_or_field(&w, span),
            Tok::Close | Tok::And | Tok::Or | Tok::Not | Tok::Plus => Err(SyntaxError {
                message: "unexpected operator".into(),
                at: span.start,
            }),
        }
    }

    fn word_or_field(&mut self, w: &str, span: Range<usize>) -> Result<Option<Node>, SyntaxError> {
        if let Some((name, rest)) = w.split_once(':')
            && let Some(field) = FieldName::parse(name)
        {
            let value_at = span.start + name.len() + 1;
            let value = if rest.is_empty() {
                match self.peek().cloned() {
                    Some((Tok::Phrase { text, slop }, s)) if s.start == value_at => {
                        self.pos += 1;
                        phrase(text, slop, s)
                    }
                    _ => None,
                }
            } else {
                word(rest, value_at..span.end)
            };
            let Some(value) = value else {
                return Err(SyntaxError {
                    message: format!(
                        "`{name}:` needs a value, e.g. {name}:value or {name}:\"two words\""
                    ),
                    at: value_at.min(self.end()),
                });
            };
            let end = match &value {
                Node::Phrase { span, .. } | Node::Word { span, .. } => span.end,
                _ => span.end,
            };
            return Ok(Some(Node::Field {
                field,
                value: Box::new(value),
                span: span.start..end,
            }));
        }
        if let Some((name, rest)) = w.split_once(':')
            && looks_like_field(name, rest)
        {
            return Err(SyntaxError {
                message: unknown_field(name),
                at: span.start,
            });
        }
        Ok(word(w, span))
    }
}

/// `sectoin:Mali` is a field mistyped; `N°258:`, `https://…`, `16:30` and
/// `Note:` are text.
fn looks_like_field(name: &str, value: &str) -> bool {
    (2..=16).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphabetic())
        && !value.is_empty()
        && !value.starts_with('/')
}

/// The fields a query may name.
fn field_names() -> Vec<&'static str> {
    std::iter::once("section")
        .chain(Dimension::COUNTED.iter().map(|d| d.name()))
        .collect()
}

fn unknown_field(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let names = field_names();
    let close = names
        .iter()
        .min_by_key(|f| edit_distance(&lower, f))
        .filter(|f| edit_distance(&lower, f) <= 2);
    let hint = close.map_or_else(String::new, |f| format!("did you mean `{f}:`? "));
    format!(
        "unknown field `{name}:`; {hint}fields are {}; quote it to search the text (\"{name}:…\")",
        names.join(", ")
    )
}

/// Levenshtein distance of two short ASCII words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<u8> = b.bytes().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

fn phrase(text: String, slop: u32, span: Range<usize>) -> Option<Node> {
    (!text.trim().is_empty()).then_some(Node::Phrase { text, slop, span })
}

/// A word with its `*` or `~N` mark.
fn word(w: &str, span: Range<usize>) -> Option<Node> {
    let (text, how) = if let Some(stem) = w.strip_suffix('*') {
        (stem, Match::Prefix)
    } else if let Some((stem, n)) = w.rsplit_once('~')
        && n.chars().all(|c| c.is_ascii_digit())
        && !stem.is_empty()
    {
        let d = n.parse::<u8>().unwrap_or(1).clamp(1, MAX_FUZZY);
        (stem, Match::Fuzzy(d))
    } else {
        (w, Match::Word)
    };
    let text = text.trim_matches(|c: char| c == '*' || c == '~');
    (text.chars().any(char::is_alphanumeric)).then(|| Node::Word {
        text: text.to_string(),
        how,
        span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact rendering of the AST for tables of cases.
    fn show(n: &Node) -> String {
        match n {
            Node::Word { text, how, .. } => match how {
                Match::Word => text.clone(),
                Match::Prefix => format!("{text}*"),
                Match::Fuzzy(d) => format!("{text}~{d}"),
            },
            Node::Phrase { text, slop, .. } => {
                if *slop > 0 {
                    format!("\"{text}\"~{slop}")
                } else {
                    format!("\"{text}\"")
                }
            }
            Node::Field { field, value, .. } => {
                let name = match field {
                    FieldName::Section => "Section".to_string(),
                    FieldName::Facet(dim) => format!("{dim:?}"),
                };
                format!("{name}:{}", show(value))
            }
            Node::And(c) => format!("(and {})", c.iter().map(show).collect::<Vec<_>>().join(" ")),
            Node::Or(c) => format!("(or {})", c.iter().map(show).collect::<Vec<_>>().join(" ")),
            Node::Not(c) => format!("(not {})", show(c)),
        }
    }

    #[test]
    fn queries_parse_to_the_expected_tree() {
        let cases = [
            ("prison", "prison"),
            ("prison radicalisation", "(and prison radicalisation)"),
            ("prison AND Mali", "(and prison Mali)"),
            (
                "prison OR jail -Bamako",
                "(or prison (and jail (not Bamako)))",
            ),
            (
                "(prison OR jail) NOT Bamako",
                "(and (or prison jail) (not Bamako))",
            ),
            ("\"foreign fighters\"", "\"foreign fighters\""),
            (
                "\"foreign fighters\"~2 returnees",
                "(and \"foreign fighters\"~2 returnees)",
            ),
            ("“curly quotes”", "\"curly quotes\""),
            ("terror*", "terror*"),
            ("deportaton~", "deportaton~1"),
            ("deportaton~2", "deportaton~2"),
            ("deportaton~9", "deportaton~2"),
            ("country:Turkey", "Country:Turkey"),
            (
                "section:\"Threat Perception\"",
                "Section:\"Threat Perception\"",
            ),
            ("Group:Daesh returnees", "(and Group:Daesh returnees)"),
            (
                "https://www.crisisgroup.org/x",
                "https://www.crisisgroup.org/x",
            ),
            ("Report N°258: returnees", "(and Report N°258: returnees)"),
            ("- prison", "prison"),
            ("al-Qaeda", "al-Qaeda"),
            ("jihadists and bandits", "(and jihadists and bandits)"),
            ("+ISIS", "ISIS"),
        ];
        for (input, expected) in cases {
            let got = parse(input)
                .unwrap_or_else(|e| panic!("{input}: {e:?}"))
                .map(|n| show(&n));
            assert_eq!(got.as_deref(), Some(expected), "{input}");
        }
        assert_eq!(parse("   ").expect("parses"), None);
        assert_eq!(parse("***").expect("parses"), None);
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let cases = [
            ("\"foreign fighters", 0, "unclosed quote"),
            ("prison (jail", 7, "unclosed `(`"),
            ("prison (jail OR", 13, "`OR` needs something after"),
            ("prison)", 6, "`)` without"),
            ("prison AND", 7, "`AND` needs"),
            ("AND prison", 0, "`AND` needs"),
            ("prison OR", 7, "`OR` needs something after"),
            ("OR prison", 0, "`OR` needs something before"),
            ("country:", 8, "needs a value"),
            ("prison -", 0, ""),
            ("NOT", 0, "nothing to exclude"),
            ("()", 0, "empty brackets"),
            ("sectoin:Mali", 0, "did you mean `section:`"),
            ("prison topic:jails", 7, "unknown field `topic:`"),
        ];
        for (input, at, message) in cases {
            match parse(input) {
                Err(e) => {
                    assert_eq!(e.at, at, "{input}: {e:?}");
                    assert!(e.message.contains(message), "{input}: {e:?}");
                }
                Ok(n) if message.is_empty() => assert!(n.is_some(), "{input}"),
                Ok(n) => panic!("{input} parsed as {n:?}"),
            }
        }
    }

    #[test]
    fn nesting_is_limited_and_colons_in_text_stay_text() {
        let deep = format!(
            "{}a{}",
            "(".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        let err = parse(&deep).expect_err("too deep");
        assert_eq!(err.at, MAX_DEPTH);
        let fine = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
        assert!(parse(&"-".repeat(MAX_DEPTH + 1)).is_err());
        for text in [
            "Note: prisons",
            "https://example.org/a",
            "N°258:",
            "16:30",
            "a:",
        ] {
            assert!(parse(text).is_ok(), "{text}");
        }
    }
}

//! Fields: Word's computed text (`{ HYPERLINK … }`, `{ NOTEREF … }`,
//! `{ PAGE }`, `{ TOC … }`) → what dossier keeps of them.
//!
//! In: a field's instruction, the text of its `w:instrText` runs (a complex
//! field: `w:fldChar` begin, instruction, separate, result, end) or the
//! `w:instr` of a `w:fldSimple`. Out: a [`Field`] whose [`FieldKind`] says
//! what its displayed result is: a link to an address, a note mark through
//! a bookmark (`NOTEREF _Ref1 \f`, how Word cites a note a second time), a
//! table of contents or index (navigation: dropped), or text to keep as
//! displayed. The instruction itself is never content. Where the result
//! goes is `walk`'s.

/// What a field's displayed result is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FieldKind {
    /// Text kept as displayed (`PAGE`, `DATE`, `REF`, a field dossier does not know).
    Text,
    /// A link to this address (`HYPERLINK "https://…"`).
    Link(String),
    /// A note's mark, cited again through the bookmark around its reference.
    NoteMark(String),
    /// A generated table of contents, of figures, or an index: navigation.
    Navigation,
}

/// A field being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    /// The instruction read so far.
    pub instr: String,
    /// Whether its result is being read (after `separate`).
    pub in_result: bool,
    /// What its result is; known from `separate` on.
    pub kind: FieldKind,
    /// The text its result displays (kept for a note mark whose note is unknown).
    pub shown: String,
    /// Whether its result opened a link that its end closes.
    pub opened_link: bool,
}

impl Field {
    /// A complex field, at its `begin`.
    pub(super) fn begin() -> Field {
        Field {
            instr: String::new(),
            in_result: false,
            kind: FieldKind::Text,
            shown: String::new(),
            opened_link: false,
        }
    }

    /// A simple field (`w:fldSimple`), whose children are its result.
    pub(super) fn simple(instr: &str) -> Field {
        let mut field = Field::begin();
        field.instr = instr.to_string();
        field.separate();
        field
    }

    /// The instruction is complete: its result follows.
    pub(super) fn separate(&mut self) {
        self.in_result = true;
        self.kind = kind(&self.instr);
    }
}

/// Switches of `HYPERLINK` that take an argument (`\l "anchor"`, `\o "tip"`).
const LINK_SWITCHES_WITH_ARGUMENT: [&str; 4] = ["\\l", "\\o", "\\t", "\\m"];

/// What an instruction's result is.
pub(super) fn kind(instr: &str) -> FieldKind {
    let tokens = tokens(instr);
    let Some(name) = tokens.first() else {
        return FieldKind::Text;
    };
    match name.to_ascii_uppercase().as_str() {
        "HYPERLINK" => {
            let mut rest = tokens[1..].iter();
            while let Some(token) = rest.next() {
                if LINK_SWITCHES_WITH_ARGUMENT.contains(&token.as_str()) {
                    rest.next();
                } else if !token.starts_with('\\') && !token.is_empty() {
                    return FieldKind::Link(token.clone());
                }
            }
            FieldKind::Text
        }
        "NOTEREF" => match tokens.get(1) {
            Some(bookmark) if tokens.iter().any(|t| t.eq_ignore_ascii_case("\\f")) => {
                FieldKind::NoteMark(bookmark.clone())
            }
            _ => FieldKind::Text,
        },
        "TOC" | "INDEX" => FieldKind::Navigation,
        _ => FieldKind::Text,
    }
}

/// An instruction's words; a quoted string is one word, without its quotes.
fn tokens(instr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = instr.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            out.push(chars.by_ref().take_while(|&c| c != '"').collect());
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions() {
        let link = |s: &str| FieldKind::Link(s.to_string());
        let cases = [
            (
                r#" HYPERLINK "https://example.org/report" "#,
                link("https://example.org/report"),
            ),
            (r#"HYPERLINK \l "_Toc12" "#, FieldKind::Text),
            (
                r#"HYPERLINK \o "a tip" "https://example.org/x""#,
                link("https://example.org/x"),
            ),
            (
                "hyperlink https://example.org/bare",
                link("https://example.org/bare"),
            ),
            (
                r" NOTEREF _Ref4410 \f \h ",
                FieldKind::NoteMark("_Ref4410".into()),
            ),
            (r" NOTEREF _Ref4410 \h ", FieldKind::Text),
            (r#" TOC \o "1-3" \h \z \u "#, FieldKind::Navigation),
            (" PAGE ", FieldKind::Text),
            ("", FieldKind::Text),
            ("\"unclosed", FieldKind::Text),
        ];
        for (instr, want) in cases {
            assert_eq!(kind(instr), want, "{instr}");
        }
    }

    #[test]
    fn simple_fields_are_read_as_results() {
        let field = Field::simple(r#"HYPERLINK "https://example.org""#);
        assert!(field.in_result);
        assert_eq!(field.kind, FieldKind::Link("https://example.org".into()));
    }
}

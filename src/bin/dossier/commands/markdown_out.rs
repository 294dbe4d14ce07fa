//! `search --format markdown`: each hit as a numbered item for a memo, its
//! pin cite (title, publisher, date, section, ¶ or footnote, page, id) and
//! then its text as a block quote.
//!
//! In: the hits of a page and the rank of the first. Out: Markdown on stdout.
//! The text is escaped so that a `*`, `_` or `<` of a report stays a letter.

use std::io::Write;

use anyhow::Result;
use dossier::{Hit, Passage};

use super::render::{human_day, kind_label};
use crate::output::Out;

/// Writes one item per hit, numbered from `first`.
pub(crate) fn write_hits(out: &mut Out, hits: &[Hit], first: usize) -> Result<()> {
    for (i, hit) in hits.iter().enumerate() {
        let p = &hit.passage;
        writeln!(out, "{}. {}", first + i, pin_cite(p))?;
        writeln!(out)?;
        writeln!(out, "   > {}", escape(&p.text))?;
        writeln!(out)?;
    }
    Ok(())
}

/// `*Title*, Publisher, 29 June 2020, II. Recruitment › A. Who, ¶ 12, p. 4 (`id`)`.
fn pin_cite(p: &Passage) -> String {
    let mut parts = vec![format!("*{}*", escape(&p.doc_title))];
    if let Some(publisher) = &p.doc_publisher {
        parts.push(escape(publisher));
    }
    if let Some(date) = p.doc_published {
        parts.push(human_day(date));
    }
    if !p.section.is_empty() {
        parts.push(escape(&p.section.join(" › ")));
    }
    parts.push(kind_label(p));
    if let Some(page) = p.page {
        parts.push(format!("p. {page}"));
    }
    format!("{} (`{}`)", parts.join(", "), p.id)
}

/// Text with Markdown's markup characters backslash-escaped and line breaks
/// made spaces (a quote is one paragraph).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_characters_stay_letters() {
        for (text, escaped) in [
            ("a *b* _c_", r"a \*b\* \_c\_"),
            ("<b>x</b>", r"\<b\>x\</b\>"),
            ("# one\ntwo", r"\# one two"),
            ("[1] `x` a|b", r"\[1\] \`x\` a\|b"),
            ("Türkiye’s", "Türkiye’s"),
        ] {
            assert_eq!(escape(text), escaped, "{text}");
        }
    }
}

//! Citations for reading: a quotation and an author–date reference line
//! (`Author, Given. 2020. Title. Publisher, 4 May 2020. Section, ¶ 9. URL`),
//! as plain text or as markdown, where the footnotes the passage cites
//! become the quotation's own footnotes.
//!
//! In: the passages, their reports, the quotations. Out: the text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::item::Cited;
use super::locate;
use super::names::Name;
use crate::model::Passage;

/// Plain text: `“quotation”`, a blank line, the reference; entries apart by a blank line.
pub(super) fn text(items: &[Cited<'_>], quotes: &[String]) -> String {
    let entries: Vec<String> = items
        .iter()
        .zip(quotes)
        .map(|(c, quote)| format!("“{quote}”\n\n{}\n", reference(c, &c.doc.title, None)))
        .collect();
    entries.join("\n")
}

/// Markdown: the quotation as a blockquote ending with a marker per footnote
/// the passage cites (the passage does not record where in its text each is
/// cited), the reference, then the footnotes' texts as definitions, each
/// note defined once.
pub(super) fn markdown(items: &[Cited<'_>], quotes: &[String]) -> String {
    let labels = note_labels(items);
    let mut defined: Vec<&str> = Vec::new();
    let mut entries = Vec::new();
    for (c, quote) in items.iter().zip(quotes) {
        let mut entry = format!("> {}", escape(quote));
        for f in c.footnotes {
            write!(entry, "[^{}]", labels[f.id.as_str()]).expect("writing to a String");
        }
        let title = format!("*{}*", escape(&c.doc.title));
        let url = c.doc.url.as_ref().map(|u| format!("<{u}>"));
        write!(entry, "\n\n{}\n", reference(c, &title, url)).expect("writing to a String");
        let notes: Vec<&Passage> = c
            .footnotes
            .iter()
            .filter(|f| !defined.contains(&f.id.as_str()))
            .collect();
        if !notes.is_empty() {
            entry.push('\n');
        }
        for f in notes {
            defined.push(&f.id);
            let label = &labels[f.id.as_str()];
            writeln!(entry, "[^{label}]: {}", escape(&f.text)).expect("writing to a String");
        }
        entries.push(entry);
    }
    entries.join("\n")
}

/// The markdown label of every footnote cited: its number, or
/// `doc-number` when notes of two documents share the number.
fn note_labels<'a>(items: &[Cited<'a>]) -> BTreeMap<&'a str, String> {
    let notes: Vec<&Passage> = items.iter().flat_map(|c| c.footnotes).collect();
    notes
        .iter()
        .map(|f| {
            let shared = notes.iter().any(|o| o.n == f.n && o.doc != f.doc);
            let label = if shared {
                format!("{}-{}", f.doc, f.n)
            } else {
                f.n.to_string()
            };
            (f.id.as_str(), label)
        })
        .collect()
}

/// The reference line; `title` and `url` come styled for the format.
fn reference(c: &Cited<'_>, title: &str, url: Option<String>) -> String {
    let doc = c.doc;
    let year = doc
        .published
        .map_or_else(|| "n.d".to_string(), |d| d.year().to_string());
    let creators = creators(&doc.authors);
    let publisher_leads = creators.is_empty() && doc.publisher.is_some();
    let mut parts = Vec::new();
    if publisher_leads {
        parts.push(doc.publisher.clone().unwrap_or_default());
        parts.extend([year, title.to_string()]);
    } else if creators.is_empty() {
        parts.extend([title.to_string(), year]);
    } else {
        parts.extend([creators, year, title.to_string()]);
    }
    let mut imprint: Vec<String> = doc.series.iter().cloned().collect();
    if !publisher_leads {
        imprint.extend(doc.publisher.iter().cloned());
    }
    imprint.extend(doc.published.map(|d| d.strftime("%-d %B %Y").to_string()));
    if !imprint.is_empty() {
        parts.push(imprint.join(", "));
    }
    parts.push(locate::pin(c.passage));
    let mut line: String = parts
        .iter()
        .map(|p| sentence(p))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(url) = url.or_else(|| doc.url.clone()) {
        line.push(' ');
        line.push_str(&url);
    }
    line
}

/// `van der Heide, Liesbeth, and Julie Coleman`: the first name inverted.
fn creators(authors: &[String]) -> String {
    let names: Vec<String> = authors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = Name::parse(a);
            if i == 0 {
                name.inverted()
            } else {
                name.direct()
            }
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// A part of the reference with its closing period (none doubled).
fn sentence(part: &str) -> String {
    if part.ends_with(['.', '?', '!']) || part.ends_with(".*") {
        part.to_string()
    } else {
        format!("{part}.")
    }
}

/// Text safe inside a markdown paragraph: inline markup characters
/// backslashed, and a start that would open a heading or a list.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let opens_block =
        out.starts_with(['#', '-', '+']) || (digits > 0 && out[digits..].starts_with(['.', ')']));
    if opens_block && digits == 0 {
        out.insert(0, '\\');
    } else if opens_block {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup_and_block_openers() {
        let cases = [
            ("plain words", "plain words"),
            (
                "a *b* _c_ [d](e) `f` <g>",
                r"a \*b\* \_c\_ \[d\](e) \`f\` \<g\>",
            ),
            (r"back\slash", r"back\\slash"),
            ("# not a heading", r"\# not a heading"),
            ("- not an item", r"\- not an item"),
            ("12. not an item", r"12\. not an item"),
            ("3) not an item", r"3\) not an item"),
            ("2020 was a year", "2020 was a year"),
        ];
        for (text, expected) in cases {
            assert_eq!(escape(text), expected, "{text:?}");
        }
    }

    #[test]
    fn creators_list_the_first_name_inverted() {
        let cases: [(&[&str], &str); 4] = [
            (&[], ""),
            (&["Julie Coleman"], "Coleman, Julie"),
            (
                &["Liesbeth van der Heide", "Julie Coleman"],
                "van der Heide, Liesbeth, and Julie Coleman",
            ),
            (&["A B", "C D", "Some Group"], "B, A, C D, and Some Group"),
        ];
        for (authors, expected) in cases {
            let authors: Vec<String> = authors.iter().map(ToString::to_string).collect();
            assert_eq!(creators(&authors), expected);
        }
    }
}

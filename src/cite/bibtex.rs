//! BibTeX: one entry per passage, `@techreport` for a report, `@misc` for a
//! web page (classic BibTeX has no `@online`; biblatex reads `@misc` too),
//! with the pin cite in `note`.
//!
//! The key is stable across runs: the first author's family name (or the
//! publisher's, or the title's slug), the year, and the passage id
//! (`heide2020-icct-mali-prisons-p9`), so two passages of one report are two
//! entries. Field values are escaped for BibTeX; the `url` is written as is,
//! since `url` fields are read verbatim.
//!
//! In: the passages and their reports. Out: the entries.

use std::fmt::Write as _;

use super::item::{Cited, WorkType};
use super::locate;
use super::names::Name;
use crate::fold;

/// The entries, a blank line apart.
pub(super) fn entries(items: &[Cited<'_>]) -> String {
    items.iter().map(entry).collect::<Vec<_>>().join("\n")
}

fn entry(c: &Cited<'_>) -> String {
    let doc = c.doc;
    let kind = match WorkType::of(doc) {
        WorkType::Report => "techreport",
        WorkType::Webpage => "misc",
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    if !doc.authors.is_empty() {
        let names: Vec<String> = doc
            .authors
            .iter()
            .map(|a| match Name::parse(a) {
                // Braces keep an organisation's name whole.
                Name::Literal(name) => format!("{{{}}}", escape(&name)),
                person @ Name::Person { .. } => escape(&person.inverted()),
            })
            .collect();
        fields.push(("author", names.join(" and ")));
    }
    // Double braces keep the title's capitals.
    fields.push(("title", format!("{{{}}}", escape(&doc.title))));
    if let Some(publisher) = &doc.publisher {
        let field = match WorkType::of(doc) {
            WorkType::Report => "institution",
            WorkType::Webpage => "publisher",
        };
        fields.push((field, escape(publisher)));
    }
    if let Some(place) = &doc.place {
        fields.push(("address", escape(place)));
    }
    if let Some(series) = &doc.series {
        fields.push(("type", escape(series)));
    }
    if let Some(date) = doc.published {
        fields.push(("year", date.year().to_string()));
        fields.push(("date", date.to_string()));
    }
    if let Some(url) = &doc.url {
        fields.push(("url", url.replace('{', "%7B").replace('}', "%7D")));
    }
    fields.push(("note", escape(&locate::pin(c.passage))));
    let mut out = format!("@{kind}{{{},\n", key(c));
    for (name, value) in &fields {
        writeln!(out, "  {name} = {{{value}}},").expect("writing to a String");
    }
    out.push_str("}\n");
    out
}

/// `heide2020-icct-mali-prisons-p9`.
fn key(c: &Cited<'_>) -> String {
    let doc = c.doc;
    let name = match doc.authors.first() {
        Some(author) => Name::parse(author).key(),
        None => fold::slug(doc.publisher.as_deref().unwrap_or(&doc.title)).replace('-', ""),
    };
    let year = doc
        .published
        .map(|d| d.year().to_string())
        .unwrap_or_default();
    let id = fold::slug(&c.passage.id);
    format!("{name}{year}-{id}")
}

/// A value safe between BibTeX braces: its special characters escaped.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str(r"\textbackslash{}"),
            '~' => out.push_str(r"\textasciitilde{}"),
            '^' => out.push_str(r"\textasciicircum{}"),
            '{' | '}' | '&' | '%' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_escaped_for_bibtex() {
        let cases = [
            ("Plain title", "Plain title"),
            ("Crime & Punishment", r"Crime \& Punishment"),
            ("50% of #1 cases", r"50\% of \#1 cases"),
            ("snake_case", r"snake\_case"),
            ("{braces}", r"\{braces\}"),
            ("$5", r"\$5"),
            (r"a\b", r"a\textbackslash{}b"),
            ("~ and ^", r"\textasciitilde{} and \textasciicircum{}"),
            ("Türkiye’s ¶ 12", "Türkiye’s ¶ 12"),
        ];
        for (value, expected) in cases {
            assert_eq!(escape(value), expected, "{value:?}");
        }
    }
}

//! Document properties: `docProps/core.xml` and `docProps/app.xml` → the
//! metadata a Word file carries.
//!
//! In: the texts of the core and extended properties parts. Out: a
//! [`DocMeta`] with the title (`dc:title`), authors (`dc:creator`, split at
//! `;`), publication date (`dcterms:modified`, the last save of the final
//! text, else `dcterms:created`) and publisher (`Company`). The last editor
//! (`cp:lastModifiedBy`) is no author. Values Office fills in by itself
//! ("Windows User", "Microsoft") are dropped: they are listed in
//! `data/docx_placeholders.toml`. Properties are metadata only: a damaged
//! properties part gives what was read before the damage.
//!
//! The title block's styled lines are metadata too ([`title_block`]): the
//! authors of `Author` paragraphs when the properties name none, and the
//! date a `Date` paragraph displays, which is the date the document gives
//! itself (the properties' dates are saves, and a converter's are the
//! conversion's).

use std::sync::LazyLock;

use jiff::civil::Date;
use quick_xml::events::Event;
use serde::Deserialize;

use super::model::{Para, Piece};
use super::styles::Role;
use super::xml;
use crate::model::DocMeta;

/// The placeholder list.
const PLACEHOLDERS_TOML: &str = include_str!("../../../data/docx_placeholders.toml");

/// Dates before this year are no save date (some tools write
/// `1601-01-01` or `1899-12-30` for "none").
const EARLIEST_YEAR: i16 = 1980;

/// Author and company names that are no one's.
#[derive(Debug, Default, Deserialize)]
struct Placeholders {
    authors: Vec<String>,
    companies: Vec<String>,
}

static PLACEHOLDERS: LazyLock<Placeholders> = LazyLock::new(|| {
    toml::from_str(PLACEHOLDERS_TOML)
        .expect("data/docx_placeholders.toml is valid (a unit test reads it)")
});

fn is_placeholder(list: &[String], value: &str) -> bool {
    list.iter().any(|p| p.eq_ignore_ascii_case(value))
}

/// The metadata of the core (`core`) and extended (`app`) properties.
pub(super) fn read(core: Option<&str>, app: Option<&str>) -> DocMeta {
    let mut meta = DocMeta::default();
    let core = core.map(|t| texts(t, &["title", "creator", "created", "modified"]));
    if let Some([title, creator, created, modified]) = core.as_deref() {
        meta.title = one_line(title);
        meta.authors = creator
            .split(';')
            .map(one_line)
            .filter(|a| !a.is_empty() && !is_placeholder(&PLACEHOLDERS.authors, a))
            .collect();
        meta.published = date(modified).or_else(|| date(created));
    }
    let app = app.map(|t| texts(t, &["Company"]));
    if let Some([company]) = app.as_deref() {
        let company = one_line(company);
        if !company.is_empty() && !is_placeholder(&PLACEHOLDERS.companies, &company) {
            meta.publisher = Some(company);
        }
    }
    meta
}

/// Takes the `Author` and `Date` paragraphs of the body into `meta`; a
/// date line whose date cannot be read stays a paragraph.
pub(super) fn title_block(paras: Vec<Para>, meta: &mut DocMeta) -> Vec<Para> {
    let mut authors = Vec::new();
    let mut shown_date = None;
    let mut out = Vec::with_capacity(paras.len());
    for mut para in paras {
        match para.role {
            Role::Author => authors.extend(names(&plain(&para))),
            Role::Date => {
                if let Some(d) = displayed_date(&plain(&para)) {
                    shown_date = shown_date.or(Some(d));
                } else {
                    para.role = Role::Body;
                    out.push(para);
                }
            }
            _ => out.push(para),
        }
    }
    if meta.authors.is_empty() {
        meta.authors = authors;
    }
    meta.published = shown_date.or(meta.published);
    out
}

/// A paragraph's text, without its note references.
fn plain(para: &Para) -> String {
    let text: String = para
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    one_line(&text)
}

/// `A, B and C` → `[A, B, C]`.
fn names(line: &str) -> Vec<String> {
    line.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(one_line)
        .filter(|n| !n.is_empty() && !is_placeholder(&PLACEHOLDERS.authors, n))
        .collect()
}

/// Date formats of a date line: `2024-05-02`, `2 May 2024`, `May 2, 2024`.
const DATE_LINE_FORMATS: [&str; 5] = ["%Y-%m-%d", "%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y"];

/// The date a date line displays.
fn displayed_date(line: &str) -> Option<Date> {
    let cleaned = line.replace(',', " ");
    let cleaned = one_line(&cleaned);
    DATE_LINE_FORMATS
        .iter()
        .find_map(|f| Date::strptime(f, &cleaned).ok())
        .filter(|d| d.year() >= EARLIEST_YEAR)
}

/// The text of the first element of each local name, in `names`' order.
fn texts(text: &str, names: &[&str]) -> Vec<String> {
    let mut out = vec![String::new(); names.len()];
    let mut seen = vec![false; names.len()];
    let mut reader = xml::reader(text);
    let mut current: Option<usize> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                current = names
                    .iter()
                    .position(|n| *n == e.local_name().as_ref())
                    .filter(|&i| !seen[i]);
            }
            Ok(Event::End(_)) => {
                if let Some(i) = current.take() {
                    seen[i] = true;
                }
            }
            Ok(Event::Text(t)) => {
                if let Some(i) = current {
                    out[i].push_str(&t.xml10_content());
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let (Some(i), Some(s)) = (current, xml::reference(&r)) {
                    out[i].push_str(&s);
                }
            }
            Ok(Event::Eof) | Err(_) => return out,
            Ok(_) => {}
        }
    }
}

/// White space collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The date of a W3C date-time (`2021-03-04T10:00:00Z`).
fn date(text: &str) -> Option<Date> {
    let day = text.trim().get(..10)?;
    day.parse::<Date>()
        .ok()
        .filter(|d| d.year() >= EARLIEST_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Prison  Radicalisation &amp;
 Release</dc:title>
<dc:creator>Ana Ruiz; Windows User;  Tomas Berg </dc:creator>
<cp:lastModifiedBy>Editor Desk</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">2020-11-02T09:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2021-02-15T17:45:00Z</dcterms:modified>
</cp:coreProperties>"#;

    #[test]
    fn core_and_app_properties() {
        let app = "<Properties><Company>Sahel Policy Unit</Company></Properties>";
        let meta = read(Some(CORE), Some(app));
        assert_eq!(meta.title, "Prison Radicalisation & Release");
        assert_eq!(meta.authors, ["Ana Ruiz", "Tomas Berg"]);
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2021-02-15")
        );
        assert_eq!(meta.publisher.as_deref(), Some("Sahel Policy Unit"));
    }

    #[test]
    fn placeholders_and_odd_dates_are_dropped() {
        let core = "<c><creator>Microsoft Office User</creator><modified>1601-01-01T00:00:00Z</modified><created>2019-05-06T00:00:00Z</created></c>";
        let meta = read(
            Some(core),
            Some("<Properties><Company>Microsoft</Company></Properties>"),
        );
        assert!(meta.authors.is_empty());
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2019-05-06")
        );
        assert_eq!(meta.publisher, None);
        assert_eq!(read(None, None), DocMeta::default());
    }

    #[test]
    fn broken_properties_give_what_was_read() {
        let meta = read(Some("<c><title>Kept</title><creator>Cut"), None);
        assert_eq!(meta.title, "Kept");
    }

    #[test]
    fn title_block_lines_are_metadata() {
        let para = |role, text: &str| Para {
            role,
            pieces: vec![Piece::Text(text.into())],
        };
        let paras = vec![
            para(Role::Title, "A Title"),
            para(Role::Author, "Sara Lindqvist"),
            para(Role::Author, "Omar Haddad and Li Wen"),
            para(Role::Date, "May 2, 2024"),
            para(Role::Date, "Spring, not a date"),
            para(Role::Body, "Text."),
        ];
        let mut meta = DocMeta::default();
        let left = title_block(paras.clone(), &mut meta);
        assert_eq!(meta.authors, ["Sara Lindqvist", "Omar Haddad", "Li Wen"]);
        assert_eq!(
            meta.published.map(|d| d.to_string()).as_deref(),
            Some("2024-05-02")
        );
        let roles: Vec<Role> = left.iter().map(|p| p.role).collect();
        assert_eq!(roles, [Role::Title, Role::Body, Role::Body]);
        // Authors from the properties come first.
        let mut meta = DocMeta {
            authors: vec!["From Core".into()],
            ..DocMeta::default()
        };
        title_block(paras, &mut meta);
        assert_eq!(meta.authors, ["From Core"]);
        for (line, want) in [
            ("2024-05-02", Some("2024-05-02")),
            ("2 May 2024", Some("2024-05-02")),
            ("1 Jan 1601", None),
        ] {
            assert_eq!(
                displayed_date(line).map(|d| d.to_string()).as_deref(),
                want,
                "{line}"
            );
        }
    }

    #[test]
    fn placeholder_list_reads() {
        assert!(PLACEHOLDERS.authors.len() > 3 && PLACEHOLDERS.companies.len() > 3);
    }
}

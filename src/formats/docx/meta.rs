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

use std::sync::LazyLock;

use jiff::civil::Date;
use quick_xml::events::Event;
use serde::Deserialize;

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
    fn placeholder_list_reads() {
        assert!(PLACEHOLDERS.authors.len() > 3 && PLACEHOLDERS.companies.len() > 3);
    }
}

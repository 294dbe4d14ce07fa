//! Metadata: the Info dictionary and the XMP packet → [`DocMeta`], and the
//! date a report prints on its first page.
//!
//! In: the raw metadata strings (`extract`), or a line of text. Out: the
//! title (Info `/Title`, else XMP `dc:title`), the authors (XMP
//! `dc:creator`, else Info `/Author` split at `;`, or at `,` when every
//! part is a full name), the publisher (XMP `dc:publisher`), the
//! publication date (XMP `xmp:CreateDate`, else Info `/CreationDate`,
//! which a date printed on the first page replaces: `front`). What
//! printer drivers and generators fill in by themselves
//! (`data/pdf_placeholders.toml`) is no metadata.

use std::sync::LazyLock;

use jiff::civil::Date;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use serde::Deserialize;

use super::extract::RawMeta;
use crate::model::DocMeta;

/// The placeholder list.
const PLACEHOLDERS_TOML: &str = include_str!("../../../data/pdf_placeholders.toml");

/// Dates before this year are no creation date (tools write zeros).
const EARLIEST_YEAR: i16 = 1980;
/// Longest title, in characters.
const MAX_TITLE_CHARS: usize = 300;

/// Titles and authors that are nobody's.
#[derive(Debug, Default, Deserialize)]
struct Placeholders {
    titles: Vec<String>,
    title_prefixes: Vec<String>,
    file_extensions: Vec<String>,
    authors: Vec<String>,
}

static PLACEHOLDERS: LazyLock<Placeholders> = LazyLock::new(|| {
    toml::from_str(PLACEHOLDERS_TOML)
        .expect("data/pdf_placeholders.toml is valid (a unit test reads it)")
});

/// The metadata of a PDF's Info dictionary and XMP packet.
pub(super) fn read(raw: &RawMeta) -> DocMeta {
    let xmp = raw.xmp.as_deref().map(Xmp::parse).unwrap_or_default();
    let mut meta = DocMeta {
        title: [raw.title.as_deref(), xmp.title.as_deref()]
            .into_iter()
            .flatten()
            .map(one_line)
            .find(|t| is_title(t))
            .unwrap_or_default(),
        ..DocMeta::default()
    };
    // Word writes the whole author line, then each name, as XMP creators.
    let listed_authors: Vec<String> = if xmp.creators.is_empty() {
        raw.author.as_deref().map(split_authors).unwrap_or_default()
    } else {
        xmp.creators.iter().flat_map(|c| split_authors(c)).collect()
    };
    for author in listed_authors {
        if !author.is_empty()
            && !listed(&PLACEHOLDERS.authors, &author)
            && !meta.authors.contains(&author)
        {
            meta.authors.push(author);
        }
    }
    meta.publisher = xmp
        .publisher
        .map(|p| one_line(&p))
        .filter(|p| !p.is_empty());
    meta.published = xmp
        .created
        .as_deref()
        .and_then(w3c_date)
        .or_else(|| raw.created.as_deref().and_then(pdf_date));
    meta
}

fn listed(list: &[String], value: &str) -> bool {
    list.iter().any(|p| p.eq_ignore_ascii_case(value.trim()))
}

/// Whether a metadata title is a title, not a placeholder or a file name.
fn is_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    !title.is_empty()
        && title.chars().count() <= MAX_TITLE_CHARS
        && title.chars().any(char::is_alphabetic)
        && !listed(&PLACEHOLDERS.titles, title)
        && !PLACEHOLDERS
            .title_prefixes
            .iter()
            .any(|p| lower.starts_with(p.as_str()))
        && !PLACEHOLDERS
            .file_extensions
            .iter()
            .any(|e| lower.ends_with(e.as_str()))
}

/// `A; B` → `[A, B]`; `A B, C D` → `[A B, C D]`; `Smith, John` stays whole.
fn split_authors(list: &str) -> Vec<String> {
    let list = one_line(list);
    if list.contains(';') {
        return list.split(';').map(|a| a.trim().to_string()).collect();
    }
    let parts: Vec<&str> = list
        .split([',', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 && parts.iter().all(|p| p.contains(' ')) {
        parts.into_iter().map(str::to_string).collect()
    } else {
        vec![list]
    }
}

/// White space collapsed to single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The date of a PDF date string (`D:20200504120000+02'00'`).
fn pdf_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let digits = t.strip_prefix("D:").unwrap_or(t).get(..8)?;
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i16 = digits[..4].parse().ok()?;
    let month: i8 = digits[4..6].parse().ok()?;
    let day: i8 = digits[6..8].parse().ok()?;
    Date::new(year, month, day)
        .ok()
        .filter(|d| d.year() >= EARLIEST_YEAR)
}

/// The date of a W3C date-time (`2021-03-04T10:00:00Z`).
fn w3c_date(text: &str) -> Option<Date> {
    text.trim()
        .get(..10)?
        .parse::<Date>()
        .ok()
        .filter(|d| d.year() >= EARLIEST_YEAR)
}

/// Date formats of a printed date, after commas and ordinal suffixes are gone.
const PRINTED_DATE_FORMATS: [&str; 5] =
    ["%B %d %Y", "%d %B %Y", "%b %d %Y", "%d %b %Y", "%Y-%m-%d"];
/// Words a printed date line may have before its date (`Updated`, `Published on`).
const MAX_DATE_LEAD_WORDS: usize = 2;

/// The date a date line prints (`April 9, 2026`, `Updated 9 April 2026`).
pub(super) fn printed_date(line: &str) -> Option<Date> {
    let cleaned = line.replace(',', " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 + MAX_DATE_LEAD_WORDS {
        return None;
    }
    (0..=MAX_DATE_LEAD_WORDS.min(words.len() - 1)).find_map(|lead| {
        if !words[..lead]
            .iter()
            .all(|w| w.chars().all(char::is_alphabetic))
        {
            return None;
        }
        let rest: Vec<String> = words[lead..].iter().map(|w| without_ordinal(w)).collect();
        let rest = rest.join(" ");
        PRINTED_DATE_FORMATS
            .iter()
            .find_map(|f| Date::strptime(f, &rest).ok())
            .filter(|d| d.year() >= EARLIEST_YEAR)
    })
}

/// `9th` → `9`.
fn without_ordinal(word: &str) -> String {
    let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && digits.len() < word.len()
    {
        digits.to_string()
    } else {
        word.to_string()
    }
}

/// What an XMP packet says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Xmp {
    title: Option<String>,
    creators: Vec<String>,
    publisher: Option<String>,
    created: Option<String>,
}

/// The XMP property whose text is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Creator,
    Publisher,
    Created,
}

impl Xmp {
    /// Reads `dc:title` and `dc:publisher` (their first `rdf:li`),
    /// `dc:creator` (every `rdf:li`) and `xmp:CreateDate` (element or attribute).
    fn parse(xml: &str) -> Xmp {
        let mut out = Xmp::default();
        let mut reader = Reader::from_str(xml);
        let mut path: Vec<String> = Vec::new();
        let mut field: Option<Field> = None;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => {
                    out.attributes(&e);
                    let name = local(&e);
                    field = out.open(&path, &name).or(field);
                    path.push(name);
                }
                Ok(Event::Empty(e)) => out.attributes(&e),
                Ok(Event::End(_)) => {
                    if path.pop().is_some_and(|n| n == "li" || n == "CreateDate") {
                        field = None;
                    }
                }
                Ok(Event::Text(t)) => out.push(field, &t.xml10_content()),
                Ok(Event::GeneralRef(r)) => {
                    let c = r.resolve_char_ref().ok().flatten().map(String::from);
                    let text = c.or_else(|| {
                        quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                            .map(str::to_string)
                    });
                    out.push(field, &text.unwrap_or_default());
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        out
    }

    /// The field an element opens, making room for its text.
    fn open(&mut self, path: &[String], name: &str) -> Option<Field> {
        let within = |container: &str| path.iter().any(|p| p == container);
        match name {
            "li" if within("creator") => {
                self.creators.push(String::new());
                Some(Field::Creator)
            }
            "li" if within("title") && self.title.is_none() => {
                self.title = Some(String::new());
                Some(Field::Title)
            }
            "li" if within("publisher") && self.publisher.is_none() => {
                self.publisher = Some(String::new());
                Some(Field::Publisher)
            }
            "CreateDate" if self.created.is_none() => {
                self.created = Some(String::new());
                Some(Field::Created)
            }
            _ => None,
        }
    }

    fn push(&mut self, field: Option<Field>, text: &str) {
        let slot = match field {
            Some(Field::Title) => self.title.as_mut(),
            Some(Field::Creator) => self.creators.last_mut(),
            Some(Field::Publisher) => self.publisher.as_mut(),
            Some(Field::Created) => self.created.as_mut(),
            None => None,
        };
        if let Some(slot) = slot {
            slot.push_str(text);
        }
    }

    fn attributes(&mut self, e: &BytesStart<'_>) {
        for a in e.attributes().with_checks(false).flatten() {
            if a.key.local_name().as_ref() == "CreateDate" && self.created.is_none() {
                self.created = Some(a.value.to_string());
            }
        }
    }
}

/// An element's local name (`dc:title` → `title`).
fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const XMP_ELEMENTS: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Soft Targets &amp; Prisons</rdf:li><rdf:li xml:lang="fr">Cibles</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Shawn Example</rdf:li><rdf:li>Ada Sample</rdf:li></rdf:Seq></dc:creator>
<dc:publisher><rdf:Bag><rdf:li>Test Institute</rdf:li></rdf:Bag></dc:publisher>
<xmp:CreateDate>2026-04-09T10:00:00Z</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta>"#;

    #[test]
    fn xmp_properties_in_element_and_attribute_form() {
        let xmp = Xmp::parse(XMP_ELEMENTS);
        assert_eq!(xmp.title.as_deref(), Some("Soft Targets & Prisons"));
        assert_eq!(xmp.creators, ["Shawn Example", "Ada Sample"]);
        assert_eq!(xmp.publisher.as_deref(), Some("Test Institute"));
        assert_eq!(xmp.created.as_deref(), Some("2026-04-09T10:00:00Z"));
        let attr = Xmp::parse(
            r#"<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2019-02-03T04:05:06+01:00"/>"#,
        );
        assert_eq!(attr.created.as_deref(), Some("2019-02-03T04:05:06+01:00"));
        assert_eq!(Xmp::parse("<broken").title, None);
    }

    #[test]
    fn info_and_xmp_make_the_metadata_placeholders_aside() {
        let raw = RawMeta {
            title: Some("Microsoft Word - draft_v3.docx".into()),
            author: Some("Ada Example; Ben Sample".into()),
            created: Some("D:20200504120000+02'00'".into()),
            xmp: None,
        };
        let meta = read(&raw);
        assert_eq!(meta.title, "");
        assert_eq!(meta.authors, ["Ada Example", "Ben Sample"]);
        assert_eq!(meta.published, Some(jiff::civil::date(2020, 5, 4)));
        let raw = RawMeta {
            title: None,
            author: Some("anonymous".into()),
            created: Some("D:20000101000000Z".into()),
            xmp: Some(XMP_ELEMENTS.into()),
        };
        let meta = read(&raw);
        assert_eq!(meta.title, "Soft Targets & Prisons");
        assert_eq!(meta.authors, ["Shawn Example", "Ada Sample"]);
        assert_eq!(meta.publisher.as_deref(), Some("Test Institute"));
        assert_eq!(meta.published, Some(jiff::civil::date(2026, 4, 9)));
    }

    #[test]
    fn author_lists_split_only_between_full_names() {
        let cases: [(&str, &[&str]); 5] = [
            (
                "John Frittelli, Ben Goldman",
                &["John Frittelli", "Ben Goldman"],
            ),
            ("Smith, John", &["Smith, John"]),
            ("Ada Example; Ben Sample", &["Ada Example", "Ben Sample"]),
            ("Jane Roe and Omar Diallo", &["Jane Roe", "Omar Diallo"]),
            ("Crisis Group", &["Crisis Group"]),
        ];
        for (list, want) in cases {
            assert_eq!(split_authors(list), want, "{list}");
        }
    }

    #[test]
    fn dates_printed_and_stored() {
        for (text, want) in [
            ("April 9, 2026", Some((2026, 4, 9))),
            ("Updated April 9, 2026", Some((2026, 4, 9))),
            ("Published on 3rd May 2021", Some((2021, 5, 3))),
            ("2020-05-04", Some((2020, 5, 4))),
            ("A Test Report, 4 May 2020", None),
            ("In April 9, 2026 the talks resumed", None),
            ("April 2026", None),
        ] {
            let want = want.map(|(y, m, d)| jiff::civil::date(y, m, d));
            assert_eq!(printed_date(text), want, "{text}");
        }
        assert_eq!(
            pdf_date("D:2026041013"),
            Some(jiff::civil::date(2026, 4, 10))
        );
        assert_eq!(pdf_date("D:0000"), None);
        assert_eq!(w3c_date("1601-01-01T00:00:00Z"), None);
        assert!(!PLACEHOLDERS.authors.is_empty());
    }
}

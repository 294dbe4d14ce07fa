//! A page's own metadata: `<meta>` tags, `<title>`, the canonical link and
//! JSON-LD → a [`DocMeta`].
//!
//! In: a [`Dom`]. Out: title, authors, publication date, publisher and URL,
//! each from the most specific source that gives it: Highwire Press
//! `citation_*` tags (what scholarly publishers and Google Scholar use),
//! then Dublin Core (`DC.*`, `DCTERMS.*`), then `OpenGraph` and `article:*`,
//! then plain `author`/`date` tags and JSON-LD, then `<title>` (and, for
//! the date, the `<time>` marked as the publication date). A title
//! carrying the site's name (`Report | Site`, `Report - Wikipedia`) keeps
//! the part the page's `<h1>` or nothing else says. Unknown fields stay
//! empty; the text and `sources.toml` may fill them later.

use jiff::civil::Date;

use super::dom::{DOCUMENT, Dom, NodeId};
use crate::model::DocMeta;

/// Tag names giving each field, most specific first (lower case).
const TITLE_KEYS: [&str; 6] = [
    "citation_title",
    "dc.title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "title",
];
const AUTHOR_KEYS: [&str; 6] = [
    "citation_author",
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
];
const DATE_KEYS: [&str; 14] = [
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publish-date",
    "date",
];
const PUBLISHER_KEYS: [&str; 6] = [
    "citation_publisher",
    "citation_technical_report_institution",
    "dc.publisher",
    "dcterms.publisher",
    "citation_dissertation_institution",
    "og:site_name",
];
const URL_KEYS: [&str; 5] = [
    "citation_public_url",
    "citation_abstract_html_url",
    "citation_fulltext_html_url",
    "og:url",
    "dc.identifier",
];

/// Author tags that hold one person each, often as `Surname, Given`.
const ONE_PERSON_KEYS: [&str; 3] = ["citation_author", "dc.creator", "dcterms.creator"];

/// What separates a page title from the site name it carries.
const TITLE_SEPARATORS: [&str; 5] = [" | ", " – ", " — ", " - ", " :: "];

/// Reads a page's metadata.
pub(super) fn read(dom: &Dom) -> DocMeta {
    let tags = meta_tags(dom);
    let first = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            tags.iter()
                .find(|(key, value)| key == k && !value.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    let ld = json_ld(dom);
    let publisher = first(&PUBLISHER_KEYS).or(ld.publisher);
    let title = first(&TITLE_KEYS)
        .or(ld.title)
        .or_else(|| title_element(dom))
        .map(|t| site_name_removed(&t, publisher.as_deref(), first_h1(dom).as_deref()))
        .unwrap_or_default();
    let mut authors = authors(&tags);
    if authors.is_empty() {
        authors = ld.authors;
    }
    let published = DATE_KEYS
        .iter()
        .filter_map(|k| tags.iter().find(|(key, _)| key == k))
        .find_map(|(_, v)| date_of(v))
        .or_else(|| ld.published.as_deref().and_then(date_of))
        .or_else(|| time_published(dom));
    let url = first(&URL_KEYS)
        .or_else(|| canonical(dom))
        .filter(|u| u.starts_with("http"));
    DocMeta {
        title,
        publisher,
        published,
        authors,
        url,
        ..DocMeta::default()
    }
}

/// `(name or property, content)` of every `<meta>` tag, names in lower
/// case, contents with white space collapsed.
fn meta_tags(dom: &Dom) -> Vec<(String, String)> {
    dom.descendants(DOCUMENT)
        .filter(|&n| dom.is(n, "meta"))
        .filter_map(|n| {
            let key = dom
                .attr(n, "name")
                .or_else(|| dom.attr(n, "property"))
                .or_else(|| dom.attr(n, "itemprop"))?;
            let content = dom.attr(n, "content")?;
            Some((key.trim().to_ascii_lowercase(), collapse(content)))
        })
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Authors from the most specific tag that names any; web addresses
/// (`article:author` often is one) are not names.
fn authors(tags: &[(String, String)]) -> Vec<String> {
    for key in AUTHOR_KEYS {
        let values: Vec<&str> = tags
            .iter()
            .filter(|(k, v)| k == key && !v.is_empty() && !v.starts_with("http"))
            .map(|(_, v)| v.as_str())
            .collect();
        if values.is_empty() {
            continue;
        }
        return if ONE_PERSON_KEYS.contains(&key) {
            values.into_iter().map(given_name_first).collect()
        } else {
            values.into_iter().flat_map(split_names).collect()
        };
    }
    Vec::new()
}

/// `Ruiz, Ana` → `Ana Ruiz`; other names as they are.
fn given_name_first(name: &str) -> String {
    match name.split_once(',') {
        Some((surname, given)) if !given.contains(',') && !given.trim().is_empty() => {
            format!("{} {}", given.trim(), surname.trim())
        }
        _ => name.trim().to_string(),
    }
}

/// `A, B and C` → `[A, B, C]`.
fn split_names(list: &str) -> Vec<String> {
    list.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The day a date tag names: `2021-03-04`, `2021/03/04`, `2021-3-4`,
/// `2021-03-04T10:00:00Z`; a year or month alone is no day.
pub(super) fn date_of(value: &str) -> Option<Date> {
    let mut parts = value
        .trim()
        .split(['-', '/', 'T', ' '])
        .map(|p| p.parse::<i16>().ok());
    let year = parts.next()??;
    let month = i8::try_from(parts.next()??).ok()?;
    let day = i8::try_from(parts.next()??).ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// The date of the `<time>` that dates the page: marked as the date of
/// publication (`itemprop="datePublished"`, `pubdate`, a `published`
/// class), else the first in a `<header>`.
fn time_published(dom: &Dom) -> Option<Date> {
    let times: Vec<NodeId> = dom
        .descendants(DOCUMENT)
        .filter(|&n| dom.is(n, "time") && dom.attr(n, "datetime").is_some())
        .collect();
    let marked = times.iter().find(|&&t| {
        dom.attr(t, "itemprop") == Some("datePublished")
            || dom.attr(t, "pubdate").is_some()
            || dom
                .attr(t, "class")
                .is_some_and(|c| c.contains("published"))
    });
    let in_header = || {
        times
            .iter()
            .find(|&&t| dom.ancestors(t).any(|a| dom.is(a, "header")))
    };
    marked
        .or_else(in_header)
        .and_then(|&t| dom.attr(t, "datetime"))
        .and_then(date_of)
}

fn title_element(dom: &Dom) -> Option<String> {
    let title = dom.descendants(DOCUMENT).find(|&n| dom.is(n, "title"))?;
    Some(collapse(&dom.text_content(title))).filter(|t| !t.is_empty())
}

fn first_h1(dom: &Dom) -> Option<String> {
    let h1 = dom.descendants(DOCUMENT).find(|&n| dom.is(n, "h1"))?;
    Some(collapse(&dom.text_content(h1))).filter(|t| !t.is_empty())
}

fn canonical(dom: &Dom) -> Option<String> {
    dom.descendants(DOCUMENT)
        .find(|&n| {
            dom.is(n, "link")
                && dom.attr(n, "rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                })
        })
        .and_then(|n| dom.attr(n, "href"))
        .map(str::to_string)
}

/// A title without the site name it carries: the part equal to the page's
/// `<h1>`, else the part that is not the publisher's name.
fn site_name_removed(title: &str, publisher: Option<&str>, h1: Option<&str>) -> String {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for sep in TITLE_SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        if h1.is_some_and(|h| same(h, head)) || publisher.is_some_and(|p| same(p, tail)) {
            return head.trim().to_string();
        }
        if h1.is_some_and(|h| same(h, tail)) || publisher.is_some_and(|p| same(p, head)) {
            return tail.trim().to_string();
        }
    }
    title.trim().to_string()
}

/// What JSON-LD (`<script type="application/ld+json">`) says of the page.
#[derive(Debug, Default)]
struct LinkedData {
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
}

/// Reads the first JSON-LD object (or `@graph` member) that has a headline
/// or a publication date.
fn json_ld(dom: &Dom) -> LinkedData {
    let scripts = dom.descendants(DOCUMENT).filter(|&n| {
        dom.is(n, "script")
            && dom
                .attr(n, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
    });
    for script in scripts {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&dom.text_content(script)) else {
            continue;
        };
        if let Some(found) = objects(&value).into_iter().find_map(linked_data) {
            return found;
        }
    }
    LinkedData::default()
}

/// The objects of a JSON-LD document: itself, its list items, its `@graph`.
fn objects(value: &serde_json::Value) -> Vec<&serde_json::Value> {
    match value {
        serde_json::Value::Array(items) => items.iter().flat_map(objects).collect(),
        serde_json::Value::Object(map) => {
            let mut out = vec![value];
            if let Some(graph) = map.get("@graph") {
                out.extend(objects(graph));
            }
            out
        }
        _ => Vec::new(),
    }
}

fn linked_data(v: &serde_json::Value) -> Option<LinkedData> {
    let text = |key: &str| v.get(key).and_then(serde_json::Value::as_str).map(collapse);
    let name_of = |x: &serde_json::Value| {
        x.as_str().map(str::to_string).or_else(|| {
            x.get("name")
                .and_then(serde_json::Value::as_str)
                .map(collapse)
        })
    };
    let title = text("headline");
    let published = text("datePublished");
    if title.is_none() && published.is_none() {
        return None;
    }
    let authors = match v.get("author") {
        Some(serde_json::Value::Array(list)) => list.iter().filter_map(name_of).collect(),
        Some(one) => name_of(one).into_iter().collect(),
        None => Vec::new(),
    };
    Some(LinkedData {
        title,
        authors,
        published,
        publisher: v.get("publisher").and_then(name_of),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(head: &str) -> DocMeta {
        read(&Dom::parse(&format!(
            "<html><head>{head}</head><body><h1>Heading One</h1></body></html>"
        )))
    }

    #[test]
    fn sources_in_order_of_precedence() {
        let m = meta_of(
            "<title>Page title | Site</title>\
             <meta property='og:title' content='OpenGraph title'>\
             <meta name='citation_title' content='Highwire   title'>\
             <meta name='citation_author' content='Ruiz, Ana'>\
             <meta name='citation_author' content='Ben Ode'>\
             <meta name='DC.creator' content='Someone Else'>\
             <meta name='citation_publication_date' content='2021/03/04'>\
             <meta property='article:published_time' content='2020-01-01T10:00:00Z'>\
             <meta property='og:site_name' content='Site'>\
             <meta name='citation_publisher' content='The Institute'>\
             <link rel=canonical href='https://example.org/report'>",
        );
        assert_eq!(m.title, "Highwire title");
        assert_eq!(m.authors, ["Ana Ruiz", "Ben Ode"]);
        assert_eq!(m.published, Some(jiff::civil::date(2021, 3, 4)));
        assert_eq!(m.publisher.as_deref(), Some("The Institute"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/report"));
    }

    #[test]
    fn dublin_core_opengraph_and_title_fallbacks() {
        let m = meta_of(
            "<meta name='DCTERMS.title' content='Dublin title'>\
             <meta name='dc.creator' content='Lena Fischer'><meta name='DC.date' content='2019-11-02'>\
             <meta name='DC.publisher' content='Ministry'>",
        );
        assert_eq!(m.title, "Dublin title");
        assert_eq!(m.authors, ["Lena Fischer"]);
        assert_eq!(m.published, Some(jiff::civil::date(2019, 11, 2)));
        let m = meta_of(
            "<title>Heading One - Wikipedia</title><meta name=author content='A. Writer and B. Writer'>\
             <meta property='article:author' content='https://example.org/writer'>",
        );
        assert_eq!(m.title, "Heading One");
        assert_eq!(m.authors, ["A. Writer", "B. Writer"]);
        let m = meta_of(
            "<title>Other words – The Site</title><meta property=og:site_name content='The Site'>",
        );
        assert_eq!(m.title, "Other words");
        assert_eq!(m.publisher.as_deref(), Some("The Site"));
    }

    #[test]
    fn json_ld_fills_gaps() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"Article","headline":"LD title","datePublished":"2022-05-06T08:00:00+00:00","author":[{"@type":"Person","name":"Kim Lee"}],"publisher":{"name":"LD Press"}}]}</script>"#,
        );
        assert_eq!(m.title, "LD title");
        assert_eq!(m.authors, ["Kim Lee"]);
        assert_eq!(m.published, Some(jiff::civil::date(2022, 5, 6)));
        assert_eq!(m.publisher.as_deref(), Some("LD Press"));
        assert_eq!(
            meta_of("<script type='application/ld+json'>{broken</script>"),
            DocMeta::default()
        );
    }

    #[test]
    fn a_time_element_dates_the_page_last() {
        let page = |body: &str| read(&Dom::parse(&format!("<body>{body}</body>"))).published;
        let day = Some(jiff::civil::date(2023, 5, 14));
        assert_eq!(
            page(
                "<article><header><p><time datetime='2023-05-14T09:30'>14 May</time></p></header></article>"
            ),
            day
        );
        assert_eq!(
            page(
                "<p><time datetime=2020-01-01>then</time> <time itemprop=datePublished datetime=2023-05-14>now</time></p>"
            ),
            day
        );
        assert_eq!(
            page("<p>On <time datetime=2020-01-01>1 January</time></p>"),
            None
        );
    }

    #[test]
    fn dates() {
        let cases = [
            ("2021-03-04", Some((2021, 3, 4))),
            ("2021/3/4", Some((2021, 3, 4))),
            ("2021-03-04T10:00:00Z", Some((2021, 3, 4))),
            ("2021", None),
            ("2021-13-40", None),
            ("March 4, 2021", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                date_of(text),
                want.map(|(y, m, d)| jiff::civil::date(y, m, d)),
                "{text}"
            );
        }
    }
}

//! Cited works: a footnote body → the sources it names, by rule.
//!
//! In: a footnote's text, and the titles already cited earlier in the same
//! report (to resolve `op. cit.`). Out: [`Citation`]s: interviews
//! (`Crisis Group interview, official, Ankara, October 2019` → source
//! `Crisis Group interview`, place, date), reports of the publisher's own
//! series (`Crisis Group Middle East Report N°213, Title, date`), and works with
//! a quoted title (`Author, “Title” [translation], Outlet, date`, or
//! `Outlet, “Title”, date`), and APA references (`Name, X. (2016). Title.
//! Journal, 10(6), 25-40.`). What names no outlet yields nothing rather than a
//! guess.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{DateContext, extract_dates};
use crate::fold::alias_key;
use crate::model::Citation;
use crate::sentences;

/// Titles seen so far in a report, with their outlet: `“Title”, op. cit.` is
/// resolved to the outlet of its first citation.
#[derive(Debug, Default, Clone)]
pub struct CitedTitles {
    outlets: HashMap<String, String>,
}

impl CitedTitles {
    fn key(title: &str) -> String {
        alias_key(title)
    }
}

/// Words one of which an interview citation holds.
const INTERVIEW_WORDS: [&str; 6] = [
    "nterview",
    "orrespondence",
    "ommunication",
    "research",
    "observation",
    "xchange",
];

/// Capitalised words that open sentences, not organisations.
const NOT_AN_ORGANISATION: [&str; 16] = [
    "In", "On", "At", "By", "For", "See", "Also", "During", "After", "An", "A", "The", "His",
    "Her", "Their", "Further",
];

/// Longest outlet name, in words: longer is a sentence, not a name.
const MAX_OUTLET_WORDS: usize = 10;

static INTERVIEW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<org>Crisis\ Group|[A-Z][\w&.'’-]*(?:\ [A-Z][\w&.'’-]*){0,3})
        \ (?:(?P<medium>telephone|phone|Skype|WhatsApp|Signal|online|email|e-mail|video|video-call|written)\ )?
        (?P<what>interviews?|correspondence|communications?|field\ research|field\ observations?|exchanges?)\b",
    )
    .expect("static regex")
});

static OWN_SERIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<org>Crisis\ Group)\ (?:[A-Z][\w&]*\ ){0,6}
        (?P<series>Report|Briefing|Commentary|Q&A|Statement|Special\ Briefing)\b
        (?:\ N[°o]\.?\ ?\d+)?,\ (?P<rest>.+)",
    )
    .expect("static regex")
});

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[“"](?P<title>[^”"]{3,300})[”"]"#).expect("static regex"));

/// A translation in square brackets right after a title (parentheses after a
/// quoted word are more often an aside in running prose).
static TRANSLATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[(?P<t>[^\]]{3,300})\]").expect("static regex"));

static APA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<authors>[^()]{2,200}?)\s\((?P<year>\d{4})\)\.\s(?P<title>[^.]{3,300})\.\s(?P<outlet>[^,.(]{3,120})")
        .expect("static regex")
});

/// `, DC: US Department of Justice` after a book's city.
static BOOK_PUBLISHER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^,\s*[A-Z]{2}:\s*(?P<p>[^,.]{3,120})").expect("static regex"));

/// Parts of a citation after the title that are not an outlet.
static NOT_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?xi)^(?: op\.?\ cit\.? | ibid\.? | vol\.? | no\.? | pp?\.\ | p\ \d | \d | \( | < | https?: | www\. | see\b | accessed | available | translated | in\ )")
        .expect("static regex")
});

/// Names that open with an Arabic article (`al-Zallaqa`, `el-Watan`).
static ARTICLE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:al|el|an|ad|as|ash|at|az)-\p{Lu}").expect("static regex"));

/// Arabic articles that open names (`al-`, `el-`…).
const ARABIC_ARTICLES: [&str; 8] = ["al", "el", "an", "ad", "as", "ash", "at", "az"];

/// The works a footnote cites; `seen` carries titles across a report's footnotes.
pub fn parse_citations(text: &str, seen: &mut CitedTitles) -> Vec<Citation> {
    let mut out = Vec::new();
    if let Some(c) = apa(text) {
        out.push(c);
    }
    for sentence in sentences::split(text) {
        for segment in text[sentence].split(';') {
            let segment = segment.trim();
            // Cheap tests first: most footnote sentences are prose.
            let found = (INTERVIEW_WORDS.iter().any(|w| segment.contains(w)))
                .then(|| interview(segment))
                .flatten()
                .or_else(|| {
                    segment
                        .contains("Crisis Group")
                        .then(|| own_series(segment))
                        .flatten()
                })
                .or_else(|| {
                    segment
                        .contains(['“', '"'])
                        .then(|| titled(segment, seen))
                        .flatten()
                });
            if let Some(c) = found
                && !out
                    .iter()
                    .any(|o| o.source == c.source && o.title == c.title)
            {
                out.push(c);
            }
        }
    }
    out
}

/// The distinct source names of a list of citations, in order.
pub fn source_names(citations: &[Citation]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in citations {
        if !out.contains(&c.source) {
            out.push(c.source.clone());
        }
    }
    out
}

fn interview(segment: &str) -> Option<Citation> {
    let c = INTERVIEW.captures(segment)?;
    let org = c.name("org")?.as_str();
    // `In Crisis Group interviews`: the organisation, not the words before it.
    let org = if org.ends_with("Crisis Group") {
        "Crisis Group"
    } else {
        org
    };
    // `In interview with …`, `During interviews`: no organisation named.
    if NOT_AN_ORGANISATION.contains(&org) {
        return None;
    }
    let what = c.name("what")?.as_str();
    let kind = if what.starts_with("interview") {
        "interview"
    } else if what.starts_with("field") {
        "field research"
    } else {
        "correspondence"
    };
    // Only an organisation interviews: a capitalised word opening a sentence
    // ("Further interviews …") is not one.
    if org != "Crisis Group" && !segment[c.get(0)?.end()..].trim_start().starts_with(',') {
        return None;
    }
    let rest = &segment[c.get(0)?.end()..];
    let parts: Vec<&str> = rest
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let date = date_of(rest);
    let place = parts
        .iter()
        .rev()
        .find(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && extract_dates(p, &DateContext::default()).is_empty()
                && p.split_whitespace().count() <= 3
        })
        .map(|p| p.trim_end_matches('.').to_string());
    Some(Citation {
        kind: "interview".into(),
        source: format!("{org} {kind}"),
        title: None,
        translation: None,
        date,
        place,
    })
}

fn own_series(segment: &str) -> Option<Citation> {
    let c = OWN_SERIES.captures(segment)?;
    let rest = c.name("rest")?.as_str();
    let title = rest
        .rsplit_once(", ")
        .map_or(rest, |(t, _)| t)
        .trim_end_matches(", op. cit.")
        .trim()
        .trim_matches(['“', '”', '"'])
        .trim();
    // `…, Crisis Group Commentary, 13 May 2020.`: the series, then only a date.
    let is_date = extract_dates(title, &DateContext::default())
        .first()
        .is_some_and(|d| d.span.end - d.span.start + 2 >= title.len());
    // Then the title was quoted before the series: `Author, “Title”, Crisis Group Commentary, date`.
    let title = if title.is_empty() || is_date {
        QUOTED
            .captures(&segment[..c.get(0)?.start()])
            .map(|q| q["title"].trim().trim_end_matches(',').to_string())
    } else {
        Some(title.to_string())
    };
    Some(Citation {
        kind: "report".into(),
        source: c.name("org")?.as_str().to_string(),
        title,
        translation: None,
        date: date_of(rest),
        place: None,
    })
}

/// `[See] [Author,] “Title” [translation], Outlet, date` or `Outlet, “Title”, date`.
fn titled(segment: &str, seen: &mut CitedTitles) -> Option<Citation> {
    let q = QUOTED.captures(segment)?;
    let title = q.name("title")?.as_str().trim().to_string();
    let whole = q.get(0)?;
    let mut after = &segment[whole.end()..];
    let translation = TRANSLATION.captures(after).map(|t| {
        after = &after[t.get(0).map_or(0, |m| m.end())..];
        t["t"].trim().to_string()
    });
    let date = date_of(after);
    // A title is followed by a comma (`“Title”, Outlet`, `“Title,” Outlet`) or
    // its translation; a quotation in running prose is followed by words.
    let cited =
        after.trim_start().starts_with(',') || title.ends_with(',') || translation.is_some();
    let title = title.trim_end_matches(',').to_string();
    if !cited {
        return None;
    }
    let after_outlet = after.split(',').map(str::trim).find(|p| is_outlet(p));
    let before = segment[..whole.start()]
        .trim()
        .trim_end_matches(',')
        .trim_start_matches("See ")
        .trim_start_matches("see ")
        .trim();
    let source = match after_outlet {
        Some(o) => Some(clean_outlet(o)),
        None if after.contains("op. cit") => seen.outlets.get(&CitedTitles::key(&title)).cloned(),
        // `Outlet, “Title”, date`: a name, not a list of authors, before the title.
        None if is_outlet(before)
            && !before.contains(',')
            && !before.contains('&')
            && !before.contains(" and ") =>
        {
            Some(clean_outlet(before))
        }
        None => None,
    }?;
    seen.outlets
        .entry(CitedTitles::key(&title))
        .or_insert_with(|| source.clone());
    Some(Citation {
        kind: "article".into(),
        source,
        title: Some(title),
        translation,
        date,
        place: None,
    })
}

/// `Name, X., & Name, Y. (2016). Title. Journal, 10(6), 25-40.`
fn apa(text: &str) -> Option<Citation> {
    let text = text.trim();
    if !may_be_apa(text) {
        return None;
    }
    let c = APA.captures(text)?;
    let mut outlet = c.name("outlet")?.as_str().trim();
    // A book: `City, ST: Publisher`.
    let after = &text[c.name("outlet")?.end()..];
    if let Some(publisher) = BOOK_PUBLISHER.captures(after).and_then(|b| b.name("p")) {
        outlet = publisher.as_str().trim();
    }
    if !is_outlet(outlet) {
        return None;
    }
    Some(Citation {
        kind: "article".into(),
        source: clean_outlet(outlet),
        title: Some(c.name("title")?.as_str().trim().to_string()),
        translation: None,
        date: Some(c.name("year")?.as_str().to_string()),
        place: None,
    })
}

/// What every match of [`APA`] has, found without running the regex (most
/// footnotes have none of it): the authors hold no parenthesis, so the
/// year's is the text's first, and four digits and `)` follow it.
fn may_be_apa(text: &str) -> bool {
    let Some(open) = text.find('(') else {
        return false;
    };
    let mut after = text[open + 1..].chars();
    after.by_ref().take(4).filter(|c| c.is_numeric()).count() == 4 && after.next() == Some(')')
}

/// Small words an outlet's name may hold in lower case.
const NAME_PARTICLES: [&str; 12] = [
    "of", "the", "and", "for", "on", "in", "de", "la", "le", "du", "des", "et",
];

/// Whether a comma-separated part of a citation looks like an outlet's name:
/// short, capitalised words (particles aside), not a date, page or address.
fn is_outlet(part: &str) -> bool {
    let p = part.trim().trim_end_matches('.');
    let words = p.split_whitespace().count();
    let capitalised = p.split_whitespace().all(|w| {
        NAME_PARTICLES.contains(&w)
            || !w.starts_with(char::is_lowercase)
            || ARTICLE_PREFIX.is_match(w)
    });
    (1..=MAX_OUTLET_WORDS).contains(&words)
        && capitalised
        && !p.ends_with(':')
        && (p
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || ARTICLE_PREFIX.is_match(p))
        && p.chars().any(char::is_alphabetic)
        && !NOT_OUTLET.is_match(p)
        && extract_dates(p, &DateContext::default())
            .iter()
            .all(|d| d.span.end - d.span.start < p.len() / 2)
}

/// An outlet name without trailing language notes or punctuation.
fn clean_outlet(part: &str) -> String {
    let p = part.trim().trim_end_matches(['.', ',', ';']);
    let p = p
        .strip_suffix(")")
        .and_then(|s| s.rsplit_once(" ("))
        .filter(|(_, note)| {
            matches!(
                *note,
                "Arabic"
                    | "French"
                    | "Turkish"
                    | "English"
                    | "in Turkish"
                    | "in French"
                    | "in Arabic"
            )
        })
        .map_or(p, |(name, _)| name);
    // One spelling per outlet: the Arabic article in lower case (`al-Zallaqa`).
    let p = p.trim();
    match p.split_once('-') {
        Some((article, rest)) if ARABIC_ARTICLES.contains(&article.to_lowercase().as_str()) => {
            format!("{}-{rest}", article.to_lowercase())
        }
        _ => p.to_string(),
    }
}

/// The first date of a citation part, ISO.
fn date_of(text: &str) -> Option<String> {
    extract_dates(text, &DateContext::default())
        .into_iter()
        .next()
        .map(|d| d.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
        parse_citations(text, &mut CitedTitles::default())
            .into_iter()
            .map(|c| (c.kind, c.source, c.title, c.date))
            .collect()
    }

    #[test]
    fn interviews() {
        let cases = [
            (
                "Crisis Group interview, prison official, Gao, March 2021.",
                "Crisis Group interview",
                Some("2021-03"),
            ),
            (
                "Crisis Group telephone interviews, lawyers, May 2020.",
                "Crisis Group interview",
                Some("2020-05"),
            ),
            (
                "Crisis Group Skype interview, September 2019.",
                "Crisis Group interview",
                Some("2019-09"),
            ),
            (
                "Crisis Group field research, Mopti, June 2021.",
                "Crisis Group field research",
                Some("2021-06"),
            ),
            (
                "Crisis Group correspondence, aid worker, 2022.",
                "Crisis Group correspondence",
                Some("2022"),
            ),
        ];
        for (text, source, date) in cases {
            let got = cite(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, source, "{text}");
            assert_eq!(got[0].3.as_deref(), date, "{text}");
        }
        let place = parse_citations(
            "Crisis Group interview, judge, Niamey, July 2020.",
            &mut CitedTitles::default(),
        );
        assert_eq!(place[0].place.as_deref(), Some("Niamey"));
        assert!(cite("Further interviews were not possible.").is_empty());
    }

    #[test]
    fn titled_works() {
        let cases: [(&str, &str, &str); 6] = [
            (
                "“River tolls in the Delta”, Sahel Weekly, 4 March 2021.",
                "Sahel Weekly",
                "River tolls in the Delta",
            ),
            (
                "See Jane Roe, “A title in Turkish” [A title in English], Daily News, 20 May 2015.",
                "Daily News",
                "A title in Turkish",
            ),
            (
                "Foreign Desk, “Militants open a new front,” 29 March 2019, <https://example.org/x>.",
                "Foreign Desk",
                "Militants open a new front",
            ),
            (
                "Roe and Doe, \"Detention in the Sahel,\" Journal of Prisons, (2009).",
                "Journal of Prisons",
                "Detention in the Sahel",
            ),
            (
                "“A statement on talks”, Office of the Prime Minister, 22 October 2021.",
                "Office of the Prime Minister",
                "A statement on talks",
            ),
            (
                "“An attack on a base”, Al-Zallaqa Media, 11 January 2021 (Arabic).",
                "al-Zallaqa Media",
                "An attack on a base",
            ),
        ];
        for (text, source, title) in cases {
            let got = cite(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].1.as_str(), got[0].2.as_deref()),
                (source, Some(title)),
                "{text}"
            );
        }
        let translated = parse_citations(cases[1].0, &mut CitedTitles::default());
        assert_eq!(
            translated[0].translation.as_deref(),
            Some("A title in English")
        );
        assert_eq!(translated[0].date.as_deref(), Some("2015-05-20"));
    }

    #[test]
    fn op_cit_reuses_the_outlet_of_the_first_citation() {
        let mut seen = CitedTitles::default();
        let first = parse_citations("“Prisons in the north”, Daily News, 2 May 2019.", &mut seen);
        assert_eq!(first[0].source, "Daily News");
        let again = parse_citations("“Prisons in the north”, op. cit.", &mut seen);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].source, "Daily News");
        assert!(parse_citations("“Never cited before”, op. cit.", &mut seen).is_empty());
    }

    #[test]
    fn own_series_and_apa() {
        let got = cite("Jane Roe, “A study of returns”, Crisis Group Commentary, 13 May 2020.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].1.as_str(), got[0].2.as_deref()),
            ("Crisis Group", Some("A study of returns"))
        );
        let got = cite(
            "See Crisis Group Africa Report N°261, Border Security in the Sahel, 12 July 2018.",
        );
        assert_eq!(got[0].0, "report");
        assert_eq!(got[0].1, "Crisis Group");
        assert_eq!(got[0].2.as_deref(), Some("Border Security in the Sahel"));
        let got = cite(
            "Doe, J. (2014). Prisoners released in 2005. Springfield, IL: State Justice Office, Bureau of Statistics.",
        );
        assert_eq!(got[0].1, "State Justice Office");
        let got = cite(
            "Doe, J., & Roe, P. R. (2016). Criminal pasts and futures. Studies in Violence, 10(6), 25-40.",
        );
        assert_eq!(got[0].1, "Studies in Violence");
        assert_eq!(got[0].2.as_deref(), Some("Criminal pasts and futures"));
        assert_eq!(got[0].3.as_deref(), Some("2016"));
    }

    #[test]
    fn the_apa_pre_check_rejects_only_what_the_regex_rejects() {
        for text in [
            "Doe, J. (2014). Prisoners released in 2005. Springfield, IL: State Justice Office.",
            "Doe, J. (١٩٩٩). Digits of another script. Some Journal, 3.",
            "Doe, J. (n.d.). Undated. Some Journal.",
            "Doe, J. (201). Short year. Some Journal.",
            "Doe (J.) and Roe (2014). Parenthesis before. Some Journal.",
            "Interview, Crisis Group (Bamako), 2019.",
            "(2014). No authors. Some Journal.",
            "No parenthesis at all.",
        ] {
            assert!(
                may_be_apa(text) || !APA.is_match(text),
                "the pre-check rejects a match: {text}"
            );
        }
        assert!(!may_be_apa("Interview, Crisis Group (Bamako), 2019."));
    }

    #[test]
    fn prose_and_authors_are_not_outlets() {
        for text in [
            "Some officials argue that the state did little to stop them.",
            "Some “quietist” activists avoid politics.",
            "It counted fighters from Syria and Iraq, after Tunisian, Saudi and Russian ones.",
            "The report adds: “fighters appear to return home in greater numbers”.",
            "Other “activist” (haraki) preachers take part in politics.",
            "In interview with the press, the minister said so.",
            "Klausen, Morrill, & Libretti, “The age-crime curve,” 2016, 24.",
            "Data compiled by the statistics office.",
            "http://www.example.org/statistics/mali",
        ] {
            assert!(cite(text).is_empty(), "{text}: {:?}", cite(text));
        }
    }
}

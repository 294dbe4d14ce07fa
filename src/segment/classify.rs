//! Line and block rules: what a block of a report *is*, from its content alone.
//!
//! In: one block's plain text (and its markdown shape). Out: a [`Role`](super::stitch::Role). Each
//! rule is a small function with its own table of cases below; document-level
//! context (repeated running headers, the title, heading styles) is applied by
//! `segment` on top of these.

use std::sync::LazyLock;

use regex::Regex;

use super::labels;
use crate::extract::dates::english_months;

/// English month names and abbreviations (`Sept.`), capitalised, as a regex
/// alternation; the names come from the dates lexicon.
static MONTH: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<String> = english_months()
        .map(|(name, abbreviation)| {
            let capitalised = format!("{}{}", name[..1].to_ascii_uppercase(), &name[1..]);
            if abbreviation {
                format!(r"{capitalised}\.?")
            } else {
                capitalised
            }
        })
        .collect();
    // Longest first, so that `Sept` is not read as `Sep` and a `t`.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    format!("(?:{})", names.join("|"))
});

/// Words of web-page chrome: icon names and sharing widgets.
const CHROME_WORDS: [&str; 24] = [
    "icon",
    "caret",
    "arrow",
    "hamburger",
    "facebook",
    "twitter",
    "whatsapp",
    "youtube",
    "linkedin",
    "instagram",
    "rss",
    "ellipsis",
    "favorite",
    "globe",
    "camera",
    "microphone",
    "trash",
    "copyview",
    "share",
    "print",
    "search",
    "mail",
    "marker",
    "alerts",
];

/// A block that is nothing but chrome words is chrome once it has this many.
const MIN_CHROME_WORDS: usize = 6;

/// Sharing and download widgets, one per line (`• Share`, `Download PDF Full Report`).
const WIDGETS: [&str; 9] = [
    "share",
    "save",
    "print",
    "download pdf full report",
    "download pdf",
    "download full report",
    "email",
    "tweet",
    "subscribe",
];

/// Photo agencies and credits that end a photo caption.
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?: \b via \s+ (?:AFP|Reuters|AP|Getty\s+Images|EPA|Anadolu(?:\s+Agency)?) $ )
      | (?: \b (?:[A-Z][A-Z.'-]+ \s+){0,4}[A-Z][A-Z.'-]+ \s+ / \s+ [\p{L}][\p{L}\x20.'-]{1,60} $ )
      | (?: ^ (?i:photo(?:graph)?(?:\s+credit)?) \s* : )",
    )
    .expect("static regex")
});

/// `Report 258 / Europe & Central Asia`, `Briefing N°149 / Africa`.
static SERIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(Report|Briefing|Commentary|Statement|Q&A|Special Briefing|Op-Ed|Paper|Brief)\s+(?:N[°o]\.?\s*)?(\d+)\s*/\s*\S.*$")
        .expect("static regex")
});

/// A date written out in full: `29 June 2020`, `June 29, 2020`, `December 01, 2020`.
fn full_date() -> String {
    let month = MONTH.as_str();
    format!(
        r"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{month}\s+\d{{4}}|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    )
}

/// `Istanbul/Ankara/Brussels, 29 June 2020` or a date alone.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(\p{{Lu}}[\p{{L}} .'-]*(?:/\p{{Lu}}[\p{{L}} .'-]*)*),\s+)?({})$",
        full_date()
    ))
    .expect("static regex")
});

/// `Authors: A and B`, `By A, B and C`.
static AUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:authors?|by|written by)\s*:?\s+(\p{Lu}.{2,200})$").expect("static regex")
});

/// `Contributor: Name`.
static CONTRIBUTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:contributors?)\s*:\s*(\p{Lu}.{1,200})$").expect("static regex")
});

/// `Figure 3 …`, `Map of …`, `Table 2: …`.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Figure|Fig\.|Chart|Graph|Table|Infographic|Map)\s+\d+\b|Map\s+of\s)")
        .expect("static regex")
});

/// A bare figure label, to which a nearby short line gives its title.
static CAPTION_LABEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Figure|Fig\.|Chart|Graph|Table|Infographic|Map)\s+\d+[.:]?$")
        .expect("static regex")
});

/// Timeline item header: a date or a date range, then a colon.
static EVENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    let one = format!(r"(?:{}|{}\s+\d{{4}}|\d{{4}})", full_date(), MONTH.as_str());
    Regex::new(&format!(r"^({one}(?:\s*[-–—]\s*{one})?)\s*:\s*")).expect("static regex")
});

/// Numbered heading: `IV. Conclusion`, `A.Down but Not Out`, `2. The gender dimension`;
/// an initialism (`U.S. Objectives`) matches the first branch, which numbers nothing.
static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]\.[A-Z]\..*|(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)|([IVXLC]{1,6}|[A-Z]|\d{1,2})\.\s*(\S.*))$")
        .expect("regex")
});

/// Contact lines of back matter: `T: +31 …`, `E: info@…`.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[TEF]|Tel|Fax|Email|E-mail|Phone)\s*[:.]\s*(?:\+?[\d (). -]{6,}|\S+@\S+)$")
        .expect("static regex")
});

/// Longest heading, in characters and words.
const MAX_HEADING_CHARS: usize = 100;
const MAX_HEADING_WORDS: usize = 14;
/// A heading may end with a colon only when it is this short (`What's happening:`).
const MAX_COLON_HEADING_WORDS: usize = 5;

/// Whether a block is web-page chrome (icon rows, share widgets, photo
/// captions with credits, editorial notices, contact lines).
pub(crate) fn is_chrome(text: &str) -> bool {
    let t = text.trim();
    // Chrome is short: a paragraph of prose never is (checked first, as every
    // line of a plain-text export comes here).
    if t.len() > MAX_CHROME_BYTES {
        return false;
    }
    let bare = t.trim_start_matches(['•', '·', '-', '*', ' ']).trim();
    if WIDGETS.iter().any(|w| bare.eq_ignore_ascii_case(w)) {
        return true;
    }
    let chrome_words = t
        .split_whitespace()
        .filter(|w| CHROME_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
        .count();
    if chrome_words >= MIN_CHROME_WORDS {
        return true;
    }
    if t.starts_with('[') && t.ends_with(']') && !t[1..].contains('[') {
        return true; // a bracketed editorial notice
    }
    if t.len() < MAX_CONTACT_BYTES && CONTACT.is_match(t) {
        return true;
    }
    is_graphic_credit(t) || is_photo_caption(t)
}

/// Longest text that can be chrome.
const MAX_CHROME_BYTES: usize = 600;
/// Longest contact line.
const MAX_CONTACT_BYTES: usize = 80;

/// A graphic's credit line standing alone (`Source: Crisis Group`), as
/// opposed to a cited source, which names a reference (`Source: Reuters [12]`).
fn is_graphic_credit(text: &str) -> bool {
    text.len() < MAX_CONTACT_BYTES
        && GRAPHIC_CREDIT.is_match(text)
        && !text.contains('[')
        && text.split_whitespace().count() <= MAX_CREDIT_WORDS
}

/// Longest standalone credit line, in words.
const MAX_CREDIT_WORDS: usize = 8;

static GRAPHIC_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:sources?|credit)\s*:\s*\S").expect("static regex"));

/// A photo caption: one line ending with a photographer or agency credit.
pub(crate) fn is_photo_caption(text: &str) -> bool {
    let t = text.trim();
    !t.contains('\n')
        && t.len() < 400
        && !t.contains("[fn]")
        && may_be_photo_credit(t)
        && PHOTO_CREDIT.is_match(t)
}

/// What every match of [`PHOTO_CREDIT`] has (`via`, a slash, or `photo`
/// first), found without running the regex: most lines have none of it.
fn may_be_photo_credit(t: &str) -> bool {
    t.contains("via")
        || t.contains('/')
        || t.get(..5)
            .is_some_and(|head| head.eq_ignore_ascii_case("photo"))
}

/// `Report 258 / Europe & Central Asia` → (the line, `258`).
pub(crate) fn series(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    SERIES
        .captures(t)
        .map(|c| (t.to_string(), c[2].to_string()))
}

/// A date line: (place, date as written).
pub(crate) fn date_line(text: &str) -> Option<(Option<String>, String)> {
    let c = DATE_LINE.captures(text.trim())?;
    Some((
        c.get(1).map(|m| m.as_str().trim().to_string()),
        c[2].to_string(),
    ))
}

/// The date of a date line (`Istanbul/Ankara/Brussels, 29 June 2020`, `December 01, 2020`).
pub(crate) fn date_of_line(text: &str) -> Option<jiff::civil::Date> {
    let (_, written) = date_line(text)?;
    let cleaned: String = ORDINAL_SUFFIX.replace_all(&written, "$1").replace(',', "");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    ["%d %B %Y", "%B %d %Y", "%d %b %Y", "%b %d %Y"]
        .iter()
        .find_map(|fmt| jiff::civil::Date::strptime(fmt, &cleaned).ok())
}

static ORDINAL_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d)(?:st|nd|rd|th)\b").expect("static regex"));

/// An author line → the names.
pub(crate) fn authors(text: &str) -> Option<Vec<String>> {
    let c = AUTHORS.captures(text.trim())?;
    Some(split_names(&c[1]))
}

/// `A, B and C` → `[A, B, C]`.
pub(crate) fn split_names(list: &str) -> Vec<String> {
    list.split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A contributor line → the name.
pub(crate) fn contributor(text: &str) -> Option<String> {
    CONTRIBUTOR
        .captures(text.trim())
        .map(|c| c[1].trim().to_string())
}

/// Whether a block is a figure, map or table caption.
pub(crate) fn is_caption(text: &str) -> bool {
    CAPTION.is_match(text.trim())
}

/// Whether a caption is only its label (`Figure 6`).
pub(crate) fn is_bare_caption_label(text: &str) -> bool {
    CAPTION_LABEL_ONLY.is_match(text.trim())
}

/// The date header of a timeline item (`August 11, 2020`), if the block opens with one.
pub(crate) fn event_header(text: &str) -> Option<&str> {
    EVENT_HEADER
        .captures(text.trim_start())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// A heading's level from its numbering (`IV.` 1, `A.` 2, `1.` 3, `1.2` 4,
/// `1.2.3` 5), and its text with the numbering normalised (`I.Introduction`
/// → `I. Introduction`; a decimal numbering such as `4.1` kept as written).
pub(crate) fn numbered_heading(text: &str) -> Option<(u8, String)> {
    let c = NUMBERED_HEADING.captures(text.trim())?;
    if let (Some(num), Some(rest)) = (c.get(1), c.get(2)) {
        let depth = num.as_str().matches('.').count();
        let level = (3 + depth).min(6) as u8;
        return Some((level, format!("{} {}", num.as_str(), rest.as_str())));
    }
    let (num, rest) = (c.get(3)?.as_str(), &c[4]);
    let level = if num.chars().all(|ch| ch.is_ascii_digit()) {
        3
    } else if num.chars().all(|ch| "IVXLC".contains(ch))
        && (num.len() > 1 || num == "I" || num == "V" || num == "X")
    {
        1
    } else {
        2
    };
    Some((level, format!("{num}. {rest}")))
}

/// Whether one line of plain text has the shape of a heading: short, no
/// sentence-ending period, starting with a capital or a numbering.
pub(crate) fn looks_like_heading(text: &str) -> bool {
    let t = labels::without_trailing_refs(text.trim());
    if t.contains('\n') || t.is_empty() || t.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    let words = t.split_whitespace().count();
    if words > MAX_HEADING_WORDS || t.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    match t.chars().last() {
        Some('.' | ',' | ';' | '”' | '"' | ')') => {
            // `II.` alone or `A.` never happen; a heading never ends a sentence.
            false
        }
        Some(':') => words <= MAX_COLON_HEADING_WORDS,
        _ => true,
    }
}

/// Longest title, in characters.
const MAX_TITLE_CHARS: usize = 250;

/// Whether a text could be a report's title: one line, not too long, and
/// no markup or metadata block (`{{Infobox`, `layout: post`, `<div>`).
pub(crate) fn could_be_title(text: &str) -> bool {
    let t = text.trim();
    let key_value = t.split_once(": ").is_some_and(|(key, _)| {
        !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    });
    !t.is_empty()
        && !t.contains('\n')
        && t.chars().count() <= MAX_TITLE_CHARS
        && !["{{", "}}", "[[", "]]", "<", ">", "|"]
            .iter()
            .any(|m| t.contains(m))
        && !key_value
}

/// Whether text ends a sentence (closing quotes looked through). A closing
/// bracket ends one when its parenthesis follows a sentence end
/// (`… country. (Sources: …)`), not when it closes an aside (`11 (37%)`).
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    // A footnote number glued after the end (`… in Türkiye.12`) is looked through.
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let t = if (1..=3).contains(&digits)
        && t[..t.len() - digits].ends_with(['.', '!', '?', '”', '"', ')'])
    {
        &t[..t.len() - digits]
    } else {
        t
    };
    let t = t.trim_end_matches(['”', '"', '’', '\'']);
    if let Some(inner) = t.strip_suffix([')', ']']) {
        let open = if t.ends_with(')') { '(' } else { '[' };
        return inner.ends_with(['.', '!', '?', '…'])
            || inner
                .rfind(open)
                .is_some_and(|i| ends_sentence(&inner[..i]) || inner[..i].trim().is_empty());
    }
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;

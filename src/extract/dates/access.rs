//! Citation access dates: `accessed 3 May 2013`, `retrieved on …`, `last
//! visited …` say when a reader opened a web page, not a date the text talks
//! about (issue 13), so they are not a passage's dates.
//!
//! In: a text and the byte where a date expression starts. Out: whether the
//! words right before it (brackets, colons and commas aside) are an access
//! cue. The extractor drops such dates, and they anchor nothing.

/// Cues, lower case, as the words right before the date end: one phrase per
/// entry, matched on whole words.
const CUES: &[&str] = &[
    "accessed",
    "accessed on",
    "last accessed",
    "last accessed on",
    "date accessed",
    "retrieved",
    "retrieved on",
    "last retrieved",
    "last retrieved on",
    "last visited",
    "last visited on",
    "last viewed",
    "last viewed on",
    "consulted on",
    "consulté le",
    "date of access",
    "erişim tarihi",
];

/// Longest cue, in words.
const MAX_CUE_WORDS: usize = 4;

/// Whether the date starting at byte `start` of `text` follows an access cue.
pub(super) fn follows_access_cue(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '(' | '[' | ':' | ',' | '-' | '–' | '—')
    });
    let words: Vec<&str> = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == 'ş' || c == 'ı'))
        .take_while(|w| !w.is_empty())
        .take(MAX_CUE_WORDS)
        .collect();
    let mut phrase = String::new();
    words.iter().any(|w| {
        phrase = if phrase.is_empty() {
            w.to_lowercase()
        } else {
            format!("{} {phrase}", w.to_lowercase())
        };
        CUES.contains(&phrase.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_table() {
        // (text, the date in it, whether it is an access date)
        for (text, date, want) in [
            ("(accessed 3 May 2013)", "3 May", true),
            ("Accessed: 3 May 2013", "3 May", true),
            ("last accessed on 3 May 2013", "3 May", true),
            ("Retrieved 3 May 2013", "3 May", true),
            ("retrieved on May 3, 2013", "May 3", true),
            ("Last visited 3 May 2013", "3 May", true),
            ("consulté le 3 mai 2013", "3 mai", true),
            ("The camp was attacked on 3 May 2013", "3 May", false),
            ("accessed the site. On 3 May 2013", "3 May", false),
            ("3 May 2013", "3 May", false),
        ] {
            let start = text.find(date).expect("the date is in the text");
            assert_eq!(follows_access_cue(text, start), want, "{text}");
        }
    }
}

#[cfg(test)]
mod extraction {
    use crate::extract::dates::{DateContext, extract_dates};

    // See: issue 13 ("'accessed 3 May 2013' in a citation is indexed as a
    // date the text talks about").
    #[test]
    fn access_dates_are_not_dates_of_the_text() {
        let text = "Ministry of Interior, Annual Report 2012, \
                    https://example.org/report.pdf (accessed 3 May 2013); \
                    the attack of 9 March 2012 (last visited on June 1, 2014).";
        let values: Vec<String> = extract_dates(text, &DateContext::default())
            .into_iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(values, ["2012", "2012-03-09"]);
        // An access date anchors nothing: `that year` is 2012, not 2013.
        let text = "Report of 2012 (accessed 3 May 2013). That year, attacks rose.";
        let values: Vec<String> = extract_dates(text, &DateContext::default())
            .into_iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(values, ["2012", "2012"]);
    }
}

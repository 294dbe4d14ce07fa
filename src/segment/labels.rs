//! Note labels: the marks that open a footnote body at a page bottom
//! (`¹² The United Nations …`, `12See GAO, …`) and those that end a
//! sentence citing one (`… army.[2]`, `… army.¹²`).
//!
//! In: one line or block text. Out: the note number and body a line opens,
//! or the text without its closing reference marks.

/// A line of footnote definitions at a page bottom starts with a superscript
/// number: `¹² The United Nations …`.
pub(crate) fn footnote_def(line: &str) -> Option<(u32, &str)> {
    let t = line.trim_start();
    let digits: String = t
        .chars()
        .take_while(|c| superscript_digit(*c).is_some())
        .collect();
    if digits.is_empty() {
        return glued_footnote_def(t);
    }
    let rest = t[digits.len()..].trim_start();
    if rest.is_empty() {
        return None;
    }
    let n = digits
        .chars()
        .filter_map(superscript_digit)
        .try_fold(0u32, |acc, d| acc.checked_mul(10)?.checked_add(d))?;
    Some((n, rest))
}

/// A page-bottom definition whose superscript label a PDF-to-text export
/// printed as plain digits glued to the text: `12See GAO, …`, `3“Title”, …`.
/// The text must start like a note: a capital opening a word of two
/// letters or more (so `3D printers` is no note), `A`/`I` and a space, an
/// opening quote or bracket.
fn glued_footnote_def(t: &str) -> Option<(u32, &str)> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &t[digits..];
    let mut chars = rest.chars();
    let first = chars.next()?;
    let second = chars.next();
    let opens_note = match first {
        '“' | '"' | '‘' | '(' | '[' => true,
        'A' | 'I' => second.is_some_and(|c| c == ' ' || c.is_lowercase()),
        c if c.is_uppercase() => second.is_some_and(char::is_alphabetic),
        _ => false,
    };
    let words = rest.split_whitespace().count();
    if !opens_note || words < 1 {
        return None;
    }
    Some((t[..digits].parse().ok()?, rest))
}

fn superscript_digit(c: char) -> Option<u32> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|x| x == c).map(|p| p as u32)
}

/// The text without the reference markers that end it (` [2][3]`, `¹²`,
/// a number glued after a full stop): a sentence that cites a source still
/// ends with its full stop.
pub(super) fn without_trailing_refs(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let before = t;
        if let Some(open) = t.strip_suffix(']').and_then(|s| s.rfind('['))
            && t[open + 1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
            && t.len() - open > 2
        {
            t = t[..open].trim_end();
        }
        t = t.trim_end_matches(|c: char| superscript_digit(c).is_some());
        let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() < t.len() && digits.ends_with(['.', '?', '!', '"', '”']) {
            t = digits;
        }
        if t == before {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_definitions() {
        assert_eq!(
            footnote_def("¹ Basra, R. (2016). Criminal pasts."),
            Some((1, "Basra, R. (2016). Criminal pasts."))
        );
        assert_eq!(
            footnote_def("²² Stepanova, “Terrorism”, 9 (2008)."),
            Some((22, "Stepanova, “Terrorism”, 9 (2008)."))
        );
        assert_eq!(
            footnote_def("¹⁰ In this paper"),
            Some((10, "In this paper"))
        );
        assert_eq!(footnote_def("The 1 thing"), None);
        assert_eq!(footnote_def("²"), None);
        // Labels a PDF-to-text export printed as plain digits glued to the note.
        for (line, n, rest) in [
            (
                "1GAO, Targeted Violence Prevention, GAO-23-104512.",
                1,
                "GAO, Targeted Violence Prevention, GAO-23-104512.",
            ),
            (
                "2A list of related reports appears at the end.",
                2,
                "A list of related reports appears at the end.",
            ),
            (
                "14“Jihad in the Sahel”, Le Monde, 3 May 2021.",
                14,
                "“Jihad in the Sahel”, Le Monde, 3 May 2021.",
            ),
            (
                "3See, for example, the annual report.",
                3,
                "See, for example, the annual report.",
            ),
        ] {
            assert_eq!(footnote_def(line), Some((n, rest)), "{line}");
        }
        for not_a_note in [
            "3D printers are cheap.",
            "2019 was a bad year.",
            "12 people died.",
            "1234Abc",
            "5G networks",
            "7x faster",
            "1.",
        ] {
            assert_eq!(footnote_def(not_a_note), None, "{not_a_note}");
        }
    }
}

//! The explicit "not a date" rules, in the manner of `HeidelTime`'s negative
//! rules: numbers that look like days or years but are identifiers, amounts,
//! footnote markers, parts of bigger numbers, or counts.
//!
//! In: the tokens through the [`Cursor`], and a position (a number a rule
//! wants to read as a day or year) or a finished bare-year expression. Out:
//! yes or no. The rules ask [`blocked`] before they read any number as part
//! of a date, and the grammar asks [`bare_year_is_quantity`] before it emits
//! a year that stands alone (`2019`, `2014-2015`); a year beside a month or
//! a day (`June 2019`) is trusted.

use std::ops::Range;

use super::cursor::Cursor;
use super::lexicon::Lex;
use super::token::Kind;
use crate::fold::is_apostrophe;

/// Whether the number at `i` is an identifier, an amount, a footnote marker
/// or part of a bigger number, judged by what is glued to its left and by the
/// word before it.
///
/// - `N°258`, `#12`, `$2000`, `€2019`, `+2019` (a sign or symbol glued before it);
/// - `2,000`, `3.2019`, `10:30`, `x/2019`, `country.12` (the tail of a bigger
///   number, a version, a time, a path, or a footnote marker glued after a word);
/// - `Report 258`, `No. 2100`, `vol. 42`, `pp. 2001`, `Resolution 2085`,
///   `CFA 2000` (an identifier word before it, maybe with `.`, `°` or `:`).
pub(crate) fn blocked(cur: &Cursor<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if cur.glued(i) {
        match cur.punct(i - 1) {
            Some(
                '°' | 'º' | '#' | '№' | '$' | '€' | '£' | '¥' | '₺' | '@' | '=' | '_' | '\\' | '+',
            ) => {
                return true;
            }
            Some('/') if i >= 2 && cur.glued(i - 1) => return !is_year_token(cur, i - 2),
            Some('.' | ',' | ':' | ')' | ']') if i >= 2 && cur.glued(i - 1) => return true,
            _ => {}
        }
    }
    let mut k = i - 1;
    if k > 0 && matches!(cur.punct(k), Some('.' | '°' | 'º' | ':' | '#' | '№')) {
        k -= 1;
    }
    cur.lex(k) == Lex::IdPrefix
}

/// Whether a year standing alone over tokens `span` is really a count or a
/// piece of a longer number:
///
/// - a percentage: `2000 %`, `2000 per cent`;
/// - a count: `2000 detainees`, `2000-strong`, `some 2000`, `more than 2000`,
///   `at least 2000`, unless a time word (`in 2019 people…`) or a determiner
///   (`the 2015 attacks`) shows the number is a year;
/// - a piece of a longer number: `2012-023`, `555-2019`, `2019:12`,
///   `2019,000`, or three numbers in a row (`2012 80 10`, phone numbers).
pub(crate) fn bare_year_is_quantity(cur: &Cursor<'_>, span: Range<usize>) -> bool {
    let (first, end) = (span.start, span.end);
    percent_after(cur, end)
        || hyphenated_count_after(cur, end)
        || glued_number_after(cur, end)
        || glued_number_before(cur, first)
        || in_number_run(cur, first, end)
        || quantifier_before(cur, first)
        || (counts_before(cur, end) && !year_shown_by(cur, first))
}

/// Whether the word at `i` counts things (`people`, `km`, `-strong`), which
/// makes the number before it a quantity.
pub(crate) fn counts_before(cur: &Cursor<'_>, i: usize) -> bool {
    let k = i + usize::from(cur.is_dash(i) && cur.glued(i) && cur.glued(i + 1));
    match cur.lex(k) {
        Lex::CountNoun => true,
        // `2000 years` is a duration, `2000 days` too.
        Lex::Unit(_) => cur.text_of(k).ends_with(['s', 'S']),
        _ => false,
    }
}

/// `2000-strong`, `2000-km`: a count however the number is introduced.
fn hyphenated_count_after(cur: &Cursor<'_>, i: usize) -> bool {
    cur.is_dash(i) && cur.glued(i) && cur.glued(i + 1) && cur.lex(i + 1) == Lex::CountNoun
}

fn is_year_token(cur: &Cursor<'_>, i: usize) -> bool {
    matches!(cur.kind(i), Some(Kind::Num { value, digits: 4 }) if (1000..=2999).contains(&value))
}

fn percent_after(cur: &Cursor<'_>, i: usize) -> bool {
    cur.punct(i) == Some('%')
        || cur.lex(i) == Lex::Percent
            && (cur.text_of(i).eq_ignore_ascii_case("percent")
                || cur.text_of(i + 1).eq_ignore_ascii_case("cent"))
}

/// `2012-023`, `2019:12`, `2019/123`, `2019,000`: digits glued after the year
/// through a joiner. A `.` is not one: `2021.12` is a year and a footnote marker.
fn glued_number_after(cur: &Cursor<'_>, i: usize) -> bool {
    matches!(cur.punct(i), Some('-' | '–' | '/' | ':' | ','))
        && cur.glued(i)
        && cur.glued(i + 1)
        && cur.num(i + 1).is_some()
}

/// `555-2019`, `1500-2000`.
fn glued_number_before(cur: &Cursor<'_>, i: usize) -> bool {
    i >= 2 && cur.glued(i) && cur.is_dash(i - 1) && cur.glued(i - 1) && cur.num(i - 2).is_some()
}

/// Three numbers in a row with only spaces between (`2012 80 10`, `+90 312 2019 1234`).
fn in_number_run(cur: &Cursor<'_>, first: usize, end: usize) -> bool {
    let spaced_num = |k: Option<usize>| k.is_some_and(|k| cur.num(k).is_some());
    let before = |n: usize| first.checked_sub(n);
    let prev = spaced_num(before(1)) && !cur.glued(first);
    let prev2 = prev && spaced_num(before(2)) && !cur.glued(first - 1);
    let next = spaced_num(Some(end)) && !cur.glued(end);
    let next2 = next && spaced_num(Some(end + 1)) && !cur.glued(end + 1);
    prev2 || next2 || (prev && next)
}

/// `some 2000`, `nearly 2000`, `more than 2000`, `at least 2000`.
fn quantifier_before(cur: &Cursor<'_>, i: usize) -> bool {
    let Some(k) = i.checked_sub(1) else {
        return false;
    };
    match cur.lex(k) {
        // `from roughly 2016 onward` is still a year.
        Lex::Approx => !k.checked_sub(1).is_some_and(|j| {
            matches!(
                cur.lex(j),
                Lex::TimePrep { strong: true } | Lex::From | Lex::RangeTo
            )
        }),
        Lex::Comparative => k.checked_sub(1).is_some_and(|j| {
            ["more", "less", "fewer", "at"]
                .iter()
                .any(|w| cur.text_of(j).eq_ignore_ascii_case(w))
        }),
        _ => false,
    }
}

/// A word before the number that shows it is a year: `in`, `since`, `the`,
/// `its`, `from`, `before`, `early`, or a possessive (`Mali's 2012 crisis`).
fn year_shown_by(cur: &Cursor<'_>, i: usize) -> bool {
    let Some(k) = i.checked_sub(1) else {
        return false;
    };
    let possessive = cur.text_of(k) == "s" && k > 0 && cur.punct(k - 1).is_some_and(is_apostrophe);
    possessive
        || matches!(
            cur.lex(k),
            Lex::TimePrep { strong: true }
                | Lex::BeforeAfter(_)
                | Lex::From
                | Lex::RangeTo
                | Lex::Between
                | Lex::The
                | Lex::Det
                | Lex::Count(1)
                | Lex::Qualifier(_)
        )
}

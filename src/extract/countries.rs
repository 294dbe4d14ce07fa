//! Countries: which names stand for which ISO code, and the context rules that
//! refuse a matched name that does not mention the country.
//!
//! In: [`CountryRec`]s (from `data/countries.tsv` + overrides) to register in
//! the gazetteer; at extraction, a gazetteer hit on a country name with the
//! folded text around it. Out: keep or refuse. The rules (SPEC section 4):
//! - language use is not a country: a demonym followed by `speaking`,
//!   `speaker(s)`, `language(s)`, `translation`, `version`, … (`Turkish-speaking`,
//!   `French-language`), or after `speak`/`learn`/`translate`… (`speaks
//!   Turkish`), or after `in`/`into`/`from` when no noun follows (`in
//!   Turkish.`, `from French and`), or alone in brackets (`(Turkish)`);
//! - a name followed by a number is a media outlet or a title (`France 24`);
//! - a country that is also a given name (Chad, Jordan, Georgia) next to another
//!   capitalised word that is not a sentence opener is a person's name
//!   (`Georgia Holmer`, `Michael Jordan`); precision first, so `Jordan Valley`
//!   is refused too.
//!
//! Peoples (Kurdish, Arab, Tuareg, Fulani) are simply not in the data.
//! Ambiguity between countries (a demonym two countries share) is decided by
//! the caller: such a name counts toward neither.

use super::data::CountryRec;
use super::dates::is_month_name;
use super::gazetteer::{CaseRule, GazetteerBuilder};
use crate::fold::{Folded, fold_key, is_word_byte, word_after, word_before};

/// How a country was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountryForm {
    /// Its name (`Mali`, `Türkiye`).
    Name,
    /// Its demonym or adjective (`Malian`, `Turkish`).
    Demonym,
    /// A code or acronym (`US`, `DRC`).
    Code,
}

/// Words after a demonym that make it a language.
const LANGUAGE_NEXT: &[&str] = &[
    "speaking",
    "speaker",
    "speakers",
    "language",
    "languages",
    "translation",
    "translations",
    "translated",
    "version",
    "versions",
    "subtitles",
    "subtitled",
    "dubbed",
    "dialect",
    "text",
    "texts",
    "original",
    "word",
    "words",
    "term",
    "terms",
    "phrase",
    "transliteration",
    "script",
];

/// Verbs before a demonym that make it a language (`speaks Turkish`).
const LANGUAGE_VERBS: &[&str] = &[
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "speaking",
    "learn",
    "learns",
    "learned",
    "learnt",
    "learning",
    "teach",
    "teaches",
    "taught",
    "teaching",
    "translate",
    "translated",
    "translating",
];

/// Prepositions before a demonym that make it a language when no noun
/// follows (`in Turkish.`, but `in Turkish prisons` is the country's).
const LANGUAGE_PREPOSITIONS: &[&str] = &["in", "into", "from"];

/// Words after a language that show no noun follows it (`in French and English`).
const CONNECTIVES: &[&str] = &[
    "and", "or", "as", "but", "by", "with", "at", "on", "to", "is", "was",
];

/// Capitalised words that open sentences or clauses rather than names
/// (`In Jordan`, `The Chad government`).
const OPENERS: &[&str] = &[
    "the",
    "in",
    "and",
    "of",
    "on",
    "at",
    "for",
    "from",
    "to",
    "by",
    "with",
    "as",
    "but",
    "or",
    "a",
    "an",
    "while",
    "when",
    "since",
    "after",
    "before",
    "both",
    "between",
    "across",
    "into",
    "like",
    "unlike",
    "including",
    "neighbouring",
    "neighboring",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "king",
    "kingdom",
    "republic",
    "president",
    "government",
    "its",
    "his",
    "her",
    "their",
    "than",
    "via",
    "through",
    "within",
    "outside",
    "inside",
    "near",
    "toward",
    "towards",
    "against",
    "where",
    "whereas",
    "if",
    "although",
    "though",
    "yet",
    "so",
    "also",
];

/// Abbreviations of words in official and database-style names.
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("Republic", &["Rep."]),
    ("Democratic", &["Dem."]),
    ("Islands", &["Isds", "Is.", "Isl."]),
    ("Island", &["Is.", "Isl."]),
    ("Saint", &["St.", "St"]),
    ("Territory", &["Terr."]),
    ("Territories", &["Terr."]),
    ("British", &["Br."]),
    ("North", &["N."]),
    ("South", &["S."]),
    ("Federal", &["Fed."]),
    ("People's", &["Peoples", "People's", "Pop."]),
    ("and", &["&"]),
];

/// Spellings of a country name used by statistical tables and databases:
/// abbreviations (`Rep.`, `Isds`, `St.`), `&` for `and`, and the inverted
/// forms of `<Head> of [the] <Core>` (`Korea, Republic of`, `Korea (Republic
/// of)`, `Korea, Rep.`). The name itself is not included.
pub(crate) fn name_variants(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_owned()];
    if let Some((head, core)) = name.split_once(" of ") {
        let (the, core) = core
            .strip_prefix("the ")
            .map_or(("", core), |c| (" the", c));
        if !core.contains(" of ") && !head.is_empty() {
            forms.push(format!("{core}, {head} of{the}"));
            forms.push(format!("{core} ({head} of{the})"));
            forms.push(format!("{core}, {head}"));
        }
    }
    let mut out: Vec<String> = Vec::new();
    for form in &forms {
        let words: Vec<&str> = form.split(' ').collect();
        // Each word either as written or abbreviated; at most this many forms.
        let mut spellings: Vec<String> = vec![String::new()];
        for word in &words {
            let bare = word.trim_end_matches([',', ')']);
            let tail = &word[bare.len()..];
            let lead = bare.strip_prefix('(').map_or("", |_| "(");
            let core = bare.trim_start_matches('(');
            let mut options = vec![(*word).to_owned()];
            if let Some((_, abbrs)) = ABBREVIATIONS.iter().find(|(w, _)| *w == core) {
                options.extend(abbrs.iter().map(|a| format!("{lead}{a}{tail}")));
            }
            spellings = spellings
                .iter()
                .flat_map(|prefix| {
                    options.iter().map(move |o| {
                        if prefix.is_empty() {
                            o.clone()
                        } else {
                            format!("{prefix} {o}")
                        }
                    })
                })
                .take(MAX_NAME_VARIANTS)
                .collect();
        }
        out.extend(spellings);
    }
    out.retain(|v| v != name);
    out.sort();
    out.dedup();
    out
}

/// Most database-style spellings generated per country name.
const MAX_NAME_VARIANTS: usize = 32;

/// Registers every name, demonym and code of every country.
pub(crate) fn register<T: Copy + PartialEq>(
    builder: &mut GazetteerBuilder<T>,
    countries: &[CountryRec],
    target: impl Fn(usize, CountryForm) -> T,
) {
    for (i, c) in countries.iter().enumerate() {
        let case = |name: &String| {
            if c.capitalised.contains(name) {
                CaseRule::Capitalised
            } else {
                CaseRule::Any
            }
        };
        // `Nov`, `Dec`: a month, never a country (nor a place, see `places`).
        let names = c.names.iter().filter(|n| !is_month_name(&fold_key(n)));
        for name in names {
            builder.add(name, target(i, CountryForm::Name), case(name));
            for variant in name_variants(name) {
                builder.add(&variant, target(i, CountryForm::Name), case(name));
            }
        }
        for demonym in &c.demonyms {
            builder.add(demonym, target(i, CountryForm::Demonym), case(demonym));
        }
        for code in &c.codes {
            builder.add(code, target(i, CountryForm::Code), CaseRule::Exact);
        }
    }
}

/// What a country hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// A mention of the country.
    Country,
    /// Part of a person's name (`Georgia Holmer`, `François Soudan`).
    PersonName,
    /// Neither (language use, an outlet).
    Refused,
}

/// What a country hit at folded bytes `range` is. `person_name`: the country's
/// name is also a given name; `is_given_name` tells whether a word (folded,
/// lower case) is a known given name — a country name right after one is a
/// surname (`François Soudan`).
pub(crate) fn judge(
    text: &Folded,
    range: std::ops::Range<usize>,
    form: CountryForm,
    person_name: bool,
    is_given_name: impl Fn(&[u8]) -> bool,
) -> Verdict {
    let lower = &text.lower;
    let next = word_after(lower, range.end);
    let prev = word_before(lower, range.start);
    match form {
        CountryForm::Demonym if is_language_use(lower, range.clone(), prev, next) => {
            Verdict::Refused
        }
        CountryForm::Name => {
            let after_given_name = prev.is_some_and(|w| {
                let at = range.start - 1 - w.len();
                text.cased[at].is_ascii_uppercase() && is_given_name(w)
            });
            if after_given_name || (person_name && next_to_a_name(text, range)) {
                Verdict::PersonName
            } else if next.is_some_and(|w| w.first().is_some_and(u8::is_ascii_digit)) {
                Verdict::Refused
            } else {
                Verdict::Country
            }
        }
        _ => Verdict::Country,
    }
}

fn is_language_use(
    lower: &[u8],
    range: std::ops::Range<usize>,
    prev: Option<&[u8]>,
    next: Option<&[u8]>,
) -> bool {
    let is =
        |w: Option<&[u8]>, list: &[&str]| w.is_some_and(|w| list.iter().any(|x| x.as_bytes() == w));
    if is(next, LANGUAGE_NEXT) || is(prev, LANGUAGE_VERBS) {
        return true;
    }
    let gap_after = lower[range.end..].iter().find(|&&b| b != b' ').copied();
    let no_noun_follows =
        next.is_none() || gap_after.is_some_and(|b| !is_word_byte(b)) || is(next, CONNECTIVES);
    if is(prev, LANGUAGE_PREPOSITIONS) && no_noun_follows {
        return true;
    }
    let before = lower[..range.start]
        .iter()
        .rev()
        .find(|&&b| b != b' ')
        .copied();
    before == Some(b'(') && gap_after == Some(b')')
}

/// Whether a capitalised word (not a sentence opener) stands right next to `range`.
fn next_to_a_name(text: &Folded, range: std::ops::Range<usize>) -> bool {
    let capitalised_name = |word: Option<&[u8]>, at: usize| {
        word.is_some_and(|w| {
            let cased = &text.cased[at..at + w.len()];
            cased[0].is_ascii_uppercase()
                && cased[1..].iter().any(u8::is_ascii_lowercase)
                && !OPENERS.iter().any(|o| o.as_bytes() == w)
        })
    };
    let next = word_after(&text.lower, range.end);
    let next_at = range.end
        + text.lower[range.end..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
    let prev = word_before(&text.lower, range.start);
    let prev_at = prev.map_or(0, |w| {
        let end = range.start
            - text.lower[..range.start]
                .iter()
                .rev()
                .take_while(|&&b| b == b' ')
                .count();
        end - w.len()
    });
    capitalised_name(next, next_at) || capitalised_name(prev, prev_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    /// Runs `judge` on the first occurrence of `word` in `text`.
    fn kept(text: &str, word: &str, form: CountryForm, person_name: bool) -> bool {
        let f = fold(text);
        let lower = String::from_utf8(f.lower.clone()).unwrap();
        let key = crate::fold::fold_key(word);
        let start = lower
            .find(&key)
            .unwrap_or_else(|| panic!("{word} in {text}"));
        let given = |w: &[u8]| w == b"francois";
        judge(&f, start..start + key.len(), form, person_name, given) == Verdict::Country
    }

    #[test]
    fn language_use_is_not_a_country() {
        use CountryForm::Demonym;
        for (text, word, want) in [
            ("Turkish officials said", "Turkish", true),
            ("the Malian army", "Malian", true),
            ("French troops left", "French", true),
            ("in French custody", "French", true),
            ("from Turkish prisons", "Turkish", true),
            ("Turkish-speaking fighters", "Turkish", false),
            ("a Turkish speaking cell", "Turkish", false),
            ("a French-language daily", "French", false),
            ("the Turkish translation", "Turkish", false),
            ("interviews in Turkish.", "Turkish", false),
            ("conducted in Turkish and Arabic", "Turkish", false),
            ("translated from French, the", "French", false),
            ("the word Hizmet (Turkish) means", "Turkish", false),
            ("he speaks Turkish", "Turkish", false),
            ("he speaks Turkish fluently", "Turkish", false),
            ("learning French in", "French", false),
        ] {
            assert_eq!(kept(text, word, Demonym, false), want, "{text}");
        }
    }

    #[test]
    fn database_spellings() {
        let v = name_variants("Republic of Korea");
        for want in [
            "Korea, Republic of",
            "Korea (Republic of)",
            "Korea, Rep.",
            "Rep. of Korea",
        ] {
            assert!(v.contains(&want.to_owned()), "{want} in {v:?}");
        }
        let v = name_variants("Democratic Republic of the Congo");
        for want in [
            "Congo, Democratic Republic of the",
            "Congo (Democratic Republic of the)",
            "Congo, Dem. Rep.",
        ] {
            assert!(v.contains(&want.to_owned()), "{want} in {v:?}");
        }
        let v = name_variants("Turks and Caicos Islands");
        assert!(v.contains(&"Turks & Caicos Isds".to_owned()), "{v:?}");
        assert!(name_variants("Mali").is_empty());
    }

    #[test]
    fn outlets_and_person_names_are_not_countries() {
        use CountryForm::Name;
        for (text, word, person, want) in [
            ("France 24 reported", "France", false, false),
            ("France sent troops", "France", false, true),
            ("Mali in 2012", "Mali", false, true),
            ("Georgia Holmer argues", "Georgia", true, false),
            ("as Michael Jordan said", "Jordan", true, false),
            ("In Jordan, refugees", "Jordan", true, true),
            ("Jordan and Lebanon", "Jordan", true, true),
            ("refugees in Jordan.", "Jordan", true, true),
            ("Chad Smith wrote", "Chad", true, false),
            ("Chad sent troops", "Chad", true, true),
            ("The Chad government", "Chad", true, true),
            ("Georgia and Azerbaijan", "Georgia", true, true),
            ("Georgia Holmer", "Georgia", false, true),
            ("by François Soudan in", "Soudan", false, false),
        ] {
            assert_eq!(kept(text, word, Name, person), want, "{text}");
        }
    }
}

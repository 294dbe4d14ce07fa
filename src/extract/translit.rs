//! Transliteration variants of Arabic names as they reach English and French
//! prose, so that unseen spellings of a group's name still match.
//!
//! In: a folded alias key (`jamaat nusrat al islam wal muslimin`). Out: other
//! spellings of it, the key itself excluded. After the usual folding (accents,
//! apostrophes, hyphens, spaces), these rewrites are applied, alone and
//! combined (at most [`MAX_VARIANTS`] per alias):
//! - `wal X` = `wa al X` = `wa l X` (`wal-Muslimin`, `wa al Muslimeen`);
//! - `X al Y` = `Xul Y` = `X ul Y` (`Nusrat al-Islam`, `Nusratul Islam`);
//! - `al` before a sun letter assimilates: `al-Din` = `ad-Din`, `al-Sham` = `ash-Sham`;
//! - vowels: `ee` = `i`, `oo` = `ou` = `u` (`Muslimeen`, `Mourabitoun`,
//!   `Murabitun`), `aa` = `a` (`Shabaab`), `ii` = `i`, `ae` = `ai` (`Qaeda`,
//!   `Qaida`), a final `ah` = `a` (`Nusrah`), French `ou` for every `u`
//!   (`Mouslimin`);
//! - a leading `al` may be dropped (`al-Shabaab` → `Shabaab`).
//!
//! Vowel rewrites apply only to names that look transliterated (one word, or
//! with an Arabic particle), so English names are left alone. Which variants a
//! group keeps (not another group's explicit name) is `groups.rs`'s decision.

use std::collections::BTreeSet;

/// Most spellings generated from one alias.
const MAX_VARIANTS: usize = 160;
/// Shortest generated variant kept (shorter ones are too likely to be words).
const MIN_VARIANT_LEN: usize = 5;

/// Vowel spellings rewritten anywhere in a word.
const INNER: &[(&str, &str)] = &[
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("aa", "a"),
    ("ii", "i"),
    ("ae", "ai"),
    ("ai", "ae"),
];

/// Word endings rewritten (`Muslimeen` / `Muslimin`, `Murabitun` / `Murabitoun`).
const ENDINGS: &[(&str, &str)] = &[
    ("een", "in"),
    ("in", "een"),
    ("oun", "un"),
    ("un", "oun"),
    ("oon", "un"),
    ("un", "oon"),
    ("ah", "a"),
];

fn reduce(word: &str) -> String {
    word.replace("ee", "i")
        .replace("oo", "u")
        .replace("ou", "u")
        .replace("aa", "a")
        .replace("ii", "i")
}

fn french_u(word: &str) -> String {
    if word.contains("ou") {
        word.to_owned()
    } else {
        reduce(word).replace('u', "ou")
    }
}

fn final_a_h(word: &str) -> String {
    if word.len() >= 4 && word.ends_with('a') && !word.ends_with("ah") {
        format!("{word}h")
    } else {
        word.to_owned()
    }
}

fn ending(word: &str, (end, alt): (&str, &str)) -> String {
    match word.strip_suffix(end) {
        Some(stem) if stem.len() >= 3 => format!("{stem}{alt}"),
        _ => word.to_owned(),
    }
}

/// Every rewrite of a phrase obtained by applying one spelling rule (or the
/// reduction followed by one ending rule) to all its words at once: texts
/// use one transliteration system throughout a name.
fn spelling_variants(phrase: &[String]) -> Vec<String> {
    let apply = |rule: &dyn Fn(&str) -> String| {
        phrase.iter().map(|w| rule(w)).collect::<Vec<_>>().join(" ")
    };
    let mut out = vec![
        apply(&|w: &str| w.to_owned()),
        apply(&reduce),
        apply(&french_u),
        apply(&final_a_h),
    ];
    for &(from, to) in INNER {
        out.push(apply(&|w: &str| w.replace(from, to)));
    }
    for &pair in ENDINGS {
        out.push(apply(&|w: &str| ending(w, pair)));
        out.push(apply(&|w: &str| ending(&reduce(w), pair)));
    }
    out
}

fn is_sun_letter_start(word: &str) -> Option<&'static str> {
    for (prefix, article) in [
        ("sh", "ash"),
        ("th", "ath"),
        ("dh", "adh"),
        ("t", "at"),
        ("d", "ad"),
        ("r", "ar"),
        ("z", "az"),
        ("s", "as"),
        ("n", "an"),
    ] {
        if word.starts_with(prefix) {
            return Some(article);
        }
    }
    None
}

/// Phrase-level rewrites of the article `al` and the conjunction `wa`.
fn phrase_variants(tokens: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![tokens.to_vec()];
    let add = |v: Vec<String>, out: &mut Vec<Vec<String>>| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    // wal X = wa al X = wa l X
    for i in 0..tokens.len() {
        let rest = |skip: usize| tokens[i + skip..].to_vec();
        let head = tokens[..i].to_vec();
        let is_wal = tokens[i] == "wal";
        let is_wa_al =
            tokens[i] == "wa" && tokens.get(i + 1).is_some_and(|t| t == "al" || t == "l");
        if is_wal || is_wa_al {
            let after = if is_wal { rest(1) } else { rest(2) };
            for form in [&["wal"][..], &["wa", "al"], &["wa", "l"]] {
                let mut v = head.clone();
                v.extend(form.iter().map(|s| (*s).to_owned()));
                v.extend(after.iter().cloned());
                add(v, &mut out);
            }
        }
    }
    // X al Y = Xul Y = X ul Y; al + sun letter assimilates.
    let snapshot = out.clone();
    for base in snapshot {
        for i in 0..base.len() {
            if base[i] != "al" || i + 1 >= base.len() {
                continue;
            }
            let next = &base[i + 1];
            if let Some(article) = is_sun_letter_start(next) {
                let mut v = base.clone();
                article.clone_into(&mut v[i]);
                add(v, &mut out);
            }
            if i > 0 && base[i - 1] != "wa" {
                let mut glued = base.clone();
                glued[i - 1] = format!("{}ul", base[i - 1]);
                glued.remove(i);
                add(glued, &mut out);
                let mut spaced = base.clone();
                "ul".clone_into(&mut spaced[i]);
                add(spaced, &mut out);
            }
        }
    }
    // a leading al- dropped
    let snapshot = out.clone();
    for base in snapshot {
        if base.len() >= 2 && base[0] == "al" {
            add(base[1..].to_vec(), &mut out);
        }
    }
    out
}

/// Arabic particles whose presence marks a transliterated name (vowel
/// variants are generated only for those, and for one-word names, so that
/// English names like "Group to Support Islam" are left alone).
const PARTICLES: &[&str] = &[
    "al", "el", "ul", "wal", "wa", "ad", "ash", "as", "at", "ar", "an", "az", "bil", "fi", "li",
    "lil",
];

/// Transliteration variants of an alias key (folded), the key itself excluded.
pub(crate) fn variants(key: &str) -> Vec<String> {
    let tokens: Vec<String> = key.split(' ').map(str::to_owned).collect();
    let transliterated =
        tokens.len() == 1 || tokens.iter().any(|t| PARTICLES.contains(&t.as_str()));
    let mut out = BTreeSet::new();
    for phrase in phrase_variants(&tokens) {
        if transliterated {
            out.extend(spelling_variants(&phrase));
        } else {
            out.insert(phrase.join(" "));
        }
    }
    out.into_iter()
        .filter(|v| v != key && v.len() >= MIN_VARIANT_LEN)
        .take(MAX_VARIANTS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_key;

    fn has_variant(alias: &str, spelling: &str) -> bool {
        let key = fold_key(alias);
        let want = fold_key(spelling);
        key == want || variants(&key).contains(&want)
    }

    #[test]
    fn transliteration_variants_table() {
        for (alias, spelling) in [
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jamaat Nusratul Islam wal-Muslimin",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jama’at Nusrat al Islam wa al Muslimin",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jamaat Nusrat al-Islam wal Muslimeen",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jama’at Nusratul Islam wal Muslimin",
            ),
            (
                "Jama'at Nusrat al-Islam wal-Muslimin",
                "Jamaat Nusrat ul-Islam wal-Muslimin",
            ),
            ("al-Mourabitoun", "al-Murabitun"),
            ("al-Mourabitoun", "Mourabitoun"),
            ("al-Shabaab", "al-Shabab"),
            ("al-Shabaab", "Shabab"),
            ("Ansar al-Din", "Ansar ad-Din"),
            ("Hayat Tahrir al-Sham", "Hayat Tahrir ash-Sham"),
            ("Jabhat al-Nusra", "Jabhat al-Nusrah"),
            (
                "Harakat al-Shabaab al-Mujahideen",
                "Harakat al-Shabab al-Mujahidin",
            ),
        ] {
            assert!(
                has_variant(alias, spelling),
                "{alias} should cover {spelling}"
            );
        }
    }

    #[test]
    fn variants_do_not_invent_other_words() {
        for (alias, not) in [
            ("Nusrat al-Islam", "Nasr al-Islam"),
            ("al-Qaeda", "al-Qaeda in the Islamic Maghreb"),
            ("Boko Haram", "Boko"),
            ("ISIS", "IS"),
        ] {
            assert!(!has_variant(alias, not), "{alias} must not cover {not}");
        }
        assert!(variants("isis").is_empty());
        assert!(
            variants(&fold_key("al-Qaeda"))
                .iter()
                .all(|v| v.len() >= MIN_VARIANT_LEN)
        );
    }
}

//! The words the date grammar knows: month names (English, French, Turkish),
//! seasons, ordinals, qualifiers, range and relative words, and the words
//! that make a nearby number a quantity or an identifier rather than a date.
//!
//! In: one word, already lower-cased by the tokenizer. Out: its [`Lex`]
//! class. Case matters to the grammar (`May` the month, `may` the verb), so
//! the tokenizer keeps it beside the class; this module never sees it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::model::Qualifier;

/// Which language and form a month name is written in; the grammar is
/// stricter with forms that double as ordinary words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthForm {
    /// `January` … `December`.
    English,
    /// `Jan`, `Sept`, `Dec` (an optional `.` follows).
    Abbrev,
    /// `janvier` … `décembre`, written lower-case in French.
    French,
    /// `Ocak` … `Aralık`.
    Turkish,
}

/// A season: kept as a qualifier beside a year (`summer 2019`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub(crate) fn qualifier(self) -> Qualifier {
        match self {
            Season::Spring => Qualifier::Spring,
            Season::Summer => Qualifier::Summer,
            Season::Autumn => Qualifier::Autumn,
            Season::Winter => Qualifier::Winter,
        }
    }
}

/// A calendar unit named by a relative expression (`last year`, `that month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Month,
    Day,
}

/// What a word can do in a date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// A month name, 1–12.
    Month(u8, MonthForm),
    /// `spring`, `summer`, `autumn`, `fall`, `winter`.
    Season(Season),
    /// `Monday` … `Sun`: skipped, never needed to date anything.
    Weekday,
    /// `first` … `nineteenth`, `twentieth`, `thirtieth`.
    Ordinal(u8),
    /// `twenty`, `thirty`, heads of `twenty-first`.
    Tens(u8),
    /// `a`, `one` … `twelve`: counts in `two years later`.
    Count(u8),
    /// `early`, `mid`, `late` directly before a date.
    Qualifier(Qualifier),
    /// `beginning`, `start`, `middle`, `end`, `close`, before `of` + date.
    Part(Qualifier),
    /// `half` or `quarter` in `the first half of 2019`.
    Fraction(u8),
    /// Joins the two ends of an interval: `to`, `through`, `until`, `till`.
    RangeTo,
    /// `and`, `or`: coordinates dates, ends a `between` interval.
    And,
    /// `between`.
    Between,
    /// `from`.
    From,
    /// Counts from the publication date: `last` (-1), `this` (0), `next` (+1).
    Deictic(i8),
    /// Counts from the date the text is talking about: `that`, `same` (0),
    /// `following` (+1), `previous` (-1).
    Anaphoric(i8),
    /// `earlier` (-1), `later` (+1), `ago` (-1 from the publication date).
    Shift(i8),
    /// `year`, `month`, `day` and their plurals.
    Unit(Unit),
    /// `the`.
    The,
    /// `of`.
    Of,
    /// A preposition that introduces a time. Strong ones (`in`, `since`,
    /// `during`) make a following number a year even before a count noun
    /// (`in 2019 people…`); weak ones (`at`, `around`) do not (`at 2000 hours`).
    TimePrep { strong: bool },
    /// `its`, `their`, `a`…: a determiner before `2015 attacks` makes the
    /// year attributive, not a count.
    Det,
    /// `before`, `after`: a time preposition that also ends `the year before`.
    BeforeAfter(i8),
    /// `some`, `nearly`, `approximately`…: a number after it is a quantity.
    Approx,
    /// `than`, `least`: `more than 2000`, `at least 2000`.
    Comparative,
    /// `No`, `Report`, `vol`, `pp`, `Resolution`, currencies…: a number
    /// after it is an identifier or an amount.
    IdPrefix,
    /// A noun that counts things (`people`, `fighters`, `km`): a number
    /// before it is a quantity.
    CountNoun,
    /// `per` (in `per cent`), `percent`.
    Percent,
    /// `will`, `scheduled`, `planned`, `next`…: the sentence speaks of the future.
    Future,
    /// Any other word.
    Other,
}

/// The class of a lower-cased word.
pub(crate) fn lookup(lower: &str) -> Lex {
    lookup_bytes(lower.as_bytes())
}

/// The class of a lower-cased word given as UTF-8 bytes.
pub(crate) fn lookup_bytes(lower: &[u8]) -> Lex {
    let (Some(&first), Some(&last)) = (lower.first(), lower.last()) else {
        return Lex::Other;
    };
    if !SHAPES.may_contain(first, last, lower.len()) {
        return Lex::Other;
    }
    WORDS.get(lower).copied().unwrap_or(Lex::Other)
}

/// A cheap first test before hashing: which (first byte, last byte, length)
/// shapes the table's words have. Most words of a text fail it.
struct Shapes {
    /// Bit `len` of `bits[first][last]` (first and last byte folded to 0..64).
    bits: Box<[[u32; 64]; 64]>,
}

impl Shapes {
    fn fold(b: u8) -> usize {
        usize::from(b & 63)
    }

    fn may_contain(&self, first: u8, last: u8, len: usize) -> bool {
        len < 32 && self.bits[Self::fold(first)][Self::fold(last)] & (1 << len) != 0
    }
}

static SHAPES: LazyLock<Shapes> = LazyLock::new(|| {
    let mut bits = Box::new([[0u32; 64]; 64]);
    for key in WORDS.keys() {
        if let (Some(&first), Some(&last)) = (key.first(), key.last()) {
            bits[Shapes::fold(first)][Shapes::fold(last)] |= 1 << key.len();
        }
    }
    Shapes { bits }
});

/// The longest word in the table, in bytes: the tokenizer skips the lookup
/// (and the lower-casing) for longer words.
pub(crate) const MAX_WORD_LEN: usize = 16;

/// The table, hashed with FNV-1a: every word of every text is looked up,
/// and the keys are short, so a simple hash beats the default `SipHash`
/// (no need for its resistance to crafted keys: the keys are ours).
static WORDS: LazyLock<HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>>> = LazyLock::new(build);

/// FNV-1a, 64 bits.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

const ENGLISH_MONTHS: &str =
    "january february march april may june july august september october november december";

/// Abbreviations, with the month they stand for (`sept` and `sep` both).
const ABBREV_MONTHS: [(&str, u8); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];

/// French months, with and without accents (exports often lose them).
const FRENCH_MONTHS: [(&str, u8); 15] = [
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
];

/// Turkish months, with and without Turkish letters.
const TURKISH_MONTHS: [(&str, u8); 18] = [
    ("ocak", 1),
    ("şubat", 2),
    ("subat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("kasim", 11),
    ("aralık", 12),
    ("aralik", 12),
];

const ORDINALS: &str = concat!(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth ",
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
);

const COUNTS: &str = "one two three four five six seven eight nine ten eleven twelve";

/// Nouns that count people, things and distances in these reports. A list
/// rather than "any word ending in s": `2019 marks`, `2020 brings` are years.
const COUNT_NOUNS: &str = concat!(
    "people persons individuals men women children boys girls fighters militants jihadists ",
    "combatants insurgents troops soldiers officers policemen members recruits detainees ",
    "prisoners inmates convicts returnees refugees migrants families households civilians ",
    "casualties victims deaths dead injured wounded attacks incidents operations arrests ",
    "cases files suspects terrorists foreigners nationals citizens residents students ",
    "schools villages vehicles weapons rifles rounds km kms kilometres kilometers miles ",
    "metres meters kg kilograms tonnes tons hectares dollars euros francs lira liras votes ",
    "hours hrs gmt utc pages copies beds cells million billion thousand hundred strong ",
    "staff personnel deportees defendants convictions accounts tweets posts videos messages ",
    "documents homes houses buildings cars trucks guns mines bombs explosives kilos barrels ",
    "cattle sheep camels tents shelters beneficiaries participants respondents interviews"
);

/// Words after which a number is an identifier or an amount, not a date.
const ID_PREFIXES: &str = concat!(
    "no nos n nr nº number resolution res vol volume p pp page pages chapter ch article ",
    "art section sec para paragraph flight route highway tel fax phone box code item annex ",
    "table figure fig footnote note issue version usd eur cfa fcfa xof tl iso"
);

const STRONG_TIME_PREPS: &str = "in on during since by throughout";

const WEAK_TIME_PREPS: &str = "circa around at towards toward";

const DETERMINERS: &str = "its their his her our these those";

const FUTURE_CUES: &str = concat!(
    "will shall scheduled planned plans plan upcoming forthcoming due expected expects ",
    "deadline intends intend ll"
);

/// English month names and their abbreviations, lower-case, with whether
/// each is an abbreviation: the one list the segmenter's date-line and
/// timeline-header rules are built from too.
pub(crate) fn english_months() -> impl Iterator<Item = (&'static str, bool)> {
    ENGLISH_MONTHS
        .split(' ')
        .map(|w| (w, false))
        .chain(ABBREV_MONTHS.iter().map(|(w, _)| (*w, true)))
}

fn build() -> HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>> {
    let mut m = HashMap::with_capacity_and_hasher(400, BuildHasherDefault::default());
    for (w, l) in FIXED_WORDS {
        m.insert(w.as_bytes(), l);
    }
    for (i, w) in ENGLISH_MONTHS.split(' ').enumerate() {
        m.insert(w.as_bytes(), Lex::Month(i as u8 + 1, MonthForm::English));
    }
    for (w, n) in ABBREV_MONTHS {
        m.insert(w.as_bytes(), Lex::Month(n, MonthForm::Abbrev));
    }
    for (w, n) in FRENCH_MONTHS {
        m.insert(w.as_bytes(), Lex::Month(n, MonthForm::French));
    }
    for (w, n) in TURKISH_MONTHS {
        m.insert(w.as_bytes(), Lex::Month(n, MonthForm::Turkish));
    }
    for (i, w) in ORDINALS.split(' ').enumerate() {
        m.insert(w.as_bytes(), Lex::Ordinal(i as u8 + 1));
    }
    for (i, w) in COUNTS.split(' ').enumerate() {
        m.insert(w.as_bytes(), Lex::Count(i as u8 + 1));
    }
    let lists: [(&'static str, Lex); 6] = [
        (COUNT_NOUNS, Lex::CountNoun),
        (ID_PREFIXES, Lex::IdPrefix),
        (STRONG_TIME_PREPS, Lex::TimePrep { strong: true }),
        (WEAK_TIME_PREPS, Lex::TimePrep { strong: false }),
        (DETERMINERS, Lex::Det),
        (FUTURE_CUES, Lex::Future),
    ];
    for (words, lex) in lists {
        for w in words.split(' ') {
            m.entry(w.as_bytes()).or_insert(lex);
        }
    }
    m
}

/// Words with a class of their own. Entered first: the lists above do not
/// override them (`next` is deictic before it is a future cue).
const FIXED_WORDS: [(&str, Lex); 84] = {
    use Lex::{
        Anaphoric, And, Approx, BeforeAfter, Between, Comparative, Count, Deictic, Fraction, From,
        Of, Part, Percent, RangeTo, Shift, Tens, The, Unit as U, Weekday,
    };
    [
        ("spring", Lex::Season(Season::Spring)),
        ("summer", Lex::Season(Season::Summer)),
        ("autumn", Lex::Season(Season::Autumn)),
        ("fall", Lex::Season(Season::Autumn)),
        ("winter", Lex::Season(Season::Winter)),
        ("twentieth", Lex::Ordinal(20)),
        ("thirtieth", Lex::Ordinal(30)),
        ("twenty", Tens(20)),
        ("thirty", Tens(30)),
        ("a", Count(1)),
        ("an", Count(1)),
        ("early", Lex::Qualifier(Qualifier::Early)),
        ("mid", Lex::Qualifier(Qualifier::Mid)),
        ("late", Lex::Qualifier(Qualifier::Late)),
        ("beginning", Part(Qualifier::Early)),
        ("start", Part(Qualifier::Early)),
        ("middle", Part(Qualifier::Mid)),
        ("end", Part(Qualifier::Late)),
        ("close", Part(Qualifier::Late)),
        ("half", Fraction(2)),
        ("quarter", Fraction(4)),
        ("to", RangeTo),
        ("through", RangeTo),
        ("thru", RangeTo),
        ("until", RangeTo),
        ("till", RangeTo),
        ("and", And),
        ("or", And),
        ("between", Between),
        ("from", From),
        ("last", Deictic(-1)),
        ("this", Deictic(0)),
        ("current", Deictic(0)),
        ("next", Deictic(1)),
        ("coming", Deictic(1)),
        ("that", Anaphoric(0)),
        ("same", Anaphoric(0)),
        ("following", Anaphoric(1)),
        ("subsequent", Anaphoric(1)),
        ("previous", Anaphoric(-1)),
        ("preceding", Anaphoric(-1)),
        ("prior", Anaphoric(-1)),
        ("earlier", Shift(-1)),
        ("later", Shift(1)),
        ("ago", Shift(-1)),
        ("year", U(Unit::Year)),
        ("years", U(Unit::Year)),
        ("yr", U(Unit::Year)),
        ("yrs", U(Unit::Year)),
        ("month", U(Unit::Month)),
        ("months", U(Unit::Month)),
        ("day", U(Unit::Day)),
        ("days", U(Unit::Day)),
        ("the", The),
        ("of", Of),
        ("before", BeforeAfter(-1)),
        ("after", BeforeAfter(1)),
        ("some", Approx),
        ("nearly", Approx),
        ("almost", Approx),
        ("approximately", Approx),
        ("approx", Approx),
        ("roughly", Approx),
        ("estimated", Approx),
        ("than", Comparative),
        ("least", Comparative),
        ("per", Percent),
        ("percent", Percent),
        ("monday", Weekday),
        ("tuesday", Weekday),
        ("wednesday", Weekday),
        ("thursday", Weekday),
        ("friday", Weekday),
        ("saturday", Weekday),
        ("sunday", Weekday),
        ("mon", Weekday),
        ("tue", Weekday),
        ("tues", Weekday),
        ("wed", Weekday),
        ("thu", Weekday),
        ("thurs", Weekday),
        ("fri", Weekday),
        ("sat", Weekday),
        ("sun", Weekday),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_three_languages() {
        assert_eq!(lookup("june"), Lex::Month(6, MonthForm::English));
        assert_eq!(lookup("sept"), Lex::Month(9, MonthForm::Abbrev));
        assert_eq!(lookup("février"), Lex::Month(2, MonthForm::French));
        assert_eq!(lookup("ağustos"), Lex::Month(8, MonthForm::Turkish));
        assert_eq!(lookup("agustos"), Lex::Month(8, MonthForm::Turkish));
    }

    #[test]
    fn roles_do_not_collide() {
        assert_eq!(lookup("next"), Lex::Deictic(1));
        assert_eq!(lookup("fall"), Lex::Season(Season::Autumn));
        assert_eq!(lookup("people"), Lex::CountNoun);
        assert_eq!(lookup("vol"), Lex::IdPrefix);
        assert_eq!(lookup("anything"), Lex::Other);
    }

    #[test]
    fn the_shape_filter_lets_every_word_through() {
        assert!(WORDS.iter().all(|(k, lex)| lookup_bytes(k) == *lex));
        assert_eq!(lookup("government"), Lex::Other);
    }

    #[test]
    fn no_key_longer_than_the_tokenizer_looks_up() {
        assert!(
            WORDS
                .keys()
                .all(|k| !k.is_empty() && !k.contains(&b' ') && k.len() <= MAX_WORD_LEN)
        );
    }
}

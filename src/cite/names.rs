//! Authors' names as citations want them: family and given name apart
//! (`van der Heide, Liesbeth`), or the name as written when it is an
//! organisation or a single word, which no rule can split safely.
//!
//! In: a name as a report or `sources.toml` writes it. Out: [`Name`].

use crate::fold;

/// Words that make a name an organisation's, kept whole (CSL `literal`).
const ORGANISATION_WORDS: [&str; 22] = [
    "agency",
    "association",
    "bureau",
    "center",
    "centre",
    "commission",
    "committee",
    "council",
    "department",
    "foundation",
    "group",
    "institut",
    "institute",
    "ministry",
    "nations",
    "network",
    "office",
    "organisation",
    "organization",
    "programme",
    "project",
    "university",
];

/// Lower-case words that belong to the family name they precede
/// (CSL's non-dropping particle: `van der Heide` sorts under "van").
const PARTICLES: [&str; 21] = [
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el",
    "ibn", "la", "le", "ten", "ter", "van", "von",
];

/// Generational suffixes written after the name (`Jr.`, `III`).
const SUFFIXES: [&str; 6] = ["jr", "jr.", "sr", "sr.", "iii", "iv"];

/// An author's name, split where that is safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Name {
    /// A person's name in its parts.
    Person {
        /// The family name without its particle (`Heide`).
        family: String,
        /// Given names and initials (`Liesbeth`); empty when none.
        given: String,
        /// The lower-case words before the family name (`van der`); empty when none.
        particle: String,
        /// `Jr.`, `III`; empty when none.
        suffix: String,
    },
    /// A name kept as written: an organisation, a single word.
    Literal(String),
}

impl Name {
    /// Splits a name as a report writes it: `Given Family`, or `Family, Given`.
    pub(super) fn parse(written: &str) -> Name {
        let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let is_organisation = written.split(|c: char| !c.is_alphanumeric()).any(|w| {
            ORGANISATION_WORDS.contains(&w.to_lowercase().as_str())
                || w.chars().any(|c| c.is_ascii_digit())
        });
        if is_organisation {
            return Name::Literal(written);
        }
        let (head, suffix) = match written.rsplit_once(", ") {
            Some((head, tail)) if SUFFIXES.contains(&tail.to_lowercase().as_str()) => {
                (head.to_string(), tail.to_string())
            }
            _ => (written.clone(), String::new()),
        };
        if let Some((family, given)) = head.split_once(", ") {
            let (particle, family) = take_particle(&family.split(' ').collect::<Vec<_>>());
            return person(family, given.to_string(), particle, suffix);
        }
        let mut words: Vec<&str> = head.split(' ').collect();
        let suffix = match words.last() {
            Some(w) if suffix.is_empty() && SUFFIXES.contains(&w.to_lowercase().as_str()) => {
                let w = (*w).to_string();
                words.pop();
                w
            }
            _ => suffix,
        };
        if words.len() < 2 {
            return Name::Literal(written);
        }
        let family_at = words.len() - 1;
        let mut given_end = family_at;
        while given_end > 1 && PARTICLES.contains(&words[given_end - 1]) {
            given_end -= 1;
        }
        let given = words[..given_end].join(" ");
        let particle = words[given_end..family_at].join(" ");
        person(words[family_at].to_string(), given, particle, suffix)
    }

    /// `van der Heide, Liesbeth`: how a bibliography lists a first author.
    pub(super) fn inverted(&self) -> String {
        match self {
            Name::Literal(name) => name.clone(),
            Name::Person {
                family,
                given,
                particle,
                suffix,
            } => {
                let mut out = join_words(&[particle, family]);
                for part in [given, suffix] {
                    if !part.is_empty() {
                        out.push_str(", ");
                        out.push_str(part);
                    }
                }
                out
            }
        }
    }

    /// `Liesbeth van der Heide`: as the name is read.
    pub(super) fn direct(&self) -> String {
        match self {
            Name::Literal(name) => name.clone(),
            Name::Person {
                family,
                given,
                particle,
                suffix,
            } => {
                let name = join_words(&[given, particle, family]);
                if suffix.is_empty() {
                    name
                } else {
                    format!("{name}, {suffix}")
                }
            }
        }
    }

    /// The family name (or the whole literal) folded to ASCII letters and
    /// digits: the start of a BibTeX key.
    pub(super) fn key(&self) -> String {
        let base = match self {
            Name::Literal(name) => name,
            Name::Person { family, .. } => family,
        };
        fold::slug(base).replace('-', "")
    }
}

/// The lower-case particle words opening a family name written first
/// (`van der Heide, Liesbeth`), and the family name after them.
fn take_particle(words: &[&str]) -> (String, String) {
    let at = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| PARTICLES.contains(w))
        .count();
    (words[..at].join(" "), words[at..].join(" "))
}

fn person(family: String, given: String, particle: String, suffix: String) -> Name {
    Name::Person {
        family,
        given,
        particle,
        suffix,
    }
}

fn join_words(parts: &[&String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_where_it_is_safe() {
        // (written, family, given, particle, suffix); family "" = literal.
        let cases = [
            ("Julie Coleman", "Coleman", "Julie", "", ""),
            ("Liesbeth van der Heide", "Heide", "Liesbeth", "van der", ""),
            (
                "van der Heide, Liesbeth",
                "Heide",
                "Liesbeth",
                "van der",
                "",
            ),
            ("Coleman, Julie", "Coleman", "Julie", "", ""),
            ("  Julie   Coleman ", "Coleman", "Julie", "", ""),
            ("Mary Ann O’Neil", "O’Neil", "Mary Ann", "", ""),
            ("J. R. Smith", "Smith", "J. R.", "", ""),
            (
                "Martin Luther King, Jr.",
                "King",
                "Martin Luther",
                "",
                "Jr.",
            ),
            ("John Smith III", "Smith", "John", "", "III"),
            ("Hassan bin Ali", "Ali", "Hassan", "bin", ""),
            ("Ahmed al-Tayeb", "al-Tayeb", "Ahmed", "", ""),
            ("Ludwig von Mises", "Mises", "Ludwig", "von", ""),
            // A name that is only a particle and a family name keeps the particle as given.
            ("de Gaulle", "Gaulle", "de", "", ""),
            ("Madonna", "", "", "", ""),
            ("International Crisis Group", "", "", "", ""),
            ("Counter Extremism Project", "", "", "", ""),
            ("UN Security Council", "", "", "", ""),
            ("Team 5", "", "", "", ""),
            ("", "", "", "", ""),
        ];
        for (written, family, given, particle, suffix) in cases {
            let expected = if family.is_empty() {
                Name::Literal(written.split_whitespace().collect::<Vec<_>>().join(" "))
            } else {
                person(family.into(), given.into(), particle.into(), suffix.into())
            };
            assert_eq!(Name::parse(written), expected, "{written:?}");
        }
    }

    #[test]
    fn names_read_both_ways_and_give_keys() {
        let cases = [
            (
                "Liesbeth van der Heide",
                "van der Heide, Liesbeth",
                "Liesbeth van der Heide",
                "heide",
            ),
            (
                "Martin Luther King, Jr.",
                "King, Martin Luther, Jr.",
                "Martin Luther King, Jr.",
                "king",
            ),
            (
                "Ahmed al-Tayeb",
                "al-Tayeb, Ahmed",
                "Ahmed al-Tayeb",
                "altayeb",
            ),
            ("Zoë Müller", "Müller, Zoë", "Zoë Müller", "muller"),
            (
                "International Crisis Group",
                "International Crisis Group",
                "International Crisis Group",
                "internationalcrisisgroup",
            ),
        ];
        for (written, inverted, direct, key) in cases {
            let name = Name::parse(written);
            assert_eq!(name.inverted(), inverted);
            assert_eq!(name.direct(), direct);
            assert_eq!(name.key(), key);
        }
    }
}

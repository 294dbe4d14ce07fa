//! Passage kinds: what a passage is, its id letter and its name.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a passage is. The letter is part of the passage id (`crisisgroup-258/fn14`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// A section heading; its text is the heading as printed, normalised.
    Heading,
    /// Running prose (including block quotes and list items that are not events).
    Paragraph,
    /// A footnote body; `n` is the footnote's own number.
    Footnote,
    /// A dated timeline item, dated by its header.
    Event,
    /// A figure or map caption.
    Caption,
}

impl PassageKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [PassageKind; 5] = [
        PassageKind::Heading,
        PassageKind::Paragraph,
        PassageKind::Footnote,
        PassageKind::Event,
        PassageKind::Caption,
    ];

    /// The id letter(s): `h`, `p`, `fn`, `ev`, `c`.
    pub fn letter(self) -> &'static str {
        match self {
            PassageKind::Heading => "h",
            PassageKind::Paragraph => "p",
            PassageKind::Footnote => "fn",
            PassageKind::Event => "ev",
            PassageKind::Caption => "c",
        }
    }

    /// The small number the index stores for the kind (its place in [`Self::ALL`]).
    pub fn code(self) -> u64 {
        match self {
            PassageKind::Heading => 0,
            PassageKind::Paragraph => 1,
            PassageKind::Footnote => 2,
            PassageKind::Event => 3,
            PassageKind::Caption => 4,
        }
    }

    /// The lower-case name used in JSON, facets and `--kind`.
    pub fn name(self) -> &'static str {
        match self {
            PassageKind::Heading => "heading",
            PassageKind::Paragraph => "paragraph",
            PassageKind::Footnote => "footnote",
            PassageKind::Event => "event",
            PassageKind::Caption => "caption",
        }
    }
}

impl fmt::Display for PassageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PassageKind {
    type Err = String;

    /// Accepts the name (`footnote`), its plural and the id letter (`fn`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        PassageKind::ALL
            .into_iter()
            .find(|k| k.name() == singular || k.letter() == lower)
            .ok_or_else(|| {
                format!(
                    "unknown kind `{s}`; expected heading, paragraph, footnote, event or caption"
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_parses_names_plurals_and_letters() {
        for (input, kind) in [
            ("footnote", PassageKind::Footnote),
            ("Footnotes", PassageKind::Footnote),
            ("fn", PassageKind::Footnote),
            ("ev", PassageKind::Event),
            ("heading", PassageKind::Heading),
            ("p", PassageKind::Paragraph),
            ("captions", PassageKind::Caption),
        ] {
            assert_eq!(input.parse::<PassageKind>(), Ok(kind), "{input}");
        }
        assert!("chapter".parse::<PassageKind>().is_err());
    }

    #[test]
    fn codes_are_places_in_all() {
        for (i, kind) in PassageKind::ALL.into_iter().enumerate() {
            assert_eq!(kind.code(), i as u64, "{kind}");
        }
    }
}

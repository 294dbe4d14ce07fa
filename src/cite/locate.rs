//! Where in its report a passage is: the pin cite people read (`Section ›
//! Sub, ¶ 12, p. 4`) and the one locator reference managers take.
//!
//! In: a passage. Out: strings; the page, where the source has pages, is the
//! locator (what a reader of the printed report can find), else the
//! passage's own number.

use crate::model::{Passage, PassageKind};

/// `¶ 12`, `n. 14`, `event 3`, `caption 2`, `heading 4`.
pub(super) fn number(p: &Passage) -> String {
    match p.kind {
        PassageKind::Paragraph => format!("¶ {}", p.n),
        PassageKind::Footnote => format!("n. {}", p.n),
        other => format!("{} {}", other.name(), p.n),
    }
}

/// The whole pin cite: section path, number, page.
pub(super) fn pin(p: &Passage) -> String {
    let mut parts = Vec::new();
    if !p.section.is_empty() {
        parts.push(p.section.join(" › "));
    }
    parts.push(number(p));
    if let Some(page) = p.page {
        parts.push(format!("p. {page}"));
    }
    parts.join(", ")
}

/// The one locator of CSL-JSON and RIS: a label and a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Locator {
    /// `page`, `note`, `paragraph`, `figure`, `section` (CSL's locator
    /// terms) or `event` (a timeline item, which CSL has no term for).
    pub label: &'static str,
    /// The page or passage number.
    pub value: String,
}

/// The page where known, else the passage's number under its kind's label.
pub(super) fn locator(p: &Passage) -> Locator {
    if let Some(page) = p.page {
        return Locator {
            label: "page",
            value: page.to_string(),
        };
    }
    let label = match p.kind {
        PassageKind::Paragraph => "paragraph",
        PassageKind::Footnote => "note",
        PassageKind::Caption => "figure",
        PassageKind::Heading => "section",
        PassageKind::Event => "event",
    };
    Locator {
        label,
        value: p.n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(kind: PassageKind, n: u32, section: &[&str], page: Option<u32>) -> Passage {
        let mut p: Passage = serde_json::from_value(serde_json::json!({
            "id": "d/x", "doc": "d", "doc_title": "T", "kind": kind, "n": n,
            "section": section, "text": "", "refs": [], "footnotes": [],
            "sources": [], "countries": [], "groups": [], "places": [],
            "persons": [], "dates": []
        }))
        .expect("a passage");
        p.page = page;
        p
    }

    #[test]
    fn pins_name_section_number_and_page() {
        let cases = [
            (
                PassageKind::Paragraph,
                12,
                &["A", "B"][..],
                None,
                "A › B, ¶ 12",
                "paragraph",
                "12",
            ),
            (
                PassageKind::Footnote,
                14,
                &[][..],
                None,
                "n. 14",
                "note",
                "14",
            ),
            (
                PassageKind::Event,
                3,
                &["Timeline"][..],
                None,
                "Timeline, event 3",
                "event",
                "3",
            ),
            (
                PassageKind::Caption,
                2,
                &[][..],
                Some(7),
                "caption 2, p. 7",
                "page",
                "7",
            ),
            (
                PassageKind::Heading,
                4,
                &["H"][..],
                None,
                "H, heading 4",
                "section",
                "4",
            ),
            (
                PassageKind::Footnote,
                1,
                &["S"][..],
                Some(1),
                "S, n. 1, p. 1",
                "page",
                "1",
            ),
        ];
        for (kind, n, section, page, pinned, label, value) in cases {
            let p = passage(kind, n, section, page);
            assert_eq!(pin(&p), pinned);
            assert_eq!(
                locator(&p),
                Locator {
                    label,
                    value: value.into()
                }
            );
        }
    }
}

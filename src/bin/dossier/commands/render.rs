//! Pieces of human output shared by commands: citation lines, labels, dates.

use dossier::{Passage, PassageKind};

use crate::output::{Out, Style};

/// `Title · Publisher · 29 June 2020`, from the fields every passage carries
/// (so that a search never reads the document table).
pub(crate) fn citation(out: &Out, p: &Passage) -> String {
    let mut parts = vec![out.paint(Style::Bold, &p.doc_title)];
    if let Some(publisher) = &p.doc_publisher {
        parts.push(publisher.clone());
    }
    if let Some(date) = &p.doc_published {
        parts.push(human_date(date));
    }
    parts.join(" · ")
}

/// `II. Recruitment › A. Who Joined · ¶ 12 · crisisgroup-258/p12`
pub(crate) fn location(out: &Out, p: &Passage) -> String {
    let mut parts = Vec::new();
    if !p.section.is_empty() {
        parts.push(out.paint(Style::Section, &p.section.join(" › ")));
    }
    parts.push(kind_label(p));
    parts.push(out.paint(Style::Dim, &p.id));
    parts.join(" · ")
}

/// `¶ 12`, `fn 3`, `heading 4`, `event 17`, `caption 2`.
pub(crate) fn kind_label(p: &Passage) -> String {
    match p.kind {
        PassageKind::Paragraph => format!("¶ {}", p.n),
        PassageKind::Footnote => format!("fn {}", p.n),
        other => format!("{} {}", other.name(), p.n),
    }
}

/// `footnotes 14, 15` (or refs without bodies: `refs [3], [4]`).
pub(crate) fn refs_line(p: &Passage) -> Option<String> {
    if p.refs.is_empty() {
        return None;
    }
    let label = if p.footnotes.is_empty() {
        "refs"
    } else {
        "footnotes"
    };
    Some(format!("{label} {}", p.refs.join(", ")))
}

/// `2020-06-29` → `29 June 2020`; other shapes are returned as given.
pub(crate) fn human_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        [y, m] => match m.parse::<usize>() {
            Ok(m @ 1..=12) => format!("{} {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_dates() {
        assert_eq!(human_date("2020-06-29"), "29 June 2020");
        assert_eq!(human_date("2019-07"), "July 2019");
        assert_eq!(human_date("2014/2015"), "2014/2015");
    }
}

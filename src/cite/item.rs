//! What a citation is made of: a passage, its report, the footnotes it
//! cites; and what kind of work the report is, by one rule for every format.
//!
//! In: plain data the caller looked up. Out: the types the formats share.

use crate::model::{DocMeta, Passage};

/// One passage to cite and what its report is known by.
#[derive(Debug, Clone, Copy)]
pub struct Cited<'a> {
    /// The passage quoted.
    pub passage: &'a Passage,
    /// Its document's metadata (`IndexHandle::docs`).
    pub doc: &'a DocMeta,
    /// The footnote passages it cites (its `footnotes`), in order.
    pub footnotes: &'a [Passage],
}

/// What kind of work a report is: a document read from HTML that names no
/// publisher is a web page (a site's article, not an institution's
/// report); anything else is a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WorkType {
    Report,
    Webpage,
}

impl WorkType {
    pub(super) fn of(doc: &DocMeta) -> WorkType {
        if doc.format == "html" && doc.publisher.is_none() {
            WorkType::Webpage
        } else {
            WorkType::Report
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_page_is_html_without_a_publisher() {
        let mut doc = DocMeta {
            format: "html".into(),
            ..DocMeta::default()
        };
        assert_eq!(WorkType::of(&doc), WorkType::Webpage);
        doc.publisher = Some("Institute".into());
        assert_eq!(WorkType::of(&doc), WorkType::Report);
        doc.format = "pdf".into();
        doc.publisher = None;
        assert_eq!(WorkType::of(&doc), WorkType::Report);
    }
}

//! Paragraph and run properties: a `w:pPr` or `w:rPr` element → what
//! dossier needs from it.
//!
//! In: a reader positioned just after the opening tag. Out: the paragraph's
//! style id, outline level and numbering ([`ParaProps`]), or whether a run
//! is hidden or superscript ([`RunProps`]); the reader is left after the
//! closing tag. Properties recorded by tracked changes (`w:pPrChange`,
//! `w:rPrChange`) are what the text used to be, and are skipped. What the
//! properties make a paragraph is `styles`' and `walk`'s.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::xml;

/// What a paragraph's own properties say.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct ParaProps {
    /// `w:pStyle`
    pub style: Option<String>,
    /// `w:outlineLvl` (0 = a level-1 heading, 9 = body text).
    pub outline: Option<u8>,
    /// `w:numPr/w:numId`: `Some(false)` for `0`, which removes a style's numbering.
    pub numbered: Option<bool>,
}

/// What a run's own properties say.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct RunProps {
    /// `w:vanish`: hidden text, not content.
    pub hidden: bool,
    /// `w:vertAlign w:val="superscript"`.
    pub superscript: bool,
}

/// Reads a `w:pPr` whose opening tag was just read.
pub(super) fn paragraph(reader: &mut Reader<&[u8]>) -> quick_xml::Result<ParaProps> {
    let mut props = ParaProps::default();
    each_property(reader, |e| {
        let val = xml::attr(e, "val");
        match e.local_name().as_ref() {
            "pStyle" => props.style = val,
            "outlineLvl" => props.outline = val.and_then(|v| v.parse().ok()),
            "numId" => props.numbered = Some(val.is_some_and(|v| v != "0")),
            _ => {}
        }
    })?;
    Ok(props)
}

/// Reads a `w:rPr` whose opening tag was just read.
pub(super) fn run(reader: &mut Reader<&[u8]>) -> quick_xml::Result<RunProps> {
    let mut props = RunProps::default();
    each_property(reader, |e| match e.local_name().as_ref() {
        "vanish" => props.hidden = xml::is_on(e),
        "vertAlign" => props.superscript = xml::attr(e, "val").as_deref() == Some("superscript"),
        _ => {}
    })?;
    Ok(props)
}

/// Calls `each` on every element up to the end of the element just opened,
/// tracked-change records skipped.
fn each_property(
    reader: &mut Reader<&[u8]>,
    mut each: impl FnMut(&BytesStart<'_>),
) -> quick_xml::Result<()> {
    let mut depth = 0usize;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref().ends_with("PrChange") => {
                reader.read_to_end(e.name())?;
            }
            Event::Start(e) => {
                depth += 1;
                each(&e);
            }
            Event::Empty(e) => each(&e),
            Event::End(_) if depth == 0 => return Ok(()),
            Event::End(_) => depth -= 1,
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(xml: &str) -> Reader<&[u8]> {
        let mut reader = xml::reader(xml);
        assert!(matches!(reader.read_event(), Ok(Event::Start(_))));
        reader
    }

    #[test]
    fn paragraph_properties_without_tracked_changes() {
        let xml = r#"<w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>
            <w:rPr><w:vanish/></w:rPr><w:pPrChange w:id="4"><w:pPr><w:pStyle w:val="Title"/></w:pPr></w:pPrChange></w:pPr><w:r/>"#;
        let mut reader = opened(xml);
        let props = paragraph(&mut reader).expect("reads");
        assert_eq!(props.style.as_deref(), Some("Heading2"));
        assert_eq!(props.numbered, Some(true));
        assert_eq!(props.outline, None);
        // The reader is left after `</w:pPr>`.
        assert!(
            matches!(reader.read_event(), Ok(Event::Empty(e)) if e.local_name().as_ref() == "r")
        );
    }

    #[test]
    fn run_properties() {
        let cases = [
            ("<w:rPr><w:vanish/></w:rPr>", (true, false)),
            (r#"<w:rPr><w:vanish w:val="0"/></w:rPr>"#, (false, false)),
            (
                r#"<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>"#,
                (false, true),
            ),
            (
                r#"<w:rPr><w:b/><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr>"#,
                (false, false),
            ),
        ];
        for (xml, (hidden, superscript)) in cases {
            let props = run(&mut opened(xml)).expect("reads");
            assert_eq!(
                (props.hidden, props.superscript),
                (hidden, superscript),
                "{xml}"
            );
        }
    }
}

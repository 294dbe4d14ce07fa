//! XML helpers shared by the readers of a Word package's parts.
//!
//! In: quick-xml events of a part. Out: attribute values by local name
//! (`w:val` → `val`, whatever the prefix), the text an entity or character
//! reference stands for, and a part's bytes as text. Word's parts are read
//! by local names only: the prefixes (`w:`, `r:`) are conventions, and
//! strict OOXML uses other namespaces with the same local names.

use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::{Reader, XmlVersion};

use super::error::Unreadable;

/// The value of the attribute whose local name is `local`, unescaped.
pub(super) fn attr(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

/// Whether an on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`) is on.
pub(super) fn is_on(element: &BytesStart<'_>) -> bool {
    !matches!(attr(element, "val").as_deref(), Some("0" | "false" | "off"))
}

/// The text of `&amp;`, `&#8217;` or `&#x2019;`; nothing for an entity
/// the part does not define in a way dossier reads (custom entities are
/// never expanded).
pub(super) fn reference(r: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(&r.xml10_content()).map(str::to_string)
}

/// A reader over a part's text, with end tags checked.
pub(super) fn reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    reader
}

/// An XML error as the reason a part is unreadable.
pub(super) fn broken(part: &str, reader: &Reader<&[u8]>, e: &quick_xml::Error) -> Unreadable {
    Unreadable::Corrupt(format!(
        "{part}: broken XML at byte {}: {e}",
        reader.error_position()
    ))
}

/// A part's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16
/// announced by its byte-order mark, as XML allows.
pub(super) fn decode(part: &str, bytes: Vec<u8>) -> Result<String, Unreadable> {
    let utf16 = |bytes: &[u8], read: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
        String::from_utf16(&units).ok()
    };
    let text = match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).ok(),
    };
    text.ok_or_else(|| Unreadable::Corrupt(format!("{part}: not UTF-8 or UTF-16 text")))
}

#[cfg(test)]
mod tests {
    use quick_xml::events::Event;

    use super::*;

    /// Every event's text as this module reads it: text, references, and
    /// the `val` attribute of elements.
    fn read_all(xml: &str) -> String {
        let mut reader = reader(xml);
        let mut out = String::new();
        loop {
            match reader.read_event() {
                Ok(Event::Text(t)) => out.push_str(&t.xml10_content()),
                Ok(Event::GeneralRef(r)) => out.push_str(&reference(&r).unwrap_or_default()),
                Ok(Event::Empty(e) | Event::Start(e)) => {
                    if let Some(v) = attr(&e, "val") {
                        out.push_str(&["[", &v, "]"].concat());
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        out
    }

    #[test]
    fn references_and_attributes() {
        let cases = [
            ("<t>Tom &amp; Jerry</t>", "Tom & Jerry"),
            ("<t>it&#8217;s &#x2014; ok</t>", "it’s — ok"),
            ("<t>&lt;b&gt; &quot;q&quot; &apos;</t>", "<b> \"q\" '"),
            ("<t>&custom; kept</t>", " kept"),
            (r#"<w:p><w:pStyle w:val="Heading1"/></w:p>"#, "[Heading1]"),
            (r#"<x:s x:val="a&amp;b"/>"#, "[a&b]"),
        ];
        for (xml, want) in cases {
            assert_eq!(read_all(xml), want, "{xml}");
        }
    }

    #[test]
    fn on_off_properties() {
        let on = |xml: &str| {
            let mut reader = reader(xml);
            match reader.read_event() {
                Ok(Event::Empty(e)) => is_on(&e),
                other => panic!("{other:?}"),
            }
        };
        assert!(on("<w:vanish/>"));
        assert!(on(r#"<w:vanish w:val="true"/>"#));
        assert!(!on(r#"<w:vanish w:val="0"/>"#));
        assert!(!on(r#"<w:vanish w:val="false"/>"#));
    }

    #[test]
    fn encodings() {
        assert_eq!(
            decode("p", b"\xEF\xBB\xBF<a/>".to_vec()).ok(),
            Some("<a/>".into())
        );
        assert_eq!(
            decode("p", b"\xFF\xFE<\x00a\x00/\x00>\x00".to_vec()).ok(),
            Some("<a/>".into())
        );
        assert!(decode("p", b"\xC3".to_vec()).is_err());
    }
}

//! Paragraph styles: `word/styles.xml` → what each style makes a paragraph.
//!
//! In: the styles part's text. Out: [`Styles`]: for a paragraph style id,
//! its [`Role`], read from the style's outline level (`w:outlineLvl`, 0 =
//! a level-1 heading, 9 = body text), its name (Word's built-in names, which
//! Word writes in English whatever the user's language: `heading 1`…,
//! `Title`, `Subtitle`, `caption`, `Quote`, `Intense Quote`, `List Bullet`…,
//! `toc 1`…, `Date`, and the `Author` of converters' templates)
//! and its numbering (`w:numPr`); what a style does not say, it inherits
//! from the style it is based on (`w:basedOn`). A document without a
//! styles part is read from its style ids (`Heading1`), which generators
//! derive from the same names. Paragraph-level overrides are `walk`'s.

use quick_xml::events::Event;
use rustc_hash::FxHashMap as HashMap;

use super::error::Unreadable;
use super::xml;

/// What a paragraph style makes a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Prose.
    Body,
    /// A heading of this level (1 = outermost).
    Heading(u8),
    /// The document's title.
    Title,
    /// A figure or table caption.
    Caption,
    /// A block quote.
    Quote,
    /// A list item.
    Item,
    /// A table of contents or of figures: navigation, not content.
    Navigation,
    /// A line naming the authors, under the title.
    Author,
    /// The date line under the title.
    Date,
}

/// The outline level Word uses for body text (`w:outlineLvl w:val="9"`).
pub(super) const BODY_OUTLINE_LEVEL: u8 = 9;

/// How deep `w:basedOn` chains are followed (Word itself nests a few levels;
/// the bound also stops cycles).
const MAX_BASED_ON_DEPTH: usize = 16;

/// The role an outline level gives (`0` → a level-1 heading).
pub(super) fn outline_role(level: u8) -> Role {
    if level >= BODY_OUTLINE_LEVEL {
        Role::Body
    } else {
        Role::Heading(level + 1)
    }
}

/// What one style says about itself.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbered: Option<bool>,
}

impl Style {
    /// The role this style states, if it states one.
    fn own_role(&self) -> Option<Role> {
        match named_role(&self.name) {
            Some(Role::Heading(n)) => Some(self.outline.map_or(Role::Heading(n), outline_role)),
            Some(role) => Some(role),
            None => self.outline.map(outline_role).or(self
                .numbered
                .map(|n| if n { Role::Item } else { Role::Body })),
        }
    }
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    /// Reads the styles part.
    pub(super) fn parse(part: &str, text: &str) -> Result<Styles, Unreadable> {
        let mut reader = xml::reader(text);
        let mut by_id = HashMap::default();
        let mut current: Option<(String, Style)> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml::broken(part, &reader, &e))?;
            match event {
                Event::Start(e) if e.local_name().as_ref() == "style" => {
                    let paragraph = xml::attr(&e, "type").is_none_or(|t| t == "paragraph");
                    current = xml::attr(&e, "styleId")
                        .filter(|_| paragraph)
                        .map(|id| (id, Style::default()));
                }
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, style)) = current.take() {
                        by_id.insert(id, style);
                    }
                }
                // Earlier formatting kept by tracked changes is not the style's.
                Event::Start(e) if e.local_name().as_ref().ends_with("PrChange") => {
                    reader
                        .read_to_end(e.name())
                        .map_err(|err| xml::broken(part, &reader, &err))?;
                }
                Event::Start(e) | Event::Empty(e) => {
                    if let Some((_, style)) = current.as_mut() {
                        let val = xml::attr(&e, "val");
                        match e.local_name().as_ref() {
                            "name" => style.name = val.unwrap_or_default(),
                            "basedOn" => style.based_on = val,
                            "outlineLvl" => style.outline = val.and_then(|v| v.parse().ok()),
                            "numId" => style.numbered = Some(val.is_some_and(|v| v != "0")),
                            _ => {}
                        }
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Styles { by_id })
    }

    /// The role of a paragraph style; a style the part does not define is
    /// read from its id.
    pub(super) fn role(&self, id: &str) -> Role {
        let mut at = id;
        for _ in 0..MAX_BASED_ON_DEPTH {
            let Some(style) = self.by_id.get(at) else {
                return named_role(at).unwrap_or(Role::Body);
            };
            if let Some(role) = style.own_role() {
                return role;
            }
            match &style.based_on {
                Some(parent) => at = parent,
                None => break,
            }
        }
        Role::Body
    }
}

/// The role of a built-in style name or id, compared without case or spaces.
fn named_role(name: &str) -> Option<Role> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let numbered = |prefix: &str| {
        key.strip_prefix(prefix)
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=9).contains(n))
    };
    if let Some(n) = numbered("heading") {
        return Some(Role::Heading(n));
    }
    if numbered("toc").is_some() {
        return Some(Role::Navigation);
    }
    Some(match key.as_str() {
        "title" => Role::Title,
        // A subtitle is no title, whatever style it is based on.
        "subtitle" => Role::Body,
        "author" | "authors" => Role::Author,
        "date" => Role::Date,
        "caption" => Role::Caption,
        "quote" | "intensequote" | "blocktext" => Role::Quote,
        "tocheading" | "tableoffigures" => Role::Navigation,
        k if k.starts_with("listbullet") || k.starts_with("listnumber") => Role::Item,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Lvl3"><w:name w:val="Section Level"/><w:pPr><w:outlineLvl w:val="2"/>
  <w:pPrChange w:id="1"><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style>
<w:style w:type="paragraph" w:styleId="IntenseQuote"><w:name w:val="Intense Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="Bullets"><w:name w:val="Report Bullets"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NoBullets"><w:name w:val="Plain"/><w:basedOn w:val="Bullets"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/></w:style>
<w:style w:type="paragraph" w:styleId="BodyOutline"><w:name w:val="heading 4"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
<w:style w:type="character" w:styleId="Quote"><w:name w:val="Plain Char"/></w:style>
</w:styles>"#;

    #[test]
    fn roles_from_names_outline_levels_numbering_and_parents() {
        let styles = Styles::parse("styles", STYLES).expect("parses");
        let cases = [
            ("Normal", Role::Body),
            ("Heading1", Role::Heading(1)),
            ("berschrift2", Role::Heading(2)),
            ("Chapter", Role::Heading(1)),
            ("Lvl3", Role::Heading(3)),
            ("Title", Role::Title),
            ("Caption", Role::Caption),
            ("IntenseQuote", Role::Quote),
            ("Bullets", Role::Item),
            ("NoBullets", Role::Body),
            ("TOC2", Role::Navigation),
            ("BodyOutline", Role::Body),
            ("LoopA", Role::Body),
            // Not defined here (a character style of that id does not count): read from the id.
            ("Quote", Role::Quote),
            ("Heading3", Role::Heading(3)),
            ("ListBullet2", Role::Item),
            ("Unknown", Role::Body),
        ];
        for (id, want) in cases {
            assert_eq!(styles.role(id), want, "{id}");
        }
    }

    #[test]
    fn broken_styles_are_an_error() {
        assert!(Styles::parse("styles", "<w:styles><w:style></w:styles>").is_err());
    }
}

//! Word documents (.docx): a file's bytes → raw blocks and the metadata
//! the file carries.
//!
//! In: the bytes of a .docx. Out: the document's metadata (`meta`) and its
//! blocks in the segmenter's model: headings, paragraphs, list items,
//! quotes and captions from paragraph styles (`styles`), tables as one
//! paragraph each (`table`), text boxes as their own paragraphs, note
//! references as markers at their place and the bodies of the footnotes
//! and endnotes as note blocks after the body (`walk`, `render`). Or why
//! the file is unreadable ([`Unreadable`]): not a zip, no document part, an
//! encrypted document, a part over 200 MB uncompressed (`package`), broken
//! XML in a part that holds text. Stitching, footnote linking and passages
//! are the segmenter's, as for every format.
//!
//! The modules, one job each: `error`, `package` (the zip and its relationships),
//! `xml` (helpers), `styles`, `props` (paragraph and run properties),
//! `fields`, `table`, `model` (the walk's paragraphs), `walk`, `render`,
//! `meta`.

mod error;
mod fields;
mod meta;
mod model;
mod package;
mod props;
mod render;
mod styles;
mod table;
mod walk;
mod xml;

pub(crate) use error::Unreadable;
use package::{Package, Relationships};
use styles::Styles;

use crate::model::DocMeta;
use crate::segment::RawBlock;

/// Where the core properties are when `_rels/.rels` does not say.
const DEFAULT_CORE_PART: &str = "docProps/core.xml";
/// Where the extended properties are when `_rels/.rels` does not say.
const DEFAULT_APP_PART: &str = "docProps/app.xml";

/// Reads a Word document.
pub(crate) fn read(bytes: &[u8]) -> Result<(DocMeta, Vec<RawBlock>), Unreadable> {
    let mut package = Package::open(bytes)?;
    let main = package.main_part()?;
    let rels = package.relationships(&main)?;
    let styles = match rels.part("styles") {
        Some(name) => match package.text(name)? {
            Some(text) => Styles::parse(name, &text)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let footnotes = notes(&mut package, &rels, "footnotes", &styles)?;
    let endnotes = notes(&mut package, &rels, "endnotes", &styles)?;
    let text = package
        .text(&main)?
        .ok_or_else(|| Unreadable::Corrupt(format!("{main} cannot be read")))?;
    let mut body = walk::document(&main, &text, &styles, &rels)?;
    let mut meta = properties(&mut package)?;
    body.paras = meta::title_block(body.paras, &mut meta);
    Ok((meta, render::blocks(body, footnotes, endnotes)))
}

/// The bodies of the footnotes or endnotes (`kind`), read with their own
/// relationships (their hyperlinks are theirs).
fn notes(
    package: &mut Package<'_>,
    rels: &Relationships,
    kind: &str,
    styles: &Styles,
) -> Result<Vec<walk::NoteBody>, Unreadable> {
    let Some(name) = rels.part(kind) else {
        return Ok(Vec::new());
    };
    let Some(text) = package.text(name)? else {
        return Ok(Vec::new());
    };
    let own = package.relationships(name)?;
    walk::notes(name, &text, styles, &own)
}

/// The document properties, where the package's relationships put them.
fn properties(package: &mut Package<'_>) -> Result<DocMeta, Unreadable> {
    let rels = package.relationships("")?;
    let core_name = rels
        .part("core-properties")
        .unwrap_or(DEFAULT_CORE_PART)
        .to_string();
    let app_name = rels
        .part("extended-properties")
        .unwrap_or(DEFAULT_APP_PART)
        .to_string();
    // Properties are metadata only: a part that cannot be read is left out.
    let core = package.text(&core_name).ok().flatten();
    let app = package.text(&app_name).ok().flatten();
    Ok(meta::read(core.as_deref(), app.as_deref()))
}

#[cfg(test)]
mod tests;

//! The walk over a Word story (the document body, or one footnote or
//! endnote): its XML → paragraphs.
//!
//! In: a reader over the part, the styles, and the part's relationships.
//! Out: [`Para`]s in reading order with their roles and pieces, and the
//! bookmarks around note references (for `NOTEREF` cross-references). The
//! format's reading rules: `w:t` text is joined as written, `w:tab` is a
//! space, `w:br` and `w:cr` a line break; deleted text (`w:del`,
//! `w:moveFrom`) and hidden runs (`w:vanish`) are not content, inserted text
//! (`w:ins`, `w:moveTo`) is; a field shows its result, never its instruction
//! (`fields`); `w:hyperlink` and `HYPERLINK` fields are links; a text box
//! (`w:txbxContent`) gives its own paragraphs after the paragraph or table
//! that anchors it, and its fallback copy for old readers (`mc:Fallback`)
//! is skipped; tables go through `table`; tables of contents are dropped.
//! Numbering the notes is `render`'s.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rustc_hash::FxHashMap as HashMap;

use super::error::Unreadable;
use super::fields::{Field, FieldKind};
use super::model::{NoteKind, NoteRef, Para, Piece};
use super::package::Relationships;
use super::props::{self, ParaProps, RunProps};
use super::styles::{self, Role, Styles};
use super::table::Table;
use super::xml;

/// What a walk over the document body found.
#[derive(Debug, Default)]
pub(super) struct Story {
    /// Paragraphs in reading order.
    pub paras: Vec<Para>,
    /// Bookmark name → the note reference it encloses.
    pub bookmarks: HashMap<String, NoteRef>,
}

/// A note's id and its paragraphs.
pub(super) type NoteBody = (String, Vec<Para>);

/// Elements whose content is never read: deleted text, fallbacks, and
/// properties that hold no text.
const SKIPPED: [&str; 14] = [
    "del",
    "moveFrom",
    "Fallback",
    "sectPr",
    "tblPr",
    "tblGrid",
    "trPr",
    "tcPr",
    "sdtPr",
    "sdtEndPr",
    "rt",
    "background",
    "footnotePr",
    "endnotePr",
];

/// Note types that are not notes: the lines Word draws above them.
const SEPARATOR_TYPES: [&str; 3] = ["separator", "continuationSeparator", "continuationNotice"];

/// Walks the document part.
pub(super) fn document(
    part: &str,
    text: &str,
    styles: &Styles,
    rels: &Relationships,
) -> Result<Story, Unreadable> {
    let mut reader = xml::reader(text);
    let mut walker = Walker::new(styles, rels);
    walker.walk(&mut reader, part, Until::PartEnd)?;
    let bookmarks = std::mem::take(&mut walker.bookmarks);
    Ok(Story {
        paras: walker.finish(),
        bookmarks,
    })
}

/// Walks a footnotes or endnotes part: each note's id and paragraphs, in
/// the part's order, separators left out.
pub(super) fn notes(
    part: &str,
    text: &str,
    styles: &Styles,
    rels: &Relationships,
) -> Result<Vec<NoteBody>, Unreadable> {
    let mut reader = xml::reader(text);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if matches!(e.local_name().as_ref(), "footnote" | "endnote") => {
                let separator =
                    xml::attr(&e, "type").is_some_and(|t| SEPARATOR_TYPES.contains(&t.as_str()));
                if separator {
                    reader
                        .read_to_end(e.name())
                        .map_err(|err| xml::broken(part, &reader, &err))?;
                    continue;
                }
                let mut walker = Walker::new(styles, rels);
                walker.walk(&mut reader, part, Until::ElementEnd)?;
                out.push((xml::attr(&e, "id").unwrap_or_default(), walker.finish()));
            }
            Ok(Event::Eof) => return Ok(out),
            Err(e) => return Err(xml::broken(part, &reader, &e)),
            Ok(_) => {}
        }
    }
}

/// Where a walk ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Until {
    /// At the end of the part.
    PartEnd,
    /// At the end of the element open when the walk starts.
    ElementEnd,
}

/// Where text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextKind {
    /// `w:t`: displayed text.
    Shown,
    /// `w:instrText`: a field's instruction.
    Instruction,
}

/// Where displayed text goes, given the fields around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// Into the paragraph.
    Para,
    /// Into what the field at this index displays.
    Field(usize),
    /// Nowhere: an instruction, or navigation.
    Drop,
}

/// The state of one flow of paragraphs: the story, or a text box in it.
#[derive(Debug, Default)]
struct Frame {
    out: Vec<Para>,
    para: Option<Para>,
    props: ParaProps,
    tables: Vec<Table>,
    /// Text-box paragraphs waiting for the paragraph or table that anchors them.
    boxes: Vec<Para>,
    fields: Vec<Field>,
    /// For each open `w:hyperlink`, whether it opened a link.
    links: Vec<bool>,
    /// The open run's properties.
    run: Option<RunProps>,
    /// The open run's text is a custom note mark (`w:customMarkFollows`).
    skip_run_text: bool,
}

/// A walk over one story.
struct Walker<'a> {
    styles: &'a Styles,
    rels: &'a Relationships,
    /// The story's frame, then one per open text box.
    frames: Vec<Frame>,
    text: Option<TextKind>,
    /// Open bookmarks: id and name.
    open_bookmarks: Vec<(String, String)>,
    bookmarks: HashMap<String, NoteRef>,
}

impl<'a> Walker<'a> {
    fn new(styles: &'a Styles, rels: &'a Relationships) -> Walker<'a> {
        Walker {
            styles,
            rels,
            frames: vec![Frame::default()],
            text: None,
            open_bookmarks: Vec::new(),
            bookmarks: HashMap::default(),
        }
    }

    /// Reads events up to the end of the part or of the element open when
    /// called; a part that ends inside an element is damaged.
    fn walk(
        &mut self,
        reader: &mut Reader<&[u8]>,
        part: &str,
        until: Until,
    ) -> Result<(), Unreadable> {
        let mut depth = 0usize;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| xml::broken(part, reader, &e))?;
            match event {
                Event::Start(e) => {
                    if self
                        .read_whole(reader, &e)
                        .map_err(|err| xml::broken(part, reader, &err))?
                    {
                        continue;
                    }
                    depth += 1;
                    self.start(&e);
                }
                Event::Empty(e) => {
                    self.start(&e);
                    self.end(e.local_name().as_ref());
                }
                Event::End(e) => {
                    if depth == 0 {
                        return Ok(());
                    }
                    depth -= 1;
                    self.end(e.local_name().as_ref());
                }
                Event::Text(t) => self.text(&t.xml10_content()),
                Event::CData(t) => self.text(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    if let Some(s) = xml::reference(&r) {
                        self.text(&s);
                    }
                }
                Event::Eof if depth == 0 && until == Until::PartEnd => return Ok(()),
                Event::Eof => {
                    return Err(Unreadable::Corrupt(format!(
                        "{part}: ends inside an element (truncated?)"
                    )));
                }
                _ => {}
            }
        }
    }

    /// Elements read (or skipped) whole at their start: true when `e` was one.
    fn read_whole(
        &mut self,
        reader: &mut Reader<&[u8]>,
        e: &BytesStart<'_>,
    ) -> quick_xml::Result<bool> {
        let name = e.local_name();
        if SKIPPED.contains(&name.as_ref()) {
            reader.read_to_end(e.name())?;
            return Ok(true);
        }
        match name.as_ref() {
            "pPr" => self.frame().props = props::paragraph(reader)?,
            "rPr" => {
                let run = props::run(reader)?;
                if let Some(props) = self.frame().run.as_mut() {
                    *props = run;
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn frame(&mut self) -> &mut Frame {
        if self.frames.is_empty() {
            self.frames.push(Frame::default());
        }
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        let in_run = self.frame().run.is_some();
        match e.local_name().as_ref() {
            "p" => self.open_para(),
            "r" => {
                let frame = self.frame();
                frame.run = Some(RunProps::default());
                frame.skip_run_text = false;
            }
            "t" => self.text = Some(TextKind::Shown),
            "instrText" => self.text = Some(TextKind::Instruction),
            "tab" | "ptab" if in_run => self.shown(" "),
            "br" | "cr" if in_run => self.shown("\n"),
            "noBreakHyphen" if in_run => self.shown("-"),
            "footnoteReference" => self.note(NoteKind::Foot, e),
            "endnoteReference" => self.note(NoteKind::End, e),
            "fldChar" => self.field_char(xml::attr(e, "fldCharType").as_deref()),
            "fldSimple" => {
                let instr = xml::attr(e, "instr").unwrap_or_default();
                self.frame().fields.push(Field::simple(&instr));
                self.field_separated();
            }
            "hyperlink" => self.open_hyperlink(e),
            "bookmarkStart" => {
                if let (Some(id), Some(name)) = (xml::attr(e, "id"), xml::attr(e, "name")) {
                    self.open_bookmarks.push((id, name));
                }
            }
            "bookmarkEnd" => {
                let id = xml::attr(e, "id");
                self.open_bookmarks
                    .retain(|(open, _)| Some(open) != id.as_ref());
            }
            "tbl" => self.frame().tables.push(Table::default()),
            "tr" => self.frame().tables.last_mut().map_or((), Table::row),
            "tc" => self.frame().tables.last_mut().map_or((), Table::cell),
            "txbxContent" => self.frames.push(Frame::default()),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" | "tc" => self.close_para(),
            "r" => self.frame().run = None,
            "t" | "instrText" => self.text = None,
            "fldSimple" => self.end_field(),
            "hyperlink" => self.close_hyperlink(),
            "tbl" => {
                self.close_para();
                if let Some(table) = self.frame().tables.pop() {
                    for para in table.finish() {
                        self.emit(para);
                    }
                }
                self.release_boxes();
            }
            "txbxContent" if self.frames.len() > 1 => {
                let paras = self.close_frame();
                self.frame().boxes.extend(paras);
                self.release_boxes();
            }
            _ => {}
        }
    }

    /// Everything a frame read, its open paragraph and tables closed.
    fn close_frame(&mut self) -> Vec<Para> {
        self.close_para();
        while let Some(table) = self.frame().tables.pop() {
            for para in table.finish() {
                self.emit(para);
            }
        }
        let mut frame = self.frames.pop().unwrap_or_default();
        frame.out.append(&mut frame.boxes);
        frame.out
    }

    /// The story's paragraphs.
    fn finish(mut self) -> Vec<Para> {
        while self.frames.len() > 1 {
            let paras = self.close_frame();
            self.frame().boxes.extend(paras);
        }
        self.close_frame()
    }

    fn open_para(&mut self) {
        self.close_para();
        let frame = self.frame();
        frame.para = Some(Para::body(Vec::new()));
        frame.props = ParaProps::default();
    }

    fn close_para(&mut self) {
        let frame = self.frame();
        let Some(mut para) = frame.para.take() else {
            return;
        };
        let props = std::mem::take(&mut frame.props);
        para.role = self.role(&props);
        if para.role != Role::Navigation {
            self.emit(para);
        }
        self.release_boxes();
    }

    /// A paragraph's role: its style's, then its own outline level and numbering.
    fn role(&self, props: &ParaProps) -> Role {
        let mut role = props
            .style
            .as_deref()
            .map_or(Role::Body, |id| self.styles.role(id));
        if let Some(level) = props.outline.filter(|_| role != Role::Navigation) {
            role = styles::outline_role(level);
        }
        match (props.numbered, role) {
            (Some(true), Role::Body) => Role::Item,
            (Some(false), Role::Item) => Role::Body,
            _ => role,
        }
    }

    /// A finished paragraph goes to the open table's cell, or out.
    fn emit(&mut self, para: Para) {
        if !para.has_content() {
            return;
        }
        let frame = self.frame();
        match frame.tables.last_mut() {
            Some(table) => table.push(para),
            None => frame.out.push(para),
        }
    }

    /// Text boxes follow their anchor once it is out.
    fn release_boxes(&mut self) {
        let frame = self.frame();
        if frame.para.is_none() && frame.tables.is_empty() {
            frame.out.append(&mut frame.boxes);
        }
    }

    fn piece(&mut self, piece: Piece) {
        self.frame()
            .para
            .get_or_insert_with(|| Para::body(Vec::new()))
            .pieces
            .push(piece);
    }

    /// Text of a `w:t` or `w:instrText`.
    fn text(&mut self, text: &str) {
        match self.text {
            Some(TextKind::Shown) => self.shown(text),
            Some(TextKind::Instruction) => {
                if let Some(field) = self.frame().fields.last_mut().filter(|f| !f.in_result) {
                    field.instr.push_str(text);
                }
            }
            None => {}
        }
    }

    /// Displayed text of the open run.
    fn shown(&mut self, text: &str) {
        let frame = self.frame();
        let run = frame.run.unwrap_or_default();
        if run.hidden || frame.skip_run_text {
            return;
        }
        let text = match superscript_digits(text).filter(|_| run.superscript) {
            Some(sup) => sup,
            None => text.to_string(),
        };
        match self.sink() {
            Sink::Para => self
                .frame()
                .para
                .get_or_insert_with(|| Para::body(Vec::new()))
                .push_text(&text),
            Sink::Field(i) => self.frame().fields[i].shown.push_str(&text),
            Sink::Drop => {}
        }
    }

    fn sink(&mut self) -> Sink {
        let fields = &self.frame().fields;
        if fields
            .iter()
            .any(|f| !f.in_result || f.kind == FieldKind::Navigation)
        {
            return Sink::Drop;
        }
        match fields
            .iter()
            .rposition(|f| matches!(f.kind, FieldKind::NoteMark(_)))
        {
            Some(i) => Sink::Field(i),
            None => Sink::Para,
        }
    }

    /// A footnote or endnote reference.
    fn note(&mut self, kind: NoteKind, e: &BytesStart<'_>) {
        let hidden = self.frame().run.is_some_and(|r| r.hidden);
        if hidden || self.sink() != Sink::Para {
            return;
        }
        let reference = NoteRef {
            kind,
            id: xml::attr(e, "id").unwrap_or_default(),
        };
        for (_, name) in &self.open_bookmarks {
            self.bookmarks
                .entry(name.clone())
                .or_insert_with(|| reference.clone());
        }
        self.piece(Piece::Note(reference));
        let custom = xml::attr(e, "customMarkFollows");
        self.frame().skip_run_text = matches!(custom.as_deref(), Some("1" | "true" | "on"));
    }

    fn field_char(&mut self, kind: Option<&str>) {
        match kind {
            Some("begin") => self.frame().fields.push(Field::begin()),
            Some("separate") => {
                if let Some(field) = self.frame().fields.last_mut() {
                    field.separate();
                    self.field_separated();
                }
            }
            Some("end") => self.end_field(),
            _ => {}
        }
    }

    /// The innermost field's result starts: a link opens if it is one.
    fn field_separated(&mut self) {
        let Some(field) = self.frame().fields.pop() else {
            return;
        };
        let mut field = field;
        let visible = self.sink() == Sink::Para;
        if let (FieldKind::Link(dest), true) = (&field.kind, visible) {
            self.piece(Piece::LinkStart(dest.clone()));
            field.opened_link = true;
        }
        self.frame().fields.push(field);
    }

    fn end_field(&mut self) {
        let Some(field) = self.frame().fields.pop() else {
            return;
        };
        if field.opened_link {
            self.piece(Piece::LinkEnd);
        }
        if let (FieldKind::NoteMark(bookmark), true) = (field.kind, field.in_result) {
            match self.sink() {
                Sink::Para => self.piece(Piece::CrossRef {
                    bookmark,
                    shown: field.shown,
                }),
                Sink::Field(i) => self.frame().fields[i].shown.push_str(&field.shown),
                Sink::Drop => {}
            }
        }
    }

    fn open_hyperlink(&mut self, e: &BytesStart<'_>) {
        let dest = xml::attr(e, "id")
            .and_then(|id| self.rels.hyperlink(&id).map(str::to_string))
            .filter(|_| self.sink() == Sink::Para);
        let opened = dest.is_some();
        if let Some(dest) = dest {
            self.piece(Piece::LinkStart(dest));
        }
        self.frame().links.push(opened);
    }

    fn close_hyperlink(&mut self) {
        if self.frame().links.pop() == Some(true) {
            self.piece(Piece::LinkEnd);
        }
    }
}

/// Digits set as superscript, as the characters that print them (a note
/// mark typed by hand: `attack²`), for the text segmenter's marker rules.
fn superscript_digits(text: &str) -> Option<String> {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        text.bytes()
            .map(|b| SUPERSCRIPTS[usize::from(b - b'0')])
            .collect(),
    )
}

#[cfg(test)]
mod tests;

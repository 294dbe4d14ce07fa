//! Roles: what each raw block of a report is, in the context of the report.
//!
//! In: a report's raw blocks. Out: classified [`Piece`]s (chrome and metadata
//! lines removed, the metadata collected into a [`DocMeta`]). The per-block rules
//! live in `classify`; what needs the whole report is here: running headers
//! repeated on every page, the title as the first heading before any prose,
//! heading levels read from typography, footnote definition blocks split into
//! one piece per footnote.

use rustc_hash::FxHashMap as HashMap;

use super::labels;
use super::lists::{self, Section};
use super::markers::{self, Marked};
use super::plain::LineKind;
use super::raw::{Emphasis, NoteLabel, RawBlock, Shape};
use super::stitch::{Piece, Role};
use super::{classify, inline};
use crate::model::DocMeta;

/// Lines that start blocks in plain text even without a blank line before
/// them: chrome, series and date lines stand alone; a footnote definition at a
/// page bottom opens a block its wrapped lines continue.
pub(super) fn line_kind(line: &str) -> LineKind {
    if classify::is_chrome(line)
        || classify::series(line).is_some()
        || classify::date_line(line).is_some()
    {
        LineKind::Alone
    } else if labels::footnote_def(line).is_some() {
        LineKind::Opens
    } else {
        LineKind::Continues
    }
}

/// Texts that repeat on many pages are running headers, not content.
const MIN_RUNNING_HEADER_REPEATS: usize = 3;

/// Gives every raw block its role, collecting the report's metadata.
pub(super) fn classify_all(raw: &[RawBlock], meta: &mut DocMeta) -> Vec<Piece> {
    let running = running_headers(raw);
    let styled = HeadingStyles::of(raw, &running);
    let mut pieces = Vec::with_capacity(raw.len());
    let mut prose_seen = false;
    let mut date_line_seen = false;
    let mut lists = ListState::default();
    for (i, block) in raw.iter().enumerate() {
        // Emphasis that markdown could not close (`**May 2, 2019:**Text`) leaves
        // asterisks, which are never content (see `markers`); nor are note
        // references, which the rules must not see (`…army.¹` ends a sentence).
        let plain = inline::without_note_markers(&block.text().replace('*', ""));
        let text = plain.trim();
        let mut role = classify_one(
            block,
            text,
            meta,
            &mut date_line_seen,
            &running,
            &styled,
            prose_seen,
        );
        // `The main recommendations are:` leads into the list below it.
        if matches!(role, Some(Role::Heading { .. }))
            && block.shape == Shape::Para
            && text.ends_with(':')
            && raw.get(i + 1).is_some_and(|next| next.shape == Shape::Item)
        {
            role = Some(Role::Para);
        }
        match lists.place(role, text, block) {
            Placed::Left => continue,
            Placed::Notes(notes) => {
                pieces.extend(notes);
                continue;
            }
            Placed::Kept => {}
        }
        match role {
            Some(role @ Role::FootnoteDef { .. }) if matches!(block.shape, Shape::Note(_)) => {
                let marked = markers::read(&block.inline);
                let mut piece = Piece::new(role, block.span.clone(), marked);
                piece.page = block.page;
                pieces.push(piece);
            }
            Some(Role::FootnoteDef { .. }) => pieces.extend(footnote_defs(block)),
            Some(role) => {
                prose_seen |= matches!(role, Role::Para | Role::Item | Role::Event);
                let marked = markers::read(&block.inline);
                let mut piece = Piece::new(role, block.span.clone(), marked);
                piece.page = block.page;
                if let Role::Item = role {
                    strip_bullet(&mut piece.marked);
                }
                pieces.push(piece);
            }
            None => {}
        }
    }
    pieces
}

/// Where the reference-list sections are (see `lists`).
#[derive(Debug, Default)]
struct ListState {
    /// The list section open, with its heading's level.
    open: Option<(Section, u8)>,
    /// The last note number read in a list.
    previous: u32,
}

/// What a block becomes in a reference-list section.
enum Placed {
    /// Classified as usual.
    Kept,
    /// Left out (a list heading, a skipped list, a bibliography entry).
    Left,
    /// Notes.
    Notes(Vec<Piece>),
}

impl ListState {
    fn place(&mut self, role: Option<Role>, text: &str, block: &RawBlock) -> Placed {
        if let Some(placed) = self.inline_section(role, text, block) {
            return placed;
        }
        if let Some((section, _)) = self.open
            && section != Section::Skipped
            && matches!(role, Some(Role::Para | Role::Item | Role::Heading { .. }))
        {
            // An entry like `12. Smith, J.` may look like a numbered heading.
            let mut previous = self.previous;
            if let Some(notes) =
                lists::endnotes(&inline::without_note_markers(block.text()), &mut previous)
            {
                self.previous = previous;
                return Placed::Notes(note_pieces(notes, block));
            }
        }
        if let Some(Role::Heading { level }) = role {
            if self.open.is_some_and(|(_, open)| level <= open) {
                self.open = None;
            }
            return match lists::section_of(text) {
                Section::Body => Placed::Kept,
                section => {
                    self.open = Some((section, level));
                    Placed::Left
                }
            };
        }
        let Some((section, _)) = self.open else {
            return Placed::Kept;
        };
        if !matches!(role, Some(Role::Para | Role::Item)) {
            return Placed::Kept;
        }
        match section {
            Section::Skipped | Section::Bibliography => Placed::Left,
            Section::Notes | Section::Body => Placed::Kept,
        }
    }
}

impl ListState {
    /// A block whose first line titles a list and whose other lines are the
    /// list (`Contents` then its entries, in an export without blank lines).
    fn inline_section(
        &mut self,
        role: Option<Role>,
        text: &str,
        block: &RawBlock,
    ) -> Option<Placed> {
        if !matches!(role, Some(Role::Para)) {
            return None;
        }
        let (title, rest) = text.split_once('\n')?;
        match lists::section_of(title) {
            Section::Body => None,
            Section::Skipped => Some(Placed::Left),
            section => {
                let notes = lists::endnotes(rest, &mut self.previous);
                Some(match (notes, section) {
                    (Some(notes), _) => Placed::Notes(note_pieces(notes, block)),
                    (None, Section::Bibliography) => Placed::Left,
                    (None, _) => return None,
                })
            }
        }
    }
}

/// Footnote pieces for the notes of a list block.
fn note_pieces(notes: Vec<(u32, String)>, block: &RawBlock) -> Vec<Piece> {
    notes
        .into_iter()
        .map(|(n, body)| {
            let marked = markers::read(&inline::parse_plain(&body));
            let mut piece = Piece::new(Role::FootnoteDef { n }, block.span.clone(), marked);
            piece.page = block.page;
            piece
        })
        .collect()
}

/// Takes a metadata line (series, date line, authors, contributor) into
/// `meta`; true when the block is such a line or repeats one, and is no
/// passage. Only the first date line dates the report.
fn take_metadata(text: &str, meta: &mut DocMeta, date_line_seen: &mut bool) -> bool {
    if let Some((line, number)) = classify::series(text) {
        meta.series.get_or_insert(line);
        meta.number.get_or_insert(number);
        return true;
    }
    if let Some((place, _)) = classify::date_line(text) {
        if !*date_line_seen {
            *date_line_seen = true;
            meta.published = classify::date_of_line(text);
            meta.place = place;
        }
        return true;
    }
    if let Some(names) = classify::authors(text).filter(|n| names_someone(text, n)) {
        if meta.authors.is_empty() {
            meta.authors = names;
        }
        return true;
    }
    if let Some(name) = classify::contributor(text) {
        meta.contributor.get_or_insert(name);
        return true;
    }
    false
}

/// The role of one block; `None` for blocks that are only metadata or chrome.
fn classify_one(
    block: &RawBlock,
    text: &str,
    meta: &mut DocMeta,
    date_line_seen: &mut bool,
    running: &[String],
    styled: &HeadingStyles,
    prose_seen: bool,
) -> Option<Role> {
    if text.is_empty() {
        return (block.shape == Shape::Rule).then_some(Role::PageBreak);
    }
    // What the format's markup states is not guessed again.
    match &block.shape {
        Shape::Rule | Shape::Furniture => return Some(Role::PageBreak),
        Shape::Note(NoteLabel::Number(n)) => return Some(Role::FootnoteDef { n: *n }),
        // Names are numbered before classification; one left is no note.
        Shape::Note(NoteLabel::Name(_)) => return Some(Role::Para),
        Shape::Caption => return Some(Role::Caption),
        _ => {}
    }
    if running.iter().any(|r| r == text) {
        if meta.title.is_empty() && !prose_seen && classify::could_be_title(text) {
            text.clone_into(&mut meta.title);
        }
        return Some(Role::PageBreak);
    }
    if text
        .lines()
        .all(|l| classify::is_chrome(l) || lists::is_boilerplate(l))
        || take_metadata(text, meta, date_line_seen)
        || repeats_metadata(text, meta)
    {
        return None;
    }
    if classify::is_caption(text) {
        return Some(Role::Caption);
    }
    if labels::footnote_def(text).is_some() {
        return Some(Role::FootnoteDef { n: 0 });
    }
    // Footnote markers only ever sit in prose; so do the note references a
    // format marks (an HTML table cell line `…wounded as of May 2026³` is no
    // heading).
    let has_markers = text.contains(markers::FN_OPEN)
        || text.contains(markers::FN_CLOSE)
        || block.text().contains(inline::NOTE_OPEN);
    match block.shape {
        Shape::Para if has_markers => Some(Role::Para),
        Shape::Heading { level, emphasis } => {
            if take_title(text, meta, prose_seen) {
                return None;
            }
            let level = styled.level(level, emphasis);
            Some(Role::Heading {
                level: classify::numbered_heading(text).map_or(level, |(l, _)| l.max(level)),
            })
        }
        Shape::Item | Shape::Para if classify::event_header(text).is_some() => Some(Role::Event),
        Shape::Item => Some(Role::Item),
        Shape::Para if text.starts_with(['•', '·']) => Some(Role::Item),
        Shape::Para if !block.typeset && classify::looks_like_heading(text) => {
            if take_title(text, meta, prose_seen) {
                return None;
            }
            let author = meta.authors.iter().any(|a| a == text);
            let level = classify::numbered_heading(text).map_or(1, |(l, _)| l);
            Some(Role::Heading {
                level: if author { level + 1 } else { level },
            })
        }
        _ => Some(Role::Para),
    }
}

/// Takes a title line into `meta` before any prose: the first line that
/// could be a title, or, after an all-capitals topic line, the longer line
/// that follows it, joined with a colon (`HOMELAND GRANTS` then `Oversight
/// of …`, as government audit reports print their titles).
fn take_title(text: &str, meta: &mut DocMeta, prose_seen: bool) -> bool {
    if prose_seen || !classify::could_be_title(text) {
        return false;
    }
    if meta.title.is_empty() {
        text.clone_into(&mut meta.title);
        return true;
    }
    if completes_topic_line(&meta.title, text) {
        meta.title = format!("{}: {text}", meta.title);
        return true;
    }
    false
}

/// Fewest words a line needs to read as the title under a topic line; a
/// shorter one (`Executive Summary`, `Key Findings`) heads a section.
const MIN_SUBTITLE_WORDS: usize = 5;

/// Whether `line` is the title proper under the all-capitals topic line
/// `topic`: in mixed case, and longer than it.
fn completes_topic_line(topic: &str, line: &str) -> bool {
    let all_caps = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase)
    };
    let words = line.split_whitespace().count();
    all_caps(topic)
        && !topic.contains(':')
        && !all_caps(line)
        && words >= MIN_SUBTITLE_WORDS
        && words > topic.split_whitespace().count()
}

/// Whether an author line names someone: without a colon, one word is
/// nobody's name (`Author Information` heads a section).
fn names_someone(text: &str, names: &[String]) -> bool {
    text.contains(':') || names.iter().any(|n| n.contains(' '))
}

/// Back matter often repeats the title and the author line: not passages.
fn repeats_metadata(text: &str, meta: &DocMeta) -> bool {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    (!meta.title.is_empty() && same(&meta.title, text))
        || (meta.authors.len() > 1 && classify::split_names(text) == meta.authors)
}

/// Heading texts that repeat on every page (after markup is gone).
fn running_headers(raw: &[RawBlock]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for b in raw {
        let t = b.text().trim();
        if !t.is_empty() && !t.contains('\n') && t.len() <= 120 {
            *counts.entry(t).or_insert(0) += 1;
        }
    }
    let mut out: Vec<String> = counts
        .into_iter()
        .filter(|(t, n)| *n >= MIN_RUNNING_HEADER_REPEATS && classify::looks_like_heading(t))
        .map(|(t, _)| t.to_string())
        .collect();
    out.sort();
    out
}

/// How markdown heading levels are read. PDF-to-markdown converters often
/// get `#` counts wrong but keep the typography, so when a report's headings
/// mix bold and italic styles, the style is the level (bold above italic).
struct HeadingStyles {
    by_style: bool,
}

impl HeadingStyles {
    fn of(raw: &[RawBlock], running: &[String]) -> HeadingStyles {
        let styles: Vec<Emphasis> = raw
            .iter()
            .filter(|b| !running.iter().any(|r| r == b.text().trim()))
            .filter_map(|b| match b.shape {
                Shape::Heading { emphasis, .. } => Some(emphasis),
                _ => None,
            })
            .collect();
        let strong = styles
            .iter()
            .any(|e| matches!(e, Emphasis::Bold | Emphasis::BoldItalic));
        let italic = styles.contains(&Emphasis::Italic);
        HeadingStyles {
            by_style: strong && italic,
        }
    }

    fn level(&self, md_level: u8, emphasis: Emphasis) -> u8 {
        if !self.by_style {
            return md_level;
        }
        match emphasis {
            Emphasis::BoldItalic | Emphasis::Bold => 1,
            Emphasis::Italic => 2,
            Emphasis::Plain => 3,
        }
    }
}

/// Splits a block of page-bottom footnote definitions into one piece per
/// footnote; lines that do not start a definition continue the previous one.
fn footnote_defs(block: &RawBlock) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for line in block.text().lines() {
        match labels::footnote_def(line) {
            Some((n, body)) => {
                let marked = markers::read(&inline::parse_plain(body));
                let mut piece = Piece::new(Role::FootnoteDef { n }, block.span.clone(), marked);
                piece.page = block.page;
                out.push(piece);
            }
            None => {
                if let Some(last) = out.last_mut() {
                    last.marked
                        .append(markers::read(&inline::parse_plain(line)));
                }
            }
        }
    }
    out
}

fn strip_bullet(marked: &mut Marked) {
    let trimmed = marked.text.trim_start();
    let bullet = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '•' | '·' | '–'));
    if let Some(b) = bullet {
        let cut = marked.text.len() - trimmed.len() + b.len_utf8();
        marked.text.replace_range(..cut, "");
        for r in &mut marked.refs {
            r.at = r.at.saturating_sub(cut);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_topic_line_takes_the_title_under_it() {
        // (topic line, next line, joined)
        let cases = [
            (
                "HOMELAND GRANTS",
                "Oversight of Prevention Grants Needs Clearer Measures",
                true,
            ),
            (
                "COUNTERTERRORISM",
                "State Should Track the Results of Its Training Programs",
                true,
            ),
            ("COUNTERING EXTREMISM IN MALI", "Executive Summary", false),
            ("KEY FACTS", "Key Findings and Recommendations", false),
            (
                "The Sahel After the Coups",
                "Jihadist Groups Expand Across Three Borders Again",
                false,
            ),
            (
                "TERRORISM: A PRIMER",
                "What the Evidence Says About Foreign Fighters Now",
                false,
            ),
            (
                "HOMELAND GRANTS",
                "REPORT TO CONGRESSIONAL COMMITTEES ON THE PROGRAM",
                false,
            ),
        ];
        for (topic, line, joined) in cases {
            assert_eq!(
                super::completes_topic_line(topic, line),
                joined,
                "{topic} / {line}"
            );
        }
    }

    use super::*;

    #[test]
    fn an_author_line_names_someone() {
        // See: issue 11 (CRS reports head their back matter `Author Information`).
        for (text, want) in [
            ("Author Information", false),
            ("Authors: Jane Roe and John Doe", true),
            ("By Ann Lee", true),
            ("Author: Mahmood", true),
        ] {
            let names = classify::authors(text).unwrap_or_default();
            assert_eq!(names_someone(text, &names), want, "{text}");
        }
    }
}

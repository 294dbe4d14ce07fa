//! Rendering: the walk's paragraphs and the notes' bodies → the
//! segmenter's raw blocks, every note numbered.
//!
//! In: the body's [`Story`] and the bodies of the footnotes and endnotes.
//! Out: raw blocks in reading order (the body, then the footnotes, then the
//! endnotes, each a [`Shape::Note`] whose label its references carry as
//! [`note_marker`]s). Numbering: footnotes are numbered in order of first
//! reference, as Word prints them; endnotes continue after the last
//! footnote (with 12 footnotes, the first endnote is 13), so the two series
//! cannot collide; a note nobody cites follows the cited ones of its
//! series. A `NOTEREF` cross-reference is its note's marker when the
//! bookmark it points to encloses a note reference, else the text it
//! displays. Word has no pages in its XML and no byte spans: blocks carry
//! neither.

use rustc_hash::FxHashMap as HashMap;

use super::model::{NoteKind, NoteRef, Para, Piece};
use super::styles::Role;
use super::walk::{NoteBody, Story};
use crate::segment::{Emphasis, Inline, Link, NoteLabel, RawBlock, Shape, note_marker};

/// Separates the paragraphs of a note.
const NOTE_PARAGRAPH_SEPARATOR: &str = "\n";

/// The blocks of a document.
pub(super) fn blocks(
    body: Story,
    footnotes: Vec<NoteBody>,
    endnotes: Vec<NoteBody>,
) -> Vec<RawBlock> {
    let numbers = &number(&body.paras, &footnotes, &endnotes);
    let notes = Notes {
        numbers,
        bookmarks: &body.bookmarks,
    };
    let mut out: Vec<RawBlock> = body
        .paras
        .into_iter()
        .filter_map(|para| {
            let shape = shape(para.role)?;
            let inline = notes.inline(para.pieces);
            (!inline.text.is_empty()).then(|| RawBlock::new(0..0, shape, inline))
        })
        .collect();
    let mut bodies: Vec<(u32, Vec<Para>)> =
        [(NoteKind::Foot, footnotes), (NoteKind::End, endnotes)]
            .into_iter()
            .flat_map(|(kind, notes)| {
                notes.into_iter().filter_map(move |(id, paras)| {
                    let key = NoteRef { kind, id };
                    Some((*numbers.get(&key)?, paras))
                })
            })
            .collect();
    bodies.sort_by_key(|(n, _)| *n);
    for (n, paras) in bodies {
        let mut pieces = Vec::new();
        for (i, para) in paras.into_iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Text(NOTE_PARAGRAPH_SEPARATOR.into()));
            }
            pieces.extend(para.pieces);
        }
        let inline = notes.inline(pieces);
        if !inline.text.is_empty() {
            out.push(RawBlock::new(
                0..0,
                Shape::Note(NoteLabel::Number(n)),
                inline,
            ));
        }
    }
    out
}

/// The block shape of a paragraph role; navigation has none.
fn shape(role: Role) -> Option<Shape> {
    let heading = |level| Shape::Heading {
        level,
        emphasis: Emphasis::Plain,
    };
    Some(match role {
        Role::Body | Role::Author | Role::Date => Shape::Para,
        Role::Heading(level) => heading(level),
        Role::Title => heading(1),
        Role::Caption => Shape::Caption,
        Role::Quote => Shape::Quote,
        Role::Item => Shape::Item,
        Role::Navigation => return None,
    })
}

/// Every note's number: footnotes by first reference, then the uncited
/// ones; endnotes after all footnotes, the same way.
fn number(paras: &[Para], footnotes: &[NoteBody], endnotes: &[NoteBody]) -> HashMap<NoteRef, u32> {
    let cited: Vec<&NoteRef> = paras
        .iter()
        .flat_map(|p| &p.pieces)
        .filter_map(|piece| match piece {
            Piece::Note(r) => Some(r),
            _ => None,
        })
        .collect();
    let mut numbers: HashMap<NoteRef, u32> = HashMap::default();
    let mut next = 1u32;
    for (kind, bodies) in [(NoteKind::Foot, footnotes), (NoteKind::End, endnotes)] {
        let defined = bodies.iter().map(|(id, _)| NoteRef {
            kind,
            id: id.clone(),
        });
        let in_order = cited
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| (*r).clone())
            .chain(defined);
        for key in in_order {
            numbers.entry(key).or_insert_with(|| {
                next += 1;
                next - 1
            });
        }
    }
    numbers
}

/// What note references become.
struct Notes<'a> {
    numbers: &'a HashMap<NoteRef, u32>,
    bookmarks: &'a HashMap<String, NoteRef>,
}

impl Notes<'_> {
    /// A paragraph's pieces as plain text with links and note markers,
    /// white space trimmed at both ends.
    fn inline(&self, pieces: Vec<Piece>) -> Inline {
        let mut out = Inline::default();
        let mut open: Option<(usize, String)> = None;
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.text.push_str(&t),
                Piece::Note(r) => self.marker(&mut out.text, &r, ""),
                Piece::CrossRef { bookmark, shown } => match self.bookmarks.get(&bookmark) {
                    Some(r) => self.marker(&mut out.text, r, &shown),
                    None => out.text.push_str(&shown),
                },
                Piece::LinkStart(dest) => {
                    close_link(&mut out, open.take());
                    open = Some((out.text.len(), dest));
                }
                Piece::LinkEnd => close_link(&mut out, open.take()),
            }
        }
        close_link(&mut out, open);
        trim(&mut out);
        out
    }

    /// A reference's marker, or `otherwise` when the note has no number.
    fn marker(&self, text: &mut String, reference: &NoteRef, otherwise: &str) {
        match self.numbers.get(reference) {
            Some(n) => text.push_str(&note_marker(&n.to_string())),
            None => text.push_str(otherwise),
        }
    }
}

fn close_link(out: &mut Inline, open: Option<(usize, String)>) {
    if let Some((start, dest)) = open {
        if out.text[start..].trim().is_empty() {
            return;
        }
        out.links.push(Link {
            range: start..out.text.len(),
            dest,
        });
    }
}

/// Trims white space at both ends, link ranges kept on their text.
fn trim(inline: &mut Inline) {
    let end = inline.text.trim_end().len();
    inline.text.truncate(end);
    let cut = inline.text.len() - inline.text.trim_start().len();
    inline.text.replace_range(..cut, "");
    let len = inline.text.len();
    for link in &mut inline.links {
        let start = link.range.start.saturating_sub(cut).min(len);
        let end = link.range.end.saturating_sub(cut).min(len);
        link.range = start..end;
    }
    inline.links.retain(|l| !l.range.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(role: Role, pieces: Vec<Piece>) -> Para {
        Para { role, pieces }
    }

    fn text(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    fn foot(id: &str) -> Piece {
        Piece::Note(NoteRef {
            kind: NoteKind::Foot,
            id: id.into(),
        })
    }

    fn end(id: &str) -> Piece {
        Piece::Note(NoteRef {
            kind: NoteKind::End,
            id: id.into(),
        })
    }

    fn note(id: &str, body: &str) -> NoteBody {
        (id.into(), vec![Para::body(vec![text(body)])])
    }

    fn m(n: u32) -> String {
        note_marker(&n.to_string())
    }

    #[test]
    fn footnotes_by_first_reference_then_endnotes() {
        let mut bookmarks = HashMap::default();
        bookmarks.insert(
            "_Ref1".to_string(),
            NoteRef {
                kind: NoteKind::Foot,
                id: "7".into(),
            },
        );
        let body = Story {
            paras: vec![
                para(Role::Heading(2), vec![text("  Findings ")]),
                para(
                    Role::Body,
                    vec![text("One"), foot("7"), text(" two"), end("2")],
                ),
                para(
                    Role::Body,
                    vec![
                        text("Three"),
                        foot("3"),
                        text(" again"),
                        Piece::CrossRef {
                            bookmark: "_Ref1".into(),
                            shown: "1".into(),
                        },
                        Piece::CrossRef {
                            bookmark: "_Missing".into(),
                            shown: "9".into(),
                        },
                    ],
                ),
                para(Role::Navigation, vec![text("Contents")]),
            ],
            bookmarks,
        };
        let footnotes = vec![
            note("3", "Three."),
            note("7", "Seven."),
            note("8", "Uncited."),
        ];
        let endnotes = vec![note("2", "End two.")];
        let got: Vec<(Shape, String)> = blocks(body, footnotes, endnotes)
            .into_iter()
            .map(|b| (b.shape, b.inline.text))
            .collect();
        let n = |k| Shape::Note(NoteLabel::Number(k));
        assert_eq!(
            got,
            vec![
                (
                    Shape::Heading {
                        level: 2,
                        emphasis: Emphasis::Plain
                    },
                    "Findings".to_string()
                ),
                (Shape::Para, format!("One{} two{}", m(1), m(4))),
                (Shape::Para, format!("Three{} again{}9", m(2), m(1))),
                (n(1), "Seven.".to_string()),
                (n(2), "Three.".to_string()),
                (n(3), "Uncited.".to_string()),
                (n(4), "End two.".to_string()),
            ]
        );
    }

    #[test]
    fn links_keep_their_text_after_trimming() {
        let notes = Notes {
            numbers: &HashMap::default(),
            bookmarks: &HashMap::default(),
        };
        let inline = notes.inline(vec![
            text("  See "),
            Piece::LinkStart("https://example.org".into()),
            text("the annex"),
            Piece::LinkEnd,
            text(" and "),
            Piece::LinkStart("https://example.org/empty".into()),
            Piece::LinkEnd,
            Piece::LinkStart("https://example.org/open".into()),
            text("more "),
        ]);
        assert_eq!(inline.text, "See the annex and more");
        let ranges: Vec<&str> = inline
            .links
            .iter()
            .map(|l| &inline.text[l.range.clone()])
            .collect();
        assert_eq!(ranges, ["the annex", "more"]);
    }
}

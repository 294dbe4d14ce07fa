//! Stitching: rejoining what the export cut apart.
//!
//! In: a report's classified pieces in source order. Out: the same pieces with
//! continuations merged into what they continue: a paragraph broken by a page
//! break, a footnote block or a figure (the rest starts lower-case, or with a
//! proper noun right after the break); a timeline item whose lines spill past a
//! page break; a footnote definition that runs on after a blank line; a bare
//! figure label and the short title line beside it.

use std::ops::Range;

use super::classify;
use super::markers::Marked;

/// What a piece of a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Running prose.
    Para,
    /// A list item that is prose.
    Item,
    /// A dated timeline item.
    Event,
    /// A section heading of a level (1 outermost).
    Heading { level: u8 },
    /// A figure, map or table caption.
    Caption,
    /// A page-bottom footnote definition, numbered.
    FootnoteDef { n: u32 },
    /// A running header or a rule: where a page ended.
    PageBreak,
}

/// A classified piece of a report.
#[derive(Debug, Clone)]
pub(crate) struct Piece {
    /// What it is.
    pub role: Role,
    /// Source bytes, first to last part.
    pub span: Range<usize>,
    /// Its text and markers.
    pub marked: Marked,
    /// The page it starts on, where the format has pages.
    pub page: Option<u32>,
}

impl Piece {
    pub(crate) fn new(role: Role, span: Range<usize>, marked: Marked) -> Piece {
        Piece {
            role,
            span,
            marked,
            page: None,
        }
    }

    fn absorb(&mut self, other: Piece) {
        self.span = self.span.start..other.span.end.max(self.span.end);
        self.page = self.page.or(other.page);
        self.marked.append(other.marked);
    }

    fn is_prose(&self) -> bool {
        matches!(self.role, Role::Para | Role::Item)
    }
}

/// Paragraph remnants shorter than this are not continued by a capitalised line.
const MIN_BROKEN_PARAGRAPH_CHARS: usize = 150;
/// A caption title is a short line.
const MAX_CAPTION_TITLE_WORDS: usize = 8;

/// Whether a format's blocks may be pieces of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Continuity {
    /// Pages, footnote blocks and figures cut paragraphs (text exports, PDF).
    #[default]
    CutByPages,
    /// Each block is whole (Word, HTML): a block starting in lower case is
    /// no continuation.
    Whole,
}

/// Merges continuations into the pieces they continue.
pub(crate) fn stitch(pieces: Vec<Piece>, continuity: Continuity) -> Vec<Piece> {
    let pieces = caption_titles(pieces);
    if continuity == Continuity::Whole {
        return pieces;
    }
    let texts: Vec<String> = pieces
        .iter()
        .filter(|p| p.is_prose() || p.role == Role::Event)
        .map(|p| p.marked.text.clone())
        .collect();
    let proper = |word: &str| is_proper_noun(word, &texts);
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    // Index in `out` of the last prose piece: page breaks, footnote blocks and
    // figures may sit between it and its continuation; headings may not.
    let mut last_prose: Option<usize> = None;
    let mut between = Between::default();
    let mut last_event: Option<usize> = None;
    let mut iter = pieces.into_iter().peekable();
    while let Some(piece) = iter.next() {
        match piece.role {
            Role::Heading { .. } => {
                last_prose = None;
                last_event = None;
                out.push(piece);
                continue;
            }
            Role::PageBreak | Role::FootnoteDef { .. } | Role::Caption => {
                between.page_break |= piece.role == Role::PageBreak;
                between.anything = true;
                out.push(piece);
                continue;
            }
            Role::Event => {
                last_event = Some(out.len());
                last_prose = None;
                out.push(piece);
                continue;
            }
            Role::Para | Role::Item => {}
        }
        if let Some(e) = last_event {
            out[e].absorb(piece);
            continue;
        }
        if continues_footnote(&out, &piece, iter.peek())
            && let Some(def) = out
                .iter_mut()
                .rev()
                .find(|p| matches!(p.role, Role::FootnoteDef { .. }))
        {
            def.absorb(piece);
            continue;
        }
        if let Some(i) = last_prose
            && continues(&out[i], &piece, between, &proper)
        {
            out[i].absorb(piece);
            between = Between::default();
            continue;
        }
        last_prose = Some(out.len());
        between = Between::default();
        out.push(piece);
    }
    out
}

/// What sits between a prose piece and the next one.
#[derive(Debug, Clone, Copy, Default)]
struct Between {
    /// A running header or rule: the export marks a page end.
    page_break: bool,
    /// Anything at all (page breaks, footnote blocks, figures).
    anything: bool,
}

/// Words that never end a sentence: a text ending with one was cut.
const DANGLING_WORDS: [&str; 28] = [
    "a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "into", "its", "of", "on",
    "or", "than", "that", "the", "their", "to", "with", "which", "who", "whose", "were", "was",
    "is", "are",
];

/// Whether `next` is the rest of `prev`, cut by a page break, a footnote
/// block or a figure: `prev` stops mid-sentence, and `next` starts in lower
/// case, or follows a marked page end, or follows any break after a dangling
/// word (`the regions of` | `Tillabéri …`), or starts with a proper noun.
fn continues(prev: &Piece, next: &Piece, between: Between, proper: &dyn Fn(&str) -> bool) -> bool {
    let prev_text = prev.marked.text.trim_end();
    // A list item starts afresh, even in lower case after an item ending
    // with a comma; only a page end can cut one (the rest set as an item).
    let new_item = next.role == Role::Item && !between.page_break;
    if new_item || classify::ends_sentence(prev_text) {
        return false;
    }
    let next_text = next.marked.text.trim_start();
    let Some(first) = next_text.chars().next() else {
        return false;
    };
    if first.is_lowercase() || between.page_break {
        return true;
    }
    let last_word = prev_text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if between.anything && DANGLING_WORDS.contains(&last_word.as_str()) {
        return true;
    }
    let word: String = next_text
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    prev_text.chars().count() >= MIN_BROKEN_PARAGRAPH_CHARS && proper(&word)
}

/// Whether a prose piece right after a footnote definition runs it on (a
/// definition broken by a blank line): it does not start in lower case (that
/// would be the body text resuming), and the definition is followed by
/// another one or by the body resuming, or ends on a `;` or `,`.
fn continues_footnote(out: &[Piece], piece: &Piece, next: Option<&Piece>) -> bool {
    let starts_lower = |p: &Piece| {
        p.marked
            .text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    };
    let Some(def) = out
        .iter()
        .rev()
        .find(|p| p.role != Role::PageBreak)
        .filter(|p| matches!(p.role, Role::FootnoteDef { .. }))
    else {
        return false;
    };
    let next_is_def = next.is_some_and(|p| matches!(p.role, Role::FootnoteDef { .. }));
    let body_resumes = next.is_some_and(|p| p.is_prose() && starts_lower(p));
    // A definition ending on `;` or `,` announces more; a URL or a title does not.
    let unfinished = def.marked.text.trim_end().ends_with([';', ',']);
    !starts_lower(piece) && (next_is_def || body_resumes || unfinished)
}

/// Whether `word` is written with a capital in mid-sentence somewhere in the
/// report's prose, and never in lower case (`Tuareg`, `Malian`; not `In`,
/// which is also `in`). Asked only at a page break, so computed on demand.
fn is_proper_noun(word: &str, texts: &[String]) -> bool {
    if word.is_empty() || !word.starts_with(char::is_uppercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let mut capitalised_mid_sentence = false;
    for text in texts {
        let mut prev_end: Option<char> = None;
        for w in text.split_whitespace() {
            let clean = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let clean = &clean[..clean
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(clean.len())];
            if clean == word {
                capitalised_mid_sentence |=
                    prev_end.is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | '“' | '"'));
            } else if clean == lower {
                return false;
            }
            prev_end = w.chars().last();
        }
    }
    capitalised_mid_sentence
}

/// Gives bare figure labels (`Figure 6`) the short title line beside them:
/// the next one if it is free, else the one just before.
fn caption_titles(pieces: Vec<Piece>) -> Vec<Piece> {
    let is_title = |p: &Piece| {
        matches!(p.role, Role::Heading { .. })
            && p.marked.text.split_whitespace().count() <= MAX_CAPTION_TITLE_WORDS
    };
    let mut taken = vec![false; pieces.len()];
    let mut title_of: Vec<Option<usize>> = vec![None; pieces.len()];
    for i in 0..pieces.len() {
        if pieces[i].role != Role::Caption
            || !classify::is_bare_caption_label(&pieces[i].marked.text)
        {
            continue;
        }
        // The line after the label, unless it sits closer to the prose after
        // it than to the label (then it is that prose's section heading).
        let next = i + 1;
        let gap = |a: &Piece, b: &Piece| b.span.start.saturating_sub(a.span.end);
        let next_free = next < pieces.len()
            && is_title(&pieces[next])
            && !taken[next]
            && !pieces.get(next + 1).is_some_and(|after| {
                after.is_prose() && gap(&pieces[next], after) <= gap(&pieces[i], &pieces[next])
            });
        let pick = if next_free {
            Some(next)
        } else if i > 0 && is_title(&pieces[i - 1]) && !taken[i - 1] {
            Some(i - 1)
        } else {
            None
        };
        if let Some(t) = pick {
            taken[t] = true;
            title_of[i] = Some(t);
        }
    }
    let titles: Vec<Option<Marked>> = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| taken[i].then(|| p.marked.clone()))
        .collect();
    pieces
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !taken[*i])
        .map(|(i, mut p)| {
            if let Some(t) = title_of[i].and_then(|t| titles[t].clone()) {
                p.marked.text.push(' ');
                p.marked.text.push_str(&t.text);
            }
            p
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::segment::{Syntax, segment_text};

    /// The passages' texts a report cuts into.
    fn passages(text: &str) -> Vec<String> {
        segment_text(text, 0, Syntax::Markdown)
            .into_iter()
            .flat_map(|s| s.blocks)
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn list_items_stay_apart_and_cut_paragraphs_join() {
        // (report text, its last passages)
        let cases: [(&str, &[&str]); 3] = [
            (
                "Title Of It\n\nAid\n\nThe fund, set up after the attacks, helps the poorest towns of the region by:\n\n- paying for guards,\n\n- training imams; and\n\n- hiring mediators.\n",
                &[
                    "The fund, set up after the attacks, helps the poorest towns of the region by:",
                    "paying for guards,",
                    "training imams; and",
                    "hiring mediators.",
                ],
            ),
            (
                "Title Of It\n\nAid\n\n* first point without a stop\n* second point\n",
                &["first point without a stop", "second point"],
            ),
            (
                "Title Of It\n\nAid\n\nThe council, which had not sat since the coup of the previous year and had lost two members, met in the\n\ncapital on Monday.\n",
                &[
                    "The council, which had not sat since the coup of the previous year and had lost two members, met in the capital on Monday.",
                ],
            ),
        ];
        for (text, want) in cases {
            let got = passages(text);
            assert!(got.len() >= want.len(), "{text:?}: {got:?}");
            assert_eq!(&got[got.len() - want.len()..], want, "{text:?}");
        }
    }
}

//! Runs → lines: one page's positioned runs grouped by baseline into the
//! lines a reader sees, with the spaces the PDF only implies and the raised
//! small runs (note markers, note labels) kept apart.
//!
//! In: a page's [`Run`]s. Out: its [`Line`]s, top to bottom, left to right.
//! Runs whose baselines are within a fraction of their size share a line; a
//! small run set above a line's baseline (a superscript) joins the line
//! under it as a [`Span::Raised`]. A line is cut where two runs stand far
//! apart (a column gutter, a table's cells, a page number beside a footer),
//! so each [`Line`] is one horizontal stretch of text. Words get a space
//! where the gap between runs is wider than a fraction of an em and the
//! PDF wrote none (text placed word by word). Ligatures are spelled out.
//! What the lines are (headings, notes, furniture) is for `layout`.

use super::extract::{Page, Run};

/// A page's lines.
#[derive(Debug, Clone, Default)]
pub(super) struct PageLines {
    /// 1-based page number.
    pub number: u32,
    /// Page width, points.
    pub width: f32,
    /// Page height, points.
    pub height: f32,
    /// Lines, top to bottom, then left to right.
    pub lines: Vec<Line>,
}

impl PageLines {
    /// The lines of a page.
    pub(super) fn of(page: &Page) -> PageLines {
        PageLines {
            number: page.number,
            width: page.width,
            height: page.height,
            lines: lines(&page.runs),
        }
    }
}

/// A piece of a line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Span {
    /// Text on the baseline.
    Text(String),
    /// A small run set above the baseline: a note marker or a note's label.
    Raised(String),
}

/// One horizontal stretch of text on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Size of most of its characters (raised ones aside).
    pub size: f32,
    /// Every letter bold (raised ones aside).
    pub bold: bool,
    /// Every letter italic (raised ones aside).
    pub italic: bool,
    /// Opens with bold words but is not all bold: a run-in label (`Sanctions.`).
    pub lead_bold: bool,
    /// Its text, in order.
    pub spans: Vec<Span>,
}

impl Line {
    /// The text, raised runs included as written.
    pub(super) fn text(&self) -> String {
        self.spans
            .iter()
            .map(|s| match s {
                Span::Text(t) | Span::Raised(t) => t.as_str(),
            })
            .collect()
    }

    /// The text on the baseline only.
    pub(super) fn plain(&self) -> String {
        self.spans
            .iter()
            .filter_map(|s| match s {
                Span::Text(t) => Some(t.as_str()),
                Span::Raised(_) => None,
            })
            .collect()
    }

    /// Width, points.
    pub(super) fn width(&self) -> f32 {
        self.x1 - self.x0
    }
}

/// Runs whose baselines differ by less than this share a line (ems of the larger).
const SAME_BASELINE_EM: f32 = 0.25;
/// A small run at most this far above a baseline (ems of the line) is raised on it.
const MAX_RISE_EM: f32 = 0.6;
/// A raised run is at least this far above the baseline (ems of the line).
const MIN_RISE_EM: f32 = 0.12;
/// A raised run is at most this size relative to its line.
const MAX_RAISED_SIZE: f32 = 0.85;
/// A raised run this close (ems) to the line's text belongs to it.
const RAISED_REACH_EM: f32 = 0.6;
/// A gap wider than this (ems) between two runs cuts the line in two.
const CUT_GAP_EM: f32 = 1.0;
/// A gap wider than this (ems) between two runs is a word space.
const WORD_GAP_EM: f32 = 0.2;
/// Two copies of a run this close (points) are one run drawn twice (fake bold).
const DOUBLE_STRIKE: f32 = 1.0;

/// The lines of a page's runs, top to bottom, then left to right.
pub(super) fn lines(runs: &[Run]) -> Vec<Line> {
    let mut runs: Vec<Run> = runs
        .iter()
        .filter(|r| !r.text.is_empty() && r.size > 0.0)
        .map(|r| Run {
            text: clean(&r.text),
            ..r.clone()
        })
        .collect();
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut clusters = baselines(runs);
    for c in &mut clusters {
        // The baseline is the main text's, not a superscript's that came first.
        if let Some(main) = c
            .runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .max_by(|a, b| a.size.total_cmp(&b.size).then(b.x.total_cmp(&a.x)))
        {
            c.y = main.y;
        }
    }
    let clusters = raise_small(clusters);
    let mut out: Vec<Line> = clusters.into_iter().flat_map(cut).collect();
    out.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    out
}

/// Runs on one baseline, and the raised runs that belong to it.
#[derive(Debug, Default)]
struct Cluster {
    y: f32,
    size: f32,
    runs: Vec<Run>,
    raised: Vec<Run>,
}

/// Groups runs (sorted top-down) whose baselines are close.
fn baselines(runs: Vec<Run>) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for run in runs {
        let blank = run.text.trim().is_empty();
        match out.last_mut() {
            Some(c) if (c.y - run.y).abs() <= SAME_BASELINE_EM * c.size.max(run.size) => {
                if !blank && run.size > c.size {
                    c.size = run.size;
                }
                c.runs.push(run);
            }
            _ => out.push(Cluster {
                y: run.y,
                size: if blank { 0.0 } else { run.size },
                runs: vec![run],
                raised: Vec::new(),
            }),
        }
    }
    out
}

/// Moves clusters of small runs set just above a line into that line.
fn raise_small(mut clusters: Vec<Cluster>) -> Vec<Cluster> {
    let mut i = 0;
    while i < clusters.len() {
        let small = &clusters[i];
        let target = (i + 1..clusters.len()).find(|&j| {
            let line = &clusters[j];
            let rise = small.y - line.y;
            rise > MIN_RISE_EM * line.size
                && rise <= MAX_RISE_EM * line.size
                && small.size > 0.0
                && small.size <= MAX_RAISED_SIZE * line.size
                && small.runs.iter().all(|r| near(r, &line.runs, line.size))
        });
        if let Some(j) = target {
            let small = clusters.remove(i);
            let line = &mut clusters[j - 1];
            line.raised
                .extend(small.runs.into_iter().filter(|r| !r.text.trim().is_empty()));
        } else {
            i += 1;
        }
    }
    clusters
}

/// Whether a run stands within reach of any of `runs`, horizontally.
fn near(run: &Run, runs: &[Run], size: f32) -> bool {
    let reach = RAISED_REACH_EM * size;
    runs.iter()
        .filter(|r| !r.text.trim().is_empty())
        .any(|r| run.x <= r.end() + reach && run.end() >= r.x - reach)
}

/// Cuts a cluster at wide gaps into lines.
fn cut(cluster: Cluster) -> Vec<Line> {
    // (run, raised onto this line from above)
    let mut runs: Vec<(Run, bool)> = cluster
        .runs
        .into_iter()
        .map(|r| (r, false))
        .chain(cluster.raised.into_iter().map(|r| (r, true)))
        .collect();
    runs.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
    let mut pieces: Vec<Vec<(Run, bool)>> = Vec::new();
    let mut last: Option<(f32, f32)> = None; // (right edge, size) of the last inked run
    for (run, raised) in runs {
        if run.text.trim().is_empty() {
            // A space run separates words; it neither cuts nor extends a line.
            if let Some(piece) = pieces.last_mut() {
                piece.push((run, raised));
            }
            continue;
        }
        let cuts = last.is_some_and(|(end, size)| run.x - end > CUT_GAP_EM * size.max(run.size))
            && !pieces.last().is_some_and(|p| is_bullet_or_label(p));
        if cuts || pieces.is_empty() {
            pieces.push(Vec::new());
        }
        last = Some(match last {
            Some((end, _)) if end > run.end() => (end, run.size),
            _ => (run.end(), run.size),
        });
        if let Some(piece) = pieces.last_mut() {
            piece.push((run, raised));
        }
    }
    pieces.iter().filter_map(|p| line_of(p)).collect()
}

/// Whether a piece of a line holds only a bullet glyph or a note's label
/// (`a.`, `12`, `(b)`), which the text after it belongs to however far.
fn is_bullet_or_label(piece: &[(Run, bool)]) -> bool {
    let text: String = piece.iter().map(|(r, _)| r.text.as_str()).collect();
    let t = text.trim();
    if t.chars().count() == 1 && t.chars().all(is_bullet) {
        return true;
    }
    let bare = t.trim_start_matches('(').trim_end_matches(['.', ')']);
    (1..=3).contains(&bare.len())
        && (bare.chars().all(|c| c.is_ascii_digit())
            || (bare.len() == 1 && bare.chars().all(|c| c.is_ascii_lowercase())))
}

/// Characters that open a list item.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '▪'
            | '●'
            | '◦'
            | '○'
            | '■'
            | '□'
            | '▫'
            | '‣'
            | '⁃'
            | '∙'
            | '·'
            | '➢'
            | '►'
            | '✓'
    )
}

/// One line from its runs (sorted by x), each flagged when it was raised
/// onto the line from above.
fn line_of(runs: &[(Run, bool)]) -> Option<Line> {
    let inked: Vec<&(Run, bool)> = runs
        .iter()
        .filter(|(r, _)| !r.text.trim().is_empty())
        .collect();
    let first = inked.first()?;
    // The baseline is the one of the line's largest text.
    let main = inked
        .iter()
        .filter(|(_, up)| !up)
        .map(|(r, _)| r)
        .max_by(|a, b| a.size.total_cmp(&b.size).then(b.x.total_cmp(&a.x)))
        .unwrap_or(&first.0);
    let is_raised = |r: &Run, forced: bool| {
        forced || (r.size <= MAX_RAISED_SIZE * main.size && r.y - main.y > MIN_RISE_EM * main.size)
    };
    let flagged: Vec<(&Run, bool)> = runs.iter().map(|(r, f)| (r, is_raised(r, *f))).collect();
    let base: Vec<&Run> = flagged
        .iter()
        .filter(|(r, up)| !up && !r.text.trim().is_empty())
        .map(|(r, _)| *r)
        .collect();
    let size = dominant_size(&base).unwrap_or(main.size);
    let letters = |f: fn(&Run) -> bool| {
        base.iter()
            .filter(|r| r.text.chars().any(char::is_alphanumeric))
            .all(|r| f(r))
            && base
                .iter()
                .any(|r| r.text.chars().any(char::is_alphanumeric))
    };
    let mut line = Line {
        x0: first.0.x,
        x1: inked.iter().map(|(r, _)| r.end()).fold(f32::MIN, f32::max),
        y: main.y,
        size,
        bold: letters(|r| r.bold),
        italic: letters(|r| r.italic),
        lead_bold: false,
        spans: Vec::new(),
    };
    line.lead_bold = !line.bold
        && base
            .iter()
            .find(|r| r.text.chars().any(char::is_alphanumeric))
            .is_some_and(|r| r.bold);
    let mut prev: Option<&Run> = None;
    for &(run, raised) in &flagged {
        if prev.is_some_and(|p| p.text == run.text && (p.x - run.x).abs() < DOUBLE_STRIKE) {
            continue;
        }
        let blank = run.text.trim().is_empty();
        if let Some(p) = prev {
            let gap = run.x - p.end();
            let spaced =
                p.text.ends_with(char::is_whitespace) || run.text.starts_with(char::is_whitespace);
            if !spaced && !raised && gap > WORD_GAP_EM * size {
                push_text(&mut line.spans, " ");
            }
        }
        if raised && !blank {
            line.spans.push(Span::Raised(run.text.trim().to_string()));
        } else {
            push_text(&mut line.spans, &run.text);
        }
        prev = Some(run);
    }
    trim_spans(&mut line.spans);
    (!line.spans.is_empty()).then_some(line)
}

/// The size most characters of these runs have.
fn dominant_size(runs: &[&Run]) -> Option<f32> {
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    for r in runs {
        let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
        match sizes.iter_mut().find(|(s, _)| (*s - r.size).abs() < 0.1) {
            Some(entry) => entry.1 += n,
            None => sizes.push((r.size, n)),
        }
    }
    sizes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
        .map(|(s, _)| s)
}

fn push_text(spans: &mut Vec<Span>, text: &str) {
    if let Some(Span::Text(last)) = spans.last_mut() {
        last.push_str(text);
    } else {
        spans.push(Span::Text(text.to_string()));
    }
}

/// Whitespace runs collapsed, ends trimmed.
fn trim_spans(spans: &mut Vec<Span>) {
    for span in spans.iter_mut() {
        if let Span::Text(t) = span {
            let mut out = String::with_capacity(t.len());
            for c in t.chars() {
                if c.is_whitespace() {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
            *t = out;
        }
    }
    if let Some(Span::Text(t)) = spans.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Span::Text(t)) = spans.last_mut() {
        *t = t.trim_end().to_string();
    }
    spans.retain(|s| !matches!(s, Span::Text(t) if t.is_empty()));
}

/// A run's characters as a reader reads them: ligatures spelled out,
/// private-use bullets as `•`, no-break spaces as spaces, control
/// characters and soft hyphens dropped.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' => out.push(' '),
            '\u{f0b7}' | '\u{f0a7}' | '\u{f076}' | '\u{f0d8}' => out.push('•'),
            '\u{ad}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, y: f32, size: f32, text: &str) -> Run {
        Run {
            x,
            y,
            size,
            bold: false,
            italic: false,
            // A rough advance: half an em per character.
            width: size * 0.5 * text.chars().count() as f32,
            text: text.to_string(),
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn raised_small_runs_join_the_line_below_as_markers() {
        let runs = [
            run(72.0, 700.0, 11.0, "each day."),
            run(121.5, 704.0, 7.0, "12"),
            run(128.5, 700.0, 11.0, " As of April"),
            run(72.0, 686.0, 11.0, "the next line"),
        ];
        let lines = lines(&runs);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].spans,
            [
                Span::Text("each day.".into()),
                Span::Raised("12".into()),
                Span::Text(" As of April".into())
            ]
        );
        assert!((lines[0].size - 11.0).abs() < 0.01);
    }

    #[test]
    fn gaps_become_spaces_and_wide_gaps_cut_lines() {
        let cases: [(&[Run], &[&str]); 4] = [
            // Words placed one by one, no space characters.
            (
                &[
                    run(72.0, 700.0, 10.0, "Words"),
                    run(99.5, 700.0, 10.0, "apart"),
                ],
                &["Words apart"],
            ),
            // Kerning: no space.
            (
                &[
                    run(72.0, 700.0, 10.0, "New Y"),
                    run(96.0, 700.0, 10.0, "ork"),
                ],
                &["New York"],
            ),
            // A column gutter.
            (
                &[
                    run(72.0, 700.0, 10.0, "left column"),
                    run(160.0, 700.0, 10.0, "right"),
                ],
                &["left column", "right"],
            ),
            // A bullet and its text are one line however far apart.
            (
                &[
                    run(90.0, 700.0, 11.0, "•"),
                    run(108.0, 700.0, 11.0, "Item text"),
                ],
                &["• Item text"],
            ),
        ];
        for (runs, want) in cases {
            assert_eq!(texts(&lines(runs)), want, "{runs:?}");
        }
    }

    #[test]
    fn ligatures_and_odd_characters_are_spelled_out() {
        let cases = [
            ("ﬁnal ofﬁce ﬂoor", "final office floor"),
            ("no\u{a0}break", "no break"),
            ("soft\u{ad}hyphen", "softhyphen"),
            ("\u{f0b7}", "•"),
            ("bell\u{7}", "bell"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input), want);
        }
    }

    #[test]
    fn a_run_drawn_twice_is_read_once() {
        let runs = [
            run(72.0, 700.0, 14.0, "Heading"),
            run(72.3, 700.0, 14.0, "Heading"),
        ];
        assert_eq!(texts(&lines(&runs)), ["Heading"]);
    }
}

//! Reading order on a page: full-width stretches top to bottom, and inside
//! a stretch set in two columns, the left column before the right one.
//!
//! In: a page's lines (those that are not furniture) and its width. Out:
//! [`Flow`]s in reading order, each a run of lines read top to bottom.
//! The gutter is the vertical strip near the middle of the page that the
//! fewest lines cross; lines crossing it (a title, a full-width table or
//! note) cut the page into bands; a band is two columns when both sides of
//! the gutter hold several lines of text as wide as a column, else it is
//! read line by line (a table's cells or two short lines side by side stay
//! rows).

use super::lines::Line;

/// Where the gutter may be (fractions of the page width).
const GUTTER_RANGE: (f32, f32) = (0.3, 0.7);
/// A column is at least this wide (a fraction of the page width).
const MIN_COLUMN_WIDTH: f32 = 0.2;
/// A column holds at least this many lines in a band.
const MIN_COLUMN_LINES: usize = 3;
/// Lines whose baselines are this close (points) are one row.
const SAME_ROW: f32 = 1.0;
/// Step of the gutter search, points.
const STEP: f32 = 2.0;

/// Which part of a band a flow is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    /// The whole width.
    Full,
    /// The left column.
    Left,
    /// The right column, which continues the left one.
    Right,
}

/// Lines read top to bottom, as indices into the page's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Flow {
    /// Which part of its band.
    pub column: Column,
    /// The lines.
    pub lines: Vec<usize>,
}

/// What the column rules know of a page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Page {
    /// Its width, points.
    pub width: f32,
    /// The size of body text (smaller lines are not column text).
    pub body_size: f32,
}

/// The page's lines `keep` (indices, top to bottom) in reading order.
pub(super) fn flows(lines: &[Line], keep: &[usize], page: Page) -> Vec<Flow> {
    let Some(gutter) = gutter(lines, keep, page.width) else {
        return vec![Flow {
            column: Column::Full,
            lines: keep.to_vec(),
        }];
    };
    let crosses = |i: usize| lines[i].x0 < gutter - 1.0 && lines[i].x1 > gutter + 1.0;
    let mut out = Vec::new();
    let mut band: Vec<usize> = Vec::new();
    // A line beside one that crosses the gutter, on its baseline, is read with it.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for &i in keep {
        match rows.last_mut() {
            Some(row) if (lines[row[0]].y - lines[i].y).abs() < SAME_ROW => row.push(i),
            _ => rows.push(vec![i]),
        }
    }
    for row in rows {
        if row.iter().any(|&i| crosses(i)) {
            out.extend(read_band(lines, &band, gutter, page));
            band.clear();
            out.push(Flow {
                column: Column::Full,
                lines: row,
            });
        } else {
            band.extend(row);
        }
    }
    out.extend(read_band(lines, &band, gutter, page));
    merge_full(out)
}

/// The gutter's position: the middle of the widest stretch crossed by the
/// fewest lines, if a line stands on each side of it.
fn gutter(lines: &[Line], keep: &[usize], width: f32) -> Option<f32> {
    let mut best: Option<(usize, f32, f32)> = None; // (crossing, start, end)
    let mut x = width * GUTTER_RANGE.0;
    let mut run: Option<(usize, f32)> = None;
    while x <= width * GUTTER_RANGE.1 {
        let crossing = keep
            .iter()
            .filter(|&&i| lines[i].x0 < x - 1.0 && lines[i].x1 > x + 1.0)
            .count();
        run = match run {
            Some((c, start)) if c == crossing => Some((c, start)),
            _ => Some((crossing, x)),
        };
        if let Some((c, start)) = run {
            let better = best.is_none_or(|(bc, bs, be)| c < bc || (c == bc && x - start > be - bs));
            if better {
                best = Some((c, start, x));
            }
        }
        x += STEP;
    }
    let (_, start, end) = best?;
    let g = f32::midpoint(start, end);
    let left = keep.iter().any(|&i| lines[i].x1 <= g);
    let right = keep.iter().any(|&i| lines[i].x0 >= g);
    (left && right).then_some(g)
}

/// A band's lines: two columns, or one flow.
fn read_band(lines: &[Line], band: &[usize], gutter: f32, page: Page) -> Vec<Flow> {
    let (width, body_size) = (page.width, page.body_size);
    if band.is_empty() {
        return Vec::new();
    }
    let (left, right): (Vec<usize>, Vec<usize>) =
        band.iter().partition(|&&i| lines[i].x1 <= gutter + 1.0);
    // A column holds lines of text as wide as a column, of the body's size
    // or larger (two blocks of small print side by side are a table).
    let is_column = |side: &[usize]| {
        let mut baselines: Vec<f32> = side
            .iter()
            .filter(|&&i| lines[i].size >= body_size)
            .map(|&i| lines[i].y)
            .collect();
        baselines.dedup_by(|a, b| (*a - *b).abs() < 1.0);
        baselines.len() >= MIN_COLUMN_LINES
            && side
                .iter()
                .any(|&i| lines[i].width() >= MIN_COLUMN_WIDTH * width)
    };
    if is_column(&left) && is_column(&right) {
        vec![
            Flow {
                column: Column::Left,
                lines: left,
            },
            Flow {
                column: Column::Right,
                lines: right,
            },
        ]
    } else {
        vec![Flow {
            column: Column::Full,
            lines: band.to_vec(),
        }]
    }
}

/// Consecutive full-width flows as one.
fn merge_full(flows: Vec<Flow>) -> Vec<Flow> {
    let mut out: Vec<Flow> = Vec::with_capacity(flows.len());
    for flow in flows {
        match out.last_mut() {
            Some(last) if last.column == Column::Full && flow.column == Column::Full => {
                last.lines.extend(flow.lines);
            }
            _ => out.push(flow),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::Span;
    use super::*;

    fn line(x0: f32, x1: f32, y: f32) -> Line {
        Line {
            x0,
            x1,
            y,
            size: 10.0,
            bold: false,
            italic: false,
            lead_bold: false,
            spans: vec![Span::Text(format!("{x0} {y}"))],
        }
    }

    fn order(lines: &[Line]) -> Vec<(Column, Vec<usize>)> {
        let keep: Vec<usize> = (0..lines.len()).collect();
        let page = Page {
            width: 612.0,
            body_size: 10.0,
        };
        flows(lines, &keep, page)
            .into_iter()
            .map(|f| (f.column, f.lines))
            .collect()
    }

    #[test]
    fn two_columns_under_a_full_width_title_are_read_left_then_right() {
        let lines = vec![
            line(57.0, 480.0, 700.0), // title
            line(57.0, 298.0, 680.0),
            line(313.0, 555.0, 680.0),
            line(57.0, 300.0, 669.0),
            line(313.0, 550.0, 669.0),
            line(57.0, 200.0, 658.0),
            line(313.0, 540.0, 658.0),
            line(57.0, 300.0, 647.0),
            line(313.0, 540.0, 647.0),
        ];
        assert_eq!(
            order(&lines),
            [
                (Column::Full, vec![0]),
                (Column::Left, vec![1, 3, 5, 7]),
                (Column::Right, vec![2, 4, 6, 8])
            ]
        );
    }

    #[test]
    fn one_column_and_short_cells_side_by_side_stay_in_line_order() {
        let single = vec![
            line(72.0, 540.0, 700.0),
            line(72.0, 200.0, 688.0),
            line(72.0, 530.0, 670.0),
        ];
        assert_eq!(order(&single), [(Column::Full, vec![0, 1, 2])]);
        // A two-column table of short cells: rows, not columns.
        let table = vec![
            line(100.0, 130.0, 700.0),
            line(350.0, 400.0, 700.0),
            line(100.0, 130.0, 688.0),
            line(350.0, 410.0, 688.0),
        ];
        assert_eq!(order(&table), [(Column::Full, vec![0, 1, 2, 3])]);
    }
}

//! Tables: what a `<table>` is for, its rows and cells, and its text.
//!
//! In: a table element of a [`Dom`]. Out: its rows and cells (of this
//! table, not of tables nested in it), whether it lays out prose or holds
//! data, and a data table's laid-out rows cut into paragraph-sized blocks.
//! A table with one column (a text box built as a one-cell table: its
//! first line, when short, is its title, read as a caption), or one
//! whose cells hold headings or long runs of paragraphs (a page laid out
//! in columns), is layout: its cells are read as blocks by the walker.
//! Otherwise it is data: one block whose text has one row per line, cells
//! joined by " · ", rows ending with ";" (as `segment::reader` renders
//! markdown tables). Rows that are note bodies are the walker's.

use super::dom::{Dom, NodeId};
use crate::segment::Inline;

/// A data table longer than this is cut into several blocks (at rows), so
/// that no passage is a page of numbers.
const MAX_TABLE_BLOCK_BYTES: usize = 2000;

/// A cell holding more text than this in several blocks is prose.
const MAX_DATA_CELL_BYTES: usize = 400;

/// Separates cells in a row's text.
pub(super) const CELL_SEPARATOR: &str = " · ";

/// Ends every row but the last.
const ROW_END: &str = ";\n";

/// What a table is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TableKind {
    /// It lays out prose: read its cells as blocks.
    Layout,
    /// It holds data: read it as rows.
    Data,
}

/// The rows of `table` (in `thead`, `tbody`, `tfoot` or directly in it).
pub(super) fn rows(dom: &Dom, table: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    for &c in dom.children(table) {
        match dom.tag(c) {
            Some("tr") => out.push(c),
            Some("thead" | "tbody" | "tfoot") => {
                out.extend(dom.children(c).iter().copied().filter(|&r| dom.is(r, "tr")));
            }
            _ => {}
        }
    }
    out
}

/// The cells of a row.
pub(super) fn cells(dom: &Dom, row: NodeId) -> Vec<NodeId> {
    dom.children(row)
        .iter()
        .copied()
        .filter(|&c| dom.is(c, "td") || dom.is(c, "th"))
        .collect()
}

/// The `<caption>` of a table.
pub(super) fn caption(dom: &Dom, table: NodeId) -> Option<NodeId> {
    dom.children(table)
        .iter()
        .copied()
        .find(|&c| dom.is(c, "caption"))
}

/// Whether a table has one column (a text box), counting filled cells.
pub(super) fn is_one_column(dom: &Dom, rows: &[NodeId]) -> bool {
    let filled = |cell: NodeId| !dom.text_content(cell).trim().is_empty();
    rows.iter()
        .all(|&r| cells(dom, r).into_iter().filter(|&c| filled(c)).count() <= 1)
}

/// Whether a table lays out prose or holds data.
pub(super) fn kind(dom: &Dom, rows: &[NodeId]) -> TableKind {
    let one_column = is_one_column(dom, rows);
    let prose_cell = rows
        .iter()
        .flat_map(|&r| cells(dom, r))
        .any(|c| holds_prose(dom, c));
    if one_column || prose_cell {
        TableKind::Layout
    } else {
        TableKind::Data
    }
}

/// A cell with a heading, or long text in several blocks.
fn holds_prose(dom: &Dom, cell: NodeId) -> bool {
    let mut blocks = 0;
    for n in dom.descendants(cell) {
        match dom.tag(n) {
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => return true,
            Some("p" | "ul" | "ol" | "div" | "blockquote") => blocks += 1,
            _ => {}
        }
    }
    blocks >= 2 && dom.text_content(cell).len() > MAX_DATA_CELL_BYTES
}

/// Joins laid-out rows into blocks of at most [`MAX_TABLE_BLOCK_BYTES`]
/// (a longer row is a block of its own).
pub(super) fn blocks_of_rows(rows: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut current = Inline::default();
    for row in rows.into_iter().filter(|r| !r.text.trim().is_empty()) {
        if !current.text.is_empty()
            && current.text.len() + ROW_END.len() + row.text.len() > MAX_TABLE_BLOCK_BYTES
        {
            out.push(std::mem::take(&mut current));
        }
        if !current.text.is_empty() {
            current.text.push_str(ROW_END);
        }
        let shift = current.text.len();
        current.text.push_str(&row.text);
        current.links.extend(row.links.into_iter().map(|mut l| {
            l.range = l.range.start + shift..l.range.end + shift;
            l
        }));
    }
    if !current.text.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::dom::DOCUMENT;
    use super::*;

    fn kind_of(html: &str) -> TableKind {
        let dom = Dom::parse(html);
        let table = dom
            .descendants(DOCUMENT)
            .find(|&n| dom.is(n, "table"))
            .expect("a table");
        kind(&dom, &rows(&dom, table))
    }

    #[test]
    fn layout_or_data() {
        let long = "word ".repeat(100);
        let cases = [
            (
                "<table><tr><td><p>Box title</p><p>Box text</p></td></tr></table>",
                TableKind::Layout,
            ),
            (
                "<table><tr><td>A</td></tr><tr><td>B</td></tr></table>",
                TableKind::Layout,
            ),
            (
                "<table><tr><th>Year</th><th>Funding</th></tr><tr><td>2019</td><td>$60m</td></tr></table>",
                TableKind::Data,
            ),
            (
                "<table><tr><td><h3>Column</h3></td><td>Side</td></tr></table>",
                TableKind::Layout,
            ),
            (
                &format!("<table><tr><td><p>{long}</p><p>{long}</p></td><td>x</td></tr></table>"),
                TableKind::Layout,
            ),
        ];
        for (html, want) in cases {
            assert_eq!(kind_of(html), want, "{html}");
        }
    }

    #[test]
    fn long_tables_are_cut_at_rows() {
        let row = |t: &str| Inline {
            text: t.to_string(),
            links: Vec::new(),
        };
        let rows: Vec<Inline> = (0..100)
            .map(|i| row(&format!("{i} · {}", "x".repeat(40))))
            .collect();
        let blocks = blocks_of_rows(rows);
        assert!(blocks.len() > 1);
        assert!(blocks.iter().all(|b| b.text.len() <= MAX_TABLE_BLOCK_BYTES));
        assert!(blocks[0].text.starts_with("0 · ") && blocks[0].text.contains(";\n1 · "));
        assert_eq!(
            blocks_of_rows(vec![row("a"), row(" "), row("b")])[0].text,
            "a;\nb"
        );
    }
}

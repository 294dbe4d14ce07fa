//! Tables: the paragraphs of a Word table's cells → paragraphs the
//! segmenter reads.
//!
//! In: the paragraphs `walk` reads, cell by cell and row by row. Out: for
//! a table of data, one paragraph with a row per line, cells joined by
//! " · " and rows separated by ";" (as the markdown reader renders tables);
//! for a layout table, whose every row is a single cell (a box or frame
//! around prose), the cells' own paragraphs, headings kept.

use super::model::{Para, Piece};

/// Separates the cells of a row.
const CELL_SEPARATOR: &str = " · ";
/// Separates rows.
const ROW_SEPARATOR: &str = ";\n";
/// Separates the paragraphs of a cell.
const PARAGRAPH_SEPARATOR: &str = " ";

/// A table being read: rows of cells of paragraphs.
#[derive(Debug, Default)]
pub(super) struct Table {
    rows: Vec<Vec<Vec<Para>>>,
}

impl Table {
    /// A row starts.
    pub(super) fn row(&mut self) {
        self.rows.push(Vec::new());
    }

    /// A cell starts.
    pub(super) fn cell(&mut self) {
        if self.rows.is_empty() {
            self.row();
        }
        if let Some(row) = self.rows.last_mut() {
            row.push(Vec::new());
        }
    }

    /// A paragraph of the current cell.
    pub(super) fn push(&mut self, para: Para) {
        if self.rows.last().is_none_or(Vec::is_empty) {
            self.cell();
        }
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
            cell.push(para);
        }
    }

    /// The table's paragraphs: one for a table of data, the cells' own for
    /// a layout table; none for a table without text.
    pub(super) fn finish(self) -> Vec<Para> {
        let rows: Vec<Vec<Vec<Para>>> = self.rows.into_iter().filter(|r| !r.is_empty()).collect();
        if rows.iter().all(|r| r.len() <= 1) {
            return rows.into_iter().flatten().flatten().collect();
        }
        if rows.iter().flatten().all(Vec::is_empty) {
            return Vec::new();
        }
        let mut pieces = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Text(ROW_SEPARATOR.into()));
            }
            for (j, cell) in row.into_iter().enumerate() {
                if j > 0 {
                    pieces.push(Piece::Text(CELL_SEPARATOR.into()));
                }
                for (k, para) in cell.into_iter().enumerate() {
                    if k > 0 {
                        pieces.push(Piece::Text(PARAGRAPH_SEPARATOR.into()));
                    }
                    pieces.extend(para.pieces);
                }
            }
        }
        vec![Para::body(pieces)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::docx::styles::Role;

    fn para(role: Role, text: &str) -> Para {
        Para {
            role,
            pieces: vec![Piece::Text(text.into())],
        }
    }

    fn text(paras: &[Para]) -> Vec<String> {
        paras
            .iter()
            .map(|p| {
                p.pieces
                    .iter()
                    .map(|x| match x {
                        Piece::Text(t) => t.as_str(),
                        _ => "",
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn data_tables_are_one_paragraph() {
        let mut t = Table::default();
        t.row();
        t.cell();
        t.push(para(Role::Body, "Year"));
        t.cell();
        t.push(para(Role::Body, "Attacks"));
        t.row();
        t.cell();
        t.push(para(Role::Body, "2019"));
        t.cell();
        t.push(para(Role::Body, "41"));
        t.push(para(Role::Body, "(est.)"));
        t.row();
        t.cell();
        t.cell();
        t.push(para(Role::Body, "3"));
        assert_eq!(
            text(&t.finish()),
            ["Year · Attacks;\n2019 · 41 (est.);\n · 3"]
        );
    }

    #[test]
    fn layout_tables_keep_their_paragraphs() {
        let mut t = Table::default();
        t.row();
        t.cell();
        t.push(para(Role::Heading(3), "Box 1"));
        t.push(para(Role::Body, "Inside the box."));
        let paras = t.finish();
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[0].role, Role::Heading(3));
    }

    #[test]
    fn empty_tables_give_nothing() {
        let mut t = Table::default();
        t.row();
        t.cell();
        t.cell();
        assert!(t.finish().is_empty());
    }
}

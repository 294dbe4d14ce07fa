//! `facets --by F`: a cross-tab of counts, as an aligned table that fits the
//! terminal, as CSV (the whole table) or as JSON Lines (one line a cell).
//!
//! In: a [`CrossTab`]. Out: text, CSV or JSON on stdout. The table shows the
//! columns with most passages first, as many as the width holds, and says
//! how many it left out; CSV and JSON hold them all.

use std::io::Write;

use anyhow::Result;
use dossier::{CrossTab, Dimension};
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::output::{Out, Style};

/// Widest column heading or row label, in columns; longer ones end in `…`.
const MAX_LABEL: usize = 24;
/// Columns between two columns of the table.
const GAP: usize = 2;

/// The table, fitted to the terminal width.
pub(crate) fn write_table(out: &mut Out, tab: &CrossTab) -> Result<()> {
    let heads: Vec<String> = tab.columns.iter().map(|c| shorten(&c.value)).collect();
    let label_width = tab
        .rows
        .iter()
        .map(|r| shorten(&r.value).width())
        .chain(tab.rows.iter().map(|r| r.dim.name().len()))
        .max()
        .unwrap_or(0);
    let total_width = digits(tab.rows.iter().map(|r| r.count).max().unwrap_or(0)).max(5);
    let shown = fitting_columns(
        tab,
        &heads,
        out.line_width()
            .saturating_sub(label_width + GAP + total_width),
    );
    let mut last_dim: Option<Dimension> = None;
    for (i, row) in tab.rows.iter().enumerate() {
        if last_dim != Some(row.dim) {
            if last_dim.is_some() {
                writeln!(out)?;
            }
            let mut line = pad_right(row.dim.name(), label_width);
            line.push_str(&cell("total", total_width));
            for &(j, w) in &shown {
                line.push_str(&cell(&heads[j], w));
            }
            writeln!(out, "{}", out.paint(Style::Bold, line.trim_end()))?;
            last_dim = Some(row.dim);
        }
        let mut line = pad_right(&shorten(&row.value), label_width);
        line.push_str(&cell(&row.count.to_string(), total_width));
        for &(j, w) in &shown {
            line.push_str(&cell(&tab.cells[i][j].to_string(), w));
        }
        writeln!(out, "{line}")?;
    }
    let left_out = tab.columns.len() - shown.len();
    if left_out > 0 {
        let note = format!(
            "{left_out} of {} {} values left out to fit the width (those with most passages are shown); --format csv for all",
            tab.columns.len(),
            tab.by.name()
        );
        writeln!(out, "{}", out.paint(Style::Dim, &note))?;
    }
    Ok(())
}

/// The columns shown, as (index, width): those with most passages, as many
/// as `room` holds, in the table's order (years in year order).
fn fitting_columns(tab: &CrossTab, heads: &[String], room: usize) -> Vec<(usize, usize)> {
    let mut by_count: Vec<usize> = (0..tab.columns.len()).collect();
    by_count.sort_by_key(|&j| std::cmp::Reverse(tab.columns[j].count));
    let mut used = 0;
    let mut shown = Vec::new();
    for j in by_count {
        let most = tab.cells.iter().map(|r| r[j]).max().unwrap_or(0);
        let w = heads[j].width().max(digits(most));
        if used + GAP + w > room {
            break;
        }
        used += GAP + w;
        shown.push((j, w));
    }
    shown.sort_unstable();
    shown
}

/// The whole table as CSV: `facet,value,total`, then one column per value.
pub(crate) fn write_csv(out: &mut Out, tab: &CrossTab) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["facet".to_string(), "value".into(), "total".into()];
    header.extend(tab.columns.iter().map(|c| c.value.clone()));
    w.write_record(&header)?;
    for (row, cells) in tab.rows.iter().zip(&tab.cells) {
        let mut record = vec![
            row.dim.name().to_string(),
            row.value.clone(),
            row.count.to_string(),
        ];
        record.extend(cells.iter().map(u64::to_string));
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

/// One cell of the cross-tab as JSON (docs/json.md, "Cross-tab cell").
#[derive(Serialize)]
struct JsonCell<'a> {
    facet: Dimension,
    value: &'a str,
    by: Dimension,
    by_value: &'a str,
    count: u64,
}

/// The cells that hold a passage or more, one JSON line each, row by row.
pub(crate) fn write_json(out: &mut Out, tab: &CrossTab) -> Result<()> {
    for (row, cells) in tab.rows.iter().zip(&tab.cells) {
        for (column, &count) in tab.columns.iter().zip(cells) {
            if count == 0 {
                continue;
            }
            let cell = JsonCell {
                facet: row.dim,
                value: &row.value,
                by: tab.by,
                by_value: &column.value,
                count,
            };
            serde_json::to_writer(&mut *out, &cell)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Digits of a count.
fn digits(n: u64) -> usize {
    n.to_string().len()
}

/// A label cut to [`MAX_LABEL`] columns, `…` marking the cut.
fn shorten(label: &str) -> String {
    if label.width() <= MAX_LABEL {
        return label.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in label.chars() {
        let w = c.width().unwrap_or(0);
        // One column stays for the `…`.
        if used + w + 1 > MAX_LABEL {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

fn pad_right(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// A column of the table: the gap, then `text` right-aligned in `width`.
fn cell(text: &str, width: usize) -> String {
    format!(
        "{}{text}",
        " ".repeat(GAP + width.saturating_sub(text.width()))
    )
}

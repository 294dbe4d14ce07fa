//! Tests of the PDF reader's stages together: one page's lines → blocks,
//! and a debugging aid that prints a file's lines and blocks.

use std::collections::HashSet;

use super::blocks::{Context, page_blocks};
use super::lines::{Line, PageLines, Span};
use super::notes::Label;
use super::style::Style;
use super::{document_blocks, extract};

/// `DOSSIER_PDF_LINES=file.pdf cargo test --lib pdf_lines -- --nocapture --ignored`
/// prints a PDF's lines as the layout rules see them.
#[test]
#[ignore = "a debugging aid, run by hand"]
#[allow(clippy::print_stdout, reason = "it prints what it finds")]
fn pdf_lines() {
    let Ok(path) = std::env::var("DOSSIER_PDF_LINES") else {
        return;
    };
    let bytes = std::fs::read(path).expect("readable");
    let text = extract::read(&bytes).expect("a PDF");
    let pages: Vec<PageLines> = text.pages.iter().map(PageLines::of).collect();
    let style = Style::of(&pages);
    println!("{style:?}");
    for page in &pages {
        for l in &page.lines {
            println!(
                "p{} y={:.1} x={:.1}-{:.1} s={:.1} b={} lb={} {:?}",
                page.number, l.y, l.x0, l.x1, l.size, l.bold, l.lead_bold, l.spans
            );
        }
    }
    for b in document_blocks(&pages) {
        println!("block p{} {:?} {:?}", b.page, b.shape, b.text);
    }
}

fn line(x0: f32, x1: f32, y: f32, size: f32, spans: Vec<Span>) -> Line {
    Line {
        x0,
        x1,
        y,
        size,
        bold: false,
        italic: false,
        lead_bold: false,
        spans,
    }
}

fn plain(x0: f32, y: f32, size: f32, text: &str) -> Line {
    line(x0, x0 + 400.0, y, size, vec![Span::Text(text.to_string())])
}

#[test]
fn a_page_becomes_headings_paragraphs_items_tables_notes_and_furniture() {
    let mut heading = plain(72.0, 720.0, 16.0, "A Section");
    heading.bold = true;
    let page = PageLines {
        number: 4,
        width: 612.0,
        height: 792.0,
        lines: vec![
            heading,
            line(
                72.0,
                470.0,
                700.0,
                11.0,
                vec![
                    Span::Text("First line of a paragraph, cut after a".into()),
                    Span::Raised("3".into()),
                ],
            ),
            plain(72.0, 687.5, 11.0, "second line that ends it."),
            plain(90.0, 670.0, 11.0, "• An item that runs on"),
            plain(108.0, 657.5, 11.0, "to a second line."),
            line(100.0, 130.0, 630.0, 9.0, vec![Span::Text("Year".into())]),
            line(300.0, 340.0, 630.0, 9.0, vec![Span::Text("Count".into())]),
            line(100.0, 130.0, 619.0, 9.0, vec![Span::Text("2024".into())]),
            line(300.0, 340.0, 619.0, 9.0, vec![Span::Text("12".into())]),
            plain(72.0, 600.0, 11.0, "A last paragraph standing alone here."),
            line(
                72.0,
                400.0,
                90.0,
                8.0,
                vec![
                    Span::Raised("3".into()),
                    Span::Text(" A note, which goes".into()),
                ],
            ),
            plain(72.0, 80.0, 8.0, "on to a second line."),
            plain(72.0, 30.0, 8.0, "Imprint of the publisher"),
        ],
    };
    let style = Style::of(std::slice::from_ref(&page));
    let markers = HashSet::from([Label::Number(3)]);
    let bodies = HashSet::new();
    let ctx = Context {
        style: &style,
        markers: &markers,
        bodies: &bodies,
    };
    let blocks = page_blocks(&page, &[false; 13], &ctx);
    let got: Vec<(String, String)> = blocks
        .iter()
        .map(|b| (format!("{:?}", b.shape), b.text.clone()))
        .collect();
    let marker = crate::segment::note_marker("3");
    let want = [
        (
            "Heading { level: 1, emphasis: Plain }",
            "A Section".to_string(),
        ),
        (
            "Para",
            format!("First line of a paragraph, cut after a{marker}\nsecond line that ends it."),
        ),
        (
            "Item",
            "An item that runs on\nto a second line.".to_string(),
        ),
        ("Para", "Year · Count;\n2024 · 12".to_string()),
        ("Para", "A last paragraph standing alone here.".to_string()),
        (
            "Note(Number(3))",
            "A note, which goes\non to a second line.".to_string(),
        ),
        ("Furniture", "Imprint of the publisher".to_string()),
    ];
    let want: Vec<(String, String)> = want.into_iter().map(|(s, t)| (s.to_string(), t)).collect();
    assert_eq!(got, want);
    assert!(blocks.iter().all(|b| b.page == 4));
}

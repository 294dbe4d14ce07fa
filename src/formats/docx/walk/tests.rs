//! Unit tests of the walk: `WordprocessingML` fragments → paragraphs, one
//! reading rule per case.

use std::fmt::Write as _;

use super::*;

const RELS: &str = r#"<Relationships>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/brief" TargetMode="External"/>
</Relationships>"#;

/// The body's paragraphs as `role: text`, pieces spelled out: `[f3]` a
/// footnote reference, `[e1]` an endnote's, `[x:bookmark|shown]` a
/// cross-reference, `<dest|text|>` a link.
fn walk(body: &str) -> Vec<String> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="r" xmlns:mc="mc"><w:body>{body}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>"#
    );
    let rels = Relationships::parse("rels", RELS, "word").expect("rels");
    let story = document("word/document.xml", &xml, &Styles::default(), &rels).expect("walks");
    story.paras.iter().map(spell).collect()
}

fn spell(para: &Para) -> String {
    let mut out = format!("{:?}: ", para.role);
    for piece in &para.pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Note(r) => {
                let kind = if r.kind == NoteKind::Foot { 'f' } else { 'e' };
                let _ = write!(out, "[{kind}{}]", r.id);
            }
            Piece::CrossRef { bookmark, shown } => {
                let _ = write!(out, "[x:{bookmark}|{shown}]");
            }
            Piece::LinkStart(dest) => {
                let _ = write!(out, "<{dest}|");
            }
            Piece::LinkEnd => out.push_str("|>"),
        }
    }
    out
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

#[test]
fn runs_join_as_written_with_tabs_and_breaks() {
    let body = format!(
        "<w:p>{}{}<w:r><w:tab/><w:t>c</w:t><w:br/><w:t>d&amp;e</w:t><w:noBreakHyphen/><w:t>f</w:t></w:r></w:p><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>",
        run("Ab"),
        run("out ")
    );
    assert_eq!(walk(&body), ["Body: About  c\nd&e-f"]);
}

#[test]
fn styles_and_paragraph_properties_give_roles() {
    let p = |ppr: &str, text: &str| format!("<w:p><w:pPr>{ppr}</w:pPr>{}</w:p>", run(text));
    let body = [
        p(r#"<w:pStyle w:val="Title"/>"#, "Report"),
        p(r#"<w:pStyle w:val="Heading2"/>"#, "Findings"),
        p(r#"<w:outlineLvl w:val="2"/>"#, "Outlined"),
        p(r#"<w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/>"#, "Demoted"),
        p(r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#, "Item"),
        p(r#"<w:pStyle w:val="Caption"/>"#, "Figure 1"),
        p(r#"<w:pStyle w:val="IntenseQuote"/>"#, "Quoted"),
        p(r#"<w:pStyle w:val="TOC1"/>"#, "Contents line"),
        p(
            r#"<w:pStyle w:val="Normal"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange>"#,
            "Was a heading",
        ),
    ]
    .concat();
    assert_eq!(
        walk(&body),
        [
            "Title: Report",
            "Heading(2): Findings",
            "Heading(3): Outlined",
            "Body: Demoted",
            "Item: Item",
            "Caption: Figure 1",
            "Quote: Quoted",
            "Body: Was a heading",
        ]
    );
}

#[test]
fn tracked_changes_hidden_text_and_fields() {
    let body = format!(
        r#"<w:p>{}<w:del w:id="1"><w:r><w:delText>old </w:delText></w:r></w:del><w:ins w:id="2">{}</w:ins><w:moveFrom w:id="3">{}</w:moveFrom><w:moveTo w:id="4">{}</w:moveTo><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r></w:p>
<w:p>{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>{}</w:p>"#,
        run("Kept "),
        run("new "),
        run("moved away "),
        run("moved here"),
        run("Page "),
        run("12"),
        run(" shown")
    );
    assert_eq!(
        walk(&body),
        ["Body: Kept new moved here", "Body: Page 12 shown"]
    );
}

#[test]
fn hyperlinks_elements_and_fields() {
    let body = format!(
        r#"<w:p>{}<w:hyperlink r:id="rId7">{}</w:hyperlink><w:hyperlink w:anchor="_Toc1">{}</w:hyperlink>
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org/field" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:fldSimple w:instr=" HYPERLINK &quot;https://example.org/simple&quot; ">{}</w:fldSimple></w:p>"#,
        run("See "),
        run("the brief"),
        run(" inside"),
        run(" a field"),
        run(" simple")
    );
    assert_eq!(
        walk(&body),
        [
            "Body: See <https://example.org/brief|the brief|> inside<https://example.org/field| a field|><https://example.org/simple| simple|>"
        ]
    );
}

#[test]
fn note_references_custom_marks_and_cross_references() {
    let body = format!(
        r#"<w:p>{}<w:bookmarkStart w:id="0" w:name="_Ref9"/><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="4"/></w:r><w:bookmarkEnd w:id="0"/>{}<w:r><w:endnoteReference w:id="2"/></w:r>
<w:r><w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>*</w:t></w:r>{}
<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NOTEREF _Ref9 \f \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>23</w:t></w:r></w:p>"#,
        run("Claim"),
        run(" and"),
        run(" again")
    );
    assert_eq!(
        walk(&body),
        ["Body: Claim[f4] and[e2][f5] again[x:_Ref9|¹]²³"]
    );
}

#[test]
fn tables_and_text_boxes() {
    let cell = |text: &str| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"10\"/></w:tcPr><w:p>{}</w:p></w:tc>",
            run(text)
        )
    };
    let text_box = format!(
        r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr>{}</w:p><w:p>{}</w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p>{}</w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
        run("Box title"),
        run("Box text"),
        run("Box text again")
    );
    let body = format!(
        r#"<w:p>{}{text_box}{}</w:p><w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl><w:p>{}</w:p>"#,
        run("Anchor "),
        run("paragraph"),
        cell("Region"),
        cell("Attacks"),
        cell("North"),
        cell("12"),
        run("After")
    );
    assert_eq!(
        walk(&body),
        [
            "Body: Anchor paragraph",
            "Heading(3): Box title",
            "Body: Box text",
            "Body: Region · Attacks;\nNorth · 12",
            "Body: After",
        ]
    );
}

#[test]
fn notes_parts_skip_separators() {
    let xml = format!(
        r#"<w:footnotes xmlns:w="w"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p><w:p>{}</w:p></w:footnote><w:footnote w:id="2"><w:p>{}</w:p></w:footnote></w:footnotes>"#,
        run(" Ibid., p. 4."),
        run("Second paragraph."),
        run("Interview, Bamako.")
    );
    let notes = notes("f", &xml, &Styles::default(), &Relationships::default()).expect("reads");
    let got: Vec<(String, Vec<String>)> = notes
        .iter()
        .map(|(id, paras)| (id.clone(), paras.iter().map(spell).collect()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "1".to_string(),
                vec![
                    "Body:  Ibid., p. 4.".to_string(),
                    "Body: Second paragraph.".to_string()
                ]
            ),
            (
                "2".to_string(),
                vec!["Body: Interview, Bamako.".to_string()]
            ),
        ]
    );
}

#[test]
fn tables_of_contents_are_dropped() {
    let body = format!(
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}</w:p><w:p>{}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p>{}</w:p>"#,
        run("Introduction 1"),
        run("Findings 2"),
        run("Body text")
    );
    assert_eq!(walk(&body), ["Body: Body text"]);
}

#[test]
fn broken_xml_is_an_error() {
    let rels = Relationships::default();
    let got = document(
        "word/document.xml",
        "<w:document><w:body><w:p></w:body>",
        &Styles::default(),
        &rels,
    );
    assert!(matches!(got, Err(Unreadable::Corrupt(why)) if why.contains("word/document.xml")));
}

//! HTML pages: a saved web page or an HTML export → its blocks and the
//! metadata its head carries.
//!
//! In: the bytes of an HTML file (a whole page or a fragment). Out:
//! [`Content::Blocks`]: a [`Document`] whose blocks are the page's
//! headings, paragraphs, list items, quotes, captions, tables and note
//! bodies in reading order, note references written as markers, and whose
//! spans are the source lines each block was read from. The stages, each
//! in its own module: `decode` (bytes → text, the encoding a page declares),
//! `dom` (html5ever's HTML5 tree construction into a small arena), `meta`
//! (`<meta>` tags, `<title>`, JSON-LD), `notes` and `labels` (references,
//! bodies and the labels that tie them), `chrome` (what the markup marks as
//! not content), `display`, `tables` and `text` (layout), and `walk` (the
//! tree → blocks). Headings levels, chrome lines, titles, dates and note
//! linking are the segmenter's, as for every format.

mod chrome;
mod decode;
mod display;
mod dom;
mod labels;
mod meta;
mod notes;
mod tables;
mod text;
mod walk;

use super::content::{Content, Document, Skip};
use crate::segment::Continuity;

/// Reads an HTML file.
pub(crate) fn read(bytes: &[u8]) -> Result<Content, Skip> {
    let source = decode::decode(bytes)?;
    let dom = dom::Dom::parse(&source.text);
    let notes = notes::Notes::find(&dom);
    let blocks = walk::blocks(&dom, &notes, &source.line_starts, source.len);
    Ok(Content::Blocks(Document {
        meta: meta::read(&dom),
        blocks,
        line_starts: source.line_starts,
        continuity: Continuity::Whole,
        warnings: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{NOTE_OPEN, Shape};

    /// Each block as `shape: text`, note markers as `⟨label⟩`.
    fn blocks(html: &str) -> Vec<String> {
        let Ok(Content::Blocks(doc)) = read(html.as_bytes()) else {
            panic!("not read: {html}");
        };
        doc.blocks
            .iter()
            .map(|b| {
                let shape = match &b.shape {
                    Shape::Heading { level, .. } => format!("h{level}"),
                    Shape::Note(label) => format!("note {label:?}"),
                    other => format!("{other:?}").to_lowercase(),
                };
                let text = b
                    .inline
                    .text
                    .replace(NOTE_OPEN, "⟨")
                    .replace('\u{E001}', "⟩");
                format!("{shape}: {text}")
            })
            .collect()
    }

    #[test]
    fn note_shapes() {
        let cases: [(&str, &str, &[&str]); 9] = [
            (
                "pandoc",
                r##"<p>Claim.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
                <section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>Source one.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>"##,
                &["para: Claim.⟨1⟩", "note Number(1): Source one."],
            ),
            (
                "kramdown",
                r##"<p>Claim<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">1</a></sup> here.</p>
                <div class="footnotes" role="doc-endnotes"><ol><li id="fn:a" role="doc-endnote"><p>A source.&nbsp;<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>"##,
                &["para: Claim⟨1⟩ here.", "note Number(1): A source."],
            ),
            (
                "a footnote table (CRS)",
                r##"<p>Text.<sup><a href="#fn2" name="ifn2">2</a></sup></p>
                <table><tr><td><a href="#ifn2" name="fn2">2</a>.</td><td><p> Body, <em>Outlet</em>, 2026.</p></td></tr></table>"##,
                &["para: Text.⟨2⟩", "note Number(2): Body, Outlet, 2026."],
            ),
            (
                "wikipedia",
                r##"<p>Fact.<sup id="cite_ref-Smith_7-0" class="reference"><a href="#cite_note-Smith-7">[7]</a></sup></p>
                <ol class="references"><li id="cite_note-Smith-7"><span class="mw-cite-backlink">^ <a href="#cite_ref-Smith_7-0"><sup><i><b>a</b></i></sup></a></span> <span class="reference-text">Smith 2020.</span></li></ol>"##,
                &["para: Fact.⟨7⟩", "note Number(7): Smith 2020."],
            ),
            (
                "word",
                r##"<p class=MsoNormal>Claim.<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a></p>
                <div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1"><span class=MsoFootnoteReference>[1]</span></a> First.</p><p class=MsoFootnoteText>Second.</p></div>"##,
                &["para: Claim.⟨1⟩", "note Number(1): First.\nSecond."],
            ),
            (
                "no body, no reference",
                r##"<p>Cited<sup><a href="#fn5">5</a></sup>.</p><ol><li id="fn9">Never cited.</li></ol>"##,
                &["para: Cited⟨5⟩.", "note Number(9): Never cited."],
            ),
            (
                "unnumbered notes are named",
                r##"<p>One<sup><a href="#note-x">*</a></sup>.</p><div class="footnote" id="note-x">* A starred note.</div>"##,
                &[
                    "para: One⟨note-x⟩.",
                    "note Name(\"note-x\"): * A starred note.",
                ],
            ),
            (
                "two lists numbered from 1",
                r##"<p>A<a href="#fn1"><sup>1</sup></a> B<a href="#edn1"><sup>1</sup></a></p><ol><li id="fn1">Foot.</li></ol><ol><li id="edn1">End.</li></ol>"##,
                &[
                    "para: A⟨fn1⟩ B⟨edn1⟩",
                    "note Name(\"fn1\"): Foot.",
                    "note Name(\"edn1\"): End.",
                ],
            ),
            (
                "bare superscripts, when nothing is linked",
                "<p>Claim.<sup>3</sup> Area of 20 km<sup>2</sup>.</p>",
                &["para: Claim.³ Area of 20 km²."],
            ),
        ];
        for (what, html, want) in cases {
            assert_eq!(blocks(html), want, "{what}");
        }
    }

    #[test]
    fn layout() {
        let cases: [(&str, &str, &[&str]); 9] = [
            (
                "inline elements add no space, blocks do",
                "<p><strong>Apri</strong><strong>l</strong> 2026 &amp; <em>after</em></p><div>One</div><div>Two</div>",
                &["para: April 2026 & after", "para: One", "para: Two"],
            ),
            (
                "line breaks",
                "<p>Line one<br>  line two</p>",
                &["para: Line one\nline two"],
            ),
            (
                "list items take their paragraphs until a nested list",
                "<ul><li><p>First.</p><p>Still first.</p><ul><li>Nested.</li></ul></li></ul>",
                &["item: First.\nStill first.", "item: Nested."],
            ),
            (
                "headings keep anchors out and references in",
                r##"<h2><a name="_Toc1"></a>Lebanon<sup><a href="#fn2">2</a></sup></h2><ol><li id="fn2">Note.</li></ol>"##,
                &["h2: Lebanon⟨2⟩", "note Number(2): Note."],
            ),
            (
                "a text box: its short first line is its title",
                "<table><tr><td><p>By the Numbers</p><p>Casualties: 18.</p></td></tr></table><table><tr><td>Alone</td></tr></table>",
                &[
                    "caption: By the Numbers",
                    "para: Casualties: 18.",
                    "para: Alone",
                ],
            ),
            (
                "contents lists are navigation",
                r##"<h2>Contents</h2><ul><li><a href="#a">Overview</a></li><li><a href="#b">Iraq</a></li></ul><ul><li><a href="#a">Overview</a> in brief</li><li>Two</li></ul>"##,
                &["h2: Contents", "item: Overview in brief", "item: Two"],
            ),
            (
                "images: a caption when the alt text says something",
                r#"<p><img alt="Map of the river crossings"> <img alt="logo"></p><figure><img alt="Ignored alt text here"><figcaption>Caption wins</figcaption></figure>"#,
                &[
                    "caption: Map of the river crossings",
                    "caption: Caption wins",
                ],
            ),
            (
                "not content",
                "<header><p>Site</p></header><nav>Menu</nav><script>x()</script><style>p{}</style><p hidden>Hidden</p><p>Body</p><aside>Aside</aside><footer>Foot</footer>",
                &["para: Body"],
            ),
            (
                "block quotes",
                "<blockquote><p>Quoted words.</p>Loose words.</blockquote>",
                &["quote: Quoted words.", "quote: Loose words."],
            ),
        ];
        for (what, html, want) in cases {
            assert_eq!(blocks(html), want, "{what}");
        }
    }

    /// A small deterministic generator (xorshift), so that failures repeat.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const SAMPLE: &[u8] =
        include_bytes!("../../../tests/fixtures/samples/01-crs-r48887-us-conflict-with-iran.html");

    #[test]
    fn no_input_panics() {
        const PIECES: [&str; 24] = [
            "<p>",
            "</p>",
            "<table>",
            "<tr>",
            "<td>",
            "</table>",
            "<sup>",
            "</sup>",
            "<a href='#fn1' name='ifn1'>",
            "<a name='fn1' href='#ifn1'>",
            "</a>",
            "1",
            "<li id=fn1>",
            "<ul>",
            "<h2>",
            "text ",
            "&amp;",
            "&#",
            "<br>",
            "<time>",
            "<blockquote>",
            "<svg>",
            "<!--",
            "<pre>",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..300 {
            let mut bytes: Vec<u8> = Vec::new();
            for _ in 0..rng.below(200) {
                if rng.below(8) == 0 {
                    bytes.push(rng.below(256) as u8);
                } else {
                    bytes.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
                }
            }
            let _ = read(&bytes);
        }
        for _ in 0..60 {
            let _ = read(&SAMPLE[..rng.below(SAMPLE.len())]);
            let start = rng.below(SAMPLE.len());
            let _ = read(&SAMPLE[start..]);
        }
    }

    #[test]
    fn deep_nesting_is_read_without_recursion() {
        let html = format!(
            "{}deep text{}",
            "<div><span>".repeat(2_000),
            "</span></div>".repeat(2_000)
        );
        let got = blocks(&html);
        assert_eq!(got, ["para: deep text"]);
        let unclosed = "<div>".repeat(3_000) + "end";
        assert_eq!(blocks(&unclosed), ["para: end"]);
    }

    #[test]
    fn spans_are_the_lines_blocks_were_read_from() {
        let html = "<h1>Title</h1>\n<p>First\nparagraph.</p>\n\n<p>Second.</p>\n";
        let Ok(Content::Blocks(doc)) = read(html.as_bytes()) else {
            panic!("not read");
        };
        let spans: Vec<&str> = doc.blocks.iter().map(|b| &html[b.span.clone()]).collect();
        assert_eq!(
            spans,
            [
                "<h1>Title</h1>\n",
                "<p>First\nparagraph.</p>\n",
                "<p>Second.</p>\n"
            ]
        );
        assert_eq!(doc.line_starts, [0, 15, 24, 39, 40, 55]);
        let Ok(Content::Blocks(doc)) = read(SAMPLE) else {
            panic!("not read");
        };
        for b in &doc.blocks {
            assert!(
                b.span.start < b.span.end && b.span.end <= SAMPLE.len(),
                "{:?}",
                b.span
            );
        }
    }
}

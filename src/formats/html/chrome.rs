//! What a page's markup marks as not content: elements that are never
//! text, landmarks that are not the document, hidden elements, furniture
//! named by its class, and contents lists.
//!
//! In: a [`Dom`] node. Out: whether the walker skips it. Dropped: `<head>`,
//! scripts, styles, `<svg>` (icon sprites), media and form controls,
//! `<nav>`, `<aside>`, the page's own `<header>` and `<footer>` (not those
//! of an article or section, which hold its title and notes), the ARIA
//! landmarks `navigation`, `banner`, `contentinfo`, `search` and
//! `complementary`, hidden elements (`hidden`, `aria-hidden="true"`,
//! `display: none`), the class and id tokens of `data/html_not_content.txt`,
//! lists whose every item is an in-page link (a table of contents), and
//! date lines (a `<time>` with a byline).
//! Crisis Group's footnote widget is the exception: its body and its "Hide
//! Footnote" control are hidden until opened, and are text. Whatever holds
//! a note or a reference is kept (the caller asks `Notes::keeps`). Chrome
//! that only its words give away (share rows, "Print") is left to the
//! segmenter's rules.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use super::display::{Display, display};
use super::dom::{DOCUMENT, Dom, NodeId};
use crate::segment::FN_CLOSE;

/// Class and id tokens of furniture (one a line, `#` comments).
const NOT_CONTENT: &str = include_str!("../../../data/html_not_content.txt");

static NOT_CONTENT_TOKENS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    NOT_CONTENT
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Elements that are never text.
const NEVER_TEXT: [&str; 19] = [
    "head", "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "input", "option", "datalist", "nav",
    "dialog",
];

/// Landmark roles that are not the document.
const NOT_CONTENT_ROLES: [&str; 5] = [
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
];

/// Elements that scope a `<header>` or `<footer>` to themselves (ARIA:
/// it is then not the page's banner or content information).
const SECTIONING: [&str; 5] = ["article", "main", "section", "aside", "nav"];

/// A contents list has at least this many items.
const MIN_CONTENTS_ITEMS: usize = 2;

/// Characters an in-page link item may have outside its link (`1.2 `).
const CONTENTS_PUNCTUATION: &str = " \t\n\r\u{a0}.-–:()";

/// Whether the walker skips `n` (an element) and everything in it.
pub(super) fn is_chrome(dom: &Dom, n: NodeId) -> bool {
    let Some(tag) = dom.tag(n) else {
        return false;
    };
    let dropped = NEVER_TEXT.contains(&tag)
        || (matches!(tag, "header" | "footer") && !is_scoped(dom, n))
        || tag == "aside"
        || dom
            .attr(n, "role")
            .is_some_and(|r| NOT_CONTENT_ROLES.contains(&r))
        || has_token(dom, n);
    if dropped {
        return true;
    }
    (tag == "button" || is_hidden(dom, n)) && !is_footnote_widget(dom, n)
}

fn is_scoped(dom: &Dom, n: NodeId) -> bool {
    dom.ancestors(n)
        .any(|a| dom.tag(a).is_some_and(|t| SECTIONING.contains(&t)))
}

fn has_token(dom: &Dom, n: NodeId) -> bool {
    let tokens = |attr| {
        dom.attr(n, attr)
            .into_iter()
            .flat_map(str::split_ascii_whitespace)
    };
    tokens("class")
        .chain(tokens("id"))
        .any(|t| NOT_CONTENT_TOKENS.contains(t))
}

fn is_hidden(dom: &Dom, n: NodeId) -> bool {
    let style_hides = dom.attr(n, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    dom.attr(n, "hidden").is_some() || dom.attr(n, "aria-hidden") == Some("true") || style_hides
}

/// A part of Crisis Group's inline footnote widget (`[fn]…Hide Footnote`).
fn is_footnote_widget(dom: &Dom, n: NodeId) -> bool {
    dom.text_content(n).contains(FN_CLOSE)
}

/// A date line has at most this many words.
const MAX_DATE_LINE_WORDS: usize = 12;

/// Date lines: the paragraph or division around a `<time>` element when it
/// says little else (`14 May 2023 • Ana Ruiz`, `Posted on May 14, 2023 by
/// Ana Ruiz`). They are metadata (`meta` reads the date), not text.
pub(super) fn date_lines(dom: &Dom) -> HashSet<NodeId> {
    let mut out = HashSet::default();
    for time in dom.descendants(DOCUMENT).filter(|&n| dom.is(n, "time")) {
        let block = dom
            .ancestors(time)
            .find(|&a| dom.tag(a).is_none_or(|t| display(t) != Display::Inline));
        if let Some(block) = block.filter(|&b| dom.is(b, "p") || dom.is(b, "div"))
            && dom.text_content(block).split_whitespace().count() <= MAX_DATE_LINE_WORDS
        {
            out.insert(block);
        }
    }
    out
}

/// Whether a list is a table of contents: every item an in-page link.
/// `is_note` tells note bodies, which are never contents.
pub(super) fn is_contents_list(dom: &Dom, list: NodeId, is_note: &dyn Fn(NodeId) -> bool) -> bool {
    let items: Vec<NodeId> = dom
        .children(list)
        .iter()
        .copied()
        .filter(|&c| dom.is(c, "li"))
        .collect();
    items.len() >= MIN_CONTENTS_ITEMS
        && items
            .iter()
            .all(|&li| !is_note(li) && is_in_page_link(dom, li))
}

/// Whether an item's text is in-page links (and numbering) only; its
/// nested lists are not looked at.
fn is_in_page_link(dom: &Dom, item: NodeId) -> bool {
    let mut links = 0;
    let mut stack: Vec<NodeId> = dom.children(item).to_vec();
    while let Some(n) = stack.pop() {
        if dom.is(n, "ul") || dom.is(n, "ol") {
            continue;
        }
        if dom.is(n, "a")
            && dom
                .attr(n, "href")
                .is_some_and(|h| h.starts_with('#') && h.len() > 1)
        {
            links += 1;
            continue;
        }
        if let Some(t) = dom.text(n)
            && !t
                .chars()
                .all(|c| c.is_ascii_digit() || CONTENTS_PUNCTUATION.contains(c))
        {
            return false;
        }
        stack.extend(dom.children(n).iter().copied());
    }
    links > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(dom: &Dom, tag: &str) -> NodeId {
        dom.descendants(DOCUMENT)
            .find(|&n| dom.is(n, tag))
            .expect("element present")
    }

    #[test]
    fn what_is_chrome() {
        let cases = [
            ("<nav><p>Menu</p></nav>", "nav", true),
            ("<header><p>Site</p></header>", "header", true),
            (
                "<article><header><h1>Title</h1></header></article>",
                "header",
                false,
            ),
            ("<div role=navigation>x</div>", "div", true),
            ("<span class=mw-editsection>[edit]</span>", "span", true),
            ("<p hidden>x</p>", "p", true),
            ("<p style='display: none'>x</p>", "p", true),
            ("<p class=lead>x</p>", "p", false),
            (
                "<span hidden>Body.<b>Hide Footnote</b></span>",
                "span",
                false,
            ),
            ("<button>Hide Footnote</button>", "button", false),
            ("<button>Menu</button>", "button", true),
        ];
        for (html, tag, want) in cases {
            let dom = Dom::parse(html);
            assert_eq!(is_chrome(&dom, first(&dom, tag)), want, "{html}");
        }
    }

    #[test]
    fn date_lines_are_short_blocks_around_a_time() {
        let cases = [
            (
                "<p><time datetime=2023-05-14>14 May 2023</time> • <span>Ana Ruiz</span></p>",
                true,
            ),
            (
                "<div>Posted on <a><time>May 14, 2023</time></a> by <b>Ana Ruiz</b></div>",
                true,
            ),
            (
                "<p>On <time>14 May</time> the council met and agreed on a ceasefire that held for weeks.</p>",
                false,
            ),
            ("<li><time>2019</time> Founded</li>", false),
        ];
        for (html, want) in cases {
            let dom = Dom::parse(html);
            let block = dom
                .descendants(DOCUMENT)
                .find(|&n| dom.is(n, "p") || dom.is(n, "div") || dom.is(n, "li"));
            assert_eq!(
                block.is_some_and(|b| date_lines(&dom).contains(&b)),
                want,
                "{html}"
            );
        }
    }

    #[test]
    fn contents_lists() {
        let cases = [
            (
                "<ul><li><a href='#a'>Overview</a></li><li><a href='#b'>1.2 Iraq</a></li></ul>",
                true,
            ),
            (
                "<ul><li><a href='#a'>A</a><ul><li><a href='#c'>C</a></li></ul></li><li><a href='#b'>B</a></li></ul>",
                true,
            ),
            (
                "<ul><li><a href='#a'>Overview</a> and more</li><li><a href='#b'>B</a></li></ul>",
                false,
            ),
            (
                "<ul><li><a href='https://x.org'>Out</a></li><li><a href='#b'>B</a></li></ul>",
                false,
            ),
            ("<ul><li><a href='#a'>Only one</a></li></ul>", false),
        ];
        for (html, want) in cases {
            let dom = Dom::parse(html);
            assert_eq!(
                is_contents_list(&dom, first(&dom, "ul"), &|_| false),
                want,
                "{html}"
            );
        }
    }
}

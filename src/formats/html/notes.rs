//! Notes in a page: which links are note references, which elements are
//! note bodies, and the label that ties each reference to its body.
//!
//! In: a [`Dom`]. Out: [`Notes`]. A reference is an in-page link
//! (`href="#X"`) marked as one (`role="doc-noteref"`), or whose text is a
//! short label (`3`, `[3]`, `a`, `*`) set as a superscript, classed as a
//! footnote link, or pointing at a note-like id (`fn3`, `cite_note-3`,
//! `_ftn3`). Its body is the block around its target: the `<li>`, the table
//! row, the paragraph (or the single-note wrapper around it). Elements the
//! markup names as notes are bodies even when nothing cites them
//! (`role="doc-endnote"`, an `<li id="fn3">`, a `<div class="footnote">`).
//! Of two links that point at each other (a reference and its body's
//! back-link), the first in the page is the reference. Labels are given by
//! `labels`. Crisis Group's `[fn]` widgets are not links and stay in the
//! text for the segmenter.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::dom::{DOCUMENT, Dom, NodeId};
use super::labels::{self, Body, printed_number};

/// Longest printed label a reference can have (`[123]`, `†`, `iv`).
const MAX_LABEL_CHARS: usize = 5;

/// Symbols that label notes in print.
const NOTE_SYMBOLS: &str = "*†‡§¶#";

/// How note ids begin (after a leading `_`, lower case): Pandoc, kramdown
/// and CRS `fn`, Word `ftn`/`edn`, `MediaWiki` `cite_note`.
const NOTE_ID_PREFIXES: [&str; 8] = [
    "fn",
    "ftn",
    "edn",
    "footnote",
    "endnote",
    "note",
    "cite_note",
    "cite-note",
];

/// Class tokens (parts of them) of reference links.
const REFERENCE_CLASSES: [&str; 4] = ["footnote", "noteref", "fnref", "reference"];

/// Class tokens (parts of them) of back-links.
const BACKLINK_CLASSES: [&str; 3] = ["backlink", "footnote-back", "reversefootnote"];

/// Inline elements a reference link may sit in (`<sup><a>3</a></sup>`).
const REFERENCE_WRAPPERS: [&str; 10] = [
    "sup", "span", "small", "b", "strong", "i", "em", "font", "u", "a",
];

/// Characters around reference labels that are not text (`[`, `,`).
const REFERENCE_PUNCTUATION: &str = " \t\n\r\u{a0}[](),;-–";

/// Class tokens of note bodies; a container of bodies (`footnotes`) is not one.
const BODY_CLASSES: [&str; 2] = ["footnote", "endnote"];

/// ARIA roles of note bodies.
const BODY_ROLES: [&str; 2] = ["doc-endnote", "doc-footnote"];

/// Elements that can be a note body.
const BODY_TAGS: [&str; 9] = [
    "li",
    "tr",
    "dd",
    "p",
    "div",
    "aside",
    "section",
    "footer",
    "blockquote",
];

/// What a page's notes are.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// Where references are: the outermost element that holds nothing but
    /// references (`<sup>`), with the labels of the references in it.
    refs: HashMap<NodeId, Vec<String>>,
    /// Note bodies and their labels.
    bodies: HashMap<NodeId, String>,
    /// Links back from a body to its reference: not text.
    backlinks: HashSet<NodeId>,
    /// Elements holding a body or a reference: never dropped as chrome.
    keep: HashSet<NodeId>,
}

/// An in-page link that may be a reference.
#[derive(Debug)]
struct Candidate {
    link: NodeId,
    /// The fragment it points to (`fn3`).
    key: String,
    target: Option<NodeId>,
    root: NodeId,
    /// The number it prints, if it prints one.
    printed: Option<u32>,
}

impl Notes {
    /// Finds the notes of a page.
    pub(super) fn find(dom: &Dom) -> Notes {
        let anchors = anchors(dom);
        let mut candidates = candidates(dom, &anchors);
        let links: HashSet<NodeId> = candidates.iter().map(|c| c.link).collect();
        for c in &mut candidates {
            c.root = root_of(dom, c.link, &links);
        }
        let (refs, backlinks) = split_backlinks(dom, candidates);
        let mut bodies = ref_bodies(dom, &refs);
        marked_bodies(dom, &mut bodies);
        let bodies = innermost(dom, bodies, &refs);
        let labelled = labels::label(dom, &bodies);
        let mut notes = Notes {
            backlinks,
            ..Notes::default()
        };
        let index: HashMap<NodeId, usize> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (b.node, i))
            .collect();
        for r in &refs {
            let body = r
                .target
                .and_then(|t| dom.nearest(t, |n| index.contains_key(&n)))
                .map(|n| index[&n]);
            let label = match body {
                Some(i) => labelled[i].clone(),
                None => labels::dangling(&r.key, r.printed, &labelled),
            };
            notes.refs.entry(r.root).or_default().push(label);
        }
        for (b, label) in bodies.iter().zip(labelled) {
            notes.bodies.insert(b.node, label);
        }
        notes.find_body_backlinks(dom, &anchors);
        notes.keep_ancestors(dom);
        notes
    }

    /// The labels of the references at `node`, if it holds references only.
    pub(super) fn refs_at(&self, node: NodeId) -> Option<&[String]> {
        self.refs.get(&node).map(Vec::as_slice)
    }

    /// The label of the note whose body `node` is.
    pub(super) fn body(&self, node: NodeId) -> Option<&str> {
        self.bodies.get(&node).map(String::as_str)
    }

    /// Whether `node` is a back-link (not text).
    pub(super) fn is_backlink(&self, node: NodeId) -> bool {
        self.backlinks.contains(&node)
    }

    /// Whether `node` holds a note or a reference (it is content).
    pub(super) fn keeps(&self, node: NodeId) -> bool {
        self.keep.contains(&node)
    }

    /// Whether the page has no linked notes at all (then bare superscript
    /// numbers are its note references).
    pub(super) fn is_empty(&self) -> bool {
        self.refs.is_empty() && self.bodies.is_empty()
    }

    /// Links inside bodies that lead back to a reference.
    fn find_body_backlinks(&mut self, dom: &Dom, anchors: &HashMap<&str, NodeId>) {
        let refs = &self.refs;
        let in_reference = |t: NodeId| dom.nearest(t, |n| refs.contains_key(&n)).is_some();
        for &body in self.bodies.keys() {
            for a in dom.descendants(body).filter(|&n| dom.is(n, "a")) {
                let marked = dom.attr(a, "role") == Some("doc-backlink")
                    || BACKLINK_CLASSES.iter().any(|c| class_mentions(dom, a, c));
                let target = dom
                    .attr(a, "href")
                    .and_then(fragment)
                    .and_then(|f| anchors.get(f.as_str()).copied());
                if marked || target.is_some_and(in_reference) {
                    self.backlinks.insert(a);
                }
            }
        }
    }

    fn keep_ancestors(&mut self, dom: &Dom) {
        let held: Vec<NodeId> = self
            .refs
            .keys()
            .chain(self.bodies.keys())
            .copied()
            .collect();
        for n in held {
            // Ancestors of a kept node are kept already.
            for a in std::iter::once(n).chain(dom.ancestors(n)) {
                if !self.keep.insert(a) {
                    break;
                }
            }
        }
    }
}

/// Ids (of any element) and names (of `<a>`) → their element; the first wins.
fn anchors(dom: &Dom) -> HashMap<&str, NodeId> {
    let mut out: HashMap<&str, NodeId> = HashMap::default();
    for n in dom.descendants(DOCUMENT) {
        if let Some(id) = dom.attr(n, "id").filter(|s| !s.is_empty()) {
            out.entry(id).or_insert(n);
        }
        if dom.is(n, "a")
            && let Some(name) = dom.attr(n, "name").filter(|s| !s.is_empty())
        {
            out.entry(name).or_insert(n);
        }
    }
    out
}

/// The fragment of a link (`#fn3`, `report.html#fn3`), percent-decoded.
fn fragment(href: &str) -> Option<String> {
    let (base, frag) = href.rsplit_once('#')?;
    if frag.is_empty() || (!base.is_empty() && !is_note_id(frag)) {
        return None;
    }
    Some(percent_decode(frag))
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether an id looks like a note's (`fn3`, `_ftn3`, `cite_note-x-3`).
pub(super) fn is_note_id(id: &str) -> bool {
    let id = id.trim_start_matches('_').to_ascii_lowercase();
    NOTE_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

/// A printed note label: a number, one or two letters, a small roman
/// numeral or note symbols, in brackets or not.
pub(super) fn is_label(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c.is_whitespace() || "[]()".contains(c))
        .trim();
    let n = t.chars().count();
    n > 0
        && n <= MAX_LABEL_CHARS
        && (t.chars().all(|c| c.is_ascii_digit())
            || (n <= 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
            || t.chars().all(|c| "ivxlc".contains(c))
            || t.chars().all(|c| NOTE_SYMBOLS.contains(c)))
}

fn class_mentions(dom: &Dom, n: NodeId, part: &str) -> bool {
    dom.attr(n, "class")
        .is_some_and(|c| c.split_ascii_whitespace().any(|t| t.contains(part)))
}

/// In-page links that may be references, in document order.
fn candidates(dom: &Dom, anchors: &HashMap<&str, NodeId>) -> Vec<Candidate> {
    let mut out = Vec::new();
    for a in dom.descendants(DOCUMENT).filter(|&n| dom.is(n, "a")) {
        let Some(key) = dom.attr(a, "href").and_then(fragment) else {
            continue;
        };
        let text = dom.text_content(a);
        let near: Vec<NodeId> = std::iter::once(a).chain(dom.ancestors(a).take(2)).collect();
        let explicit = near
            .iter()
            .any(|&n| dom.attr(n, "role") == Some("doc-noteref"));
        let superscript =
            near.iter().any(|&n| dom.is(n, "sup")) || dom.descendants(a).any(|n| dom.is(n, "sup"));
        let classed = near[..near.len().min(2)]
            .iter()
            .any(|&n| REFERENCE_CLASSES.iter().any(|c| class_mentions(dom, n, c)));
        if explicit || (is_label(&text) && (superscript || classed || is_note_id(&key))) {
            out.push(Candidate {
                link: a,
                target: anchors.get(key.as_str()).copied(),
                key,
                root: a,
                printed: printed_number(&text),
            });
        }
    }
    out
}

/// The outermost inline element around a reference link that holds only
/// references and punctuation (`<sup>[<a>3</a>]</sup>`).
fn root_of(dom: &Dom, link: NodeId, links: &HashSet<NodeId>) -> NodeId {
    let mut root = link;
    while let Some(p) = dom.parent(root) {
        let wrapper = dom.tag(p).is_some_and(|t| REFERENCE_WRAPPERS.contains(&t));
        if !wrapper || !only_references(dom, p, links) {
            break;
        }
        root = p;
    }
    root
}

/// Whether the text under `n`, outside reference links, is punctuation.
fn only_references(dom: &Dom, n: NodeId, links: &HashSet<NodeId>) -> bool {
    let mut stack = vec![n];
    while let Some(x) = stack.pop() {
        if links.contains(&x) {
            continue;
        }
        if let Some(t) = dom.text(x)
            && !t.chars().all(|c| REFERENCE_PUNCTUATION.contains(c))
        {
            return false;
        }
        stack.extend(dom.children(x).iter().copied());
    }
    true
}

/// Separates references from back-links: a link whose target lies in an
/// earlier candidate's reference is a back-link.
fn split_backlinks(dom: &Dom, candidates: Vec<Candidate>) -> (Vec<Candidate>, HashSet<NodeId>) {
    let mut refs: Vec<Candidate> = Vec::with_capacity(candidates.len());
    let mut backlinks = HashSet::default();
    // Each root with the first candidate it holds.
    let mut roots: HashMap<NodeId, usize> = HashMap::default();
    for (i, c) in candidates.iter().enumerate() {
        roots.entry(c.root).or_insert(i);
    }
    for (i, c) in candidates.into_iter().enumerate() {
        let earlier = |n: NodeId| roots.get(&n).is_some_and(|&first| first < i);
        let back = c.target.is_some_and(|t| dom.nearest(t, earlier).is_some());
        if back {
            backlinks.insert(c.link);
        } else {
            refs.push(c);
        }
    }
    (refs, backlinks)
}

/// The bodies references point to.
fn ref_bodies(dom: &Dom, refs: &[Candidate]) -> Vec<Body> {
    let mut out: Vec<Body> = Vec::new();
    let mut seen = HashSet::default();
    for r in refs {
        let Some(body) = r.target.and_then(|t| body_of(dom, t)) else {
            continue;
        };
        if dom.within(r.link, body) || !seen.insert(body) {
            continue;
        }
        out.push(Body {
            node: body,
            key: Some(r.key.clone()),
            printed: r.printed,
        });
    }
    out
}

/// The block holding a reference's target: its `<li>`, table row or
/// paragraph, or the single-note wrapper (`<div id="ftn3">`) around that
/// paragraph.
fn body_of(dom: &Dom, target: NodeId) -> Option<NodeId> {
    let mut n = target;
    let block = loop {
        match dom.tag(n)? {
            "td" | "th" => break dom.parent(n)?,
            "body" | "html" | "table" | "tbody" | "ul" | "ol" => return None,
            t if BODY_TAGS.contains(&t) => break n,
            _ => n = dom.parent(n)?,
        }
    };
    let wrapper = dom
        .parent(block)
        .filter(|&p| dom.is(block, "p") && dom.tag(p).is_some_and(|t| BODY_TAGS.contains(&t)))
        .filter(|&p| is_marked_body(dom, p));
    Some(wrapper.unwrap_or(block))
}

/// Whether the markup names `n` a note body: its role, a note id ending in
/// digits (`fn3`, not `fnref3`), or a note class.
fn is_marked_body(dom: &Dom, n: NodeId) -> bool {
    if !dom.tag(n).is_some_and(|t| BODY_TAGS.contains(&t)) {
        return false;
    }
    let role = dom.attr(n, "role").is_some_and(|r| BODY_ROLES.contains(&r));
    let id = dom.attr(n, "id").is_some_and(|id| {
        is_note_id(id)
            && id.ends_with(|c: char| c.is_ascii_digit())
            && !id.to_ascii_lowercase().contains("ref")
    });
    role || id || BODY_CLASSES.iter().any(|c| dom.has_class(n, c))
}

/// Adds the bodies the markup names, cited or not.
fn marked_bodies(dom: &Dom, bodies: &mut Vec<Body>) {
    let found: HashSet<NodeId> = bodies.iter().map(|b| b.node).collect();
    for n in dom.descendants(DOCUMENT) {
        if is_marked_body(dom, n) && !found.contains(&n) {
            bodies.push(Body {
                node: n,
                key: dom.attr(n, "id").map(str::to_string),
                printed: None,
            });
        }
    }
    bodies.sort_by_key(|b| b.node);
}

/// Drops "bodies" that hold other bodies, headings or the references that
/// cite them: they are containers or sections, not notes.
fn innermost(dom: &Dom, bodies: Vec<Body>, refs: &[Candidate]) -> Vec<Body> {
    let nodes: HashSet<NodeId> = bodies.iter().map(|b| b.node).collect();
    let mut containers: HashSet<NodeId> = HashSet::default();
    for &b in &nodes {
        containers.extend(dom.ancestors(b).find(|a| nodes.contains(a)));
    }
    for n in dom.descendants(DOCUMENT) {
        let heading = dom
            .tag(n)
            .is_some_and(|t| matches!(t, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"));
        if heading {
            containers.extend(dom.ancestors(n).filter(|a| nodes.contains(a)));
        }
    }
    for r in refs {
        let around = dom.ancestors(r.link).filter(|a| nodes.contains(a));
        containers.extend(around.filter(|&b| r.target.is_some_and(|t| dom.within(t, b))));
    }
    bodies
        .into_iter()
        .filter(|b| !containers.contains(&b.node))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_ids_and_fragments() {
        for yes in ["3", "[12]", " (4) ", "a", "iv", "*", "†"] {
            assert!(is_label(yes), "{yes}");
        }
        for no in ["", "Overview", "2019-20", "[citation needed]", "↩", "^"] {
            assert!(!is_label(no), "{no}");
        }
        for yes in [
            "fn3",
            "fn:3",
            "_ftn3",
            "cite_note-Smith-3",
            "footnote-12",
            "edn2",
        ] {
            assert!(is_note_id(yes), "{yes}");
        }
        for no in ["_Toc240638479", "Summary", "section-2"] {
            assert!(!is_note_id(no), "{no}");
        }
        assert_eq!(fragment("#fn3").as_deref(), Some("fn3"));
        assert_eq!(fragment("page.html#fn3").as_deref(), Some("fn3"));
        assert_eq!(fragment("https://elsewhere.org/page#intro"), None);
        assert_eq!(
            fragment("#cite_note-%C3%A9-2").as_deref(),
            Some("cite_note-é-2")
        );
        assert_eq!(printed_number("[12]"), Some(12));
        assert_eq!(printed_number("a"), None);
    }
}

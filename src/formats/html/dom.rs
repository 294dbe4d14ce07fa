//! The document tree: HTML text → html5ever's tree construction → a small
//! arena of nodes.
//!
//! In: a page's text. Out: a [`Dom`]: elements (local name, attributes),
//! text and the lines each node was read from, as the HTML5 parsing
//! algorithm builds them (implied end tags, misnested formatting, tables,
//! fragments without `<html>`). Comments, doctypes and processing
//! instructions are not kept. What the nodes mean is left to the other
//! modules of `html`.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, ParseOpts, QualName, parse_document};

/// A node's index in its [`Dom`].
pub(super) type NodeId = usize;

/// What a node is.
#[derive(Debug)]
pub(super) enum Data {
    /// The document, or a template's contents.
    Document,
    /// An element: its local name (lower case) and attributes.
    Element {
        name: QualName,
        attrs: Vec<(LocalName, String)>,
    },
    /// Text, entities decoded.
    Text(String),
    /// A comment or processing instruction: never read.
    Other,
}

/// One node of the tree.
#[derive(Debug)]
pub(super) struct Node {
    /// What it is.
    pub data: Data,
    /// Its parent, unless it is detached or the document.
    pub parent: Option<NodeId>,
    /// Its children, in order.
    pub children: Vec<NodeId>,
    /// The 1-based lines of the source it was read from (the line of its
    /// start tag, or of its first text, to the line of what closed it).
    pub lines: (u32, u32),
}

/// A parsed page.
#[derive(Debug)]
pub(super) struct Dom {
    nodes: Vec<Node>,
}

/// The document node's id.
pub(super) const DOCUMENT: NodeId = 0;

impl Dom {
    /// Parses a page (or a fragment: the parser adds what is implied).
    pub(super) fn parse(text: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document, 1)]),
            line: Cell::new(1),
            no_name: QualName::new(None, Namespace::from(""), LocalName::from("")),
        };
        parse_document(sink, ParseOpts::default()).one(StrTendril::from(text))
    }

    /// The node `id`.
    pub(super) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// Its children.
    pub(super) fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id].children
    }

    /// Its parent.
    pub(super) fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }

    /// The local name of an element (`p`, `svg`), `None` for other nodes.
    pub(super) fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// Whether `id` is an element named `tag`.
    pub(super) fn is(&self, id: NodeId, tag: &str) -> bool {
        self.tag(id) == Some(tag)
    }

    /// The value of an element's attribute.
    pub(super) fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(name, _)| &**name == attr)
                .map(|(_, value)| value.as_str()),
            _ => None,
        }
    }

    /// Whether an element's `class` holds `token`.
    pub(super) fn has_class(&self, id: NodeId, token: &str) -> bool {
        self.attr(id, "class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|t| t == token))
    }

    /// The text of a text node.
    pub(super) fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }

    /// Every node under `id` (not `id` itself), in document order.
    pub(super) fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            stack: self.nodes[id].children.iter().rev().copied().collect(),
        }
    }

    /// Whether `inner` is `outer` or lies inside it.
    pub(super) fn within(&self, inner: NodeId, outer: NodeId) -> bool {
        let mut at = Some(inner);
        while let Some(n) = at {
            if n == outer {
                return true;
            }
            at = self.nodes[n].parent;
        }
        false
    }

    /// `id` or its nearest ancestor for which `found` holds.
    pub(super) fn nearest(&self, id: NodeId, found: impl Fn(NodeId) -> bool) -> Option<NodeId> {
        std::iter::once(id)
            .chain(self.ancestors(id))
            .find(|&n| found(n))
    }

    /// Ancestors of `id`, nearest first (not `id` itself).
    pub(super) fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes[id].parent, |&p| self.nodes[p].parent)
    }

    /// All the text under `id`, as the source has it (white space kept).
    pub(super) fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(t) = self.text(id) {
            out.push_str(t);
        }
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                out.push_str(t);
            }
        }
        out
    }
}

/// A pre-order walk under a node.
pub(super) struct Descendants<'a> {
    dom: &'a Dom,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack
            .extend(self.dom.nodes[id].children.iter().rev().copied());
        Some(id)
    }
}

impl Node {
    fn new(data: Data, line: u32) -> Node {
        Node {
            data,
            parent: None,
            children: Vec::new(),
            lines: (line, line),
        }
    }
}

/// The tree under construction: html5ever calls it as it parses.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// The line the tokenizer is on.
    line: Cell<u32>,
    /// The name of nodes that are not elements (html5ever never asks).
    no_name: QualName,
}

/// A node as html5ever holds it: its id, and an element's name, which
/// html5ever asks for at every scope check (so it is read without
/// borrowing the tree).
#[derive(Debug, Clone)]
struct Handle {
    id: NodeId,
    name: Option<Rc<QualName>>,
}

impl Handle {
    fn node(id: NodeId) -> Handle {
        Handle { id, name: None }
    }
}

impl Sink {
    fn push(&self, data: Data) -> Handle {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data, self.line.get()));
        Handle::node(nodes.len() - 1)
    }

    fn detach(&self, id: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(parent) = nodes[id].parent.take() {
            nodes[parent].children.retain(|&c| c != id);
        }
    }

    /// Inserts `child` into `parent` at `index`; text joins a text node
    /// just before it.
    fn insert(&self, parent: NodeId, index: usize, child: NodeOrText<Handle>) {
        let line = self.line.get();
        match child {
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                if let Some(&prev) = index
                    .checked_sub(1)
                    .and_then(|i| nodes[parent].children.get(i))
                    && let Data::Text(t) = &mut nodes[prev].data
                {
                    t.push_str(&text);
                    nodes[prev].lines.1 = line;
                    return;
                }
                nodes.push(Node::new(Data::Text(text.to_string()), line));
                let id = nodes.len() - 1;
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(index, id);
            }
            NodeOrText::AppendNode(Handle { id, .. }) => {
                self.detach(id);
                let mut nodes = self.nodes.borrow_mut();
                let index = index.min(nodes[parent].children.len());
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(index, id);
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle::node(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        target.name.as_deref().unwrap_or(&self.no_name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let attrs = attrs
            .into_iter()
            .map(|a| (a.name.local, a.value.to_string()))
            .collect();
        let handle = self.push(Data::Element {
            name: name.clone(),
            attrs,
        });
        Handle {
            name: Some(Rc::new(name)),
            ..handle
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.push(Data::Other)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let end = self.nodes.borrow()[parent.id].children.len();
        self.insert(parent.id, end, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.nodes.borrow()[element.id].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn pop(&self, node: &Handle) {
        let line = self.line.get();
        self.nodes.borrow_mut()[node.id].lines.1 = line;
    }

    fn get_template_contents(&self, _target: &Handle) -> Handle {
        // Template contents are never read: a detached node takes them.
        self.push(Data::Document)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let parent = self.nodes.borrow()[sibling.id].parent;
        let Some(parent) = parent else { return };
        if let NodeOrText::AppendNode(node) = &new_node {
            self.detach(node.id);
        }
        let index = self.nodes.borrow()[parent]
            .children
            .iter()
            .position(|&c| c == sibling.id)
            .unwrap_or(0);
        self.insert(parent, index, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: have, .. } = &mut self.nodes.borrow_mut()[target.id].data {
            for a in attrs {
                if !have.iter().any(|(n, _)| *n == a.name.local) {
                    have.push((a.name.local, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[node.id].children);
        for &c in &children {
            nodes[c].parent = Some(new_parent.id);
        }
        nodes[new_parent.id].children.extend(children);
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(u32::try_from(line).unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(dom: &Dom) -> Vec<String> {
        dom.descendants(DOCUMENT)
            .filter_map(|n| dom.tag(n).map(str::to_string))
            .collect()
    }

    #[test]
    fn fragments_get_the_implied_document() {
        let dom = Dom::parse("<div><p>One<p>Two</div>");
        assert_eq!(tags(&dom), ["html", "head", "body", "div", "p", "p"]);
    }

    #[test]
    fn misnested_formatting_and_tables_are_repaired() {
        let dom = Dom::parse("<p><b>bold <i>both</b> italic</i></p><table><tr><td>cell</table>");
        let text = dom.text_content(DOCUMENT);
        assert_eq!(text, "bold both italiccell");
        assert!(tags(&dom).contains(&"tbody".to_string()));
    }

    #[test]
    fn entities_are_decoded_and_lines_counted() {
        let dom = Dom::parse("<p>Tom &amp; Jerry&nbsp;&eacute;</p>\n\n<p id=x>Two</p>");
        let p: Vec<NodeId> = dom
            .descendants(DOCUMENT)
            .filter(|&n| dom.is(n, "p"))
            .collect();
        assert_eq!(dom.text_content(p[0]), "Tom & Jerry\u{a0}é");
        assert_eq!(dom.node(p[1]).lines.0, 3);
        assert_eq!(dom.attr(p[1], "id"), Some("x"));
    }
}

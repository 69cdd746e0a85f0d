//! A compact arena DOM for html5ever: nodes live in one `Vec`, linked by indices (parent, first and
//! last child, previous and next sibling), so building, walking and dropping the tree never recurse,
//! whatever the nesting depth. Smaller and faster than `markup5ever_rcdom` (one allocation per node
//! fewer, no reference counts), and we need nothing but a read-only walk afterwards.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
#[cfg(any(test, fuzzing))]
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};

/// "No node".
pub(crate) const NONE: usize = usize::MAX;

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Document,
    /// A template's contents (a fragment outside the tree).
    Fragment,
    Element,
    Text,
    /// Comments, doctypes, processing instructions: carry nothing we read.
    Other,
}

/// One node of the tree.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: usize,
    pub first: usize,
    pub last: usize,
    pub prev: usize,
    pub next: usize,
    pub kind: Kind,
    /// Element name (an empty name for other nodes).
    pub name: QualName,
    pub attrs: Vec<Attribute>,
    /// Text of a text node.
    pub text: StrTendril,
    /// The input line (1-based) the parser was at when the text node was created.
    pub line: u32,
}

impl Node {
    fn new(kind: Kind, name: QualName) -> Node {
        Node {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            kind,
            name,
            attrs: Vec::new(),
            text: StrTendril::new(),
            line: 0,
        }
    }

    /// The local name of an element (empty for other nodes).
    pub fn tag(&self) -> &LocalName {
        &self.name.local
    }

    /// The value of an attribute (by local name), if present.
    pub fn attr(&self, name: &LocalName) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.local == *name)
            .map(|a| &*a.value)
    }
}

/// The parsed document: node 0 is the document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses a whole document (errors are recovered as browsers do: this never fails).
    #[cfg(any(test, fuzzing))]
    pub fn parse(input: &str) -> Dom {
        Dom::build(input, false)
    }

    /// Every node below the document with its depth (the document's children at 1), in document
    /// order (the tests print trees this way).
    #[cfg(any(test, fuzzing))]
    pub fn preorder(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut stack = vec![(0usize, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            let Some(n) = self.nodes.get(id) else {
                continue;
            };
            if id != 0 {
                out.push((id, depth));
            }
            let at = stack.len();
            let mut c = n.first;
            while c != NONE {
                stack.push((c, depth + 1));
                c = self.nodes.get(c).map_or(NONE, |k| k.next);
            }
            stack[at..].reverse();
        }
        out
    }

    /// `parse`, leaving out what the walk never reads (see `tokenizer::tokenize`).
    pub fn parse_trimmed(input: &str) -> Dom {
        Dom::build(input, true)
    }

    fn build(input: &str, trim: bool) -> Dom {
        let builder = TreeBuilder::new(Sink::default(), TreeBuilderOpts::default());
        super::tokenizer::tokenize(input, &builder, trim);
        builder.sink.finish()
    }

    /// `parse` with html5ever's own tokenizer (what ours is compared with).
    #[cfg(any(test, fuzzing))]
    pub fn parse_with_html5ever(input: &str) -> Dom {
        let sink = Sink::default();
        html5ever::parse_document(sink, html5ever::ParseOpts::default()).one(input)
    }
}

/// The tree builder's sink.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Template element -> its contents fragment.
    templates: RefCell<Vec<(usize, usize)>>,
    line: Cell<u32>,
}

impl Default for Sink {
    fn default() -> Self {
        Sink {
            nodes: RefCell::new(vec![Node::new(Kind::Document, empty_name())]),
            templates: RefCell::new(Vec::new()),
            line: Cell::new(1),
        }
    }
}

fn empty_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

impl Sink {
    fn push(&self, n: Node) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(n);
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], child: usize) {
        let Some(c) = nodes.get(child) else { return };
        let (parent, prev, next) = (c.parent, c.prev, c.next);
        if parent == NONE {
            return;
        }
        if let Some(p) = nodes.get_mut(prev) {
            p.next = next;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.first = next;
        }
        if let Some(n) = nodes.get_mut(next) {
            n.prev = prev;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.last = prev;
        }
        if let Some(c) = nodes.get_mut(child) {
            c.parent = NONE;
            c.prev = NONE;
            c.next = NONE;
        }
    }

    /// Links `child` (detached) as the last child of `parent`.
    fn link_last(nodes: &mut [Node], parent: usize, child: usize) {
        let last = match nodes.get(parent) {
            Some(p) => p.last,
            None => return,
        };
        if let Some(c) = nodes.get_mut(child) {
            c.parent = parent;
            c.prev = last;
            c.next = NONE;
        }
        if let Some(l) = nodes.get_mut(last) {
            l.next = child;
        }
        if let Some(p) = nodes.get_mut(parent) {
            if p.first == NONE {
                p.first = child;
            }
            p.last = child;
        }
    }

    /// Links `child` (detached) just before `sibling`.
    fn link_before(nodes: &mut [Node], sibling: usize, child: usize) {
        let (parent, prev) = match nodes.get(sibling) {
            Some(s) => (s.parent, s.prev),
            None => return,
        };
        if parent == NONE {
            return;
        }
        if let Some(c) = nodes.get_mut(child) {
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        if let Some(s) = nodes.get_mut(sibling) {
            s.prev = child;
        }
        if let Some(p) = nodes.get_mut(prev) {
            p.next = child;
        } else if let Some(p) = nodes.get_mut(parent) {
            p.first = child;
        }
    }

    fn text_node(&self, text: StrTendril) -> usize {
        let mut n = Node::new(Kind::Text, empty_name());
        n.text = text;
        n.line = self.line.get();
        self.push(n)
    }

    /// Appends text to `parent`, merging with a last text child.
    fn append_text(&self, parent: usize, text: StrTendril) {
        {
            let mut nodes = self.nodes.borrow_mut();
            let last = nodes.get(parent).map_or(NONE, |p| p.last);
            if let Some(l) = nodes.get_mut(last) {
                if l.kind == Kind::Text {
                    l.text.push_tendril(&text);
                    return;
                }
            }
        }
        let t = self.text_node(text);
        Sink::link_last(&mut self.nodes.borrow_mut(), parent, t);
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| match n.get(*target) {
            Some(node) => &node.name,
            None => &n[0].name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut n = Node::new(Kind::Element, name);
        n.attrs = attrs;
        let id = self.push(n);
        if flags.template {
            let frag = self.push(Node::new(Kind::Fragment, empty_name()));
            self.templates.borrow_mut().push((id, frag));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Node::new(Kind::Other, empty_name()))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Node::new(Kind::Other, empty_name()))
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        match child {
            NodeOrText::AppendNode(c) => {
                let mut nodes = self.nodes.borrow_mut();
                Sink::detach(&mut nodes, c);
                Sink::link_last(&mut nodes, *parent, c);
            }
            NodeOrText::AppendText(t) => self.append_text(*parent, t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        self.templates
            .borrow()
            .iter()
            .rev()
            .find(|(t, _)| t == target)
            .map_or(*target, |(_, f)| *f)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        match new_node {
            NodeOrText::AppendNode(c) => {
                let mut nodes = self.nodes.borrow_mut();
                Sink::detach(&mut nodes, c);
                Sink::link_before(&mut nodes, *sibling, c);
            }
            NodeOrText::AppendText(t) => {
                {
                    let mut nodes = self.nodes.borrow_mut();
                    let prev = nodes.get(*sibling).map_or(NONE, |s| s.prev);
                    if let Some(p) = nodes.get_mut(prev) {
                        if p.kind == Kind::Text {
                            p.text.push_tendril(&t);
                            return;
                        }
                    }
                }
                let n = self.text_node(t);
                Sink::link_before(&mut self.nodes.borrow_mut(), *sibling, n);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(n) = nodes.get_mut(*target) {
            for a in attrs {
                if !n.attrs.iter().any(|b| b.name == a.name) {
                    n.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let mut c = nodes.get(*node).map_or(NONE, |n| n.first);
        while c != NONE {
            let next = nodes.get(c).map_or(NONE, |n| n.next);
            Sink::detach(&mut nodes, c);
            Sink::link_last(&mut nodes, *new_parent, c);
            c = next;
        }
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(u32::try_from(line).unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(d: &Dom) -> String {
        d.nodes
            .iter()
            .filter(|n| n.kind == Kind::Text && n.parent != NONE)
            .map(|n| n.text.to_string())
            .collect()
    }

    #[test]
    fn builds_a_tree() {
        let d = Dom::parse("<p>Hello <b>world</b><p>Again");
        let ps: Vec<_> = d.nodes.iter().filter(|n| &**n.tag() == "p").collect();
        assert_eq!(ps.len(), 2);
        assert!(text_of(&d).contains("Hello world"));
    }

    #[test]
    fn misnested_formatting_is_repaired() {
        // The adoption agency algorithm moves nodes around: links must stay consistent.
        let d = Dom::parse("<p><b>one <i>two</b> three</i> four</p><table>x<tr><td>y</table>");
        let t = text_of(&d);
        for w in ["one", "two", "three", "four", "x", "y"] {
            assert!(t.contains(w), "{w} missing from {t:?}");
        }
    }

    #[test]
    fn template_contents_stay_out_of_the_tree() {
        let d = Dom::parse("<body><template><p>hidden</p></template><p>shown</p>");
        let mut reachable = String::new();
        // Walk from the document.
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            let n = &d.nodes[i];
            if n.kind == Kind::Text {
                reachable.push_str(&n.text);
            }
            let mut c = n.first;
            while c != NONE {
                stack.push(c);
                c = d.nodes[c].next;
            }
        }
        assert_eq!(reachable, "shown");
    }
}

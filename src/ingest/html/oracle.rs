//! html5ever's tree of a page, as `treedump::Item`s: what the differential tests and the fuzz
//! target `tree` (which includes this file) compare our parser with. html5ever is a
//! dev-dependency only.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, QualName};

use super::treedump::{Item, What};

/// html5ever's tree of `src` (None when html5ever panics, which it does on a few inputs).
pub(crate) fn parse(src: &str) -> Option<Vec<Item>> {
    let run = || {
        let sink = Sink {
            line: Cell::new(1),
            ..Sink::default()
        };
        html5ever::parse_document(sink, Default::default()).one(src)
    };
    let doc = std::panic::catch_unwind(run).ok()?;
    Some(doc.items())
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Document,
    Fragment,
    Element,
    Text,
    Other,
}

/// A node: its parent (None for the document and detached nodes) and children.
struct Node {
    parent: Option<usize>,
    children: Vec<usize>,
    kind: Kind,
    name: QualName,
    attrs: Vec<Attribute>,
    text: String,
    line: u64,
    /// A MathML annotation-xml that is an HTML integration point.
    integration: bool,
}

fn node(kind: Kind, name: QualName) -> Node {
    Node {
        parent: None,
        children: Vec::new(),
        kind,
        name,
        attrs: Vec::new(),
        text: String::new(),
        line: 0,
        integration: false,
    }
}

fn empty() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

#[derive(Default)]
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Template element -> its contents.
    templates: RefCell<Vec<(usize, usize)>>,
    line: Cell<u64>,
}

struct Doc {
    nodes: Vec<Node>,
    templates: Vec<(usize, usize)>,
}

impl Doc {
    fn items(&self) -> Vec<Item> {
        let mut out = Vec::new();
        let mut stack = vec![(0usize, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            let Some(n) = self.nodes.get(id) else {
                continue;
            };
            let what = match n.kind {
                Kind::Document => None,
                Kind::Fragment => Some(What::Contents),
                Kind::Other => Some(What::Comment),
                Kind::Text => Some(What::Text {
                    text: n.text.clone(),
                    line: n.line,
                }),
                Kind::Element => Some(What::Element {
                    ns: match n.name.ns {
                        ns!(svg) => "svg",
                        ns!(mathml) => "math",
                        _ => "html",
                    },
                    name: n.name.local.to_string(),
                    attrs: n
                        .attrs
                        .iter()
                        .map(|a| {
                            let ns = match a.name.ns {
                                ns!(xlink) => "xlink",
                                ns!(xml) => "xml",
                                ns!(xmlns) => "xmlns",
                                _ => "",
                            };
                            (ns, a.name.local.to_string(), a.value.to_string())
                        })
                        .collect(),
                }),
            };
            if let Some(what) = what {
                out.push(Item { depth, what });
            }
            // Children last to first, so that the first comes off the stack first; a template's
            // contents after its children.
            if let Some(&(_, f)) = self.templates.iter().find(|(t, _)| *t == id) {
                stack.push((f, depth + 1));
            }
            stack.extend(n.children.iter().rev().map(|&c| (c, depth + 1)));
        }
        out
    }
}

impl Sink {
    fn push(&self, n: Node) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(n);
        nodes.len() - 1
    }

    /// Takes `child` out of its parent's children.
    fn detach(nodes: &mut [Node], child: usize) {
        let Some(parent) = nodes.get_mut(child).and_then(|c| c.parent.take()) else {
            return;
        };
        if let Some(p) = nodes.get_mut(parent) {
            p.children.retain(|&c| c != child);
        }
    }

    /// Puts `child` among `parent`'s children at `index` (the end when None).
    fn attach(nodes: &mut [Node], parent: usize, index: Option<usize>, child: usize) {
        Sink::detach(nodes, child);
        if let Some(p) = nodes.get_mut(parent) {
            let at = index.unwrap_or(p.children.len()).min(p.children.len());
            p.children.insert(at, child);
        }
        if let Some(c) = nodes.get_mut(child) {
            c.parent = Some(parent);
        }
    }

    /// Inserts `new` among `parent`'s children at `index` (the end when None); text is merged into
    /// a text node just before.
    fn insert(&self, parent: usize, index: Option<usize>, new: NodeOrText<usize>) {
        let id = match new {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(t) => {
                {
                    let mut nodes = self.nodes.borrow_mut();
                    let Some(p) = nodes.get(parent) else { return };
                    let at = index.unwrap_or(p.children.len());
                    let before = at.checked_sub(1).and_then(|i| p.children.get(i)).copied();
                    if let Some(b) = before.and_then(|b| nodes.get_mut(b)) {
                        if b.kind == Kind::Text {
                            b.text.push_str(&t);
                            return;
                        }
                    }
                }
                let mut n = node(Kind::Text, empty());
                n.text = t.to_string();
                n.line = self.line.get();
                self.push(n)
            }
        };
        Sink::attach(&mut self.nodes.borrow_mut(), parent, index, id);
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Doc;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Doc {
        Doc {
            nodes: self.nodes.into_inner(),
            templates: self.templates.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        if self.nodes.borrow().is_empty() {
            self.push(node(Kind::Document, empty()));
        }
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |n| match n.get(*target) {
            Some(node) => &node.name,
            None => &n[0].name,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let mut n = node(Kind::Element, name);
        n.attrs = attrs;
        n.integration = flags.mathml_annotation_xml_integration_point;
        let id = self.push(n);
        if flags.template {
            let frag = self.push(node(Kind::Fragment, empty()));
            self.templates.borrow_mut().push((id, frag));
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(node(Kind::Other, empty()))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(node(Kind::Other, empty()))
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        self.insert(*parent, None, child);
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
            .is_some_and(|n| n.parent.is_some());
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
        let place = {
            let nodes = self.nodes.borrow();
            nodes.get(*sibling).and_then(|s| s.parent).and_then(|p| {
                let at = nodes.get(p)?.children.iter().position(|c| c == sibling)?;
                Some((p, at))
            })
        };
        if let Some((parent, at)) = place {
            self.insert(parent, Some(at), new_node);
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
        let children = nodes
            .get_mut(*node)
            .map(|n| std::mem::take(&mut n.children))
            .unwrap_or_default();
        for c in children {
            if let Some(n) = nodes.get_mut(c) {
                n.parent = None;
            }
            Sink::attach(&mut nodes, *new_parent, None, c);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &usize) -> bool {
        self.nodes
            .borrow()
            .get(*handle)
            .is_some_and(|n| n.integration)
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }
}

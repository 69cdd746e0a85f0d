//! The parsed document: nodes live in one `Vec`, linked by indices (parent, first and last child,
//! previous and next sibling), so building, walking and dropping the tree never recurse, whatever
//! the nesting depth. Strings are not copied where they need not be: an element's name is a static
//! name or a range of the source, a text node's text a range of the source (or of the parser's
//! buffer, where character references were decoded), and all attributes sit in one `Vec`.

use std::borrow::Cow;

use super::names::{Local, A};

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
    /// Comments: carry nothing we read (but they keep the text on either side apart).
    Other,
}

/// An element's namespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ns {
    Html,
    Svg,
    MathMl,
}

/// An attribute's namespace (set on some attributes of SVG and MathML elements, HTML Standard
/// §13.2.6.1 "adjust foreign attributes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttrNs {
    None,
    XLink,
    Xml,
    Xmlns,
}

/// A string of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Str {
    /// Bytes `.0..1` of the (newline-normalised) source.
    Src(usize, usize),
    /// Bytes `.0..1` of the parser's buffer (decoded text, lower-cased names).
    Buf(usize, usize),
    /// A string of its own: text that grew where it could not be extended in place.
    Own(usize),
    Static(&'static str),
}

impl Str {
    pub const EMPTY: Str = Str::Static("");

    /// Bytes `from..to` of this string (a source or buffer range; the others are not sliced).
    pub fn slice(self, from: usize, to: usize) -> Str {
        match self {
            Str::Src(s, _) => Str::Src(s + from, s + to),
            Str::Buf(s, _) => Str::Buf(s + from, s + to),
            Str::Static(s) => Str::Static(s.get(from..to).unwrap_or_default()),
            own => own,
        }
    }
}

/// Where the strings of a document are.
#[derive(Clone, Copy)]
pub(crate) struct Strings<'s> {
    pub src: &'s str,
    pub buf: &'s str,
    pub own: &'s [String],
}

impl<'s> Strings<'s> {
    pub fn get(&self, s: Str) -> &'s str {
        match s {
            Str::Src(a, b) => self.src.get(a..b),
            Str::Buf(a, b) => self.buf.get(a..b),
            Str::Own(i) => self.own.get(i).map(String::as_str),
            Str::Static(s) => Some(s),
        }
        .unwrap_or_default()
    }
}

/// Where a node goes: at the end of an element's children, or before a node.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    LastChild(usize),
    Before(usize),
}

/// One attribute.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    /// The attribute, when it is one the parser or the walk reads (by its local name).
    pub id: A,
    pub ns: AttrNs,
    /// Its local name.
    pub name: Str,
    pub value: Str,
}

/// One node of the tree.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub parent: usize,
    pub first: usize,
    pub last: usize,
    pub prev: usize,
    pub next: usize,
    pub kind: Kind,
    /// An element's namespace (`Html` for other nodes).
    pub ns: Ns,
    /// An element's name, when it is one tree construction knows (`Other` for other nodes).
    pub local: Local,
    /// The input line (1-based) the parser was at when the text node was created.
    pub line: u32,
    /// An element's name or a text node's text.
    data: Str,
    /// An element's attributes: a range of `Dom::attrs`.
    attrs: (usize, usize),
}

impl Node {
    fn new(kind: Kind, ns: Ns, data: Str) -> Node {
        Node {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            kind,
            ns,
            local: Local::Other,
            line: 0,
            data,
            attrs: (0, 0),
        }
    }
}

/// The parsed document: node 0 is the document.
#[derive(Debug)]
pub(crate) struct Dom<'a> {
    pub nodes: Vec<Node>,
    pub(super) attrs: Vec<Attr>,
    /// The source, its line breaks normalised (what `Str::Src` ranges index).
    pub(super) src: Cow<'a, str>,
    pub(super) buf: String,
    pub(super) own: Vec<String>,
    /// Template element -> its contents (a fragment), by template element.
    pub(super) contents: Vec<(usize, usize)>,
}

/// A node with the document it belongs to, to read its strings.
#[derive(Clone, Copy)]
pub(crate) struct NodeRef<'d> {
    strings: Strings<'d>,
    attrs: &'d [Attr],
    node: &'d Node,
}

impl std::ops::Deref for NodeRef<'_> {
    type Target = Node;
    fn deref(&self) -> &Node {
        self.node
    }
}

impl<'d> NodeRef<'d> {
    /// The local name of an element (empty for other nodes).
    pub fn tag(&self) -> &'d str {
        if self.node.kind == Kind::Element {
            self.strings.get(self.node.data)
        } else {
            ""
        }
    }

    /// The text of a text node (empty for other nodes).
    pub fn text(&self) -> &'d str {
        if self.node.kind == Kind::Text {
            self.strings.get(self.node.data)
        } else {
            ""
        }
    }

    /// An element's attributes.
    pub fn attrs(&self) -> &'d [Attr] {
        self.attrs
            .get(self.node.attrs.0..self.node.attrs.1)
            .unwrap_or_default()
    }

    /// The value of an attribute (by local name), if present.
    pub fn attr(&self, id: A) -> Option<&'d str> {
        self.attrs()
            .iter()
            .find(|a| a.id == id)
            .map(|a| self.strings.get(a.value))
    }

    /// A string of this document.
    #[cfg(any(test, fuzzing))]
    pub fn string(&self, s: Str) -> &'d str {
        self.strings.get(s)
    }
}

impl<'a> Dom<'a> {
    /// An empty document (node 0), for `src`.
    pub(super) fn new() -> Dom<'a> {
        Dom {
            nodes: vec![Node::new(Kind::Document, Ns::Html, Str::EMPTY)],
            attrs: Vec::new(),
            src: Cow::Borrowed(""),
            buf: String::new(),
            own: Vec::new(),
            contents: Vec::new(),
        }
    }

    /// Parses a whole document (errors are recovered as browsers do: this never fails), text
    /// lines as html5ever gives them (see `tokenizer::parse`).
    #[cfg(any(test, fuzzing))]
    pub fn parse(input: &'a str) -> Dom<'a> {
        super::tokenizer::parse(input, false, true)
    }

    /// Parses a whole document, leaving out what the walk never reads (see `tokenizer::parse`).
    pub fn parse_trimmed(input: &'a str) -> Dom<'a> {
        super::tokenizer::parse(input, true, false)
    }

    /// `parse_trimmed` with text lines as html5ever gives them.
    #[cfg(test)]
    pub fn parse_trimmed_drifting(input: &'a str) -> Dom<'a> {
        super::tokenizer::parse(input, true, true)
    }

    fn strings(&self) -> Strings<'_> {
        Strings {
            src: &self.src,
            buf: &self.buf,
            own: &self.own,
        }
    }

    /// Node `id`, if there is one.
    pub fn get(&self, id: usize) -> Option<NodeRef<'_>> {
        Some(NodeRef {
            strings: self.strings(),
            attrs: &self.attrs,
            node: self.nodes.get(id)?,
        })
    }

    /// Node `id` (the document when there is no such node).
    pub fn at(&self, id: usize) -> NodeRef<'_> {
        NodeRef {
            strings: self.strings(),
            attrs: &self.attrs,
            node: self.nodes.get(id).unwrap_or(&self.nodes[0]),
        }
    }

    /// The contents of a template element (None for other nodes).
    pub fn contents(&self, template: usize) -> Option<usize> {
        self.contents
            .binary_search_by_key(&template, |&(t, _)| t)
            .ok()
            .and_then(|i| self.contents.get(i))
            .map(|&(_, f)| f)
    }

    /// Every node below the document with its depth (the document's children at 1), in document
    /// order, template contents after their template's children (the tests print trees this way).
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
            if let Some(f) = self.contents(id) {
                stack.push((f, depth + 1));
            }
            stack[at..].reverse();
        }
        out
    }

    /// The tree in the printable form of the differential tests.
    #[cfg(any(test, fuzzing))]
    pub fn items(&self) -> Vec<super::treedump::Item> {
        use super::treedump::{Item, What};
        self.preorder()
            .into_iter()
            .map(|(id, depth)| {
                let n = self.at(id);
                let what = match n.kind {
                    Kind::Element => What::Element {
                        ns: match n.ns {
                            Ns::Html => "html",
                            Ns::Svg => "svg",
                            Ns::MathMl => "math",
                        },
                        name: n.tag().to_string(),
                        attrs: n
                            .attrs()
                            .iter()
                            .map(|a| {
                                let ns = match a.ns {
                                    AttrNs::None => "",
                                    AttrNs::XLink => "xlink",
                                    AttrNs::Xml => "xml",
                                    AttrNs::Xmlns => "xmlns",
                                };
                                (
                                    ns,
                                    n.string(a.name).to_string(),
                                    n.string(a.value).to_string(),
                                )
                            })
                            .collect(),
                    },
                    Kind::Text => What::Text {
                        text: n.text().to_string(),
                        line: u64::from(n.line),
                    },
                    Kind::Fragment => What::Contents,
                    Kind::Other | Kind::Document => What::Comment,
                };
                Item { depth, what }
            })
            .collect()
    }

    // Building (tree construction, `treebuilder.rs`).

    /// Adds a detached node.
    fn push(&mut self, n: Node) -> usize {
        self.nodes.push(n);
        self.nodes.len() - 1
    }

    /// A new element with the attributes `attrs` (a range of `self.attrs`); a template gets its
    /// contents fragment.
    pub(super) fn element(
        &mut self,
        ns: Ns,
        local: Local,
        name: Str,
        attrs: (usize, usize),
    ) -> usize {
        let mut n = Node::new(Kind::Element, ns, name);
        n.attrs = attrs;
        n.local = local;
        let id = self.push(n);
        if ns == Ns::Html && local == Local::Template {
            let f = self.push(Node::new(Kind::Fragment, Ns::Html, Str::EMPTY));
            self.contents.push((id, f));
        }
        id
    }

    /// An element's name or a text node's text (as built: the source is not in place yet).
    pub(super) fn data(&self, id: usize) -> Str {
        self.nodes.get(id).map_or(Str::EMPTY, |n| n.data)
    }

    /// The attribute range of an element.
    pub(super) fn attr_range(&self, id: usize) -> (usize, usize) {
        self.nodes.get(id).map_or((0, 0), |n| n.attrs)
    }

    /// A new comment.
    pub(super) fn comment(&mut self) -> usize {
        self.push(Node::new(Kind::Other, Ns::Html, Str::EMPTY))
    }

    /// Unlinks `child` from its parent.
    pub(super) fn detach(&mut self, child: usize) {
        let Some(c) = self.nodes.get(child) else {
            return;
        };
        let (parent, prev, next) = (c.parent, c.prev, c.next);
        if parent == NONE {
            return;
        }
        let nodes = &mut self.nodes;
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

    /// Moves `child` to the end of `parent`'s children.
    pub(super) fn append(&mut self, parent: usize, child: usize) {
        self.detach(child);
        let nodes = &mut self.nodes;
        let Some(last) = nodes.get(parent).map(|p| p.last) else {
            return;
        };
        if let Some(c) = nodes.get_mut(child) {
            c.parent = parent;
            c.prev = last;
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

    /// Moves `child` just before `sibling` (which has a parent).
    pub(super) fn insert_before(&mut self, sibling: usize, child: usize) {
        self.detach(child);
        let nodes = &mut self.nodes;
        let Some((parent, prev)) = nodes.get(sibling).map(|s| (s.parent, s.prev)) else {
            return;
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

    /// Moves all children of `from` to the end of `to`.
    pub(super) fn reparent_children(&mut self, from: usize, to: usize) {
        let mut c = self.nodes.get(from).map_or(NONE, |n| n.first);
        while c != NONE {
            let next = self.nodes.get(c).map_or(NONE, |n| n.next);
            self.append(to, c);
            c = next;
        }
    }

    /// Adds `text` to the text node `id`, in place when it continues the node's range.
    fn extend_text(&mut self, src: &str, id: usize, text: Str) {
        let Some(old) = self.nodes.get(id).map(|n| n.data) else {
            return;
        };
        let data = match (old, text) {
            (Str::Src(a, b), Str::Src(c, d)) if b == c => Str::Src(a, d),
            (Str::Buf(a, b), Str::Buf(c, d)) if b == c => Str::Buf(a, d),
            _ => {
                let strings = Strings {
                    src,
                    buf: &self.buf,
                    own: &self.own,
                };
                let add = strings.get(text);
                if let Str::Own(i) = old {
                    // (Added text is never the node's own string.)
                    let add = add.to_string();
                    if let Some(s) = self.own.get_mut(i) {
                        s.push_str(&add);
                    }
                    return;
                }
                let was = strings.get(old);
                let mut s = String::with_capacity(2 * (was.len() + add.len()));
                s.push_str(was);
                s.push_str(add);
                self.own.push(s);
                Str::Own(self.own.len() - 1)
            }
        };
        if let Some(n) = self.nodes.get_mut(id) {
            n.data = data;
        }
    }

    /// Moves node `id` to `place`.
    pub(super) fn insert(&mut self, place: Place, id: usize) {
        match place {
            Place::LastChild(p) => self.append(p, id),
            Place::Before(s) => self.insert_before(s, id),
        }
    }

    /// Inserts text at `place`, merged into the text node before it when there is one.
    pub(super) fn insert_text(&mut self, src: &str, place: Place, text: Str, line: u32) {
        let before = match place {
            Place::LastChild(p) => self.nodes.get(p).map_or(NONE, |p| p.last),
            Place::Before(s) => self.nodes.get(s).map_or(NONE, |s| s.prev),
        };
        if self.nodes.get(before).is_some_and(|n| n.kind == Kind::Text) {
            return self.extend_text(src, before, text);
        }
        let mut n = Node::new(Kind::Text, Ns::Html, text);
        n.line = line;
        let t = self.push(n);
        self.insert(place, t);
    }

    /// Adds to element `id` the attributes of `new` (a range of `self.attrs`) it does not have.
    pub(super) fn add_attrs_if_missing(&mut self, src: &str, id: usize, new: (usize, usize)) {
        let Some((start, end)) = self.nodes.get(id).map(|n| n.attrs) else {
            return;
        };
        let strings = Strings {
            src,
            buf: &self.buf,
            own: &self.own,
        };
        let missing: Vec<Attr> = self
            .attrs
            .get(new.0..new.1)
            .unwrap_or_default()
            .iter()
            .filter(|a| {
                let name = strings.get(a.name);
                !self
                    .attrs
                    .get(start..end)
                    .unwrap_or_default()
                    .iter()
                    .any(|b| b.ns == a.ns && strings.get(b.name) == name)
            })
            .copied()
            .collect();
        if missing.is_empty() {
            return;
        }
        // The element's attributes move to the end, where the new ones follow them.
        let at = self.attrs.len();
        self.attrs.extend_from_within(start..end);
        self.attrs.extend(missing);
        if let Some(n) = self.nodes.get_mut(id) {
            n.attrs = (at, self.attrs.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(d: &Dom) -> String {
        (0..d.nodes.len())
            .map(|i| d.at(i))
            .filter(|n| n.kind == Kind::Text && n.parent != NONE)
            .map(|n| n.text().to_string())
            .collect()
    }

    #[test]
    fn builds_a_tree() {
        let d = Dom::parse("<p>Hello <b>world</b><p>Again");
        let ps = (0..d.nodes.len()).filter(|&i| d.at(i).tag() == "p").count();
        assert_eq!(ps, 2);
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
            let n = d.at(i);
            reachable.push_str(n.text());
            let mut c = n.first;
            while c != NONE {
                stack.push(c);
                c = d.at(c).next;
            }
        }
        assert_eq!(reachable, "shown");
    }

    #[test]
    fn text_grows_in_place_or_on_its_own() {
        let mut d = Dom::new();
        let src = "abcdef";
        d.insert_text(src, Place::LastChild(0), Str::Src(0, 2), 1);
        d.insert_text(src, Place::LastChild(0), Str::Src(2, 4), 1);
        assert_eq!(d.nodes.len(), 2);
        assert_eq!(d.nodes[1].data, Str::Src(0, 4));
        // Not contiguous: the node gets a string of its own, which grows from then on.
        d.insert_text(src, Place::LastChild(0), Str::Src(5, 6), 1);
        d.insert_text(src, Place::LastChild(0), Str::Static("!"), 1);
        d.src = Cow::Borrowed(src);
        assert_eq!(d.at(1).text(), "abcdf!");
    }
}

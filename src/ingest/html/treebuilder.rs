//! Tree construction (HTML Standard §13.2.6): the insertion modes, the stack of open elements, the
//! list of active formatting elements with the adoption agency algorithm, foster parenting, implied
//! end tags, tables, templates, foreign content (SVG and MathML with their integration points),
//! framesets and the quirks mode a DOCTYPE sets, building the arena DOM (`dom.rs`) directly from
//! the tokens of our tokenizer (`tokenizer.rs`). Names are small enums (`names.rs`), so the
//! element tests the algorithm makes all the time are byte comparisons.
//!
//! The tree is the one html5ever (0.39) builds, which the differential tests check on generated
//! and real pages (`oracle.rs`): where html5ever departs from the standard, so do we, and the
//! comments say so. html5ever follows the standard's newer `<select>` parsing (no "in select"
//! insertion modes: a `<select>` parses in body, and an `<input>`, `<select>` or `<hr>` closes
//! it), and runs with scripting on (`<noscript>` holds raw text).

use super::dom::{Attr, AttrNs, Dom, Ns, Place, Str, Strings, NONE};
use super::markup::is_space;
use super::names::{Local, A as AttrId};

/// An insertion mode (§13.2.4.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
    Text,
    InTable,
    InTableText,
    InCaption,
    InColumnGroup,
    InTableBody,
    InRow,
    InCell,
    InTemplate,
    AfterBody,
    InFrameset,
    AfterFrameset,
    AfterAfterBody,
    AfterAfterFrameset,
}

/// The tokenizer state a start tag switches to (§13.2.6.2: elements that contain only text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Next {
    Data,
    Rcdata,
    Rawtext,
    Script,
    Plaintext,
}

/// A start or end tag. Its attributes are in `Builder::tok_attrs` (`attrs` says whether they
/// belong to this tag).
#[derive(Clone, Copy, Debug)]
pub(crate) struct TagTok {
    pub local: Local,
    pub name: Str,
    pub self_closing: bool,
    pub attrs: bool,
}

/// Whether a character token was split into whitespace and the rest (html5ever hands such runs
/// on separately where a mode treats whitespace in its own way).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Split {
    No,
    Space,
    NonSpace,
}

/// A token (§13.2.5), as tree construction sees it. DOCTYPEs go to `Builder::doctype`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Tok {
    Start(TagTok),
    End(TagTok),
    /// Characters (never empty).
    Text(Str, Split),
    /// A NUL in the data state.
    Null,
    Comment,
    Eof,
}

impl Tok {
    /// Characters.
    pub fn text(s: Str) -> Tok {
        Tok::Text(s, Split::No)
    }
}

/// What processing a token leads to.
enum Step {
    Done,
    /// Process the token again in this mode.
    Again(Mode),
    /// Process the first run of whitespace or non-whitespace of this text, then the rest.
    Split(Str),
}

/// An element on the stack of open elements.
#[derive(Clone, Copy, Debug)]
struct Open {
    id: usize,
    local: Local,
    ns: Ns,
    /// A MathML `annotation-xml` whose `encoding` makes it an HTML integration point.
    integration: bool,
}

impl Open {
    fn is(&self, local: Local) -> bool {
        self.ns == Ns::Html && self.local == local
    }

    fn html(&self, f: fn(Local) -> bool) -> bool {
        self.ns == Ns::Html && f(self.local)
    }

    fn mathml_text_integration_point(&self) -> bool {
        self.ns == Ns::MathMl
            && matches!(
                self.local,
                Local::Mi | Local::Mo | Local::Mn | Local::Ms | Local::Mtext
            )
    }

    /// An SVG HTML integration point (`annotation-xml` is tested on its own, as in html5ever).
    fn svg_integration_point(&self) -> bool {
        self.ns == Ns::Svg
            && matches!(
                self.local,
                Local::ForeignObject | Local::Desc | Local::Title
            )
    }
}

/// An entry of the list of active formatting elements.
#[derive(Clone, Copy, Debug)]
enum Fmt {
    Marker,
    /// An element, with what its token had (to make copies of it).
    El {
        id: usize,
        local: Local,
        name: Str,
        attrs: (usize, usize),
    },
}

/// The "has an element in … scope" variants (§13.2.4.2).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Default,
    ListItem,
    Button,
    Table,
}

/// HTML elements that are "special" (§13.2.4.2), as html5ever lists them (no `dialog`, `search`
/// or `keygen`; no SVG or MathML element).
fn special(l: Local) -> bool {
    use Local::*;
    matches!(
        l,
        Address
            | Applet
            | Area
            | Article
            | Aside
            | Base
            | Basefont
            | Bgsound
            | Blockquote
            | Body
            | Br
            | Button
            | Caption
            | Center
            | Col
            | Colgroup
            | Dd
            | Details
            | Dir
            | Div
            | Dl
            | Dt
            | Embed
            | Fieldset
            | Figcaption
            | Figure
            | Footer
            | Form
            | Frame
            | Frameset
            | H1
            | H2
            | H3
            | H4
            | H5
            | H6
            | Head
            | Header
            | Hgroup
            | Hr
            | Html
            | Iframe
            | Img
            | Input
            | Isindex
            | Li
            | Link
            | Listing
            | Main
            | Marquee
            | Menu
            | Meta
            | Nav
            | Noembed
            | Noframes
            | Noscript
            | Object
            | Ol
            | P
            | Param
            | Plaintext
            | Pre
            | Script
            | Section
            | Select
            | Source
            | Style
            | Summary
            | Table
            | Tbody
            | Td
            | Template
            | Textarea
            | Tfoot
            | Th
            | Thead
            | Title
            | Tr
            | Track
            | Ul
            | Wbr
            | Xmp
    )
}

/// Elements whose end tags are implied (§13.2.6.3).
fn implied_end(l: Local) -> bool {
    use Local::*;
    matches!(l, Dd | Dt | Li | Option | Optgroup | P | Rb | Rp | Rt | Rtc)
}

/// `implied_end` and the table parts ("thoroughly").
fn implied_end_thorough(l: Local) -> bool {
    use Local::*;
    implied_end(l) || matches!(l, Caption | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr)
}

fn heading(l: Local) -> bool {
    matches!(
        l,
        Local::H1 | Local::H2 | Local::H3 | Local::H4 | Local::H5 | Local::H6
    )
}

/// Table rows and sections, and tables: where text goes through "in table text".
fn table_part(l: Local) -> bool {
    matches!(
        l,
        Local::Table | Local::Tbody | Local::Tfoot | Local::Thead | Local::Tr
    )
}

/// The tree builder: tokens in, the tree built into a `Dom`.
pub(crate) struct Builder<'s, 'a> {
    /// The (newline-normalised) source that `Str::Src` ranges index.
    src: &'s str,
    pub dom: Dom<'a>,
    /// The attributes of the current tag token (the tokenizer fills them).
    pub tok_attrs: Vec<Attr>,
    mode: Mode,
    /// The mode "text" and "in table text" return to.
    orig: Mode,
    templates: Vec<Mode>,
    stack: Vec<Open>,
    active: Vec<Fmt>,
    head: usize,
    form: usize,
    frameset_ok: bool,
    ignore_lf: bool,
    foster: bool,
    quirks: bool,
    /// Pending table character tokens, and whether one has non-whitespace.
    pending: Vec<Str>,
    /// The line of the current token.
    line: u32,
    /// Where the tokenizer goes after the current token.
    next: Next,
    /// The token was a `</script>` or a `<meta>` that names an encoding: html5ever hands control
    /// back to its caller there, which drops a byte order mark that follows.
    pub yielded: bool,
}

impl<'s, 'a> Builder<'s, 'a> {
    pub fn new(src: &'s str) -> Builder<'s, 'a> {
        let mut dom = Dom::new();
        // News pages have some 13 tags per KB (up to 40): room for most without growing.
        dom.nodes.reserve(src.len() / 48);
        dom.attrs.reserve(src.len() / 128);
        Builder {
            src,
            dom,
            tok_attrs: Vec::new(),
            mode: Mode::Initial,
            orig: Mode::InBody,
            templates: Vec::new(),
            stack: Vec::new(),
            active: Vec::new(),
            head: NONE,
            form: NONE,
            frameset_ok: true,
            ignore_lf: false,
            foster: false,
            quirks: false,
            pending: Vec::new(),
            line: 1,
            next: Next::Data,
            yielded: false,
        }
    }

    /// The parser's buffer (where the tokenizer writes decoded text and names).
    pub fn buf(&mut self) -> &mut String {
        &mut self.dom.buf
    }

    /// The text of a string of this document.
    pub fn str(&self, s: Str) -> &str {
        Strings {
            src: self.src,
            buf: &self.dom.buf,
            own: &self.dom.own,
        }
        .get(s)
    }

    /// Whether the adjusted current node is an element outside the HTML namespace (a CDATA
    /// section is one there).
    pub fn in_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.ns != Ns::Html)
    }

    /// The end: the tree.
    pub fn finish(self) -> Dom<'a> {
        self.dom
    }

    /// A DOCTYPE token: sets the quirks mode in the "initial" insertion mode, ignored elsewhere.
    pub fn doctype(&mut self, quirks: bool, line: u32) {
        self.line = line;
        self.ignore_lf = false;
        if self.mode == Mode::Initial {
            self.quirks = quirks;
            self.mode = Mode::BeforeHtml;
        }
    }

    /// Processes one token (§13.2.6, "tree construction dispatcher"), at input line `line`; the
    /// tokenizer state to go on in.
    pub fn process(&mut self, tok: Tok, line: u32) -> Next {
        self.line = line;
        self.next = Next::Data;
        self.yielded = false;
        let ignore_lf = std::mem::take(&mut self.ignore_lf);
        let mut tok = tok;
        if let Tok::Text(s, _) = tok {
            let text = self.str(s);
            let skip = usize::from(ignore_lf && text.starts_with('\n'));
            if text.len() == skip {
                return Next::Data;
            }
            tok = Tok::Text(s.slice(skip, text.len()), Split::No);
        }
        // The rest of a split text, to process after its first run.
        let mut rest: Option<Str> = None;
        loop {
            let step = if self.is_foreign(&tok) {
                self.foreign(tok)
            } else {
                self.step(self.mode, tok)
            };
            match step {
                Step::Done => match rest.take() {
                    Some(s) => tok = Tok::Text(s, Split::No),
                    None => return self.next,
                },
                Step::Again(mode) => self.mode = mode,
                Step::Split(s) => {
                    let text = self.str(s).as_bytes();
                    let space = text.first().is_some_and(|&c| is_space(c));
                    let n = text.iter().take_while(|&&c| is_space(c) == space).count();
                    let len = text.len();
                    tok = Tok::Text(
                        s.slice(0, n),
                        if space { Split::Space } else { Split::NonSpace },
                    );
                    if n < len {
                        rest = Some(s.slice(n, len));
                    }
                }
            }
        }
    }

    /// The rules of insertion mode `mode` for `tok`.
    fn step(&mut self, mode: Mode, tok: Tok) -> Step {
        match mode {
            Mode::Initial => self.initial(tok),
            Mode::BeforeHtml => self.before_html(tok),
            Mode::BeforeHead => self.before_head(tok),
            Mode::InHead => self.in_head(tok),
            Mode::AfterHead => self.after_head(tok),
            Mode::InBody => self.in_body(tok),
            Mode::Text => self.text(tok),
            Mode::InTable => self.in_table(tok),
            Mode::InTableText => self.in_table_text(tok),
            Mode::InCaption => self.in_caption(tok),
            Mode::InColumnGroup => self.in_column_group(tok),
            Mode::InTableBody => self.in_table_body(tok),
            Mode::InRow => self.in_row(tok),
            Mode::InCell => self.in_cell(tok),
            Mode::InTemplate => self.in_template(tok),
            Mode::AfterBody => self.after_body(tok),
            Mode::InFrameset => self.in_frameset(tok),
            Mode::AfterFrameset => self.after_frameset(tok),
            Mode::AfterAfterBody => self.after_after_body(tok),
            Mode::AfterAfterFrameset => self.after_after_frameset(tok),
        }
    }

    // ---- The stack of open elements.

    fn current(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    fn current_is(&self, local: Local) -> bool {
        self.stack.last().is_some_and(|o| o.is(local))
    }

    fn pop(&mut self) -> Option<Open> {
        self.stack.pop()
    }

    /// Whether an HTML element named `local` is anywhere on the stack.
    fn on_stack(&self, local: Local) -> bool {
        self.stack.iter().any(|o| o.is(local))
    }

    fn position(&self, id: usize) -> Option<usize> {
        self.stack.iter().rposition(|o| o.id == id)
    }

    fn remove_from_stack(&mut self, id: usize) {
        if let Some(i) = self.position(id) {
            self.stack.remove(i);
        }
    }

    /// Whether `o` ends the scope `scope` (§13.2.4.2), with html5ever's lists (`select` ends the
    /// default scope; MathML `annotation-xml` does not).
    fn boundary(o: &Open, scope: Scope) -> bool {
        use Local::*;
        match o.ns {
            Ns::Html => match scope {
                Scope::Table => matches!(o.local, Html | Table | Template),
                _ => {
                    matches!(
                        o.local,
                        Applet
                            | Caption
                            | Html
                            | Table
                            | Td
                            | Th
                            | Marquee
                            | Object
                            | Select
                            | Template
                    ) || (scope == Scope::ListItem && matches!(o.local, Ol | Ul))
                        || (scope == Scope::Button && o.local == Button)
                }
            },
            _ => {
                scope != Scope::Table
                    && (o.mathml_text_integration_point() || o.svg_integration_point())
            }
        }
    }

    fn in_scope_where(&self, scope: Scope, f: impl Fn(&Open) -> bool) -> bool {
        for o in self.stack.iter().rev() {
            if f(o) {
                return true;
            }
            if Self::boundary(o, scope) {
                return false;
            }
        }
        false
    }

    fn in_scope(&self, scope: Scope, local: Local) -> bool {
        self.in_scope_where(scope, |o| o.is(local))
    }

    /// Pops elements until an HTML element named `local` has been popped.
    fn pop_until(&mut self, local: Local) {
        while let Some(o) = self.pop() {
            if o.is(local) {
                break;
            }
        }
    }

    /// Pops elements until an HTML element that `f` accepts has been popped.
    fn pop_until_where(&mut self, f: fn(Local) -> bool) {
        while let Some(o) = self.pop() {
            if o.html(f) {
                break;
            }
        }
    }

    /// Pops elements until the current node is an HTML element that `f` accepts ("clear the stack
    /// back to a … context").
    fn clear_back_to(&mut self, f: fn(Local) -> bool) {
        while self.stack.last().is_some_and(|o| !o.html(f)) {
            self.pop();
        }
    }

    /// Generates implied end tags (§13.2.6.3), except for HTML elements named `except`.
    fn implied_end_tags(&mut self, except: Local) {
        while self
            .stack
            .last()
            .is_some_and(|o| o.html(implied_end) && o.local != except)
        {
            self.pop();
        }
    }

    fn implied_end_tags_thoroughly(&mut self) {
        while self
            .stack
            .last()
            .is_some_and(|o| o.html(implied_end_thorough))
        {
            self.pop();
        }
    }

    fn close_p(&mut self) {
        self.implied_end_tags(Local::P);
        self.pop_until(Local::P);
    }

    fn close_p_in_button_scope(&mut self) {
        if self.in_scope(Scope::Button, Local::P) {
            self.close_p();
        }
    }

    // ---- Creating and inserting nodes (§13.2.6.1).

    /// The appropriate place for inserting a node, for the current node or `target`.
    fn place(&self, target: Option<Open>) -> Place {
        let Some(target) = target.or_else(|| self.current()) else {
            return Place::LastChild(0);
        };
        if !(self.foster && target.html(table_part)) {
            return Place::LastChild(self.inside(target));
        }
        // Foster parenting.
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.is(Local::Template) {
                return Place::LastChild(self.dom.contents(o.id).unwrap_or(o.id));
            }
            if o.is(Local::Table) {
                let has_parent = self.dom.nodes.get(o.id).is_some_and(|n| n.parent != NONE);
                return match (has_parent, i.checked_sub(1).and_then(|j| self.stack.get(j))) {
                    (true, _) => Place::Before(o.id),
                    (false, Some(below)) => Place::LastChild(below.id),
                    (false, None) => Place::LastChild(o.id),
                };
            }
        }
        Place::LastChild(self.stack.first().map_or(0, |o| o.id))
    }

    /// Where children of `o` go: a template's contents, or the element itself.
    fn inside(&self, o: Open) -> usize {
        if o.is(Local::Template) {
            self.dom.contents(o.id).unwrap_or(o.id)
        } else {
            o.id
        }
    }

    fn insert_text(&mut self, s: Str) {
        let place = self.place(None);
        self.dom.insert_text(self.src, place, s, self.line);
    }

    fn insert_comment(&mut self) {
        let c = self.dom.comment();
        let place = self.place(None);
        self.dom.insert(place, c);
    }

    /// Copies the token's attributes to the document (adjusted for `ns`): their range.
    fn token_attrs(&mut self, tag: &TagTok, ns: Ns) -> (usize, usize) {
        let start = self.dom.attrs.len();
        if tag.attrs {
            for a in &self.tok_attrs {
                let mut a = *a;
                if ns != Ns::Html {
                    adjust_foreign_attr(
                        &mut a,
                        ns,
                        Strings {
                            src: self.src,
                            buf: &self.dom.buf,
                            own: &self.dom.own,
                        },
                    );
                }
                self.dom.attrs.push(a);
            }
        }
        (start, self.dom.attrs.len())
    }

    /// The value of the token's attribute `id` (no namespace), if present.
    fn tok_attr(&self, tag: &TagTok, id: AttrId) -> Option<&str> {
        if !tag.attrs {
            return None;
        }
        self.tok_attrs
            .iter()
            .find(|a| a.id == id && a.ns == AttrNs::None)
            .map(|a| self.str(a.value))
    }

    /// Creates an element and inserts it at the appropriate place; pushes it on the stack of open
    /// elements unless `pop` ("insert an HTML element", "insert a foreign element").
    fn insert_with(
        &mut self,
        ns: Ns,
        local: Local,
        name: Str,
        attrs: (usize, usize),
        pop: bool,
    ) -> usize {
        let id = self.dom.element(ns, local, name, attrs);
        let place = self.place(None);
        self.dom.insert(place, id);
        if !pop {
            let integration = ns == Ns::MathMl
                && local == Local::AnnotationXml
                && self
                    .dom
                    .attrs
                    .get(attrs.0..attrs.1)
                    .unwrap_or_default()
                    .iter()
                    .any(|a| {
                        a.id == AttrId::Encoding && a.ns == AttrNs::None && {
                            let v = self.str(a.value);
                            v.eq_ignore_ascii_case("text/html")
                                || v.eq_ignore_ascii_case("application/xhtml+xml")
                        }
                    });
            self.stack.push(Open {
                id,
                local,
                ns,
                integration,
            });
        }
        id
    }

    /// Inserts an HTML element for `tag` (and pushes it).
    fn insert(&mut self, tag: &TagTok) -> usize {
        let attrs = self.token_attrs(tag, Ns::Html);
        self.insert_with(Ns::Html, tag.local, tag.name, attrs, false)
    }

    /// Inserts an HTML element for `tag` and pops it at once (void elements).
    fn insert_void(&mut self, tag: &TagTok) -> usize {
        let attrs = self.token_attrs(tag, Ns::Html);
        self.insert_with(Ns::Html, tag.local, tag.name, attrs, true)
    }

    /// Inserts an HTML element named `local` with no attributes (a start tag the parser implies).
    fn insert_implied(&mut self, local: Local) -> usize {
        self.insert_with(Ns::Html, local, Str::Static(local.name()), (0, 0), false)
    }

    /// Inserts a foreign element (§13.2.6.1) for `tag` in `ns`: its name and attributes adjusted;
    /// pushed unless self-closing.
    fn insert_foreign(&mut self, tag: &TagTok, ns: Ns) {
        let name = if ns == Ns::Svg {
            svg_tag_name(self.str(tag.name)).map_or(tag.name, Str::Static)
        } else {
            tag.name
        };
        let attrs = self.token_attrs(tag, ns);
        self.insert_with(ns, tag.local, name, attrs, tag.self_closing);
    }

    /// The generic raw text and RCDATA element parsing algorithms (§13.2.6.2).
    fn raw_text(&mut self, tag: &TagTok, next: Next) -> Step {
        self.insert(tag);
        self.enter_text(next)
    }

    fn enter_text(&mut self, next: Next) -> Step {
        self.orig = self.mode;
        self.mode = Mode::Text;
        self.next = next;
        Step::Done
    }

    // ---- The list of active formatting elements (§13.2.4.3).

    fn active_position(&self, id: usize) -> Option<usize> {
        self.active
            .iter()
            .rposition(|f| matches!(f, Fmt::El { id: x, .. } if *x == id))
    }

    /// Pushes a formatting element for `tag` (inserting it), with the Noah's Ark clause: at most
    /// three equal entries after the last marker.
    fn insert_formatting(&mut self, tag: &TagTok) {
        let id = self.insert(tag);
        let attrs = self.dom.attr_range(id);
        let mut equal = 0;
        let mut earliest = None;
        for (i, f) in self.active.iter().enumerate().rev() {
            match *f {
                Fmt::Marker => break,
                Fmt::El {
                    local,
                    name,
                    attrs: other,
                    ..
                } => {
                    if local == tag.local
                        && self.str(name) == self.str(tag.name)
                        && self.same_attrs(attrs, other)
                    {
                        equal += 1;
                        earliest = Some(i);
                    }
                }
            }
        }
        if equal >= 3 {
            if let Some(i) = earliest {
                self.active.remove(i);
            }
        }
        self.active.push(Fmt::El {
            id,
            local: tag.local,
            name: tag.name,
            attrs,
        });
    }

    /// Whether two attribute ranges hold the same attributes (names, namespaces and values), in
    /// any order.
    fn same_attrs(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        let attrs = &self.dom.attrs;
        let (Some(x), Some(y)) = (attrs.get(a.0..a.1), attrs.get(b.0..b.1)) else {
            return false;
        };
        x.len() == y.len()
            && x.iter().all(|p| {
                y.iter().any(|q| {
                    p.ns == q.ns
                        && self.str(p.name) == self.str(q.name)
                        && self.str(p.value) == self.str(q.value)
                })
            })
    }

    fn clear_to_marker(&mut self) {
        while let Some(f) = self.active.pop() {
            if matches!(f, Fmt::Marker) {
                break;
            }
        }
    }

    /// Reconstructs the active formatting elements (§13.2.4.3).
    fn reconstruct(&mut self) {
        let open = |b: &Self, f: &Fmt| match *f {
            Fmt::Marker => true,
            Fmt::El { id, .. } => b.position(id).is_some(),
        };
        let Some(last) = self.active.last() else {
            return;
        };
        if open(self, last) {
            return;
        }
        // Rewind to the entry after the last marker or open element.
        let mut i = self.active.len() - 1;
        while i > 0 {
            if self.active.get(i - 1).is_some_and(|f| open(self, f)) {
                break;
            }
            i -= 1;
        }
        // Create.
        while let Some(&Fmt::El {
            local, name, attrs, ..
        }) = self.active.get(i)
        {
            let id = self.insert_with(Ns::Html, local, name, attrs, false);
            if let Some(f) = self.active.get_mut(i) {
                *f = Fmt::El {
                    id,
                    local,
                    name,
                    attrs,
                };
            }
            i += 1;
        }
    }

    /// The adoption agency algorithm (§13.2.6.4.7) for an end tag named `subject`.
    fn adoption_agency(&mut self, tag: &TagTok) {
        let subject = tag.local;
        // 2.
        if let Some(cur) = self.current() {
            if cur.is(subject) && self.active_position(cur.id).is_none() {
                self.pop();
                return;
            }
        }
        // 3-4: the outer loop, at most eight times.
        for _ in 0..8 {
            // 4.3: the last formatting element named `subject` after the last marker.
            let mut found = None;
            for (i, f) in self.active.iter().enumerate().rev() {
                match *f {
                    Fmt::Marker => break,
                    Fmt::El {
                        id,
                        local,
                        name,
                        attrs,
                    } if local == subject => {
                        found = Some((i, id, name, attrs));
                        break;
                    }
                    Fmt::El { .. } => {}
                }
            }
            let Some((fmt_index, fmt, fmt_name, fmt_attrs)) = found else {
                // "Any other end tag".
                return self.end_tag_in_body(tag);
            };
            // 4.4
            let Some(fmt_pos) = self.position(fmt) else {
                self.active.remove(fmt_index);
                return;
            };
            // 4.5
            if !self.in_scope_where(Scope::Default, |o| o.id == fmt) {
                return;
            }
            // 4.7: the furthest block.
            let furthest = self
                .stack
                .iter()
                .enumerate()
                .skip(fmt_pos)
                .find(|(_, o)| o.html(special))
                .map(|(i, o)| (i, *o));
            let Some((fb_pos, fb)) = furthest else {
                // 4.8
                self.stack.truncate(fmt_pos);
                self.active.remove(fmt_index);
                return;
            };
            // 4.9
            let Some(common) = fmt_pos
                .checked_sub(1)
                .and_then(|i| self.stack.get(i))
                .copied()
            else {
                return;
            };
            // 4.10: the bookmark, as "replace fmt" or "insert after this element".
            let mut after: Option<usize> = None;
            // 4.11-13
            let mut node_pos = fb_pos;
            let mut last = fb;
            let mut inner = 0;
            loop {
                inner += 1;
                let Some(node) = node_pos
                    .checked_sub(1)
                    .and_then(|p| self.stack.get(p))
                    .copied()
                else {
                    break;
                };
                node_pos -= 1;
                if node.id == fmt {
                    break;
                }
                let entry = self.active_position(node.id);
                if inner > 3 {
                    if let Some(e) = entry {
                        self.active.remove(e);
                    }
                    self.stack.remove(node_pos);
                    continue;
                }
                let Some(e) = entry else {
                    self.stack.remove(node_pos);
                    continue;
                };
                // A new element for the entry's token replaces the node.
                let Some(&Fmt::El {
                    local, name, attrs, ..
                }) = self.active.get(e)
                else {
                    break;
                };
                let id = self.dom.element(Ns::Html, local, name, attrs);
                let new = Open {
                    id,
                    local,
                    ns: Ns::Html,
                    integration: false,
                };
                if let Some(s) = self.stack.get_mut(node_pos) {
                    *s = new;
                }
                if let Some(f) = self.active.get_mut(e) {
                    *f = Fmt::El {
                        id,
                        local,
                        name,
                        attrs,
                    };
                }
                if last.id == fb.id {
                    after = Some(id);
                }
                self.dom.append(id, last.id);
                last = new;
            }
            // 4.14
            self.dom.detach(last.id);
            let place = self.place(Some(common));
            self.dom.insert(place, last.id);
            // 4.15-17
            let id = self.dom.element(Ns::Html, subject, fmt_name, fmt_attrs);
            self.dom.reparent_children(fb.id, id);
            self.dom.append(fb.id, id);
            let entry = Fmt::El {
                id,
                local: subject,
                name: fmt_name,
                attrs: fmt_attrs,
            };
            // 4.18
            match after {
                None => {
                    if let Some(i) = self.active_position(fmt) {
                        if let Some(f) = self.active.get_mut(i) {
                            *f = entry;
                        }
                    }
                }
                Some(prev) => {
                    if let Some(i) = self.active_position(prev) {
                        self.active.insert(i + 1, entry);
                    }
                    if let Some(i) = self.active_position(fmt) {
                        self.active.remove(i);
                    }
                }
            }
            // 4.19
            self.remove_from_stack(fmt);
            if let Some(i) = self.position(fb.id) {
                self.stack.insert(
                    i + 1,
                    Open {
                        id,
                        local: subject,
                        ns: Ns::Html,
                        integration: false,
                    },
                );
            }
        }
    }

    /// "Any other end tag" in body.
    fn end_tag_in_body(&mut self, tag: &TagTok) {
        for i in (0..self.stack.len()).rev() {
            let Some(o) = self.stack.get(i).copied() else {
                return;
            };
            if o.ns == Ns::Html
                && o.local == tag.local
                && (tag.local != Local::Other || self.same_name(o.id, tag.name))
            {
                self.implied_end_tags_named(tag);
                self.stack.truncate(i);
                return;
            }
            if o.html(special) {
                return;
            }
        }
    }

    /// Whether element `id` is named `name`.
    fn same_name(&self, id: usize, name: Str) -> bool {
        self.str(self.dom.data(id)) == self.str(name)
    }

    /// Generates implied end tags except for elements named like `tag` (which may be an unknown
    /// name, which no implied end tag has).
    fn implied_end_tags_named(&mut self, tag: &TagTok) {
        self.implied_end_tags(tag.local);
    }

    /// Resets the insertion mode appropriately (§13.2.4.1).
    fn reset_mode(&self) -> Mode {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.ns != Ns::Html {
                continue;
            }
            let last = i == 0;
            match o.local {
                Local::Td | Local::Th if !last => return Mode::InCell,
                Local::Tr => return Mode::InRow,
                Local::Tbody | Local::Thead | Local::Tfoot => return Mode::InTableBody,
                Local::Caption => return Mode::InCaption,
                Local::Colgroup => return Mode::InColumnGroup,
                Local::Table => return Mode::InTable,
                Local::Template => return self.templates.last().copied().unwrap_or(Mode::InBody),
                Local::Head if !last => return Mode::InHead,
                Local::Body => return Mode::InBody,
                Local::Frameset => return Mode::InFrameset,
                Local::Html => {
                    return if self.head == NONE {
                        Mode::BeforeHead
                    } else {
                        Mode::AfterHead
                    }
                }
                _ => {}
            }
        }
        Mode::InBody
    }

    /// A `<meta>` that names an encoding (html5ever then hands control back to its caller).
    fn names_encoding(&self, tag: &TagTok) -> bool {
        if self.tok_attr(tag, AttrId::Charset).is_some() {
            return true;
        }
        self.tok_attr(tag, AttrId::HttpEquiv)
            .is_some_and(|v| v.eq_ignore_ascii_case("content-type"))
            && self
                .tok_attr(tag, AttrId::Content)
                .is_some_and(content_names_encoding)
    }

    // ---- The insertion modes (§13.2.6.4).

    /// Whitespace and comments where whitespace is inserted as text (other text is split off
    /// and processed on its own, by the mode's "anything else").
    fn space_or_comment(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(s, Split::Space) => {
                self.insert_text(s);
                Step::Done
            }
            _ => {
                self.insert_comment();
                Step::Done
            }
        }
    }

    /// A comment as the last child of `parent` (the document, or the `html` element).
    fn comment_in(&mut self, parent: usize) -> Step {
        let c = self.dom.comment();
        self.dom.append(parent, c);
        Step::Done
    }

    fn initial(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(_, Split::Space) => Step::Done,
            Tok::Comment => self.comment_in(0),
            _ => {
                // No DOCTYPE: quirks mode.
                self.quirks = true;
                Step::Again(Mode::BeforeHtml)
            }
        }
    }

    fn create_html(&mut self, tag: Option<&TagTok>) {
        let attrs = match tag {
            Some(t) => self.token_attrs(t, Ns::Html),
            None => (0, 0),
        };
        let id = self
            .dom
            .element(Ns::Html, Local::Html, Str::Static("html"), attrs);
        self.dom.append(0, id);
        self.stack.push(Open {
            id,
            local: Local::Html,
            ns: Ns::Html,
            integration: false,
        });
    }

    fn before_html(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Comment => self.comment_in(0),
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(_, Split::Space) => Step::Done,
            Tok::Start(t) if t.local == Local::Html => {
                self.create_html(Some(&t));
                self.mode = Mode::BeforeHead;
                Step::Done
            }
            Tok::End(t)
                if !matches!(t.local, Local::Head | Local::Body | Local::Html | Local::Br) =>
            {
                Step::Done
            }
            _ => {
                self.create_html(None);
                Step::Again(Mode::BeforeHead)
            }
        }
    }

    fn before_head(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(_, Split::Space) => Step::Done,
            Tok::Comment => {
                self.insert_comment();
                Step::Done
            }
            Tok::Start(t) if t.local == Local::Html => self.in_body(tok),
            Tok::Start(t) if t.local == Local::Head => {
                self.head = self.insert(&t);
                self.mode = Mode::InHead;
                Step::Done
            }
            Tok::End(t)
                if !matches!(t.local, Local::Head | Local::Body | Local::Html | Local::Br) =>
            {
                Step::Done
            }
            _ => {
                self.head = self.insert_implied(Local::Head);
                Step::Again(Mode::InHead)
            }
        }
    }

    fn in_head(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Text(_, Split::No | Split::Space) | Tok::Comment => self.space_or_comment(tok),
            Tok::Start(t) => match t.local {
                Html => self.in_body(tok),
                Base | Basefont | Bgsound | Link | Meta => {
                    self.insert_void(&t);
                    if t.local == Meta && self.names_encoding(&t) {
                        self.yielded = true;
                    }
                    Step::Done
                }
                Title => self.raw_text(&t, Next::Rcdata),
                Noframes | Style | Noscript => self.raw_text(&t, Next::Rawtext),
                Script => self.raw_text(&t, Next::Script),
                Template => {
                    self.active.push(Fmt::Marker);
                    self.frameset_ok = false;
                    self.mode = Mode::InTemplate;
                    self.templates.push(Mode::InTemplate);
                    self.insert(&t);
                    Step::Done
                }
                Head => Step::Done,
                _ => {
                    self.pop();
                    Step::Again(Mode::AfterHead)
                }
            },
            Tok::End(t) => match t.local {
                Head => {
                    self.pop();
                    self.mode = Mode::AfterHead;
                    Step::Done
                }
                Body | Html | Br => {
                    self.pop();
                    Step::Again(Mode::AfterHead)
                }
                Template => {
                    if self.on_stack(Template) {
                        self.implied_end_tags_thoroughly();
                        self.pop_until(Template);
                        self.clear_to_marker();
                        self.templates.pop();
                        self.mode = self.reset_mode();
                    }
                    Step::Done
                }
                _ => Step::Done,
            },
            _ => {
                self.pop();
                Step::Again(Mode::AfterHead)
            }
        }
    }

    fn after_head(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Text(_, Split::No | Split::Space) | Tok::Comment => self.space_or_comment(tok),
            Tok::Start(t) => match t.local {
                Html => self.in_body(tok),
                Body => {
                    self.insert(&t);
                    self.frameset_ok = false;
                    self.mode = Mode::InBody;
                    Step::Done
                }
                Frameset => {
                    self.insert(&t);
                    self.mode = Mode::InFrameset;
                    Step::Done
                }
                Base | Basefont | Bgsound | Link | Meta | Noframes | Script | Style | Template
                | Title => {
                    // In the head, though it was closed.
                    let head = self.head;
                    let local = Head;
                    self.stack.push(Open {
                        id: head,
                        local,
                        ns: Ns::Html,
                        integration: false,
                    });
                    let step = self.in_head(tok);
                    self.remove_from_stack(head);
                    step
                }
                Head => Step::Done,
                _ => {
                    self.insert_implied(Body);
                    Step::Again(Mode::InBody)
                }
            },
            Tok::End(t) => match t.local {
                Template => self.in_head(tok),
                Body | Html | Br => {
                    self.insert_implied(Body);
                    Step::Again(Mode::InBody)
                }
                _ => Step::Done,
            },
            _ => {
                self.insert_implied(Body);
                Step::Again(Mode::InBody)
            }
        }
    }

    fn in_body(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Null => Step::Done,
            Tok::Text(s, _) => {
                self.reconstruct();
                if self.frameset_ok && self.str(s).bytes().any(|c| !is_space(c)) {
                    self.frameset_ok = false;
                }
                self.insert_text(s);
                Step::Done
            }
            Tok::Comment => {
                self.insert_comment();
                Step::Done
            }
            Tok::Start(t) => self.start_tag_in_body(t),
            Tok::End(t) => self.end_tag_in_body_rules(t),
            Tok::Eof => {
                if !self.templates.is_empty() {
                    return self.in_template(tok);
                }
                Step::Done
            }
        }
    }

    fn start_tag_in_body(&mut self, t: TagTok) -> Step {
        use Local::*;
        match t.local {
            Html => {
                if !self.on_stack(Template) {
                    if let Some(html) = self.stack.first().map(|o| o.id) {
                        let new = self.token_attrs(&t, Ns::Html);
                        self.dom.add_attrs_if_missing(self.src, html, new);
                    }
                }
                Step::Done
            }
            Base | Basefont | Bgsound | Link | Meta | Noframes | Script | Style | Template
            | Title => self.in_head(Tok::Start(t)),
            Body => {
                let body = self.stack.get(1).filter(|o| o.is(Body)).map(|o| o.id);
                if let Some(body) = body {
                    if self.stack.len() != 1 && !self.on_stack(Template) {
                        self.frameset_ok = false;
                        let new = self.token_attrs(&t, Ns::Html);
                        self.dom.add_attrs_if_missing(self.src, body, new);
                    }
                }
                Step::Done
            }
            Frameset => {
                if !self.frameset_ok {
                    return Step::Done;
                }
                let Some(body) = self.stack.get(1).filter(|o| o.is(Body)).map(|o| o.id) else {
                    return Step::Done;
                };
                self.dom.detach(body);
                self.stack.truncate(1);
                self.insert(&t);
                self.mode = Mode::InFrameset;
                Step::Done
            }
            Address | Article | Aside | Blockquote | Center | Details | Dialog | Dir | Div | Dl
            | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Main | Menu | Nav
            | Ol | P | Search | Section | Summary | Ul => {
                self.close_p_in_button_scope();
                self.insert(&t);
                Step::Done
            }
            H1 | H2 | H3 | H4 | H5 | H6 => {
                self.close_p_in_button_scope();
                if self.current().is_some_and(|o| o.html(heading)) {
                    self.pop();
                }
                self.insert(&t);
                Step::Done
            }
            Pre | Listing => {
                self.close_p_in_button_scope();
                self.insert(&t);
                self.ignore_lf = true;
                self.frameset_ok = false;
                Step::Done
            }
            Form => {
                let template = self.on_stack(Template);
                if self.form != NONE && !template {
                    return Step::Done;
                }
                self.close_p_in_button_scope();
                let id = self.insert(&t);
                if !template {
                    self.form = id;
                }
                Step::Done
            }
            Li | Dd | Dt => {
                self.frameset_ok = false;
                let mut close = None;
                for o in self.stack.iter().rev() {
                    let hit = if t.local == Li {
                        o.is(Li)
                    } else {
                        o.is(Dd) || o.is(Dt)
                    };
                    if hit {
                        close = Some(o.local);
                        break;
                    }
                    if o.html(special) && !matches!(o.local, Address | Div | P) {
                        break;
                    }
                }
                if let Some(l) = close {
                    self.implied_end_tags(l);
                    self.pop_until(l);
                }
                self.close_p_in_button_scope();
                self.insert(&t);
                Step::Done
            }
            Plaintext => {
                self.close_p_in_button_scope();
                self.insert(&t);
                self.next = Next::Plaintext;
                Step::Done
            }
            Button => {
                if self.in_scope(Scope::Default, Button) {
                    self.implied_end_tags(Other);
                    self.pop_until(Button);
                }
                self.reconstruct();
                self.insert(&t);
                self.frameset_ok = false;
                Step::Done
            }
            A => {
                let open_a = self
                    .active
                    .iter()
                    .rev()
                    .take_while(|f| !matches!(f, Fmt::Marker))
                    .find_map(|f| match *f {
                        Fmt::El { id, local: A, .. } => Some(id),
                        _ => None,
                    });
                if let Some(a) = open_a {
                    self.adoption_agency(&TagTok {
                        local: A,
                        name: Str::Static("a"),
                        self_closing: false,
                        attrs: false,
                    });
                    if let Some(i) = self.active_position(a) {
                        self.active.remove(i);
                    }
                    self.remove_from_stack(a);
                }
                self.reconstruct();
                self.insert_formatting(&t);
                Step::Done
            }
            B | Big | Code | Em | Font | I | S | Small | Strike | Strong | Tt | U => {
                self.reconstruct();
                self.insert_formatting(&t);
                Step::Done
            }
            Nobr => {
                self.reconstruct();
                if self.in_scope(Scope::Default, Nobr) {
                    self.adoption_agency(&t);
                    self.reconstruct();
                }
                self.insert_formatting(&t);
                Step::Done
            }
            Applet | Marquee | Object => {
                self.reconstruct();
                self.insert(&t);
                self.active.push(Fmt::Marker);
                self.frameset_ok = false;
                Step::Done
            }
            Table => {
                if !self.quirks {
                    self.close_p_in_button_scope();
                }
                self.insert(&t);
                self.frameset_ok = false;
                self.mode = Mode::InTable;
                Step::Done
            }
            Area | Br | Embed | Img | Keygen | Wbr => {
                self.reconstruct();
                self.insert_void(&t);
                self.frameset_ok = false;
                Step::Done
            }
            Input => {
                if self.in_scope(Scope::Default, Select) {
                    self.pop_until(Select);
                }
                let hidden = self
                    .tok_attr(&t, AttrId::Type)
                    .is_some_and(|v| v.eq_ignore_ascii_case("hidden"));
                self.reconstruct();
                self.insert_void(&t);
                if !hidden {
                    self.frameset_ok = false;
                }
                Step::Done
            }
            Param | Source | Track => {
                self.insert_void(&t);
                Step::Done
            }
            Hr => {
                self.close_p_in_button_scope();
                if self.in_scope(Scope::Default, Select) {
                    self.implied_end_tags(Other);
                }
                self.insert_void(&t);
                self.frameset_ok = false;
                Step::Done
            }
            Image => self.start_tag_in_body(TagTok {
                local: Img,
                name: Str::Static("img"),
                ..t
            }),
            Textarea => {
                self.ignore_lf = true;
                self.frameset_ok = false;
                self.raw_text(&t, Next::Rcdata)
            }
            Xmp => {
                self.close_p_in_button_scope();
                self.reconstruct();
                self.frameset_ok = false;
                self.raw_text(&t, Next::Rawtext)
            }
            Iframe => {
                self.frameset_ok = false;
                self.raw_text(&t, Next::Rawtext)
            }
            Noembed | Noscript => self.raw_text(&t, Next::Rawtext),
            Select => {
                if self.in_scope(Scope::Default, Select) {
                    self.pop_until(Select);
                } else {
                    self.reconstruct();
                    self.insert(&t);
                    self.frameset_ok = false;
                }
                Step::Done
            }
            Option => {
                if self.in_scope(Scope::Default, Select) {
                    self.implied_end_tags(Optgroup);
                } else if self.current_is(Option) {
                    self.pop();
                }
                self.reconstruct();
                self.insert(&t);
                Step::Done
            }
            Optgroup => {
                if self.in_scope(Scope::Default, Select) {
                    self.implied_end_tags(Other);
                } else if self.current_is(Option) {
                    self.pop();
                }
                self.reconstruct();
                self.insert(&t);
                Step::Done
            }
            Rb | Rtc => {
                if self.in_scope(Scope::Default, Ruby) {
                    self.implied_end_tags(Other);
                }
                self.insert(&t);
                Step::Done
            }
            Rp | Rt => {
                if self.in_scope(Scope::Default, Ruby) {
                    self.implied_end_tags(Rtc);
                }
                self.insert(&t);
                Step::Done
            }
            Math => {
                self.reconstruct();
                self.insert_foreign(&t, Ns::MathMl);
                Step::Done
            }
            Svg => {
                self.reconstruct();
                // (The element keeps its name: only elements inside SVG are renamed.)
                let attrs = self.token_attrs(&t, Ns::Svg);
                self.insert_with(Ns::Svg, Svg, t.name, attrs, t.self_closing);
                Step::Done
            }
            Caption | Col | Colgroup | Frame | Head | Tbody | Td | Tfoot | Th | Thead | Tr => {
                Step::Done
            }
            _ => {
                self.reconstruct();
                self.insert(&t);
                Step::Done
            }
        }
    }

    fn end_tag_in_body_rules(&mut self, t: TagTok) -> Step {
        use Local::*;
        match t.local {
            Template => self.in_head(Tok::End(t)),
            Body => {
                if self.in_scope(Scope::Default, Body) {
                    self.mode = Mode::AfterBody;
                }
                Step::Done
            }
            Html => {
                if self.in_scope(Scope::Default, Body) {
                    Step::Again(Mode::AfterBody)
                } else {
                    Step::Done
                }
            }
            Address | Article | Aside | Blockquote | Button | Center | Details | Dialog | Dir
            | Div | Dl | Fieldset | Figcaption | Figure | Footer | Header | Hgroup | Listing
            | Main | Menu | Nav | Ol | Pre | Search | Section | Select | Summary | Ul => {
                if self.in_scope(Scope::Default, t.local) {
                    self.implied_end_tags(Other);
                    self.pop_until(t.local);
                }
                Step::Done
            }
            Form => {
                if !self.on_stack(Template) {
                    let node = std::mem::replace(&mut self.form, NONE);
                    if node == NONE || !self.in_scope_where(Scope::Default, |o| o.id == node) {
                        return Step::Done;
                    }
                    self.implied_end_tags(Other);
                    self.remove_from_stack(node);
                } else {
                    if !self.in_scope(Scope::Default, Form) {
                        return Step::Done;
                    }
                    self.implied_end_tags(Other);
                    self.pop_until(Form);
                }
                Step::Done
            }
            P => {
                if !self.in_scope(Scope::Button, P) {
                    self.insert_implied(P);
                }
                self.close_p();
                Step::Done
            }
            Li => {
                if self.in_scope(Scope::ListItem, Li) {
                    self.implied_end_tags(Li);
                    self.pop_until(Li);
                }
                Step::Done
            }
            Dd | Dt => {
                if self.in_scope(Scope::Default, t.local) {
                    self.implied_end_tags(t.local);
                    self.pop_until(t.local);
                }
                Step::Done
            }
            H1 | H2 | H3 | H4 | H5 | H6 => {
                if self.in_scope_where(Scope::Default, |o| o.html(heading)) {
                    self.implied_end_tags(Other);
                    self.pop_until_where(heading);
                }
                Step::Done
            }
            A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U => {
                self.adoption_agency(&t);
                Step::Done
            }
            Applet | Marquee | Object => {
                if self.in_scope(Scope::Default, t.local) {
                    self.implied_end_tags(Other);
                    self.pop_until(t.local);
                    self.clear_to_marker();
                }
                Step::Done
            }
            Br => self.start_tag_in_body(TagTok { attrs: false, ..t }),
            _ => {
                self.end_tag_in_body(&t);
                Step::Done
            }
        }
    }

    fn text(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, _) => {
                self.insert_text(s);
                Step::Done
            }
            Tok::Eof => {
                self.pop();
                Step::Again(self.orig)
            }
            Tok::End(t) => {
                self.pop();
                self.mode = self.orig;
                if t.local == Local::Script {
                    self.yielded = true;
                }
                Step::Done
            }
            // (The tokenizer hands nothing else over in raw text.)
            _ => Step::Done,
        }
    }

    /// Processes a token "using the rules for the in body insertion mode" with foster parenting.
    fn foster_in_body(&mut self, tok: Tok) -> Step {
        self.foster = true;
        let step = self.in_body(tok);
        self.foster = false;
        step
    }

    fn in_table(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Null | Tok::Text(..) => {
                if self.current().is_some_and(|o| o.html(table_part)) {
                    self.orig = self.mode;
                    Step::Again(Mode::InTableText)
                } else {
                    self.foster_in_body(tok)
                }
            }
            Tok::Comment => {
                self.insert_comment();
                Step::Done
            }
            Tok::Start(t) => match t.local {
                Caption => {
                    self.clear_back_to(table_context);
                    self.active.push(Fmt::Marker);
                    self.insert(&t);
                    self.mode = Mode::InCaption;
                    Step::Done
                }
                Colgroup => {
                    self.clear_back_to(table_context);
                    self.insert(&t);
                    self.mode = Mode::InColumnGroup;
                    Step::Done
                }
                Col => {
                    self.clear_back_to(table_context);
                    self.insert_implied(Colgroup);
                    Step::Again(Mode::InColumnGroup)
                }
                Tbody | Tfoot | Thead => {
                    self.clear_back_to(table_context);
                    self.insert(&t);
                    self.mode = Mode::InTableBody;
                    Step::Done
                }
                Td | Th | Tr => {
                    self.clear_back_to(table_context);
                    self.insert_implied(Tbody);
                    Step::Again(Mode::InTableBody)
                }
                Table => {
                    if self.in_scope(Scope::Table, Table) {
                        self.pop_until(Table);
                        Step::Again(self.reset_mode())
                    } else {
                        Step::Done
                    }
                }
                Style | Script | Template => self.in_head(tok),
                Input => {
                    if self
                        .tok_attr(&t, AttrId::Type)
                        .is_some_and(|v| v.eq_ignore_ascii_case("hidden"))
                    {
                        self.insert_void(&t);
                        Step::Done
                    } else {
                        self.foster_in_body(tok)
                    }
                }
                Form => {
                    if !self.on_stack(Template) && self.form == NONE {
                        self.form = self.insert_void(&t);
                    }
                    Step::Done
                }
                _ => self.foster_in_body(tok),
            },
            Tok::End(t) => match t.local {
                Table => {
                    if self.in_scope(Scope::Table, Table) {
                        self.pop_until(Table);
                        self.mode = self.reset_mode();
                    }
                    Step::Done
                }
                Body | Caption | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr => {
                    Step::Done
                }
                Template => self.in_head(tok),
                _ => self.foster_in_body(tok),
            },
            Tok::Eof => self.in_body(tok),
        }
    }

    fn in_table_text(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Null => Step::Done,
            Tok::Text(s, _) => {
                self.pending.push(s);
                Step::Done
            }
            _ => {
                let pending = std::mem::take(&mut self.pending);
                let nonspace = pending
                    .iter()
                    .any(|&s| self.str(s).bytes().any(|c| !is_space(c)));
                for &s in &pending {
                    if nonspace {
                        self.foster_in_body(Tok::Text(s, Split::No));
                    } else {
                        self.insert_text(s);
                    }
                }
                // The buffer is kept for the next table text.
                self.pending = pending;
                self.pending.clear();
                Step::Again(self.orig)
            }
        }
    }

    fn in_caption(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Start(t)
                if matches!(
                    t.local,
                    Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr
                ) =>
            {
                self.close_caption(Step::Again(Mode::InTable))
            }
            Tok::End(t) if t.local == Table => self.close_caption(Step::Again(Mode::InTable)),
            Tok::End(t) if t.local == Caption => self.close_caption(Step::Done),
            Tok::End(t)
                if matches!(
                    t.local,
                    Body | Col | Colgroup | Html | Tbody | Td | Tfoot | Th | Thead | Tr
                ) =>
            {
                Step::Done
            }
            _ => self.in_body(tok),
        }
    }

    /// Closes the caption (when one is in table scope) and then `then`.
    fn close_caption(&mut self, then: Step) -> Step {
        if !self.in_scope(Scope::Table, Local::Caption) {
            return Step::Done;
        }
        self.implied_end_tags(Local::Other);
        self.pop_until(Local::Caption);
        self.clear_to_marker();
        self.mode = Mode::InTable;
        then
    }

    fn in_column_group(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Text(_, Split::No | Split::Space) | Tok::Comment => self.space_or_comment(tok),
            Tok::Start(t) if t.local == Html => self.in_body(tok),
            Tok::Start(t) if t.local == Col => {
                self.insert_void(&t);
                Step::Done
            }
            Tok::End(t) if t.local == Colgroup => {
                if self.current_is(Colgroup) {
                    self.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            Tok::End(t) if t.local == Col => Step::Done,
            Tok::Start(t) | Tok::End(t) if t.local == Template => self.in_head(tok),
            Tok::Eof => self.in_body(tok),
            _ => {
                if self.current_is(Colgroup) {
                    self.pop();
                    Step::Again(Mode::InTable)
                } else {
                    Step::Done
                }
            }
        }
    }

    fn in_table_body(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Start(t) if t.local == Tr => {
                self.clear_back_to(table_body_context);
                self.insert(&t);
                self.mode = Mode::InRow;
                Step::Done
            }
            Tok::Start(t) if matches!(t.local, Th | Td) => {
                self.clear_back_to(table_body_context);
                self.insert_implied(Tr);
                Step::Again(Mode::InRow)
            }
            Tok::End(t) if matches!(t.local, Tbody | Tfoot | Thead) => {
                if self.in_scope(Scope::Table, t.local) {
                    self.clear_back_to(table_body_context);
                    self.pop();
                    self.mode = Mode::InTable;
                }
                Step::Done
            }
            Tok::Start(t)
                if matches!(t.local, Caption | Col | Colgroup | Tbody | Tfoot | Thead) =>
            {
                self.close_table_body()
            }
            Tok::End(t) if t.local == Table => self.close_table_body(),
            Tok::End(t)
                if matches!(
                    t.local,
                    Body | Caption | Col | Colgroup | Html | Td | Th | Tr
                ) =>
            {
                Step::Done
            }
            _ => self.in_table(tok),
        }
    }

    /// Closes the table section and reprocesses the token "in table". html5ever asks for a
    /// `table`, `tbody` or `tfoot` in table scope (the standard: `tbody`, `thead` or `tfoot`).
    fn close_table_body(&mut self) -> Step {
        if !self.in_scope_where(Scope::Table, |o| {
            o.html(|l| matches!(l, Local::Table | Local::Tbody | Local::Tfoot))
        }) {
            return Step::Done;
        }
        self.clear_back_to(table_body_context);
        self.pop();
        Step::Again(Mode::InTable)
    }

    fn in_row(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Start(t) if matches!(t.local, Th | Td) => {
                self.clear_back_to(table_row_context);
                self.insert(&t);
                self.mode = Mode::InCell;
                self.active.push(Fmt::Marker);
                Step::Done
            }
            Tok::End(t) if t.local == Tr => {
                if self.in_scope(Scope::Table, Tr) {
                    self.clear_back_to(table_row_context);
                    self.pop();
                    self.mode = Mode::InTableBody;
                }
                Step::Done
            }
            Tok::Start(t)
                if matches!(
                    t.local,
                    Caption | Col | Colgroup | Tbody | Tfoot | Thead | Tr
                ) =>
            {
                self.close_row()
            }
            Tok::End(t) if t.local == Table => self.close_row(),
            Tok::End(t) if matches!(t.local, Tbody | Tfoot | Thead) => {
                if !self.in_scope(Scope::Table, t.local) {
                    return Step::Done;
                }
                self.close_row()
            }
            Tok::End(t) if matches!(t.local, Body | Caption | Col | Colgroup | Html | Td | Th) => {
                Step::Done
            }
            _ => self.in_table(tok),
        }
    }

    /// Closes the row (when one is in table scope) and reprocesses the token "in table body".
    fn close_row(&mut self) -> Step {
        if !self.in_scope(Scope::Table, Local::Tr) {
            return Step::Done;
        }
        self.clear_back_to(table_row_context);
        self.pop();
        Step::Again(Mode::InTableBody)
    }

    fn in_cell(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::End(t) if matches!(t.local, Td | Th) => {
                if self.in_scope(Scope::Table, t.local) {
                    self.implied_end_tags(Other);
                    self.pop_until(t.local);
                    self.clear_to_marker();
                    self.mode = Mode::InRow;
                }
                Step::Done
            }
            Tok::Start(t)
                if matches!(
                    t.local,
                    Caption | Col | Colgroup | Tbody | Td | Tfoot | Th | Thead | Tr
                ) =>
            {
                if self.in_scope_where(Scope::Table, |o| o.is(Td) || o.is(Th)) {
                    self.close_cell();
                    Step::Again(Mode::InRow)
                } else {
                    Step::Done
                }
            }
            Tok::End(t) if matches!(t.local, Body | Caption | Col | Colgroup | Html) => Step::Done,
            Tok::End(t) if matches!(t.local, Table | Tbody | Tfoot | Thead | Tr) => {
                if self.in_scope(Scope::Table, t.local) {
                    self.close_cell();
                    Step::Again(Mode::InRow)
                } else {
                    Step::Done
                }
            }
            _ => self.in_body(tok),
        }
    }

    fn close_cell(&mut self) {
        self.implied_end_tags(Local::Other);
        self.pop_until_where(|l| matches!(l, Local::Td | Local::Th));
        self.clear_to_marker();
    }

    fn in_template(&mut self, tok: Tok) -> Step {
        use Local::*;
        let switch = |b: &mut Self, mode: Mode| {
            b.templates.pop();
            b.templates.push(mode);
            Step::Again(mode)
        };
        match tok {
            Tok::Text(..) | Tok::Comment => self.in_body(tok),
            Tok::Start(t) => match t.local {
                Base | Basefont | Bgsound | Link | Meta | Noframes | Script | Style | Template
                | Title => self.in_head(tok),
                Caption | Colgroup | Tbody | Tfoot | Thead => switch(self, Mode::InTable),
                Col => switch(self, Mode::InColumnGroup),
                Tr => switch(self, Mode::InTableBody),
                Td | Th => switch(self, Mode::InRow),
                _ => switch(self, Mode::InBody),
            },
            Tok::End(t) if t.local == Template => self.in_head(tok),
            Tok::Eof => {
                if !self.on_stack(Template) {
                    return Step::Done;
                }
                self.pop_until(Template);
                self.clear_to_marker();
                self.templates.pop();
                let mode = self.reset_mode();
                self.mode = mode;
                Step::Again(mode)
            }
            _ => Step::Done,
        }
    }

    fn after_body(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(_, Split::Space) => self.in_body(tok),
            Tok::Comment => self.comment_in(self.stack.first().map_or(0, |o| o.id)),
            Tok::Start(t) if t.local == Local::Html => self.in_body(tok),
            Tok::End(t) if t.local == Local::Html => {
                self.mode = Mode::AfterAfterBody;
                Step::Done
            }
            Tok::Eof => Step::Done,
            _ => Step::Again(Mode::InBody),
        }
    }

    fn in_frameset(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Text(_, Split::No | Split::Space) | Tok::Comment => self.space_or_comment(tok),
            Tok::Start(t) => match t.local {
                Html => self.in_body(tok),
                Frameset => {
                    self.insert(&t);
                    Step::Done
                }
                Frame => {
                    self.insert_void(&t);
                    Step::Done
                }
                Noframes => self.in_head(tok),
                _ => Step::Done,
            },
            Tok::End(t) if t.local == Frameset => {
                if self.stack.len() > 1 {
                    self.pop();
                    if !self.current_is(Frameset) {
                        self.mode = Mode::AfterFrameset;
                    }
                }
                Step::Done
            }
            _ => Step::Done,
        }
    }

    fn after_frameset(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(_, Split::No | Split::Space) | Tok::Comment => self.space_or_comment(tok),
            Tok::Start(t) if t.local == Local::Html => self.in_body(tok),
            Tok::End(t) if t.local == Local::Html => {
                self.mode = Mode::AfterAfterFrameset;
                Step::Done
            }
            Tok::Start(t) if t.local == Local::Noframes => self.in_head(tok),
            _ => Step::Done,
        }
    }

    fn after_after_body(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(_, Split::Space) => self.in_body(tok),
            Tok::Comment => self.comment_in(0),
            Tok::Start(t) if t.local == Local::Html => self.in_body(tok),
            Tok::Eof => Step::Done,
            _ => Step::Again(Mode::InBody),
        }
    }

    fn after_after_frameset(&mut self, tok: Tok) -> Step {
        match tok {
            Tok::Text(s, Split::No) => Step::Split(s),
            Tok::Text(_, Split::Space) => self.in_body(tok),
            Tok::Comment => self.comment_in(0),
            Tok::Start(t) if t.local == Local::Html => self.in_body(tok),
            Tok::Start(t) if t.local == Local::Noframes => self.in_head(tok),
            _ => Step::Done,
        }
    }

    // ---- Foreign content (§13.2.6.5).

    /// Whether `tok` goes to the rules for foreign content (the dispatcher's test, §13.2.6).
    fn is_foreign(&self, tok: &Tok) -> bool {
        if matches!(tok, Tok::Eof) {
            return false;
        }
        let Some(cur) = self.current() else {
            return false;
        };
        if cur.ns == Ns::Html {
            return false;
        }
        let chars = matches!(tok, Tok::Text(..) | Tok::Null);
        let start = match tok {
            Tok::Start(t) => Some(t.local),
            _ => None,
        };
        if cur.mathml_text_integration_point()
            && (chars || start.is_some_and(|l| !matches!(l, Local::Mglyph | Local::Malignmark)))
        {
            return false;
        }
        if cur.svg_integration_point() && (chars || start.is_some()) {
            return false;
        }
        if cur.ns == Ns::MathMl && cur.local == Local::AnnotationXml {
            if start == Some(Local::Svg) {
                return false;
            }
            if chars || start.is_some() {
                return !cur.integration;
            }
        }
        true
    }

    fn foreign(&mut self, tok: Tok) -> Step {
        use Local::*;
        match tok {
            Tok::Null => {
                self.insert_text(Str::Static("\u{fffd}"));
                Step::Done
            }
            Tok::Text(s, _) => {
                if self.frameset_ok && self.str(s).bytes().any(|c| !is_space(c)) {
                    self.frameset_ok = false;
                }
                self.insert_text(s);
                Step::Done
            }
            Tok::Comment => {
                self.insert_comment();
                Step::Done
            }
            Tok::Start(t) => {
                let breaks_out = match t.local {
                    B | Big | Blockquote | Body | Br | Center | Code | Dd | Div | Dl | Dt | Em
                    | Embed | H1 | H2 | H3 | H4 | H5 | H6 | Head | Hr | I | Img | Li | Listing
                    | Menu | Meta | Nobr | Ol | P | Pre | Ruby | S | Small | Span | Strong
                    | Strike | Sub | Sup | Table | Tt | U | Ul | Var => true,
                    Font => {
                        self.tok_attr(&t, AttrId::Color).is_some()
                            || self.tok_attr(&t, AttrId::Face).is_some()
                            || self.tok_attr(&t, AttrId::Size).is_some()
                    }
                    _ => false,
                };
                if breaks_out {
                    return self.break_out(tok);
                }
                let ns = self.current().map_or(Ns::Html, |o| o.ns);
                self.insert_foreign(&t, ns);
                Step::Done
            }
            Tok::End(t) if matches!(t.local, Br | P) => self.break_out(tok),
            Tok::End(t) => {
                let mut i = self.stack.len();
                let mut first = true;
                while i > 1 {
                    i -= 1;
                    let Some(o) = self.stack.get(i).copied() else {
                        break;
                    };
                    if !first && o.ns == Ns::Html {
                        return self.step(self.mode, tok);
                    }
                    if self
                        .str(self.dom.data(o.id))
                        .eq_ignore_ascii_case(self.str(t.name))
                    {
                        self.stack.truncate(i);
                        return Step::Done;
                    }
                    first = false;
                }
                Step::Done
            }
            Tok::Eof => Step::Done,
        }
    }

    /// A start tag (or `</br>`, `</p>`) that ends foreign content: pops to an HTML element or an
    /// integration point, and processes the token by the current insertion mode.
    fn break_out(&mut self, tok: Tok) -> Step {
        while self.current().is_some_and(|o| {
            !(o.ns == Ns::Html || o.mathml_text_integration_point() || o.svg_integration_point())
        }) {
            self.pop();
        }
        self.step(self.mode, tok)
    }
}

fn table_context(l: Local) -> bool {
    matches!(l, Local::Table | Local::Template | Local::Html)
}

fn table_body_context(l: Local) -> bool {
    matches!(
        l,
        Local::Tbody | Local::Tfoot | Local::Thead | Local::Template | Local::Html
    )
}

fn table_row_context(l: Local) -> bool {
    matches!(l, Local::Tr | Local::Template | Local::Html)
}

/// Whether a `content` attribute names a character encoding (the standard's "algorithm for
/// extracting a character encoding from a meta element", §2.7.?: `charset`, optional spaces, `=`
/// and a value), as html5ever tests it.
fn content_names_encoding(content: &str) -> bool {
    let b = content.as_bytes();
    let mut i = 0;
    loop {
        let Some(p) = super::markup::find_ci(b.get(i..).unwrap_or_default(), b"charset") else {
            return false;
        };
        i += p + "charset".len();
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        if b.get(i) == Some(&b'=') {
            break;
        }
    }
    i += 1;
    while b.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    match b.get(i) {
        None => false,
        Some(&q) if q == b'"' || q == b'\'' => b.get(i + 1..).is_some_and(|r| r.contains(&q)),
        Some(_) => true,
    }
}

/// The SVG element names with capitals (§13.2.6.5, "adjust SVG tag names"): the name for a
/// lower-case one.
fn svg_tag_name(lower: &str) -> Option<&'static str> {
    const NAMES: &[&str] = &[
        "altGlyph",
        "altGlyphDef",
        "altGlyphItem",
        "animateColor",
        "animateMotion",
        "animateTransform",
        "clipPath",
        "feBlend",
        "feColorMatrix",
        "feComponentTransfer",
        "feComposite",
        "feConvolveMatrix",
        "feDiffuseLighting",
        "feDisplacementMap",
        "feDistantLight",
        "feDropShadow",
        "feFlood",
        "feFuncA",
        "feFuncB",
        "feFuncG",
        "feFuncR",
        "feGaussianBlur",
        "feImage",
        "feMerge",
        "feMergeNode",
        "feMorphology",
        "feOffset",
        "fePointLight",
        "feSpecularLighting",
        "feSpotLight",
        "feTile",
        "feTurbulence",
        "foreignObject",
        "glyphRef",
        "linearGradient",
        "radialGradient",
        "textPath",
    ];
    NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(lower))
        .copied()
}

/// The SVG attribute names with capitals (§13.2.6.1, "adjust SVG attributes").
const SVG_ATTRS: &[&str] = &[
    "attributeName",
    "attributeType",
    "baseFrequency",
    "baseProfile",
    "calcMode",
    "clipPathUnits",
    "diffuseConstant",
    "edgeMode",
    "filterUnits",
    "glyphRef",
    "gradientTransform",
    "gradientUnits",
    "kernelMatrix",
    "kernelUnitLength",
    "keyPoints",
    "keySplines",
    "keyTimes",
    "lengthAdjust",
    "limitingConeAngle",
    "markerHeight",
    "markerUnits",
    "markerWidth",
    "maskContentUnits",
    "maskUnits",
    "numOctaves",
    "pathLength",
    "patternContentUnits",
    "patternTransform",
    "patternUnits",
    "pointsAtX",
    "pointsAtY",
    "pointsAtZ",
    "preserveAlpha",
    "preserveAspectRatio",
    "primitiveUnits",
    "refX",
    "refY",
    "repeatCount",
    "repeatDur",
    "requiredExtensions",
    "requiredFeatures",
    "specularConstant",
    "specularExponent",
    "spreadMethod",
    "startOffset",
    "stdDeviation",
    "stitchTiles",
    "surfaceScale",
    "systemLanguage",
    "tableValues",
    "targetX",
    "targetY",
    "textLength",
    "viewBox",
    "viewTarget",
    "xChannelSelector",
    "yChannelSelector",
    "zoomAndPan",
];

/// Adjusts an attribute of an element in `ns` (§13.2.6.1: "adjust MathML attributes", "adjust SVG
/// attributes", "adjust foreign attributes").
fn adjust_foreign_attr(a: &mut Attr, ns: Ns, strings: Strings) {
    let name = strings.get(a.name);
    if ns == Ns::Svg {
        if let Some(n) = SVG_ATTRS.iter().find(|n| n.eq_ignore_ascii_case(name)) {
            a.name = Str::Static(n);
            return;
        }
    }
    if ns == Ns::MathMl && name == "definitionurl" {
        a.name = Str::Static("definitionURL");
        return;
    }
    let (attr_ns, local) = match name {
        "xlink:actuate" => (AttrNs::XLink, "actuate"),
        "xlink:arcrole" => (AttrNs::XLink, "arcrole"),
        "xlink:href" => (AttrNs::XLink, "href"),
        "xlink:role" => (AttrNs::XLink, "role"),
        "xlink:show" => (AttrNs::XLink, "show"),
        "xlink:title" => (AttrNs::XLink, "title"),
        "xlink:type" => (AttrNs::XLink, "type"),
        "xml:lang" => (AttrNs::Xml, "lang"),
        "xml:space" => (AttrNs::Xml, "space"),
        "xmlns" => (AttrNs::Xmlns, "xmlns"),
        "xmlns:xlink" => (AttrNs::Xmlns, "xlink"),
        _ => return,
    };
    a.ns = attr_ns;
    a.name = Str::Static(local);
    a.id = AttrId::of(local.as_bytes());
}

/// Whether a DOCTYPE sets quirks mode (§13.2.6.4.1, "the initial insertion mode"; the limited
/// quirks mode changes nothing tree construction does). Identifiers compare ASCII
/// case-insensitively.
pub(crate) fn quirks(
    name: Option<&str>,
    public: Option<&str>,
    system: Option<&str>,
    force_quirks: bool,
) -> bool {
    // The public identifiers that start quirks mode by their beginning. (html5ever leaves out
    // the standard's "+//Silmaril//dtd html Pro v0r11 19970101//"; so do we.)
    const PREFIXES: &[&str] = &[
        "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
        "-//as//dtd html 3.0 aswedit + extensions//",
        "-//ietf//dtd html 2.0 level 1//",
        "-//ietf//dtd html 2.0 level 2//",
        "-//ietf//dtd html 2.0 strict level 1//",
        "-//ietf//dtd html 2.0 strict level 2//",
        "-//ietf//dtd html 2.0 strict//",
        "-//ietf//dtd html 2.0//",
        "-//ietf//dtd html 2.1e//",
        "-//ietf//dtd html 3.0//",
        "-//ietf//dtd html 3.2 final//",
        "-//ietf//dtd html 3.2//",
        "-//ietf//dtd html 3//",
        "-//ietf//dtd html level 0//",
        "-//ietf//dtd html level 1//",
        "-//ietf//dtd html level 2//",
        "-//ietf//dtd html level 3//",
        "-//ietf//dtd html strict level 0//",
        "-//ietf//dtd html strict level 1//",
        "-//ietf//dtd html strict level 2//",
        "-//ietf//dtd html strict level 3//",
        "-//ietf//dtd html strict//",
        "-//ietf//dtd html//",
        "-//metrius//dtd metrius presentational//",
        "-//microsoft//dtd internet explorer 2.0 html strict//",
        "-//microsoft//dtd internet explorer 2.0 html//",
        "-//microsoft//dtd internet explorer 2.0 tables//",
        "-//microsoft//dtd internet explorer 3.0 html strict//",
        "-//microsoft//dtd internet explorer 3.0 html//",
        "-//microsoft//dtd internet explorer 3.0 tables//",
        "-//netscape comm. corp.//dtd html//",
        "-//netscape comm. corp.//dtd strict html//",
        "-//o'reilly and associates//dtd html 2.0//",
        "-//o'reilly and associates//dtd html extended 1.0//",
        "-//o'reilly and associates//dtd html extended relaxed 1.0//",
        "-//sq//dtd html 2.0 hotmetal + extensions//",
        "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
        "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
        "-//spyglass//dtd html 2.0 extended//",
        "-//sun microsystems corp.//dtd hotjava html//",
        "-//sun microsystems corp.//dtd hotjava strict html//",
        "-//w3c//dtd html 3 1995-03-24//",
        "-//w3c//dtd html 3.2 draft//",
        "-//w3c//dtd html 3.2 final//",
        "-//w3c//dtd html 3.2//",
        "-//w3c//dtd html 3.2s draft//",
        "-//w3c//dtd html 4.0 frameset//",
        "-//w3c//dtd html 4.0 transitional//",
        "-//w3c//dtd html experimental 19960712//",
        "-//w3c//dtd html experimental 970421//",
        "-//w3c//dtd w3 html//",
        "-//w3o//dtd w3 html 3.0//",
        "-//webtechs//dtd mozilla html 2.0//",
        "-//webtechs//dtd mozilla html//",
    ];
    let starts = |s: &str, p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if force_quirks || name != Some("html") {
        return true;
    }
    if let Some(p) = public {
        if [
            "-//w3o//dtd w3 html strict 3.0//en//",
            "-/w3c/dtd html 4.0 transitional/en",
            "html",
        ]
        .iter()
        .any(|q| p.eq_ignore_ascii_case(q))
        {
            return true;
        }
    }
    if system.is_some_and(|s| {
        s.eq_ignore_ascii_case("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd")
    }) {
        return true;
    }
    let Some(p) = public else {
        return false;
    };
    if PREFIXES.iter().any(|q| starts(p, q)) {
        return true;
    }
    // Limited quirks for these two XHTML 1.0 identifiers.
    if [
        "-//w3c//dtd xhtml 1.0 frameset//",
        "-//w3c//dtd xhtml 1.0 transitional//",
    ]
    .iter()
    .any(|q| starts(p, q))
    {
        return false;
    }
    system.is_none()
        && [
            "-//w3c//dtd html 4.01 frameset//",
            "-//w3c//dtd html 4.01 transitional//",
        ]
        .iter()
        .any(|q| starts(p, q))
}

/// Our tree against html5ever's (`oracle.rs`): generated pages of tricky pieces
/// (`markup::tests::PIECES`) and, when the evaluation data is there, every real page.
#[cfg(test)]
mod differential {
    use super::super::dom::Dom;
    use super::super::markup::tests::{random_pages, tree};
    use super::super::oracle;
    use super::super::treedump::render;

    /// None when the two trees are the same (or html5ever panics); else where they part.
    fn differ(src: &str) -> Option<String> {
        let theirs = render(&oracle::parse(src)?, true);
        let ours = render(&Dom::parse(src).items(), true);
        if ours == theirs {
            return None;
        }
        let at = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
        Some(format!(
            "ours:   {:?}\ntheirs: {:?}",
            ours.get(at.saturating_sub(2)..(at + 3).min(ours.len())),
            theirs.get(at.saturating_sub(2)..(at + 3).min(theirs.len()))
        ))
    }

    fn rounds() -> usize {
        std::env::var("NEWSCLEAN_DIFF_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(5000)
    }

    /// Pieces that stress tree construction: misnested formatting, tables with stray content,
    /// nested forms, select, templates, SVG and MathML with their integration points, head
    /// content in the body, lists, headings, ruby, raw text elements.
    const TREE_PIECES: &[&str] = &[
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<b><i>",
        "<a href=1>",
        "<a href=2>",
        "</a>",
        "<nobr>",
        "</nobr>",
        "<font>",
        "</font>",
        "<u><s><em>",
        "</em></s></u>",
        "<strong class=x>",
        "<strong class=x>",
        "</strong>",
        "<code>",
        "<table>",
        "</table>",
        "<tbody>",
        "<thead>",
        "<tfoot>",
        "</tbody>",
        "</thead>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "</th>",
        "<caption>",
        "</caption>",
        "<colgroup><col>",
        "</colgroup>",
        "<col span=2>",
        "x<table>y",
        "<table><b>x",
        "<table><input type=hidden>",
        "<table><input type=text>",
        "<table><form>",
        "<table>\n <tr> ",
        "<table><!--c-->",
        "<table><select><option>",
        "<table><style>s</style>",
        "<table><script>s</script>",
        "<table><template>t</template>",
        "<form>",
        "</form>",
        "<form id=f2>",
        "<select>",
        "</select>",
        "<optgroup>",
        "</optgroup>",
        "<option>",
        "</option>",
        "<hr>",
        "<input>",
        "<keygen>",
        "<template>",
        "</template>",
        "<template><tr><td>",
        "<template><col>",
        "<template><caption>",
        "<svg>",
        "<math>",
        "<foreignObject>",
        "<desc>",
        "<mi>",
        "<mo>",
        "<mtext>",
        "<ms>",
        "<annotation-xml encoding=text/html>",
        "<annotation-xml encoding=application/xhtml+xml>",
        "<annotation-xml>",
        "<mglyph>",
        "<malignmark>",
        "<svg><clippath>",
        "<svg xlink:href=x xml:lang=y xmlns:xlink=z xmlns=w>",
        "<math definitionurl=u>",
        "<svg viewbox=1 CLIPPATHUNITS=2>",
        "</foreignobject>",
        "</desc>",
        "</mi>",
        "<font color=r>",
        "<font face=f>",
        "</p>",
        "</br>",
        "<svg/>",
        "<math/>",
        "<svg><p>",
        "<math><b>",
        "<svg><script>s</script>",
        "<meta charset=utf-8>",
        "<meta http-equiv=content-type content='text/html; charset=x'>",
        "<link rel=x>",
        "<base href=x>",
        "<title>t</title>",
        "<style>s</style>",
        "<head>",
        "</head>",
        "<body>",
        "<body class=b2>",
        "<html>",
        "<html class=h2>",
        "<li>",
        "</li>",
        "<dd>",
        "<dt>",
        "</dd>",
        "<dl>",
        "<ol>",
        "<button>",
        "</button>",
        "<p>",
        "<h1>",
        "<h2>",
        "</h1>",
        "</h3>",
        "<pre>\n",
        "<listing>\n",
        "<ruby><rb>",
        "<rt>",
        "<rp>",
        "<rtc>",
        "</ruby>",
        "<applet>",
        "<marquee>",
        "</marquee>",
        "<object>",
        "</object>",
        "<image src=x>",
        "<isindex>",
        "<xmp>x</xmp>",
        "<iframe>x</iframe>",
        "<noembed>x</noembed>",
        "<noscript>x</noscript>",
        "<textarea>\nx</textarea>",
        "<address>",
        "<div>",
        "</div>",
        "<center>",
        "<main>",
        "<search>",
        "</search>",
        "<dialog>",
        "<details><summary>",
        "</sarcasm>",
        "<x-custom>",
        "</x-custom>",
        "<area>",
        "<wbr>",
        "<embed>",
        "<param>",
        "<source>",
        "<track>",
        "<menu>",
        "</menu>",
        "<span>",
        "</span>",
        "word ",
        " ",
        "\n",
        "\0",
        "&amp;",
        "<!--c-->",
        "<!DOCTYPE html>",
        "<a\0>",
        "</a\0>",
        "<B\0B>",
        "<p cl\0ass=x CLASS=y>",
    ];

    /// Frameset pieces, in pages of their own.
    const FRAMESET_PIECES: &[&str] = &[
        "<frameset>",
        "</frameset>",
        "<frame>",
        "<noframes>n</noframes>",
        "</html>",
        "<html>",
        " ",
        "\n",
        "x",
        "a b",
        "<!--c-->",
        "<p>",
        "<head>",
        "<body>",
    ];

    #[test]
    fn builds_the_tree_html5ever_builds() {
        for (round, src) in random_pages(0x9e37_79b9_7f4a_7c15)
            .take(rounds())
            .enumerate()
        {
            if let Some(e) = differ(&src) {
                panic!("round {round}: {src:?}\n{e}");
            }
        }
    }

    #[test]
    fn builds_the_tree_html5ever_builds_from_tree_pieces() {
        use super::super::markup::tests::{pages_of, PIECES};
        let pages = pages_of(&[TREE_PIECES, TREE_PIECES, PIECES], 0x2f7a_3c1d_9b45_e681);
        for (round, src) in pages.take(rounds()).enumerate() {
            if let Some(e) = differ(&src) {
                panic!("round {round}: {src:?}\n{e}");
            }
        }
        let pages = pages_of(&[FRAMESET_PIECES], 0x51d0_8e2b_77c3_a419);
        for (round, src) in pages.take(rounds() / 5).enumerate() {
            if let Some(e) = differ(&src) {
                panic!("frameset round {round}: {src:?}\n{e}");
            }
        }
    }

    #[test]
    fn quirks_as_html5ever_sets_them() {
        // In quirks mode a table does not close an open paragraph.
        let ids = [
            "",
            " PUBLIC \"-//W3O//DTD W3 HTML Strict 3.0//EN//\"",
            " PUBLIC \"HTML\"",
            " SYSTEM \"http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd\"",
            " PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"",
            " PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"x\"",
            " PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"",
            " PUBLIC \"+//Silmaril//dtd html Pro v0r11 19970101//\"",
            " PUBLIC \"-//IETF//DTD HTML 2.0 Level 1//x\"",
            " PUBLIC \"-//WebTechs//DTD Mozilla HTML//\"",
            " PUBLIC \"-//W3C//DTD HTML 3.2S Draft//\"",
        ];
        for id in ids {
            for name in ["html", "HTML", "svg"] {
                let src = format!("<!DOCTYPE {name}{id}><p>a<table><tr><td>b</table>");
                assert_eq!(differ(&src), None, "{src}");
            }
        }
        let no_doctype = Dom::parse("<p>a<table></table>");
        let table = (0..no_doctype.nodes.len())
            .find(|&i| no_doctype.at(i).tag() == "table")
            .unwrap();
        assert_eq!(no_doctype.at(no_doctype.at(table).parent).tag(), "p");
    }

    /// The pages of `set` (gzipped ones through `gzip -dc`), when the evaluation data is there
    /// (it is not part of the repository).
    pub(crate) fn real_pages(set: &str) -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/eval")
            .join(set)
            .join("html");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        paths
            .into_iter()
            .filter_map(|p| {
                let bytes = if p.extension().is_some_and(|e| e == "gz") {
                    std::process::Command::new("gzip")
                        .arg("-dc")
                        .arg(&p)
                        .output()
                        .ok()?
                        .stdout
                } else {
                    std::fs::read(&p).ok()?
                };
                Some((
                    p.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ))
            })
            .collect()
    }

    #[test]
    fn builds_the_tree_html5ever_builds_on_real_pages() {
        let mut pages = 0;
        for set in [
            "articles-dev",
            "trafilatura-dev",
            "wcxb-dev",
            "page-types-dev",
        ] {
            for (path, page) in real_pages(set) {
                if let Some(e) = differ(&page) {
                    panic!("{path}:\n{e}");
                }
                // Trimmed, the tree is the same but for what the walk never reads.
                let Some(theirs) = oracle::parse(&page) else {
                    continue;
                };
                let (a, b) = (
                    tree(&Dom::parse_trimmed_drifting(&page).items()),
                    tree(&theirs),
                );
                let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
                assert!(
                    a == b,
                    "{path} trimmed: {:?} / {:?}",
                    a.get(at.saturating_sub(1)..(at + 2).min(a.len())),
                    b.get(at.saturating_sub(1)..(at + 2).min(b.len()))
                );
                pages += 1;
            }
        }
        eprintln!("{pages} pages compared");
    }
}

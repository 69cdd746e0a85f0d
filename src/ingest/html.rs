//! HTML to blocks. The page is parsed by our tokenizer and tree builder (the WHATWG parsing
//! algorithm, so broken markup becomes the tree a browser would build; the tree html5ever builds,
//! which the tests compare it with) into a compact arena ([`dom`]), then walked once,
//! iteratively (no recursion, so any nesting depth is fine), to
//! - emit the same [`Block`]s as the text path, with a kind (heading, list item, quote, caption,
//!   table row, preformatted) and structural features (link density, the boilerplate kind the
//!   markup names, the block's container, whether it is inside article markup);
//! - collect metadata ([`meta`]): title, authors, date, site name, language, canonical URL;
//! - score containers for the main content, after Readability.js (Mozilla; Arc90's original):
//!   each paragraph of 25+ characters gives `1 + commas + min(chars / 100, 3)` to its parent, half
//!   to its grandparent and a third of that further up, on top of a tag prior and a ±25 class
//!   weight; a container's score is scaled by `1 - link density`. The best container, moved up
//!   while its parent scores better, and its siblings that score at least a fifth of it, form the
//!   main content. Elements whose markup names boilerplate (nav, footer, comments, related…) are
//!   left out of the scoring first, as trafilatura prunes them before extraction (Barbaresi 2021),
//!   and only let back in when nothing else is found. Rows of a data table (no sentence in them)
//!   do not score; when three of the other four best candidates score three quarters of the top
//!   one, their common ancestor is the main content (an article cut into sections), as in
//!   Readability.js; a paragraph that is all the text of an element framing a picture is a caption.
//!
//! Dropped outright: `script`, `style`, `template`, `noscript`, `svg`, `math`, embedded content,
//! form controls and elements hidden by `hidden`, `aria-hidden="true"`, an inline
//! `display:none` / `visibility:hidden`, or a screen-reader-only class. `noscript` is dropped because
//! the parser runs with scripting on (as browsers do), so its content is a raw-text fallback (mostly
//! "enable JavaScript" notices and duplicate image tags), never the article.

mod dom;
#[rustfmt::skip]
mod entities;
mod hints;
mod markup;
mod names;
#[cfg(test)]
mod oracle;
mod spans;
mod tokenizer;
mod treebuilder;
#[cfg(any(test, fuzzing))]
mod treedump;

pub(crate) use tokenizer::decode_char_refs;

use crate::article::{BlockKind, Reason, Span};
use crate::block::{Block, DomFeatures};
use crate::meta::{self, Meta};
use dom::{Dom, Kind, Ns, NONE};
use names::{Local, A};

/// What the HTML ingest gives the pipeline.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// The blocks, in document order.
    pub blocks: Vec<Block>,
    /// Page metadata.
    pub meta: Meta,
    /// Non-space characters of visible text, and how many of them are inside links.
    pub chars: usize,
    /// See `chars`.
    pub link_chars: usize,
}

const NO: u32 = u32::MAX;

/// Facts about one element, by pre-order ordinal.
#[derive(Clone, Debug)]
struct El {
    parent: u32,
    /// Ordinal of the last element in its subtree.
    last: u32,
    chars: u32,
    link_chars: u32,
    tag: Tag,
    /// Characters of blocks whose innermost block element this is (text directly inside).
    direct: u32,
    hint: Option<Reason>,
    weight: f32,
    same_class: u64,
}

/// Tags that matter to scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Tag {
    Div,
    P,
    Pre,
    Td,
    Quote,
    ListLike,
    Heading,
    Body,
    /// An image (`img`, `picture`).
    Media,
    Other,
}

impl Tag {
    fn prior(self) -> f32 {
        match self {
            Tag::Div => 5.0,
            Tag::Pre | Tag::Td | Tag::Quote => 3.0,
            Tag::ListLike => -3.0,
            Tag::Heading => -5.0,
            _ => 0.0,
        }
    }
}

/// What a paragraph block gives to the main-content scoring.
#[derive(Clone, Debug)]
struct Info {
    /// Ordinal of the block's innermost block-level element.
    container: u32,
    /// Its ancestors, nearest first (up to five).
    anc: [u32; 5],
    /// Readability's content score of the paragraph (0 when it does not count).
    score: f32,
    /// The nearest ancestor-or-self whose markup names a boilerplate kind.
    hint_el: u32,
    hint: Option<Reason>,
}

/// A walk frame: one open element.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// An open link: (flush generation, start in the pending text, index in `hrefs`).
    link_open: Option<(u64, usize, usize)>,
    /// Heading level of the innermost heading.
    level: u8,
    /// This element is a link (`<a href>`).
    is_link: bool,
    el: u32,
    /// Ordinal of the innermost block-level element (this one or an ancestor).
    block_el: u32,
    hint_el: u32,
    hint: Option<Reason>,
    article: bool,
    link: bool,
    pre: bool,
    kind: BlockKind,
    block_level: bool,
    chars_at_enter: usize,
    links_at_enter: usize,
}

/// The block being filled.
#[derive(Default)]
struct Pending {
    text: String,
    chars: usize,
    link_chars: usize,
    start: Option<usize>,
    end: usize,
    links: Vec<(Span, String)>,
}

struct Walker<'a> {
    dom: &'a Dom<'a>,
    loc: spans::Locator<'a>,
    els: Vec<El>,
    infos: Vec<Info>,
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    pending: Pending,
    meta: Meta,
    chars: usize,
    link_chars: usize,
    hrefs: Vec<String>,
    generation: u64,
    scan_cache: crate::normalize::FastMap<u64, hints::Scan>,
}

/// Fuzzing support: our tree of `src` as lines (`treedump::render`), text with its line when
/// `lines`.
#[cfg(fuzzing)]
pub(crate) fn tree_lines(src: &str, lines: bool) -> Vec<String> {
    treedump::render(&Dom::parse(src).items(), lines)
}

/// Parses `input` as an HTML document and turns it into blocks (main content marked) and metadata.
#[cfg(test)]
pub(crate) fn parse(input: &str) -> Page {
    parse_at(input, None)
}

/// [`parse`] for a page found at `url` (the caller's word for it; the page's own canonical URL
/// comes first).
pub(crate) fn parse_at(input: &str, url: Option<&str>) -> Page {
    let dom = Dom::parse_trimmed(input);
    let mut w = Walker {
        dom: &dom,
        loc: spans::Locator::new(input),
        els: Vec::new(),
        infos: Vec::new(),
        blocks: Vec::new(),
        frames: Vec::new(),
        pending: Pending::default(),
        meta: Meta::at(url),
        chars: 0,
        link_chars: 0,
        hrefs: Vec::new(),
        generation: 0,
        scan_cache: crate::normalize::FastMap::default(),
    };
    w.walk();
    w.flush();
    let Walker {
        els,
        infos,
        mut blocks,
        mut meta,
        chars,
        link_chars,
        ..
    } = w;
    let title_key = meta.head_title().map(|t| crate::normalize::key(&t));
    let title_el = title_key.as_deref().and_then(|t| {
        blocks
            .iter()
            .zip(&infos)
            .find(|(b, _)| b.kind == BlockKind::Heading && meta::title_matches(t, &b.text))
            .map(|(_, i)| i.container)
    });
    mark_main(&els, &infos, &mut blocks, title_el);
    meta.read_blocks(&mut blocks);
    Page {
        blocks,
        meta,
        chars,
        link_chars,
    }
}

/// What the walk reads from an HTML element's name (`skipped`, `block_level`, `tag_class`).
#[derive(Clone, Copy, Debug, PartialEq)]
struct TagInfo {
    skipped: bool,
    block_level: bool,
    class: Tag,
}

impl TagInfo {
    fn of(tag: &str) -> TagInfo {
        TagInfo {
            skipped: skipped(tag),
            block_level: block_level(tag),
            class: tag_class(tag),
        }
    }
}

/// The `TagInfo` of an HTML element named `tag` (`local` for the names tree construction knows:
/// looked up in a table made once from the same functions).
fn tag_info(local: Local, tag: &str) -> TagInfo {
    static TABLE: std::sync::LazyLock<Vec<TagInfo>> =
        std::sync::LazyLock::new(|| Local::ALL.iter().map(|l| TagInfo::of(l.name())).collect());
    match TABLE.get(local as usize) {
        Some(&info) if local != Local::Other => info,
        _ => TagInfo::of(tag),
    }
}

/// Tags whose subtree is never text of the page.
fn skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "datalist"
            | "svg"
            | "math"
            | "map"
    )
}

/// Tags that start and end a block.
fn block_level(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "ul"
            | "caption"
            | "legend"
            | "img"
    )
}

fn tag_class(tag: &str) -> Tag {
    match tag {
        "div" | "article" | "section" | "main" => Tag::Div,
        "p" => Tag::P,
        "pre" => Tag::Pre,
        "td" => Tag::Td,
        "blockquote" => Tag::Quote,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => Tag::ListLike,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => Tag::Heading,
        "body" => Tag::Body,
        "img" | "picture" => Tag::Media,
        _ => Tag::Other,
    }
}

/// An inline `style` that hides the element.
fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Classes that hide an element from sight (screen-reader-only text).
fn class_hides(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| {
        let mut buf = [0u8; 18];
        matches!(
            markup::ascii_lower(c.as_bytes(), &mut buf),
            b"sr-only"
                | b"visually-hidden"
                | b"visuallyhidden"
                | b"screen-reader-text"
                | b"screenreader-only"
                | b"hidden"
                | b"hide"
                | b"is-hidden"
                | b"u-hidden"
                | b"offscreen"
        )
    })
}

/// Calls `f` with each run of non-whitespace in `t` (as `str::split_whitespace` splits) and its
/// length in chars; ASCII bytes are judged without decoding.
fn for_each_run(t: &str, mut f: impl FnMut(&str, usize)) {
    let b = t.as_bytes();
    let (mut i, mut start, mut chars) = (0, 0, 0);
    while let Some(&c) = b.get(i) {
        let (space, len) = if c.is_ascii() {
            (
                matches!(c, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' '),
                1,
            )
        } else {
            let ch = t.get(i..).and_then(|r| r.chars().next()).unwrap_or('x');
            (ch.is_whitespace(), ch.len_utf8())
        };
        if space {
            if chars > 0 {
                f(t.get(start..i).unwrap_or_default(), chars);
            }
            chars = 0;
        } else {
            if chars == 0 {
                start = i;
            }
            chars += 1;
        }
        i += len;
    }
    if chars > 0 {
        f(t.get(start..).unwrap_or_default(), chars);
    }
}

/// FNV-1a hash of a class attribute (to compare classes cheaply).
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl<'a> Walker<'a> {
    fn walk(&mut self) {
        let nodes = &self.dom.nodes;
        let mut cur = nodes.first().map_or(NONE, |d| d.first);
        'outer: while cur != NONE {
            let Some(n) = nodes.get(cur) else { break };
            match n.kind {
                Kind::Element if self.enter(cur) => {
                    if n.first != NONE {
                        cur = n.first;
                        continue;
                    }
                    self.exit();
                }
                Kind::Text => self.text(cur),
                _ => {}
            }
            // Next: the sibling, or up until there is one (closing elements on the way).
            let mut at = cur;
            loop {
                let Some(n) = nodes.get(at) else {
                    break 'outer;
                };
                if n.next != NONE {
                    cur = n.next;
                    continue 'outer;
                }
                at = n.parent;
                if at == NONE || at == 0 {
                    break 'outer;
                }
                self.exit();
            }
        }
        while !self.frames.is_empty() {
            self.exit();
        }
    }

    /// Opens an element; false when its subtree is skipped.
    fn enter(&mut self, id: usize) -> bool {
        let n = self.dom.at(id);
        let tag: &str = n.tag();
        let html_ns = n.ns == Ns::Html;
        match tag {
            "meta" => {
                let key = n
                    .attr(A::Property)
                    .or_else(|| n.attr(A::Name))
                    .or_else(|| n.attr(A::Itemprop));
                if let (Some(k), Some(c)) = (key, n.attr(A::Content)) {
                    self.meta.meta_tag(k, c);
                }
                if let Some(c) = n.attr(A::Content) {
                    self.microdata(n.attr(A::Itemprop), c);
                }
                return false;
            }
            "link" => {
                if let (Some(rel), Some(href)) = (n.attr(A::Rel), n.attr(A::Href)) {
                    let canonical = rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"));
                    if canonical && self.meta.canonical.is_none() && !href.trim().is_empty() {
                        self.meta.canonical = Some(href.trim().to_string());
                    }
                }
                return false;
            }
            "script" => {
                let is_ld = n
                    .attr(A::Type)
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                let mut c = n.first;
                while let Some(t) = self.dom.get(c) {
                    if t.kind == Kind::Text {
                        if is_ld {
                            self.meta.json_ld(t.text());
                        }
                        let _ = self.loc.locate(t.text(), t.line);
                    }
                    c = t.next;
                }
                return false;
            }
            "html" => {
                if let Some(l) = n.attr(A::Lang).or_else(|| n.attr(A::XmlLang)) {
                    let code: String = l
                        .trim()
                        .split(['-', '_'])
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    if (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
                    {
                        self.meta.lang = Some(code);
                    }
                }
            }
            "title" if self.meta.title_tag.is_none() => {
                let mut t = String::new();
                let mut c = n.first;
                while let Some(x) = self.dom.get(c) {
                    if x.kind == Kind::Text {
                        t.push_str(x.text());
                    }
                    c = x.next;
                }
                let t = meta::collapse(&t);
                if !t.is_empty() {
                    self.meta.title_tag = Some(t);
                }
                return false;
            }
            "title" => return false,
            "time" => {
                if let Some(d) = n.attr(A::Datetime).and_then(meta::iso_date) {
                    if n.attr(A::Pubdate).is_some()
                        || n.attr(A::Itemprop)
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    {
                        self.meta.time_published.get_or_insert(d);
                    } else if self.meta.time_published.is_none() {
                        self.meta.time_published = Some(d);
                    }
                }
            }
            "dialog" if n.attr(A::Open).is_none() => return false,
            _ => {}
        }
        if tag == "head" {
            // The head's <title>, <meta>, <link> and <script>s are read; nothing in it is text.
            self.scan_head(id);
            return false;
        }
        let info = tag_info(n.local, tag);
        if !html_ns || info.skipped {
            return false;
        }
        if n.attr(A::Hidden).is_some()
            || n.attr(A::AriaHidden)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || n.attr(A::Style).is_some_and(style_hides)
            || n.attr(A::Class).is_some_and(class_hides)
        {
            return false;
        }
        if tag == "br" {
            self.line_break();
            return false;
        }
        if tag == "hr" {
            self.flush();
            return false;
        }
        if let Some(c) = n.attr(A::Content) {
            self.microdata(n.attr(A::Itemprop), c);
        }
        let block = info.block_level;
        if block {
            self.flush();
        }
        let parent = self.frames.last().copied();
        let ord = self.els.len() as u32;
        let class = n.attr(A::Class).unwrap_or("");
        let idattr = n.attr(A::Id).unwrap_or("");
        let itemprop = n.attr(A::Itemprop);
        let role = n.attr(A::Role);
        // Pages repeat the same classes many times: each value is scanned once per page (looked
        // up by a 64-bit hash, without allocating).
        let class_scan = self.scan(class);
        let id_scan = self.scan(idattr);
        let h = hints::combine(tag, class_scan, id_scan, role, itemprop);
        let article = h.article
            || parent.as_ref().is_some_and(|p| p.article)
            || n.attr(A::Itemtype)
                .is_some_and(|t| t.contains("Article") || t.contains("BlogPosting"));
        // Inside article markup, a <header>/<footer> is the article's own (headline, tags).
        let mut hint = h.reason;
        if parent.as_ref().is_some_and(|p| p.article) {
            if tag == "footer" {
                hint = Some(Reason::Metadata);
            }
        } else if tag == "header" {
            hint = Some(Reason::Navigation);
        }
        let (hint_el, hint) = match (hint, &parent) {
            (Some(r), _) => (ord, Some(r)),
            (None, Some(p)) => (p.hint_el, p.hint),
            (None, None) => (NO, None),
        };
        self.els.push(El {
            parent: parent.as_ref().map_or(NO, |p| p.el),
            last: ord,
            chars: 0,
            link_chars: 0,
            tag: info.class,
            direct: 0,
            hint: h.reason,
            weight: h.weight,
            same_class: if class.is_empty() { 0 } else { fnv(class) },
        });
        let kind = match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
            "li" | "dt" | "dd" => BlockKind::ListItem,
            "blockquote" => BlockKind::Quote,
            "figcaption" | "caption" => BlockKind::Caption,
            "tr" => BlockKind::TableRow,
            "pre" => BlockKind::Preformatted,
            _ => parent.as_ref().map_or(BlockKind::Paragraph, |p| p.kind),
        };
        let href = if tag == "a" { n.attr(A::Href) } else { None };
        let link = href.is_some() || parent.as_ref().is_some_and(|p| p.link);
        let link_open = href
            .map(str::trim)
            .filter(|h| !h.is_empty() && !h.starts_with('#') && !h.starts_with("javascript:"))
            .map(|h| {
                self.hrefs.push(h.to_string());
                (
                    self.generation,
                    self.pending.text.len(),
                    self.hrefs.len() - 1,
                )
            });
        let level = match tag.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => d - b'0',
            _ => parent.as_ref().map_or(0, |p| p.level),
        };
        self.frames.push(Frame {
            is_link: href.is_some(),
            link_open,
            level,
            el: ord,
            block_el: if block {
                ord
            } else {
                parent.as_ref().map_or(ord, |p| p.block_el)
            },
            hint_el,
            hint,
            article,
            link,
            pre: tag == "pre" || parent.as_ref().is_some_and(|p| p.pre),
            kind,
            block_level: block,
            chars_at_enter: self.chars,
            links_at_enter: self.link_chars,
        });
        if matches!(tag, "td" | "th") && !self.pending.text.is_empty() {
            self.pending.text.push(' ');
        }
        true
    }

    /// The hint scan of a `class` or `id` value, cached by a hash of the value.
    fn scan(&mut self, value: &str) -> hints::Scan {
        if value.is_empty() {
            return hints::Scan::default();
        }
        let key = {
            use std::hash::Hasher;
            let mut hasher = crate::normalize::FastHasher::default();
            hasher.write(value.as_bytes());
            hasher.finish()
        };
        *self
            .scan_cache
            .entry(key)
            .or_insert_with(|| hints::scan(&value.to_ascii_lowercase()))
    }

    /// Reads metadata from the head without making blocks.
    fn scan_head(&mut self, head: usize) {
        let mut c = self.dom.get(head).map_or(NONE, |h| h.first);
        while let Some(n) = self.dom.get(c) {
            let next = n.next;
            if n.kind == Kind::Element {
                // meta, link, title, script: read by `enter`, which does not descend into them.
                if self.enter(c) {
                    self.exit();
                }
            } else if n.kind == Kind::Text {
                let _ = self.loc.locate(n.text(), n.line);
            }
            c = next;
        }
    }

    /// `itemprop` values with a `content` attribute.
    fn microdata(&mut self, itemprop: Option<&str>, content: &str) {
        match itemprop.map(str::to_ascii_lowercase).as_deref() {
            Some("datepublished") => {
                if let Some(d) = meta::iso_date(content) {
                    self.meta.time_published.get_or_insert(d);
                }
            }
            Some("author") => meta::push_names(&mut self.meta.visible_authors, content),
            _ => {}
        }
    }

    fn exit(&mut self) {
        // The block ends while its element is still the top frame (its kind and hint apply).
        let Some(&f) = self.frames.last() else { return };
        // A "link" around a whole paragraph is an unclosed `<a>` that the parser carried on (as
        // browsers do): its text does not count as link text.
        let own = self.chars - f.chars_at_enter;
        let repeated = f
            .link_open
            .is_some_and(|(_, _, h)| h > 0 && self.hrefs.get(h) == self.hrefs.get(h - 1));
        if f.is_link && (own > 250 || (own > 100 && repeated)) {
            let linked = self.link_chars - f.links_at_enter;
            self.link_chars -= linked;
            self.pending.link_chars = self.pending.link_chars.saturating_sub(linked);
        } else if let Some((g, start, h)) = f.link_open {
            let end = self.pending.text.trim_end().len();
            if g == self.generation && end > start {
                let href = self.hrefs.get(h).cloned().unwrap_or_default();
                self.pending.links.push((Span::new(start, end), href));
            }
        }
        if f.block_level {
            self.flush();
        }
        self.frames.pop();
        let last = self.els.len().saturating_sub(1) as u32;
        if let Some(e) = self.els.get_mut(f.el as usize) {
            e.last = last;
            e.chars = (self.chars - f.chars_at_enter) as u32;
            e.link_chars = (self.link_chars - f.links_at_enter) as u32;
        }
    }

    fn line_break(&mut self) {
        let p = &mut self.pending;
        if p.text.ends_with('\n') {
            // Two line breaks in a row separate paragraphs.
            self.flush();
        } else if !p.text.is_empty() {
            while p.text.ends_with(' ') {
                p.text.pop();
            }
            p.text.push('\n');
        }
    }

    fn text(&mut self, id: usize) {
        let Some(f) = self.frames.last() else { return };
        let n = self.dom.at(id);
        let t: &str = n.text();
        let (pre, link) = (f.pre, f.link);
        let p = &mut self.pending;
        let mut added = 0usize;
        if pre {
            for c in t.chars() {
                if !c.is_whitespace() {
                    added += 1;
                }
            }
            p.text.push_str(t);
        } else {
            let mut space = t.starts_with(|c: char| c.is_whitespace());
            for_each_run(t, |w, chars| {
                if space && !p.text.is_empty() && !p.text.ends_with([' ', '\n']) {
                    p.text.push(' ');
                }
                p.text.push_str(w);
                added += chars;
                space = true;
            });
            if t.ends_with(|c: char| c.is_whitespace())
                && !p.text.is_empty()
                && !p.text.ends_with([' ', '\n'])
            {
                p.text.push(' ');
            }
        }
        if added == 0 {
            return;
        }
        let (s, e) = self.loc.locate(t, n.line);
        p.start.get_or_insert(s);
        p.end = p.end.max(e);
        p.chars += added;
        self.chars += added;
        if link {
            p.link_chars += added;
            self.link_chars += added;
        }
    }

    /// Ends the pending block.
    fn flush(&mut self) {
        let p = std::mem::take(&mut self.pending);
        self.generation += 1;
        let trimmed = if self.frames.last().is_some_and(|f| f.pre) {
            p.text.trim_start_matches('\n').trim_end()
        } else {
            p.text.trim()
        };
        let lead = p.text.len()
            - p.text
                .trim_start_matches(if self.frames.last().is_some_and(|f| f.pre) {
                    &['\n'][..]
                } else {
                    &[' ', '\n', '\t'][..]
                })
                .len();
        let text = trimmed.to_string();
        if text.is_empty() || p.chars == 0 {
            return;
        }
        let Some(f) = self.frames.last() else { return };
        let start = p.start.unwrap_or(p.end);
        let mut b = Block {
            text,
            span: Span::new(start, p.end.max(start)),
            kind: f.kind,
            ..Block::default()
        };
        b.feat.bullet = f.kind == BlockKind::ListItem;
        b.feat.gap_before = 1;
        b.structure.link_density = Some(p.link_chars as f32 / p.chars as f32);
        b.structure.container = Some(f.block_el as usize);
        b.structure.in_article_markup = f.article;
        b.structure.heading_level = f.level;
        b.structure.links = p
            .links
            .into_iter()
            .filter_map(|(r, h)| {
                let (s, e) = (
                    r.start.checked_sub(lead)?,
                    r.end.checked_sub(lead)?.min(b.text.len()),
                );
                (s < e && b.text.is_char_boundary(s) && b.text.is_char_boundary(e))
                    .then(|| (Span::new(s, e), h))
            })
            .collect();
        // Readability's paragraph score, given to the container's ancestors.
        let scoring_kind = matches!(
            f.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Preformatted | BlockKind::TableRow
        );
        let score = if scoring_kind && p.chars >= 25 {
            let commas = b.text.matches([',', '，', '、']).count() as f32;
            1.0 + commas + (p.chars as f32 / 100.0).floor().min(3.0)
        } else {
            0.0
        };
        let mut anc = [NO; 5];
        let mut e = self.els.get(f.block_el as usize).map_or(NO, |x| x.parent);
        for a in anc.iter_mut() {
            if e == NO {
                break;
            }
            *a = e;
            e = self.els.get(e as usize).map_or(NO, |x| x.parent);
        }
        if let Some(e) = self.els.get_mut(f.block_el as usize) {
            e.direct += p.chars as u32;
        }
        self.infos.push(Info {
            container: f.block_el,
            anc,
            score,
            hint_el: f.hint_el,
            hint: f.hint,
        });
        self.blocks.push(b);
    }
}

/// The hint that holds for a block: metadata or a byline named on an element holding much
/// non-link text is a naming accident (`meta_field`, `author-content`), not a hint.
fn effective_hint(els: &[El], info: &Info, total: u32) -> Option<Reason> {
    let r = info.hint?;
    let e = els.get(info.hint_el as usize)?;
    // Nor is a name on an element that holds most of the page's text.
    if e.chars.saturating_sub(e.link_chars) as f32 > 0.6 * total as f32 {
        return None;
    }
    let weak = matches!(r, Reason::Metadata | Reason::Byline);
    let own = e.chars.saturating_sub(e.link_chars);
    if weak && own > 400 {
        return None;
    }
    // Advertisements, menus and widgets are short or made of links; an element so named that
    // holds several paragraphs of unlinked text is misnamed (`banner-content`, `nav-body`).
    let boxy = matches!(
        r,
        Reason::Advertisement | Reason::Boilerplate | Reason::Navigation
    );
    if boxy && own > PROSE_BOX_CHARS && (e.link_chars as f32) < 0.1 * e.chars as f32 {
        return None;
    }
    Some(r)
}

/// Unlinked characters past which an element named as an advertisement, a menu or a widget is
/// taken to be misnamed (a few paragraphs).
const PROSE_BOX_CHARS: u32 = 1200;

/// A table row of data — names, numbers, addresses, no sentence — is no evidence of prose: a long
/// table of contacts or results would outscore the article around it. (Readability scores every
/// cell of 25+ characters; rows here are scored only when they read as sentences.)
fn is_data_row(b: &Block) -> bool {
    b.kind == BlockKind::TableRow && !has_sentence_end(&b.text)
}

/// A full stop, question or exclamation mark that ends a sentence: before a space or at the end.
fn has_sentence_end(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(['.', '!', '?', '。', '！', '？'])
        || s.as_bytes()
            .windows(2)
            .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
}

/// Chooses the main-content container and marks the blocks inside it; resolves hints.
fn mark_main(els: &[El], infos: &[Info], blocks: &mut [Block], title_el: Option<u32>) {
    let total = els
        .iter()
        .map(|e| e.chars.saturating_sub(e.link_chars))
        .max()
        .unwrap_or(0);
    let infos: Vec<Info> = infos
        .iter()
        .zip(blocks.iter())
        .map(|(i, b)| Info {
            hint: effective_hint(els, i, total),
            score: if is_data_row(b) { 0.0 } else { i.score },
            ..i.clone()
        })
        .collect();
    let infos = infos.as_slice();
    let (mut top, mut scores) = best_candidate(els, infos, true, title_el);
    // Prose (scored paragraphs, hints honoured) inside the candidate: too little means the
    // article itself sits in an element with a misleading name; then score without hints
    // (Readability retries without its unlikely-candidate removal the same way).
    let prose = |t: u32| -> usize {
        let last = els.get(t as usize).map_or(t, |e| e.last);
        infos
            .iter()
            .zip(blocks.iter())
            .filter(|(i, _)| {
                i.score > 0.0 && i.hint.is_none() && i.container >= t && i.container <= last
            })
            .map(|(_, b)| b.text.len())
            .sum()
    };
    let weak = top.is_none_or(|t| prose(t) < 500);
    if weak {
        let (t2, s2) = best_candidate(els, infos, false, title_el);
        if t2.is_some() {
            top = t2;
            scores = s2;
        }
    }
    let mut main: Vec<(u32, u32)> = Vec::new();
    // A container with little prose is no evidence: leave the region to the text classifier.
    let all_prose = |t: u32| -> usize {
        let last = els.get(t as usize).map_or(t, |e| e.last);
        infos
            .iter()
            .zip(blocks.iter())
            .filter(|(i, _)| i.score > 0.0 && i.container >= t && i.container <= last)
            .map(|(_, b)| b.text.len())
            .sum()
    };
    if top.is_some_and(|t| all_prose(t) < 400) {
        top = None;
    }
    if let Some(t) = top {
        let top_score = scores.get(t as usize).copied().unwrap_or(0.0);
        let parent = els[t as usize].parent;
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = els[t as usize].same_class;
        if parent == NO {
            main.push((t, els[t as usize].last));
        } else {
            // The siblings of the top candidate (children of its parent), in order.
            let pe = &els[parent as usize];
            let mut c = parent + 1;
            while c <= pe.last && (c as usize) < els.len() {
                let e = &els[c as usize];
                let mut s = scores.get(c as usize).copied().unwrap_or(0.0);
                if top_class != 0 && e.same_class == top_class {
                    s += top_score * 0.2;
                }
                let ld = if e.chars > 0 {
                    e.link_chars as f32 / e.chars as f32
                } else {
                    1.0
                };
                let keep = c == t
                    || (s >= threshold && e.hint.is_none())
                    || (paragraph_like(e) && e.chars > 80 && ld < 0.25);
                if keep {
                    main.push((c, e.last));
                }
                c = e.last + 1;
            }
        }
    }
    let has_main = !main.is_empty();
    let top_ord = top.unwrap_or(NO);
    // A hint on an element that contains the main content is no hint about this block.
    let valid = |el: u32| {
        els.get(el as usize)
            .is_none_or(|h| !(el <= top_ord && top_ord <= h.last))
    };
    // The nearest named proper ancestor of each element (elements come in pre-order, so a
    // parent's entry is ready before its children's).
    let mut named_above = vec![NO; els.len()];
    for (i, e) in els.iter().enumerate() {
        if let Some(p) = els.get(e.parent as usize) {
            named_above[i] = if p.hint.is_some() {
                e.parent
            } else {
                named_above[e.parent as usize]
            };
        }
    }
    let framed = picture_frames(els);
    let dom = dom_features(els, infos, &scores);
    for ((b, info), d) in blocks.iter_mut().zip(infos).zip(dom) {
        b.structure.dom = Some(d);
        if b.kind == BlockKind::Paragraph && is_caption_of(els, &framed, info.container, b) {
            b.kind = BlockKind::Caption;
        }
        b.structure.has_main = has_main;
        b.structure.in_main = main
            .iter()
            .any(|&(a, z)| info.container >= a && info.container <= z);
        let hint_valid = info.hint.is_some() && valid(info.hint_el);
        b.structure.hint = if hint_valid { info.hint } else { None };
        b.structure.outer_hint = named_above
            .get(info.hint_el as usize)
            .copied()
            .filter(|&o| o != NO && valid(o))
            .and_then(|o| els.get(o as usize))
            .and_then(|e| e.hint);
    }
}

/// The block scorer's view of each block's place in the element tree (see [`DomFeatures`]).
fn dom_features(els: &[El], infos: &[Info], scores: &[f32]) -> Vec<DomFeatures> {
    // Depth of each element (a parent comes before its children in pre-order).
    let mut depth = vec![0u16; els.len()];
    for (i, e) in els.iter().enumerate() {
        if let Some(&d) = depth.get(e.parent as usize) {
            depth[i] = d.saturating_add(1);
        }
    }
    let page = els.iter().map(|e| e.chars).max().unwrap_or(0).max(1) as f32;
    let best = scores.iter().copied().fold(0.0f32, f32::max).max(1.0);
    let mut prev_parent = NO;
    infos
        .iter()
        .map(|info| {
            let c = els.get(info.container as usize);
            let parent = c.map_or(NO, |e| e.parent);
            let p = els.get(parent as usize);
            let weight = c.map_or(0.0, |e| e.weight)
                + p.map_or(0.0, |e| e.weight)
                + info
                    .anc
                    .get(1)
                    .and_then(|&a| els.get(a as usize))
                    .map_or(0.0, |e| e.weight);
            let anc_best = std::iter::once(info.container)
                .chain(info.anc)
                .filter_map(|a| scores.get(a as usize).copied())
                .fold(0.0f32, f32::max);
            let d = DomFeatures {
                depth: depth.get(info.container as usize).copied().unwrap_or(0),
                tag: c.map_or(Tag::Other, |e| e.tag) as u8,
                parent_share: p.map_or(0.0, |e| e.chars as f32 / page),
                parent_link_density: p.map_or(0.0, |e| {
                    if e.chars > 0 {
                        e.link_chars as f32 / e.chars as f32
                    } else {
                        0.0
                    }
                }),
                class_weight: weight,
                ancestor_score: (anc_best / best).clamp(-1.0, 2.0),
                same_parent_as_previous: parent != NO && parent == prev_parent,
            };
            prev_parent = parent;
            d
        })
        .collect()
}

/// How many levels above an image its frame is looked for (`div > a > picture > img`).
const FRAME_LEVELS: usize = 3;

/// Elements that hold an image within [`FRAME_LEVELS`] levels.
fn picture_frames(els: &[El]) -> Vec<bool> {
    let mut framed = vec![false; els.len()];
    for e in els.iter().filter(|e| e.tag == Tag::Media) {
        let mut p = e.parent;
        for _ in 0..FRAME_LEVELS {
            let Some(pe) = els.get(p as usize) else { break };
            framed[p as usize] = true;
            p = pe.parent;
        }
    }
    framed
}

/// A paragraph that is all the text of an element framing a picture — `<div class=image><img>
/// <p>…</p></div>` — is the picture's caption, whatever its tag (what `<figcaption>` says in
/// markup that does not use it).
fn is_caption_of(els: &[El], framed: &[bool], container: u32, b: &Block) -> bool {
    if b.text.split_whitespace().count() > CAPTION_MAX_WORDS {
        return false;
    }
    let own = b.text.chars().filter(|c| !c.is_whitespace()).count() as u32;
    let mut e = container;
    for level in 0..2 {
        let Some(el) = els.get(e as usize) else {
            return false;
        };
        if el.chars > own {
            return false;
        }
        // A picture inside a `<p>` of its own is an inline image in running text.
        let inline = level == 0 && el.tag == Tag::P;
        if !inline && framed.get(e as usize).copied().unwrap_or(false) {
            return true;
        }
        e = el.parent;
    }
    false
}

/// Longest caption, in words.
const CAPTION_MAX_WORDS: usize = 60;

/// A `<p>`, or an element whose text is (nearly) all its own, not in child blocks (Readability
/// turns such `<div>`s into paragraphs).
fn paragraph_like(e: &El) -> bool {
    e.tag == Tag::P || (e.chars > 0 && e.direct as f32 >= 0.8 * e.chars as f32)
}

/// Readability scoring: (best element, final score per element).
fn best_candidate(
    els: &[El],
    infos: &[Info],
    honour_hints: bool,
    title_el: Option<u32>,
) -> (Option<u32>, Vec<f32>) {
    let mut score = vec![0.0f32; els.len()];
    let mut seen = vec![false; els.len()];
    for info in infos {
        if info.score <= 0.0 || (honour_hints && info.hint.is_some()) {
            continue;
        }
        for (level, &a) in info.anc.iter().enumerate() {
            let Some(e) = els.get(a as usize) else { break };
            let i = a as usize;
            if !seen[i] {
                seen[i] = true;
                score[i] = e.tag.prior() + e.weight;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[i] += info.score / div;
        }
    }
    let mut best: Option<u32> = None;
    let mut best_score = f32::MIN;
    for (i, e) in els.iter().enumerate() {
        if !seen[i] {
            continue;
        }
        let ld = if e.chars > 0 {
            e.link_chars as f32 / e.chars as f32
        } else {
            0.0
        };
        score[i] *= 1.0 - ld;
        if score[i] > best_score {
            best_score = score[i];
            best = Some(i as u32);
        }
    }
    let Some(mut top) = best else {
        return (None, score);
    };
    // Pages that carry several articles (infinite scroll, "next story" below): the article is the
    // one with the page's headline in it, if it scores at least half the best (or, failing such
    // an ancestor of the headline, the best candidate beside it scores a quarter).
    if let Some(t) = title_el {
        let covers = |i: usize| i as u32 <= t && t <= els[i].last;
        let strong = |i: usize| seen[i] && score[i] >= 0.5 * best_score;
        if !covers(top as usize) {
            // The nearest strong candidate that holds the headline.
            let holder = (0..=(t as usize).min(els.len().saturating_sub(1)))
                .rev()
                .find(|&i| strong(i) && covers(i))
                // An ancestor of the best candidate too is no alternative to it.
                .filter(|&i| !(i as u32 <= top && top <= els[i].last));
            if let Some(c) = holder {
                if c as u32 != top && score[c] > 0.0 {
                    top = c as u32;
                }
            } else if let Some(c) = best_beside_title(els, &score, &seen, t, top) {
                if score[c as usize] >= TITLE_SHARE * best_score {
                    top = c;
                }
            }
        }
    }
    top = common_ancestor_of_rivals(els, &score, &seen, top);
    // Move up while the parent scores better, or while the top is its parent's only content.
    let mut last = best_score;
    let threshold = best_score / 3.0;
    let mut p = els[top as usize].parent;
    while p != NO {
        let pi = p as usize;
        if els[pi].tag == Tag::Body {
            break;
        }
        if seen[pi] {
            let ps = score[pi];
            if ps < threshold {
                break;
            }
            if ps > last {
                top = p;
                break;
            }
            last = ps;
        }
        p = els[pi].parent;
    }
    loop {
        let t = &els[top as usize];
        let pi = t.parent;
        if pi == NO || els[pi as usize].tag == Tag::Body {
            break;
        }
        let parent = &els[pi as usize];
        if parent.chars == t.chars && parent.chars > 0 {
            top = pi;
        } else {
            break;
        }
    }
    (Some(top), score)
}

/// How many levels above the headline its article is looked for.
const TITLE_LEVELS: usize = 6;
/// The article around the headline is taken when its best candidate scores this share of the
/// page's best…
const TITLE_SHARE: f32 = 0.25;
/// …and holds this many characters of text outside links (a few paragraphs, not a summary).
const TITLE_MIN_CHARS: u32 = 600;

/// Pages that carry several articles (a list of full stories, "next story" appended below):
/// the page's own is the one around its headline. Walking up from the headline, the first
/// element holding a candidate of [`TITLE_MIN_CHARS`] gives its best candidate — unless that
/// element also holds `top` (then the headline and the best candidate are one article).
fn best_beside_title(els: &[El], score: &[f32], seen: &[bool], t: u32, top: u32) -> Option<u32> {
    let mut a = els.get(t as usize)?.parent;
    for _ in 0..TITLE_LEVELS {
        let e = els.get(a as usize)?;
        if e.tag == Tag::Body || (a <= top && top <= e.last) {
            return None;
        }
        let best = (a..=e.last)
            .filter(|&i| {
                seen.get(i as usize).copied().unwrap_or(false)
                    && els
                        .get(i as usize)
                        .is_some_and(|x| x.chars.saturating_sub(x.link_chars) >= TITLE_MIN_CHARS)
            })
            .max_by(|&x, &y| score[x as usize].total_cmp(&score[y as usize]));
        if best.is_some() {
            return best;
        }
        a = e.parent;
    }
    None
}

/// How many of the best candidates are compared with the top one.
const RIVALS: usize = 5;
/// A rival scores at least this share of the top candidate.
const RIVAL_SHARE: f32 = 0.75;
/// How many rivals must share an ancestor with the top candidate.
const MIN_RIVALS: usize = 3;

/// An article cut into sections (each in its own wrapper, between advertisements and boxes) gives
/// several candidates of about the same score, none of them the whole. After Readability.js
/// (`_grabArticle`, "alternative candidate ancestors"): when at least three of the other four
/// best candidates score three quarters of the top one, the nearest ancestor of the top that
/// contains three of them is the top instead.
fn common_ancestor_of_rivals(els: &[El], score: &[f32], seen: &[bool], top: u32) -> u32 {
    let top_score = score.get(top as usize).copied().unwrap_or(0.0);
    if top_score <= 0.0 {
        return top;
    }
    // The best candidates other than the top, in one pass (a handful kept, sorted).
    let mut best: Vec<(f32, u32)> = Vec::with_capacity(RIVALS);
    for (i, (&s, &ok)) in score.iter().zip(seen).enumerate() {
        if !ok || i as u32 == top {
            continue;
        }
        if best.len() < RIVALS - 1 || best.last().is_some_and(|&(b, _)| s > b) {
            let at = best.partition_point(|&(b, _)| b >= s);
            best.insert(at, (s, i as u32));
            best.truncate(RIVALS - 1);
        }
    }
    let rivals: Vec<u32> = best
        .iter()
        .filter(|&&(s, _)| s >= RIVAL_SHARE * top_score)
        .map(|&(_, i)| i)
        .collect();
    if rivals.len() < MIN_RIVALS {
        return top;
    }
    let mut a = els.get(top as usize).map_or(NO, |e| e.parent);
    while let Some(e) = els.get(a as usize) {
        if e.tag == Tag::Body {
            break;
        }
        let held = rivals.iter().filter(|&&r| a <= r && r <= e.last).count();
        if held >= MIN_RIVALS {
            return a;
        }
        a = e.parent;
    }
    top
}

#[cfg(test)]
mod tag_info_tests {
    use super::*;

    #[test]
    fn known_names_read_as_their_text() {
        for &l in Local::ALL {
            assert_eq!(tag_info(l, l.name()), TagInfo::of(l.name()), "{}", l.name());
        }
        assert_eq!(tag_info(Local::Other, "video"), TagInfo::of("video"));
        assert!(tag_info(Local::Video, "video").skipped);
        assert!(tag_info(Local::P, "p").block_level);
        assert_eq!(tag_info(Local::Other, "x-widget").class, Tag::Other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_as_split_whitespace_does() {
        for t in [
            "",
            "  ",
            "a",
            " Grüße,\u{a0}Welt\u{2003}x\x0by\r\n",
            "日本 語 ",
            "\u{85}a\u{3000}",
        ] {
            let mut got = Vec::new();
            for_each_run(t, |w, n| got.push((w.to_string(), n)));
            let want: Vec<_> = t
                .split_whitespace()
                .map(|w| (w.to_string(), w.chars().count()))
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    fn texts(p: &Page) -> Vec<(&str, BlockKind)> {
        p.blocks.iter().map(|b| (b.text.as_str(), b.kind)).collect()
    }

    #[test]
    fn blocks_kinds_and_spans() {
        let src = "<html lang=\"de-DE\"><head><title>T</title></head><body>\
            <h1>Head line</h1><p>One <a href=\"/x\">link</a> here.</p>\
            <ul><li>First</li><li>Second</li></ul><blockquote>Said it.</blockquote>\
            <table><tr><td>a</td><td>b</td></tr></table><pre>x  y\n z</pre>\
            <figure><img src=x><figcaption>Photo of it</figcaption></figure></body></html>";
        let p = parse(src);
        assert_eq!(
            texts(&p),
            [
                ("Head line", BlockKind::Heading),
                ("One link here.", BlockKind::Paragraph),
                ("First", BlockKind::ListItem),
                ("Second", BlockKind::ListItem),
                ("Said it.", BlockKind::Quote),
                ("a b", BlockKind::TableRow),
                ("x  y\n z", BlockKind::Preformatted),
                ("Photo of it", BlockKind::Caption),
            ]
        );
        assert_eq!(p.meta.lang.as_deref(), Some("de"));
        let b = &p.blocks[1];
        assert_eq!(
            &src[b.span.start..b.span.end],
            "One <a href=\"/x\">link</a> here."
        );
        let ld = b.structure.link_density.unwrap_or(0.0);
        assert!((ld - 4.0 / 12.0).abs() < 1e-6, "{ld}");
    }

    #[test]
    fn drops_hidden_and_scripts() {
        let p = parse(
            "<body><script>var x = 'no';</script><style>p{}</style><noscript>Enable JS</noscript>\
             <p hidden>h1</p><p aria-hidden=\"true\">h2</p><p style=\"display: none\">h3</p>\
             <template><p>h4</p></template><form><input value=v><button>Go</button></form>\
             <p>Visible text.</p></body>",
        );
        assert_eq!(texts(&p), [("Visible text.", BlockKind::Paragraph)]);
    }

    #[test]
    fn line_breaks() {
        let p = parse("<p>one<br>two<br><br>three</p>");
        assert_eq!(
            texts(&p),
            [
                ("one\ntwo", BlockKind::Paragraph),
                ("three", BlockKind::Paragraph)
            ]
        );
    }

    #[test]
    fn main_content_and_hints() {
        let para = "This is a long paragraph of the article, with commas, and enough words to count as prose here. \
            It goes on for a second sentence, so that the container holds enough running text to be the main content.";
        let html = format!(
            "<body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
             <div class=\"story\"><h1>Title</h1><p>{para}</p><p>{para} Two.</p><p>{para} Three.</p>\
             <div class=\"share-bar\"><a href=#>Share on X</a></div></div>\
             <div class=\"related\"><p>{para} Other.</p></div>\
             <footer><p>Copyright 2024 The Paper.</p></footer></body>"
        );
        let p = parse(&html);
        let by = |t: &str| p.blocks.iter().find(|b| b.text.starts_with(t));
        let nav = by("Home World").map(|b| (b.structure.in_main, b.structure.hint));
        assert_eq!(nav, Some((false, Some(Reason::Navigation))));
        let main: Vec<_> = p
            .blocks
            .iter()
            .filter(|b| b.structure.in_main)
            .map(|b| b.text.as_str())
            .collect();
        assert!(main.len() >= 4, "{main:?}");
        assert_eq!(
            by("Share on X").and_then(|b| b.structure.hint),
            Some(Reason::Share)
        );
        assert_eq!(
            by("Copyright").and_then(|b| b.structure.hint),
            Some(Reason::Footer)
        );
        assert!(by(para).is_some_and(|b| b.structure.in_main));
    }

    const STORY: &str =
        "<p>The first boat left the northern pier at seven o'clock, carrying twelve \
        passengers, two delivery vans and a crate of newspapers, the first since spring.</p>\
        <p>The harbour board said the new timetable would run all year, with an extra crossing \
        on Fridays, and that tickets would cost the same as before the suspension.</p>\
        <p>Islanders who had relied on a private launch for their shopping said the return of \
        the ferry would make it easier to keep the school, the surgery and the shop open.</p>";

    fn main_texts(p: &Page) -> Vec<&str> {
        p.blocks
            .iter()
            .filter(|b| b.structure.in_main)
            .map(|b| b.text.as_str())
            .collect()
    }

    #[test]
    fn data_rows_do_not_make_a_table_the_main_content() {
        let rows: String = (0..150)
            .map(|i| {
                format!(
                    "<tr><td>Harbour ward {i}</td><td>Councillor Number {i}</td>\
                     <td>ward{i}@council.example</td></tr>"
                )
            })
            .collect();
        let p = parse(&format!(
            "<body><div class=\"story\">{STORY}</div><div class=\"box\"><table>{rows}</table>\
             </div></body>"
        ));
        let main = main_texts(&p);
        assert!(
            main.iter().any(|t| t.starts_with("The first boat")),
            "{main:?}"
        );
        assert!(
            !main.iter().any(|t| t.starts_with("Harbour ward")),
            "{main:?}"
        );
        // Rows that read as sentences are prose.
        let row = |text: &str| Block {
            kind: BlockKind::TableRow,
            text: text.into(),
            ..Block::default()
        };
        assert!(is_data_row(&row("Harbour ward 1  Councillor Number 1")));
        assert!(!is_data_row(&row(
            "Mondays  The ward meets weekly. All are welcome."
        )));
    }

    #[test]
    fn sections_of_one_article_are_one_main_content() {
        let sections = [
            "The timetable was agreed on Monday, and the board, after hearing residents, traders \
             and the crew, chose a first crossing at seven. An extra boat on Fridays, asked for by \
             the school, will carry pupils home for the weekend, at least until summer.",
            "Fares stay where they were, although a return ticket for a car will rise slightly, by \
             about a pound, to pay for the slipway. Pensioners keep free travel, and a new card, \
             sold at the post office, halves the price for regular commuters.",
            "In winter, when gales close the sound, the skipper decides each morning whether to \
             sail, and notices go up on the pier, at the shop and on the radio. Storms last year \
             cancelled one crossing in five, the board admitted, and it will publish the figures.",
            "Freight, mostly groceries, fuel and building materials, goes on the first boat, which \
             has room for two vans, a lorry and a dozen pallets. Farmers asked for space for \
             livestock in autumn, and a trailer can go twice a week, if it is booked.",
        ];
        let body: String = sections
            .iter()
            .map(|t| {
                format!(
                    "<div class=\"row\"><div class=\"col\"><div class=\"inner\">\
                     <div class=\"wrap\"><div class=\"text\"><p>{t}</p></div></div></div></div>\
                     </div><div class=\"ad-slot\"><a href=\"/ads\">Advertisement</a></div>"
                )
            })
            .collect();
        let p = parse(&format!(
            "<body><nav><a href=/>Home</a></nav><div class=\"page\">{body}</div>\
             <footer><p>Copyright 2024 The Island Times</p></footer></body>"
        ));
        let main = main_texts(&p);
        for t in sections {
            assert!(main.contains(&t), "{main:?}");
        }
    }

    #[test]
    fn a_box_named_as_an_advertisement_that_holds_paragraphs_is_misnamed() {
        let el = |chars: u32, link_chars: u32, hint: Option<Reason>| El {
            parent: 0,
            last: 1,
            chars,
            link_chars,
            tag: Tag::Div,
            direct: 0,
            hint,
            weight: 0.0,
            same_class: 0,
        };
        let info = |hint: Reason| Info {
            container: 1,
            anc: [NO; 5],
            score: 1.0,
            hint_el: 1,
            hint: Some(hint),
        };
        let ad = Some(Reason::Advertisement);
        let page = el(10_000, 500, None);
        // A slot of a few words keeps its name; several paragraphs without links do not.
        let slot = [page.clone(), el(40, 20, ad)];
        assert_eq!(
            effective_hint(&slot, &info(Reason::Advertisement), 9_500),
            ad
        );
        let prose = [page.clone(), el(2_000, 30, ad)];
        assert_eq!(
            effective_hint(&prose, &info(Reason::Advertisement), 9_500),
            None
        );
        // Linked teasers stay named, and so do comments however long.
        let teasers = [page.clone(), el(2_000, 800, ad)];
        assert_eq!(
            effective_hint(&teasers, &info(Reason::Advertisement), 9_500),
            ad
        );
        let comments = [page, el(2_000, 30, Some(Reason::Comments))];
        assert_eq!(
            effective_hint(&comments, &info(Reason::Comments), 9_500),
            Some(Reason::Comments)
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 100_000;
        let mut s = String::with_capacity(n * 11 + 100);
        for _ in 0..n {
            s.push_str("<div>");
        }
        s.push_str("<p>deep text here.</p>");
        let p = parse(&s);
        assert!(p.blocks.iter().any(|b| b.text == "deep text here."));
    }
}

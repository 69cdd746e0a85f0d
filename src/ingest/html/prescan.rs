//! A fast pre-pass that hands html5ever a smaller page, so its tokenizer (which goes character by
//! character) has less to walk: the bodies of `<script>` and `<style>` (more than half of the bytes
//! of a typical news page) and of other elements the walk drops are cut down to their line breaks,
//! comments are emptied, and attributes that nothing reads (`src`, `srcset`, `data-*`, SVG path
//! data: most of the bytes inside tags) are dropped. Tags are tokenized as the WHATWG tokenizer
//! does, so quoted `>` and comments are respected and the tree the parser builds is the same.
//! Line breaks stay, so the line numbers the parser reports still match the source; JSON-LD
//! scripts stay whole, since they carry metadata.

use std::borrow::Cow;

/// Deepest element nesting passed on to the parser. html5ever scans its stack of open elements
/// on every start tag, so nesting costs time proportional to depth × tags; browsers cap the depth
/// too (Blink at 512). Start tags past the cap are dropped, with their end tags.
const MAX_DEPTH: usize = 512;

/// `name` lower-cased (ASCII) into `buf`; empty when it does not fit (then it is none of the short
/// names it is compared with).
pub(crate) fn ascii_lower<'b>(name: &[u8], buf: &'b mut [u8]) -> &'b [u8] {
    let Some(lower) = buf.get_mut(..name.len()) else {
        return &[];
    };
    for (d, c) in lower.iter_mut().zip(name) {
        *d = c.to_ascii_lowercase();
    }
    lower
}

/// Elements that never nest (void) or whose start tag closes an open one of their kind (optional
/// end tags): they do not deepen the tree, so they are not counted.
fn flat(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
            | b"param"
            | b"p"
            | b"li"
            | b"td"
            | b"th"
            | b"tr"
            | b"dt"
            | b"dd"
            | b"option"
            | b"thead"
            | b"tbody"
            | b"tfoot"
            | b"html"
            | b"body"
    )
}

/// Attributes the parser or the walk reads: everything else is dropped before parsing. Tree
/// construction looks at `type` (a hidden `<input>` in a table), `color`/`face`/`size` (a `<font>`
/// that breaks out of SVG or MathML) and `encoding` (`<annotation-xml>`); the walk and the metadata
/// read the rest.
fn kept_attribute(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"class"
            | b"id"
            | b"role"
            | b"itemprop"
            | b"itemtype"
            | b"itemscope"
            | b"href"
            | b"hidden"
            | b"aria-hidden"
            | b"style"
            | b"lang"
            | b"xml:lang"
            | b"content"
            | b"name"
            | b"property"
            | b"datetime"
            | b"pubdate"
            | b"rel"
            | b"type"
            | b"open"
            | b"charset"
            | b"http-equiv"
            | b"color"
            | b"face"
            | b"size"
            | b"encoding"
    )
}

/// Start tags that end SVG or MathML content: the parser pops back to HTML and handles them there
/// (HTML Standard §13.2.6.5, the rules for parsing tokens in foreign content; `<font>` only with a
/// `color`, `face` or `size` attribute).
fn breaks_out(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
    )
}

/// What the pre-pass does with the body of an element whose content the tokenizer reads as raw
/// text (or escapable raw text) rather than markup.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Body {
    /// Markup: scanned on.
    Markup,
    /// Cut down to its line breaks (the walk drops the element anyway).
    Cut,
    /// Kept as it is, not scanned for tags (`<title>`, `<xmp>`, JSON scripts).
    Keep,
    /// `<plaintext>`: the rest of the page is text.
    Rest,
}

fn body_of(lower: &[u8], tag: &[u8]) -> Body {
    match lower {
        b"script" if find_ci(tag, b"json").is_some() => Body::Keep,
        b"script" | b"style" | b"noscript" | b"iframe" | b"noembed" | b"noframes" | b"textarea" => {
            Body::Cut
        }
        b"title" | b"xmp" => Body::Keep,
        b"plaintext" => Body::Rest,
        _ => Body::Markup,
    }
}

pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The output being built: the source with some ranges replaced by their line breaks.
struct Out<'a> {
    src: &'a str,
    buf: Vec<u8>,
    /// Bytes of `src` handled so far.
    copied: usize,
}

impl Out<'_> {
    /// Replaces `src[from..to]` by its line breaks (by one space when it has none and `space`).
    fn cut(&mut self, from: usize, to: usize, space: bool) {
        self.replace(from, to, (b"", b""), space);
    }

    /// Replaces `src[from..to]` by the range's line breaks (or one space, as `cut`) between the
    /// two parts of `wrap`.
    fn replace(&mut self, from: usize, to: usize, wrap: (&[u8], &[u8]), space: bool) {
        let (from, to) = (from.max(self.copied), to.min(self.src.len()));
        let (Some(before), Some(range)) = (self.src.get(self.copied..from), self.src.get(from..to))
        else {
            return;
        };
        if range.is_empty() {
            return;
        }
        self.buf.extend_from_slice(before.as_bytes());
        let lines = line_breaks(range);
        let space = space && lines == 0;
        // A lone `\r` before the range and a `\n` after what replaces it would make one line
        // break of two: a space keeps them apart (this only happens inside a tag).
        let next = [
            wrap.0,
            if space { b" " } else { b"" },
            if lines > 0 { b"\n" } else { b"" },
            wrap.1,
        ]
        .iter()
        .find_map(|w| w.first().copied())
        .or_else(|| self.src.as_bytes().get(to).copied());
        if self.buf.last() == Some(&b'\r') && next == Some(b'\n') {
            self.buf.push(b' ');
        }
        self.buf.extend_from_slice(wrap.0);
        if space {
            self.buf.push(b' ');
        }
        self.buf.resize(self.buf.len() + lines, b'\n');
        self.buf.extend_from_slice(wrap.1);
        self.copied = to;
    }
}

/// Line breaks as the tokenizer counts them: `\n`, `\r\n` and a lone `\r` (HTML Standard
/// §13.2.3.5, preprocessing the input stream).
pub(crate) fn line_breaks(s: &str) -> usize {
    let lf = count_byte(s.as_bytes(), b'\n');
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return lf;
    }
    let b = s.as_bytes();
    lf + b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n'))
        .count()
}

/// One attribute of a tag: the byte range of the whole attribute and of its name.
pub(crate) struct Attr {
    pub start: usize,
    pub end: usize,
    pub name_end: usize,
}

/// Tokenizes the attributes of a tag whose name ends at `from`, as the WHATWG tokenizer does
/// (HTML Standard §13.2.5.32–42: before/after attribute name, quoted and unquoted values,
/// self-closing start tag). Calls `attr` for each attribute; returns the index of the `>` that
/// ends the tag and whether the tag is self-closing, or None when the page ends inside the tag.
pub(crate) fn scan_tag(
    src: &str,
    from: usize,
    mut attr: impl FnMut(Attr),
) -> Option<(usize, bool)> {
    let b = src.as_bytes();
    let mut i = from;
    loop {
        // Before attribute name.
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        match *b.get(i)? {
            b'>' => return Some((i, false)),
            b'/' => {
                i += 1;
                if b.get(i) == Some(&b'>') {
                    return Some((i, true));
                }
                continue;
            }
            _ => {}
        }
        // Attribute name (a leading '=' belongs to the name).
        let start = i;
        i += 1;
        while b
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let name_end = i;
        // After attribute name.
        let mut j = i;
        while b.get(j).is_some_and(|&c| is_space(c)) {
            j += 1;
        }
        if b.get(j) != Some(&b'=') {
            attr(Attr {
                start,
                end: name_end,
                name_end,
            });
            continue;
        }
        // Before attribute value.
        i = j + 1;
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        match *b.get(i)? {
            q @ (b'"' | b'\'') => {
                let close = memchr::memchr(q, b.get(i + 1..)?)?;
                i += close + 2;
            }
            b'>' => {}
            _ => {
                while b.get(i).is_some_and(|&c| !is_space(c) && c != b'>') {
                    i += 1;
                }
            }
        }
        attr(Attr {
            start,
            end: i,
            name_end,
        });
    }
}

/// The end of a comment that starts at `lt` (`<!--`): the index after it (HTML Standard
/// §13.2.5.43–52: `<!-->` and `<!--->` are whole comments; `-->` or `--!>` ends one).
pub(crate) fn comment_end(b: &[u8], lt: usize) -> usize {
    let body = lt + 4;
    match b.get(body..) {
        Some([b'>', ..]) => return body + 1,
        Some([b'-', b'>', ..]) => return body + 2,
        _ => {}
    }
    let mut i = body;
    while let Some(p) = find(b.get(i..).unwrap_or_default(), b"--") {
        let at = i + p + 2;
        match b.get(at..) {
            Some([b'>', ..]) => return at + 1,
            Some([b'!', b'>', ..]) => return at + 2,
            _ => i = at - 1,
        }
    }
    b.len()
}

/// The index after the next `>` at or after `from` (the end of the page when there is none).
pub(crate) fn after_gt(src: &str, from: usize) -> usize {
    match src
        .as_bytes()
        .get(from..)
        .and_then(|r| memchr::memchr(b'>', r))
    {
        Some(p) => from + p + 1,
        None => src.len(),
    }
}

/// The page as the parser needs it, smaller: script and style bodies (more than half of the
/// bytes of a typical page) and the bodies of other elements the walk drops are cut down to their
/// line breaks, comments are emptied, attributes nothing reads are dropped (class names, links
/// and the like stay), and element nesting is capped. Line breaks stay, so the line numbers the
/// parser reports still match the source; JSON scripts stay whole, since they carry metadata.
pub(crate) fn strip_raw_text(src: &str) -> Cow<'_, str> {
    let b = src.as_bytes();
    let mut out = Out {
        src,
        buf: Vec::with_capacity(src.len() / 2),
        copied: 0,
    };
    let mut depth = 0usize;
    let mut dropped = 0usize;
    // Open `<svg>` and `<math>` elements (an upper bound: the parser may have left them).
    let (mut svg, mut math) = (0usize, 0usize);
    let mut integration = false;
    // Attributes to drop, in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = i + p;
        let closing = match b.get(lt + 1) {
            Some(b'!') => {
                if b[lt..].starts_with(b"<!--") {
                    let end = comment_end(b, lt);
                    if end > lt + 7 {
                        // An empty comment stays (holding the line breaks, which are no text), so
                        // text on either side stays two text nodes.
                        out.replace(lt, end, (b"<!--", b"-->"), false);
                    }
                    i = end;
                } else if b[lt + 2..].starts_with(b"[CDATA[") && svg + math > 0 {
                    // A CDATA section in SVG or MathML (elsewhere a bogus comment, up to the first
                    // `>`): left alone.
                    i = find(&b[lt..], b"]]>").map_or(b.len(), |q| lt + q + 3);
                } else {
                    i = after_gt(src, lt + 2);
                }
                continue;
            }
            Some(b'?') => {
                i = after_gt(src, lt + 2);
                continue;
            }
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => true,
                Some(b'>') => {
                    i = lt + 3;
                    continue;
                }
                Some(_) => {
                    i = after_gt(src, lt + 2);
                    continue;
                }
                None => break,
            },
            Some(c) if c.is_ascii_alphabetic() => false,
            _ => {
                i = lt + 1;
                continue;
            }
        };
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|&&c| !is_space(c) && c != b'/' && c != b'>')
            .count();
        let name = &b[name_start..name_start + name_len];
        cuts.clear();
        let mut font_attr = false;
        let Some((gt, self_closing)) = scan_tag(src, name_start + name_len, |a| {
            let mut buf = [0u8; 12];
            let attr = ascii_lower(&b[a.start..a.name_end], &mut buf);
            font_attr |= matches!(attr, b"color" | b"face" | b"size");
            if !kept_attribute(attr) {
                cuts.push((a.start, a.end));
            }
        }) else {
            // The page ends inside the tag, which the tokenizer then drops: left as it is.
            break;
        };
        let mut buf = [0u8; 14];
        let lower = ascii_lower(name, &mut buf);
        let counter = match lower {
            b"svg" => Some(&mut svg),
            b"math" => Some(&mut math),
            _ => None,
        };
        if let Some(n) = counter {
            if closing {
                *n = n.saturating_sub(1);
            } else if !self_closing {
                *n += 1;
            }
        } else if !closing && !integration && (breaks_out(lower) || lower == b"font" && font_attr) {
            // The parser leaves SVG and MathML for HTML on these (§13.2.6.5).
            (svg, math) = (0, 0);
        }
        let foreign = svg + math;
        let body = if closing {
            Body::Markup
        } else {
            body_of(lower, &b[lt..gt])
        };
        // Where a raw-text body ends.
        let end = match body {
            Body::Cut | Body::Keep if lower == b"script" => script_end(src, gt + 1),
            Body::Cut | Body::Keep => find_end_tag(src, gt + 1, name),
            _ => None,
        }
        .unwrap_or(b.len());
        let body = match body {
            // In SVG or MathML, `<style>`, `<title>` and the like are elements like any other,
            // but in an integration point (`<foreignObject>`, `<mi>`) or once the parser has
            // left for HTML they are raw text. When the body holds no tag (an icon's title, a
            // style sheet) both readings agree: it is left as it is; otherwise so is the rest of
            // the page, which is right either way.
            Body::Cut | Body::Keep if foreign > 0 => {
                if b.get(gt + 1..end)
                    .is_some_and(|t| memchr::memchr(b'<', t).is_none())
                {
                    Body::Keep
                } else {
                    Body::Rest
                }
            }
            body => body,
        };
        // Inside an integration point (until the SVG or MathML ends), start tags are HTML.
        integration = foreign > 0
            && (integration
                || !closing
                    && matches!(
                        lower,
                        b"title"
                            | b"desc"
                            | b"foreignobject"
                            | b"mi"
                            | b"mo"
                            | b"mn"
                            | b"ms"
                            | b"mtext"
                            | b"annotation-xml"
                    ));
        let counted = body == Body::Markup && !flat(lower);
        if closing && counted && dropped > 0 {
            dropped -= 1;
            out.cut(lt, gt + 1, false);
            i = gt + 1;
            continue;
        }
        if !closing && counted && !self_closing && depth >= MAX_DEPTH {
            dropped += 1;
            out.cut(lt, gt + 1, false);
            i = gt + 1;
            continue;
        }
        if counted && !self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
            }
        }
        for &(from, to) in &cuts {
            // A space keeps the attribute's neighbours apart (`hidden/data-x` must not become
            // `hidden/`), unless one is there already.
            out.cut(
                from,
                to,
                !from.checked_sub(1).is_some_and(|p| is_space(b[p])),
            );
        }
        i = gt + 1;
        match body {
            Body::Markup => {}
            Body::Rest => break,
            Body::Cut | Body::Keep => {
                if body == Body::Cut {
                    out.cut(i, end, false);
                }
                i = end.max(i);
            }
        }
    }
    if out.copied == 0 {
        return Cow::Borrowed(src);
    }
    let Out {
        mut buf, copied, ..
    } = out;
    buf.extend_from_slice(&b[copied..]);
    // Only whole ranges between ASCII delimiters were dropped, so this is still UTF-8.
    match String::from_utf8(buf) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(src),
    }
}

/// Where `</name` starts (case-insensitive), from `from` on.
pub(crate) fn find_end_tag(src: &str, from: usize, name: &[u8]) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memchr(b'<', b.get(i..)?) {
        let at = i + p;
        if b.get(at + 1) == Some(&b'/') && tag_named(b, at + 2, name) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// True when `b[at..]` starts with `name` (ASCII case-insensitive) followed by what ends a tag
/// name (space, `/` or `>`), as an appropriate end tag needs.
fn tag_named(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at..at + name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(at + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the body of a `<script>` starting at `from` ends. The first `</script>` ends it unless
/// an HTML comment opener comes before: then the script data escape states apply (HTML Standard
/// §13.2.5.4 and §13.2.5.15–30: inside `<!--`, a `<script>` starts a "double escaped" part that
/// its `</script>` ends, and `-->` returns to plain script data).
pub(crate) fn script_end(src: &str, from: usize) -> Option<usize> {
    let first = find_end_tag(src, from, b"script");
    let body = src.get(from..first.unwrap_or(src.len()))?;
    if memchr::memmem::find(body.as_bytes(), b"<!--").is_none() {
        return first;
    }
    #[derive(PartialEq)]
    enum St {
        Data,
        Escaped,
        Double,
    }
    let b = src.as_bytes();
    let mut st = St::Data;
    let mut i = from;
    while let Some(p) = memchr::memchr2(b'<', b'-', b.get(i..)?) {
        let at = i + p;
        i = at + 1;
        let rest = &b[at..];
        if rest[0] == b'-' {
            if st != St::Data && rest.starts_with(b"-->") {
                st = St::Data;
                i = at + 3;
            }
            continue;
        }
        match st {
            St::Data if rest.starts_with(b"<!--") => {
                st = St::Escaped;
                // The dashes of `<!--` already count towards a `-->`: `<!-->`, `<!--->` and so
                // on are whole (empty) escapes.
                i = at + 4;
                while b.get(i) == Some(&b'-') {
                    i += 1;
                }
                if b.get(i) == Some(&b'>') {
                    st = St::Data;
                    i += 1;
                }
            }
            St::Data | St::Escaped
                if rest.get(1) == Some(&b'/') && tag_named(b, at + 2, b"script") =>
            {
                return Some(at);
            }
            St::Escaped if tag_named(b, at + 1, b"script") => st = St::Double,
            St::Double if rest.get(1) == Some(&b'/') && tag_named(b, at + 2, b"script") => {
                st = St::Escaped;
                i = at + 8;
            }
            _ => {}
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// How many times `byte` occurs in `b` (counted 64 bytes at a time, which compilers vectorise).
pub(crate) fn count_byte(b: &[u8], byte: u8) -> usize {
    let chunks = b.chunks_exact(64);
    let tail = chunks.remainder();
    let mut n = 0usize;
    for c in chunks {
        n += usize::from(c.iter().map(|&x| u8::from(x == byte)).sum::<u8>());
    }
    n + tail.iter().filter(|&&x| x == byte).count()
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Pieces of tricky markup that the differential tests put together at random. No
    /// `<frameset>`: there the tree builder keeps whitespace after dropped text, and our tokenizer
    /// hands text over in fewer pieces than html5ever's, so such whitespace can get another line
    /// (frameset pages have no text to read).
    pub(crate) const PIECES: &[&str] = &[
        "<div>",
        "</div>",
        "<p class=\"a b\">",
        "</p>",
        "<a href=x data-y='1>2'>",
        "</a>",
        "text ",
        "more\n",
        "<!-- c <p> -->",
        "<!--",
        "-->",
        "--!>",
        "<script>",
        "if(a<b)</p>",
        "</script>",
        "<style>",
        "</style>",
        "<svg viewBox=\"0 0 1 1\">",
        "<path d=\"M0 0\"/>",
        "</svg>",
        "<textarea>",
        "</textarea>",
        "<title>",
        "</title>",
        "<br/>",
        "<img src=a.jpg alt=\"x\">",
        "<",
        ">",
        "/",
        "=",
        "\"",
        "'",
        " ",
        "\t",
        "<table><tr><td>",
        "</table>",
        "<b>",
        "</b>",
        "<i data-q=\"\n\">",
        "<!DOCTYPE html>",
        "<![CDATA[ x ]]>",
        "<?pi?>",
        "</ x>",
        "</>",
        "<math><mi>x</mi></math>",
        "<noscript><p>n</p></noscript>",
        "<input type=hidden data-z=1>",
        "<font color=red>",
        "\r\n",
        "\r",
        "<a/b=c>",
        "<div id=d class=e hidden>",
        "&amp;",
        "<xmp><p a=1></xmp>",
        "<li>",
        "<ul>",
        "</ul>",
        "<h1 itemprop=headline>",
        "<span style='display:none'>",
        "<script type=application/ld+json>{\"a\":\"</p>\"}</script>",
        "<select><option>o",
        "<template><p>t</p></template>",
        "<iframe src=x>f</iframe>",
        "<p =x>",
        "<p a b=c d>",
        "<script><!--",
        "<script>",
        "</script >",
        "<foreignObject>",
        "</foreignObject>",
        "<mtext>",
        "<desc>",
        "<title>Icon</title>",
        "<style>.a{}</style>",
        "</svg>",
        "</math>",
        "<font size=2>",
        "<plaintext>",
        "<svg><title>T</title><path d=x/></svg>",
        "</style",
        "</title",
        "<textarea>a</textarea x>",
        "</scripts>",
        "<div ID=m role=main style='display:none' itemprop=articleBody CLASS=\"k\">",
        "<time datetime=2020-01-02 itemscope itemtype=x>",
        "<meta name=author content=\"A B\" property=og:x>",
        "<link rel=canonical href=/u>",
        "<span aria-hidden=true z=1 x=2>",
        "<svg class=icon><use href=#i x=1 /></svg>",
        "<body class=late id=b>",
        "<html lang=de id=h>",
        "<p hidden/data-x=1>",
        "<br/data-x>",
        "<img alt=\"a\"src=x/>",
        "<p\rdata-x=\"a\nb\">",
        "\r<p data-y>",
        "&notit; &amp &ampx &#x80; &#0; &#x1F600; &NotEqualTilde; &#",
        "<a title='&amp=1&lt;&gt' href=\"?a=1&copy=2\">",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"x\">",
        "<!doctype html system 'about:legacy-compat'>",
        "<!DOCTYPE>",
        "\u{feff}",
        "<P CLASS=Up>",
        "<title>a &amp; b</title>",
        "<textarea>\nx&lt;</textarea>",
        "<pre>\n\nx</pre>",
        "  \n  ",
        "<head>",
        "</body>",
        "</html>",
        "<caption>",
        "<col>",
        "<tr>",
        "<td>",
        "<![CDATA[a]]",
        "<!-- a -- b -->",
        "<!--->",
        "<!-->",
        "<!x>",
        "<a b=c b=d>",
        "<br/ >",
        "<img/src=x/>",
        "<noframes>x</noframes>",
        "<noembed><b></noembed>",
        "</p/>",
        "\0",
        "<p\0x a\0=\"\0\">",
        "<title>\0</title>",
        "<svg><![CDATA[a\0b]]></svg>",
        "<!DOCTYPE h\0tml>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">",
        "<!DOCTYPE html PUBLIC 'x'\"y\">",
        "<!DOCTYPE html SYSTEM>",
        "<!DOCTYPE html PUBLIC \"x\" junk>",
        "<!DOCTYPE html bogus>",
        "<!DOCTYPE html PUBLIC \"unterminated",
    ];

    #[test]
    fn strips_bodies_keeps_lines_and_json_ld() {
        let src = "<p>a</p><SCRIPT type=x>var s = '</p>';\nif (a < b) {}\n</script><style>\np{}</style>\
                   <!-- <script>keep me</script> --><script type=\"application/ld+json\">{\"a\":1}</script>é";
        let out = strip_raw_text(src);
        assert_eq!(
            out,
            "<p>a</p><SCRIPT type=x>\n\n</script><style>\n</style><!---->\
             <script type=\"application/ld+json\">{\"a\":1}</script>é"
        );
    }

    #[test]
    fn drops_unread_attributes_as_the_tokenizer_sees_them() {
        // Quoted '>' and quotes, unquoted values, names without values, odd spacing; an
        // unquoted value takes a trailing '/' (`data-a=1/` is not self-closing).
        let src = "<img src=\"a>b.jpg\" alt='x \"y\"' class=pic data-x=1 hidden>\
                   <A HREF=/a/ Data-Track = \"z\" id=k>t</a ><br/><div data-a=1/>";
        assert_eq!(
            strip_raw_text(src),
            "<img   class=pic  hidden><A HREF=/a/  id=k>t</a ><br/><div >"
        );
        // Line breaks inside dropped attributes stay (line numbers); kept ones are untouched.
        assert_eq!(
            strip_raw_text("<p srcset=\"a 1x,\nb 2x\" style=\"display:\nnone\">"),
            "<p \n style=\"display:\nnone\">"
        );
        // '/' before a dropped attribute does not become a self-closing '/>'.
        assert_eq!(strip_raw_text("<svg/x=1>"), "<svg/ >");
        // Attributes of end tags are dropped too; a tag cut off by the end of the page is left.
        assert_eq!(strip_raw_text("</p data-x=1><p data-"), "</p ><p data-");
    }

    #[test]
    fn counts_line_breaks_as_the_tokenizer() {
        assert_eq!(line_breaks("a\r\nb\rc\nd\r"), 4);
        assert_eq!(line_breaks("no breaks"), 0);
        // A dropped attribute with lone CRs keeps its line count.
        assert_eq!(strip_raw_text("<p data-x=\"a\rb\r\nc\">"), "<p \n\n>");
    }

    #[test]
    fn comments_and_raw_text_elements() {
        // Comments become empty ones (keeping their line breaks); the spec's odd endings count.
        assert_eq!(
            strip_raw_text("a<!-- x <p data-y=1> -->b<!--\n--!>c<!-->d<!--->e<!-- ---->f"),
            "a<!---->b<!--\n-->c<!-->d<!--->e<!---->f"
        );
        // Titles and xmp keep their text untouched, textarea and noscript bodies go.
        assert_eq!(
            strip_raw_text("<title>A <b data-x=1> t</title><textarea data-q=1>x <p></textarea>"),
            "<title>A <b data-x=1> t</title><textarea ></textarea>"
        );
        // <plaintext>: the rest is text, left alone.
        assert_eq!(
            strip_raw_text("<plaintext><p data-x=1>"),
            "<plaintext><p data-x=1>"
        );
        // CDATA, doctype and processing instructions are stepped over.
        assert_eq!(
            strip_raw_text("<!DOCTYPE html><?xml x?><svg><![CDATA[<p data-x=1>]]></svg>"),
            "<!DOCTYPE html><?xml x?><svg><![CDATA[<p data-x=1>]]></svg>"
        );
    }

    #[test]
    fn caps_nesting() {
        let deep = "<div>".repeat(2000) + "x" + &"</div>".repeat(2000) + "<div>y</div>";
        let out = strip_raw_text(&deep);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH + 1);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH + 1);
        assert!(out.contains('x') && out.ends_with("<div>y</div>"));
        // Unclosed paragraphs and list items do not count.
        let flat = "<p>a".repeat(3000);
        assert_eq!(strip_raw_text(&flat), flat);
    }

    #[test]
    fn unterminated_and_plain() {
        assert_eq!(strip_raw_text("<p>no scripts</p>"), "<p>no scripts</p>");
        assert_eq!(strip_raw_text("<script>for(;;)"), "<script>");
        assert_eq!(strip_raw_text("<script"), "<script");
        assert_eq!(
            strip_raw_text("<scripts>x</scripts>"),
            "<scripts>x</scripts>"
        );
    }

    /// The tree html5ever builds, as (depth, what) lines: element names with the attributes the
    /// pre-pass keeps, text with its line; the contents of elements whose bodies are cut and of
    /// comments are left out.
    fn tree(dom: &super::super::dom::Dom) -> Vec<String> {
        use super::super::dom::{Kind, NONE};
        let mut out = Vec::new();
        let mut stack = vec![(0usize, 0usize, false)];
        while let Some((id, depth, cut)) = stack.pop() {
            let Some(n) = dom.nodes.get(id) else { continue };
            let name: &str = n.tag();
            match n.kind {
                Kind::Element => {
                    let mut attrs: Vec<String> = n
                        .attrs
                        .iter()
                        .filter(|a| kept_attribute(a.name.local.as_bytes()))
                        .map(|a| format!("{}={:?}", &*a.name.local, &*a.value))
                        .collect();
                    attrs.sort();
                    out.push(format!("{depth} <{name} {}>", attrs.join(" ")));
                }
                Kind::Text if !cut => out.push(format!("{depth} {:?} @{}", &*n.text, n.line)),
                _ => {}
            }
            let cut = cut
                || matches!(
                    name,
                    "script"
                        | "style"
                        | "noscript"
                        | "iframe"
                        | "noembed"
                        | "noframes"
                        | "textarea"
                );
            let mut kids = Vec::new();
            let mut c = n.first;
            while c != NONE {
                kids.push(c);
                c = dom.nodes.get(c).map_or(NONE, |k| k.next);
            }
            for k in kids.into_iter().rev() {
                stack.push((k, depth + 1, cut));
            }
        }
        out
    }

    /// Random pages of up to 40 `PIECES`, from a xorshift generator seeded with `seed`.
    pub(crate) fn random_pages(mut seed: u64) -> impl Iterator<Item = String> {
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        std::iter::repeat_with(move || {
            let len = 1 + next(40);
            (0..len).map(|_| PIECES[next(PIECES.len())]).collect()
        })
    }

    #[test]
    fn the_parser_builds_the_same_tree_from_the_smaller_page() {
        use super::super::dom::Dom;
        for (round, src) in random_pages(0x2545_f491_4f6c_dd1d).take(5000).enumerate() {
            let small = strip_raw_text(&src);
            assert_eq!(
                tree(&Dom::parse(&small)),
                tree(&Dom::parse_with_html5ever(&src)),
                "round {round}: {src:?}\n-> {small:?}"
            );
        }
    }
}

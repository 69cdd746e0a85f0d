//! Byte-level scanning of HTML markup for the tokenizer (`tokenizer.rs`): tags and their
//! attributes as the WHATWG tokenizer reads them (quoted `>` and all), where comments, raw-text
//! bodies and script data end, and what the walk reads (attributes, nesting). All delimiters are
//! ASCII, so every position found is a char boundary.

/// Deepest element nesting passed on to the tree builder. html5ever scans its stack of open elements
/// on every start tag, so nesting costs time proportional to depth × tags; browsers cap the depth
/// too (Blink at 512). Start tags past the cap are dropped, with their end tags.
pub(crate) const MAX_DEPTH: usize = 512;

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

pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
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
/// Adds to `unread` the line breaks between an `=` and its value, which html5ever's tokenizer
/// skips without counting lines (its "before attribute value" state drops them unread).
pub(crate) fn scan_tag(
    src: &str,
    from: usize,
    unread: &mut usize,
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
        while let Some(&c) = b.get(i).filter(|&&c| is_space(c)) {
            *unread += usize::from(c == b'\n');
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
    // The first `>` after `--` or `--!` that start in the body.
    let mut i = body;
    while let Some(p) = memchr::memchr(b'>', b.get(i..).unwrap_or_default()) {
        let gt = i + p;
        let ends = |n: usize, tail: &[u8]| gt >= body + n && b.get(gt - n..gt) == Some(tail);
        if ends(2, b"--") || ends(3, b"--!") {
            return gt + 1;
        }
        i = gt + 1;
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

/// Where `needle` (starting with an ASCII letter) first occurs in `hay`, ASCII case-insensitively.
pub(crate) fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let &first = needle.first()?;
    let mut i = 0;
    while let Some(p) = memchr::memchr2(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        hay.get(i..)?,
    ) {
        let at = i + p;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Pieces of tricky markup that the differential tests put together at random (mostly for
    /// the tokenizer; `treebuilder::differential` has pieces for tree construction and framesets).
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

    /// A tree as (depth, what) lines, as trimming should leave it: elements with the attributes
    /// the walk reads (`names::A`), text with its line, template contents; the contents of
    /// elements whose bodies are cut and comments are left out.
    pub(crate) fn tree(items: &[super::super::treedump::Item]) -> Vec<String> {
        use super::super::names::A;
        use super::super::treedump::What;
        let mut out = Vec::new();
        // Whether the nodes at each depth sit inside an element whose body is cut.
        let mut cut = vec![false];
        for item in items {
            let depth = item.depth;
            let inside = cut.get(depth - 1).copied().unwrap_or(false);
            let mut name = "";
            match &item.what {
                What::Element { ns, name: n, attrs } => {
                    name = n;
                    let mut attrs: Vec<String> = attrs
                        .iter()
                        .filter(|(ns, name, _)| ns.is_empty() && A::of(name.as_bytes()) != A::Other)
                        .map(|(_, name, value)| format!("{name}={value:?}"))
                        .collect();
                    attrs.sort();
                    out.push(format!("{depth} <{ns}:{name} {}>", attrs.join(" ")));
                }
                What::Text { text, line } if !inside => {
                    out.push(format!("{depth} {text:?} @{line}"))
                }
                What::Contents => out.push(format!("{depth} contents")),
                _ => {}
            }
            cut.truncate(depth);
            cut.push(
                inside
                    || matches!(
                        name,
                        "script"
                            | "style"
                            | "noscript"
                            | "iframe"
                            | "noembed"
                            | "noframes"
                            | "textarea"
                    ),
            );
        }
        out
    }

    /// Random pages of up to 40 `PIECES`, from a xorshift generator seeded with `seed`.
    pub(crate) fn random_pages(seed: u64) -> impl Iterator<Item = String> {
        pages_of(&[PIECES], seed)
    }

    /// Random pages of up to 40 pieces from `sets` (a set first, then a piece of it), from a
    /// xorshift generator seeded with `seed`.
    pub(crate) fn pages_of(
        sets: &'static [&'static [&'static str]],
        mut seed: u64,
    ) -> impl Iterator<Item = String> {
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        std::iter::repeat_with(move || {
            let len = 1 + next(40);
            (0..len)
                .map(|_| {
                    let set = sets[next(sets.len())];
                    set[next(set.len())]
                })
                .collect()
        })
    }

    #[test]
    fn trimming_leaves_the_tree_as_it_is() {
        use super::super::dom::Dom;
        for (round, src) in random_pages(0x2545_f491_4f6c_dd1d).take(5000).enumerate() {
            let Some(theirs) = super::super::oracle::parse(&src) else {
                continue;
            };
            assert_eq!(
                tree(&Dom::parse_trimmed_drifting(&src).items()),
                tree(&theirs),
                "round {round}: {src:?}"
            );
        }
    }

    #[test]
    fn finds_comment_ends() {
        let end = |s: &str| comment_end(s.as_bytes(), 0);
        assert_eq!(end("<!-->x"), 5);
        assert_eq!(end("<!--->x"), 6);
        assert_eq!(end("<!---->x"), 7);
        assert_eq!(end("<!-- a -> b --!>x"), 16);
        assert_eq!(end("<!-- a > b -- > c -->x"), 21);
        assert_eq!(end("<!-- never"), 10);
        assert_eq!(find_ci(b"type=application/JSON", b"json"), Some(17));
        assert_eq!(find_ci(b"jso json", b"json"), Some(4));
        assert_eq!(find_ci(b"js", b"json"), None);
    }

    #[test]
    fn caps_nesting() {
        use super::super::dom::{Dom, NONE};
        let depth = |d: &Dom| {
            d.nodes
                .iter()
                .map(|n| {
                    let (mut k, mut p) = (0, n.parent);
                    while p != NONE {
                        k += 1;
                        p = d.nodes.get(p).map_or(NONE, |x| x.parent);
                    }
                    k
                })
                .max()
                .unwrap_or(0)
        };
        let deep = "<div>".repeat(2000) + "x" + &"</div>".repeat(2000) + "<div>y</div>";
        let d = Dom::parse_trimmed(&deep);
        assert!(depth(&d) <= MAX_DEPTH + 4, "{}", depth(&d));
        let text: String = (0..d.nodes.len()).map(|i| d.at(i).text()).collect();
        assert_eq!(text, "xy");
        // Unclosed paragraphs do not count: all 3,000 stay.
        let flat = "<p>a".repeat(3000);
        let d = Dom::parse_trimmed(&flat);
        assert_eq!(
            (0..d.nodes.len()).filter(|&i| d.at(i).tag() == "p").count(),
            3000
        );
    }
}

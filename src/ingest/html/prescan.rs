//! A fast pre-pass: the bodies of `<script>` and `<style>` elements (more than half of the bytes of
//! a typical news page) are cut down to their line breaks before html5ever sees the page, so the
//! tokenizer does not walk them character by character. Line breaks stay, so the line numbers the
//! parser reports still match the source; JSON-LD scripts stay whole, since they carry metadata.
//! Comments are skipped over, so a `<script>` inside a comment is left alone.

use std::borrow::Cow;

/// Deepest element nesting passed on to the parser. html5ever scans its stack of open elements
/// on every start tag, so nesting costs time proportional to depth × tags; browsers cap the depth
/// too (Blink at 512). Start tags past the cap are dropped, with their end tags.
const MAX_DEPTH: usize = 512;

/// Elements that never nest (void) or whose start tag closes an open one of their kind (optional
/// end tags): they do not deepen the tree, so they are not counted.
fn flat(name: &[u8]) -> bool {
    if name.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    for (d, c) in buf.iter_mut().zip(name) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..name.len()],
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

/// The page with script and style bodies reduced to their newlines and nesting capped.
pub(crate) fn strip_raw_text(src: &str) -> Cow<'_, str> {
    let b = src.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(src.len() / 2);
    let mut copied = 0; // bytes of `b` handled so far
    let mut changed = false;
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut i = 0;
    // Replaces b[from..to] by its line breaks.
    let cut = |out: &mut Vec<u8>, copied: &mut usize, from: usize, to: usize| {
        out.extend_from_slice(&b[*copied..from]);
        let lines = b[from..to].iter().filter(|&&c| c == b'\n').count();
        out.resize(out.len() + lines, b'\n');
        *copied = to;
    };
    while let Some(p) = src.get(i..).and_then(|r| r.find('<')) {
        let lt = i + p;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = match find(&b[lt + 4..], b"-->") {
                Some(q) => lt + 4 + q + 3,
                None => b.len(),
            };
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = &b[name_start..name_start + name_len];
        let Some(gt) = tag_end(src, name_start + name_len) else {
            break;
        };
        let raw = name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style");
        if closing {
            if !raw && !flat(name) {
                if dropped > 0 {
                    dropped -= 1;
                    cut(&mut out, &mut copied, lt, gt + 1);
                    changed = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
            i = gt + 1;
            continue;
        }
        if !raw {
            if !flat(name) {
                let self_closing = gt > 0 && b[gt - 1] == b'/';
                if depth >= MAX_DEPTH && !self_closing {
                    dropped += 1;
                    cut(&mut out, &mut copied, lt, gt + 1);
                    changed = true;
                } else if !self_closing {
                    depth += 1;
                }
            }
            i = gt + 1;
            continue;
        }
        let keep = name.eq_ignore_ascii_case(b"script") && {
            let tag = &b[lt..gt];
            find_ci(tag, b"json").is_some()
        };
        let body_start = gt + 1;
        let body_end = find_end_tag(src, body_start, name).unwrap_or(b.len());
        if !keep && body_end > body_start {
            cut(&mut out, &mut copied, body_start, body_end);
            changed = true;
        }
        i = body_end.max(lt + 1);
    }
    if !changed {
        return Cow::Borrowed(src);
    }
    out.extend_from_slice(&b[copied..]);
    // Only whole ranges between ASCII delimiters were dropped, so this is still UTF-8.
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(src),
    }
}

/// The index of the `>` that closes a start tag whose attributes begin at `from`.
fn tag_end(src: &str, from: usize) -> Option<usize> {
    // Fast path: no quote before the first '>' (both found with memchr-style searches).
    let rest = src.get(from..)?;
    let gt = rest.find('>')?;
    let head = rest.get(..gt)?;
    if head.find('"').is_none() && head.find('\'').is_none() {
        return Some(from + gt);
    }
    let b = src.as_bytes();
    let mut quote = 0u8;
    for (k, &c) in b.get(from..)?.iter().enumerate() {
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return Some(from + k);
        }
    }
    None
}

/// Where `</name` starts (case-insensitive), from `from` on.
fn find_end_tag(src: &str, from: usize, name: &[u8]) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = from;
    while let Some(p) = src.get(i..)?.find("</") {
        let at = i + p;
        let after = &b[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = 0;
    while let Some(p) = hay.get(i..)?.iter().position(|&c| c == first) {
        let at = i + p;
        if hay.get(at..at + needle.len())? == needle {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bodies_keeps_lines_and_json_ld() {
        let src = "<p>a</p><SCRIPT type=x>var s = '</p>';\nif (a < b) {}\n</script><style>\np{}</style>\
                   <!-- <script>keep me</script> --><script type=\"application/ld+json\">{\"a\":1}</script>é";
        let out = strip_raw_text(src);
        assert_eq!(
            out,
            "<p>a</p><SCRIPT type=x>\n\n</script><style>\n</style><!-- <script>keep me</script> -->\
             <script type=\"application/ld+json\">{\"a\":1}</script>é"
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
}

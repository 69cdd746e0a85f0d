//! Input sniffing: is it HTML or text, and (for bytes) which encoding.

use crate::options::Format;

/// HTML when the input starts (after whitespace and a BOM) with markup that begins a document —
/// a doctype, `<html>`, `<head>`, `<body>`, a comment or a common block tag — or when it has
/// several closing block tags early on; text otherwise.
pub(crate) fn format(input: &str) -> Format {
    let head = input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let start = prefix_lower(head, 512);
    const OPENERS: [&str; 12] = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<!--",
        "<?xml",
        "<meta",
        "<title",
        "<div",
        "<article",
        "<p>",
        "<p ",
    ];
    if OPENERS.iter().any(|o| start.starts_with(o)) {
        return Format::Html;
    }
    let window = prefix_lower(input, 64 * 1024);
    let closers = [
        "</p>", "</div>", "</a>", "</li>", "</span>", "</h1>", "</h2>", "</td>",
    ]
    .iter()
    .map(|c| window.matches(c).count())
    .sum::<usize>();
    if window.contains("<body") || window.contains("<html") || closers >= 3 {
        Format::Html
    } else {
        Format::Text
    }
}

fn prefix_lower(s: &str, n: usize) -> String {
    let mut end = n.min(s.len());
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_ascii_lowercase()
}

/// Decodes bytes: a BOM wins; then valid UTF-8 is UTF-8; then the charset an HTML `<meta>` declares
/// (in the first 4 KiB); then windows-1252, the web's default for undeclared legacy pages. Without
/// the `encodings` feature, anything that is not UTF-8 is decoded lossily as UTF-8. Returns the text
/// and the name of the encoding used.
pub(crate) fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, &'static str) {
    decode_with_charset(bytes, None)
}

/// [`decode`] with the charset the transport layer declared (an HTTP `Content-Type` header's
/// `charset`), which goes before the `<meta>` one, as in the WHATWG encoding sniffing algorithm
/// (HTML §13.2.3.2: BOM, then transport layer, then `<meta>` prescan). One difference, as in
/// [`decode`]: bytes that are valid UTF-8 stay UTF-8, since servers often send a stale default
/// (`ISO-8859-1`) for UTF-8 pages. A label encoding_rs does not know (WHATWG "get an encoding")
/// is ignored.
pub(crate) fn decode_with_charset<'a>(
    bytes: &'a [u8],
    charset: Option<&str>,
) -> (std::borrow::Cow<'a, str>, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest), "UTF-8");
    }
    #[cfg(feature = "encodings")]
    {
        if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
            let (text, _) = enc.decode_with_bom_removal(bytes);
            return (text, enc.name());
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (std::borrow::Cow::Borrowed(s), "UTF-8");
    }
    #[cfg(feature = "encodings")]
    {
        let enc = charset
            .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
            .or_else(|| {
                declared_charset(bytes).and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
            })
            .unwrap_or(encoding_rs::WINDOWS_1252);
        // A page that declares UTF-8 but is not valid UTF-8: lossy UTF-8.
        let (text, _, _) = enc.decode(bytes);
        return (text, enc.name());
    }
    #[allow(unreachable_code)]
    {
        let _ = charset;
        (String::from_utf8_lossy(bytes), "UTF-8")
    }
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` (or an XML declaration) in the first 4 KiB.
#[cfg_attr(not(feature = "encodings"), allow(dead_code))]
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut i = 0;
    while let Some(p) = find(&lower[i..], b"charset") {
        let mut j = i + p + 7;
        // Only inside a tag: the last '<' before must be after the last '>'.
        let before = &lower[..i + p];
        let lt = before.iter().rposition(|&c| c == b'<');
        let gt = before.iter().rposition(|&c| c == b'>');
        let in_tag = match (lt, gt) {
            (Some(l), Some(g)) => l > g,
            (Some(_), None) => true,
            _ => false,
        };
        while j < lower.len() && lower[j].is_ascii_whitespace() {
            j += 1;
        }
        if in_tag && lower.get(j) == Some(&b'=') {
            j += 1;
            while j < lower.len()
                && (lower[j].is_ascii_whitespace() || lower[j] == b'"' || lower[j] == b'\'')
            {
                j += 1;
            }
            let s = j;
            while j < lower.len()
                && (lower[j].is_ascii_alphanumeric() || b"-_:.".contains(&lower[j]))
            {
                j += 1;
            }
            if j > s {
                return Some(String::from_utf8_lossy(&lower[s..j]).into_owned());
            }
        }
        i += p + 7;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs() {
        assert_eq!(format("<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(format("\u{feff}  <html>"), Format::Html);
        assert_eq!(format("Hello <b>world</b>"), Format::Text);
        assert_eq!(
            format("Intro\n<div>a</div><div>b</div><p>c</p>"),
            Format::Html
        );
        assert_eq!(format("Use a < b and c > d."), Format::Text);
        assert_eq!(format(""), Format::Text);
    }

    #[test]
    fn charsets() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">"
            )
            .as_deref(),
            Some("shift_jis")
        );
        assert_eq!(declared_charset(b"<p>charset=utf-8 in text</p>"), None);
    }

    #[cfg(feature = "encodings")]
    #[test]
    fn decodes_legacy_bytes() {
        // "Привет" in windows-1251.
        let mut page = b"<html><head><meta charset=windows-1251></head><body><p>".to_vec();
        page.extend_from_slice(&[0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]);
        page.extend_from_slice(b"</p></body></html>");
        let (text, enc) = decode(&page);
        assert_eq!(enc, "windows-1251");
        assert!(text.contains("Привет"));
        // Undeclared Latin-1 bytes: windows-1252.
        let (text, _) = decode(b"caf\xe9");
        assert_eq!(text, "café");
        // A transport-layer charset goes before <meta>; an unknown label is ignored; valid
        // UTF-8 stays UTF-8 whatever the header says.
        let (text, enc) = decode_with_charset(&page, Some("koi8-r"));
        assert_eq!(enc, "KOI8-R");
        assert!(!text.contains("Привет"));
        let (_, enc) = decode_with_charset(&page, Some("no-such-charset"));
        assert_eq!(enc, "windows-1251");
        let (text, enc) = decode_with_charset("café".as_bytes(), Some("iso-8859-1"));
        assert_eq!((text.as_ref(), enc), ("café", "UTF-8"));
        let (text, enc) = decode_with_charset(b"caf\xe9", Some(" ISO-8859-15 "));
        assert_eq!((text.as_ref(), enc), ("café", "ISO-8859-15"));
        // UTF-16 with a BOM.
        let (text, enc) = decode(b"\xFF\xFEh\0i\0");
        assert_eq!((text.as_ref(), enc), ("hi", "UTF-16LE"));
    }
}

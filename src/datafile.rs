//! The word lists of `src/data/` without their comment lines, at compile time: the comments
//! document a file for its editors and need not be in the WebAssembly module (they were ~5 KB of
//! it gzipped). Every reader of these files skips lines that start with `#` anyway, so dropping
//! them changes nothing else.

/// `text` (an `include_str!`) without the lines that start with `#`, as a `&'static str`.
macro_rules! without_comments {
    ($text:expr) => {{
        const RAW: &[u8] = $text.as_bytes();
        const BYTES: [u8; $crate::datafile::kept_len(RAW)] = $crate::datafile::kept(RAW);
        // Whole lines of valid UTF-8 are valid UTF-8: the `Err` arm is never taken.
        const TEXT: &str = match ::core::str::from_utf8(&BYTES) {
            Ok(s) => s,
            Err(_) => "",
        };
        TEXT
    }};
}
pub(crate) use without_comments;

/// The end of the line that starts at `i` (after its `\n`, or the end of `raw`).
const fn line_end(raw: &[u8], mut i: usize) -> usize {
    while i < raw.len() {
        i += 1;
        if raw[i - 1] == b'\n' {
            break;
        }
    }
    i
}

/// How many bytes of `raw` are on lines that do not start with `#`.
pub(crate) const fn kept_len(raw: &[u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < raw.len() {
        let end = line_end(raw, i);
        if raw[i] != b'#' {
            n += end - i;
        }
        i = end;
    }
    n
}

/// The bytes of `raw` on lines that do not start with `#` (`N` is their `kept_len`).
pub(crate) const fn kept<const N: usize>(raw: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut i, mut o) = (0, 0);
    while i < raw.len() {
        let end = line_end(raw, i);
        if raw[i] != b'#' {
            while i < end && o < N {
                out[o] = raw[i];
                o += 1;
                i += 1;
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn drops_comment_lines_only() {
        const TEXT: &str = without_comments!("# head\na\tb # not a comment\n\n #kept\n# tail");
        assert_eq!(TEXT, "a\tb # not a comment\n\n #kept\n");
        assert_eq!(without_comments!("x\n#y"), "x\n");
        assert_eq!(without_comments!(""), "");
        assert_eq!(without_comments!("é\n#ü\nß"), "é\nß");
    }
}

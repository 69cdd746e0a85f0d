//! Character classes with fast paths for the characters news text is made of.
//!
//! `char::is_alphabetic` and `char::is_numeric` answer ASCII at once but search Unicode tables
//! for every other character, and news text is full of non-ASCII punctuation (curly quotes and
//! apostrophes, dashes, ellipses) and accented Latin letters. These functions answer the same as
//! the standard ones (a test checks every character) and decide those blocks from fixed ranges:
//! Latin-1 and Latin Extended, the basic Cyrillic letters and General Punctuation.

/// `c.is_alphabetic()`, with fast paths.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphabetic();
    }
    match u {
        0x80..=0xA9 | 0xD7 | 0xF7 | 0x2000..=0x2070 => false,
        0xC0..=0x2C1 | 0x400..=0x481 | 0x48A..=0x52F => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_numeric()`, with fast paths.
#[inline]
pub(crate) fn is_numeric(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_digit();
    }
    match u {
        0x80..=0xB1 | 0xBF..=0x5FF | 0x2000..=0x206F => false,
        _ => c.is_numeric(),
    }
}

/// `c.is_alphanumeric()`, with fast paths.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c) || is_numeric(c)
}

/// Appends `s.char_indices()` to `out`, copying runs of ASCII without decoding them.
pub(crate) fn push_char_indices(s: &str, out: &mut Vec<(usize, char)>) {
    let b = s.as_bytes();
    out.reserve(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = b.get(i..).unwrap_or(&[]);
        let run = rest
            .iter()
            .position(|x| !x.is_ascii())
            .unwrap_or(rest.len());
        let ascii = rest.get(..run).unwrap_or(&[]);
        out.extend(
            ascii
                .iter()
                .enumerate()
                .map(|(k, &x)| (i + k, char::from(x))),
        );
        i += run;
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        out.push((i, c));
        i += c.len_utf8();
    }
}

/// The same tests as methods, for `c.alpha()` where `c.is_alphabetic()` was.
pub(crate) trait Class {
    /// [`is_alphabetic`].
    fn alpha(self) -> bool;
    /// [`is_numeric`].
    fn numeric(self) -> bool;
    /// [`is_alphanumeric`].
    fn alnum(self) -> bool;
}

impl Class for char {
    #[inline]
    fn alpha(self) -> bool {
        is_alphabetic(self)
    }
    #[inline]
    fn numeric(self) -> bool {
        is_numeric(self)
    }
    #[inline]
    fn alnum(self) -> bool {
        is_alphanumeric(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_library_for_every_character() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{:X}", c as u32);
            assert_eq!(is_numeric(c), c.is_numeric(), "{:X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:X}", c as u32);
        }
    }

    #[test]
    fn char_indices_are_the_standard_ones() {
        for s in ["", "plain", "Café “quoted” — 東京 x", "é", "a\u{10000}b"] {
            let mut got = vec![(99, 'z')];
            push_char_indices(s, &mut got);
            let want: Vec<(usize, char)> =
                std::iter::once((99, 'z')).chain(s.char_indices()).collect();
            assert_eq!(got, want, "{s}");
        }
    }
}

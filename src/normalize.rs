//! Normalisation for comparison only: the output always keeps the original characters.
//!
//! Two blocks compare equal when they differ only in whitespace (NBSP included), curly vs straight
//! quotes and apostrophes, dash kinds, letter case or punctuation: comparison works on the word
//! sequence (runs of letters and digits, lower-cased).

/// True for characters of scripts written without spaces between words, where each character
/// counts as a word: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK ext A
        | 0x4E00..=0x9FFF    // CJK unified
        | 0xF900..=0xFAFF    // CJK compatibility
        | 0x0E00..=0x0EFF    // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x20000..=0x2FA1F)
}

/// A word character: a letter or digit (combining marks stay inside a word).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks of common scripts (Devanagari vowel signs and the like), so they do not split words.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
        && !c.is_alphanumeric()
}

/// How [`for_each_word`] treats a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharClass {
    /// A word character ([`is_word_char`]) of a spaced script.
    Word,
    /// A character of an unspaced script ([`is_unspaced`]): a word of its own.
    Unspaced,
    /// Anything else: it separates words.
    Other,
}

/// Where [`WORD_BITS`] holds U+2000..U+206F (General Punctuation: quotes, dashes, spaces).
const PUNCT_FROM: u32 = 0x2000;
const PUNCT_TO: u32 = 0x2070;
const PUNCT_AT: u32 = 0x800;

/// [`is_word_char`] of U+0000..U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic, ...) and of
/// General Punctuation, one bit each, worked out once: the Unicode tables behind
/// `char::is_alphanumeric` cost a search per character.
static WORD_BITS: std::sync::LazyLock<[u64; 34]> = std::sync::LazyLock::new(|| {
    let mut bits = [0u64; 34];
    let all = (0..PUNCT_AT).chain(PUNCT_FROM..PUNCT_TO);
    for (n, u) in all.enumerate() {
        if char::from_u32(u).is_some_and(|c| is_word_char(c) && !is_unspaced(c)) {
            if let Some(w) = bits.get_mut(n / 64) {
                *w |= 1 << (n % 64);
            }
        }
    }
    bits
});

/// The class of `c` (what [`is_unspaced`] and [`is_word_char`] say, in that order).
#[inline]
pub(crate) fn class_of(c: char) -> CharClass {
    let u = c as u32;
    let n = if u < PUNCT_AT {
        u
    } else if (PUNCT_FROM..PUNCT_TO).contains(&u) {
        u - PUNCT_FROM + PUNCT_AT
    } else if is_unspaced(c) {
        return CharClass::Unspaced;
    } else if is_word_char(c) {
        return CharClass::Word;
    } else {
        return CharClass::Other;
    };
    let word = WORD_BITS
        .get(n as usize / 64)
        .is_some_and(|w| w >> (n % 64) & 1 != 0);
    if word {
        CharClass::Word
    } else {
        CharClass::Other
    }
}

/// Calls `f` with the byte range of each word of `s`: a run of word characters, or a single
/// character of an unspaced script.
pub(crate) fn for_each_word(s: &str, mut f: impl FnMut(usize, usize)) {
    let b = s.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // ASCII, most of the bytes of most pages, a run at a time without decoding a char.
        if x.is_ascii() {
            if x.is_ascii_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
            } else {
                if let Some(st) = start.take() {
                    f(st, i);
                }
                i += 1;
                while b
                    .get(i)
                    .is_some_and(|y| y.is_ascii() && !y.is_ascii_alphanumeric())
                {
                    i += 1;
                }
            }
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        match class_of(c) {
            CharClass::Unspaced => {
                if let Some(st) = start.take() {
                    f(st, i);
                }
                f(i, i + c.len_utf8());
            }
            CharClass::Word => {
                if start.is_none() {
                    start = Some(i);
                }
            }
            CharClass::Other => {
                if let Some(st) = start.take() {
                    f(st, i);
                }
            }
        }
        i += c.len_utf8();
    }
    if let Some(st) = start {
        f(st, s.len());
    }
}

/// True when lower-casing leaves `c` as it is (a capital sigma never does: its lower-case form
/// depends on the letters around it).
#[inline]
pub(crate) fn lower_is_same(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// `s.to_lowercase()`, borrowed when that changes nothing (most words of a text), so hot loops
/// need not allocate a `String` per word.
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(lower_is_same) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// The lower-case form of a whole text when lower-casing keeps the byte length of every character:
/// then `text[a..b].to_lowercase()` is `lower[a..b]` for every piece, so extractors slice it instead
/// of lower-casing word by word. `None` when a character changes length ("İ", "ẞ") or is a capital
/// sigma (whose lower-case form depends on its neighbours).
#[cfg_attr(not(feature = "facts"), allow(dead_code))] // used by fact extraction only
pub(crate) fn lower_aligned(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    lower_aligned_into(text, &mut out).then_some(out)
}

/// [`lower_aligned`] into `out` (appended): false, and `out` holding part of it, when it is
/// `None`.
#[cfg_attr(not(feature = "facts"), allow(dead_code))] // used by fact extraction only
pub(crate) fn lower_aligned_into(text: &str, out: &mut String) -> bool {
    out.reserve(text.len());
    let mut rest = text;
    loop {
        // A run of ASCII, then one other character.
        let n = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        let Some(run) = rest.get(..n) else {
            return false;
        };
        out.push_str(run);
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
        let Some(after) = rest.get(n..) else {
            return false;
        };
        rest = after;
        let Some(c) = rest.chars().next() else {
            return true;
        };
        if c == 'Σ' {
            return false;
        }
        let mut l = c.to_lowercase();
        let Some(d) = l.next() else {
            return false;
        };
        if l.next().is_some() || d.len_utf8() != c.len_utf8() {
            return false;
        }
        out.push(d);
        let Some(after) = rest.get(c.len_utf8()..) else {
            return false;
        };
        rest = after;
    }
}

/// Appends `s.to_lowercase()` to `out`: the same characters, without a `String` per call.
pub(crate) fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
    } else if s.contains('Σ') {
        // Final or medial sigma: `str::to_lowercase` looks at the neighbours.
        out.push_str(&s.to_lowercase());
    } else {
        for c in s.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// The comparison key of a text: its lower-cased words joined by single spaces. Whitespace,
/// punctuation, quote and dash kinds and case do not change the key.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// Appends the comparison key of `s` (see [`key`]) to `out` and returns its number of words: the
/// words of [`for_each_word`], each lower-cased character by character, joined by single spaces
/// (no space before the first, whatever `out` already holds). Runs of ASCII letters and digits
/// are copied whole and lower-cased in place.
pub(crate) fn key_into(s: &str, out: &mut String) -> usize {
    let b = s.as_bytes();
    let mut words = 0usize;
    let mut in_word = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !x.is_ascii_alphanumeric() {
                in_word = false;
                i += 1;
                continue;
            }
            let st = i;
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            if !in_word {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            let from = out.len();
            out.push_str(s.get(st..i).unwrap_or(""));
            if let Some(tail) = out.get_mut(from..) {
                tail.make_ascii_lowercase();
            }
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let class = class_of(c);
        let unspaced = class == CharClass::Unspaced;
        if class != CharClass::Other {
            // An unspaced character is a word of its own.
            if unspaced || !in_word {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
            }
            out.extend(c.to_lowercase());
            in_word = !unspaced;
        } else {
            in_word = false;
        }
        i += c.len_utf8();
    }
    words
}

/// Multiplier of the word-at-a-time mix (the constant of Firefox's FxHash).
const MIX_MUL: u64 = 0x517c_c1b7_2722_0a95;

/// One step of a sequence hash: the running hash and the next 64-bit piece.
#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(MIX_MUL)
}

/// Final avalanche (MurmurHash3's fmix64), so every bit of the result depends on every input bit.
#[inline]
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A 64-bit hash of `b`, read eight bytes at a time, with every byte OR-ed with `or` first:
/// `0x20` lower-cases ASCII letters and leaves ASCII digits as they are, so
/// `hash_bytes_or(w, 0x20) == hash_bytes_or(lower(w), 0)` for a word `w` of ASCII letters and
/// digits. For hash tables and sets of words and keys; equal inputs give equal hashes. The last
/// one to eight bytes are read as in wyhash: two overlapping 4-byte loads, or three single bytes
/// (first, middle, last) under four; the length is hashed too, so these readings are one-to-one.
#[inline]
pub(crate) fn hash_bytes_or(b: &[u8], or: u8) -> u64 {
    let wide = u64::from_le_bytes([or; 8]);
    let mut h = mix(0x243f_6a88_85a3_08d3, b.len() as u64);
    let mut rest = b;
    while rest.len() > 8 {
        let (chunk, tail) = rest.split_at(8);
        h = mix(h, load(chunk, 8) | wide);
        rest = tail;
    }
    let n = rest.len();
    let v = if n >= 4 {
        (load(rest, 4) | load(rest.get(n - 4..).unwrap_or(&[]), 4) << 32) | wide
    } else if n > 0 {
        let at = |k: usize| u64::from(rest.get(k).copied().unwrap_or(0));
        (at(0) | at(n / 2) << 8 | at(n - 1) << 16) | (wide & 0x00ff_ffff)
    } else {
        0
    };
    avalanche(mix(h, v))
}

/// The first `n` (4 or 8) bytes of `b` as a little-endian number (0 if `b` is shorter).
#[inline]
fn load(b: &[u8], n: usize) -> u64 {
    if n == 8 {
        b.get(..8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes)
    } else {
        b.get(..4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, |a| u64::from(u32::from_le_bytes(a)))
    }
}

/// [`hash_bytes_or`] of `b` as it is.
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    hash_bytes_or(b, 0)
}

/// A 64-bit hash of a sequence of hashes (of words, say: then of the words joined in order).
#[inline]
pub(crate) fn hash_seq(hashes: &[u64]) -> u64 {
    avalanche(
        hashes
            .iter()
            .fold(hashes.len() as u64 ^ 0x243f_6a88_85a3_08d3, |h, &w| {
                mix(h, w)
            }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ignores_quotes_dashes_case_and_spaces() {
        assert_eq!(
            key("“Don’t   stop” — she\u{a0}SAID."),
            key("\"Don't stop\" - she said")
        );
        assert_eq!(key("Russia ’s 2022"), "russia s 2022");
    }

    #[test]
    fn lower_matches_to_lowercase() {
        for s in [
            "",
            "plain",
            "Title",
            "ÉCOLE",
            "straße",
            "İstanbul",
            "ΟΔΟΣ",
            "Σ",
            "ΣΑΣ.",
            "ǅemal",
            "東京",
            "x’Y",
            "ÀB-cd",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
            let mut out = String::from("pre ");
            push_lower(&mut out, s);
            assert_eq!(out, format!("pre {}", s.to_lowercase()), "{s}");
        }
        assert!(matches!(
            lower("already lower é"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn aligned_lower_case_slices_like_to_lowercase() {
        for s in [
            "Plain ASCII, Text.",
            "Çà et LÀ — “Zitat” Ärger 東京 Ωmega",
            "x’Y ǅ ß",
        ] {
            let lower = lower_aligned(s).expect("aligned");
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            for (n, &a) in bounds.iter().enumerate() {
                for &b in &bounds[n..] {
                    assert_eq!(lower[a..b], s[a..b].to_lowercase(), "{s} {a}..{b}");
                }
            }
        }
        for s in ["İstanbul", "ΟΔΟΣ", "GROẞ"] {
            assert_eq!(lower_aligned(s), None, "{s}");
        }
    }

    #[test]
    fn key_into_appends_and_counts_words() {
        let mut out = String::from("x");
        assert_eq!(key_into("Ab12 CD-éF 東京x ÀÉ", &mut out), 7);
        assert_eq!(out, "xab12 cd éf 東 京 x àé");
        for s in ["", " .. ", "İstanbul ΣΑΣ ǅemal", "a\u{301}b c", "東"] {
            let mut out = String::new();
            let n = key_into(s, &mut out);
            let mut words = 0;
            for_each_word(s, |_, _| words += 1);
            assert_eq!(n, words, "{s}");
            let mut expect = String::new();
            for_each_word(s, |a, b| {
                if !expect.is_empty() {
                    expect.push(' ');
                }
                expect.extend(s[a..b].chars().flat_map(char::to_lowercase));
            });
            assert_eq!(out, expect, "{s}");
        }
    }

    #[test]
    fn hashes_lower_case_ascii_words_in_place() {
        for w in [
            "The",
            "ABC123",
            "abcdefghIJKLMNOPq",
            "",
            "a",
            "Ab",
            "ABC",
            "ABCD",
            "aBcDeFgH",
        ] {
            assert_eq!(
                hash_bytes_or(w.as_bytes(), 0x20),
                hash_bytes(w.to_ascii_lowercase().as_bytes()),
                "{w}"
            );
        }
        assert_ne!(hash_bytes(b"ab"), hash_bytes(b"ba"));
        assert_ne!(hash_bytes(b"abc"), hash_bytes(b"acc"));
        assert_ne!(hash_bytes(b"abcdef"), hash_bytes(b"abcdff"));
        assert_ne!(hash_bytes(b"a"), hash_bytes(b"aa"));
        assert_ne!(hash_seq(&[1, 2]), hash_seq(&[2, 1]));
    }

    #[test]
    fn char_classes_match_the_unicode_tables() {
        for u in (0..0x3000u32).chain(0x20000..0x20010) {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            let expect = if is_unspaced(c) {
                CharClass::Unspaced
            } else if is_word_char(c) {
                CharClass::Word
            } else {
                CharClass::Other
            };
            assert_eq!(class_of(c), expect, "U+{u:04X}");
        }
    }

    #[test]
    fn cjk_characters_are_words() {
        assert_eq!(key("東京は晴れ"), "東 京 は 晴 れ");
        assert_eq!(key("Ab12 cd"), "ab12 cd");
    }
}

/// A fast hasher for keys that are already hashes (shingle hashes) or short strings: FNV-1a for
/// bytes, a multiplicative mix for integers. Not DoS-resistant; keys are one page's own words.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FastHasher(u64);

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // Final avalanche (from MurmurHash3's fmix64) so the low bits used by the table vary.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

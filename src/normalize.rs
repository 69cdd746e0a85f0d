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

/// Calls `f` with the byte range of each word of `s`: a run of word characters, or a single
/// character of an unspaced script.
pub(crate) fn for_each_word(s: &str, mut f: impl FnMut(usize, usize)) {
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if is_unspaced(c) {
            if let Some(st) = start.take() {
                f(st, i);
            }
            f(i, i + c.len_utf8());
        } else if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            f(st, i);
        }
    }
    if let Some(st) = start {
        f(st, s.len());
    }
}

/// The comparison key of a text: its lower-cased words joined by single spaces. Whitespace,
/// punctuation, quote and dash kinds and case do not change the key.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_word(s, |a, b| {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in s[a..b].chars() {
            out.extend(c.to_lowercase());
        }
    });
    out
}

/// Hash of a word sequence (words separated by a byte that no word contains).
pub(crate) fn hash_words<S: AsRef<str>>(words: &[S]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for &b in w.as_ref().as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
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

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

/// The lower-cased words of `s`, for comparison.
pub(crate) fn words_lower(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(s, |a, b| out.push(s[a..b].to_lowercase()));
    out
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

/// FNV-1a, 64 bit: a small, fast, deterministic hash for shingles (no DoS concern: keys are the
/// page's own words and a collision only makes a candidate that is then verified).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
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
        assert_eq!(words_lower("東京は晴れ"), ["東", "京", "は", "晴", "れ"]);
        assert_eq!(words_lower("Ab12 cd"), ["ab12", "cd"]);
    }
}

//! Language guessing and stopwords.
//!
//! The guess counts stopword hits per language over the document's words (a classic approach:
//! Grefenstette 1995, "Comparing two language identification schemes"), and falls back on the
//! script for languages written without spaces. Stopword lists live in `src/data/stopwords/`.

use std::sync::LazyLock;

use crate::normalize::{self, FastMap};

/// Languages with a stopword list, in bit order.
pub(crate) const LANGS: [&str; 19] = [
    "en", "de", "fr", "es", "pt", "it", "ru", "nl", "id", "pl", "sv", "tr", "uk", "cs", "ro", "hu",
    "da", "no", "fi",
];

const LISTS: [&str; 19] = [
    include_str!("data/stopwords/en.txt"),
    include_str!("data/stopwords/de.txt"),
    include_str!("data/stopwords/fr.txt"),
    include_str!("data/stopwords/es.txt"),
    include_str!("data/stopwords/pt.txt"),
    include_str!("data/stopwords/it.txt"),
    include_str!("data/stopwords/ru.txt"),
    include_str!("data/stopwords/nl.txt"),
    include_str!("data/stopwords/id.txt"),
    include_str!("data/stopwords/pl.txt"),
    include_str!("data/stopwords/sv.txt"),
    include_str!("data/stopwords/tr.txt"),
    include_str!("data/stopwords/uk.txt"),
    include_str!("data/stopwords/cs.txt"),
    include_str!("data/stopwords/ro.txt"),
    include_str!("data/stopwords/hu.txt"),
    include_str!("data/stopwords/da.txt"),
    include_str!("data/stopwords/no.txt"),
    include_str!("data/stopwords/fi.txt"),
];

/// word -> bit set of the languages whose list has it.
static STOPWORDS: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, u32> = FastMap::default();
    for (i, list) in LISTS.iter().enumerate() {
        for w in list
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
        {
            *m.entry(w).or_insert(0) |= 1 << i;
        }
    }
    m
});

/// Bytes of the longest stopword in any list (a longer word is never one).
pub(crate) static MAX_STOPWORD_BYTES: LazyLock<usize> =
    LazyLock::new(|| STOPWORDS.keys().map(|w| w.len()).max().unwrap_or(0));

/// The stopwords again, for the hot lookups: an open-addressing table (linear probing, at most a
/// third full) keyed by [`normalize::hash_bytes`] of the word, each hit confirmed by comparing
/// the word itself. An ASCII word is looked up without lower-casing it first (see
/// [`normalize::hash_bytes_or`]).
struct StopTable {
    /// Index + 1 into `entries`; 0 for an empty slot.
    slots: Vec<u32>,
    /// (hash, word, language bits)
    entries: Vec<(u64, &'static str, u32)>,
}

static STOP_TABLE: LazyLock<StopTable> = LazyLock::new(|| {
    let size = (STOPWORDS.len() * 3).next_power_of_two().max(16);
    let mut t = StopTable {
        slots: vec![0; size],
        entries: Vec::with_capacity(STOPWORDS.len()),
    };
    for (&w, &bits) in STOPWORDS.iter() {
        let h = normalize::hash_bytes(w.as_bytes());
        t.entries.push((h, w, bits));
        let mut i = h as usize & (size - 1);
        while t.slots.get(i).is_some_and(|&s| s != 0) {
            i = (i + 1) & (size - 1);
        }
        if let Some(s) = t.slots.get_mut(i) {
            *s = t.entries.len() as u32;
        }
    }
    t
});

impl StopTable {
    /// The language bits of the entry with hash `h` whose word `same` accepts, or 0.
    #[inline]
    fn find(&self, h: u64, same: impl Fn(&str) -> bool) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = h as usize & mask;
        while let Some(&s) = self.slots.get(i) {
            let Some(&(eh, w, bits)) = s.checked_sub(1).and_then(|e| self.entries.get(e as usize))
            else {
                return 0;
            };
            if eh == h && same(w) {
                return bits;
            }
            i = (i + 1) & mask;
        }
        0
    }
}

/// The languages (bits in [`LANGS`] order) whose stopword list has the lower-cased `word`.
#[inline]
pub(crate) fn stopword_bits(word: &str) -> u32 {
    STOP_TABLE.find(normalize::hash_bytes(word.as_bytes()), |w| w == word)
}

/// [`stopword_bits`] of `word.to_ascii_lowercase()` for a word of ASCII letters and digits only
/// (as [`normalize::for_each_word`] gives them), without lower-casing it.
#[inline]
pub(crate) fn ascii_word_stopword_bits(word: &[u8]) -> u32 {
    // For ASCII letters and digits, `b | 0x20` is the lower-case form.
    STOP_TABLE.find(normalize::hash_bytes_or(word, 0x20), |w| {
        w.len() == word.len() && w.bytes().zip(word).all(|(a, &b)| a == b | 0x20)
    })
}

/// The index of English in [`LANGS`].
pub(crate) const EN: usize = 0;

/// The index of a language code in [`LANGS`].
pub(crate) fn index_of(code: &str) -> Option<usize> {
    let code = code.get(..2).unwrap_or(code);
    LANGS.iter().position(|l| l.eq_ignore_ascii_case(code))
}

/// True when the lower-cased `word` is a stopword of language `lang` (an index into [`LANGS`]).
pub(crate) fn is_stopword(word: &str, lang: usize) -> bool {
    stopword_bits(word) & (1 << lang) != 0
}

/// The languages (bits in [`LANGS`] order) whose stopword list has the lower-cased `word`.
#[cfg(test)]
pub(crate) fn stopword_langs(word: &str) -> u32 {
    STOPWORDS.get(word).copied().unwrap_or(0)
}

/// Every stopword with its languages (bits in [`LANGS`] order), for tables that merge them in.
pub(crate) fn stopwords() -> impl Iterator<Item = (&'static str, u32)> {
    STOPWORDS.iter().map(|(&w, &bits)| (w, bits))
}

/// True when the lower-cased `word` is a stopword of any language with a list.
pub(crate) fn is_any_stopword(word: &str) -> bool {
    stopword_bits(word) != 0
}

/// Counts a stopword hit for each language of `bits`.
#[inline]
fn add_bits(hits: &mut [u32; LANGS.len()], mut bits: u32) {
    // One step per set bit (a stopword is in a few lists at most).
    while bits != 0 {
        if let Some(h) = hits.get_mut(bits.trailing_zeros() as usize) {
            *h += 1;
        }
        bits &= bits - 1;
    }
}

/// Guesses the language of a text given as pieces. Returns an ISO 639-1 code, or `None` when
/// nothing is clear. Looks at no more than about 20,000 words.
pub(crate) fn guess<'a>(pieces: impl Iterator<Item = &'a str>) -> Option<&'static str> {
    let mut hits = [0u32; LANGS.len()];
    let mut words = 0u32;
    let (
        mut kana,
        mut han,
        mut hangul,
        mut thai,
        mut arabic,
        mut hebrew,
        mut greek,
        mut devanagari,
    ) = (0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32, 0u32);
    let mut lower = String::new();
    'outer: for p in pieces {
        let mut stop = false;
        normalize::for_each_word(p, |a, b| {
            if stop {
                return;
            }
            let w = &p[a..b];
            words += 1;
            if words > 20_000 {
                stop = true;
                return;
            }
            if w.is_ascii() {
                // No ASCII letter is in the scripts counted below.
                add_bits(&mut hits, ascii_word_stopword_bits(w.as_bytes()));
                return;
            }
            if let Some(c) = w.chars().next() {
                match c as u32 {
                    0x3040..=0x30FF => kana += 1,
                    0x3400..=0x9FFF => han += 1,
                    0xAC00..=0xD7AF => hangul += 1,
                    0x0E00..=0x0E7F => thai += 1,
                    0x0600..=0x06FF => arabic += 1,
                    0x0590..=0x05FF => hebrew += 1,
                    0x0370..=0x03FF => greek += 1,
                    0x0900..=0x097F => devanagari += 1,
                    _ => {}
                }
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            add_bits(&mut hits, stopword_bits(&lower));
        });
        if stop {
            break 'outer;
        }
    }
    if words == 0 {
        return None;
    }
    let share = |n: u32| n as f32 / words as f32;
    if share(kana) > 0.05 {
        return Some("ja");
    }
    if share(han) > 0.3 {
        return Some("zh");
    }
    for (n, code) in [
        (hangul, "ko"),
        (thai, "th"),
        (arabic, "ar"),
        (hebrew, "he"),
        (greek, "el"),
        (devanagari, "hi"),
    ] {
        if share(n) > 0.3 {
            return Some(code);
        }
    }
    let (best, &n) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if n >= 3 && share(n) >= 0.08 {
        Some(LANGS[best])
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_english() {
        assert_eq!(LANGS[EN], "en");
        assert_eq!(index_of("en"), Some(EN));
        assert_eq!(index_of("DE-at"), Some(1));
        assert_eq!(index_of("xx"), None);
        assert_eq!(index_of("é"), None);
        assert_eq!(stopword_langs("the"), 1 << EN);
        assert!(is_stopword("der", 1) && stopword_langs("der") & (1 << 1) != 0);
        assert_eq!(stopword_langs("kyiv"), 0);
        for (w, bits) in stopwords() {
            assert_eq!(stopword_bits(w), bits, "{w}");
            if w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                assert_eq!(
                    ascii_word_stopword_bits(w.to_uppercase().as_bytes()),
                    bits,
                    "{w}"
                );
            }
        }
        assert_eq!(ascii_word_stopword_bits(b"The"), 1 << EN);
        assert_eq!(ascii_word_stopword_bits(b"Kyiv"), 0);
        assert_eq!(stopword_bits("The"), 0);
    }
}

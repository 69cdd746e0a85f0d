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

/// The index of English in [`LANGS`].
pub(crate) const EN: usize = 0;

/// The index of a language code in [`LANGS`].
pub(crate) fn index_of(code: &str) -> Option<usize> {
    let code = code.get(..2).unwrap_or(code);
    LANGS.iter().position(|l| l.eq_ignore_ascii_case(code))
}

/// True when the lower-cased `word` is a stopword of language `lang` (an index into [`LANGS`]).
pub(crate) fn is_stopword(word: &str, lang: usize) -> bool {
    STOPWORDS
        .get(word)
        .is_some_and(|bits| bits & (1 << lang) != 0)
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
    STOPWORDS.contains_key(word)
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
            if let Some(bits) = STOPWORDS.get(lower.as_str()) {
                for (i, h) in hits.iter_mut().enumerate() {
                    if bits & (1 << i) != 0 {
                        *h += 1;
                    }
                }
            }
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
    }
}

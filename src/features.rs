//! Text features of blocks: length, sentence-ness, stopword density, title case.
//!
//! Stopword density as the main signal of running text follows jusText (Pomikálek 2011,
//! "Removing Boilerplate and Duplicate Content from Web Corpora", ch. 3): prose has many function
//! words, menus and headlines few.

use crate::block::Block;
use crate::normalize::CharClass;
use crate::{lang, normalize};

/// Fills `b.feat` (all but `gap_before` and `bullet`, which ingest sets).
///
/// One pass over the bytes: words (as [`normalize::for_each_word`] finds them), characters,
/// digits and sentence ends together; runs of ASCII need no decoding, and an ASCII word is looked
/// up in the stopword table without being lower-cased.
pub(crate) fn compute(b: &mut Block, lang: Option<usize>) {
    let text = b.text.as_str();
    let bytes = text.as_bytes();
    let mut c = Counts {
        lang,
        // A word longer than every stopword is not lower-cased at all. (Lower-casing can shrink
        // a word, but only by a few bytes of a rare letter: the margin covers it.)
        max_stop: if lang.is_some() {
            *lang::MAX_STOPWORD_BYTES + 4
        } else {
            0
        },
        ..Counts::default()
    };
    // Characters (whitespace excluded), ASCII digits, sentence ends.
    let (mut chars, mut digits, mut sentences) = (0usize, 0usize, 0usize);
    // The word being read: its start, and whether it is all ASCII so far.
    let mut start: Option<usize> = None;
    let mut ascii_word = true;
    // The character before was a sentence end (`. ! ? …`).
    let mut prev_end = false;
    let mut i = 0;
    while let Some(&x) = bytes.get(i) {
        if x.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits.
            let from = i;
            let mut d = usize::from(x.is_ascii_digit());
            i += 1;
            while let Some(&y) = bytes.get(i) {
                if !y.is_ascii_alphanumeric() {
                    break;
                }
                d += usize::from(y.is_ascii_digit());
                i += 1;
            }
            chars += i - from;
            digits += d;
            if start.is_none() {
                start = Some(from);
                ascii_word = true;
            }
            prev_end = false;
            continue;
        }
        if x.is_ascii() {
            if let Some(st) = start.take() {
                c.word(text, st, i, ascii_word);
            }
            // `char::is_whitespace` on ASCII.
            if matches!(x, b'\t'..=b'\r' | b' ') {
                if prev_end {
                    sentences += 1;
                }
            } else {
                chars += 1;
            }
            prev_end = matches!(x, b'.' | b'!' | b'?');
            i += 1;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let len = ch.len_utf8();
        let space = ch.is_whitespace();
        if !space {
            chars += 1;
        }
        if matches!(ch, '。' | '！' | '？') || (prev_end && space) {
            sentences += 1;
        }
        prev_end = ch == '…';
        match normalize::class_of(ch) {
            CharClass::Unspaced => {
                if let Some(st) = start.take() {
                    c.word(text, st, i, ascii_word);
                }
                // A word of its own, counted as unspaced.
                c.words += 1;
                c.unspaced += 1;
            }
            CharClass::Word => {
                if start.is_none() {
                    start = Some(i);
                }
                ascii_word = false;
            }
            CharClass::Other => {
                if let Some(st) = start.take() {
                    c.word(text, st, i, ascii_word);
                }
            }
        }
        i += len;
    }
    if let Some(st) = start {
        c.word(text, st, text.len(), ascii_word);
    }
    if prev_end {
        sentences += 1;
    }
    let words = c.words;
    let f = &mut b.feat;
    f.chars = chars;
    f.words = words;
    f.unspaced = c.unspaced * 2 > words;
    f.stop_ratio = if words > 0 {
        c.stops as f32 / words as f32
    } else {
        0.0
    };
    f.title_ratio = if c.cased > 0 {
        c.upper as f32 / c.cased as f32
    } else {
        0.0
    };
    f.digit_ratio = if chars > 0 {
        digits as f32 / chars as f32
    } else {
        0.0
    };
    f.terminal = ends_sentence(text);
    f.sentences = sentences;
}

/// The word counts of [`compute`].
#[derive(Default)]
struct Counts {
    lang: Option<usize>,
    max_stop: usize,
    words: usize,
    stops: usize,
    /// Words that start with a cased letter, and those of them upper-case.
    cased: usize,
    upper: usize,
    /// Words of unspaced scripts (one character each).
    unspaced: usize,
    /// Lower-cased non-ASCII word, for the stopword lookup.
    lower: String,
}

impl Counts {
    /// Counts the word `text[a..e]` (not of an unspaced script); `ascii` when all its bytes are.
    #[inline]
    fn word(&mut self, text: &str, a: usize, e: usize, ascii: bool) {
        self.words += 1;
        if ascii {
            let wb = text.as_bytes().get(a..e).unwrap_or(&[]);
            if wb.first().is_some_and(u8::is_ascii_alphabetic) {
                self.cased += 1;
                if wb.first().is_some_and(u8::is_ascii_uppercase) {
                    self.upper += 1;
                }
            }
            if let Some(l) = self.lang {
                if wb.len() <= self.max_stop && lang::ascii_word_stopword_bits(wb) & (1 << l) != 0 {
                    self.stops += 1;
                }
            }
            return;
        }
        let Some(w) = text.get(a..e) else {
            return;
        };
        let Some(first) = w.chars().next() else {
            return;
        };
        if first.is_alphabetic() && (first.is_uppercase() || first.is_lowercase()) {
            self.cased += 1;
            if first.is_uppercase() {
                self.upper += 1;
            }
        }
        if let Some(l) = self.lang {
            if w.len() > self.max_stop {
                return;
            }
            self.lower.clear();
            normalize::push_lower(&mut self.lower, w);
            if lang::is_stopword(&self.lower, l) {
                self.stops += 1;
            }
        }
    }
}

/// True when the text ends like a sentence: `. ! ? …` or CJK full stops, perhaps followed by
/// closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』' | '）'
            )
    });
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '।'])
}

/// Counts sentence ends: `.`, `!`, `?` followed by whitespace, and CJK full stops (what
/// [`compute`] counts in its pass; kept to test that against).
#[cfg(test)]
fn count_sentence_ends(text: &str) -> usize {
    let mut n = 0;
    let mut prev_end = false;
    for c in text.chars() {
        match c {
            '。' | '！' | '？' => n += 1,
            _ if prev_end && c.is_whitespace() => n += 1,
            _ => {}
        }
        prev_end = matches!(c, '.' | '!' | '?' | '…');
    }
    if prev_end {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features the straightforward way (one pass per feature, words through
    /// `for_each_word`, every word lower-cased), to check [`compute`] against.
    fn reference(text: &str, lang: Option<usize>) -> (usize, usize, usize, f32, f32, f32, bool) {
        let (mut words, mut stops, mut cased, mut upper, mut unspaced) = (0, 0, 0, 0, 0);
        normalize::for_each_word(text, |a, e| {
            let w = &text[a..e];
            words += 1;
            let first = w.chars().next().unwrap();
            if normalize::is_unspaced(first) {
                unspaced += 1;
                return;
            }
            if first.is_alphabetic() && (first.is_uppercase() || first.is_lowercase()) {
                cased += 1;
                if first.is_uppercase() {
                    upper += 1;
                }
            }
            if let Some(l) = lang {
                if w.len() <= *lang::MAX_STOPWORD_BYTES + 4
                    && lang::is_stopword(&w.to_lowercase(), l)
                {
                    stops += 1;
                }
            }
        });
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let ratio = |a: usize, b: usize| if b > 0 { a as f32 / b as f32 } else { 0.0 };
        (
            words,
            chars,
            count_sentence_ends(text),
            ratio(stops, words),
            ratio(upper, cased),
            ratio(digits, chars),
            unspaced * 2 > words,
        )
    }

    #[test]
    fn one_pass_matches_the_reference() {
        for text in [
            "",
            "The cat sat on the mat. Then it left!",
            "THE And oF 42 x1 1x. … Next",
            "Für die Stadt, sagte er: „Wir bauen über 1.200 Wohnungen.“",
            "Он сказал, что это не так. И ушёл…",
            "ΟΔΟΣ στο Σπίτι. Ναι!",
            "東京は晴れ。大阪も！ 3日",
            "ภาษาไทย ข้อความ",
            "a\u{b}b\u{a0}c\u{3000}d\u{2003}e — “quoted” ‘x’",
            "e\u{301}te\u{301} naïve café 12:30",
            "end.",
            "x?\ty!\nz",
        ] {
            for lang in [
                None,
                Some(lang::EN),
                lang::index_of("de"),
                lang::index_of("ru"),
            ] {
                let mut b = Block {
                    text: text.to_string(),
                    ..Block::default()
                };
                compute(&mut b, lang);
                let f = &b.feat;
                let got = (
                    f.words,
                    f.chars,
                    f.sentences,
                    f.stop_ratio,
                    f.title_ratio,
                    f.digit_ratio,
                    f.unspaced,
                );
                assert_eq!(got, reference(text, lang), "{text:?} {lang:?}");
            }
        }
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He left."));
        assert!(ends_sentence("“We won,” she said.”"));
        assert!(ends_sentence("Он ушёл!» "));
        assert!(!ends_sentence("You may also like"));
        assert_eq!(count_sentence_ends("One. Two! Three"), 2);
    }
}

//! Text features of blocks: length, sentence-ness, stopword density, title case.
//!
//! Stopword density as the main signal of running text follows jusText (Pomikálek 2011,
//! "Removing Boilerplate and Duplicate Content from Web Corpora", ch. 3): prose has many function
//! words, menus and headlines few.

use crate::block::Block;
use crate::{lang, normalize};

/// Fills `b.feat` (all but `gap_before` and `bullet`, which ingest sets).
pub(crate) fn compute(b: &mut Block, lang: Option<usize>) {
    let text = b.text.as_str();
    let mut words = 0usize;
    let mut stops = 0usize;
    let mut cased = 0usize;
    let mut upper = 0usize;
    let mut unspaced = 0usize;
    let mut lower = String::new();
    normalize::for_each_word(text, |a, e| {
        let w = &text[a..e];
        words += 1;
        let Some(first) = w.chars().next() else {
            return;
        };
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
            // A word longer than every stopword is not lower-cased at all. (Lower-casing can
            // shrink a word, but only by a few bytes of a rare letter: the margin covers it.)
            if w.len() > *lang::MAX_STOPWORD_BYTES + 4 {
                return;
            }
            lower.clear();
            normalize::push_lower(&mut lower, w);
            if lang::is_stopword(&lower, l) {
                stops += 1;
            }
        }
    });
    let mut chars = 0usize;
    let mut digits = 0usize;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars += 1;
            if c.is_ascii_digit() {
                digits += 1;
            }
        }
    }
    let f = &mut b.feat;
    f.chars = chars;
    f.words = words;
    f.unspaced = unspaced * 2 > words;
    f.stop_ratio = if words > 0 {
        stops as f32 / words as f32
    } else {
        0.0
    };
    f.title_ratio = if cased > 0 {
        upper as f32 / cased as f32
    } else {
        0.0
    };
    f.digit_ratio = if chars > 0 {
        digits as f32 / chars as f32
    } else {
        0.0
    };
    f.terminal = ends_sentence(text);
    f.sentences = count_sentence_ends(text);
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

/// Counts sentence ends: `.`, `!`, `?` followed by whitespace, and CJK full stops.
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

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He left."));
        assert!(ends_sentence("“We won,” she said.”"));
        assert!(ends_sentence("Он ушёл!» "));
        assert!(!ends_sentence("You may also like"));
        assert_eq!(count_sentence_ends("One. Two! Three"), 2);
    }
}

//! The sentence splitter every fact extractor shares.

use serde::{Deserialize, Serialize};

use crate::article::Span;

/// One sentence of `Article.text`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    /// Byte offsets into `Article.text`.
    pub span: Span,
}

/// Byte ranges of the sentences of `text`: a sentence ends at `.`, `!`, `?`, `…` (and closing
/// quotes or brackets after them) followed by whitespace and an upper-case letter, a digit or an
/// opening quote; at a CJK full stop; and at a paragraph break (a line break).
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for para in text.split_inclusive('\n') {
        let base = para_start;
        para_start += para.len();
        for (a, b) in split_paragraph(para) {
            out.push(Span::new(base + a, base + b));
        }
    }
    out
}

fn split_paragraph(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let skip_ws = |mut n: usize| {
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        n
    };
    let mut k = skip_ws(0);
    let mut start = chars.get(k).map_or(text.len(), |x| x.0);
    while k < chars.len() {
        let c = chars[k].1;
        if matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
            let mut e = k + 1;
            while e < chars.len() && matches!(chars[e].1, '"' | '”' | '’' | '\'' | ')' | '»' | '」')
            {
                e += 1;
            }
            let end_byte = chars.get(e).map_or(text.len(), |x| x.0);
            let n = skip_ws(e);
            let cjk = matches!(c, '。' | '！' | '？');
            let next_ok = n < chars.len()
                && (cjk
                    || (n > e
                        && (chars[n].1.is_uppercase()
                            || chars[n].1.is_numeric()
                            || matches!(chars[n].1, '"' | '“' | '‘' | '«' | '('))));
            if next_ok {
                out.push((start, end_byte));
                start = chars[n].0;
                k = n;
                continue;
            }
        }
        k += 1;
    }
    let end = text.trim_end().len();
    if start < end {
        out.push((start, end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_sentence_ends_and_lines() {
        let t = "He paid 3.5 dollars. “Fine,” she said.\nNext para! Done";
        let got: Vec<&str> = split(t).into_iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            got,
            [
                "He paid 3.5 dollars.",
                "“Fine,” she said.",
                "Next para!",
                "Done"
            ]
        );
    }
}

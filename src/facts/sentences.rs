//! The sentence splitter every fact extractor (and dedupe) shares.
//!
//! Rule-based, in the tradition of the abbreviation-aware splitters surveyed by Palmer & Hearst
//! ("Adaptive multilingual sentence boundary disambiguation", 1997) and of Kiss & Strunk's Punkt
//! ("Unsupervised multilingual sentence boundary detection", 2006), whose observations we use as
//! fixed rules rather than learnt statistics:
//!
//! * a full stop after a known abbreviation is not a boundary unless the next word is a word that
//!   typically starts a sentence (a capitalised function word: "in the U.S. The …");
//! * an abbreviation that precedes names (titles: "Gen.", "Mr.", "M.") never ends a sentence;
//! * a single capital letter with a full stop is an initial ("J. K. Rowling");
//! * a number with a full stop followed by a month is a German-style ordinal date ("3. Oktober").
//!
//! The abbreviations live in `src/data/abbreviations.txt`, several languages, parsed once.
//! The work is one pass over the characters of each paragraph, so time is linear in the text.

use crate::facts::chars::Class as _;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::normalize::FastMap as HashMap;

/// One sentence of `Article.text`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sentence {
    /// Byte offsets into `Article.text`.
    pub span: Span,
}

/// How an abbreviation behaves at a possible sentence end. The order is "breaks least first".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// Never ends a sentence ("e.g.", "z. B.").
    Inner,
    /// Precedes a name; never ends a sentence ("Mr.", "Gen.").
    Title,
    /// Precedes a number ("No. 5", "Sept. 11"); elsewhere an ordinary full stop.
    Num,
    /// May end a sentence: only before a capitalised function word ("U.S.", "Inc.", "a.m.").
    End,
}

struct Abbrevs {
    /// Key: the lower-cased letters of the abbreviation with its inner full stops, no spaces and
    /// no final stop ("u.s", "z.b", "mr"). Value: class, and the case its first letter must have
    /// (`Some(true)` upper, `Some(false)` lower, `None` either).
    forms: HashMap<String, (Class, Option<bool>)>,
    /// Words after an ordinal number with a full stop ("Oktober", "Jahrhundert").
    ordnext: HashMap<String, ()>,
    /// Keys of the leading parts of abbreviations of several parts ("z" of "z.b", "i.d" of
    /// "i.d.r"), so the first stop of "z. B." is not taken for an end either.
    prefixes: HashMap<String, ()>,
    /// Most segments ("i.d.R" = 3) of any abbreviation.
    max_segments: usize,
}

static ABBREVS: LazyLock<Abbrevs> = LazyLock::new(|| {
    let mut a = Abbrevs {
        forms: HashMap::default(),
        ordnext: HashMap::default(),
        prefixes: HashMap::default(),
        max_segments: 1,
    };
    for line in
        crate::datafile::without_comments!(include_str!("../data/abbreviations.txt")).lines()
    {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(_lang), Some(class), Some(form)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if class == "ordnext" {
            a.ordnext.insert(form.to_lowercase(), ());
            continue;
        }
        let class = match class {
            "inner" => Class::Inner,
            "title" => Class::Title,
            "num" => Class::Num,
            _ => Class::End,
        };
        let body: String = form
            .trim_end_matches('.')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // "No." only matches "No."; "e.g." matches "E.g." too; a lone "v." only "v.".
        let case = if body.chars().next().is_some_and(char::is_uppercase) {
            Some(true)
        } else if body.chars().count() == 1 {
            Some(false)
        } else {
            None
        };
        a.max_segments = a.max_segments.max(body.split('.').count());
        let key = body.to_lowercase();
        let mut dots = key.match_indices('.').map(|(i, _)| i).peekable();
        while let Some(i) = dots.next() {
            // Every leading part, and the whole form as the prefix of the next part.
            a.prefixes.insert(key[..i].to_string(), ());
            if dots.peek().is_none() {
                a.prefixes.insert(key.clone(), ());
            }
        }
        let e = a.forms.entry(key).or_insert((class, case));
        if class < e.0 {
            e.0 = class;
        }
        if e.1 != case {
            e.1 = None;
        }
    }
    a
});

/// English speech verbs that, right after a closing quote and a name, show an attribution rather
/// than a new sentence (`"Go!" Smith shouted.`).
const SPEECH_VERBS: [&str; 22] = [
    "said",
    "says",
    "told",
    "asked",
    "asks",
    "added",
    "adds",
    "replied",
    "wrote",
    "writes",
    "explained",
    "insisted",
    "shouted",
    "cried",
    "tweeted",
    "posted",
    "admitted",
    "warned",
    "declared",
    "stated",
    "continued",
    "recalled",
];

/// Byte ranges of the sentences of `text`, trimmed, in order. A sentence ends at `.`, `!`, `?`,
/// `…` (and the closing quotes or brackets after them) followed by whitespace and an upper-case
/// letter, a digit, an opening quote or bracket, or a letter of a script without case — unless the
/// full stop belongs to an abbreviation, an initial or an ordinal (see the module docs); at a CJK
/// or Devanagari full stop; and always at a line break (a paragraph ends every sentence).
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut para_start = 0;
    for para in text.split_inclusive('\n') {
        let base = para_start;
        para_start += para.len();
        chars.clear();
        crate::facts::chars::push_char_indices(para, &mut chars);
        split_paragraph(para, &chars, |a, b| out.push(Span::new(base + a, base + b)));
    }
    out
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›' | '」' | '』' | '）'
    )
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '¿' | '¡')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | '›' | '」' | '』')
}

fn split_paragraph(text: &str, chars: &[(usize, char)], mut emit: impl FnMut(usize, usize)) {
    let skip_ws = |mut n: usize| {
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        n
    };
    let byte_at = |n: usize| chars.get(n).map_or(text.len(), |x| x.0);
    let mut k = skip_ws(0);
    let mut start = byte_at(k);
    while k < chars.len() {
        let c = chars[k].1;
        let cjk = matches!(c, '。' | '！' | '？' | '।' | '۔');
        if !cjk && !matches!(c, '.' | '!' | '?' | '…' | '؟') {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        // "?!", "!!", "..." — the last of the run decides.
        if e < chars.len() && matches!(chars[e].1, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        let mut quoted = false;
        while e < chars.len() && is_closing(chars[e].1) {
            quoted |= is_quote(chars[e].1);
            e += 1;
        }
        let n = skip_ws(e);
        if n >= chars.len() {
            break;
        }
        let boundary = if cjk {
            true
        } else {
            n > e && next_starts_sentence(chars, n) && {
                let ellipsis = c == '…' || (k > 0 && chars[k - 1].1 == '.');
                let stop_ok = c != '.' || ellipsis || full_stop_ends(text, chars, k, n);
                stop_ok && !(quoted && attribution_follows(text, chars, n))
            }
        };
        if boundary {
            let end = byte_at(e);
            emit(start, end);
            start = byte_at(n);
            k = n;
        } else {
            k += 1;
        }
    }
    let end = start + text[start..].trim_end().len();
    if start < end {
        emit(start, end);
    }
}

/// True when the character at `n` can start a sentence: an upper-case letter, a digit, an
/// opening quote or bracket, or a letter of a script without case.
fn next_starts_sentence(chars: &[(usize, char)], n: usize) -> bool {
    let c = chars[n].1;
    c.is_uppercase() || c.numeric() || is_opening(c) || (c.alpha() && !c.is_lowercase()) || c == '—'
}

/// The word that starts at char index `n` (after opening quotes and brackets), as a byte range.
fn word_at<'a>(text: &'a str, chars: &[(usize, char)], mut n: usize) -> &'a str {
    while n < chars.len() && is_opening(chars[n].1) {
        n += 1;
    }
    let mut m = n;
    while m < chars.len() && chars[m].1.alnum() {
        m += 1;
    }
    let a = chars.get(n).map_or(text.len(), |x| x.0);
    let b = chars.get(m).map_or(text.len(), |x| x.0);
    text.get(a..b).unwrap_or("")
}

/// True when the (capitalised) word at `n` is a function word that usually starts a sentence
/// ("The", "He", "But", "Die", "Он"), so a preceding abbreviation most likely ended one.
fn starter_follows(text: &str, chars: &[(usize, char)], n: usize) -> bool {
    let w = word_at(text, chars, n);
    if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    crate::lang::is_any_stopword(&w.to_lowercase())
}

/// Decides whether the full stop at char index `k` ends a sentence, given that the next sentence
/// would start at char index `n`: looks at the word (or dotted letters) before it.
fn full_stop_ends(text: &str, chars: &[(usize, char)], k: usize, n: usize) -> bool {
    let ab = &*ABBREVS;
    // Segments of letters before the stop, right to left: "U.S" -> ["S", "U"]; "z. B" -> ["B", "z"].
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut pos = k;
    // How many segments are joined by bare stops ("U.S"), before any "z. B"-style space.
    let mut chain = None;
    while segs.len() < ab.max_segments.max(2) {
        let mut j = pos;
        while j > 0 && chars[j - 1].1.alpha() && pos - j <= 12 {
            j -= 1;
        }
        if j == pos || pos - j > 12 {
            break;
        }
        segs.push((j, pos));
        if j > 0 && chars[j - 1].1 == '.' {
            pos = j - 1;
        } else if j > 1 && chars[j - 1].1 == ' ' && chars[j - 2].1 == '.' && pos - j <= 3 {
            pos = j - 2;
            chain = chain.or(Some(segs.len()));
        } else {
            break;
        }
    }
    if segs.is_empty() {
        // A number: "am 3. Oktober" is an ordinal date, not an end.
        let mut j = k;
        while j > 0 && chars[j - 1].1.is_ascii_digit() {
            j -= 1;
        }
        let digits = k - j;
        if (1..=3).contains(&digits) && (j == 0 || chars[j - 1].1.is_whitespace()) {
            let w = word_at(text, chars, n).to_lowercase();
            if ab.ordnext.contains_key(&w) {
                return false;
            }
        }
        return true;
    }
    let seg_text = |(a, b): (usize, usize)| -> &str {
        let a = chars[a].0;
        let b = chars.get(b).map_or(text.len(), |x| x.0);
        text.get(a..b).unwrap_or("")
    };
    // The first stop of an abbreviation of several parts ("z. B.", "т. е.", "J. K."): the next
    // word is a short run of letters with a full stop right after it.
    let next = word_at(text, chars, n);
    let next_len = next.chars().count();
    let next_dotted = (1..=3).contains(&next_len)
        && chars
            .get(n + next_len)
            .is_some_and(|&(_, c)| c == '.' && chars[n].1.alpha());
    if next_dotted {
        let is_initial = |t: &str| t.chars().count() == 1 && t.chars().all(char::is_uppercase);
        if is_initial(next) && segs.first().is_some_and(|&s| is_initial(seg_text(s))) {
            return false;
        }
        let next_lower: String = next.chars().flat_map(char::to_lowercase).collect();
        let mut key = String::new();
        for &s in &segs {
            let seg: String = seg_text(s).chars().flat_map(char::to_lowercase).collect();
            key = if key.is_empty() {
                seg
            } else {
                format!("{seg}.{key}")
            };
            if ab.prefixes.contains_key(&format!("{key}.{next_lower}")) {
                return false;
            }
        }
    }
    // Longest known abbreviation first.
    let mut class = None;
    for m in (1..=segs.len()).rev() {
        let mut key = String::new();
        for (i, &s) in segs[..m].iter().rev().enumerate() {
            if i > 0 {
                key.push('.');
            }
            key.extend(seg_text(s).chars().flat_map(char::to_lowercase));
        }
        if let Some(&(cl, case)) = ab.forms.get(&key) {
            let first = seg_text(segs[m - 1]);
            if case.is_none() || first.chars().next().map(char::is_uppercase) == case {
                class = Some(cl);
                break;
            }
        }
    }
    // Unknown: single letters ("J.", "F.B.I.") are initials or initialisms.
    let chain = chain.unwrap_or(segs.len());
    if class.is_none()
        && segs[..chain].iter().all(|&s| {
            let t = seg_text(s);
            t.chars().count() == 1 && t.chars().all(char::is_uppercase)
        })
    {
        class = Some(Class::End);
    }
    match class {
        None => true,
        Some(Class::Inner | Class::Title) => false,
        Some(Class::Num) => !chars[n].1.is_ascii_digit(),
        Some(Class::End) => starter_follows(text, chars, n),
    }
}

/// True when the words at char index `n` read as the attribution of the quote just closed: up to
/// four words, then a speech verb directly followed by `,` `.` or the end (`"Go!" Smith shouted.`).
/// A verb with a colon introduces a new quote (`…." He added: "…`), so it starts a sentence.
fn attribution_follows(text: &str, chars: &[(usize, char)], n: usize) -> bool {
    let from = chars[n].0;
    let rest = text.get(from..).unwrap_or("");
    for (i, w) in rest.split_whitespace().take(5).enumerate() {
        let core = w.trim_end_matches([',', '.', ';']);
        let ends_clause = core.len() < w.len() || rest.trim_end().ends_with(w);
        if i > 0 && ends_clause && SPEECH_VERBS.contains(&core) {
            return true;
        }
        let name_like = core
            .chars()
            .all(|c| c.alpha() || matches!(c, '.' | '\'' | '’' | '-'));
        if core.len() < w.len() || !name_like {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_at_sentence_ends_and_lines() {
        let t = "He paid 3.5 dollars. “Fine,” she said.\nNext para! Done";
        assert_eq!(
            sents(t),
            [
                "He paid 3.5 dollars.",
                "“Fine,” she said.",
                "Next para!",
                "Done"
            ]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        let t = "Gen. Ada Marsh met Mr. Dale and Dr. The Orbit, a band. Sen. Pike left.";
        assert_eq!(
            sents(t),
            [
                "Gen. Ada Marsh met Mr. Dale and Dr. The Orbit, a band.",
                "Sen. Pike left."
            ]
        );
    }

    #[test]
    fn initialisms_end_only_before_function_words() {
        let t =
            "The U.S. Navy sailed to the U.K. on Monday. It docked in the U.S. The crew rested. \
                 It was two years ago. Ministers met.";
        assert_eq!(
            sents(t),
            [
                "The U.S. Navy sailed to the U.K. on Monday.",
                "It docked in the U.S.",
                "The crew rested.",
                "It was two years ago.",
                "Ministers met."
            ]
        );
    }

    #[test]
    fn initials_of_names() {
        let t = "A book by J. K. Rowling sold well. Her agent, C. Little, agreed. He left. \
                 J. Smith came.";
        assert_eq!(
            sents(t),
            [
                "A book by J. K. Rowling sold well.",
                "Her agent, C. Little, agreed.",
                "He left.",
                "J. Smith came."
            ]
        );
    }

    #[test]
    fn numbered_and_dated_abbreviations() {
        let t = "No. 10 asked on Sept. 11 at 9 a.m. Friday. Prices rose 2.5 per cent. Shares of \
                 Acme Corp. The firm said so.";
        assert_eq!(
            sents(t),
            [
                "No. 10 asked on Sept. 11 at 9 a.m. Friday.",
                "Prices rose 2.5 per cent.",
                "Shares of Acme Corp.",
                "The firm said so."
            ]
        );
    }

    #[test]
    fn inner_abbreviations() {
        let t = "Fruit, e.g. Apples, i.e. Fresh ones, vs. Pears. Good.";
        assert_eq!(
            sents(t),
            ["Fruit, e.g. Apples, i.e. Fresh ones, vs. Pears.", "Good."]
        );
    }

    #[test]
    fn other_languages() {
        assert_eq!(
            sents("Obst, z. B. Äpfel, kostet mehr. Am 3. Oktober feiern wir. Nr. 5 gewinnt."),
            [
                "Obst, z. B. Äpfel, kostet mehr.",
                "Am 3. Oktober feiern wir.",
                "Nr. 5 gewinnt."
            ]
        );
        assert_eq!(
            sents("M. Martin a parlé. Sr. García llegó."),
            ["M. Martin a parlé.", "Sr. García llegó."]
        );
        assert_eq!(
            sents("Это было в 2019 г. Он уехал, т. е. Москва опустела. Конец."),
            [
                "Это было в 2019 г.",
                "Он уехал, т. е. Москва опустела.",
                "Конец."
            ]
        );
    }

    #[test]
    fn ellipses() {
        let t = "He waited... and waited. Then… Nothing. Well... We left.";
        assert_eq!(
            sents(t),
            [
                "He waited... and waited.",
                "Then…",
                "Nothing.",
                "Well...",
                "We left."
            ]
        );
    }

    #[test]
    fn quotes_and_attributions() {
        let t = "“We will stay...” she said. “It is over.” The vote was close. \
                 “Run!” Officer Grey shouted. “Why?” asked Kim. “No.” Kim added: “Never.”";
        assert_eq!(
            sents(t),
            [
                "“We will stay...” she said.",
                "“It is over.”",
                "The vote was close.",
                "“Run!” Officer Grey shouted.",
                "“Why?” asked Kim.",
                "“No.”",
                "Kim added: “Never.”"
            ]
        );
    }

    #[test]
    fn spans_are_trimmed_byte_offsets_and_lines_always_end() {
        let t = "  One Mr.\n  Two?  \n\nThree";
        let s = split(t);
        assert_eq!(sents(t), ["One Mr.", "Two?", "Three"]);
        assert_eq!((s[0].start, s[0].end), (2, 9));
        assert!(split("").is_empty());
        assert!(split(" \n \n").is_empty());
    }

    #[test]
    fn cjk_full_stops() {
        assert_eq!(
            sents("今日は晴れ。明日は雨。"),
            ["今日は晴れ。", "明日は雨。"]
        );
    }
}

/// Checks against the project's seed article in `../shared/eval/seed` (third-party text read at
/// run time, never copied here). Skipped when the folder is absent.
#[cfg(test)]
mod seed {
    use super::*;

    #[test]
    fn seed_reference_segmentation() {
        let Some((kept, facts)) = crate::facts::seed_article() else {
            return;
        };
        let bytes: Vec<usize> = kept
            .char_indices()
            .map(|(b, _)| b)
            .chain([kept.len()])
            .collect();
        let want: Vec<(usize, usize)> = facts["sentences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let cp = |k: &str| bytes[s[k].as_u64().unwrap() as usize];
                (cp("start"), cp("end"))
            })
            .collect();
        let got: Vec<(usize, usize)> = split(&kept).iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, want);
    }
}

//! Tokens and the word table of the time-expression finder.
//!
//! A sentence is cut into words (runs of letters), numbers (runs of ASCII digits) and single
//! punctuation characters; each token knows whether whitespace precedes it, so "third-quarter",
//! "Nov." and "27.11.2025" can be matched as adjacent pieces. The word table
//! (`src/data/times_words.txt`) is parsed once.

use crate::facts::chars::Class as _;
use std::borrow::Cow;
use std::sync::LazyLock;

use crate::normalize::FastMap;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    /// Letters.
    Word,
    /// ASCII digits.
    Num,
    /// One other character.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Debug)]
pub(super) struct Tok<'a> {
    /// Byte offset of its first byte in the whole text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokKind,
    /// The token as written.
    pub text: &'a str,
    /// Lowercased text (words; the text itself otherwise, with ’ as ').
    pub lower: Cow<'a, str>,
    /// Its entries in the word table (empty when none).
    pub entries: &'static [Entry],
    /// A pattern can start here (a number, a table word or a grammar word).
    pub starter: bool,
    /// Whitespace comes right before it (or it starts the sentence).
    pub space_before: bool,
    /// Starts with an upper-case letter.
    pub upper: bool,
    /// Its value, for numbers of at most 9 digits.
    pub num: Option<u32>,
}

impl Tok<'_> {
    /// True for a word or punctuation equal to `s` (lowercase).
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    /// A number of exactly `digits` digits.
    pub fn num_len(&self, digits: usize) -> Option<u32> {
        if self.kind == TokKind::Num && self.text.len() == digits {
            self.num
        } else {
            None
        }
    }
}

/// Cuts `text[start..end]` into tokens (offsets stay absolute).
#[cfg(test)]
pub(super) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, None, start, end, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), so one buffer serves every sentence. `lower` is the
/// whole text in lower case at the same byte offsets, when there is one
/// ([`crate::normalize::lower_aligned`]): words are then not lower-cased one by one.
pub(super) fn tokenize_into<'a>(
    text: &'a str,
    lower: Option<&'a str>,
    start: usize,
    end: usize,
    out: &mut Vec<Tok<'a>>,
) {
    out.clear();
    let Some(s) = text.get(start..end) else {
        return;
    };
    // About one token per four bytes.
    out.reserve(s.len() / 4 + 4);
    let mut space = true;
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // ASCII without decoding; other characters decoded one at a time.
        let c = if x.is_ascii() {
            char::from(x)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            space = true;
            i += c.len_utf8();
            continue;
        }
        let kind = if c.alpha() {
            TokKind::Word
        } else if c.is_ascii_digit() {
            TokKind::Num
        } else {
            TokKind::Punct
        };
        let mut j = i + c.len_utf8();
        match kind {
            TokKind::Word => {
                while let Some(&y) = b.get(j) {
                    if y.is_ascii() {
                        if !y.is_ascii_alphabetic() {
                            break;
                        }
                        j += 1;
                        continue;
                    }
                    match s.get(j..).and_then(|r| r.chars().next()) {
                        Some(d) if d.alpha() || is_mark(d) => j += d.len_utf8(),
                        _ => break,
                    }
                }
            }
            TokKind::Num => {
                while b.get(j).is_some_and(u8::is_ascii_digit) {
                    j += 1;
                }
            }
            TokKind::Punct => {}
        }
        let next = j;
        let t = &s[i..j];
        let lower: Cow<'_, str> = if kind == TokKind::Word && t.chars().any(|c| !c.is_lowercase()) {
            // Per character, as `str::to_lowercase` does for a word without a capital sigma
            // (`lower` is absent when the text has one).
            match lower.and_then(|l| l.get(start + i..start + j)) {
                Some(l) => Cow::Borrowed(l),
                None => Cow::Owned(t.to_lowercase()),
            }
        } else if t == "’" {
            Cow::Borrowed("'")
        } else {
            Cow::Borrowed(t)
        };
        // One lookup gives the table entries and whether a pattern can start at the word.
        let (entries, starter): (&'static [Entry], bool) = match kind {
            TokKind::Word => WORD_INDEX
                .get(lower.as_ref())
                .copied()
                .unwrap_or((&[], false)),
            TokKind::Num => (&[], true),
            TokKind::Punct => (&[], matches!(t, "'" | "’" | "½")),
        };
        out.push(Tok {
            start: start + i,
            end: start + j,
            kind,
            text: t,
            lower,
            entries,
            starter,
            space_before: space,
            upper: c.is_uppercase(),
            num: if kind == TokKind::Num && t.len() <= 9 {
                t.parse().ok()
            } else {
                None
            },
        });
        space = false;
        i = next;
    }
}

/// Combining marks (so a decomposed "é" stays in its word).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Word categories of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cat {
    /// A month name; value 1..12.
    Month,
    /// A weekday name; value 1..7 (ISO).
    Weekday,
    /// "today", "yesterday"; value = day offset.
    RelDay,
    /// A number word.
    Number,
    /// An ordinal word.
    Ordinal,
    /// A unit of time.
    Unit,
    /// A season.
    Season,
    /// A part of the day or a named clock time.
    PartOfDay,
    /// A holiday.
    Holiday,
    /// A frequency adverb.
    Set,
}

/// One table entry.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// Its category.
    pub cat: Cat,
    /// Numeric value (months, weekdays, offsets, numbers), 0 when the value is a code.
    pub num: i32,
    /// Code value (units, seasons, parts of day, holidays, sets).
    pub code: &'static str,
    /// ISO 639-1 language.
    pub lang: &'static str,
    /// An abbreviation (needs a dot or a number next to it).
    pub abbr: bool,
    /// Only alone in texts known to be in `lang`.
    pub lang_only: bool,
    /// Words after the first one, for forms of several words.
    pub rest: Vec<&'static str>,
}

const WORDS: &str = crate::datafile::without_comments!(include_str!("../../data/times_words.txt"));

/// Words that start a pattern or a modifier without being in the word table.
#[rustfmt::skip]
const STARTER_WORDS: &[&str] = &[
    "the", "last", "this", "next", "past", "coming", "current", "previous", "preceding",
    "following", "same", "latest", "first", "fiscal", "fy", "q", "year", "month", "now",
    "currently", "nowadays", "these", "present", "recently", "lately", "formerly", "more", "recent",
    "soon", "future", "every", "each", "per", "a", "an", "half", "few", "several", "many", "some",
    "dozens", "hundreds", "thousands", "that", "tonight", "near", "moment", "most", "comparable",
    "about", "around", "approximately", "roughly", "circa", "nearly", "almost", "over", "under",
    "longer", "less", "fewer", "shorter", "at", "up", "no", "early", "earlier", "late", "later",
    "mid", "end", "beginning", "start", "middle", "twenties", "thirties", "forties", "fifties",
    "sixties", "seventies", "eighties", "nineties",
];

/// Every word of [`TABLE`] (with its entries) and of [`STARTER_WORDS`] (with none): (entries,
/// a pattern can start at it), so a token needs one lookup.
static WORD_INDEX: LazyLock<FastMap<&'static str, (&'static [Entry], bool)>> =
    LazyLock::new(|| {
        let table: &'static FastMap<&'static str, Vec<Entry>> = &TABLE;
        let mut index: FastMap<&'static str, (&'static [Entry], bool)> = table
            .iter()
            .map(|(w, e)| (*w, (e.as_slice(), !e.is_empty())))
            .collect();
        for w in STARTER_WORDS {
            index.entry(w).or_insert((&[], true)).1 = true;
        }
        index
    });

/// The table, keyed by the first word of each form.
pub(super) static TABLE: LazyLock<FastMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    let mut map: FastMap<&'static str, Vec<Entry>> = FastMap::default();
    for line in WORDS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let [lang, cat, value, forms] = cols.as_slice() else {
            continue;
        };
        let cat = match *cat {
            "month" => Cat::Month,
            "weekday" => Cat::Weekday,
            "relday" => Cat::RelDay,
            "number" => Cat::Number,
            "ordinal" => Cat::Ordinal,
            "unit" => Cat::Unit,
            "season" => Cat::Season,
            "partofday" => Cat::PartOfDay,
            "holiday" => Cat::Holiday,
            "set" => Cat::Set,
            _ => continue,
        };
        let num: i32 = value.parse().unwrap_or(0);
        for form in forms.split(',') {
            let lang_only = form.starts_with('~');
            let form = form.trim_start_matches('~');
            let abbr = form.ends_with('.');
            let form = form.trim_end_matches('.');
            let mut parts = form.split([' ', '-', '\'']).filter(|p| !p.is_empty());
            let Some(first) = parts.next() else {
                continue;
            };
            map.entry(first).or_default().push(Entry {
                cat,
                num,
                code: value,
                lang,
                abbr,
                lang_only,
                rest: parts.collect(),
            });
        }
    }
    map
});

/// A table word found at a token: the entry and the token index after it.
#[derive(Clone, Debug)]
pub(super) struct Hit<'e> {
    /// The entry.
    pub entry: &'e Entry,
    /// Index of the first token after the form (and after an abbreviation's dot).
    pub end: usize,
}

/// The longest table entry of category `cat` whose form starts at token `i`. English month and
/// weekday names must be capitalised; language gating is left to the caller.
pub(super) fn lookup(toks: &[Tok<'_>], i: usize, cat: Cat) -> Option<Hit<'static>> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let entries = t.entries;
    let mut best: Option<Hit<'static>> = None;
    for e in entries.iter().filter(|e| e.cat == cat) {
        if e.lang == "en" && matches!(cat, Cat::Month | Cat::Weekday) && !t.upper {
            continue;
        }
        let Some(mut end) = match_rest(toks, i + 1, &e.rest) else {
            continue;
        };
        if e.abbr {
            match toks.get(end) {
                Some(d) if d.is(".") && !d.space_before => end += 1,
                Some(n) if n.kind == TokKind::Num => {}
                _ => continue,
            }
        }
        if best.as_ref().is_none_or(|b| end > b.end) {
            best = Some(Hit { entry: e, end });
        }
    }
    best
}

/// Matches the further words of a form: each after a space, a hyphen or an apostrophe.
fn match_rest(toks: &[Tok<'_>], mut i: usize, rest: &[&str]) -> Option<usize> {
    for w in rest {
        let t = toks.get(i)?;
        if t.is("-") || t.is("'") {
            if t.space_before {
                return None;
            }
            i += 1;
            let n = toks.get(i)?;
            if n.space_before || n.lower != *w {
                return None;
            }
        } else if !t.space_before || t.lower != *w {
            return None;
        }
        i += 1;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_spacing() {
        let text = "On Nov. 27, 2025 — third-quarter 27.11.2025 Friday’s";
        let toks = tokenize(text, 0, text.len());
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "On", "Nov", ".", "27", ",", "2025", "—", "third", "-", "quarter", "27", ".", "11",
                ".", "2025", "Friday", "’", "s"
            ]
        );
        assert!(!toks[2].space_before && toks[3].space_before);
        assert_eq!(toks[5].num, Some(2025));
        assert_eq!(toks[16].lower, "'");
        assert_eq!(&text[toks[6].start..toks[6].end], "—");
    }

    #[test]
    fn table_lookups() {
        let text = "Nov. 3, sexta-feira aujourd’hui Jan Smith, may";
        let toks = tokenize(text, 0, text.len());
        let h = lookup(&toks, 0, Cat::Month).map(|h| (h.entry.num, h.end));
        assert_eq!(h, Some((11, 2)));
        let h = lookup(&toks, 4, Cat::Weekday).map(|h| (h.entry.num, h.end));
        assert_eq!(h, Some((5, 7)));
        let h = lookup(&toks, 7, Cat::RelDay).map(|h| (h.entry.num, h.end));
        assert_eq!(h, Some((0, 10)));
        // An abbreviation without a dot or number is not a month; lowercase "may" is a verb.
        assert_eq!(toks[10].text, "Jan");
        assert!(lookup(&toks, 10, Cat::Month).is_none());
        assert_eq!(toks[13].text, "may");
        assert!(lookup(&toks, 13, Cat::Month).is_none());
        // "~" marks words that need the language.
        let toks = tokenize("hier", 0, 4);
        assert!(lookup(&toks, 0, Cat::RelDay).is_some_and(|h| h.entry.lang_only));
    }
}

//! Quantities: numerals, number words, approximate amounts, percentages, money and measures.
//!
//! A hand-written scanner over the tokens of each sentence (words, numbers, symbols, punctuation),
//! in the spirit of rule-based numeric expression taggers such as the TIMEX/NUMEX rules of the
//! MUC-7 named-entity task (Chinchor 1998) and spaCy's `like_num` token attribute; no code is taken
//! from them. At each token the scanner tries, in order: a modifier ("about", "more than"), a
//! currency ("$", "US$", "Rs"), a number (digits with an optional multiplier, "1.2 million",
//! "5bn"; number words, "twenty-five", "a dozen"; vague amounts, "tens of thousands",
//! "several hundred"), then a unit (percent, currency word, unit of measure) and the thing counted
//! (the noun phrase after the number, or after "of"). Every step looks a bounded number of tokens
//! ahead, so the scan is linear in the text.
//!
//! Not quantities: years used as dates ("the 2022 invasion", "in 2019"), times ("9:02", "9 a.m."),
//! dates ("Nov. 19", "19 November"), ordinals ("21st"), durations ("three weeks", left to the time
//! extractor), numbers inside names ("COVID-19", "G7", "Article 50") and scores ("3-1").
//!
//! Words and symbols live in `src/data/quantities.txt`; words of languages other than English are
//! used when the article's language is known.

use crate::facts::chars::Class as _;
use crate::normalize::FastSet as HashSet;

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::facts::TextSpan;
use crate::normalize::FastMap as HashMap;

/// What kind of quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QuantityKind {
    /// A count or plain number.
    Number,
    /// A percentage.
    Percent,
    /// An amount of money.
    Money,
    /// A measure with a unit.
    Measure,
}

/// A quantity and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quantity {
    /// The expression as written, from its modifier or currency to the thing it counts
    /// ("1,000 bodies", "more than 20 people", "$5bn", "tens of thousands of troops").
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index of its sentence in `Facts.sentences`.
    pub sentence: usize,
    /// What kind.
    pub kind: QuantityKind,
    /// The value, when it is one number.
    pub value: Option<f64>,
    /// The lower end, for a range or an approximate amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// The upper end, for a range or an approximate amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// True for approximate amounts ("about 20", "tens of thousands").
    pub approximate: bool,
    /// The unit or currency (`%`, `USD`, `km`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The thing counted ("bodies", "Russian servicemen"), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<TextSpan>,
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Word,
    Num,
    Sym,
    Punct,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    kind: Tk,
    /// No whitespace before it.
    glued: bool,
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₽'
            | '₩'
            | '₺'
            | '₴'
            | '₦'
            | '₱'
            | '₪'
            | '%'
            | '°'
            | '²'
    )
}

/// Tokens of `text[from..to]`, with byte offsets into `text`.
fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    tokenize_into(text, from, to, &mut Vec::new(), &mut out);
    out
}

/// [`tokenize`] into `out`, with `cs` as scratch space (both cleared first), so the scan of a
/// whole text reuses one pair of buffers.
fn tokenize_into(
    text: &str,
    from: usize,
    to: usize,
    cs: &mut Vec<(usize, char)>,
    out: &mut Vec<Tok>,
) {
    let s = text.get(from..to).unwrap_or("");
    cs.clear();
    crate::facts::chars::push_char_indices(s, cs);
    out.clear();
    let mut i = 0;
    let mut gap = true;
    let at = |n: usize| cs.get(n).map_or(s.len(), |x| x.0) + from;
    while i < cs.len() {
        let c = cs[i].1;
        if c.is_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let st = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            loop {
                while i < cs.len() && cs[i].1.is_ascii_digit() {
                    i += 1;
                }
                if i + 1 < cs.len() && matches!(cs[i].1, '.' | ',') && cs[i + 1].1.is_ascii_digit()
                {
                    i += 1;
                } else {
                    break;
                }
            }
            Tk::Num
        } else if c.alpha() {
            i += 1;
            while i < cs.len() {
                let d = cs[i].1;
                if d.alpha() || crate::normalize::is_word_char(d) && !d.numeric() {
                    i += 1;
                } else if matches!(d, '-' | '\'' | '’')
                    && cs.get(i + 1).is_some_and(|x| x.1.alpha())
                {
                    i += 2;
                } else {
                    break;
                }
            }
            Tk::Word
        } else if is_symbol(c) {
            i += 1;
            Tk::Sym
        } else {
            i += 1;
            Tk::Punct
        };
        out.push(Tok {
            start: at(st),
            end: at(i),
            kind,
            glued: !gap,
        });
        gap = false;
    }
}

// ---------------------------------------------------------------------------------------------
// Tables

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Num,
    Scale,
    Suffix,
    Approx,
    Few,
    Mod,
    Currency,
    Measure,
    Percent,
    Time,
    Month,
    Classifier,
    Plural,
    Singular,
    Particle,
}

#[derive(Debug)]
struct Phrase {
    /// The pieces of the form as the tokenizer cuts it; lower-cased unless `exact`.
    pieces: Vec<String>,
    /// The form has upper-case letters: match it as written.
    exact: bool,
    /// Language code.
    lang: &'static str,
    kind: Kind,
    value: &'static str,
    /// Every piece has a letter (a word form, not a symbol form such as "US$").
    alpha: bool,
}

struct Tables {
    /// First piece (lower-cased) -> phrases.
    by_first: HashMap<String, Vec<Phrase>>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::default();
    for line in include_str!("../data/quantities.txt").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(lang), Some(kind), Some(form)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let value = f.next().unwrap_or("");
        let kind = match kind {
            "num" => Kind::Num,
            "scale" => Kind::Scale,
            "suffix" => Kind::Suffix,
            "approx" => Kind::Approx,
            "few" => Kind::Few,
            "mod" => Kind::Mod,
            "currency" => Kind::Currency,
            "measure" => Kind::Measure,
            "percent" => Kind::Percent,
            "time" => Kind::Time,
            "month" => Kind::Month,
            "classifier" => Kind::Classifier,
            "plural" => Kind::Plural,
            "particle" => Kind::Particle,
            "singular" => Kind::Singular,
            _ => continue,
        };
        // Forms with capitals, and one-letter forms ("m", "g", "k"), match as written.
        let exact = form.chars().any(char::is_uppercase) || form.chars().count() == 1;
        let pieces: Vec<String> = tokenize(form, 0, form.len())
            .iter()
            .map(|t| {
                let p = &form[t.start..t.end];
                if exact {
                    p.to_string()
                } else {
                    p.to_lowercase()
                }
            })
            .collect();
        let Some(first) = pieces.first() else {
            continue;
        };
        let alpha = pieces
            .iter()
            .all(|x| x.chars().any(crate::facts::chars::is_alphabetic));
        by_first
            .entry(first.to_lowercase())
            .or_default()
            .push(Phrase {
                pieces,
                exact,
                lang,
                kind,
                value,
                alpha,
            });
    }
    Tables { by_first }
});

/// Irregular lower-case checks that need no table: the stopwords of English and the article's
/// language, which end a noun phrase.
fn is_stop(w: &str, lang: Option<usize>) -> bool {
    let en = crate::lang::EN;
    crate::lang::is_stopword(w, en) || lang.is_some_and(|l| crate::lang::is_stopword(w, l))
}

/// Words that a noun phrase of the thing counted never crosses (verbs of being and saying that
/// are not in the stopword lists).
static NP_STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "said",
        "says",
        "say",
        "told",
        "according",
        "including",
        "per",
        "each",
        "apiece",
        "respectively",
        "ago",
        "later",
        "earlier",
        "more",
        "less",
        "fewer",
    ]
    .into_iter()
    .collect()
});

/// The scanner of one sentence at a time; its buffers are reused from sentence to sentence.
struct Scanner<'a> {
    text: &'a str,
    /// The whole text lower-cased, when its byte offsets are those of `text`
    /// ([`crate::normalize::lower_aligned`]).
    lower_all: Option<&'a str>,
    toks: Vec<Tok>,
    /// Each token lower-cased: a byte range of `lower_all` when there is one, else of
    /// `lower_text`.
    low: Vec<(usize, usize)>,
    /// The lower-cased tokens, one after the other (without `lower_all`).
    lower_text: String,
    /// Each token's table entries (the phrases whose first piece is its lower-cased form), looked
    /// up once.
    entries: Vec<Option<&'static [Phrase]>>,
    /// Scratch space of the tokenizer.
    chars: Vec<(usize, char)>,
    /// The article's language, when known and not English.
    lang: Option<&'a str>,
    lang_idx: Option<usize>,
}

/// What a number expression found.
#[derive(Clone, Copy, Debug, Default)]
struct Amount {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    approximate: bool,
    /// Written in words (needs a counted thing or a unit to count as a quantity).
    words: bool,
    /// A vague plural ("thousands") that can take "of" + the thing counted.
    vague: bool,
}

impl<'a> Scanner<'a> {
    fn new(
        text: &'a str,
        lower_all: Option<&'a str>,
        lang: Option<&'a str>,
        lang_idx: Option<usize>,
    ) -> Scanner<'a> {
        Scanner {
            text,
            lower_all,
            toks: Vec::new(),
            low: Vec::new(),
            lower_text: String::new(),
            entries: Vec::new(),
            chars: Vec::new(),
            lang,
            lang_idx,
        }
    }

    /// Tokenises the sentence `text[from..to]`, replacing the previous one.
    fn load(&mut self, from: usize, to: usize) {
        tokenize_into(self.text, from, to, &mut self.chars, &mut self.toks);
        self.low.clear();
        self.lower_text.clear();
        self.entries.clear();
        for t in &self.toks {
            let (a, b) = if self.lower_all.is_some() {
                (t.start, t.end)
            } else {
                let a = self.lower_text.len();
                crate::normalize::push_lower(
                    &mut self.lower_text,
                    self.text.get(t.start..t.end).unwrap_or(""),
                );
                (a, self.lower_text.len())
            };
            self.low.push((a, b));
            let lower = self.lower_all.unwrap_or(&self.lower_text);
            let entries = lower
                .get(a..b)
                .and_then(|w| TABLES.by_first.get(w))
                .map(Vec::as_slice);
            self.entries.push(entries);
        }
    }

    fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }
    fn kind(&self, i: usize) -> Option<Tk> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
    fn lower(&self, i: usize) -> &str {
        let lower = self.lower_all.unwrap_or(&self.lower_text);
        self.low
            .get(i)
            .and_then(|&(a, b)| lower.get(a..b))
            .unwrap_or("")
    }
    /// The table entries of token `i`.
    fn entries(&self, i: usize) -> Option<&'static [Phrase]> {
        self.entries.get(i).copied().flatten()
    }
    fn lang_ok(&self, lang: &str) -> bool {
        lang == "en" || self.lang == Some(lang)
    }

    /// The longest phrase of one of `kinds` starting at token `i`: (phrase, tokens used).
    fn phrase(&self, i: usize, kinds: &[Kind]) -> Option<(&'static Phrase, usize)> {
        let cands = self.entries(i)?;
        let mut best: Option<(&'static Phrase, usize)> = None;
        for p in cands {
            if !kinds.contains(&p.kind)
                || !self.lang_ok(p.lang)
                || best.is_some_and(|(_, n)| p.pieces.len() <= n)
            {
                continue;
            }
            // Pieces after the first of a symbol form ("US$", "°C") must touch.
            let touching =
                p.pieces.len() == 1 || p.alpha || (1..p.pieces.len()).all(|k| self.glued(i + k));
            let ok = touching
                && p.pieces.iter().enumerate().all(|(k, piece)| {
                    if p.exact {
                        self.s(i + k) == piece
                    } else {
                        self.lower(i + k) == piece
                    }
                });
            if ok {
                best = Some((p, p.pieces.len()));
            }
        }
        best
    }

    fn is_kind(&self, i: usize, kind: Kind) -> bool {
        self.phrase(i, &[kind]).is_some_and(|(_, n)| n == 1)
    }

    /// Parses a numeral at token `i`: (value, tokens used).
    fn digits(&self, i: usize) -> Option<f64> {
        if self.kind(i) != Some(Tk::Num) {
            return None;
        }
        let s = self.s(i);
        let comma_decimal = self.lang.is_some();
        let thousands = if comma_decimal { '.' } else { ',' };
        // One separator: grouping only if it is the thousands one and three digits follow
        // ("1,000"; "1.500" in German); several of one kind group ("1,000,000"); of two kinds, the
        // last is the decimal point ("1,234.5", "1.234,5").
        let seps: Vec<char> = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
        let groups_of_three = s
            .split(['.', ','])
            .skip(1)
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        let same = seps.windows(2).all(|w| w[0] == w[1]);
        let mut clean = String::with_capacity(s.len());
        for c in s.chars() {
            let decimal_here = if c.is_ascii_digit() {
                clean.push(c);
                continue;
            } else if seps.len() == 1 {
                !(c == thousands && groups_of_three)
            } else if same {
                false
            } else {
                seps.last() == Some(&c)
            };
            if decimal_here {
                clean.push('.');
            }
        }
        clean.parse::<f64>().ok()
    }

    /// Number words at `i` ("twenty-five", "a hundred", "one hundred and five"): (value, used).
    fn number_words(&self, i: usize) -> Option<(f64, usize)> {
        let mut total = 0.0f64;
        let mut current = 0.0f64;
        let mut j = i;
        let mut any = false;
        let first = self.lower(i);
        if first == "a" || first == "an" {
            if self.lower(i + 1) == "dozen" {
                j += 1;
            } else if self.is_kind(i + 1, Kind::Scale) {
                current = 1.0;
                j += 1;
            }
        }
        loop {
            if self.kind(j) != Some(Tk::Word) {
                break;
            }
            let w = self.lower(j);
            if any && w == "and" && self.number_word(j + 1).is_some() && current >= 100.0 {
                j += 1;
                continue;
            }
            if let Some(v) = self.number_word(j) {
                current += v;
                any = true;
                j += 1;
                continue;
            }
            if let Some((p, 1)) = self.phrase(j, &[Kind::Scale]) {
                let Ok(m) = p.value.parse::<f64>() else { break };
                if !any && current == 0.0 {
                    break;
                }
                if m < 1000.0 {
                    current = current.max(1.0) * m;
                } else {
                    total += current.max(1.0) * m;
                    current = 0.0;
                }
                any = true;
                j += 1;
                continue;
            }
            break;
        }
        if !any {
            return None;
        }
        Some((total + current, j - i))
    }

    /// The value of a word made of number words ("twenty-five", "three"), if it is one.
    fn number_word(&self, j: usize) -> Option<f64> {
        let value = |cands: &[Phrase]| {
            let p = cands
                .iter()
                .find(|p| p.kind == Kind::Num && p.pieces.len() == 1 && self.lang_ok(p.lang))?;
            p.value.parse::<f64>().ok()
        };
        let w = self.lower(j);
        if !w.contains('-') {
            // One part: the token's own entries.
            return value(self.entries(j)?);
        }
        let mut sum = 0.0;
        for part in w.split('-') {
            sum += value(TABLES.by_first.get(part)?)?;
        }
        Some(sum)
    }

    /// A vague amount at `i`: "tens of thousands", "hundreds", "several hundred", "dozens".
    fn vague(&self, i: usize) -> Option<(Amount, usize)> {
        if let Some((p, n)) = self.phrase(i, &[Kind::Few]) {
            let (lo, hi) = p.value.split_once("..")?;
            let (lo, hi) = (lo.parse::<f64>().ok()?, hi.parse::<f64>().ok()?);
            let (sp, m) = self.phrase(i + n, &[Kind::Scale])?;
            let scale = sp.value.parse::<f64>().ok()?;
            let amt = Amount {
                low: Some(lo * scale),
                high: Some(hi * scale),
                approximate: true,
                words: true,
                vague: true,
                ..Amount::default()
            };
            return Some((amt, n + m));
        }
        let (p, _) = self.phrase(i, &[Kind::Approx])?;
        let mut unit: f64 = p.value.parse().ok()?;
        let mut low_factor = if unit == 12.0 || unit == 20.0 {
            2.0
        } else {
            1.0
        };
        let mut j = i + 1;
        // "tens of thousands of", "hundreds of millions"
        while self.lower(j) == "of" {
            match self.phrase(j + 1, &[Kind::Approx]) {
                Some((q, 1)) if q.value.parse::<f64>().is_ok_and(|v| v >= 100.0) => {
                    unit *= q.value.parse::<f64>().unwrap_or(1.0);
                    low_factor = 1.0;
                    j += 2;
                }
                _ => break,
            }
        }
        let amt = Amount {
            low: Some(unit * low_factor),
            high: Some(unit * 10.0),
            approximate: true,
            words: true,
            vague: true,
            ..Amount::default()
        };
        Some((amt, j - i))
    }

    /// True when the number token at `i` is not a quantity: a year, time, date, ordinal, or part of
    /// a name. `next` is the token after the number (and any multiplier).
    fn not_a_quantity(&self, i: usize, next: usize, value: f64) -> bool {
        let s = self.s(i);
        // Inside a name: "COVID-19", "G7", "MH17", "F-16".
        if self.glued(i) && i > 0 {
            let p = self.s(i - 1);
            if self.kind(i - 1) == Some(Tk::Word)
                || (p == "-" && self.glued(i - 1) && self.kind(i.wrapping_sub(2)) == Some(Tk::Word))
                || p == "/"
                || p == ":"
                || p == "#"
            {
                return true;
            }
        }
        // Times and dates written with separators: "9:02", "11/19", "2019-20".
        if self.glued(next)
            && matches!(self.s(next), ":" | "/")
            && self.kind(next + 1) == Some(Tk::Num)
        {
            return true;
        }
        // Ordinals and times glued on: "21st", "9am", "14h".
        if self.glued(next) && self.kind(next) == Some(Tk::Word) {
            let w = self.lower(next);
            if matches!(w, "st" | "nd" | "rd" | "th" | "h" | "e" | "er" | "ème")
                || self.is_kind(next, Kind::Time)
            {
                return true;
            }
        }
        // A time unit after: "9 a.m.", "10 o'clock", "three weeks" (durations are times).
        if self.phrase(next, &[Kind::Time]).is_some() {
            return true;
        }
        if self.lower(next) == "a" && self.s(next + 1) == "." && self.lower(next + 2) == "m" {
            return true;
        }
        // Dates: a month before ("Nov. 19", "November 19") or after ("19 November", "19 Nov").
        let mut p = i.wrapping_sub(1);
        if self.s(p) == "." {
            p = p.wrapping_sub(1);
        }
        if p < self.toks.len()
            && self.is_kind(p, Kind::Month)
            && self.s(p).chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        let mut q = next;
        if self.lower(q) == "of" {
            q += 1;
        }
        if self.is_kind(q, Kind::Month) && self.s(q).chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        // Years: four digits 1000–2100 without a separator.
        if s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && (1000.0..=2100.0).contains(&value)
        {
            let prev = if i > 0 { self.lower(i - 1) } else { "" };
            let date_word = matches!(
                prev,
                "in" | "since"
                    | "by"
                    | "of"
                    | "from"
                    | "until"
                    | "till"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
                    | "the"
                    | "s"
                    | "early"
                    | "late"
                    | "mid"
                    | "between"
                    | "and"
                    | "or"
                    | "year"
                    | "fiscal"
                    | "season"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "winter"
                    | "fall"
                    | "'"
                    | "’"
                    | "-"
                    | "–"
                    | ","
            );
            if date_word || !self.plural_at(next) {
                return true;
            }
        }
        false
    }

    /// True when the word at `j` looks like a plural noun.
    fn plural_at(&self, j: usize) -> bool {
        if self.kind(j) != Some(Tk::Word) {
            return false;
        }
        let w = self.lower(j);
        if self.is_kind(j, Kind::Plural) {
            return true;
        }
        if self.is_kind(j, Kind::Singular) || w.chars().count() < 3 {
            return false;
        }
        if w.ends_with("men") {
            return true;
        }
        w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
    }

    /// A word that can be part of the noun phrase of the thing counted.
    fn np_word(&self, j: usize) -> bool {
        if self.kind(j) != Some(Tk::Word) {
            return false;
        }
        let w = self.lower(j);
        // A possessive belongs to another noun phrase ("50 Cent's rivals").
        !is_stop(w, self.lang_idx)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && !NP_STOP.contains(w)
            && self.number_word(j).is_none()
            && self
                .phrase(
                    j,
                    &[
                        Kind::Time,
                        Kind::Month,
                        Kind::Mod,
                        Kind::Scale,
                        Kind::Approx,
                    ],
                )
                .is_none()
    }

    /// The thing counted, starting at token `j`: (first token, last token) inclusive.
    /// With `any_head`, a run without a plural noun counts whole ("2 tonnes of rice").
    fn counted_np(&self, j: usize, one: bool, any_head: bool) -> Option<(usize, usize)> {
        let mut run = Vec::new();
        let mut k = j;
        while run.len() < 4 && self.np_word(k) {
            run.push(k);
            k += 1;
        }
        if run.is_empty() {
            return None;
        }
        if self.lang.is_some() {
            // Other languages: the run of content words.
            let last = *run.last()?;
            return Some((j, last));
        }
        if let Some(&h) = run.iter().rev().find(|&&x| self.plural_at(x)) {
            return Some((j, h));
        }
        if any_head {
            return Some((j, *run.last()?));
        }
        if one {
            let w = self.lower(j);
            if !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly") {
                return Some((j, j));
            }
        }
        None
    }

    /// "of" (+ a determiner) + the thing counted, at `j`.
    fn of_np(&self, j: usize, any_head: bool) -> Option<(usize, usize)> {
        if self.lower(j) != "of" {
            return None;
        }
        let mut k = j + 1;
        if matches!(
            self.lower(k),
            "the" | "their" | "its" | "his" | "her" | "our" | "these" | "those" | "them"
        ) {
            if self.lower(k) == "them" {
                return None;
            }
            k += 1;
        }
        self.counted_np(k, false, any_head)
    }

    /// Tries a quantity starting at token `i`. Returns it and the token after it.
    fn at(&self, i: usize) -> Option<(Quantity, usize)> {
        // Every step below needs a number, a table entry (modifier, currency, vague amount, number
        // word or scale), a hyphenated word ("twenty-five") or "a"/"an" ("a dozen") here.
        if !self.may_start(i) {
            return None;
        }
        let start_tok = i;
        let mut j = i;
        // 1. Modifier.
        let mut modifier = None;
        if let Some((p, n)) = self.phrase(j, &[Kind::Mod]) {
            // "handed over 120 boats": after a verb that takes it as a particle, "over" is not
            // a bound; the number on its own is tried at the next token.
            if i > 0 && self.phrase(i - 1, &[Kind::Particle]).is_some() {
                return None;
            }
            let k = j + n;
            let starts_number = self.kind(k) == Some(Tk::Num)
                || self.phrase(k, &[Kind::Currency]).is_some()
                || self.number_word(k).is_some()
                || self.vague(k).is_some();
            if !starts_number {
                return None;
            }
            modifier = Some(p.value);
            j = k;
        }
        // 2. Currency before.
        let mut unit: Option<String> = None;
        let mut kind = QuantityKind::Number;
        if let Some((p, n)) = self.phrase(j, &[Kind::Currency]) {
            // Before the digits: symbols and codes ("$", "US$", "USD", "Rs"), not words ("Euro
            // 2004" is a tournament).
            let form = p.pieces.concat();
            let prefix = form.chars().any(|c| !c.alpha())
                || form.chars().all(char::is_uppercase)
                || form.chars().count() <= 2;
            if prefix && self.kind(j + n) == Some(Tk::Num) {
                unit = Some(p.value.to_string());
                kind = QuantityKind::Money;
                j += n;
            }
        }
        // 3. The number.
        let num_tok = j;
        let mut amt = Amount::default();
        if let Some(v) = self.digits(j) {
            j += 1;
            let mut value = v;
            // Range or score: "10-20", "3-1".
            if self.glued(j) && matches!(self.s(j), "-" | "–") && self.glued(j + 1) {
                if let Some(w) = self.digits(j + 1) {
                    // "3-4-1" is a formation, not a range.
                    let chain = self.glued(j + 2) && matches!(self.s(j + 2), "-" | "–");
                    if chain {
                        return Some((self.skip(), j + 4));
                    }
                    if w > v && unit.is_none() && !self.s(num_tok).contains(['.', ',']) {
                        amt.low = Some(v);
                        amt.high = Some(w);
                        j += 2;
                    } else {
                        return Some((self.skip(), j + 2));
                    }
                }
            }
            // Multiplier: "5bn", "3.4m" (million with money or before a plural), "1.2 million".
            if self.glued(j) && self.kind(j) == Some(Tk::Word) {
                if let Some((p, 1)) = self.phrase(j, &[Kind::Suffix]) {
                    let is_m = self.lower(j) == "m";
                    if !is_m || unit.is_some() || self.plural_at(j + 1) {
                        value *= p.value.parse::<f64>().unwrap_or(1.0);
                        j += 1;
                    }
                }
            } else if let Some((p, 1)) = self.phrase(j, &[Kind::Scale]) {
                value *= p.value.parse::<f64>().unwrap_or(1.0);
                j += 1;
            }
            if amt.low.is_none() {
                amt.value = Some(value);
            }
            // Glued words that are not units make a name or a compound: "3GP", "4G", "161-strong".
            if unit.is_none() && self.glued(j) {
                let word_after = if self.s(j) == "-" && self.glued(j + 1) {
                    j + 1
                } else {
                    j
                };
                if self.kind(word_after) == Some(Tk::Word)
                    && self
                        .phrase(word_after, &[Kind::Measure, Kind::Percent, Kind::Currency])
                        .is_none()
                {
                    return Some((self.skip(), word_after + 1));
                }
            }
            if kind != QuantityKind::Money && self.not_a_quantity(num_tok, j, v) {
                return Some((self.skip(), j));
            }
        } else if let Some((a, n)) = self.vague(j) {
            amt = a;
            j += n;
        } else if let Some((v, n)) = self.number_words(j) {
            amt.value = Some(v);
            amt.words = true;
            j += n;
            if self.phrase(j, &[Kind::Time]).is_some() || self.s(j) == "-" && self.glued(j) {
                return Some((self.skip(), j));
            }
        } else {
            return None;
        }
        // 4. Unit after.
        if kind != QuantityKind::Money {
            if let Some((p, n)) = self.phrase(j, &[Kind::Percent]) {
                kind = QuantityKind::Percent;
                unit = Some(p.value.to_string());
                j += n;
            } else if let Some((p, n)) = self.phrase(j, &[Kind::Currency]) {
                kind = QuantityKind::Money;
                unit = Some(p.value.to_string());
                j += n;
            } else if let Some((p, n)) = self.phrase(j, &[Kind::Measure]) {
                // A bare "m"/"g"/"t" only counts when glued to the digits.
                let short = p.pieces.len() == 1 && p.pieces[0].chars().count() == 1;
                if !short || self.glued(j) {
                    kind = QuantityKind::Measure;
                    unit = Some(p.value.to_string());
                    j += n;
                }
            }
        } else if let Some((p, n)) = self.phrase(j, &[Kind::Currency]) {
            if p.value == unit.as_deref().unwrap_or("") {
                j += n;
            }
        }
        // 5. The thing counted.
        let mut counted = None;
        match kind {
            QuantityKind::Number => {
                counted = if amt.vague {
                    self.of_np(j, false)
                        .or_else(|| self.counted_np(j, false, false))
                } else {
                    self.counted_np(j, amt.value == Some(1.0) && !amt.words, false)
                };
                if let Some((a, h)) = counted {
                    // "rounds of direct talks": a counting noun takes its "of" phrase along.
                    if a <= h && self.is_kind(h, Kind::Classifier) {
                        if let Some((_, h2)) = self.of_np(h + 1, true) {
                            counted = Some((a, h2));
                        }
                    }
                } else if !amt.vague {
                    counted = self.of_np(j, false);
                }
            }
            QuantityKind::Measure | QuantityKind::Percent => counted = self.of_np(j, true),
            QuantityKind::Money => {}
        }
        // "tens of billions of dollars" is money.
        if let (true, Some((_, h))) = (amt.vague, counted) {
            if let Some((p, 1)) = self.phrase(h, &[Kind::Currency]) {
                kind = QuantityKind::Money;
                unit = Some(p.value.to_string());
                counted = None;
                j = h + 1;
            }
        }
        // A number after a capitalised word inside the sentence is part of a name ("Section 5 of
        // the act", "No 10"), and so is a capitalised number word ("the Six Nations").
        let prev_cap = num_tok > 0
            && self.kind(num_tok - 1) == Some(Tk::Word)
            && self
                .s(num_tok - 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if kind == QuantityKind::Number && modifier.is_none() {
            let named_number = prev_cap
                && (!is_stop(self.lower(num_tok - 1), self.lang_idx)
                    || self.lower(num_tok - 1) == "no");
            let capital_word = amt.words
                && num_tok > 0
                && self
                    .s(num_tok)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if named_number || capital_word {
                return Some((self.skip(), j));
            }
        }
        if counted.is_none() && kind == QuantityKind::Number {
            // Number words need something counted ("three rounds"), except vague amounts.
            if amt.words && !amt.vague {
                return Some((self.skip(), j));
            }
            // A number right after a capitalised word is part of a name ("Article 50").
            if prev_cap && !is_stop(self.lower(num_tok - 1), self.lang_idx) && modifier.is_none() {
                return Some((self.skip(), j));
            }
        }
        // Modifiers.
        match modifier {
            Some("min") => {
                amt.low = amt.low.or(amt.value);
                amt.approximate = true;
            }
            Some("max") => {
                amt.high = amt.high.or(amt.value);
                amt.approximate = true;
            }
            Some(_) => amt.approximate = true,
            None => {}
        }
        let last_tok = counted.map_or(j.saturating_sub(1), |(_, h)| h.max(j.saturating_sub(1)));
        let start = self.toks.get(start_tok)?.start;
        let end = self.toks.get(last_tok)?.end;
        let counted = counted.and_then(|(a, h)| {
            let (s, e) = (self.toks.get(a)?.start, self.toks.get(h)?.end);
            Some(TextSpan {
                text: self.text.get(s..e)?.to_string(),
                span: Span::new(s, e),
            })
        });
        let q = Quantity {
            text: self.text.get(start..end)?.to_string(),
            span: Span::new(start, end),
            sentence: 0,
            kind,
            value: amt.value,
            low: amt.low,
            high: amt.high,
            approximate: amt.approximate,
            unit,
            counted,
        };
        Some((q, last_tok + 1))
    }

    /// True when a quantity can start at token `i` (see [`Scanner::at`]).
    fn may_start(&self, i: usize) -> bool {
        if self.kind(i) == Some(Tk::Num) || self.entries(i).is_some() {
            return true;
        }
        let w = self.lower(i);
        w.contains('-') || w == "a" || w == "an"
    }

    /// A marker for "nothing here, skip these tokens".
    fn skip(&self) -> Quantity {
        Quantity {
            text: String::new(),
            span: Span::default(),
            sentence: usize::MAX,
            kind: QuantityKind::Number,
            value: None,
            low: None,
            high: None,
            approximate: false,
            unit: None,
            counted: None,
        }
    }
}

/// Finds the quantities of `text` (its lower-case form, when aligned, and sentence spans given).
pub(crate) fn extract(
    text: &str,
    lower: Option<&str>,
    sentences: &[Span],
    ctx: &super::Context,
) -> Vec<Quantity> {
    let lang = ctx
        .language
        .as_deref()
        .map(|l| l.get(..2).unwrap_or(l))
        .filter(|l| !l.eq_ignore_ascii_case("en"));
    let lang_idx = lang.and_then(crate::lang::index_of);
    let mut out = Vec::new();
    let mut sc = Scanner::new(text, lower, lang, lang_idx);
    for (si, s) in sentences.iter().enumerate() {
        sc.load(s.start, s.end);
        let mut i = 0;
        while i < sc.toks.len() {
            match sc.at(i) {
                Some((mut q, next)) => {
                    if q.sentence != usize::MAX {
                        q.sentence = si;
                        out.push(q);
                    }
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Quantity> {
        run_lang(text, None)
    }

    fn run_lang(text: &str, lang: Option<&str>) -> Vec<Quantity> {
        let ctx = crate::facts::Context {
            language: lang.map(str::to_string),
            ..Default::default()
        };
        let sentences = crate::facts::sentences::split(text);
        let lower = crate::normalize::lower_aligned(text);
        let got = extract(text, lower.as_deref(), &sentences, &ctx);
        // The same without the shared lower-case text.
        assert_eq!(got, extract(text, None, &sentences, &ctx));
        got
    }

    fn one(text: &str) -> Quantity {
        let q = run(text);
        assert_eq!(q.len(), 1, "{text}: {q:#?}");
        q.into_iter().next().unwrap()
    }

    fn counted(q: &Quantity) -> &str {
        q.counted.as_ref().map_or("", |c| c.text.as_str())
    }

    #[test]
    fn numerals_with_the_thing_counted() {
        let q = one("Rescuers found 1,000 bodies, officials said.");
        assert_eq!(
            (q.text.as_str(), q.value, counted(&q)),
            ("1,000 bodies", Some(1000.0), "bodies")
        );
        let q = one("The ship carried 24 Dutch marines in total.");
        assert_eq!(
            (q.text.as_str(), counted(&q)),
            ("24 Dutch marines", "Dutch marines")
        );
        let q = one("The bridge is 3.5 km long.");
        assert_eq!(
            (q.kind, q.value, q.unit.as_deref()),
            (QuantityKind::Measure, Some(3.5), Some("km"))
        );
        let q = one("Sales reached 1.2 million units.");
        assert_eq!((q.value, counted(&q)), (Some(1_200_000.0), "units"));
    }

    #[test]
    fn number_words() {
        let q = one("After three rounds of tense talks between them, nothing moved.");
        assert_eq!(
            (q.text.as_str(), q.value, counted(&q)),
            (
                "three rounds of tense talks",
                Some(3.0),
                "rounds of tense talks"
            )
        );
        let q = one("They found twenty-five lost sheep.");
        assert_eq!((q.value, counted(&q)), (Some(25.0), "lost sheep"));
        let q = one("A hundred and five pupils sang.");
        assert_eq!((q.value, counted(&q)), (Some(105.0), "pupils"));
        assert!(run("One of them left, and the two were glad.").is_empty());
    }

    #[test]
    fn vague_amounts() {
        let q = one("Tens of thousands of farmers have marched.");
        assert_eq!(
            (q.text.as_str(), q.low, q.high, q.approximate, counted(&q)),
            (
                "Tens of thousands of farmers",
                Some(10_000.0),
                Some(100_000.0),
                true,
                "farmers"
            )
        );
        let q = one("Several hundred fans waited.");
        assert_eq!(
            (q.low, q.high, counted(&q)),
            (Some(200.0), Some(900.0), "fans")
        );
        let q = one("Losses run to tens of billions of dollars.");
        assert_eq!(
            (q.kind, q.unit.as_deref(), q.low),
            (QuantityKind::Money, Some("USD"), Some(1e10))
        );
        let q = one("Hundreds were hurt.");
        assert_eq!(
            (q.low, q.high, q.counted.is_none()),
            (Some(100.0), Some(1000.0), true)
        );
    }

    #[test]
    fn modifiers_and_bounds() {
        let q = one("About 20 boats sank.");
        assert_eq!(
            (q.text.as_str(), q.value, q.approximate),
            ("About 20 boats", Some(20.0), true)
        );
        let q = one("It cost nearly 300 pounds.");
        assert_eq!(
            (q.kind, q.high, q.unit.as_deref()),
            (QuantityKind::Money, Some(300.0), Some("GBP"))
        );
        let q = one("More than 1,000 voters came.");
        assert_eq!(
            (q.low, q.approximate, counted(&q)),
            (Some(1000.0), true, "voters")
        );
    }

    #[test]
    fn percentages() {
        for t in [
            "Turnout rose 12% today.",
            "Turnout rose 12 per cent today.",
            "Turnout rose 12 percent today.",
        ] {
            let q = one(t);
            assert_eq!(
                (q.kind, q.value, q.unit.as_deref()),
                (QuantityKind::Percent, Some(12.0), Some("%")),
                "{t}"
            );
        }
        let q = one("Some 40% of pupils passed.");
        assert_eq!((q.low, q.approximate, counted(&q)), (None, true, "pupils"));
    }

    #[test]
    fn money() {
        let cases = [
            ("It raised $5bn last year.", 5e9, "USD"),
            ("Tickets cost €20 each.", 20.0, "EUR"),
            ("The club paid £3.4m for him.", 3.4e6, "GBP"),
            ("A loan of ₹1,500 was due.", 1500.0, "INR"),
            ("The fund holds US$2.5 billion now.", 2.5e9, "USD"),
            ("They spent 59.2 trillion rupiah on it.", 59.2e12, "IDR"),
        ];
        for (t, v, cur) in cases {
            let q = one(t);
            assert_eq!(
                (q.kind, q.value, q.unit.as_deref()),
                (QuantityKind::Money, Some(v), Some(cur)),
                "{t}"
            );
        }
    }

    #[test]
    fn measures() {
        let q = one("It was 30 degrees outside.");
        assert_eq!(
            (q.kind, q.unit.as_deref()),
            (QuantityKind::Measure, Some("°"))
        );
        let q = one("They shipped 2 tonnes of rice.");
        assert_eq!((q.unit.as_deref(), counted(&q)), (Some("t"), "rice"));
        assert!(run("A 161-strong team and 4G phones.").is_empty());
        let q = one("He ran the 100m final.");
        assert_eq!((q.unit.as_deref(), q.value), (Some("m"), Some(100.0)));
        let q = one("The firm hired 3.4m workers.");
        assert_eq!((q.kind, q.value), (QuantityKind::Number, Some(3.4e6)));
    }

    #[test]
    fn not_quantities() {
        for t in [
            "Since the 2022 invasion, prices rose.",
            "The law passed in 2019 after a debate.",
            "The bell rang at 9:02 on Monday.",
            "They met on Nov. 19 and on 3 December.",
            "She finished 21st overall.",
            "The COVID-19 rules and the G7 summit ended.",
            "The talks took three weeks.",
            "The train left at 9 a.m. sharp.",
            "Article 50 was triggered.",
            "The home side won 3-1 at the end.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:#?}", run(t));
        }
        for t in [
            "Fans watched Euro 2004 on TV.",
            "Section 5 of the act applies.",
            "Aides at No 10 were quiet.",
            "Wales won the Six Nations title.",
            "The team used a 3-4-1 line-up.",
            "He mocked some of 50 Cent's rivals.",
        ] {
            assert!(
                run(t)
                    .iter()
                    .all(|q| q.kind != QuantityKind::Money && q.counted.is_none()),
                "{t}: {:#?}",
                run(t)
            );
        }
        // A score is never money.
        assert!(run("They won 2-0.")
            .iter()
            .all(|q| q.kind != QuantityKind::Money));
    }

    #[test]
    fn ranges() {
        let q = one("Police said 10-20 people were hurt.");
        assert_eq!(
            (q.low, q.high, counted(&q)),
            (Some(10.0), Some(20.0), "people")
        );
    }

    #[test]
    fn other_languages() {
        let q = run_lang(
            "Die Firma zahlte 1.500 Euro für drei neue Autos.",
            Some("de"),
        );
        let got: Vec<(&str, Option<f64>)> = q.iter().map(|q| (q.text.as_str(), q.value)).collect();
        assert_eq!(
            got,
            [("1.500 Euro", Some(1500.0)), ("drei neue Autos", Some(3.0))]
        );
        let q = run_lang(
            "Il a vendu trois maisons pour 2,5 millions d'euros.",
            Some("fr"),
        );
        assert_eq!(q[0].text, "trois maisons");
        assert_eq!(q[1].value, Some(2_500_000.0));
    }
}

/// Checks against the project's seed article in `../shared/eval/seed` (third-party text read at
/// run time, never copied here). Skipped when the folder is absent.
#[cfg(all(test, feature = "facts"))]
mod seed {
    #[test]
    fn seed_quantities() {
        let Some((article, gold)) = crate::facts::seed_article() else {
            return;
        };
        let facts = crate::facts::extract_facts(&article, &crate::Options::default()).unwrap();
        let got: Vec<(String, String)> = facts
            .quantities
            .iter()
            .map(|q| {
                let counted = q
                    .counted
                    .as_ref()
                    .map(|c| c.text.clone())
                    .unwrap_or_default();
                (q.text.clone(), counted)
            })
            .collect();
        let want: Vec<String> = gold["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["text"].as_str().unwrap().to_string())
            .collect();
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, want);
        for (q, g) in facts
            .quantities
            .iter()
            .zip(gold["quantities"].as_array().unwrap())
        {
            assert_eq!(q.kind, super::QuantityKind::Number);
            // The gold "counts" names the head noun first ("servicemen (remains of)").
            let head = g["counts"].as_str().unwrap().split(" (").next().unwrap();
            let c = q.counted.as_ref().map(|c| c.text.as_str()).unwrap_or("");
            assert!(c.ends_with(head) || c == head, "{c:?} vs {head:?}");
            match g["value"].as_f64() {
                Some(v) => assert_eq!(q.value, Some(v)),
                None => assert_eq!((q.low, q.high, q.approximate), (Some(1e4), Some(1e5), true)),
            }
        }
    }
}

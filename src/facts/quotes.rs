//! Quotes: direct and reported speech, with speaker, cue and channel.
//!
//! The rules are those of news attribution as described for PARC / PolNeAR (Pareti 2016, "PARC
//! 3.0: A Corpus of Attribution Relations"; Newell, Margolin & Ruths 2018, "An Attribution
//! Relations Corpus for Political News"): a *source*, a *cue* and a *content*. The implementation
//! is our own, a single pass over tokens with a few bounded look-arounds:
//!
//! 1. Quotation marks are paired per paragraph ([`marks`]): curly, straight, low-9, guillemets,
//!    nested single marks; a quote still open at a paragraph end continues when the next paragraph
//!    opens with a mark.
//! 2. A top-level quotation is a **direct quote** only when it opens where speech opens — at the
//!    start of a paragraph or sentence, after a colon, or after a cue ("she said, “…") — and
//!    starts with a capital (lower case only for the second piece of a split quote). A quotation
//!    that opens after any other word (`were on “pause”`, `the “I Want to Find” project`) is a
//!    scare quote or a title, never a quote of a speaker. A sentence-opening quotation without an
//!    attribution must also look like speech (inner punctuation or the end of the sentence).
//! 3. The speaker is found after the quote (`,” she said`, `,” said Jane Smith, a lawyer`), or
//!    before it (`Smith said: “`, `According to Smith, “`); pieces of one quote and paragraphs of a
//!    multi-paragraph quote share it.
//! 4. **Reported speech** is a sentence with a cue outside quotation marks: `X said (that) …`,
//!    `…, X said.`, `According to X, …` (`direct: false`).
//!
//! Sentence boundaries are decided locally (an abbreviation such as "Mr." or "Sen." or an initial
//! does not end a sentence), so a speaker is never cut from its title. Entities, when given,
//! resolve the speaker: a name to the entity mentioned there, a pronoun to the nearest preceding
//! person (he, she) or organisation or place (it, they).

mod lexicon;
mod marks;

use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::facts::{Entity, EntityKind, TextSpan};

use lexicon::{Kind, Lexicon, PronClass, Tokens, LEXICON};
use marks::Quotation;

/// Who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// The speaker as written ("he", "the ministry", "Jane Smith").
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index into `Facts.entities` of the entity it refers to, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// The resolved entity's name, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// What was said (inside the quotation marks for a direct quote).
    pub text: String,
    /// Byte offsets of the content into `Article.text`.
    pub span: Span,
    /// Index of the sentence where the quote starts.
    pub sentence: usize,
    /// True for a direct quote (in quotation marks), false for reported speech.
    pub direct: bool,
    /// The speaker, when found.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to"), when found.
    pub cue: Option<TextSpan>,
    /// Where it was said ("on Telegram", "in a statement"), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<TextSpan>,
}

/// A range of token indices, end exclusive.
type Range = (usize, usize);

/// Speaker, cue and channel of a quote, as token ranges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Attribution {
    speaker: Option<Range>,
    cue: Option<Range>,
    channel: Option<Range>,
}

/// Longest stretch of tokens a look-around crosses: keeps the pass linear.
const WINDOW: usize = 80;

/// Prepositions that introduce a channel ("on Telegram", "in a statement", "dans un communiqué").
const CHANNEL_PREPS: [&str; 16] = [
    "on", "in", "via", "during", "through", "at", "dans", "en", "em", "na", "no", "nel", "nella",
    "im", "в", "на",
];

/// Where a quotation opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opening {
    /// First thing in its paragraph.
    Paragraph,
    /// After the end of a sentence.
    Sentence,
    /// After a colon.
    Colon,
    /// After a comma or a dash.
    Comma,
    /// Right after a cue word ("said “…").
    Cue,
    /// After any other word: a scare quote, a title, a quoted phrase.
    Other,
}

struct Extractor<'a> {
    t: &'a Tokens<'a>,
    lex: &'static Lexicon,
    mask: u8,
    /// Tokens that are marks of top-level double quotations: look-arounds stop there.
    mark: Vec<bool>,
    /// Paragraph number of each token.
    para: Vec<u32>,
}

impl<'a> Extractor<'a> {
    fn new(t: &'a Tokens<'a>, quotations: &[Quotation], mask: u8) -> Self {
        let mut mark = vec![false; t.len()];
        for q in quotations.iter().filter(|q| q.double && !q.nested) {
            mark[q.open] = true;
            if let Some(c) = q.close {
                mark[c] = true;
            }
        }
        let mut para = Vec::with_capacity(t.len());
        let mut p = 0u32;
        for i in 0..t.len() {
            para.push(p);
            if t.is_break(i) {
                p += 1;
            }
        }
        Extractor {
            t,
            lex: &LEXICON,
            mask,
            mark,
            para,
        }
    }

    fn lower(&self, i: usize) -> &str {
        self.t.lower(i).unwrap_or("")
    }

    fn is(&self, i: usize, kind: Kind) -> bool {
        self.t.is_word(i) && self.lex.is(self.lower(i), kind, self.mask)
    }

    fn cue_at(&self, i: usize, kinds: &[Kind]) -> Option<(usize, Kind)> {
        self.lex.phrase_at(self.t, i, kinds, self.mask)
    }

    /// A word that may stand between a speaker and its cue: an auxiliary, an adverb, a time word.
    fn skippable(&self, i: usize) -> bool {
        if !self.t.is_word(i) {
            return false;
        }
        let w = self.lower(i);
        self.lex.is(w, Kind::Skip, self.mask)
            || (w.len() > 4 && w.ends_with("ly") && !self.t.is_capitalized(i))
    }

    fn stop_word(&self, i: usize) -> bool {
        self.t.is_word(i) && self.lex.is(self.lower(i), Kind::Stop, self.mask)
    }

    /// A stop word that starts a clause (not a preposition: "a narrator in the ad" is one phrase).
    fn clause_word(&self, i: usize) -> bool {
        self.stop_word(i)
            && !matches!(
                self.lower(i),
                "in" | "on" | "at" | "to" | "from" | "with" | "about" | "during"
            )
    }

    fn pronoun(&self, i: usize) -> bool {
        self.t.is_word(i) && self.lex.pronoun(self.lower(i), self.mask).is_some()
    }

    /// True when the "." (or other terminal mark) at `i` ends a sentence.
    fn is_end(&self, i: usize) -> bool {
        let Some(c) = self.t.punct(i) else {
            return false;
        };
        match c {
            '.' | '!' | '?' | '…' => {
                if c == '.' && i > 0 && self.t.is_word(i - 1) {
                    let w = self.t.text(i - 1);
                    let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                    if initial || self.is(i - 1, Kind::Title) {
                        return false;
                    }
                }
                // A lower-case word or a comma right after (closing marks aside) continues the
                // sentence ("R-Ky., said").
                let mut k = i + 1;
                while k < self.t.len()
                    && matches!(self.t.punct(k), Some('"' | '”' | '’' | '\'' | ')' | '»'))
                {
                    k += 1;
                }
                let continues = (self.t.is_word(k) && !self.t.is_capitalized(k))
                    || (c == '.' && matches!(self.t.punct(k), Some(',' | ';' | ':' | ')')));
                !continues
            }
            ';' => true,
            _ => false,
        }
    }

    /// First token of the stretch that ends before `i`: after a line break, a sentence end or
    /// (with `marks`) a top-level quotation mark.
    fn back_boundary(&self, i: usize, marks: bool) -> usize {
        let mut k = i;
        while k > 0 && i - k < WINDOW {
            let j = k - 1;
            if self.t.is_break(j) || self.is_end(j) || (marks && self.mark[j]) {
                return k;
            }
            k = j;
        }
        k
    }

    /// One past the last token of the stretch that starts at `i`.
    fn fwd_boundary(&self, i: usize, marks: bool) -> usize {
        let mut k = i;
        while k < self.t.len() && k - i < WINDOW {
            if self.t.is_break(k) || self.is_end(k) || (marks && self.mark[k]) {
                return k;
            }
            k += 1;
        }
        k
    }

    /// The speaker noun phrase that ends just before `hi` (a cue), within `lo..hi`.
    fn np_back(&self, lo: usize, hi: usize) -> Option<Range> {
        let mut j = hi;
        while j > lo && self.skippable(j - 1) {
            j -= 1;
        }
        let (mut head_lo, head_hi) = if j > lo && self.t.punct(j - 1) == Some(',') {
            self.appositive_head(lo, j - 1)
        } else {
            (lo, j)
        };
        // The head runs back to a clause word or clause punctuation, 12 words at most.
        let mut a = head_hi;
        let mut words = 0;
        while a > head_lo {
            let k = a - 1;
            if self.t.is_word(k) {
                if self.clause_word(k) {
                    break;
                }
                words += 1;
                if words > 12 {
                    break;
                }
            } else if matches!(
                self.t.punct(k),
                Some(',' | ';' | ':' | '—' | '–' | '[' | ']')
            ) || self.mark[k]
            {
                break;
            }
            a = k;
        }
        head_lo = a;
        let mut b = head_hi;
        while head_lo < b && !self.t.is_word(head_lo) && !self.opening_punct(head_lo) {
            head_lo += 1;
        }
        while b > head_lo && !self.t.is_word(b - 1) && self.t.punct(b - 1) != Some(')') {
            b -= 1;
        }
        // "Later that day he said": a subject pronoun is the whole speaker.
        if b > head_lo + 1 && self.pronoun(b - 1) {
            head_lo = b - 1;
        }
        (head_lo < b && (head_lo..b).any(|k| self.t.is_word(k))).then_some((head_lo, b))
    }

    fn opening_punct(&self, i: usize) -> bool {
        matches!(self.t.punct(i), Some('“' | '"' | '«' | '„' | '('))
    }

    /// In `lo..hi` = "HEAD, APPOSITION[, APPOSITION]" (the comma before the cue removed), the
    /// head: the last comma part that starts with a capital or a pronoun and is followed by an
    /// apposition; else the first part.
    fn appositive_head(&self, lo: usize, hi: usize) -> Range {
        let mut parts: Vec<Range> = Vec::new();
        let mut depth = 0i32;
        let mut start = lo;
        for k in lo..hi {
            match self.t.punct(k) {
                Some('(') => depth += 1,
                Some(')') => depth -= 1,
                Some(',') if depth <= 0 => {
                    parts.push((start, k));
                    start = k + 1;
                }
                _ => {}
            }
        }
        parts.push((start, hi));
        for idx in (0..parts.len().saturating_sub(1)).rev() {
            let (a, _) = parts[idx];
            let mut f = a;
            while f < parts[idx].1 && !self.t.is_word(f) {
                f += 1;
            }
            let digit = self.t.text(f).starts_with(|c: char| c.is_numeric());
            let lead_ok = self.t.is_word(f)
                && !digit
                && (self.pronoun(f) || (self.t.is_capitalized(f) && !self.is(f, Kind::Det)));
            if lead_ok {
                return parts[idx];
            }
        }
        parts.first().copied().unwrap_or((lo, hi))
    }

    /// The speaker noun phrase that starts at `lo` (after an inverted cue), within `lo..hi`.
    fn np_fwd(&self, lo: usize, hi: usize) -> Option<Range> {
        self.np_fwd_with(lo, hi, false)
    }

    /// Like [`Self::np_fwd`]; `loose` also lets a lower-case noun start it (right after an
    /// inverted cue, in languages without articles: "— заявил министр").
    fn np_fwd_with(&self, lo: usize, hi: usize, loose: bool) -> Option<Range> {
        let mut a = lo;
        while a < hi
            && self.skippable(a)
            && !(self.t.is_capitalized(a) && self.t.is_capitalized(a + 1) && a + 1 < hi)
        {
            a += 1;
        }
        if a >= hi || !self.t.is_word(a) {
            return None;
        }
        if self.pronoun(a) {
            return Some((a, a + 1));
        }
        let det = self.is(a, Kind::Det);
        let name = self.t.is_capitalized(a) && !det;
        if !(name || det || (loose && !self.stop_word(a))) {
            return None;
        }
        let mut b = a;
        let mut words = 0;
        while b < hi && b - a < 24 {
            if self.t.is_word(b) {
                if b > a {
                    if self.stop_word(b) || (self.skippable(b) && !self.t.is_capitalized(b)) {
                        break;
                    }
                    // A name runs on through capitals (and name particles: "von der Leyen").
                    if name && !self.t.is_capitalized(b) && !self.name_particle(b) {
                        break;
                    }
                    // "the paper the vote …": a second article starts a new phrase, unless a
                    // preposition joins them ("the head of the agency").
                    if !name
                        && self.is(b, Kind::Det)
                        && !matches!(
                            self.t.lower(b - 1),
                            Some("of" | "for" | "at" | "in" | "on" | "from" | "with" | "to")
                        )
                    {
                        break;
                    }
                }
                words += 1;
                if words > 10 {
                    break;
                }
                b += 1;
            } else {
                match self.t.punct(b) {
                    Some('.') if !self.is_end(b) => b += 1,
                    Some('(' | ')' | '-' | '&' | '\'' | '’') => b += 1,
                    _ => break,
                }
            }
        }
        while b > a && !self.t.is_word(b - 1) && self.t.punct(b - 1) != Some(')') {
            b -= 1;
        }
        (b > a).then_some((a, b))
    }

    /// A lower-case particle inside a name, followed by more of the name.
    fn name_particle(&self, i: usize) -> bool {
        matches!(
            self.lower(i),
            "de" | "da"
                | "van"
                | "von"
                | "der"
                | "den"
                | "del"
                | "della"
                | "di"
                | "du"
                | "la"
                | "le"
                | "bin"
                | "al"
                | "ibn"
                | "el"
                | "dos"
                | "das"
                | "ter"
        ) && (self.t.is_capitalized(i + 1) || self.name_particle(i + 1))
    }

    /// The subject that opens a clause at `lo` (before a participle cue at `hi`): a pronoun, a
    /// name (a run of capitals), or an article and up to three more words.
    fn subject_np(&self, lo: usize, hi: usize) -> Option<Range> {
        let a = lo;
        if a >= hi || !self.t.is_word(a) {
            return None;
        }
        if self.pronoun(a) {
            return Some((a, a + 1));
        }
        let det = self.is(a, Kind::Det);
        if self.t.is_capitalized(a) && !det {
            let mut b = a + 1;
            while b < hi
                && ((self.t.is_capitalized(b) && self.t.is_word(b))
                    || (self.t.punct(b) == Some('.') && !self.is_end(b))
                    || self.name_particle(b))
            {
                b += 1;
            }
            return Some((a, b));
        }
        if !det {
            return None;
        }
        let mut b = a + 1;
        while b < hi && b - a <= 4 && self.t.is_word(b) {
            let w = self.lower(b);
            if self.stop_word(b)
                || self.skippable(b)
                || w.ends_with("ed")
                || self.cue_at(b, &[Kind::Cue, Kind::Told]).is_some()
            {
                break;
            }
            b += 1;
        }
        (b > a + 1).then_some((a, b))
    }

    /// A channel ("on Telegram", "in a statement", "in an interview with CNN") in `lo..hi`.
    fn channel(&self, lo: usize, hi: usize) -> Option<Range> {
        let hi = hi.min(lo + 14);
        for k in lo..hi {
            if !self.t.is_word(k) || !CHANNEL_PREPS.contains(&self.lower(k)) {
                continue;
            }
            let on = self.lower(k) == "on";
            let mut m = k + 1;
            let mut mods = 0;
            while m < hi && self.t.is_word(m) {
                if let Some((n, _)) = self.cue_at(m, &[Kind::Channel]) {
                    let mut end = m + n;
                    if self.lower(end) == "with" {
                        if let Some((_, b)) = self.np_fwd(end + 1, hi) {
                            end = b;
                        }
                    } else if self.lower(end) == "on" {
                        if let Some((n2, _)) = self.cue_at(end + 1, &[Kind::Platform]) {
                            end += 1 + n2;
                        }
                    }
                    return Some((k, end));
                }
                if on && m == k + 1 {
                    if let Some((n, _)) = self.cue_at(m, &[Kind::Platform]) {
                        return Some((k, m + n));
                    }
                    let w = self.t.text(m);
                    let stem = w.split(['’', '\'']).next().unwrap_or(w);
                    if stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()) {
                        return Some((k, m + 1));
                    }
                }
                if self.is(m, Kind::Det) || self.pronoun(m) {
                    m += 1;
                } else if mods < 2 && !self.stop_word(m) {
                    mods += 1;
                    m += 1;
                } else {
                    break;
                }
            }
        }
        None
    }

    /// The attribution after a closing mark at `close`: `,” she said`, `,” said Smith`,
    /// `” Smith told CNN`, `": Name` (headline style).
    fn tail(&self, close: usize) -> Option<Attribution> {
        let start = close + 1;
        if self.t.punct(start) == Some(':') {
            return self.headline_tail(start);
        }
        let hi = self.fwd_boundary(start, true);
        let mut i = start;
        while i < hi && matches!(self.t.punct(i), Some(',' | '—' | '–' | '-')) {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        if let Some(a) = self.dash_tail(start) {
            return Some(a);
        }
        if let Some((n, kind)) = self.cue_at(i, &[Kind::Cue, Kind::Told, Kind::Prep]) {
            // Inverted: `,” said Smith`.
            let speaker = self.np_fwd_with(i + n, hi, true);
            let after = speaker.map_or(i + n, |s| s.1);
            let channel = self.channel(i + n, hi).or_else(|| self.channel(after, hi));
            if speaker.is_some() || kind != Kind::Prep {
                return Some(Attribution {
                    speaker,
                    cue: Some((i, i + n)),
                    channel,
                });
            }
        }
        // Normal: `,” the minister said`; the cue within 25 tokens.
        let end = hi.min(i + 25);
        for j in i + 1..end {
            if self.mark[j] {
                break;
            }
            if let Some((n, _)) = self.cue_at(j, &[Kind::Cue, Kind::Told]) {
                // The speaker fills the stretch from the quote to the cue.
                let Some(speaker) = self.np_back(i, j).filter(|s| s.0 == i) else {
                    continue;
                };
                return Some(Attribution {
                    speaker: Some(speaker),
                    cue: Some((j, j + n)),
                    channel: self.channel(j + n, hi),
                });
            }
        }
        None
    }

    /// `“…” — Name Surname` closing a paragraph or sentence (an epigraph or a reader's quote).
    fn dash_tail(&self, start: usize) -> Option<Attribution> {
        if !matches!(self.t.punct(start), Some('—' | '―' | '–')) {
            return None;
        }
        let a = start + 1;
        let hi = self.fwd_boundary(a, true);
        let words = (a..hi).filter(|&k| self.t.is_word(k)).count();
        if !(1..=6).contains(&words) || !self.t.is_capitalized(a) {
            return None;
        }
        let (sa, sb) = self.np_fwd(a, hi)?;
        (sb == hi || !(sb..hi).any(|k| self.t.is_word(k))).then_some(Attribution {
            speaker: Some((sa, sb)),
            cue: None,
            channel: None,
        })
    }

    /// `"…": Name Surname` closing a paragraph (headline style).
    fn headline_tail(&self, start: usize) -> Option<Attribution> {
        if self.t.punct(start) != Some(':') {
            return None;
        }
        let a = start + 1;
        let mut b = a;
        while b < self.t.len() && !self.t.is_break(b) && b - a < 8 {
            b += 1;
        }
        let whole = b >= self.t.len() || self.t.is_break(b);
        let words = (a..b).filter(|&k| self.t.is_word(k)).count();
        (whole && (1..=6).contains(&words) && self.t.is_capitalized(a)).then_some(Attribution {
            speaker: Some((a, b)),
            cue: None,
            channel: None,
        })
    }

    /// The attribution before an opening mark at `open`: `Smith said: “`, `he said, “`,
    /// `According to Smith, “`, `…, tweeting: “`; for a quote that opens a paragraph, the end of
    /// the previous paragraph when it ends with a colon (`Smith continued:`).
    fn lead(&self, open: usize) -> Option<Attribution> {
        let mut hi = open;
        if self.para_start(open) {
            // Previous paragraph ending with ':'.
            let mut k = open;
            while k > 0 && self.t.is_break(k - 1) {
                k -= 1;
            }
            if k == open || k == 0 || self.t.punct(k - 1) != Some(':') {
                return None;
            }
            hi = k;
        }
        let lo = self.back_boundary(hi, true);
        while hi > lo && matches!(self.t.punct(hi - 1), Some(':' | ',' | '—' | '–')) {
            hi -= 1;
        }
        let from = hi.saturating_sub(WINDOW).max(lo);
        for k in (from..hi).rev() {
            let Some((n, kind)) = self.cue_at(k, &[Kind::Cue, Kind::Told, Kind::Part, Kind::Prep])
            else {
                continue;
            };
            let after = (k + n).min(hi);
            let speaker = match kind {
                Kind::Prep => self.np_fwd(after, hi),
                Kind::Part => self.participle_subject(lo, k),
                _ => {
                    if k > lo {
                        self.np_back(lo, k).or_else(|| self.np_fwd(after, hi))
                    } else {
                        self.np_fwd(after, hi)
                    }
                }
            };
            let channel = self.channel(after, hi).or_else(|| self.channel(lo, k));
            return Some(Attribution {
                speaker,
                cue: Some((k, k + n)),
                channel,
            });
        }
        None
    }

    /// The speaker of a participle cue at `k` ("Smith attacked Jones, saying: “…”"): a name right
    /// before it ("footage of Smith saying"), else the subject that opens the sentence, after an
    /// opening adverbial ("During the speech, Smith …").
    fn participle_subject(&self, lo: usize, k: usize) -> Option<Range> {
        if k > lo && self.t.is_capitalized(k - 1) && k - 1 > lo {
            return self.np_back(lo, k);
        }
        let mut a = lo;
        if self.stop_word(a) || self.skippable(a) {
            if let Some(c) = (a..k).find(|&x| self.t.punct(x) == Some(',')) {
                a = c + 1;
            }
        }
        self.subject_np(a, k)
    }

    /// True when nothing but line breaks (or a list dash) precede token `i` in its paragraph.
    fn para_start(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            let j = k - 1;
            if self.t.is_break(j) {
                return true;
            }
            if !matches!(self.t.punct(j), Some('—' | '–' | '-' | '•' | '*')) {
                return false;
            }
            k = j;
        }
        true
    }

    fn opening(&self, open: usize) -> Opening {
        if self.para_start(open) {
            return Opening::Paragraph;
        }
        let p = open - 1;
        if self.is_end(p) {
            return Opening::Sentence;
        }
        if self.mark[p] {
            // “A.” “B.” — two quotations in a row.
            return Opening::Sentence;
        }
        match self.t.punct(p) {
            Some(':') => return Opening::Colon,
            // "said that, “…" / "because, “…": the quote is part of a clause.
            Some(',' | '—' | '–') if p > 0 && self.stop_word(p - 1) => return Opening::Other,
            Some(',' | '—' | '–') => return Opening::Comma,
            _ => {}
        }
        if self.t.is_word(p) {
            // The last word of a cue phrase ("said", "according to" …)?
            for back in 0..3usize {
                let Some(k) = p.checked_sub(back) else { break };
                if let Some((n, _)) = self.cue_at(k, &[Kind::Cue, Kind::Told, Kind::Part]) {
                    if k + n == open {
                        return Opening::Cue;
                    }
                }
            }
            // A sentence that so far holds only a conjunction ("But “…").
            let lo = self.back_boundary(open, true);
            if open - lo == 1 && matches!(self.lower(lo), "and" | "but" | "so" | "yet" | "or") {
                return Opening::Sentence;
            }
        }
        Opening::Other
    }
}

/// A transcript line ("SMITH: Well, …") or a stage aside ("(CROSSTALK)") inside quotation marks:
/// dialogue copied as a block, not a quote of a speaker.
fn transcript_or_aside(content: &str) -> bool {
    if content.starts_with('(') && content.trim_end_matches(['.', ' ']).ends_with(')') {
        return true;
    }
    let Some((label, _)) = content.split_once(':') else {
        return false;
    };
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && label.len() <= 40
        && label
            .chars()
            .all(|c| !c.is_lowercase() && (c.is_alphabetic() || " .'’-".contains(c)))
}

/// Byte span of the content of a quotation (inside its marks), trimmed.
fn content_span(t: &Tokens, q: &Quotation) -> Span {
    let a = t.toks.get(q.open).map_or(0, |x| x.end);
    let b = t.toks.get(q.end).map_or(t.text.len(), |x| x.start).max(a);
    trim(t.text, Span::new(a, b))
}

fn trim(text: &str, s: Span) -> Span {
    let inner = text.get(s.start..s.end).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim();
    Span::new(s.start + lead, s.start + lead + body.len())
}

/// Finds the quotes of `text` (sentence spans and entities given).
pub(crate) fn extract(
    text: &str,
    sentences: &[Span],
    entities: &[Entity],
    ctx: &super::Context,
) -> Vec<Quote> {
    let toks = Tokens::new(text);
    let quotations = marks::find(&toks);
    let mask = Lexicon::mask(ctx.language.as_deref());
    let mut ex = Extractor::new(&toks, &quotations, mask);
    let mentions = Mentions::new(entities);

    let mut found: Vec<Found> = direct(&ex, &quotations);
    // Reported speech: only direct quotes bound a stretch; a scare quote or a quoted title is
    // part of the sentence ("Ukraine’s “I Want to Find” project said …").
    ex.mark.iter_mut().for_each(|m| *m = false);
    for f in &found {
        for k in [f.open, f.close] {
            if let Some(m) = ex.mark.get_mut(k) {
                *m = true;
            }
        }
    }
    found.extend(reported(&ex, &quotations, &found));
    found.sort_by_key(|f| (f.span.start, f.span.end));

    let piece = |r: Range| -> TextSpan {
        let a = toks.toks.get(r.0).map_or(0, |x| x.start);
        let b = toks
            .toks
            .get(r.1.saturating_sub(1))
            .map_or(a, |x| x.end)
            .max(a);
        TextSpan {
            text: text.get(a..b).unwrap_or("").to_string(),
            span: Span::new(a, b),
        }
    };
    found
        .into_iter()
        .map(|f| {
            let speaker = f.attr.speaker.map(|r| {
                let ts = piece(r);
                let (entity, name) = mentions.resolve(&ex, r, ts.span);
                Speaker {
                    text: ts.text,
                    span: ts.span,
                    entity,
                    name,
                }
            });
            Quote {
                text: text.get(f.span.start..f.span.end).unwrap_or("").to_string(),
                span: f.span,
                sentence: super::sentence_index(sentences, f.span.start),
                direct: f.direct,
                speaker,
                cue: f.attr.cue.map(piece),
                channel: f.attr.channel.map(piece),
            }
        })
        .collect()
}

/// A quote before it is turned into text.
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    direct: bool,
    attr: Attribution,
    /// Token range the quote and its attribution occupy (to keep reported speech out of it).
    toks: Range,
    /// Token indices of the quotation marks (direct quotes) or `usize::MAX`.
    open: usize,
    close: usize,
}

/// The direct quotes.
fn direct(ex: &Extractor, quotations: &[Quotation]) -> Vec<Found> {
    let t = ex.t;
    // Per quotation: accepted, and its own attribution.
    let mut accepted = vec![false; quotations.len()];
    let mut attrs: Vec<Option<Attribution>> = vec![None; quotations.len()];
    let mut transcript = vec![false; quotations.len()];
    for (qi, q) in quotations.iter().enumerate() {
        if !q.double || q.nested {
            continue;
        }
        let span = content_span(t, q);
        let content = t.text.get(span.start..span.end).unwrap_or("");
        let Some(first) = content.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        let upper = !first.is_lowercase()
            || content.starts_with(['…', '-', '—', '–'])
            || content.starts_with("..");
        let words = content.split_whitespace().count();
        let inner_punct = content
            .chars()
            .next_back()
            .is_some_and(|c| ",.?!…:;—–-".contains(c));
        let tail = q.close.and_then(|c| ex.tail(c));
        let lead = ex.lead(q.open);
        // Does the sentence end right after the quotation?
        let ends_after = q.close.is_none_or(|c| {
            let n = c + 1;
            n >= t.len() || t.is_break(n) || ex.is_end(n) || ex.mark[n]
        });
        // The previous accepted quotation in this paragraph closed right before our lead.
        let after_piece = qi > 0
            && accepted[qi - 1]
            && quotations[qi - 1]
                .close
                .is_some_and(|c| ex.para[c] == ex.para[q.open] && q.open - c <= 30);
        if transcript_or_aside(content) || q.continues.is_some_and(|p| transcript[p]) {
            // A transcript runs on through the paragraphs it continues into.
            transcript[qi] = true;
            continue;
        }
        let ok = if q.continues.is_some_and(|p| accepted[p]) {
            true
        } else {
            match ex.opening(q.open) {
                Opening::Paragraph | Opening::Sentence => {
                    if tail.is_some() {
                        upper || after_piece
                    } else {
                        upper && words >= 2 && (inner_punct || ends_after)
                    }
                }
                Opening::Colon => {
                    upper && (lead.is_some() || tail.is_some() || words >= 4 || after_piece)
                }
                Opening::Comma => {
                    if lead.is_some() {
                        upper || after_piece
                    } else {
                        upper && tail.is_some()
                    }
                }
                // `declared “…”` with no comma: a whole sentence of speech, not a phrase.
                Opening::Cue => upper && words >= 4 && (inner_punct || tail.is_some()),
                Opening::Other => false,
            }
        };
        if !ok {
            continue;
        }
        accepted[qi] = true;
        // The speaker after the quote wins; else before it.
        let own = match (tail, lead) {
            (Some(tl), Some(ld)) if tl.speaker.is_none() && ld.speaker.is_some() => Some(ld),
            (Some(tl), _) => Some(tl),
            (None, Some(ld)) if q.continues.is_none() => Some(ld),
            _ => None,
        };
        attrs[qi] = own;
    }
    // Pieces of one paragraph and continued paragraphs share a speaker: fill forward, then back.
    let mut last: Option<(u32, Attribution)> = None;
    for (qi, q) in quotations.iter().enumerate() {
        if !accepted[qi] {
            continue;
        }
        let para = ex.para[q.open];
        match attrs[qi] {
            Some(a) if a.speaker.is_some() => last = Some((para, a)),
            _ => {
                let chained = q.continues.is_some();
                if let Some((p, a)) = last {
                    if p == para || chained {
                        attrs[qi] = Some(a);
                        last = Some((para, a));
                    }
                }
            }
        }
    }
    let mut next: Option<(u32, Attribution)> = None;
    for (qi, q) in quotations.iter().enumerate().rev() {
        if !accepted[qi] {
            continue;
        }
        let para = ex.para[q.open];
        match attrs[qi] {
            Some(a) if a.speaker.is_some() => next = Some((para, a)),
            _ => {
                if let Some((p, a)) = next {
                    if p == para {
                        attrs[qi] = Some(a);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for (qi, q) in quotations.iter().enumerate() {
        if !accepted[qi] {
            continue;
        }
        let attr = attrs[qi].unwrap_or_default();
        let mut lo = q.open;
        let mut hi = q.end + 1;
        for r in [attr.speaker, attr.cue, attr.channel].into_iter().flatten() {
            lo = lo.min(r.0);
            hi = hi.max(r.1);
        }
        out.push(Found {
            span: content_span(t, q),
            direct: true,
            attr,
            toks: (lo, hi),
            open: q.open,
            close: q.close.unwrap_or(usize::MAX),
        });
    }
    out
}

/// Reported speech: one attribution per sentence that has a cue outside quotation marks and no
/// direct quote.
fn reported(ex: &Extractor, quotations: &[Quotation], direct: &[Found]) -> Vec<Found> {
    let t = ex.t;
    let n = t.len();
    let mut used = vec![false; n + 1];
    for f in direct {
        for u in used.iter_mut().take(f.toks.1.min(n)).skip(f.toks.0) {
            *u = true;
        }
    }
    let mut inside = vec![false; n + 1];
    for q in quotations.iter().filter(|q| !q.nested) {
        for u in inside.iter_mut().take(q.end.min(n)).skip(q.open) {
            *u = true;
        }
    }
    let mut out = Vec::new();
    // "“…,” she said, adding (that) CONTENT."
    for f in direct.iter().filter(|f| f.attr.speaker.is_some()) {
        let k = f.toks.1;
        if t.punct(k) != Some(',') {
            continue;
        }
        let Some((len, Kind::Part)) = ex.cue_at(k + 1, &[Kind::Part]) else {
            continue;
        };
        let mut c = k + 1 + len;
        if ex.lower(c) == "that" {
            c += 1;
        }
        let e = ex.fwd_boundary(c, false);
        let words = (c..e).filter(|&x| t.is_word(x)).count();
        if let (true, Some(a), Some(b)) = (words >= 3, t.toks.get(c), t.toks.get(e - 1)) {
            out.push(Found {
                span: Span::new(a.start, b.end),
                direct: false,
                attr: Attribution {
                    speaker: f.attr.speaker,
                    cue: Some((k + 1, k + 1 + len)),
                    channel: None,
                },
                toks: (k, e),
                open: usize::MAX,
                close: usize::MAX,
            });
        }
    }
    let mut s = 0;
    while s < n {
        // The sentence s..e (e = its terminal mark or line break, excluded).
        let mut e = s;
        while e < n && !t.is_break(e) && !ex.is_end(e) {
            e += 1;
        }
        let next = e + 1;
        if e > s && !(s..e).any(|k| used[k]) {
            if let Some(f) = reported_in(ex, s, e, &inside) {
                out.push(f);
            }
        }
        s = next;
    }
    out
}

fn reported_in(ex: &Extractor, s: usize, e: usize, inside: &[bool]) -> Option<Found> {
    let t = ex.t;
    // Trailing closing marks belong to the sentence end.
    let mut e = e;
    while e > s && matches!(t.punct(e - 1), Some('”' | '"' | '»' | '’' | ')')) && !inside[e - 1]
    {
        e -= 1;
    }
    let found = |content: Range, attr: Attribution| -> Option<Found> {
        let (a, b) = content;
        let words = (a..b).filter(|&k| t.is_word(k)).count();
        if words < 3 {
            return None;
        }
        let start = t.toks.get(a)?.start;
        let end = t.toks.get(b.checked_sub(1)?)?.end;
        Some(Found {
            span: Span::new(start, end),
            direct: false,
            attr,
            toks: (s, e),
            open: usize::MAX,
            close: usize::MAX,
        })
    };
    // 1. "According to X, CONTENT".
    if let Some((n, Kind::Prep)) = ex.cue_at(s, &[Kind::Prep]) {
        let comma = (s + n..e).find(|&k| t.punct(k) == Some(',') && !inside[k])?;
        let speaker = ex.np_fwd(s + n, comma);
        return found(
            (comma + 1, e),
            Attribution {
                speaker,
                cue: Some((s, s + n)),
                channel: None,
            },
        );
    }
    // 2. "X said (that) CONTENT".
    let last_comma = (s..e)
        .rev()
        .find(|&k| t.punct(k) == Some(',') && !inside[k]);
    let tail_attr = last_comma.and_then(|c| end_attribution(ex, c + 1, e));
    for k in s + 1..e.min(s + WINDOW) {
        if inside.get(k) == Some(&true) {
            continue;
        }
        let Some((n, kind)) = ex.cue_at(k, &[Kind::Cue, Kind::Told]) else {
            continue;
        };
        if matches!(
            ex.lower(k - 1),
            "is" | "was" | "were" | "be" | "been" | "being" | "are"
        ) {
            continue;
        }
        let Some(speaker) = ex.np_back(s, k) else {
            continue;
        };
        let mut c = k + n;
        let mut channel = None;
        // Time words, a channel, an addressee, "that".
        loop {
            if ex.skippable(c) {
                c += 1;
            } else if let Some(ch) = ex.channel(c, e).filter(|ch| ch.0 == c) {
                channel = Some(ch);
                c = ch.1;
            } else if t.punct(c) == Some(',') {
                c += 1;
            } else {
                break;
            }
        }
        if kind == Kind::Told || ex.is(k, Kind::Told) {
            if let Some(th) = (c..e.min(c + 7)).find(|&x| ex.lower(x) == "that") {
                c = th + 1;
            } else if ex.pronoun(c)
                || matches!(
                    ex.lower(c),
                    "me" | "him" | "her" | "us" | "them" | "reporters" | "journalists"
                )
            {
                c += 1;
            } else if let Some((_, b)) = ex.np_fwd(c, e) {
                c = b;
            }
        } else if ex.lower(c) == "that" {
            c += 1;
        }
        if c >= e
            || !(t.is_word(c) || ex.opening_punct(c))
            || matches!(
                ex.lower(c),
                "to" | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "about"
                    | "so"
                    | "yes"
                    | "no"
                    | "goodbye"
                    | "hello"
                    | "nothing"
                    | "something"
                    | "anything"
                    | "what"
                    | "which"
            )
        {
            continue;
        }
        let mut end = e;
        if let (Some(comma), Some(_)) = (last_comma, tail_attr) {
            if comma > c {
                end = comma;
            }
        }
        return found(
            (c, end),
            Attribution {
                speaker: Some(speaker),
                cue: Some((k, k + n)),
                channel,
            },
        );
    }
    // 3. "X did this, saying (that) CONTENT": the subject of the sentence speaks.
    for k in s + 2..e.min(s + WINDOW) {
        if inside.get(k) == Some(&true) || t.punct(k - 1) != Some(',') {
            continue;
        }
        if let Some((n, Kind::Part)) = ex.cue_at(k, &[Kind::Part]) {
            let mut c = k + n;
            if ex.lower(c) == "that" {
                c += 1;
            }
            if let Some(speaker) = ex.participle_subject(s, k) {
                return found(
                    (c, e),
                    Attribution {
                        speaker: Some(speaker),
                        cue: Some((k, k + n)),
                        channel: None,
                    },
                );
            }
        }
    }
    // 4. "CONTENT, X said." / "CONTENT, said X." / "CONTENT, according to X."
    let comma = last_comma?;
    let attr = tail_attr?;
    found((s, comma), attr)
}

/// `X said [time].` / `said X.` / `according to X.` filling `lo..hi` (after a comma).
fn end_attribution(ex: &Extractor, lo: usize, hi: usize) -> Option<Attribution> {
    if hi <= lo || hi - lo > 20 {
        return None;
    }
    if let Some((n, _)) = ex.cue_at(lo, &[Kind::Cue, Kind::Told, Kind::Prep]) {
        let speaker = ex.np_fwd(lo + n, hi)?;
        return Some(Attribution {
            speaker: Some(speaker),
            cue: Some((lo, lo + n)),
            channel: ex.channel(speaker.1, hi),
        });
    }
    for k in lo + 1..hi {
        if let Some((n, _)) = ex.cue_at(k, &[Kind::Cue, Kind::Told]) {
            let speaker = ex.np_back(lo, k)?;
            if speaker.0 != lo {
                return None;
            }
            // Only time words or a channel may follow.
            let channel = ex.channel(k + n, hi);
            let mut j = channel.map_or(k + n, |c| c.1);
            while j < hi && (ex.skippable(j) || ex.t.punct(j).is_some()) {
                j += 1;
            }
            return (j >= hi).then_some(Attribution {
                speaker: Some(speaker),
                cue: Some((k, k + n)),
                channel,
            });
        }
    }
    None
}

/// Entity mentions in text order, for resolving speakers.
struct Mentions<'e> {
    entities: &'e [Entity],
    /// (start, end, entity index), sorted by start.
    list: Vec<(usize, usize, usize)>,
}

impl<'e> Mentions<'e> {
    fn new(entities: &'e [Entity]) -> Self {
        let mut list: Vec<(usize, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .map(move |m| (m.span.start, m.span.end, i))
            })
            .collect();
        list.sort_unstable();
        Mentions { entities, list }
    }

    /// The entity a speaker refers to: a mention inside or overlapping it (the longest overlap),
    /// or for a pronoun the nearest preceding mention of a fitting kind.
    fn resolve(&self, ex: &Extractor, r: Range, span: Span) -> (Option<usize>, Option<String>) {
        if self.list.is_empty() {
            return (None, None);
        }
        let pron = if r.1 == r.0 + 1 {
            ex.lex.pronoun(ex.lower(r.0), ex.mask)
        } else {
            None
        };
        let hit = match pron {
            None => {
                // Mentions starting before the span's end; at most a few reach into it.
                let upto = self.list.partition_point(|m| m.0 < span.end);
                let mut best: Option<(usize, usize)> = None;
                for &(a, b, i) in self.list[..upto].iter().rev().take(16) {
                    let ov = b.min(span.end).saturating_sub(a.max(span.start));
                    if ov > 0 && best.is_none_or(|(_, o)| ov > o) {
                        best = Some((i, ov));
                    }
                }
                best.map(|(i, _)| i)
            }
            Some(class) => {
                let upto = self.list.partition_point(|m| m.0 < span.start);
                self.list[..upto]
                    .iter()
                    .rev()
                    .take(200)
                    .find(|&&(_, b, i)| {
                        b <= span.start && self.entities.get(i).is_some_and(|e| fits(class, e.kind))
                    })
                    .map(|&(_, _, i)| i)
            }
        };
        match hit.and_then(|i| self.entities.get(i).map(|e| (i, e))) {
            Some((i, e)) => (Some(i), Some(e.text.clone())),
            None => (None, None),
        }
    }
}

fn fits(class: PronClass, kind: EntityKind) -> bool {
    match class {
        PronClass::Person => kind == EntityKind::Person,
        PronClass::Thing => matches!(kind, EntityKind::Organization | EntityKind::Place),
        PronClass::Any => matches!(
            kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place
        ),
    }
}

#[cfg(test)]
mod tests;

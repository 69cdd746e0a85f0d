//! The look-arounds of quote extraction: sentence boundaries that know abbreviations, speaker
//! noun phrases before and after a cue, channels, and the attribution on either side of a
//! quotation. Every look-around is bounded by [`WINDOW`] tokens, so the whole pass stays linear.

use super::lexicon::{self, Kind, Lexicon, Tokens, LEXICON};
use super::marks::Quotation;
use crate::facts::chars::Class as _;

/// A range of token indices, end exclusive.
pub(super) type Range = (usize, usize);

/// Speaker, cue and channel of a quote, as token ranges.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Attribution {
    pub(super) speaker: Option<Range>,
    pub(super) cue: Option<Range>,
    pub(super) channel: Option<Range>,
}

/// Longest stretch of tokens a look-around crosses: keeps the pass linear.
pub(super) const WINDOW: usize = 80;

/// Prepositions that introduce a channel ("on Telegram", "in a statement", "dans un communiqué").
const CHANNEL_PREPS: [&str; 16] = [
    "on", "in", "via", "during", "through", "at", "dans", "en", "em", "na", "no", "nel", "nella",
    "im", "в", "на",
];

/// Where a quotation opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opening {
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

pub(super) struct Extractor<'a> {
    pub(super) t: &'a Tokens<'a>,
    /// Always [`LEXICON`], whose entries `t` has looked up for each word.
    pub(super) lex: &'static Lexicon,
    pub(super) mask: u8,
    /// Tokens that are marks of top-level double quotations: look-arounds stop there.
    pub(super) mark: Vec<bool>,
    /// Paragraph number of each token.
    pub(super) para: Vec<u32>,
}

impl<'a> Extractor<'a> {
    pub(super) fn new(t: &'a Tokens<'a>, quotations: &[Quotation], mask: u8) -> Self {
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

    pub(super) fn lower(&self, i: usize) -> &str {
        self.t.lower(i).unwrap_or("")
    }

    /// `self.lex.is(self.lower(i), kind, self.mask)` for a word token, from its looked-up entries.
    fn word_is(&self, i: usize, kind: Kind) -> bool {
        self.t
            .entries(i)
            .is_some_and(|v| lexicon::entries_have(v, kind, self.mask))
    }

    pub(super) fn is(&self, i: usize, kind: Kind) -> bool {
        self.t.is_word(i) && self.word_is(i, kind)
    }

    pub(super) fn cue_at(&self, i: usize, kinds: &[Kind]) -> Option<(usize, Kind)> {
        if kinds == [Kind::Platform] {
            // Platforms match as written, not in lower case.
            return self.lex.phrase_at(self.t, i, kinds, self.mask);
        }
        // `phrase_at` with the entries looked up once per word.
        if !self.t.is_word(i) {
            return None;
        }
        lexicon::longest_phrase(self.t.entries(i)?, self.t, i, kinds, self.mask)
    }

    /// A word that may stand between a speaker and its cue: an auxiliary, an adverb, a time word.
    pub(super) fn skippable(&self, i: usize) -> bool {
        if !self.t.is_word(i) {
            return false;
        }
        let w = self.lower(i);
        self.word_is(i, Kind::Skip)
            || (w.len() > 4 && w.ends_with("ly") && !self.t.is_capitalized(i))
    }

    pub(super) fn stop_word(&self, i: usize) -> bool {
        self.t.is_word(i) && self.word_is(i, Kind::Stop)
    }

    /// A stop word that starts a clause (not a preposition: "a narrator in the ad" is one phrase).
    pub(super) fn clause_word(&self, i: usize) -> bool {
        self.stop_word(i)
            && !matches!(
                self.lower(i),
                "in" | "on" | "at" | "to" | "from" | "with" | "about" | "during"
            )
    }

    pub(super) fn pronoun(&self, i: usize) -> bool {
        self.t.is_word(i)
            && self
                .t
                .entries(i)
                .and_then(|v| lexicon::entries_pronoun(v, self.mask))
                .is_some()
    }

    /// True when the "." (or other terminal mark) at `i` ends a sentence.
    pub(super) fn is_end(&self, i: usize) -> bool {
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
    pub(super) fn back_boundary(&self, i: usize, marks: bool) -> usize {
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
    pub(super) fn fwd_boundary(&self, i: usize, marks: bool) -> usize {
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
    pub(super) fn np_back(&self, lo: usize, hi: usize) -> Option<Range> {
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

    pub(super) fn opening_punct(&self, i: usize) -> bool {
        matches!(self.t.punct(i), Some('“' | '"' | '«' | '„' | '('))
    }

    /// In `lo..hi` = "HEAD, APPOSITION[, APPOSITION]" (the comma before the cue removed), the
    /// head: the last comma part that starts with a capital or a pronoun and is followed by an
    /// apposition; else the first part.
    pub(super) fn appositive_head(&self, lo: usize, hi: usize) -> Range {
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
            let digit = self.t.text(f).starts_with(|c: char| c.numeric());
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
    pub(super) fn np_fwd(&self, lo: usize, hi: usize) -> Option<Range> {
        self.np_fwd_with(lo, hi, false)
    }

    /// Like [`Self::np_fwd`]; `loose` also lets a lower-case noun start it (right after an
    /// inverted cue, in languages without articles: "— заявил министр").
    pub(super) fn np_fwd_with(&self, lo: usize, hi: usize, loose: bool) -> Option<Range> {
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
    pub(super) fn name_particle(&self, i: usize) -> bool {
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
    pub(super) fn subject_np(&self, lo: usize, hi: usize) -> Option<Range> {
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
    pub(super) fn channel(&self, lo: usize, hi: usize) -> Option<Range> {
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
    pub(super) fn tail(&self, close: usize) -> Option<Attribution> {
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
    pub(super) fn dash_tail(&self, start: usize) -> Option<Attribution> {
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
    pub(super) fn headline_tail(&self, start: usize) -> Option<Attribution> {
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
    pub(super) fn lead(&self, open: usize) -> Option<Attribution> {
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
    pub(super) fn participle_subject(&self, lo: usize, k: usize) -> Option<Range> {
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
    pub(super) fn para_start(&self, i: usize) -> bool {
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

    pub(super) fn opening(&self, open: usize) -> Opening {
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

//! The analysed document: tokens, how each line is written, words seen in lower case, and
//! whether it is a sports report; and the candidate type the other steps share.

use crate::facts::chars::Class as _;
use std::borrow::Cow;

use crate::normalize::FastSet as HashSet;

use super::lexicon::{self, Cue, Gaz};
use super::tokens::{Kind, Shape, Tok};
use crate::lang;

/// The label of a candidate (finer than the CoNLL four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// A nationality or group.
    Nat,
    /// An event.
    Event,
    /// A product or work.
    Product,
    /// Another named thing.
    Other,
    /// A name whose kind nothing local tells (a capitalised run and no cue): the document decides
    /// ([`super::evidence`]).
    Name,
}

impl Label {
    /// All labels, in index order.
    pub const ALL: [Label; 8] = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Nat,
        Label::Event,
        Label::Product,
        Label::Other,
        Label::Name,
    ];

    /// Index into [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a line is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// Ordinary sentence case: capitals mark names.
    Normal,
    /// ALL CAPS or Title Case (a headline): capitals say nothing.
    Shouting,
}

/// One candidate: tokens `a..=b`.
#[derive(Clone, Debug)]
pub(super) struct Cand {
    /// First token.
    pub a: usize,
    /// Last token.
    pub b: usize,
    /// Local label.
    pub label: Label,
    /// 3 strong (gazetteer, head word, title), 2 good, 1 weak, 0 a guess.
    pub strength: u8,
    /// At a sentence start and not known otherwise: kept only if the document or a gazetteer
    /// knows the name.
    pub needs_support: bool,
}

/// The analysed document.
pub(super) struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: Vec<Tok<'a>>,
    /// Mode of each line.
    pub modes: Vec<Mode>,
    /// Transcript speaker labels: the tokens of each person's name ("ANN LEE" of "ANN LEE,
    /// HOST:").
    pub label_names: Vec<(usize, usize)>,
    /// Per token, true inside a speaker label (name, role and colon), whose words are no names
    /// of their own; empty when the text has no labels.
    pub in_label: Vec<bool>,
    /// For each segment ([`Tok::seg`]): true when it reads as a heading, a list label or a table
    /// label (Title Case, no sentence end), where capitals say little.
    pub headings: Vec<bool>,
    /// Keys of words seen in lower case.
    pub lower: HashSet<Cow<'a, str>>,
    /// Keys of words seen capitalised inside a sentence of an ordinary line.
    pub cap_mid: HashSet<Cow<'a, str>>,
    /// Sports report (teams named after places are organisations).
    pub sports: bool,
    /// The language capitalises nouns (German): unknown capitalised words are no evidence.
    pub conservative: bool,
    /// Stopword list index of the language.
    pub lang: Option<usize>,
    /// English or unknown: English word lists apply.
    pub english: bool,
}

impl<'a> Doc<'a> {
    /// Tokenises and measures the document. `lower` is the text in lower case at the same byte
    /// offsets, when there is one ([`crate::normalize::lower_aligned`]).
    pub fn new(
        text: &'a str,
        lower: Option<&'a str>,
        language: Option<&str>,
        labels: &[crate::facts::transcript::Label],
    ) -> Doc<'a> {
        let mut toks = super::tokens::tokenize(text, lower);
        let guessed = match language {
            Some(l) => Some(l.to_ascii_lowercase()),
            None => lang::guess(std::iter::once(text)).map(str::to_string),
        };
        let code = guessed.as_deref().map(|l| l.get(..2).unwrap_or(l));
        let lang_idx = code.and_then(lang::index_of);
        let conservative = matches!(code, Some("de" | "lb"));
        let english = matches!(code, None | Some("en"));
        let lines = toks.last().map_or(0, |t| t.line + 1);
        let mut modes = vec![Mode::Normal; lines];
        // Both sets are only asked what they contain: sized up front, they need not grow.
        let mut lower: HashSet<Cow<'a, str>> =
            HashSet::with_capacity_and_hasher(toks.len() / 4, Default::default());
        let mut cap_mid: HashSet<Cow<'a, str>> =
            HashSet::with_capacity_and_hasher(toks.len() / 8, Default::default());
        let mut sports_hits: HashSet<&str> = HashSet::default();
        let mut k = 0;
        while k < toks.len() {
            let line = toks[k].line;
            let e = line_end(&toks, k);
            let (mut words, mut caps, mut titled, mut cap_stop, mut low_stop) = (0, 0, 0, 0, 0);
            for (n, t) in toks[k..e].iter().enumerate() {
                if t.kind != Kind::Word {
                    continue;
                }
                // Fewer than two letters: not counted.
                if t.key.chars().filter(|c| c.alpha()).nth(1).is_none() {
                    continue;
                }
                words += 1;
                let stop = t.stop(lang::EN);
                match t.shape {
                    Shape::Caps => caps += 1,
                    Shape::Title | Shape::Mixed => {
                        titled += 1;
                        if stop && n > 0 {
                            cap_stop += 1;
                        }
                    }
                    Shape::Lower => {
                        if stop {
                            low_stop += 1;
                        }
                        insert_key(&mut lower, &t.key);
                    }
                    _ => {}
                }
                if t.is(Cue::Sport) {
                    sports_hits.insert(t.key.as_ref());
                    sports_hits.insert("(a sport)");
                } else if t.is(Cue::SportWord) {
                    sports_hits.insert(t.key.as_ref());
                }
            }
            let shouting = (words >= 2 && caps * 10 >= words * 7)
                || (english
                    && words >= 4
                    && (titled + caps) * 10 >= words * 8
                    && cap_stop >= 1
                    && low_stop == 0);
            if shouting {
                modes[line] = Mode::Shouting;
            } else {
                for t in &toks[k..e] {
                    if t.capish() && !t.initial {
                        insert_key(&mut cap_mid, &t.key);
                    }
                }
            }
            k = e;
        }
        let sports = sports_hits.len() >= 3;
        let headings = segments(text, &mut toks, &modes, english, sports);
        let (label_names, in_label) = label_tokens(&toks, labels);
        Doc {
            label_names,
            in_label,
            text,
            toks,
            modes,
            headings,
            lower,
            cap_mid,
            sports,
            conservative,
            lang: lang_idx,
            english,
        }
    }

    pub(super) fn key(&self, a: usize, b: usize) -> String {
        span_key(&self.toks, a, b)
    }

    /// [`Doc::key`], borrowed from the token when the span is one token.
    pub(super) fn span(&self, a: usize, b: usize) -> Cow<'_, str> {
        match self.toks.get(a) {
            Some(t) if a == b => Cow::Borrowed(t.key.as_ref()),
            _ => Cow::Owned(self.key(a, b)),
        }
    }

    /// The gazetteer entry of tokens `a..=b` (`lexicon::gazetteer(&self.key(a, b))`).
    pub(super) fn gaz(&self, a: usize, b: usize) -> Option<Gaz> {
        lexicon::gazetteer(&self.span(a, b))
    }

    pub(super) fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    /// The token after `i` in the same segment (line or table cell).
    pub(super) fn next(&self, i: usize) -> Option<&Tok<'a>> {
        let seg = self.toks.get(i)?.seg;
        self.toks.get(i + 1).filter(|t| t.seg == seg)
    }

    /// The token before `i` in the same segment (line or table cell).
    pub(super) fn prev(&self, i: usize) -> Option<&Tok<'a>> {
        let seg = self.toks.get(i)?.seg;
        i.checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .filter(|t| t.seg == seg)
    }

    /// True when token `i` is inside a transcript speaker label.
    pub(super) fn in_label(&self, i: usize) -> bool {
        self.in_label.get(i).copied().unwrap_or(false)
    }

    /// True when token `i` is in a segment that reads as a heading.
    pub(super) fn in_heading(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.headings.get(t.seg))
            .copied()
            .unwrap_or(false)
    }

    /// A common word of the document's language (or English), no evidence of a name.
    pub fn is_common(&self, k: &str) -> bool {
        lexicon::is(Cue::Common, k)
            || lang::is_stopword(k, lang::EN)
            || self.lang.is_some_and(|l| lang::is_stopword(k, l))
    }

    /// [`Doc::is_common`] of a token's key, from the lookups made when it was tokenised.
    pub fn is_common_tok(&self, t: &Tok) -> bool {
        t.is(Cue::Common) || t.stop(lang::EN) || self.lang.is_some_and(|l| t.stop(l))
    }
}

/// The token ranges of the speakers' names of transcript labels, and per token whether it is
/// inside a label.
fn label_tokens(
    toks: &[Tok],
    labels: &[crate::facts::transcript::Label],
) -> (Vec<(usize, usize)>, Vec<bool>) {
    if labels.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut names = Vec::new();
    let mut inside = vec![false; toks.len()];
    for l in labels {
        let a = toks.partition_point(|t| t.start < l.name.start);
        let e = toks.partition_point(|t| t.start < l.end);
        for f in inside.iter_mut().take(e).skip(a) {
            *f = true;
        }
        let b = toks.partition_point(|t| t.end <= l.name.end);
        if l.person && b > a {
            names.push((a, b - 1));
        }
    }
    (names, inside)
}

/// One past the last token of the line of token `k`.
fn line_end(toks: &[Tok], k: usize) -> usize {
    let line = toks[k].line;
    k + toks[k..].iter().take_while(|t| t.line == line).count()
}

/// The most words in a heading, and in the label before a colon that opens a line.
const HEADING_WORDS: usize = 14;
const LABEL_WORDS: usize = 7;

/// Cuts every line into segments — the cells of a table row (between `|` or tabs), the label of
/// a line that opens with "Label:" and the text after it — numbers them into [`Tok::seg`], and
/// says for each whether it reads as a heading ([`is_heading`]). Only for English (or unknown)
/// text in ordinary lines: other languages capitalise differently.
fn segments(
    text: &str,
    toks: &mut [Tok],
    modes: &[Mode],
    english: bool,
    sports: bool,
) -> Vec<bool> {
    let mut headings = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let line = toks[k].line;
        let e = line_end(toks, k);
        let check = english && modes.get(line) == Some(&Mode::Normal);
        let label = if check { label_colon(toks, k, e) } else { None };
        let mut s = k;
        let mut close = |toks: &mut [Tok], s: usize, end: usize, after_label: bool| {
            let id = headings.len();
            for t in &mut toks[s..end] {
                t.seg = id;
            }
            let seg = &toks[s..end];
            // In a sports report a line of players with scores ("65 Ann Lee, Kim Berg (Sweden)"),
            // or a list of them with a known given name, is a results line, not a heading.
            let results = sports
                && (seg
                    .iter()
                    .enumerate()
                    .any(|(n, t)| t.kind == Kind::Num && !list_marker(seg, n, 0))
                    || seg.iter().any(|t| t.kind == Kind::Punct(','))
                        && seg.windows(2).any(|w| {
                            w[0].shape == Shape::Title
                                && w[1].capish()
                                && lexicon::is_first_name(&w[0].key)
                        }));
            headings.push(check && !results && is_heading(seg, after_label));
        };
        for i in k..e {
            let cell = i > s
                && (toks[i].is_punct('|')
                    || text
                        .get(toks[i - 1].end..toks[i].start)
                        .is_some_and(|gap| gap.contains('\t')));
            if cell {
                close(toks, s, i, false);
                s = i;
            }
            if label == Some(i) {
                close(toks, s, i + 1, false);
                s = i + 1;
            }
        }
        if s < e {
            close(toks, s, e, label.is_some_and(|c| c < s));
        }
        k = e;
    }
    headings
}

/// The index of the colon that ends a short label opening the line (a list marker may come
/// first): "Where to watch: …", "- Team Scheduling: …", "Myth: …".
fn label_colon(toks: &[Tok], a: usize, e: usize) -> Option<usize> {
    let mut i = a;
    if list_marker(toks, i, a) {
        i += 2;
    }
    while i < e && matches!(toks[i].kind, Kind::Punct(_)) {
        i += 1;
    }
    if i >= e || !toks[i].capish() {
        return None;
    }
    let mut words = 0;
    for (n, t) in toks.iter().enumerate().take(e).skip(i) {
        match t.kind {
            Kind::Word => words += 1,
            Kind::Punct(':') => return (n + 1 < e).then_some(n),
            Kind::Punct('-' | '/' | '&' | '\'' | '’') => {}
            _ => return None,
        }
        if words > LABEL_WORDS {
            return None;
        }
    }
    None
}

/// A list marker at the start of a segment: "1.", "2)", "a." (token `i`, segment from `a`).
fn list_marker(toks: &[Tok], i: usize, a: usize) -> bool {
    i == a
        && matches!(toks[i].kind, Kind::Num | Kind::Word)
        && toks[i].key.chars().count() <= 3
        && toks
            .get(i + 1)
            .is_some_and(|t| t.is_punct('.') || t.is_punct(')'))
}

/// A segment that reads as a heading, a list label or a table label rather than a sentence: at
/// most [`HEADING_WORDS`] words (at least three after a label: "Director: Ann Lee" names
/// someone), no sentence end, at most one number besides a list marker, and at least three in
/// four of its words that are not function words capitalised ("Winter Soups Are Back on the Menu",
/// "Median Exam Score", "Where to Watch").
fn is_heading(seg: &[Tok], after_label: bool) -> bool {
    let (mut words, mut content, mut capital, mut numbers) = (0, 0, 0, 0);
    for (n, t) in seg.iter().enumerate() {
        match t.kind {
            Kind::Num if !list_marker(seg, n, 0) => numbers += 1,
            Kind::Word if t.key.chars().filter(|c| c.alpha()).nth(1).is_some() => {
                words += 1;
                if !t.stop(lang::EN) {
                    content += 1;
                    capital += usize::from(t.capish());
                }
            }
            _ => {}
        }
    }
    let ends_sentence = seg
        .iter()
        .rev()
        .find(|t| !matches!(t.kind, Kind::Punct('"' | '”' | '’' | '\'' | ')' | ']')))
        .is_some_and(|t| matches!(t.kind, Kind::Punct('.' | '!' | '…' | ';' | ',')));
    let min_words = if after_label { 3 } else { 1 };
    !ends_sentence
        && (min_words..=HEADING_WORDS).contains(&words)
        && numbers <= 1
        && content > 0
        && capital * 4 >= content * 3
}

/// Adds `key` to `set`, hashing it once when it is borrowed (cloning an owned key only when it is
/// new).
// A `&Cow`, not a `&str`: whether the key is borrowed decides how it is inserted.
#[allow(clippy::ptr_arg)]
fn insert_key<'a>(set: &mut HashSet<Cow<'a, str>>, key: &Cow<'a, str>) {
    match key {
        Cow::Borrowed(k) => {
            set.insert(Cow::Borrowed(k));
        }
        Cow::Owned(k) => {
            if !set.contains(k.as_str()) {
                set.insert(key.clone());
            }
        }
    }
}

/// The key of tokens `a..=b`: their keys joined by spaces.
pub(super) fn span_key(toks: &[Tok], a: usize, b: usize) -> String {
    let toks = toks.get(a..=b).unwrap_or(&[]);
    let mut k = String::with_capacity(toks.iter().map(|t| t.key.len() + 1).sum());
    for t in toks {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(&t.key);
    }
    k
}

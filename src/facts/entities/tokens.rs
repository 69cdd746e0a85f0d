//! Tokens for entity extraction: words (with the dots of initials and abbreviations, inner
//! apostrophes and hyphens), numbers and single punctuation marks, each with its shape
//! (capitalisation) and whether it opens a sentence. One pass over the text.

use crate::facts::chars::Class as _;
use std::borrow::Cow;

use super::lexicon::{self, Cue};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters (and digits, dots of abbreviations, inner apostrophes and hyphens).
    Word,
    /// Starts with a digit.
    Num,
    /// One punctuation or symbol character.
    Punct(char),
}

/// The capitalisation of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// Starts with a lower-case letter ("the", "led").
    Lower,
    /// Starts upper-case, has lower-case letters ("Kyiv", "McCarthy").
    Title,
    /// At least two letters, all upper-case ("NATO", "U.S.").
    Caps,
    /// One upper-case letter, with or without a dot ("P.", "I").
    Initial,
    /// Starts lower-case with an upper-case letter later ("iPhone", "al-Assad").
    Mixed,
    /// A lower-case prefix joined to a name ("ex-England", "pro-Russian").
    Prefixed,
    /// No letters with case (numbers, most scripts without case).
    Caseless,
}

/// One token of a text with lifetime `'a`.
#[derive(Clone, Debug)]
pub(super) struct Tok<'a> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// Capitalisation.
    pub shape: Shape,
    /// Lookup key ([`lexicon::key`]); borrowed from the text when the word is its own key.
    pub key: Cow<'a, str>,
    /// Index of its line.
    pub line: usize,
    /// Index of its segment: a line, or a cell of a table row, or the label of a "Label: text"
    /// line and the text after it ([`super::doc::Doc::new`] sets it).
    pub seg: usize,
    /// Opens a sentence, a line, a quotation or a clause after a colon or dash.
    pub initial: bool,
    /// Initials glued to a surname ("T.O'Gorman").
    pub initials_name: bool,
    /// A word that ends with a dot ("P.", "Inc.", "U.S.").
    pub dotted: bool,
    /// The cue groups of its key ([`lexicon::word_bits`]), looked up once.
    pub cues: u32,
    /// The stopword lists that have its key ([`lexicon::word_bits`]), looked up once.
    pub stops: u32,
}

impl Tok<'_> {
    /// Capitalised: a possible part of a name.
    pub fn capish(&self) -> bool {
        self.kind == Kind::Word
            && matches!(
                self.shape,
                Shape::Title | Shape::Caps | Shape::Initial | Shape::Mixed | Shape::Prefixed
            )
    }

    /// True for a punctuation token of the given character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True when its key is in the cue group `c` (the same as `lexicon::is(c, &self.key)`).
    pub fn is(&self, c: Cue) -> bool {
        self.cues & (1 << c as u32) != 0
    }

    /// True when its key is a stopword of language `lang` (an index into `lang::LANGS`; the same
    /// as `lang::is_stopword(&self.key, lang)`).
    pub fn stop(&self, lang: usize) -> bool {
        self.stops & (1 << lang) != 0
    }
}

/// Abbreviations whose final dot belongs to the word.
const ABBREVIATIONS: [&str; 40] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt", "Sgt", "Cpl",
    "Adm", "Cmdr", "Maj", "Rev", "Fr", "St", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd",
    "Bros", "No", "vs", "Messrs", "Mme", "Mlle", "Pte", "Bhd", "Dept", "Univ", "Ave", "Blvd",
];

/// Lower-case prefixes that keep a hyphenated name whole ("ex-England", "anti-Russian").
const PREFIXES: [&str; 14] = [
    "ex", "pro", "anti", "non", "post", "pre", "neo", "pan", "trans", "mid", "un", "all", "inter",
    "intra",
];

/// Short lower-case words that end a compound after a name ("Moscow-run", "EU-wide").
const COMPOUND_ENDS: [&str; 20] = [
    "run", "led", "born", "made", "bound", "style", "wide", "era", "day", "old", "year", "like",
    "free", "rich", "only", "area", "zone", "type", "size", "plus",
];

fn is_word_char(c: char) -> bool {
    c.alnum()
}

fn upper_first(s: &str) -> bool {
    s.chars()
        .find(|c| c.alpha())
        .is_some_and(char::is_uppercase)
}

fn is_particle(s: &str) -> bool {
    lexicon::is(Cue::Particle, &crate::normalize::lower(s))
}

/// The shape of a word's text.
fn shape_of(s: &str) -> Shape {
    let mut letters = 0;
    let mut upper = 0;
    let mut lower = 0;
    let mut first: Option<char> = None;
    for c in s.chars().filter(|c| c.alpha()) {
        letters += 1;
        if first.is_none() {
            first = Some(c);
        }
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let Some(f) = first else {
        return Shape::Caseless;
    };
    if f.is_uppercase() {
        if lower == 0 {
            if letters == 1 {
                Shape::Initial
            } else {
                Shape::Caps
            }
        } else {
            Shape::Title
        }
    } else if f.is_lowercase() {
        if upper > 0 {
            Shape::Mixed
        } else {
            Shape::Lower
        }
    } else {
        Shape::Caseless
    }
}

/// Splits `text` into tokens. `lower` is the lower-case form of `text` at the same byte offsets
/// ([`crate::normalize::lower_aligned`]), when there is one: keys are then borrowed from it.
pub(super) fn tokenize<'a>(text: &'a str, lower: Option<&'a str>) -> Vec<Tok<'a>> {
    let mut chars: Vec<(usize, char)> = Vec::new();
    crate::facts::chars::push_char_indices(text, &mut chars);
    let n = chars.len();
    let at = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
    let ch = |k: usize| chars.get(k).map_or('\0', |x| x.1);
    // About one token per five bytes of text.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 8);
    let src = Src { text, lower };
    let mut line = 0;
    let mut i = 0;
    while i < n {
        let c = ch(i);
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.numeric() {
            let mut j = i + 1;
            while j < n
                && (is_word_char(ch(j))
                    || (matches!(ch(j), '.' | ',' | ':' | '/' | '-') && ch(j + 1).numeric()))
            {
                j += 1;
            }
            push(&mut out, src, at(i), at(j), Kind::Num, line);
            i = j;
            continue;
        }
        if !is_word_char(c) {
            push(&mut out, src, at(i), at(i + 1), Kind::Punct(c), line);
            i += 1;
            continue;
        }
        // A word: segments joined by apostrophes, hyphens, dots of initials, "&" of "AT&T".
        let mut j = i;
        let mut code = false;
        let mut seg_start = i;
        loop {
            while j < n && is_word_char(ch(j)) {
                j += 1;
            }
            let c = ch(j);
            let next = ch(j + 1);
            if (c == '\'' || c == '’') && next.alpha() {
                // A possessive 's is its own token.
                if matches!(next, 's' | 'S') && !is_word_char(ch(j + 2)) {
                    break;
                }
                j += 1;
                seg_start = j;
                continue;
            }
            if c == '-' && is_word_char(next) {
                j += 1;
                seg_start = j;
                continue;
            }
            if c == '&' && j - seg_start == 1 && next.alpha() && j + 2 <= n {
                j += 1;
                seg_start = j;
                continue;
            }
            let capital = ch(i).is_uppercase();
            let pluses = if next == '+' { 2 } else { 1 };
            if c == '+' && capital && !is_word_char(ch(j + pluses)) && ch(j + pluses) != '+' {
                // "Disney+", "C++": a brand's plus belongs to its name.
                j += pluses;
                break;
            }
            if c == '.' && capital && j - seg_start >= 2 && next.is_lowercase() {
                // "Server.receiveHead", "Reader.stream": a capitalised word glued to a
                // lower-case member by a dot is a code identifier, not a name.
                let mut e = j;
                while ch(e) == '.' && (ch(e + 1).alpha() || ch(e + 1) == '_') {
                    e += 1;
                    while e < n && (is_word_char(ch(e)) || ch(e) == '_') {
                        e += 1;
                    }
                }
                let member = &text[at(j + 1)..at(e)];
                // A short all-lower-case ending may be a domain ("Booking.com"): left alone.
                if member.len() > 3 || member.bytes().any(|b| !b.is_ascii_lowercase()) {
                    code = true;
                    j = e;
                }
                break;
            }
            if c == '.' {
                let seg = &text[at(seg_start)..at(j)];
                if seg.chars().count() == 1 && seg.chars().all(crate::facts::chars::is_alphabetic) {
                    j += 1;
                    if next.alpha() {
                        seg_start = j;
                        continue;
                    }
                } else if ABBREVIATIONS.contains(&seg) && seg_start == i {
                    j += 1;
                }
            }
            break;
        }
        push_word(&mut out, src, at(i), at(j), line);
        if code {
            // A code identifier is no name: read it as a lower-case word.
            if let Some(t) = out.last_mut() {
                t.shape = Shape::Lower;
            }
        }
        i = j.max(i + 1);
    }
    mark_initials(&mut out);
    out
}

/// The text being tokenised, with its lower-case form at the same offsets when there is one.
#[derive(Clone, Copy)]
struct Src<'a> {
    text: &'a str,
    lower: Option<&'a str>,
}

fn push<'a>(out: &mut Vec<Tok<'a>>, src: Src<'a>, s: usize, e: usize, kind: Kind, line: usize) {
    let t = &src.text[s..e];
    let shape = if kind == Kind::Word {
        shape_of(t)
    } else {
        Shape::Caseless
    };
    let key = lexicon::key_cow(t, src.lower.and_then(|l| l.get(s..e)));
    let (cues, stops) = lexicon::word_bits(&key);
    out.push(Tok {
        start: s,
        end: e,
        kind,
        shape,
        cues,
        stops,
        key,
        line,
        seg: line,
        initial: false,
        initials_name: false,
        dotted: kind == Kind::Word && t.ends_with('.'),
    });
}

/// Pushes a word, splitting a hyphenated one where a name ends ("US-led" → "US" + "-led").
fn push_word<'a>(out: &mut Vec<Tok<'a>>, src: Src<'a>, s: usize, e: usize, line: usize) {
    let w = &src.text[s..e];
    if w.contains('-') {
        let parts: Vec<&str> = w.split('-').collect();
        let first = parts.first().copied().unwrap_or("");
        let name_part = |p: &str| upper_first(p) || p.chars().all(|c| c.numeric());
        let second = parts.get(1).copied().unwrap_or("");
        // "Kim Young-hoon", "Li Song-ho": East Asian given names keep their second syllable.
        let syllable = parts.len() == 2
            && (2..=6).contains(&first.chars().count())
            && (2..=4).contains(&second.chars().count())
            && second.chars().all(char::is_lowercase)
            && !second.ends_with("ed")
            && !COMPOUND_ENDS.contains(&second);
        if upper_first(first) && !syllable {
            // Cut before the first lower-case part that is not a particle inside the name.
            let mut off = first.len();
            for (k, p) in parts.iter().enumerate().skip(1) {
                let inner = is_particle(p) && k + 1 < parts.len();
                if !name_part(p) && !inner {
                    push(out, src, s, s + off, Kind::Word, line);
                    push(out, src, s + off, e, Kind::Word, line);
                    return;
                }
                off += 1 + p.len();
            }
        } else if parts.iter().skip(1).any(|p| upper_first(p)) {
            let lower = crate::normalize::lower(first);
            if PREFIXES.contains(&lower.as_ref()) {
                push(out, src, s, e, Kind::Word, line);
                if let Some(t) = out.last_mut() {
                    t.shape = Shape::Prefixed;
                }
                return;
            }
        }
    }
    push(out, src, s, e, Kind::Word, line);
    if let Some(t) = out.last_mut() {
        // "T.O'Gorman", "J.R.Smith": initials glued to a name.
        let bytes = w.as_bytes();
        t.initials_name = t.shape == Shape::Title
            && bytes.len() > 3
            && bytes.get(1) == Some(&b'.')
            && w.rsplit('.').next().is_some_and(|last| last.len() > 1);
    }
}

/// Marks the tokens that open a sentence, a line, a quotation, or a clause after a colon or a
/// spaced dash: their capital letter says nothing about names.
fn mark_initials(toks: &mut [Tok]) {
    let mut opener = true;
    let mut prev_line = usize::MAX;
    for t in toks.iter_mut() {
        if t.line != prev_line {
            opener = true;
            prev_line = t.line;
        }
        match t.kind {
            Kind::Punct(c) => {
                if matches!(
                    c,
                    '.' | '!'
                        | '?'
                        | ':'
                        | '"'
                        | '“'
                        | '«'
                        | '‘'
                        | '—'
                        | '–'
                        | '-'
                        | '•'
                        | '|'
                        | '…'
                        | '*'
                        | '>'
                        | '„'
                        | '¿'
                        | '¡'
                ) {
                    opener = true;
                } else if !matches!(c, '(' | '[' | '\'' | '”' | '’' | ')') {
                    opener = false;
                }
            }
            _ => {
                t.initial = opener;
                // A dotted abbreviation that is no title or initial may end a sentence ("U.S.").
                opener = t.dotted && t.shape != Shape::Initial && !t.is(Cue::Title);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<(String, Shape, bool)> {
        tokenize(t, None)
            .into_iter()
            .map(|k| (t[k.start..k.end].to_string(), k.shape, k.initial))
            .collect()
    }

    #[test]
    fn initials_abbreviations_and_possessives() {
        let w = words("Mr. Smith of the U.S. met P. Jones and Russia’s envoy.");
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Mr.", "Smith", "of", "the", "U.S.", "met", "P.", "Jones", "and", "Russia", "’",
                "s", "envoy", "."
            ]
        );
        assert_eq!(w[4].1, Shape::Caps);
        assert_eq!(w[6].1, Shape::Initial);
        assert!(w[0].2 && !w[1].2);
    }

    #[test]
    fn hyphens_split_where_the_name_ends() {
        let w = words("US-led talks in Chester-le-Street with ex-England and al-Assad");
        let texts: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "US",
                "-led",
                "talks",
                "in",
                "Chester-le-Street",
                "with",
                "ex-England",
                "and",
                "al-Assad"
            ]
        );
        assert_eq!(w[6].1, Shape::Prefixed);
        assert_eq!(w[8].1, Shape::Mixed);
    }

    #[test]
    fn numbers_and_lines() {
        let text = "LONDON 1996-08-30\n“Fine” said O'Neill";
        let lower = crate::normalize::lower_aligned(text);
        let t = tokenize(text, lower.as_deref());
        assert_eq!(t[1].kind, Kind::Num);
        assert_eq!(t[1].end - t[1].start, 10);
        assert_eq!(t[2].line, 1);
        assert!(t[3].initial, "word after an opening quote");
        assert!(!t[6].initial);
        assert_eq!(t[6].shape, Shape::Title);
    }

    #[test]
    fn glued_initials() {
        let t = tokenize("T.O'Gorman 109", None);
        assert!(t[0].initials_name);
        assert_eq!(t[0].end, "T.O'Gorman".len());
    }
}

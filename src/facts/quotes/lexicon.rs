//! The word lists of quote extraction (`src/data/quote_cues.txt`, parsed once) and the tokens the
//! rules walk over.

use crate::facts::chars::Class as _;
use crate::normalize::FastMap as HashMap;
use std::sync::LazyLock;

const DATA: &str = crate::datafile::without_comments!(include_str!("../../data/quote_cues.txt"));

/// Languages with their own lists; a bit each in a language mask.
const LANGS: [&str; 7] = ["en", "de", "fr", "es", "pt", "it", "ru"];

/// What an entry of the lists is (see the header of `quote_cues.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Cue,
    Told,
    Part,
    Prep,
    Pron,
    Skip,
    Title,
    Det,
    Stop,
    Channel,
    Platform,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "cue" => Kind::Cue,
            "told" => Kind::Told,
            "part" => Kind::Part,
            "prep" => Kind::Prep,
            "pron" => Kind::Pron,
            "skip" => Kind::Skip,
            "title" => Kind::Title,
            "det" => Kind::Det,
            "stop" => Kind::Stop,
            "channel" => Kind::Channel,
            "platform" => Kind::Platform,
            _ => return None,
        })
    }
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PronClass {
    Person,
    Thing,
    Any,
}

#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// The words after the first one.
    rest: Vec<String>,
    kind: Kind,
    langs: u8,
    class: PronClass,
}

/// The parsed lists: entries keyed by their first word (lowercase, or as written for platforms).
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    by_first: HashMap<String, Vec<Entry>>,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

impl Lexicon {
    fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(kind), Some(lang)) = (parts.next().and_then(Kind::parse), parts.next())
            else {
                continue;
            };
            let Some(bit) = LANGS.iter().position(|l| *l == lang) else {
                continue;
            };
            let mut words: Vec<String> = parts.map(str::to_string).collect();
            let mut class = PronClass::Any;
            if kind == Kind::Pron {
                class = match words.last().map(String::as_str) {
                    Some("person") => PronClass::Person,
                    Some("thing") => PronClass::Thing,
                    _ => PronClass::Any,
                };
                words.truncate(1);
            }
            if words.is_empty() {
                continue;
            }
            let first = words.remove(0);
            let entries = lex.by_first.entry(first).or_default();
            let langs = 1u8 << bit;
            if let Some(e) = entries
                .iter_mut()
                .find(|e| e.kind == kind && e.rest == words)
            {
                e.langs |= langs;
            } else {
                entries.push(Entry {
                    rest: words,
                    kind,
                    langs,
                    class,
                });
            }
        }
        lex
    }

    /// The language mask for an article language: English plus that language, or all when unknown.
    pub(super) fn mask(language: Option<&str>) -> u8 {
        match language.and_then(|l| LANGS.iter().position(|x| l.eq_ignore_ascii_case(x))) {
            Some(bit) => 1 | (1u8 << bit),
            None if language.is_none() => u8::MAX,
            None => 1,
        }
    }

    /// True when the single word `lower` is an entry of `kind`.
    #[cfg(test)]
    pub(super) fn is(&self, lower: &str, kind: Kind, mask: u8) -> bool {
        self.by_first
            .get(lower)
            .is_some_and(|v| entries_have(v, kind, mask))
    }

    /// The class of a pronoun, if `lower` is one.
    pub(super) fn pronoun(&self, lower: &str, mask: u8) -> Option<PronClass> {
        self.by_first
            .get(lower)
            .and_then(|v| entries_pronoun(v, mask))
    }

    /// The longest phrase of one of `kinds` starting at word token `i`: (tokens spanned, kind).
    /// Phrase words must be consecutive word tokens.
    pub(super) fn phrase_at(
        &self,
        toks: &Tokens,
        i: usize,
        kinds: &[Kind],
        mask: u8,
    ) -> Option<(usize, Kind)> {
        let key = if kinds == [Kind::Platform] {
            toks.text(i)
        } else {
            toks.lower(i)?
        };
        if !toks.is_word(i) {
            return None;
        }
        let entries = self.by_first.get(key)?;
        longest_phrase(entries, toks, i, kinds, mask)
    }
}

/// True when one of the entries of a first word is the single word itself, of `kind`.
pub(super) fn entries_have(entries: &[Entry], kind: Kind, mask: u8) -> bool {
    entries
        .iter()
        .any(|e| e.kind == kind && e.rest.is_empty() && e.langs & mask != 0)
}

/// The pronoun class among the entries of a first word, if it is a pronoun.
pub(super) fn entries_pronoun(entries: &[Entry], mask: u8) -> Option<PronClass> {
    entries
        .iter()
        .find(|e| e.kind == Kind::Pron && e.langs & mask != 0)
        .map(|e| e.class)
}

/// The longest of `entries` (those of the word at `i`) of one of `kinds` that the words from
/// `i` on spell: (tokens spanned, kind).
pub(super) fn longest_phrase(
    entries: &[Entry],
    toks: &Tokens,
    i: usize,
    kinds: &[Kind],
    mask: u8,
) -> Option<(usize, Kind)> {
    let mut best: Option<(usize, Kind)> = None;
    for e in entries {
        if !kinds.contains(&e.kind) || e.langs & mask == 0 {
            continue;
        }
        let n = e.rest.len();
        let ok = e.rest.iter().enumerate().all(|(k, w)| {
            let j = i + 1 + k;
            toks.is_word(j)
                && if e.kind == Kind::Platform {
                    toks.text(j) == w
                } else {
                    toks.lower(j) == Some(w.as_str())
                }
        });
        if ok && best.is_none_or(|(m, _)| n + 1 > m) {
            best = Some((n + 1, e.kind));
        }
    }
    best
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and decimal points.
    Word,
    /// One other visible character.
    Punct(char),
    /// A line break: the end of a paragraph.
    Break,
}

/// One token: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

/// The tokens of a text, with each word's lowercase form.
#[derive(Debug)]
pub(super) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Per word token: the byte range of its lowercase form, in `lower_all` (when that is given
    /// and the word has no curly apostrophe) or else in `lower_text`.
    lowers: Vec<Option<Lower>>,
    /// The whole text in lower case, at the same byte offsets
    /// ([`crate::normalize::lower_aligned`]).
    lower_all: Option<&'a str>,
    /// The lowercase forms of the other words, one after the other.
    lower_text: String,
    /// Per token: the [`LEXICON`] entries whose first word is its lowercase form, looked up once.
    entries: Vec<Option<&'static [Entry]>>,
}

/// Where the lowercase form of a word is.
#[derive(Clone, Copy, Debug)]
enum Lower {
    /// A byte range of `Tokens::lower_all`.
    Shared(usize, usize),
    /// A byte range of `Tokens::lower_text`.
    Own(usize, usize),
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

impl<'a> Tokens<'a> {
    /// Tokenises `text` in one pass.
    #[cfg(test)]
    pub(super) fn new(text: &'a str) -> Tokens<'a> {
        Tokens::with_lower(text, None)
    }

    /// Tokenises `text` in one pass; `lower_all` is its lower-case form when it has the same byte
    /// offsets ([`crate::normalize::lower_aligned`]).
    pub(super) fn with_lower(text: &'a str, lower_all: Option<&'a str>) -> Tokens<'a> {
        // The character at byte `k`: ASCII without decoding.
        let b = text.as_bytes();
        let char_at = |k: usize| match b.get(k) {
            Some(&x) if x.is_ascii() => Some(char::from(x)),
            Some(_) => text.get(k..).and_then(|r| r.chars().next()),
            None => None,
        };
        // About one token per five bytes of text.
        let mut toks = Vec::with_capacity(text.len() / 5 + 8);
        let mut i = 0;
        while let Some(c) = char_at(i) {
            if c == '\n' {
                toks.push(Tok {
                    start: i,
                    end: i + 1,
                    kind: TokKind::Break,
                });
                i += 1;
            } else if c.is_whitespace() {
                i += c.len_utf8();
            } else if c.alnum() {
                let mut end = i + c.len_utf8();
                let mut prev = c;
                while let Some(d) = char_at(end) {
                    if d.alnum() {
                        end += d.len_utf8();
                        prev = d;
                        continue;
                    }
                    // A joiner stays inside a word only between two letters or digits; a decimal
                    // point only between digits.
                    if joins_word(d) && prev.alnum() {
                        let ok = match char_at(end + d.len_utf8()) {
                            Some(a) if d == '.' => prev.is_ascii_digit() && a.is_ascii_digit(),
                            Some(a) => a.alnum(),
                            None => false,
                        };
                        if ok {
                            end += d.len_utf8();
                            prev = d;
                            continue;
                        }
                    }
                    break;
                }
                toks.push(Tok {
                    start: i,
                    end,
                    kind: TokKind::Word,
                });
                i = end;
            } else {
                toks.push(Tok {
                    start: i,
                    end: i + c.len_utf8(),
                    kind: TokKind::Punct(c),
                });
                i += c.len_utf8();
            }
        }
        let mut lower_text = String::new();
        let lowers = toks
            .iter()
            .map(|t| {
                (t.kind == TokKind::Word).then(|| {
                    let w = &text[t.start..t.end];
                    // Curly apostrophes match the lists' straight ones.
                    let curly = w.contains('’');
                    if lower_all.is_some() && !curly {
                        return Lower::Shared(t.start, t.end);
                    }
                    let a = lower_text.len();
                    crate::normalize::push_lower(&mut lower_text, w);
                    if curly {
                        let fixed = lower_text.get(a..).unwrap_or("").replace('’', "'");
                        lower_text.truncate(a);
                        lower_text.push_str(&fixed);
                    }
                    Lower::Own(a, lower_text.len())
                })
            })
            .collect();
        let mut t = Tokens {
            text,
            toks,
            lowers,
            lower_all,
            lower_text,
            entries: Vec::new(),
        };
        let lex: &'static Lexicon = &LEXICON;
        t.entries = (0..t.toks.len())
            .map(|i| {
                t.lower(i)
                    .and_then(|w| lex.by_first.get(w))
                    .map(Vec::as_slice)
            })
            .collect();
        t
    }

    /// The [`LEXICON`] entries whose first word is the lowercase form of word token `i`.
    pub(super) fn entries(&self, i: usize) -> Option<&'static [Entry]> {
        self.entries.get(i).copied().flatten()
    }

    pub(super) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i` ("" past the end).
    pub(super) fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The lowercase form of word token `i`.
    pub(super) fn lower(&self, i: usize) -> Option<&str> {
        match (*self.lowers.get(i)?)? {
            Lower::Shared(a, b) => self.lower_all?.get(a..b),
            Lower::Own(a, b) => self.lower_text.get(a..b),
        }
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Word)
    }

    /// The punctuation character of token `i`, if it is one.
    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    pub(super) fn is_break(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Break)
    }

    /// True when word token `i` starts with an upper-case letter, a digit, or a letter of a script
    /// without case.
    pub(super) fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i)
            && self
                .text(i)
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase())
    }

    /// The character just before token `i` in the text (None at the start).
    pub(super) fn char_before(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        self.text[..t.start].chars().next_back()
    }

    /// The character just after token `i` in the text (None at the end).
    pub(super) fn char_after(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        self.text[t.end..].chars().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_decimals() {
        let t = Tokens::new("Don’t pay 3.5 for US-led 'plans'.\nNext");
        let words: Vec<&str> = (0..t.len()).map(|i| t.text(i)).collect();
        assert_eq!(
            words,
            ["Don’t", "pay", "3.5", "for", "US-led", "'", "plans", "'", ".", "\n", "Next"]
        );
        assert_eq!(t.lower(0), Some("don't"));
        assert!(t.is_break(9));
    }

    #[test]
    fn phrases_match_longest_and_respect_language() {
        let lex = &*LEXICON;
        let t = Tokens::new("according to the minister, a déclaré");
        assert_eq!(
            lex.phrase_at(&t, 0, &[Kind::Prep], u8::MAX),
            Some((2, Kind::Prep))
        );
        assert_eq!(
            lex.phrase_at(&t, 5, &[Kind::Cue], Lexicon::mask(Some("fr"))),
            Some((2, Kind::Cue))
        );
        assert_eq!(
            lex.phrase_at(&t, 5, &[Kind::Cue], Lexicon::mask(Some("en"))),
            None
        );
        assert!(lex.is("said", Kind::Cue, 1));
        assert_eq!(lex.pronoun("she", 1), Some(PronClass::Person));
    }
}

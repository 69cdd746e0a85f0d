//! Marker phrases that name a boilerplate block ("You may also like", "Share this article",
//! "We use cookies"), read once from `src/data/markers.txt` (format in `src/data/README.md`).

use std::sync::LazyLock;

use crate::article::Reason;
use crate::normalize::{self, FastMap};

const MARKERS: &str = crate::datafile::without_comments!(include_str!("data/markers.txt"));

/// How a phrase must sit in a block to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The whole block is the phrase (leading and trailing numbers aside).
    Line,
    /// The block starts with the phrase and is short.
    Start,
    /// A short block (a few words) ends with the phrase and a colon ("jane says:").
    End,
    /// The phrase appears anywhere.
    Contains,
    /// A short block (a caption) ends with a credit that opens with the phrase and a colon: its
    /// last parenthesis or its last sentence ("… at the crease. (Photo: Jo Bloggs/Gazette)").
    Credit,
}

/// A phrase that matched a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub reason: Reason,
    pub mode: Mode,
}

/// An `end` phrase only counts in blocks of at most this many words.
const END_MAX_WORDS: usize = 5;
/// Longest `start` / `contains` phrase, in words.
const MAX_PHRASE_WORDS: usize = 8;
/// Longest `line` phrase, in words (each Han or kana character is a word, so Chinese and
/// Japanese phrases run longer).
const MAX_LINE_WORDS: usize = 16;
/// A `start` phrase only counts in blocks of fewer words than this.
pub(crate) const START_MAX_WORDS: usize = 25;
/// A `credit` phrase only counts in blocks of at most this many words (a caption).
const CREDIT_MAX_WORDS: usize = 40;
/// ... and in a credit of at most this many words.
const CREDIT_TAIL_MAX_WORDS: usize = 8;

struct Table {
    line: PhraseMap,
    start: PhraseMap,
    end: PhraseMap,
    contains: PhraseMap,
    credit: PhraseMap,
    /// First words of the `contains` phrases: only positions starting with one are tried.
    contains_first: WordFilter,
    /// The reason of the `contains` phrase "©", matched by character.
    copyright: Option<Reason>,
}

/// Phrases (keys: lower-cased words joined by single spaces) by the hash of their word sequence,
/// each hit confirmed by comparing the words themselves.
#[derive(Default)]
struct PhraseMap(FastMap<u64, Vec<(String, Reason)>>);

/// The hash of a word sequence, one word's hash at a time: the same for a phrase's words and for
/// the same words read from a text.
#[derive(Clone, Copy)]
struct PhraseHash(u64);

impl PhraseHash {
    fn new() -> Self {
        PhraseHash(0)
    }
    fn push(&mut self, word_hash: u64) {
        self.0 = normalize::hash_seq(&[self.0, word_hash]);
    }
}

impl PhraseMap {
    /// Adds `key` with `reason` unless it is there already.
    fn insert_first(&mut self, key: String, reason: Reason) {
        let list = self.0.entry(phrase_hash(&key)).or_default();
        if !list.iter().any(|(k, _)| *k == key) {
            list.push((key, reason));
        }
    }

    /// The reason of the phrase with hash `h` that `same` accepts.
    fn get(&self, h: PhraseHash, same: impl Fn(&str) -> bool) -> Option<Reason> {
        self.0
            .get(&h.0)?
            .iter()
            .find(|(k, _)| same(k))
            .map(|&(_, r)| r)
    }

    /// The reason of the phrase `key`.
    fn get_key(&self, key: &str) -> Option<Reason> {
        self.get(PhraseHash(phrase_hash(key)), |k| k == key)
    }
}

/// The [`PhraseHash`] of a key's words.
fn phrase_hash(key: &str) -> u64 {
    let mut h = PhraseHash::new();
    for w in key.split(' ') {
        h.push(normalize::hash_bytes(w.as_bytes()));
    }
    h.0
}

/// A set of words by hash bits only: `contains` may say yes for a word that is not in it (one in
/// a few dozen), never no for one that is.
struct WordFilter([u64; 128]);

impl WordFilter {
    fn bit(h: u64) -> (usize, u64) {
        let b = (h >> 40) as usize & (128 * 64 - 1);
        (b / 64, 1 << (b % 64))
    }
    fn insert(&mut self, word: &str) {
        let (i, m) = Self::bit(normalize::hash_bytes(word.as_bytes()));
        if let Some(x) = self.0.get_mut(i) {
            *x |= m;
        }
    }
    fn may_contain(&self, word_hash: u64) -> bool {
        let (i, m) = Self::bit(word_hash);
        self.0.get(i).is_some_and(|x| x & m != 0)
    }
}

fn parse_reason(s: &str) -> Option<Reason> {
    Some(match s {
        "navigation" => Reason::Navigation,
        "linkList" => Reason::LinkList,
        "share" => Reason::Share,
        "newsletter" => Reason::Newsletter,
        "cookie" => Reason::Cookie,
        "advertisement" => Reason::Advertisement,
        "comments" => Reason::Comments,
        "footer" => Reason::Footer,
        "byline" => Reason::Byline,
        "metadata" => Reason::Metadata,
        _ => return None,
    })
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        line: PhraseMap::default(),
        start: PhraseMap::default(),
        end: PhraseMap::default(),
        contains: PhraseMap::default(),
        credit: PhraseMap::default(),
        contains_first: WordFilter([0; 128]),
        copyright: None,
    };
    for line in MARKERS.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(kind), Some(mode), Some(phrase)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Some(reason) = parse_reason(kind.trim()) else {
            continue;
        };
        let phrase = phrase.trim();
        // Symbols such as "©" are not words; they are matched by character in `find`.
        let k = normalize::key(phrase);
        let k = if k.is_empty() { phrase.to_string() } else { k };
        if mode.trim() == "contains" {
            if let Some(first) = k.split(' ').next() {
                t.contains_first.insert(first);
            }
        }
        let map = match mode.trim() {
            "line" => &mut t.line,
            "start" => &mut t.start,
            "end" => &mut t.end,
            "contains" => &mut t.contains,
            "credit" => &mut t.credit,
            _ => continue,
        };
        map.insert_first(k, reason);
    }
    t.copyright = t.contains.get_key("©");
    t
});

/// Finds the marker phrase that names `text`, if any: a whole-line match first, then a start
/// match (short blocks only), then a contained notice.
#[cfg(test)]
pub(crate) fn find(text: &str) -> Option<Hit> {
    Finder::default().find(text)
}

/// [`find`] with buffers kept from one block to the next.
#[derive(Default)]
pub(crate) struct Finder {
    /// The words of the text.
    words: Vec<Word>,
    /// The lower-cased forms of the words that are not all ASCII, one after another.
    lower: String,
}

/// A word of the text, compared in its lower-cased form (`str::to_lowercase` of the word).
#[derive(Clone, Copy)]
struct Word {
    /// Byte range in the text.
    range: (usize, usize),
    /// Byte range of the lower-cased form in [`Finder::lower`]; `None` for an ASCII word, whose
    /// lower-cased form is its bytes OR 0x20 (letters and digits only).
    lower: Option<(usize, usize)>,
    /// [`normalize::hash_bytes`] of the lower-cased form.
    hash: u64,
}

impl Finder {
    /// Finds the marker phrase that names `text`, if any: a whole-line match first, then a start
    /// match (short blocks only), then a contained notice.
    pub(crate) fn find(&mut self, text: &str) -> Option<Hit> {
        let t = &*TABLE;
        let (words, lower) = (&mut self.words, &mut self.lower);
        words.clear();
        lower.clear();
        normalize::for_each_word(text, |a, b| {
            let w = text.get(a..b).unwrap_or("");
            if w.is_ascii() {
                words.push(Word {
                    range: (a, b),
                    lower: None,
                    hash: normalize::hash_bytes_or(w.as_bytes(), 0x20),
                });
            } else {
                let from = lower.len();
                normalize::push_lower(lower, w);
                words.push(Word {
                    range: (a, b),
                    lower: Some((from, lower.len())),
                    hash: normalize::hash_bytes(lower.as_bytes().get(from..).unwrap_or(&[])),
                });
            }
        });
        let (words, lower) = (self.words.as_slice(), self.lower.as_str());
        // True when `part` is the lower-cased form of word `k`.
        let is_word = |part: &str, k: usize| {
            let Some(w) = words.get(k) else {
                return false;
            };
            match w.lower {
                Some((a, b)) => lower.get(a..b) == Some(part),
                None => {
                    let raw = text.as_bytes().get(w.range.0..w.range.1).unwrap_or(&[]);
                    part.len() == raw.len() && part.bytes().zip(raw).all(|(p, &r)| p == r | 0x20)
                }
            }
        };
        // True when `key` is words `from..to` joined by single spaces.
        let is_phrase = |key: &str, from: usize, to: usize| {
            let mut parts = key.split(' ');
            (from..to).all(|k| parts.next().is_some_and(|p| is_word(p, k)))
                && parts.next().is_none()
        };
        let n = words.len();
        // Whole line, numbers at either end aside ("12 Comments", "Share 0").
        let numeric = |k: usize| {
            words.get(k).is_some_and(|w| match w.lower {
                Some((a, b)) => lower.get(a..b).unwrap_or("").chars().all(char::is_numeric),
                None => text
                    .as_bytes()
                    .get(w.range.0..w.range.1)
                    .unwrap_or(&[])
                    .iter()
                    .all(u8::is_ascii_digit),
            })
        };
        let first = (0..n).position(|k| !numeric(k));
        let last = (0..n).rposition(|k| !numeric(k));
        if let (Some(a), Some(b)) = (first, last) {
            if b - a < MAX_LINE_WORDS {
                let mut h = PhraseHash::new();
                for w in words.get(a..=b).unwrap_or(&[]) {
                    h.push(w.hash);
                }
                if let Some(reason) = t.line.get(h, |k| is_phrase(k, a, b + 1)) {
                    return Some(Hit {
                        reason,
                        mode: Mode::Line,
                    });
                }
            }
            if n < START_MAX_WORDS {
                let mut h = PhraseHash::new();
                for (m, w) in words.iter().enumerate().skip(a).take(MAX_PHRASE_WORDS) {
                    h.push(w.hash);
                    if let Some(reason) = t.start.get(h, |k| is_phrase(k, a, m + 1)) {
                        return Some(Hit {
                            reason,
                            mode: Mode::Start,
                        });
                    }
                }
            }
        }
        if n <= END_MAX_WORDS && text.trim_end().ends_with(':') {
            for m in 1..=n.min(2) {
                let mut h = PhraseHash::new();
                for w in words.get(n - m..).unwrap_or(&[]) {
                    h.push(w.hash);
                }
                if let Some(reason) = t.end.get(h, |k| is_phrase(k, n - m, n)) {
                    return Some(Hit {
                        reason,
                        mode: Mode::End,
                    });
                }
            }
        }
        if n <= CREDIT_MAX_WORDS {
            if let Some(hit) = find_credit(t, text) {
                return Some(hit);
            }
        }
        if text.contains('©') {
            if let Some(reason) = t.copyright {
                return Some(Hit {
                    reason,
                    mode: Mode::Contains,
                });
            }
        }
        for (i, first) in words.iter().enumerate() {
            if !t.contains_first.may_contain(first.hash) {
                continue;
            }
            let mut h = PhraseHash::new();
            for (m, w) in words.iter().enumerate().skip(i).take(MAX_PHRASE_WORDS) {
                h.push(w.hash);
                if let Some(reason) = t.contains.get(h, |k| is_phrase(k, i, m + 1)) {
                    return Some(Hit {
                        reason,
                        mode: Mode::Contains,
                    });
                }
            }
        }
        None
    }
}

/// The credit at the end of a caption: the inside of a final parenthesis, or else the text after
/// the last sentence end, when it opens with a `credit` phrase and is short.
fn find_credit(t: &Table, text: &str) -> Option<Hit> {
    let body = text.trim_end();
    // `start` is where the credit begins in `text`.
    let (start, tail) = if let Some(inner) = body.strip_suffix(')') {
        let open = inner.rfind('(')? + 1;
        (open, inner.get(open..)?)
    } else {
        let body = body.trim_end_matches('.');
        let end = body.rfind(['.', '!', '?', '。'])?;
        let tail = body.get(end..)?.trim_start_matches(['.', '!', '?', '。']);
        (body.len() - tail.len(), tail)
    };
    if !text.get(..start)?.chars().any(char::is_alphanumeric) {
        return None; // the whole block is the credit: a `start` phrase names it
    }
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(CREDIT_TAIL_MAX_WORDS + 1);
    normalize::for_each_word(tail, |a, b| ranges.push((a, b)));
    if ranges.len() < 2 || ranges.len() > CREDIT_TAIL_MAX_WORDS {
        return None;
    }
    // The phrase (up to three words), then a colon: "Photo: …", "Crédit photo : …".
    let mut k = String::new();
    for (n, &(a, b)) in ranges.iter().take(3).enumerate() {
        if n > 0 {
            k.push(' ');
        }
        k.extend(tail.get(a..b)?.chars().flat_map(char::to_lowercase));
        let colon_next = tail.get(b..)?.trim_start().starts_with([':', '：']);
        if !colon_next {
            continue;
        }
        if let Some(reason) = t.credit.get_key(&k) {
            return Some(Hit {
                reason,
                mode: Mode::Credit,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_buttons_on_one_line() {
        // A banner's buttons, flattened to one line by innerText.
        assert_eq!(
            find("Accept all cookies Manage preferences").map(|h| h.reason),
            Some(Reason::Cookie)
        );
        assert_eq!(
            find("Accept cookies").map(|h| h.reason),
            Some(Reason::Cookie)
        );
    }

    #[test]
    fn caption_credits() {
        let hit = find("Club captain Sam Whitlock at the crease. (Photo: Daniel Reyes/Gazette)");
        assert_eq!(
            hit,
            Some(Hit {
                reason: Reason::Metadata,
                mode: Mode::Credit
            })
        );
        assert_eq!(
            find("Der alte Bahnhof im Frühjahr. Foto: Verkehrsverbund Oberland").map(|h| h.mode),
            Some(Mode::Credit)
        );
        // Prose that merely mentions a photo, and a sentence that ends in a parenthesis.
        assert_eq!(
            find("He showed the photo to the court (photo evidence was allowed) and left"),
            None
        );
        assert_eq!(
            find("The mayor (who took office in 2019) said the photo was real."),
            None
        );
        // A credit on its own line is a `start` match, not a caption's credit.
        assert_eq!(
            find("(Photo: Daniel Reyes/Gazette)").map(|h| h.mode),
            Some(Mode::Start)
        );
        assert_eq!(
            find("Fees went up again last year (credit card fees above all)"),
            None
        );
    }
}

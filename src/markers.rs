//! Marker phrases that name a boilerplate block ("You may also like", "Share this article",
//! "We use cookies"), read once from `src/data/markers.txt` (format in `src/data/README.md`).

use std::sync::LazyLock;

use crate::article::Reason;
use crate::normalize::{self, FastMap};

const MARKERS: &str = include_str!("data/markers.txt");

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

struct Table {
    line: FastMap<String, Reason>,
    start: FastMap<String, Reason>,
    end: FastMap<String, Reason>,
    contains: FastMap<String, Reason>,
    /// First words of the `contains` phrases: only positions starting with one are tried.
    contains_first: FastMap<String, ()>,
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
        line: FastMap::default(),
        start: FastMap::default(),
        end: FastMap::default(),
        contains: FastMap::default(),
        contains_first: FastMap::default(),
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
                t.contains_first.insert(first.to_string(), ());
            }
        }
        let map = match mode.trim() {
            "line" => &mut t.line,
            "start" => &mut t.start,
            "end" => &mut t.end,
            "contains" => &mut t.contains,
            _ => continue,
        };
        map.entry(k).or_insert(reason);
    }
    t
});

/// Finds the marker phrase that names `text`, if any: a whole-line match first, then a start
/// match (short blocks only), then a contained notice.
pub(crate) fn find(text: &str) -> Option<Hit> {
    let t = &*TABLE;
    let mut words: Vec<&str> = Vec::new();
    let mut owned = Vec::new();
    normalize::for_each_word(text, |a, b| owned.push(text[a..b].to_lowercase()));
    words.extend(owned.iter().map(String::as_str));
    // Whole line, numbers at either end aside ("12 Comments", "Share 0").
    let first = words
        .iter()
        .position(|w| !w.chars().all(|c| c.is_numeric()));
    let last = words
        .iter()
        .rposition(|w| !w.chars().all(|c| c.is_numeric()));
    if let (Some(a), Some(b)) = (first, last) {
        if b - a < MAX_LINE_WORDS {
            let k = words[a..=b].join(" ");
            if let Some(&reason) = t.line.get(&k) {
                return Some(Hit {
                    reason,
                    mode: Mode::Line,
                });
            }
        }
        if words.len() < START_MAX_WORDS {
            let mut k = String::new();
            for (n, w) in words[a..].iter().take(MAX_PHRASE_WORDS).enumerate() {
                if n > 0 {
                    k.push(' ');
                }
                k.push_str(w);
                if let Some(&reason) = t.start.get(&k) {
                    return Some(Hit {
                        reason,
                        mode: Mode::Start,
                    });
                }
            }
        }
    }
    if words.len() <= END_MAX_WORDS && text.trim_end().ends_with(':') {
        for n in 1..=words.len().min(2) {
            let k = words[words.len() - n..].join(" ");
            if let Some(&reason) = t.end.get(&k) {
                return Some(Hit {
                    reason,
                    mode: Mode::End,
                });
            }
        }
    }
    if text.contains('©') {
        if let Some(&reason) = t.contains.get("©") {
            return Some(Hit {
                reason,
                mode: Mode::Contains,
            });
        }
    }
    let mut k = String::new();
    for i in 0..words.len() {
        if !t.contains_first.contains_key(words[i]) {
            continue;
        }
        k.clear();
        for (n, w) in words[i..].iter().take(MAX_PHRASE_WORDS).enumerate() {
            if n > 0 {
                k.push(' ');
            }
            k.push_str(w);
            if let Some(&reason) = t.contains.get(&k) {
                return Some(Hit {
                    reason,
                    mode: Mode::Contains,
                });
            }
        }
    }
    None
}

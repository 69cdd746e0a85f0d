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
    line: FastMap<String, Reason>,
    start: FastMap<String, Reason>,
    end: FastMap<String, Reason>,
    contains: FastMap<String, Reason>,
    credit: FastMap<String, Reason>,
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
        credit: FastMap::default(),
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
            "credit" => &mut t.credit,
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
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    normalize::for_each_word(text, |a, b| ranges.push((a, b)));
    // The words lower-cased: slices of one lower-cased copy of the text when lower-casing keeps
    // every character's length (nearly always), else one String per word.
    let aligned = normalize::lower_aligned(text);
    let owned: Vec<String> = match aligned {
        Some(_) => Vec::new(),
        None => ranges
            .iter()
            .map(|&(a, b)| text[a..b].to_lowercase())
            .collect(),
    };
    let words: Vec<&str> = match &aligned {
        Some(l) => ranges
            .iter()
            .map(|&(a, b)| l.get(a..b).unwrap_or(""))
            .collect(),
        None => owned.iter().map(String::as_str).collect(),
    };
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
    if words.len() <= CREDIT_MAX_WORDS {
        if let Some(hit) = find_credit(t, text) {
            return Some(hit);
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
    let mut ranges: Vec<(usize, usize)> = Vec::new();
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
        if let Some(&reason) = t.credit.get(&k) {
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

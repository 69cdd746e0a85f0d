//! Where a text node sits in the HTML source. html5ever reports no byte offsets, only the line the
//! tokenizer was on, so each text node is located by searching its first and last ASCII words in
//! the source near that line, moving a cursor forward through the document. Entities and
//! whitespace differ between source and text, so a span is the range from the node's first word to
//! its last (extended by the text around them), not an exact mapping of every byte.
//!
//! Linear time: the cursor only moves forward, the search for a node's end is bounded by the node's
//! length, and failed searches draw on a budget proportional to the input; once it is spent, nodes
//! get the start of their line.

/// Locates text nodes in the source.
pub(crate) struct Locator<'a> {
    src: &'a str,
    /// Byte offset of the start of each line (index 0 = line 1).
    line_starts: Vec<usize>,
    cursor: usize,
    budget: usize,
}

/// The first run of 3+ ASCII letters and digits in `s` (or the first 1+ if there is none): its byte
/// range in `s`.
fn first_word(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut fallback = None;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() && i - start < 32 {
                i += 1;
            }
            if i - start >= 3 {
                return Some((start, i));
            }
            fallback.get_or_insert((start, i));
        } else {
            i += 1;
        }
    }
    fallback
}

/// The last run of 3+ ASCII letters and digits in `s` (or the last 1+).
fn last_word(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut fallback = None;
    let mut i = b.len();
    while i > 0 {
        if b[i - 1].is_ascii_alphanumeric() {
            let end = i;
            while i > 0 && b[i - 1].is_ascii_alphanumeric() && end - i < 32 {
                i -= 1;
            }
            if end - i >= 3 {
                return Some((i, end));
            }
            fallback.get_or_insert((i, end));
        } else {
            i -= 1;
        }
    }
    fallback
}

/// Where `needle` (a word of at most 32 bytes) first occurs in `hay`: its rarest byte is searched
/// with `memchr`, and the rest compared there (a substring searcher would cost more to set up than
/// the search of a short window).
fn find_word(hay: &[u8], needle: &[u8]) -> Option<usize> {
    // Rarer bytes rank lower: digits and capitals, then the less frequent lower-case letters.
    let rank = |c: u8| match c {
        b'0'..=b'9' | b'A'..=b'Z' => 0,
        b'j' | b'k' | b'q' | b'v' | b'w' | b'x' | b'y' | b'z' => 1,
        b'b' | b'f' | b'g' | b'm' | b'p' | b'u' => 2,
        b'c' | b'd' | b'h' | b'l' => 3,
        _ => 4,
    };
    let (k, &rare) = needle.iter().enumerate().min_by_key(|&(_, &c)| rank(c))?;
    let mut i = k;
    while let Some(p) = memchr::memchr(rare, hay.get(i..)?) {
        let at = i + p - k;
        if hay.get(at..at + needle.len()) == Some(needle) {
            return Some(at);
        }
        i += p + 1;
    }
    None
}

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Locator<'a> {
        // Lines end at `\n`, `\r\n` or a lone `\r`, as the tokenizer counts them.
        let mut line_starts = vec![0];
        let b = src.as_bytes();
        if memchr::memchr(b'\r', b).is_some() {
            for (i, &c) in b.iter().enumerate() {
                if c == b'\n' || c == b'\r' && b.get(i + 1) != Some(&b'\n') {
                    line_starts.push(i + 1);
                }
            }
        } else {
            line_starts.extend(memchr::memchr_iter(b'\n', b).map(|i| i + 1));
        }
        Locator {
            src,
            line_starts,
            cursor: 0,
            budget: 4 * src.len() + (1 << 20),
        }
    }

    fn line_start(&self, line: u32) -> usize {
        let i = (line as usize)
            .saturating_sub(1)
            .min(self.line_starts.len() - 1);
        self.line_starts[i]
    }

    /// Searches `needle` in `src[from..to]` (clamped to char boundaries), charging the budget when
    /// it fails.
    fn find(&mut self, needle: &str, from: usize, to: usize) -> Option<usize> {
        let to = to.min(self.src.len());
        if from >= to || self.budget == 0 {
            return None;
        }
        let (from, to) = (self.ceil(from), self.floor(to));
        let hay = self.src.get(from..to)?;
        let found = find_word(hay.as_bytes(), needle.as_bytes()).map(|p| from + p);
        if found.is_none() {
            self.budget = self.budget.saturating_sub(to - from);
        }
        found
    }

    /// The source range of a text node with decoded text `text`, created at `line`.
    pub fn locate(&mut self, text: &str, line: u32) -> (usize, usize) {
        let fallback = self.line_start(line).max(self.cursor).min(self.src.len());
        let Some((ws, we)) = first_word(text) else {
            return (fallback, fallback);
        };
        // The node starts on its line (or, for leading blank lines, a little after it).
        let window_end = self.line_start(line.saturating_add(3)).max(fallback) + 4096 + text.len();
        let lo = self.cursor;
        let (start, found) = match self.find(&text[ws..we], lo, window_end) {
            Some(p) => (p.saturating_sub(ws).max(lo), p),
            None => {
                self.cursor = fallback;
                return (fallback, fallback);
            }
        };
        // The end: the last word, searched after the point its offset implies (the source is at
        // least as long as the text between them, entities and line ends being longer).
        let end = match last_word(text) {
            Some((ls, le)) if ls > ws => {
                let from = start + ls.saturating_sub(ws) / 2;
                let to = start + 2 * text.len() + 256;
                match self.find(&text[ls..le], from.max(start), to) {
                    Some(p) => p + (le - ls) + (text.len() - le),
                    None => start + text.len(),
                }
            }
            _ => found + (text.len() - ws),
        };
        let end = end.min(self.src.len()).max(start);
        let (start, end) = (self.floor(start), self.floor(end));
        self.cursor = end;
        (start, end)
    }

    /// The nearest char boundary at or after `i`.
    fn ceil(&self, mut i: usize) -> usize {
        while i < self.src.len() && !self.src.is_char_boundary(i) {
            i += 1;
        }
        i.min(self.src.len())
    }

    /// The nearest char boundary at or before `i`.
    fn floor(&self, mut i: usize) -> usize {
        i = i.min(self.src.len());
        while i > 0 && !self.src.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nodes_in_order() {
        let src = "<p>Hello world</p>\n<p>Tom &amp; Jerry ran</p><p>Hello again</p>";
        let mut l = Locator::new(src);
        let (s, e) = l.locate("Hello world", 1);
        assert_eq!(&src[s..e], "Hello world");
        let (s, e) = l.locate("Tom & Jerry ran", 2);
        assert_eq!(&src[s..e], "Tom &amp; Jerry ran");
        let (s, e) = l.locate("Hello again", 2);
        assert_eq!(&src[s..e], "Hello again");
    }

    #[test]
    fn lines_end_as_the_tokenizer_counts_them() {
        let src = "<p>one</p>\r<p>two</p>\r\n<p>three</p>";
        let mut l = Locator::new(src);
        assert_eq!(l.line_start(2), src.find("<p>two").unwrap_or(0));
        assert_eq!(l.line_start(3), src.find("<p>three").unwrap_or(0));
        let (s, e) = l.locate("three", 3);
        assert_eq!(&src[s..e], "three");
    }

    #[test]
    fn finds_words_as_a_substring_search_does() {
        let hay = b"the cat sat on the mat; cats and Cat2 dogs xyz";
        for needle in [
            "the", "cat", "mat", "Cat2", "xyz", "dogs", "s", "t", "zz", "at", "a",
        ] {
            let want = hay
                .windows(needle.len())
                .position(|w| w == needle.as_bytes());
            assert_eq!(find_word(hay, needle.as_bytes()), want, "{needle}");
        }
        assert_eq!(find_word(b"", b"a"), None);
        assert_eq!(find_word(b"abc", b""), None);
    }

    #[test]
    fn words() {
        assert_eq!(first_word("  a, Bcd efg"), Some((5, 8)));
        assert_eq!(last_word("xyz, a!"), Some((0, 3)));
        assert_eq!(first_word("…"), None);
    }

    #[test]
    fn missing_text_falls_back_without_panicking() {
        let src = "é<p>x</p>";
        let mut l = Locator::new(src);
        assert_eq!(l.locate("nothing here", 1), (0, 0));
        let (s, e) = l.locate("x", 1);
        assert!(s <= e && e <= src.len());
    }
}

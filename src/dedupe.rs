//! Dedupe: each paragraph once.
//!
//! Passes over the content blocks in document order with hash maps, so the expected time is
//! linear in the input (never all pairs). A first pass computes every block's comparison key
//! (lower-cased words, see [`crate::normalize::key`]) and the word 4-gram shingle set of each
//! distinct key; then, block by block:
//! - **exact**: a key seen before in a block that stayed;
//! - **near / teaser**: each earlier block's shingles go into an inverted index (posting lists
//!   capped, so a shingle shared by many blocks costs a constant); a block's candidates are the
//!   blocks sharing shingles with it, scored by containment |S(a) ∩ S(b)| / |S(b)| (Broder 1997,
//!   "On the resemblance and containment of documents"). Both directions over the threshold: a
//!   near-duplicate (the first is kept). Only the shorter one contained: a teaser (the fuller one
//!   is kept, whichever comes first). Short teasers (too few words for shingles) are found by
//!   their first words and a prefix test. The index only ever holds shingles that another key
//!   has too ([`Shared`]): on text of new paragraphs that is almost none, so its time per MB is
//!   that of any other text.
//! - **repeated sentences**: a last pass over the kept blocks with a map of sentence keys cuts
//!   sentences already said in an earlier kept block.

use crate::article::{BlockKind, Reason};
use crate::block::{Block, Verdict};
use crate::normalize::{self, FastMap};

/// Shingle size in words.
const K: usize = 4;
/// Blocks with more words than this are compared exactly only.
const MAX_SHINGLE_WORDS: usize = 5_000;
/// Longest posting list kept per shingle.
const MAX_POSTING: u32 = 8;
/// Fewest words a block needs to be a teaser of another.
const MIN_TEASER_WORDS: usize = 5;
/// Fewest words a sentence needs to count as repeated.
const MIN_SENTENCE_WORDS: usize = 6;

/// Keys (byte strings) mapped to the first value given for each, the keys kept in one arena
/// string. Looked up by a 64-bit hash of the key and confirmed by comparing the key itself, so
/// the map is exact: a key whose hash another key already holds goes to `overflow`.
#[derive(Default)]
struct FirstSeen {
    arena: String,
    map: FastMap<u64, (usize, usize, usize)>,
    overflow: FastMap<String, usize>,
}

impl FirstSeen {
    fn with_capacity(keys: usize) -> Self {
        FirstSeen {
            map: FastMap::with_capacity_and_hasher(keys, Default::default()),
            ..FirstSeen::default()
        }
    }

    /// The value of `key`, whose hash is `h`.
    fn get(&self, h: u64, key: &str) -> Option<usize> {
        let &(a, b, v) = self.map.get(&h)?;
        if self.arena.get(a..b) == Some(key) {
            Some(v)
        } else {
            self.overflow.get(key).copied()
        }
    }

    /// Gives `key` (hash `h`) the value `v` unless it has one, and returns where the key now
    /// sits in [`FirstSeen::arena`] (`None` when it was there already).
    fn insert(&mut self, h: u64, key: &str, v: usize) -> Option<(usize, usize)> {
        if self.get(h, key).is_some() {
            return None;
        }
        let a = self.arena.len();
        self.arena.push_str(key);
        let b = self.arena.len();
        match self.map.entry(h) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((a, b, v));
            }
            std::collections::hash_map::Entry::Occupied(_) => {
                self.overflow.insert(key.to_string(), v);
            }
        }
        Some((a, b))
    }

    fn key(&self, span: (usize, usize)) -> &str {
        self.arena.get(span.0..span.1).unwrap_or("")
    }
}

/// Capped lists of block indices per 64-bit hash, in insertion order, all in one vector of links
/// (no allocation per list).
struct Postings {
    /// hash -> (first link, last link, length)
    heads: FastMap<u64, (u32, u32, u32)>,
    /// (block, next link or `NONE`)
    links: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl Postings {
    fn with_capacity(n: usize) -> Self {
        Postings {
            heads: FastMap::with_capacity_and_hasher(n, Default::default()),
            links: Vec::with_capacity(n),
        }
    }

    /// Appends `i` to the list of `h` unless that holds [`MAX_POSTING`] blocks already.
    fn push(&mut self, h: u64, i: usize) {
        let at = self.links.len() as u32;
        match self.heads.entry(h) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((at, at, 1));
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let (_, last, len) = e.get_mut();
                if *len >= MAX_POSTING {
                    return;
                }
                if let Some(l) = self.links.get_mut(*last as usize) {
                    l.1 = at;
                }
                *last = at;
                *len += 1;
            }
        }
        self.links.push((i as u32, NONE));
    }

    /// The first link of the list of `h` (`NONE` when there is none).
    fn first(&self, h: u64) -> u32 {
        self.heads.get(&h).map_or(NONE, |e| e.0)
    }

    /// The block of link `at` and the next link.
    fn link(&self, at: u32) -> Option<(usize, u32)> {
        self.links
            .get(at as usize)
            .map(|&(j, next)| (j as usize, next))
    }
}

/// What the first pass learns about each block: its comparison key and what follows from it.
/// Blocks with the same key share everything here (their first holder's copy).
#[derive(Clone, Copy)]
struct Keyed {
    /// The first block with the same key (itself when it is the first).
    first: usize,
    /// Words of its key (0: no key, the block is never compared).
    words: usize,
    /// Its key in [`Keys::distinct`]'s arena.
    key: (usize, usize),
    /// Its shingle set in [`Keys::shingles`]: `Some((0, 0))` under [`K`] words, `None` over
    /// [`MAX_SHINGLE_WORDS`].
    shingles: Option<(usize, usize)>,
    /// The hash of its first [`MIN_TEASER_WORDS`] words (0 with fewer).
    prefix: u64,
}

/// The first pass: every content block's key, and the shingle set of each distinct key.
struct Keys {
    /// Per block (`words == 0` for blocks that are not content or have no words).
    blocks: Vec<Keyed>,
    /// Every distinct key, once.
    distinct: FirstSeen,
    /// The shingle sets of the distinct keys, each sorted, one after another.
    shingles: Vec<u64>,
}

impl Keys {
    fn of(blocks: &[Block]) -> Keys {
        let content_words: usize = blocks
            .iter()
            .filter(|b| b.is_content())
            .map(|b| b.feat.words)
            .sum();
        let none = Keyed {
            first: 0,
            words: 0,
            key: (0, 0),
            shingles: None,
            prefix: 0,
        };
        let mut keys = Keys {
            blocks: vec![none; blocks.len()],
            distinct: FirstSeen::with_capacity(blocks.len()),
            shingles: Vec::with_capacity(content_words),
        };
        let mut key = String::new();
        let mut word_hashes: Vec<u64> = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            if !b.is_content() {
                continue;
            }
            key.clear();
            let words = normalize::key_into(&b.text, &mut key);
            if words == 0 {
                continue;
            }
            word_hashes.clear();
            hash_words(key.as_bytes(), &mut word_hashes);
            let kh = normalize::hash_seq(&word_hashes);
            if let Some(first) = keys.distinct.get(kh, &key) {
                keys.blocks[i] = keys.blocks[first];
                continue;
            }
            let Some(at) = keys.distinct.insert(kh, &key, i) else {
                continue;
            };
            let shingles = if (K..=MAX_SHINGLE_WORDS).contains(&words) {
                let from = keys.shingles.len();
                keys.shingles
                    .extend(word_hashes.windows(K).map(normalize::hash_seq));
                let set = keys.shingles.get_mut(from..).unwrap_or(&mut []);
                set.sort_unstable();
                let unique = dedup_sorted(set);
                keys.shingles.truncate(from + unique);
                Some((from, keys.shingles.len()))
            } else if words < K {
                Some((0, 0))
            } else {
                None
            };
            let prefix = match word_hashes.get(..MIN_TEASER_WORDS) {
                Some(p) => normalize::hash_seq(p),
                None => 0,
            };
            keys.blocks[i] = Keyed {
                first: i,
                words,
                key: at,
                shingles,
                prefix,
            };
        }
        keys
    }

    fn key(&self, i: usize) -> &str {
        self.distinct.key(self.blocks[i].key)
    }

    fn shingles(&self, i: usize) -> &[u64] {
        match self.blocks[i].shingles {
            Some((a, b)) => self.shingles.get(a..b).unwrap_or(&[]),
            None => &[],
        }
    }
}

/// Moves the distinct values of a sorted slice to its front; returns how many there are.
fn dedup_sorted(s: &mut [u64]) -> usize {
    let mut n = 0;
    for i in 0..s.len() {
        if n == 0 || s[i] != s[n - 1] {
            s[n] = s[i];
            n += 1;
        }
    }
    n
}

/// Which shingles occur in more than one distinct key: only those can make two blocks
/// candidates of each other, so only those go into the inverted index. On text whose
/// paragraphs share little (most pages, and large inputs of new text) that spares the index
/// almost every shingle, and a hash map of millions of shingles is slow to fill and to search.
///
/// Two blocked Bloom filters (Putze, Sanders and Singler 2007, "Cache-, hash- and
/// space-efficient Bloom filters": all bits of a key in one machine word): `once` holds every
/// shingle, `twice` every shingle found in `once` when added again. A shingle of two distinct
/// keys is always in `twice`; a false positive only costs an index lookup, so the result is
/// exact.
struct Shared {
    once: Vec<u64>,
    twice: Vec<u64>,
    mask: usize,
    /// Shingles added to `twice`.
    repeats: usize,
}

impl Shared {
    /// The filter of `shingles` (the concatenated sets of the distinct keys).
    fn of(shingles: &[u64]) -> Shared {
        // About eight bits per shingle in each filter (three bits set per shingle).
        let words = (shingles.len() / 8 + 1).next_power_of_two();
        let mut f = Shared {
            once: vec![0; words],
            twice: vec![0; words],
            mask: words - 1,
            repeats: 0,
        };
        for &h in shingles {
            let (w, bits) = f.slot(h);
            if let (Some(o), Some(t)) = (f.once.get_mut(w), f.twice.get_mut(w)) {
                if *o & bits == bits {
                    *t |= bits;
                    f.repeats += 1;
                }
                *o |= bits;
            }
        }
        f
    }

    /// The word of `h` and its three bits in it (the hashes are already well mixed).
    #[inline]
    fn slot(&self, h: u64) -> (usize, u64) {
        let w = (h >> 32) as usize & self.mask;
        let bits = 1 << (h & 63) | 1 << (h >> 6 & 63) | 1 << (h >> 12 & 63);
        (w, bits)
    }

    /// False when `h` is in one distinct key only; true when it may be in more.
    #[inline]
    fn may_be_shared(&self, h: u64) -> bool {
        let (w, bits) = self.slot(h);
        self.twice.get(w).is_some_and(|&t| t & bits == bits)
    }
}

/// A heading is never a teaser: it names a topic that the text under it, or a later heading,
/// may well repeat in longer words ("What is a heat pump?" before "What is a heat pump, and
/// how does it heat a house?"); a teaser repeats the story's own sentences.
fn can_tease(b: &Block) -> bool {
    b.kind != BlockKind::Heading
}

/// Marks duplicates among `Content` blocks. `threshold` is the containment threshold.
pub(crate) fn dedupe(blocks: &mut [Block], threshold: f64) {
    let n = blocks.len();
    let keys = Keys::of(blocks);
    let shared = Shared::of(&keys.shingles);
    let mut postings = Postings::with_capacity(2 * shared.repeats);
    let mut prefixes = Postings::with_capacity(n);
    // For each distinct key (by its first block): the first block with it that stayed.
    let mut kept_with_key: Vec<u32> = vec![NONE; n];
    // Blocks that share a shingle with another block that stayed in its turn.
    let mut shares = vec![false; n];
    let mut sizes: Vec<usize> = vec![0; n];
    let mut counts: Vec<u32> = vec![0; n];
    let mut touched: Vec<usize> = Vec::new();

    for i in 0..n {
        let k = keys.blocks[i];
        if k.words == 0 || !blocks[i].is_content() {
            continue;
        }
        if let Some(&j) = kept_with_key.get(k.first).filter(|&&j| j != NONE) {
            blocks[i].verdict = Verdict::Duplicate {
                of: j as usize,
                how: Reason::ExactDuplicate,
                rule: "same text as an earlier paragraph".into(),
            };
            continue;
        }
        let shingles = keys.shingles(i);
        sizes[i] = shingles.len();

        // Candidates by shared shingles.
        for &h in shingles {
            if !shared.may_be_shared(h) {
                continue;
            }
            let mut at = postings.first(h);
            while let Some((j, next)) = postings.link(at) {
                if let Some(s) = counts.get_mut(j) {
                    if *s == 0 {
                        touched.push(j);
                    }
                    *s += 1;
                }
                at = next;
            }
        }
        let mut decided = false;
        let mut best: Option<(usize, usize)> = None;
        for &j in &touched {
            let s = counts.get(j).map_or(0, |&s| s as usize);
            if !blocks[j].is_content() {
                continue;
            }
            if best.is_none_or(|(bj, bs)| s > bs || (s == bs && j < bj)) {
                best = Some((j, s));
            }
        }
        for &j in &touched {
            if let Some(s) = counts.get_mut(j) {
                *s = 0;
            }
        }
        if let Some((j, s)) = best {
            let c_i = s as f64 / sizes[i].max(1) as f64;
            let c_j = s as f64 / sizes[j].max(1) as f64;
            if c_i >= threshold && c_j >= threshold {
                blocks[i].verdict = Verdict::Duplicate {
                    of: j,
                    how: Reason::NearDuplicate,
                    rule: format!(
                        "{}% of its word 4-grams are in an earlier paragraph",
                        crate::whole_number(c_i * 100.0)
                    ),
                };
                decided = true;
            } else if c_i >= threshold && sizes[i] < sizes[j] && can_tease(&blocks[i]) {
                blocks[i].verdict = Verdict::Duplicate {
                    of: j,
                    how: Reason::Teaser,
                    rule: format!(
                        "{}% of it is inside a fuller earlier paragraph",
                        crate::whole_number(c_i * 100.0)
                    ),
                };
                decided = true;
            } else if c_j >= threshold && sizes[j] < sizes[i] && can_tease(&blocks[j]) {
                blocks[j].verdict = Verdict::Duplicate {
                    of: i,
                    how: Reason::Teaser,
                    rule: format!(
                        "teaser: {}% of it is inside a fuller later paragraph",
                        crate::whole_number(c_j * 100.0)
                    ),
                };
            }
        }
        // Short teasers: same first words and one key a prefix of the other.
        if !decided && k.words >= MIN_TEASER_WORDS && can_tease(&blocks[i]) {
            let mut at = prefixes.first(k.prefix);
            while let Some((j, next)) = prefixes.link(at) {
                at = next;
                if !blocks[j].is_content() {
                    continue;
                }
                let (kj, ki) = (keys.key(j), keys.key(i));
                if ki.len() < kj.len() && kj.starts_with(ki) {
                    blocks[i].verdict = Verdict::Duplicate {
                        of: j,
                        how: Reason::Teaser,
                        rule: "the start of a fuller earlier paragraph".into(),
                    };
                    decided = true;
                    break;
                }
                if kj.len() < ki.len() && ki.starts_with(kj) && can_tease(&blocks[j]) {
                    blocks[j].verdict = Verdict::Duplicate {
                        of: i,
                        how: Reason::Teaser,
                        rule: "teaser: the start of a fuller later paragraph".into(),
                    };
                }
            }
            if !decided {
                prefixes.push(k.prefix, i);
            }
        }
        if !decided {
            for &h in shingles {
                if shared.may_be_shared(h) {
                    postings.push(h, i);
                }
            }
            if let Some(first) = kept_with_key.get_mut(k.first) {
                *first = i as u32;
            }
            if !touched.is_empty() {
                shares[i] = true;
                for &j in &touched {
                    shares[j] = true;
                }
            }
        }
        touched.clear();
    }
    let resurrected = resolve_chains(blocks);
    // Which blocks may repeat a sentence of another (see `repeated_sentences`): those that share
    // a shingle with another, unless some block has no shingle set to tell.
    let candidate = |b: &Block, k: &Keyed| b.is_content() && k.words >= MIN_SENTENCE_WORDS;
    let unknown = resurrected
        || blocks
            .iter()
            .zip(&keys.blocks)
            .any(|(b, k)| candidate(b, k) && k.shingles.is_none());
    let may_repeat: Vec<bool> = blocks
        .iter()
        .zip(&keys.blocks)
        .zip(&shares)
        .map(|((b, k), &s)| candidate(b, k) && (s || unknown))
        .collect();
    repeated_sentences(blocks, &may_repeat);
}

/// Appends the hash of each word of `key` (words joined by single spaces) to `out`.
fn hash_words(key: &[u8], out: &mut Vec<u64>) {
    let mut start = 0;
    for (i, &b) in key.iter().enumerate() {
        if b == b' ' {
            out.push(normalize::hash_bytes(key.get(start..i).unwrap_or(&[])));
            start = i + 1;
        }
    }
    out.push(normalize::hash_bytes(key.get(start..).unwrap_or(&[])));
}

/// Points every duplicate at a kept block (a teaser's target may itself have turned out a
/// duplicate later). True when a block had to be kept instead (which the rules never cause).
fn resolve_chains(blocks: &mut [Block]) -> bool {
    let mut kept = false;
    for i in 0..blocks.len() {
        let Verdict::Duplicate { of, .. } = blocks[i].verdict else {
            continue;
        };
        let mut target = of;
        let mut steps = 0;
        while let Verdict::Duplicate { of: next, .. } = blocks[target].verdict {
            target = next;
            steps += 1;
            if steps > blocks.len() || target == i {
                break;
            }
        }
        if target == i || !blocks[target].is_content() {
            // A cycle cannot happen with the rules above; keep the block rather than lose it.
            blocks[i].verdict = Verdict::Content;
            kept = true;
        } else if let Verdict::Duplicate { of, .. } = &mut blocks[i].verdict {
            *of = target;
        }
    }
    kept
}

/// Cuts sentences of kept blocks that an earlier kept block already said.
///
/// Only blocks in `may_repeat` are split into sentences: those that share a word 4-gram with
/// another kept block (or all, when that is unknown). Two equal sentence keys of at least
/// [`MIN_SENTENCE_WORDS`] words have the same inner words (all but the first and last, which a
/// sentence boundary inside a word could clip), at least four of them in a row, and those are
/// words of each block in the same order — a shingle of both.
fn repeated_sentences(blocks: &mut [Block], may_repeat: &[bool]) {
    let mut seen = FirstSeen::default();
    let mut key = String::new();
    // Keys of the current block's new sentences: (hash, span in `pending`).
    let mut pending = String::new();
    let mut new_keys: Vec<(u64, usize, usize)> = Vec::new();
    for (i, block) in blocks.iter_mut().enumerate() {
        if !block.is_content() {
            continue;
        }
        if !may_repeat.get(i).copied().unwrap_or(true) {
            block.cuts = Vec::new();
            continue;
        }
        let ranges = crate::facts::sentences::split(&block.text);
        let mut cuts = Vec::new();
        pending.clear();
        new_keys.clear();
        for r in &ranges {
            key.clear();
            let words = normalize::key_into(block.text.get(r.start..r.end).unwrap_or(""), &mut key);
            if words < MIN_SENTENCE_WORDS {
                continue;
            }
            let h = normalize::hash_bytes(key.as_bytes());
            match seen.get(h, &key) {
                Some(j) if j != i => cuts.push((*r, j)),
                _ => {
                    let a = pending.len();
                    pending.push_str(&key);
                    new_keys.push((h, a, pending.len()));
                }
            }
        }
        if !cuts.is_empty() && cuts.len() == ranges.len() {
            block.verdict = Verdict::Duplicate {
                of: cuts[0].1,
                how: Reason::NearDuplicate,
                rule: "every sentence repeats earlier paragraphs".into(),
            };
            continue;
        }
        for &(h, a, b) in &new_keys {
            seen.insert(h, pending.get(a..b).unwrap_or(""), i);
        }
        block.cuts = cuts;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(texts: &[String]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block {
                text: t.clone(),
                ..Block::default()
            })
            .collect()
    }

    #[test]
    fn exact_near_and_repeated_sentences() {
        let s = "The council approved the new bridge over the river on Monday.";
        let mut b = blocks(&[
            format!("{s} Work on it starts in the spring, the mayor said."),
            "Residents had asked for a crossing for many years before the vote.".into(),
            format!("Officials said little about the cost. {s}"),
            "RESIDENTS had asked for a crossing — for many years before the vote!".into(),
            format!("Costs were not given. {}", s.to_uppercase()),
        ]);
        dedupe(&mut b, 0.8);
        assert!(b[0].is_content() && b[0].cuts.is_empty());
        assert!(b[1].is_content() && b[1].cuts.is_empty());
        // The repeated sentence is cut, whatever its case, and points at its first saying.
        for i in [2, 4] {
            assert!(b[i].is_content(), "{i}");
            assert_eq!(b[i].cuts.len(), 1, "{i}");
            let (cut, of) = b[i].cuts[0];
            assert_eq!(of, 0);
            assert!(b[i].text[cut.start..cut.end].eq_ignore_ascii_case(s));
        }
        assert!(matches!(
            b[3].verdict,
            Verdict::Duplicate {
                of: 1,
                how: Reason::ExactDuplicate,
                ..
            }
        ));
    }

    #[test]
    fn a_heading_is_no_teaser_but_a_paragraph_is() {
        let mut b = blocks(&[
            "What is a heat pump for a small flat".into(),
            "What is a heat pump for a small flat, and what does it cost to run?".into(),
            "Shorter winters ahead for the harbour town".into(),
            "Shorter winters ahead for the harbour town, the weather office said on Friday.".into(),
        ]);
        b[0].kind = BlockKind::Heading;
        b[1].kind = BlockKind::Heading;
        dedupe(&mut b, 0.8);
        // The headings stay, both: the first names a topic that the second takes further.
        assert!(b[0].is_content() && b[1].is_content());
        // The paragraph inside a fuller paragraph is a teaser, as before.
        assert!(matches!(
            b[2].verdict,
            Verdict::Duplicate {
                of: 3,
                how: Reason::Teaser,
                ..
            }
        ));
        assert!(b[3].is_content());
    }

    #[test]
    fn long_blocks_without_shingles_still_have_repeats_cut() {
        // A block over MAX_SHINGLE_WORDS has no shingle set: every block is then split.
        let s = "The council approved the new bridge over the river on Monday.";
        let long = format!("{s} {}", "Word ".repeat(MAX_SHINGLE_WORDS + 1));
        let mut b = blocks(&[long, format!("Few words here. {s}")]);
        dedupe(&mut b, 0.8);
        assert!(b[0].is_content());
        assert_eq!(b[1].cuts.len(), 1);
        assert_eq!(b[1].cuts[0].1, 0);
    }

    /// xorshift64 (Marsaglia 2003, "Xorshift RNGs").
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    /// A sentence of `n` made-up words (so that paragraphs share no 4-gram by chance).
    fn sentence(state: &mut u64, n: usize) -> String {
        let words: Vec<String> = (0..n)
            .map(|w| {
                let len = 3 + next(state) % 6;
                let word: String = (0..len)
                    .map(|_| char::from(b'a' + (next(state) % 26) as u8))
                    .collect();
                if w == 0 {
                    word.to_uppercase()
                } else {
                    word
                }
            })
            .collect();
        format!("{}.", words.join(" "))
    }

    #[test]
    fn duplicates_are_found_far_apart_among_new_paragraphs() {
        let mut state = 0x9e37_79b9_7f4a_7c15;
        let paragraphs: Vec<[String; 3]> = (0..3_000)
            .map(|_| [0; 3].map(|_| sentence(&mut state, 10)))
            .collect();
        let mut texts: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
        // Paragraph 5 with its last word changed; the first two sentences of paragraph 10; a new
        // sentence, then the second sentence of paragraph 20.
        let near = texts[5]
            .rsplit_once(' ')
            .map(|(a, _)| format!("{a} zzz."))
            .unwrap();
        texts.push(near);
        texts.push(format!("{} {}", paragraphs[10][0], paragraphs[10][1]));
        let new = sentence(&mut state, 10);
        texts.push(format!("{new} {}", paragraphs[20][1]));
        let mut b = blocks(&texts);
        for (block, text) in b.iter_mut().zip(&texts) {
            block.feat.words = text.split(' ').count();
        }
        dedupe(&mut b, 0.8);
        let n = paragraphs.len();
        assert!(b[..n].iter().all(|b| b.is_content() && b.cuts.is_empty()));
        assert!(matches!(
            b[n].verdict,
            Verdict::Duplicate {
                of: 5,
                how: Reason::NearDuplicate,
                ..
            }
        ));
        assert!(matches!(
            b[n + 1].verdict,
            Verdict::Duplicate {
                of: 10,
                how: Reason::Teaser,
                ..
            }
        ));
        assert!(b[n + 2].is_content());
        assert_eq!(b[n + 2].cuts.len(), 1);
        let (cut, of) = b[n + 2].cuts[0];
        assert_eq!(
            (&texts[n + 2][cut.start..cut.end], of),
            (paragraphs[20][1].as_str(), 20)
        );
    }

    #[test]
    fn the_shared_filter_holds_every_shingle_of_two_keys_and_few_others() {
        let mut state = 0x2545_f491_4f6c_dd1d;
        // 2,000 keys of 40 shingles; every tenth shingle of the first 500 keys in a second key.
        let mut shingles: Vec<u64> = (0..2_000 * 40).map(|_| next(&mut state)).collect();
        let repeated: Vec<u64> = shingles[..500 * 40].iter().step_by(10).copied().collect();
        shingles.extend(&repeated);
        let filter = Shared::of(&shingles);
        assert!(repeated.iter().all(|&h| filter.may_be_shared(h)));
        let once = shingles[..2_000 * 40]
            .iter()
            .filter(|h| !repeated.contains(h))
            .collect::<Vec<_>>();
        let flagged = once.iter().filter(|&&&h| filter.may_be_shared(h)).count();
        assert!(flagged * 20 < once.len(), "{flagged} of {}", once.len());
    }
}

//! Dedupe: each paragraph once.
//!
//! One pass over the content blocks in document order with hash maps, so the expected time is
//! linear in the input (never all pairs):
//! - **exact**: the comparison key (lower-cased words, see [`crate::normalize::key`]) seen before;
//! - **near / teaser**: word 4-gram shingles. Each earlier block's shingles go into an inverted
//!   index (posting lists capped, so a shingle shared by many blocks costs a constant); a block's
//!   candidates are the blocks sharing shingles with it, scored by containment
//!   |S(a) ∩ S(b)| / |S(b)| (Broder 1997, "On the resemblance and containment of documents").
//!   Both directions over the threshold: a near-duplicate (the first is kept). Only the shorter
//!   one contained: a teaser (the fuller one is kept, whichever comes first). Short teasers (too
//!   few words for shingles) are found by their first words and a prefix test.
//! - **repeated sentences**: a second pass over the kept blocks with a map of sentence keys cuts
//!   sentences already said in an earlier kept block.

use crate::article::Reason;
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

/// What the first pass learnt about a block, for the repeated-sentence pass.
#[derive(Clone, Copy)]
struct Seen {
    /// Words of its key.
    words: usize,
    /// Its shingle set in the shingle arena, when computed.
    shingles: Option<(usize, usize)>,
}

/// Marks duplicates among `Content` blocks. `threshold` is the containment threshold.
pub(crate) fn dedupe(blocks: &mut [Block], threshold: f64) {
    let n = blocks.len();
    let content_words: usize = blocks
        .iter()
        .filter(|b| b.is_content())
        .map(|b| b.feat.words)
        .sum();
    let mut exact = FirstSeen::with_capacity(n);
    let mut postings = Postings::with_capacity(content_words);
    let mut prefixes = Postings::with_capacity(n);
    // Where each kept block's key sits in `exact.arena`.
    let mut key_at: Vec<(usize, usize)> = vec![(0, 0); n];
    let mut sizes: Vec<usize> = vec![0; n];
    let mut seen: Vec<Seen> = vec![
        Seen {
            words: 0,
            shingles: None
        };
        n
    ];
    let mut shingle_arena: Vec<u64> = Vec::with_capacity(content_words);
    // Buffers reused from block to block.
    let mut key = String::new();
    let mut word_hashes: Vec<u64> = Vec::new();
    let mut shingles: Vec<u64> = Vec::new();
    let mut shared: Vec<u32> = vec![0; n];
    let mut touched: Vec<usize> = Vec::new();

    for i in 0..n {
        if !blocks[i].is_content() {
            continue;
        }
        key.clear();
        let words = normalize::key_into(&blocks[i].text, &mut key);
        seen[i].words = words;
        if words == 0 {
            continue;
        }
        word_hashes.clear();
        hash_words(key.as_bytes(), &mut word_hashes);
        let kh = normalize::hash_seq(&word_hashes);
        if let Some(j) = exact.get(kh, &key) {
            blocks[i].verdict = Verdict::Duplicate {
                of: j,
                how: Reason::ExactDuplicate,
                rule: "same text as an earlier paragraph".into(),
            };
            continue;
        }
        shingles.clear();
        if (K..=MAX_SHINGLE_WORDS).contains(&words) {
            shingles.extend(word_hashes.windows(K).map(normalize::hash_seq));
            shingles.sort_unstable();
            shingles.dedup();
            let from = shingle_arena.len();
            shingle_arena.extend_from_slice(&shingles);
            seen[i].shingles = Some((from, shingle_arena.len()));
        } else if words < K {
            seen[i].shingles = Some((0, 0));
        }
        sizes[i] = shingles.len();

        // Candidates by shared shingles.
        for &h in &shingles {
            let mut at = postings.first(h);
            while let Some((j, next)) = postings.link(at) {
                if let Some(s) = shared.get_mut(j) {
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
            let s = shared.get(j).map_or(0, |&s| s as usize);
            if !blocks[j].is_content() {
                continue;
            }
            if best.is_none_or(|(bj, bs)| s > bs || (s == bs && j < bj)) {
                best = Some((j, s));
            }
        }
        for &j in &touched {
            if let Some(s) = shared.get_mut(j) {
                *s = 0;
            }
        }
        touched.clear();
        if let Some((j, s)) = best {
            let c_i = s as f64 / sizes[i].max(1) as f64;
            let c_j = s as f64 / sizes[j].max(1) as f64;
            if c_i >= threshold && c_j >= threshold {
                blocks[i].verdict = Verdict::Duplicate {
                    of: j,
                    how: Reason::NearDuplicate,
                    rule: format!(
                        "{:.0}% of its word 4-grams are in an earlier paragraph",
                        c_i * 100.0
                    ),
                };
                decided = true;
            } else if c_i >= threshold && sizes[i] < sizes[j] {
                blocks[i].verdict = Verdict::Duplicate {
                    of: j,
                    how: Reason::Teaser,
                    rule: format!(
                        "{:.0}% of it is inside a fuller earlier paragraph",
                        c_i * 100.0
                    ),
                };
                decided = true;
            } else if c_j >= threshold && sizes[j] < sizes[i] {
                blocks[j].verdict = Verdict::Duplicate {
                    of: i,
                    how: Reason::Teaser,
                    rule: format!(
                        "teaser: {:.0}% of it is inside a fuller later paragraph",
                        c_j * 100.0
                    ),
                };
            }
        }
        // Short teasers: same first words and one key a prefix of the other.
        if !decided && words >= MIN_TEASER_WORDS {
            let ph = normalize::hash_seq(word_hashes.get(..MIN_TEASER_WORDS).unwrap_or(&[]));
            let mut at = prefixes.first(ph);
            while let Some((j, next)) = prefixes.link(at) {
                at = next;
                if !blocks[j].is_content() {
                    continue;
                }
                let (kj, ki) = (exact.key(key_at[j]), key.as_str());
                if ki.len() < kj.len() && kj.starts_with(ki) {
                    blocks[i].verdict = Verdict::Duplicate {
                        of: j,
                        how: Reason::Teaser,
                        rule: "the start of a fuller earlier paragraph".into(),
                    };
                    decided = true;
                    break;
                }
                if kj.len() < ki.len() && ki.starts_with(kj) {
                    blocks[j].verdict = Verdict::Duplicate {
                        of: i,
                        how: Reason::Teaser,
                        rule: "teaser: the start of a fuller later paragraph".into(),
                    };
                }
            }
            if !decided {
                prefixes.push(ph, i);
            }
        }
        if decided {
            continue;
        }
        for &h in &shingles {
            postings.push(h, i);
        }
        if let Some(span) = exact.insert(kh, &key, i) {
            key_at[i] = span;
        }
    }
    resolve_chains(blocks);
    repeated_sentences(blocks, &seen, &shingle_arena);
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
/// duplicate later).
fn resolve_chains(blocks: &mut [Block]) {
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
        } else if let Verdict::Duplicate { of, .. } = &mut blocks[i].verdict {
            *of = target;
        }
    }
}

/// Cuts sentences of kept blocks that an earlier kept block already said.
///
/// Only blocks that share a word 4-gram with another kept block are split into sentences: two
/// equal sentence keys of at least [`MIN_SENTENCE_WORDS`] words have the same inner words (all
/// but the first and last, which a sentence boundary inside a word could clip), at least four of
/// them in a row, and those are words of each block in the same order — a shingle of both.
fn repeated_sentences(blocks: &mut [Block], seen_blocks: &[Seen], shingle_arena: &[u64]) {
    let may_repeat = blocks_that_may_repeat(blocks, seen_blocks, shingle_arena);
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

/// For each block, whether a sentence of it may repeat one of another kept block (see
/// [`repeated_sentences`]): it has enough words and shares a shingle with another kept block, or
/// some kept block has no shingle set to tell (then every block may).
fn blocks_that_may_repeat(blocks: &[Block], seen: &[Seen], shingle_arena: &[u64]) -> Vec<bool> {
    let candidates = || {
        blocks
            .iter()
            .zip(seen)
            .map(|(b, s)| b.is_content() && s.words >= MIN_SENTENCE_WORDS)
    };
    let mut count: FastMap<u64, u32> =
        FastMap::with_capacity_and_hasher(shingle_arena.len(), Default::default());
    for (c, s) in candidates().zip(seen) {
        if !c {
            continue;
        }
        let Some((a, b)) = s.shingles else {
            return candidates().collect();
        };
        for &h in shingle_arena.get(a..b).unwrap_or(&[]) {
            *count.entry(h).or_insert(0) += 1;
        }
    }
    candidates()
        .zip(seen)
        .map(|(c, s)| {
            c && s.shingles.is_some_and(|(a, b)| {
                shingle_arena
                    .get(a..b)
                    .unwrap_or(&[])
                    .iter()
                    .any(|h| count.get(h).is_some_and(|&n| n >= 2))
            })
        })
        .collect()
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
}

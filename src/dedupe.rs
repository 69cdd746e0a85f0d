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
const MAX_POSTING: usize = 8;
/// Fewest words a block needs to be a teaser of another.
const MIN_TEASER_WORDS: usize = 5;
/// Fewest words a sentence needs to count as repeated.
const MIN_SENTENCE_WORDS: usize = 6;

/// Marks duplicates among `Content` blocks. `threshold` is the containment threshold.
pub(crate) fn dedupe(blocks: &mut [Block], threshold: f64) {
    let mut exact: FastMap<String, usize> = FastMap::default();
    let mut postings: FastMap<u64, Vec<usize>> = FastMap::default();
    let mut prefixes: FastMap<u64, Vec<usize>> = FastMap::default();
    let mut keys: Vec<String> = vec![String::new(); blocks.len()];
    let mut sizes: Vec<usize> = vec![0; blocks.len()];

    for i in 0..blocks.len() {
        if !blocks[i].is_content() {
            continue;
        }
        let key = normalize::key(&blocks[i].text);
        if key.is_empty() {
            continue;
        }
        if let Some(&j) = exact.get(&key) {
            blocks[i].verdict = Verdict::Duplicate {
                of: j,
                how: Reason::ExactDuplicate,
                rule: "same text as an earlier paragraph".into(),
            };
            continue;
        }
        let words: Vec<&str> = key.split(' ').collect();
        let shingles = if words.len() >= K && words.len() <= MAX_SHINGLE_WORDS {
            shingle_set(&words)
        } else {
            Vec::new()
        };
        sizes[i] = shingles.len();

        // Candidates by shared shingles.
        let mut shared: FastMap<usize, usize> = FastMap::default();
        for h in &shingles {
            if let Some(list) = postings.get(h) {
                for &j in list {
                    *shared.entry(j).or_insert(0) += 1;
                }
            }
        }
        let mut decided = false;
        let mut best: Option<(usize, usize)> = None;
        for (&j, &s) in &shared {
            if !blocks[j].is_content() {
                continue;
            }
            if best.is_none_or(|(bj, bs)| s > bs || (s == bs && j < bj)) {
                best = Some((j, s));
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
        if !decided && words.len() >= MIN_TEASER_WORDS {
            let ph = normalize::hash_words(&words[..MIN_TEASER_WORDS]);
            if let Some(list) = prefixes.get(&ph) {
                for &j in list.iter() {
                    if !blocks[j].is_content() {
                        continue;
                    }
                    let (kj, ki) = (&keys[j], &key);
                    if ki.len() < kj.len() && kj.starts_with(ki.as_str()) {
                        blocks[i].verdict = Verdict::Duplicate {
                            of: j,
                            how: Reason::Teaser,
                            rule: "the start of a fuller earlier paragraph".into(),
                        };
                        decided = true;
                        break;
                    }
                    if kj.len() < ki.len() && ki.starts_with(kj.as_str()) {
                        blocks[j].verdict = Verdict::Duplicate {
                            of: i,
                            how: Reason::Teaser,
                            rule: "teaser: the start of a fuller later paragraph".into(),
                        };
                    }
                }
            }
            if !decided {
                let list = prefixes.entry(ph).or_default();
                if list.len() < MAX_POSTING {
                    list.push(i);
                }
            }
        }
        if decided {
            continue;
        }
        for h in shingles {
            let list = postings.entry(h).or_default();
            if list.len() < MAX_POSTING {
                list.push(i);
            }
        }
        exact.insert(key.clone(), i);
        keys[i] = key;
    }
    resolve_chains(blocks);
    repeated_sentences(blocks);
}

/// The distinct hashes of the word 4-grams.
fn shingle_set(words: &[&str]) -> Vec<u64> {
    let mut v: Vec<u64> = words.windows(K).map(normalize::hash_words).collect();
    v.sort_unstable();
    v.dedup();
    v
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
fn repeated_sentences(blocks: &mut [Block]) {
    let mut seen: FastMap<String, usize> = FastMap::default();
    for (i, block) in blocks.iter_mut().enumerate() {
        if !block.is_content() {
            continue;
        }
        let ranges = crate::facts::sentences::split(&block.text);
        let mut cuts = Vec::new();
        let mut new_keys = Vec::new();
        for r in &ranges {
            let k = normalize::key(&block.text[r.start..r.end]);
            if k.split(' ').count() < MIN_SENTENCE_WORDS {
                continue;
            }
            match seen.get(&k) {
                Some(&j) if j != i => cuts.push((*r, j)),
                _ => new_keys.push(k),
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
        for k in new_keys {
            seen.entry(k).or_insert(i);
        }
        block.cuts = cuts;
    }
}

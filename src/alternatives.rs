//! Alternatives: the other runs of prose on the page that were not taken for the article.
//!
//! When the wrong part of a page was picked (a short article beside a long reader comment, an
//! interview whose answers a sidebar outweighed, a page that is not an article at all), a reader
//! wants the next-best part of the page. This module names those parts from the decisions already
//! made, without deciding anything again: a candidate is a maximal run of consecutive blocks removed
//! as boilerplate (a kept block or a duplicate ends a run), from its first paragraph-sized block
//! that ends like a sentence to its last, scored by the words of those paragraphs. Runs with too
//! little running text are not candidates. One pass over the blocks, keeping the best few: linear
//! in the page.

use crate::article::{Alternative, Reason};
use crate::block::{Block, Verdict};

/// At most this many alternatives are reported, best first.
pub(crate) const MAX_ALTERNATIVES: usize = 3;
/// A run needs at least this many words of running text to be a candidate.
const MIN_WORDS: usize = 40;
/// ... in at least this many paragraphs.
const MIN_PARAGRAPHS: usize = 2;

/// Words of running text in a block: its words when it reads as a paragraph, else 0.
fn prose_words(b: &Block) -> usize {
    let paragraph = b.feat.terminal && (b.feat.words >= 8 || b.feat.unspaced && b.feat.chars >= 30);
    // (Each CJK character counts as a word.)
    if paragraph {
        b.feat.words
    } else {
        0
    }
}

/// A run being gathered.
#[derive(Default)]
struct Run {
    /// Indices into `Article.removed`, and whether each reads as a paragraph.
    removed: Vec<(usize, bool)>,
    words: usize,
    paragraphs: usize,
    /// Words of running text by reason, for the reason the run lost for.
    by_reason: Vec<(Reason, usize)>,
    /// The rule of the wordiest block.
    rule: (usize, String),
}

impl Run {
    fn add(&mut self, removed_index: usize, b: &Block, reason: Reason, rule: &str) {
        let w = prose_words(b);
        self.removed.push((removed_index, w > 0));
        if w == 0 {
            return;
        }
        self.words += w;
        self.paragraphs += 1;
        match self.by_reason.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, n)) => *n += w,
            None => self.by_reason.push((reason, w)),
        }
        if w > self.rule.0 {
            self.rule = (w, rule.to_string());
        }
    }

    fn finish(self) -> Option<Alternative> {
        if self.words < MIN_WORDS || self.paragraphs < MIN_PARAGRAPHS {
            return None;
        }
        let reason = self
            .by_reason
            .iter()
            .max_by_key(|(_, n)| *n)
            .map_or(Reason::Boilerplate, |(r, _)| *r);
        // From its first paragraph to its last: the menus and headers around it are not part of
        // it, the short lines between its paragraphs (subheadings, names) are.
        let first = self.removed.iter().position(|r| r.1).unwrap_or(0);
        let last = self.removed.iter().rposition(|r| r.1).unwrap_or(0);
        Some(Alternative {
            removed: self.removed[first..=last].iter().map(|r| r.0).collect(),
            words: self.words,
            paragraphs: self.paragraphs,
            reason,
            rule: self.rule.1,
        })
    }
}

/// The alternatives of a page whose blocks are decided. `removed_of[i]` is the index in
/// `Article.removed` of block `i` when it was removed as boilerplate.
pub(crate) fn find(blocks: &[Block], removed_of: &[Option<usize>]) -> Vec<Alternative> {
    let mut best: Vec<Alternative> = Vec::with_capacity(MAX_ALTERNATIVES + 1);
    let mut keep = |alt: Option<Alternative>| {
        let Some(alt) = alt else { return };
        // Insert in order (words descending, earlier first on ties); drop past the cap.
        let at = best.partition_point(|b| b.words >= alt.words);
        if at < MAX_ALTERNATIVES {
            best.insert(at, alt);
            best.truncate(MAX_ALTERNATIVES);
        }
    };
    let mut run = Run::default();
    for (b, r) in blocks.iter().zip(removed_of) {
        match (&b.verdict, r) {
            (Verdict::Boilerplate(reason, rule), Some(k)) => run.add(*k, b, *reason, rule),
            _ => keep(std::mem::take(&mut run).finish()),
        }
    }
    keep(run.finish());
    best
}

//! The block scorer: a small ensemble of regression trees (gradient boosting, Friedman 2001,
//! "Greedy function approximation: a gradient boosting machine") that rates each block as part of
//! the article or not, from the features every block has: its text features, the structural
//! features HTML gives (absent for plain text), what the rules of [`crate::boilerplate`] decided
//! and found (local class, marker phrase, verdict) and the same for its neighbours.
//!
//! The trees are data (`src/data/blocks.model`, written by `scripts/train-blocks.py` from the
//! tune halves of the dev sets; format in `src/data/README.md`), evaluated here with plain
//! comparisons and additions in `f64`, so a page gets the same verdicts natively and in
//! WebAssembly. No feature is missing: what a block does not have (HTML structure on a text
//! block) is `-1`, below every real value.

use std::sync::LazyLock;

use crate::article::{BlockKind, Reason};
use crate::block::{Block, Verdict};

const SHIPPED_TEXT: &str = include_str!("data/blocks.model");

/// The model shipped in the crate, parsed on first use (`None` if it does not parse: then the
/// rules alone decide; a unit test keeps that from happening).
pub(crate) static SHIPPED: LazyLock<Option<Forest>> =
    LazyLock::new(|| Forest::parse(SHIPPED_TEXT).ok());

/// A tree ensemble: the sum of its trees' leaves is a log-odds that the block is content.
#[derive(Clone, Debug)]
pub struct Forest {
    trees: Vec<Complete>,
    /// Content when the sum is above this.
    threshold: f64,
    /// How far above `threshold` the sum must be to bring back an HTML block the rules removed
    /// (0: the scorer overrules them both ways alike).
    bring_back: f64,
    /// The second pass for blocks without markup (plain text): trees over the same features
    /// and [`CONTEXT_NAMES`], what the first pass made of the neighbours. Their sum replaces the
    /// first pass's for those blocks.
    second: Vec<Complete>,
    threshold2: f64,
}

/// A tree as the file gives it.
#[derive(Clone, Debug)]
struct Tree {
    nodes: Vec<Node>,
    leaves: Vec<f64>,
}

/// `x[feature] <= threshold` goes left. A child `>= 0` is a node, `< 0` the leaf `!child`.
#[derive(Clone, Copy, Debug)]
struct Node {
    feature: u16,
    threshold: f64,
    left: i32,
    right: i32,
}

impl Forest {
    /// Reads the text format of `src/data/README.md`. The feature names must be [`NAMES`], in
    /// order: a model trained on other features is refused.
    pub fn parse(text: &str) -> Result<Forest, String> {
        let mut first: Vec<Tree> = Vec::new();
        let mut second: Vec<Tree> = Vec::new();
        let mut in_second = false;
        let (mut threshold, mut threshold2) = (0.0, 0.0);
        let mut bring_back = 0.0;
        let mut names_ok = false;
        for (no, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("block model line {}: {line:?}", no + 1);
            let mut parts = line.split_ascii_whitespace();
            match parts.next() {
                Some("features") => {
                    let names: Vec<&str> = parts.collect();
                    if names != NAMES {
                        return Err("block model: its features are not this build's".into());
                    }
                    names_ok = true;
                }
                Some("threshold") => {
                    let t = parts.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
                    if in_second {
                        threshold2 = t;
                    } else {
                        threshold = t;
                    }
                }
                Some("bring_back") => {
                    bring_back = parts
                        .next()
                        .and_then(|v| v.parse::<f64>().ok())
                        .filter(|v| v.is_finite() && *v >= 0.0)
                        .ok_or_else(bad)?;
                }
                Some("second") => {
                    let names: Vec<&str> = parts.collect();
                    if names != CONTEXT_NAMES {
                        return Err("block model: its second pass reads other features".into());
                    }
                    in_second = true;
                }
                Some("tree") => (if in_second { &mut second } else { &mut first }).push(Tree {
                    nodes: Vec::new(),
                    leaves: Vec::new(),
                }),
                Some("n") => {
                    let mut f = || parts.next().ok_or_else(bad);
                    let feature: u16 = f()?.parse().map_err(|_| bad())?;
                    let thr: f64 = f()?.parse().map_err(|_| bad())?;
                    let left: i32 = f()?.parse().map_err(|_| bad())?;
                    let right: i32 = f()?.parse().map_err(|_| bad())?;
                    let limit = NAMES.len() + if in_second { CONTEXT_NAMES.len() } else { 0 };
                    if usize::from(feature) >= limit {
                        return Err(bad());
                    }
                    let trees = if in_second { &mut second } else { &mut first };
                    let t = trees.last_mut().ok_or_else(bad)?;
                    t.nodes.push(Node {
                        feature,
                        threshold: thr,
                        left,
                        right,
                    });
                }
                Some("l") => {
                    let trees = if in_second { &mut second } else { &mut first };
                    let t = trees.last_mut().ok_or_else(bad)?;
                    for v in parts {
                        t.leaves.push(v.parse().map_err(|_| bad())?);
                    }
                }
                _ => return Err(bad()),
            }
        }
        if !names_ok || first.is_empty() {
            return Err("block model: no features line or no trees".into());
        }
        // Every child must point at a node or leaf of its tree, and every node lie on a path
        // that ends (children after their parent), so evaluation always stops.
        for t in first.iter().chain(&second) {
            let ok_child = |i: usize, c: i32| {
                if c >= 0 {
                    (c as usize) > i && (c as usize) < t.nodes.len()
                } else {
                    ((!c) as usize) < t.leaves.len()
                }
            };
            let fine = if t.nodes.is_empty() {
                t.leaves.len() == 1
            } else {
                t.nodes
                    .iter()
                    .enumerate()
                    .all(|(i, n)| ok_child(i, n.left) && ok_child(i, n.right))
            };
            if !fine {
                return Err("block model: a tree points outside itself".into());
            }
        }
        let complete = |trees: &[Tree]| -> Result<Vec<Complete>, String> {
            trees.iter().map(Complete::of).collect()
        };
        Ok(Forest {
            trees: complete(&first)?,
            threshold,
            bring_back,
            second: complete(&second)?,
            threshold2,
        })
    }

    /// For each block (rows of [`NUM_FEATURES`] in `x`), the log-odds that it is content less
    /// the threshold: content when positive. `plain[i]` is true for a block without markup,
    /// which the second pass rates again from its neighbours' first ratings.
    pub(crate) fn margins(&self, x: &[f32], plain: &[bool]) -> Vec<f64> {
        let first: Vec<f64> = x
            .chunks_exact(NUM_FEATURES)
            .map(|row| sum_trees(&self.trees, row))
            .collect();
        let mut out: Vec<f64> = first.iter().map(|m| m - self.threshold).collect();
        if self.second.is_empty() {
            return out;
        }
        let mut row = [0f32; NUM_FEATURES + NUM_CONTEXT];
        for (i, o) in out.iter_mut().enumerate() {
            if !plain.get(i).copied().unwrap_or(false) {
                continue;
            }
            let Some(base) = x.get(i * NUM_FEATURES..(i + 1) * NUM_FEATURES) else {
                continue;
            };
            row[..NUM_FEATURES].copy_from_slice(base);
            row[NUM_FEATURES..].copy_from_slice(&context(&first, x, i));
            *o = sum_trees(&self.second, &row) - self.threshold2;
        }
        out
    }

    /// The margin (see [`Forest::margins`]) an HTML block the rules removed needs to be brought
    /// back.
    pub(crate) fn bring_back(&self) -> f64 {
        self.bring_back
    }

    /// The first pass's rating of one block (the threshold subtracted).
    #[cfg(test)]
    fn margin(&self, x: &[f32]) -> f64 {
        sum_trees(&self.trees, x) - self.threshold
    }
}

/// What the first pass made of a block's neighbours: [`CONTEXT_NAMES`]. Ratings are clipped to
/// ±8; a neighbour past the end of the page is the nearest block there is.
fn context(first: &[f64], x: &[f32], i: usize) -> [f32; NUM_CONTEXT] {
    let n = first.len();
    let m = |j: usize| first.get(j).map_or(0.0, |v| v.clamp(-8.0, 8.0));
    let at = |d: isize| m(i.saturating_add_signed(d).min(n.saturating_sub(1)));
    let words = |j: usize| f64::from(x.get(j * NUM_FEATURES).copied().unwrap_or(0.0));
    let (lo, hi) = (i.saturating_sub(5), (i + 6).min(n));
    let (mut sum, mut weight) = (0.0, 0.0);
    for j in (lo..hi).filter(|&j| j != i) {
        sum += m(j) * words(j);
        weight += words(j);
    }
    let own = m(i);
    let window = if weight > 0.0 { sum / weight } else { own };
    [
        at(-1) as f32,
        at(1) as f32,
        at(-2) as f32,
        at(2) as f32,
        window as f32,
        own as f32,
    ]
}

/// Deepest tree a model may have (a complete tree of this depth has 1,023 nodes).
const MAX_DEPTH: u32 = 10;

/// A tree made complete: every path is `depth` comparisons long (a leaf above that depth is
/// repeated below comparisons that lead to it either way), so evaluation is a fixed number of
/// steps without a branch the processor must guess — most of the cost of a small tree.
#[derive(Clone, Debug)]
struct Complete {
    depth: u32,
    /// Node `k` (breadth first: children `2k + 1`, `2k + 2`).
    features: Vec<u16>,
    /// The largest `f32` at most the node's threshold: `x <= it` exactly when `x as f64 <= t`.
    thresholds: Vec<f32>,
    leaves: Vec<f64>,
}

impl Complete {
    fn of(t: &Tree) -> Result<Complete, String> {
        fn depth(t: &Tree, at: i32) -> u32 {
            match t.nodes.get(at.max(0) as usize) {
                Some(n) if at >= 0 => 1 + depth(t, n.left).max(depth(t, n.right)),
                _ => 0,
            }
        }
        let root = if t.nodes.is_empty() { -1 } else { 0 };
        let d = depth(t, root);
        if d > MAX_DEPTH {
            return Err("block model: a tree is too deep".into());
        }
        let mut c = Complete {
            depth: d,
            features: vec![0; (1 << d) - 1],
            thresholds: vec![f32::INFINITY; (1 << d) - 1],
            leaves: vec![0.0; 1 << d],
        };
        // (node or leaf of `t`, slot in `c`, level of the slot)
        let mut stack = vec![(root, 0usize, 0u32)];
        while let Some((at, slot, level)) = stack.pop() {
            match t.nodes.get(at.max(0) as usize) {
                Some(n) if at >= 0 => {
                    c.features[slot] = n.feature;
                    c.thresholds[slot] = f32_at_most(n.threshold);
                    stack.push((n.left, 2 * slot + 1, level + 1));
                    stack.push((n.right, 2 * slot + 2, level + 1));
                }
                _ => {
                    let v = t.leaves.get((!at) as usize).copied().unwrap_or(0.0);
                    // Every leaf slot under this one: a run of 2^(d - level) slots.
                    let below = d - level;
                    let first = ((slot + 1) << below) - 1 - ((1 << d) - 1);
                    for l in c.leaves.iter_mut().skip(first).take(1 << below) {
                        *l = v;
                    }
                }
            }
        }
        Ok(c)
    }

    #[inline]
    fn eval(&self, x: &[f32]) -> f64 {
        let mut k = 0usize;
        for _ in 0..self.depth {
            let (Some(&f), Some(&t)) = (self.features.get(k), self.thresholds.get(k)) else {
                break;
            };
            let v = match x.get(usize::from(f)) {
                Some(&v) => v,
                None => -1.0,
            };
            // Right unless `v <= t` (NaN goes right, as `!(v <= t)`).
            let right = v
                .partial_cmp(&t)
                .is_none_or(|o| o == std::cmp::Ordering::Greater);
            k = 2 * k + 1 + usize::from(right);
        }
        let first_leaf = (1usize << self.depth) - 1;
        match self.leaves.get(k.wrapping_sub(first_leaf)) {
            Some(&v) => v,
            None => 0.0,
        }
    }
}

/// The largest `f32` that is at most `t`.
fn f32_at_most(t: f64) -> f32 {
    let r = t as f32;
    if r.is_nan() || f64::from(r) <= t {
        return r;
    }
    // One step down: `r` is above `t`, so not -inf.
    if r == 0.0 {
        -f32::from_bits(1)
    } else if r > 0.0 {
        f32::from_bits(r.to_bits() - 1)
    } else {
        f32::from_bits(r.to_bits() + 1)
    }
}

/// The sum of the trees' leaves for one row of features.
fn sum_trees(trees: &[Complete], x: &[f32]) -> f64 {
    trees.iter().map(|t| t.eval(x)).sum()
}

/// What the rules found about one block, for its features.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RuleView {
    /// jusText class: 0 good, 1 near-good, 2 short, 3 bad.
    pub class: u8,
    /// The reason and mode (0..5) of the marker phrase in it, if any.
    pub hit: Option<(Reason, u8)>,
    /// Inside a box that markers name on both sides.
    pub boxed: bool,
    /// A date, time or breadcrumb line.
    pub metadata_like: bool,
}

/// The features, by name, in the order of the vector [`features`] fills.
pub const NAMES: [&str; NUM_FEATURES] = [
    "words",
    "chars",
    "stop_ratio",
    "terminal",
    "title_ratio",
    "sentences",
    "digit_ratio",
    "gap_before",
    "bullet",
    "unspaced",
    "link_density",
    "links",
    "kind",
    "heading_level",
    "hint",
    "outer_hint",
    "in_article_markup",
    "has_main",
    "in_main",
    "hit_reason",
    "hit_mode",
    "class",
    "verdict",
    "boxed",
    "metadata_like",
    "region_distance",
    "ends_colon",
    "dom_depth",
    "dom_tag",
    "dom_parent_share",
    "dom_parent_link_density",
    "dom_class_weight",
    "dom_ancestor_score",
    "dom_same_parent",
    "window_kept",
    "window_stop",
    "window_link_density",
    "p1_words",
    "p1_link_density",
    "p1_kept",
    "p1_class",
    "p1_kind",
    "n1_words",
    "n1_link_density",
    "n1_kept",
    "n1_class",
    "n1_kind",
    "p2_words",
    "p2_kept",
    "p2_class",
    "n2_words",
    "n2_kept",
    "n2_class",
];

/// How many features a block has.
pub const NUM_FEATURES: usize = 53;

/// The second pass's extra features: the first pass's ratings (log-odds) of the blocks one and
/// two before and after, their mean over five blocks on each side weighted by words, and the
/// block's own. (Not how far the page goes on: the best rating anywhere after a block taught
/// the scorer to drop an article's last paragraph.)
pub const CONTEXT_NAMES: [&str; NUM_CONTEXT] =
    ["m_p1", "m_n1", "m_p2", "m_n2", "m_window", "m_own"];

/// How many context features the second pass adds.
pub const NUM_CONTEXT: usize = 6;

/// Blocks on each side that the window features look at.
const WINDOW: usize = 3;

fn reason_code(r: Reason) -> f32 {
    match r {
        Reason::Navigation => 0.0,
        Reason::LinkList => 1.0,
        Reason::Share => 2.0,
        Reason::Newsletter => 3.0,
        Reason::Cookie => 4.0,
        Reason::Advertisement => 5.0,
        Reason::Comments => 6.0,
        Reason::Footer => 7.0,
        Reason::Byline => 8.0,
        Reason::Metadata => 9.0,
        Reason::Title => 10.0,
        Reason::Boilerplate => 11.0,
        _ => 12.0,
    }
}

fn kind_code(k: BlockKind) -> f32 {
    match k {
        BlockKind::Paragraph => 0.0,
        BlockKind::Heading => 1.0,
        BlockKind::ListItem => 2.0,
        BlockKind::Quote => 3.0,
        BlockKind::Caption => 4.0,
        BlockKind::TableRow => 5.0,
        BlockKind::Preformatted => 6.0,
    }
}

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// The features of every block, `NUM_FEATURES` per block, one block after another.
pub(crate) fn features(blocks: &[Block], rules: &[RuleView]) -> Vec<f32> {
    let n = blocks.len();
    let kept: Vec<bool> = blocks.iter().map(Block::is_content).collect();
    let first_kept = kept.iter().position(|&k| k);
    let last_kept = kept.iter().rposition(|&k| k);
    let mut out = Vec::with_capacity(n * NUM_FEATURES);
    // Sliding sums over the window (self excluded when read): words, kept words, stopwords
    // (weighted by words), link characters.
    let mut row = [0f32; NUM_FEATURES];
    for (i, b) in blocks.iter().enumerate() {
        let f = &b.feat;
        let s = &b.structure;
        let r = rules.get(i).copied().unwrap_or_default();
        let text = s.link_density.is_none();
        let absent = |v: f32| if text { -1.0 } else { v };
        let dom = s.dom;
        let (mut ww, mut wk, mut ws, mut wl) = (0f32, 0f32, 0f32, 0f32);
        for j in i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(n) {
            if j == i {
                continue;
            }
            let o = &blocks[j];
            let w = o.feat.words as f32;
            ww += w;
            if kept[j] {
                wk += w;
            }
            ws += w * o.feat.stop_ratio;
            wl += w * o.structure.link_density.unwrap_or(0.0);
        }
        let ratio = |a: f32, b: f32| if b > 0.0 { a / b } else { 0.0 };
        // A neighbour past either end of the page is the nearest block there is: nothing tells
        // the scorer where the page ends (an article that ends the input, a clean text pasted
        // in, is no footer).
        let nb = |d: isize| -> Option<(usize, &Block)> {
            let j = i.saturating_add_signed(d).min(n - 1);
            blocks.get(j).map(|o| (j, o))
        };
        let region = match (first_kept, last_kept) {
            (Some(a), _) if i < a => i as f32 - a as f32,
            (_, Some(z)) if i > z => (i - z) as f32,
            (Some(_), Some(_)) => 0.0,
            _ => 100.0,
        };
        let verdict = match &b.verdict {
            Verdict::Content => 0.0,
            Verdict::Boilerplate(r, _) => 1.0 + reason_code(*r),
            Verdict::Duplicate { .. } => 14.0,
        };
        let v = [
            f.words as f32,
            f.chars as f32,
            f.stop_ratio,
            flag(f.terminal),
            f.title_ratio,
            f.sentences as f32,
            f.digit_ratio,
            f32::from(f.gap_before),
            flag(f.bullet),
            flag(f.unspaced),
            s.link_density.unwrap_or(-1.0),
            absent(s.links.len() as f32),
            kind_code(b.kind),
            f32::from(s.heading_level),
            s.hint.map_or(-1.0, reason_code),
            s.outer_hint.map_or(-1.0, reason_code),
            absent(flag(s.in_article_markup)),
            absent(flag(s.has_main)),
            absent(flag(s.in_main)),
            r.hit.map_or(-1.0, |(h, _)| reason_code(h)),
            r.hit.map_or(-1.0, |(_, m)| f32::from(m)),
            f32::from(r.class),
            verdict,
            flag(r.boxed),
            flag(r.metadata_like),
            region,
            flag(b.text.trim_end().ends_with(':')),
            dom.map_or(-1.0, |d| f32::from(d.depth)),
            dom.map_or(-1.0, |d| f32::from(d.tag)),
            dom.map_or(-1.0, |d| d.parent_share),
            dom.map_or(-1.0, |d| d.parent_link_density),
            dom.map_or(-1.0, |d| d.class_weight),
            dom.map_or(-1.0, |d| d.ancestor_score),
            dom.map_or(-1.0, |d| flag(d.same_parent_as_previous)),
            ratio(wk, ww),
            ratio(ws, ww),
            absent(ratio(wl, ww)),
            nb(-1).map_or(-1.0, |(_, o)| o.feat.words as f32),
            nb(-1).map_or(-1.0, |(_, o)| o.structure.link_density.unwrap_or(-1.0)),
            nb(-1).map_or(-1.0, |(j, _)| flag(kept[j])),
            nb(-1).map_or(-1.0, |(j, _)| {
                rules.get(j).map_or(-1.0, |r| f32::from(r.class))
            }),
            nb(-1).map_or(-1.0, |(_, o)| kind_code(o.kind)),
            nb(1).map_or(-1.0, |(_, o)| o.feat.words as f32),
            nb(1).map_or(-1.0, |(_, o)| o.structure.link_density.unwrap_or(-1.0)),
            nb(1).map_or(-1.0, |(j, _)| flag(kept[j])),
            nb(1).map_or(-1.0, |(j, _)| {
                rules.get(j).map_or(-1.0, |r| f32::from(r.class))
            }),
            nb(1).map_or(-1.0, |(_, o)| kind_code(o.kind)),
            nb(-2).map_or(-1.0, |(_, o)| o.feat.words as f32),
            nb(-2).map_or(-1.0, |(j, _)| flag(kept[j])),
            nb(-2).map_or(-1.0, |(j, _)| {
                rules.get(j).map_or(-1.0, |r| f32::from(r.class))
            }),
            nb(2).map_or(-1.0, |(_, o)| o.feat.words as f32),
            nb(2).map_or(-1.0, |(j, _)| flag(kept[j])),
            nb(2).map_or(-1.0, |(j, _)| {
                rules.get(j).map_or(-1.0, |r| f32::from(r.class))
            }),
        ];
        row.copy_from_slice(&v);
        out.extend_from_slice(&row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads() {
        assert!(SHIPPED.is_some(), "{:?}", Forest::parse(SHIPPED_TEXT).err());
    }

    #[test]
    fn trees_are_read_and_summed() {
        let names = NAMES.join(" ");
        // Tree 1: words <= 10 ? -1 : (stop_ratio <= 0.2 ? 0.5 : 2); tree 2: a single leaf.
        let text = format!(
            "# test\nfeatures {names}\nthreshold 0.25\ntree\nn 0 10 -1 1\nn 2 0.2 -2 -3\n\
             l -1 0.5 2\ntree\nl 0.125\n"
        );
        let m = Forest::parse(&text).unwrap();
        assert_eq!(m.bring_back(), 0.0);
        let m2 =
            Forest::parse(&text.replace("threshold 0.25\n", "threshold 0.25\nbring_back 0.75\n"))
                .unwrap();
        assert_eq!(m2.bring_back(), 0.75);
        let mut x = [0f32; NUM_FEATURES];
        x[0] = 5.0;
        assert_eq!(m.margin(&x), -1.0 + 0.125 - 0.25);
        assert_eq!(m2.margin(&x), m.margin(&x));
        x[0] = 11.0;
        x[2] = 0.1;
        assert_eq!(m.margin(&x), 0.5 + 0.125 - 0.25);
        x[2] = 0.5;
        assert_eq!(m.margin(&x), 2.0 + 0.125 - 0.25);
    }

    #[test]
    fn the_second_pass_rates_plain_blocks_from_their_neighbours() {
        let names = NAMES.join(" ");
        let context = CONTEXT_NAMES.join(" ");
        // First pass: words <= 10 ? -2 : 3. Second pass: the rating of the block before
        // (feature NUM_FEATURES) <= 0 ? -1 : 1.
        let text = format!(
            "features {names}\nthreshold 0\ntree\nn 0 10 -1 -2\nl -2 3\n\
             second {context}\nthreshold 0.5\ntree\nn {NUM_FEATURES} 0 -1 -2\nl -1 1\n"
        );
        let m = Forest::parse(&text).unwrap();
        let mut x = vec![0f32; 3 * NUM_FEATURES];
        x[0] = 20.0; // block 0 is long, blocks 1 and 2 short
        assert_eq!(m.margins(&x, &[false; 3]), [3.0, -2.0, -2.0]);
        // Plain blocks: block 0's neighbour before is itself (3), block 1's is block 0.
        assert_eq!(m.margins(&x, &[true; 3]), [0.5, 0.5, -1.5]);
        assert_eq!(m.margins(&x, &[false, true, false]), [3.0, 0.5, -2.0]);
    }

    /// The tree as the file gives it, walked node by node.
    fn walk(t: &Tree, x: &[f32]) -> f64 {
        let mut at: i32 = if t.nodes.is_empty() { -1 } else { 0 };
        while at >= 0 {
            let n = t.nodes[at as usize];
            at = if f64::from(x[usize::from(n.feature)]) <= n.threshold {
                n.left
            } else {
                n.right
            };
        }
        t.leaves[(!at) as usize]
    }

    #[test]
    fn complete_trees_give_what_the_file_says() {
        // The shipped model's trees, on rows of features drawn around their thresholds.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let text = SHIPPED_TEXT;
        let mut trees: Vec<Tree> = Vec::new();
        for line in text.lines() {
            let mut p = line.split_ascii_whitespace();
            match p.next() {
                Some("tree") => trees.push(Tree {
                    nodes: Vec::new(),
                    leaves: Vec::new(),
                }),
                Some("n") => {
                    let v: Vec<&str> = p.collect();
                    trees.last_mut().unwrap().nodes.push(Node {
                        feature: v[0].parse().unwrap(),
                        threshold: v[1].parse().unwrap(),
                        left: v[2].parse().unwrap(),
                        right: v[3].parse().unwrap(),
                    });
                }
                Some("l") => trees
                    .last_mut()
                    .unwrap()
                    .leaves
                    .extend(p.map(|v| v.parse::<f64>().unwrap())),
                _ => {}
            }
        }
        assert!(!trees.is_empty());
        let thresholds: Vec<f64> = trees
            .iter()
            .flat_map(|t| t.nodes.iter().map(|n| n.threshold))
            .collect();
        for _ in 0..2000 {
            let x: Vec<f32> = (0..NUM_FEATURES)
                .map(|_| {
                    let t = thresholds[next() as usize % thresholds.len()];
                    // On a threshold, just either side of it, or anywhere.
                    match next() % 4 {
                        0 => t as f32,
                        1 => f32_at_most(t),
                        2 => (t + 1e-3) as f32,
                        _ => (next() % 200) as f32 / 10.0 - 1.0,
                    }
                })
                .collect();
            for t in &trees {
                assert_eq!(Complete::of(t).unwrap().eval(&x), walk(t, &x));
            }
        }
    }

    #[test]
    fn thresholds_round_down_to_f32() {
        for t in [
            0.0,
            -0.0,
            1e-35,
            -1e-35,
            0.1,
            -0.1,
            11.5,
            1e300,
            -1e300,
            f64::INFINITY,
        ] {
            let r = f32_at_most(t);
            assert!(f64::from(r) <= t, "{t}");
            // The next f32 up is above t.
            let up = if r == 0.0 {
                f32::from_bits(1)
            } else if r > 0.0 {
                f32::from_bits(r.to_bits() + 1)
            } else {
                f32::from_bits(r.to_bits() - 1)
            };
            assert!(r == f32::INFINITY || f64::from(up) > t, "{t}");
        }
    }

    #[test]
    fn broken_models_are_refused() {
        let names = NAMES.join(" ");
        for bad in [
            String::new(),
            "features a b\ntree\nl 1\n".to_string(),
            format!("features {names}\ntree\nn 0 1 0 -1\nl 1\n"),
            format!("features {names}\ntree\nn 0 1 -1 -5\nl 1\n"),
            format!("features {names}\ntree\nn 999 1 -1 -2\nl 1 2\n"),
            format!("features {names}\nn 0 1 -1 -2\n"),
            format!("features {names}\ntree\nl x\n"),
            format!("features {names}\nbring_back -1\ntree\nl 1\n"),
            format!("features {names}\nbring_back NaN\ntree\nl 1\n"),
            format!("features {names}\nbring_back\ntree\nl 1\n"),
            format!("features {names}\ntree\nl 1\nsecond a b\ntree\nl 1\n"),
            format!(
                "features {names}\ntree\nl 1\nsecond {}\ntree\nn 99 1 -1 -2\nl 1 2\n",
                CONTEXT_NAMES.join(" ")
            ),
        ] {
            assert!(Forest::parse(&bad).is_err(), "{bad:?}");
        }
    }
}

//! Boilerplate: decide for each block whether it is part of the article, and if not, name why.
//!
//! Three steps, all on features (never on the input format):
//! 1. **Local class** of each block, after jusText (Pomikálek 2011, §3.2): *good* (running text:
//!    long, stopword-dense, ends like a sentence), *short*, *bad* (link-like, title-cased, marked by
//!    a marker phrase), or *near-good* in between.
//! 2. **Main region**: the contiguous run of blocks with the largest sum of per-block scores
//!    (maximum subarray, Kadane 1984) — prose scores its length, boilerplate a penalty — so short
//!    blocks between paragraphs (subheadings, one-line paragraphs) stay inside, while menus and link
//!    lists around the article fall outside. This is the text-only analogue of the "densest run of
//!    prose" idea in Kohlschütter et al. 2010 ("Boilerplate detection using shallow text features").
//! 3. **Context** (jusText's context-sensitive pass): inside the region a short or near-good block is
//!    kept when prose surrounds it and no marker names it; outside, a good block is brought back
//!    when it is close to the region with nothing but blocks of its own kind between.
//! Every removed block gets a [`Reason`] and the rule that fired, in words.
//!
//! Structural features (HTML input) enter the same steps: a boilerplate kind named by the markup
//! (`hint`) makes a block *bad* with that reason, a link density over one half makes it *bad*, and
//! when the ingest found a main-content container (`has_main`), the region is that container
//! instead of the maximum-subarray run; good paragraphs just outside it, with nothing but content
//! between, are brought back. Plain text has none of these features, so it takes the text-only
//! path; a block with the same features gets the same verdict whatever its source.

use crate::article::{BlockKind, Reason};
use crate::block::{Block, Verdict};
use crate::markers::{self, Mode};

/// Local class of a block (jusText's terms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

/// Classifies every block in place (only `Content` blocks are looked at).
pub(crate) fn classify(blocks: &mut [Block], lang_known: bool) {
    let n = blocks.len();
    if n == 0 {
        return;
    }
    let hits: Vec<Option<markers::Hit>> = blocks
        .iter()
        .map(|b| {
            // A block the markup already names needs no marker phrase.
            if b.feat.words <= 120 && b.structure.hint.is_none() {
                markers::find(&b.text)
            } else {
                None
            }
        })
        .collect();
    let classes: Vec<Class> = blocks
        .iter()
        .zip(&hits)
        .map(|(b, h)| local_class(b, *h, lang_known))
        .collect();

    if blocks.iter().any(|b| b.structure.has_main) {
        classify_structured(blocks, &classes, &hits);
        return;
    }

    // Scores for the maximum-subarray search.
    let scores: Vec<f64> = blocks
        .iter()
        .zip(&classes)
        .zip(&hits)
        .map(|((b, c), h)| score(b, *c, *h))
        .collect();
    let Some((lo, hi)) = max_subarray(&scores) else {
        for (i, b) in blocks.iter_mut().enumerate() {
            b.verdict = outside_verdict(b, hits[i], classes[i], true);
        }
        return;
    };

    for i in 0..n {
        let inside = i >= lo && i <= hi;
        let b = &blocks[i];
        let v = if inside {
            inside_verdict(blocks, i, &classes, hits[i])
        } else {
            outside_verdict(b, hits[i], classes[i], i < lo)
        };
        blocks[i].verdict = v;
    }
    // The headline: the last short, unpunctuated line shortly before the region.
    for i in (lo.saturating_sub(4)..lo).rev() {
        let b = &blocks[i];
        if hits[i].is_none() && (3..=30).contains(&b.feat.words) && !b.feat.terminal {
            blocks[i].verdict = Verdict::Boilerplate(
                Reason::Title,
                "headline-like line just before the article".into(),
            );
            break;
        }
    }
}

/// Short lines in the main container are kept below this link density…
const SHORT_LINK_DENSITY: f32 = 0.3;
/// …and from this many words.
const SHORT_MIN_WORDS: usize = 3;

/// How many blocks away from the main container a good paragraph may be brought back.
const BRING_BACK: usize = 2;

/// The region is the main-content container the ingest chose, plus good paragraphs next to it.
fn classify_structured(blocks: &mut [Block], classes: &[Class], hits: &[Option<markers::Hit>]) {
    let n = blocks.len();
    let mut inside: Vec<bool> = blocks.iter().map(|b| b.structure.in_main).collect();
    // Bring back good paragraphs just outside the container: up to two blocks away from it, with
    // only good or short, unmarked blocks between.
    let ok_between = |b: &Block, c: Class| {
        b.structure.hint.is_none() && matches!(c, Class::Good | Class::NearGood | Class::Short)
    };
    let takes_back = |b: &Block, c: Class| {
        c == Class::Good
            && b.structure.hint.is_none()
            && b.structure.link_density.is_none_or(|d| d < 0.2)
    };
    for pass in 0..2 {
        let order: Box<dyn Iterator<Item = usize>> = if pass == 0 {
            Box::new(0..n)
        } else {
            Box::new((0..n).rev())
        };
        let mut dist = usize::MAX;
        for i in order {
            if inside[i] {
                dist = 0;
                continue;
            }
            dist = dist.saturating_add(1);
            if dist <= BRING_BACK && takes_back(&blocks[i], classes[i]) {
                inside[i] = true;
            } else if !ok_between(&blocks[i], classes[i]) {
                dist = usize::MAX;
            }
        }
    }
    let first = inside.iter().position(|&x| x).unwrap_or(n);
    for i in 0..n {
        let v = if let Some(r) = blocks[i].structure.hint {
            Verdict::Boilerplate(r, hint_rule(r))
        } else if inside[i] {
            inside_verdict(blocks, i, classes, hits[i])
        } else {
            outside_verdict(&blocks[i], hits[i], classes[i], i < first)
        };
        blocks[i].verdict = v;
    }
}

fn hint_rule(r: Reason) -> String {
    match r {
        Reason::Title => "the headline (reported as the title)".into(),
        r => format!(
            "inside markup named as {} (tag, class, id or role)",
            r.as_str()
        ),
    }
}

fn local_class(b: &Block, hit: Option<markers::Hit>, lang_known: bool) -> Class {
    let f = &b.feat;
    if b.structure.hint.is_some() {
        return Class::Bad;
    }
    if let Some(h) = hit {
        if h.mode != Mode::Contains || f.words < 60 {
            return Class::Bad;
        }
    }
    if b.structure.link_density.is_some_and(|d| d > 0.5) {
        return Class::Bad;
    }
    let long = if f.unspaced {
        f.chars >= 50
    } else {
        f.words >= 12 && f.chars >= 60
    };
    let stop_ok = !lang_known || f.unspaced || f.stop_ratio >= 0.22;
    if long && stop_ok && (f.terminal || f.words >= 30) && f.title_ratio < 0.7 {
        return Class::Good;
    }
    if long && (f.terminal || stop_ok) {
        return Class::NearGood;
    }
    if f.terminal && f.words >= 4 && f.title_ratio < 0.7 {
        return Class::Short;
    }
    if f.words < 12 {
        return Class::Bad;
    }
    Class::NearGood
}

fn score(b: &Block, c: Class, hit: Option<markers::Hit>) -> f64 {
    let len = b.feat.chars as f64;
    match c {
        Class::Good => len,
        Class::NearGood => 0.3 * len,
        Class::Short => 0.0,
        Class::Bad => match hit.map(|h| (h.reason, h.mode)) {
            Some((Reason::LinkList | Reason::Comments, Mode::Line | Mode::Start)) => -400.0,
            Some(_) => -(60.0 + len),
            None => -(25.0 + len),
        },
    }
}

/// The bounds (inclusive) of the run with the largest positive sum, or `None` if no score is
/// positive. Kadane's algorithm: one pass.
fn max_subarray(scores: &[f64]) -> Option<(usize, usize)> {
    let mut best = 0.0;
    let mut best_range = None;
    let mut cur = 0.0;
    let mut cur_start = 0;
    for (i, &s) in scores.iter().enumerate() {
        if cur <= 0.0 {
            cur = s;
            cur_start = i;
        } else {
            cur += s;
        }
        if cur > best {
            best = cur;
            best_range = Some((cur_start, i));
        }
    }
    best_range
}

fn named(hit: markers::Hit) -> Verdict {
    let how = match hit.mode {
        Mode::Line => "is",
        Mode::Start => "starts with",
        Mode::Contains => "contains",
    };
    Verdict::Boilerplate(
        hit.reason,
        format!("{how} a {} marker phrase", hit.reason.as_str()),
    )
}

fn inside_verdict(
    blocks: &[Block],
    i: usize,
    classes: &[Class],
    hit: Option<markers::Hit>,
) -> Verdict {
    let b = &blocks[i];
    match classes[i] {
        Class::Good | Class::NearGood | Class::Short => {
            if let Some(h) = hit {
                if h.mode != Mode::Contains || b.feat.words < 60 {
                    return named(h);
                }
            }
            Verdict::Content
        }
        Class::Bad => {
            if let Some(h) = hit {
                return named(h);
            }
            if let Some(r) = metadata_like(b) {
                return r;
            }
            // A subheading: a short line followed by prose.
            let next_good = classes
                .get(i + 1)
                .is_some_and(|c| matches!(c, Class::Good | Class::NearGood));
            if next_good && b.feat.words >= 2 && b.feat.digit_ratio < 0.3 {
                return Verdict::Content;
            }
            // Inside a main-content container the markup chose, a short line that is not a
            // link and not marked is part of the article (list items, table rows, subheads).
            if b.structure.in_main
                && b.structure.link_density.is_some_and(|d| d < SHORT_LINK_DENSITY)
                && (b.feat.words >= SHORT_MIN_WORDS || b.kind == BlockKind::Heading)
            {
                return Verdict::Content;
            }
            Verdict::Boilerplate(
                Reason::Boilerplate,
                "short line without a sentence inside the article region".into(),
            )
        }
    }
}

fn outside_verdict(b: &Block, hit: Option<markers::Hit>, class: Class, before: bool) -> Verdict {
    if let Some(h) = hit {
        return named(h);
    }
    if let Some(r) = metadata_like(b) {
        return r;
    }
    let where_ = if before { "before" } else { "after" };
    let reason = match class {
        Class::Bad if b.feat.words < 4 => Reason::Navigation,
        Class::Bad => Reason::LinkList,
        _ => Reason::Boilerplate,
    };
    let rule = match reason {
        Reason::Navigation => format!("short menu-like line {where_} the article"),
        Reason::LinkList => format!("headline-like line {where_} the article"),
        _ => format!("text outside the article's main run of prose ({where_} it)"),
    };
    Verdict::Boilerplate(reason, rule)
}

/// Dates, times and similar lines: mostly digits, or a year with little else.
fn metadata_like(b: &Block) -> Option<Verdict> {
    let f = &b.feat;
    if f.words <= 14 && !f.terminal && f.digit_ratio >= 0.15 && has_year_or_time(&b.text) {
        return Some(Verdict::Boilerplate(
            Reason::Metadata,
            "short line with a date or time".into(),
        ));
    }
    None
}

fn has_year_or_time(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut run = 0;
    for (i, &c) in bytes.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
        } else {
            if run == 4 {
                let y = &bytes[i - 4..i];
                if y.starts_with(b"19") || y.starts_with(b"20") {
                    return true;
                }
            }
            if c == b':'
                && (1..=2).contains(&run)
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                return true;
            }
            run = 0;
        }
    }
    run == 4 && {
        let y = &bytes[bytes.len() - 4..];
        y.starts_with(b"19") || y.starts_with(b"20")
    }
}

//! Boilerplate: decide for each block whether it is part of the article, and if not, name why.
//!
//! Three steps, all on features (never on the input format):
//! 1. **Local class** of each block, after jusText (Pomikálek 2011, §3.2): *good* (running text:
//!    long, stopword-dense, ends like a sentence), *short*, *bad* (link-like, title-cased, marked by
//!    a marker phrase), or *near-good* in between. An unnamed line between two lines that markers
//!    name by the same kind is part of their box (a newsletter sign-up's blurb).
//! 2. **Main region**: the contiguous run of blocks with the largest sum of per-block scores
//!    (maximum subarray, Kadane 1984) — prose scores its length, boilerplate a penalty — so short
//!    blocks between paragraphs (subheadings, one-line paragraphs) stay inside, while menus and link
//!    lists around the article fall outside. This is the text-only analogue of the "densest run of
//!    prose" idea in Kohlschütter et al. 2010 ("Boilerplate detection using shallow text features").
//!    Named interruptions inside an article (advertisement slots, newsletter and share boxes,
//!    captions, inline "Read more: …" links) cost little, and a run of them costs once, so they do
//!    not cut the article in two; short closing sentences right after the run, and prose that
//!    resumes after interruptions, join it. A comments marker ends the article (see `classify`).
//! 3. **Context** (after jusText's context-sensitive pass): inside the region, short and
//!    near-good blocks stay unless a marker names them, and a short non-sentence line stays when
//!    prose follows it (a subheading); outside, blocks under a related-links header or in the
//!    comments after the article take that header's kind, and the headline is the last unnamed
//!    headline-like line before the region, looking past bylines, dates and share bars.
//!
//! Every removed block gets a [`Reason`] and the rule that fired, in words.
//!
//! Structural features (HTML input) enter the same steps: a boilerplate kind named by the markup
//! (`hint`) makes a block *bad* with that reason, a link density over one half makes it *bad*, and
//! when the ingest found a main-content container (`has_main`), the region is that container
//! instead of the maximum-subarray run; good paragraphs just outside it, with nothing but content
//! between, are brought back, and so is the lede above it (walking back to the headline over
//! dates, share bars and pictures, stopping at a byline). Prose without a single link that the
//! markup names as a list of links (a `teaser` class on the article's own standfirst) is judged by
//! its text, and picture captions are removed as metadata. Plain text has none of these features,
//! so it takes the text-only path; a block with the same features gets the same verdict whatever
//! its source.

use crate::article::{BlockKind, Reason};
use crate::block::{Block, Verdict};
use crate::blockmodel;
use crate::markers::{self, Mode};

/// Local class of a block (jusText's terms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

/// Words a line of plain text (no markup) needs for the block scorer to bring it back after the
/// rules removed it.
const MIN_PLAIN_WORDS_BACK: usize = 4;

/// Classifies every block in place: the rules below, then the block scorer `model` (the one
/// shipped in the crate, [`blockmodel::SHIPPED`], unless the eval harness gives another or none)
/// has the last word. The scorer's feature rows of every block ([`blockmodel::NUM_FEATURES`]
/// each) are written to `rows` when it is given.
///
/// Returns which blocks the rules alone kept when the scorer ran (empty otherwise: then the
/// verdicts are the rules').
pub(crate) fn classify_with(
    blocks: &mut [Block],
    lang_known: bool,
    model: Option<&blockmodel::Forest>,
    rows: Option<&mut Vec<f32>>,
) -> Vec<bool> {
    let Some(views) = classify_rules(blocks, lang_known) else {
        return Vec::new();
    };
    if model.is_none() && rows.is_none() {
        return Vec::new();
    }
    let x = blockmodel::features(blocks, &views);
    let mut rules_kept = Vec::new();
    if let Some(m) = model {
        rules_kept = blocks.iter().map(Block::is_content).collect();
        let plain: Vec<bool> = blocks
            .iter()
            .map(|b| b.structure.link_density.is_none())
            .collect();
        let margins = m.margins(&x, &plain);
        // The span of blocks the rules kept: on a page with a main-content container, the
        // scorer brings back nothing beyond it outside the container (a page that carries
        // several stories keeps the one the rules chose).
        let first = blocks.iter().position(Block::is_content).unwrap_or(0);
        let last = blocks.iter().rposition(Block::is_content).unwrap_or(0);
        let bring_back = m.bring_back();
        let fence = comment_fence(blocks, first, last);
        for ((i, b), margin) in blocks.iter_mut().enumerate().zip(margins) {
            // Overruling a removal takes a surer rating than overruling a keep: on an HTML
            // block, a margin of the model's `bring_back`; a line of plain text of one to three
            // words says too little for the scorer to overrule the rules.
            let content = if b.is_content() {
                margin > 0.0
            } else if b.structure.link_density.is_none() {
                b.feat.words >= MIN_PLAIN_WORDS_BACK && margin > 0.0
            } else {
                margin > bring_back
            };
            let beyond = b.structure.has_main && !b.structure.in_main && (i < first || i > last);
            b.verdict = match (&b.verdict, content) {
                // The headline stays the headline (it is reported as the title), a picture's
                // caption stays removed as metadata, and reader comments stay comments (they
                // read as well as the article; the report offers them as an alternative).
                (Verdict::Boilerplate(Reason::Title, _), _) => continue,
                (Verdict::Boilerplate(r, _), true) if kept_out(b, *r, i, fence) => continue,
                (Verdict::Boilerplate(..), true) if b.kind == BlockKind::Caption || beyond => {
                    continue
                }
                (Verdict::Content, false) => scored_out(b, views[i]),
                (Verdict::Boilerplate(..), true) => Verdict::Content,
                _ => continue,
            };
        }
    }
    if let Some(r) = rows {
        *r = x;
    }
    rules_kept
}

/// The blocks the rules removed as reader comments, advertising or a newsletter box by the
/// markup's own name for them, and those beyond a comments heading from the rules' kept span
/// (`fence`), stay removed: comments read as well as the article, and the report offers them as
/// an alternative instead.
fn kept_out(b: &Block, r: Reason, i: usize, fence: (Option<usize>, Option<usize>)) -> bool {
    let named = b.structure.hint == Some(r)
        && matches!(
            r,
            Reason::Comments | Reason::Advertisement | Reason::Newsletter
        );
    named || fence.0.is_some_and(|c| i < c) || fence.1.is_some_and(|c| i > c)
}

/// The nearest blocks removed as a comments marker before the first and after the last block the
/// rules kept (`first`, `last`).
fn comment_fence(blocks: &[Block], first: usize, last: usize) -> (Option<usize>, Option<usize>) {
    let marker = |b: &Block| matches!(b.verdict, Verdict::Boilerplate(Reason::Comments, _));
    let before = blocks.get(..first).and_then(|s| s.iter().rposition(marker));
    let after = blocks
        .get(last + 1..)
        .and_then(|s| s.iter().position(marker))
        .map(|k| last + 1 + k);
    (before, after)
}

/// The verdict on a block the rules kept and the block scorer rates as outside the article: the
/// kind a marker phrase or the markup names, else plain boilerplate.
fn scored_out(b: &Block, view: blockmodel::RuleView) -> Verdict {
    const BY: &str = "rated outside the article by the block scorer";
    if let Some((r, _)) = view.hit {
        return Verdict::Boilerplate(r, concat(&[BY, " (a ", r.as_str(), " marker phrase)"]));
    }
    if let Some(r) = b.structure.hint {
        return Verdict::Boilerplate(r, concat(&[BY, " (markup named as ", r.as_str(), ")"]));
    }
    if view.metadata_like {
        return Verdict::Boilerplate(
            Reason::Metadata,
            concat(&[BY, " (a date or breadcrumb line)"]),
        );
    }
    Verdict::Boilerplate(Reason::Boilerplate, BY.into())
}

/// The rules: local classes, the main region, context. Returns what they found about each block
/// (for the block scorer), or `None` for a page without blocks.
fn classify_rules(blocks: &mut [Block], lang_known: bool) -> Option<Vec<blockmodel::RuleView>> {
    let n = blocks.len();
    if n == 0 {
        return None;
    }
    let mut finder = markers::Finder::default();
    let hits: Vec<Option<markers::Hit>> = blocks
        .iter()
        .map(|b| {
            // A block the markup already names needs no marker phrase.
            if b.feat.words <= 120 && b.structure.hint.is_none() {
                finder.find(&b.text)
            } else {
                None
            }
        })
        .collect();
    let mut classes: Vec<Class> = blocks
        .iter()
        .zip(&hits)
        .map(|(b, h)| local_class(b, *h, lang_known))
        .collect();
    let boxed = boxed_lines(blocks, &hits, &classes);
    for (c, r) in classes.iter_mut().zip(&boxed) {
        if r.is_some() {
            *c = Class::Bad;
        }
    }

    let views: Vec<blockmodel::RuleView> = (0..n)
        .map(|i| blockmodel::RuleView {
            class: classes[i] as u8,
            hit: hits[i].map(|h| (h.reason, h.mode as u8)),
            boxed: boxed[i].is_some(),
            metadata_like: metadata_like(&blocks[i]).is_some(),
        })
        .collect();
    if blocks.iter().any(|b| b.structure.has_main) {
        classify_structured(blocks, &classes, &hits, &boxed, lang_known);
    } else {
        classify_text(blocks, &classes, &hits, &boxed);
    }
    Some(views)
}

/// The region on a page without a main-content container: the best run of blocks (Kadane), then
/// context.
fn classify_text(
    blocks: &mut [Block],
    classes: &[Class],
    hits: &[Option<markers::Hit>],
    boxed: &[Option<Reason>],
) {
    let n = blocks.len();

    // Scores for the maximum-subarray search.
    let mut scores: Vec<f64> = blocks
        .iter()
        .zip(classes)
        .zip(hits)
        .map(|((b, c), h)| score(b, *c, *h))
        .collect();
    // Interruptions in a row (an advertisement slot, a newsletter sign-up, a share bar, a caption
    // with its credit, a "Read more: …" link) are one break in the article however many lines
    // they span: only the first line costs the full penalty, so the paragraphs after them stay
    // in the main run.
    let interrupts = |j: usize| {
        boxed[j].is_some_and(|r| INTERRUPTIONS.contains(&r))
            || hits[j].is_some_and(|h| is_interruption(&blocks[j], h))
    };
    let interrupting: Vec<bool> = (0..n).map(interrupts).collect();
    for (score, pair) in scores.iter_mut().skip(1).zip(interrupting.windows(2)) {
        if pair[0] && pair[1] {
            *score = BOX_LINE_PENALTY;
        }
    }
    // Comments markers split the page into segments: an article does not resume after its
    // comments, and reader comments can hold more prose than the article itself. The article is
    // the best run of the first segment that has a substantial one (a quarter of the best
    // segment's score, and at least a paragraph's worth), so a "0 Comments" count beside the
    // byline does not hide the article that follows it.
    let mut segments: Vec<(usize, usize, f64)> = Vec::new();
    let mut seg_start = 0;
    for i in 0..=n {
        let boundary = i == n
            || hits[i].is_some_and(|h| h.reason == Reason::Comments && h.mode != Mode::Contains);
        if boundary {
            if let Some((a, b)) = max_subarray(&scores[seg_start..i]) {
                let sum: f64 = scores[seg_start + a..=seg_start + b].iter().sum();
                segments.push((seg_start + a, seg_start + b, sum));
            }
            seg_start = i + 1;
        }
    }
    let top = segments.iter().map(|s| s.2).fold(0.0, f64::max);
    let best = segments
        .iter()
        .copied()
        .find(|s| s.2 >= (0.25 * top).max(300.0).min(top));
    let Some((lo, hi, _)) = best else {
        for (i, b) in blocks.iter_mut().enumerate() {
            b.verdict = outside_verdict(b, hits[i], boxed[i], classes[i], true);
        }
        return;
    };
    let hi = extend_past_interruptions(blocks, classes, hits, &interrupting, hi);

    for i in 0..n {
        let inside = i >= lo && i <= hi;
        let b = &blocks[i];
        let v = if inside {
            inside_verdict(blocks, i, classes, hits[i], boxed[i])
        } else {
            outside_verdict(b, hits[i], boxed[i], classes[i], i < lo)
        };
        blocks[i].verdict = v;
    }
    name_lists_and_comments(blocks, hits, lo, hi);
    // The headline: the last short, unpunctuated line before the region, looking past the
    // byline, date, share and other lines that markers name (at most a few unnamed lines back).
    let mut unnamed = 0;
    for i in (lo.saturating_sub(TITLE_LOOKBACK)..lo).rev() {
        let b = &blocks[i];
        if hits[i].is_some() || boxed[i].is_some() || metadata_like(b).is_some() {
            continue;
        }
        let size_ok = if b.feat.unspaced {
            (6..=60).contains(&b.feat.chars)
        } else {
            (3..=30).contains(&b.feat.words)
        };
        // A row of a table (cells apart by tabs) is no headline.
        let row = b.text.contains('\t');
        if size_ok && !b.feat.terminal && !row {
            blocks[i].verdict = Verdict::Boilerplate(
                Reason::Title,
                "headline-like line just before the article".into(),
            );
            break;
        }
        unnamed += 1;
        if unnamed >= 3 {
            break;
        }
    }
}

/// How far back before the article the headline is looked for, in blocks.
const TITLE_LOOKBACK: usize = 12;
/// Boilerplate kinds that interrupt an article as a box of a few lines.
const INTERRUPTIONS: [Reason; 3] = [Reason::Advertisement, Reason::Newsletter, Reason::Share];
/// True when the marker names something that interrupts an article in place rather than a page
/// region around it: advertisement, newsletter and share boxes, metadata lines (captions, photo
/// credits, tags), and a single related link given inline ("Read more: Council to ban bonfires").
fn is_interruption(b: &Block, hit: markers::Hit) -> bool {
    INTERRUPTIONS.contains(&hit.reason)
        || hit.reason == Reason::Metadata
        || (hit.reason == Reason::LinkList && hit.mode == Mode::Start && is_inline_link(&b.text))
}

/// "Read more: Council to ban garden bonfires": a short lead-in, a colon (or a pipe, a
/// guillemet), then a headline of at least three words — one link, not the header of a list.
fn is_inline_link(text: &str) -> bool {
    let Some(p) = text.find([':', '|', '»']) else {
        return false;
    };
    let (lead, rest) = text.split_at(p);
    lead.split_whitespace().count() <= 4 && rest.split_whitespace().count() >= 3
}

/// Most of a named interruption's length that counts against the article run, in characters.
const INTERRUPTION_MAX_COST: f64 = 40.0;
/// The score of each line of such a box after its first.
const BOX_LINE_PENALTY: f64 = -10.0;
/// Longest run of interruptions the article is followed across, in blocks.
const MAX_INTERRUPTION_RUN: usize = 6;
/// Most short lines taken into the article after its main run.
const MAX_SHORT_TAIL: usize = 3;

/// Lines without a marker of their own that sit inside a box named by markers: an unnamed line
/// whose neighbours on both sides are named by the same kind ("Sign up to our newsletter" /
/// "The day's news in your inbox." / "Your email address"). Not for advertisement slots (sites
/// put one between every two paragraphs) nor comments; a sentence-like blurb of up to
/// [`MAX_BLURB_WORDS`] words only inside a newsletter or cookie box, which carry one.
fn boxed_lines(
    blocks: &[Block],
    hits: &[Option<markers::Hit>],
    classes: &[Class],
) -> Vec<Option<Reason>> {
    let n = blocks.len();
    let mut out = vec![None; n];
    for i in 1..n.saturating_sub(1) {
        if hits[i].is_some() {
            continue;
        }
        let (Some(a), Some(b)) = (hits[i - 1], hits[i + 1]) else {
            continue;
        };
        let r = a.reason;
        if r != b.reason || matches!(r, Reason::Advertisement | Reason::Comments) {
            continue;
        }
        let blurb_ok = matches!(r, Reason::Newsletter | Reason::Cookie)
            && blocks[i].feat.words <= MAX_BLURB_WORDS;
        if classes[i] != Class::Good || blurb_ok {
            out[i] = Some(r);
        }
    }
    out
}

/// Longest prose-like blurb taken as part of a newsletter or cookie box, in words.
const MAX_BLURB_WORDS: usize = 40;

/// The end of the article, extended past what Kadane's search leaves out: short sentences right
/// after the main run (a closing one-line paragraph: "The inquiry resumes on Monday.", which
/// scores zero), and prose that resumes after a run of named interruptions (a newsletter box
/// followed by one more short paragraph) — an interruption is not the end of an article.
fn extend_past_interruptions(
    blocks: &[Block],
    classes: &[Class],
    hits: &[Option<markers::Hit>],
    interrupting: &[bool],
    hi: usize,
) -> usize {
    let n = blocks.len();
    let unnamed = |j: usize| hits[j].is_none() && metadata_like(&blocks[j]).is_none();
    let mut end = hi;
    loop {
        let mut j = end + 1;
        let mut shorts = 0;
        while j < n && classes[j] == Class::Short && unnamed(j) {
            if shorts == MAX_SHORT_TAIL {
                return end; // a run of short lines this long is not a closing paragraph
            }
            shorts += 1;
            j += 1;
        }
        if shorts > 0 {
            end = j - 1;
        }
        let mut k = j;
        while k < n && k - j < MAX_INTERRUPTION_RUN && interrupting[k] {
            k += 1;
        }
        if k > j && k < n && matches!(classes[k], Class::Good | Class::NearGood) && unnamed(k) {
            end = k;
            continue;
        }
        return end;
    }
}

/// Blocks outside the article that follow a related-links header ("You may also like") or, after
/// the article, a comments header ("12 Comments") are named after that header: the headlines of
/// the list, the text of the comments. A line named by a marker of another kind ends the list.
fn name_lists_and_comments(
    blocks: &mut [Block],
    hits: &[Option<markers::Hit>],
    lo: usize,
    hi: usize,
) {
    let mut current: Option<(Reason, &'static str)> = None;
    for i in 0..blocks.len() {
        if i >= lo && i <= hi {
            current = None;
            continue;
        }
        if let Some(h) = hits[i] {
            current = match (h.reason, h.mode) {
                (Reason::LinkList, Mode::Line | Mode::Start)
                    if !is_inline_link(&blocks[i].text) =>
                {
                    Some((Reason::LinkList, "under a related-links header"))
                }
                (Reason::Comments, Mode::Line | Mode::Start | Mode::End) if i > hi => {
                    Some((Reason::Comments, "in the comments after the article"))
                }
                (r, _) if current.is_some_and(|(c, _)| c == r) => current,
                _ => None,
            };
            continue;
        }
        let Some((reason, rule)) = current else {
            continue;
        };
        if matches!(
            blocks[i].verdict,
            Verdict::Boilerplate(
                Reason::Boilerplate | Reason::LinkList | Reason::Navigation,
                _
            )
        ) {
            blocks[i].verdict = Verdict::Boilerplate(reason, rule.into());
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
fn classify_structured(
    blocks: &mut [Block],
    classes: &[Class],
    hits: &[Option<markers::Hit>],
    boxed: &[Option<Reason>],
    lang_known: bool,
) {
    let n = blocks.len();
    let mut classes = classes.to_vec();
    // Only up to the end of the container: after an article come lists of other articles,
    // and an author's bio named as an excerpt.
    let last_main = blocks
        .iter()
        .rposition(|b| b.structure.in_main)
        .unwrap_or(0);
    for (i, b) in blocks.iter_mut().enumerate().take(last_main + 1) {
        if linkless_prose_named_links(b, hits[i], lang_known) {
            // What the markup around the misnamed element says still holds.
            b.structure.hint = b.structure.outer_hint;
            if b.structure.hint.is_none() {
                classes[i] = Class::Good;
            }
        }
    }
    let classes = classes.as_slice();
    let mut inside: Vec<bool> = blocks.iter().map(|b| b.structure.in_main).collect();
    bring_back_lede(blocks, classes, hits, &mut inside);
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
                // After the container, a run of good paragraphs continues the article.
                if pass == 0 {
                    dist = 0;
                }
            } else if !ok_between(&blocks[i], classes[i]) {
                dist = usize::MAX;
            }
        }
    }
    let first = inside.iter().position(|&x| x).unwrap_or(n);
    for i in 0..n {
        let v = if let Some(r) = blocks[i].structure.hint {
            let linky = blocks[i].structure.link_density.is_some_and(|d| d >= 0.5);
            if r == Reason::Boilerplate && linky {
                Verdict::Boilerplate(
                    Reason::LinkList,
                    "links inside markup named as boilerplate (sidebar, widget)".into(),
                )
            } else {
                Verdict::Boilerplate(r, hint_rule(r))
            }
        } else if blocks[i].kind == BlockKind::Caption {
            Verdict::Boilerplate(Reason::Metadata, "caption of a picture".into())
        } else if inside[i] {
            inside_verdict(blocks, i, classes, hits[i], boxed[i])
        } else {
            outside_verdict(&blocks[i], hits[i], boxed[i], classes[i], i < first)
        };
        blocks[i].verdict = v;
    }
}

/// A block of running text without a single link that the markup names as a list of links
/// (`teaser`, `excerpt`, `related`): the name is wrong for it — a list of links to other
/// articles has links — and it is most often the article's own teaser (lede, standfirst) or a
/// pull quote. It is judged by its text like an unnamed block.
fn linkless_prose_named_links(b: &Block, hit: Option<markers::Hit>, lang_known: bool) -> bool {
    b.structure.hint == Some(Reason::LinkList)
        && hit.is_none()
        && b.structure.links.is_empty()
        && b.structure.link_density.is_none_or(|d| d == 0.0)
        && unhinted_class(b, lang_known) == Class::Good
}

/// How far before the main container a lede is looked for, in blocks.
const LEDE_WINDOW: usize = 12;
/// Most words of a line passed over between the lede and the container (a date, a reading time,
/// a share button, a kicker).
const LEDE_GAP_WORDS: usize = 8;

/// The lede (standfirst, teaser, intro) of an article often sits in the article's header, above
/// the body container the scoring chose, separated from it by a byline, a date, a share bar or a
/// picture with its caption — so it is no paragraph "next to" the container. Walking back from
/// the container to the headline, over such lines only, every prose paragraph without links is
/// the article's: the lede, and a first paragraph set apart from the rest. A lede whose markup
/// calls it a teaser (`article-teaser`, `teaser-text`) has no links, unlike the teasers of other
/// articles in a list, so a related-links hint does not keep it out.
fn bring_back_lede(
    blocks: &[Block],
    classes: &[Class],
    hits: &[Option<markers::Hit>],
    inside: &mut [bool],
) {
    let Some(first) = inside.iter().position(|&x| x) else {
        return;
    };
    let mut i = first;
    while i > 0 && first - i < LEDE_WINDOW {
        i -= 1;
        let b = &blocks[i];
        let hint = b.structure.hint;
        let byline =
            hint == Some(Reason::Byline) || hits[i].is_some_and(|h| h.reason == Reason::Byline);
        if hint == Some(Reason::Title) || byline {
            break;
        }
        let no_links = b.structure.link_density.is_none_or(|d| d < 0.15);
        let prose = hits[i].is_none()
            && b.kind != BlockKind::Caption
            && no_links
            && hint.is_none()
            && classes[i] == Class::Good;
        if prose {
            inside[i] = true;
            continue;
        }
        let gap = b.feat.words <= LEDE_GAP_WORDS
            || b.kind == BlockKind::Caption
            || matches!(
                hint,
                Some(Reason::Share | Reason::Metadata | Reason::Byline | Reason::Advertisement)
            )
            || metadata_like(b).is_some();
        if !gap {
            break;
        }
    }
}

/// The pieces one after another (what `format!` would make of them, without its machinery:
/// a rule string is made for most blocks of a page).
fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

fn hint_rule(r: Reason) -> String {
    match r {
        Reason::Title => "the headline (reported as the title)".into(),
        r => concat(&[
            "inside markup named as ",
            r.as_str(),
            " (tag, class, id or role)",
        ]),
    }
}

fn local_class(b: &Block, hit: Option<markers::Hit>, lang_known: bool) -> Class {
    if b.structure.hint.is_some() {
        return Class::Bad;
    }
    if let Some(h) = hit {
        if h.mode != Mode::Contains || b.feat.words < 60 {
            return Class::Bad;
        }
    }
    unhinted_class(b, lang_known)
}

/// The class from the text and its link density alone (no markup hint, no marker phrase).
fn unhinted_class(b: &Block, lang_known: bool) -> Class {
    let f = &b.feat;
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
            Some((Reason::Comments, Mode::Line | Mode::Start | Mode::End)) => -400.0,
            // A named interruption of the article (an advertisement slot, a caption with its
            // credit, a share bar, a single "Read more: …" link): it is removed by name wherever
            // it stands, so its cost is capped, and a long caption does not split the article.
            Some(_) if hit.is_some_and(|h| is_interruption(b, h)) => {
                -(60.0 + len.min(INTERRUPTION_MAX_COST))
            }
            Some((Reason::LinkList, Mode::Line | Mode::Start)) => -250.0,
            Some(_) => -(60.0 + len),
            None => -(50.0 + len),
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
        Mode::End => "ends with",
        Mode::Contains => "contains",
        Mode::Credit => "ends with a credit opened by",
    };
    Verdict::Boilerplate(
        hit.reason,
        concat(&[how, " a ", hit.reason.as_str(), " marker phrase"]),
    )
}

fn in_box(r: Reason) -> Verdict {
    Verdict::Boilerplate(
        r,
        concat(&["between two ", r.as_str(), " lines, inside their box"]),
    )
}

fn inside_verdict(
    blocks: &[Block],
    i: usize,
    classes: &[Class],
    hit: Option<markers::Hit>,
    boxed: Option<Reason>,
) -> Verdict {
    let b = &blocks[i];
    if let Some(r) = boxed {
        return in_box(r);
    }
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
                && b.structure
                    .link_density
                    .is_some_and(|d| d < SHORT_LINK_DENSITY)
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

fn outside_verdict(
    b: &Block,
    hit: Option<markers::Hit>,
    boxed: Option<Reason>,
    class: Class,
    before: bool,
) -> Verdict {
    if let Some(h) = hit {
        return named(h);
    }
    if let Some(r) = boxed {
        return in_box(r);
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
        Reason::Navigation => concat(&["short menu-like line ", where_, " the article"]),
        Reason::LinkList => concat(&["headline-like line ", where_, " the article"]),
        _ => concat(&[
            "text outside the article's main run of prose (",
            where_,
            " it)",
        ]),
    };
    Verdict::Boilerplate(reason, rule)
}

/// Dates, times and similar lines (mostly digits, or a year with little else), and breadcrumb
/// trails ("News › Environment › Lakes").
fn metadata_like(b: &Block) -> Option<Verdict> {
    let f = &b.feat;
    let short = if f.unspaced {
        f.chars <= 40
    } else {
        f.words <= 14
    };
    if short && !f.terminal && f.digit_ratio >= 0.15 && has_year_or_time(&b.text) {
        return Some(Verdict::Boilerplate(
            Reason::Metadata,
            "short line with a date or time".into(),
        ));
    }
    if short && !f.terminal && is_breadcrumb(&b.text) {
        return Some(Verdict::Boilerplate(
            Reason::Metadata,
            "breadcrumb trail".into(),
        ));
    }
    None
}

/// Two or more short steps joined by a breadcrumb separator (`›`, `»`, `>`, `→`), each step at
/// most four words.
fn is_breadcrumb(s: &str) -> bool {
    // Two steps need a separator: `>`, or one of the others (all outside ASCII).
    if !s.bytes().any(|b| b == b'>' || !b.is_ascii()) {
        return false;
    }
    let mut steps = 0;
    for step in s.split(['›', '»', '>', '→']) {
        let words = step.split_whitespace().count();
        if words == 0 || words > 4 {
            return false;
        }
        steps += 1;
    }
    steps >= 2
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("News › Environment › Lakes"));
        assert!(is_breadcrumb("首页 > 新闻 > 社会"));
        assert!(is_breadcrumb("Home » World"));
        assert!(!is_breadcrumb("Home"));
        assert!(!is_breadcrumb(
            "Prices rose > 5% in the whole of the last quarter › says bank"
        ));
    }

    #[test]
    fn inline_links_are_not_list_headers() {
        assert!(is_inline_link(
            "Read more: Cricket clubs across the county struggle"
        ));
        assert!(is_inline_link("RELATED: County board promises new grants"));
        assert!(!is_inline_link("More from Environment"));
        assert!(!is_inline_link("Related:"));
    }

    fn reasons(page: &str) -> Vec<(String, Option<Reason>)> {
        let a = crate::clean(
            page,
            &crate::Options {
                facts: false,
                ..crate::Options::default()
            },
        )
        .unwrap_or_default();
        let mut out: Vec<(usize, String, Option<Reason>)> = a
            .blocks
            .iter()
            .map(|b| (b.span.start, b.text.clone(), None))
            .chain(
                a.removed
                    .iter()
                    .map(|r| (r.span.start, r.text.clone(), Some(r.reason))),
            )
            .collect();
        out.sort_by_key(|x| x.0);
        out.into_iter().map(|(_, t, r)| (t, r)).collect()
    }

    #[test]
    fn a_newsletter_box_does_not_cut_the_article() {
        let p = "The council approved the new budget on Tuesday after a long debate that ran late into the evening.";
        let page = format!(
            "{p}\n\nSign up to our newsletter\nThe best of the week, every Friday.\nEnter your email address\nSubscribe\n\n\
             Members said the plan would fund two new schools and repair the old bridge over the river.\n\n\
             The vote passed easily."
        );
        let r = reasons(&page);
        let kept: Vec<&str> = r
            .iter()
            .filter(|x| x.1.is_none())
            .map(|x| x.0.as_str())
            .collect();
        assert_eq!(kept.len(), 3, "{r:?}");
        assert!(kept[2] == "The vote passed easily.");
        assert!(r.contains(&(
            "The best of the week, every Friday.".into(),
            Some(Reason::Newsletter)
        )));
    }
}

//! The tense around an expression, which decides between the last and the next Friday.

use std::sync::LazyLock;

use super::lex::{Tok, TokKind};
use super::resolve::Tense;
use crate::normalize::FastMap;

/// Words that point ahead ("will", "scheduled for Monday", "payable Jan. 3"); also auxiliaries
/// of the future in de, fr, es, it, ru.
#[rustfmt::skip]
const AHEAD_WORDS: &[&str] = &[
    "will", "ll", "shall", "scheduled", "schedule", "planned", "plans", "plan", "planning",
    "expected", "expects", "expect", "due", "upcoming", "next", "slated", "intends", "intend",
    "hopes", "aims", "going", "until", "till", "wird", "werden", "sera", "seront", "será", "serán",
    "sarà", "будет", "payable", "starting", "beginning", "effective", "by",
];

/// Words before a past participle that make it an adjective or a present passive, not a past
/// tense ("a still unspecified date", "is expected").
#[rustfmt::skip]
const NOT_PAST_BEFORE: &[&str] = &[
    "a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "my", "your", "still",
    "very", "newly", "recently", "previously", "already", "not", "be", "been", "being", "is", "are",
    "am", "will", "'s", "s",
];

/// Words that mark the past.
#[rustfmt::skip]
const PAST_WORDS: &[&str] = &[
    "said", "was", "were", "had", "did", "ago", "last", "told", "went", "came", "met", "made",
    "took", "gave", "saw", "got", "left", "led", "won", "lost", "held", "began", "fell", "rose",
    "sent", "spoke", "found", "struck", "wrote", "announced", "since", "earlier", "yesterday",
    "hit", "killed", "died", "became", "brought", "ran", "sold", "bought", "paid", "put", "set",
    "shot", "kept", "felt", "heard", "meant", "stood", "won", "broke", "chose", "drove", "flew",
    "grew", "knew", "threw", "overnight", "closed", "opened", "ended", "reported",
];

/// The three word lists as one map, built once: 1 ahead, 2 past, 4 not-past-before (bits).
static WORDS: LazyLock<FastMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m: FastMap<&'static str, u8> = FastMap::default();
    for (list, bit) in [(AHEAD_WORDS, 1), (PAST_WORDS, 2), (NOT_PAST_BEFORE, 4)] {
        for w in list {
            *m.entry(w).or_insert(0) |= bit;
        }
    }
    m
});

fn has(w: &str, bit: u8) -> bool {
    WORDS.get(w).is_some_and(|b| b & bit != 0)
}

/// The tense around tokens `start..end` of a sentence: the nearest strong marker within eight
/// tokens on either side (before wins a tie), else the nearest weak one. Strong future markers:
/// "will", "scheduled", "plans", "is to", "as early as"; strong past markers: "was", "ago", past
/// forms. Weak: "by", "until" right before the expression (a deadline), and a reporting "said"
/// that is not next to it.
pub(super) fn tense(toks: &[Tok<'_>], start: usize, end: usize) -> Tense {
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    // (tense, strong)
    let classify = |k: usize| -> Option<(Tense, bool)> {
        let w = word(k);
        let right_before = k + 1 == start;
        let near = k + 2 >= start && k <= end + 1;
        if matches!(
            w,
            "until" | "till" | "by" | "starting" | "beginning" | "effective"
        ) {
            // A deadline after an infinitive ("told the club to reply by June 5") lies ahead.
            let infinitive = (k.saturating_sub(6)..k).any(|j| {
                word(j) == "to"
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokKind::Word && !t.upper)
            });
            let deadline = matches!(w, "by" | "until" | "till");
            return right_before.then_some((Tense::Future, !deadline || infinitive));
        }
        if has(w, 1) {
            return Some((Tense::Future, true));
        }
        // "as early as Tuesday", "as soon as Monday"
        if right_before && w == "as" && matches!(word(k.wrapping_sub(1)), "early" | "soon") {
            return Some((Tense::Future, true));
        }
        if w == "to" && k < start {
            let before = word(k.wrapping_sub(1));
            if matches!(
                before,
                "is" | "are"
                    | "set"
                    | "going"
                    | "due"
                    | "expected"
                    | "scheduled"
                    | "planned"
                    | "plans"
            ) {
                return Some((Tense::Future, true));
            }
        }
        if matches!(w, "said" | "says" | "told") {
            return Some((Tense::Past, near));
        }
        let participle = has(w, 2)
            || (w.len() > 4 && w.ends_with("ed") && toks.get(k).is_some_and(|t| !t.upper));
        if participle {
            // "will be paid", "a still unspecified date": not a past tense.
            let plain_past = matches!(
                w,
                "was" | "were" | "had" | "did" | "ago" | "last" | "since" | "earlier" | "yesterday"
            );
            if !plain_past && has(word(k.wrapping_sub(1)), 4) {
                return None;
            }
            return Some((Tense::Past, true));
        }
        None
    };
    let stop = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.text, ";" | "“" | "”" | "\"" | "(" | ")"))
    };
    // The nearest strong and the nearest weak marker: (distance, tense).
    let mut strong: Option<(usize, Tense)> = None;
    let mut weak: Option<(usize, Tense)> = None;
    let mut note = |dist: usize, t: Tense, is_strong: bool| {
        let slot = if is_strong { &mut strong } else { &mut weak };
        if slot.is_none_or(|(d, _)| dist < d) {
            *slot = Some((dist, t));
        }
    };
    for (dist, k) in (start.saturating_sub(8)..start).rev().enumerate() {
        if stop(k) {
            break;
        }
        if let Some((t, st)) = classify(k) {
            note(dist, t, st);
            if st {
                break;
            }
        }
    }
    for (dist, k) in (end..(end + 8).min(toks.len())).enumerate() {
        if stop(k) {
            break;
        }
        if let Some((t, st)) = classify(k) {
            // After the expression, a tie goes to the marker before it.
            note(dist + 1, t, st);
            if st {
                break;
            }
        }
    }
    strong.or(weak).map_or(Tense::Unknown, |(_, t)| t)
}

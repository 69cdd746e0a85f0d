//! Reported (indirect) speech: `X said (that) …`, `…, X said.`, `According to X, …`,
//! `…, saying …`, one attribution per sentence outside direct quotes.

use super::lexicon::Kind;
use super::marks::Quotation;
use super::scan::{Attribution, Extractor, Range, WINDOW};
use super::Found;
use crate::article::Span;

/// Reported speech: one attribution per sentence that has a cue outside quotation marks and no
/// direct quote.
pub(super) fn reported(ex: &Extractor, quotations: &[Quotation], direct: &[Found]) -> Vec<Found> {
    let t = ex.t;
    let n = t.len();
    let mut used = vec![false; n + 1];
    for f in direct {
        for u in used.iter_mut().take(f.toks.1.min(n)).skip(f.toks.0) {
            *u = true;
        }
    }
    let mut inside = vec![false; n + 1];
    for q in quotations.iter().filter(|q| !q.nested) {
        for u in inside.iter_mut().take(q.end.min(n)).skip(q.open) {
            *u = true;
        }
    }
    let mut out = Vec::new();
    // "“…,” she said, adding (that) CONTENT."
    for f in direct.iter().filter(|f| f.attr.speaker.is_some()) {
        let k = f.toks.1;
        if t.punct(k) != Some(',') {
            continue;
        }
        let Some((len, Kind::Part)) = ex.cue_at(k + 1, &[Kind::Part]) else {
            continue;
        };
        let mut c = k + 1 + len;
        if ex.lower(c) == "that" {
            c += 1;
        }
        let e = ex.fwd_boundary(c, false);
        let words = (c..e).filter(|&x| t.is_word(x)).count();
        if let (true, Some(a), Some(b)) = (words >= 3, t.toks.get(c), t.toks.get(e - 1)) {
            out.push(Found {
                span: Span::new(a.start, b.end),
                direct: false,
                attr: Attribution {
                    speaker: f.attr.speaker,
                    cue: Some((k + 1, k + 1 + len)),
                    channel: None,
                },
                toks: (k, e),
                open: usize::MAX,
                close: usize::MAX,
            });
        }
    }
    let mut s = 0;
    while s < n {
        // The sentence s..e (e = its terminal mark or line break, excluded).
        let mut e = s;
        while e < n && !t.is_break(e) && !ex.is_end(e) {
            e += 1;
        }
        let next = e + 1;
        if e > s && !(s..e).any(|k| used[k]) {
            if let Some(f) = reported_in(ex, s, e, &inside) {
                out.push(f);
            }
        }
        s = next;
    }
    out
}

fn reported_in(ex: &Extractor, s: usize, e: usize, inside: &[bool]) -> Option<Found> {
    let t = ex.t;
    // Trailing closing marks belong to the sentence end.
    let mut e = e;
    while e > s && matches!(t.punct(e - 1), Some('”' | '"' | '»' | '’' | ')')) && !inside[e - 1]
    {
        e -= 1;
    }
    let found = |content: Range, attr: Attribution| -> Option<Found> {
        let (a, b) = content;
        let words = (a..b).filter(|&k| t.is_word(k)).count();
        if words < 3 {
            return None;
        }
        let start = t.toks.get(a)?.start;
        let end = t.toks.get(b.checked_sub(1)?)?.end;
        Some(Found {
            span: Span::new(start, end),
            direct: false,
            attr,
            toks: (s, e),
            open: usize::MAX,
            close: usize::MAX,
        })
    };
    // 1. "According to X, CONTENT".
    if let Some((n, Kind::Prep)) = ex.cue_at(s, &[Kind::Prep]) {
        let comma = (s + n..e).find(|&k| t.punct(k) == Some(',') && !inside[k])?;
        let speaker = ex.np_fwd(s + n, comma);
        return found(
            (comma + 1, e),
            Attribution {
                speaker,
                cue: Some((s, s + n)),
                channel: None,
            },
        );
    }
    // 2. "X said (that) CONTENT".
    let last_comma = (s..e)
        .rev()
        .find(|&k| t.punct(k) == Some(',') && !inside[k]);
    let tail_attr = last_comma.and_then(|c| end_attribution(ex, c + 1, e));
    for k in s + 1..e.min(s + WINDOW) {
        if inside.get(k) == Some(&true) {
            continue;
        }
        let Some((n, kind)) = ex.cue_at(k, &[Kind::Cue, Kind::Told]) else {
            continue;
        };
        if matches!(
            ex.lower(k - 1),
            "is" | "was" | "were" | "be" | "been" | "being" | "are"
        ) {
            continue;
        }
        let Some(speaker) = ex.np_back(s, k) else {
            continue;
        };
        let mut c = k + n;
        let mut channel = None;
        // Time words, a channel, an addressee, "that".
        loop {
            if ex.skippable(c) {
                c += 1;
            } else if let Some(ch) = ex.channel(c, e).filter(|ch| ch.0 == c) {
                channel = Some(ch);
                c = ch.1;
            } else if t.punct(c) == Some(',') {
                c += 1;
            } else {
                break;
            }
        }
        if kind == Kind::Told || ex.is(k, Kind::Told) {
            if let Some(th) = (c..e.min(c + 7)).find(|&x| ex.lower(x) == "that") {
                c = th + 1;
            } else if ex.pronoun(c)
                || matches!(
                    ex.lower(c),
                    "me" | "him" | "her" | "us" | "them" | "reporters" | "journalists"
                )
            {
                c += 1;
            } else if let Some((_, b)) = ex.np_fwd(c, e) {
                c = b;
            }
        } else if ex.lower(c) == "that" {
            c += 1;
        }
        if c >= e
            || !(t.is_word(c) || ex.opening_punct(c))
            || matches!(
                ex.lower(c),
                "to" | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "about"
                    | "so"
                    | "yes"
                    | "no"
                    | "goodbye"
                    | "hello"
                    | "nothing"
                    | "something"
                    | "anything"
                    | "what"
                    | "which"
            )
        {
            continue;
        }
        let mut end = e;
        if let (Some(comma), Some(_)) = (last_comma, tail_attr) {
            if comma > c {
                end = comma;
            }
        }
        return found(
            (c, end),
            Attribution {
                speaker: Some(speaker),
                cue: Some((k, k + n)),
                channel,
            },
        );
    }
    // 3. "X did this, saying (that) CONTENT": the subject of the sentence speaks.
    for k in s + 2..e.min(s + WINDOW) {
        if inside.get(k) == Some(&true) || t.punct(k - 1) != Some(',') {
            continue;
        }
        if let Some((n, Kind::Part)) = ex.cue_at(k, &[Kind::Part]) {
            let mut c = k + n;
            if ex.lower(c) == "that" {
                c += 1;
            }
            if let Some(speaker) = ex.participle_subject(s, k) {
                return found(
                    (c, e),
                    Attribution {
                        speaker: Some(speaker),
                        cue: Some((k, k + n)),
                        channel: None,
                    },
                );
            }
        }
    }
    // 4. "CONTENT, X said." / "CONTENT, said X." / "CONTENT, according to X."
    let comma = last_comma?;
    let attr = tail_attr?;
    found((s, comma), attr)
}

/// `X said [time].` / `said X.` / `according to X.` filling `lo..hi` (after a comma).
fn end_attribution(ex: &Extractor, lo: usize, hi: usize) -> Option<Attribution> {
    if hi <= lo || hi - lo > 20 {
        return None;
    }
    if let Some((n, _)) = ex.cue_at(lo, &[Kind::Cue, Kind::Told, Kind::Prep]) {
        let speaker = ex.np_fwd(lo + n, hi)?;
        return Some(Attribution {
            speaker: Some(speaker),
            cue: Some((lo, lo + n)),
            channel: ex.channel(speaker.1, hi),
        });
    }
    for k in lo + 1..hi {
        if let Some((n, _)) = ex.cue_at(k, &[Kind::Cue, Kind::Told]) {
            let speaker = ex.np_back(lo, k)?;
            if speaker.0 != lo {
                return None;
            }
            // Only time words or a channel may follow.
            let channel = ex.channel(k + n, hi);
            let mut j = channel.map_or(k + n, |c| c.1);
            while j < hi && (ex.skippable(j) || ex.t.punct(j).is_some()) {
                j += 1;
            }
            return (j >= hi).then_some(Attribution {
                speaker: Some(speaker),
                cue: Some((k, k + n)),
                channel,
            });
        }
    }
    None
}

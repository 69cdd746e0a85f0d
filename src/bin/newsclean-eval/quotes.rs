//! The direct-quote metric of `shared/eval/README.md` §5 (PolNeAR dev), exactly:
//!
//! * gold = attributions with `direct: true`;
//! * a predicted quote p is *assigned* to the gold quote g whose segments it overlaps most,
//!   provided at least half of p lies inside g's `[start, end)`; otherwise p is a false positive;
//! * g is *matched* iff the predictions assigned to it cover at least 50% of g's segment characters;
//! * precision = predictions assigned to a matched gold / all predictions; recall = matched gold /
//!   gold; F1 harmonic;
//! * speaker accuracy over matched gold quotes with a source: correct iff the speaker span of a
//!   prediction assigned to it overlaps the gold source span by at least one character.
//!
//! All offsets in the file are code points; newsclean's spans are UTF-8 bytes, converted here.
//! As information, the same assignment rules are applied to reported (indirect) speech.

use newsclean::facts::extract_facts;
use newsclean::Options;
use serde_json::Value;

use crate::util::{f1, flag, split_args, Half, Split};

/// A half-open range of code points.
pub type Range = (usize, usize);

/// One gold attribution, in code points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gold {
    /// Smallest range containing every content segment.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// The content segments.
    pub segments: Vec<Range>,
    /// The source span, when there is one.
    pub source: Option<Range>,
}

/// One predicted quote, in code points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pred {
    /// Content range.
    pub span: Range,
    /// Speaker range, when predicted.
    pub speaker: Option<Range>,
}

/// Counts for one document (or summed over many).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold quotes.
    pub gold: usize,
    /// Gold quotes matched.
    pub matched: usize,
    /// Predictions.
    pub preds: usize,
    /// Predictions assigned to a matched gold.
    pub good_preds: usize,
    /// Matched gold quotes with a source.
    pub with_source: usize,
    /// Of those, with a correct speaker.
    pub speaker_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.matched += o.matched;
        self.preds += o.preds;
        self.good_preds += o.good_preds;
        self.with_source += o.with_source;
        self.speaker_ok += o.speaker_ok;
    }
    fn precision(&self) -> f64 {
        ratio(self.good_preds, self.preds)
    }
    fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.with_source)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn overlap(a: Range, b: Range) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// What happened to each gold and each prediction of one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Counts.
    pub counts: Counts,
    /// Per gold: matched?
    pub gold_matched: Vec<bool>,
    /// Per matched gold with a source: speaker right? (None when not applicable.)
    pub gold_speaker_ok: Vec<Option<bool>>,
    /// Per prediction: index of the gold it is assigned to.
    pub assigned: Vec<Option<usize>>,
}

/// Scores one document's predictions against its gold quotes.
pub fn score(gold: &[Gold], preds: &[Pred]) -> Outcome {
    let mut assigned = vec![None; preds.len()];
    for (pi, p) in preds.iter().enumerate() {
        let len = p.span.1.saturating_sub(p.span.0);
        let mut best: Option<(usize, usize)> = None;
        for (gi, g) in gold.iter().enumerate() {
            let ov: usize = g.segments.iter().map(|&s| overlap(p.span, s)).sum();
            if ov > 0 && best.is_none_or(|(_, b)| ov > b) {
                best = Some((gi, ov));
            }
        }
        if let Some((gi, _)) = best {
            let g = &gold[gi];
            if len > 0 && 2 * overlap(p.span, (g.start, g.end)) >= len {
                assigned[pi] = Some(gi);
            }
        }
    }
    let mut counts = Counts {
        gold: gold.len(),
        preds: preds.len(),
        ..Counts::default()
    };
    let mut gold_matched = vec![false; gold.len()];
    let mut gold_speaker_ok = vec![None; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        let mine: Vec<&Pred> = preds
            .iter()
            .zip(&assigned)
            .filter(|(_, a)| **a == Some(gi))
            .map(|(p, _)| p)
            .collect();
        let total: usize = g.segments.iter().map(|s| s.1.saturating_sub(s.0)).sum();
        // Characters of the segments covered by the union of the assigned predictions.
        let mut covered = 0;
        for &(s, e) in &g.segments {
            covered += (s..e)
                .filter(|&c| mine.iter().any(|p| p.span.0 <= c && c < p.span.1))
                .count();
        }
        if total > 0 && 2 * covered >= total {
            gold_matched[gi] = true;
            counts.matched += 1;
            if let Some(src) = g.source {
                counts.with_source += 1;
                let ok = mine
                    .iter()
                    .any(|p| p.speaker.is_some_and(|sp| overlap(sp, src) > 0));
                gold_speaker_ok[gi] = Some(ok);
                if ok {
                    counts.speaker_ok += 1;
                }
            }
        }
    }
    counts.good_preds = assigned
        .iter()
        .filter(|a| a.is_some_and(|gi| gold_matched[gi]))
        .count();
    Outcome {
        counts,
        gold_matched,
        gold_speaker_ok,
        assigned,
    }
}

/// Maps between code-point and byte offsets of one text.
struct Offsets {
    starts: Vec<usize>,
    len: usize,
}

impl Offsets {
    fn new(text: &str) -> Self {
        Offsets {
            starts: text.char_indices().map(|(b, _)| b).collect(),
            len: text.len(),
        }
    }
    fn to_cp(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }
    fn to_byte(&self, cp: usize) -> usize {
        self.starts.get(cp).copied().unwrap_or(self.len)
    }
}

fn range(v: &Value) -> Option<Range> {
    Some((v["start"].as_u64()? as usize, v["end"].as_u64()? as usize))
}

fn gold_of(a: &Value) -> Option<Gold> {
    let c = &a["content"];
    let (start, end) = range(c)?;
    let mut segments: Vec<Range> = c["segments"]
        .as_array()
        .map(|segs| {
            segs.iter()
                .filter_map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default();
    if segments.is_empty() {
        segments.push((start, end));
    }
    Some(Gold {
        start,
        end,
        segments,
        source: range(&a["source"]),
    })
}

fn snippet(text: &str, off: &Offsets, r: Range, max: usize) -> String {
    let s: String = text[off.to_byte(r.0)..off.to_byte(r.1)].chars().collect();
    let s = s.replace('\n', "⏎");
    if s.chars().count() > max {
        let head: String = s.chars().take(max).collect();
        format!("{head}…")
    } else {
        s
    }
}

/// `newsclean-eval quotes FILE.jsonl [--show N]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let path = pos
        .first()
        .ok_or("usage: newsclean-eval quotes FILE.jsonl")?;
    let show: usize = flag(&flags, "show")
        .map(|v| v.parse().map_err(|_| format!("bad --show {v:?}")))
        .transpose()?
        .unwrap_or(0);
    let split = Split::for_data(path, &flags)?;
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let options = Options::default();
    let mut halves = [Counts::default(), Counts::default()];
    let mut half_docs = [0usize; 2];
    let mut total = Counts::default();
    let mut indirect = Counts::default();
    let mut docs = 0;
    let mut shown_fp = 0;
    let mut shown_miss = 0;
    let mut shown_spk = 0;
    for (ln, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", ln + 1))?;
        let id = doc["id"].as_str().unwrap_or("?");
        let text = doc["text"]
            .as_str()
            .ok_or_else(|| format!("{path}:{}: no text", ln + 1))?;
        let off = Offsets::new(text);
        let attributions = doc["attributions"].as_array().cloned().unwrap_or_default();
        let (direct_gold, indirect_gold): (Vec<_>, Vec<_>) = attributions
            .iter()
            .partition(|a| a["direct"].as_bool().unwrap_or(false));
        let direct_gold: Vec<Gold> = direct_gold.into_iter().filter_map(gold_of).collect();
        let indirect_gold: Vec<Gold> = indirect_gold.into_iter().filter_map(gold_of).collect();
        let facts = extract_facts(text, &options).map_err(|e| format!("{id}: {e}"))?;
        let mut direct_pred = Vec::new();
        let mut indirect_pred = Vec::new();
        for q in &facts.quotes {
            let p = Pred {
                span: (off.to_cp(q.span.start), off.to_cp(q.span.end)),
                speaker: q
                    .speaker
                    .as_ref()
                    .map(|s| (off.to_cp(s.span.start), off.to_cp(s.span.end))),
            };
            if q.direct {
                direct_pred.push(p);
            } else {
                indirect_pred.push(p);
            }
        }
        let o = score(&direct_gold, &direct_pred);
        let oi = score(&indirect_gold, &indirect_pred);
        println!(
            "{id}\tgold={} matched={} preds={} good={} speaker={}/{}",
            o.counts.gold,
            o.counts.matched,
            o.counts.preds,
            o.counts.good_preds,
            o.counts.speaker_ok,
            o.counts.with_source
        );
        for (pi, p) in direct_pred.iter().enumerate() {
            let good = o.assigned[pi].is_some_and(|g| o.gold_matched[g]);
            if !good && shown_fp < show {
                shown_fp += 1;
                println!(
                    "  FP  …{}«{}»",
                    snippet(text, &off, (p.span.0.saturating_sub(60), p.span.0), 60),
                    snippet(text, &off, p.span, 160)
                );
            }
        }
        for (gi, g) in direct_gold.iter().enumerate() {
            if !o.gold_matched[gi] && shown_miss < show {
                shown_miss += 1;
                let before = (g.start.saturating_sub(60), g.start);
                println!(
                    "  MISS …{}«{}»",
                    snippet(text, &off, before, 60),
                    snippet(text, &off, (g.start, g.end), 160)
                );
            }
            if o.gold_speaker_ok[gi] == Some(false) && shown_spk < show {
                shown_spk += 1;
                let want = g.source.map(|s| snippet(text, &off, s, 60));
                let got: Vec<String> = direct_pred
                    .iter()
                    .zip(&o.assigned)
                    .filter(|(_, a)| **a == Some(gi))
                    .map(|(p, _)| p.speaker.map_or("-".into(), |s| snippet(text, &off, s, 60)))
                    .collect();
                println!(
                    "  SPK want={want:?} got={got:?} «{}» …{}",
                    snippet(text, &off, (g.start, g.end), 80),
                    snippet(text, &off, (g.end, g.end + 60), 60)
                );
            }
        }
        if flag(&flags, "show-indirect").is_some() {
            for (gi, g) in indirect_gold.iter().enumerate() {
                if !oi.gold_matched[gi] {
                    let before = (g.start.saturating_sub(40), g.start);
                    println!(
                        "  IMISS …{}«{}»",
                        snippet(text, &off, before, 40),
                        snippet(text, &off, (g.start, g.end), 120)
                    );
                }
            }
            for (pi, p) in indirect_pred.iter().enumerate() {
                if !oi.assigned[pi].is_some_and(|g| oi.gold_matched[g]) {
                    println!("  IFP «{}»", snippet(text, &off, p.span, 120));
                }
            }
        }
        total.add(&o.counts);
        if let Some(h) = split.half(id) {
            halves[h as usize].add(&o.counts);
            half_docs[h as usize] += 1;
        }
        indirect.add(&oi.counts);
        docs += 1;
    }
    println!(
        "indirect (information only, same assignment rules on reported speech): gold={} \
         recall={:.3} precision={:.3} speaker_accuracy={:.3}",
        indirect.gold,
        indirect.recall(),
        indirect.precision(),
        indirect.speaker_accuracy()
    );
    println!(
        "direct: gold={} matched={} preds={} good_preds={} speaker_ok={}/{}",
        total.gold,
        total.matched,
        total.preds,
        total.good_preds,
        total.speaker_ok,
        total.with_source
    );
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let c = &halves[half as usize];
        let (p, r) = (c.precision(), c.recall());
        println!(
            "quotes half={} docs={} precision={p:.3} recall={r:.3} f1={:.3} speaker_accuracy={:.3}",
            half.name(),
            half_docs[half as usize],
            f1(p, r),
            c.speaker_accuracy()
        );
    }
    let (p, r) = (total.precision(), total.recall());
    println!(
        "quotes docs={docs} precision={p:.3} recall={r:.3} f1={:.3} speaker_accuracy={:.3}",
        f1(p, r),
        total.speaker_accuracy()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(start: usize, end: usize, segs: &[Range], source: Option<Range>) -> Gold {
        Gold {
            start,
            end,
            segments: segs.to_vec(),
            source,
        }
    }

    fn p(span: Range, speaker: Option<Range>) -> Pred {
        Pred { span, speaker }
    }

    #[test]
    fn exact_prediction_matches_with_speaker() {
        let gold = [g(10, 30, &[(10, 30)], Some((32, 35)))];
        let o = score(&gold, &[p((11, 29), Some((30, 33)))]);
        assert_eq!(o.counts.matched, 1);
        assert_eq!(o.counts.good_preds, 1);
        assert_eq!(o.counts.speaker_ok, 1);
        assert_eq!(o.counts.with_source, 1);
    }

    #[test]
    fn two_pieces_of_a_split_quote_both_count() {
        // “A,” she said, “B.” gold as one attribution with two segments.
        let gold = [g(0, 40, &[(0, 10), (20, 40)], Some((11, 14)))];
        let o = score(&gold, &[p((1, 9), None), p((21, 39), Some((11, 14)))]);
        assert_eq!(o.counts.matched, 1);
        assert_eq!(o.counts.good_preds, 2);
        assert_eq!(o.counts.speaker_ok, 1);
    }

    #[test]
    fn under_half_coverage_is_not_a_match() {
        // Covers 8 of 20 segment characters.
        let gold = [g(0, 20, &[(0, 20)], None)];
        let o = score(&gold, &[p((0, 8), None)]);
        assert_eq!(o.counts.matched, 0);
        assert_eq!(o.counts.good_preds, 0);
        assert_eq!(o.counts.preds, 1);
    }

    #[test]
    fn prediction_mostly_outside_gold_is_a_false_positive() {
        // 10 of 30 characters inside the gold range: not assigned.
        let gold = [g(0, 10, &[(0, 10)], None)];
        let o = score(&gold, &[p((0, 30), None)]);
        assert_eq!(o.assigned, vec![None]);
        assert_eq!(o.counts.matched, 0);
    }

    #[test]
    fn assigned_to_the_gold_it_overlaps_most() {
        let gold = [g(0, 10, &[(0, 10)], None), g(12, 40, &[(12, 40)], None)];
        let o = score(&gold, &[p((8, 30), None)]);
        assert_eq!(o.assigned, vec![Some(1)]);
    }

    #[test]
    fn missing_speaker_counts_wrong_and_sourceless_gold_is_skipped() {
        let gold = [
            g(0, 10, &[(0, 10)], Some((11, 13))),
            g(20, 30, &[(20, 30)], None),
        ];
        let o = score(&gold, &[p((0, 10), None), p((20, 30), Some((0, 1)))]);
        assert_eq!(o.counts.matched, 2);
        assert_eq!(o.counts.with_source, 1);
        assert_eq!(o.counts.speaker_ok, 0);
    }

    #[test]
    fn offsets_convert_between_bytes_and_code_points() {
        let t = "a“b”c";
        let off = Offsets::new(t);
        assert_eq!(off.to_byte(2), 4);
        assert_eq!(off.to_cp(4), 2);
        assert_eq!(off.to_cp(t.len()), 5);
        assert_eq!(off.to_byte(5), t.len());
    }
}

//! The TempEval-3-style TIMEX metric, exactly as `shared/eval/README.md` §4 defines it.
//!
//! * strict: a prediction is correct iff its (start, end) equals a gold timex's; P = correct
//!   predictions / predictions, R = gold with an exact-span prediction / gold.
//! * relaxed: an overlap of at least one character; P = predictions overlapping some gold /
//!   predictions, R = gold overlapped by some prediction / gold.
//! * value accuracy: each relaxed-matched gold is paired with the overlapping prediction of largest
//!   overlap (the first in document order on a tie); value_acc = share of those pairs whose value
//!   strings are equal (a missing value is wrong); day_acc = the same over gold values shaped
//!   `YYYY-MM-DD`; type accuracy likewise on the TIMEX3 type.
//!
//! All counts are micro over the corpus. Offsets are Unicode code points, end exclusive.

use std::collections::BTreeMap;

use newsclean::facts::{extract_facts, TimeKind};
use newsclean::Options;

use crate::util::{f1, flag, median, split_args, timed, Half, Split};

/// A time expression in code-point offsets (gold or predicted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// TIMEX3 type: DATE, TIME, DURATION or SET.
    pub kind: String,
    /// TIMEX3 value, if any.
    pub value: Option<String>,
    /// TIMEX3 modifier, if any.
    pub modifier: Option<String>,
}

/// Counts summed over documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold timexes.
    pub gold: usize,
    /// Predicted timexes.
    pub pred: usize,
    /// Predictions whose span equals a gold span.
    pub strict_pred_ok: usize,
    /// Gold timexes with an exact-span prediction.
    pub strict_gold_ok: usize,
    /// Predictions overlapping some gold.
    pub relaxed_pred_ok: usize,
    /// Gold timexes overlapped by some prediction (= value pairs).
    pub relaxed_gold_ok: usize,
    /// Pairs with equal values.
    pub value_ok: usize,
    /// Pairs whose gold value is `YYYY-MM-DD`.
    pub day_pairs: usize,
    /// ... of which the value is equal.
    pub day_ok: usize,
    /// Pairs with equal types.
    pub type_ok: usize,
}

impl Counts {
    /// Adds another set of counts.
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.strict_pred_ok += o.strict_pred_ok;
        self.strict_gold_ok += o.strict_gold_ok;
        self.relaxed_pred_ok += o.relaxed_pred_ok;
        self.relaxed_gold_ok += o.relaxed_gold_ok;
        self.value_ok += o.value_ok;
        self.day_pairs += o.day_pairs;
        self.day_ok += o.day_ok;
        self.type_ok += o.type_ok;
    }

    /// Strict (precision, recall, f1).
    pub fn strict(&self) -> (f64, f64, f64) {
        let p = ratio(self.strict_pred_ok, self.pred);
        let r = ratio(self.strict_gold_ok, self.gold);
        (p, r, f1(p, r))
    }

    /// Relaxed (precision, recall, f1).
    pub fn relaxed(&self) -> (f64, f64, f64) {
        let p = ratio(self.relaxed_pred_ok, self.pred);
        let r = ratio(self.relaxed_gold_ok, self.gold);
        (p, r, f1(p, r))
    }

    /// Value accuracy over relaxed-matched gold.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_ok, self.relaxed_gold_ok)
    }

    /// Value accuracy over relaxed-matched gold shaped `YYYY-MM-DD`.
    pub fn day_accuracy(&self) -> f64 {
        ratio(self.day_ok, self.day_pairs)
    }

    /// Type accuracy over relaxed-matched gold.
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_ok, self.relaxed_gold_ok)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Characters shared by two half-open ranges.
fn overlap(a: &Timex, b: &Timex) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// True for a value shaped `YYYY-MM-DD` (digits and dashes only).
pub fn is_day_value(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// What happened to one gold timex: the index of its paired prediction, and whether the span was
/// exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldOutcome {
    /// Index of the paired prediction (largest overlap), if any overlaps.
    pub pair: Option<usize>,
    /// A prediction has exactly its span.
    pub exact: bool,
}

/// Scores one document; also returns each gold's outcome (for error listings).
pub fn score_doc(gold: &[Timex], pred: &[Timex]) -> (Counts, Vec<GoldOutcome>) {
    let mut c = Counts {
        gold: gold.len(),
        pred: pred.len(),
        ..Counts::default()
    };
    for p in pred {
        if gold.iter().any(|g| g.start == p.start && g.end == p.end) {
            c.strict_pred_ok += 1;
        }
        if gold.iter().any(|g| overlap(g, p) > 0) {
            c.relaxed_pred_ok += 1;
        }
    }
    let mut outcomes = Vec::with_capacity(gold.len());
    for g in gold {
        let exact = pred.iter().any(|p| g.start == p.start && g.end == p.end);
        if exact {
            c.strict_gold_ok += 1;
        }
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in pred.iter().enumerate() {
            let o = overlap(g, p);
            if o > 0 && best.is_none_or(|(_, bo)| o > bo) {
                best = Some((i, o));
            }
        }
        if let Some((i, _)) = best {
            c.relaxed_gold_ok += 1;
            let p = &pred[i];
            let value_ok = g.value.is_some() && p.value == g.value;
            if value_ok {
                c.value_ok += 1;
            }
            if g.value.as_deref().is_some_and(is_day_value) {
                c.day_pairs += 1;
                if value_ok {
                    c.day_ok += 1;
                }
            }
            if p.kind == g.kind {
                c.type_ok += 1;
            }
        }
        outcomes.push(GoldOutcome {
            pair: best.map(|b| b.0),
            exact,
        });
    }
    (c, outcomes)
}

/// Byte offset → code-point offset table for `text` (one entry per byte boundary we need).
fn cp_of_byte(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut cp = 0;
    for (b, ch) in text.char_indices() {
        for (k, slot) in map.iter_mut().skip(b).take(ch.len_utf8()).enumerate() {
            *slot = cp + usize::from(k > 0);
        }
        cp += 1;
    }
    if let Some(last) = map.last_mut() {
        *last = cp;
    }
    map
}

fn kind_name(k: TimeKind) -> &'static str {
    match k {
        TimeKind::Date => "DATE",
        TimeKind::Time => "TIME",
        TimeKind::Duration => "DURATION",
        TimeKind::Set => "SET",
    }
}

/// Runs newsclean on one document and returns its timexes in code points.
fn predict(text: &str, dct: &str) -> Result<Vec<Timex>, String> {
    let facts = extract_facts(
        text,
        &Options {
            reference_date: Some(dct.to_string()),
            facts: true,
            ..Default::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let cp = cp_of_byte(text);
    Ok(facts
        .times
        .iter()
        .map(|t| Timex {
            start: cp.get(t.span.start).copied().unwrap_or(0),
            end: cp.get(t.span.end).copied().unwrap_or(0),
            kind: kind_name(t.kind).to_string(),
            value: t.value.clone(),
            modifier: t.modifier.clone(),
        })
        .collect())
}

/// One parsed document of the jsonl.
struct Doc {
    id: String,
    text: String,
    dct: String,
    gold: Vec<Timex>,
}

fn parse_doc(line: &str) -> Result<Doc, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
    let mut gold = Vec::new();
    for t in v["timexes"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let n = |k: &str| t[k].as_u64().map(|x| x as usize).ok_or(format!("bad {k}"));
        gold.push(Timex {
            start: n("start")?,
            end: n("end")?,
            kind: t["type"].as_str().unwrap_or("").to_string(),
            value: t["value"].as_str().map(str::to_string),
            modifier: t["mod"].as_str().map(str::to_string),
        });
    }
    Ok(Doc {
        id: s("id"),
        text: s("text"),
        dct: s("dct"),
        gold,
    })
}

/// Text of a code-point range, on one line.
fn cp_slice(chars: &[char], a: usize, b: usize) -> String {
    chars
        .get(a.min(chars.len())..b.min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .map(|c| if c.is_whitespace() { ' ' } else { *c })
        .collect()
}

/// `newsclean-eval timex FILE.jsonl [--errors N]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let path = pos.first().ok_or("timex needs a FILE.jsonl (see --help)")?;
    let show: usize = flag(&flags, "errors")
        .unwrap_or("0")
        .parse()
        .map_err(|_| "--errors needs a number")?;
    let split = Split::for_data(path, &flags)?;
    let mut halves = [Counts::default(), Counts::default()];
    let mut half_docs = [0usize; 2];
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut total = Counts::default();
    let mut by_gold_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_pred_type: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut spurious = Vec::new();
    let mut span_errs = Vec::new();
    let mut value_errs = Vec::new();
    let mut docs = 0;
    let mut times = Vec::new();
    let mut bytes = 0usize;
    for (ln, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc = parse_doc(line).map_err(|e| format!("{path}:{}: {e}", ln + 1))?;
        docs += 1;
        let (pred, ms) = timed(|| predict(&doc.text, &doc.dct));
        let pred = pred?;
        times.push(ms);
        bytes += doc.text.len();
        let (c, outcomes) = score_doc(&doc.gold, &pred);
        total.add(&c);
        if let Some(h) = split.half(&doc.id) {
            halves[h as usize].add(&c);
            half_docs[h as usize] += 1;
        }
        let chars: Vec<char> = doc.text.chars().collect();
        for (g, o) in doc.gold.iter().zip(&outcomes) {
            let (one, _) = score_doc(std::slice::from_ref(g), &pred);
            let mut one = one;
            one.pred = 0;
            one.strict_pred_ok = 0;
            one.relaxed_pred_ok = 0;
            by_gold_type.entry(g.kind.clone()).or_default().add(&one);
            let gtext = cp_slice(&chars, g.start, g.end);
            let ctx = cp_slice(&chars, g.start.saturating_sub(40), g.end + 25);
            match o.pair.and_then(|i| pred.get(i)) {
                None => misses.push(format!(
                    "{} dct={} {} {:?} {} | {ctx}",
                    doc.id,
                    doc.dct,
                    g.kind,
                    gtext,
                    g.value.as_deref().unwrap_or("-")
                )),
                Some(p) => {
                    if !o.exact {
                        span_errs.push(format!(
                            "gold {:?} pred {:?} | {ctx}",
                            gtext,
                            cp_slice(&chars, p.start, p.end)
                        ));
                    }
                    if p.value != g.value || p.kind != g.kind {
                        value_errs.push(format!(
                            "dct={} {:?} gold {} {} pred {} {} | {ctx}",
                            doc.dct,
                            gtext,
                            g.kind,
                            g.value.as_deref().unwrap_or("-"),
                            p.kind,
                            p.value.as_deref().unwrap_or("-")
                        ));
                    }
                }
            }
        }
        for p in &pred {
            let e = by_pred_type.entry(p.kind.clone()).or_default();
            e.0 += 1;
            if doc
                .gold
                .iter()
                .any(|g| g.start == p.start && g.end == p.end)
            {
                e.1 += 1;
            }
            if doc.gold.iter().any(|g| overlap(g, p) > 0) {
                e.2 += 1;
            } else {
                let ctx = cp_slice(&chars, p.start.saturating_sub(40), p.end + 25);
                spurious.push(format!(
                    "{} {:?} {} | {ctx}",
                    p.kind,
                    cp_slice(&chars, p.start, p.end),
                    p.value.as_deref().unwrap_or("-")
                ));
            }
        }
    }
    if show > 0 {
        for (name, list) in [
            ("missed", &misses),
            ("spurious", &spurious),
            ("span", &span_errs),
            ("value/type", &value_errs),
        ] {
            println!("== {name} ({} total)", list.len());
            for l in list.iter().take(show) {
                println!("  {l}");
            }
        }
    }
    println!("gold type  count  strict_r  relaxed_r  value_acc  type_acc");
    for (k, c) in &by_gold_type {
        println!(
            "  {k:<8} {:>5}  {:>8.3}  {:>9.3}  {:>9.3}  {:>8.3}",
            c.gold,
            ratio(c.strict_gold_ok, c.gold),
            ratio(c.relaxed_gold_ok, c.gold),
            c.value_accuracy(),
            c.type_accuracy()
        );
    }
    println!("predicted type  count  strict_p  relaxed_p");
    for (k, (n, s, r)) in &by_pred_type {
        println!(
            "  {k:<13} {n:>5}  {:>8.3}  {:>9.3}",
            ratio(*s, *n),
            ratio(*r, *n)
        );
    }
    let total_ms: f64 = times.iter().sum();
    println!(
        "time: median {:.3} ms per document, {:.1} MB/s (extract_facts, all extractors)",
        median(&mut times),
        bytes as f64 / 1e3 / total_ms.max(1e-9)
    );
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let c = &halves[half as usize];
        println!(
            "timex half={} docs={} strict_f1={:.3} relaxed_f1={:.3} value_accuracy={:.3} day_accuracy={:.3}",
            half.name(),
            half_docs[half as usize],
            c.strict().2,
            c.relaxed().2,
            c.value_accuracy(),
            c.day_accuracy()
        );
    }
    let (sp, sr, sf) = total.strict();
    let (rp, rr, rf) = total.relaxed();
    println!(
        "gold={} pred={} strict P={sp:.3} R={sr:.3} relaxed P={rp:.3} R={rr:.3} \
         type_accuracy={:.3} day_pairs={}",
        total.gold,
        total.pred,
        total.type_accuracy(),
        total.day_pairs
    );
    println!(
        "timex docs={docs} strict_f1={sf:.3} relaxed_f1={rf:.3} value_accuracy={:.3} day_accuracy={:.3}",
        total.value_accuracy(),
        total.day_accuracy()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(start: usize, end: usize, kind: &str, value: &str) -> Timex {
        Timex {
            start,
            end,
            kind: kind.into(),
            value: (!value.is_empty()).then(|| value.to_string()),
            modifier: None,
        }
    }

    #[test]
    fn strict_and_relaxed_by_hand() {
        // Gold: [0,8) "Thursday", [20,29) "last week", [40,44) "2022".
        let gold = [
            t(0, 8, "DATE", "2025-11-27"),
            t(20, 29, "DATE", "2025-W47"),
            t(40, 44, "DATE", "2022"),
        ];
        // Pred: exact first; "week" inside the second (relaxed only); a spurious one.
        let pred = [
            t(0, 8, "DATE", "2025-11-27"),
            t(25, 29, "DURATION", "P1W"),
            t(50, 55, "DATE", "2020"),
        ];
        let (c, o) = score_doc(&gold, &pred);
        assert_eq!((c.gold, c.pred), (3, 3));
        assert_eq!((c.strict_pred_ok, c.strict_gold_ok), (1, 1));
        assert_eq!((c.relaxed_pred_ok, c.relaxed_gold_ok), (2, 2));
        let (p, r, f) = c.strict();
        assert!((p - 1.0 / 3.0).abs() < 1e-12 && (r - 1.0 / 3.0).abs() < 1e-12);
        assert!((f - 1.0 / 3.0).abs() < 1e-12);
        let (p, r, f) = c.relaxed();
        assert!((p - 2.0 / 3.0).abs() < 1e-12 && (r - 2.0 / 3.0).abs() < 1e-12);
        assert!((f - 2.0 / 3.0).abs() < 1e-12);
        // Values: 1 of 2 pairs right; the day pair is right; types 1 of 2.
        assert_eq!((c.value_ok, c.day_pairs, c.day_ok, c.type_ok), (1, 1, 1, 1));
        assert_eq!(c.value_accuracy(), 0.5);
        assert_eq!(c.day_accuracy(), 1.0);
        assert_eq!(
            o,
            vec![
                GoldOutcome {
                    pair: Some(0),
                    exact: true
                },
                GoldOutcome {
                    pair: Some(1),
                    exact: false
                },
                GoldOutcome {
                    pair: None,
                    exact: false
                },
            ]
        );
    }

    #[test]
    fn pairs_with_largest_overlap_and_missing_value_is_wrong() {
        let gold = [t(10, 30, "DATE", "1998-08-07")];
        // Two overlapping predictions: 2 chars and 10 chars of overlap.
        let pred = [t(8, 12, "DATE", "1998-08-07"), t(15, 25, "DATE", "")];
        let (c, o) = score_doc(&gold, &pred);
        assert_eq!(o[0].pair, Some(1));
        assert_eq!((c.relaxed_pred_ok, c.relaxed_gold_ok), (2, 1));
        // The paired prediction has no value: wrong, also for day accuracy.
        assert_eq!((c.value_ok, c.day_pairs, c.day_ok), (0, 1, 0));
        // Touching ranges do not overlap.
        let (c, _) = score_doc(&gold, &[t(30, 34, "DATE", "1998")]);
        assert_eq!(c.relaxed_gold_ok, 0);
        // A non-day gold value does not count for day accuracy.
        let (c, _) = score_doc(
            &[t(0, 4, "DATE", "1998-W02")],
            &[t(0, 4, "DATE", "1998-W02")],
        );
        assert_eq!((c.value_ok, c.day_pairs), (1, 0));
    }

    #[test]
    fn empty_sides() {
        let (c, _) = score_doc(&[], &[]);
        assert_eq!(c.strict(), (0.0, 0.0, 0.0));
        let (c, _) = score_doc(&[t(0, 4, "DATE", "1998")], &[]);
        assert_eq!((c.gold, c.relaxed_gold_ok, c.value_accuracy()), (1, 0, 0.0));
    }

    #[test]
    fn byte_to_code_point_offsets() {
        // "€" is 3 bytes, "é" 2.
        let text = "€5 café x";
        let cp = cp_of_byte(text);
        assert_eq!(cp[0], 0);
        assert_eq!(cp[3], 1); // after €
        let x = text.find('x').unwrap_or(0);
        assert_eq!(cp[x], 8);
        assert_eq!(cp[text.len()], 9);
        assert!(is_day_value("1998-08-07"));
        assert!(!is_day_value("1998-W02-1"));
        assert!(!is_day_value("1998-08-07T10:00"));
    }
}

//! Named-entity scoring, exactly as `shared/eval/README.md` §3 defines it: a predicted entity is
//! correct iff its (start, end, label) equals a gold entity's (code-point offsets, end exclusive);
//! micro precision / recall / F1 over PER, ORG, LOC and MISC, plus the same per label and with
//! MISC removed. Every mention of every extracted entity is one prediction.

use std::collections::{BTreeMap, HashSet};

use newsclean::facts::{extract_facts, EntityKind};
use newsclean::Options;

use crate::util::{f1, flag, split_args, timed, Half, Split};

/// The labels, in report order.
pub const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// One labelled span in code points.
pub type Labelled = (usize, usize, String);

/// The CoNLL label of an entity kind.
pub fn label_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Nationality | EntityKind::Event | EntityKind::Product | EntityKind::Other => {
            "MISC"
        }
    }
}

/// Counts for one label (or all): true positives, predictions, gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that exactly match a gold entity.
    pub tp: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold entities.
    pub gold: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }

    /// (precision, recall, f1); 0 where undefined.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        };
        (p, r, f1(p, r))
    }
}

/// Scores one document: counts per label. Duplicate predictions of the same (start, end, label)
/// count once, as a set (an extractor should never emit them; the scorer does not reward it).
pub fn score_doc(gold: &[Labelled], pred: &[Labelled]) -> BTreeMap<String, Counts> {
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    let gold: HashSet<&Labelled> = gold.iter().collect();
    let pred: HashSet<&Labelled> = pred.iter().collect();
    for g in &gold {
        out.entry(g.2.clone()).or_default().gold += 1;
    }
    for p in &pred {
        let c = out.entry(p.2.clone()).or_default();
        c.pred += 1;
        if gold.contains(p) {
            c.tp += 1;
        }
    }
    out
}

/// Micro totals over the given labels.
pub fn total(per_label: &BTreeMap<String, Counts>, labels: &[&str]) -> Counts {
    let mut t = Counts::default();
    for l in labels {
        if let Some(c) = per_label.get(*l) {
            t.add(*c);
        }
    }
    t
}

/// Maps byte offsets of `text` to code-point offsets (a table with one entry per byte + 1).
pub fn byte_to_cp(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut cp = 0;
    for (b, ch) in text.char_indices() {
        for slot in map.iter_mut().skip(b).take(ch.len_utf8()) {
            *slot = cp;
        }
        cp += 1;
    }
    map[text.len()] = cp;
    map
}

/// The predictions of newsclean for one text, in code points.
pub fn predict(text: &str) -> Result<Vec<Labelled>, String> {
    let facts = extract_facts(text, &Options::default()).map_err(|e| e.to_string())?;
    let map = byte_to_cp(text);
    let mut out = Vec::new();
    for e in &facts.entities {
        let label = label_of(e.kind);
        for m in &e.mentions {
            let s = map.get(m.span.start).copied().unwrap_or(0);
            let t = map.get(m.span.end).copied().unwrap_or(0);
            out.push((s, t, label.to_string()));
        }
    }
    Ok(out)
}

fn parse_doc(line: &str) -> Result<(String, String, Vec<Labelled>), String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let id = v["id"].as_str().unwrap_or("").to_string();
    let text = v["text"]
        .as_str()
        .ok_or("document without text")?
        .to_string();
    let mut gold = Vec::new();
    for e in v["entities"].as_array().into_iter().flatten() {
        let s = e["start"].as_u64().ok_or("entity without start")? as usize;
        let t = e["end"].as_u64().ok_or("entity without end")? as usize;
        let l = e["label"].as_str().ok_or("entity without label")?;
        gold.push((s, t, l.to_string()));
    }
    Ok((id, text, gold))
}

/// Marks for one document, in text order: (start, "ok" | "FN" | "FP", label, text).
fn marks(text: &str, gold: &[Labelled], pred: &[Labelled]) -> Vec<(usize, &'static str, String)> {
    let chars: Vec<char> = text.chars().collect();
    let piece = |s: usize, t: usize| -> String {
        chars
            .get(s..t)
            .map_or(String::new(), |c| c.iter().collect())
    };
    let gs: HashSet<&Labelled> = gold.iter().collect();
    let ps: HashSet<&Labelled> = pred.iter().collect();
    let mut out = Vec::new();
    for g in gold {
        let m = if ps.contains(g) { "ok" } else { "FN" };
        out.push((g.0, m, format!("{} {:?}", g.2, piece(g.0, g.1))));
    }
    for p in pred.iter().filter(|p| !gs.contains(p)) {
        out.push((p.0, "FP", format!("{} {:?}", p.2, piece(p.0, p.1))));
    }
    out.sort();
    out
}

/// Prints a document line by line with its gold and predicted entities (for `--doc ID`).
fn show_doc(text: &str, gold: &[Labelled], pred: &[Labelled]) {
    let all = marks(text, gold, pred);
    let mut next = all.iter().peekable();
    let mut line_end = 0;
    for line in text.split('\n') {
        line_end += line.chars().count() + 1;
        println!("| {line}");
        while let Some((_, m, what)) = next.next_if(|(s, _, _)| *s < line_end) {
            println!("    {m} {what}");
        }
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let path = pos.first().ok_or("ner needs a FILE.jsonl (see --help)")?;
    let errors: usize = flag(&flags, "errors")
        .unwrap_or("0")
        .parse()
        .map_err(|_| "--errors needs a number")?;
    let split = Split::for_data(path, &flags)?;
    let mut halves: [BTreeMap<String, Counts>; 2] = Default::default();
    let mut half_docs = [0usize; 2];
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut all: BTreeMap<String, Counts> = BTreeMap::new();
    let mut docs = 0;
    let mut ms_total = 0.0;
    let only = flag(&flags, "doc");
    let mut shown = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (id, text, gold) = parse_doc(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        if only.is_some_and(|o| o != id) {
            continue;
        }
        let (pred, ms) = timed(|| predict(&text));
        let pred = pred.map_err(|e| format!("{id}: {e}"))?;
        if only.is_some() {
            show_doc(&text, &gold, &pred);
        }
        ms_total += ms;
        docs += 1;
        let half = split.half(&id).map(|h| h as usize);
        if let Some(h) = half {
            half_docs[h] += 1;
        }
        for (l, c) in score_doc(&gold, &pred) {
            if let Some(h) = half {
                halves[h].entry(l.clone()).or_default().add(c);
            }
            all.entry(l).or_default().add(c);
        }
        for (_, m, what) in marks(&text, &gold, &pred) {
            if m != "ok" && shown < errors {
                println!("{m} {id} {what}");
                shown += 1;
            }
        }
    }
    println!("label  precision recall f1     (tp/pred/gold)");
    for l in LABELS {
        let c = all.get(l).copied().unwrap_or_default();
        let (p, r, f) = c.prf();
        println!(
            "{l:<6} {p:.3}     {r:.3}  {f:.3}  ({}/{}/{})",
            c.tp, c.pred, c.gold
        );
    }
    let (p, r, f) = total(&all, &["PER", "ORG", "LOC"]).prf();
    println!("PER/ORG/LOC (MISC removed): precision={p:.3} recall={r:.3} f1={f:.3}");
    println!("time: {:.2} ms per document", ms_total / docs.max(1) as f64);
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let (p, r, f) = total(&halves[half as usize], &LABELS).prf();
        println!(
            "ner half={} docs={} precision={p:.3} recall={r:.3} f1={f:.3}",
            half.name(),
            half_docs[half as usize]
        );
    }
    let (p, r, f) = total(&all, &LABELS).prf();
    println!("ner docs={docs} precision={p:.3} recall={r:.3} f1={f:.3}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(s: usize, t: usize, label: &str) -> Labelled {
        (s, t, label.to_string())
    }

    #[test]
    fn exact_span_and_label_only() {
        let gold = vec![l(0, 5, "PER"), l(10, 16, "LOC"), l(20, 23, "ORG")];
        let pred = vec![
            l(0, 5, "PER"),    // right
            l(10, 16, "ORG"),  // right span, wrong label
            l(20, 22, "ORG"),  // partial overlap
            l(30, 33, "MISC"), // spurious
        ];
        let s = score_doc(&gold, &pred);
        assert_eq!(
            s["PER"],
            Counts {
                tp: 1,
                pred: 1,
                gold: 1
            }
        );
        assert_eq!(
            s["LOC"],
            Counts {
                tp: 0,
                pred: 0,
                gold: 1
            }
        );
        assert_eq!(
            s["ORG"],
            Counts {
                tp: 0,
                pred: 2,
                gold: 1
            }
        );
        assert_eq!(
            s["MISC"],
            Counts {
                tp: 0,
                pred: 1,
                gold: 0
            }
        );
        let t = total(&s, &LABELS);
        assert_eq!(
            t,
            Counts {
                tp: 1,
                pred: 4,
                gold: 3
            }
        );
        let (p, r, f) = t.prf();
        assert!((p - 0.25).abs() < 1e-12);
        assert!((r - 1.0 / 3.0).abs() < 1e-12);
        assert!((f - 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)).abs() < 1e-12);
        // MISC removed.
        let t = total(&s, &["PER", "ORG", "LOC"]);
        assert_eq!(
            t,
            Counts {
                tp: 1,
                pred: 3,
                gold: 3
            }
        );
    }

    #[test]
    fn empty_cases() {
        let s = score_doc(&[], &[]);
        assert_eq!(total(&s, &LABELS).prf(), (0.0, 0.0, 0.0));
        let s = score_doc(&[l(0, 1, "LOC")], &[]);
        assert_eq!(
            total(&s, &LABELS),
            Counts {
                tp: 0,
                pred: 0,
                gold: 1
            }
        );
    }

    #[test]
    fn code_points_not_bytes() {
        let t = "Zoë met Łukasz in Kyiv";
        let m = byte_to_cp(t);
        let s = t.find("Łukasz").unwrap_or(0);
        assert_eq!((m[s], m[s + "Łukasz".len()]), (8, 14));
        assert_eq!(m[t.len()], t.chars().count());
    }

    #[test]
    fn kinds_map_to_conll_labels() {
        assert_eq!(label_of(EntityKind::Person), "PER");
        assert_eq!(label_of(EntityKind::Organization), "ORG");
        assert_eq!(label_of(EntityKind::Place), "LOC");
        for k in [
            EntityKind::Nationality,
            EntityKind::Event,
            EntityKind::Product,
            EntityKind::Other,
        ] {
            assert_eq!(label_of(k), "MISC");
        }
    }
}

//! Key sentences against extractive summaries, exactly as `shared/eval/README.md` §6 defines it:
//! the first k predicted sentences (ranked best first) against the gold sentences; a prediction
//! p matches a gold sentence g iff |p ∩ g| ≥ 0.5 · max(|p|, |g|) in code points; matching is
//! one-to-one, greedy by overlap; precision, recall and F1 are micro over articles. Reported at
//! k = len(gold) per article and at k = 3, for newsclean and for the lead-k baseline (the first k
//! sentences of newsclean's own splitter). Also reports how many gold sentences are exactly one
//! sentence of newsclean's splitter; with `NEWSCLEAN_EVAL_SHOW_MISALIGNED=1` the others go to
//! standard error.

use std::collections::BTreeMap;

use newsclean::facts::extract_facts;
use newsclean::Options;
use serde_json::Value;

use crate::util::{f1, split_args, Half, Split};

/// A span in code points, end exclusive.
pub type CpSpan = (usize, usize);

/// Matches of predictions against gold spans: one-to-one, greedy by overlap (largest first; ties
/// to the earlier prediction, then the earlier gold), counting pairs whose overlap is at least
/// half the longer of the two.
pub fn matches(pred: &[CpSpan], gold: &[CpSpan]) -> usize {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let inter = p.1.min(g.1).saturating_sub(p.0.max(g.0));
            let longer = (p.1 - p.0).max(g.1 - g.0);
            if inter > 0 && 2 * inter >= longer {
                pairs.push((inter, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_p = vec![false; pred.len()];
    let mut used_g = vec![false; gold.len()];
    let mut n = 0;
    for (_, i, j) in pairs {
        if !used_p[i] && !used_g[j] {
            used_p[i] = true;
            used_g[j] = true;
            n += 1;
        }
    }
    n
}

/// Micro counts: matches, predictions taken, gold sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Matched pairs.
    pub matched: usize,
    /// Predictions taken.
    pub predicted: usize,
    /// Gold sentences.
    pub gold: usize,
}

impl Counts {
    /// Adds one article.
    pub fn add(&mut self, pred: &[CpSpan], gold: &[CpSpan]) {
        self.matched += matches(pred, gold);
        self.predicted += pred.len();
        self.gold += gold.len();
    }
    /// (precision, recall, F1).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted == 0 {
            0.0
        } else {
            self.matched as f64 / self.predicted as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.matched as f64 / self.gold as f64
        };
        (p, r, f1(p, r))
    }
}

/// Code-point offset of every byte offset that starts a char (and the end).
fn byte_to_cp(text: &str) -> BTreeMap<usize, usize> {
    let mut m: BTreeMap<usize, usize> = text
        .char_indices()
        .enumerate()
        .map(|(cp, (b, _))| (b, cp))
        .collect();
    m.insert(text.len(), text.chars().count());
    m
}

/// The four scores of one article: newsclean and lead at k = len(gold) and k = 3.
struct Article {
    category: String,
    gold: Vec<CpSpan>,
    ranked: Vec<CpSpan>,
    ranked3: Vec<CpSpan>,
    lead: Vec<CpSpan>,
    /// Gold sentences that are exactly one of newsclean's sentences.
    aligned: usize,
}

fn article(v: &Value) -> Result<Article, String> {
    let text = v["text"].as_str().ok_or("an article without text")?;
    let gold: Vec<CpSpan> = v["summary_spans"]
        .as_array()
        .ok_or("an article without summary_spans")?
        .iter()
        .filter_map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize)))
        .collect();
    let cp = byte_to_cp(text);
    let to_cp = |s: newsclean::Span| -> CpSpan {
        (
            cp.get(&s.start).copied().unwrap_or(0),
            cp.get(&s.end).copied().unwrap_or(0),
        )
    };
    let ranked_at = |k: usize| -> Result<Vec<CpSpan>, String> {
        let facts = extract_facts(
            text,
            &Options {
                key_sentences: k,
                ..Default::default()
            },
        )
        .map_err(|e| e.to_string())?;
        let mut ks = facts.key_sentences;
        ks.sort_by_key(|k| k.rank);
        Ok(ks.into_iter().take(k).map(|k| to_cp(k.span)).collect())
    };
    let sentences: Vec<CpSpan> = newsclean::facts::sentences::split(text)
        .into_iter()
        .map(to_cp)
        .collect();
    let aligned = gold.iter().filter(|g| sentences.contains(g)).count();
    if std::env::var_os("NEWSCLEAN_EVAL_SHOW_MISALIGNED").is_some() {
        let chars: Vec<char> = text.chars().collect();
        let show = |(a, b): CpSpan| chars.get(a..b).map(|c| c.iter().collect::<String>());
        for g in gold.iter().filter(|g| !sentences.contains(g)) {
            let ours: Vec<String> = sentences
                .iter()
                .filter(|s| s.0 < g.1 && g.0 < s.1)
                .filter_map(|&s| show(s))
                .collect();
            eprintln!("GOLD {:?}\n  OURS {:?}", show(*g).unwrap_or_default(), ours);
        }
    }
    Ok(Article {
        category: v["category"].as_str().unwrap_or("").to_string(),
        ranked: ranked_at(gold.len())?,
        ranked3: ranked_at(3)?,
        lead: sentences,
        gold,
        aligned,
    })
}

/// `newsclean-eval summaries FILE.jsonl`.
pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let path = pos.first().ok_or("summaries needs FILE.jsonl")?;
    let split = Split::for_data(path, &flags)?;
    let mut halves = [[Counts::default(); 4], [Counts::default(); 4]];
    let mut half_docs = [0usize; 2];
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    // Per category (and "all"): [newsclean@k, newsclean@3, lead@k, lead@3].
    let mut by_cat: BTreeMap<String, [Counts; 4]> = BTreeMap::new();
    let mut all = [Counts::default(); 4];
    let (mut docs, mut gold_total, mut aligned) = (0usize, 0usize, 0usize);
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let a = article(&v)?;
        let k = a.gold.len();
        let lead_k: Vec<CpSpan> = a.lead.iter().copied().take(k).collect();
        let lead_3: Vec<CpSpan> = a.lead.iter().copied().take(3).collect();
        let cat = by_cat.entry(a.category.clone()).or_default();
        let mut none = [Counts::default(); 4];
        let half = match split.half(v["id"].as_str().unwrap_or("")) {
            Some(h) => {
                half_docs[h as usize] += 1;
                &mut halves[h as usize]
            }
            None => &mut none,
        };
        for c in [&mut *cat, &mut all, half] {
            c[0].add(&a.ranked, &a.gold);
            c[1].add(&a.ranked3, &a.gold);
            c[2].add(&lead_k, &a.gold);
            c[3].add(&lead_3, &a.gold);
        }
        docs += 1;
        gold_total += k;
        aligned += a.aligned;
    }
    println!(
        "{:<14} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "category", "gold", "F1@k", "lead@k", "P@3", "R@3", "F1@3", "lead@3"
    );
    let line = |name: &str, c: &[Counts; 4]| {
        let (_, _, fk) = c[0].prf();
        let (p3, r3, f3) = c[1].prf();
        let (_, _, lk) = c[2].prf();
        let (_, _, l3) = c[3].prf();
        println!(
            "{name:<14} {:>5} {fk:>8.3} {lk:>8.3} {p3:>8.3} {r3:>8.3} {f3:>8.3} {l3:>8.3}",
            c[0].gold
        );
    };
    for (name, c) in &by_cat {
        line(name, c);
    }
    line("all", &all);
    println!(
        "splitter: {aligned} of {gold_total} gold sentences are exactly one newsclean sentence"
    );
    let (_, _, lk) = all[2].prf();
    let (_, _, l3) = all[3].prf();
    println!("lead baseline (own splitter): f1_at_k={lk:.3} f1_at_3={l3:.3}");
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let c = &halves[half as usize];
        let (_, _, fk) = c[0].prf();
        let (_, _, f3) = c[1].prf();
        println!(
            "summaries half={} docs={} f1_at_k={fk:.3} f1_at_3={f3:.3}",
            half.name(),
            half_docs[half as usize]
        );
    }
    let (_, _, fk) = all[0].prf();
    let (_, _, f3) = all[1].prf();
    println!("summaries docs={docs} f1_at_k={fk:.3} f1_at_3={f3:.3}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_must_reach_half_the_longer() {
        // 5 of max(10, 6) = 10: exactly half matches.
        assert_eq!(matches(&[(0, 10)], &[(5, 11)]), 1);
        // 4 of 10: no.
        assert_eq!(matches(&[(0, 10)], &[(6, 12)]), 0);
        // Disjoint.
        assert_eq!(matches(&[(0, 10)], &[(10, 20)]), 0);
    }

    #[test]
    fn one_to_one_greedy_by_overlap() {
        // One prediction that half-covers two gold sentences matches only one of them.
        assert_eq!(matches(&[(0, 20)], &[(0, 10), (10, 20)]), 1);
        // Two predictions, one gold: one match.
        assert_eq!(matches(&[(0, 10), (0, 9)], &[(0, 10)]), 1);
        // Greedy takes the largest overlap first: p0 (0..10) with g0 (0..10), then p1 with g1.
        assert_eq!(matches(&[(0, 10), (10, 18)], &[(0, 10), (9, 18)]), 2);
    }

    #[test]
    fn micro_counts() {
        let mut c = Counts::default();
        c.add(&[(0, 10), (20, 30)], &[(0, 10)]);
        c.add(&[(0, 5)], &[(0, 5), (5, 9), (9, 12)]);
        assert_eq!(
            c,
            Counts {
                matched: 2,
                predicted: 3,
                gold: 4
            }
        );
        let (p, r, f) = c.prf();
        assert!((p - 2.0 / 3.0).abs() < 1e-12 && (r - 0.5).abs() < 1e-12);
        assert!((f - 2.0 * p * r / (p + r)).abs() < 1e-12);
        assert_eq!(Counts::default().prf(), (0.0, 0.0, 0.0));
    }

    #[test]
    fn code_points_from_bytes() {
        let m = byte_to_cp("a€b");
        assert_eq!((m[&0], m[&1], m[&4], m[&5]), (0, 1, 2, 3));
    }
}

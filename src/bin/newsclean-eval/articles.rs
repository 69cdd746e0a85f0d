//! The ScrapingHub article-extraction metric, exactly as `shared/eval/README.md` §1 defines it:
//! word 4-gram shingle multisets per page; precision averaged over pages with output, recall over
//! all pages; F1 the harmonic mean of the two means.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use newsclean::{Format, Options};
use regex::Regex;

use crate::util::{
    cleaner, f1, flag, half_flag, listed_half, median, percentile, read_page, split_args, timed,
    Half, Split,
};

/// Python's `\w+` on str, as the README's Rust port: letters, digits (any script), underscore.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"[\p{L}\p{N}_]+").unwrap()
});

/// Tokens of a text.
pub fn tokens(t: &str) -> Vec<&str> {
    TOKEN.find_iter(t).map(|m| m.as_str()).collect()
}

/// The multiset of shingles: 4-token tuples, or one shorter tuple for texts of 1–3 tokens.
pub fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    let n = toks.len();
    let count = (n.saturating_sub(3)).max(1);
    for i in 0..count {
        let end = (i + 4).min(n);
        *m.entry(toks[i..end].to_vec()).or_insert(0) += 1;
    }
    m
}

/// One page's counts and scores.
#[derive(Clone, Debug, PartialEq)]
pub struct PageScore {
    /// Shingles in both.
    pub tp: usize,
    /// Predicted shingles not in the truth.
    pub fp: usize,
    /// True shingles not predicted.
    pub fn_: usize,
    /// Per-page precision.
    pub precision: f64,
    /// Per-page recall.
    pub recall: f64,
    /// Token sequences equal.
    pub exact: bool,
}

/// Scores one prediction against the truth.
pub fn score_page(truth: &str, pred: &str) -> PageScore {
    let tt = tokens(truth);
    let pt = tokens(pred);
    let t = shingles(&tt);
    let p = shingles(&pt);
    let mut tp = 0;
    for (s, &c) in &p {
        tp += c.min(t.get(s).copied().unwrap_or(0));
    }
    let total_p: usize = p.values().sum();
    let total_t: usize = t.values().sum();
    let fp = total_p - tp;
    let fn_ = total_t - tp;
    let precision = if fp == 0 && fn_ == 0 {
        1.0
    } else if tp == 0 && fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if fp == 0 && fn_ == 0 {
        1.0
    } else if tp == 0 && fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    PageScore {
        tp,
        fp,
        fn_,
        precision,
        recall,
        exact: tt == pt,
    }
}

/// Corpus figures from page scores: (precision, recall, f1, accuracy).
pub fn aggregate(pages: &[PageScore]) -> (f64, f64, f64, f64) {
    let with_output: Vec<&PageScore> = pages.iter().filter(|p| p.tp + p.fp > 0).collect();
    let precision = if with_output.is_empty() {
        0.0
    } else {
        with_output.iter().map(|p| p.precision).sum::<f64>() / with_output.len() as f64
    };
    let recall = if pages.is_empty() {
        0.0
    } else {
        pages.iter().map(|p| p.recall).sum::<f64>() / pages.len() as f64
    };
    let acc = if pages.is_empty() {
        0.0
    } else {
        pages.iter().filter(|p| p.exact).count() as f64 / pages.len() as f64
    };
    (precision, recall, f1(precision, recall), acc)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let dir = pos.first().ok_or("articles needs a DIR (see --help)")?;
    let split = Split::for_data(dir, &flags)?;
    let dir = Path::new(dir);
    let mode = flag(&flags, "mode").unwrap_or("text");
    let worst: usize = flag(&flags, "worst")
        .unwrap_or("10")
        .parse()
        .map_err(|_| "--worst needs a number")?;
    let dump = flag(&flags, "dump").map(Path::new);
    let only = half_flag(&flags)?;
    // Clean each page this many times and keep its fastest time (less noise from other load).
    let repeat: usize = flag(&flags, "repeat")
        .unwrap_or("1")
        .parse()
        .map_err(|_| "--repeat needs a number")?;
    let (sub, ext, format) = match mode {
        "text" => ("text", "txt", Format::Text),
        "html" => ("html", "html", Format::Html),
        m => return Err(format!("--mode must be text or html, not {m:?}")),
    };
    let gt_path = dir.join("ground-truth.json");
    let gt: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&gt_path)
            .map_err(|e| format!("cannot read {}: {e}", gt_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gt_path.display()))?;
    let gt = gt.as_object().ok_or("ground-truth.json is not an object")?;
    let cleaner = cleaner(
        Options {
            format,
            facts: flag(&flags, "facts") != Some("off"),
            ..Options::default()
        },
        &flags,
    )?;
    let listed = listed_half(&flags)?;
    if let Some(d) = dump {
        std::fs::create_dir_all(d).map_err(|e| e.to_string())?;
    }
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut scores = Vec::new();
    let mut halves = Vec::new();
    let mut times = Vec::new();
    // Per-phase times (µs) from the report: ingest, classify, dedupe, facts.
    let mut phases: [Vec<f64>; 4] = Default::default();
    let mut rows = Vec::new();
    for id in ids {
        let truth = gt[id]["articleBody"].as_str().unwrap_or("");
        let path = dir.join(sub).join(format!("{id}.{ext}"));
        let pred = match read_page(&path) {
            Ok(bytes) => {
                let (mut res, mut ms) = timed(|| cleaner.clean_bytes(&bytes));
                for _ in 1..repeat {
                    let (r, t) = timed(|| cleaner.clean_bytes(&bytes));
                    if t < ms {
                        (res, ms) = (r, t);
                    }
                }
                times.push(ms);
                match res {
                    Ok(a) => {
                        if let Some(t) = &a.stats.timings {
                            let us = [t.ingest_us, t.classify_us, t.dedupe_us, t.facts_us];
                            for (v, u) in phases.iter_mut().zip(us) {
                                v.push(u as f64 / 1000.0);
                            }
                        }
                        a.text
                    }
                    Err(e) => {
                        eprintln!("{id}: {e}");
                        String::new()
                    }
                }
            }
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        if let Some(d) = dump.filter(|_| split.listed(only, id)) {
            let _ = std::fs::write(d.join(format!("{id}.txt")), &pred);
        }
        let s = score_page(truth, &pred);
        if listed.is_none() || split.half(id) == listed {
            rows.push((f1(s.precision, s.recall), id.clone(), s.precision, s.recall));
        }
        halves.push(split.half(id));
        scores.push(s);
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("worst pages (f1 precision recall id):");
    for (f, id, p, r) in rows.iter().filter(|r| split.listed(only, &r.1)).take(worst) {
        println!("  {f:.3} {p:.3} {r:.3} {id}");
    }
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let part: Vec<PageScore> = scores
            .iter()
            .zip(&halves)
            .filter(|(_, h)| **h == Some(half))
            .map(|(s, _)| s.clone())
            .collect();
        let (p, r, f, _) = aggregate(&part);
        println!(
            "articles mode={mode} half={} pages={} precision={p:.3} recall={r:.3} f1={f:.3}",
            half.name(),
            part.len()
        );
    }
    let (p, r, f, acc) = aggregate(&scores);
    let p95 = percentile(&mut times.clone(), 95.0);
    println!(
        "exact token match: {:.3}; time per page p95 {:.2} ms",
        acc, p95
    );
    let [ingest, classify, dedupe, facts] = &mut phases;
    println!(
        "phase medians (ms): ingest {:.2}, classify {:.2}, dedupe {:.2}, facts {:.2}",
        median(ingest),
        median(classify),
        median(dedupe),
        median(facts)
    );
    println!(
        "articles mode={mode} pages={} precision={p:.3} recall={r:.3} f1={f:.3} ms_per_page={:.2}",
        scores.len(),
        median(&mut times)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_python_w() {
        assert_eq!(
            tokens("Don’t stop_it, 3.5 €! Привет 東京"),
            ["Don", "t", "stop_it", "3", "5", "Привет", "東京"]
        );
    }

    #[test]
    fn short_texts_give_one_shorter_shingle() {
        assert_eq!(shingles(&["a", "b"]).len(), 1);
        assert_eq!(shingles(&[]).len(), 0);
        let s = shingles(&["a", "b", "c", "d", "a", "b", "c", "d"]);
        // 5 shingles, "a b c d" twice.
        assert_eq!(s.values().sum::<usize>(), 5);
        assert_eq!(s[&vec!["a", "b", "c", "d"]], 2);
    }

    #[test]
    fn page_scores_by_hand() {
        // Truth: 6 tokens = 3 shingles. Prediction: 2 of them plus 1 extra shingle.
        let s = score_page("one two three four five six", "one two three four five x");
        // pred shingles: (1234) (2345) (345x): tp 2, fp 1; fn 1 (3456).
        assert_eq!((s.tp, s.fp, s.fn_), (2, 1, 1));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-12);
        assert!(!s.exact);
        // Identical token sequences: precision = recall = 1, exact.
        let s = score_page("A b, c d.", "A b c d");
        assert_eq!((s.precision, s.recall, s.exact), (1.0, 1.0, true));
        // Empty prediction: precision 0 and skipped in the mean; recall 0.
        let s = score_page("a b c d e", "");
        assert_eq!((s.tp, s.fp, s.precision, s.recall), (0, 0, 0.0, 0.0));
        // Multiset: a repeated prediction earns only as many as the truth has.
        let s = score_page("a b c d", "a b c d a b c d");
        assert_eq!((s.tp, s.fp), (1, 4));
        // Case matters.
        assert_eq!(score_page("a b c d", "A b c d").tp, 0);
    }

    #[test]
    fn aggregate_skips_empty_outputs_for_precision() {
        let pages = vec![
            score_page("a b c d e", "a b c d e"),
            score_page("a b c d e", ""),
        ];
        let (p, r, f, acc) = aggregate(&pages);
        assert_eq!(p, 1.0);
        assert_eq!(r, 0.5);
        assert!((f - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(acc, 0.5);
    }
}

//! trafilatura's must-contain / must-not-contain snippet metric, exactly as
//! `shared/eval/README.md` §2 defines it: per page, each `with` snippet found in the output (after
//! collapsing whitespace) is a true positive, each one missing a false negative; each `without`
//! snippet found is a false positive, each one absent a true negative; micro-averaged over pages.
//! Pages are also grouped by language (German, English, other), taken from the report's
//! `language` (the page's `<html lang>`, else guessed).

use std::path::Path;

use newsclean::{Format, Options};

use crate::util::{cleaner, flag, listed_half, median, percentile, split_args, timed, Half, Split};

/// Collapses whitespace runs to one space and trims (Python's `re.sub(r'\s+', ' ', s).strip()`).
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Confusion counts over snippets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// `with` snippets found.
    pub tp: usize,
    /// `with` snippets missing.
    pub fn_: usize,
    /// `without` snippets found.
    pub fp: usize,
    /// `without` snippets absent.
    pub tn: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fn_ += o.fn_;
        self.fp += o.fp;
        self.tn += o.tn;
    }
    /// (precision, recall, f1, accuracy).
    pub fn scores(&self) -> (f64, f64, f64, f64) {
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = r(self.tp, self.tp + self.fp);
        let rec = r(self.tp, self.tp + self.fn_);
        let f = r(2 * self.tp, 2 * self.tp + self.fp + self.fn_);
        let acc = r(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_);
        (p, rec, f, acc)
    }
}

/// Scores one page's output.
pub fn score_page(output: &str, with: &[&str], without: &[&str]) -> Counts {
    let out = norm(output);
    let mut c = Counts::default();
    let found = |s: &str| !out.is_empty() && out.contains(&norm(s));
    for w in with {
        if found(w) {
            c.tp += 1;
        } else {
            c.fn_ += 1;
        }
    }
    for w in without {
        if found(w) {
            c.fp += 1;
        } else {
            c.tn += 1;
        }
    }
    c
}

fn strings(v: &serde_json::Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let dir = pos.first().ok_or("snippets needs a DIR (see --help)")?;
    let split = Split::for_data(dir, &flags)?;
    let dir = Path::new(dir);
    let worst: usize = flag(&flags, "worst")
        .unwrap_or("10")
        .parse()
        .map_err(|_| "--worst needs a number")?;
    let path = dir.join("evaldata.json");
    let data: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", path.display()))?;
    let data = data.as_object().ok_or("evaldata.json is not an object")?;
    let cleaner = cleaner(
        Options {
            format: Format::Html,
            facts: false,
            ..Options::default()
        },
        &flags,
    )?;
    let listed = listed_half(&flags)?;
    // Per half and language group (de, en, other).
    let mut by_half_lang = [[Counts::default(); 3]; 2];
    let mut keys: Vec<&String> = data.keys().collect();
    keys.sort();
    let (mut all, mut de, mut en, mut other) = (
        Counts::default(),
        Counts::default(),
        Counts::default(),
        Counts::default(),
    );
    let (mut n_de, mut n_en, mut n_other) = (0, 0, 0);
    let mut halves = [(Counts::default(), 0usize); 2];
    let mut times = Vec::new();
    let mut rows = Vec::new();
    for k in keys {
        let item = &data[k];
        let file = item["file"].as_str().unwrap_or("");
        let with = strings(&item["with"]);
        let without = strings(&item["without"]);
        let (text, lang) = match std::fs::read(dir.join("html").join(file)) {
            Ok(bytes) => {
                let (res, ms) = timed(|| cleaner.clean_bytes(&bytes));
                times.push(ms);
                match res {
                    Ok(a) => (a.text, a.language),
                    Err(e) => {
                        eprintln!("{k}: {e}");
                        (String::new(), None)
                    }
                }
            }
            Err(e) => {
                eprintln!("{k}: cannot read {file}: {e}");
                (String::new(), None)
            }
        };
        let c = score_page(&text, &with, &without);
        all.add(c);
        if let Some(h) = split.half(k) {
            halves[h as usize].0.add(c);
            halves[h as usize].1 += 1;
            let g = match lang.as_deref() {
                Some("de") => 0,
                Some("en") => 1,
                _ => 2,
            };
            by_half_lang[h as usize][g].add(c);
        }
        match lang.as_deref() {
            Some("de") => {
                de.add(c);
                n_de += 1;
            }
            Some("en") => {
                en.add(c);
                n_en += 1;
            }
            _ => {
                other.add(c);
                n_other += 1;
            }
        }
        if listed.is_none() || split.half(k) == listed {
            rows.push((c.fn_ + c.fp, k.clone(), c));
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    println!("worst pages (missed with, found without, id):");
    for (_, k, c) in rows.iter().take(worst) {
        println!("  {} {} {k}", c.fn_, c.fp);
    }
    for (name, c, n) in [
        ("de", de, n_de),
        ("en", en, n_en),
        ("other", other, n_other),
    ] {
        let (p, r, f, _) = c.scores();
        println!("  lang={name} pages={n} precision={p:.3} recall={r:.3} f1={f:.3}");
    }
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let (c, n) = halves[half as usize];
        let (p, r, f, _) = c.scores();
        let by_lang: Vec<String> = ["de", "en", "other"]
            .iter()
            .zip(by_half_lang[half as usize])
            .map(|(l, c)| format!("{l}={:.3}", c.scores().2))
            .collect();
        println!(
            "  half={} f1 by language: {}",
            half.name(),
            by_lang.join(" ")
        );
        println!(
            "snippets half={} pages={n} precision={p:.3} recall={r:.3} f1={f:.3}",
            half.name()
        );
    }
    let (p, r, f, acc) = all.scores();
    println!(
        "accuracy {acc:.3}; time per page median {:.2} ms, p95 {:.2} ms",
        median(&mut times.clone()),
        percentile(&mut times, 95.0)
    );
    println!(
        "snippets pages={} precision={p:.3} recall={r:.3} f1={f:.3}",
        n_de + n_en + n_other
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_by_hand() {
        let out = "The  quick\nbrown fox jumps.\n\nOver the dog.";
        let c = score_page(
            out,
            &["quick brown fox", "lazy cat"],
            &["Over the dog.", "Menu"],
        );
        assert_eq!(
            c,
            Counts {
                tp: 1,
                fn_: 1,
                fp: 1,
                tn: 1
            }
        );
        let (p, r, f, acc) = c.scores();
        assert_eq!((p, r, f, acc), (0.5, 0.5, 0.5, 0.5));
        // Empty output: every with is missed, every without is a true negative.
        let c = score_page("", &["a"], &["b"]);
        assert_eq!(
            c,
            Counts {
                tp: 0,
                fn_: 1,
                fp: 0,
                tn: 1
            }
        );
        // Case-sensitive.
        assert_eq!(score_page("Hello", &["hello"], &[]).tp, 0);
    }
}

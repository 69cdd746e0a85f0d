//! `blocks`: every block of every page of a dev set with the block scorer's features and a label
//! from the gold, one tab-separated row per block — the training data of
//! `scripts/train-blocks.py`.
//!
//! Labels: for an article set (`ground-truth.json` with `articleBody`), the share of the block's
//! word 4-grams (the articles metric's shingles; a block of 1–3 words is one shorter n-gram) that
//! occur in the article body. For the snippets set (`evaldata.json`), 1 when the block holds a
//! must-contain snippet or lies inside one (3+ words), 0 when it holds a must-not-contain
//! snippet, else -1 (unknown). The block's text is the last column (third-party text: the file
//! belongs in `target/`, never in the repository).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use newsclean::{Format, Options};

use crate::articles::tokens;
use crate::snippets::norm;
use crate::util::{cleaner, flag, read_page, site_of, split_args, Half, Split};

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let dir = pos.first().ok_or("blocks needs a DIR (see --help)")?;
    let out_path = flag(&flags, "out").ok_or("blocks needs --out FILE")?;
    let split = Split::for_data(dir, &flags)?;
    let set = Path::new(dir.trim_end_matches('/'))
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("set")
        .to_string();
    let dir = Path::new(dir);
    let mode = flag(&flags, "mode").unwrap_or("html");
    let (sub, ext, format) = match mode {
        "text" => ("text", "txt", Format::Text),
        "html" => ("html", "html", Format::Html),
        m => return Err(format!("--mode must be text or html, not {m:?}")),
    };
    let cleaner = cleaner(
        Options {
            format,
            facts: false,
            ..Options::default()
        },
        &flags,
    )?;
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(out_path).map_err(|e| format!("cannot write {out_path}: {e}"))?,
    );
    let io = |e: std::io::Error| e.to_string();
    write!(out, "set\tmode\tid\tsite\thalf\tblock\ttokens\tlabel").map_err(io)?;
    for name in newsclean::block_feature_names() {
        write!(out, "\t{name}").map_err(io)?;
    }
    writeln!(out, "\ttext").map_err(io)?;
    let half_name = |id: &str| split.half(id).map_or("none", Half::name);
    let mut pages = 0;
    let mut rows = 0;
    if dir.join("ground-truth.json").exists() {
        let gt = read_json(&dir.join("ground-truth.json"))?;
        let gt = gt.as_object().ok_or("ground-truth.json is not an object")?;
        let mut ids: Vec<&String> = gt.keys().collect();
        ids.sort();
        for id in ids {
            let truth = gt[id]["articleBody"].as_str().unwrap_or("");
            let site = site_of(gt[id]["url"].as_str().unwrap_or(id));
            let Ok(bytes) = read_page(&dir.join(sub).join(format!("{id}.{ext}"))) else {
                continue;
            };
            let gold = Gold::new(truth);
            let (text, _) = newsclean::decode(&bytes);
            let blocks = cleaner.block_features(&text).map_err(|e| e.to_string())?;
            for (i, (t, _, x)) in blocks.iter().enumerate() {
                let (n, label) = gold.share(t);
                write_row(
                    &mut out,
                    [&set, mode, id, &site, half_name(id)],
                    (i, n, label),
                    x,
                    t,
                )
                .map_err(io)?;
                rows += 1;
            }
            pages += 1;
        }
    } else {
        let data = read_json(&dir.join("evaldata.json"))?;
        let data = data.as_object().ok_or("evaldata.json is not an object")?;
        let mut keys: Vec<&String> = data.keys().collect();
        keys.sort();
        for k in keys {
            let item = &data[k];
            let file = item["file"].as_str().unwrap_or("");
            let Ok(bytes) = std::fs::read(dir.join("html").join(file)) else {
                continue;
            };
            let list = |key: &str| -> Vec<String> {
                item[key]
                    .as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str()).map(norm).collect())
                    .unwrap_or_default()
            };
            let (with, without) = (list("with"), list("without"));
            let site = site_of(k);
            let (text, _) = newsclean::decode(&bytes);
            let blocks = cleaner.block_features(&text).map_err(|e| e.to_string())?;
            for (i, (t, _, x)) in blocks.iter().enumerate() {
                let b = norm(t);
                let inside = |s: &String| {
                    s.contains(&b) && b.split(' ').count() >= 3 || (!s.is_empty() && b.contains(s))
                };
                let label = if with.iter().any(inside) {
                    1.0
                } else if without.iter().any(|s| !s.is_empty() && b.contains(s)) {
                    0.0
                } else {
                    -1.0
                };
                let n = tokens(t).len();
                write_row(
                    &mut out,
                    [&set, mode, k, &site, half_name(k)],
                    (i, n, label),
                    x,
                    t,
                )
                .map_err(io)?;
                rows += 1;
            }
            pages += 1;
        }
    }
    out.flush().map_err(io)?;
    println!("blocks set={set} mode={mode} pages={pages} rows={rows}");
    Ok(())
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    serde_json::from_str(
        &std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", path.display()))
}

fn write_row(
    out: &mut impl Write,
    keys: [&str; 5],
    (block, tokens, label): (usize, usize, f64),
    x: &[f32],
    text: &str,
) -> std::io::Result<()> {
    for k in keys {
        // Ids and sites hold no tabs or line breaks; make sure.
        write!(out, "{}\t", k.replace(['\t', '\n', '\r'], " "))?;
    }
    write!(out, "{block}\t{tokens}\t{label:.4}")?;
    for v in x {
        // Shortest text that reads back as the same f32.
        write!(out, "\t{v}")?;
    }
    writeln!(out, "\t{}", text.replace(['\t', '\n', '\r'], " "))
}

/// The gold article's n-grams (n = 1..4) of tokens.
struct Gold {
    grams: [HashSet<Vec<String>>; 4],
}

impl Gold {
    fn new(truth: &str) -> Gold {
        let toks: Vec<String> = tokens(truth).into_iter().map(str::to_string).collect();
        let mut grams: [HashSet<Vec<String>>; 4] = Default::default();
        for (n, set) in grams.iter_mut().enumerate() {
            for w in toks.windows(n + 1) {
                set.insert(w.to_vec());
            }
        }
        Gold { grams }
    }

    /// The block's token count and the share of its shingles in the gold.
    fn share(&self, text: &str) -> (usize, f64) {
        let t: Vec<String> = tokens(text).into_iter().map(str::to_string).collect();
        if t.is_empty() {
            return (0, 0.0);
        }
        let n = t.len().min(4);
        let total = t.len() + 1 - n;
        let found = t
            .windows(n)
            .filter(|w| self.grams[n - 1].contains(*w))
            .count();
        (t.len(), found as f64 / total as f64)
    }
}

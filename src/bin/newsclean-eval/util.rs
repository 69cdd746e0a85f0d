//! Small helpers shared by the eval subcommands.

use std::time::Instant;

/// Parses `--name value` flags after positional arguments. Returns (positionals, flags).
pub fn split_args(args: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let mut pos = Vec::new();
    let mut flags = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if let Some(name) = args[i].strip_prefix("--") {
            let v = args.get(i + 1).cloned().unwrap_or_default();
            flags.push((name.to_string(), v));
            i += 2;
        } else {
            pos.push(args[i].clone());
            i += 1;
        }
    }
    (pos, flags)
}

/// The value of a flag, if given.
pub fn flag<'a>(flags: &'a [(String, String)], name: &str) -> Option<&'a str> {
    flags
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Reads a page: `path`, or `path` + `.gz` through a gzip decoder when only that exists.
pub fn read_page(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    match std::fs::read(path) {
        Ok(b) => Ok(b),
        Err(e) => {
            let mut gz = path.as_os_str().to_owned();
            gz.push(".gz");
            let Ok(f) = std::fs::File::open(&gz) else {
                return Err(format!("cannot read {}: {e}", path.display()));
            };
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(f)
                .read_to_end(&mut out)
                .map_err(|e| format!("cannot gunzip {}: {e}", path.display()))?;
            Ok(out)
        }
    }
}

/// Runs `f` and returns its result with the time it took in milliseconds.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let r = f();
    (r, t.elapsed().as_secs_f64() * 1000.0)
}

/// The median of a list (0 for an empty list).
pub fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// A percentile (0..=100) by nearest rank.
pub fn percentile(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

/// Harmonic mean of two numbers (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The fixed tune / check halves of a dev set (`quality/splits/<set>.tsv`, written by
/// `scripts/make-splits.py`: items listed by the FNV-1a 64 hash of their id).
#[derive(Clone, Debug, Default)]
pub struct Split {
    halves: std::collections::HashMap<u64, Half>,
}

/// One half of a dev set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Half {
    /// Rules, weights and word lists may be changed by looking at these items.
    Tune,
    /// Only measured: a change that helps tune and not check is fitting.
    Check,
}

impl Half {
    /// Both halves, in report order.
    pub const ALL: [Half; 2] = [Half::Tune, Half::Check];
    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::Check => "check",
        }
    }
}

/// The `--half tune|check` flag: list (show, dump) items of that half only.
pub fn half_flag(flags: &[(String, String)]) -> Result<Option<Half>, String> {
    match flag(flags, "half") {
        None => Ok(None),
        Some("tune") => Ok(Some(Half::Tune)),
        Some("check") => Ok(Some(Half::Check)),
        Some(o) => Err(format!("--half must be tune or check, not {o:?}")),
    }
}

/// FNV-1a, 64 bits (the hash `scripts/make-splits.py` lists ids by).
pub fn fnv1a64(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Split {
    /// The split for the data at `data` (a directory or a `.jsonl` file): `--split FILE` when
    /// given, none for `--split none`, else `quality/splits/<name>.tsv` of this repository when
    /// it exists (`<name>` = the directory's or file's name without `.jsonl`).
    pub fn for_data(data: &str, flags: &[(String, String)]) -> Result<Split, String> {
        let path = match flag(flags, "split") {
            Some("none") => return Ok(Split::default()),
            Some(p) => std::path::PathBuf::from(p),
            None => {
                let name = std::path::Path::new(data.trim_end_matches('/'))
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("")
                    .trim_end_matches(".jsonl")
                    .to_string();
                let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("quality/splits")
                    .join(format!("{name}.tsv"));
                if !p.exists() {
                    return Ok(Split::default());
                }
                p
            }
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut halves = std::collections::HashMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (h, half) = line
                .split_once('\t')
                .ok_or_else(|| format!("{}: bad line {line:?}", path.display()))?;
            let h = u64::from_str_radix(h, 16)
                .map_err(|_| format!("{}: bad hash {h:?}", path.display()))?;
            let half = match half {
                "tune" => Half::Tune,
                "check" => Half::Check,
                other => return Err(format!("{}: bad half {other:?}", path.display())),
            };
            halves.insert(h, half);
        }
        Ok(Split { halves })
    }

    /// Whether item `id` may be listed (`--show`, `--worst`, `--dump`) under `--half tune|check`:
    /// every item without the flag, else only the items of that half.
    pub fn listed(&self, only: Option<Half>, id: &str) -> bool {
        only.is_none_or(|h| self.half(id) == Some(h))
    }

    /// True when a split was loaded.
    pub fn is_some(&self) -> bool {
        !self.halves.is_empty()
    }

    /// The half of an item, when the split lists it.
    pub fn half(&self, id: &str) -> Option<Half> {
        self.halves.get(&fnv1a64(id)).copied()
    }
}

/// The metadata / ner-web comparison form (`shared/eval/README.md` §8, §10): NFKC, curly quotes
/// straight, the dashes U+2010..U+2015 and U+2212 as '-', whitespace collapsed and trimmed, lower
/// case.
pub fn norm_nfkc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkc() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Precision, recall and F1 from counts of correct answers, answers given and answers due.
pub fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, rec) = (r(correct, predicted), r(correct, gold));
    (p, rec, f1(p, rec))
}

/// A cleaner with these options and the block scorer `--model FILE` names (`--model none`: the
/// rules alone; no flag: the scorer shipped in the crate).
pub fn cleaner(
    options: newsclean::Options,
    flags: &[(String, String)],
) -> Result<newsclean::Cleaner, String> {
    let c = newsclean::Cleaner::new(options).map_err(|e| e.to_string())?;
    match flag(flags, "model") {
        None => Ok(c),
        Some("none") => c.with_block_model(None).map_err(|e| e.to_string()),
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            c.with_block_model(Some(&text)).map_err(|e| e.to_string())
        }
    }
}

/// `--half tune|check`: listings (`--worst`, `--show`) restricted to that half (no flag: all).
pub fn listed_half(flags: &[(String, String)]) -> Result<Option<Half>, String> {
    match flag(flags, "half") {
        None | Some("all") => Ok(None),
        Some("tune") => Ok(Some(Half::Tune)),
        Some("check") => Ok(Some(Half::Check)),
        Some(h) => Err(format!("--half must be tune, check or all, not {h:?}")),
    }
}

/// The host of a URL without a leading `www.` (the site a page belongs to), or the text itself.
pub fn site_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    host.strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host)
}

/// The input of a page directory's `--mode` (`default` when the flag is absent): the
/// subdirectory, the file extension and the format to clean it as.
pub fn page_mode<'a>(
    flags: &'a [(String, String)],
    default: &'a str,
) -> Result<(&'a str, &'static str, &'static str, newsclean::Format), String> {
    let mode = flag(flags, "mode").unwrap_or(default);
    match mode {
        "text" => Ok((mode, "text", "txt", newsclean::Format::Text)),
        "html" => Ok((mode, "html", "html", newsclean::Format::Html)),
        m => Err(format!("--mode must be text or html, not {m:?}")),
    }
}

/// `DIR/ground-truth.json`: an object of pages by id.
pub fn ground_truth(
    dir: &std::path::Path,
) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let path = dir.join("ground-truth.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(m)) => Ok(m),
        Ok(_) => Err(format!("{} is not an object", path.display())),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_values() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64("foobar"), 0x85944171f73967e8);
    }
}

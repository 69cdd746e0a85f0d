//! Headline, authors and publication date against WCXB's gold, exactly as `shared/eval/README.md`
//! §8 defines it: per field, over the pages whose gold has the field; precision = correct / pages
//! with a prediction, recall = correct / pages; F1 the harmonic mean.

use std::collections::BTreeSet;
use std::path::Path;

use newsclean::{Cleaner, Format, Options};

use crate::util::{
    cleaner as cleaner_with, flag, half_flag, norm_nfkc, prf, read_page, split_args, Half, Split,
};

/// Credentials dropped from author lists (README §8); `e-ryt` and `cfp` also with anything after.
const CREDENTIALS: &[&str] = &[
    "ms", "rd", "md", "phd", "ph.d.", "ph.d", "mba", "rn", "fand", "jr", "sr", "dr", "lcsw", "mph",
    "cpa", "esq",
];

/// The set of names in an author string: split on `,` `;` ` and ` `&` `|`, a leading "by "
/// dropped, spaces and dots stripped, credentials dropped.
pub fn author_set(s: &str) -> BTreeSet<String> {
    let n = norm_nfkc(s).replace(" and ", ",");
    n.split([',', ';', '&', '|'])
        .map(|p| {
            let p = p.trim();
            let p = p.strip_prefix("by ").unwrap_or(p);
            p.trim_matches(|c: char| c == ' ' || c == '.').to_string()
        })
        .filter(|p| {
            !p.is_empty()
                && !CREDENTIALS.contains(&p.as_str())
                && !p.starts_with("e-ryt")
                && !p.starts_with("cfp")
        })
        .collect()
}

/// Whether a predicted field is right (`None` when there is nothing to compare).
pub fn correct(field: &str, pred: &str, gold: &str) -> bool {
    match field {
        "title" => norm_nfkc(pred) == norm_nfkc(gold),
        "authors" => {
            let p = author_set(pred);
            !p.is_empty() && p == author_set(gold)
        }
        _ => {
            let (p, g) = (pred.trim(), gold.trim());
            p.len() >= 10 && g.len() >= 10 && p.get(..10) == g.get(..10)
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Tally {
    correct: usize,
    predicted: usize,
    gold: usize,
}

const FIELDS: [(&str, &str); 3] = [
    ("title", "title"),
    ("authors", "author"),
    ("published", "published"),
];

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let dir_s = pos.first().ok_or("metadata needs a DIR (see --help)")?;
    let split = Split::for_data(dir_s, &flags)?;
    let dir = Path::new(dir_s);
    let mode = flag(&flags, "mode").unwrap_or("html");
    let only = half_flag(&flags)?;
    let show: usize = flag(&flags, "show")
        .unwrap_or("0")
        .parse()
        .map_err(|_| "--show needs a number")?;
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
    let cleaner = Cleaner::new(Options {
        format,
        facts: false,
        ..Options::default()
    })
    .map_err(|e| e.to_string())?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    // [half (0 tune, 1 check, 2 all)][field]
    let mut tally = [[Tally::default(); 3]; 3];
    let mut shown = [0usize; 3];
    for id in ids {
        let g = &gt[id];
        let path = dir.join(sub).join(format!("{id}.{ext}"));
        let a = read_page(&path)
            .map_err(|e| format!("{id}: {e}"))
            .and_then(|b| {
                let url = g["url"].as_str().map(str::to_string);
                let c = cleaner_with(
                    Options {
                        url,
                        ..cleaner.options().clone()
                    },
                    &flags,
                )?;
                c.clean_bytes(&b).map_err(|e| format!("{id}: {e}"))
            });
        let a = match a {
            Ok(a) => Some(a),
            Err(e) => {
                eprintln!("{e}");
                None
            }
        };
        let half = split.half(id);
        for (fi, (field, key)) in FIELDS.iter().enumerate() {
            let Some(gold) = g[key].as_str().filter(|s| !s.trim().is_empty()) else {
                continue;
            };
            let pred = a.as_ref().and_then(|a| match fi {
                0 => a.title.clone(),
                1 => (!a.byline.is_empty()).then(|| a.byline.join(", ")),
                _ => a.published.clone(),
            });
            let pred = pred.filter(|p| !p.trim().is_empty());
            let ok = pred.as_deref().is_some_and(|p| correct(field, p, gold));
            for h in [Some(2), half.map(|h| h as usize)].into_iter().flatten() {
                let t = &mut tally[h][fi];
                t.gold += 1;
                t.predicted += usize::from(pred.is_some());
                t.correct += usize::from(ok);
            }
            if !ok && shown[fi] < show && split.listed(only, id) {
                shown[fi] += 1;
                println!("{field} {id}: got {pred:?}, want {gold:?}");
            }
        }
    }
    let line = |t: &[Tally; 3]| {
        FIELDS
            .iter()
            .zip(t)
            .map(|((f, _), t)| {
                let (_, _, f1) = prf(t.correct, t.predicted, t.gold);
                format!("{f}_f1={f1:.3}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!("field      precision recall f1     (correct/predicted/gold)");
    for (fi, (field, _)) in FIELDS.iter().enumerate() {
        let t = tally[2][fi];
        let (p, r, f) = prf(t.correct, t.predicted, t.gold);
        println!(
            "{field:<10} {p:.3}     {r:.3}  {f:.3}  ({}/{}/{})",
            t.correct, t.predicted, t.gold
        );
    }
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        let t = &tally[half as usize];
        println!(
            "metadata mode={mode} half={} pages={} {}",
            half.name(),
            t.iter().map(|t| t.gold).max().unwrap_or(0),
            line(t)
        );
    }
    println!(
        "metadata mode={mode} pages={} {}",
        gt.len(),
        line(&tally[2])
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_compare_as_sets_without_credentials() {
        assert!(correct(
            "authors",
            "By Ann Lee and Bo Chan",
            "Bo Chan, Ann Lee"
        ));
        assert!(correct("authors", "Ann Lee, MS, RD", "Ann Lee"));
        assert!(correct(
            "authors",
            "Ann Lee & Bo Chan | Staff",
            "Ann Lee, Bo Chan, Staff"
        ));
        assert!(!correct("authors", "Ann Lee", "Ann Lee and Bo Chan"));
        assert!(correct("authors", "Dr. Ann Lee, E-RYT 500", "Dr. Ann Lee"));
    }

    #[test]
    fn titles_compare_normalised() {
        assert!(correct(
            "title",
            "It’s  a  Title — Really",
            "it's a title - really"
        ));
        assert!(!correct("title", "A Title | Site", "A Title"));
    }

    #[test]
    fn dates_compare_by_day() {
        assert!(correct("published", "2025-03-04T10:00:00Z", "2025-03-04"));
        assert!(!correct("published", "2025-03-05", "2025-03-04"));
        assert!(!correct("published", "2025", "2025-03-04"));
    }
}

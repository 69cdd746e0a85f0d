//! "Is this an article?" (`shared/eval/README.md` §9): `isArticle` should be true on every page of
//! an article set (wcxb-dev) and false on the non-article pages (page-types-dev), reported per
//! page type and per half.

use std::collections::BTreeMap;
use std::path::Path;

use newsclean::{Cleaner, Format, Options};

use crate::util::{cleaner as cleaner_with, flag, half_flag, read_page, split_args, Half, Split};

fn load(path: &Path) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", path.display()))?;
    v.as_object()
        .cloned()
        .ok_or_else(|| format!("{} is not an object", path.display()))
}

/// (pages, said "article") per (half, page type); half 2 is "all".
type Counts = BTreeMap<(usize, String), (usize, usize)>;

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let [articles, others] = [pos.first(), pos.get(1)]
        .map(|p| p.ok_or("pagetypes needs ARTICLES_DIR OTHERS_DIR (see --help)"));
    let (articles, others) = (articles?, others?);
    let show: usize = flag(&flags, "show")
        .unwrap_or("0")
        .parse()
        .map_err(|_| "--show needs a number")?;
    let only = half_flag(&flags)?;
    let cleaner = Cleaner::new(Options {
        format: Format::Html,
        facts: false,
        ..Options::default()
    })
    .map_err(|e| e.to_string())?;
    let mut counts = Counts::new();
    let mut shown = 0;
    let sets = [
        (articles, "ground-truth.json", true),
        (others, "labels.json", false),
    ];
    for (dir_s, labels, want) in sets {
        let split = Split::for_data(dir_s, &flags)?;
        let dir = Path::new(dir_s);
        let labels = load(&dir.join(labels))?;
        let mut ids: Vec<&String> = labels.keys().collect();
        ids.sort();
        for id in ids {
            let kind = labels[id]["page_type"]
                .as_str()
                .unwrap_or("article")
                .to_string();
            let url = labels[id]["url"].as_str().map(str::to_string);
            let said = read_page(&dir.join("html").join(format!("{id}.html")))
                .and_then(|b| {
                    cleaner_with(
                        Options {
                            url,
                            ..cleaner.options().clone()
                        },
                        &flags,
                    )?
                    .clean_bytes(&b)
                    .map_err(|e| e.to_string())
                })
                .map(|a| {
                    let why = a.not_article_reason.unwrap_or_default();
                    (
                        a.is_article,
                        format!("pageType={} {why}", a.page_type.as_str()),
                    )
                });
            let (is_article, why) = match said {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{id}: {e}");
                    (false, String::new())
                }
            };
            if is_article != want && shown < show && split.listed(only, id) {
                shown += 1;
                println!("{kind} {id}: isArticle={is_article} {why}");
            }
            for h in [Some(2), split.half(id).map(|h| h as usize)]
                .into_iter()
                .flatten()
            {
                let c = counts.entry((h, kind.clone())).or_default();
                c.0 += 1;
                c.1 += usize::from(is_article);
            }
        }
    }
    println!("type           pages  said article  share        tune   check");
    // The share of a type's pages called right: kept for articles, rejected for the others.
    let right = |h: usize, kind: &str| {
        counts.get(&(h, kind.to_string())).map(|&(n, yes)| {
            let share = if kind == "article" { yes } else { n - yes };
            share as f64 / n.max(1) as f64
        })
    };
    let fmt = |v: Option<f64>| v.map_or_else(|| "    -".to_string(), |v| format!("{v:.3}"));
    for ((_, kind), (n, yes)) in counts.range((2, String::new())..) {
        let what = if kind == "article" {
            "kept    "
        } else {
            "rejected"
        };
        println!(
            "{kind:<14} {n:>5}  {yes:>12}  {what} {}  {}  {}",
            fmt(right(2, kind)),
            fmt(right(Half::Tune as usize, kind)),
            fmt(right(Half::Check as usize, kind)),
        );
    }
    let summary = |h: usize| {
        let (mut an, mut ay, mut on, mut oy) = (0, 0, 0, 0);
        for ((hh, kind), (n, yes)) in &counts {
            if *hh != h {
                continue;
            }
            if kind == "article" {
                (an, ay) = (an + n, ay + yes);
            } else {
                (on, oy) = (on + n, oy + yes);
            }
        }
        let r = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        format!(
            "articles={an} others={on} recall={:.3} rejected={:.3}",
            r(ay, an),
            r(on - oy, on)
        )
    };
    for half in Half::ALL {
        if counts.keys().any(|(h, _)| *h == half as usize) {
            println!("pagetypes half={} {}", half.name(), summary(half as usize));
        }
    }
    println!("pagetypes {}", summary(2));
    Ok(())
}

//! Relative times resolve against the page's own date: each page of DIR is cleaned with default
//! options (no `referenceDate`); on every page that states a date (its metadata's published date,
//! or a dateline in its text), the report's `referenceDate` must be that date and every time must
//! come out exactly as when the date is given as the option, with no relative date left
//! unresolved. Where DIR's ground truth has a `published` day, also counts how often the
//! reference date is that day.

use std::path::Path;

use newsclean::facts::{ReferenceDateSource, TimeKind};
use newsclean::{Article, Cleaner, Options};

use crate::util::{flag, ground_truth, page_mode, read_page, split_args, Half, Split};

#[derive(Clone, Copy, Default)]
struct Tally {
    pages: usize,
    /// Pages whose reference date came from the page (published date or dateline).
    dated: usize,
    published: usize,
    dateline: usize,
    /// Dated pages whose times equal those of a clean with the date as the option and have no
    /// date left unresolved.
    resolved: usize,
    /// Pages with a gold publication day, and those whose reference date is that day.
    gold: usize,
    gold_match: usize,
}

/// Times of a date kind whose value still has an unknown year, week or day ("XXXX-WXX-4").
fn unresolved(a: &Article) -> usize {
    a.facts
        .times
        .iter()
        .filter(|t| {
            matches!(t.kind, TimeKind::Date | TimeKind::Time)
                && t.value.as_deref().is_some_and(|v| v.contains("XX"))
        })
        .count()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let dir_s = pos.first().ok_or("refdate needs a DIR (see --help)")?;
    let split = Split::for_data(dir_s, &flags)?;
    let dir = Path::new(dir_s);
    let (mode, sub, ext, format) = page_mode(&flags, "html")?;
    let show: usize = flag(&flags, "show")
        .unwrap_or("0")
        .parse()
        .map_err(|_| "--show needs a number")?;
    let gt = ground_truth(dir)?;
    let mut ids: Vec<&String> = gt.keys().collect();
    ids.sort();
    let mut tally = [Tally::default(); 3];
    let mut shown = 0;
    for id in ids {
        let g = &gt[id];
        let bytes = read_page(&dir.join(sub).join(format!("{id}.{ext}")))?;
        let options = Options {
            format,
            url: g["url"].as_str().map(str::to_string),
            ..Options::default()
        };
        let clean = |o: &Options| {
            Cleaner::new(o.clone())
                .and_then(|c| c.clean_bytes(&bytes))
                .map_err(|e| format!("{id}: {e}"))
        };
        let a = clean(&options)?;
        let source = a.facts.reference_date_source;
        let date = a.facts.reference_date.clone();
        let dated = matches!(
            source,
            Some(ReferenceDateSource::Published | ReferenceDateSource::Dateline)
        );
        let mut ok = false;
        if dated {
            let given = clean(&Options {
                reference_date: date.clone(),
                ..options.clone()
            })?;
            ok = given.facts.times == a.facts.times
                && given.facts.reference_date == date
                && unresolved(&a) == 0;
            if !ok && shown < show {
                shown += 1;
                println!(
                    "{id}: reference {date:?} ({source:?}); {} unresolved",
                    unresolved(&a)
                );
            }
        }
        let gold = g["published"]
            .as_str()
            .and_then(|s| s.get(..10))
            .filter(|s| s.len() == 10);
        for h in [Some(2), split.half(id).map(|h| h as usize)]
            .into_iter()
            .flatten()
        {
            let t = &mut tally[h];
            t.pages += 1;
            t.dated += usize::from(dated);
            t.published += usize::from(source == Some(ReferenceDateSource::Published));
            t.dateline += usize::from(source == Some(ReferenceDateSource::Dateline));
            t.resolved += usize::from(ok);
            if let Some(gd) = gold {
                t.gold += 1;
                t.gold_match += usize::from(date.as_deref() == Some(gd));
            }
        }
    }
    let line = |t: &Tally| {
        let rate = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        format!(
            "pages={} dated={} published={} dateline={} resolved={:.3} gold={} gold_match={:.3}",
            t.pages,
            t.dated,
            t.published,
            t.dateline,
            rate(t.resolved, t.dated),
            t.gold,
            rate(t.gold_match, t.gold),
        )
    };
    for half in Half::ALL.into_iter().filter(|_| split.is_some()) {
        println!(
            "refdate mode={mode} half={} {}",
            half.name(),
            line(&tally[half as usize])
        );
    }
    println!("refdate mode={mode} {}", line(&tally[2]));
    let t = &tally[2];
    if t.resolved < t.dated {
        return Err(format!(
            "{} of {} dated pages do not resolve their times against their own date (--show N)",
            t.dated - t.resolved,
            t.dated
        ));
    }
    Ok(())
}

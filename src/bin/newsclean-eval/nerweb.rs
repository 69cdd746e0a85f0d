//! Entities in today's web articles, document level (`shared/eval/README.md` §10): each text is
//! cleaned as plain text with default options (reference date = the page's `published`), and the
//! SETS of (normalised mention, label) per document are compared with the gold; micro P/R/F1 over
//! all documents, per label, and with labels ignored (`untyped_f1`).

use std::collections::{BTreeMap, BTreeSet};

use newsclean::facts::EntityKind;
use newsclean::{Format, Options};

use crate::util::{cleaner, flag, norm_nfkc, prf, split_args, Half, Split};

const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The CoNLL label of an entity kind.
pub fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "LOC",
        _ => "MISC",
    }
}

/// README §10's form of a name: NFKC, `’` as `'`, a trailing `'s` removed, whitespace collapsed,
/// case folded.
pub fn norm(s: &str) -> String {
    let n = norm_nfkc(s);
    match n.strip_suffix("'s") {
        Some(stem) => stem.trim_end().to_string(),
        None => n,
    }
}

type Set = BTreeSet<(String, &'static str)>;

#[derive(Clone, Copy, Default)]
struct Tally {
    correct: usize,
    predicted: usize,
    gold: usize,
}

impl Tally {
    fn add(&mut self, pred: &Set, gold: &Set, keep: impl Fn(&str) -> bool) {
        let p: Vec<_> = pred.iter().filter(|(_, l)| keep(l)).collect();
        let g: Vec<_> = gold.iter().filter(|(_, l)| keep(l)).collect();
        self.predicted += p.len();
        self.gold += g.len();
        self.correct += p.iter().filter(|x| gold.contains(x)).count();
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (pos, flags) = split_args(args);
    let path = pos
        .first()
        .ok_or("nerweb needs a FILE.jsonl (see --help)")?;
    let split = Split::for_data(path, &flags)?;
    let show = flag(&flags, "doc");
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // Index 0 tune, 1 check, 2 all; labels by name, "" = all labels, "untyped" = names alone.
    let mut tally: [BTreeMap<&str, Tally>; 3] = Default::default();
    let mut docs = [0usize; 3];
    for (n, line) in data
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let id = doc["id"].as_str().unwrap_or("");
        let text = doc["text"].as_str().unwrap_or("");
        let gold: Set = doc["entities"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        let l = LABELS
                            .into_iter()
                            .find(|l| Some(*l) == e["label"].as_str())?;
                        Some((norm(e["text"].as_str()?), l))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let cleaner = cleaner(
            Options {
                format: Format::Text,
                reference_date: doc["published"].as_str().map(str::to_string),
                ..Options::default()
            },
            &flags,
        )
        .map_err(|e| format!("{id}: {e}"))?;
        let a = cleaner.clean(text).map_err(|e| format!("{id}: {e}"))?;
        let pred: Set = a
            .facts
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (norm(&m.text), label(e.kind)))
            })
            .collect();
        if show == Some(id) {
            for x in pred.difference(&gold) {
                println!("spurious {x:?}");
            }
            for x in gold.difference(&pred) {
                println!("missed   {x:?}");
            }
        }
        let untyped = |s: &Set| -> Set { s.iter().map(|(t, _)| (t.clone(), "")).collect() };
        let (pu, gu) = (untyped(&pred), untyped(&gold));
        for h in [Some(2), split.half(id).map(|h| h as usize)]
            .into_iter()
            .flatten()
        {
            docs[h] += 1;
            let t = &mut tally[h];
            t.entry("").or_default().add(&pred, &gold, |_| true);
            for l in LABELS {
                t.entry(l).or_default().add(&pred, &gold, |x| x == l);
            }
            t.entry("untyped").or_default().add(&pu, &gu, |_| true);
        }
    }
    let line = |h: usize| {
        let t = &tally[h];
        let a = t.get("").copied().unwrap_or_default();
        let u = t.get("untyped").copied().unwrap_or_default();
        let (p, r, f) = prf(a.correct, a.predicted, a.gold);
        let (_, _, uf) = prf(u.correct, u.predicted, u.gold);
        format!(
            "docs={} precision={p:.3} recall={r:.3} f1={f:.3} untyped_f1={uf:.3}",
            docs[h]
        )
    };
    println!("label  half   precision recall f1     (correct/predicted/gold)");
    for l in LABELS {
        for (h, name) in [(2, "all"), (0, "tune"), (1, "check")] {
            if docs[h] == 0 {
                continue;
            }
            let t = tally[h].get(l).copied().unwrap_or_default();
            let (p, r, f) = prf(t.correct, t.predicted, t.gold);
            println!(
                "{l:<6} {name:<6} {p:.3}     {r:.3}  {f:.3}  ({}/{}/{})",
                t.correct, t.predicted, t.gold
            );
        }
    }
    for half in Half::ALL {
        if docs[half as usize] > 0 {
            println!("nerweb half={} {}", half.name(), line(half as usize));
        }
    }
    println!("nerweb {}", line(2));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_as_the_metric_says() {
        assert_eq!(norm("  Acme’s "), "acme");
        assert_eq!(norm("ACME  Corp"), "acme corp");
        assert_eq!(norm("ﬁne Co"), "fine co");
    }
}

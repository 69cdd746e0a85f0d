//! The kind of a name that nothing local types ([`Label::Name`]: capitals, no cue word, no
//! gazetteer entry), from evidence across the document.
//!
//! A capital letter says "a name", not whose: on today's web pages most such names are brands,
//! products, software and organisations, not people. So a person needs person evidence — a
//! given name, a title or role, a speech verb (found locally, [`super::classify`]), or here: a
//! later mention by surname alone, or a personal pronoun that refers back to it. A name listed
//! with others ("Nikon, Panasonic, Sony and Canon") takes the kind its typed neighbours share.
//! What is left is an organisation when it is one word (brands count as companies), another
//! named thing (a work, a product, an event) when it is several — or, in a sports report, where
//! unknown names in results are players, a person.

use crate::normalize::{FastMap as HashMap, FastSet as HashSet};

use super::doc::{span_key, Cand, Doc, Label};
use super::lexicon::Cue;
use super::tokens::{Kind, Shape};

/// Gives every key labelled [`Label::Name`] a kind.
pub(super) fn settle(doc: &Doc, cands: &[Cand], labels: &mut HashMap<String, Label>) {
    if !labels.values().any(|l| *l == Label::Name) {
        return;
    }
    let listed = coordinated(doc, cands, labels);
    let people = person_evidence(doc, cands, labels);
    // Words the article also writes in lower case are common words in Title Case ("Dynamic
    // Range", "Easy Woodworking Projects"): without other evidence, no name.
    let (acronyms, terms) = acronym_terms(doc, cands, labels);
    labels.retain(|k, l| {
        *l != Label::Name
            || listed.contains_key(k)
            || people.contains(k)
            || !(k.split(' ').all(|w| doc.lower.contains(w)) || terms.contains(k))
    });
    for (k, label) in labels.iter_mut() {
        if *label != Label::Name {
            continue;
        }
        *label = if let Some(l) = listed.get(k) {
            *l
        } else if people.contains(k) || doc.sports && !acronyms.contains(k) {
            Label::Per
        } else if k.contains(' ') {
            // Several capitalised words and no head word: a title, a product, an event
            // ("Golden Hour Awards", "Quorbit Studio Pro") more often than a body, whose names
            // mostly end in a head word ("… Group", "… School").
            Label::Other
        } else {
            Label::Org
        };
    }
}

/// The candidates whose label is still [`Label::Name`] (by key).
fn unknown<'c>(
    doc: &'c Doc,
    cands: &'c [Cand],
    labels: &'c HashMap<String, Label>,
) -> impl Iterator<Item = (&'c Cand, String)> + 'c {
    cands.iter().filter_map(move |c| {
        let k = span_key(&doc.toks, c.a, c.b);
        (labels.get(&k) == Some(&Label::Name)).then_some((c, k))
    })
}

/// Keys with person evidence: a later mention by the last word alone (a surname: "Ann Berg …
/// Berg said", not a company's short name, which is its first word), or a personal pronoun
/// after a mention before any other name ("Ann Berg … She").
fn person_evidence(doc: &Doc, cands: &[Cand], labels: &HashMap<String, Label>) -> HashSet<String> {
    let toks = &doc.toks;
    let singles: HashSet<&str> = cands
        .iter()
        .filter(|c| c.a == c.b)
        .map(|c| toks[c.a].key.as_ref())
        .collect();
    let mut out = HashSet::default();
    for (c, k) in unknown(doc, cands, labels) {
        let surname = c.b > c.a
            && toks[c.b].shape == Shape::Title
            && singles.contains(toks[c.b].key.as_ref())
            && !singles.contains(toks[c.a].key.as_ref());
        // An acronym is no one's name.
        let acronym = c.a == c.b && toks[c.a].shape == Shape::Caps;
        if surname || !acronym && pronoun_after(doc, c.b) || surname_shaped(doc, c.a, c.b) {
            out.insert(k);
        }
    }
    out
}

/// Endings of surnames in many languages ("Popescu", "Kevic", "Adinayev", "Petrova",
/// "Kowalski", "Kuznetsova", "Shevchenko", "Papadopoulos", "Yilmazoglu", "Petrosyan").
const SURNAME_ENDINGS: [&str; 17] = [
    "escu", "ovic", "evic", "ic", "ev", "ov", "ova", "eva", "ski", "ska", "sky", "enko", "vich",
    "poulos", "idis", "oglu", "yan",
];

/// Two capitalised words, neither a common word nor one the article writes in lower case nor a
/// known name of a place, the second with a surname's ending: a given name and a surname
/// ("Amra Kevic").
fn surname_shaped(doc: &Doc, a: usize, b: usize) -> bool {
    b == a + 1
        && doc.toks[a..=b].iter().all(|t| {
            t.shape == Shape::Title
                && !doc.is_common_tok(t)
                && !doc.lower.contains(t.key.as_ref())
                && super::lexicon::gazetteer(&t.key).is_none()
        })
        && SURNAME_ENDINGS
            .iter()
            .any(|e| doc.toks[b].key.len() >= e.len() + 2 && doc.toks[b].key.ends_with(e))
}

/// The untyped acronyms ("NATO"-shaped keys), and among them those that name a thing, not a
/// body: one that only ever stands before a noun ("SMS reminders", "a CLI tool"), or in the
/// plural ("ETFs").
fn acronym_terms(
    doc: &Doc,
    cands: &[Cand],
    labels: &HashMap<String, Label>,
) -> (HashSet<String>, HashSet<String>) {
    let toks = &doc.toks;
    // Per key: (every mention an acronym, every mention a term).
    let mut seen: HashMap<String, (bool, bool)> = HashMap::default();
    for (c, k) in unknown(doc, cands, labels).filter(|(c, _)| c.a == c.b) {
        let t = &toks[c.a];
        let word = &doc.text[t.start..t.end];
        let plural = word.len() >= 3
            && word.ends_with('s')
            && word[..word.len() - 1].chars().all(char::is_uppercase);
        let caps = t.shape == Shape::Caps;
        let before_noun = caps
            && doc.next(c.a).is_some_and(|n| {
                n.shape == Shape::Lower && !doc.is_common_tok(n) && !n.is(Cue::OrgNext)
            });
        let m = seen.entry(k).or_insert((true, true));
        m.0 &= caps || plural;
        m.1 &= plural || before_noun;
    }
    let mut acronyms = HashSet::default();
    let mut terms = HashSet::default();
    for (k, (acronym, term)) in seen {
        if term {
            terms.insert(k.clone());
        }
        if acronym {
            acronyms.insert(k);
        }
    }
    (acronyms, terms)
}

/// How far after a name a pronoun may refer back to it (tokens).
const PRONOUN_REACH: usize = 24;

/// A personal pronoun ("he", "she", "his", "her") after token `b`, within the rest of its
/// sentence and the next, before any other capitalised word that is not a sentence opener.
fn pronoun_after(doc: &Doc, b: usize) -> bool {
    let toks = &doc.toks;
    let mut ends = 0;
    for (n, t) in toks.iter().enumerate().skip(b + 1).take(PRONOUN_REACH) {
        match t.kind {
            Kind::Punct('.' | '!' | '?') => {
                ends += 1;
                if ends == 2 {
                    return false;
                }
            }
            Kind::Word if t.capish() && !t.initial && !t.is(Cue::NonEntity) => return false,
            Kind::Word => {
                // Not the speaker of a quotation ("“…,” he said" names someone else).
                let tag = toks
                    .get(n + 1)
                    .is_some_and(|v| matches!(v.key.as_ref(), "said" | "says" | "added" | "told"));
                if !tag
                    && matches!(
                        t.key.as_ref(),
                        "he" | "she" | "his" | "her" | "him" | "himself" | "herself"
                    )
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Kinds for untyped names listed with typed ones: candidates in one segment separated only by
/// commas, "and", "or", "&" or "/" form a list; when its typed members agree on a kind, the
/// untyped ones take it.
fn coordinated(
    doc: &Doc,
    cands: &[Cand],
    labels: &HashMap<String, Label>,
) -> HashMap<String, Label> {
    let toks = &doc.toks;
    let joins = |from: usize, to: usize| {
        to > from
            && toks[from..to].iter().all(|t| {
                t.kind == Kind::Punct(',')
                    || t.kind == Kind::Punct('&')
                    || t.kind == Kind::Punct('/')
                    || (t.shape == Shape::Lower && matches!(t.key.as_ref(), "and" | "or"))
            })
            && toks[from].seg == toks[to].seg
    };
    let mut out = HashMap::default();
    let mut start = 0;
    while start < cands.len() {
        let mut end = start + 1;
        while end < cands.len() && joins(cands[end - 1].b + 1, cands[end].a) {
            end += 1;
        }
        if end - start >= 2 {
            let members: Vec<(String, Label)> = cands[start..end]
                .iter()
                .map(|c| {
                    let k = span_key(toks, c.a, c.b);
                    let l = labels.get(&k).copied().unwrap_or(c.label);
                    (k, l)
                })
                .collect();
            let mut typed = members.iter().map(|m| m.1).filter(|l| *l != Label::Name);
            if let Some(first) = typed.next() {
                if typed.all(|l| l == first) {
                    for (k, l) in members {
                        if l == Label::Name {
                            out.insert(k, first);
                        }
                    }
                }
            }
        }
        start = end;
    }
    out
}

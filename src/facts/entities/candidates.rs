//! Candidate names in ordinary (mixed-case) lines and their local labels.
//!
//! A candidate is a run of capitalised tokens, joined across name particles ("de", "van") and,
//! after a head word, across "of" / "for the" ("Bank of England", "Committee of the Red Cross").
//! Titles inside a run are cut out ("Russian Foreign Minister Yevgeny Primakov" → "Russian" +
//! person). Each piece gets a label and a strength from gazetteers, head words, cue words and
//! context ([`super::classify`]); the document-level pass in the parent module makes labels
//! consistent.
//!
//! The approach is the classic rule-based one: capitalisation, trigger words and gazetteers
//! (Mikheev, Moens & Grover 1999, "Named Entity Recognition without Gazetteers"; Nadeau &
//! Sekine 2007, "A survey of named entity recognition and classification").

use super::classify::{classify, dateline, table_row};
use super::doc::{Cand, Doc, Label, Mode};
use super::lexicon::{self, Cue, Gaz};
use super::tokens::{Kind, Shape, Tok};

fn is_roman(t: &Tok) -> bool {
    matches!(t.shape, Shape::Caps)
        && t.key.len() <= 4
        && t.key.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// Can start a name.
fn starts(t: &Tok) -> bool {
    if t.shape == Shape::Prefixed {
        let base = t.key.split_once('-').map_or("", |(_, r)| r);
        return t.capish() && !lexicon::is(Cue::NonEntity, base);
    }
    t.capish() && !t.is(Cue::NonEntity)
}

/// Can continue a name.
fn continues(t: &Tok) -> bool {
    t.capish() && (!t.is(Cue::NonEntity) || is_roman(t))
}

fn is_head(t: &Tok) -> bool {
    t.is(Cue::OfHead) || t.is(Cue::OrgHead) || t.is(Cue::PlaceHead) || t.is(Cue::EventHead)
}

fn is_title(t: &Tok) -> bool {
    // "EZB-Präsidentin", "ex-President": the last part of a compound counts.
    let compound = || {
        t.key
            .rsplit_once('-')
            .is_some_and(|(_, last)| lexicon::is(Cue::Title, last))
    };
    t.capish() && (t.is(Cue::Title) || compound())
}

fn is_title_part(t: &Tok) -> bool {
    t.is(Cue::Title)
        || t.is(Cue::TitleMod)
        || (t.shape == Shape::Lower && matches!(t.key.as_ref(), "of" | "for" | "the"))
}

/// The head word of tokens `a..=b`: the word before the first "of" / "for" / "on" ("Bank of
/// England", "Commission on Human Rights"), else the last word ("Grace Road").
pub(super) fn head_index(doc: &Doc, a: usize, b: usize) -> usize {
    (a + 1..b)
        .find(|&m| {
            let t = &doc.toks[m];
            t.shape == Shape::Lower && matches!(t.key.as_ref(), "of" | "for" | "on")
        })
        .map_or(b, |m| m - 1)
}

/// Builds the candidates of the ordinary lines.
pub(super) fn candidates(doc: &Doc) -> Vec<Cand> {
    let toks = &doc.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // A dotted initial that is also a word ("I. Austin", "V. Drakes") starts a name too.
        let initial = t.shape == Shape::Initial
            && t.dotted
            && doc
                .next(i)
                .is_some_and(|n| n.shape == Shape::Title && starts(n));
        if doc.modes.get(t.line) != Some(&Mode::Normal)
            || !(starts(t) || initial)
            || doc.in_label(i)
        {
            i += 1;
            continue;
        }
        let b = extend(doc, i);
        pieces(doc, i, b, &mut out);
        i = b + 1;
    }
    // Transcript speakers: a name with its colon is a person's; a lone surname ("LEE:") joins
    // the full name, as a surname does.
    for &(a, b) in &doc.label_names {
        out.push(Cand {
            a,
            b,
            label: Label::Per,
            strength: if b > a { 3 } else { 2 },
            needs_support: false,
        });
    }
    if !doc.label_names.is_empty() {
        out.sort_by_key(|c| c.a);
    }
    let quoted = quoted_names(doc);
    if !quoted.is_empty() {
        // Plain candidates inside a quoted name give way to it (both lists are in text order).
        out.retain(|c| {
            let k = quoted.partition_point(|q| q.b < c.a);
            quoted.get(k).is_none_or(|q| q.a > c.b)
        });
        out.extend(quoted);
        out.sort_by_key(|c| c.a);
    }
    out
}

/// The most tokens in one name.
const MAX_RUN: usize = 16;

/// The last token of the run that starts at `a`.
fn extend(doc: &Doc, a: usize) -> usize {
    let toks = &doc.toks;
    let mut j = a;
    let mut has_head = is_head(&toks[a]);
    let mut after_of = false;
    // Names are short: a bound keeps every later step on a run constant-time.
    while j < a + MAX_RUN {
        let Some(n) = doc.next(j) else { break };
        if continues(n) {
            j += 1;
            has_head |= is_head(&toks[j]);
            continue;
        }
        if let Some(to) = connector(doc, j, has_head, after_of) {
            after_of |= matches!(toks[j + 1].key.as_ref(), "of" | "for");
            j = to;
            has_head |= is_head(&toks[j]);
            continue;
        }
        break;
    }
    j
}

/// Where a name continues across the lower-case connector after token `j`, if it does.
fn connector(doc: &Doc, j: usize, has_head: bool, after_of: bool) -> Option<usize> {
    let c = doc.next(j)?;
    let mut to = j + 2;
    let name_at = |k: usize| {
        doc.tok(k)
            .filter(|t| t.line == c.line && continues(t) && !t.is(Cue::Title))
            .is_some()
    };
    if c.is_punct('&') {
        return name_at(to).then_some(to);
    }
    // A possessive inside a name: "Boatmen's Bancshares Inc", "Queen's Park".
    if (c.is_punct('\'') || c.is_punct('’'))
        && doc
            .tok(j + 2)
            .is_some_and(|t| t.key == "s" && t.shape == Shape::Lower)
        && name_at(j + 3)
    {
        let mut e = j + 3;
        while e < j + 3 + MAX_RUN && doc.next(e).is_some_and(continues) {
            e += 1;
        }
        let h = &doc.toks[e];
        let named = h.is(Cue::OrgHead) || h.is(Cue::PlaceHead);
        // Not after a known name: "Moscow's Central Clinical Hospital" is two names.
        let known = lexicon::gazetteer(&doc.toks[j].key).is_some();
        return (named && !known).then_some(j + 3);
    }
    if c.shape != Shape::Lower {
        return None;
    }
    let k = c.key.as_ref();
    if c.is(Cue::Particle) && !doc.conservative || matches!(k, "de" | "von" | "van") {
        if doc.tok(to).is_some_and(|t| t.is(Cue::Particle)) {
            to += 1;
        }
        return name_at(to).then_some(to);
    }
    // "Kia Motors Corp of South Korea": a legal form ends the name.
    let legal = doc.toks[j].is(Cue::LegalForm);
    if matches!(k, "of" | "for") && has_head && !legal {
        if doc
            .tok(to)
            .is_some_and(|t| t.key == "the" && t.shape == Shape::Lower)
        {
            to += 1;
        }
        return name_at(to).then_some(to);
    }
    if k == "and" && name_at(to) {
        // Join only when the right side is an organisation ("Test and County Cricket Board"),
        // the whole is a known name ("Trinidad and Tobago"), or an "of" chain goes on
        // ("Organisation for Security and Cooperation in Europe").
        let mut e = to;
        while doc.next(e).is_some_and(continues) {
            e += 1;
        }
        // A complete company name on the left ("Lear Corp and Magna Inc") stands alone.
        let head =
            doc.toks[e].is(Cue::OrgHead) && !legal && !(has_head && doc.toks[j].is(Cue::OrgHead));
        let mut start = j;
        while start > 0 && doc.prev(start).is_some_and(continues) {
            start -= 1;
        }
        let known = doc.gaz(start, e).is_some();
        let chain = has_head
            && after_of
            && doc
                .next(e)
                .is_some_and(|t| t.shape == Shape::Lower && matches!(t.key.as_ref(), "in" | "of"));
        return (head && e > to || known || chain).then_some(to);
    }
    // "Commission on Presidential Debates".
    if k == "on" && doc.toks[j].is(Cue::OrgHead) && !legal && name_at(to) {
        return Some(to);
    }
    if k == "in" && has_head && after_of && name_at(to) {
        let place = doc.tok(to).and_then(|t| lexicon::gazetteer(&t.key));
        return matches!(place, Some(Gaz::Country | Gaz::City | Gaz::Region)).then_some(to);
    }
    None
}

/// Splits the run `a..=b` at titles and leading nationalities, strips a sentence-initial common
/// word, and classifies the pieces.
fn pieces(doc: &Doc, mut a: usize, b: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    // Trim connectors at the ends (cannot normally happen).
    let mut b = b;
    while b > a && toks[b].shape == Shape::Lower {
        b -= 1;
    }
    let whole_known = doc.gaz(a, b).is_some();
    let h = head_index(doc, a, b);
    let headed = b > a && is_head(&toks[h]) && !toks[h].is(Cue::Title);
    // A sentence-initial common word is not part of the name ("After Nasser Hussain").
    if toks[a].initial
        && toks[a].shape != Shape::Caps
        && !whole_known
        && (!headed || doc.is_common_tok(&toks[a]))
    {
        let k = toks[a].key.as_ref();
        let english_form = doc.english
            && a < b
            && !lexicon::is_first_name(k)
            && !doc.cap_mid.contains(k)
            && (k.ends_with("ing") || k.ends_with("ly") || k.ends_with("ed"));
        if doc.is_common_tok(&toks[a]) || doc.lower.contains(k) || english_form {
            a += 1;
            while a <= b && toks[a].shape == Shape::Lower {
                a += 1;
            }
            if a > b {
                return;
            }
            return pieces(doc, a, b, out);
        }
    }
    // A leading place before a group or an event: "U.S. Labor Day", "U.S. Roman
    // Catholic" (but "U.S. Treasury" is one organisation).
    for len in [2, 1] {
        let e = a + len - 1;
        let place = matches!(doc.gaz(a, e), Some(Gaz::Country | Gaz::City | Gaz::Region));
        if e < b && place && !whole_known {
            let rest = doc.gaz(e + 1, b);
            let event = b > e + 1 && toks[b].is(Cue::EventHead);
            if matches!(rest, Some(Gaz::Demonym | Gaz::Event)) || event {
                push(doc, a, e, false, out);
                push(doc, e + 1, b, false, out);
                return;
            }
        }
    }
    let row = doc.sports && table_row(doc, a, b);
    if !headed && !whole_known && !row {
        // A role word opening a sentence before a given name: "Fullback Ann Berg scored".
        if b > a + 1
            && toks[a].is(Cue::Role)
            && toks[a].shape == Shape::Title
            && lexicon::is_first_name(&toks[a + 1].key)
        {
            push(doc, a + 1, b, true, out);
            return;
        }
        // Titles: "U.S. Secretary of State Warren Christopher".
        let title_at = (a..b).rev().find(|&k| {
            is_title(&toks[k])
                && (k + 1..=b).any(|m| toks[m].capish() && !is_title_part(&toks[m]))
                && !(k + 1..=b).any(|m| {
                    let h = &toks[m];
                    (h.is(Cue::OrgHead) || h.is(Cue::EventHead))
                        && !is_title_part(h)
                        && !lexicon::is_first_name(&h.key)
                })
        });
        if let Some(ti) = title_at {
            let mut p = ti + 1;
            while p <= b && is_title_part(&toks[p]) {
                p += 1;
            }
            let mut l = ti;
            while l > a && is_title_part(&toks[l - 1]) {
                l -= 1;
            }
            while l > a && toks[l - 1].shape == Shape::Lower {
                l -= 1;
            }
            if l > a {
                pieces(doc, a, l - 1, out);
            }
            if p <= b {
                push(doc, p, b, true, out);
            }
            return;
        }
        // Only title words ("the President", "Prime Minister"): no name, unless a lone word
        // turns out to be someone's surname ("King").
        if (a..=b).all(|k| is_title_part(&toks[k])) {
            if a == b && toks[a].shape == Shape::Title {
                out.push(Cand {
                    a,
                    b,
                    label: Label::Per,
                    strength: 0,
                    needs_support: true,
                });
            }
            return;
        }
        if b > a {
            // A leading nationality: "Russian Gazprom", "Dutch Wim Kok".
            let group = |x: usize, y: usize| doc.gaz(x, y) == Some(Gaz::Demonym);
            let plural_group = |x: usize, y: usize| {
                doc.span(x, y)
                    .strip_suffix('s')
                    .is_some_and(|k| lexicon::gazetteer(k) == Some(Gaz::Demonym))
            };
            for len in [2, 1] {
                let e = a + len - 1;
                if e < b && group(a, e) && !lexicon::is_first_name(&toks[a].key) {
                    if group(e + 1, b) || plural_group(e + 1, b) {
                        // "Iraqi Kurds", "Bosnian Serb": one group.
                        break;
                    }
                    push(doc, a, e, false, out);
                    let mut s = e + 1;
                    while s <= b && toks[s].shape == Shape::Lower {
                        s += 1;
                    }
                    if s <= b {
                        pieces(doc, s, b, out);
                    }
                    return;
                }
            }
            // A trailing place after another name: "Lebed Chechnya" (not "Jack London", not
            // "Dynamo Kiev", not in sports reports where "Red Star Belgrade" is a club).
            let f = toks[a].key.as_ref();
            if !doc.sports
                && !lexicon::is_first_name(f)
                && !toks[a].is(Cue::OrgPrefix)
                && !toks[a].is(Cue::Direction)
            {
                let split = (a + 1..=b).find(|&s| {
                    toks[s - 1].shape != Shape::Lower
                        && matches!(doc.gaz(s, b), Some(Gaz::Country | Gaz::City | Gaz::Region))
                        && doc.gaz(a, s - 1).is_none()
                });
                if let Some(s) = split {
                    pieces(doc, a, s - 1, out);
                    push(doc, s, b, false, out);
                    return;
                }
            }
        }
    }
    push(doc, a, b, false, out);
}

/// Classifies tokens `a..=b` and adds the candidate.
fn push(doc: &Doc, a: usize, b: usize, title_cue: bool, out: &mut Vec<Cand>) {
    let (label, strength) = classify(doc, a, b, title_cue);
    let toks = &doc.toks;
    let known = strength >= 3 || doc.gaz(a, b).is_some();
    let k = &toks[a].key;
    let common = doc.is_common_tok(&toks[a]);
    let ordinary = common || doc.lower.contains(k.as_ref());
    // A lone common word needs support even inside a sentence ("May 24 Second test").
    let mut needs_support = (toks[a].initial || common && toks[a].shape == Shape::Title)
        && a == b
        && !known
        && !dateline(doc, a, b)
        && (ordinary || !table_row(doc, a, b));
    if doc.conservative && strength < 2 && toks[a].shape != Shape::Caps {
        // German and other noun-capitalising languages: a capital letter is no evidence.
        needs_support = true;
    }
    if !doc.english && strength == 0 {
        // Without word lists for the language, a lone capitalised word is only a guess.
        needs_support = true;
    }
    if doc.in_heading(a) && (strength < 2 || strength == 2 && label != Label::Per) {
        // In a heading every word is capitalised: only a name the article (or a gazetteer) knows
        // otherwise, or one with some evidence (a head word, a given name, a title), counts.
        needs_support = true;
    }
    if a == b && toks[a].shape == Shape::Initial && !toks[a].dotted {
        return;
    }
    out.push(Cand {
        a,
        b,
        label,
        strength,
        needs_support,
    });
}

/// A title-cased phrase in quotation marks right before a naming noun ("the “I Want to Find”
/// project"): a named project, campaign, work or operation.
fn quoted_names(doc: &Doc) -> Vec<Cand> {
    let toks = &doc.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !(toks[i].is_punct('“') || toks[i].is_punct('"') || toks[i].is_punct('«')) {
            i += 1;
            continue;
        }
        let a = i + 1;
        let mut e = a;
        while e < toks.len()
            && e < a + 8
            && (toks[e].kind == Kind::Word || toks[e].kind == Kind::Num && e > a)
            && toks[e].line == toks[i].line
        {
            e += 1;
        }
        let closing = |t: &Tok| t.is_punct('”') || t.is_punct('"') || t.is_punct('»');
        // American style puts the comma or full stop inside: "“The Long Night,” starring …".
        let inner = usize::from(
            toks.get(e)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '.' | '!' | '?')))
                && toks.get(e + 1).is_some_and(closing),
        );
        let closes = toks.get(e + inner).is_some_and(closing);
        if e == a || !closes || doc.modes.get(toks[i].line) != Some(&Mode::Normal) {
            i += 1;
            continue;
        }
        let b = e - 1;
        let e = e + inner;
        let titled = toks[a].capish()
            && (a..=b).all(|k| {
                toks[k].capish() || doc.is_common_tok(&toks[k]) || toks[k].kind == Kind::Num
            })
            && (a..=b).filter(|k| toks[*k].capish()).count() * 2 > b - a + 1;
        let noun = doc.next(e).map(|t| t.key.as_ref());
        // A work named before the title ("the film “…”", "songs from “…”").
        let before = |k: usize| {
            k.checked_sub(1)
                .and_then(|p| doc.tok(p))
                .filter(|t| t.seg == toks[i].seg && t.shape == Shape::Lower)
                .is_some_and(|t| lexicon::is(Cue::WorkNoun, &t.key))
        };
        let work_before = before(i) || (before(i - 1) && i >= 1);
        let label = match noun {
            Some(
                "project" | "campaign" | "initiative" | "programme" | "program" | "movement"
                | "group" | "foundation" | "party",
            ) => Some(Label::Org),
            Some("operation" | "festival" | "summit" | "conference") => Some(Label::Event),
            Some(n) if lexicon::is(Cue::WorkNoun, n) => Some(Label::Product),
            _ if work_before => Some(Label::Product),
            _ => None,
        };
        if let (true, Some(label)) = (titled, label) {
            out.push(Cand {
                a,
                b,
                label,
                strength: 3,
                needs_support: false,
            });
        }
        i = e + 1;
    }
    out
}

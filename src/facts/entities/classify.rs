//! The local label of a candidate and how sure it is, from gazetteers, head words, cue words
//! and the words around it.

use super::candidates::head_index;
use super::doc::{Doc, Label};
use super::lexicon::{self, Cue, Gaz};
use super::tokens::{Kind, Shape, Tok};

/// A row of a table: the name opens its line and numbers follow ("Partick 3 0 2 1").
pub(super) fn table_row(doc: &Doc, a: usize, b: usize) -> bool {
    let toks = &doc.toks;
    let line_start = a == 0 || toks[a - 1].line != toks[a].line;
    line_start
        && doc
            .next(b)
            .is_some_and(|t| t.kind == Kind::Num && !date_num(doc, t))
}
/// A date written as a number ("1996-08-30", "30/08/1996").
pub(super) fn date_num(doc: &Doc, t: &Tok) -> bool {
    let s = &doc.text[t.start..t.end];
    s.len() >= 8 && s.matches(['-', '/']).count() == 2
}

/// A number that can be a team's score or points ("3", "429-7"), not a date and not a player's
/// figures ("4-0-25-1").
pub(super) fn score_num(doc: &Doc, t: &Tok) -> bool {
    t.kind == Kind::Num && doc.text[t.start..t.end].matches(['-', '/']).count() < 2
}

/// A dateline: capitalised place name(s) at the start of a line, then a date or "(Agency)".
pub(super) fn dateline(doc: &Doc, a: usize, b: usize) -> bool {
    let toks = &doc.toks;
    let line_start = a == 0 || toks[a - 1].line != toks[a].line;
    if !line_start || !(a..=b).all(|k| toks[k].shape == Shape::Caps) {
        return false;
    }
    let mut n = b + 1;
    if doc.next(b).is_some_and(|t| t.is_punct(',')) {
        n += 1;
        while doc.next(n - 1).is_some() && toks.get(n).is_some_and(Tok::capish) {
            n += 1;
        }
    }
    toks.get(n).is_some_and(|t| {
        t.line == toks[a].line
            && (t.is_punct('(')
                || t.is_punct('—')
                || t.is_punct('–')
                || (t.kind == Kind::Num && doc.text[t.start..t.end].contains(['-', '/'])))
    })
}

/// A word of a demonym, singular or plural ("Iraqi", "Kurds").
fn demonym_word(k: &str) -> bool {
    lexicon::gazetteer(k) == Some(Gaz::Demonym)
        || k.strip_suffix('s')
            .is_some_and(|s| lexicon::gazetteer(s) == Some(Gaz::Demonym))
}

/// A capitalised plural noun ("Eagles", "Yankees").
fn plural_word(t: &Tok) -> bool {
    t.shape == Shape::Title
        && t.key.len() > 3
        && t.key.ends_with('s')
        && !t.key.ends_with("ss")
        && !t.key.ends_with("us")
}

/// A place right after another place and a comma: "Milwaukee, Wisconsin".
fn after_place(doc: &Doc, a: usize) -> bool {
    a >= 2
        && doc.prev(a).is_some_and(|t| t.is_punct(','))
        && doc.prev(a - 1).is_some_and(|t| {
            matches!(
                lexicon::gazetteer(&t.key),
                Some(Gaz::City | Gaz::Region | Gaz::Country)
            )
        })
}

/// Evidence from the words before a name that it is a place: 3 for "the town of X" or
/// "capital X", 1 for "in X" / "at X", 0 for none.
fn place_context(doc: &Doc, a: usize) -> u8 {
    let Some(p) = doc.prev(a) else { return 0 };
    if p.shape != Shape::Lower {
        return 0;
    }
    if p.is(Cue::PlaceRole) {
        return 3;
    }
    if p.key == "of"
        && a >= 2
        && doc
            .prev(a - 1)
            .is_some_and(|q| q.shape == Shape::Lower && q.is(Cue::PlaceRole))
    {
        return 3;
    }
    u8::from(p.is(Cue::PlacePrev))
}

/// True when a place preposition ("in", "at", "from"…) stands before token `a`.
pub(super) fn after_place_word(doc: &Doc, a: usize) -> bool {
    place_context(doc, a) > 0
}

/// The local label and strength of tokens `a..=b`.
pub(super) fn classify(doc: &Doc, a: usize, b: usize, title_cue: bool) -> (Label, u8) {
    let toks = &doc.toks;
    let k = doc.span(a, b);
    let first = &toks[a];
    let last = &toks[b];
    let place_ctx = place_context(doc, a);
    if let Some(g) = lexicon::gazetteer(&k) {
        return match g {
            Gaz::Country => (Label::Loc, 3),
            Gaz::City | Gaz::Region if doc.sports => {
                // In sports reports a town or county is mostly a team; a venue is "at X",
                // "in X", a dateline, or "X :" opening a line of results.
                let venue = doc.next(b).is_some_and(|t| t.is_punct(':'));
                let next_lower = doc.next(b).filter(|t| t.shape == Shape::Lower);
                let role_after = next_lower.is_some_and(|t| t.is(Cue::Role));
                if dateline(doc, a, b) || place_ctx > 0 || venue || after_place(doc, a) {
                    (Label::Loc, 3)
                } else if team_context(doc, a, b) || role_after {
                    (Label::Org, 3)
                } else if next_lower.is_some() {
                    // "the Sarajevo meeting": a place modifying a noun.
                    (Label::Loc, 1)
                } else {
                    (Label::Org, 1)
                }
            }
            Gaz::City | Gaz::Region => (Label::Loc, 3),
            Gaz::Demonym => (Label::Nat, 3),
            Gaz::Org => (Label::Org, 3),
            Gaz::Event => (Label::Event, 3),
        };
    }
    if a == b {
        if let Some(stem) = k.strip_suffix('s') {
            if lexicon::gazetteer(stem) == Some(Gaz::Demonym) {
                return (Label::Nat, 3);
            }
        }
        // "German-Israeli", "Arab-Israeli".
        if k.contains('-')
            && k.split('-')
                .all(|p| lexicon::gazetteer(p) == Some(Gaz::Demonym))
        {
            return (Label::Nat, 3);
        }
    }
    if b > a && (a..=b).all(|m| demonym_word(&toks[m].key)) {
        // "Iraqi Kurds", "Bosnian Serb".
        return (Label::Nat, 3);
    }
    // "Philadelphia Eagles", "Chicago Bulls": a town and a plural nickname.
    if b > a
        && plural_word(last)
        && !last.is(Cue::PlaceHead)
        && matches!(doc.gaz(a, b - 1), Some(Gaz::City | Gaz::Region))
    {
        return (Label::Org, 3);
    }
    if (a..=b).any(|m| toks[m].is_punct('&') || toks[m].is(Cue::Club)) {
        return (Label::Org, 3);
    }
    // A place and a known organisation: "U.S. Treasury".
    if b > a
        && matches!(
            lexicon::gazetteer(&first.key),
            Some(Gaz::Country | Gaz::City)
        )
        && doc.gaz(a + 1, b) == Some(Gaz::Org)
    {
        return (Label::Org, 3);
    }
    // "Lockerbie, Scotland"; "Michoacan state".
    let next = doc.next(b);
    if !first.initial
        && next.is_some_and(|t| t.is_punct(','))
        && doc.tok(b + 2).is_some_and(|t| {
            t.line == last.line
                && t.capish()
                && matches!(lexicon::gazetteer(&t.key), Some(Gaz::Country | Gaz::Region))
                && doc.next(b + 2).is_none_or(|u| !u.capish())
        })
    {
        return (Label::Loc, 3);
    }
    if next.is_some_and(|t| {
        t.shape == Shape::Lower
            && (t.is(Cue::PlaceRole) || t.is(Cue::PlaceHead) || t.is(Cue::Facility))
    }) {
        return (Label::Loc, 2);
    }
    let abbreviated = first.shape == Shape::Initial
        && first.dotted
        && matches!(first.key.as_ref(), "n" | "s" | "e" | "w");
    if b > a && (first.is(Cue::Direction) || abbreviated) {
        match doc.gaz(a + 1, b) {
            Some(Gaz::Country | Gaz::City | Gaz::Region) => return (Label::Loc, 3),
            Some(Gaz::Demonym) => return (Label::Nat, 3),
            _ => {}
        }
    }
    if b > a {
        let head = head_index(doc, a, b);
        let ht = &toks[head];
        let lk = ht.key.as_ref();
        if ht.is(Cue::OrgHead) {
            return (Label::Org, 3);
        }
        if ht.is(Cue::EventHead) {
            return (Label::Event, 3);
        }
        // "Anthony Hill": a given name and a place word that is also a common surname is a
        // person ("Notting Hill", "Capitol Hill" start with no given name).
        if b == a + 1 && head == b && lk == "hill" && lexicon::is_first_name(&first.key) {
            return (Label::Per, 3);
        }
        if ht.is(Cue::PlaceHead) {
            let team = doc.sports && matches!(lk, "city" | "town" | "county");
            return if team {
                (Label::Org, 3)
            } else {
                (Label::Loc, 3)
            };
        }
    }
    if first.shape == Shape::Prefixed {
        // "ex-England", "pro-Russian": named things by derivation.
        let base = first.key.split_once('-').map_or("", |(_, r)| r);
        return match lexicon::gazetteer(base) {
            Some(Gaz::Demonym) => (Label::Nat, 3),
            _ => (Label::Other, 3),
        };
    }
    if dateline(doc, a, b) {
        return (Label::Loc, 3);
    }
    if title_cue {
        return (Label::Per, 3);
    }
    if first.initials_name || (b > a && first.shape == Shape::Initial && first.dotted) {
        return (Label::Per, 3);
    }
    if place_ctx == 3 {
        return (Label::Loc, 3);
    }
    let prev_lower = doc.prev(a).filter(|p| p.shape == Shape::Lower);
    let all_title = (a..=b).all(|m| toks[m].shape == Shape::Title || toks[m].shape == Shape::Lower);
    // A given name and a surname outweigh a role word that more often stands before a body
    // ("striking partner Ann Berg").
    if b > a && all_title && lexicon::is_first_name(&first.key) {
        return (Label::Per, 2);
    }
    if prev_lower.is_some_and(|p| p.is(Cue::OrgRole)) {
        return (Label::Org, 2);
    }
    if b == a + 1 && first.shape == Shape::Title && east_asian_given(doc, b) {
        return (Label::Per, 2);
    }
    if prev_lower.is_some_and(|p| p.is(Cue::Role)) {
        return (Label::Per, 2);
    }
    // A role in apposition before the name: "the fisheries minister, Ann Berg, said".
    let role_comma = doc
        .prev(a)
        .filter(|p| p.is_punct(','))
        .and_then(|_| doc.prev(a - 1))
        .is_some_and(|r| r.shape == Shape::Lower && (r.is(Cue::Role) || r.is(Cue::Title)));
    if role_comma && all_title {
        return (Label::Per, 2);
    }
    let person = person_context(doc, b);
    if person > 0 {
        return (Label::Per, person);
    }
    if after_place(doc, a) && !first.initial {
        return (Label::Loc, 3);
    }
    if doc.sports && next.is_some_and(|t| score_num(doc, t)) && (a == b || table_row(doc, a, b)) {
        return (Label::Org, 2);
    }
    // Plural names: "the Yankees"; "White Sox", "All Blacks".
    let plural = plural_word(last);
    let the_before = prev_lower.is_some_and(|p| p.key == "the");
    let common_first = b > a && !first.initial && doc.is_common_tok(first);
    if plural && (the_before && a == b || common_first) {
        return (Label::Org, 2);
    }
    if plural && a == b && doc.sports {
        return (Label::Org, 1);
    }
    // A product: "Galaxy phones", "Model Y cars".
    if next.is_some_and(|t| t.shape == Shape::Lower && t.is(Cue::ProductNext)) {
        return (Label::Product, 2);
    }
    // Company context: "Pirelli shares", "Magna said it".
    let after = |n: usize| doc.tok(b + n).filter(|t| t.line == last.line);
    let market = |t: &Tok| matches!(t.key.as_ref(), "shares" | "stock" | "stocks" | "share");
    if next.is_some_and(market)
        || (after(1).is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
            && after(3).is_some_and(market))
        || (next.is_some_and(|t| matches!(t.key.as_ref(), "said" | "says"))
            && after(2).is_some_and(|t| matches!(t.key.as_ref(), "it" | "its")))
    {
        return (Label::Org, 2);
    }
    // ", who" after a name.
    if next.is_some_and(|t| t.is_punct(','))
        && after(2).is_some_and(|t| matches!(t.key.as_ref(), "who" | "whose"))
    {
        return (Label::Per, 2);
    }
    // German compounds: "Europäische Zentralbank", "Gewerkschaftsbund", "Bundesregierung".
    if doc.conservative {
        let compound = lexicon::entries_of(Cue::OrgSuffix)
            .any(|x| last.key.len() > x.len() + 2 && last.key.ends_with(x));
        if compound {
            return (Label::Org, 2);
        }
    }
    if b > a && first.is(Cue::OrgPrefix) {
        return (Label::Org, 1);
    }
    if a == b && first.shape == Shape::Caps && (2..=6).contains(&first.key.chars().count()) {
        // An acronym: most often an organisation, which the document settles.
        return (Label::Name, 1);
    }
    if place_ctx == 1 && !lexicon::is_first_name(&first.key) {
        return (Label::Loc, 1);
    }
    // "in the Quell Valley.", "across the Brennick Hills,": a place that ends its phrase.
    let in_the = a >= 2
        && doc
            .prev(a)
            .is_some_and(|p| p.shape == Shape::Lower && p.key == "the")
        && doc
            .prev(a - 1)
            .is_some_and(|q| q.shape == Shape::Lower && q.is(Cue::PlacePrev))
        && next.is_none_or(|t| matches!(t.kind, Kind::Punct(_)));
    if in_the {
        return (Label::Loc, 1);
    }
    // Capitals and nothing else: a name of unknown kind, settled by the document.
    if b > a {
        (Label::Name, 1)
    } else {
        (Label::Name, 0)
    }
}

/// Words between the comma after a name and the role that names it ("Ann Berg, the former
/// editor").
const ROLE_SKIP: [&str; 19] = [
    "a", "an", "the", "former", "then", "acting", "its", "his", "her", "their", "our", "deputy",
    "senior", "interim", "retired", "longtime", "local", "young", "fellow",
];

/// A romanised East Asian given name after a short surname: two syllables joined by a hyphen,
/// the first capitalised ("Kang Young-hoon", "Li Song-ho").
pub(super) fn east_asian_given(doc: &Doc, b: usize) -> bool {
    let (Some(first), Some(last)) = (doc.tok(b.saturating_sub(1)), doc.tok(b)) else {
        return false;
    };
    let given = doc.text.get(last.start..last.end).unwrap_or("");
    b >= 1
        && first.key.chars().count() <= 5
        && last.shape == Shape::Title
        && given.split_once('-').is_some_and(|(x, y)| {
            let syllable = |s: &str, cap: bool| {
                (1..=6).contains(&s.chars().count())
                    && s.chars().enumerate().all(|(n, c)| {
                        c.is_ascii_alphabetic() && (c.is_ascii_uppercase() == (cap && n == 0))
                    })
            };
            syllable(x, true) && syllable(y, false)
        })
}

/// Evidence from the words after tokens `a..=b` that they name a person: 3 for an age in commas
/// or brackets ("Ann Berg, 45,"); 2 for a role in apposition ("Ann Berg, former editor of …");
/// 0 for none.
fn person_context(doc: &Doc, b: usize) -> u8 {
    let toks = &doc.toks;
    let seg = toks[b].seg;
    let at = |i: usize| toks.get(i).filter(|t| t.seg == seg);
    let age = |i: usize| {
        at(i).is_some_and(|t| {
            t.kind == Kind::Num
                && doc.text[t.start..t.end]
                    .parse::<u32>()
                    .is_ok_and(|n| (1..=120).contains(&n))
        })
    };
    let comma = at(b + 1).is_some_and(|t| t.is_punct(','));
    let after_age =
        at(b + 3).is_some_and(|t| matches!(t.kind, Kind::Punct(',' | ')' | '-' | '–' | '—')));
    if (comma && age(b + 2) && after_age)
        || (at(b + 1).is_some_and(|t| t.is_punct('(')) && age(b + 2))
    {
        return 3;
    }
    if comma {
        let lower = |i: usize| at(i).filter(|t| t.shape == Shape::Lower);
        let mut r = b + 2;
        while lower(r).is_some_and(|t| ROLE_SKIP.contains(&t.key.as_ref())) && r < b + 5 {
            r += 1;
        }
        if lower(r).is_some_and(|t| t.is(Cue::Title) || t.is(Cue::Role)) {
            return 2;
        }
    }
    0
}

/// A place name used as a team in a sports report.
fn team_context(doc: &Doc, a: usize, b: usize) -> bool {
    let next = doc.next(b);
    if next.is_some_and(|t| score_num(doc, t) || t.is(Cue::TeamNext)) {
        return true;
    }
    // "Birmingham's Gary Breen": a player of the team.
    if next.is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
        && doc.tok(b + 2).is_some_and(|t| t.key == "s")
        && doc.tok(b + 3).is_some_and(Tok::capish)
    {
        return true;
    }
    doc.prev(a).is_some_and(|p| p.is(Cue::TeamPrev))
}

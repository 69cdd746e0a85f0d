//! Candidate names in ordinary (mixed-case) lines and their local labels.
//!
//! A candidate is a run of capitalised tokens, joined across name particles ("de", "van") and,
//! after a head word, across "of" / "for the" ("Bank of England", "Committee of the Red Cross").
//! Titles inside a run are cut out ("Russian Foreign Minister Yevgeny Primakov" → "Russian" +
//! person). Each piece gets a label and a strength from gazetteers, head words, cue words and
//! context; the document-level pass in the parent module makes labels consistent.
//!
//! The approach is the classic rule-based one: capitalisation, trigger words and gazetteers
//! (Mikheev, Moens & Grover 1999, "Named Entity Recognition without Gazetteers"; Nadeau &
//! Sekine 2007, "A survey of named entity recognition and classification").

use std::collections::HashSet;

use super::lexicon::{self, Cue, Gaz};
use super::tokens::{Kind, Shape, Tok};
use crate::lang;

/// The label of a candidate (finer than the CoNLL four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// A nationality or group.
    Nat,
    /// An event.
    Event,
    /// A product or work.
    Product,
    /// Another named thing.
    Other,
}

impl Label {
    /// All labels, in index order.
    pub const ALL: [Label; 7] = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Nat,
        Label::Event,
        Label::Product,
        Label::Other,
    ];

    /// Index into [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How a line is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mode {
    /// Ordinary sentence case: capitals mark names.
    Normal,
    /// ALL CAPS or Title Case (a headline): capitals say nothing.
    Shouting,
}

/// One candidate: tokens `a..=b`.
#[derive(Clone, Debug)]
pub(super) struct Cand {
    /// First token.
    pub a: usize,
    /// Last token.
    pub b: usize,
    /// Local label.
    pub label: Label,
    /// 3 strong (gazetteer, head word, title), 2 good, 1 weak, 0 a guess.
    pub strength: u8,
    /// At a sentence start and not known otherwise: kept only if the document or a gazetteer
    /// knows the name.
    pub needs_support: bool,
}

/// The analysed document.
pub(super) struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: Vec<Tok>,
    /// Mode of each line.
    pub modes: Vec<Mode>,
    /// Keys of words seen in lower case.
    pub lower: HashSet<String>,
    /// Keys of words seen capitalised inside a sentence of an ordinary line.
    pub cap_mid: HashSet<String>,
    /// Sports report (teams named after places are organisations).
    pub sports: bool,
    /// The language capitalises nouns (German): unknown capitalised words are no evidence.
    pub conservative: bool,
    /// Stopword list index of the language.
    pub lang: Option<usize>,
    /// English or unknown: English word lists apply.
    pub english: bool,
}

/// Names of sports: one is enough to call a report a sports report.
const SPORTS: [&str; 20] = [
    "soccer",
    "football",
    "cricket",
    "tennis",
    "golf",
    "rugby",
    "basketball",
    "baseball",
    "hockey",
    "boxing",
    "cycling",
    "athletics",
    "squash",
    "racing",
    "nfl",
    "nba",
    "nhl",
    "motorsport",
    "formula",
    "skiing",
];
/// Words of sports reports: two are needed.
const SPORTS_WORDS: [&str; 40] = [
    "goal",
    "goals",
    "scored",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "bowler",
    "league",
    "tournament",
    "seeded",
    "halftime",
    "half-time",
    "penalty",
    "referee",
    "rebounds",
    "pitcher",
    "playoff",
    "playoffs",
    "quarter-final",
    "semi-final",
    "quarterfinal",
    "semifinal",
    "podium",
    "championship",
    "coach",
    "season",
    "match",
    "standings",
    "results",
    "cup",
    "innings",
    "runs",
    "inning",
    "lap",
    "laps",
];

/// Words after a team name in sports reports ("Leeds beat Chelsea").
const TEAM_NEXT: [&str; 24] = [
    "beat", "beats", "drew", "draw", "lost", "lose", "won", "win", "v", "vs", "lead", "leads",
    "host", "hosts", "play", "face", "faces", "meet", "trail", "edged", "thrashed", "crushed",
    "routed", "held",
];
/// Words before a team name in sports reports ("against Chelsea").
const TEAM_PREV: [&str; 12] = [
    "v", "vs", "against", "beat", "beating", "defeated", "host", "hosts", "play", "face", "faces",
    "visit",
];
/// Lower-case nouns after a named building or site ("al-Shifa hospital").
const FACILITIES: [&str; 10] = [
    "hospital",
    "prison",
    "mosque",
    "church",
    "cathedral",
    "temple",
    "palace",
    "embassy",
    "dam",
    "base",
];
/// Lower-case nouns after a product's name ("Galaxy phones").
const PRODUCT_NEXT: [&str; 24] = [
    "phone",
    "phones",
    "smartphone",
    "smartphones",
    "tablet",
    "tablets",
    "laptop",
    "laptops",
    "console",
    "consoles",
    "jet",
    "jets",
    "aircraft",
    "airliner",
    "airliners",
    "car",
    "cars",
    "sedan",
    "suv",
    "vaccine",
    "drug",
    "software",
    "chip",
    "chips",
];
/// Words before a lone unknown name that is probably a place.
const PLACE_PREV: [&str; 8] = [
    "in", "at", "near", "outside", "across", "from", "via", "into",
];

impl<'a> Doc<'a> {
    /// Tokenises and measures the document.
    pub fn new(text: &'a str, language: Option<&str>) -> Doc<'a> {
        let toks = super::tokens::tokenize(text);
        let guessed = match language {
            Some(l) => Some(l.to_ascii_lowercase()),
            None => lang::guess(std::iter::once(text)).map(str::to_string),
        };
        let code = guessed.as_deref().map(|l| l.get(..2).unwrap_or(l));
        let lang_idx = code.and_then(lang::index_of);
        let conservative = matches!(code, Some("de" | "lb"));
        let english = matches!(code, None | Some("en"));
        let lines = toks.last().map_or(0, |t| t.line + 1);
        let mut modes = vec![Mode::Normal; lines];
        let mut lower = HashSet::new();
        let mut cap_mid = HashSet::new();
        let mut sports_hits: HashSet<&str> = HashSet::new();
        let mut k = 0;
        while k < toks.len() {
            let line = toks[k].line;
            let mut e = k;
            while e < toks.len() && toks[e].line == line {
                e += 1;
            }
            let (mut words, mut caps, mut titled, mut cap_stop, mut low_stop) = (0, 0, 0, 0, 0);
            for (n, t) in toks[k..e].iter().enumerate() {
                if t.kind != Kind::Word {
                    continue;
                }
                let letters = t.key.chars().filter(|c| c.is_alphabetic()).count();
                if letters < 2 {
                    continue;
                }
                words += 1;
                let stop = lang::index_of("en").is_some_and(|en| lang::is_stopword(&t.key, en));
                match t.shape {
                    Shape::Caps => caps += 1,
                    Shape::Title | Shape::Mixed => {
                        titled += 1;
                        if stop && n > 0 {
                            cap_stop += 1;
                        }
                    }
                    Shape::Lower => {
                        if stop {
                            low_stop += 1;
                        }
                        lower.insert(t.key.clone());
                    }
                    _ => {}
                }
                if let Some(w) = SPORTS.iter().find(|w| **w == t.key) {
                    sports_hits.insert(w);
                    sports_hits.insert("a sport");
                }
                if let Some(w) = SPORTS_WORDS.iter().find(|w| **w == t.key) {
                    sports_hits.insert(w);
                }
            }
            let shouting = (words >= 2 && caps * 10 >= words * 7)
                || (english
                    && words >= 4
                    && (titled + caps) * 10 >= words * 8
                    && cap_stop >= 1
                    && low_stop == 0);
            if shouting {
                modes[line] = Mode::Shouting;
            } else {
                for t in &toks[k..e] {
                    if t.capish() && !t.initial {
                        cap_mid.insert(t.key.clone());
                    }
                }
            }
            k = e;
        }
        Doc {
            text,
            toks,
            modes,
            lower,
            cap_mid,
            sports: sports_hits.len() >= 2,
            conservative,
            lang: lang_idx,
            english,
        }
    }

    fn key(&self, a: usize, b: usize) -> String {
        span_key(&self.toks, a, b)
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// The token after `i` on the same line.
    fn next(&self, i: usize) -> Option<&Tok> {
        let line = self.toks.get(i)?.line;
        self.toks.get(i + 1).filter(|t| t.line == line)
    }

    /// The token before `i` on the same line.
    fn prev(&self, i: usize) -> Option<&Tok> {
        let line = self.toks.get(i)?.line;
        i.checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .filter(|t| t.line == line)
    }

    /// A common word of the document's language (or English), no evidence of a name.
    pub fn is_common(&self, k: &str) -> bool {
        lexicon::is(Cue::Common, k)
            || lang::index_of("en").is_some_and(|en| lang::is_stopword(k, en))
            || self.lang.is_some_and(|l| lang::is_stopword(k, l))
    }
}

/// The key of tokens `a..=b`: their keys joined by spaces.
pub(super) fn span_key(toks: &[Tok], a: usize, b: usize) -> String {
    let mut k = String::new();
    for t in toks.get(a..=b).unwrap_or(&[]) {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(&t.key);
    }
    k
}

fn is_roman(t: &Tok) -> bool {
    matches!(t.shape, Shape::Caps)
        && t.key.len() <= 4
        && t.key.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// Can start a name.
fn starts(t: &Tok) -> bool {
    let base = if t.shape == Shape::Prefixed {
        t.key.split_once('-').map_or("", |(_, r)| r)
    } else {
        &t.key
    };
    t.capish() && !lexicon::is(Cue::NonEntity, base)
}

/// Can continue a name.
fn continues(t: &Tok) -> bool {
    t.capish() && (!lexicon::is(Cue::NonEntity, &t.key) || is_roman(t))
}

fn is_head(k: &str) -> bool {
    lexicon::is(Cue::OfHead, k)
        || lexicon::is(Cue::OrgHead, k)
        || lexicon::is(Cue::PlaceHead, k)
        || lexicon::is(Cue::EventHead, k)
}

fn is_title(t: &Tok) -> bool {
    t.capish() && lexicon::is(Cue::Title, &t.key)
}

fn is_title_part(t: &Tok) -> bool {
    lexicon::is(Cue::Title, &t.key)
        || lexicon::is(Cue::TitleMod, &t.key)
        || (t.shape == Shape::Lower && matches!(t.key.as_str(), "of" | "for" | "the"))
}

/// The head word of tokens `a..=b`: the word before the first "of" / "for" / "on" ("Bank of
/// England", "Commission on Human Rights"), else the last word ("Grace Road").
fn head_index(doc: &Doc, a: usize, b: usize) -> usize {
    (a + 1..b)
        .find(|&m| {
            let t = &doc.toks[m];
            t.shape == Shape::Lower && matches!(t.key.as_str(), "of" | "for" | "on")
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
        if doc.modes.get(t.line) != Some(&Mode::Normal) || !starts(t) {
            i += 1;
            continue;
        }
        let b = extend(doc, i);
        pieces(doc, i, b, &mut out);
        i = b + 1;
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

/// Legal forms of companies, which end a name.
const LEGAL_FORMS: [&str; 16] = [
    "inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "gmbh", "spa", "nv", "bv", "ab", "asa",
    "lp", "llp",
];

/// The most tokens in one name.
const MAX_RUN: usize = 16;

/// The last token of the run that starts at `a`.
fn extend(doc: &Doc, a: usize) -> usize {
    let toks = &doc.toks;
    let mut j = a;
    let mut has_head = is_head(&toks[a].key);
    let mut after_of = false;
    // Names are short: a bound keeps every later step on a run constant-time.
    while j < a + MAX_RUN {
        let Some(n) = doc.next(j) else { break };
        if continues(n) {
            j += 1;
            has_head |= is_head(&toks[j].key);
            continue;
        }
        if let Some(to) = connector(doc, j, has_head, after_of) {
            after_of |= matches!(toks[j + 1].key.as_str(), "of" | "for");
            j = to;
            has_head |= is_head(&toks[j].key);
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
            .filter(|t| t.line == c.line && continues(t) && !lexicon::is(Cue::Title, &t.key))
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
        let h = &doc.toks[e].key;
        let named = lexicon::is(Cue::OrgHead, h) || lexicon::is(Cue::PlaceHead, h);
        // Not after a known name: "Moscow's Central Clinical Hospital" is two names.
        let known = lexicon::gazetteer(&doc.toks[j].key).is_some();
        return (named && !known).then_some(j + 3);
    }
    if c.shape != Shape::Lower {
        return None;
    }
    let k = c.key.as_str();
    if lexicon::is(Cue::Particle, k) && !doc.conservative || matches!(k, "de" | "von" | "van") {
        if doc
            .tok(to)
            .is_some_and(|t| lexicon::is(Cue::Particle, &t.key))
        {
            to += 1;
        }
        return name_at(to).then_some(to);
    }
    // "Kia Motors Corp of South Korea": a legal form ends the name.
    let legal = LEGAL_FORMS.contains(&doc.toks[j].key.as_str());
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
        let head = lexicon::is(Cue::OrgHead, &doc.toks[e].key)
            && !legal
            && !(has_head && lexicon::is(Cue::OrgHead, &doc.toks[j].key));
        let mut start = j;
        while start > 0 && doc.prev(start).is_some_and(continues) {
            start -= 1;
        }
        let known = lexicon::gazetteer(&doc.key(start, e)).is_some();
        let chain = has_head
            && after_of
            && doc
                .next(e)
                .is_some_and(|t| t.shape == Shape::Lower && matches!(t.key.as_str(), "in" | "of"));
        return (head && e > to || known || chain).then_some(to);
    }
    // "Commission on Presidential Debates".
    if k == "on" && lexicon::is(Cue::OrgHead, &doc.toks[j].key) && !legal && name_at(to) {
        return Some(to);
    }
    if k == "in" && has_head && after_of && name_at(to) {
        let place = doc.tok(to).and_then(|t| lexicon::gazetteer(&t.key));
        return matches!(place, Some(Gaz::Country | Gaz::City | Gaz::Region)).then_some(to);
    }
    None
}

/// A row of a table: the name opens its line and numbers follow ("Partick 3 0 2 1").
fn table_row(doc: &Doc, a: usize, b: usize) -> bool {
    let toks = &doc.toks;
    let line_start = a == 0 || toks[a - 1].line != toks[a].line;
    line_start
        && doc
            .next(b)
            .is_some_and(|t| t.kind == Kind::Num && !date_num(doc, t))
}

/// A date written as a number ("1996-08-30", "30/08/1996").
fn date_num(doc: &Doc, t: &Tok) -> bool {
    let s = &doc.text[t.start..t.end];
    s.len() >= 8 && s.matches(['-', '/']).count() == 2
}

/// A number that can be a team's score or points ("3", "429-7"), not a date and not a player's
/// figures ("4-0-25-1").
fn score_num(doc: &Doc, t: &Tok) -> bool {
    t.kind == Kind::Num && doc.text[t.start..t.end].matches(['-', '/']).count() < 2
}

/// Words of sports clubs' names ("Dinamo Zagreb", "Real Madrid", "Deportivo").
const CLUB_WORDS: [&str; 20] = [
    "real",
    "dinamo",
    "dynamo",
    "deportivo",
    "sporting",
    "atletico",
    "atlético",
    "olympique",
    "borussia",
    "lokomotiv",
    "spartak",
    "cska",
    "fc",
    "afc",
    "sc",
    "cf",
    "ac",
    "sv",
    "vfb",
    "vfl",
];

const DIRECTIONS: [&str; 16] = [
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Splits the run `a..=b` at titles and leading nationalities, strips a sentence-initial common
/// word, and classifies the pieces.
fn pieces(doc: &Doc, mut a: usize, b: usize, out: &mut Vec<Cand>) {
    let toks = &doc.toks;
    // Trim connectors at the ends (cannot normally happen).
    let mut b = b;
    while b > a && toks[b].shape == Shape::Lower {
        b -= 1;
    }
    let whole_known = lexicon::gazetteer(&doc.key(a, b)).is_some();
    let h = head_index(doc, a, b);
    let headed = b > a && is_head(&toks[h].key) && !lexicon::is(Cue::Title, &toks[h].key);
    // A sentence-initial common word is not part of the name ("After Nasser Hussain").
    if toks[a].initial
        && toks[a].shape != Shape::Caps
        && !whole_known
        && (!headed || doc.is_common(&toks[a].key))
    {
        let k = toks[a].key.as_str();
        let english_form = doc.english
            && a < b
            && !lexicon::is_first_name(k)
            && !doc.cap_mid.contains(k)
            && (k.ends_with("ing") || k.ends_with("ly") || k.ends_with("ed"));
        if doc.is_common(k) || doc.lower.contains(k) || english_form {
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
        let place = matches!(
            lexicon::gazetteer(&doc.key(a, e)),
            Some(Gaz::Country | Gaz::City | Gaz::Region)
        );
        if e < b && place && !whole_known {
            let rest = lexicon::gazetteer(&doc.key(e + 1, b));
            let event = b > e + 1 && lexicon::is(Cue::EventHead, &toks[b].key);
            if matches!(rest, Some(Gaz::Demonym | Gaz::Event)) || event {
                push(doc, a, e, false, out);
                push(doc, e + 1, b, false, out);
                return;
            }
        }
    }
    let row = doc.sports && table_row(doc, a, b);
    if !headed && !whole_known && !row {
        // Titles: "U.S. Secretary of State Warren Christopher".
        let title_at = (a..b).rev().find(|&k| {
            is_title(&toks[k])
                && (k + 1..=b).any(|m| toks[m].capish() && !is_title_part(&toks[m]))
                && !(k + 1..=b).any(|m| {
                    let h = &toks[m].key;
                    (lexicon::is(Cue::OrgHead, h) || lexicon::is(Cue::EventHead, h))
                        && !is_title_part(&toks[m])
                        && !lexicon::is_first_name(h)
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
            let group =
                |x: usize, y: usize| lexicon::gazetteer(&doc.key(x, y)) == Some(Gaz::Demonym);
            let plural_group = |x: usize, y: usize| {
                doc.key(x, y)
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
            let f = toks[a].key.as_str();
            if !doc.sports
                && !lexicon::is_first_name(f)
                && !lexicon::is(Cue::OrgPrefix, f)
                && !DIRECTIONS.contains(&f)
            {
                let split = (a + 1..=b).find(|&s| {
                    toks[s - 1].shape != Shape::Lower
                        && matches!(
                            lexicon::gazetteer(&doc.key(s, b)),
                            Some(Gaz::Country | Gaz::City | Gaz::Region)
                        )
                        && lexicon::gazetteer(&doc.key(a, s - 1)).is_none()
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
    let known = strength >= 3 || lexicon::gazetteer(&doc.key(a, b)).is_some();
    let k = &toks[a].key;
    let ordinary = doc.is_common(k) || doc.lower.contains(k);
    // A lone common word needs support even inside a sentence ("May 24 Second test").
    let mut needs_support = (toks[a].initial || doc.is_common(k) && toks[a].shape == Shape::Title)
        && a == b
        && !known
        && !dateline(doc, a, b)
        && (ordinary || !table_row(doc, a, b));
    if doc.conservative && strength < 2 && toks[a].shape != Shape::Caps {
        // German and other noun-capitalising languages: a capital letter is no evidence.
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

/// A dateline: capitalised place name(s) at the start of a line, then a date or "(Agency)".
fn dateline(doc: &Doc, a: usize, b: usize) -> bool {
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
    if lexicon::is(Cue::PlaceRole, &p.key) {
        return 3;
    }
    if p.key == "of"
        && a >= 2
        && doc
            .prev(a - 1)
            .is_some_and(|q| q.shape == Shape::Lower && lexicon::is(Cue::PlaceRole, &q.key))
    {
        return 3;
    }
    u8::from(PLACE_PREV.contains(&p.key.as_str()))
}

/// True when a place preposition ("in", "at", "from"…) stands before token `a`.
pub(super) fn after_place_word(doc: &Doc, a: usize) -> bool {
    place_context(doc, a) > 0
}

/// The local label and strength of tokens `a..=b`.
pub(super) fn classify(doc: &Doc, a: usize, b: usize, title_cue: bool) -> (Label, u8) {
    let toks = &doc.toks;
    let k = doc.key(a, b);
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
                let role_after = next_lower.is_some_and(|t| lexicon::is(Cue::Role, &t.key));
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
        && !lexicon::is(Cue::PlaceHead, &last.key)
        && matches!(
            lexicon::gazetteer(&doc.key(a, b - 1)),
            Some(Gaz::City | Gaz::Region)
        )
    {
        return (Label::Org, 3);
    }
    if (a..=b).any(|m| toks[m].is_punct('&') || CLUB_WORDS.contains(&toks[m].key.as_str())) {
        return (Label::Org, 3);
    }
    // A place and a known organisation: "U.S. Treasury".
    if b > a
        && matches!(
            lexicon::gazetteer(&first.key),
            Some(Gaz::Country | Gaz::City)
        )
        && lexicon::gazetteer(&doc.key(a + 1, b)) == Some(Gaz::Org)
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
            && (lexicon::is(Cue::PlaceRole, &t.key)
                || lexicon::is(Cue::PlaceHead, &t.key)
                || FACILITIES.contains(&t.key.as_str()))
    }) {
        return (Label::Loc, 2);
    }
    let abbreviated = first.shape == Shape::Initial
        && first.dotted
        && matches!(first.key.as_str(), "n" | "s" | "e" | "w");
    if b > a && (DIRECTIONS.contains(&first.key.as_str()) || abbreviated) {
        match lexicon::gazetteer(&doc.key(a + 1, b)) {
            Some(Gaz::Country | Gaz::City | Gaz::Region) => return (Label::Loc, 3),
            Some(Gaz::Demonym) => return (Label::Nat, 3),
            _ => {}
        }
    }
    if b > a {
        let head = head_index(doc, a, b);
        let lk = toks[head].key.as_str();
        if lexicon::is(Cue::OrgHead, lk) {
            return (Label::Org, 3);
        }
        if lexicon::is(Cue::EventHead, lk) {
            return (Label::Event, 3);
        }
        if lexicon::is(Cue::PlaceHead, lk) {
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
    if prev_lower.is_some_and(|p| lexicon::is(Cue::OrgRole, &p.key)) {
        return (Label::Org, 2);
    }
    let all_title = (a..=b).all(|m| toks[m].shape == Shape::Title || toks[m].shape == Shape::Lower);
    if b > a && all_title && lexicon::is_first_name(&first.key) {
        return (Label::Per, 2);
    }
    if prev_lower.is_some_and(|p| lexicon::is(Cue::Role, &p.key)) {
        return (Label::Per, 2);
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
    let common_first = b > a && !first.initial && doc.is_common(&first.key);
    if plural && (the_before && a == b || common_first) {
        return (Label::Org, 2);
    }
    if plural && a == b && doc.sports {
        return (Label::Org, 1);
    }
    // A product: "Galaxy phones", "Model Y cars".
    if next.is_some_and(|t| t.shape == Shape::Lower && PRODUCT_NEXT.contains(&t.key.as_str())) {
        return (Label::Product, 2);
    }
    // Company context: "Pirelli shares", "Magna said it".
    let after = |n: usize| doc.tok(b + n).filter(|t| t.line == last.line);
    let market = |t: &Tok| matches!(t.key.as_str(), "shares" | "stock" | "stocks" | "share");
    if next.is_some_and(market)
        || (after(1).is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
            && after(3).is_some_and(market))
        || (next.is_some_and(|t| matches!(t.key.as_str(), "said" | "says"))
            && after(2).is_some_and(|t| matches!(t.key.as_str(), "it" | "its")))
    {
        return (Label::Org, 2);
    }
    // ", who" after a name.
    if next.is_some_and(|t| t.is_punct(','))
        && after(2).is_some_and(|t| matches!(t.key.as_str(), "who" | "whose"))
    {
        return (Label::Per, 2);
    }
    if b > a && lexicon::is(Cue::OrgPrefix, &first.key) {
        return (Label::Org, 1);
    }
    if a == b && first.shape == Shape::Caps && (2..=6).contains(&first.key.len()) {
        return (Label::Org, 1);
    }
    if place_ctx == 1 && !lexicon::is_first_name(&first.key) {
        return (Label::Loc, 1);
    }
    if b > a {
        (Label::Per, 1)
    } else {
        (Label::Per, 0)
    }
}

/// A place name used as a team in a sports report.
fn team_context(doc: &Doc, a: usize, b: usize) -> bool {
    let next = doc.next(b);
    if next.is_some_and(|t| score_num(doc, t) || TEAM_NEXT.contains(&t.key.as_str())) {
        return true;
    }
    // "Birmingham's Gary Breen": a player of the team.
    if next.is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
        && doc.tok(b + 2).is_some_and(|t| t.key == "s")
        && doc.tok(b + 3).is_some_and(Tok::capish)
    {
        return true;
    }
    doc.prev(a)
        .is_some_and(|p| TEAM_PREV.contains(&p.key.as_str()))
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
            && toks[e].kind == Kind::Word
            && toks[e].line == toks[i].line
        {
            e += 1;
        }
        let closes = toks
            .get(e)
            .is_some_and(|t| t.is_punct('”') || t.is_punct('"') || t.is_punct('»'));
        if e == a || !closes || doc.modes.get(toks[i].line) != Some(&Mode::Normal) {
            i += 1;
            continue;
        }
        let b = e - 1;
        let titled = toks[a].capish()
            && (a..=b).all(|k| toks[k].capish() || doc.is_common(&toks[k].key))
            && (a..=b).filter(|k| toks[*k].capish()).count() * 2 > b - a + 1;
        let noun = doc.next(e).map(|t| t.key.as_str());
        let label = match noun {
            Some(
                "project" | "campaign" | "initiative" | "programme" | "program" | "movement"
                | "group" | "foundation" | "party",
            ) => Some(Label::Org),
            Some(
                "film" | "movie" | "book" | "novel" | "album" | "song" | "single" | "show"
                | "series" | "app" | "game" | "play" | "documentary" | "podcast",
            ) => Some(Label::Product),
            Some("operation" | "festival" | "summit" | "conference") => Some(Label::Event),
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

//! Named entities: people, organisations, places and other named things.
//!
//! Rules, not a statistical model: capitalisation runs ([`candidates`]), cue words and compact
//! gazetteers ([`lexicon`], `src/data/entities/`), then one document-level pass that keeps every
//! name's label consistent through the article, links a lone surname to the full name before
//! it, accepts a sentence-initial word only when the article or a gazetteer knows it, and finds
//! known names again in ALL-CAPS and Title-Case headlines. Time is linear in the text (hash maps,
//! bounded look-ahead); the tables are parsed once.

use crate::normalize::FastMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::article::Span;

mod candidates;
mod classify;
mod doc;
mod evidence;
mod lexicon;
mod tokens;

use doc::{span_key, Cand, Doc, Label, Mode};
use lexicon::Gaz;
use tokens::{Kind, Shape};

/// What kind of named thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, team, government body.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// A nationality, religious or political group ("Ukrainian").
    Nationality,
    /// A named event.
    Event,
    /// A product or work.
    Product,
    /// Another named thing.
    Other,
}

/// One mention of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    /// The mention as written.
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index of its sentence in `Facts.sentences`.
    pub sentence: usize,
}

/// A named entity with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    /// The canonical name (the fullest mention).
    pub text: String,
    /// What it is.
    pub kind: EntityKind,
    /// The first mention's span (byte offsets into `Article.text`).
    pub span: Span,
    /// The first mention's sentence index.
    pub sentence: usize,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// How many mentions.
    pub count: usize,
}

/// Finds the entities of `text` (sentence spans and transcript speaker labels given; `lower` is
/// the text in lower case at the same byte offsets, when there is one).
pub(crate) fn extract(
    text: &str,
    lower: Option<&str>,
    sentences: &[Span],
    labels: &[super::transcript::Label],
    ctx: &super::Context,
) -> Vec<Entity> {
    let doc = Doc::new(text, lower, ctx.language.as_deref(), labels);
    let cands = candidates::candidates(&doc);
    let votes = vote(&doc, &cands);
    let mut found = resolve(&doc, &cands, &votes);
    found.extend(shouting_lines(&doc, &found, &votes));
    build(&doc, found, sentences)
}

/// A mention with its final label and the key of the entity it belongs to.
struct Found {
    a: usize,
    b: usize,
    label: Label,
    group: String,
}

/// Votes per key, and aliases: a surname or a short company name → the full name's key.
struct Votes {
    labels: HashMap<String, Label>,
    aliases: HashMap<String, (Label, String)>,
}

fn weight(strength: u8) -> f32 {
    match strength {
        3 => 10.0,
        2 => 3.0,
        1 => 1.0,
        _ => 0.3,
    }
}

fn vote(doc: &Doc, cands: &[Cand]) -> Votes {
    let mut scores: HashMap<String, [f32; 8]> = HashMap::default();
    for c in cands.iter().filter(|c| !c.needs_support) {
        // Borrowed for one token: a `String` only for a key not seen yet.
        let k = doc.span(c.a, c.b);
        if let Some(s) = scores.get_mut(k.as_ref()) {
            s[c.label.index()] += weight(c.strength);
        } else {
            let mut s = [0.0; 8];
            s[c.label.index()] += weight(c.strength);
            scores.insert(k.into_owned(), s);
        }
    }
    let mut labels = HashMap::with_capacity_and_hasher(scores.len(), Default::default());
    let name = Label::Name.index();
    for (k, s) in scores {
        // Any evidence of a kind beats any number of mentions without one.
        let mut best = name;
        for (n, v) in s.iter().enumerate() {
            if n != name && *v > 0.0 && (best == name || *v > s[best]) {
                best = n;
            }
        }
        labels.insert(k, Label::ALL[best]);
    }
    evidence::settle(doc, cands, &mut labels);
    // In text order; the first full name wins. A weakly guessed person does not lend its last
    // word when that word is a known place ("OSCE Chechnya").
    let mut aliases: HashMap<String, (Label, String)> = HashMap::default();
    for c in cands.iter().filter(|c| c.b > c.a && !c.needs_support) {
        let first = &doc.toks[c.a];
        if c.strength < 2
            && lexicon::gazetteer(&doc.toks[c.b].key).is_some()
            && (first.shape != Shape::Title || lexicon::gazetteer(&first.key).is_some())
        {
            continue;
        }
        let k = doc.span(c.a, c.b);
        let last = &doc.toks[c.b];
        match labels.get(k.as_ref()) {
            // "Alexander Lebed" → "Lebed".
            Some(Label::Per)
                if (last.shape == Shape::Title || doc.in_label(c.b))
                    && last.key.chars().count() > 1 =>
            {
                // Surname first in East Asian names: "Li Song-ho" → "Li".
                let surname = if c.b == c.a + 1 && classify::east_asian_given(doc, c.b) {
                    first
                } else {
                    last
                };
                aliases
                    .entry(surname.key.to_string())
                    .or_insert((Label::Per, k.to_string()));
            }
            // "Magna International Inc" → "Magna International", "Magna".
            Some(Label::Org) if last.is(lexicon::Cue::OrgHead) => {
                let short = span_key(&doc.toks, c.a, c.b - 1);
                if c.b - 1 > c.a {
                    aliases.entry(short).or_insert((Label::Org, k.to_string()));
                }
                let f = first.key.as_ref();
                if first.shape == Shape::Title
                    && !doc.is_common_tok(first)
                    && !first.is(lexicon::Cue::OrgHead)
                    && !first.is(lexicon::Cue::OrgPrefix)
                    && !first.is(lexicon::Cue::OfHead)
                    && lexicon::gazetteer(f).is_none()
                    && !lexicon::is_first_name(f)
                {
                    aliases
                        .entry(f.to_string())
                        .or_insert((Label::Org, k.to_string()));
                }
            }
            _ => {}
        }
    }
    Votes { labels, aliases }
}

/// Gives every candidate its document-level label and group.
fn resolve(doc: &Doc, cands: &[Cand], votes: &Votes) -> Vec<Found> {
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        let k = span_key(&doc.toks, c.a, c.b);
        let alias = votes.aliases.get(&k).filter(|(label, full)| {
            *full != k
                && (c.strength < 3
                    || (*label == Label::Per
                        && c.a == c.b
                        && lexicon::gazetteer(&k).is_some()
                        && !classify::after_place_word(doc, c.a)))
        });
        if let Some((label, full)) = alias {
            out.push(Found {
                a: c.a,
                b: c.b,
                label: *label,
                group: full.clone(),
            });
            continue;
        }
        let label = match votes.labels.get(&k) {
            Some(l) => *l,
            None if c.needs_support => {
                if lexicon::gazetteer(&k).is_some() {
                    c.label
                } else {
                    continue;
                }
            }
            // A name the document set aside (`evidence::settle`).
            None => continue,
        };
        out.push(Found {
            a: c.a,
            b: c.b,
            label,
            group: k,
        });
    }
    out
}

/// Known names in ALL-CAPS and Title-Case lines and in headings, longest match first.
fn shouting_lines(doc: &Doc, found: &[Found], votes: &Votes) -> Vec<Found> {
    let mut labels: HashMap<&str, Label> = HashMap::default();
    for f in found {
        labels.entry(f.group.as_str()).or_insert(f.label);
    }
    // Surnames and short company names count as known ("BIDEN SIGNS BILL").
    let mut known: HashMap<String, (Label, String)> = votes.aliases.clone();
    for f in found {
        let k = span_key(&doc.toks, f.a, f.b);
        known.insert(k, (f.label, f.group.clone()));
    }
    let toks = &doc.toks;
    // Tokens already inside a name (a heading's names found as candidates).
    let mut covered = vec![false; toks.len()];
    for f in found {
        for c in covered.iter_mut().take(f.b + 1).skip(f.a) {
            *c = true;
        }
    }
    let free = |e: usize| !covered[e] && toks[e].kind == Kind::Word && !doc.in_label(e);
    let max = lexicon::max_len().max(4);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let shouting = doc.modes.get(t.line) == Some(&Mode::Shouting);
        if !(shouting || doc.in_heading(i)) || !free(i) {
            i += 1;
            continue;
        }
        let mut e = i;
        let mut keys = Vec::new();
        let mut k = String::new();
        while e < toks.len() && e < i + max && toks[e].seg == t.seg && free(e) {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(&toks[e].key);
            keys.push(k.clone());
            e += 1;
        }
        let mut hit = None;
        for (n, k) in keys.iter().enumerate().rev() {
            let single = n == 0;
            if let Some((label, group)) = known.get(k) {
                if !(single && doc.is_common(k)) {
                    // Strong local evidence (a team in a results table) beats the label of the
                    // name elsewhere in the article.
                    let local = lexicon::gazetteer(k)
                        .map(|_| classify::classify(doc, i, i + n, false))
                        .filter(|(l, s)| *s >= 3 && l != label);
                    hit = Some(match local {
                        Some((l, _)) => (n, l, k.clone(), true),
                        None => (n, *label, group.clone(), false),
                    });
                    break;
                }
            }
            match lexicon::gazetteer(k) {
                Some(g) if g == Gaz::Country || !(single && doc.is_common(k)) => {
                    let (label, strength) = classify::classify(doc, i, i + n, false);
                    hit = Some((n, label, k.clone(), strength >= 3));
                    break;
                }
                _ => {}
            }
        }
        if let Some((n, label, group, local)) = hit {
            let label = if local {
                label
            } else {
                labels.get(group.as_str()).copied().unwrap_or(label)
            };
            out.push(Found {
                a: i,
                b: i + n,
                label,
                group,
            });
            i += n + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn kind_of(label: Label) -> EntityKind {
    match label {
        Label::Per => EntityKind::Person,
        Label::Org => EntityKind::Organization,
        Label::Loc => EntityKind::Place,
        Label::Nat => EntityKind::Nationality,
        Label::Event => EntityKind::Event,
        Label::Product => EntityKind::Product,
        Label::Other => EntityKind::Other,
        // Settled before (`evidence::settle`); an organisation is the likeliest kind.
        Label::Name => EntityKind::Organization,
    }
}

/// Groups the mentions into entities, in order of first mention.
fn build(doc: &Doc, mut found: Vec<Found>, sentences: &[Span]) -> Vec<Entity> {
    found.sort_by_key(|f| f.a);
    found.dedup_by_key(|f| f.a);
    let mut index: HashMap<(String, Label), usize> = HashMap::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut best_len: Vec<(bool, usize)> = Vec::new();
    for f in found {
        let (Some(first), Some(last)) = (doc.toks.get(f.a), doc.toks.get(f.b)) else {
            continue;
        };
        let span = Span::new(first.start, last.end);
        let text = doc.text[span.start..span.end].to_string();
        let mention = Mention {
            text: text.clone(),
            span,
            sentence: super::sentence_index(sentences, span.start),
        };
        // The canonical name is the fullest mention, preferring ordinary case to ALL CAPS.
        let rank = (first.shape != Shape::Caps, text.chars().count());
        let group = (f.group, f.label);
        match index.get(&group) {
            Some(&n) => {
                if let (Some(e), Some(r)) = (out.get_mut(n), best_len.get_mut(n)) {
                    if rank > *r {
                        e.text.clone_from(&text);
                        *r = rank;
                    }
                    e.mentions.push(mention);
                    e.count += 1;
                }
            }
            None => {
                index.insert(group, out.len());
                best_len.push(rank);
                out.push(Entity {
                    text,
                    kind: kind_of(f.label),
                    span,
                    sentence: mention.sentence,
                    mentions: vec![mention],
                    count: 1,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lang(text: &str, language: Option<&str>) -> Vec<Entity> {
        let spans = super::super::sentences::split(text);
        let ctx = super::super::Context {
            language: language.map(str::to_string),
            ..Default::default()
        };
        let lower = crate::normalize::lower_aligned(text);
        let labels = super::super::transcript::labels(text);
        let out = extract(text, lower.as_deref(), &spans, &labels, &ctx);
        for e in &out {
            assert_eq!(e.count, e.mentions.len());
            for m in &e.mentions {
                assert_eq!(&text[m.span.start..m.span.end], m.text);
            }
        }
        out
    }

    fn run(text: &str) -> Vec<Entity> {
        run_lang(text, None)
    }

    fn named(text: &str, language: &str) -> Vec<(String, EntityKind)> {
        run_lang(text, Some(language))
            .into_iter()
            .map(|e| (e.text, e.kind))
            .collect()
    }

    fn kinds(text: &str) -> Vec<(String, EntityKind, usize)> {
        run(text)
            .into_iter()
            .map(|e| (e.text, e.kind, e.count))
            .collect()
    }

    fn has(got: &[(String, EntityKind, usize)], text: &str, kind: EntityKind) -> bool {
        got.iter().any(|g| g.0 == text && g.1 == kind)
    }

    #[test]
    fn people_places_and_organisations() {
        let got = kinds(
            "The talks in Valdora were led by Foreign Minister Anna Kowalczyk. \
             Kowalczyk met officials of the Coordination Committee for the Return of Displaced \
             Persons on Monday.",
        );
        assert!(has(&got, "Valdora", EntityKind::Place), "{got:?}");
        assert!(
            got.contains(&("Anna Kowalczyk".into(), EntityKind::Person, 2)),
            "{got:?}"
        );
        assert!(has(
            &got,
            "Coordination Committee for the Return of Displaced Persons",
            EntityKind::Organization
        ));
        assert!(
            !got.iter().any(|g| g.0 == "Monday" || g.0 == "The"),
            "{got:?}"
        );
    }

    #[test]
    fn cue_words_work_without_gazetteers() {
        // Invented names: only titles, heads and context can label them.
        let got = kinds(
            "Mr. Tomas Berg met officials of the Harbour Authority in Brennick on Friday. \
             Later Berg flew to Ostrava Heights with Dr. Lena Fiala of Quillon Systems Inc.",
        );
        assert!(has(&got, "Tomas Berg", EntityKind::Person), "{got:?}");
        assert!(
            has(&got, "Harbour Authority", EntityKind::Organization),
            "{got:?}"
        );
        assert!(has(&got, "Brennick", EntityKind::Place), "{got:?}");
        assert!(has(&got, "Ostrava Heights", EntityKind::Place), "{got:?}");
        assert!(has(&got, "Lena Fiala", EntityKind::Person), "{got:?}");
        assert!(
            has(&got, "Quillon Systems Inc.", EntityKind::Organization),
            "{got:?}"
        );
        let berg = run(
            "Mr. Tomas Berg met officials of the Harbour Authority in Brennick on Friday. \
             Later Berg flew home.",
        )
        .into_iter()
        .find(|e| e.text == "Tomas Berg");
        assert_eq!(
            berg.map(|e| e.count),
            Some(2),
            "a lone surname joins the full name"
        );
    }

    #[test]
    fn sentence_starts_need_support() {
        let got = kinds(
            "Rainfall was heavy on Tuesday. Harlow stayed dry. Farmers near Harlow were \
             relieved. Meanwhile the river rose.",
        );
        assert!(
            got.contains(&("Harlow".into(), EntityKind::Place, 2)),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|g| ["Rainfall", "Farmers", "Meanwhile"].contains(&g.0.as_str())),
            "{got:?}"
        );
        // Unknown and alone at a sentence start: not an entity.
        assert!(kinds("Grindle was the word of the day.").is_empty());
    }

    #[test]
    fn company_short_names_join_the_full_name() {
        let got = run(
            "Velmora Foods Inc said on Tuesday it would close two plants. Shares in Velmora \
             fell, and Velmora said it expected lower sales.",
        );
        let v = got.iter().find(|e| e.text == "Velmora Foods Inc");
        assert_eq!(
            v.map(|e| (e.kind, e.count)),
            Some((EntityKind::Organization, 3))
        );
    }

    #[test]
    fn quoted_project_names() {
        let got = kinds("Volunteers of the “Clean Rivers Now” campaign met on Sunday.");
        assert!(
            has(&got, "Clean Rivers Now", EntityKind::Organization),
            "{got:?}"
        );
    }

    #[test]
    fn titles_are_not_names() {
        let got = kinds("The President said the Prime Minister would visit.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[cfg(feature = "gazetteers")]
    #[test]
    fn gazetteers_label_known_names() {
        let got = kinds(
            "The US-led talks in Kyiv ended. Ukrainian officials said the Kremlin and NATO \
             disagreed, according to the International Committee of the Red Cross.",
        );
        assert!(has(&got, "US", EntityKind::Place), "{got:?}");
        assert!(has(&got, "Kyiv", EntityKind::Place), "{got:?}");
        assert!(has(&got, "Ukrainian", EntityKind::Nationality), "{got:?}");
        assert!(has(&got, "Kremlin", EntityKind::Organization), "{got:?}");
        assert!(has(&got, "NATO", EntityKind::Organization), "{got:?}");
        assert!(has(
            &got,
            "International Committee of the Red Cross",
            EntityKind::Organization
        ));
    }

    #[cfg(feature = "gazetteers")]
    #[test]
    fn headlines_and_datelines_reuse_known_names() {
        let text = "STORM CUTS POWER ACROSS KYIV\nKYIV 2025-01-14\nA storm cut power in Kyiv on \
                    Monday, the city's mayor said.";
        let got = run(text);
        let kyiv = got.iter().find(|e| e.text == "Kyiv");
        assert_eq!(
            kyiv.map(|e| (e.kind, e.count)),
            Some((EntityKind::Place, 3))
        );
        assert!(!got.iter().any(|e| e.text == "STORM" || e.text == "POWER"));
    }

    #[cfg(feature = "gazetteers")]
    #[test]
    fn sports_teams_named_after_places() {
        let got = kinds(
            "SOCCER - LEAGUE RESULTS\nLeeds beat Chelsea 2-1 in the league on Saturday.\n\
             Bristol 3 Oxford 0",
        );
        assert!(has(&got, "Leeds", EntityKind::Organization), "{got:?}");
        assert!(has(&got, "Bristol", EntityKind::Organization), "{got:?}");
    }

    #[test]
    fn headings_and_list_labels_are_not_names() {
        let got = kinds(
            "Quorvik Foods opened two bakeries this year.\n\n\
             1. Crusty Loaves Are Back in Fashion\n\n\
             Bakers say demand keeps rising.\n\n\
             - Seasonal Specials: Most outlets sell pumpkin bread in the autumn.\n\n\
             Why Quorvik Foods Keeps Growing\n\n\
             Sales rose again in the spring, the company said.",
        );
        for heading in [
            "Crusty Loaves",
            "Fashion",
            "Seasonal Specials",
            "Why",
            "Keeps Growing",
        ] {
            assert!(
                !got.iter().any(|g| g.0.contains(heading)),
                "{heading}: {got:?}"
            );
        }
        // A name the article knows is found in its headings too.
        assert!(
            got.contains(&("Quorvik Foods".into(), EntityKind::Organization, 2)),
            "{got:?}"
        );
    }

    #[test]
    fn table_cells_are_segments() {
        let got = kinds(
            "Rank | Business School | Average Score\n1 | Brellin School of Business | 712\n\
             2 | Ostvik School of Management | 705",
        );
        assert!(
            has(&got, "Brellin School of Business", EntityKind::Organization),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.0.contains("Average")), "{got:?}");
    }

    #[test]
    fn a_person_needs_person_evidence() {
        // Capitals alone: brands and services, not people.
        let got = kinds(
            "The new films are streaming on Quibbly and Vantaro Plus this month, and fans can \
             rent them through Pellix as well.",
        );
        for brand in ["Quibbly", "Pellix"] {
            assert!(
                has(&got, brand, EntityKind::Organization),
                "{brand}: {got:?}"
            );
        }
        // Several capitalised words and no head word: another named thing (a service here).
        assert!(has(&got, "Vantaro Plus", EntityKind::Other), "{got:?}");
        // A place that ends its phrase after "in the".
        let got = kinds("Most of the new stores opened in the Quell Triangle, the chain said.");
        assert!(has(&got, "Quell Triangle", EntityKind::Place), "{got:?}");
        // Evidence: an age, a role in apposition, a later surname, a pronoun.
        let got = kinds(
            "Ilsabet Varga, 52, runs the bakery. Customers like Torvin Oakes, a retired \
             teacher, come daily. Varga said demand was high. Then Quilla Brandt arrived; she \
             ordered bread.",
        );
        for person in ["Ilsabet Varga", "Torvin Oakes", "Quilla Brandt"] {
            assert!(has(&got, person, EntityKind::Person), "{person}: {got:?}");
        }
    }

    #[cfg(feature = "gazetteers")]
    #[test]
    fn listed_names_share_their_kind() {
        let got = kinds(
            "The camera makers on show included Nikon, Sony, Corvala and Panasonic, whose \
             stands drew crowds.",
        );
        assert!(has(&got, "Corvala", EntityKind::Organization), "{got:?}");
        let got = kinds("Viewers can stream it on Netflix, Disney+ and Quibbly+ from Friday.");
        assert!(has(&got, "Disney+", EntityKind::Organization), "{got:?}");
        assert!(has(&got, "Quibbly+", EntityKind::Organization), "{got:?}");
    }

    #[test]
    fn works_products_and_software_are_products() {
        let got = kinds(
            "The thriller “Night Over Brellin,” starring Ilsabet Varga, opens on Friday. Fans \
             of the film “The Quiet Harbour” will like it. Later the studio released the \
             Quorbit app, and the Quorbit developers say the Vexl compiler got faster.",
        );
        for work in ["Night Over Brellin", "The Quiet Harbour", "Quorbit", "Vexl"] {
            assert!(has(&got, work, EntityKind::Product), "{work}: {got:?}");
        }
        assert!(has(&got, "Ilsabet Varga", EntityKind::Person), "{got:?}");
    }

    #[test]
    fn terms_in_capitals_are_not_organisations() {
        let got = kinds(
            "The tool sends SMS reminders and syncs with CRM platforms. Most ETFs track an \
             index. Readers get FREE templates, free plans and a High Dynamic Range mode with \
             a high dynamic range boost. Father Ostrander blessed the bakery.",
        );
        for term in ["SMS", "CRM", "ETFs", "FREE", "Dynamic Range", "Father"] {
            assert!(!got.iter().any(|g| g.0.contains(term)), "{term}: {got:?}");
        }
        assert!(has(&got, "Ostrander", EntityKind::Person), "{got:?}");
    }

    #[test]
    fn code_identifiers_are_not_names() {
        let got = kinds(
            "The docs never say what Server.receiveHead returns or what Reader.stream does, \
             the developer wrote.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn german_is_read_conservatively() {
        let got = named(
            "Bundeskanzler Olaf Scholz reiste am Montag nach Brüssel. Die Regierung und die \
             Opposition stritten lange über den Haushalt, sagte Frau Petra Vogel.",
            "de",
        );
        assert!(
            got.contains(&("Olaf Scholz".into(), EntityKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Petra Vogel".into(), EntityKind::Person)),
            "{got:?}"
        );
        for noun in ["Regierung", "Opposition", "Haushalt", "Montag", "Die"] {
            assert!(!got.iter().any(|g| g.0 == noun), "{noun}: {got:?}");
        }
    }

    #[test]
    fn german_compounds_and_titles() {
        let got = named(
            "Die Landeszentralbank hat am Donnerstag die Zinsen gesenkt, teilte \
             Bank-Präsidentin Karin Wendt mit. Der Bauernverband kritisierte die Entscheidung.",
            "de",
        );
        assert!(
            got.contains(&("Karin Wendt".into(), EntityKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Landeszentralbank".into(), EntityKind::Organization)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Bauernverband".into(), EntityKind::Organization)),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.0 == "Zinsen" || g.0 == "Entscheidung"));
    }

    #[test]
    fn other_languages_keep_multi_word_names_and_drop_lone_guesses() {
        let got: Vec<String> = run_lang(
            "Le ministre Paul Garnier a rencontré jeudi les élus de Valmont. Selon la \
             Préfecture, la réunion était utile.",
            Some("fr"),
        )
        .into_iter()
        .map(|e| e.text)
        .collect();
        assert!(got.contains(&"Paul Garnier".to_string()), "{got:?}");
        assert!(!got.contains(&"Préfecture".to_string()), "{got:?}");
        let got = named(
            "Министр Иван Петров встретился с журналистами. Об этом сообщает агентство ИТАР.",
            "ru",
        );
        assert!(
            got.contains(&("Иван Петров".into(), EntityKind::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("ИТАР".into(), EntityKind::Organization)),
            "{got:?}"
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            " ",
            "\n\n",
            "...",
            "“",
            "A",
            "Mr.",
            "U.S.",
            "-",
            "of the of",
            "ÉCOLE ÉTÉ",
            "東京で会議",
            "T.",
            "x-Y-z",
            "A & B",
            "'s",
            "The “",
        ] {
            let _ = run(t);
        }
    }

    #[test]
    fn long_capitalised_input_stays_fast() {
        // 60,000 capitalised words with connectors: runs are bounded, lookups constant.
        let mut text = String::new();
        for n in 0..20_000 {
            text.push_str(if n % 3 == 0 {
                "Alpha of Beta and "
            } else {
                "Gamma "
            });
        }
        let t = std::time::Instant::now();
        let got = run(&text);
        assert!(!got.is_empty());
        assert!(t.elapsed().as_secs() < 5);
    }
}

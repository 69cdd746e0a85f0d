//! The facts of a seed-shaped article (our own text), through the public API: the clean text,
//! its entities, times resolved against the reference date, quantities with what they count,
//! direct and reported quotes with speakers, and key sentences — each span pointing into
//! `Article.text`.

// Test helpers outside #[test] functions may unwrap.
#![allow(clippy::unwrap_used)]

use newsclean::facts::{EntityKind, ReferenceDateSource, TimeKind};
use newsclean::{clean, Options, Reason};

const PAGE: &str = include_str!("data/seedlike.txt");

fn article() -> newsclean::Article {
    let opts = Options {
        reference_date: Some("2025-11-27".into()),
        ..Options::default()
    };
    clean(PAGE, &opts).unwrap()
}

#[test]
fn the_body_is_kept_once_and_the_tail_is_a_link_list() {
    let a = article();
    assert_eq!(a.blocks.len(), 5, "{}", a.text);
    assert!(a.text.starts_with("Norway on Tuesday"));
    assert!(a.text.ends_with("between the neighbours."));
    let dups = a
        .removed
        .iter()
        .filter(|r| r.reason == Reason::ExactDuplicate)
        .count();
    assert_eq!(dups, 4);
    let tail: Vec<_> = a
        .removed
        .iter()
        .filter(|r| r.reason == Reason::LinkList)
        .collect();
    assert_eq!(tail.len(), 6, "{tail:?}");
}

#[test]
fn every_fact_span_points_into_the_text() {
    let a = article();
    let f = &a.facts;
    let check = |s: &newsclean::Span, t: &str| assert_eq!(&a.text[s.start..s.end], t);
    for e in &f.entities {
        for m in &e.mentions {
            check(&m.span, &m.text);
        }
    }
    for t in &f.times {
        check(&t.span, &t.text);
    }
    for q in &f.quantities {
        check(&q.span, &q.text);
    }
    for q in &f.quotes {
        check(&q.span, &q.text);
        if let Some(s) = &q.speaker {
            check(&s.span, &s.text);
        }
    }
    for k in &f.key_sentences {
        check(&k.span, &k.text);
    }
}

#[test]
fn entities_have_the_right_kinds() {
    let a = article();
    let kind = |name: &str| {
        a.facts
            .entities
            .iter()
            .find(|e| e.text == name)
            .map(|e| e.kind)
    };
    assert_eq!(kind("Norway"), Some(EntityKind::Place));
    assert_eq!(kind("Oslo"), Some(EntityKind::Place));
    assert_eq!(kind("Icelandic"), Some(EntityKind::Nationality));
    assert_eq!(
        kind("World Trade Organization"),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind("Joint Committee for the Protection of Northern Fisheries"),
        Some(EntityKind::Organization)
    );
    let norway = a
        .facts
        .entities
        .iter()
        .find(|e| e.text == "Norway")
        .unwrap();
    assert!(norway.count >= 2);
    assert_eq!(norway.count, norway.mentions.len());
}

#[test]
fn times_resolve_against_the_reference_date() {
    let a = article();
    let value = |t: &str| {
        a.facts
            .times
            .iter()
            .find(|x| x.text == t)
            .and_then(|x| x.value.clone())
    };
    // 2025-11-27 is a Thursday: "Tuesday" in a past-tense report is two days before.
    assert_eq!(value("Tuesday").as_deref(), Some("2025-11-25"));
    assert_eq!(value("last week").as_deref(), Some("2025-W47"));
    assert_eq!(value("2023").as_deref(), Some("2023"));
    assert!(a.facts.times.iter().all(|t| t.kind != TimeKind::Set));
    // Counts are not dates.
    assert!(a.facts.times.iter().all(|t| !t.text.contains("120")));
}

#[test]
fn quantities_name_what_they_count() {
    let a = article();
    let counted = |t: &str| {
        a.facts
            .quantities
            .iter()
            .find(|q| q.text.starts_with(t))
            .and_then(|q| q.counted.as_ref().map(|c| c.text.clone()))
    };
    assert_eq!(counted("120 fishing").as_deref(), Some("fishing boats"));
    assert_eq!(counted("14").as_deref(), Some("Icelandic trawlers"));
    let approx = a
        .facts
        .quantities
        .iter()
        .find(|q| q.text.starts_with("Hundreds of thousands"))
        .unwrap();
    assert!(approx.approximate);
    assert_eq!(
        (approx.low, approx.high),
        (Some(100_000.0), Some(1_000_000.0))
    );
}

#[test]
fn quotes_have_speakers_and_scare_quotes_are_not_quotes() {
    let a = article();
    let q = &a.facts.quotes;
    let direct: Vec<_> = q.iter().filter(|x| x.direct).collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert!(direct[0].text.starts_with("The handover took place"));
    let sp = direct[0].speaker.as_ref().unwrap();
    assert!(sp.text.contains("Joint Committee"));
    assert_eq!(
        direct[0].channel.as_ref().map(|c| c.text.as_str()),
        Some("on Facebook")
    );
    assert_eq!(
        direct[0].cue.as_ref().map(|c| c.text.as_str()),
        Some("said")
    );
    let reported: Vec<_> = q.iter().filter(|x| !x.direct).collect();
    assert!(reported.len() >= 3, "{reported:?}");
    assert!(reported
        .iter()
        .any(|r| r.speaker.as_ref().is_some_and(|s| s.text == "The Storting")));
    assert!(q
        .iter()
        .all(|x| x.text != "hold" && x.text != "Safe Harbour"));
}

#[test]
fn key_sentences_are_ranked_and_in_article_order() {
    let a = article();
    let k = &a.facts.key_sentences;
    assert_eq!(k.len(), 3);
    let mut ranks: Vec<_> = k.iter().map(|s| s.rank).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, [1, 2, 3]);
    assert!(k.windows(2).all(|w| w[0].span.start < w[1].span.start));
}

/// The value of the time written `text` among `facts`' times ("" when absent or unresolved).
fn value(facts: &newsclean::Facts, text: &str) -> String {
    facts
        .times
        .iter()
        .find(|t| t.text == text)
        .and_then(|t| t.value.clone())
        .unwrap_or_default()
}

/// The facts of `input` cleaned with `options`.
fn facts_of(input: &str, options: &Options) -> newsclean::Facts {
    clean(input, options).unwrap().facts
}

const FERRY_BODY: &str = "The ferry company said on Thursday that the harbour crossing would \
    reopen next week, after storms closed it last week. Repairs to the pier cost more than the \
    company had planned, a spokeswoman said, and the work will go on into the spring.";

#[test]
fn times_resolve_against_the_pages_own_date() {
    // HTML that states its publication date in its metadata: Friday 2025-11-28.
    let html = format!(
        "<!DOCTYPE html><html><head><title>Ferry to return</title>\
         <meta property=\"article:published_time\" content=\"2025-11-28T09:30:00+01:00\"></head>\
         <body><article><h1>Ferry to return</h1><p>{FERRY_BODY}</p><p>{FERRY_BODY}</p>\
         </article></body></html>"
    );
    let f = facts_of(&html, &Options::default());
    assert_eq!(f.reference_date.as_deref(), Some("2025-11-28"));
    assert_eq!(
        f.reference_date_source,
        Some(ReferenceDateSource::Published)
    );
    assert_eq!(value(&f, "Thursday"), "2025-11-27");
    assert_eq!(value(&f, "next week"), "2025-W49");
    assert_eq!(value(&f, "last week"), "2025-W47");

    // The option wins over the page's date.
    let given = Options {
        reference_date: Some("2025-06-06".into()),
        ..Options::default()
    };
    let f = facts_of(&html, &given);
    assert_eq!(f.reference_date.as_deref(), Some("2025-06-06"));
    assert_eq!(f.reference_date_source, Some(ReferenceDateSource::Option));
    assert_eq!(value(&f, "Thursday"), "2025-06-05");

    // Plain text (a page's innerText) whose dateline states the date.
    let text = format!(
        "Ferry to return\n\nBy Ann Lee | Published Friday, November 28, 2025\n\n{FERRY_BODY}\n\n\
         {FERRY_BODY}\n"
    );
    let f = facts_of(&text, &Options::default());
    assert_eq!(f.reference_date.as_deref(), Some("2025-11-28"));
    assert_eq!(f.reference_date_source, Some(ReferenceDateSource::Dateline));
    assert_eq!(value(&f, "Thursday"), "2025-11-27");

    // Without a date anywhere, relative times stay unresolved, and the report says so.
    let f = facts_of(FERRY_BODY, &Options::default());
    assert_eq!(
        (f.reference_date.as_deref(), f.reference_date_source),
        (None, None)
    );
    assert_eq!(value(&f, "Thursday"), "XXXX-WXX-4");

    // Facts of a clean text read its dateline too.
    let f = newsclean::facts::extract_facts(&text, &Options::default()).unwrap();
    assert_eq!(f.reference_date.as_deref(), Some("2025-11-28"));
    assert_eq!(f.reference_date_source, Some(ReferenceDateSource::Dateline));
    assert_eq!(value(&f, "Thursday"), "2025-11-27");
}

#[test]
fn the_reference_date_is_in_the_json_report() {
    let a = clean(
        FERRY_BODY,
        &Options {
            reference_date: Some("2025-11-28".into()),
            ..Options::default()
        },
    )
    .unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["facts"]["referenceDate"], "2025-11-28");
    assert_eq!(json["facts"]["referenceDateSource"], "option");
    let none = serde_json::to_value(clean(FERRY_BODY, &Options::default()).unwrap()).unwrap();
    assert!(none["facts"]["referenceDate"].is_null());
    assert!(none["facts"]["referenceDateSource"].is_null());
}

#[test]
fn transcript_speakers_are_people_and_quote_speakers() {
    // A radio transcript written for this test: speaker labels in capitals open what was said.
    let text = "Town votes on the ferry\n\n\
        MARA QUILL, HOST:\n\nThe town of Eastwick votes on its ferry today. Our reporter is there.\n\n\
        TOBIAS VANE, BYLINE: The hall is full, and most people here want the ferry back.\n\n\
        UNIDENTIFIED PERSON #1: Bring it back!\n\n\
        VANE: The count starts after the doors close at eight.\n\n\
        QUILL: Thank you for that report from the town hall.\n";
    let f = newsclean::facts::extract_facts(text, &Options::default()).unwrap();
    let people: Vec<&str> = f
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.text.as_str())
        .collect();
    assert!(people.contains(&"MARA QUILL"), "{people:?}");
    assert!(people.contains(&"TOBIAS VANE"), "{people:?}");
    // Roles and labels that name no one are no entities.
    assert!(f
        .entities
        .iter()
        .all(|e| !["HOST", "BYLINE", "UNIDENTIFIED PERSON"].contains(&e.text.as_str())));
    let speech = |start: &str| {
        let q = f.quotes.iter().find(|q| q.text.starts_with(start)).unwrap();
        assert!(q.direct);
        let s = q.speaker.as_ref().unwrap();
        (s.text.clone(), s.name.clone())
    };
    assert_eq!(speech("The hall is full").0, "TOBIAS VANE");
    // A surname-only label is the same speaker.
    assert_eq!(
        speech("The count starts"),
        ("VANE".to_string(), Some("TOBIAS VANE".to_string()))
    );
    assert_eq!(speech("The town of Eastwick").0, "MARA QUILL");
    assert_eq!(speech("Bring it back!").0, "UNIDENTIFIED PERSON #1");
}

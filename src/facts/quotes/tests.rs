//! Unit tests of quote extraction, on sentences written for them.

use super::*;
use crate::facts::{Context, EntityKind, Mention};

fn run(text: &str, language: Option<&str>, entities: &[Entity]) -> Vec<Quote> {
    let sentences = crate::facts::sentences::split(text);
    let ctx = Context {
        language: language.map(str::to_string),
        ..Context::default()
    };
    let lower = crate::normalize::lower_aligned(text);
    let labels = crate::facts::transcript::labels(text);
    let got = extract(text, lower.as_deref(), &sentences, entities, &labels, &ctx);
    // The same without the shared lower-case text.
    assert_eq!(
        got,
        extract(text, None, &sentences, entities, &labels, &ctx)
    );
    got
}

fn quotes(text: &str) -> Vec<Quote> {
    run(text, None, &[])
}

fn direct(text: &str) -> Vec<Quote> {
    quotes(text).into_iter().filter(|q| q.direct).collect()
}

fn reported(text: &str) -> Vec<Quote> {
    quotes(text).into_iter().filter(|q| !q.direct).collect()
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.text.as_str())
}

fn cue(q: &Quote) -> Option<&str> {
    q.cue.as_ref().map(|c| c.text.as_str())
}

fn channel(q: &Quote) -> Option<&str> {
    q.channel.as_ref().map(|c| c.text.as_str())
}

/// Spans point at their text.
fn check_spans(text: &str, qs: &[Quote]) {
    for q in qs {
        assert_eq!(&text[q.span.start..q.span.end], q.text);
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.span.start..s.span.end], s.text);
        }
        if let Some(c) = &q.cue {
            assert_eq!(&text[c.span.start..c.span.end], c.text);
        }
    }
}

#[test]
fn speaker_after_the_quote() {
    let t =
        "Work began in spring.\n\n“We will finish the bridge by June,” the mayor said on Tuesday.";
    let q = direct(t);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "We will finish the bridge by June,");
    assert_eq!(speaker(&q[0]), Some("the mayor"));
    assert_eq!(cue(&q[0]), Some("said"));
    assert_eq!(q[0].sentence, 1);
    check_spans(t, &q);
}

#[test]
fn inverted_cue_after_the_quote() {
    let t = "“Prices will fall soon,” said Anna Berg, an economist at the central bank.";
    let q = direct(t);
    assert_eq!(q.len(), 1);
    assert_eq!(speaker(&q[0]), Some("Anna Berg"));
    assert_eq!(cue(&q[0]), Some("said"));
}

#[test]
fn speaker_with_apposition_before_the_cue() {
    let t = "“The river is rising,” Tom Reed, 54, a farmer near the dam, told the radio.";
    let q = direct(t);
    assert_eq!(speaker(&q[0]), Some("Tom Reed"));
    assert_eq!(cue(&q[0]), Some("told"));
}

#[test]
fn speaker_before_the_quote_with_colon_or_comma() {
    let q = direct("The minister said: “The talks are over.”");
    assert_eq!(speaker(&q[0]), Some("The minister"));
    let q = direct("Later that day he told reporters, “We are ready for anything.”");
    assert_eq!(speaker(&q[0]), Some("he"));
    assert_eq!(cue(&q[0]), Some("told"));
    let q = direct("According to the harbour master, “Nothing was lost at sea.”");
    assert_eq!(speaker(&q[0]), Some("the harbour master"));
    assert_eq!(cue(&q[0]), Some("According to"));
}

#[test]
fn pieces_of_a_split_quote_share_the_speaker() {
    let t = "“We tried,” she said. “It was not enough.” Then she left.";
    let q = direct(t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].text, "It was not enough.");
    assert_eq!(speaker(&q[1]), Some("she"));
    // A lower-case second piece after the cue continues the quote.
    let q = direct("“We tried,” she said, “and we failed.”");
    assert_eq!(q.len(), 2);
    assert_eq!(speaker(&q[1]), Some("she"));
}

#[test]
fn quote_continues_across_paragraphs() {
    let t = "“The water came at night,” the farmer said. “We lost the barn.\n\n“Next year we build higher.”\n\nThe town has 300 people.";
    let q = direct(t);
    assert_eq!(q.len(), 3);
    assert_eq!(q[1].text, "We lost the barn.");
    assert_eq!(q[2].text, "Next year we build higher.");
    assert_eq!(speaker(&q[2]), Some("the farmer"));
}

#[test]
fn paragraph_after_a_colon_paragraph_takes_its_speaker() {
    let q = direct("The mayor went on:\n\n“We will rebuild every house.”");
    assert_eq!(q.len(), 1);
    assert_eq!(speaker(&q[0]), Some("The mayor"));
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    assert!(direct("The council put the plan on “pause” until May.").is_empty());
    assert!(direct("Critics called the deal “a disaster for farmers.”").is_empty());
    assert!(direct("The city’s “Clean Streets” project said the work was done.").is_empty());
    assert!(direct("“Hamlet” opened on Friday at the old theatre.").is_empty());
}

#[test]
fn lower_case_quote_after_a_word_is_a_phrase() {
    assert!(direct("He said the plan was “dead on arrival,” and left.").is_empty());
}

#[test]
fn a_sentence_opening_quote_needs_speech_shape() {
    // Ends with punctuation inside the marks and stands alone: speech.
    assert_eq!(
        direct("The hall fell quiet.\n\n“We are not done yet.”").len(),
        1
    );
    // Followed by an attribution.
    assert_eq!(direct("“Maybe,” he said.").len(), 1);
}

#[test]
fn titles_and_initials_stay_with_the_speaker() {
    let q = direct("“It is done,” said Sen. Maria Lopez of Ohio.");
    assert_eq!(speaker(&q[0]), Some("Sen. Maria Lopez"));
    let q = direct("Mr. Brown said: “Yes, we will.”");
    assert_eq!(speaker(&q[0]), Some("Mr. Brown"));
    let q = direct("“It works,” John R. Smith said.");
    assert_eq!(speaker(&q[0]), Some("John R. Smith"));
    let q = direct("“No,” Gov. Lee, R-Tenn., said Monday.");
    assert_eq!(speaker(&q[0]), Some("Gov. Lee"));
}

#[test]
fn channels_are_found() {
    let q = direct("“We are safe,” the army said on Telegram.");
    assert_eq!(channel(&q[0]), Some("on Telegram"));
    let q = direct("“We are safe,” the army said in a statement.");
    assert_eq!(channel(&q[0]), Some("in a statement"));
    let q = direct("“It was hard,” she said in an interview with Radio North.");
    assert_eq!(channel(&q[0]), Some("in an interview with Radio North"));
    let q = direct("“Vote today,” the senator wrote on X.");
    assert_eq!(channel(&q[0]), Some("on X"));
    let q = direct("“Vote today,” the senator said on Monday.");
    assert_eq!(channel(&q[0]), None);
}

#[test]
fn reported_speech_with_that_and_time_words() {
    let t = "The company said on Monday that profits had doubled.";
    let q = reported(t);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "profits had doubled");
    assert_eq!(speaker(&q[0]), Some("The company"));
    assert_eq!(cue(&q[0]), Some("said"));
    check_spans(t, &q);
    let q = reported("Norway on Friday said it had opened two new ports.");
    assert_eq!(q[0].text, "it had opened two new ports");
    assert_eq!(speaker(&q[0]), Some("Norway"));
}

#[test]
fn reported_speech_with_the_speaker_at_the_end() {
    let q = reported("Profits will rise next year, the chief executive said.");
    assert_eq!(q[0].text, "Profits will rise next year");
    assert_eq!(speaker(&q[0]), Some("the chief executive"));
    let q = reported("Two men were arrested, according to the police.");
    assert_eq!(q[0].text, "Two men were arrested");
    assert_eq!(speaker(&q[0]), Some("the police"));
    let q = reported("According to the police, two men were arrested.");
    assert_eq!(q[0].text, "two men were arrested");
}

#[test]
fn reported_speech_after_told_skips_the_addressee() {
    let q = reported("Smith told reporters that the vote would be close.");
    assert_eq!(q[0].text, "the vote would be close");
    let q = reported("Smith told the paper the vote would be close.");
    assert_eq!(q[0].text, "the vote would be close");
}

#[test]
fn reported_speech_keeps_a_scare_quote_inside() {
    let t = "The club said last week that the deal was on “hold” for now.";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert!(!q[0].direct);
    assert_eq!(q[0].text, "the deal was on “hold” for now");
}

#[test]
fn reported_speech_by_participle() {
    let q = reported("Jones attacked the plan on Monday, saying it would fail the poor.");
    assert_eq!(q[0].text, "it would fail the poor");
    assert_eq!(speaker(&q[0]), Some("Jones"));
    let q = quotes("“It is late,” she said, adding that the trains had stopped.");
    let r: Vec<&Quote> = q.iter().filter(|q| !q.direct).collect();
    assert_eq!(r[0].text, "the trains had stopped");
    assert_eq!(speaker(r[0]), Some("she"));
}

#[test]
fn passive_and_non_speech_uses_of_said_are_not_reports() {
    assert!(reported("The house was said to be haunted by many.").is_empty());
    assert!(reported("He said goodbye.").is_empty());
}

#[test]
fn straight_quotes_work() {
    let q = direct("\"We won the cup,\" Jones said.");
    assert_eq!(q[0].text, "We won the cup,");
    assert_eq!(speaker(&q[0]), Some("Jones"));
}

#[test]
fn transcripts_and_asides_in_marks_are_not_quotes() {
    assert!(direct("\"SMITH: Well, we tried everything.\n\n\"(LAUGHTER.)").is_empty());
}

#[test]
fn headline_and_dash_attributions() {
    let q = direct("\"We will win the seat\": Party Leader Jane Doe");
    assert_eq!(speaker(&q[0]), Some("Party Leader Jane Doe"));
    let q = direct("“Never again.” ― Jane Doe\n“Always.” ― John Roe");
    assert_eq!(speaker(&q[0]), Some("Jane Doe"));
    assert_eq!(speaker(&q[1]), Some("John Roe"));
}

#[test]
fn participle_cue_before_the_quote_takes_the_subject() {
    let q = direct("During the rally, Jones attacked the plan, saying: “It will fail.”");
    assert_eq!(speaker(&q[0]), Some("Jones"));
}

#[test]
fn german_french_spanish_and_russian() {
    let q = run("„Wir schaffen das“, sagte die Kanzlerin.", Some("de"), &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "Wir schaffen das");
    assert_eq!(speaker(&q[0]), Some("die Kanzlerin"));
    let q = run(
        "« Nous sommes prêts », a déclaré le ministre.",
        Some("fr"),
        &[],
    );
    assert_eq!(q[0].text, "Nous sommes prêts");
    assert_eq!(speaker(&q[0]), Some("le ministre"));
    assert_eq!(cue(&q[0]), Some("a déclaré"));
    let q = run("«Estamos listos», dijo el presidente.", Some("es"), &[]);
    assert_eq!(speaker(&q[0]), Some("el presidente"));
    let q = run("«Мы готовы», — заявил министр.", Some("ru"), &[]);
    assert_eq!(speaker(&q[0]), Some("министр"));
    assert_eq!(cue(&q[0]), Some("заявил"));
    let q = run(
        "Selon le ministre, les prix vont baisser cette année.",
        Some("fr"),
        &[],
    );
    assert_eq!(q[0].text, "les prix vont baisser cette année");
}

fn entity(text: &str, kind: EntityKind, mentions: &[(usize, usize)], full: &str) -> Entity {
    let ms: Vec<Mention> = mentions
        .iter()
        .map(|&(a, b)| Mention {
            text: full[a..b].to_string(),
            span: Span::new(a, b),
            sentence: 0,
        })
        .collect();
    Entity {
        text: text.to_string(),
        kind,
        span: ms[0].span,
        sentence: 0,
        count: ms.len(),
        mentions: ms,
    }
}

#[test]
fn speakers_resolve_to_entities() {
    let t = "Anna Berg runs the Harbor Board. “We are ready,” Berg said. She added: “Come early.”";
    let berg = t.find("Berg said").unwrap_or(0);
    let board = t.find("Harbor Board").unwrap_or(0);
    let ents = [
        entity(
            "Harbor Board",
            EntityKind::Organization,
            &[(board, board + 12)],
            t,
        ),
        entity(
            "Anna Berg",
            EntityKind::Person,
            &[(0, 9), (berg, berg + 4)],
            t,
        ),
    ];
    let q = run(t, None, &ents);
    let d: Vec<&Quote> = q.iter().filter(|q| q.direct).collect();
    assert_eq!(d.len(), 2);
    let s0 = d[0]
        .speaker
        .as_ref()
        .map(|s| (s.text.as_str(), s.entity, s.name.clone()));
    assert_eq!(s0, Some(("Berg", Some(1), Some("Anna Berg".to_string()))));
    let s1 = d[1].speaker.as_ref().map(|s| (s.text.as_str(), s.entity));
    assert_eq!(s1, Some(("She", Some(1))));
}

#[test]
fn pronoun_it_resolves_to_an_organisation() {
    let t = "The Harbor Board met. It said the port would close early.";
    let ents = [entity(
        "Harbor Board",
        EntityKind::Organization,
        &[(4, 16)],
        t,
    )];
    let q = run(t, None, &ents);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker.as_ref().and_then(|s| s.entity), Some(0));
}

#[test]
fn long_and_unbalanced_input_stays_fast() {
    let mut t = String::new();
    for i in 0..4000 {
        t.push_str(if i % 3 == 0 {
            "“Open "
        } else {
            "word, he said "
        });
        t.push_str("and “more” text said. ");
        if i % 50 == 0 {
            t.push('\n');
        }
    }
    let start = std::time::Instant::now();
    let q = quotes(&t);
    assert!(!q.is_empty());
    assert!(start.elapsed().as_secs() < 5);
}

#[test]
fn many_unclosed_marks_stay_fast() {
    let mut t = "„".repeat(30_000);
    t.push_str(&"» ".repeat(30_000));
    t.push_str(&"“a ”".repeat(10_000));
    let start = std::time::Instant::now();
    let _ = quotes(&t);
    assert!(start.elapsed().as_secs() < 5);
}

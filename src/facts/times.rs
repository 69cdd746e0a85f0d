//! Time expressions, normalised TIMEX3-style.
//!
//! Dates ("Thursday", "Nov. 27, 2025", "27.11.2025", "the third quarter", "last week"), times
//! ("6:30 p.m. Tuesday", "tonight"), durations ("three weeks", "52-year-old") and sets ("daily",
//! "every Monday") are found by a linear scan over the tokens of each sentence ([`grammar`]) and
//! given TIMEX3 values against the reference date ([`resolve`]). English is covered in depth;
//! month, weekday and "today"/"yesterday" words of de, fr, es, pt, it and ru come from
//! `src/data/times_words.txt`.
//!
//! Conventions, after TimeML (Pustejovsky et al., "TimeML: Robust Specification of Event and
//! Temporal Expressions in Text", 2003, and the TimeML Annotation Guidelines 1.2.1):
//! * spans hold the determiner and the modifier words ("the third quarter", "about two years",
//!   "the end of the year"), the modifier is also given as `modifier` (APPROX, START, END, MID,
//!   LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE);
//! * ages ("52-year-old") are durations (`P52Y`), as TimeML annotates them;
//! * without a reference date, relative expressions get an X-pattern that keeps what they state
//!   (`XXXX-WXX-4` for "Thursday", `XXXX-11-27`, `XXXX-Q3`, `XXXX-XX-XX` for "yesterday");
//!   `value` is `None` only when even that cannot be written.

use crate::facts::chars::Class as _;
use serde::{Deserialize, Serialize};

use crate::article::Span;

mod dates;
mod grammar;
mod lex;
mod phrases;
mod resolve;
mod tense;

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TimeKind {
    /// A calendar date or period ("Thursday", "2022", "last week").
    Date,
    /// A time of day ("9 a.m. Friday").
    Time,
    /// A length of time ("three weeks").
    Duration,
    /// A recurring time ("every Monday").
    Set,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeFact {
    /// The expression as written.
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index of its sentence in `Facts.sentences`.
    pub sentence: usize,
    /// TIMEX3 type.
    pub kind: TimeKind,
    /// TIMEX3 value (`2025-11-27`, `2025-W47`, `P1W`, `PRESENT_REF`), when it can be normalised.
    pub value: Option<String>,
    /// TIMEX3 modifier (`APPROX`, `START`, `END`…), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// The sentences, with a sentence glued to the next one when the splitter cut inside a date:
/// after an abbreviation that belongs to a time ("on Aug. 7", "at 9 a.m. EST Tuesday") or after
/// a German day number before a month ("am 27. November").
fn chunks(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(sentences.len());
    let mut prev: Option<&str> = None;
    for s in sentences {
        let cur = text.get(s.start..s.end).unwrap_or("");
        let glue = prev.is_some_and(|p| cut_inside_date(p, cur));
        match out.last_mut() {
            Some(last) if glue && !text.get(last.end..s.start).unwrap_or("\n").contains('\n') => {
                last.end = s.end;
            }
            _ => out.push(*s),
        }
        prev = Some(cur);
    }
    out
}

/// True when a sentence ending in `prev` and the next one starting `next` are one date cut in
/// two: `prev` ends with "Aug.", "Sept.", "a.m.", or with "27." before a month name.
fn cut_inside_date(prev: &str, next: &str) -> bool {
    let Some(body) = prev.trim_end().strip_suffix('.') else {
        return false;
    };
    let word_start = body
        .char_indices()
        .rev()
        .find(|(_, c)| !c.alnum())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = body.get(word_start..).unwrap_or("").to_lowercase();
    let is_month = |w: &str| {
        lex::TABLE
            .get(w)
            .is_some_and(|v| v.iter().any(|e| e.cat == lex::Cat::Month))
    };
    if !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        let first: String = next
            .chars()
            .take_while(|c| c.alpha())
            .collect::<String>()
            .to_lowercase();
        return is_month(&first);
    }
    if word == "m" {
        let b = body.as_bytes();
        return b.len() >= 3
            && b[b.len() - 2] == b'.'
            && matches!(b[b.len() - 3], b'a' | b'p' | b'A' | b'P');
    }
    lex::TABLE
        .get(word.as_str())
        .is_some_and(|v| v.iter().any(|e| e.abbr && e.cat == lex::Cat::Month))
}

/// Finds the times of `text` (sentence spans given; `lower` is the text in lower case at the same
/// byte offsets, when there is one), in text order.
pub(crate) fn extract(
    text: &str,
    lower: Option<&str>,
    sentences: &[Span],
    ctx: &super::Context,
) -> Vec<TimeFact> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut focus = resolve::Focus {
        reference: ctx.reference,
        ..resolve::Focus::default()
    };
    let lang = ctx.language.as_deref();
    for chunk in chunks(text, sentences) {
        lex::tokenize_into(text, lower, chunk.start, chunk.end, &mut toks);
        let scanner = grammar::Scanner { toks: &toks, lang };
        for f in scanner.scan() {
            let (Some(first), Some(last)) = (toks.get(f.start), toks.get(f.end.wrapping_sub(1)))
            else {
                continue;
            };
            let span = Span::new(first.start, last.end);
            let si = super::sentence_index(sentences, span.start);
            focus.sentence = si;
            let tense = tense::tense(&toks, f.start, f.end);
            let value = resolve::value(&f.sem, tense, &focus);
            let kind = resolve::kind_of(&f.sem);
            if let Some(v) = value.as_deref() {
                if matches!(kind, TimeKind::Date | TimeKind::Time) {
                    if let Some(d) = resolve::day_of(v) {
                        focus.day = Some(d);
                    }
                    if let Some(m) = resolve::month_of(v) {
                        focus.month = Some(m);
                    }
                }
                // Only a quarter that is named sets the quarter in focus.
                if matches!(
                    f.sem,
                    resolve::Sem::Quarter(..)
                        | resolve::Sem::LatestQuarter
                        | resolve::Sem::UnitOffset(resolve::Unit::Quarter, _)
                ) {
                    if let Some(q) = resolve::quarter_of_value(v) {
                        focus.quarter = Some(q);
                        focus.quarter_sentence = Some(si);
                    }
                }
            }
            out.push(TimeFact {
                text: text
                    .get(span.start..span.end)
                    .unwrap_or_default()
                    .to_string(),
                span,
                sentence: si,
                kind,
                value,
                modifier: f.modifier.map(str::to_string),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::date::Date;
    use crate::facts::{sentences, Context};

    fn run_lang(text: &str, reference: &str, language: Option<&str>) -> Vec<TimeFact> {
        let ctx = Context {
            reference: Date::parse_iso(reference),
            language: language.map(str::to_string),
            ..Context::default()
        };
        let lower = crate::normalize::lower_aligned(text);
        extract(text, lower.as_deref(), &sentences::split(text), &ctx)
    }

    fn run(text: &str, reference: &str) -> Vec<TimeFact> {
        run_lang(text, reference, None)
    }

    /// (text, value, modifier) of every expression.
    fn with_modifiers(f: &[TimeFact]) -> Vec<(&str, Option<&str>, Option<&str>)> {
        f.iter()
            .map(|t| (t.text.as_str(), t.value.as_deref(), t.modifier.as_deref()))
            .collect()
    }

    /// (text, value) of every expression.
    fn pairs(text: &str, reference: &str) -> Vec<(String, String)> {
        run(text, reference)
            .into_iter()
            .map(|t| (t.text, t.value.unwrap_or_default()))
            .collect()
    }

    fn one(text: &str, reference: &str) -> (String, String) {
        let p = pairs(text, reference);
        assert_eq!(p.len(), 1, "{text:?} gave {p:?}");
        p.into_iter().next().unwrap_or_default()
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    /// A news story in the shape of the seed article (written for this test).
    const STORY: &str =
        "Portugal on Thursday said it had signed the fisheries accord with Morocco, \
        ending talks that began in 2019.\n\
        “The agreement was signed today. 2,400 boats are covered,” the ministry said in a \
        statement.\n\
        The accord replaces the deal that lapsed after Morocco’s 2023 review. Officials met \
        three times last week and will meet again next Monday.\n";

    #[test]
    fn seed_like_story() {
        // 2025-11-27 is a Thursday.
        let got = pairs(STORY, "2025-11-27");
        assert_eq!(
            got,
            [
                p("Thursday", "2025-11-27"),
                p("2019", "2019"),
                p("today", "2025-11-27"),
                p("2023", "2023"),
                p("last week", "2025-W47"),
                p("next Monday", "2025-12-01"),
            ]
        );
        let facts = run(STORY, "2025-11-27");
        assert!(facts.iter().all(|t| t.kind == TimeKind::Date));
        for t in &facts {
            assert_eq!(&STORY[t.span.start..t.span.end], t.text);
        }
        assert_eq!(facts[2].sentence, 1);
    }

    #[test]
    fn bare_weekday_is_the_last_one_unless_ahead() {
        // 2025-11-28 is a Friday.
        let r = "2025-11-28";
        assert_eq!(one("The mayor resigned on Thursday.", r).1, "2025-11-27");
        assert_eq!(one("The mayor resigned Friday.", r).1, "2025-11-28");
        assert_eq!(
            one("The council said Monday that rents rose.", r).1,
            "2025-11-24"
        );
        assert_eq!(one("The council will vote on Monday.", r).1, "2025-12-01");
        assert_eq!(one("On Monday the talks will resume.", r).1, "2025-12-01");
        assert_eq!(one("The vote is scheduled for Tuesday.", r).1, "2025-12-02");
        assert_eq!(
            one("The shop opens as early as Wednesday.", r).1,
            "2025-12-03"
        );
        assert_eq!(one("It happened last Friday.", r).1, "2025-11-21");
        assert_eq!(one("It happens next Friday.", r).1, "2025-12-05");
    }

    #[test]
    fn month_days_are_the_nearest_occurrence() {
        assert_eq!(
            one("The dividend is payable Jan. 3.", "2025-12-28").1,
            "2026-01-03"
        );
        assert_eq!(
            one("The dividend was paid Dec. 20.", "2025-12-28").1,
            "2025-12-20"
        );
        assert_eq!(
            one("The bombing on Aug. 7 killed many.", "1998-09-30").1,
            "1998-08-07"
        );
        assert_eq!(
            one("She was born on 4 July 1990.", "2025-12-28").1,
            "1990-07-04"
        );
        assert_eq!(one("He left in December.", "2026-01-10").1, "2025-12");
        assert_eq!(one("Elections come in January.", "2025-11-10").1, "2026-01");
        assert_eq!(one("It rained last February.", "2025-03-05").1, "2024-02");
        assert_eq!(one("It rained last May.", "2025-10-05").1, "2025-05");
        // A sentence split after "Aug." does not cut the date.
        assert_eq!(
            one("It began on Aug. 7. Nobody knew.", "2025-09-30").0,
            "Aug. 7"
        );
    }

    #[test]
    fn years_and_not_quantities() {
        assert_eq!(
            one("Russia’s 2022 invasion changed Europe.", "2025-11-27"),
            p("2022", "2022")
        );
        let none = [
            "Call 555-2024 or 0800 2025 today at the desk.",
            "She won 6-4, 7-6 on the grass.",
            "About 1,000 bodies and 2000 people were counted.",
            "It cost $2025 and weighs 1998 kg.",
            "Room 1984 is on the left.",
        ];
        for t in none {
            let got: Vec<String> = pairs(t, "2025-11-27")
                .into_iter()
                .filter(|(s, _)| s != "today")
                .map(|x| x.0)
                .collect();
            assert!(got.is_empty(), "{t:?} gave {got:?}");
        }
        assert_eq!(
            one("Prices doubled in the 1990s.", "2025-11-27"),
            p("the 1990s", "199")
        );
        assert_eq!(one("A 20th-century idea.", "2025-11-27").1, "19");
        assert_eq!(
            one("Sales in fiscal 2024 fell.", "2025-11-27"),
            p("fiscal 2024", "2024")
        );
    }

    #[test]
    fn ages_are_not_time_expressions() {
        assert!(run("A 52-year-old man and his 6-month-old son.", "2025-11-27").is_empty());
        assert!(run("She was 37 years old.", "2025-11-27").is_empty());
    }

    #[test]
    fn modifiers_are_set_and_approximators_left_out_of_the_span() {
        let f = run("The siege lasted about two years.", "2025-11-27");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].text.as_str(), f[0].modifier.as_deref()),
            ("two years", Some("APPROX"))
        );
        assert_eq!(
            (f[0].kind, f[0].value.as_deref()),
            (TimeKind::Duration, Some("P2Y"))
        );
        let f = run(
            "It took nearly an hour and more than 90 days.",
            "2025-11-27",
        );
        let got = with_modifiers(&f);
        assert_eq!(
            got,
            [
                ("an hour", Some("PT1H"), Some("LESS_THAN")),
                ("90 days", Some("P90D"), Some("MORE_THAN"))
            ]
        );
        // Position modifiers change the period meant and stay in the span.
        let f = run(
            "Talks ended in late November and resume early next year.",
            "2025-11-27",
        );
        let got = with_modifiers(&f);
        assert_eq!(
            got,
            [
                ("late November", Some("2025-11"), Some("END")),
                ("early next year", Some("2026"), Some("START"))
            ]
        );
        let f = run(
            "By the end of the year, and in mid-2024, it grew.",
            "2025-11-27",
        );
        assert_eq!(f[0].text, "the end of the year");
        assert_eq!(
            (f[0].value.as_deref(), f[0].modifier.as_deref()),
            (Some("2025"), Some("END"))
        );
        assert_eq!(
            (f[1].text.as_str(), f[1].modifier.as_deref()),
            ("mid-2024", Some("MID"))
        );
    }

    #[test]
    fn relative_units_quarters_and_refs() {
        let r = "2025-11-27";
        assert_eq!(
            pairs("Yesterday, this month, next year and this week.", r),
            [
                p("Yesterday", "2025-11-26"),
                p("this month", "2025-11"),
                p("next year", "2026"),
                p("this week", "2025-W48")
            ]
        );
        assert_eq!(
            one("Profit rose in the third quarter.", r),
            p("the third quarter", "2025-Q3")
        );
        assert_eq!(one("Third-quarter profit rose.", r).1, "2025-Q3");
        // A hyphenated adjective leaves "the" to its noun.
        assert_eq!(
            one("He saw the third-quarter figures.", r).0,
            "third-quarter"
        );
        let got = pairs(
            "Profit rose in the second quarter of 2024. A year earlier it fell. The quarter was good.",
            r,
        );
        assert_eq!(
            got,
            [
                p("the second quarter of 2024", "2024-Q2"),
                p("A year earlier", "2023-Q2"),
                p("The quarter", "2024-Q2")
            ]
        );
        assert_eq!(one("Prices are high now.", r), p("now", "PRESENT_REF"));
        assert_eq!(one("It recently rose.", r), p("recently", "PAST_REF"));
        assert_eq!(one("Look to the future.", r), p("the future", "FUTURE_REF"));
        assert_eq!(
            one("It began three days ago.", r),
            p("three days ago", "2025-11-24")
        );
        assert_eq!(
            one("It began two years ago.", r),
            p("two years ago", "2023")
        );
        assert_eq!(one("It grew this summer.", r), p("this summer", "2025-SU"));
        assert_eq!(one("We met the following day.", r).1, "2025-11-28");
    }

    #[test]
    fn durations_sets_and_times() {
        let r = "2025-11-27";
        let got: Vec<(String, TimeKind, String)> = run(
            "He waited one week, then 3 days, then a two-hour delay, then 5 1/2 hours.",
            r,
        )
        .into_iter()
        .map(|t| (t.text, t.kind, t.value.unwrap_or_default()))
        .collect();
        assert_eq!(
            got,
            [
                (
                    "one week".to_string(),
                    TimeKind::Duration,
                    "P1W".to_string()
                ),
                ("3 days".to_string(), TimeKind::Duration, "P3D".to_string()),
                (
                    "two-hour".to_string(),
                    TimeKind::Duration,
                    "PT2H".to_string()
                ),
                (
                    "5 1/2 hours".to_string(),
                    TimeKind::Duration,
                    "PT5H30M".to_string()
                ),
            ]
        );
        let f = run(
            "The paper appears daily and the board meets every Monday.",
            r,
        );
        assert_eq!(
            (f[0].kind, f[0].value.as_deref()),
            (TimeKind::Set, Some("P1D"))
        );
        assert_eq!(
            (f[1].text.as_str(), f[1].value.as_deref()),
            ("every Monday", Some("XXXX-WXX-1"))
        );
        let f = run("Polls close at 8 p.m. Thursday and open at 07:30.", r);
        assert_eq!(
            (f[0].text.as_str(), f[0].kind),
            ("8 p.m. Thursday", TimeKind::Time)
        );
        assert_eq!(f[0].value.as_deref(), Some("2025-11-27T20:00"));
        assert_eq!(f[1].value.as_deref(), Some("2025-11-27T07:30"));
        assert_eq!(one("They spoke tonight.", r).1, "2025-11-27TNI");
        assert_eq!(one("They spoke Wednesday night.", r).1, "2025-11-26TNI");
    }

    #[test]
    fn numeric_dates() {
        let r = "2025-11-27";
        assert_eq!(
            pairs(
                "Filed 2025-11-27, due 27.11.2025 or 11/27/2025; see 3/4/2025.",
                r
            ),
            [
                p("2025-11-27", "2025-11-27"),
                p("27.11.2025", "2025-11-27"),
                p("11/27/2025", "2025-11-27"),
                p("3/4/2025", "2025-03-04"),
            ]
        );
        // Day first when the text is not English.
        let f = run_lang("Vom 3/4/2025 bis heute.", r, Some("de"));
        assert_eq!(f[0].value.as_deref(), Some("2025-04-03"));
        // Not dates: version numbers, IP addresses, fractions.
        assert!(run("Version 1.2.2025.4 at 10.1.12.2025 is half 1/2 done.", r).is_empty());
    }

    #[test]
    fn other_languages() {
        let r = "2025-11-27";
        assert_eq!(
            one("Der Gipfel fand am Donnerstag, 27. November 2025 statt.", r).1,
            "2025-11-27"
        );
        assert_eq!(one("Gestern regnete es.", r).1, "2025-11-26");
        assert_eq!(
            one("Le sommet a eu lieu le jeudi 27 novembre 2025.", r).0,
            "jeudi 27 novembre 2025"
        );
        assert_eq!(
            one("La reunión fue el 3 de diciembre de 2024.", r).1,
            "2024-12-03"
        );
        assert_eq!(one("A reunião foi na sexta-feira.", r).1, "2025-11-21");
        assert_eq!(
            one("Il vertice è previsto per il 5 dicembre.", r).1,
            "2025-12-05"
        );
        assert_eq!(
            one("Встреча прошла 27 ноября 2025 года.", r).0,
            "27 ноября 2025 года"
        );
        assert_eq!(one("Вчера было холодно.", r).1, "2025-11-26");
        // "hier" is only French when the text is.
        assert!(run("Wir sind hier.", r).is_empty());
        assert_eq!(
            run_lang("Il est parti hier.", r, Some("fr"))[0]
                .value
                .as_deref(),
            Some("2025-11-26")
        );
        // A foreign month abbreviation that is an English word is not a month.
        assert!(run("Three buyers backed out. Then two more.", r).is_empty());
    }

    #[test]
    fn without_a_reference_date_values_keep_what_is_known() {
        let got: Vec<String> = run(
            "On Thursday, Nov. 3, and yesterday, last week, in 2022, in the third quarter.",
            "",
        )
        .into_iter()
        .map(|t| t.value.unwrap_or_default())
        .collect();
        assert_eq!(
            got,
            ["XXXX-11-03", "XXXX-XX-XX", "XXXX-WXX", "2022", "XXXX-Q3"]
        );
        assert_eq!(
            run("It ended Thursday.", "")[0].value.as_deref(),
            Some("XXXX-WXX-4")
        );
    }

    #[test]
    fn names_and_titles_are_not_times() {
        let r = "2025-11-27";
        assert!(run(
            "He told CBS's 60 Minutes and USA Today about August Wilson.",
            r
        )
        .is_empty());
        assert!(run("A second chance: about three-quarters of voters agreed.", r).is_empty());
        assert!(run("In high noon light the fall of the wall came.", r).is_empty());
    }

    #[test]
    fn linear_time_on_long_inputs() {
        // A long digit chain and a long run of time words stay fast and do not panic.
        let digits = "1,".repeat(20_000);
        let words = "last week and next week, ".repeat(5_000);
        let t = std::time::Instant::now();
        let _ = run(&digits, "2025-11-27");
        let n = run(&words, "2025-11-27").len();
        assert_eq!(n, 10_000);
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn huge_amounts_do_not_overflow() {
        for t in [
            "It began 999,999,999,999,999 centuries ago.",
            "It ends 999,999,999 decades from now.",
            "A 999999999-year lease, every 999999999 weeks, 999,999,999,999,999.9 hours.",
        ] {
            for r in ["2025-11-27", "0001-01-01", "9999-12-31", ""] {
                let _ = run(t, r);
            }
        }
    }

    #[test]
    fn random_time_word_soup_never_panics() {
        // Deterministic xorshift over a vocabulary of pieces the patterns react to.
        const PIECES: &[&str] = &[
            "Nov",
            ".",
            "27",
            ",",
            "2025",
            "1,000",
            "999999999",
            "0",
            "31",
            "2/",
            "/",
            "-",
            "a",
            "m",
            "p.m.",
            "a.m",
            "the",
            "last",
            "next",
            "this",
            "week",
            "years",
            "ago",
            "earlier",
            "Thursday",
            "Mondays",
            "quarter",
            "third",
            "-quarter",
            "'",
            "s",
            "80",
            "1990s",
            "mid",
            "late",
            "end",
            "of",
            "about",
            "more",
            "than",
            "nineteen",
            "ninety",
            "six",
            "half",
            "Q",
            "4",
            "fiscal",
            "Easter",
            "noon",
            "12:60",
            "24:00",
            "т",
            "ноября",
            "года",
            "г.",
            "de",
            "mars",
            "hier",
            "ago.",
            "out.",
            " ",
            "\n",
            "“",
            "”",
            "½",
            "5",
            "1",
            "/2",
            "hours",
            "old",
            "every",
            "other",
            "per",
            "century",
            "21st",
            "twenty",
            "-",
            "first",
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for round in 0..300 {
            let mut text = String::new();
            for _ in 0..60 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
                if x & 0x100 != 0 {
                    text.push(' ');
                }
            }
            let reference = if round % 2 == 0 { "2025-11-27" } else { "" };
            for t in run(&text, reference) {
                assert_eq!(&text[t.span.start..t.span.end], t.text);
                assert!(!t.text.is_empty());
            }
        }
    }
}

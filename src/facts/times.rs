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
        .find(|(_, c)| !c.is_alphanumeric())
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
            .take_while(|c| c.is_alphabetic())
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

/// Finds the times of `text` (sentence spans given), in text order.
pub(crate) fn extract(text: &str, sentences: &[Span], ctx: &super::Context) -> Vec<TimeFact> {
    let mut out = Vec::new();
    let mut focus = resolve::Focus {
        reference: ctx.reference,
        ..resolve::Focus::default()
    };
    let lang = ctx.language.as_deref();
    for chunk in chunks(text, sentences) {
        let toks = lex::tokenize(text, chunk.start, chunk.end);
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

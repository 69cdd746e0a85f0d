//! The key facts of an article: entities, times, quantities, quotes and key sentences.
//!
//! Facts work on the assembled `Article.text`, so every span here is a UTF-8 byte range into it.
//! One sentence splitter ([`sentences`]) feeds every extractor; each fact carries the index of its
//! sentence in [`Facts::sentences`].

use serde::{Deserialize, Serialize};

use crate::article::Span;

pub(crate) mod chars;
pub mod date;
pub mod sentences;
// The extractors. Without the `facts` feature (the core build) nothing calls them and only their
// types are used (a report's `facts` stays empty), so the linker leaves their code and tables out.
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub mod entities;
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub mod keysentences;
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub mod quantities;
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub mod quotes;
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub mod times;
pub(crate) mod transcript;

pub use entities::{Entity, EntityKind, Mention};
pub use keysentences::KeySentence;
pub use quantities::Quantity;
pub use quotes::Quote;
pub use sentences::Sentence;
pub use times::{TimeFact, TimeKind};

/// Where the date that relative times ("Thursday", "last week") were resolved against came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReferenceDateSource {
    /// The `referenceDate` option.
    Option,
    /// The page's publication date (`Article.published`, from its metadata).
    Published,
    /// A date line the text shows near its top ("Published March 5, 2024", "By Ann Lee | 5 March
    /// 2024").
    Dateline,
}

/// Everything found in one article. Empty when facts are turned off.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Facts {
    /// The sentences of `Article.text`, in order; facts refer to them by index.
    pub sentences: Vec<Sentence>,
    /// People, organisations, places and other named things, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Dates, times, durations and sets, normalised TIMEX3-style.
    pub times: Vec<TimeFact>,
    /// Numbers, amounts, percentages, money and measures, with what they count.
    pub quantities: Vec<Quantity>,
    /// Direct and reported speech with speaker, cue and channel.
    pub quotes: Vec<Quote>,
    /// The top sentences, in article order.
    pub key_sentences: Vec<KeySentence>,
    /// The date relative times were resolved against (`YYYY-MM-DD`); none when neither the
    /// options nor the page gave one, and relative times then stay unresolved (`XXXX-WXX-4`).
    pub reference_date: Option<String>,
    /// Where [`Facts::reference_date`] came from: the option, else the page's published date,
    /// else a dateline in the text.
    pub reference_date_source: Option<ReferenceDateSource>,
}

/// A piece of `Article.text`: its text and span, for the parts of a fact (speaker, cue, channel).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextSpan {
    /// The text, as in `Article.text`.
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
}

/// Settings the extractors share.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub(crate) struct Context {
    /// The date relative expressions resolve against.
    pub reference: Option<date::Date>,
    /// Where `reference` came from.
    pub reference_source: Option<ReferenceDateSource>,
    /// ISO 639-1 code of the article's language, when known.
    pub language: Option<String>,
    /// How many key sentences to pick.
    pub key_sentences: usize,
}

/// Extracts every fact from the article text.
#[cfg_attr(not(feature = "facts"), allow(dead_code))]
pub(crate) fn extract(text: &str, ctx: &Context) -> Facts {
    let spans = sentences::split(text);
    // One lower-case copy serves the extractors that compare words in lower case.
    let lower = crate::normalize::lower_aligned(text);
    let lower = lower.as_deref();
    // Entities and quotes guess an unknown language from the whole text: guess it once for both.
    // (The others treat an unknown language in their own way and keep `ctx`.)
    let guessed;
    let whole_text_ctx = if ctx.language.is_none() {
        guessed = Context {
            language: crate::lang::guess(std::iter::once(text)).map(str::to_string),
            ..ctx.clone()
        };
        &guessed
    } else {
        ctx
    };
    // Transcript speaker labels ("ANN LEE, HOST:") name people and open what they said.
    let labels = transcript::labels(text);
    let entities = entities::extract(text, lower, &spans, &labels, whole_text_ctx);
    let times = times::extract(text, lower, &spans, ctx);
    let quantities = quantities::extract(text, lower, &spans, ctx);
    let quotes = quotes::extract(text, lower, &spans, &entities, &labels, whole_text_ctx);
    let mut facts = Facts {
        sentences: spans.iter().map(|&span| Sentence { span }).collect(),
        entities,
        times,
        quantities,
        quotes,
        key_sentences: Vec::new(),
        reference_date: ctx.reference.map(|d| d.to_string()),
        reference_date_source: ctx.reference.and(ctx.reference_source),
    };
    facts.key_sentences = keysentences::extract(text, lower, &spans, &facts, ctx);
    facts
}

/// Extracts the facts of a text that is already clean (no boilerplate removal, no dedupe): spans
/// point into `text`. Uses `referenceDate`, `language` and `keySentences` of the options; without
/// `referenceDate`, relative times resolve against a dateline among the text's first lines.
///
/// ```
/// let facts = newsclean::facts::extract_facts("It rained.", &newsclean::Options::default())?;
/// assert_eq!(facts.sentences.len(), 1);
/// # Ok::<(), newsclean::Error>(())
/// ```
#[cfg(feature = "facts")]
pub fn extract_facts(text: &str, options: &crate::Options) -> Result<Facts, crate::Error> {
    options.validate()?;
    if text.len() > options.max_input_bytes {
        return Err(crate::Error::InputTooLarge {
            limit: options.max_input_bytes,
            actual: text.len(),
        });
    }
    let reference = reference_date(
        options.reference_date.as_deref(),
        None,
        text.lines().take(DATELINE_LINES),
    );
    let ctx = Context {
        reference: reference.map(|r| r.0),
        reference_source: reference.map(|r| r.1),
        language: options.language.clone(),
        key_sentences: options.key_sentences,
    };
    Ok(extract(text, &ctx))
}

/// How many lines (or blocks) at the top of a text may hold its dateline.
#[cfg(feature = "facts")]
pub(crate) const DATELINE_LINES: usize = 12;

/// The date relative times resolve against, and where it came from: `option` (the
/// `referenceDate` option, already validated), else the page's `published` date (ISO 8601, cut to
/// its day), else the first dateline among `top` (the text's first lines or blocks: a short line
/// with a full date, "Published March 5, 2024", "5. März 2024"), else none.
#[cfg(feature = "facts")]
pub(crate) fn reference_date<'a>(
    option: Option<&str>,
    published: Option<&str>,
    top: impl IntoIterator<Item = &'a str>,
) -> Option<(date::Date, ReferenceDateSource)> {
    if let Some(d) = option.and_then(date::Date::parse_iso) {
        return Some((d, ReferenceDateSource::Option));
    }
    if let Some(d) = published.and_then(date::Date::parse_iso) {
        return Some((d, ReferenceDateSource::Published));
    }
    top.into_iter()
        .filter(|l| l.len() <= DATELINE_BYTES)
        .find_map(crate::meta::date::visible_date)
        .and_then(|d| date::Date::parse_iso(&d))
        .map(|d| (d, ReferenceDateSource::Dateline))
}

/// The longest line that counts as a dateline (longer lines are prose that may mention dates).
#[cfg(feature = "facts")]
const DATELINE_BYTES: usize = 160;

/// The index of the sentence that contains byte `pos` (the last one starting at or before it).
pub(crate) fn sentence_index(sentences: &[Span], pos: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= pos)
        .saturating_sub(1)
}

/// The project's seed article (`../shared/eval/seed`: third-party text read at run time, never
/// copied here) cut to its clean part, with its expected facts; `None`, and the test calling it
/// skipped, when the folder is absent.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn seed_article() -> Option<(String, serde_json::Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval/seed");
    let (Ok(article), Ok(facts)) = (
        std::fs::read_to_string(format!("{dir}/article.txt")),
        std::fs::read_to_string(format!("{dir}/expected-facts.json")),
    ) else {
        eprintln!("seed data not found; skipped");
        return None;
    };
    let gold: serde_json::Value = serde_json::from_str(&facts).unwrap();
    let clean_chars = gold["clean_chars"].as_u64().unwrap() as usize;
    let end = article
        .char_indices()
        .nth(clean_chars)
        .map_or(article.len(), |(b, _)| b);
    Some((article[..end].to_string(), gold))
}

//! Quotes: direct and reported speech, with speaker, cue and channel.

use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::facts::TextSpan;

/// Who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// The speaker as written ("he", "the ministry", "Jane Smith").
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index into `Facts.entities` of the entity it refers to, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// The resolved entity's name, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// What was said (inside the quotation marks for a direct quote).
    pub text: String,
    /// Byte offsets of the content into `Article.text`.
    pub span: Span,
    /// Index of the sentence where the quote starts.
    pub sentence: usize,
    /// True for a direct quote (in quotation marks), false for reported speech.
    pub direct: bool,
    /// The speaker, when found.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to"), when found.
    pub cue: Option<TextSpan>,
    /// Where it was said ("on Telegram", "in a statement"), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<TextSpan>,
}

/// Finds the quotes of `text` (sentence spans and entities given).
pub(crate) fn extract(
    text: &str,
    sentences: &[Span],
    entities: &[crate::facts::Entity],
    ctx: &super::Context,
) -> Vec<Quote> {
    let _ = (text, sentences, entities, ctx);
    Vec::new()
}

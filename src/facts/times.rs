//! Time expressions, normalised TIMEX3-style.

use serde::{Deserialize, Serialize};

use crate::article::Span;

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

/// Finds the times of `text` (sentence spans given).
pub(crate) fn extract(text: &str, sentences: &[Span], ctx: &super::Context) -> Vec<TimeFact> {
    let _ = (text, sentences, ctx);
    Vec::new()
}

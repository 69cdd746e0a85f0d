//! Quantities: numerals, number words, approximate amounts, percentages, money and measures.

use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::facts::TextSpan;

/// What kind of quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QuantityKind {
    /// A count or plain number.
    Number,
    /// A percentage.
    Percent,
    /// An amount of money.
    Money,
    /// A measure with a unit.
    Measure,
}

/// A quantity and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quantity {
    /// The expression as written ("1,000", "tens of thousands").
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index of its sentence in `Facts.sentences`.
    pub sentence: usize,
    /// What kind.
    pub kind: QuantityKind,
    /// The value, when it is one number.
    pub value: Option<f64>,
    /// The lower end, for a range or an approximate amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// The upper end, for a range or an approximate amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// True for approximate amounts ("about 20", "tens of thousands").
    pub approximate: bool,
    /// The unit or currency (`%`, `USD`, `km`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The thing counted ("bodies", "Russian servicemen"), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<TextSpan>,
}

/// Finds the quantities of `text` (sentence spans given).
pub(crate) fn extract(text: &str, sentences: &[Span], ctx: &super::Context) -> Vec<Quantity> {
    let _ = (text, sentences, ctx);
    Vec::new()
}

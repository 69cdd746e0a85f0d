//! Key sentences: the top sentences by a documented score.

use serde::{Deserialize, Serialize};

use crate::article::Span;

/// One of the top sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeySentence {
    /// The sentence.
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index in `Facts.sentences`.
    pub sentence: usize,
    /// Its score (higher is more central).
    pub score: f64,
    /// 1 for the best.
    pub rank: usize,
}

/// Picks the key sentences of `text`, given the sentences and the other facts.
pub(crate) fn extract(
    text: &str,
    sentences: &[Span],
    facts: &crate::facts::Facts,
    ctx: &super::Context,
) -> Vec<KeySentence> {
    let _ = (text, sentences, facts, ctx);
    Vec::new()
}

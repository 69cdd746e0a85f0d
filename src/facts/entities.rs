//! Named entities: people, organisations, places and other named things.

use serde::{Deserialize, Serialize};

use crate::article::Span;

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

/// Finds the entities of `text` (sentence spans given).
pub(crate) fn extract(text: &str, sentences: &[Span], ctx: &super::Context) -> Vec<Entity> {
    let _ = (text, sentences, ctx);
    Vec::new()
}

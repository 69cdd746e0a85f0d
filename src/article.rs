//! The report: what [`crate::clean`] returns.
//!
//! Offsets: every `span` in this module is a pair of **UTF-8 byte offsets** (end exclusive).
//! Spans of blocks and removed blocks point into the decoded input; `textSpan` of a kept block and
//! every span in [`crate::Facts`] point into [`Article::text`]. The JavaScript build converts every
//! span to UTF-16 code-unit offsets at its boundary.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::facts::Facts;

/// The version of the report's shape. It rises when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// A byte range `start..end` (UTF-8 byte offsets, end exclusive).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Its length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when it covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// What a block is, structurally.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BlockKind {
    /// A paragraph of running text (every block of plain-text input that is not a list item).
    #[default]
    Paragraph,
    /// A heading.
    Heading,
    /// An item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// A caption of a figure or table.
    Caption,
    /// A table row.
    TableRow,
    /// Preformatted text or code.
    Preformatted,
}

/// Why a block (or a sentence) was removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reason {
    /// Site navigation or a menu.
    Navigation,
    /// A list of links or related headlines ("You may also like", "Read more", "Most popular").
    LinkList,
    /// Share or social-media prompts.
    Share,
    /// Newsletter or subscription prompts.
    Newsletter,
    /// Cookie or consent notices.
    Cookie,
    /// Advertisement.
    Advertisement,
    /// Reader comments.
    Comments,
    /// Page footer, copyright or legal text.
    Footer,
    /// The byline: author names.
    Byline,
    /// Other metadata lines: dates, reading time, tags, photo credits, breadcrumbs.
    Metadata,
    /// The page or article title (reported in `title`, not in the body).
    Title,
    /// Short or link-like text outside the article that fits no named kind.
    Boilerplate,
    /// The same paragraph as an earlier one (after normalising whitespace, quotes, dashes, case).
    ExactDuplicate,
    /// Nearly the same paragraph as an earlier one (word 4-gram containment over the threshold).
    NearDuplicate,
    /// A teaser: the start or a near-substring of another, fuller paragraph.
    Teaser,
    /// A sentence already said in an earlier kept paragraph.
    RepeatedSentence,
}

impl Reason {
    /// The camelCase name used in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Reason::Navigation => "navigation",
            Reason::LinkList => "linkList",
            Reason::Share => "share",
            Reason::Newsletter => "newsletter",
            Reason::Cookie => "cookie",
            Reason::Advertisement => "advertisement",
            Reason::Comments => "comments",
            Reason::Footer => "footer",
            Reason::Byline => "byline",
            Reason::Metadata => "metadata",
            Reason::Title => "title",
            Reason::Boilerplate => "boilerplate",
            Reason::ExactDuplicate => "exactDuplicate",
            Reason::NearDuplicate => "nearDuplicate",
            Reason::Teaser => "teaser",
            Reason::RepeatedSentence => "repeatedSentence",
        }
    }

    /// True for the four duplicate reasons.
    pub fn is_duplicate(&self) -> bool {
        matches!(
            self,
            Reason::ExactDuplicate
                | Reason::NearDuplicate
                | Reason::Teaser
                | Reason::RepeatedSentence
        )
    }
}

/// A block of the article that was kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleBlock {
    /// The block's text as it stands in `Article.text` (original characters; repeated sentences cut).
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
    /// Where the block is in the input (byte offsets).
    pub span: Span,
    /// Where the block is in `Article.text` (byte offsets).
    pub text_span: Span,
}

/// A block (or, for [`Reason::RepeatedSentence`], a sentence) that was removed, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Removed {
    /// The removed text, original characters.
    pub text: String,
    /// Why it was removed.
    pub reason: Reason,
    /// The rule that fired, in words (for people; not a stable identifier).
    pub rule: String,
    /// Where it is in the input (byte offsets).
    pub span: Span,
    /// For duplicates: the index in `Article.blocks` of the kept block it repeats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<usize>,
    /// True when `keepBoilerplate` left this block in `text` anyway.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub kept: bool,
}

/// Another part of the page that was not taken for the article: a run of consecutive blocks
/// removed as boilerplate that holds running text. What a reader can switch to when the wrong part
/// of the page was picked ("Not the article?").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alternative {
    /// Its blocks: indices into `Article.removed`, in input order (consecutive in the page).
    pub removed: Vec<usize>,
    /// Words of running text in it (blocks that read as paragraphs).
    pub words: usize,
    /// How many of its blocks read as paragraphs.
    pub paragraphs: usize,
    /// Why it was not taken: the removal reason of most of its running text.
    pub reason: Reason,
    /// The rule that removed its longest paragraph, in words.
    pub rule: String,
}

/// Timings of one clean, in microseconds (absent where the platform has no clock).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Timings {
    /// Splitting the input into blocks.
    pub ingest_us: u64,
    /// Classifying boilerplate.
    pub classify_us: u64,
    /// Finding duplicates.
    pub dedupe_us: u64,
    /// Extracting facts.
    pub facts_us: u64,
    /// The whole clean.
    pub total_us: u64,
}

/// Counts about one clean.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Bytes of (decoded) input.
    pub input_bytes: usize,
    /// Bytes of `Article.text`.
    pub output_bytes: usize,
    /// Blocks found in the input.
    pub blocks_total: usize,
    /// Blocks kept.
    pub blocks_kept: usize,
    /// Removed blocks and sentences by reason.
    pub removed_by_reason: BTreeMap<String, usize>,
    /// Where the time went; absent on platforms without a clock (wasm measures outside).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timings: Option<Timings>,
}

/// The cleaned article and everything learned about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The version of this report's shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The article's text: kept blocks joined by blank lines (`"\n\n"`).
    pub text: String,
    /// The headline, when found.
    pub title: Option<String>,
    /// Authors named in the byline.
    pub byline: Vec<String>,
    /// Publication date (ISO 8601) when the page states one.
    pub published: Option<String>,
    /// The site's name, when the page states it.
    pub site_name: Option<String>,
    /// The page URL (canonical when the page names one, else `Options.url`).
    pub url: Option<String>,
    /// The language as an ISO 639-1 code (given, declared or guessed); none when unknown.
    pub language: Option<String>,
    /// False when the input does not look like an article (an index page, a search result).
    pub is_article: bool,
    /// Why the input is not taken for an article, when `isArticle` is false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_article_reason: Option<String>,
    /// The article as Markdown, when `Options.markdown` asked for it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub markdown: Option<String>,
    /// The kept blocks, in input order.
    pub blocks: Vec<ArticleBlock>,
    /// Every removed block and sentence, in input order, with its reason.
    pub removed: Vec<Removed>,
    /// Other parts of the page that read as running text but were not taken for the article,
    /// best (most words of running text) first, at most three. Empty when there are none.
    pub alternatives: Vec<Alternative>,
    /// The key facts (spans into `text`).
    pub facts: Facts,
    /// Counts and timings.
    pub stats: Stats,
}

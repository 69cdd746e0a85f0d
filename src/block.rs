//! The block: the one unit every input becomes (see DESIGN: ingest -> classify -> dedupe -> assemble).

use crate::article::{BlockKind, Reason, Span};

/// Structural hints only HTML input has; all `None`/`false` for plain text.
// Read by the classifier once HTML ingest fills them (issue 3).
#[allow(dead_code)]
#[derive(Clone, Debug, Default)]
pub(crate) struct Structure {
    /// Share of the block's characters inside links (0..=1), when known.
    pub link_density: Option<f32>,
    /// A boilerplate kind suggested by the markup (class / id / role / tag of an ancestor).
    pub hint: Option<Reason>,
    /// The id of the block's container element (blocks with the same container share it).
    pub container: Option<usize>,
    /// The page has a container chosen as main content (HTML input where one was found).
    pub has_main: bool,
    /// The block sits inside the container chosen as main content.
    pub in_main: bool,
    /// Heading level (1-6) of a heading block.
    pub heading_level: u8,
    /// Links in the block: byte range in `Block::text` and the target.
    pub links: Vec<(Span, String)>,
    /// The block sits inside `<article>`, `<main>` or an element marked as the article body.
    pub in_article_markup: bool,
    /// The kind named by the next named element around the one that gives `hint` (what holds
    /// when `hint` is set aside).
    pub outer_hint: Option<Reason>,
    /// Where the block sits in the page's element tree (the block scorer's DOM features).
    pub dom: Option<DomFeatures>,
}

/// What the element tree says about a block's surroundings (HTML only).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DomFeatures {
    /// Depth of the block's container element.
    pub depth: u16,
    /// Scoring class of the container's tag (see `ingest::html::Tag`).
    pub tag: u8,
    /// Share of the page's visible characters inside the container's parent.
    pub parent_share: f32,
    /// Link density of the container's parent.
    pub parent_link_density: f32,
    /// Sum of the class / id weights (±25 each) of the container and its two nearest ancestors.
    pub class_weight: f32,
    /// Best main-content score among the container and its ancestors, as a share of the best
    /// score on the page (1 in the chosen container, near 0 far from any prose).
    pub ancestor_score: f32,
    /// The container holds the same block container as the one before (a run of siblings).
    pub same_parent_as_previous: bool,
}

/// Text features of a block, computed once after ingest.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    /// Characters (Unicode scalar values), whitespace excluded.
    pub chars: usize,
    /// Words (runs of letters or digits; each CJK character counts as a word).
    pub words: usize,
    /// Share of words that are stopwords of the guessed language (0 when it has no list).
    pub stop_ratio: f32,
    /// Ends with sentence punctuation (. ! ? … and their CJK forms), perhaps before a closing quote.
    pub terminal: bool,
    /// Share of alphabetic words that start with an upper-case letter.
    pub title_ratio: f32,
    /// Number of sentence ends inside the block.
    pub sentences: usize,
    /// Share of characters that are digits.
    pub digit_ratio: f32,
    /// Blank lines before the block in text input (paragraph breaks), capped at 3.
    pub gap_before: u8,
    /// The block looks like a list bullet line ("•", "-", "*", "1.").
    pub bullet: bool,
    /// The script is one where words are not separated by spaces (CJK, Thai).
    pub unspaced: bool,
}

/// What the pipeline decided about a block.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) enum Verdict {
    /// Part of the article.
    #[default]
    Content,
    /// Boilerplate of the named kind; the string is the rule, in words.
    Boilerplate(Reason, String),
    /// A duplicate of the block with this index (into the pipeline's block list).
    Duplicate {
        /// Index of the kept block it repeats.
        of: usize,
        /// Exact, near, teaser.
        how: Reason,
        /// The rule, in words.
        rule: String,
    },
}

/// One block of the input.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    /// The block's text, original characters (whitespace inside HTML blocks collapsed).
    pub text: String,
    /// Where it is in the decoded input.
    pub span: Span,
    /// What it is.
    pub kind: BlockKind,
    /// Structural hints (HTML only).
    pub structure: Structure,
    /// Text features.
    pub feat: Features,
    /// The decision.
    pub verdict: Verdict,
    /// Sentences cut out of a kept block as repeats: (byte range within `text`, index of the
    /// block that said it first).
    pub cuts: Vec<(Span, usize)>,
}

impl Block {
    pub(crate) fn is_content(&self) -> bool {
        matches!(self.verdict, Verdict::Content)
    }
}

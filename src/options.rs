//! Options for [`crate::clean`] and [`crate::Cleaner`].

use serde::{Deserialize, Serialize};

use crate::Error;

/// The input format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Sniff the input: markup that looks like an HTML document is HTML, anything else is text.
    #[default]
    Auto,
    /// Plain text, as `document.body.innerText` or a scraper gives it.
    Text,
    /// An HTML document or fragment.
    Html,
}

/// How to clean. Every field has a default, so `Options::default()` is a good start; in JSON (CLI,
/// JavaScript) every key is optional and camelCase, and unknown keys are rejected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Input format. Default: [`Format::Auto`].
    pub format: Format,
    /// The page's URL, if known (reported in the article; used to resolve links). Default: none.
    pub url: Option<String>,
    /// The date relative expressions ("Thursday", "last week") are resolved against, as
    /// `YYYY-MM-DD`. Default: none, meaning the page's published date when it states one.
    pub reference_date: Option<String>,
    /// The article's language as an ISO 639-1 code, if known. Default: none, meaning guessed.
    pub language: Option<String>,
    /// Inputs larger than this many bytes are refused with [`Error::InputTooLarge`].
    /// Default: 67,108,864 (64 MiB).
    pub max_input_bytes: usize,
    /// Extract the key facts (entities, times, quantities, quotes, key sentences). Default: true
    /// with the `facts` feature (a default feature); without it (the core build) false, and true
    /// is an [`Error::InvalidOptions`].
    pub facts: bool,
    /// How many key sentences to pick. Default: 3.
    pub key_sentences: usize,
    /// Word 4-gram containment at or above which a paragraph counts as a near-duplicate of an
    /// earlier one, between 0.5 and 1.0. Default: 0.8.
    pub near_duplicate_threshold: f64,
    /// Keep boilerplate blocks in `text` too (they are still listed, with their reasons, in
    /// `removed`, marked `kept: true`): a report-only mode. Default: false.
    pub keep_boilerplate: bool,
    /// Also render the article as Markdown (`Article.markdown`): headings, lists, quotes, code
    /// blocks and, for HTML input, links. Default: false.
    pub markdown: bool,
}

/// Why `facts: true` is refused by a build without fact extraction, and where to find it.
const NO_FACTS: &str = "facts: this build has no fact extraction (it is newsclean's core build, \
    \"newsclean/core\"); import from \"newsclean\" for facts (in Rust: the `facts` feature)";

/// The default input-size limit: 64 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Auto,
            url: None,
            reference_date: None,
            language: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            facts: cfg!(feature = "facts"),
            key_sentences: 3,
            near_duplicate_threshold: 0.8,
            keep_boilerplate: false,
            markdown: false,
        }
    }
}

impl Options {
    /// Checks that every option is usable; the error names the first bad one.
    pub fn validate(&self) -> Result<(), Error> {
        if self.facts && !cfg!(feature = "facts") {
            return Err(Error::InvalidOptions(NO_FACTS.into()));
        }
        if !(0.5..=1.0).contains(&self.near_duplicate_threshold) {
            return Err(Error::InvalidOptions(format!(
                "nearDuplicateThreshold must be between 0.5 and 1.0, got {}",
                self.near_duplicate_threshold
            )));
        }
        if self.max_input_bytes == 0 {
            return Err(Error::InvalidOptions(
                "maxInputBytes must be at least 1".into(),
            ));
        }
        if let Some(d) = &self.reference_date {
            if crate::facts::date::Date::parse_iso(d).is_none() {
                return Err(Error::InvalidOptions(format!(
                    "referenceDate must be a date as YYYY-MM-DD, got {d:?}"
                )));
            }
        }
        if let Some(l) = &self.language {
            if l.len() < 2 || l.len() > 3 || !l.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(Error::InvalidOptions(format!(
                    "language must be an ISO 639-1 code such as \"en\", got {l:?}"
                )));
            }
        }
        Ok(())
    }
}

//! # newsclean
//!
//! Takes a news page — its HTML, or its plain text as a browser's `innerText` gives it — and
//! returns the article alone, each paragraph once, its metadata (title, authors, date, site,
//! language, canonical URL) and the key facts, with a reason for every block it removed.
//! [`Format::Auto`] (the default) sniffs which of the two it got; [`clean_bytes`] also decodes
//! legacy encodings.
//!
//! ```
//! let page = "Home\nWorld\nSport\n\n\
//!     The council approved the new budget on Tuesday after a long debate that ran late into the evening.\n\n\
//!     Members said the plan would fund two new schools and repair the old bridge over the river.\n\n\
//!     You may also like\n\
//!     Ten things to do this weekend\n\
//!     Local team wins the cup again\n";
//! let article = newsclean::clean(page, &newsclean::Options::default())?;
//! assert!(article.text.starts_with("The council approved"));
//! assert!(article.text.ends_with("over the river."));
//! assert!(article.removed.iter().any(|r| r.reason == newsclean::Reason::LinkList));
//! # Ok::<(), newsclean::Error>(())
//! ```
//!
//! **Offsets.** Every span in the report is a pair of UTF-8 byte offsets (end exclusive): spans of
//! blocks and removed blocks point into the (decoded) input, spans of facts and `textSpan` of kept
//! blocks into [`Article::text`]. The JavaScript build converts them to UTF-16 code units.
//!
//! The pipeline is one path for every input: ingest → classify → dedupe → assemble → facts
//! (see `DEVELOPING.md`).

mod alternatives;
pub mod article;
mod block;
mod blockmodel;
mod boilerplate;
mod datafile;
mod dedupe;
mod error;
pub mod facts;
mod features;
mod ingest;
mod lang;
mod markdown;
mod markers;
mod meta;
mod normalize;
mod options;
mod pagetype;
mod sniff;
pub mod utf16;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Fuzzing support (cargo-fuzz builds with `--cfg fuzzing`); not part of the API.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// Our HTML parser's tree of `src`, one line per node (the form of the differential tests'
    /// `treedump.rs`), text with its line when `lines`.
    pub fn html_tree(src: &str, lines: bool) -> Vec<String> {
        crate::ingest::html::tree_lines(src, lines)
    }
}

pub use article::{
    Alternative, Article, ArticleBlock, BlockKind, PageType, Reason, Removed, Span, Stats, Timings,
    SCHEMA_VERSION,
};
pub use error::Error;
pub use facts::Facts;
pub use options::{Format, Options, DEFAULT_MAX_INPUT_BYTES};

use block::{Block, Verdict};

/// A reusable cleaner: checks its options once and shares its compiled tables between calls.
///
/// ```
/// use newsclean::{Cleaner, Options};
/// let cleaner = Cleaner::new(Options { facts: false, ..Options::default() })?;
/// let a = cleaner.clean("One short line")?;
/// assert_eq!(a.stats.blocks_total, 1);
/// # Ok::<(), newsclean::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Cleaner {
    options: Options,
    /// The block scorer: the shipped one unless the eval harness gave another (or none).
    block_model: BlockModel,
}

#[derive(Clone, Debug)]
enum BlockModel {
    Shipped,
    Given(std::sync::Arc<blockmodel::Forest>),
    Off,
}

/// Cleans one page with the given options. For many pages, build a [`Cleaner`] once.
pub fn clean(input: &str, options: &Options) -> Result<Article, Error> {
    Cleaner::new(options.clone())?.clean(input)
}

/// Like [`clean`], for bytes of unknown encoding. A byte-order mark wins; valid UTF-8 is UTF-8;
/// otherwise, with the default `encodings` feature, the charset an HTML `<meta charset>` or
/// `http-equiv` declares (windows-1251, Shift_JIS, ISO-8859-x, …) or else windows-1252. Without
/// the feature, invalid UTF-8 sequences become U+FFFD. Spans point into the decoded text.
pub fn clean_bytes(input: &[u8], options: &Options) -> Result<Article, Error> {
    Cleaner::new(options.clone())?.clean_bytes(input)
}

/// Like [`clean_bytes`], with the charset the transport layer declared (an HTTP `Content-Type`
/// header's `charset`, a WARC record's): it goes before a `<meta charset>`, unless a BOM is there
/// or the bytes are valid UTF-8. An unknown label is ignored.
pub fn clean_bytes_with_charset(
    input: &[u8],
    charset: Option<&str>,
    options: &Options,
) -> Result<Article, Error> {
    Cleaner::new(options.clone())?.clean_bytes_with_charset(input, charset)
}

/// Decodes bytes as [`clean_bytes_with_charset`] does, naming the encoding used; see [`decode`].
pub fn decode_with_charset<'a>(
    input: &'a [u8],
    charset: Option<&str>,
) -> (std::borrow::Cow<'a, str>, &'static str) {
    sniff::decode_with_charset(input, charset)
}

/// Decodes bytes as [`clean_bytes`] does and names the encoding used (`"UTF-8"`,
/// `"windows-1251"`, `"Shift_JIS"`, …). Spans of a report on these bytes point into the returned
/// text.
///
/// ```
/// let (text, encoding) = newsclean::decode(b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2");
/// # #[cfg(feature = "encodings")]
/// assert_eq!((encoding, text.ends_with("Привет")), ("windows-1251", true));
/// ```
pub fn decode(input: &[u8]) -> (std::borrow::Cow<'_, str>, &'static str) {
    sniff::decode(input)
}

/// The language a page is read in: its ISO 639-1 code, and its index in the stopword tables.
struct Language {
    code: Option<String>,
    index: Option<usize>,
}

/// The names of the block scorer's features, in the order of [`Cleaner::block_features`]'s rows.
/// Not part of the API.
#[doc(hidden)]
pub fn block_feature_names() -> &'static [&'static str] {
    &blockmodel::NAMES
}

/// A monotonic clock where the platform has one (not on `wasm32-unknown-unknown`).
struct Clock {
    #[cfg(not(target_arch = "wasm32"))]
    last: std::time::Instant,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            #[cfg(not(target_arch = "wasm32"))]
            last: std::time::Instant::now(),
        }
    }
    /// Microseconds since the last lap.
    fn lap(&mut self) -> u64 {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let now = std::time::Instant::now();
            let us = now.duration_since(self.last).as_micros() as u64;
            self.last = now;
            us
        }
        #[cfg(target_arch = "wasm32")]
        {
            0
        }
    }
}

impl Cleaner {
    /// A cleaner with these options, or [`Error::InvalidOptions`].
    pub fn new(options: Options) -> Result<Cleaner, Error> {
        options.validate()?;
        Ok(Cleaner {
            options,
            block_model: BlockModel::Shipped,
        })
    }

    /// For the eval harness and the block scorer's training script: the same cleaner with the
    /// block scorer read from `model` (the text format of `src/data/README.md`), or with the
    /// rules alone (`None`). Not part of the API.
    #[doc(hidden)]
    pub fn with_block_model(mut self, model: Option<&str>) -> Result<Cleaner, Error> {
        self.block_model = match model {
            Some(text) => BlockModel::Given(std::sync::Arc::new(
                blockmodel::Forest::parse(text).map_err(Error::InvalidOptions)?,
            )),
            None => BlockModel::Off,
        };
        Ok(self)
    }

    /// For the block scorer's training script: each block's text, input span and feature row
    /// (names: [`block_feature_names`]), as the rules leave them (before the scorer and dedupe).
    /// Not part of the API.
    #[doc(hidden)]
    pub fn block_features(&self, input: &str) -> Result<Vec<(String, Span, Vec<f32>)>, Error> {
        self.check_size(input.len())?;
        let (mut blocks, _, language) = self.ingest(input);
        let mut rows = Vec::new();
        boilerplate::classify_with(&mut blocks, language.index.is_some(), None, Some(&mut rows));
        Ok(blocks
            .into_iter()
            .zip(rows.chunks(blockmodel::NUM_FEATURES))
            .map(|(b, r)| (b.text, b.span, r.to_vec()))
            .collect())
    }

    fn block_model(&self) -> Option<&blockmodel::Forest> {
        match &self.block_model {
            BlockModel::Shipped => blockmodel::SHIPPED.as_ref(),
            BlockModel::Given(m) => Some(m),
            BlockModel::Off => None,
        }
    }

    /// Ingest and features: the blocks, the HTML page (for HTML input) and the language used
    /// (its code, and its index in the stopword tables when it has one).
    fn ingest(&self, input: &str) -> (Vec<Block>, Option<ingest::html::Page>, Language) {
        let opts = &self.options;
        let format = match opts.format {
            Format::Auto => sniff::format(input),
            f => f,
        };
        let (mut blocks, page) = if format == Format::Html {
            let mut page = ingest::html::parse_at(input, opts.url.as_deref());
            (std::mem::take(&mut page.blocks), Some(page))
        } else {
            (ingest::text::blocks(input), None)
        };
        let declared = page.as_ref().and_then(|p| p.meta.lang.clone());
        let code: Option<String> =
            opts.language.clone().or(declared).or_else(|| {
                lang::guess(blocks.iter().map(|b| b.text.as_str())).map(str::to_string)
            });
        let index = code.as_deref().and_then(lang::index_of);
        for b in &mut blocks {
            features::compute(b, index);
        }
        (blocks, page, Language { code, index })
    }

    /// The options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Cleans bytes: see [`clean_bytes`].
    pub fn clean_bytes(&self, input: &[u8]) -> Result<Article, Error> {
        self.clean_bytes_with_charset(input, None)
    }

    /// Cleans bytes with a transport-layer charset: see [`clean_bytes_with_charset`].
    pub fn clean_bytes_with_charset(
        &self,
        input: &[u8],
        charset: Option<&str>,
    ) -> Result<Article, Error> {
        self.check_size(input.len())?;
        let (text, _encoding) = sniff::decode_with_charset(input, charset);
        self.clean(&text)
    }

    fn check_size(&self, n: usize) -> Result<(), Error> {
        if n > self.options.max_input_bytes {
            return Err(Error::InputTooLarge {
                limit: self.options.max_input_bytes,
                actual: n,
            });
        }
        Ok(())
    }

    /// Cleans one page.
    pub fn clean(&self, input: &str) -> Result<Article, Error> {
        self.check_size(input.len())?;
        let opts = &self.options;
        let mut clock = Clock::start();
        let mut timings = Timings::default();

        let (
            mut blocks,
            page,
            Language {
                code: language,
                index,
            },
        ) = self.ingest(input);
        timings.ingest_us = clock.lap();

        let rules_kept =
            boilerplate::classify_with(&mut blocks, index.is_some(), self.block_model(), None);
        timings.classify_us = clock.lap();
        dedupe::dedupe(&mut blocks, opts.near_duplicate_threshold);
        timings.dedupe_us = clock.lap();

        let (mut article, sources) = assemble(&blocks, opts.keep_boilerplate);
        article.language = language;
        article.url = opts.url.clone();
        match &page {
            Some(p) => page_report(&mut article, p, &blocks, &rules_kept),
            None => (article.byline, article.published) = meta::text::read(&blocks),
        }
        if opts.markdown {
            article.markdown = Some(markdown::render(&article, &blocks, &sources));
        }
        article.stats.input_bytes = input.len();
        #[cfg(feature = "facts")]
        if opts.facts {
            // A dateline sits near the top of the article: among the blocks from a few before
            // the first kept one to a few after it (kept or removed as metadata).
            let first = blocks.iter().position(Block::is_content).unwrap_or(0);
            let top = blocks
                .iter()
                .skip(first.saturating_sub(facts::DATELINE_LINES / 2))
                .take(facts::DATELINE_LINES)
                .map(|b| b.text.as_str());
            let reference = facts::reference_date(
                opts.reference_date.as_deref(),
                article.published.as_deref(),
                top,
            );
            let ctx = facts::Context {
                reference: reference.map(|r| r.0),
                reference_source: reference.map(|r| r.1),
                language: article.language.clone(),
                key_sentences: opts.key_sentences,
            };
            article.facts = facts::extract(&article.text, &ctx);
        }
        timings.facts_us = clock.lap();
        timings.total_us =
            timings.ingest_us + timings.classify_us + timings.dedupe_us + timings.facts_us;
        if cfg!(not(target_arch = "wasm32")) {
            article.stats.timings = Some(timings);
        }
        Ok(article)
    }
}

/// `x` (at least 0) rounded as `format!("{x:.0}")` rounds (half to even), for messages: float
/// formatting is not linked into the WebAssembly module then.
pub(crate) fn whole_number(x: f64) -> u64 {
    x.round_ties_even() as u64
}

/// Fills the report's metadata from an HTML page and decides what kind of page it is.
fn page_report(a: &mut Article, page: &ingest::html::Page, blocks: &[Block], rules_kept: &[bool]) {
    let m = &page.meta;
    a.title = m.title();
    a.byline = m.authors();
    a.published = m.published();
    a.site_name = m.site();
    // Where the page is: the caller's URL, else the page's own.
    let at = a.url.clone().or_else(|| m.url());
    if let Some(u) = m.url() {
        a.url = Some(u);
    }
    let stats = pagetype::PageStats {
        chars: page.chars,
        link_chars: page.link_chars,
    };
    let (kind, reason) = pagetype::classify(a, m, blocks, rules_kept, &stats, at.as_deref());
    a.page_type = kind;
    a.is_article = kind == PageType::Article;
    a.not_article_reason = reason;
}

/// Builds the report from the decided blocks.
/// Also returns, for each kept block, its index in `blocks`.
fn assemble(blocks: &[Block], keep_boilerplate: bool) -> (Article, Vec<usize>) {
    let mut sources = Vec::new();
    let mut a = Article {
        schema_version: SCHEMA_VERSION,
        is_article: true,
        ..Article::default()
    };
    let mut kept_index: Vec<Option<usize>> = vec![None; blocks.len()];
    // For each block removed as boilerplate, its index in `removed` (before the sort below).
    let mut removed_of: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut pending_dups: Vec<(usize, usize)> = Vec::new(); // (index in removed, target block)
    for (i, b) in blocks.iter().enumerate() {
        let keep = match &b.verdict {
            Verdict::Content => true,
            Verdict::Boilerplate(..) => keep_boilerplate,
            Verdict::Duplicate { .. } => false,
        };
        match &b.verdict {
            Verdict::Content => {}
            Verdict::Boilerplate(reason, rule) => {
                removed_of[i] = Some(a.removed.len());
                a.removed.push(Removed {
                    text: b.text.clone(),
                    reason: *reason,
                    rule: rule.clone(),
                    span: b.span,
                    duplicate_of: None,
                    kept: keep,
                });
            }
            Verdict::Duplicate { of, how, rule } => {
                pending_dups.push((a.removed.len(), *of));
                a.removed.push(Removed {
                    text: b.text.clone(),
                    reason: *how,
                    rule: rule.clone(),
                    span: b.span,
                    duplicate_of: None,
                    kept: false,
                });
            }
        }
        if !keep {
            continue;
        }
        // The kept text, less the sentences cut as repeats.
        let mut text = String::with_capacity(b.text.len());
        let mut last = 0;
        for (cut, of) in &b.cuts {
            let piece = b.text[last..cut.start].trim_end();
            text.push_str(piece);
            pending_dups.push((a.removed.len(), *of));
            a.removed.push(Removed {
                text: b.text[cut.start..cut.end].to_string(),
                reason: Reason::RepeatedSentence,
                rule: "sentence already said in an earlier paragraph".into(),
                span: sub_span(b, *cut),
                duplicate_of: None,
                kept: false,
            });
            last = cut.end;
        }
        let rest = &b.text[last..];
        if !text.is_empty() && !rest.trim().is_empty() {
            text.push(' ');
            text.push_str(rest.trim_start());
        } else {
            text.push_str(if text.is_empty() { rest.trim() } else { "" });
        }
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        if !a.text.is_empty() {
            a.text.push_str("\n\n");
        }
        let start = a.text.len();
        a.text.push_str(&text);
        kept_index[i] = Some(a.blocks.len());
        sources.push(i);
        a.blocks.push(ArticleBlock {
            text,
            kind: b.kind,
            span: b.span,
            text_span: Span::new(start, a.text.len()),
        });
    }
    for (r, target) in pending_dups {
        a.removed[r].duplicate_of = kept_index[target];
    }
    // Input order (stable: ties keep their index order; an unstable sort by a unique key, so the
    // core wasm module links one sort, not two), remembering where each entry went.
    let mut order: Vec<usize> = (0..a.removed.len()).collect();
    order.sort_unstable_by_key(|&k| (a.removed[k].span.start, a.removed[k].span.end, k));
    let mut moved_to = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        moved_to[old] = new;
    }
    let mut slots: Vec<Option<Removed>> = std::mem::take(&mut a.removed)
        .into_iter()
        .map(Some)
        .collect();
    a.removed = order.iter().filter_map(|&k| slots[k].take()).collect();
    for r in removed_of.iter_mut().flatten() {
        *r = moved_to[*r];
    }
    a.alternatives = alternatives::find(blocks, &removed_of);
    a.title = a
        .removed
        .iter()
        .find(|r| r.reason == Reason::Title)
        .map(|r| r.text.clone());
    for r in &a.removed {
        *a.stats
            .removed_by_reason
            .entry(r.reason.as_str().to_string())
            .or_insert(0) += 1;
    }
    a.stats.blocks_total = blocks.len();
    a.stats.blocks_kept = a.blocks.len();
    a.stats.output_bytes = a.text.len();
    (a, sources)
}

/// The input span of a byte range inside a block's text (exact for text input, where the block's
/// text is the input slice; clamped to the block's span otherwise).
fn sub_span(b: &Block, r: Span) -> Span {
    if b.span.len() == b.text.len() {
        Span::new(b.span.start + r.start, b.span.start + r.end)
    } else {
        b.span
    }
}

/// The README's Rust example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

// The TypeScript types of the JavaScript API, embedded into the generated .d.ts by src/wasm.rs.
// One `export interface` per Rust struct of the report (same name), one `export type` per enum.
// tests/wasm.rs checks natively that every field the Rust report serializes is declared here and
// that every required field here is serialized, so this file cannot drift from the Rust types.

/**
 * Offsets: every `Span` in a result is a pair of **UTF-16 code-unit offsets** (end exclusive),
 * the unit JavaScript strings are indexed in, so `str.slice(span.start, span.end)` gives the
 * span's text. The `span` of a block and of a removed block counts in the input string; every
 * other span (`textSpan` of a block, all facts) counts in `Article.text`.
 */
export interface Span {
  /** First code unit. */
  start: number;
  /** One past the last code unit. */
  end: number;
}

/** The input format. `"auto"` sniffs: markup that looks like an HTML document is HTML. */
export type Format = "auto" | "text" | "html";

/**
 * How to clean. Every key is optional (its default is used when absent or `undefined`); unknown
 * keys are rejected with an `INVALID_OPTIONS` error.
 */
export interface Options {
  /** Input format. Default: `"auto"`. */
  format?: Format;
  /** The page's URL, if known (reported as `Article.url`). Default: none. */
  url?: string | null;
  /**
   * The date relative expressions ("Thursday", "last week") resolve against, as `YYYY-MM-DD`.
   * Default: none, meaning the page's published date when it states one, else a dateline its
   * text shows (`Facts.referenceDateSource` says which was used).
   */
  referenceDate?: string | null;
  /** The article's language as an ISO 639-1 code (`"en"`), if known. Default: guessed. */
  language?: string | null;
  /**
   * Inputs longer than this many UTF-8 bytes are refused with `INPUT_TOO_LARGE`.
   * Default: 67108864 (64 MiB).
   */
  maxInputBytes?: number;
  /**
   * Extract the key facts (entities, times, quantities, quotes, key sentences). Default: `true`;
   * in `newsclean/core` (built without fact extraction) `false`, and `true` is an
   * `INVALID_OPTIONS` error.
   */
  facts?: boolean;
  /** How many key sentences to pick. Default: 3. */
  keySentences?: number;
  /**
   * Word 4-gram containment at or above which a paragraph counts as a near-duplicate of an
   * earlier one, between 0.5 and 1.0. Default: 0.8.
   */
  nearDuplicateThreshold?: number;
  /**
   * Keep boilerplate in `text` too (still listed in `removed`, marked `kept: true`): a report-only
   * mode. Default: `false`.
   */
  keepBoilerplate?: boolean;
  /**
   * Also render the article as Markdown (`Article.markdown`): headings, lists, quotes, code blocks
   * and, for HTML input, links. Default: `false`.
   */
  markdown?: boolean;
}

/** What a kept block is, structurally. */
export type BlockKind =
  | "paragraph"
  | "heading"
  | "listItem"
  | "quote"
  | "caption"
  | "tableRow"
  | "preformatted";

/** What kind of page the input is (`Article.pageType`). */
export type PageType =
  /** An article: news, a blog post, a guide — running text under a headline. */
  | "article"
  /** One product for sale. */
  | "product"
  /** A list of links to articles: a section front, a tag or archive page, search results. */
  | "listing"
  /** A shop's category: many products. */
  | "collection"
  /** A forum thread or a question with its answers. */
  | "forum"
  /** Documentation: a manual, a reference, a help page. */
  | "documentation"
  /** A company's page about what it offers (a service, a software product, its home page). */
  | "service"
  /** Not an article, of no kind named above (little or no running text). */
  | "unknown";

/** Why a block (or a sentence) was removed. */
export type Reason =
  /** Site navigation or a menu. */
  | "navigation"
  /** A list of links or related headlines ("You may also like"). */
  | "linkList"
  /** Share or social-media prompts. */
  | "share"
  /** Newsletter or subscription prompts. */
  | "newsletter"
  /** Cookie or consent notices. */
  | "cookie"
  /** Advertisement. */
  | "advertisement"
  /** Reader comments. */
  | "comments"
  /** Page footer, copyright or legal text. */
  | "footer"
  /** The byline. */
  | "byline"
  /** Other metadata lines: dates, reading time, tags, photo credits, breadcrumbs. */
  | "metadata"
  /** The page or article title (reported in `title`, not in the body). */
  | "title"
  /** Short or link-like text outside the article that fits no named kind. */
  | "boilerplate"
  /** The same paragraph as an earlier one. */
  | "exactDuplicate"
  /** Nearly the same paragraph as an earlier one. */
  | "nearDuplicate"
  /** A teaser: the start or a near-substring of another, fuller paragraph. */
  | "teaser"
  /** A sentence already said in an earlier kept paragraph. */
  | "repeatedSentence";

/** A block of the article that was kept. */
export interface ArticleBlock {
  /** The block's text as it stands in `Article.text`. */
  text: string;
  /** What the block is. */
  kind: BlockKind;
  /** Where the block is in the input (UTF-16 offsets into the input string). */
  span: Span;
  /** Where the block is in `Article.text` (UTF-16 offsets). */
  textSpan: Span;
}

/** A block (or, for `"repeatedSentence"`, a sentence) that was removed, and why. */
export interface Removed {
  /** The removed text, original characters. */
  text: string;
  /** Why it was removed. */
  reason: Reason;
  /** The rule that fired, in words (for people; not a stable identifier). */
  rule: string;
  /** Where it is in the input (UTF-16 offsets into the input string). */
  span: Span;
  /** For duplicates: the index in `Article.blocks` of the kept block it repeats. */
  duplicateOf?: number;
  /** Present and `true` when `keepBoilerplate` left this block in `text` anyway. */
  kept?: boolean;
}

/**
 * Another part of the page that was not taken for the article: a run of consecutive blocks
 * removed as boilerplate that holds running text ("Not the article?").
 */
export interface Alternative {
  /** Its blocks: indices into `Article.removed`, in input order (consecutive in the page). */
  removed: number[];
  /** Words of running text in it (blocks that read as paragraphs). */
  words: number;
  /** How many of its blocks read as paragraphs. */
  paragraphs: number;
  /** Why it was not taken: the removal reason of most of its running text. */
  reason: Reason;
  /** The rule that removed its longest paragraph, in words. */
  rule: string;
}

/** Timings of one clean in microseconds (absent in the WebAssembly build: time it from JS). */
export interface Timings {
  /** Splitting the input into blocks. */
  ingestUs: number;
  /** Classifying boilerplate. */
  classifyUs: number;
  /** Finding duplicates. */
  dedupeUs: number;
  /** Extracting facts. */
  factsUs: number;
  /** The whole clean. */
  totalUs: number;
}

/** Counts about one clean. */
export interface Stats {
  /** UTF-8 bytes of input. */
  inputBytes: number;
  /** UTF-8 bytes of `Article.text`. */
  outputBytes: number;
  /** Blocks found in the input. */
  blocksTotal: number;
  /** Blocks kept. */
  blocksKept: number;
  /** Removed blocks and sentences by reason. */
  removedByReason: Partial<Record<Reason, number>>;
  /** Where the time went (native builds only). */
  timings?: Timings;
}

/** One sentence of `Article.text`. */
export interface Sentence {
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
}

/** What kind of named thing an entity is. */
export type EntityKind =
  | "person"
  | "organization"
  | "place"
  | "nationality"
  | "event"
  | "product"
  | "other";

/** One mention of an entity. */
export interface Mention {
  /** The mention as written. */
  text: string;
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
  /** Index of its sentence in `Facts.sentences`. */
  sentence: number;
}

/** A named entity with every mention of it. */
export interface Entity {
  /** The canonical name (the fullest mention). */
  text: string;
  /** What it is. */
  kind: EntityKind;
  /** The first mention's span (UTF-16 offsets into `Article.text`). */
  span: Span;
  /** The first mention's sentence index. */
  sentence: number;
  /** Every mention, in text order. */
  mentions: Mention[];
  /** How many mentions. */
  count: number;
}

/** TIMEX3 types. */
export type TimeKind = "date" | "time" | "duration" | "set";

/** A time expression, normalised TIMEX3-style. */
export interface TimeFact {
  /** The expression as written. */
  text: string;
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
  /** Index of its sentence in `Facts.sentences`. */
  sentence: number;
  /** TIMEX3 type. */
  kind: TimeKind;
  /** TIMEX3 value (`2025-11-27`, `2025-W47`, `P1W`, `PRESENT_REF`), when it can be normalised. */
  value: string | null;
  /** TIMEX3 modifier (`APPROX`, `START`, `END`…), when there is one. */
  modifier?: string;
}

/** What kind of quantity. */
export type QuantityKind = "number" | "percent" | "money" | "measure";

/** A piece of `Article.text`: the parts of a fact (speaker, cue, channel, counted thing). */
export interface TextSpan {
  /** The text, as in `Article.text`. */
  text: string;
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
}

/** A quantity and what it counts. */
export interface Quantity {
  /** The expression as written ("1,000", "tens of thousands"). */
  text: string;
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
  /** Index of its sentence in `Facts.sentences`. */
  sentence: number;
  /** What kind. */
  kind: QuantityKind;
  /** The value, when it is one number. */
  value: number | null;
  /** The lower end, for a range or an approximate amount. */
  low?: number;
  /** The upper end, for a range or an approximate amount. */
  high?: number;
  /** True for approximate amounts ("about 20", "tens of thousands"). */
  approximate: boolean;
  /** The unit or currency (`%`, `USD`, `km`), when there is one. */
  unit?: string;
  /** The thing counted ("bodies"), when stated. */
  counted?: TextSpan;
}

/** Who said a quote. */
export interface Speaker {
  /** The speaker as written ("he", "the ministry", "Jane Smith"). */
  text: string;
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
  /** Index into `Facts.entities` of the entity it refers to, when resolved. */
  entity?: number;
  /** The resolved entity's name, when resolved. */
  name?: string;
}

/** A quote: direct or reported speech. */
export interface Quote {
  /** What was said (inside the quotation marks for a direct quote). */
  text: string;
  /** UTF-16 offsets of the content into `Article.text`. */
  span: Span;
  /** Index of the sentence where the quote starts. */
  sentence: number;
  /** True for a direct quote (in quotation marks), false for reported speech. */
  direct: boolean;
  /** The speaker, when found. */
  speaker: Speaker | null;
  /** The cue ("said", "according to"), when found. */
  cue: TextSpan | null;
  /** Where it was said ("on Telegram", "in a statement"), when stated. */
  channel?: TextSpan;
}

/** One of the top sentences. */
export interface KeySentence {
  /** The sentence. */
  text: string;
  /** UTF-16 offsets into `Article.text`. */
  span: Span;
  /** Index in `Facts.sentences`. */
  sentence: number;
  /** Its score (higher is more central). */
  score: number;
  /** 1 for the best. */
  rank: number;
}

/**
 * Where `Facts.referenceDate` came from: the `referenceDate` option, the page's publication date
 * (`Article.published`, from its metadata), or a dateline its text shows near the top
 * ("Published March 5, 2024").
 */
export type ReferenceDateSource = "option" | "published" | "dateline";

/** Everything found in one article (every list empty when `facts: false`). */
export interface Facts {
  /** The sentences of `Article.text`, in order; facts refer to them by index. */
  sentences: Sentence[];
  /** People, organisations, places and other named things, each with all its mentions. */
  entities: Entity[];
  /** Dates, times, durations and sets, normalised TIMEX3-style. */
  times: TimeFact[];
  /** Numbers, amounts, percentages, money and measures, with what they count. */
  quantities: Quantity[];
  /** Direct and reported speech with speaker, cue and channel. */
  quotes: Quote[];
  /** The top sentences, in article order. */
  keySentences: KeySentence[];
  /**
   * The date relative times were resolved against (`YYYY-MM-DD`); null when neither the options
   * nor the page gave one (relative times then stay unresolved, as in `"XXXX-WXX-4"`).
   */
  referenceDate: string | null;
  /** Where `referenceDate` came from; null when there is none. */
  referenceDateSource: ReferenceDateSource | null;
}

/**
 * The cleaned article and everything learned about it: a plain JSON-compatible object (it
 * survives `JSON.stringify`, `structuredClone` and `postMessage` unchanged).
 */
export interface Article {
  /** The version of this report's shape; it rises when a field changes meaning or goes away. */
  schemaVersion: number;
  /** The article's text: kept blocks joined by blank lines (`"\n\n"`). */
  text: string;
  /** The headline, when found. */
  title: string | null;
  /** Authors named in the byline. */
  byline: string[];
  /** Publication date (ISO 8601) when the page states one. */
  published: string | null;
  /** The site's name, when the page states it. */
  siteName: string | null;
  /** The page URL (canonical when the page names one, else `Options.url`). */
  url: string | null;
  /** The language as an ISO 639-1 code (given, declared or guessed); null when unknown. */
  language: string | null;
  /**
   * False when the input does not look like an article: a product, a shop's category, an index of
   * links, a forum thread, documentation, a service page (see `pageType`).
   */
  isArticle: boolean;
  /**
   * What kind of page the input is: `"article"` exactly when `isArticle` is true (plain-text
   * input is taken for an article unless it is empty).
   */
  pageType: PageType;
  /** Why the input is not taken for an article, when `isArticle` is false. */
  notArticleReason?: string;
  /** The article as Markdown, when `Options.markdown` asked for it. */
  markdown?: string;
  /** The kept blocks, in input order. */
  blocks: ArticleBlock[];
  /** Every removed block and sentence, in input order, with its reason. */
  removed: Removed[];
  /**
   * Other parts of the page that read as running text but were not taken for the article, best
   * (most words of running text) first, at most three; empty when there are none.
   */
  alternatives: Alternative[];
  /** The key facts (spans into `text`). */
  facts: Facts;
  /** Counts. */
  stats: Stats;
}

/**
 * The stable `code` of every error newsclean throws:
 * - `INVALID_ARGUMENT`: an argument has the wrong JavaScript type (thrown as a `TypeError`);
 * - `INVALID_OPTIONS`: an unknown option, or an option with a wrong type or value;
 * - `INPUT_TOO_LARGE`: the input is longer than `maxInputBytes`;
 * - `DECODE`: the input could not be decoded;
 * - `INTERNAL`: a bug in newsclean (please report it with the input).
 */
export type ErrorCode =
  | "INVALID_ARGUMENT"
  | "INVALID_OPTIONS"
  | "INPUT_TOO_LARGE"
  | "DECODE"
  | "INTERNAL";

/** What newsclean throws: an `Error` (a `TypeError` for `INVALID_ARGUMENT`) with a `code`. */
export interface NewscleanError extends Error {
  /** What went wrong, as a stable machine-readable code. */
  code: ErrorCode;
}

// A TypeScript consumer of the packed package: `tsc --noEmit --strict` must accept it, and every
// `@ts-expect-error` line proves a mistake is caught (so the types are real, not `any`).
import {
  clean,
  Cleaner,
  version,
  type Alternative,
  type Article,
  type ArticleBlock,
  type BlockKind,
  type Entity,
  type EntityKind,
  type ErrorCode,
  type Facts,
  type Format,
  type KeySentence,
  type Mention,
  type NewscleanError,
  type Options,
  type PageType,
  type Quantity,
  type QuantityKind,
  type Quote,
  type Reason,
  type ReferenceDateSource,
  type Removed,
  type Sentence,
  type Span,
  type Speaker,
  type Stats,
  type TextSpan,
  type TimeFact,
  type TimeKind,
  type Timings,
} from "newsclean";
import init, { initSync, clean as webClean } from "newsclean/web";
import {
  clean as coreClean,
  Cleaner as CoreCleaner,
  type Article as CoreArticle,
  type Options as CoreOptions,
} from "newsclean/core";
import initCore, { initSync as initCoreSync } from "newsclean/core/web";

const format: Format = "text";
const options: Options = {
  format,
  url: "https://example.org/a",
  referenceDate: "2025-11-27",
  language: null,
  maxInputBytes: 1 << 20,
  facts: true,
  keySentences: 3,
  nearDuplicateThreshold: 0.8,
  keepBoilerplate: false,
};
const article: Article = clean("page text", options);
const v: string = version();
const cleaner = new Cleaner({ facts: false });
const again: Article = cleaner.clean("page text");
const resolved: Required<Options> = cleaner.options;
const threshold: number = resolved.nearDuplicateThreshold;
cleaner.free();

const slice = (s: string, span: Span): string => s.slice(span.start, span.end);
const blocks: ArticleBlock[] = article.blocks;
const kinds: BlockKind[] = blocks.map((b) => b.kind);
const texts: string[] = blocks.map((b) => slice(article.text, b.textSpan));
const removed: Removed[] = article.removed;
const reasons: Reason[] = removed.map((r) => r.reason);
const dupOf: (number | undefined)[] = removed.map((r) => r.duplicateOf);
const stats: Stats = article.stats;
const timings: Timings | undefined = stats.timings;
const navCount: number | undefined = stats.removedByReason.navigation;
const facts: Facts = article.facts;
const sentences: Sentence[] = facts.sentences;
const entities: Entity[] = facts.entities;
const entityKinds: EntityKind[] = entities.map((e) => e.kind);
const mentions: Mention[] = entities.flatMap((e) => e.mentions);
const times: TimeFact[] = facts.times;
const timeKinds: TimeKind[] = times.map((t) => t.kind);
const values: (string | null)[] = times.map((t) => t.value);
const quantities: Quantity[] = facts.quantities;
const quantityKinds: QuantityKind[] = quantities.map((q) => q.kind);
const counted: (TextSpan | undefined)[] = quantities.map((q) => q.counted);
const quotes: Quote[] = facts.quotes;
const speakers: (Speaker | null)[] = quotes.map((q) => q.speaker);
const speakerNames: string[] = quotes.flatMap((q) => (q.speaker ? [q.speaker.name ?? q.speaker.text] : []));
const cues: (TextSpan | null)[] = quotes.map((q) => q.cue);
const keySentences: KeySentence[] = facts.keySentences;
const ranks: number[] = keySentences.map((k) => k.rank);
const referenceDate: string | null = facts.referenceDate;
const referenceSource: ReferenceDateSource | null = facts.referenceDateSource;
const title: string | null = article.title;
const lang: string | null = article.language;
const pageType: PageType = article.pageType;
const notArticle: boolean = !article.isArticle && pageType !== "article";

try {
  clean("x", { referenceDate: "bad" });
} catch (e) {
  const err = e as NewscleanError;
  const code: ErrorCode = err.code;
  const message: string = err.message;
  if (code === "INVALID_OPTIONS") console.log(message);
}

async function web(bytes: Uint8Array): Promise<string> {
  initSync({ module: bytes });
  await init();
  await init({ module_or_path: new URL("https://example.org/newsclean_bg.wasm") });
  return webClean("page").text;
}

// The core module has the same API and result types, facts left empty.
const coreOptions: CoreOptions = { format: "html", facts: false, markdown: true };
const coreArticle: CoreArticle = coreClean("page text", coreOptions);
const sameShape: Article = coreArticle;
const coreCleaner = new CoreCleaner();
const coreFacts: Facts = coreCleaner.clean("page text").facts;
async function coreWeb(bytes: Uint8Array): Promise<void> {
  initCoreSync({ module: bytes });
  await initCore();
}

// @ts-expect-error: the input must be a string
clean(42);
// @ts-expect-error: the core module's input must be a string too
coreClean(42);
// @ts-expect-error: unknown option
clean("x", { refrenceDate: "2025-11-27" });
// @ts-expect-error: wrong option type
new Cleaner({ facts: "yes" });
// @ts-expect-error: not a format
const badFormat: Format = "pdf";
// @ts-expect-error: not a reason
const badReason: Reason = "spam";
// @ts-expect-error: text is a string
const n: number = article.text;
// @ts-expect-error: title may be null
const t: string = article.title;
// @ts-expect-error: a speaker may be missing
const s: string = quotes[0].speaker.text;
// @ts-expect-error: not a page type
const badPageType: PageType = "homepage";
// @ts-expect-error: not an error code
const badCode: ErrorCode = "OOPS";
// @ts-expect-error: a reference date source is one of three names
const badSource: ReferenceDateSource = "guessed";

export {
  again, threshold, kinds, texts, reasons, dupOf, timings, navCount, sentences, entityKinds, mentions,
  timeKinds, values, quantityKinds, counted, speakers, speakerNames, cues, ranks, title, lang, v, web,
  badFormat, badReason, n, t, s, badCode, pageType, notArticle, badPageType, referenceDate,
  referenceSource, badSource, sameShape, coreFacts, coreWeb,
};

// Alternatives: indices into `removed`, typed.
const alts: Alternative[] = clean("text").alternatives;
const firstAlt: Reason | undefined = alts[0]?.reason;
const altTexts: string[] = (alts[0]?.removed ?? []).map((i: number) => clean("text").removed[i]?.text ?? "");
// @ts-expect-error: `removed` holds numbers, not Removed objects
const wrongAlt: Removed[] = alts[0]?.removed ?? [];
void firstAlt;
void altTexts;
void wrongAlt;

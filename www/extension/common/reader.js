// Reading comforts shared by the extension's panel and the demo page: reading time, the article
// as plain text and as Markdown, themes and type settings, reading aloud with the browser's own
// speech synthesis, and the "Not the article?" views (a removed block put back, or another part
// of the page shown instead). Page-derived text is only ever handled as text.

// ---------------------------------------------------------------------------------------------
// Reading time

/** Words per minute of silent reading of non-fiction in English (Brysbaert 2019: 238). */
export const WORDS_PER_MINUTE = 238;
/** Characters per minute for scripts written without spaces (Brysbaert 2019, Chinese: 255). */
const CJK_PER_MINUTE = 255;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** Minutes to read the article's text (at least 1 when there is text). */
export function readingMinutes(text) {
  const s = String(text ?? "");
  const cjk = (s.match(CJK) ?? []).length;
  const words = (s.replace(CJK, " ").match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
  if (!words && !cjk) return 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_PER_MINUTE));
}

// ---------------------------------------------------------------------------------------------
// The article as text and as Markdown

/** The calendar date of an ISO 8601 date or date-time ("2025-10-14T08:30:00Z" -> "2025-10-14"). */
export const isoDate = (s) => (/^\d{4}-\d{2}-\d{2}/.exec(String(s ?? ""))?.[0] ?? String(s ?? ""));

/** A date for people ("14 October 2025" in the browser's language), or the text as given. */
export function readableDate(s) {
  const day = isoDate(s);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return String(s ?? "");
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/** The meta line: "By A, B · 2025-11-18 · Site · 4 min read". */
export function metaLine(article) {
  const bits = [];
  if (article.byline?.length) bits.push(`By ${article.byline.join(", ")}`);
  if (article.published) bits.push(isoDate(article.published));
  if (article.siteName) bits.push(article.siteName);
  const min = readingMinutes(article.text);
  if (min) bits.push(`${min} min read`);
  return bits.join(" · ");
}

const blockText = (a, b) => a.text.slice(b.textSpan.start, b.textSpan.end);

/** The clean article as plain text: headline, meta line, paragraphs, source. */
export function articlePlainText(article) {
  const out = [];
  if (article.title) out.push(article.title);
  const meta = metaLine(article);
  if (meta) out.push(meta);
  for (const b of article.blocks) out.push(blockText(article, b));
  if (article.url) out.push(`Source: ${article.url}`);
  return out.join("\n\n") + "\n";
}

/** Escapes text so Markdown shows it as it is (no markup, links, HTML or lists from the page). */
export function escapeMarkdown(s) {
  return String(s)
    .replace(/[\\`*_[\]<>{}|~]/g, "\\$&")
    .replace(/^(\s*)([#+=-]|\d+[.)])(?=\s|$)/gm, "$1\\$2")
    .replace(/\n/g, "  \n");
}

/** The clean article as Markdown (CommonMark): what the reader sees, blocks by kind. */
export function articleMarkdown(article) {
  const out = [];
  if (article.title) out.push(`# ${escapeMarkdown(article.title.replace(/\s+/g, " "))}`);
  const meta = metaLine(article);
  if (meta) out.push(`*${escapeMarkdown(meta)}*`);
  for (const b of article.blocks) {
    const t = blockText(article, b);
    switch (b.kind) {
      case "heading":
        out.push(`## ${escapeMarkdown(t.replace(/\s+/g, " "))}`);
        break;
      case "quote":
        out.push(escapeMarkdown(t).split("\n").map((l) => `> ${l}`).join("\n"));
        break;
      case "listItem":
        out.push(`- ${escapeMarkdown(t)}`);
        break;
      case "preformatted": {
        const fence = "`".repeat(Math.max(3, ...[...t.matchAll(/`+/g)].map((m) => m[0].length + 1)));
        out.push(`${fence}\n${t}\n${fence}`);
        break;
      }
      default:
        out.push(escapeMarkdown(t));
    }
  }
  if (article.url) out.push(`Source: <${encodeURI(decodeURIComponentSafe(article.url))}>`);
  return out.join("\n\n") + "\n";
}

function decodeURIComponentSafe(u) {
  try {
    return decodeURI(u);
  } catch {
    return u;
  }
}

/** A file name for the article: its headline, simplified ("pier-to-be-rebuilt.md"). */
export function fileName(article, ext) {
  const base = String(article.title ?? "article")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "article"}.${ext}`;
}

/** Offers `text` as a file download named `name`. */
export function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Copies `text` to the clipboard; resolves to true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("aria-hidden", "true");
    ta.style.position = "fixed";
    ta.style.opacity = "0";
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}

// ---------------------------------------------------------------------------------------------
// "Not the article?": the article with removed blocks put back, or another part of the page

/**
 * A report showing other blocks than the ones newsclean kept, for the same page:
 * `keep` — the kept blocks stay (false: only `restore` is shown, another part of the page);
 * `restore` — indices into `article.removed` shown as paragraphs, in page order. Facts keep their spans (moved with their
 * paragraphs); facts of blocks not shown are left out. `removed` stays the same list, with
 * `restored: true` on what is shown; `duplicateOf` follows the kept blocks' new indices.
 */
export function compose(article, { keep = true, restore = [] } = {}) {
  // Blocks put back into the article are marked as such; another part shown alone is not.
  const mark = keep;
  const items = [];
  if (keep) article.blocks.forEach((b, i) => items.push({ start: b.span.start, old: i }));
  const shown = new Set();
  for (const k of restore) {
    const r = article.removed[k];
    if (!r || shown.has(k) || r.reason === "repeatedSentence") continue;
    shown.add(k);
    items.push({ start: r.span.start, removed: k });
  }
  items.sort((x, y) => x.start - y.start || (x.removed === undefined ? -1 : 1));
  const parts = [];
  const blocks = [];
  const moved = new Map(); // old block index -> [new index, offset delta]
  let pos = 0;
  for (const it of items) {
    if (parts.length) pos += 2;
    const old = it.old !== undefined ? article.blocks[it.old] : null;
    const text = old ? blockText(article, old) : article.removed[it.removed].text.trim();
    const start = pos;
    parts.push(text);
    pos += text.length;
    if (old) {
      moved.set(it.old, [blocks.length, start - old.textSpan.start]);
      blocks.push({ ...old, textSpan: { start, end: pos } });
    } else {
      const r = article.removed[it.removed];
      blocks.push({ text, kind: "paragraph", span: r.span, textSpan: { start, end: pos }, restored: mark, removedIndex: it.removed });
    }
  }
  const text = parts.join("\n\n");
  // Facts: each moves with the kept block its span starts in; the others are left out.
  const starts = article.blocks.map((b) => b.textSpan.start);
  const blockOf = (pos) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const facts = {};
  for (const [kind, list] of Object.entries(article.facts ?? {})) {
    if (!Array.isArray(list)) {
      facts[kind] = list;
      continue;
    }
    facts[kind] = [];
    for (const f of list) {
      const m = f?.span ? moved.get(blockOf(f.span.start)) : null;
      if (!m) continue;
      facts[kind].push(shiftSpans(f, m[1]));
    }
  }
  const removed = article.removed.map((r, k) => {
    const copy = { ...r };
    if (mark && shown.has(k)) copy.restored = true;
    if (Number.isInteger(r.duplicateOf)) {
      const m = moved.get(r.duplicateOf);
      if (m) copy.duplicateOf = m[0];
      else delete copy.duplicateOf;
    }
    return copy;
  });
  return { ...article, text, blocks, removed, facts };
}

/** A copy of `value` with every `{start, end}` span moved by `delta` (facts' spans). */
function shiftSpans(value, delta) {
  if (Array.isArray(value)) return value.map((v) => shiftSpans(v, delta));
  if (!value || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && typeof value.start === "number" && typeof value.end === "number") {
    return { start: value.start + delta, end: value.end + delta };
  }
  const out = {};
  for (const k of keys) out[k] = shiftSpans(value[k], delta);
  return out;
}

/** The first words of alternative `k` of the report, for its button. */
export function alternativePreview(article, k, n = 90) {
  const alt = article.alternatives?.[k];
  if (!alt) return "";
  const first = alt.removed.map((i) => article.removed[i]?.text ?? "").find((t) => /[.!?…。]["'”’)]*$/.test(t.trim())) ?? article.removed[alt.removed[0]]?.text ?? "";
  const one = first.replace(/\s+/g, " ").trim();
  return one.length > n ? one.slice(0, n - 1) + "…" : one;
}

// ---------------------------------------------------------------------------------------------
// Themes, type size and line width

export const THEMES = ["system", "light", "dark", "sepia"];
export const WIDTHS = { narrow: "30em", medium: "38em", wide: "50em" };
export const FONT_SIZES = [80, 90, 100, 110, 120, 135, 150, 175, 200];
export const DEFAULT_PREFS = Object.freeze({ theme: "system", fontSize: 100, width: "medium" });

/** Valid preferences from whatever was stored. */
export function cleanPrefs(p) {
  const o = { ...DEFAULT_PREFS };
  if (THEMES.includes(p?.theme)) o.theme = p.theme;
  if (FONT_SIZES.includes(p?.fontSize)) o.fontSize = p.fontSize;
  if (Object.hasOwn(WIDTHS, p?.width ?? "")) o.width = p.width;
  return o;
}

const darkQuery = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");

/** The theme shown for a preference: "system" follows the browser's colour scheme. */
export function resolveTheme(theme) {
  if (theme !== "system") return theme;
  return darkQuery()?.matches ? "dark" : "light";
}

/** Applies `prefs` to the document: a theme class on <html>, type size and line width. */
export function applyPrefs(prefs, root = document.documentElement) {
  const shown = resolveTheme(prefs.theme);
  for (const t of THEMES) root.classList.toggle(`nc-theme-${t}`, t === shown);
  root.dataset.themePref = prefs.theme;
  root.style.setProperty("--nc-font-scale", String(prefs.fontSize / 100));
  root.style.setProperty("--nc-measure", WIDTHS[prefs.width]);
  root.style.colorScheme = shown === "dark" ? "dark" : "light";
}

/** Calls `fn` when the system colour scheme changes. */
export function onSystemThemeChange(fn) {
  darkQuery()?.addEventListener?.("change", fn);
}

// ---------------------------------------------------------------------------------------------
// Read aloud

/**
 * Reads paragraphs aloud with the browser's speechSynthesis, using only voices on this device
 * (`localService`), one utterance per paragraph, marking the paragraph being read.
 * `paragraphs()` gives [{ el, text }]; `onChange({ speaking, index, error })` is told each step.
 */
export class ReadAloud {
  constructor({ paragraphs, lang = () => null, onChange = () => {} }) {
    this.paragraphs = paragraphs;
    this.lang = lang;
    this.onChange = onChange;
    this.speaking = false;
    this.index = -1;
    this.run = 0;
  }

  get synth() {
    return globalThis.speechSynthesis ?? null;
  }

  /** Local voices, waiting briefly for the list (browsers fill it asynchronously). */
  async voices() {
    const synth = this.synth;
    if (!synth) return [];
    let v = synth.getVoices();
    if (!v.length) {
      await new Promise((resolve) => {
        const t = setTimeout(resolve, 1500);
        synth.addEventListener?.("voiceschanged", () => {
          clearTimeout(t);
          resolve();
        }, { once: true });
      });
      v = synth.getVoices();
    }
    return v.filter((x) => x.localService);
  }

  /** The best local voice for the article's language, or null. */
  async pickVoice() {
    const voices = await this.voices();
    const lang = String(this.lang() ?? "").toLowerCase();
    return (
      voices.find((v) => lang && v.lang?.toLowerCase().startsWith(lang) && v.default) ??
      voices.find((v) => lang && v.lang?.toLowerCase().startsWith(lang)) ??
      voices.find((v) => v.default) ??
      voices[0] ??
      null
    );
  }

  async start(from = 0) {
    this.stop({ quiet: true });
    const run = ++this.run;
    const synth = this.synth;
    if (!synth || typeof globalThis.SpeechSynthesisUtterance !== "function") {
      this.onChange({ speaking: false, index: -1, error: "This browser cannot read aloud." });
      return false;
    }
    const voice = await this.pickVoice();
    if (run !== this.run) return false;
    if (!voice) {
      this.onChange({ speaking: false, index: -1, error: "No speech voice is installed on this device, so nothing can be read aloud." });
      return false;
    }
    this.voice = voice;
    this.speaking = true;
    this.#speak(run, from);
    return true;
  }

  #speak(run, i) {
    const list = this.paragraphs();
    if (run !== this.run) return;
    if (i >= list.length) {
      this.stop();
      return;
    }
    this.#mark(i, list[i].el);
    const u = new SpeechSynthesisUtterance(list[i].text);
    try {
      u.voice = this.voice;
    } catch {
      // Not a SpeechSynthesisVoice of this browser: the language still picks one.
    }
    u.lang = this.voice.lang;
    const next = () => {
      if (run === this.run && this.speaking) this.#speak(run, i + 1);
    };
    u.addEventListener("end", next);
    u.addEventListener("error", (ev) => {
      if (ev.error === "interrupted" || ev.error === "canceled") return;
      next();
    });
    this.synth.speak(u);
  }

  #mark(i, el) {
    this.#unmark();
    this.index = i;
    this.current = el;
    if (el) {
      el.classList.add("nc-reading");
      el.setAttribute("aria-current", "true");
      el.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
    this.onChange({ speaking: true, index: i });
  }

  #unmark() {
    this.current?.classList.remove("nc-reading");
    this.current?.removeAttribute("aria-current");
    this.current = null;
  }

  stop({ quiet = false } = {}) {
    const was = this.speaking;
    this.run++;
    this.speaking = false;
    this.index = -1;
    this.#unmark();
    if (was) this.synth?.cancel();
    // `quiet`: the caller moves on at once (a new article, another view): no status message.
    this.onChange({ speaking: false, index: -1, quiet });
  }
}

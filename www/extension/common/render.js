// Renders a newsclean report (the plain object `clean()` returns) into the DOM: the clean article,
// the removed blocks with their reasons, and the facts, each fact highlighting its spans in the
// article. Shared by the demo page (www/) and the extension's panel (www/extension/).
//
// Safety rule: every piece of text that comes from the page is put into the DOM as text
// (text nodes, `textContent`), never parsed as HTML. There is no `innerHTML` in this file.
//
import { readableDate, readingMinutes } from "./reader.js";

// Offsets: every span in the report is in UTF-16 code units, so `article.text.slice(start, end)`
// is the spanned text.

/** Builds an element: `h("p", { class: "x" }, "text", child)`. Strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) throw new Error(`h(): event attribute ${k} refused; use addEventListener`);
    el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** "1.2 MB", "830 B". */
export function formatBytes(n) {
  if (!Number.isFinite(n)) return "?";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

/** "12.3 ms", "1.20 s". */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return "?";
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Human names of the removal reasons (the JSON uses camelCase identifiers). */
export const REASONS = {
  navigation: "Navigation",
  linkList: "Link list",
  share: "Share buttons",
  newsletter: "Newsletter",
  cookie: "Cookie notice",
  advertisement: "Advertisement",
  comments: "Comments",
  footer: "Footer",
  byline: "Byline",
  metadata: "Metadata",
  title: "Title",
  boilerplate: "Boilerplate",
  exactDuplicate: "Exact duplicate",
  nearDuplicate: "Near duplicate",
  teaser: "Teaser",
  repeatedSentence: "Repeated sentence",
};

export const reasonLabel = (r) => REASONS[r] ?? String(r);

const ENTITY_KINDS = [
  ["person", "People"],
  ["organization", "Organisations"],
  ["place", "Places"],
  ["nationality", "Nationalities and groups"],
  ["event", "Events"],
  ["product", "Products and works"],
  ["other", "Other names"],
];

const preview = (s, n = 90) => {
  const one = String(s).replace(/\s+/g, " ").trim();
  return one.length > n ? one.slice(0, n - 1) + "…" : one;
};

/** The paragraph number shown to people (1-based) for a block index. */
export const paraLabel = (i) => `¶${i + 1}`;

// ---------------------------------------------------------------------------------------------
// The article

/**
 * Renders the article (header + blocks) into `root`, progressively for long articles.
 * Returns an ArticleView used to highlight spans and to find paragraphs.
 */
export function renderArticle(root, article, { idPrefix = "nc", chunk = 200, firstChunk = 200, titleTag = "h3", details = true } = {}) {
  root.replaceChildren();
  const meta = h("div", { class: "nc-meta" });
  if (article.title) root.append(h(titleTag, { class: "nc-title" }, article.title));
  const bits = [];
  if (article.byline?.length) bits.push(h("span", { class: "nc-byline" }, "By ", article.byline.join(", ")));
  if (article.published) bits.push(h("span", { class: "nc-published" }, "Published ", h("time", { datetime: article.published }, readableDate(article.published))));
  if (article.siteName) bits.push(h("span", { class: "nc-site" }, article.siteName));
  const minutes = readingMinutes(article.text);
  if (minutes) bits.push(h("span", { class: "nc-reading-time" }, `${minutes} min read`));
  if (details && article.language) bits.push(h("span", { class: "nc-lang" }, "Language: ", article.language));
  if (details && article.url) bits.push(h("span", { class: "nc-url" }, article.url));
  for (const b of bits) meta.append(b);
  if (bits.length) root.append(meta);

  const body = h("div", { class: "nc-body" });
  root.append(body);
  const view = new ArticleView(article, body, idPrefix);
  if (!article.blocks.length) {
    body.append(h("p", { class: "nc-empty" }, "No article text was kept."));
    return view;
  }
  view.renderUpTo(Math.min(firstChunk, article.blocks.length));
  if (view.rendered < article.blocks.length) {
    const more = h("p", { class: "nc-more", role: "status" });
    root.append(more);
    const step = () => {
      if (view.disposed) return;
      view.renderUpTo(Math.min(view.rendered + chunk, article.blocks.length));
      more.textContent = `Rendering paragraphs… ${view.rendered} of ${article.blocks.length}`;
      if (view.rendered < article.blocks.length) setTimeout(step, 0);
      else more.remove();
    };
    setTimeout(step, 0);
  }
  return view;
}

const KIND_TAG = { heading: "h4", quote: "blockquote", preformatted: "pre" };

/** The rendered article: paragraphs by index, and span highlighting. */
export class ArticleView {
  constructor(article, body, idPrefix) {
    this.article = article;
    this.body = body;
    this.idPrefix = idPrefix;
    this.els = [];
    this.rendered = 0;
    this.marked = new Set();
    this.disposed = false;
    // Block start offsets in article.text, for binary search.
    this.starts = article.blocks.map((b) => b.textSpan.start);
  }

  dispose() {
    this.disposed = true;
  }

  paraId(i) {
    return `${this.idPrefix}-p-${i + 1}`;
  }

  renderUpTo(n) {
    const frag = document.createDocumentFragment();
    for (let i = this.rendered; i < n; i++) {
      const b = this.article.blocks[i];
      const tag = KIND_TAG[b.kind] ?? "p";
      const el = h(tag, {
        id: this.paraId(i),
        class: `nc-block nc-kind-${b.kind}${b.restored ? " nc-restored" : ""}`,
        "data-para": paraLabel(i),
        tabindex: "-1",
      });
      el.textContent = this.blockText(i);
      this.els[i] = el;
      frag.append(el);
    }
    this.rendered = Math.max(this.rendered, n);
    this.body.append(frag);
  }

  blockText(i) {
    const b = this.article.blocks[i];
    return this.article.text.slice(b.textSpan.start, b.textSpan.end);
  }

  /** Index of the block whose text span contains offset `pos` (or the last one starting before). */
  blockAt(pos) {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Removes every highlight. */
  clear() {
    for (const i of this.marked) {
      const el = this.els[i];
      if (el) el.textContent = this.blockText(i);
    }
    this.marked.clear();
  }

  /**
   * Highlights the given spans of article.text (UTF-16 offsets), each `{start, end, cls?}`.
   * Returns the first <mark> made (or null).
   */
  highlight(spans) {
    this.clear();
    const byBlock = new Map();
    for (const s of spans) {
      if (!s || !(s.end > s.start)) continue;
      let i = Math.max(0, this.blockAt(s.start));
      for (; i < this.article.blocks.length; i++) {
        const ts = this.article.blocks[i].textSpan;
        if (ts.start >= s.end) break;
        const a = Math.max(s.start, ts.start) - ts.start;
        const b = Math.min(s.end, ts.end) - ts.start;
        if (b > a) {
          if (!byBlock.has(i)) byBlock.set(i, []);
          byBlock.get(i).push({ a, b, cls: s.cls ?? "" });
        }
      }
    }
    let first = null;
    for (const [i, ranges] of [...byBlock.entries()].sort((x, y) => x[0] - y[0])) {
      const el = this.els[i];
      if (!el) continue; // not rendered yet
      const text = this.blockText(i);
      ranges.sort((x, y) => x.a - y.a || y.b - x.b);
      const parts = [];
      let pos = 0;
      for (const r of ranges) {
        const a = Math.max(r.a, pos);
        if (r.b <= a) continue; // nested in the previous one
        if (a > pos) parts.push(document.createTextNode(text.slice(pos, a)));
        const m = h("mark", { class: `nc-hl ${r.cls}`.trim() }, text.slice(a, r.b));
        first ??= m;
        parts.push(m);
        pos = r.b;
      }
      if (pos < text.length) parts.push(document.createTextNode(text.slice(pos)));
      el.replaceChildren(...parts);
      this.marked.add(i);
    }
    return first;
  }

  /** Highlights a whole paragraph and moves focus to it (for "duplicate of ¶N" links). */
  showParagraph(i) {
    const el = this.els[i];
    if (!el) return false;
    const ts = this.article.blocks[i].textSpan;
    const m = this.highlight([{ start: ts.start, end: ts.end, cls: "nc-hl-para" }]);
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.focus({ preventScroll: true });
    return Boolean(m);
  }
}

// ---------------------------------------------------------------------------------------------
// Removed blocks

/**
 * Renders the removed blocks, collapsed, each with its reason and rule; duplicates link to the
 * paragraph they repeat. `onParagraph(i)` is called when such a link is followed.
 */
export function renderRemoved(root, article, { onParagraph, onRestore, page = 300, idPrefix = "nc" } = {}) {
  root.replaceChildren();
  const removed = article.removed ?? [];
  const counts = new Map();
  for (const r of removed) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  if (!removed.length) {
    root.append(h("p", { class: "nc-empty" }, "Nothing was removed."));
    return;
  }
  const summary = h("ul", { class: "nc-reasons", "aria-label": "Removed blocks by reason" });
  for (const [reason, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
    summary.append(h("li", { class: `nc-reason nc-reason-${reason}` }, `${reasonLabel(reason)} `, h("b", {}, String(n))));
  }
  root.append(summary);
  const list = h("ol", { class: "nc-removed-list" });
  root.append(list);
  let shown = 0;
  const more = h("button", { type: "button", class: "nc-show-more" });
  const showMore = () => {
    const end = Math.min(shown + page, removed.length);
    const frag = document.createDocumentFragment();
    for (let k = shown; k < end; k++) frag.append(removedItem(removed[k], k, { onParagraph, onRestore, idPrefix }));
    list.append(frag);
    shown = end;
    if (shown < removed.length) more.textContent = `Show ${Math.min(page, removed.length - shown)} more (${removed.length - shown} left)`;
    else more.remove();
  };
  more.addEventListener("click", showMore);
  showMore();
  if (shown < removed.length) root.append(more);
}

function removedItem(r, k, { onParagraph, onRestore, idPrefix }) {
  const details = h("details", { class: `nc-removed nc-reason-${r.reason}` });
  const sum = h(
    "summary",
    {},
    h("span", { class: `nc-badge nc-reason-${r.reason}` }, reasonLabel(r.reason)),
    " ",
    h("span", { class: "nc-preview" }, preview(r.text)),
  );
  if (r.restored) sum.append(" ", h("span", { class: "nc-restored-note" }, "(put back)"));
  details.append(sum);
  details.append(h("p", { class: "nc-removed-text" }, r.text));
  // "Not the article?": a removed block can be put back in the article (and taken out again).
  if (onRestore && r.reason !== "repeatedSentence") {
    const b = h("button", { type: "button", class: "nc-restore" }, r.restored ? "Take out again" : "Put back in the article");
    b.addEventListener("click", () => onRestore(k, !r.restored));
    details.append(h("p", {}, b));
  }
  const why = h("p", { class: "nc-rule" }, "Why: ", r.rule || reasonLabel(r.reason));
  if (r.kept) why.append(" (kept in the text: report-only mode)");
  details.append(why);
  if (Number.isInteger(r.duplicateOf)) {
    const i = r.duplicateOf;
    const link = h("a", { href: `#${idPrefix}-p-${i + 1}`, class: "nc-dup-link" }, `duplicate of ${paraLabel(i)}`);
    link.addEventListener("click", (ev) => {
      if (onParagraph) {
        ev.preventDefault();
        onParagraph(i);
      }
    });
    // Also in the summary, so it is visible while collapsed.
    sum.append(" ", h("span", { class: "nc-dup-note" }, `(duplicate of ${paraLabel(i)})`));
    details.append(h("p", {}, link));
  }
  return h("li", { "data-index": String(k) }, details);
}

// ---------------------------------------------------------------------------------------------
// Facts

/**
 * Renders the facts grouped by kind. Each fact is a button: hovering or focusing it highlights
 * its spans in the article (`view`); clicking pins the highlight and scrolls to it.
 * `announce(msg)` is told what was highlighted (for a live region).
 */
export function renderFacts(root, article, view, { announce = () => {}, perGroup = 100 } = {}) {
  root.replaceChildren();
  const f = article.facts ?? {};
  let pinned = null;
  const pinnedOn = new WeakMap();
  let total = 0;

  const factButton = (label, spans, desc, extra) => {
    const btn = h("button", { type: "button", class: "nc-fact", "aria-pressed": "false" }, label);
    if (extra) btn.append(extra);
    const on = () => {
      const m = view.highlight(spans);
      return m;
    };
    const off = () => {
      if (pinned) pinnedOn.get(pinned)?.();
      else view.clear();
    };
    pinnedOn.set(btn, on);
    btn.addEventListener("mouseenter", on);
    btn.addEventListener("focus", on);
    btn.addEventListener("mouseleave", off);
    btn.addEventListener("blur", off);
    btn.addEventListener("click", () => {
      if (pinned === btn) {
        pinned = null;
        btn.setAttribute("aria-pressed", "false");
        view.clear();
        announce("Highlight removed.");
        return;
      }
      pinned?.setAttribute("aria-pressed", "false");
      pinned = btn;
      btn.setAttribute("aria-pressed", "true");
      const m = on();
      if (m) m.scrollIntoView({ block: "center", behavior: "smooth" });
      announce(`Highlighted in the article: ${desc}.`);
    });
    total++;
    return h("li", {}, btn);
  };

  // Items are built lazily: a huge page can have thousands of facts of one kind.
  const section = (cls, title, data, make) => {
    if (!data.length) return;
    const id = `nc-facts-${cls}`;
    const list = h("ul", { class: "nc-fact-list" });
    const sec = h(
      "section",
      { class: `nc-facts-group nc-facts-${cls}`, "aria-labelledby": id },
      h("h3", { id }, title, " ", h("span", { class: "nc-count" }, `(${data.length})`)),
      list,
    );
    let shown = 0;
    const more = h("button", { type: "button", class: "nc-show-more" });
    const showMore = () => {
      const end = Math.min(shown + perGroup, data.length);
      list.append(...data.slice(shown, end).map(make));
      shown = end;
      if (shown < data.length) more.textContent = `Show ${Math.min(perGroup, data.length - shown)} more (${data.length - shown} left)`;
      else more.remove();
    };
    more.addEventListener("click", showMore);
    showMore();
    if (shown < data.length) sec.append(more);
    root.append(sec);
  };

  const sp = (x, cls) => (x?.span ? { start: x.span.start, end: x.span.end, cls } : null);

  section(
    "key",
    "Key sentences",
    [...(f.keySentences ?? [])].sort((a, b) => a.rank - b.rank),
    (k) => factButton(preview(k.text, 160), [sp(k, "nc-hl-key")], `key sentence ${k.rank}`, h("span", { class: "nc-sub" }, ` #${k.rank}`)),
  );

  section(
    "quotes",
    "Quotes",
    f.quotes ?? [],
    (q) => {
      const who = q.speaker ? q.speaker.name || q.speaker.text : "unknown speaker";
      const extra = h("span", { class: "nc-sub" });
      extra.append(" ", h("span", { class: "nc-speaker" }, `— ${who}`));
      if (q.speaker?.name && q.speaker.name !== q.speaker.text) extra.append(` (“${q.speaker.text}”)`);
      if (q.cue) extra.append(` · ${q.cue.text}`);
      if (q.channel) extra.append(` · ${q.channel.text}`);
      extra.append(q.direct ? " · direct" : " · reported");
      // Direct speech in quotation marks; reported speech as it stands.
      return factButton(q.direct ? `“${preview(q.text, 200)}”` : preview(q.text, 200), [sp(q, "nc-hl-quote"), sp(q.speaker, "nc-hl-speaker"), sp(q.cue, "nc-hl-cue")], `quote by ${who}`, extra);
    },
  );

  for (const [kind, title] of ENTITY_KINDS) {
    const ents = (f.entities ?? []).filter((e) => e.kind === kind);
    section(
      `entity-${kind}`,
      title,
      ents,
      (e) => {
        const spans = (e.mentions?.length ? e.mentions : [e]).map((m) => sp(m, `nc-hl-${kind}`));
        const n = e.count ?? e.mentions?.length ?? 1;
        return factButton(e.text, spans, `${n} mention${n === 1 ? "" : "s"} of ${e.text}`, h("span", { class: "nc-sub" }, ` ×${n}`));
      },
    );
  }

  section(
    "times",
    "Times and dates",
    f.times ?? [],
    (t) => {
      const extra = h("span", { class: "nc-sub" }, " → ", h("span", { class: "nc-value" }, t.value ?? "unresolved"), ` (${t.kind}${t.modifier ? `, ${t.modifier}` : ""})`);
      return factButton(t.text, [sp(t, "nc-hl-time")], `${t.text}, ${t.value ?? "unresolved"}`, extra);
    },
  );

  // Which date "Thursday" and "last week" were resolved against, and where it came from.
  const times = root.querySelector(".nc-facts-times");
  if (times && "referenceDateSource" in f) times.insertBefore(referenceNote(f), times.querySelector(".nc-fact-list"));

  section(
    "quantities",
    "Quantities",
    f.quantities ?? [],
    (q) => {
      const extra = h("span", { class: "nc-sub" });
      const value = q.value ?? (q.low !== undefined && q.high !== undefined ? `${q.low}–${q.high}` : null);
      if (value !== null && value !== undefined) extra.append(" = ", h("span", { class: "nc-value" }, `${q.approximate ? "≈" : ""}${value}${q.unit ? ` ${q.unit}` : ""}`));
      if (q.counted) extra.append(` · counts: ${q.counted.text}`);
      return factButton(q.text, [sp(q, "nc-hl-quantity"), sp(q.counted, "nc-hl-counted")], `${q.text}${q.counted ? ` ${q.counted.text}` : ""}`, extra);
    },
  );

  if (!total) {
    root.append(h("p", { class: "nc-empty" }, article.text ? "No facts were found in this article." : "No facts: no article text."));
  }
  return total;
}

const REFERENCE_SOURCES = {
  option: "the date you gave",
  published: "the page's publication date",
  dateline: "the date shown at the top of the article",
};

/** The line under "Times and dates" that says what relative dates were resolved against. */
export function referenceNote(facts) {
  const source = REFERENCE_SOURCES[facts.referenceDateSource];
  return h(
    "p",
    { class: "nc-reference-date" },
    facts.referenceDate && source
      ? `Relative dates resolved against ${facts.referenceDate} (${source}).`
      : "No date for the article was found: relative dates such as “Thursday” are left unresolved.",
  );
}

/** A short summary of the stats for a status line. */
export function statsLine(article) {
  const s = article.stats ?? {};
  const removed = (article.removed ?? []).length;
  return `${formatBytes(s.inputBytes)} in → ${formatBytes(s.outputBytes)} of article text · ${s.blocksKept ?? article.blocks.length} of ${s.blocksTotal ?? "?"} blocks kept · ${removed} removed`;
}

/** True when the report should be shown behind a "not an article" notice. */
export function looksLikeNoArticle(article) {
  return article.isArticle === false || !String(article.text ?? "").trim();
}

/** The notice for a page that is not an article; `onShowAnyway` reveals the rest. */
export function renderNotArticle(root, article, onShowAnyway) {
  const why = article.notArticleReason || (article.text ? "the page does not look like a news article" : "no article text was found on this page");
  const btn = h("button", { type: "button", class: "nc-show-anyway" }, "Show what was found anyway");
  btn.addEventListener("click", onShowAnyway);
  root.replaceChildren(
    h(
      "div",
      { class: "nc-not-article", role: "alert" },
      h("p", { class: "nc-not-article-title" }, "Not an article"),
      h("p", {}, `newsclean thinks ${why}.`),
      h("p", {}, `${(article.removed ?? []).length} blocks were set aside as boilerplate; ${article.blocks?.length ?? 0} kept.`),
      btn,
    ),
  );
}

// The side panel (Chromium) or sidebar (Firefox): asks the background for the tab's current DOM,
// cleans it with the WebAssembly module in a Web Worker (so neither the tab nor this panel
// blocks), and shows the article first — headline, byline, date, site, reading time — then its
// facts, "Not the article?" and the removed blocks. Reading comforts: theme, text size and line
// width (kept in the extension's storage), copy, Markdown, print, read aloud. Page-derived text
// is only ever rendered as text (render.js).

import { CleanerClient } from "./common/client.js";
import { api, store } from "./common/platform.js";
import {
  ReadAloud,
  FONT_SIZES,
  alternativePreview,
  applyPrefs,
  articleMarkdown,
  articlePlainText,
  cleanPrefs,
  compose,
  copyText,
  download,
  fileName,
  onSystemThemeChange,
} from "./common/reader.js";
import {
  formatBytes,
  formatMs,
  h,
  looksLikeNoArticle,
  reasonLabel,
  renderArticle,
  renderFacts,
  renderNotArticle,
  renderRemoved,
  statsLine,
} from "./common/render.js";

const $ = (id) => document.getElementById(id);
const el = {
  mode: $("mode"),
  refresh: $("refresh"),
  readAloud: $("read-aloud"),
  copy: $("copy"),
  saveMd: $("save-md"),
  print: $("print"),
  display: $("display"),
  smaller: $("smaller"),
  larger: $("larger"),
  sizeValue: $("size-value"),
  page: $("page"),
  status: $("status"),
  error: $("error"),
  notice: $("notice"),
  report: $("report"),
  switched: $("switched"),
  switchedText: $("switched-text"),
  back: $("back"),
  facts: $("facts"),
  factsCount: $("facts-count"),
  article: $("article"),
  alternatives: $("alternatives"),
  removed: $("removed"),
  removedCount: $("removed-count"),
  removedDetails: $("removed-details"),
  stats: $("stats"),
  announce: $("announce"),
};

const PREFS_KEY = "prefs";

const client = new CleanerClient({ workerUrl: api.runtime.getURL("common/worker.js") });

const state = {
  tabId: null,
  view: null,
  run: 0,
  article: null, // the report newsclean made
  shown: null, // what is shown: the report, with blocks put back, or an alternative
  restore: new Set(), // indices into article.removed put back by the reader
  alternative: null, // index into article.alternatives shown instead of the article
  prefs: cleanPrefs(null),
  done: false,
};
// For the end-to-end tests: read-only view of the state.
globalThis.newscleanPanel = state;

function setStatus(text, busy = false) {
  el.status.textContent = text;
  el.status.classList.toggle("busy", busy);
}

function announce(text) {
  el.announce.textContent = "";
  setTimeout(() => (el.announce.textContent = text), 30);
}

function showError(title, detail) {
  el.error.replaceChildren(h("p", {}, h("strong", {}, title)), detail ? h("p", {}, detail) : "");
  el.error.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Display preferences: theme, text size, line width (extension storage)

function showPrefs() {
  applyPrefs(state.prefs);
  for (const r of document.querySelectorAll('input[name="theme"]')) r.checked = r.value === state.prefs.theme;
  for (const r of document.querySelectorAll('input[name="width"]')) r.checked = r.value === state.prefs.width;
  el.sizeValue.textContent = `${state.prefs.fontSize}%`;
  const i = FONT_SIZES.indexOf(state.prefs.fontSize);
  el.smaller.disabled = i <= 0;
  el.larger.disabled = i >= FONT_SIZES.length - 1;
}

async function setPrefs(change) {
  state.prefs = cleanPrefs({ ...state.prefs, ...change });
  showPrefs();
  await store.set(PREFS_KEY, state.prefs);
}

for (const r of document.querySelectorAll('input[name="theme"]')) {
  r.addEventListener("change", () => r.checked && setPrefs({ theme: r.value }));
}
for (const r of document.querySelectorAll('input[name="width"]')) {
  r.addEventListener("change", () => r.checked && setPrefs({ width: r.value }));
}
const stepSize = (d) => {
  const i = FONT_SIZES.indexOf(state.prefs.fontSize);
  const next = FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, i + d))];
  setPrefs({ fontSize: next });
  announce(`Text size ${next}%.`);
};
el.smaller.addEventListener("click", () => stepSize(-1));
el.larger.addEventListener("click", () => stepSize(1));
onSystemThemeChange(() => applyPrefs(state.prefs));
el.display.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape" && el.display.open) {
    el.display.open = false;
    el.display.querySelector("summary").focus();
  }
});

// ---------------------------------------------------------------------------------------------
// Reading the page and cleaning it

async function targetTab() {
  const q = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(q) && q > 0) return q;
  // Firefox's sidebar (or a panel opened without ?tab=): the active tab of this window.
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const primaryLang = (lang) => {
  const p = String(lang ?? "").split(/[-_]/)[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(p) ? p : undefined;
};

const isHtmlUnsupported = (e) => e?.code === "INVALID_OPTIONS" && /html/i.test(e.message ?? "");

async function getPage(mode, fresh) {
  const page = await api.runtime.sendMessage({ type: "newsclean:get", tabId: state.tabId, mode, fresh });
  if (!page) throw Object.assign(new Error("The extension's background did not answer."), { code: "NO_PAGE" });
  if (page.error) throw Object.assign(new Error(page.error), { code: "NO_ACCESS" });
  if (page.tooLarge) throw Object.assign(new Error(`The page is too large to clean here (${formatBytes(page.chars * 2)} of ${mode}).`), { code: "INPUT_TOO_LARGE" });
  return page;
}

async function cleanPage(fresh = false) {
  const run = ++state.run;
  state.done = false;
  el.error.hidden = true;
  const wanted = el.mode.value;
  try {
    setStatus("Reading the page…", true);
    let mode = wanted === "text" ? "text" : "html";
    let page = await getPage(mode, fresh);
    if (run !== state.run) return;
    el.page.textContent = page.title ? `${page.title} — ${page.url}` : page.url;
    let result;
    for (;;) {
      setStatus(`Cleaning ${formatBytes(page.chars)} of ${mode === "html" ? "HTML" : "text"}…`, true);
      const options = { format: mode, url: page.url };
      if (mode === "text" && primaryLang(page.lang)) options.language = primaryLang(page.lang);
      try {
        result = await client.clean(page.content, options);
        break;
      } catch (e) {
        if (mode === "html" && wanted === "auto" && isHtmlUnsupported(e)) {
          // This build reads text only: read the page's rendered text instead.
          mode = "text";
          page = await getPage("text", fresh);
          if (run !== state.run) return;
          continue;
        }
        throw e;
      }
    }
    if (run !== state.run) return;
    show(result.article, result.ms, mode);
  } catch (e) {
    if (run !== state.run || e.code === "CANCELLED") return;
    setStatus("Could not clean this page.");
    if (e.code === "NO_ACCESS") {
      showError("newsclean cannot read this page.", `${e.message} Browser pages (chrome://, about:, the add-on stores, the PDF viewer) cannot be read by extensions; on other pages, click the newsclean button again to let it read this tab.`);
    } else {
      showError("Could not clean this page.", `${e.code ? `${e.code}: ` : ""}${e.message}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Showing the report

function show(article, ms, mode) {
  reader.stop({ quiet: true });
  state.article = article;
  state.restore = new Set();
  state.alternative = null;
  const info = client.info;
  el.stats.textContent = `Cleaned in ${formatMs(ms)} from the page's ${mode === "html" ? "HTML" : "visible text"} · ${statsLine(article)}${info ? ` · module ${formatBytes(info.wasmBytes)}` : ""}. Nothing left your browser.`;
  if (looksLikeNoArticle(article)) {
    el.report.hidden = true;
    setTools(false);
    renderNotArticle(el.notice, article, () => {
      el.notice.replaceChildren();
      render();
      el.removedDetails.open = true;
      $("wrong-details").open = true;
    });
    setStatus("This page does not look like an article.");
  } else {
    el.notice.replaceChildren();
    render();
    setStatus(`${article.blocks.length} paragraphs kept, ${article.removed.length} blocks removed.`);
  }
  state.done = true;
}

function setTools(on) {
  for (const b of [el.readAloud, el.copy, el.saveMd, el.print]) b.disabled = !on;
}

/** Renders what is shown now: the report, with blocks put back, or an alternative. */
function render() {
  const a = state.article;
  const alt = state.alternative != null ? a.alternatives?.[state.alternative] : null;
  const shown = alt ? compose(a, { keep: false, restore: alt.removed }) : state.restore.size ? compose(a, { restore: [...state.restore] }) : a;
  if (alt) {
    // Another part of the page: its headline and metadata are the page's.
    shown.title = a.title;
  }
  state.shown = shown;
  state.view?.dispose();
  el.report.hidden = false;
  setTools(shown.blocks.length > 0);
  const view = renderArticle(el.article, shown, { idPrefix: "nc", titleTag: "h2", details: false });
  state.view = view;
  const nFacts = renderFacts(el.facts, shown, view, { announce });
  el.factsCount.textContent = `(${nFacts})`;
  el.removedCount.textContent = `(${a.removed.length})`;
  // (While another part of the page is shown, the removed list is the report's own.)
  renderRemoved(el.removed, alt ? a : shown, {
    idPrefix: "nc",
    onParagraph: (i) => {
      view.showParagraph(i);
      announce(`Showing paragraph ${i + 1}, the kept copy.`);
    },
    onRestore: alt ? undefined : restoreBlock,
  });
  renderAlternatives(a);
  el.switched.hidden = !alt;
  if (alt) {
    el.switchedText.textContent = `Showing another part of the page instead of the article newsclean chose: ${alt.paragraphs} paragraphs, ${alt.words} words, removed as “${reasonLabel(alt.reason)}”.`;
  }
}

function renderAlternatives(a) {
  const alts = a.alternatives ?? [];
  if (!alts.length) {
    el.alternatives.replaceChildren(h("p", { class: "nc-empty" }, "newsclean found no other part of this page that reads like an article."));
    return;
  }
  const list = h("ul", { class: "nc-alternatives" });
  alts.forEach((alt, k) => {
    const current = state.alternative === k;
    const b = h(
      "button",
      { type: "button", class: "nc-alternative", "aria-pressed": current ? "true" : "false" },
      h("span", { class: "nc-alt-what" }, current ? "Shown now: " : "Show instead: "),
      `“${alternativePreview(a, k)}”`,
      h("span", { class: "nc-sub" }, ` — ${alt.paragraphs} paragraphs, ${alt.words} words, removed as ${reasonLabel(alt.reason).toLowerCase()}`),
    );
    b.addEventListener("click", () => showAlternative(current ? null : k));
    list.append(h("li", {}, b));
  });
  el.alternatives.replaceChildren(
    h("p", { class: "hint" }, alts.length === 1 ? "Another part of the page reads like an article:" : `${alts.length} other parts of the page read like an article, the longest first:`),
    list,
  );
}

function showAlternative(k) {
  reader.stop({ quiet: true });
  state.alternative = k;
  state.restore = new Set();
  render();
  if (k != null) factsOfAlternative(k);
  if (k == null) {
    announce("Back to the article newsclean chose.");
  } else {
    announce(`Showing another part of the page: ${state.shown.blocks.length} paragraphs.`);
  }
  el.article.scrollIntoView({ block: "start" });
  (el.article.querySelector(".nc-title") ?? el.article.querySelector(".nc-block"))?.setAttribute("tabindex", "-1");
  (el.article.querySelector(".nc-title") ?? el.article.querySelector(".nc-block"))?.focus({ preventScroll: true });
}

/**
 * The facts of another part of the page: its text cleaned again (as text, nothing removed), and
 * its facts shown when that clean gives the same text (so the spans match what is shown).
 */
async function factsOfAlternative(k) {
  const shown = state.shown;
  const run = state.run;
  el.factsCount.textContent = "(…)";
  try {
    const options = { format: "text", keepBoilerplate: true };
    if (state.article.language) options.language = state.article.language;
    const { article } = await client.clean(shown.text, options);
    if (run !== state.run || state.alternative !== k || state.shown !== shown) return;
    if (article.text !== shown.text) {
      el.factsCount.textContent = "(0)";
      return;
    }
    shown.facts = article.facts;
    el.factsCount.textContent = `(${renderFacts(el.facts, shown, state.view, { announce })})`;
  } catch {
    if (state.shown === shown) el.factsCount.textContent = "(0)";
  }
}

function restoreBlock(k, on) {
  reader.stop({ quiet: true });
  if (on) state.restore.add(k);
  else state.restore.delete(k);
  render();
  // Keep the reader where they were: the same removed block, open, its button focused.
  const item = el.removed.querySelector(`li[data-index="${k}"]`);
  const details = item?.querySelector("details");
  if (details) details.open = true;
  item?.querySelector(".nc-restore")?.focus();
  const i = state.shown.blocks.findIndex((b) => b.removedIndex === k);
  if (on && i >= 0) {
    state.view.els[i]?.scrollIntoView({ block: "nearest" });
    announce(`Put back as paragraph ${i + 1}.`);
  } else {
    announce("Taken out of the article again.");
  }
}

el.back.addEventListener("click", () => showAlternative(null));

// ---------------------------------------------------------------------------------------------
// Copy, Markdown, print, read aloud

el.copy.addEventListener("click", async () => {
  const text = articlePlainText(state.shown);
  const ok = await copyText(text);
  setStatus(ok ? `Copied the article (${state.shown.blocks.length} paragraphs) to the clipboard.` : "The browser did not allow copying.");
});

el.saveMd.addEventListener("click", () => {
  const name = fileName(state.shown, "md");
  download(articleMarkdown(state.shown), name, "text/markdown;charset=utf-8");
  setStatus(`Saved ${name}.`);
});

el.print.addEventListener("click", () => {
  reader.stop();
  window.print();
});

const reader = new ReadAloud({
  paragraphs: () => (state.view ? state.shown.blocks.map((b, i) => ({ el: state.view.els[i], text: state.view.blockText(i) })) : []),
  lang: () => state.shown?.language,
  onChange: ({ speaking, index, error, quiet }) => {
    el.readAloud.setAttribute("aria-pressed", speaking ? "true" : "false");
    el.readAloud.textContent = speaking ? "Stop reading" : "Read aloud";
    if (error) setStatus(error);
    else if (speaking) setStatus(`Reading paragraph ${index + 1} of ${state.shown.blocks.length} aloud…`);
    else if (!quiet && /^Reading paragraph/.test(el.status.textContent)) setStatus("Stopped reading.");
  },
});
el.readAloud.addEventListener("click", () => (reader.speaking ? reader.stop() : reader.start(0)));
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape" && reader.speaking) reader.stop();
});

// ---------------------------------------------------------------------------------------------
// Start

el.refresh.addEventListener("click", () => cleanPage(true));
el.mode.addEventListener("change", () => cleanPage(false));
api.runtime.onMessage.addListener((msg) => {
  if (msg?.type === "newsclean:refreshed" && msg.tabId === state.tabId) cleanPage(false);
});

state.prefs = cleanPrefs(await store.get(PREFS_KEY, null));
showPrefs();
state.tabId = await targetTab();
if (state.tabId == null) {
  setStatus("No tab to read.");
} else {
  try {
    await client.ready;
  } catch (e) {
    setStatus("The WebAssembly module could not be loaded.");
    showError("The WebAssembly module could not be loaded.", `${e.message} (Was the extension built with scripts/build-wasm.sh, which puts it in pkg/?)`);
  }
  if (client.info) cleanPage(false);
}

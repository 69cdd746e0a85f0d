// The side panel: asks the background for the tab's current DOM, cleans it with the WebAssembly
// module in a Web Worker (so neither the tab nor this panel blocks), and shows the article, its
// facts and the removed blocks. Page-derived text is only ever rendered as text (render.js).

import { CleanerClient } from "./common/client.js";
import {
  formatBytes,
  formatMs,
  h,
  looksLikeNoArticle,
  renderArticle,
  renderFacts,
  renderNotArticle,
  renderRemoved,
  statsLine,
} from "./common/render.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const el = {
  mode: $("mode"),
  refresh: $("refresh"),
  page: $("page"),
  status: $("status"),
  error: $("error"),
  notice: $("notice"),
  report: $("report"),
  facts: $("facts"),
  article: $("article"),
  removed: $("removed"),
  removedCount: $("removed-count"),
  stats: $("stats"),
  announce: $("announce"),
};

const client = new CleanerClient({ workerUrl: api.runtime.getURL("common/worker.js") });

const state = { tabId: null, view: null, run: 0, article: null, done: false };
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
      showError("newsclean cannot read this page.", `${e.message} Browser pages (chrome://, the web store, PDF viewer) cannot be read by extensions; on other pages, click the newsclean button again to grant access to this tab.`);
    } else {
      showError("Could not clean this page.", `${e.code ? `${e.code}: ` : ""}${e.message}`);
    }
  }
}

function show(article, ms, mode) {
  state.article = article;
  state.view?.dispose();
  el.removedCount.textContent = `(${article.removed.length})`;
  const info = client.info;
  el.stats.textContent = `Cleaned in ${formatMs(ms)} from the page's ${mode === "html" ? "HTML" : "visible text"} · ${statsLine(article)}${info ? ` · module ${formatBytes(info.wasmBytes)}` : ""}. Nothing left your browser.`;

  const renderAll = () => {
    el.report.hidden = false;
    const view = renderArticle(el.article, article, { idPrefix: "nc" });
    state.view = view;
    renderFacts(el.facts, article, view, { announce });
    renderRemoved(el.removed, article, {
      idPrefix: "nc",
      onParagraph: (i) => {
        view.showParagraph(i);
        announce(`Showing paragraph ${i + 1}, the kept copy.`);
      },
    });
  };
  if (looksLikeNoArticle(article)) {
    el.report.hidden = true;
    renderNotArticle(el.notice, article, () => {
      el.notice.replaceChildren();
      renderAll();
      $("removed-details").open = true;
    });
    setStatus("This page does not look like an article.");
  } else {
    el.notice.replaceChildren();
    renderAll();
    setStatus(`${article.blocks.length} paragraphs kept, ${article.removed.length} blocks removed.`);
  }
  state.done = true;
}

el.refresh.addEventListener("click", () => cleanPage(true));
el.mode.addEventListener("change", () => cleanPage(false));
api.runtime.onMessage.addListener((msg) => {
  if (msg?.type === "newsclean:refreshed" && msg.tabId === state.tabId) cleanPage(false);
});

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

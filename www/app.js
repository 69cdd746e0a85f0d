// The newsclean demo page. The WebAssembly module runs in a Web Worker (extension/common/worker.js),
// so cleaning a multi-megabyte page never blocks this page; rendering of long results is chunked.
// Everything that comes from the input is rendered as text (see extension/common/render.js).

import { CleanerClient } from "./extension/common/client.js";
import {
  ReadAloud,
  applyPrefs,
  articleMarkdown,
  articlePlainText,
  cleanPrefs,
  copyText,
  download,
  fileName,
  onSystemThemeChange,
} from "./extension/common/reader.js";
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
} from "./extension/common/render.js";

const $ = (id) => document.getElementById(id);
const el = {
  sample: $("sample"),
  paste: $("paste"),
  drop: $("drop"),
  file: $("file"),
  fileInfo: $("file-info"),
  clearFile: $("clear-file"),
  format: $("opt-format"),
  date: $("opt-date"),
  k: $("opt-k"),
  facts: $("opt-facts"),
  keep: $("opt-keep"),
  clean: $("clean"),
  cancel: $("cancel"),
  status: $("status"),
  error: $("error"),
  results: $("results"),
  stats: $("stats"),
  notice: $("notice"),
  columns: $("columns"),
  article: $("article"),
  removed: $("removed"),
  removedCount: $("removed-count"),
  facts_: $("facts"),
  theme: $("theme"),
  readAloud: $("read-aloud"),
  copyArticle: $("copy-article"),
  saveMd: $("save-md"),
  print: $("print"),
  copy: $("copy-json"),
  download: $("download-json"),
  announce: $("announce"),
  moduleInfo: $("module-info"),
};

/** Files above this size are kept out of the textarea (a 5 MB textarea is slow to edit). */
const TEXTAREA_MAX = 1 << 20;

const state = {
  file: null, // { name, text } when a large file is loaded
  sample: null, // { id, format } of the loaded sample, while the textarea holds it unchanged
  // Who set the input format: "user" (the Options menu), "sample" or "file" (set to match what
  // was loaded), or null (auto). Typed or pasted input is sniffed unless the user chose.
  formatBy: null,
  last: null, // { article, name }
  view: null,
  info: null,
};

const client = new CleanerClient({ workerUrl: new URL("./worker.js", import.meta.url) });

// Exposed for the end-to-end tests and curious visitors (read-only use).
window.newscleanDemo = { client, state };

function setStatus(text, { busy = false } = {}) {
  el.status.textContent = text;
  el.status.classList.toggle("busy", busy);
}

function announce(text) {
  el.announce.textContent = "";
  // A fresh text node so screen readers announce repeats too.
  setTimeout(() => (el.announce.textContent = text), 30);
}

function showError(e, { sampleText } = {}) {
  el.error.replaceChildren();
  const htmlMissing = e?.code === "INVALID_OPTIONS" && /html/i.test(e.message ?? "");
  el.error.append(
    h("p", {}, h("strong", {}, htmlMissing ? "This build of newsclean cannot read HTML yet." : "newsclean could not clean this input.")),
    h("p", {}, e?.code ? h("code", {}, e.code) : null, e?.code ? ": " : "", e?.message ?? String(e)),
  );
  if (htmlMissing) {
    if (sampleText) {
      const b = h("button", { type: "button", class: "button secondary" }, "Clean the sample's text version instead");
      b.addEventListener("click", sampleText);
      el.error.append(b);
    } else {
      el.error.append(h("p", {}, "Paste the page's text instead (open the page, select all, copy), or set the input format to “text”."));
    }
  }
  el.error.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Samples

async function loadSamples() {
  try {
    const res = await fetch(new URL("./samples/index.json", import.meta.url));
    const { samples } = await res.json();
    for (const s of samples) {
      el.sample.append(h("option", { value: s.id, "data-date": s.referenceDate ?? "" }, s.title));
    }
  } catch (e) {
    el.sample.append(h("option", { disabled: true }, `(samples unavailable: ${e.message})`));
  }
}

const sampleFormat = () => document.querySelector('input[name="sample-format"]:checked')?.value ?? "html";

async function loadSample(id, format = sampleFormat()) {
  if (!id) return;
  const opt = [...el.sample.options].find((o) => o.value === id);
  const res = await fetch(new URL(`./samples/${encodeURIComponent(id)}.${format}`, import.meta.url));
  if (!res.ok) {
    showError(new Error(`cannot load sample ${id}.${format}: HTTP ${res.status}`));
    return;
  }
  clearFile();
  el.sample.value = id;
  el.paste.value = await res.text();
  el.format.value = format === "html" ? "html" : "text";
  state.formatBy = "sample";
  el.date.value = opt?.dataset.date ?? "";
  state.sample = { id, format };
  await run();
}

// ---------------------------------------------------------------------------------------------
// Files

function clearFile() {
  state.file = null;
  el.fileInfo.hidden = true;
  el.clearFile.hidden = true;
  el.paste.disabled = false;
}

async function loadFile(file) {
  if (!file) return;
  const text = await file.text();
  const isHtml = /\.x?html?$/i.test(file.name) || file.type === "text/html";
  state.sample = null;
  el.sample.value = "";
  el.format.value = isHtml ? "html" : /\.txt$/i.test(file.name) ? "text" : "auto";
  state.formatBy = el.format.value === "auto" ? null : "file";
  if (text.length <= TEXTAREA_MAX) {
    clearFile();
    el.paste.value = text;
  } else {
    state.file = { name: file.name, text };
    el.paste.value = "";
    el.paste.disabled = true;
    el.fileInfo.textContent = `${file.name} — ${formatBytes(file.size)} loaded (too large to show in the editor)`;
    el.fileInfo.hidden = false;
    el.clearFile.hidden = false;
  }
  announce(`Loaded ${file.name}, ${formatBytes(file.size)}.`);
  await run();
}

// ---------------------------------------------------------------------------------------------
// Cleaning

function currentInput() {
  return state.file ? state.file.text : el.paste.value;
}

function buildOptions() {
  const o = { format: el.format.value, facts: el.facts.checked };
  if (el.date.value) o.referenceDate = el.date.value;
  const k = Number(el.k.value);
  if (Number.isInteger(k) && k >= 0) o.keySentences = k;
  if (el.keep.checked) o.keepBoilerplate = true;
  return o;
}

let ticker = null;

function busy(on, bytes = 0) {
  clearInterval(ticker);
  el.cancel.hidden = !on;
  el.clean.disabled = on;
  el.results.setAttribute("aria-busy", on ? "true" : "false");
  if (on) {
    const t0 = performance.now();
    const tick = () => setStatus(`Cleaning ${formatBytes(bytes)}… ${formatMs(performance.now() - t0)} (in a Web Worker — the page stays usable)`, { busy: true });
    tick();
    ticker = setInterval(tick, 100);
  }
}

async function run() {
  const input = currentInput();
  el.error.hidden = true;
  if (!input.trim()) {
    // Nothing to clean: say so where it is seen and announced, and drop a stale report.
    client.busy && client.cancel();
    state.view?.dispose();
    state.last = null;
    el.results.hidden = true;
    setStatus("Nothing to clean.");
    el.error.replaceChildren(
      h("p", {}, h("strong", {}, "Nothing to clean.")),
      h("p", {}, "Paste a page's text or HTML into the box, drop an .html or .txt file, or choose a sample."),
    );
    el.error.hidden = false;
    el.paste.focus();
    return;
  }
  if (client.busy) client.cancel();
  const options = buildOptions();
  const bytes = new Blob([input]).size;
  const sample = state.sample;
  const name = state.file?.name ?? (sample ? `${sample.id}.${sample.format}` : "pasted");
  busy(true, bytes);
  performance.mark("newsclean:start");
  const t0 = performance.now();
  try {
    const { article, ms } = await client.clean(input, options);
    const total = performance.now() - t0;
    performance.mark("newsclean:received");
    busy(false);
    show(article, { ms, total, name });
    performance.measure("newsclean:show", "newsclean:received");
  } catch (e) {
    busy(false);
    if (e.code === "CANCELLED") {
      setStatus("Cancelled.");
      return;
    }
    setStatus("Could not clean this input.");
    const sampleText = sample && sample.format === "html" ? () => {
      document.querySelector('input[name="sample-format"][value="txt"]').checked = true;
      loadSample(sample.id, "txt");
    } : null;
    showError(e, { sampleText });
  }
}

function show(article, { ms, total, name }) {
  reader.stop({ quiet: true });
  state.last = { article, name };
  state.rendered = false;
  state.view?.dispose();
  el.results.hidden = false;
  const info = state.info;
  const moduleSize = info ? ` · module ${formatBytes(info.wasmBytes)}${info.wasmGzipBytes ? ` (${formatBytes(info.wasmGzipBytes)} gzipped)` : ""}` : "";
  el.stats.textContent = `Cleaned in ${formatMs(ms)} (${formatMs(total)} with the trip to the worker)${moduleSize} · ${statsLine(article)}`;
  el.removedCount.textContent = `(${article.removed.length})`;

  const renderAll = () => {
    el.columns.hidden = false;
    const view = renderArticle(el.article, article, { idPrefix: "nc" });
    state.view = view;
    // The side columns in tasks of their own, so a huge report never holds the page long.
    el.removed.replaceChildren();
    el.facts_.replaceChildren();
    setTimeout(() => {
      if (state.view !== view) return;
      renderRemoved(el.removed, article, {
        idPrefix: "nc",
        onParagraph: (i) => {
          view.showParagraph(i);
          announce(`Showing paragraph ${i + 1}, the kept copy.`);
        },
      });
      setTimeout(() => {
        if (state.view !== view) return;
        renderFacts(el.facts_, article, view, { announce });
        state.rendered = true;
      }, 0);
    }, 0);
  };

  if (looksLikeNoArticle(article)) {
    el.columns.hidden = true;
    renderNotArticle(el.notice, article, () => {
      el.notice.replaceChildren();
      renderAll();
      el.article.focus?.();
    });
  } else {
    el.notice.replaceChildren();
    renderAll();
  }
  if (looksLikeNoArticle(article)) state.rendered = true;
  const facts = article.facts ?? {};
  const nFacts = ["entities", "times", "quantities", "quotes", "keySentences"].reduce((n, k) => n + (facts[k]?.length ?? 0), 0);
  setStatus(`Done: ${article.blocks.length} paragraphs kept, ${article.removed.length} blocks removed, ${nFacts} facts, in ${formatMs(ms)}.`);
}

// ---------------------------------------------------------------------------------------------
// JSON

async function copyJson() {
  if (!state.last) return;
  const json = JSON.stringify(state.last.article, null, 2);
  try {
    await navigator.clipboard.writeText(json);
  } catch {
    const ta = h("textarea", { class: "visually-hidden", "aria-hidden": "true" });
    ta.value = json;
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  setStatus(`Copied ${formatBytes(new Blob([json]).size)} of JSON to the clipboard.`);
}

function downloadJson() {
  if (!state.last) return;
  const json = JSON.stringify(state.last.article, null, 2);
  const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  const a = h("a", { href: url, download: `newsclean-${state.last.name.replace(/[^\w.-]+/g, "_")}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  setStatus("Downloaded the JSON report.");
}

// ---------------------------------------------------------------------------------------------
// Reading comforts: theme (kept in this browser's localStorage), copy, Markdown, print, read aloud

const THEME_KEY = "newsclean-demo-theme";
function readTheme() {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null;
  }
}
const prefs = cleanPrefs({ theme: readTheme() });
el.theme.value = prefs.theme;
applyPrefs(prefs);
onSystemThemeChange(() => applyPrefs(prefs));
el.theme.addEventListener("change", () => {
  prefs.theme = cleanPrefs({ theme: el.theme.value }).theme;
  applyPrefs(prefs);
  try {
    localStorage.setItem(THEME_KEY, prefs.theme);
  } catch {
    // Storage refused (private mode): the theme holds for this visit.
  }
});

el.copyArticle.addEventListener("click", async () => {
  if (!state.last) return;
  const ok = await copyText(articlePlainText(state.last.article));
  setStatus(ok ? "Copied the clean article to the clipboard." : "The browser did not allow copying.");
});
el.saveMd.addEventListener("click", () => {
  if (!state.last) return;
  const name = fileName(state.last.article, "md");
  download(articleMarkdown(state.last.article), name, "text/markdown;charset=utf-8");
  setStatus(`Saved ${name}.`);
});
el.print.addEventListener("click", () => {
  reader.stop();
  window.print();
});
const reader = new ReadAloud({
  paragraphs: () => (state.view && state.last ? state.last.article.blocks.map((b, i) => ({ el: state.view.els[i], text: state.view.blockText(i) })) : []),
  lang: () => state.last?.article.language,
  onChange: ({ speaking, index, error, quiet }) => {
    el.readAloud.setAttribute("aria-pressed", speaking ? "true" : "false");
    el.readAloud.textContent = speaking ? "Stop reading" : "Read aloud";
    if (error) setStatus(error);
    else if (speaking) setStatus(`Reading paragraph ${index + 1} of ${state.last.article.blocks.length} aloud…`);
    else if (!quiet && /^Reading paragraph/.test(el.status.textContent)) setStatus("Stopped reading.");
  },
});
el.readAloud.addEventListener("click", () => (reader.speaking ? reader.stop() : reader.start(0)));
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape" && reader.speaking) reader.stop();
});

// ---------------------------------------------------------------------------------------------
// Wiring

el.sample.addEventListener("change", () => loadSample(el.sample.value));
for (const r of document.querySelectorAll('input[name="sample-format"]')) {
  r.addEventListener("change", () => el.sample.value && loadSample(el.sample.value));
}
el.paste.addEventListener("input", () => {
  state.sample = null;
  el.sample.value = "";
  // What the user typed or pasted is sniffed, unless they chose its format themselves: the
  // format a sample or a file set was theirs, not this text's.
  if (state.formatBy !== "user") {
    el.format.value = "auto";
    state.formatBy = null;
  }
});
el.format.addEventListener("change", () => {
  state.formatBy = "user";
});
el.paste.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
    ev.preventDefault();
    run();
  }
});
el.clean.addEventListener("click", run);
el.cancel.addEventListener("click", () => {
  client.cancel();
  busy(false);
  setStatus("Cancelled.");
});
el.file.addEventListener("change", () => loadFile(el.file.files?.[0]));
el.clearFile.addEventListener("click", () => {
  clearFile();
  el.file.value = "";
  el.paste.focus();
});
el.copy.addEventListener("click", copyJson);
el.download.addEventListener("click", downloadJson);

let dragDepth = 0;
document.addEventListener("dragenter", (ev) => {
  if (![...(ev.dataTransfer?.types ?? [])].includes("Files")) return;
  dragDepth++;
  el.drop.classList.add("dragging");
});
document.addEventListener("dragleave", () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    el.drop.classList.remove("dragging");
  }
});
document.addEventListener("dragover", (ev) => {
  if ([...(ev.dataTransfer?.types ?? [])].includes("Files")) ev.preventDefault();
});
document.addEventListener("drop", (ev) => {
  const file = ev.dataTransfer?.files?.[0];
  dragDepth = 0;
  el.drop.classList.remove("dragging");
  if (!file) return;
  ev.preventDefault();
  loadFile(file);
});

await loadSamples();
try {
  const info = await client.ready;
  state.info = info;
  el.moduleInfo.textContent = `Module: ${formatBytes(info.wasmBytes)}${info.wasmGzipBytes ? ` (${formatBytes(info.wasmGzipBytes)} gzipped)` : ""}${info.supportsHtml ? "" : "; this build reads text only (HTML support is coming)"}.`;
  if (!info.supportsHtml) document.querySelector('input[name="sample-format"][value="txt"]').checked = true;
  setStatus("Ready. Choose a sample, paste a page or drop a file.");
  const m = /(?:^#|&)sample=([\w.-]+)/.exec(location.hash);
  if (m) await loadSample(m[1]);
} catch (e) {
  setStatus("The WebAssembly module could not be loaded.");
  showError(e);
  el.error.append(h("p", {}, "Is www/pkg/ there? scripts/build-wasm.sh builds the module and copies it there."));
}

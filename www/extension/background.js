// newsclean's background script (a module service worker in Chromium, a module event page in
// Firefox; common/platform.js hides the difference).
//
// The toolbar button (or Alt+Shift+N) opens the side panel (the sidebar in Firefox) for the current tab and reads the tab's
// current DOM with chrome.scripting (allowed by activeTab, for that tab, after that click). The page
// is read in the extension's isolated world, so the page's own scripts and its Content-Security-
// Policy play no part; nothing is sent anywhere: the panel cleans it with the WebAssembly module in
// a Web Worker of its own, so the tab is busy only while its DOM is serialised.

import { api, openPanel } from "./common/platform.js";

/** Largest page (in UTF-16 code units) handed to the panel; larger ones are refused, not cut. */
const MAX_CHARS = 48 * 1024 * 1024;

/** Captures in progress or done, by tab id: tabId -> { mode -> Promise<page> }. */
const captures = new Map();

/**
 * Runs in the page (isolated world): returns what the panel cleans. `mode` is "html" (the
 * serialised current DOM, so pages rendered by scripts are read as they are now) or "text" (the
 * visible text, laid out in lines and paragraphs much as `innerText` would give it).
 *
 * The text is gathered by a DOM walk in slices of ~20 ms with a yield between them, instead of
 * one `innerText` call, which can hold a huge page's tab for a long time (on the 5 MB page of the
 * end-to-end test, on a busy machine, the tab once took 1.8 s to answer). Serialising HTML is one
 * fast call (~0.15 s for that page).
 */
async function collectPage(mode, maxChars) {
  const doc = document;
  const out = {
    url: location.href,
    title: doc.title,
    lang: doc.documentElement.getAttribute("lang") || null,
    mode,
  };
  let body;
  if (mode === "text") {
    // Line breaks around an element follow its computed display, as innerText does (flex and grid
    // items are blockified in the computed value); a <p> gets a blank line.
    const breaks = (el, cs) => {
      if (el.tagName === "P") return 2;
      const d = cs.display;
      if (d === "inline" || d === "contents" || d.startsWith("inline") || d === "table-cell" || d === "ruby") return 0;
      return 1;
    };
    const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "svg", "CANVAS", "IFRAME",
      "OBJECT", "EMBED", "SELECT", "TEXTAREA", "INPUT", "HEAD", "AUDIO", "VIDEO", "MATH", "math"]);
    const parts = [];
    let pending = 0; // line breaks owed before the next text
    let chars = 0;
    const br = (n) => { if (n > pending) pending = n; };
    const push = (t) => {
      if (!t) return;
      if (pending) {
        parts.push(pending >= 2 ? "\n\n" : "\n");
        pending = 0;
      }
      parts.push(t);
      chars += t.length;
    };
    // Explicit stack of [node, exiting?, line breaks after it].
    const stack = [[doc.body ?? doc.documentElement, false, 0]];
    let slice = performance.now();
    let steps = 0;
    let inPre = 0;
    while (stack.length && chars <= maxChars) {
      if (++steps % 500 === 0 && performance.now() - slice > 20) {
        await new Promise((r) => setTimeout(r, 0));
        slice = performance.now();
      }
      const [node, exiting, n] = stack.pop();
      if (exiting) {
        if (node.tagName === "PRE") inPre--;
        br(n);
        if (node.tagName === "TD" || node.tagName === "TH") push("\t");
        continue;
      }
      if (node.nodeType === 3) {
        const t = inPre ? node.data : node.data.replace(/\s+/g, " ");
        // Leading space at a line start is dropped, as in innerText.
        push(pending || !parts.length || parts[parts.length - 1].endsWith(" ") ? t.replace(/^ /, "") : t);
        continue;
      }
      if (node.nodeType !== 1 || SKIP.has(node.tagName)) continue;
      const cs = getComputedStyle(node);
      if (cs.display === "none" || cs.visibility === "hidden" || cs.visibility === "collapse") continue;
      if (node.tagName === "BR") {
        if (pending) parts.push(pending >= 2 ? "\n\n" : "\n");
        parts.push("\n");
        pending = 0;
        continue;
      }
      if (node.tagName === "PRE") inPre++;
      const n2 = breaks(node, cs);
      br(n2);
      stack.push([node, true, n2]);
      const kids = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false, 0]);
    }
    body = parts.join("").replace(/[ \t]+\n/g, "\n").replace(/\n[ \t]+/g, "\n").trim();
  } else {
    body = "<!DOCTYPE html>\n" + doc.documentElement.outerHTML;
  }
  out.chars = body.length;
  if (body.length > maxChars) out.tooLarge = true;
  else out.content = body;
  return out;
}

/** Reads tab `tabId` in `mode` ("html" or "text"). Resolves to the page object or { error }. */
async function capturePage(tabId, mode = "html") {
  try {
    const [res] = await api.scripting.executeScript({
      target: { tabId },
      func: collectPage,
      args: [mode, MAX_CHARS],
    });
    if (!res || res.result == null) return { error: "The page gave nothing back (is it still loading?)." };
    return { ...res.result, capturedAt: Date.now() };
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}

/** The capture of `tabId` in `mode`, started now when `fresh` or when there is none. */
function getPage(tabId, mode = "html", fresh = false) {
  let byMode = captures.get(tabId);
  if (!byMode) captures.set(tabId, (byMode = new Map()));
  if (fresh || !byMode.has(mode)) {
    if (fresh) byMode.clear();
    byMode.set(mode, capturePage(tabId, mode));
  }
  return byMode.get(mode);
}

/**
 * What the toolbar button does: open the panel, read the tab's DOM, and tell an already-open
 * panel to show the new reading. Returns { opened, error? } (the tests call this directly).
 */
async function onAction(tab) {
  const opening = openPanel(tab.id, `panel.html?tab=${tab.id}`).then(
    () => ({ opened: true }),
    (e) => ({ opened: false, error: String(e?.message ?? e) }),
  );
  getPage(tab.id, "html", true);
  api.runtime.sendMessage({ type: "newsclean:refreshed", tabId: tab.id }).catch(() => {});
  return opening;
}

api.action.onClicked.addListener((tab) => {
  onAction(tab);
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  // Only our own pages talk to us (no externally_connectable, no content scripts).
  if (sender.id !== api.runtime.id || msg?.type !== "newsclean:get") return false;
  getPage(msg.tabId, msg.mode === "text" ? "text" : "html", Boolean(msg.fresh)).then(sendResponse);
  return true; // keep the channel open for the async answer
});

api.tabs.onRemoved.addListener((tabId) => captures.delete(tabId));
api.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === "loading") captures.delete(tabId);
});

// For the end-to-end tests (serviceWorker.evaluate) and for debugging from the console.
globalThis.newsclean = { onAction, capturePage, getPage, collectPage };

// End-to-end tests of the browser extension in headless Chromium: the Chromium build
// (dist/chromium/, written by scripts/build-extension.sh from www/extension/).
//
// What is real and what is simulated:
// - REAL: the unpacked extension is loaded by Chromium; its service worker, its panel page, its
//   Web Worker and WebAssembly module, chrome.scripting reading the tab's current DOM, and the
//   fixture pages served by this test on 127.0.0.1 (one with a strict CSP header, one rendered by
//   script, one hostile, one not an article, one of 5 MB).
// - SIMULATED (headless Chromium cannot click the toolbar button, so activeTab is never granted):
//   1. the click: the test calls the very function the button's onClicked listener calls,
//      `onAction(tab)`, through serviceWorker.evaluate;
//   2. activeTab: a test-only copy of the built extension whose manifest adds
//      "host_permissions": ["http://127.0.0.1/*"] (the shipped manifests have none);
//   3. the side panel itself: headless Chromium shows no side panel (sidePanel.open() refuses
//      without a user gesture), so the test opens the panel's page, panel.html?tab=ID — the
//      path onAction sets for the tab — in a tab of its own.

//   Each test below names the user step it stands for.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import {
  ROOT,
  WWW,
  buildExtension,
  launchWithExtension,
  playwrightDriver,
  shot,
  startFixtureServer,
  testCopyOfExtension,
  watchErrors,
} from "./lib.mjs";
import * as checks from "./panel-checks.mjs";

const EXT = path.join(WWW, "extension");

let ctx;
let sw;
let extId;
let server;
let base;
let tmp;
const pageErrors = [];

before(async () => {
  buildExtension();
  const copy = testCopyOfExtension("chromium");
  tmp = copy.tmp;
  ({ server, base } = await startFixtureServer());
  ctx = await launchWithExtension(copy.dir, path.join(tmp, "profile"));
  // Nothing but 127.0.0.1 and the extension's own files.
  await ctx.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if ((u.protocol === "http:" && u.hostname === "127.0.0.1") || u.protocol === "chrome-extension:") return route.continue();
    pageErrors.push(`blocked request to ${u.href}`);
    return route.abort();
  });
  sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  extId = new URL(sw.url()).host;
});

after(async () => {
  await ctx?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Opens a fixture, runs the toolbar action's code path for its tab, opens the panel. */
async function cleanWithExtension(fixture, { waitFor } = {}) {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${fixture}: ${e.message}`));
  await page.goto(base + fixture);
  if (waitFor) await page.waitForSelector(waitFor);
  await page.bringToFront();
  const tab = await sw.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const t = tabs.find((x) => x.url === url);
    return t ? { id: t.id, windowId: t.windowId } : null;
  }, page.url());
  assert.ok(tab, `tab of ${fixture} not found`);
  // SIMULATED CLICK: what action.onClicked calls. It reports that the side panel could not be
  // opened (no user gesture headless), and starts reading the tab.
  const action = await sw.evaluate((t) => globalThis.newsclean.onAction(t), tab);
  assert.equal(action.opened, false, "sidePanel.open() should need a user gesture");
  // SIMULATED SIDE PANEL: the panel's page, with the path onAction set for this tab.
  const { panel, errors } = await openPanel(tab.id);
  return { page, panel, tab, errors };
}

/** SIMULATED SIDE PANEL: opens panel.html?tab=ID, the page the side panel shows, in a tab. */
async function openPanel(tabId) {
  const panel = await ctx.newPage();
  const errors = watchErrors(panel);
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${extId}/panel.html?tab=${tabId}`);
  return { panel, errors };
}


test("the shipped manifests are minimal: permissions, CSP, no remote code, a shortcut each", () => {
  const chromium = JSON.parse(readFileSync(path.join(ROOT, "dist", "chromium", "manifest.json"), "utf8"));
  const firefox = JSON.parse(readFileSync(path.join(ROOT, "dist", "firefox", "manifest.json"), "utf8"));
  assert.deepEqual([...chromium.permissions].sort(), ["activeTab", "scripting", "sidePanel", "storage"]);
  assert.deepEqual([...firefox.permissions].sort(), ["activeTab", "scripting", "storage"]);
  for (const m of [chromium, firefox]) {
    assert.equal(m.manifest_version, 3);
    assert.equal(m.host_permissions, undefined);
    assert.equal(m.optional_host_permissions, undefined);
    assert.equal(m.content_scripts, undefined);
    assert.equal(m.externally_connectable, undefined);
    assert.equal(m.web_accessible_resources, undefined);
    assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  }
  // Chromium: the side panel, a module service worker, Alt+Shift+N clicks the button.
  assert.deepEqual(chromium.side_panel, { default_path: "panel.html" });
  assert.deepEqual(chromium.background, { service_worker: "background.js", type: "module" });
  assert.equal(chromium.commands._execute_action.suggested_key.default, "Alt+Shift+N");
  assert.equal(chromium.sidebar_action, undefined);
  assert.equal(chromium.browser_specific_settings, undefined);
  // Firefox: the sidebar, a module event page, Alt+Shift+N opens the sidebar, gecko settings.
  assert.equal(firefox.sidebar_action.default_panel, "panel.html");
  assert.deepEqual(firefox.background, { scripts: ["background.js"], type: "module" });
  assert.equal(firefox.commands._execute_sidebar_action.suggested_key.default, "Alt+Shift+N");
  assert.equal(firefox.side_panel, undefined);
  assert.deepEqual(firefox.browser_specific_settings.gecko, {
    id: "newsclean@newsclean.invalid",
    strict_min_version: "142.0",
    data_collection_permissions: { required: ["none"] },
  });
  // No file of the extension loads anything from the network.
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|html|css|json)$/.test(e.name) && !p.includes(`${path.sep}pkg${path.sep}`)) files.push(p);
    }
  };
  walk(EXT);
  for (const f of files) {
    const code = readFileSync(f, "utf8");
    assert.doesNotMatch(code, /\b(?:src|href)\s*=\s*["']?https?:/i, `${f} loads a remote resource`);
    assert.doesNotMatch(code, /\bimport\s*\(?\s*["']https?:/i, `${f} imports remote code`);
    assert.doesNotMatch(code, /\beval\s*\(|new Function\s*\(/, `${f} evaluates strings as code`);
    assert.doesNotMatch(code, /\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/, `${f} writes HTML`);
  }
});

// Each test below: USER STEPS SIMULATED — the click on the toolbar button (onAction) and the
// side panel (panel.html?tab=ID in a tab); REAL — everything the panel does, and the clicks in it.

test("strict-CSP page: the panel shows the clean article and its facts", async () => {
  const { page, panel, errors } = await cleanWithExtension("strict.html");
  await checks.checkStrictCsp(playwrightDriver(panel), page, "ext");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test("script-rendered page: the panel reads the current DOM, not the HTML sent", async () => {
  const { page, panel, errors } = await cleanWithExtension("rendered.html", { waitFor: "body[data-rendered='1']" });
  await checks.checkRendered(playwrightDriver(panel), page, "ext");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test("hostile page: markup in the page's text is shown as text and never runs", async () => {
  const { page, panel, errors } = await cleanWithExtension("hostile.html");
  await checks.checkHostile(playwrightDriver(panel), page, "ext");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test("a page that is not an article: a clear notice, and the findings on request", async () => {
  const { page, panel, errors } = await cleanWithExtension("front-page.en.html");
  await checks.checkNotArticle(playwrightDriver(panel), "ext");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test("a 5 MB page: the tab stays responsive while the panel cleans", async () => {
  const { page, panel, errors } = await cleanWithExtension("huge.html");
  console.log(`# huge page tab is ${await page.evaluate(() => document.visibilityState)}`);
  await checks.checkHuge(playwrightDriver(panel), page, "ext");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test("scripts/build-extension.sh writes both browsers' zips", () => {
  const out = buildExtension();
  const version = JSON.parse(readFileSync(path.join(EXT, "manifest.base.json"), "utf8")).version;
  assert.match(out, /checked: manifests, scripts and module present; no host permissions/);
  // Each archive holds the module itself, so it is at least as large as the gzipped .wasm.
  const wasm = readFileSync(path.join(EXT, "pkg", "newsclean_bg.wasm"));
  for (const b of ["chromium", "firefox"]) {
    const zip = path.join(ROOT, "dist", `newsclean-${b}-${version}.zip`);
    assert.ok(statSync(zip).size > gzipSync(wasm).length * 0.9, `${zip} holds the module`);
  }
});

// The reading comforts, on a page with an article and reader comments (fixtures/comments.html).
// USER STEPS SIMULATED: the click on the toolbar button (onAction) and the side panel (a tab);
// everything in the panel is driven with real clicks and keys.
test("reading comforts: article first, themes with axe, type, storage across reopen, Markdown, read aloud, copy, print", async () => {
  const { page, panel, tab, errors } = await cleanWithExtension("comments.html");
  await checks.panelDone(playwrightDriver(panel));
  const d = playwrightDriver(panel);
  await checks.checkArticleFirst(d);
  await shot(panel, "chromium-panel-article");
  await checks.checkThemes(d, "chromium-panel");
  // The theme follows the system: dark when the browser prefers dark.
  await panel.emulateMedia({ colorScheme: "dark" });
  await panel.waitForFunction(() => document.documentElement.classList.contains("nc-theme-dark"), null, { timeout: 5000 });
  assert.deepEqual(await panel.evaluate(() => [...document.documentElement.classList]), ["nc-theme-dark"]);
  await shot(panel, "chromium-panel-theme-system-dark");
  await panel.emulateMedia({ colorScheme: "light" });
  const look = await checks.checkTypeAndStorage(d);
  await shot(panel, "chromium-panel-large-narrow-sepia");
  // USER STEP: the panel is closed and opened again (a new panel page for the same tab).
  await panel.close();
  const again = await openPanel(tab.id);
  await checks.panelDone(playwrightDriver(again.panel));
  const d2 = playwrightDriver(again.panel);
  await checks.checkPrefsKept(d2, look);
  await checks.resetPrefs(d2);
  await checks.checkMarkdown(d2, async (click) => {
    const [dl] = await Promise.all([again.panel.waitForEvent("download"), click()]);
    return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), "utf8") };
  });
  await checks.checkReadAloud(d2, "chromium-panel");
  await checks.checkCopyAndPrint(d2);
  await again.panel.emulateMedia({ media: "print" });
  const printed = await again.panel.evaluate(() => ({
    bar: getComputedStyle(document.querySelector(".bar")).display,
    facts: getComputedStyle(document.querySelector(".box")).display,
    article: getComputedStyle(document.getElementById("article")).display,
  }));
  assert.deepEqual(printed, { bar: "none", facts: "none", article: "block" }, "print shows the article alone");
  await shot(again.panel, "chromium-panel-print");
  await again.panel.emulateMedia({ media: "screen" });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await again.panel.close();
  await page.close();
});

// USER STEPS SIMULATED: the click on the toolbar button and the side panel, as above.
test("Not the article?: put back a removed block, switch to the next-best candidate", async () => {
  const { page, panel, errors } = await cleanWithExtension("comments.html");
  await checks.panelDone(playwrightDriver(panel));
  await checks.checkNotTheArticle(playwrightDriver(panel), "chromium-panel");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

// USER STEPS SIMULATED: the click on the toolbar button and the side panel; then keys only.
test("keyboard only: every control of the panel is reached and works", async () => {
  const { page, panel, errors } = await cleanWithExtension("comments.html");
  await checks.panelDone(playwrightDriver(panel));
  await checks.checkKeyboard(playwrightDriver(panel));
  await shot(panel, "chromium-panel-keyboard");
  assert.deepEqual(errors, []);
  await panel.close();
  await page.close();
});

test("no request left 127.0.0.1 and no fixture page threw", () => {
  assert.deepEqual(pageErrors, []);
});

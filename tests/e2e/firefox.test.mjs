// End-to-end tests in headless Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi: the Firefox build of the extension (dist/firefox/, written by
// scripts/build-extension.sh) on the same fixture pages as the Chromium suite, the panel's
// reading comforts and accessibility, `web-ext lint`, and the demo page.
//
// What is real and what is simulated:
// - REAL: Firefox installs the unpacked extension (BiDi webExtension.install, a temporary
//   add-on); its background module, its panel page, its Web Worker and WebAssembly module,
//   scripting.executeScript reading the tab's current DOM, and the fixture pages served by this
//   test on 127.0.0.1 (with `Content-Security-Policy: default-src 'none'`, but the script-rendered
//   one).
// - SIMULATED (headless Firefox has no toolbar to click and no sidebar to show):
//   1. the click on the toolbar button: the test calls the function its onClicked listener
//      calls, `onAction(tab)`, in the background page (runtime.getBackgroundPage());
//      sidebarAction.open() then refuses, as it must without a user gesture;
//   2. activeTab: a test-only copy of the built extension whose manifest adds
//      "host_permissions": ["http://127.0.0.1/*"] (the shipped manifest has none);
//   3. the sidebar: the test opens panel.html?tab=ID — the page onAction sets as the sidebar's
//      panel for that tab — in a tab of its own (Firefox is started with
//      --remote-allow-system-access, which lets the test open moz-extension:// pages).
//   Each test names the user step it stands for.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import puppeteer from "puppeteer-core";
import {
  FIREFOX,
  HERE,
  ROOT,
  axeViolations,
  buildExtension,
  puppeteerDriver,
  shot,
  startFixtureServer,
  testCopyOfExtension,
} from "./lib.mjs";
import * as checks from "./panel-checks.mjs";
import { createStaticServer } from "../../scripts/serve.mjs";

const GECKO_ID = "newsclean@newsclean.invalid";
const UUID = randomUUID();

let browser;
let copy;
let fixtures;
let demo;
let proxy;
let control;
const downloads = path.join(HERE, "screenshots", "firefox-downloads");
const offsite = []; // requests that tried to leave 127.0.0.1 (refused by the proxy below)

/**
 * A proxy that refuses everything: Firefox sends every request for a host other than 127.0.0.1
 * here (localhost is never proxied), so nothing reaches the network, and the test sees it.
 */
async function refusingProxy() {
  const s = createServer((req, res) => {
    offsite.push(req.url);
    res.writeHead(403);
    res.end();
  });
  s.on("connect", (req, socket) => {
    offsite.push(`CONNECT ${req.url}`);
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  return s;
}

before(async () => {
  buildExtension();
  copy = testCopyOfExtension("firefox");
  fixtures = await startFixtureServer();
  demo = await createStaticServer();
  proxy = await refusingProxy();
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  const port = proxy.address().port;
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    args: ["--remote-allow-system-access"],
    extraPrefsFirefox: {
      // The extension's moz-extension:// host, known before it is installed.
      "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: UUID }),
      // Downloads (the Markdown file) go to a known folder without asking.
      "browser.download.folderList": 2,
      "browser.download.dir": downloads,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.helperApps.neverAsk.saveToDisk": "text/markdown",
      "browser.download.alwaysOpenPanel": false,
      // Everything but 127.0.0.1 goes to the refusing proxy.
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": port,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": port,
      "network.proxy.share_proxy_settings": true,
      "network.proxy.no_proxies_on": "127.0.0.1",
    },
  });
  const id = await browser.installExtension(copy.dir);
  assert.equal(id, GECKO_ID);
  // An extension page to call the extension's APIs from (the panel for a tab that does not exist).
  control = await openExtensionPage("panel.html?tab=999999");
});

after(async () => {
  await browser?.close();
  fixtures?.server.close();
  demo?.server.close();
  proxy?.close();
  if (copy) rmSync(copy.tmp, { recursive: true, force: true });
});

/**
 * Opens a moz-extension:// page of the extension in a new tab. Firefox hides the navigation
 * events of such pages from the driver, so the load is not awaited: the page's own state is.
 */
async function openExtensionPage(rel) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.setViewport({ width: 420, height: 900 });
  await page.goto(`moz-extension://${UUID}/${rel}`, { timeout: 1500 }).catch(() => {});
  await page.waitForFunction(() => document.readyState === "complete" && globalThis.newscleanPanel != null, { timeout: 30_000, polling: 100 });
  page.errors = errors;
  return page;
}

/** Opens a fixture in a tab, simulates the toolbar click for it, and opens its panel. */
async function cleanWithExtension(fixture, { waitFor } = {}) {
  const page = await browser.newPage();
  await page.goto(fixtures.base + fixture);
  if (waitFor) await page.waitForSelector(waitFor);
  // SIMULATED CLICK: what browserAction.onClicked calls, run in the background page.
  const tab = await control.evaluate(async (url) => {
    const tabs = await browser.tabs.query({});
    const t = tabs.find((x) => x.url === url);
    if (!t) return null;
    const bg = await browser.runtime.getBackgroundPage();
    const action = await bg.newsclean.onAction({ id: t.id, windowId: t.windowId });
    return { id: t.id, opened: action.opened, error: action.error ?? null };
  }, page.url());
  assert.ok(tab, `tab of ${fixture} not found`);
  assert.equal(tab.opened, false, "sidebarAction.open() needs a user gesture");
  assert.match(tab.error, /user input/);
  // SIMULATED SIDEBAR: the panel page for this tab, in a tab of its own.
  const panel = await openExtensionPage(`panel.html?tab=${tab.id}`);
  return { page, panel, tab, d: puppeteerDriver(panel) };
}

test("web-ext lint: the Firefox build has 0 errors and 0 warnings", () => {
  const bin = path.join(HERE, "node_modules", ".bin", "web-ext");
  const r = spawnSync(bin, ["lint", "--source-dir", path.join(ROOT, "dist", "firefox"), "--output", "json", "--no-config-discovery"], { encoding: "utf8" });
  const out = JSON.parse(r.stdout);
  const list = (k) => out[k].map((m) => `${m.code}: ${m.message} (${m.file ?? ""})`);
  console.log(`# web-ext lint: ${out.summary.errors} errors, ${out.summary.warnings} warnings, ${out.summary.notices} notices`);
  assert.deepEqual(list("errors"), []);
  assert.deepEqual(list("warnings"), []);
  assert.equal(r.status, 0);
});

// Each test below: USER STEPS SIMULATED — the click on the toolbar button (onAction) and the
// sidebar (panel.html?tab=ID in a tab); REAL — everything the panel does, and the clicks in it.

test("strict-CSP page: the panel shows the clean article and its facts", async () => {
  const { page, panel, d } = await cleanWithExtension("strict.html");
  await checks.checkStrictCsp(d, page, "firefox-ext");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test("script-rendered page: the panel reads the current DOM, and Refresh reads it again", async () => {
  const { page, panel, d } = await cleanWithExtension("rendered.html", { waitFor: "body[data-rendered='1']" });
  await checks.checkRendered(d, page, "firefox-ext");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test("hostile page: markup in the page's text is shown as text and never runs", async () => {
  const { page, panel, d } = await cleanWithExtension("hostile.html");
  await checks.checkHostile(d, page, "firefox-ext");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test("a page that is not an article: a clear notice, and the findings on request", async () => {
  const { page, panel, d } = await cleanWithExtension("front-page.en.html");
  await checks.checkNotArticle(d, "firefox-ext");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test("a 5 MB page: the tab stays responsive while the panel cleans", async () => {
  const { page, panel, d } = await cleanWithExtension("huge.html");
  await checks.checkHuge(d, page, "firefox-ext");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

/** Waits for a downloaded file in the downloads folder and returns { name, text }. */
async function downloaded(click) {
  const before = new Set(readdirSync(downloads));
  await click();
  const t0 = Date.now();
  let last = -1;
  for (;;) {
    const fresh = readdirSync(downloads).filter((f) => !before.has(f) && !f.endsWith(".part"));
    if (fresh.length && !existsSync(path.join(downloads, `${fresh[0]}.part`))) {
      // Written when it has content and its size held still for one poll.
      const size = statSync(path.join(downloads, fresh[0])).size;
      if (size > 0 && size === last) return { name: fresh[0], text: readFileSync(path.join(downloads, fresh[0]), "utf8") };
      last = size;
    }
    if (Date.now() - t0 > 15_000) throw new Error("no download arrived");
    await new Promise((r) => setTimeout(r, 150));
  }
}

// USER STEPS SIMULATED: the toolbar click and the sidebar (as above); everything in the panel is
// driven with real clicks and keys.
test("reading comforts: article first, themes with axe, type, storage across reopen, Markdown, read aloud, copy, print", async () => {
  const { page, panel, tab, d } = await cleanWithExtension("comments.html");
  await checks.panelDone(d);
  await checks.checkArticleFirst(d);
  await shot(panel, "firefox-panel-article");
  await checks.checkThemes(d, "firefox-panel");
  const look = await checks.checkTypeAndStorage(d);
  await shot(panel, "firefox-panel-large-narrow-sepia");
  // USER STEP: the sidebar is closed and opened again (a new panel page for the same tab).
  await panel.close();
  const again = await openExtensionPage(`panel.html?tab=${tab.id}`);
  const d2 = puppeteerDriver(again);
  await checks.panelDone(d2);
  await checks.checkPrefsKept(d2, look);
  await checks.resetPrefs(d2);
  await checks.checkMarkdown(d2, downloaded);
  await checks.checkReadAloud(d2, "firefox-panel");
  await checks.checkCopyAndPrint(d2);
  assert.deepEqual(again.errors, []);
  await again.close();
  await page.close();
});

test("Not the article?: put back a removed block, switch to the next-best candidate", async () => {
  const { page, panel, d } = await cleanWithExtension("comments.html");
  await checks.panelDone(d);
  await checks.checkNotTheArticle(d, "firefox-panel");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test("keyboard only: every control of the panel is reached and works", async () => {
  const { page, panel, d } = await cleanWithExtension("comments.html");
  await checks.panelDone(d);
  await checks.checkKeyboard(d);
  await shot(panel, "firefox-panel-keyboard");
  assert.deepEqual(panel.errors, []);
  await panel.close();
  await page.close();
});

test("the demo page in Firefox: paste after a sample, each theme with axe, phone width", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.setViewport({ width: 1300, height: 1000 });
  await page.goto(demo.url);
  await page.waitForFunction(() => window.newscleanDemo?.state?.info != null, { timeout: 30_000 });
  // USER STEPS: choose a sample (as HTML), paste a page's text over it, press Clean.
  await page.select("#sample", "harbour-bridge.en");
  await page.waitForFunction(() => window.newscleanDemo.state.rendered === true && /^Done:/.test(document.getElementById("status").textContent), { timeout: 60_000 });
  const seedlike = readFileSync(path.join(ROOT, "tests", "data", "seedlike.txt"), "utf8");
  await page.evaluate((t) => {
    const ta = document.getElementById("paste");
    ta.value = t;
    ta.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    window.newscleanDemo.state.rendered = false;
  }, seedlike);
  await page.click("#clean");
  await page.waitForFunction(() => window.newscleanDemo.state.rendered === true, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => window.newscleanDemo.state.last.article.blocks.length), 5);
  const d = puppeteerDriver(page);
  for (const theme of ["light", "dark", "sepia"]) {
    await page.select("#theme", theme);
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector("section#results")).backgroundColor);
    assert.equal(bg, checks.THEME_COLOURS[theme].bg);
    assert.deepEqual(await axeViolations(d), [], `axe, demo, ${theme}`);
    await shot(page, `firefox-demo-${theme}`);
  }
  await page.select("#theme", "system");
  await page.setViewport({ width: 390, height: 844 });
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0, "nothing wider than a phone");
  assert.deepEqual(await axeViolations(d), [], "axe, demo, phone width");
  await shot(page, "firefox-demo-phone");
  assert.deepEqual(errors, []);
  await page.close();
});

test("no request left 127.0.0.1 from the pages, the panel or the demo", () => {
  // Firefox's own services (updates, safe browsing, telemetry) may try too: they are refused
  // like everything else, and listed here.
  const ours = offsite.filter((u) => !/(^|\.|CONNECT )([\w-]+\.)*(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|digicert\.com)(:\d+)?(\/|$)/.test(u));
  if (offsite.length) console.log(`# refused requests by Firefox itself: ${offsite.length - ours.length}`);
  assert.deepEqual(ours, []);
});

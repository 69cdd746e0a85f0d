// Shared helpers of the end-to-end tests: the browsers, the servers, screenshots, axe-core.
// Every test talks only to servers on 127.0.0.1 that it starts itself; requests anywhere else are
// aborted (and counted) so a test cannot reach the network by accident.

import { chromium } from "playwright-core";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..", "..");
export const WWW = path.join(ROOT, "www");
export const SHOTS = path.join(HERE, "screenshots");
export const FIX = path.join(HERE, "fixtures");
mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
export const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Launches headless Chromium (no extensions). */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Launches a persistent context with the unpacked extension at `extDir`. */
export function launchWithExtension(extDir, userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
}

/**
 * Aborts every request of `ctx` that leaves 127.0.0.1 (and data:/blob:/chrome-extension: URLs,
 * which never touch the network). Returns the list of blocked URLs for assertions.
 */
export async function localOnly(ctx) {
  const blocked = [];
  await ctx.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "http:" && u.hostname === "127.0.0.1") return route.continue();
    blocked.push(u.href);
    return route.abort();
  });
  return blocked;
}

/** Saves a screenshot under tests/e2e/screenshots/NAME.png and returns its path. */
export async function shot(page, name, opts = {}) {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, ...opts });
  return file;
}

/** Collects console errors and page errors of `page`. */
export function watchErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// The extension as the build writes it, with a test-only overlay

/** Runs scripts/build-extension.sh (without rebuilding the module); returns its output. */
export function buildExtension() {
  const r = spawnSync("bash", ["scripts/build-extension.sh"], { cwd: ROOT, env: { ...process.env, SKIP_WASM: "1" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scripts/build-extension.sh failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * A copy of the built extension for `browser` ("chromium" or "firefox", from
 * scripts/build-extension.sh) whose manifest adds host access to 127.0.0.1: what activeTab would
 * grant after a real click on the toolbar button, which headless browsers cannot make.
 */
export function testCopyOfExtension(browser) {
  const built = path.join(ROOT, "dist", browser);
  if (!existsSync(path.join(built, "manifest.json"))) throw new Error(`${built} is missing: run scripts/build-extension.sh`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), `newsclean-${browser}-`));
  const dir = path.join(tmp, "extension");
  cpSync(built, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*"];
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return { tmp, dir, manifest };
}

// ---------------------------------------------------------------------------------------------
// The fixture pages, served on 127.0.0.1

/** A ~5 MB news page: a long article (a live blog) inside the usual menus. */
export function hugePage() {
  const districts = ["Northgate", "Riverside", "Old Town", "Hillcrest", "Harbourside", "Westfield", "Eastmoor"];
  const parts = [
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Live: city budget debate | Big Page Times</title></head><body>",
    "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav><main><article><h1>Live: the city budget debate</h1>",
  ];
  let size = 0;
  for (let i = 0; size < 5_000_000; i++) {
    const d = districts[i % districts.length];
    const p = `<p>Update ${i + 1}: councillors for ${d} asked on Tuesday how ${(i * 37) % 900 + 100} new homes in the ${d} area would be connected to the heating network by ${2026 + (i % 5)}, and the finance committee said about £${(i % 90) + 10} million had been set aside for item ${i}.</p>`;
    parts.push(p);
    size += p.length;
  }
  parts.push("</article></main><footer>© 2025 Big Page Times</footer></body></html>");
  return parts.join("\n");
}

const SAMPLES = path.join(WWW, "samples");
const STRICT_CSP = "default-src 'none'";

/**
 * Serves the fixtures (tests/e2e/fixtures/, the demo's samples, and huge.html) on 127.0.0.1.
 * Every page but the script-rendered one gets `Content-Security-Policy: default-src 'none'`.
 */
export async function startFixtureServer() {
  const huge = hugePage();
  const server = createServer((req, res) => {
    const name = new URL(req.url, "http://x").pathname.slice(1);
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (name === "huge.html") {
      res.writeHead(200, headers);
      return res.end(huge);
    }
    const file = existsSync(path.join(FIX, name)) ? path.join(FIX, name) : path.join(SAMPLES, name);
    if (!name || name.includes("/") || !existsSync(file)) {
      res.writeHead(404, headers);
      return res.end("not found");
    }
    if (name.endsWith(".js")) headers["content-type"] = "text/javascript; charset=utf-8";
    if (name !== "rendered.html" && name !== "rendered.js") headers["content-security-policy"] = STRICT_CSP;
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

// ---------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (WCAG 2.x A and AA rules, best practices) in the page of driver `d` and returns
 * its serious and critical violations as short strings (rule: target …).
 */
export async function axeViolations(d) {
  await d.eval(AXE_SOURCE);
  const found = await d.eval(async () => {
    const r = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`).join("; ")}`);
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// One small driver over a Playwright page and a Puppeteer page, so the same checks run in
// Chromium (Playwright) and Firefox (Puppeteer over WebDriver BiDi).

/** A driver over a Playwright page. */
export function playwrightDriver(page, browser = "chromium") {
  return {
    browser,
    page,
    eval: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 30_000) => page.waitForFunction(fn, arg, { timeout }),
    click: (sel) => page.click(sel),
    focus: (sel) => page.focus(sel),
    press: (key) => page.keyboard.press(key),
    hover: (sel) => page.hover(sel),
    shot: (name) => shot(page, name),
    setViewport: (w, h) => page.setViewportSize({ width: w, height: h }),
  };
}

/** A driver over a Puppeteer page. */
export function puppeteerDriver(page, browser = "firefox") {
  return {
    browser,
    page,
    eval: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout = 30_000) => page.waitForFunction(fn, { timeout, polling: 100 }, arg),
    click: (sel) => page.click(sel),
    focus: (sel) => page.focus(sel),
    press: (key) => page.keyboard.press(key),
    hover: (sel) => page.hover(sel),
    shot: (name) => shot(page, name),
    setViewport: (w, h) => page.setViewport({ width: w, height: h }),
  };
}

// Shared helpers of the end-to-end tests: the browser, the static server, screenshots.
// Every test talks only to servers on 127.0.0.1 that it starts itself; requests anywhere else are
// aborted (and counted) so a test cannot reach the network by accident.

import { chromium } from "playwright-core";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..", "..");
export const WWW = path.join(ROOT, "www");
export const SHOTS = path.join(HERE, "screenshots");
mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
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

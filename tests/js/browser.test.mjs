// The packed package in a real browser (headless Chromium through playwright-core):
//  1. bundled by esbuild into a page (the bundler user's path: "newsclean", wasm inlined), and
//     the same for "newsclean/core" (whose bundle must not pull in the full module);
//  2. a plain page importing the web build with `await init()` (no bundler), for both modules.
// Served by a Node http server on 127.0.0.1; every other request is refused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { join, extname, normalize } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };

let server;
let origin;
let browser;

/** Bundles page/NAME.mjs with esbuild into dist/NAME.js and a page dist/NAME.html. */
async function bundle(name, entry, other) {
  const built = await esbuild.build({
    entryPoints: [join(here, `page/${name}.mjs`)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    outfile: join(here, `dist/${name}.js`),
    absWorkingDir: here,
    metafile: true,
    logLevel: "warning",
  });
  const inputs = Object.keys(built.metafile.inputs);
  assert.ok(inputs.some((p) => p.includes(`node_modules/newsclean/${entry}`)), inputs.join());
  assert.ok(!inputs.some((p) => p.includes(`node_modules/newsclean/${other}`)), inputs.join());
  assert.ok(!inputs.some((p) => p.includes("node.mjs")), "the Node entry stays out of the bundle");
  await writeFile(
    join(here, `dist/${name}.html`),
    `<!doctype html><meta charset="utf-8"><script type="module" src="/dist/${name}.js"></script>\n`,
  );
}

before(async () => {
  await mkdir(join(here, "dist"), { recursive: true });
  await bundle("bundled", "index.mjs", "core/");
  await bundle("bundled-core", "core/index.mjs", "web/newsclean.js");

  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = path === "/web.html" ? join(here, "page/web.html") : join(here, path);
    if (!file.startsWith(here)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function run(path) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // No network beyond this test's own server.
  await page.route("**/*", (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  await page.goto(origin + path);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
  const result = await page.evaluate(() => window.__result);
  await page.close();
  return { result, errors };
}

test("esbuild bundle of the package runs in Chromium (wasm inlined, no init call)", async () => {
  const { result, errors } = await run("/dist/bundled.html");
  assert.deepStrictEqual(errors, []);
  assert.deepStrictEqual(result.failures, []);
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.ok(result.blocks >= 3);
});

test("the web build runs in a plain page with await init()", async () => {
  const { result, errors } = await run("/web.html");
  assert.deepStrictEqual(errors, []);
  assert.deepStrictEqual(result.failures, []);
  assert.equal(result.blocks, 1);
});

test("esbuild bundle of newsclean/core runs in Chromium, without the full module", async () => {
  const { result, errors } = await run("/dist/bundled-core.html");
  assert.deepStrictEqual(errors, []);
  assert.deepStrictEqual(result.failures, []);
  assert.ok(result.blocks >= 3);
});

test("the core web build runs in a plain page with await init()", async () => {
  const { result, errors } = await run("/web.html?core");
  assert.deepStrictEqual(errors, []);
  assert.deepStrictEqual(result.failures, []);
  assert.equal(result.blocks, 1);
});

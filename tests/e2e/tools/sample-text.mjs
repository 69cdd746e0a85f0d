// Writes www/samples/<name>.txt next to each <name>.html: the page's `document.body.innerText` as
// headless Chromium renders it at 1280x900 — what a browser extension or a copy-paste of the page
// would give. Run after editing a sample:  node tests/e2e/tools/sample-text.mjs
// (demo.test.mjs checks that the committed .txt files are still in sync.)

import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launch, WWW } from "../lib.mjs";
import { createStaticServer } from "../../../scripts/serve.mjs";

export async function innerTexts(browser, baseUrl) {
  const dir = path.join(WWW, "samples");
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const out = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".html")).sort()) {
    await page.goto(new URL(`samples/${f}`, baseUrl).href);
    out[f.replace(/\.html$/, ".txt")] = (await page.evaluate(() => document.body.innerText)).replace(/\s+$/, "") + "\n";
  }
  await page.close();
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { server, url } = await createStaticServer();
  const browser = await launch();
  try {
    const texts = await innerTexts(browser, url);
    for (const [name, text] of Object.entries(texts)) {
      writeFileSync(path.join(WWW, "samples", name), text);
      console.log(`wrote www/samples/${name} (${Buffer.byteLength(text)} bytes)`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

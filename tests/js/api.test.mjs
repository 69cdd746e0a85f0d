// Tests of the packed npm package in Node, as a user gets it: scripts/test-wasm.sh installs the
// tarball into a scratch project and runs `node --test` there, so "newsclean" below resolves to
// node_modules/newsclean through the package's `exports` map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { MessageChannel } from "node:worker_threads";

import { clean, Cleaner, version } from "newsclean";

const require = createRequire(import.meta.url);
const pkgDir = require.resolve("newsclean/package.json").replace(/package\.json$/, "");
const pkg = JSON.parse(readFileSync(`${pkgDir}package.json`, "utf8"));

// Text written for these tests: a short news page in several scripts, with menus around it.
const NAV = "Home\nNews\nSport\nWeather\n\n";
const EN =
  "The council approved the new budget on Tuesday 🎉 after a long debate that ran late into the evening.\n\n" +
  "Members said the plan would fund two new schools 🏫 and repair the old bridge over the river.\n\n";
const RU =
  "Городской совет утвердил новый бюджет во вторник после долгих дебатов, которые продолжались почти до полуночи.\n\n" +
  "Согласно плану, на ремонт старого моста выделено 4,2 миллиона рублей 💰, а ещё две школы откроются осенью.\n\n";
const ZH = "市议会周二批准了新的预算。会议一直持续到深夜，议员们表示这项计划将资助两所新学校和旧桥的维修工程。\n\n";
const FOOTER = "Share this article\nFacebook\nTwitter\n\n© 2025 Riverton Daily 👋. All rights reserved.\n";
const PAGE = NAV + EN + RU + ZH + EN + FOOTER; // EN twice: a duplicate to remove

/** Calls `fn` and returns what it throws. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("expected an exception");
}

/**
 * Checks every span of a result: inside its string, and every object with `text` and `span`
 * slices to its text. `span` under blocks/removed counts in the input, the rest in `text`.
 * (A kept block's `span` is the whole block in the input, while its `text` has repeated
 * sentences cut: its `textSpan` is checked instead.) Returns how many text spans it checked.
 */
function checkSpans(input, article) {
  let checked = 0;
  const walk = (v, inputArea, inBlocks = false) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, inputArea, inBlocks));
    if (v === null || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (x && typeof x === "object" && typeof x.start === "number" && typeof x.end === "number") {
        const base = inputArea && k === "span" ? input : article.text;
        assert.ok(0 <= x.start && x.start <= x.end && x.end <= base.length, `${k} ${x.start}..${x.end}`);
        // An entity's `text` is its fullest name, which need not be its first mention.
        if (k === "span" && typeof v.text === "string" && !("mentions" in v) && !inBlocks) {
          assert.equal(base.slice(x.start, x.end), v.text);
          checked++;
        }
      } else {
        walk(x, inputArea, inBlocks);
      }
    }
  };
  walk(article.blocks, true, true);
  walk(article.removed, true);
  walk(article.facts, false);
  for (const b of article.blocks) {
    assert.equal(article.text.slice(b.textSpan.start, b.textSpan.end), b.text);
  }
  return checked;
}

test("ESM import works without an init call, and version matches the package", () => {
  assert.equal(typeof clean, "function");
  assert.equal(typeof Cleaner, "function");
  assert.equal(version(), pkg.version);
  assert.match(version(), /^\d+\.\d+\.\d+(-[\w.]+)?$/);
});

test("cleans a page: article kept, menus, footer and duplicate removed", () => {
  const a = clean(PAGE);
  assert.ok(a.text.startsWith("The council approved"), a.text);
  assert.ok(a.text.includes("市议会周二批准了新的预算"));
  assert.ok(!a.text.includes("Weather"));
  assert.equal(a.text.split("The council approved").length, 2, "the duplicate is gone");
  const reasons = new Set(a.removed.map((r) => r.reason));
  assert.ok(reasons.has("navigation"), [...reasons].join());
  assert.ok(reasons.has("exactDuplicate"), [...reasons].join());
  const dup = a.removed.find((r) => r.reason === "exactDuplicate");
  assert.equal(typeof dup.duplicateOf, "number");
  assert.ok(a.blocks[dup.duplicateOf].text.startsWith("The council"));
  assert.equal(a.schemaVersion, 1);
  assert.equal(a.stats.inputBytes, Buffer.byteLength(PAGE));
  assert.equal(a.stats.timings, undefined, "no clock inside wasm");
});

test("pageType: an article, and a product page with the reason it is not one", () => {
  const a = clean(PAGE);
  assert.equal(a.pageType, "article");
  assert.equal(a.isArticle, true);
  assert.equal(a.notArticleReason, undefined);
  const body = EN.split("\n\n").filter(Boolean).map((p) => `<p>${p}</p>`).join("");
  const product =
    '<html><head><title>Bridge lamp</title><script type="application/ld+json">' +
    '{"@type":"Product","name":"Bridge lamp"}</script></head>' +
    `<body><main><h1>Bridge lamp</h1>${body}${body.replaceAll("council", "town")}</main></body></html>`;
  const p = clean(product, { format: "html" });
  assert.equal(p.pageType, "product");
  assert.equal(p.isArticle, false);
  assert.match(p.notArticleReason, /declares/);
});

test("alternatives: other parts of the page with running text, as indices into removed", () => {
  const article = [
    "The harbour board voted on Monday to rebuild the old ferry pier before the summer season, after divers found cracks in three of its piles.",
    "Work will start in March and should take eleven weeks, the board said, and the ferry will use the fish quay in the meantime.",
    "The pier was built in 1911 for the steamers that carried mail to the islands, and it was last rebuilt after the storm of 1953.",
    "Divers will inspect the remaining piles again in January, and the board will publish their report with the contract for the works.",
  ];
  const comments = [
    "I have sailed 🚢 from that pier for thirty years and the piles were already cracked when my father still fished there, so this is late.",
    "The fish quay is far too small for the ferry and the lorries that meet it, and nobody on the board asked the people who unload there.",
  ];
  const a = clean(["Home", "News", "", ...article.flatMap((p) => [p, ""]), "Comments", "", ...comments.flatMap((p) => [p, ""])].join("\n"), { format: "text" });
  assert.ok(a.text.startsWith("The harbour board voted"), a.text);
  assert.equal(a.alternatives.length, 1);
  const [alt] = a.alternatives;
  assert.equal(alt.reason, "comments");
  assert.equal(alt.paragraphs, 2);
  assert.deepEqual(alt.removed.map((i) => a.removed[i].text), comments);
  assert.equal(typeof alt.words, "number");
  assert.equal(typeof alt.rule, "string");
  // Without another part, the list is empty (never absent).
  assert.deepEqual(clean(article.join("\n\n"), { format: "text" }).alternatives, []);
});

test("spans are UTF-16 offsets: right on emoji, CJK and Cyrillic text", () => {
  const a = clean(PAGE);
  const n = checkSpans(PAGE, a);
  assert.ok(n >= a.removed.length, `${n} spans checked`);
  // Conversion really happened: the last removed block ends at the input's UTF-16 length,
  // which differs from its UTF-8 length here.
  const last = a.removed.at(-1);
  assert.equal(last.span.end, PAGE.trimEnd().length);
  assert.notEqual(Buffer.byteLength(PAGE.trimEnd()), PAGE.trimEnd().length);
  // Sentences of the article text count in article.text.
  for (const s of a.facts.sentences) {
    const t = a.text.slice(s.span.start, s.span.end);
    assert.ok(t.length > 0 && t.trim() === t, JSON.stringify(t));
  }
  // A block after the emoji-bearing paragraphs: its UTF-16 start differs from its byte start.
  const zh = a.blocks.find((b) => b.text.startsWith("市议会"));
  assert.equal(PAGE.slice(zh.span.start, zh.span.end), zh.text);
  assert.notEqual(Buffer.byteLength(PAGE.slice(0, zh.span.start)), zh.span.start);
});

test("spans stay consistent with lone surrogates and other odd input", () => {
  for (const input of ["", "\n\n\n", "\uD83D lone surrogate paragraph that is long enough to be kept, maybe.", "a\u0000b", "🎉".repeat(1000)]) {
    const a = clean(input);
    assert.equal(typeof a.text, "string");
    for (const b of a.blocks) {
      assert.ok(b.span.end <= input.length && b.textSpan.end <= a.text.length);
    }
  }
});

test("results are plain JSON-compatible objects: JSON, structuredClone, postMessage", async () => {
  const a = clean(PAGE, { referenceDate: "2025-11-27" });
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(a)), a, "nothing undefined, no Map, no BigInt");
  assert.deepStrictEqual(structuredClone(a), a);
  const { port1, port2 } = new MessageChannel();
  const received = new Promise((resolve) => port2.once("message", resolve));
  port1.postMessage(a);
  assert.deepStrictEqual(await received, a);
  port1.close();
  assert.equal(a.title, null, "absent values are null, not undefined");
});

test("relative times resolve against the page's own date when no referenceDate is given", () => {
  // Written for this test: a ferry notice dated Friday 2025-11-28, as HTML and as visible text.
  const body =
    "The ferry company said on Thursday that the harbour crossing would reopen next week, after storms " +
    "closed it last week. Repairs to the pier cost more than planned, a spokeswoman said.";
  const html =
    '<!DOCTYPE html><html><head><title>Ferry to return</title>' +
    '<meta property="article:published_time" content="2025-11-28T09:30:00+01:00"></head>' +
    `<body><article><h1>Ferry to return</h1><p>${body}</p><p>${body} 🚢</p></article></body></html>`;
  const value = (a, text) => a.facts.times.find((t) => t.text === text)?.value;
  const fromMeta = clean(html);
  assert.equal(fromMeta.facts.referenceDate, "2025-11-28");
  assert.equal(fromMeta.facts.referenceDateSource, "published");
  assert.equal(value(fromMeta, "Thursday"), "2025-11-27");
  assert.equal(value(fromMeta, "next week"), "2025-W49");

  const text = `Ferry to return\n\nBy Ann Lee | Published Friday, November 28, 2025\n\n${body}\n\n${body}\n`;
  const fromDateline = new Cleaner({ format: "text" }).clean(text);
  assert.equal(fromDateline.facts.referenceDateSource, "dateline");
  assert.equal(value(fromDateline, "Thursday"), "2025-11-27");

  const given = clean(html, { referenceDate: "2025-06-06" });
  assert.deepEqual([given.facts.referenceDate, given.facts.referenceDateSource], ["2025-06-06", "option"]);
  assert.equal(value(given, "Thursday"), "2025-06-05");

  const undated = clean(body);
  assert.deepEqual([undated.facts.referenceDate, undated.facts.referenceDateSource], [null, null]);
  assert.equal(value(undated, "Thursday"), "XXXX-WXX-4");
});

test("options: every key optional, defaults filled in, undefined means default", () => {
  const c = new Cleaner();
  assert.deepStrictEqual(Object.keys(c.options).sort(), [
    "facts",
    "format",
    "keepBoilerplate",
    "keySentences",
    "language",
    "markdown",
    "maxInputBytes",
    "nearDuplicateThreshold",
    "referenceDate",
    "url",
  ]);
  assert.equal(c.options.nearDuplicateThreshold, 0.8);
  const d = new Cleaner({ facts: false, keySentences: undefined, url: "https://example.org/a" });
  assert.equal(d.options.facts, false);
  assert.equal(d.options.keySentences, 3);
  const a = d.clean(PAGE);
  assert.equal(a.url, "https://example.org/a");
  assert.equal(a.facts.sentences.length, 0);
  assert.deepStrictEqual(clean(PAGE, null), clean(PAGE, {}));
  const kept = clean(PAGE, { keepBoilerplate: true });
  assert.ok(kept.removed.some((r) => r.kept === true));
});

test("options: unknown keys and bad values are INVALID_OPTIONS errors that name the key", () => {
  let e = thrown(() => clean(PAGE, { refrenceDate: "2025-11-27" }));
  assert.ok(e instanceof Error && !(e instanceof TypeError));
  assert.equal(e.code, "INVALID_OPTIONS");
  assert.match(e.message, /refrenceDate/);
  assert.match(e.message, /referenceDate/, "the message lists the real options");
  for (const [options, key] of [
    [{ facts: "yes" }, "facts"],
    [{ keySentences: 1.5 }, "keySentences"],
    [{ maxInputBytes: -1 }, "maxInputBytes"],
    [{ format: "pdf" }, "format"],
    [{ url: 42 }, "url"],
    [{ nearDuplicateThreshold: 2 }, "nearDuplicateThreshold"],
    [{ referenceDate: "27/11/2025" }, "referenceDate"],
    [{ language: "english" }, "language"],
  ]) {
    e = thrown(() => new Cleaner(options));
    assert.equal(e.code, "INVALID_OPTIONS", JSON.stringify(options));
    assert.ok(e.message.includes(key), `${e.message} names ${key}`);
    assert.ok(!e.message.includes("Error: "), e.message);
  }
});

test("wrong argument types are TypeErrors with code INVALID_ARGUMENT", () => {
  for (const input of [undefined, null, 42, {}, ["a"], Buffer.from("abc"), new String("abc")]) {
    const e = thrown(() => clean(input));
    assert.ok(e instanceof TypeError, String(input));
    assert.equal(e.code, "INVALID_ARGUMENT");
    assert.match(e.message, /input must be a string/);
  }
  for (const options of ["en", 1, true, ["facts"], () => {}]) {
    const e = thrown(() => clean("x", options));
    assert.ok(e instanceof TypeError);
    assert.equal(e.code, "INVALID_ARGUMENT");
    assert.match(e.message, /options must be an object/);
  }
  const e = thrown(() => new Cleaner().clean(7));
  assert.ok(e instanceof TypeError && e.code === "INVALID_ARGUMENT");
});

test("maxInputBytes counts UTF-8 bytes: INPUT_TOO_LARGE", () => {
  const e = thrown(() => clean("ééé", { maxInputBytes: 5 }));
  assert.equal(e.code, "INPUT_TOO_LARGE");
  assert.ok(e instanceof Error && !(e instanceof TypeError));
  assert.match(e.message, /6 bytes/);
  assert.doesNotThrow(() => clean("ééé", { maxInputBytes: 6 }));
});

test("a Cleaner is reusable and gives what clean() gives", () => {
  const c = new Cleaner({ referenceDate: "2025-11-27" });
  const first = c.clean(PAGE);
  for (let i = 0; i < 20; i++) assert.deepStrictEqual(c.clean(PAGE), first);
  assert.deepStrictEqual(clean(PAGE, { referenceDate: "2025-11-27" }), first);
  c.free();
});

test("a 1 MB input is cleaned", () => {
  const para = (i) => `Paragraph ${i} of a long report says the council met again on Tuesday and argued about the bridge 🎉 for hours.\n\n`;
  let big = "";
  for (let i = 0; big.length < 1_000_000; i++) big += para(i);
  const a = clean(big, { facts: false });
  assert.ok(a.blocks.length + a.removed.length > 1000, "every paragraph kept or removed");
  checkSpans(big, a);
});

test("newsclean/web works in Node with initSync or init from bytes", async () => {
  const web = await import("newsclean/web");
  const bytes = readFileSync(require.resolve("newsclean/web/newsclean_bg.wasm"));
  web.initSync({ module: bytes });
  assert.equal(web.clean(PAGE).text, clean(PAGE).text);
  assert.equal(typeof web.default, "function", "default export init");
});

test("package.json is ready to publish, and lists only files that exist", () => {
  assert.equal(pkg.name, "newsclean");
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.equal(pkg.license, "MIT");
  assert.ok(pkg.repository && pkg.keywords.length > 3 && pkg.description);
  assert.equal(pkg.type, "module");
  for (const f of pkg.files) {
    if (f === "LICENSE" && !existsSync(`${pkgDir}LICENSE`)) continue; // added at the top level by the lead
    assert.ok(existsSync(pkgDir + f), f);
  }
  assert.ok(existsSync(`${pkgDir}README.md`));
  assert.deepStrictEqual(Object.keys(pkg.exports["."]), ["types", "node", "default"]);
  assert.deepStrictEqual(Object.keys(pkg.exports["./core"]), ["types", "node", "default"]);
  // The shipped declarations never say `any`.
  for (const f of ["index.d.ts", "web/newsclean.d.ts", "core/index.d.ts", "core/web/newsclean_core.d.ts"]) {
    const src = readFileSync(pkgDir + f, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    assert.ok(!/\bany\b/.test(src), `${f} says any`);
  }
});

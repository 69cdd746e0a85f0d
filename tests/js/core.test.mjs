// Tests of the core module of the packed package ("newsclean/core": cleaning, dedupe and
// metadata, no facts) in Node, as a user gets it (see api.test.mjs for how it is installed).
// It must give exactly what the full module gives with facts off, and refuse facts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";

import * as core from "newsclean/core";
import * as full from "newsclean";

const require = createRequire(import.meta.url);

// Text written for these tests: a short page with menus, a duplicate, emoji and three scripts.
const PAGE =
  "Home\nNews\nSport\n\n" +
  "The council approved the new budget on Tuesday 🎉 after a long debate that ran late into the evening.\n\n" +
  "Городской совет утвердил новый бюджет во вторник после долгих дебатов, которые продолжались почти до полуночи.\n\n" +
  "市议会周二批准了新的预算。会议一直持续到深夜，议员们表示这项计划将资助两所新学校和旧桥的维修工程。\n\n" +
  "The council approved the new budget on Tuesday 🎉 after a long debate that ran late into the evening.\n\n" +
  "Share this article\nFacebook\nTwitter\n\n© 2025 Riverton Daily. All rights reserved.\n";
const HTML =
  "<html lang=en><head><title>Budget passes | Riverton Daily</title></head><body><nav><a href=/>Home</a></nav>" +
  "<article><h1>Budget passes</h1><p>The council approved the new budget on Tuesday 🎉 after a long debate that ran late into the evening.</p>" +
  "<p>Members said the plan would fund two new schools and repair the old bridge over the river.</p></article></body></html>";

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail("expected an exception");
}

test("the core module gives exactly what the full module gives with facts off", () => {
  for (const [input, options] of [
    [PAGE, {}],
    [HTML, { format: "html", markdown: true }],
    [PAGE, { keepBoilerplate: true, nearDuplicateThreshold: 0.9 }],
  ]) {
    const a = core.clean(input, options);
    assert.deepStrictEqual(a, full.clean(input, { ...options, facts: false }));
    assert.ok(a.blocks.length > 0);
  }
  assert.equal(core.version(), full.version());
});

test("facts are off in the core module, and asking for them names the import that has them", () => {
  const c = new core.Cleaner();
  assert.equal(c.options.facts, false);
  const a = c.clean(PAGE);
  assert.deepStrictEqual(a.facts, {
    sentences: [],
    entities: [],
    times: [],
    quantities: [],
    quotes: [],
    keySentences: [],
    referenceDate: null,
    referenceDateSource: null,
  });
  for (const make of [() => core.clean(PAGE, { facts: true }), () => new core.Cleaner({ facts: true })]) {
    const e = thrown(make);
    assert.ok(e instanceof Error && !(e instanceof TypeError));
    assert.equal(e.code, "INVALID_OPTIONS");
    assert.match(e.message, /import from "newsclean"/);
  }
  assert.doesNotThrow(() => core.clean(PAGE, { facts: false }));
});

test("the core module's errors are the full module's", () => {
  assert.equal(thrown(() => core.clean(42)).code, "INVALID_ARGUMENT");
  assert.equal(thrown(() => core.clean(PAGE, { nope: 1 })).code, "INVALID_OPTIONS");
  assert.equal(thrown(() => core.clean("ééé", { maxInputBytes: 5 })).code, "INPUT_TOO_LARGE");
});

test("newsclean/core/web works with initSync, and its module is the smaller one", async () => {
  const web = await import("newsclean/core/web");
  const path = require.resolve("newsclean/core/web/newsclean_core_bg.wasm");
  web.initSync({ module: readFileSync(path) });
  assert.deepStrictEqual(web.clean(PAGE), core.clean(PAGE));
  const fullSize = statSync(require.resolve("newsclean/web/newsclean_bg.wasm")).size;
  assert.ok(statSync(path).size < 0.75 * fullSize, "the core module leaves facts out");
});

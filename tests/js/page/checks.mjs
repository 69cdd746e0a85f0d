// The checks both bundled pages run in headless Chromium (page/bundled.mjs: "newsclean";
// page/bundled-core.mjs: "newsclean/core"), on the module `api` they import. Sets
// `window.__result` for browser.test.mjs.
export function check(api, { facts }) {
  const { clean, Cleaner, version } = api;
  const input =
    "Home\nNews\nSport\n\n" +
    "The council approved the new budget on Tuesday 🎉 after a long debate that ran late into the evening.\n\n" +
    "Городской совет утвердил новый бюджет во вторник после долгих дебатов, которые продолжались почти до полуночи.\n\n" +
    "市议会周二批准了新的预算。会议一直持续到深夜，议员们表示这项计划将资助两所新学校和旧桥的维修工程。\n\n" +
    "© 2025 Riverton Daily. All rights reserved.\n";
  const failures = [];
  const ok = (good, what) => good || failures.push(what);
  try {
    const a = clean(input, facts ? { referenceDate: "2025-11-27" } : {});
    ok(a.text.startsWith("The council approved"), `text: ${a.text}`);
    for (const b of a.blocks) {
      ok(input.slice(b.span.start, b.span.end) === b.text, `block span ${JSON.stringify(b)}`);
      ok(a.text.slice(b.textSpan.start, b.textSpan.end) === b.text, "textSpan");
    }
    for (const r of a.removed) ok(input.slice(r.span.start, r.span.end) === r.text, `removed ${r.text}`);
    ok(JSON.stringify(structuredClone(a)) === JSON.stringify(a), "structuredClone");
    ok((a.facts.sentences.length > 0) === facts, `facts: ${a.facts.sentences.length} sentences`);
    const c = new Cleaner({ facts: false });
    ok(c.clean(input).text === a.text, "Cleaner");
    try {
      clean(42);
      ok(false, "clean(42) did not throw");
    } catch (e) {
      ok(e instanceof TypeError && e.code === "INVALID_ARGUMENT", `TypeError: ${e}`);
    }
    try {
      clean(input, facts ? { nope: true } : { facts: true });
      ok(false, "bad options accepted");
    } catch (e) {
      ok(e.code === "INVALID_OPTIONS", `INVALID_OPTIONS: ${e}`);
      ok(facts || e.message.includes('"newsclean"'), `the message names the full module: ${e}`);
    }
    window.__result = { failures, version: version(), blocks: a.blocks.length };
  } catch (e) {
    window.__result = { failures: [...failures, `threw: ${e && e.stack}`] };
  }
}

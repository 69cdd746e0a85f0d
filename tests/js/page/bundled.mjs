// Runs in headless Chromium after esbuild bundled it with the packed "newsclean" package: the
// bundler user's path (the package's default `exports` entry, WebAssembly inlined).
import { clean, Cleaner, version } from "newsclean";

const input =
  "Home\nNews\nSport\n\n" +
  "The council approved the new budget on Tuesday 🎉 after a long debate that ran late into the evening.\n\n" +
  "Городской совет утвердил новый бюджет во вторник после долгих дебатов, которые продолжались почти до полуночи.\n\n" +
  "市议会周二批准了新的预算。会议一直持续到深夜，议员们表示这项计划将资助两所新学校和旧桥的维修工程。\n\n" +
  "© 2025 Riverton Daily. All rights reserved.\n";

const failures = [];
const check = (ok, what) => ok || failures.push(what);
try {
  const a = clean(input, { referenceDate: "2025-11-27" });
  check(a.text.startsWith("The council approved"), `text: ${a.text}`);
  for (const b of a.blocks) {
    check(input.slice(b.span.start, b.span.end) === b.text, `block span ${JSON.stringify(b)}`);
    check(a.text.slice(b.textSpan.start, b.textSpan.end) === b.text, "textSpan");
  }
  for (const r of a.removed) check(input.slice(r.span.start, r.span.end) === r.text, `removed ${r.text}`);
  check(JSON.stringify(structuredClone(a)) === JSON.stringify(a), "structuredClone");
  const c = new Cleaner({ facts: false });
  check(c.clean(input).text === a.text, "Cleaner");
  try {
    clean(42);
    check(false, "clean(42) did not throw");
  } catch (e) {
    check(e instanceof TypeError && e.code === "INVALID_ARGUMENT", `TypeError: ${e}`);
  }
  try {
    clean(input, { nope: true });
    check(false, "unknown option accepted");
  } catch (e) {
    check(e.code === "INVALID_OPTIONS", `INVALID_OPTIONS: ${e}`);
  }
  window.__result = { failures, version: version(), blocks: a.blocks.length };
} catch (e) {
  window.__result = { failures: [...failures, `threw: ${e && e.stack}`] };
}

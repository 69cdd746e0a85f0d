// Benchmark of the WebAssembly build in Node, next to the native build.
//
//   node tests/js/bench.mjs            (after scripts/build-wasm.sh; uses pkg/node.mjs)
//
// 1. Median ms per page over ../shared/eval/articles-dev/text (default options, format "text",
//    as the native eval harness runs them): wasm here, native from `newsclean-eval articles`
//    (its ms_per_page), and their ratio. Skipped cleanly when ../shared/eval is absent.
// 2. The JS<->wasm crossing cost for a 1 MB input (written here, no eval data): the input
//    crossing (the string copied into wasm: a call refused right after the copy by
//    maxInputBytes, less the same call on a tiny string), and the whole clean for scale.
//    The output side (building the result objects) is measured inside wasm by
//    `tests/wasm.rs::crossing_cost` (run with --bench-crossing).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkgEntry = process.env.NEWSCLEAN_PKG || join(root, "pkg/node.mjs");
if (!existsSync(pkgEntry)) {
  console.error(`no ${pkgEntry}: run scripts/build-wasm.sh first`);
  process.exit(1);
}
const { clean, Cleaner } = await import(pkgEntry);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const ROUNDS = Number(process.env.ROUNDS || 5);

// ---- 1. articles-dev pages -------------------------------------------------------------------
const evalDir = join(root, "../shared/eval/articles-dev");
if (!existsSync(join(evalDir, "text"))) {
  console.log(`articles-dev: skipped (${evalDir} absent)`);
} else {
  const files = readdirSync(join(evalDir, "text")).filter((f) => f.endsWith(".txt")).sort();
  const pages = files.map((f) => readFileSync(join(evalDir, "text", f), "utf8"));
  const cleaner = new Cleaner({ format: "text" });
  for (const p of pages) cleaner.clean(p); // warm-up: compile, lazily built tables
  const perPage = pages.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    pages.forEach((p, i) => perPage[i].push(time(() => cleaner.clean(p))));
  }
  const wasmMs = median(perPage.map(median));
  const totalMb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
  const sumMs = perPage.map(median).reduce((a, b) => a + b, 0);
  console.log(
    `articles-dev text: ${pages.length} pages, ${totalMb.toFixed(1)} MB; wasm (Node ${process.version}) ` +
      `median ${wasmMs.toFixed(2)} ms/page (median of ${ROUNDS} rounds each), ${(totalMb / (sumMs / 1000)).toFixed(1)} MB/s`,
  );
  let nativeMs = null;
  try {
    const out = execFileSync(
      "cargo",
      ["run", "--quiet", "--release", "--bin", "newsclean-eval", "--", "articles", evalDir, "--mode", "text"],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    nativeMs = Number(out.match(/ms_per_page=([\d.]+)/)?.[1]);
  } catch (e) {
    console.log(`native: newsclean-eval failed (${e.message.split("\n")[0]})`);
  }
  if (nativeMs) {
    console.log(
      `native (newsclean-eval, release): median ${nativeMs.toFixed(2)} ms/page; ` +
        `wasm/native = ${(wasmMs / nativeMs).toFixed(2)}x`,
    );
  }
}

// ---- 2. crossing cost, 1 MB ------------------------------------------------------------------
const para = (i) =>
  `Paragraph ${i}: the council met again on Tuesday and argued for hours about the bridge, ` +
  `the schools and the budget, and Mayor Ana Ruiz said «we will decide next week» 🎉.\n\n`;
let big = "";
for (let i = 0; Buffer.byteLength(big) < 1_000_000; i++) big += para(i);
const refuse = new Cleaner({ maxInputBytes: 1 });
const rejected = (s) => {
  try {
    refuse.clean(s);
  } catch {
    return;
  }
  throw new Error("not refused");
};
for (let i = 0; i < 5; i++) rejected(big);
const inMs = median(Array.from({ length: 21 }, () => time(() => rejected(big))));
const baseMs = median(Array.from({ length: 21 }, () => time(() => rejected("xx"))));
const full = new Cleaner();
full.clean(big);
const totalMs = median(Array.from({ length: ROUNDS }, () => time(() => full.clean(big))));
const a = full.clean(big);
const objects = JSON.stringify(a).match(/\{/g).length;
console.log(
  `1 MB input (${Buffer.byteLength(big)} bytes UTF-8, ${big.length} UTF-16 units): ` +
    `JS->wasm string crossing ${(inMs - baseMs).toFixed(2)} ms; whole clean ${totalMs.toFixed(1)} ms ` +
    `(${a.blocks.length} blocks, ${a.facts.sentences.length} sentences, ${objects} result objects)`,
);
void clean;

// Benchmark of the WebAssembly build in Node, next to the native build.
//
//   node tests/js/bench.mjs            (after scripts/build-wasm.sh; uses pkg/node.mjs)
//
// 1. Median ms per page over ../shared/eval/articles-dev/text (default options, format "text",
//    as the native eval harness runs them): wasm here, native from `newsclean-eval articles`
//    (its ms_per_page), and their ratio. Skipped cleanly when ../shared/eval is absent.
//    To damp the noise of a shared machine, each page's wasm time is its best of ROUNDS runs
//    (default 7), and the native figure is the best of 3 runs of the eval harness.
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
const ROUNDS = Number(process.env.ROUNDS || 7);

// ---- 1. articles-dev pages -------------------------------------------------------------------
const evalDir = join(root, "../shared/eval/articles-dev");
if (!existsSync(join(evalDir, "text"))) {
  console.log(`articles-dev: skipped (${evalDir} absent)`);
} else {
  const files = readdirSync(join(evalDir, "text")).filter((f) => f.endsWith(".txt")).sort();
  const pages = files.map((f) => readFileSync(join(evalDir, "text", f), "utf8"));
  const cleaner = new Cleaner({ format: "text" });
  for (const p of pages) cleaner.clean(p); // warm-up: compile, lazily built tables
  const best = pages.map(() => Infinity);
  for (let r = 0; r < ROUNDS; r++) {
    pages.forEach((p, i) => (best[i] = Math.min(best[i], time(() => cleaner.clean(p)))));
  }
  const wasmMs = median(best);
  const totalMb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
  const sumMs = best.reduce((a, b) => a + b, 0);
  console.log(
    `articles-dev text: ${pages.length} pages, ${totalMb.toFixed(2)} MB; wasm (Node ${process.version}): ` +
      `median ${wasmMs.toFixed(2)} ms/page (best of ${ROUNDS} runs per page), ${(totalMb / (sumMs / 1000)).toFixed(2)} MB/s`,
  );
  const runs = [];
  for (let r = 0; r < 3; r++) {
    try {
      const out = execFileSync(
        "cargo",
        ["run", "--quiet", "--release", "--bin", "newsclean-eval", "--", "articles", evalDir, "--mode", "text"],
        { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      );
      runs.push(Number(out.match(/ms_per_page=([\d.]+)/)?.[1]));
    } catch (e) {
      console.log(`native: newsclean-eval failed (${e.message.split("\n")[0]})`);
      break;
    }
  }
  if (runs.length) {
    const nativeMs = Math.min(...runs);
    console.log(
      `native (newsclean-eval articles --mode text, release): median ${nativeMs.toFixed(2)} ms/page ` +
        `(best of ${runs.length} runs: ${runs.join(", ")}); wasm/native = ${(wasmMs / nativeMs).toFixed(2)}x`,
    );
  }
}

// ---- 2. crossing cost, 1 MB ------------------------------------------------------------------
// A 1 MB page of distinct paragraphs (a fixed pseudo-random walk over a small vocabulary, with
// non-ASCII words so UTF-8 and UTF-16 offsets differ), the same as tests/wasm.rs crossing_cost.
const WORDS = ("the council met on Tuesday and argued about bridge schools budget mayor said " +
  "residents river plan repairs week next vote members street trains city hall report money " +
  "Zürich Kraków café naïve «quoted» 🎉 Москва 東京").split(" ");
let state = 2463534242; // xorshift32 (Marsaglia 2003), in uint32 arithmetic
const rand = (n) => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state % n;
};
let big = "";
for (let i = 0; Buffer.byteLength(big) < 1_000_000; i++) {
  const sentences = [];
  for (let s = 0; s < 3; s++) {
    const words = Array.from({ length: 10 + rand(10) }, () => WORDS[rand(WORDS.length)]);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    sentences.push(words.join(" ") + ".");
  }
  big += `${sentences.join(" ")}\n\n`;
}
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

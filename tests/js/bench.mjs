// Benchmark of the WebAssembly build in Node, next to the native build.
//
//   node tests/js/bench.mjs            (after scripts/build-wasm.sh; uses pkg/node.mjs)
//
// 1. Median ms per page over ../shared/eval/articles-dev, for text pages (text/*.txt, format
//    "text") and HTML pages (html/*.html, format "html"), default options otherwise, as the native
//    eval harness runs them: wasm here, native from `newsclean-eval articles --mode text|html`
//    (its ms_per_page), and their ratio. Skipped cleanly when ../shared/eval is absent.
//    To damp the noise of a shared machine, each page's wasm time is its best of ROUNDS runs
//    (default 7), and the native figure is the best of ROUNDS runs of the eval harness (its median
//    ms/page), one after each wasm round.
// 2. The JS<->wasm crossing cost for a 1 MB input (written here, no eval data): the input
//    crossing (the string copied into wasm: a call refused right after the copy by
//    maxInputBytes, less the same call on a tiny string), and the whole clean for scale.
//    The output side (building the result objects) is measured inside wasm by
//    `tests/wasm.rs::crossing_cost` (run with --bench-crossing).
//
// Knobs (for comparing builds): NEWSCLEAN_PKG=a/node.mjs,b/node.mjs times several packages in
// one process, interleaved page by page (so machine load hits them alike); MODES=text,html picks
// the page sets; NATIVE=0 skips the native runs; CROSSING=0 skips part 2; ROUNDS=N.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { loadavg } from "node:os";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkgEntries = (process.env.NEWSCLEAN_PKG || join(root, "pkg/node.mjs")).split(",");
for (const e of pkgEntries) {
  if (!existsSync(e)) {
    console.error(`no ${e}: run scripts/build-wasm.sh first`);
    process.exit(1);
  }
}
const pkgs = [];
for (const e of pkgEntries) pkgs.push({ entry: e, mod: await import(e) });
const { clean, Cleaner } = pkgs[0].mod;

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
const MODES = (process.env.MODES || "text,html").split(",");
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

// ---- 1. articles-dev pages -------------------------------------------------------------------
const evalDir = join(root, "../shared/eval/articles-dev");
const SETS = { text: ["text", ".txt"], html: ["html", ".html"] };
for (const mode of MODES) {
  const [sub, ext] = SETS[mode] ?? [];
  if (!sub) {
    console.error(`MODES: unknown mode ${mode} (text or html)`);
    process.exit(1);
  }
  if (!existsSync(join(evalDir, sub))) {
    console.log(`articles-dev ${mode}: skipped (${join(evalDir, sub)} absent)`);
    continue;
  }
  const files = readdirSync(join(evalDir, sub)).filter((f) => f.endsWith(ext)).sort();
  const pages = files.map((f) => readFileSync(join(evalDir, sub, f), "utf8"));
  const totalMb = pages.reduce((n, p) => n + Buffer.byteLength(p), 0) / 1e6;
  const cleaners = pkgs.map((p) => new p.mod.Cleaner({ format: mode }));
  for (const c of cleaners) for (const p of pages) c.clean(p); // warm-up: compile, lazy tables
  // One native run after each wasm round, so that a change in machine load hits both sides alike.
  const native = process.env.NATIVE !== "0";
  const runs = [];
  let nativeError = "";
  const runNative = () => {
    try {
      const out = execFileSync(
        "cargo",
        ["run", "--quiet", "--release", "--bin", "newsclean-eval", "--", "articles", evalDir, "--mode", mode],
        { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      );
      runs.push(Number(out.match(/ms_per_page=([\d.]+)/)?.[1]));
    } catch (e) {
      nativeError = e.message.split("\n")[0];
    }
  };
  const best = cleaners.map(() => pages.map(() => Infinity));
  for (let r = 0; r < ROUNDS; r++) {
    pages.forEach((p, i) =>
      cleaners.forEach((c, k) => (best[k][i] = Math.min(best[k][i], time(() => c.clean(p))))),
    );
    if (native && !nativeError) runNative();
  }
  const wasmMs = best.map(median);
  pkgs.forEach((p, k) => {
    const sumMs = best[k].reduce((a, b) => a + b, 0);
    console.log(
      `articles-dev ${mode}: ${pages.length} pages, ${totalMb.toFixed(2)} MB; wasm (Node ${process.version}` +
        `${pkgs.length > 1 ? `, ${p.entry}` : ""}): median ${wasmMs[k].toFixed(2)} ms/page ` +
        `(best of ${ROUNDS} runs per page), ${(totalMb / (sumMs / 1000)).toFixed(2)} MB/s; load ${load()}`,
    );
  });
  if (nativeError) console.log(`native: newsclean-eval failed (${nativeError})`);
  if (runs.length) {
    const nativeMs = Math.min(...runs);
    const ratios = wasmMs.map((w) => `${(w / nativeMs).toFixed(2)}x`).join(", ");
    console.log(
      `native (newsclean-eval articles --mode ${mode}, release): median ${nativeMs.toFixed(2)} ms/page ` +
        `(best of ${runs.length} runs: ${runs.join(", ")}); wasm/native = ${ratios}`,
    );
  }
}

// ---- 2. crossing cost, 1 MB ------------------------------------------------------------------
if (process.env.CROSSING === "0") process.exit(0);
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

// The Web Worker side of newsclean: owns the WebAssembly module, so a long clean never blocks the
// page. Shared by the demo (www/worker.js) and the extension panel (extension/common/worker.js),
// whose entry files import the module statically and call serve(). Protocol (plain objects):
//   -> { type: "init" }
//   <- { type: "ready", wasmBytes, wasmGzipBytes, supportsHtml, warmMs }  |  { type: "fatal", error }
//   -> { type: "clean", id, input, options }
//   <- { type: "cleaned", id, ms }, then { type: "part", id, path, items }* for a big report's
//      long lists, then { type: "result", id, article, ms, parts }
//      | { type: "error", id, error: { name, code, message } }

let mod = null;

const plainError = (e) => ({
  name: e?.name ?? "Error",
  code: e?.code ?? null,
  message: e?.message ?? String(e),
});

async function gzipSize(bytes) {
  if (typeof CompressionStream !== "function") return null;
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

async function init(m, wasmUrl) {
  const res = await fetch(wasmUrl);
  if (!res.ok) throw new Error(`cannot load ${wasmUrl}: HTTP ${res.status}`);
  const bytes = await res.arrayBuffer();
  await m.default({ module_or_path: bytes });
  mod = m;
  let supportsHtml = true;
  try {
    m.clean("<!DOCTYPE html><html><body><p>Probe.</p></body></html>", { format: "html", facts: false });
  } catch (e) {
    supportsHtml = !(e && e.code === "INVALID_OPTIONS" && /html/i.test(e.message ?? ""));
  }
  // One small clean builds the module's tables (compiled once per instance), so the time shown
  // for the first real page is the time of that page alone.
  const t0 = performance.now();
  try {
    m.clean("Warming up: the council met on Monday and approved the plan.", { format: "text" });
  } catch {
    // A failure here shows up again, with its message, on the first real clean.
  }
  const warmMs = performance.now() - t0;
  return { wasmBytes: bytes.byteLength, wasmGzipBytes: await gzipSize(bytes), supportsHtml, warmMs };
}

/** Items per message when a report's lists are sent in parts. */
const PART = 2000;

/**
 * Sends the report. A big report's long lists go first in parts of PART items ({ type: "part",
 * id, path, items }), then the rest with those lists empty: the page unpacks each message in a
 * task of its own, so unpacking a 5 MB page's report never holds the page for long.
 */
function postReport(id, article, ms) {
  const lists = [
    ["blocks", article],
    ["removed", article],
    ...Object.keys(article.facts ?? {}).map((k) => [k, article.facts]),
  ].filter(([k, o]) => Array.isArray(o[k]) && o[k].length > PART);
  for (const [k, o] of lists) {
    const path = o === article ? k : `facts.${k}`;
    const all = o[k];
    for (let i = 0; i < all.length; i += PART) self.postMessage({ type: "part", id, path, items: all.slice(i, i + PART) });
    o[k] = [];
  }
  self.postMessage({ type: "result", id, article, ms, parts: lists.length > 0 });
}

/**
 * Answers the page's messages with `m`, the wasm-bindgen module (`newsclean.js`, imported by the
 * entry file), whose .wasm is fetched from `wasmUrl`.
 */
export function serve(m, wasmUrl) {
  self.onmessage = (ev) => handle(m, wasmUrl, ev.data ?? {});
}

async function handle(m, wasmUrl, msg) {
  if (msg.type === "init") {
    try {
      self.postMessage({ type: "ready", ...(await init(m, wasmUrl)) });
    } catch (e) {
      self.postMessage({ type: "fatal", error: plainError(e) });
    }
    return;
  }
  if (msg.type === "clean") {
    if (!mod) {
      self.postMessage({ type: "error", id: msg.id, error: { name: "Error", code: "NOT_READY", message: "the module is not loaded" } });
      return;
    }
    const t0 = performance.now();
    try {
      const article = mod.clean(msg.input, msg.options ?? {});
      const ms = performance.now() - t0;
      // A small message first: the page learns the clean is over before it unpacks the report.
      self.postMessage({ type: "cleaned", id: msg.id, ms });
      postReport(msg.id, article, ms);
    } catch (e) {
      self.postMessage({ type: "error", id: msg.id, error: plainError(e), ms: performance.now() - t0 });
    }
  }
}

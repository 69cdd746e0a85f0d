// The page side of worker.js: a promise API over the Web Worker that runs newsclean.

/** An error from the cleaner, with the stable `code` the module gave (e.g. INVALID_OPTIONS). */
export class CleanError extends Error {
  constructor({ name, code, message }) {
    super(message);
    this.name = name === "TypeError" ? "TypeError" : "CleanError";
    this.code = code ?? null;
  }
}

export class CleanerClient {
  /** @param {{workerUrl: string|URL}} o  the worker entry file (worker.js) */
  constructor({ workerUrl }) {
    this.urls = { workerUrl: String(workerUrl) };
    this.nextId = 1;
    this.pending = new Map();
    this.info = null;
    this.ready = this.#start();
  }

  #start() {
    this.worker = new Worker(this.urls.workerUrl, { type: "module" });
    return new Promise((resolve, reject) => {
      this.worker.onmessage = (ev) => {
        const m = ev.data;
        if (m.type === "ready") {
          this.info = { wasmBytes: m.wasmBytes, wasmGzipBytes: m.wasmGzipBytes, supportsHtml: m.supportsHtml, warmMs: m.warmMs };
          resolve(this.info);
        } else if (m.type === "fatal") {
          reject(new CleanError(m.error));
        } else if (m.type === "cleaned") {
          performance.mark("newsclean:worker-done");
        } else {
          const p = this.pending.get(m.id);
          if (!p) return;
          if (m.type === "part") {
            // A part of a long list of a big report (see worker-core.js postReport).
            const list = (p.parts ??= new Map()).get(m.path) ?? [];
            for (const item of m.items) list.push(item);
            p.parts.set(m.path, list);
            return;
          }
          this.pending.delete(m.id);
          if (m.type === "result") {
            const a = m.article;
            for (const [path, list] of p.parts ?? []) {
              if (path.startsWith("facts.")) a.facts[path.slice(6)] = list;
              else a[path] = list;
            }
            p.resolve({ article: a, ms: m.ms });
          } else p.reject(Object.assign(new CleanError(m.error), { ms: m.ms }));
        }
      };
      this.worker.onerror = (ev) => {
        ev.preventDefault?.();
        const err = new CleanError({ name: "Error", code: "WORKER", message: ev.message || "the worker failed to start" });
        reject(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      };
      this.worker.postMessage({ type: "init" });
    });
  }

  /** Cleans `input` with `options` in the worker. Resolves to { article, ms }. */
  async clean(input, options = {}) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "clean", id, input, options });
    });
  }

  /** True while a clean is running. */
  get busy() {
    return this.pending.size > 0;
  }

  /** Stops a running clean (the worker is replaced; the module is loaded again). */
  cancel() {
    this.worker.terminate();
    const err = new CleanError({ name: "Error", code: "CANCELLED", message: "cancelled" });
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.ready = this.#start();
    return this.ready;
  }
}

#!/usr/bin/env node
// Serves the newsclean demo (www/) on 127.0.0.1 and prints its URL.
//
//   node scripts/serve.mjs [PORT]        PORT from the argument, else $PORT, else 8080 (0 = any free)
//   HOST=0.0.0.0 node scripts/serve.mjs  to listen elsewhere (default 127.0.0.1, this machine only)
//
// A plain static file server (Node's http module, no dependencies) with the right MIME types for
// ES modules and WebAssembly. It is also imported by the end-to-end tests (createStaticServer).

import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const WWW = path.resolve(HERE, "..", "www");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

/**
 * A static file server for `root`. Resolves to the listening server and its URL.
 * @param {{root?: string, host?: string, port?: number, headers?: Record<string,string>, quiet?: boolean}} [o]
 * @returns {Promise<{server: import("node:http").Server, url: string}>}
 */
export function createStaticServer({ root = WWW, host = "127.0.0.1", port = 0, headers = {}, quiet = true } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n");
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      return send(400, "bad request\n");
    }
    let file = path.resolve(base, "." + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, "forbidden\n");
    try {
      let st = await fs.stat(file);
      if (st.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: pathname + "/", ...headers });
          return res.end();
        }
        file = path.join(file, "index.html");
        st = await fs.stat(file);
      }
      const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(200, {
        "content-type": type,
        "content-length": st.size,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...headers,
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(404, `not found: ${pathname}\n`);
    }
    if (!quiet) console.log(`${req.method} ${pathname}`);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const shown = host.includes(":") ? `[${host}]` : host;
      resolve({ server, url: `http://${shown}:${addr.port}/` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = process.argv[2];
  const port = Number(arg ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: bad port ${JSON.stringify(arg ?? process.env.PORT)}`);
    process.exit(2);
  }
  const host = process.env.HOST ?? "127.0.0.1";
  try {
    await fs.access(path.join(WWW, "pkg", "newsclean.js"));
  } catch {
    console.warn("note: www/pkg/ is missing: run scripts/build-wasm.sh first, or the demo cannot clean.");
  }
  const { url } = await createStaticServer({ host, port, quiet: !process.env.VERBOSE });
  console.log(`newsclean demo: ${url}`);
  console.log("(Ctrl-C to stop)");
}

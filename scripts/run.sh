#!/usr/bin/env bash
# The main job (README Quick start): builds newsclean, cleans a bundled sample page and prints
# the article and what was removed, then builds the WebAssembly package and serves the demo page.
#   PORT=8080 bash scripts/run.sh       (default port 8080; NO_SERVE=1 to skip serving)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh

step "building the command-line tool"
cargo build --release --bin newsclean

sample=""
for s in www/samples/harbour-bridge.en.txt www/samples/*.txt tests/data/council.txt; do
  [ -f "$s" ] && { sample="$s"; break; }
done
step "cleaning $sample"
"${CARGO_TARGET_DIR:-target}/release/newsclean" --explain "$sample"

if [ -f scripts/build-wasm.sh ] && [ -f scripts/serve.mjs ]; then
  step "building the WebAssembly package and the demo"
  bash scripts/build-wasm.sh
  [ "${NO_SERVE:-}" = "1" ] && exit 0
  step "serving the demo"
  exec node scripts/serve.mjs "${PORT:-8080}"
fi

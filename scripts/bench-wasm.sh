#!/usr/bin/env bash
# Benchmarks the WebAssembly build (see DEVELOPING.md):
#   1. node tests/js/bench.mjs: median ms per articles-dev page, wasm next to native (skipped when
#      ../shared/eval is absent), and the JS->wasm cost of a 1 MB string;
#   2. tests/wasm.rs `crossing_cost` (release build, in Node): for the same 1 MB input, the time of
#      the string copy, the Rust core and building the JS result objects, measured inside wasm.
# Builds the package first when pkg/ is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-env.sh
export CARGO_TERM_COLOR=never

[ -f pkg/node.mjs ] || bash scripts/build-wasm.sh

step "Node benchmark (pkg/node.mjs)"
node tests/js/bench.mjs

step "crossing cost inside wasm (release build, Node)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CARGO_PROFILE_RELEASE_STRIP=true \
  cargo test --release --target wasm32-unknown-unknown --no-default-features --features gazetteers \
  --test wasm crossing_cost -- --include-ignored --nocapture 2>&1 | grep -E "crossing|test result"

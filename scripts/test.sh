#!/usr/bin/env bash
# The one test command (README Quick start; .ci/run runs exactly this). On a fresh machine it
# first installs what the tests need (idempotent: skipped when present), then runs every test:
# format, lints, unit/golden/CLI/robustness/doc tests, the fuzzers briefly, the quality ratchet on
# ../shared/eval (skipped when absent), the wasm and JS package tests, the browser end-to-end tests,
# and the Python binding's tests (with Spark, Ray and datatrove).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh
export CARGO_TERM_COLOR=never

step "toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "format"
cargo fmt --all --check

step "lints (native)"
cargo clippy --release --all-targets -- -D warnings

step "tests (native: unit, golden fixtures, CLI, robustness, doc tests)"
cargo test --release

step "fuzz (brief; long runs: scripts/fuzz.sh long clean 3600)"
bash scripts/fuzz.sh

step "quality ratchet (dev-set figures)"
python3 scripts/ratchet.py

for s in scripts/test-wasm.sh scripts/test-e2e.sh scripts/test-python.sh; do
  if [ -f "$s" ]; then
    step "$s"
    bash "$s"
  fi
done

step "all tests passed"

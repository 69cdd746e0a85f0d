#!/usr/bin/env bash
# Fuzzing with cargo-fuzz on the installed nightly toolchain.
#   scripts/fuzz.sh            build the targets and run each briefly (what CI does)
#   scripts/fuzz.sh long T S   run target T for S seconds (manual long runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh

if ! rustup toolchain list | grep -q '^nightly'; then
  step "installing the nightly toolchain (for cargo-fuzz)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  step "installing cargo-fuzz (once)"
  cargo install cargo-fuzz
fi
mkdir -p fuzz/corpus/clean fuzz/corpus/repeat fuzz/corpus/tree
# Seed the corpora with our own fixtures.
for f in tests/html-fixtures/*/input.html; do
  [ -f "$f" ] && cp -n "$f" "fuzz/corpus/tree/$(echo "$f" | tr '/' '_')" 2>/dev/null || true
done
for f in tests/data/*.txt tests/fixtures/*/input.* tests/html-fixtures/*/input.html; do
  [ -f "$f" ] && cp -n "$f" "fuzz/corpus/clean/$(echo "$f" | tr '/' '_')" 2>/dev/null || true
done

if [ "${1:-}" = "long" ]; then
  target="${2:-clean}"; secs="${3:-600}"
  cargo +nightly fuzz run "$target" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096
  exit 0
fi

step "fuzz: build"
cargo +nightly fuzz build
for t in clean repeat tree; do
  step "fuzz: $t for ${FUZZ_SECONDS:-20}s"
  cargo +nightly fuzz run "$t" -- -max_total_time="${FUZZ_SECONDS:-20}" -timeout=10 -rss_limit_mb=4096
done

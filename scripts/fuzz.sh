#!/usr/bin/env bash
# Fuzzing with cargo-fuzz on the installed nightly toolchain.
#   scripts/fuzz.sh            build the targets and run each briefly (what CI does)
#   scripts/fuzz.sh long T S   run target T for S seconds (manual long runs)
#   scripts/fuzz.sh minimise T  merge fuzz/corpus/T into the kept minimised corpus fuzz/corpus-min/T
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
  corpora=("fuzz/corpus/$target")
  [ -d "fuzz/corpus-min/$target" ] && corpora+=("fuzz/corpus-min/$target")
  cargo +nightly fuzz run "$target" "${corpora[@]}" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096
  exit 0
fi

if [ "${1:-}" = "minimise" ]; then
  # Merges what fuzz/corpus/<target> found into fuzz/corpus-min/<target> (inputs that add coverage).
  target="${2:-tree}"
  mkdir -p "fuzz/corpus-min/$target"
  cargo +nightly fuzz run "$target" "fuzz/corpus-min/$target" "fuzz/corpus/$target" -- -merge=1 -timeout=10 -rss_limit_mb=4096
  exit 0
fi

step "fuzz: build"
cargo +nightly fuzz build
for t in clean repeat tree; do
  # The minimised corpus kept in the repository (fuzz/corpus-min/<target>) is replayed first.
  corpora=("fuzz/corpus/$t")
  [ -d "fuzz/corpus-min/$t" ] && corpora+=("fuzz/corpus-min/$t")
  step "fuzz: $t (${corpora[*]}) for ${FUZZ_SECONDS:-20}s"
  cargo +nightly fuzz run "$t" "${corpora[@]}" -- -max_total_time="${FUZZ_SECONDS:-20}" -timeout=10 -rss_limit_mb=4096
done

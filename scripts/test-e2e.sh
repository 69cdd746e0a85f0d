#!/usr/bin/env bash
# End-to-end tests in real (headless) Chromium: the demo page (www/) and the browser extension
# (www/extension/). Installs what it needs when missing — Debian's chromium, the npm packages of
# tests/e2e/ from its package-lock.json — and builds the WebAssembly module when www/pkg/ is
# missing or older than the Rust sources. Every test talks only to servers on 127.0.0.1.
#
#   scripts/test-e2e.sh                 all tests
#   scripts/test-e2e.sh demo            only tests/e2e/demo.test.mjs (or: extension)
#   CHROMIUM=/path/to/chromium scripts/test-e2e.sh
#
# Screenshots of every state land in tests/e2e/screenshots/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
  echo "test-e2e: installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if ! command -v node >/dev/null; then
  echo "test-e2e: installing nodejs and npm" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi

# npm packages, from the committed lockfile; skipped when already installed from this lockfile.
(
  cd tests/e2e
  stamp=node_modules/.newsclean-lock-sha256
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    echo "test-e2e: npm ci in tests/e2e" >&2
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
)

# The WebAssembly module, in www/pkg/ and www/extension/pkg/ (built by scripts/build-wasm.sh).
stale=0
for d in www/pkg www/extension/pkg; do
  if [[ ! -f $d/newsclean_bg.wasm || ! -f $d/newsclean.js ]]; then
    stale=1
  elif [[ -n $(find src Cargo.toml Cargo.lock -newer "$d/newsclean_bg.wasm" -print -quit 2>/dev/null) ]]; then
    stale=1
  fi
done
if [[ $stale == 1 ]]; then
  if [[ ${SKIP_WASM:-0} == 1 ]]; then
    echo "test-e2e: the wasm module is missing or older than src/, and SKIP_WASM=1" >&2
    exit 1
  fi
  echo "test-e2e: building the wasm module (scripts/build-wasm.sh)" >&2
  bash scripts/build-wasm.sh
fi

export CHROMIUM
tests=()
case ${1:-all} in
  all) tests=(demo.test.mjs extension.test.mjs) ;;
  demo | extension) tests=("$1.test.mjs") ;;
  *) echo "usage: scripts/test-e2e.sh [all|demo|extension]" >&2; exit 2 ;;
esac
cd tests/e2e
node --test --test-concurrency=1 "${tests[@]}"

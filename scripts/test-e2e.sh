#!/usr/bin/env bash
# End-to-end tests in real (headless) browsers: the demo page (www/) and the browser extension
# (www/extension/, built for each browser by scripts/build-extension.sh), in Chromium with
# playwright-core and in Firefox ESR with puppeteer-core over WebDriver BiDi; axe-core checks
# accessibility in both, and `web-ext lint` the Firefox build (0 errors, 0 warnings). Installs
# what it needs when missing — Debian's chromium and firefox-esr, the npm packages of tests/e2e/
# from its package-lock.json — and builds the WebAssembly module when www/pkg/ is missing or
# older than the Rust sources. Every test talks only to servers on 127.0.0.1.
#
#   scripts/test-e2e.sh                 all tests
#   scripts/test-e2e.sh demo            only tests/e2e/demo.test.mjs (or: extension, firefox)
#   CHROMIUM=/path/to/chromium FIREFOX=/path/to/firefox scripts/test-e2e.sh
#
# Screenshots of every state land in tests/e2e/screenshots/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
FIREFOX=${FIREFOX:-/usr/bin/firefox-esr}
missing=()
[[ -x $CHROMIUM ]] || missing+=(chromium)
[[ -x $FIREFOX ]] || missing+=(firefox-esr)
if (( ${#missing[@]} )); then
  echo "test-e2e: installing Debian's ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
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

# Both extension builds (dist/chromium, dist/firefox) and their zips; the tests load these.
SKIP_WASM=1 bash scripts/build-extension.sh

export CHROMIUM FIREFOX
tests=()
case ${1:-all} in
  all) tests=(demo.test.mjs extension.test.mjs firefox.test.mjs) ;;
  demo | extension | firefox) tests=("$1.test.mjs") ;;
  *) echo "usage: scripts/test-e2e.sh [all|demo|extension|firefox]" >&2; exit 2 ;;
esac
cd tests/e2e
node --test --test-concurrency=1 "${tests[@]}"

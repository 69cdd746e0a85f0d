#!/usr/bin/env bash
# Tests the WebAssembly build and the npm package (scripts/test.sh calls this; it runs alone too).
# Idempotent: installs what is missing (wasm32 target, wasm-bindgen-cli, Chromium and
# its driver, the npm packages of tests/js from its lockfile), then:
#   1. clippy on wasm32, for the full module and the core one (no `facts` feature);
#   2. wasm-bindgen-test suites (tests/wasm.rs: the golden fixtures and the JS API; src/wasm.rs:
#      the panic hook) under wasm32, in Node and in headless Chromium, for both modules;
#   3. scripts/build-wasm.sh (the package, its tarball, the size budgets);
#   4. node --test on the packed tarball installed into a scratch project: the API in Node
#      (tests/js/api.test.mjs for "newsclean", tests/js/core.test.mjs for "newsclean/core"), and
#      esbuild bundles and the web builds of both in headless Chromium (tests/js/browser.test.mjs);
#   5. tsc --noEmit --strict on a consumer file using every public type of both modules
#      (tests/js/consumer.ts), with Node and with bundler module resolution.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/wasm-env.sh
export CARGO_TERM_COLOR=never

step "tools: wasm32, wasm-bindgen-cli, Chromium"
wasm_tools
apt_install chromium chromium-driver
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

# The full module (gazetteers bring facts) and the core module (no features).
WASM_ARGS=(--target wasm32-unknown-unknown --no-default-features --features gazetteers)
CORE_ARGS=(--target wasm32-unknown-unknown --no-default-features)

step "clippy (wasm32, full and core)"
cargo clippy "${WASM_ARGS[@]}" --lib --test wasm -- -D warnings
cargo clippy "${CORE_ARGS[@]}" --lib --test wasm -- -D warnings

# The tests build with the shipped settings (scripts/wasm-env.sh), stripped like the release.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CARGO_PROFILE_DEV_STRIP=true CARGO_PROFILE_TEST_STRIP=true
export WASM_BINDGEN_TEST_TIMEOUT=120

step "wasm-bindgen-test in Node (golden fixtures, JS API, panic hook)"
cargo test "${WASM_ARGS[@]}" --lib --test wasm
step "wasm-bindgen-test in Node, core module"
cargo test "${CORE_ARGS[@]}" --test wasm

export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
step "wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 cargo test "${WASM_ARGS[@]}" --lib --test wasm
step "wasm-bindgen-test in headless Chromium, core module"
WASM_BINDGEN_USE_BROWSER=1 cargo test "${CORE_ARGS[@]}" --test wasm

step "build the package"
bash scripts/build-wasm.sh
VERSION=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
TARBALL=$ROOT/pkg/newsclean-$VERSION.tgz

step "install the tarball into a scratch project"
SCRATCH=$TARGET_DIR/js-scratch
mkdir -p "$SCRATCH"
cp tests/js/package.json tests/js/package-lock.json tests/js/*.test.mjs tests/js/consumer.ts \
  tests/js/tsconfig*.json "$SCRATCH/"
rm -rf "$SCRATCH/page" "$SCRATCH/dist" && cp -r tests/js/page "$SCRATCH/page"
cd "$SCRATCH"
if ! cmp -s package-lock.json node_modules/.newsclean-lock; then
  npm ci --no-audit --no-fund --prefer-offline
  cp package-lock.json node_modules/.newsclean-lock
fi
rm -rf node_modules/newsclean
npm install --no-save --no-audit --no-fund --prefer-offline "$TARBALL"
node -e 'const p = require("newsclean/package.json"); console.log(`installed ${p.name} ${p.version}`)'

step "JS tests: Node API of both modules, esbuild bundles and web builds in headless Chromium"
node --test api.test.mjs core.test.mjs browser.test.mjs

step "TypeScript: tsc --noEmit --strict (nodenext and bundler resolution)"
npx --no-install tsc -p tsconfig.json
npx --no-install tsc -p tsconfig.bundler.json
echo "consumer.ts type-checks"

step "wasm and JS tests passed"

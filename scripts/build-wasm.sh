#!/usr/bin/env bash
# Builds the WebAssembly package of newsclean (idempotent; installs the tools it lacks):
#
#   pkg/                      the npm package (package.json, README.md, LICENSE, types)
#   pkg/newsclean-X.Y.Z.tgz   its `npm pack` tarball
#   pkg/web/newsclean.js      the browser build (wasm-bindgen --target web: default export
#   pkg/web/newsclean_bg.wasm   `init`, plus `initSync`), also copied to www/pkg/ and
#                             www/extension/pkg/ for the demo and the extension
#
# Steps: cargo rustc (wasm32-unknown-unknown, profile `wasm`, cdylib with LTO, no CLI dependencies)
# -> wasm-bindgen (the exact version in Cargo.lock) -> package files -> npm pack. It prints the raw
# and gzipped bytes of the .wasm and the JS glue, and FAILS when the gzipped .wasm passes the budget.
# No wasm-opt by default: on this module Debian's binaryen 108 made it larger once gzipped (-Oz:
# 444,562 vs 428,813 bytes) and slower (text pages 2.86-2.96 vs 2.39-2.58 ms), see docs/wasm.md.
#
# Knobs (for measuring; the defaults are what ships):
#   NEWSCLEAN_WASM_FEATURES  cargo features (default: gazetteers)
#   NEWSCLEAN_WASM_SIMD=1    build with +simd128 (set in scripts/wasm-env.sh)
#   NEWSCLEAN_WASM_OUT=DIR   write the package there instead of pkg/ (and copy nothing to www/)
#   NEWSCLEAN_WASM_OPT_ARGS  run wasm-opt with these flags after wasm-bindgen (e.g. "-Oz";
#                            default: empty, no wasm-opt)
#   NEWSCLEAN_WASM_CARGO_ARGS  extra `cargo rustc` arguments, e.g. a profile setting:
#                            --config profile.wasm.package.html5ever.opt-level="z"
#                            (`-- -C llvm-args=...` at the end reaches the LTO step). Overriding the
#                            newsclean package itself makes cargo drop `strip`, and wasm-bindgen
#                            then fails on the leftover reference-types feature: set the profile's
#                            own opt-level instead (CARGO_PROFILE_WASM_OPT_LEVEL=3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# The size budget, in one place: gzipped bytes of the shipped .wasm.
BUDGET_GZ_KIB=450

. scripts/wasm-env.sh

FEATURES=${NEWSCLEAN_WASM_FEATURES-gazetteers}
OUT=${NEWSCLEAN_WASM_OUT:-$ROOT/pkg}
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

# ---- tools ------------------------------------------------------------------------------------
step "wasm tools"
wasm_tools

# ---- build ------------------------------------------------------------------------------------
step "cargo rustc (wasm32-unknown-unknown, profile wasm, cdylib, features: ${FEATURES:-none})"
# `cargo rustc --crate-type cdylib`, not `cargo build`: Cargo.toml's crate-type lists rlib too, and
# cargo runs no LTO on a library that is also an rlib (`-C lto` is never passed), so `lto = true`
# in the profile did nothing for the wasm until this build asked for the cdylib alone.
CARGO_PROFILE_WASM_STRIP=true cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown \
  --profile wasm --no-default-features ${FEATURES:+--features "$FEATURES"} ${NEWSCLEAN_WASM_CARGO_ARGS:-}
RAW_WASM=$TARGET_DIR/wasm32-unknown-unknown/wasm/newsclean.wasm

step "wasm-bindgen --target web"
rm -rf "$OUT"
mkdir -p "$OUT/web"
wasm-bindgen --target web --out-dir "$OUT/web" --out-name newsclean "$RAW_WASM"
rm -f "$OUT/web/newsclean_bg.wasm.d.ts"

if [ -n "${NEWSCLEAN_WASM_OPT_ARGS:-}" ]; then
  step "wasm-opt $NEWSCLEAN_WASM_OPT_ARGS"
  command -v wasm-opt >/dev/null || apt_install binaryen
  # The proposals Rust's wasm32 target enables by default (the stripped module no longer says).
  # shellcheck disable=SC2086 # several flags in one knob
  wasm-opt $NEWSCLEAN_WASM_OPT_ARGS "${WASM_OPT_FEATURES[@]}" "$OUT/web/newsclean_bg.wasm" \
    -o "$OUT/web/newsclean_bg.wasm.opt"
  mv "$OUT/web/newsclean_bg.wasm.opt" "$OUT/web/newsclean_bg.wasm"
fi

step "package files"
VERSION=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
node scripts/wasm-package.mjs "$OUT" "$VERSION"
if [ -f LICENSE ]; then
  cp LICENSE "$OUT/LICENSE"
else
  echo "warning: no top-level LICENSE to copy into the package" >&2
fi

step "smoke test (Node)"
node --input-type=module -e '
  const m = await import(process.argv[1]);
  const a = m.clean("Home\nNews\n\nThe council approved the budget on Tuesday after a long debate that ran late into the evening, members said.\n\nThe plan funds two new schools and repairs to the old bridge over the river, the mayor said.");
  if (!a.text.startsWith("The council")) throw new Error("unexpected: " + JSON.stringify(a.text));
  console.log("  newsclean " + m.version() + " loads and cleans");
' "$OUT/node.mjs"

step "npm pack"
(cd "$OUT" && npm pack --silent --pack-destination . >/dev/null)
TARBALL=$OUT/newsclean-$VERSION.tgz
[ -f "$TARBALL" ] || { echo "npm pack made no $TARBALL" >&2; exit 1; }
tar -tzf "$TARBALL" | sed 's/^/  /'

if [ -z "${NEWSCLEAN_WASM_OUT:-}" ]; then
  step "browser build -> www/pkg, www/extension/pkg"
  for d in www/pkg www/extension/pkg; do
    mkdir -p "$d"
    cp "$OUT/web/newsclean.js" "$OUT/web/newsclean.d.ts" "$OUT/web/newsclean_bg.wasm" "$d/"
  done
fi

# ---- size -------------------------------------------------------------------------------------
step "size"
size_line() { # FILE LABEL
  printf '  %-34s %9d bytes raw %9d bytes gzip -9\n' "$2" "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}
size_line "$OUT/web/newsclean_bg.wasm" "web/newsclean_bg.wasm"
size_line "$OUT/web/newsclean.js" "web/newsclean.js (JS glue)"
size_line "$OUT/index.mjs" "index.mjs (bundler entry, inlined)"
size_line "$TARBALL" "$(basename "$TARBALL")"
WASM_GZ=$(gzip -9 -c "$OUT/web/newsclean_bg.wasm" | wc -c)
BUDGET=$((BUDGET_GZ_KIB * 1024))
if [ "$WASM_GZ" -gt "$BUDGET" ]; then
  echo "FAIL: the gzipped .wasm is $WASM_GZ bytes, over the budget of $BUDGET_GZ_KIB KiB ($BUDGET bytes)" >&2
  exit 1
fi
echo "  gzipped .wasm: $WASM_GZ of $BUDGET bytes ($((WASM_GZ * 100 / BUDGET))% of the $BUDGET_GZ_KIB KiB budget)"

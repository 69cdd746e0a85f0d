#!/usr/bin/env bash
# Builds the WebAssembly package of newsclean (idempotent; installs the tools it lacks):
#
#   pkg/                      the npm package (package.json, README.md, LICENSE, types)
#   pkg/newsclean-X.Y.Z.tgz   its `npm pack` tarball
#   pkg/web/newsclean.js      the full module's browser build (wasm-bindgen --target web:
#   pkg/web/newsclean_bg.wasm   default export `init`, plus `initSync`), also copied to www/pkg/
#                             and www/extension/pkg/ for the demo and the extension
#   pkg/core/web/newsclean_core.js, newsclean_core_bg.wasm
#                             the core module (built without the `facts` feature): "newsclean/core"
#
# Steps, once per module: cargo rustc (wasm32-unknown-unknown, profile `wasm`, cdylib with LTO,
# no CLI dependencies) -> wasm-bindgen (the exact version in Cargo.lock); then package files ->
# npm pack. It prints the raw and gzipped bytes of each .wasm and the JS glue, and FAILS when a
# gzipped .wasm passes its budget.
# No wasm-opt by default: on this module Debian's binaryen 108 made it larger once gzipped (-Oz:
# 444,562 vs 428,813 bytes) and slower (text pages 2.86-2.96 vs 2.39-2.58 ms), see docs/wasm.md.
#
# Knobs (for measuring; the defaults are what ships):
#   NEWSCLEAN_WASM_FEATURES  cargo features of the full module (default: gazetteers, which
#                            brings facts); the core module has none
#   NEWSCLEAN_WASM_MODULES   which modules to build (default: "full core"; "full" alone to
#                            measure a variant faster; the package then has no core module)
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

# The size budgets, in one place: gzipped bytes (gzip -9) of each shipped .wasm.
BUDGET_GZ_KIB=370
CORE_BUDGET_GZ_KIB=220

. scripts/wasm-env.sh

FEATURES=${NEWSCLEAN_WASM_FEATURES-gazetteers}
OUT=${NEWSCLEAN_WASM_OUT:-$ROOT/pkg}
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

# ---- tools ------------------------------------------------------------------------------------
step "wasm tools"
wasm_tools

# ---- build ------------------------------------------------------------------------------------
# build_module NAME FEATURES DIR: cargo rustc + wasm-bindgen into $OUT/DIR/web/NAME{.js,_bg.wasm}.
build_module() {
  local name=$1 features=$2 dir=$OUT/$3
  step "cargo rustc (wasm32-unknown-unknown, profile wasm, cdylib, features: ${features:-none})"
  # `cargo rustc --crate-type cdylib`, not `cargo build`: Cargo.toml's crate-type lists rlib too,
  # and cargo runs no LTO on a library that is also an rlib (`-C lto` is never passed), so
  # `lto = true` in the profile did nothing for the wasm until this build asked for the cdylib.
  # shellcheck disable=SC2086 # several arguments in one knob
  CARGO_PROFILE_WASM_STRIP=true cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown \
    --profile wasm --no-default-features ${features:+--features "$features"} ${NEWSCLEAN_WASM_CARGO_ARGS:-}
  local raw=$TARGET_DIR/wasm32-unknown-unknown/wasm/newsclean.wasm

  step "wasm-bindgen --target web ($name)"
  mkdir -p "$dir/web"
  # Without the name section (four names of wasm-bindgen's shims) and the producers section:
  # ~150 bytes gzipped that no user needs.
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "$dir/web" --out-name "$name" "$raw"
  rm -f "$dir/web/${name}_bg.wasm.d.ts"

  if [ -n "${NEWSCLEAN_WASM_OPT_ARGS:-}" ]; then
    step "wasm-opt $NEWSCLEAN_WASM_OPT_ARGS ($name)"
    command -v wasm-opt >/dev/null || apt_install binaryen
    # The proposals Rust's wasm32 target enables by default (the stripped module no longer says).
    # shellcheck disable=SC2086 # several flags in one knob
    wasm-opt $NEWSCLEAN_WASM_OPT_ARGS "${WASM_OPT_FEATURES[@]}" "$dir/web/${name}_bg.wasm" \
      -o "$dir/web/${name}_bg.wasm.opt"
    mv "$dir/web/${name}_bg.wasm.opt" "$dir/web/${name}_bg.wasm"
  fi
}

MODULES=${NEWSCLEAN_WASM_MODULES:-full core}
rm -rf "$OUT"
mkdir -p "$OUT"
for m in $MODULES; do
  case $m in
    full) build_module newsclean "$FEATURES" "" ;;
    core) build_module newsclean_core "" core ;;
    *) echo "NEWSCLEAN_WASM_MODULES: unknown module $m (full or core)" >&2; exit 1 ;;
  esac
done

step "package files"
VERSION=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
if [ "$MODULES" != "full core" ]; then
  # A variant being measured: sizes only, no package.
  for f in "$OUT"/web/*_bg.wasm "$OUT"/core/web/*_bg.wasm; do
    [ -f "$f" ] && printf '  %-40s %9d bytes raw %9d bytes gzip -9\n' "${f#"$OUT"/}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
  done
  exit 0
fi
node scripts/wasm-package.mjs "$OUT" "$VERSION"
if [ -f LICENSE ]; then
  cp LICENSE "$OUT/LICENSE"
else
  echo "warning: no top-level LICENSE to copy into the package" >&2
fi

step "smoke test (Node)"
for entry in node.mjs core/node.mjs; do
  node --input-type=module -e '
    const m = await import(process.argv[1]);
    const a = m.clean("Home\nNews\n\nThe council approved the budget on Tuesday after a long debate that ran late into the evening, members said.\n\nThe plan funds two new schools and repairs to the old bridge over the river, the mayor said.");
    if (!a.text.startsWith("The council")) throw new Error("unexpected: " + JSON.stringify(a.text));
    console.log("  " + process.argv[2] + " " + m.version() + " loads and cleans");
  ' "$OUT/$entry" "$entry"
done

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
  printf '  %-40s %9d bytes raw %9d bytes gzip -9\n' "$2" "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}
size_line "$OUT/web/newsclean_bg.wasm" "web/newsclean_bg.wasm"
size_line "$OUT/web/newsclean.js" "web/newsclean.js (JS glue)"
size_line "$OUT/index.mjs" "index.mjs (bundler entry, inlined)"
size_line "$OUT/core/web/newsclean_core_bg.wasm" "core/web/newsclean_core_bg.wasm"
size_line "$OUT/core/index.mjs" "core/index.mjs (bundler entry, inlined)"
size_line "$TARBALL" "$(basename "$TARBALL")"
FAILED=0
check_budget() { # FILE KIB LABEL
  local gz budget
  gz=$(gzip -9 -c "$1" | wc -c)
  budget=$(($2 * 1024))
  if [ "$gz" -gt "$budget" ]; then
    echo "FAIL: the gzipped $3 is $gz bytes, over its budget of $2 KiB ($budget bytes)" >&2
    FAILED=1
  else
    echo "  gzipped $3: $gz of $budget bytes ($((gz * 100 / budget))% of the $2 KiB budget)"
  fi
}
check_budget "$OUT/web/newsclean_bg.wasm" "$BUDGET_GZ_KIB" "full .wasm"
check_budget "$OUT/core/web/newsclean_core_bg.wasm" "$CORE_BUDGET_GZ_KIB" "core .wasm"
exit "$FAILED"

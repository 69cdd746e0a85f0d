# The WebAssembly build settings and tools, shared by scripts/build-wasm.sh and
# scripts/test-wasm.sh (sourced, not run), so the tests build exactly what ships.

[ -f scripts/common.sh ] && . scripts/common.sh
type step >/dev/null 2>&1 || step() { printf '\n==> %s\n' "$*"; }
type apt_install >/dev/null 2>&1 || apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

# Reference types off: Debian's wasm-opt (binaryen 108; no longer run by default, but still an
# option of build-wasm.sh) rewrites wasm-bindgen's externref table into a broken module
# ("WebAssembly.Table.set(): Argument 1 is invalid for table"). Without
# them wasm-bindgen keeps JS values in a JS-side table instead; every other post-MVP feature Rust
# enables by default stays on. Rust's std is prebuilt with reference types, which leaves the
# feature in the `target_features` section, so the section is stripped (strip = true) and
# wasm-bindgen then detects that the runtime was built without them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types${NEWSCLEAN_WASM_SIMD:+ -C target-feature=+simd128}"
WASM_OPT_FEATURES=(--enable-bulk-memory --enable-sign-ext --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-multivalue)
[ -n "${NEWSCLEAN_WASM_SIMD:-}" ] && WASM_OPT_FEATURES+=(--enable-simd)

# wasm_tools: the wasm32 target, wasm-bindgen-cli of exactly the version in Cargo.lock, node and
# npm. Idempotent. (wasm-opt is installed by build-wasm.sh only when asked to run it.)
wasm_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  WB_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$WB_VERSION" ] || { echo "no wasm-bindgen in Cargo.lock" >&2; return 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    echo "installing wasm-bindgen-cli $WB_VERSION (takes ~10 minutes once)"
    cargo install wasm-bindgen-cli --version "$WB_VERSION"
  fi
  { command -v node >/dev/null && command -v npm >/dev/null; } || apt_install nodejs npm
  command -v gzip >/dev/null || apt_install gzip
  echo "wasm-bindgen $WB_VERSION; node $(node --version)"
}

#!/usr/bin/env bash
# Builds the Python release wheel (not part of the tests, which build a quicker local wheel):
# abi3 (one wheel for CPython 3.9+), manylinux2014 (glibc 2.17, which older cluster images
# accept; maturin's default here would be manylinux_2_34), the `dist` profile (LTO, one codegen
# unit), stripped. zig (the `ziglang` package from PyPI, ~400 MB) links against the old glibc.
#   bash scripts/build-python-wheel.sh            -> target/wheels/release/newsclean-*.whl
# Tools go into a venv under ${XDG_CACHE_HOME:-~/.cache}/newsclean (python/requirements-release.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh

PYTHON=${PYTHON:-python3}
REQS=python/requirements-release.txt
KEY=$({ cat "$REQS"; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -c1-16)
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/newsclean/release-$KEY
if [ ! -f "$VENV/.complete" ]; then
  step "release tools (maturin, ziglang) into $VENV"
  rm -rf "$VENV" && "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r "$REQS"
  touch "$VENV/.complete"
fi
rustup target list --installed | grep -q x86_64-unknown-linux-gnu || rustup target add x86_64-unknown-linux-gnu

TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
OUT=$TARGET_DIR/wheels/release
rm -rf "$OUT"
step "maturin build --profile dist --zig --compatibility manylinux2014"
PATH="$VENV/bin:$PATH" CARGO_TARGET_DIR=$TARGET_DIR/python "$VENV/bin/maturin" build -m python/Cargo.toml --profile dist --strip \
  --zig --compatibility manylinux2014 -o "$OUT"
ls -l "$OUT"

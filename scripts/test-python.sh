#!/usr/bin/env bash
# Tests the Python binding (python/; scripts/test.sh calls this; it runs alone too).
# Idempotent: installs what is missing, then
#   1. clippy on the binding crate (cargo fmt --all in scripts/test.sh covers its format);
#   2. builds the abi3 wheel with maturin (release profile);
#   3. installs the wheel alone into a fresh venv (and a Python 3.9 one when there is a
#      python3.9) and cleans our seed-shaped fixture page there;
#   4. pytest (python/tests) in the test venv: the API against the fixtures and the native CLI,
#      clean_many (order, bounded memory, GIL, fork), the type checks (mypy --strict, stubtest),
#      the WARC command, and the Spark (local[2]), Ray (2 CPUs) and datatrove adapters on the
#      real engines.
# The test venv lives outside the clone, in ${XDG_CACHE_HOME:-~/.cache}/newsclean/py-<hash>,
# keyed by python/requirements-test.txt (fully pinned) and the Python version, so a fresh clone
# reuses it. Java (default-jre-headless) is for Spark, libmagic1 for datatrove's WarcReader.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/common.sh
export CARGO_TERM_COLOR=never
# Each step says how long the script has run (cold and warm times are worth watching: CI has 90
# minutes for everything).
step() { printf '\n==> [%ds] %s\n' "$SECONDS" "$*"; }

step "tools: Java for Spark, libmagic for datatrove"
apt_install default-jre-headless libmagic1

PYTHON=${PYTHON:-python3}
REQS=python/requirements-test.txt
KEY=$({ cat "$REQS"; "$PYTHON" -c 'import sys; print(sys.version)'; } | sha256sum | cut -c1-16)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/newsclean
VENV=$CACHE/py-$KEY
step "test venv: $VENV"
if [ ! -f "$VENV/.complete" ]; then
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet -r "$REQS"
  touch "$VENV/.complete"
else
  echo "up to date"
fi

step "clippy (python binding)"
cargo clippy --release -p newsclean-python --all-targets -- -D warnings

step "build the wheel (maturin, release)"
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
WHEELS=$TARGET_DIR/wheels
rm -f "$WHEELS"/newsclean-*.whl
# A target directory of its own: maturin builds pyo3 with other settings than clippy and cargo
# do, and in a shared one each would rebuild what the other built.
CARGO_TARGET_DIR=$TARGET_DIR/python "$VENV/bin/maturin" build --release -m python/Cargo.toml -o "$WHEELS"
WHEEL=$(ls "$WHEELS"/newsclean-*-cp39-abi3-*.whl)
echo "built $WHEEL"

step "the wheel alone in a fresh venv: import newsclean; newsclean.clean(page)"
SMOKE='
import json, sys, newsclean
root = sys.argv[1]
page = open(root + "/tests/fixtures/en-seed-shape/input.txt", encoding="utf-8").read()
expected = open(root + "/tests/fixtures/en-seed-shape/expected.txt", encoding="utf-8").read().strip()
report = newsclean.clean(page)
assert report["text"] == expected, report["text"]
names = {e["text"] for e in report["facts"]["entities"]}
assert {"Ragnhild Sæther", "Einar Þórsson", "Reykjavík"} <= names, names
assert any(q["direct"] for q in report["facts"]["quotes"])
print("Python %d.%d: newsclean %s cleaned the page: %d paragraphs, %d entities, %d quotes" % (
    sys.version_info[0], sys.version_info[1], newsclean.__version__, len(report["blocks"]),
    len(report["facts"]["entities"]), len(report["facts"]["quotes"])))
'
# The oldest CPython the abi3 wheel supports, when this machine has it (pyenv keeps one here).
PY39=$(command -v python3.9 2>/dev/null || true)
if [ -z "$PY39" ] || ! "$PY39" -c '' >/dev/null 2>&1; then
  PY39=$(ls -d "$(pyenv root 2>/dev/null || echo /nonexistent)"/versions/3.9*/bin/python3.9 2>/dev/null | head -1 || true)
fi
for py in "$PYTHON" ${PY39:-python3.9}; do
  if ! command -v "$py" >/dev/null 2>&1 || ! "$py" -c 'import venv' >/dev/null 2>&1; then
    echo "($py not found: skipped)"
    continue
  fi
  FRESH=$TARGET_DIR/py-fresh-$("$py" -c 'import sys; print("%d%d" % sys.version_info[:2])')
  "$py" -m venv --clear "$FRESH"
  "$FRESH/bin/pip" install --quiet --no-index --no-deps "$WHEEL"
  (cd "$FRESH" && "$FRESH/bin/python" -c "$SMOKE" "$ROOT")
done

step "pytest (API, clean_many, types, WARC, Spark, Ray, datatrove)"
"$VENV/bin/pip" install --quiet --no-index --no-deps --force-reinstall "$WHEEL"
cargo build --release --bin newsclean
export NEWSCLEAN_CLI=$TARGET_DIR/release/newsclean
export PYSPARK_PYTHON=$VENV/bin/python PYSPARK_DRIVER_PYTHON=$VENV/bin/python SPARK_LOCAL_IP=127.0.0.1
export RAY_AUTH_MODE=disabled RAY_USAGE_STATS_ENABLED=0
cd python
"$VENV/bin/pytest" -p no:cacheprovider -q --durations=8 tests

step "python tests passed"

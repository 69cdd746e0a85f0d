#!/usr/bin/env bash
# The Python benchmark (python/benches/bench.py): newsclean through Python next to trafilatura
# and Resiliparse on articles-dev and wcxb-dev (pages per CPU-second and F1), and with
# --engines the Spark and Ray paths. Skips when ../shared/eval is absent.
#   bash scripts/bench-python.sh [--repeat 5] [--engines] [--check] [--json out.json]
# The wheel is built with the shipped `dist` profile; the peers go into their own venv under
# ${XDG_CACHE_HOME:-~/.cache}/newsclean (python/requirements-bench.in, on top of the test pins).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/common.sh
EVAL=$(eval_dir)
if [ -z "$EVAL" ]; then
  echo "bench-python: ../shared/eval is absent: skipped"
  exit 0
fi
PYTHON=${PYTHON:-python3}
KEY=$(cat python/requirements-bench.in python/requirements-test.txt <("$PYTHON" -c 'import sys; print(sys.version)') |
  sha256sum | cut -c1-16)
VENV=${XDG_CACHE_HOME:-$HOME/.cache}/newsclean/bench-$KEY
if [ ! -f "$VENV/.complete" ]; then
  step "benchmark venv: $VENV"
  rm -rf "$VENV" && "$PYTHON" -m venv "$VENV"
  (cd python && "$VENV/bin/pip" install --quiet -r requirements-bench.in)
  touch "$VENV/.complete"
fi
apt_install default-jre-headless
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
  "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
OUT=$TARGET_DIR/wheels/bench
rm -rf "$OUT"
step "wheel (dist profile)"
CARGO_TARGET_DIR=$TARGET_DIR/python "$VENV/bin/maturin" build -m python/Cargo.toml --profile dist -o "$OUT"
"$VENV/bin/pip" install --quiet --no-index --no-deps --force-reinstall "$OUT"/newsclean-*.whl
export PYSPARK_PYTHON=$VENV/bin/python SPARK_LOCAL_IP=127.0.0.1 RAY_AUTH_MODE=disabled RAY_USAGE_STATS_ENABLED=0
step "benchmark"
# Run outside python/ so that `import newsclean` is the installed wheel.
cd "$TARGET_DIR" && "$VENV/bin/python" "$ROOT/python/benches/bench.py" --eval "$EVAL" "$@"

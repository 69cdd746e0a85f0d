#!/usr/bin/env bash
# Retrains the block scorer (src/data/blocks.model) from the tune halves of ../shared/eval.
# Makes a pinned Python venv under ~/.cache/newsclean-train on first use (packages from PyPI),
# then runs scripts/train-blocks.py with the arguments given (--cv for site-grouped
# cross-validation, --refresh to dump the blocks again after a feature change).
# Not part of the tests: the model is committed, and CI never retrains it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${NEWSCLEAN_TRAIN_VENV:-$HOME/.cache/newsclean-train/venv}"
if ! "$VENV/bin/python" -c "import lightgbm, sklearn, numpy" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet numpy==2.1.3 scikit-learn==1.5.2 lightgbm==4.5.0
fi
exec "$VENV/bin/python" scripts/train-blocks.py "$@"

#!/usr/bin/env bash
# Side by side with Resiliparse on articles-dev HTML (ms/page and F1 in one run; see
# run_resiliparse.py). Installs Resiliparse (pinned) in a venv under ~/.cache once.
#   bash scripts/peers/resiliparse.sh [--repeat N]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/common.sh

VERSION=2.0.1
data="$(eval_dir)/articles-dev"
if [ ! -d "$data" ]; then
  echo "no ../shared/eval/articles-dev: skipped"
  exit 0
fi
venv="${XDG_CACHE_HOME:-$HOME/.cache}/newsclean/peers/resiliparse-$VERSION"
if ! "$venv/bin/python" -c "import resiliparse" 2>/dev/null; then
  step "installing Resiliparse $VERSION in $venv (once)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "resiliparse==$VERSION"
fi
cargo build --release -q --bin newsclean-eval
"$venv/bin/python" scripts/peers/run_resiliparse.py "$data" target/release/newsclean-eval "$@"

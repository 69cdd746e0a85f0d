# Shared shell helpers for the scripts in this folder (sourced, not run).
# Every installer here is idempotent: it checks first and installs only what is missing.

step() { printf '\n==> %s\n' "$*"; }

# apt_install PKG... : installs Debian packages that are missing (runs `apt-get update` once).
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ ! -f /tmp/.newsclean-apt-updated ]; then
    $sudo apt-get update -qq && touch /tmp/.newsclean-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

# The directory of the shared evaluation data, beside the repository; empty when absent.
eval_dir() {
  local d; d="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/../shared/eval"
  [ -d "$d" ] && (cd "$d" && pwd) || true
}

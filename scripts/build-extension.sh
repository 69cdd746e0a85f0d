#!/usr/bin/env bash
# Packages the browser extension (www/extension/) as dist/newsclean-extension-<version>.zip,
# ready for the Chrome Web Store or Firefox Add-ons (or to load unpacked from www/extension/).
#
#   scripts/build-extension.sh            builds the WebAssembly module first when pkg/ is missing
#   SKIP_WASM=1 scripts/build-extension.sh  uses www/extension/pkg/ as it is
#
# The zip holds the manifest, the scripts, pages, styles and icons, and pkg/newsclean.js +
# pkg/newsclean_bg.wasm (the module; copied there by scripts/build-wasm.sh). It is written with
# Python's zipfile (always there, unlike `zip`), entries sorted and dated 1980-01-01, so the same
# files give the same archive.
set -euo pipefail
cd "$(dirname "$0")/.."
EXT=www/extension
OUT=dist

if [[ ! -f $EXT/pkg/newsclean_bg.wasm || ! -f $EXT/pkg/newsclean.js ]]; then
  if [[ ${SKIP_WASM:-0} == 1 ]]; then
    echo "build-extension: $EXT/pkg/ is missing (run scripts/build-wasm.sh)" >&2
    exit 1
  fi
  echo "build-extension: $EXT/pkg/ is missing; running scripts/build-wasm.sh" >&2
  bash scripts/build-wasm.sh
fi
for f in newsclean.js newsclean_bg.wasm; do
  [[ -f $EXT/pkg/$f ]] || { echo "build-extension: $EXT/pkg/$f missing after the wasm build" >&2; exit 1; }
done

version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$EXT/manifest.json")
mkdir -p "$OUT"
zip_path="$OUT/newsclean-extension-$version.zip"
rm -f "$zip_path"

# The files that go in: everything under www/extension/ except editor droppings, source maps and
# TypeScript declarations (pkg/ may hold them).
mapfile -t files < <(cd "$EXT" && find . -type f \
  ! -name '.*' ! -name '*~' ! -name '*.map' ! -name '*.d.ts' ! -name 'package.json' ! -name 'README*' \
  | sed 's|^\./||' | LC_ALL=C sort)

python3 - "$EXT" "$zip_path" "${files[@]}" <<'PY'
import sys, zipfile, os
src, dest, names = sys.argv[1], sys.argv[2], sys.argv[3:]
with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for n in names:
        info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with open(os.path.join(src, n), "rb") as f:
            z.writestr(info, f.read(), compresslevel=9)
PY

bytes=$(stat -c %s "$zip_path")
echo "build-extension: wrote $zip_path ($bytes bytes, ${#files[@]} files)"
python3 - "$zip_path" <<'PY'
import sys, zipfile, json
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
need = {"manifest.json", "background.js", "panel.html", "panel.js", "common/worker.js", "pkg/newsclean.js", "pkg/newsclean_bg.wasm"}
missing = need - names
if missing:
    sys.exit(f"build-extension: zip lacks {sorted(missing)}")
m = json.loads(z.read("manifest.json"))
assert "host_permissions" not in m, "the shipped manifest must not ask for host permissions"
print("build-extension: checked: manifest, scripts and module present; no host permissions")
PY

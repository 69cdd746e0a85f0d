#!/usr/bin/env bash
# Builds the browser extension for Chromium and for Firefox from its one source, www/extension/:
#
#   dist/chromium/                         unpacked, to load in chrome://extensions
#   dist/firefox/                          unpacked, to load in about:debugging
#   dist/newsclean-chromium-<version>.zip  for the Chrome Web Store
#   dist/newsclean-firefox-<version>.zip   for addons.mozilla.org
#
#   scripts/build-extension.sh              builds the WebAssembly module first when pkg/ is missing
#   SKIP_WASM=1 scripts/build-extension.sh  uses www/extension/pkg/ as it is
#
# The two differ only in manifest.json, written here from www/extension/manifest.base.json:
# - Chromium: a side panel (`side_panel`, permission `sidePanel`), a module service worker, and
#   the `_execute_action` shortcut (Alt+Shift+N);
# - Firefox: a sidebar (`sidebar_action`), a module event page (`background.scripts`), the
#   `_execute_sidebar_action` shortcut (Alt+Shift+N), and `browser_specific_settings.gecko`
#   (id, strict_min_version 142.0, which is where `data_collection_permissions` is understood,
#   and the declaration that no data is collected).
# Neither asks for host permissions: the page is read with activeTab, after the user's click.
#
# The zips are written with Python's zipfile (always there, unlike `zip`), entries sorted and
# dated 1980-01-01, so the same files give the same archives.
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

# The files that go in: everything under www/extension/ except the base manifest, editor
# droppings, source maps and TypeScript declarations (pkg/ may hold them).
mapfile -t files < <(cd "$EXT" && find . -type f \
  ! -name '.*' ! -name '*~' ! -name '*.map' ! -name '*.d.ts' ! -name 'package.json' ! -name 'README*' \
  ! -name 'manifest.base.json' | sed 's|^\./||' | LC_ALL=C sort)
mkdir -p "$OUT"

python3 - "$EXT" "$OUT" "${files[@]}" <<'PY'
import json, os, shutil, sys, zipfile

src, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
base = json.load(open(os.path.join(src, "manifest.base.json"), encoding="utf-8"))
shortcut = "Alt+Shift+N"

def chromium(m):
    m = json.loads(json.dumps(m))
    m["minimum_chrome_version"] = "116"  # sidePanel.open()
    m["permissions"] = m["permissions"] + ["sidePanel"]
    m["background"] = {"service_worker": "background.js", "type": "module"}
    m["side_panel"] = {"default_path": "panel.html"}
    m["commands"] = {"_execute_action": {"suggested_key": {"default": shortcut}, "description": "Open newsclean for this page"}}
    return m

def firefox(m):
    m = json.loads(json.dumps(m))
    m["background"] = {"scripts": ["background.js"], "type": "module"}
    m["sidebar_action"] = {
        "default_panel": "panel.html",
        "default_title": "newsclean",
        "default_icon": {"16": "icons/icon-16.png", "32": "icons/icon-32.png"},
        "open_at_install": False,
    }
    m["commands"] = {"_execute_sidebar_action": {"suggested_key": {"default": shortcut}, "description": "Open the newsclean sidebar"}}
    m["browser_specific_settings"] = {"gecko": {
        "id": "newsclean@newsclean.invalid",
        "strict_min_version": "142.0",
        "data_collection_permissions": {"required": ["none"]},
    }}
    return m

version = base["version"]
for name, make in (("chromium", chromium), ("firefox", firefox)):
    manifest = make(base)
    for forbidden in ("host_permissions", "optional_host_permissions", "content_scripts"):
        assert forbidden not in manifest, f"the shipped manifest must not have {forbidden}"
    tree = os.path.join(out, name)
    shutil.rmtree(tree, ignore_errors=True)
    for n in names:
        os.makedirs(os.path.dirname(os.path.join(tree, n)), exist_ok=True)
        shutil.copyfile(os.path.join(src, n), os.path.join(tree, n))
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(tree, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(text)
    dest = os.path.join(out, f"newsclean-{name}-{version}.zip")
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n in sorted(names + ["manifest.json"]):
            info = zipfile.ZipInfo(n, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(os.path.join(tree, n), "rb") as f:
                z.writestr(info, f.read(), compresslevel=9)
    # Check what was written.
    z = zipfile.ZipFile(dest)
    need = {"manifest.json", "background.js", "panel.html", "panel.js", "common/platform.js",
            "common/worker.js", "pkg/newsclean.js", "pkg/newsclean_bg.wasm"}
    missing = need - set(z.namelist())
    if missing:
        sys.exit(f"build-extension: {dest} lacks {sorted(missing)}")
    assert "host_permissions" not in json.loads(z.read("manifest.json"))
    print(f"build-extension: wrote {dest} ({os.path.getsize(dest)} bytes, {len(names) + 1} files) and {tree}/")
print("build-extension: checked: manifests, scripts and module present; no host permissions")
PY

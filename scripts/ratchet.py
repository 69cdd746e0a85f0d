#!/usr/bin/env python3
"""Quality ratchet: run the eval harness on ../shared/eval and compare with quality/ratchet.json.

Fails (exit 1) when a figure drops more than the tolerance below its recorded value. Skips
cleanly (exit 0) when ../shared/eval is absent. `--update` writes the new figures back when they
are higher (never lower).
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
RATCHET = os.path.join(ROOT, "quality", "ratchet.json")


def parse_line(out: str, prefix: str) -> dict:
    for line in reversed(out.splitlines()):
        if line.startswith(prefix):
            figs = {}
            for part in line.split():
                if "=" in part:
                    k, v = part.split("=", 1)
                    try:
                        figs[k] = float(v)
                    except ValueError:
                        pass
            return figs
    raise SystemExit(f"ratchet: no line starting with {prefix!r} in the output")


def main() -> int:
    update = "--update" in sys.argv
    if not os.path.isdir(EVAL):
        print(f"ratchet: skipped ({EVAL} is absent)")
        return 0
    with open(RATCHET, encoding="utf-8") as f:
        spec = json.load(f)
    tol = spec["tolerance"]
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "newsclean-eval"], cwd=ROOT, check=True)
    exe = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "newsclean-eval")
    failed = []
    outputs = {}  # one run per distinct command: the halves of a set share it
    for check in spec["checks"]:
        args = [a.replace("{eval}", EVAL) for a in check["args"]]
        absent = [a for a in args[1:] if a.startswith(EVAL) and not os.path.exists(a)]
        if absent:
            print(f"ratchet: {check['name']}: skipped ({absent[0]} is absent)")
            continue
        key = tuple(args)
        if key not in outputs:
            outputs[key] = subprocess.run([exe, *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout
        out = outputs[key]
        got = parse_line(out, check["line"])
        for k, want in check["figures"].items():
            have = got.get(k)
            status = "ok"
            if have is None:
                status = "MISSING"
                failed.append(f"{check['name']} {k} missing")
            elif have < want - tol:
                status = "DROPPED"
                failed.append(f"{check['name']} {k}: {have:.3f} < {want:.3f} - {tol}")
            elif update and have > want:
                check["figures"][k] = round(have, 3)
                status = "raised"
            print(f"ratchet: {check['name']:<16} {k:<16} recorded {want:.3f}  now {have if have is not None else float('nan'):.3f}  {status}")
    if update:
        with open(RATCHET, "w", encoding="utf-8") as f:
            json.dump(spec, f, indent=2)
            f.write("\n")
    if failed:
        print("ratchet: FAILED: " + "; ".join(failed))
        return 1
    print("ratchet: all figures held")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes quality/splits/<set>.tsv: the fixed tune / check halves of every dev set in ../shared/eval.

The rule (documented in DEVELOPING.md, "Tune and check halves"):
  1. Every item gets a *site*: the host of its URL without a leading "www." (articles-dev, wcxb-dev,
     page-types-dev, ner-web-dev, trafilatura-dev; trafilatura's few non-URL keys "hard::<file>" take
     the file name up to its first "-", or its dotted labels up to the first two- or three-letter
     label: "hard::example.de.topic.html" -> "example.de"); the outlet for quotes-dev (the id's part
     between "dev/" and the first "_"); the document itself for ner-dev, timex-dev and
     summaries-dev (one source each, so documents are the unit).
  2. Sites are sorted by the FNV-1a 64-bit hash of their UTF-8 bytes (ties by name) and dealt
     alternately: the first to *tune*, the second to *check*, and so on. Every item of a site lands
     in the site's half, so no site is in both.
  3. The files list each item by the FNV-1a 64 hash of its id (16 hex digits), not the id itself:
     some ids are URLs or headline slugs of third-party pages, which stay out of the repository.
Rerunning it on the same data writes the same files; CI never runs it (the files are committed).
"""
import json
import os
import re
import sys
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
OUT = os.path.join(ROOT, "quality", "splits")


def fnv1a64(s: str) -> int:
    h = 0xCBF29CE484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def host(url: str) -> str:
    h = (urlparse(url).hostname or url).lower()
    return h[4:] if h.startswith("www.") else h


def hard_site(key: str) -> str:
    name = key.split("::", 1)[1]
    if "-" in name:
        return name.split("-", 1)[0].lower()
    labels = name.split(".")
    for i, lab in enumerate(labels[1:], 1):
        if re.fullmatch(r"[a-z]{2,3}", lab):
            return ".".join(labels[: i + 1]).lower()
    return name.lower()


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sets():
    """(name, [(id, site)]) for every dev set that is present."""
    p = os.path.join(EVAL, "articles-dev", "ground-truth.json")
    if os.path.exists(p):
        gt = json.load(open(p, encoding="utf-8"))
        yield "articles-dev", [(i, host(v["url"])) for i, v in gt.items()]
    p = os.path.join(EVAL, "wcxb-dev", "ground-truth.json")
    if os.path.exists(p):
        gt = json.load(open(p, encoding="utf-8"))
        yield "wcxb-dev", [(i, host(v["url"])) for i, v in gt.items()]
    p = os.path.join(EVAL, "page-types-dev", "labels.json")
    if os.path.exists(p):
        gt = json.load(open(p, encoding="utf-8"))
        yield "page-types-dev", [(i, host(v["url"])) for i, v in gt.items()]
    p = os.path.join(EVAL, "trafilatura-dev", "evaldata.json")
    if os.path.exists(p):
        gt = json.load(open(p, encoding="utf-8"))
        yield "trafilatura-dev", [
            (k, hard_site(k) if k.startswith("hard::") else host(k)) for k in gt
        ]
    p = os.path.join(EVAL, "ner-web-dev.jsonl")
    if os.path.exists(p):
        yield "ner-web-dev", [(d["id"], host(d["url"])) for d in jsonl(p)]
    p = os.path.join(EVAL, "quotes-dev.jsonl")
    if os.path.exists(p):
        yield "quotes-dev", [
            (d["id"], d["id"].split("/", 1)[-1].split("_", 1)[0]) for d in jsonl(p)
        ]
    for name in ("ner-dev", "timex-dev", "summaries-dev"):
        p = os.path.join(EVAL, name + ".jsonl")
        if os.path.exists(p):
            yield name, [(d["id"], d["id"]) for d in jsonl(p)]


def main() -> int:
    if not os.path.isdir(EVAL):
        print(f"make-splits: {EVAL} is absent; nothing written")
        return 0
    os.makedirs(OUT, exist_ok=True)
    for name, items in sets():
        sites = sorted({s for _, s in items}, key=lambda s: (fnv1a64(s), s))
        half = {s: ("tune", "check")[i % 2] for i, s in enumerate(sites)}
        rows = sorted((f"{fnv1a64(i):016x}", half[s]) for i, s in items)
        n_tune = sum(1 for _, h in rows if h == "tune")
        with open(os.path.join(OUT, name + ".tsv"), "w", encoding="utf-8") as f:
            f.write(f"# {name}: tune/check halves by site (scripts/make-splits.py). "
                    f"fnv1a64(id) <TAB> half. {len(rows)} items, {n_tune} tune, "
                    f"{len(rows) - n_tune} check; {len(sites)} sites.\n")
            for h, half_name in rows:
                f.write(f"{h}\t{half_name}\n")
        print(f"{name}: {len(rows)} items ({n_tune} tune / {len(rows) - n_tune} check), {len(sites)} sites")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Trains newsclean's block scorer and writes src/data/blocks.model (format: src/data/README.md).

Reproducible: the same data and these pinned packages give the same file.

    bash scripts/train-blocks.sh            # makes the venv (pinned numpy, scikit-learn, lightgbm
                                            # under ~/.cache/newsclean-train), dumps, trains, writes
    python3 scripts/train-blocks.py --cv    # ... also site-grouped cross-validation on the tune half

Data: `newsclean-eval blocks` dumps every block of the dev sets in ../shared/eval with the scorer's
features (computed by the crate itself, after the rules) and a label from the gold: the share of
the block's word 4-grams found in the article body (wcxb-dev, articles-dev; HTML and innerText), or
1 / 0 from trafilatura-dev's must-contain / must-not-contain snippets (blocks that hold neither are
left out). Only blocks of the TUNE half of each set are used (quality/splits, scripts/make-splits.py):
the check half is for measuring, never for fitting.

Model: gradient-boosted regression trees (LightGBM, binary log-loss), each block weighted by its
word count (the articles metric counts words) times its set's weight (SET_WEIGHT). Features that
describe the whole page (its length, the block's position in it) are left out: on the tune half
they learned the gold's habit of leaving out the second half of very long pages. The decision
threshold is the log-odds 0 unless --threshold says otherwise.
"""
import argparse
import csv
import math
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
CACHE = os.path.join(ROOT, "target", "blockmodel")
MODEL = os.path.join(ROOT, "src", "data", "blocks.model")

# (set, mode) pairs the scorer learns from.
SOURCES = [
    ("wcxb-dev", "html"),
    ("wcxb-dev", "text"),
    ("articles-dev", "html"),
    ("articles-dev", "text"),
    ("trafilatura-dev", "html"),
]

PARAMS = dict(
    objective="binary",
    learning_rate=0.12,
    num_leaves=8,
    max_depth=4,
    min_child_samples=40,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    verbose=-1,
    seed=20251127,
    deterministic=True,
    force_row_wise=True,
    num_threads=1,
)
ROUNDS = 80
# Overruling the rules' removal of an HTML block takes this much more log-odds than overruling a
# keep (a kept menu or teaser costs more than a lost line: trafilatura-dev's must-not-contain
# snippets, tune half, precision 0.919 at 0 and 0.929 at 0.5).
BRING_BACK = 0.5
SECOND_ROUNDS = 100
# Weight of each set's blocks: articles-dev has a tenth of wcxb-dev's pages.
SET_WEIGHT = {"wcxb-dev": 1.0, "articles-dev": 4.0, "trafilatura-dev": 1.0}


def dump(exe, refresh):
    os.makedirs(CACHE, exist_ok=True)
    paths = []
    for s, mode in SOURCES:
        path = os.path.join(CACHE, f"{s}-{mode}.tsv")
        if refresh or not os.path.exists(path):
            subprocess.run(
                [exe, "blocks", os.path.join(EVAL, s), "--mode", mode, "--model", "none", "--out", path],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        paths.append(path)
    return paths


def load(paths):
    """Rows as dicts of columns; features as floats."""
    rows = []
    names = None
    for p in paths:
        with open(p, encoding="utf-8") as f:
            r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(r)
            if names is None:
                names = header[8:-1]
            elif names != header[8:-1]:
                sys.exit(f"{p}: other features than the first dump (rebuild and --refresh)")
            for line in r:
                rows.append(line)
    return names, rows


def weights(rows, np):
    """Per-row (label 0/1, weight, page key, site, half). A block weighs its word count (the
    articles metric counts words), times its set's weight; blocks of the snippets set that hold no
    snippet weigh nothing (their label is unknown)."""
    y, w, page, site, half = [], [], [], [], []
    for row in rows:
        tok, lab = float(row[6]), float(row[7])
        y.append(1 if lab >= 0.5 else 0)
        w.append(0.0 if lab < 0 else tok / 100.0 * SET_WEIGHT[row[0]])
        page.append((row[0], row[1], row[2]))
        site.append(row[3])
        half.append(row[4])
    return np.array(y), np.array(w), page, site, half


def train(lgb, X, y, w, rounds=ROUNDS, params=PARAMS):
    ds = lgb.Dataset(X, label=y, weight=w, free_raw_data=False, params={"verbose": -1})
    return lgb.train(params, ds, num_boost_round=rounds)


def page_scores(rows, keep, gt_cache):
    """Approximate articles metric (no dedupe) per page: (precision, recall) lists per set/mode."""
    by_page = defaultdict(list)
    for row, k in zip(rows, keep):
        by_page[(row[0], row[1], row[2])].append((int(row[5]), k))
    return by_page


CONTEXT = ["m_p1", "m_n1", "m_p2", "m_n2", "m_window", "m_own"]


def context(np, margins, words, pages):
    """The second pass's features (blockmodel::context in Rust): the first pass's ratings of the
    neighbours, per page."""
    z = np.zeros((len(margins), len(CONTEXT)), dtype=np.float32)
    m_all = np.clip(margins, -8.0, 8.0)
    start = 0
    n_all = len(margins)
    while start < n_all:
        end = start
        while end < n_all and pages[end] == pages[start]:
            end += 1
        m, wd, n = m_all[start:end], words[start:end], end - start
        for j in range(n):
            at = lambda d: m[min(max(j + d, 0), n - 1)]
            lo, hi = max(0, j - 5), min(n, j + 6)
            ww = wd[lo:hi].astype(np.float64).copy()
            ww[j - lo] = 0.0
            window = float((m[lo:hi] * ww).sum() / ww.sum()) if ww.sum() > 0 else m[j]
            z[start + j] = [at(-1), at(1), at(-2), at(2), window, m[j]]
        start = end
    return z


def write_model(booster, names, threshold, bring_back, path, note, second=None):
    out = [
        "# newsclean block scorer: gradient-boosted trees. Written by scripts/train-blocks.py; DO NOT EDIT.",
        f"# {note}",
        "features " + " ".join(names),
        f"threshold {threshold:.6g}",
        f"bring_back {bring_back:.6g}",
    ]
    trees(booster, out)
    if second is not None:
        out += ["second " + " ".join(CONTEXT), f"threshold {threshold:.6g}"]
        trees(second, out)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def trees(booster, out):
    dump = booster.dump_model()
    for t in dump["tree_info"]:
        nodes, leaves = [], []

        def walk(n):
            if "leaf_value" in n:
                leaves.append(n["leaf_value"])
                return -len(leaves)  # ~index
            i = len(nodes)
            nodes.append(None)
            if n["decision_type"] != "<=":
                sys.exit("unexpected decision type")
            left = walk(n["left_child"])
            right = walk(n["right_child"])
            nodes[i] = (n["split_feature"], n["threshold"], left, right)
            return i

        root = walk(t["tree_structure"])
        out.append("tree")
        for f, thr, l, r in nodes:
            out.append(f"n {f} {thr:.9g} {l} {r}")
        out.append("l " + " ".join(f"{v:.6g}" for v in leaves))
        del root


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--refresh", action="store_true", help="dump the blocks again")
    ap.add_argument("--cv", action="store_true", help="site-grouped 5-fold CV on the tune half")
    ap.add_argument("--out", default=MODEL)
    ap.add_argument("--threshold", type=float, default=0.0)
    ap.add_argument(
        "--bring-back",
        type=float,
        default=BRING_BACK,
        help="margin above the threshold an HTML block the rules removed needs to come back",
    )
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    ap.add_argument(
        "--second",
        action="store_true",
        help="also train the second pass for blocks without markup (off: on the dev sets it "
        "raised wcxb-dev innerText F1 from 0.892 to 0.902-0.912, but it dropped the last "
        "paragraph of the articles in tests/fixtures)",
    )
    args = ap.parse_args()
    import numpy as np
    import lightgbm as lgb

    if not os.path.isdir(EVAL):
        sys.exit(f"{EVAL} is absent: nothing to train on")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "newsclean-eval"], cwd=ROOT, check=True)
    exe = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "newsclean-eval")
    names, rows = load(dump(exe, args.refresh))
    X = np.array([[float(v) for v in r[8:-1]] for r in rows], dtype=np.float32)
    y, w, page, site, half = weights(rows, np)
    tune = np.array([h == "tune" for h in half])
    print(f"{len(rows)} blocks, {tune.sum()} in the tune half, {len(names)} features", file=sys.stderr)
    if args.cv:
        from sklearn.model_selection import GroupKFold

        idx = np.where(tune & (w > 0))[0]
        groups = np.array(site)[idx]
        pred = np.zeros(len(rows))
        for fold, (a, b) in enumerate(GroupKFold(n_splits=5).split(idx, groups=groups)):
            m = train(lgb, X[idx[a]], y[idx[a]], w[idx[a]], args.rounds)
            pred[idx[b]] = m.predict(X[idx[b]], raw_score=True)
        acc = ((pred[idx] > args.threshold) == (y[idx] == 1))
        print(f"cv weighted accuracy {np.average(acc, weights=w[idx]):.4f}", file=sys.stderr)
        rules = (X[idx, names.index("verdict")] == 0) == (y[idx] == 1)
        print(f"rules weighted accuracy {np.average(rules, weights=w[idx]):.4f}", file=sys.stderr)
    sel = tune & (w > 0)
    m = train(lgb, X[sel], y[sel], w[sel], args.rounds)
    note = f"{args.rounds} trees of {PARAMS['num_leaves']} leaves; tune halves of " + ", ".join(
        f"{s} ({mode})" for s, mode in SOURCES
    )
    if not args.second:
        write_model(m, names, args.threshold, args.bring_back, args.out, note)
        print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)", file=sys.stderr)
        return
    # The second pass, for blocks without markup (plain text): it learns from the first pass's
    # out-of-fold ratings of the tune half (folds by site), as it will see ratings of pages the
    # first pass never learned from.
    from sklearn.model_selection import GroupKFold

    idx = np.where(tune)[0]
    oof = np.zeros(len(rows))
    for a, b in GroupKFold(n_splits=5).split(idx, groups=np.array(site)[idx]):
        fit = idx[a][w[idx[a]] > 0]
        oof[idx[b]] = train(lgb, X[fit], y[fit], w[fit], args.rounds).predict(X[idx[b]], raw_score=True)
    z = context(np, oof, X[:, names.index("words")], page)
    plain = X[:, names.index("link_density")] < 0
    sel2 = tune & (w > 0) & plain
    m2 = train(lgb, np.hstack([X, z])[sel2], y[sel2], w[sel2], SECOND_ROUNDS)
    write_model(m, names, args.threshold, args.bring_back, args.out, note + f"; second pass {SECOND_ROUNDS} trees", m2)
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()

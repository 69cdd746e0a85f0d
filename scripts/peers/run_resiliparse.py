#!/usr/bin/env python3
"""Side by side on articles-dev HTML, in one run: Resiliparse's
`extract_plain_text(main_content=True)` (what DCLM-style crawl pipelines use) and newsclean
(through `newsclean-eval`, facts on and off), each with its ms/page and the ScrapingHub F1.

    python scripts/peers/run_resiliparse.py ARTICLES_DEV_DIR NEWSCLEAN_EVAL [--repeat 5]

Run it through scripts/peers/resiliparse.sh, which installs Resiliparse in a venv. Times are in
process, per page: Resiliparse's is the median of `--repeat` runs of one page (the page read and
decoded beforehand), newsclean's the fastest of as many (`newsclean-eval --repeat`, bytes in);
ms/page is the median over the pages. The F1 is the metric of the data's README (section 1):
4-token shingles of `\\w+` tokens, precision averaged over pages with output, recall over all.
"""
import collections
import json
import pathlib
import re
import statistics
import subprocess
import sys
import time

WORD = re.compile(r"\w+")


def shingles(text):
    tokens = WORD.findall(text)
    if not tokens:
        return collections.Counter()
    return collections.Counter(
        tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3))
    )


def score(truth, predictions):
    """(precision, recall, f1, exact token match) of {id: text} against {id: articleBody}."""
    precs, recs, exact = [], [], 0
    for pid, body in truth.items():
        pred = predictions.get(pid, "")
        t, p = shingles(body), shingles(pred)
        tp = sum((t & p).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        if fp == 0 and fn == 0:
            prec = rec = 1.0
        else:
            prec = 0.0 if tp == fp == 0 else tp / (tp + fp)
            rec = 0.0 if tp == fn == 0 else tp / (tp + fn)
        if tp + fp > 0:
            precs.append(prec)
        recs.append(rec)
        exact += WORD.findall(pred) == WORD.findall(body)
    precision = statistics.fmean(precs) if precs else 0.0
    recall = statistics.fmean(recs) if recs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, exact / max(1, len(truth))


def resiliparse(data, truth, repeat):
    from resiliparse.extract.html2text import extract_plain_text

    predictions, times = {}, []
    for pid in sorted(truth):
        html = (data / "html" / f"{pid}.html").read_bytes().decode("utf-8", "replace")
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            text = extract_plain_text(html, main_content=True)
            runs.append((time.perf_counter() - start) * 1000)
        predictions[pid] = text
        times.append(statistics.median(runs))
    return predictions, statistics.median(times)


def newsclean(data, binary, repeat, facts):
    out = subprocess.run(
        [binary, "articles", str(data), "--mode", "html", "--repeat", str(repeat),
         "--facts", facts],
        check=True, capture_output=True, text=True,
    ).stdout
    last = out.strip().splitlines()[-1]
    fields = dict(f.split("=", 1) for f in last.split() if "=" in f)
    return float(fields["ms_per_page"]), float(fields["f1"]), float(fields["precision"]), float(fields["recall"])


def main():
    args = sys.argv[1:]
    repeat = 5
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i : i + 2]
    data, binary = pathlib.Path(args[0]), args[1]
    truth = {k: v["articleBody"] for k, v in json.loads((data / "ground-truth.json").read_text()).items()}
    import importlib.metadata

    version = importlib.metadata.version("resiliparse")
    rows = []
    predictions, ms = resiliparse(data, truth, repeat)
    p, r, f, _ = score(truth, predictions)
    rows.append((f"Resiliparse {version} extract_plain_text(main_content=True)", ms, f, p, r))
    for facts in ["on", "off"]:
        ms, f, p, r = newsclean(data, binary, repeat, facts)
        rows.append((f"newsclean, facts {facts}", ms, f, p, r))
    print(f"articles-dev HTML, {len(truth)} pages, repeat {repeat}")
    print(f"| {'':<58} | ms/page | F1    | P     | R     |")
    print(f"|{'-' * 60}|---------|-------|-------|-------|")
    for name, ms, f, p, r in rows:
        print(f"| {name:<58} | {ms:7.2f} | {f:.3f} | {p:.3f} | {r:.3f} |")


if __name__ == "__main__":
    main()

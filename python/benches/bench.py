"""newsclean through Python next to trafilatura and Resiliparse, and through Spark and Ray.

    python python/benches/bench.py [--eval ../shared/eval] [--repeat 3] [--engines] [--check]
    (scripts/bench-python.sh builds the shipped wheel and runs this in a venv with the peers)

For each dataset (articles-dev and wcxb-dev HTML, read from ../shared/eval at run time; the run
skips cleanly when it is absent) every extractor cleans the same pages, in the same run:

- newsclean ``Cleaner(format="html", facts=False)`` and ``facts=True``, one page per call;
- ``trafilatura.extract(html)`` (its defaults);
- Resiliparse ``extract_plain_text(html, main_content=True)``.

Every extractor gets the page as ``str``, decoded once beforehand (as a crawl pipeline decodes
it for all of them); newsclean also from the raw ``bytes`` (it decodes them itself). Speed is
**pages per CPU-second** of this process (``time.process_time``, one thread), so it is "pages per
second per core" and counts no time lost to other processes on a shared machine; each extractor
is timed ``--repeat`` times, interleaved with the others, and its best run is kept. Accuracy is
the ScrapingHub article-extraction metric (shingle F1, ``f1`` below, as specified in
shared/eval/README.md §1).

``--engines`` adds throughput of the Spark pandas UDF (local[1] and local[2]) and of Ray
``map_batches`` (1 and 2 CPUs, one actor per CPU) over the pages of both datasets, facts off,
next to ``clean_many`` with as many threads, and the share of the engine's wall time that is
not newsclean's cleaning (engine overhead).

``--check`` exits 1 unless, on every dataset, newsclean with facts off cleans at least as many
pages per CPU-second as Resiliparse and scores an F1 above trafilatura's.
"""

import argparse
import gc
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parents[2] / "shared" / "eval"

# ---------------------------------------------------------------------------------------------
# The ScrapingHub article-extraction metric (shared/eval/README.md §1), exactly.

_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter:
    """The multiset of 4-token shingles; a text of 1-3 tokens gives one shorter shingle."""
    tokens = _TOKEN.findall(text)
    n = len(tokens)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, n - 3))) if n else Counter()


def page_scores(truth: str, prediction: str) -> Tuple[float, float, bool, bool]:
    """Per page: precision, recall, whether the output is non-empty (tp + fp > 0), and whether
    the token sequences are equal."""
    t, p = shingles(truth), shingles(prediction)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if fp == 0 and fn == 0:
        prec = rec = 1.0
    else:
        prec = 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)
        rec = 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)
    exact = _TOKEN.findall(truth) == _TOKEN.findall(prediction)
    return prec, rec, tp + fp > 0, exact


def f1(truths: Dict[str, str], predictions: Dict[str, str]) -> Dict[str, float]:
    """Precision = mean precision over pages with non-empty output; recall = mean recall over all
    pages; F1 = harmonic mean of the two means (a missing prediction is an empty one)."""
    precs, recs, exact = [], [], 0
    for pid, truth in truths.items():
        prec, rec, nonempty, same = page_scores(truth, predictions.get(pid) or "")
        recs.append(rec)
        if nonempty:
            precs.append(prec)
        exact += same
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    return {
        "precision": P,
        "recall": R,
        "f1": 2 * P * R / (P + R) if P + R else 0.0,
        "accuracy": exact / len(truths) if truths else 0.0,
    }


# ---------------------------------------------------------------------------------------------
# Data


class Dataset:
    def __init__(self, name: str, ids: List[str], raw: List[bytes], truths: Dict[str, str]):
        import newsclean

        self.name = name
        self.ids = ids
        self.raw = raw
        self.text = [newsclean.decode(b)[0] for b in raw]
        self.truths = truths


def load(eval_dir: Path, name: str) -> Optional[Dataset]:
    d = eval_dir / name
    if not (d / "ground-truth.json").is_file():
        return None
    gt = json.loads((d / "ground-truth.json").read_text(encoding="utf-8"))
    ids, raw = [], []
    for pid in sorted(gt):
        plain, gz = d / "html" / f"{pid}.html", d / "html" / f"{pid}.html.gz"
        if plain.is_file():
            raw.append(plain.read_bytes())
        elif gz.is_file():
            raw.append(gzip.decompress(gz.read_bytes()))
        else:
            continue
        ids.append(pid)
    return Dataset(name, ids, raw, {pid: gt[pid]["articleBody"] for pid in ids})


# ---------------------------------------------------------------------------------------------
# Extractors: name -> (input kind, function page -> text)


def extractors() -> Dict[str, Tuple[str, Callable[[Any], str]]]:
    import newsclean

    off = newsclean.Cleaner(format="html", facts=False)
    on = newsclean.Cleaner(format="html", facts=True)
    out: Dict[str, Tuple[str, Callable[[Any], str]]] = {
        "newsclean (facts off)": ("text", lambda p: off.clean(p)["text"]),
        "newsclean (facts on)": ("text", lambda p: on.clean(p)["text"]),
        "newsclean (facts off, bytes in)": ("raw", lambda p: off.clean(p)["text"]),
    }
    try:
        import trafilatura

        out["trafilatura " + trafilatura.__version__] = ("text", lambda p: trafilatura.extract(p) or "")
    except ImportError as e:
        print(f"(trafilatura not installed: {e})", file=sys.stderr)
    try:
        from importlib.metadata import version

        from resiliparse.extract.html2text import extract_plain_text

        out["Resiliparse " + version("resiliparse")] = (
            "text",
            lambda p: extract_plain_text(p, main_content=True),
        )
    except ImportError as e:
        print(f"(Resiliparse not installed: {e})", file=sys.stderr)
    return out


def run_once(fn: Callable[[Any], str], pages: Sequence[Any]) -> Tuple[float, List[str]]:
    """CPU seconds of this process to extract every page, and the outputs."""
    gc.collect()
    out = []
    t0 = time.process_time()
    for p in pages:
        out.append(fn(p))
    return time.process_time() - t0, out


def compare(datasets: List[Dataset], repeat: int) -> Dict[str, Dict[str, Dict[str, float]]]:
    ex = extractors()
    results: Dict[str, Dict[str, Dict[str, float]]] = {}
    for ds in datasets:
        res: Dict[str, Dict[str, float]] = {}
        best: Dict[str, float] = {}
        outputs: Dict[str, List[str]] = {}
        for name, (kind, fn) in ex.items():  # warm-up: imports, tables, caches
            run_once(fn, (ds.text if kind == "text" else ds.raw)[:5])
        for _ in range(repeat):
            for name, (kind, fn) in ex.items():
                secs, out = run_once(fn, ds.text if kind == "text" else ds.raw)
                best[name] = min(best.get(name, float("inf")), secs)
                outputs[name] = out
        for name in ex:
            score = f1(ds.truths, dict(zip(ds.ids, outputs[name])))
            n = len(ds.ids)
            res[name] = {**score, "pages_per_cpu_s": n / best[name], "ms_per_page": 1000 * best[name] / n}
        results[ds.name] = res
    return results


# ---------------------------------------------------------------------------------------------
# Engines


def direct(pages: List[str], threads: int) -> float:
    """Wall seconds of clean_many over the pages with `threads` threads (facts off), converting
    each report, as the engines do."""
    import newsclean

    t0 = time.perf_counter()
    n = sum(len(r["text"]) >= 0 for r in newsclean.clean_many(pages, threads=threads, format="html", facts=False))
    assert n == len(pages)
    return time.perf_counter() - t0


def spark_run(pages: List[str], workers: int) -> float:
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from newsclean.spark import clean_udf

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("newsclean-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.createDataFrame([(p,) for p in pages], "html string").repartition(4 * workers).cache()
        df.count()

        def job() -> Any:
            # A new DataFrame each time: collecting the same one twice would reuse its shuffle
            # output and skip the UDF.
            clean = clean_udf(format="html", facts=False)
            return df.select(clean("html").alias("a")).agg(F.sum(F.length("a.text"))).collect()

        job()  # warm-up: Python workers started, imports done
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            job()
            best = min(best, time.perf_counter() - t0)
        return best
    finally:
        spark.stop()


def ray_run(pages: List[str], workers: int) -> float:
    import ray

    from newsclean.ray import Cleaner

    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        ds = ray.data.from_items([{"html": p} for p in pages]).materialize()

        def job() -> int:
            out = ds.map_batches(
                Cleaner,
                fn_constructor_kwargs={"column": "html", "keep_input": False, "format": "html", "facts": False},
                concurrency=workers,
                num_cpus=1,
                batch_size=64,
                batch_format="pandas",
            )
            return int(out.count())

        job()  # warm-up
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            assert job() == len(pages)
            best = min(best, time.perf_counter() - t0)
        return best
    finally:
        ray.shutdown()


def engines(datasets: List[Dataset]) -> List[Dict[str, Any]]:
    pages = [t for ds in datasets for t in ds.text]
    rows = []
    for workers in (1, 2):
        base = min(direct(pages, workers) for _ in range(3))
        rows.append({"engine": "clean_many", "workers": workers, "seconds": base, "pages_per_s": len(pages) / base, "overhead": 0.0})
        for name, fn in (("Spark pandas UDF", spark_run), ("Ray map_batches", ray_run)):
            try:
                secs = fn(pages, workers)
            except ImportError as e:
                print(f"({name} skipped: {e})", file=sys.stderr)
                continue
            rows.append(
                {
                    "engine": name,
                    "workers": workers,
                    "seconds": secs,
                    "pages_per_s": len(pages) / secs,
                    "overhead": max(0.0, 1 - base / secs),
                }
            )
    return rows


# ---------------------------------------------------------------------------------------------


def table(results: Dict[str, Dict[str, Dict[str, float]]]) -> str:
    names = list(next(iter(results.values())))
    head = "| extractor | " + " | ".join(f"{d}: pages/s per core | {d}: ms/page | {d}: F1 (P / R)" for d in results) + " |"
    sep = "|---|" + "---|---|---|" * len(results)
    lines = [head, sep]
    for n in names:
        cells = []
        for d in results:
            r = results[d][n]
            cells.append(f"{r['pages_per_cpu_s']:.0f} | {r['ms_per_page']:.2f} | {r['f1']:.3f} ({r['precision']:.3f} / {r['recall']:.3f})")
        lines.append(f"| {n} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def engine_table(rows: List[Dict[str, Any]], n: int) -> str:
    lines = [f"| path ({n} pages, facts off) | workers | pages/s | engine overhead |", "|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['engine']} | {r['workers']} | {r['pages_per_s']:.0f} | {100 * r['overhead']:.0f}% |")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=Path(os.environ.get("NEWSCLEAN_EVAL", DEFAULT_EVAL)))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--engines", action="store_true", help="also Spark and Ray throughput")
    ap.add_argument("--no-compare", action="store_true", help="skip the extractor comparison")
    ap.add_argument("--check", action="store_true", help="exit 1 unless the acceptance holds")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)
    if not args.eval.is_dir():
        print(f"bench: {args.eval} is absent: skipped")
        return 0
    datasets = [d for d in (load(args.eval, "articles-dev"), load(args.eval, "wcxb-dev")) if d is not None]
    if not datasets:
        print(f"bench: no dataset under {args.eval}: skipped")
        return 0
    import newsclean

    print(f"newsclean {newsclean.__version__}, Python {sys.version.split()[0]}; " + ", ".join(f"{d.name}: {len(d.ids)} pages" for d in datasets))
    out: Dict[str, Any] = {}
    results: Dict[str, Dict[str, Dict[str, float]]] = {}
    if not args.no_compare:
        results = compare(datasets, args.repeat)
        print(table(results))
        out["extractors"] = results
    if args.engines:
        rows = engines(datasets)
        print()
        print(engine_table(rows, sum(len(d.ids) for d in datasets)))
        out["engines"] = rows
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    if args.check:
        ok = True
        for d, res in results.items():
            ours = res["newsclean (facts off)"]
            rp = next((v for k, v in res.items() if k.startswith("Resiliparse")), None)
            tr = next((v for k, v in res.items() if k.startswith("trafilatura")), None)
            if rp is None or tr is None:
                print(f"check: {d}: a peer is missing")
                ok = False
                continue
            fast = ours["pages_per_cpu_s"] >= rp["pages_per_cpu_s"]
            good = ours["f1"] > tr["f1"]
            print(
                f"check: {d}: pages per CPU-second {ours['pages_per_cpu_s']:.0f} vs Resiliparse {rp['pages_per_cpu_s']:.0f} "
                f"({'ok' if fast else 'SLOWER'}); F1 {ours['f1']:.3f} vs trafilatura {tr['f1']:.3f} ({'ok' if good else 'LOWER'})"
            )
            ok &= fast and good
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

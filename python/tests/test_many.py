"""clean_many: same reports as clean, in input order, bounded memory, the GIL released, and no
thread pool that a fork() could leave behind."""

import json
import os
import select
import signal
import threading
import time

import pytest

import newsclean
from conftest import EVAL, FIXTURES, without_timings


def pages():
    """Our fixture pages, of very different sizes (so they finish out of order on threads)."""
    return [f.data for f in FIXTURES]


@pytest.mark.parametrize("threads", [1, 2, 5])
def test_same_reports_as_clean_in_order(threads):
    items = pages() * 3
    many = list(newsclean.clean_many(items, threads=threads))
    assert len(many) == len(items)
    for page, report in zip(items, many):
        assert without_timings(report) == without_timings(newsclean.clean(page))


def test_default_threads_and_env(monkeypatch):
    assert newsclean.clean_many([]).threads == len(os.sched_getaffinity(0))
    monkeypatch.setenv("NEWSCLEAN_THREADS", "3")
    assert newsclean.clean_many([]).threads == 3
    assert newsclean.clean_many([], threads=1).threads == 1
    with pytest.raises(newsclean.InvalidOptionsError):
        newsclean.clean_many([], threads=0)


PARAGRAPH = (
    "The harbour board met on Monday evening and agreed, after a long debate, to repair the old "
    "breakwater before the winter storms arrive, at a cost the town will share with the county."
)


def test_items_with_url_and_encoding_and_bad_items():
    ru = next(f for f in FIXTURES if f.name == "ru-cp1251-dateline")
    from conftest import strip_meta_charset

    bare = strip_meta_charset(ru.data)
    items = [
        {"page": bare, "url": "https://r.example/1", "encoding": "windows-1251"},
        42,
        {"url": "https://r.example/2"},
        {"page": "Text.", "url": 7},
        PARAGRAPH,
    ]
    out = list(newsclean.clean_many(items, return_exceptions=True))
    assert out[0]["text"] == ru.expected and out[0]["url"] == "https://r.example/1"
    assert isinstance(out[1], newsclean.InvalidArgumentError) and "pages[1]" in str(out[1])
    assert isinstance(out[2], newsclean.InvalidArgumentError) and '"page"' in str(out[2])
    assert isinstance(out[3], newsclean.InvalidArgumentError) and "url" in str(out[3])
    assert out[4]["text"] == PARAGRAPH
    # Without return_exceptions the error is raised in its place; iteration can go on.
    it = newsclean.clean_many([PARAGRAPH, 42, PARAGRAPH.upper()])
    assert next(it)["text"] == PARAGRAPH
    with pytest.raises(newsclean.InvalidArgumentError):
        next(it)
    assert next(it)["text"] == PARAGRAPH.upper()
    with pytest.raises(StopIteration):
        next(it)
    # A core error for one page only.
    big = list(newsclean.clean_many([PARAGRAPH, "x" * 500], max_input_bytes=300, return_exceptions=True))
    assert big[0]["text"] == PARAGRAPH
    assert isinstance(big[1], newsclean.InputTooLargeError) and big[1].actual == 500


def test_bounded_memory():
    """At most 2 × threads pages are read ahead of the caller, however long the source."""
    pulled = 0

    def source():
        nonlocal pulled
        for i in range(400):
            pulled += 1
            yield f"Paragraph number {i} of a long stream of pages, each cleaned on its own."

    yielded = 0
    for threads in (1, 2, 4):
        pulled = yielded = 0
        for _ in newsclean.clean_many(source(), threads=threads, facts=False):
            yielded += 1
            assert pulled - yielded <= 2 * threads
        assert yielded == 400


def test_source_errors_propagate():
    def source():
        yield PARAGRAPH
        raise KeyError("broken source")

    it = newsclean.clean_many(source())
    with pytest.raises(KeyError):
        list(it)


def test_gil_released_while_cleaning():
    """Another Python thread runs while pages are cleaned, by clean and by clean_many: it ticks
    every half millisecond or so, and would not tick at all if the GIL were held throughout."""
    page = ("\n\n".join(f.data.decode("utf-8", "replace") for f in FIXTURES if not f.html)) * 40
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0005)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        time.sleep(0.05)
        for run in (lambda: [newsclean.clean(page)], lambda: list(newsclean.clean_many([page] * 4, threads=2))):
            start = time.perf_counter()
            reports = run()
            end = time.perf_counter()
            cleaning = sum(r["stats"]["timings"]["totalUs"] for r in reports) / 1e6
            assert cleaning > 0.05, "the page is too small to tell"
            inside = [x for x in ticks if start <= x <= end]
            assert len(inside) >= 10, (len(inside), end - start)
    finally:
        stop.set()
        t.join()


def _run_in_child(fn, timeout=120.0):
    """Forks; the child runs fn() and writes its JSON result to a pipe. Fails on a hang."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(r)
        code = 0
        try:
            out = json.dumps(fn()).encode()
        except BaseException as e:  # report anything to the parent
            out = json.dumps({"error": repr(e)}).encode()
            code = 1
        os.write(w, out)
        os.close(w)
        os._exit(code)
    os.close(w)
    chunks = []
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        ready, _, _ = select.select([r], [], [], max(0.0, left))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(r)
            pytest.fail(f"the forked child hung for {timeout} s")
        chunk = os.read(r, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    result = json.loads(b"".join(chunks))
    assert os.WEXITSTATUS(status) == 0, result
    return result


def test_works_after_fork():
    """Threads used before fork() (a batch big enough to start every worker), an iterator still
    open at the fork: the child cleans with clean and clean_many, and the open iterator raises
    there instead of waiting for workers the child does not have."""
    items = pages() * 8
    expected = [r["text"] for r in newsclean.clean_many(items, threads=2)]
    assert len(expected) == len(items)
    open_it = newsclean.clean_many(iter(items), threads=2)
    first = next(open_it)

    def child():
        texts = [r["text"] for r in newsclean.clean_many(items, threads=2)]
        one = newsclean.clean(items[0])["text"]
        try:
            next(open_it)
            stale = "no error"
        except RuntimeError as e:
            stale = str(e)
        return {"texts": texts, "one": one, "stale": stale}

    got = _run_in_child(child)
    assert got["texts"] == expected
    assert got["one"] == expected[0]
    assert "before a fork" in got["stale"]
    # The parent's iterator is unharmed.
    rest = [r["text"] for r in open_it]
    assert [first["text"]] + rest == expected


def test_works_in_multiprocessing_fork_children():
    import multiprocessing

    items = pages() * 4
    list(newsclean.clean_many(items, threads=2))
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        res = pool.map_async(_texts_in_child, [items, items[:3]])
        got = res.get(timeout=120)
    assert got[0] == [newsclean.clean(p)["text"] for p in items]
    assert len(got[1]) == 3


def _texts_in_child(items):
    return [r["text"] for r in newsclean.clean_many(items, threads=2)]


@pytest.mark.skipif(not (EVAL / "articles-dev" / "html").is_dir(), reason="../shared/eval is absent")
def test_clean_many_equals_clean_on_articles_dev():
    files = sorted((EVAL / "articles-dev" / "html").glob("*.html"))
    assert len(files) >= 50
    pages_ = [p.read_bytes() for p in files]
    for opts in ({}, {"facts": False}):
        many = list(newsclean.clean_many(pages_, **opts))
        assert len(many) == len(pages_)
        for page, report in zip(pages_, many):
            assert without_timings(report) == without_timings(newsclean.clean(page, **opts))

"""newsclean.datatrove in a real datatrove pipeline: WarcReader over a WARC written from our
fixture pages -> NewscleanExtractor (which datatrove runs in a forked child) -> JsonlWriter."""

import gzip
import json

import pytest

from conftest import FIXTURES, HTML, warc_pages, write_warc

pytest.importorskip("datatrove")
pytest.importorskip("warcio")

import newsclean  # noqa: E402


def test_pipeline_after_threads_were_used(tmp_path):
    # Use clean_many's threads first, in this very process, as a job might before the pipeline:
    # a thread pool kept from here would hang the forked extractor.
    big = [f.data for f in FIXTURES] * 10
    assert len(list(newsclean.clean_many(big, threads=2))) == len(big)

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsclean.datatrove import NewscleanExtractor

    (tmp_path / "in").mkdir()
    pages = [p for p in warc_pages() if "fixture" in p]
    # WarcReader decodes UTF-8 itself (other charsets by guessing): give it the UTF-8 pages.
    utf8 = [p for p in pages if newsclean.decode(p["fixture"].data)[1] == "UTF-8"]
    write_warc(tmp_path / "in" / "crawl.warc.gz", utf8)
    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(tmp_path / "in")),
            NewscleanExtractor(timeout=30),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = []
    for f in sorted((tmp_path / "out").glob("*.jsonl.gz")):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh]
    by_url = {d["metadata"]["url"]: d["text"] for d in docs}
    expected = {p["url"]: p["fixture"].expected for p in utf8 if p["fixture"].expected}
    assert expected and by_url == expected  # pages without article text are dropped
    assert any(not p["fixture"].expected for p in utf8)  # (the index page was one)


def test_extractor_options():
    from newsclean.datatrove import NewscleanExtractor

    en = next(f for f in HTML if f.name == "en-news-chrome")
    html = en.data.decode("utf-8")
    assert NewscleanExtractor().extract(html) == en.expected
    md = NewscleanExtractor(markdown=True).extract(html)
    assert md == newsclean.clean(html, markdown=True)["markdown"] and md != en.expected

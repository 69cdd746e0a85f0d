"""newsclean.spark against a real PySpark in local[2] mode."""

import os
import sys

import pytest

from conftest import HTML, warc_pages, write_warc

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

import newsclean  # noqa: E402
from newsclean.spark import clean_udf, clean_warc_partition, schema, warc_schema  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    s = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def test_udf_on_string_and_binary_columns(spark):
    rows = [(f"https://news.example/{f.name}", newsclean.decode(f.data)[0], f.data) for f in HTML]
    rows.append(("https://news.example/empty", None, None))
    df = spark.createDataFrame(rows, "url string, html string, raw binary").repartition(2)
    clean = clean_udf(facts=False)
    out = df.select(
        "url",
        clean("html", "url").alias("a"),
        clean("raw").alias("b"),
    ).collect()
    by_url = {r["url"]: r for r in out}
    assert len(by_url) == len(HTML) + 1
    for f in HTML:
        r = by_url[f"https://news.example/{f.name}"]
        for col in ("a", "b"):
            assert r[col]["text"] == f.expected, (f.name, col)
            assert r[col]["error"] is None
            assert r[col]["removedCount"] > 0
            assert r[col]["facts"] == '{"sentences": [], "entities": [], "times": [], "quantities": [], "quotes": [], "keySentences": [], "referenceDate": null, "referenceDateSource": null}'
            for key in ("title", "byline", "published", "language", "isArticle"):
                if key in f.expect:
                    assert r[col][key] == f.expect[key], (f.name, key)
    empty = by_url["https://news.example/empty"]["a"]
    assert empty["text"] == "" and empty["error"] is None
    assert [f.name for f in spark.createDataFrame([], schema()).schema.fields] == [f.name for f in schema().fields]


def test_udf_with_facts_and_errors(spark):
    en = next(f for f in HTML if f.name == "en-news-chrome")
    df = spark.createDataFrame([(en.data.decode(),), ("x" * 5000,)], "html string")
    out = df.select(clean_udf(max_input_bytes=4800)("html").alias("a")).collect()
    import json

    facts = json.loads(out[0]["a"]["facts"])
    assert facts == newsclean.clean(en.data, max_input_bytes=4800)["facts"] and facts["entities"]
    assert out[1]["a"]["error"].startswith("INPUT_TOO_LARGE: ")
    assert out[1]["a"]["text"] is None


def test_threads_follow_spark_task_cpus(spark):
    """Inside a Spark task newsclean uses spark.task.cpus threads (1 by default), not every core."""

    def threads(_):
        import newsclean as nc

        yield nc.clean_many([]).threads

    assert spark.sparkContext.parallelize(range(2), 2).mapPartitions(threads).collect() == [1, 1]


def test_warc_map_partitions(spark, tmp_path):
    paths = []
    for i in range(2):
        p = tmp_path / f"part-{i}.warc.gz"
        write_warc(p, warc_pages())
        paths.append(str(p))
    rdd = spark.sparkContext.parallelize(paths, 2).mapPartitions(clean_warc_partition(facts=False))
    df = spark.createDataFrame(rdd, schema=warc_schema())
    rows = df.collect()
    expected = [p for p in warc_pages() if "fixture" in p]
    assert len(rows) == 2 * len(expected)
    by_url = {}
    for r in rows:
        by_url.setdefault(r["url"], []).append(r)
    for p in expected:
        got = by_url[p["url"]]
        assert len(got) == 2
        assert all(r["text"] == p["fixture"].expected for r in got), p["url"]
        assert all(r["warcRecordId"].startswith("<urn:uuid:") for r in got)

"""newsclean in Apache Spark: a pandas UDF from a column of pages to a struct, and a partition
function that cleans WARC files.

The same code runs on a laptop (``local[*]``) and on a cluster. Each Python worker cleans its
batch with ``spark.task.cpus`` threads (the cores Spark gave the task; set ``spark.task.cpus``
above 1 to give newsclean more threads per task and run fewer tasks per executor)::

    from newsclean.spark import clean_udf
    clean = clean_udf(facts=False)
    df = df.withColumn("article", clean("html", "url"))   # or clean("html")
    df.select("url", "article.text", "article.title", "article.isArticle")

    # WARC files, one partition per group of paths:
    from newsclean.spark import clean_warc_partition
    rows = spark.sparkContext.parallelize(paths, len(paths)).mapPartitions(clean_warc_partition(facts=False))
    spark.createDataFrame(rows, schema=warc_schema())

The struct has ``text``, ``title``, ``byline`` (array of names), ``published``, ``language``,
``isArticle``, ``removedCount``, ``facts`` (the report's facts as JSON) and ``error`` (``"CODE:
message"`` when the page could not be cleaned; the other fields are then null). Pages may be a
string column (HTML or text) or a binary one (bytes, decoded as ``newsclean.decode`` does).
"""

from typing import TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, Optional

import pandas as pd
from pyspark.sql import Column
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import StructType, _parse_datatype_string

from . import _rows
from ._newsclean import clean_many
from ._report import Options

if TYPE_CHECKING:
    from typing_extensions import Unpack


def schema() -> StructType:
    """The struct ``clean_udf`` returns."""
    fields = ", ".join(f"{name}: {kind}" for name, kind in _rows.FIELDS)
    parsed = _parse_datatype_string(f"struct<{fields}>")
    assert isinstance(parsed, StructType)
    return parsed


def warc_schema() -> StructType:
    """The rows ``clean_warc_partition`` yields: ``url``, ``warcRecordId``, ``warcDate``, then
    the fields of :func:`schema`."""
    fields = ", ".join(f"{name}: {kind}" for name, kind in _rows.FIELDS)
    parsed = _parse_datatype_string(f"struct<url: string, warcRecordId: string, warcDate: string, {fields}>")
    assert isinstance(parsed, StructType)
    return parsed


def _frame(pages: "pd.Series[Any]", urls: Optional["pd.Series[Any]"], threads: Optional[int], options: Dict[str, Any]) -> pd.DataFrame:
    items = _rows.records(pages, [None] * len(pages) if urls is None else urls)
    rows = [_rows.row(r) for r in clean_many(items, threads=threads, return_exceptions=True, **options)]
    return pd.DataFrame(_rows.columns(rows), columns=_rows.NAMES)


def clean_udf(*, threads: Optional[int] = None, **options: "Unpack[Options]") -> Callable[..., Column]:
    """A function of a page column (and optionally a URL column) to a struct column (see the
    module's doc). ``options`` are ``newsclean.clean``'s; ``threads`` defaults to the task's
    ``spark.task.cpus``. A null page gives the report of an empty page."""
    opts: Dict[str, Any] = dict(options)
    ret = schema()

    @pandas_udf(ret)  # type: ignore[untyped-decorator]
    def clean_pages(pages: pd.Series) -> pd.DataFrame:
        return _frame(pages, None, threads, opts)

    @pandas_udf(ret)  # type: ignore[untyped-decorator]
    def clean_pages_with_url(pages: pd.Series, urls: pd.Series) -> pd.DataFrame:
        return _frame(pages, urls, threads, opts)

    def udf(page: "Column | str", url: "Column | str | None" = None) -> Column:
        if url is None:
            return clean_pages(page)
        return clean_pages_with_url(page, url)

    return udf


def clean_warc_partition(
    *, threads: Optional[int] = None, **options: "Unpack[Options]"
) -> Callable[[Iterable[str]], Iterator[Dict[str, Any]]]:
    """A function for ``rdd.mapPartitions`` over WARC file paths (local or any path warcio can
    open through ``open``) that yields one row per HTML response record (see
    :func:`warc_schema`)."""
    opts: Dict[str, Any] = dict(options)

    def run(paths: Iterable[str]) -> Iterator[Dict[str, Any]]:
        from .warc import cleaned_records

        for path in paths:
            for record, report in cleaned_records(path, threads=threads, **opts):
                out: Dict[str, Any] = {
                    "url": record.url,
                    "warcRecordId": record.record_id,
                    "warcDate": record.date,
                }
                out.update(_rows.row(report))
                yield out

    return run

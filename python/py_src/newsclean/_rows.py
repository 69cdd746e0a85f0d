"""The flat row the engine adapters (Spark, Ray, WARC) make of a report: the fields a dataset
keeps, with the facts as one JSON string."""

import json
from typing import Any, Dict, Iterable, Iterator, List, Union

from ._errors import Error
from ._report import Article, PageRecord

#: The row's fields, in order, with the Spark SQL type of each (``newsclean.spark`` builds its
#: schema from this; Ray and the WARC command emit the same keys).
FIELDS = [
    ("text", "string"),
    ("title", "string"),
    ("byline", "array<string>"),
    ("published", "string"),
    ("language", "string"),
    ("isArticle", "boolean"),
    ("removedCount", "int"),
    ("facts", "string"),
    ("error", "string"),
]

NAMES = [name for name, _ in FIELDS]


def row(report: Union[Article, Error]) -> Dict[str, Any]:
    """The row of one report, or of the error cleaning its page raised (only ``error`` set, as
    ``"CODE: message"``)."""
    if isinstance(report, BaseException):
        code = getattr(report, "code", "INTERNAL")
        out: Dict[str, Any] = {name: None for name in NAMES}
        out["error"] = f"{code}: {report}"
        return out
    return {
        "text": report["text"],
        "title": report["title"],
        "byline": list(report["byline"]),
        "published": report["published"],
        "language": report["language"],
        "isArticle": report["isArticle"],
        "removedCount": len(report["removed"]),
        "facts": json.dumps(report["facts"], ensure_ascii=False),
        "error": None,
    }


def columns(rows: List[Dict[str, Any]]) -> Dict[str, List[Any]]:
    """Rows as columns, for pandas and Ray batches."""
    return {name: [r[name] for r in rows] for name in NAMES}


def records(pages: Iterable[Any], urls: Iterable[Any]) -> Iterator[PageRecord]:
    """Items for ``clean_many`` from a column of pages and one of URLs: a missing page (None,
    NaN) is an empty one, a missing URL none."""
    for p, u in zip(pages, urls):
        yield {"page": p if isinstance(p, (str, bytes, bytearray)) else "", "url": u if isinstance(u, str) else None}

"""newsclean in Ray Data: a callable class for ``Dataset.map_batches``.

The same code runs on a laptop (``ray.init()``) and on a cluster::

    import ray
    from newsclean.ray import Cleaner

    ds = ray.data.read_parquet("s3://bucket/pages/")          # a column of HTML (str or bytes)
    ds = ds.map_batches(
        Cleaner,
        fn_constructor_kwargs={"column": "html", "url_column": "url", "facts": False},
        concurrency=8,      # actors (each one a copy of the options, no model to load)
        num_cpus=2,         # cores per actor: newsclean cleans each batch on that many threads
        batch_size=256,
    )

Each actor cleans a batch on as many threads as Ray gave it (``num_cpus``; Ray does not limit
newsclean's threads by itself, so this is read from the actor's assigned resources), or
``threads`` when given. It adds the columns ``text``, ``title``, ``byline``, ``published``,
``language``, ``isArticle``, ``removedCount``, ``facts`` (JSON) and ``error`` (``"CODE: message"``
for a page that could not be cleaned) to the batch, which may be a pandas DataFrame or a dict of
arrays (``batch_format`` ``"pandas"`` or ``"numpy"``/default).
"""

from typing import TYPE_CHECKING, Any, Dict, Optional, Union

from . import _rows
from ._newsclean import Cleaner as _Cleaner
from ._report import Options

if TYPE_CHECKING:
    import pandas as pd
    from typing_extensions import Unpack

Batch = Union[Dict[str, Any], "pd.DataFrame"]


class Cleaner:
    """``map_batches(Cleaner, fn_constructor_kwargs={...})``: see the module's doc.

    ``column`` holds the pages (str or bytes), ``url_column`` their URLs (optional);
    ``keep_input=False`` drops the page column from the output (less data to move on);
    ``threads`` defaults to the CPUs Ray assigned to the actor or task; the other keyword
    arguments are ``newsclean.clean``'s options.
    """

    def __init__(
        self,
        column: str = "html",
        url_column: Optional[str] = None,
        keep_input: bool = True,
        threads: Optional[int] = None,
        **options: "Unpack[Options]",
    ) -> None:
        self.column = column
        self.url_column = url_column
        self.keep_input = keep_input
        self.threads = threads
        self.cleaner = _Cleaner(**options)

    def __call__(self, batch: Batch) -> Batch:
        pages = list(batch[self.column])
        urls = list(batch[self.url_column]) if self.url_column else [None] * len(pages)
        items = _rows.records(pages, urls)
        rows = [_rows.row(r) for r in self.cleaner.clean_many(items, threads=self.threads, return_exceptions=True)]
        cols = _rows.columns(rows)
        if isinstance(batch, dict):
            out = {k: v for k, v in batch.items() if self.keep_input or k != self.column}
            out.update(cols)
            return out
        frame = batch.copy() if self.keep_input else batch.drop(columns=[self.column])
        for name, values in cols.items():
            frame[name] = values
        return frame

"""newsclean in datatrove: an extractor step, in place of ``Trafilatura``::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.datatrove import NewscleanExtractor

    LocalPipelineExecutor(
        pipeline=[WarcReader("crawl/"), NewscleanExtractor(), JsonlWriter("out/")],
        tasks=4, workers=4,
    ).run()

datatrove runs ``extract`` in a forked child process with a per-document timeout
(``timeout``, seconds). newsclean keeps no thread pool between calls, so the child works
whatever the parent cleaned before the fork. Facts are off by default (the step keeps only the
text); ``markdown=True`` makes the document's text the article as Markdown. The other keyword
arguments are ``newsclean.clean``'s options.
"""

from typing import TYPE_CHECKING, Any, Dict

from datatrove.pipeline.extractors.base import BaseExtractor

from ._newsclean import Cleaner
from ._report import Options

if TYPE_CHECKING:
    from typing_extensions import Unpack


class NewscleanExtractor(BaseExtractor):  # type: ignore[misc]
    """Extracts the article's text (or Markdown) from each document's HTML with newsclean."""

    name = "📰 newsclean"

    def __init__(self, timeout: float = 1, **options: "Unpack[Options]") -> None:
        super().__init__(timeout)
        opts: Dict[str, Any] = {"facts": False}
        opts.update(options)
        self.options = opts
        self._cleaner: Any = None

    def extract(self, text: str) -> str:
        """The article's text (``""`` when the page has none: datatrove then drops it)."""
        if self._cleaner is None:
            self._cleaner = Cleaner(**self.options)
        report = self._cleaner.clean(text)
        if self.options.get("markdown"):
            return str(report.get("markdown") or "")
        return str(report["text"])

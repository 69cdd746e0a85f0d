# Types of the extension module (python/src/lib.rs, python/src/batch.rs). Checked against the
# built module by `mypy.stubtest` and used by `mypy --strict` in python/tests (scripts/test-python.sh).
from typing import Any, Dict, Generic, Iterable, Iterator, Literal, Optional, Tuple, TypeVar, Union, final, overload

from typing_extensions import Unpack

from ._errors import Error
from ._report import Article, Options, Page, PageInput

__all__ = ["Cleaner", "ReportIterator", "SCHEMA_VERSION", "__version__", "clean", "clean_many", "decode"]
__version__: str
SCHEMA_VERSION: int

_T = TypeVar("_T", covariant=True)

def clean(page: Page, *, encoding: Optional[str] = None, **options: Unpack[Options]) -> Article:
    """Cleans one page (HTML or text; ``str``, or ``bytes`` decoded like :func:`decode`, with
    ``encoding`` the charset the HTTP headers declared) and returns the report. The GIL is
    released while it runs. Raises an :class:`Error` subclass."""

@overload
def clean_many(
    pages: Iterable[PageInput],
    *,
    threads: Optional[int] = None,
    return_exceptions: Literal[False] = False,
    **options: Unpack[Options],
) -> ReportIterator[Article]: ...
@overload
def clean_many(
    pages: Iterable[PageInput],
    *,
    threads: Optional[int] = None,
    return_exceptions: Literal[True],
    **options: Unpack[Options],
) -> ReportIterator[Union[Article, Error]]: ...
def decode(data: Union[bytes, bytearray], encoding: Optional[str] = None) -> Tuple[str, str]:
    """Decodes page bytes as ``clean`` does: a BOM, else valid UTF-8, else ``encoding`` (the HTTP
    charset), else the ``<meta charset>``, else windows-1252. Returns the text and the encoding
    used (``"UTF-8"``, ``"windows-1251"``, ...)."""

@final
class Cleaner:
    """Options checked once and reused for every page."""

    def __new__(cls, **options: Unpack[Options]) -> Cleaner: ...
    def clean(self, page: Page, *, url: Optional[str] = None, encoding: Optional[str] = None) -> Article:
        """Cleans one page; ``url`` overrides the option for this page."""
    @overload
    def clean_many(
        self, pages: Iterable[PageInput], *, threads: Optional[int] = None, return_exceptions: Literal[False] = False
    ) -> ReportIterator[Article]: ...
    @overload
    def clean_many(
        self, pages: Iterable[PageInput], *, threads: Optional[int] = None, return_exceptions: Literal[True]
    ) -> ReportIterator[Union[Article, Error]]: ...
    @property
    def options(self) -> Dict[str, Any]:
        """The options in use, as snake_case keyword arguments."""
    def __getnewargs_ex__(self) -> Tuple[Tuple[()], Dict[str, Any]]: ...

@final
class ReportIterator(Iterator[_T], Generic[_T]):
    """What ``clean_many`` returns: the reports in input order, cleaned on ``threads`` threads
    with the GIL released; at most ``2 * threads`` pages in flight."""

    def __iter__(self) -> ReportIterator[_T]: ...
    def __next__(self) -> _T: ...
    @property
    def threads(self) -> int:
        """How many threads clean the pages."""

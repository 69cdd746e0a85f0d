"""newsclean: the article alone, each paragraph once, and its key facts.

The Python binding of the newsclean Rust core (the same pipeline as the CLI and the WebAssembly
build)::

    import newsclean

    report = newsclean.clean(html_or_text)          # a dict: the CLI's --json report
    report["text"], report["removed"], report["facts"]["quotes"]

    for report in newsclean.clean_many(pages, facts=False):   # every core, in input order
        ...

Options are keyword arguments in snake_case (``reference_date="2025-11-27"``, ``facts=False``);
errors are :class:`newsclean.Error` subclasses with a stable ``code``. Spans are UTF-8 byte
offsets, as in the CLI (see :mod:`newsclean._report`). Adapters: :mod:`newsclean.spark`,
:mod:`newsclean.ray`, :mod:`newsclean.datatrove`, and ``python -m newsclean.warc`` for WARC files.
"""

from ._errors import (
    DecodeError,
    Error,
    InputTooLargeError,
    InternalError,
    InvalidArgumentError,
    InvalidOptionsError,
)
from ._newsclean import SCHEMA_VERSION, Cleaner, ReportIterator, __version__, clean, clean_many, decode
from ._report import (
    Alternative,
    Article,
    ArticleBlock,
    BlockKind,
    Entity,
    EntityKind,
    Facts,
    Format,
    KeySentence,
    Mention,
    Options,
    Page,
    PageInput,
    PageRecord,
    PageType,
    Quantity,
    QuantityKind,
    Quote,
    Reason,
    ReferenceDateSource,
    Removed,
    Sentence,
    Span,
    Speaker,
    Stats,
    TextSpan,
    TimeFact,
    TimeKind,
    Timings,
)

__all__ = [
    "SCHEMA_VERSION",
    "Alternative",
    "Article",
    "ArticleBlock",
    "BlockKind",
    "Cleaner",
    "DecodeError",
    "Entity",
    "EntityKind",
    "Error",
    "Facts",
    "Format",
    "InputTooLargeError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidOptionsError",
    "KeySentence",
    "Mention",
    "Options",
    "Page",
    "PageInput",
    "PageRecord",
    "PageType",
    "Quantity",
    "QuantityKind",
    "Quote",
    "Reason",
    "ReferenceDateSource",
    "Removed",
    "ReportIterator",
    "Sentence",
    "Span",
    "Speaker",
    "Stats",
    "TextSpan",
    "TimeFact",
    "TimeKind",
    "Timings",
    "__version__",
    "clean",
    "clean_many",
    "decode",
]

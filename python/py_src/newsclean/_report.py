"""The report's types: ``clean`` returns an :class:`Article`, a plain dict with the keys of the JSON
report (camelCase, as the CLI's ``--json`` prints them). These are ``TypedDict``s: at run time
every report is a ``dict``, and ``json.dumps`` gives the CLI's JSON.

**Offsets.** Every ``Span`` is a pair of **UTF-8 byte offsets**, end exclusive, as in the CLI and
in Rust (not Python string indices): ``text.encode()[start:end].decode()`` gives the span's text.
``blocks[].span`` and ``removed[].span`` point into the (decoded) page; ``blocks[].textSpan`` and
every span under ``facts`` into ``text``.
"""

from typing import Dict, List, Literal, Optional, TypedDict, Union


class Span(TypedDict):
    """A byte range ``start..end`` (UTF-8 byte offsets, end exclusive)."""

    start: int
    end: int


Format = Literal["auto", "text", "html"]
"""The input format: ``"auto"`` sniffs (markup that looks like an HTML document is HTML)."""

BlockKind = Literal["paragraph", "heading", "listItem", "quote", "caption", "tableRow", "preformatted"]
"""What a kept block is, structurally."""

PageType = Literal["article", "product", "listing", "collection", "forum", "documentation", "service", "unknown"]
"""What kind of page the input is: ``"article"`` exactly when ``isArticle`` is true; ``"collection"``
is a shop's category, ``"service"`` a company's page about what it offers, ``"unknown"`` a page
with little or no running text of no other kind."""

Reason = Literal[
    "navigation",
    "linkList",
    "share",
    "newsletter",
    "cookie",
    "advertisement",
    "comments",
    "footer",
    "byline",
    "metadata",
    "title",
    "boilerplate",
    "exactDuplicate",
    "nearDuplicate",
    "teaser",
    "repeatedSentence",
]
"""Why a block (or a sentence) was removed."""


class ArticleBlock(TypedDict):
    """A block of the article that was kept."""

    text: str
    kind: BlockKind
    span: Span
    textSpan: Span


class _RemovedRequired(TypedDict):
    text: str
    reason: Reason
    rule: str
    span: Span


class Removed(_RemovedRequired, total=False):
    """A block (or, for ``"repeatedSentence"``, a sentence) that was removed, and why.
    ``duplicateOf`` (duplicates only) is the index in ``blocks`` of the kept block it repeats;
    ``kept`` is present and true when ``keep_boilerplate`` left it in ``text``."""

    duplicateOf: int
    kept: bool


class Alternative(TypedDict):
    """Another part of the page that reads as running text but was not taken for the article
    (a run of consecutive removed blocks): "Not the article?"."""

    removed: List[int]
    """Its blocks: indices into ``Article["removed"]``, in input order."""
    words: int
    paragraphs: int
    reason: Reason
    """Why it was not taken: the removal reason of most of its running text."""
    rule: str
    """The rule that removed its longest paragraph."""


class Timings(TypedDict):
    """Timings of one clean, in microseconds."""

    ingestUs: int
    classifyUs: int
    dedupeUs: int
    factsUs: int
    totalUs: int


class _StatsRequired(TypedDict):
    inputBytes: int
    outputBytes: int
    blocksTotal: int
    blocksKept: int
    removedByReason: Dict[str, int]


class Stats(_StatsRequired, total=False):
    """Counts (and timings) of one clean."""

    timings: Timings


class Sentence(TypedDict):
    """One sentence of ``text``."""

    span: Span


EntityKind = Literal["person", "organization", "place", "nationality", "event", "product", "other"]


class Mention(TypedDict):
    """One mention of an entity."""

    text: str
    span: Span
    sentence: int


class Entity(TypedDict):
    """A named entity with every mention of it."""

    text: str
    kind: EntityKind
    span: Span
    sentence: int
    mentions: List[Mention]
    count: int


TimeKind = Literal["date", "time", "duration", "set"]


class _TimeFactRequired(TypedDict):
    text: str
    span: Span
    sentence: int
    kind: TimeKind
    value: Optional[str]


class TimeFact(_TimeFactRequired, total=False):
    """A time expression, normalised TIMEX3-style (``value`` such as ``2025-11-27``, ``P1W``)."""

    modifier: str


QuantityKind = Literal["number", "percent", "money", "measure"]


class TextSpan(TypedDict):
    """A piece of ``text``: part of a fact (speaker, cue, channel, counted thing)."""

    text: str
    span: Span


class _QuantityRequired(TypedDict):
    text: str
    span: Span
    sentence: int
    kind: QuantityKind
    value: Optional[float]
    approximate: bool


class Quantity(_QuantityRequired, total=False):
    """A quantity and what it counts."""

    low: float
    high: float
    unit: str
    counted: TextSpan


class _SpeakerRequired(TypedDict):
    text: str
    span: Span


class Speaker(_SpeakerRequired, total=False):
    """Who said a quote; ``entity`` indexes ``facts["entities"]`` when resolved."""

    entity: int
    name: str


class _QuoteRequired(TypedDict):
    text: str
    span: Span
    sentence: int
    direct: bool
    speaker: Optional[Speaker]
    cue: Optional[TextSpan]


class Quote(_QuoteRequired, total=False):
    """A quote: direct (in quotation marks) or reported speech."""

    channel: TextSpan


class KeySentence(TypedDict):
    """One of the top sentences."""

    text: str
    span: Span
    sentence: int
    score: float
    rank: int


ReferenceDateSource = Literal["option", "published", "dateline"]
"""Where ``Facts.referenceDate`` came from: the ``reference_date`` option, the page's publication
date (its metadata), or a dateline near the top of the text."""


class Facts(TypedDict):
    """Everything found in one article (every list empty with ``facts=False``)."""

    sentences: List[Sentence]
    entities: List[Entity]
    times: List[TimeFact]
    quantities: List[Quantity]
    quotes: List[Quote]
    keySentences: List[KeySentence]
    referenceDate: Optional[str]
    """The day relative times were resolved against (YYYY-MM-DD), or None."""
    referenceDateSource: Optional[ReferenceDateSource]
    """Where ``referenceDate`` came from; None when there is none."""


class _ArticleRequired(TypedDict):
    schemaVersion: int
    text: str
    title: Optional[str]
    byline: List[str]
    published: Optional[str]
    siteName: Optional[str]
    url: Optional[str]
    language: Optional[str]
    isArticle: bool
    pageType: PageType
    blocks: List[ArticleBlock]
    removed: List[Removed]
    alternatives: List[Alternative]
    facts: Facts
    stats: Stats


class Article(_ArticleRequired, total=False):
    """The report of one page: the article's text, its metadata, every removed block with its
    reason, and the facts. ``notArticleReason`` is there when ``isArticle`` is false,
    ``markdown`` when ``markdown=True``."""

    notArticleReason: str
    markdown: str


class Options(TypedDict, total=False):
    """The options, as keyword arguments (snake_case; every one optional, ``None`` = default)."""

    format: Optional[Format]
    url: Optional[str]
    reference_date: Optional[str]
    language: Optional[str]
    max_input_bytes: Optional[int]
    facts: Optional[bool]
    key_sentences: Optional[int]
    near_duplicate_threshold: Optional[float]
    keep_boilerplate: Optional[bool]
    markdown: Optional[bool]


class _PageRecordRequired(TypedDict):
    page: Union[str, bytes, bytearray]


class PageRecord(_PageRecordRequired, total=False):
    """A page for ``clean_many`` with its own ``url`` and, for bytes, the ``encoding`` its HTTP
    headers declared."""

    url: Optional[str]
    encoding: Optional[str]


Page = Union[str, bytes, bytearray]
"""A page: its HTML or text as ``str``, or its bytes (decoded as ``newsclean.decode`` does)."""

PageInput = Union[str, bytes, bytearray, PageRecord]
"""An item of ``clean_many``'s iterable."""

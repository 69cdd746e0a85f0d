"""A consumer of the public API, type-checked by `mypy --strict` (scripts/test-python.sh) and run
by test_typing.py: the stubs must accept real use and reject misuse (see the `type: ignore`s,
which --strict's warn_unused_ignores turns into errors if the stubs ever allowed them)."""

from typing import Iterator, List, Optional

import newsclean
from newsclean import Article, Cleaner, Error, PageRecord


def texts(pages: List[str]) -> List[str]:
    return [a["text"] for a in newsclean.clean_many(pages, threads=2, facts=False)]


def first_quote_speaker(page: bytes) -> Optional[str]:
    a: Article = newsclean.clean(page, encoding="windows-1251", reference_date="2025-11-27")
    for q in a["facts"]["quotes"]:
        if q["speaker"] is not None:
            return q["speaker"]["text"]
    return None


def reasons(a: Article) -> List[str]:
    out: List[str] = []
    for r in a["removed"]:
        dup = r.get("duplicateOf")
        out.append(r["reason"] if dup is None else f"{r['reason']} of {dup}")
    return out


def records(pages: List[bytes]) -> Iterator[PageRecord]:
    for i, p in enumerate(pages):
        yield {"page": p, "url": f"https://example.org/{i}", "encoding": None}


def tolerant(pages: List[bytes]) -> int:
    ok = 0
    for r in newsclean.clean_many(records(pages), return_exceptions=True):
        if isinstance(r, Error):
            print(r.code)
        else:
            ok += r["isArticle"]
    return ok


def with_cleaner() -> None:
    c = Cleaner(language="en", markdown=True, max_input_bytes=1 << 20, near_duplicate_threshold=0.9)
    a = c.clean("text", url="https://example.org/")
    md: Optional[str] = a.get("markdown")
    print(md, c.options["language"], newsclean.decode(b"x")[1], newsclean.__version__)
    it = c.clean_many(["a", b"b"])
    print(it.threads, next(it)["stats"]["blocksKept"])
    try:
        newsclean.clean("xy", max_input_bytes=1)
    except newsclean.InputTooLargeError as e:
        print(e.code, e.limit, e.actual)


def misuse() -> None:
    newsclean.clean(42)  # type: ignore[arg-type]
    newsclean.clean("x", facts="yes")  # type: ignore[arg-type]
    newsclean.clean("x", nope=True)  # type: ignore[call-arg]
    a = newsclean.clean("x")
    a["nope"]  # type: ignore[typeddict-item]


if __name__ == "__main__":
    print(texts(["One page."]), reasons(newsclean.clean("Hello.")), tolerant([b"x", b"y"]))
    with_cleaner()

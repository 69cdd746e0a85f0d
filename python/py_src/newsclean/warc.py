"""Cleans the HTML responses of a WARC file: ``python -m newsclean.warc IN.warc.gz OUT.jsonl``.

Reads every ``response`` record whose HTTP status is 2xx and whose ``Content-Type`` is HTML
(``text/html``, ``application/xhtml+xml``; a record without one is sniffed by newsclean), passes
the payload bytes with the charset of the HTTP headers and the record's ``WARC-Target-URI`` to
``newsclean.clean_many`` (every core, reports in record order, bounded memory), and writes one JSON
line per record::

    {"url": ..., "warcRecordId": ..., "warcDate": ..., "article": {the report}}
    {"url": ..., "warcRecordId": ..., "warcDate": ..., "error": {"code": ..., "message": ...}}

The options are ``newsclean``'s, as flags (``--no-facts``, ``--reference-date 2025-11-27``,
``--markdown``...); ``--threads N`` sets the threads. Needs ``warcio``
(``pip install newsclean[warc]``). ``OUT`` may be ``-`` for standard output.
"""

import argparse
import json
import sys
from collections import deque
from typing import IO, TYPE_CHECKING, Any, Deque, Dict, Iterator, NamedTuple, Optional, Sequence, Tuple, Union

from ._errors import Error
from ._newsclean import Cleaner, clean_many
from ._report import Article, Options, PageRecord

if TYPE_CHECKING:
    from typing_extensions import Unpack

HTML_TYPES = ("text/html", "application/xhtml+xml")


class Record(NamedTuple):
    """One HTML response of a WARC file."""

    url: Optional[str]
    record_id: Optional[str]
    date: Optional[str]
    payload: bytes
    charset: Optional[str]


def charset_of(content_type: Optional[str]) -> Optional[str]:
    """The ``charset`` parameter of a ``Content-Type`` header value (RFC 9110 §8.3), if any."""
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            value = value.strip().strip('"').strip("'").strip()
            return value or None
    return None


def records(path: str) -> Iterator[Record]:
    """The HTML responses of a WARC file (gzip or not), in file order."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as f:
        for rec in ArchiveIterator(f):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                continue
            content_type = rec.http_headers.get_header("Content-Type")
            mime = (content_type or "").split(";")[0].strip().lower()
            if mime and mime not in HTML_TYPES:
                continue
            yield Record(
                url=rec.rec_headers.get_header("WARC-Target-URI"),
                record_id=rec.rec_headers.get_header("WARC-Record-ID"),
                date=rec.rec_headers.get_header("WARC-Date"),
                payload=rec.content_stream().read(),
                charset=charset_of(content_type),
            )


def cleaned_records(
    path: str, *, threads: Optional[int] = None, **options: "Unpack[Options]"
) -> Iterator[Tuple[Record, Union[Article, Error]]]:
    """Each HTML response of a WARC file with its report (or the error cleaning it raised), in
    file order, cleaned on ``threads`` threads (default: what this worker was given)."""
    waiting: Deque[Record] = deque()

    def pages() -> Iterator[PageRecord]:
        for r in records(path):
            waiting.append(r)
            yield {"page": r.payload, "url": r.url, "encoding": r.charset}

    for report in clean_many(pages(), threads=threads, return_exceptions=True, **options):
        yield waiting.popleft(), report


def clean_warc(path: str, *, threads: Optional[int] = None, **options: "Unpack[Options]") -> Iterator[Dict[str, Any]]:
    """The JSON lines of ``python -m newsclean.warc`` as dicts."""
    for record, report in cleaned_records(path, threads=threads, **options):
        line: Dict[str, Any] = {"url": record.url, "warcRecordId": record.record_id, "warcDate": record.date}
        if isinstance(report, BaseException):
            line["error"] = {"code": report.code, "message": str(report)}
        else:
            line["article"] = report
        yield line


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m newsclean.warc",
        description="Cleans the HTML responses of a WARC file into JSON lines (one per record, in order).",
    )
    p.add_argument("input", help="a WARC file (.warc or .warc.gz)")
    p.add_argument("output", help="the JSONL file to write, or - for standard output")
    p.add_argument("--threads", type=int, default=None, help="threads (default: every core this worker was given)")
    # One flag per option, from the options themselves.
    for name, default in Cleaner().options.items():
        flag = "--" + name.replace("_", "-")
        if name == "url":
            continue  # each record has its own
        if isinstance(default, bool):
            if default:
                p.add_argument("--no-" + name.replace("_", "-"), dest=name, action="store_false", default=None)
            else:
                p.add_argument(flag, dest=name, action="store_true", default=None)
        elif isinstance(default, int):
            p.add_argument(flag, dest=name, type=int, default=None, help=f"default {default}")
        elif isinstance(default, float):
            p.add_argument(flag, dest=name, type=float, default=None, help=f"default {default}")
        else:
            p.add_argument(flag, dest=name, default=None, help=f"default {default}")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command: returns the exit status (0, 1 when the file cannot be read or an option is
    wrong, 2 for a usage error)."""
    args = vars(_parser().parse_args(argv))
    path, out_path, threads = args.pop("input"), args.pop("output"), args.pop("threads")
    options: Dict[str, Any] = {k: v for k, v in args.items() if v is not None}
    out: IO[str]
    try:
        out = sys.stdout if out_path == "-" else open(out_path, "w", encoding="utf-8")
    except OSError as e:
        print(f"newsclean.warc: cannot write {out_path}: {e}", file=sys.stderr)
        return 1
    n = errors = 0
    try:
        for line in clean_warc(path, threads=threads, **options):
            out.write(json.dumps(line, ensure_ascii=False))
            out.write("\n")
            n += 1
            errors += "error" in line
    except (OSError, Error) as e:
        print(f"newsclean.warc: {e}", file=sys.stderr)
        return 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"newsclean.warc: {n} HTML records, {errors} not cleaned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

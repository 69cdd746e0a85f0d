"""Shared helpers: the repository's own fixture pages (tests/fixtures, tests/html-fixtures; all
written for newsclean) and the native CLI for comparison."""

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT_FIXTURES = ROOT / "tests" / "fixtures"
HTML_FIXTURES = ROOT / "tests" / "html-fixtures"
EVAL = ROOT.parent / "shared" / "eval"


class Fixture(NamedTuple):
    name: str
    path: Path
    data: bytes
    expected: str
    expect: Dict[str, Any]
    html: bool

    @property
    def camel_options(self) -> Dict[str, Any]:
        return dict(self.expect.get("options", {}))

    @property
    def options(self) -> Dict[str, Any]:
        """The fixture's options as Python keyword arguments."""
        return {snake(k): v for k, v in self.camel_options.items()}

    @property
    def known_failure(self) -> bool:
        return "knownFailure" in self.expect


def snake(camel: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in camel)


def fixtures() -> List[Fixture]:
    out = []
    for base, name, html in [(TEXT_FIXTURES, "input.txt", False), (HTML_FIXTURES, "input.html", True)]:
        for d in sorted(p for p in base.iterdir() if p.is_dir()):
            out.append(
                Fixture(
                    name=d.name,
                    path=d / name,
                    data=(d / name).read_bytes(),
                    expected=(d / "expected.txt").read_text(encoding="utf-8").strip(),
                    expect=json.loads((d / "expect.json").read_text(encoding="utf-8")),
                    html=html,
                )
            )
    return out


FIXTURES = fixtures()
HTML = [f for f in FIXTURES if f.html]


def cli_path() -> Optional[Path]:
    p = os.environ.get("NEWSCLEAN_CLI") or str(ROOT / "target" / "release" / "newsclean")
    return Path(p) if Path(p).is_file() else None


def cli_flags(camel_options: Dict[str, Any]) -> List[str]:
    """The CLI flags of camelCase options."""
    flags: List[str] = []
    for k, v in camel_options.items():
        flag = "--" + snake(k).replace("_", "-")
        if v is True:
            flags.append(flag)
        elif v is False and k == "facts":
            flags.append("--no-facts")
        elif v is not None:
            flags += [flag, str(v)]
    return flags


def cli_json(path: Path, camel_options: Dict[str, Any]) -> str:
    cli = cli_path()
    if cli is None:
        pytest.skip("the native CLI is not built (cargo build --release); NEWSCLEAN_CLI names it")
    out = subprocess.run(
        [str(cli), "--json", *cli_flags(camel_options), str(path)], check=True, capture_output=True
    )
    return out.stdout.decode("utf-8")


def without_timings(report: Any) -> Any:
    """A report (dict) without its timings, which differ from run to run."""
    r = json.loads(json.dumps(report))
    r["stats"].pop("timings", None)
    return r


def write_warc(path: Path, pages: List[Dict[str, Any]]) -> None:
    """Writes a gzipped WARC: each page a ``response`` record with HTTP headers (url, body bytes,
    content_type, status), plus the ``request`` record a crawler writes before it."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for p in pages:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            w.write_record(w.create_warc_record(p["url"], "request", payload=BytesIO(b""), http_headers=req))
            headers = StatusAndHeaders(
                p.get("status", "200 OK"), [("Content-Type", p["content_type"])], protocol="HTTP/1.1"
            )
            w.write_record(w.create_warc_record(p["url"], "response", payload=BytesIO(p["body"]), http_headers=headers))


def strip_meta_charset(html: bytes) -> bytes:
    """The page without its <meta> charset declaration (so only the HTTP header names it)."""
    html = re.sub(rb"(?i)<meta[^>]*charset[^>]*>", b"", html)
    return html


def warc_pages() -> List[Dict[str, Any]]:
    """Our HTML fixtures as WARC responses; the legacy-encoded ones name their charset only in the
    HTTP header. Plus a PNG and a 404 page that must be skipped."""
    pages = []
    for f in HTML:
        m = re.search(rb"(?i)<meta[^>]*charset=[\"']?([\w-]+)", f.data)
        charset = m.group(1).decode("ascii") if m else None
        ctype = "text/html" + (f"; charset={charset}" if charset else "")
        pages.append(
            {
                "url": f"https://news.example/{f.name}",
                "body": strip_meta_charset(f.data),
                "content_type": ctype,
                "fixture": f,
            }
        )
    pages.append({"url": "https://news.example/logo.png", "body": b"\x89PNG\r\n\x1a\n", "content_type": "image/png"})
    pages.append(
        {
            "url": "https://news.example/gone",
            "body": b"<html><body><p>Not found</p></body></html>",
            "content_type": "text/html",
            "status": "404 Not Found",
        }
    )
    return pages

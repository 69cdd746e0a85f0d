"""python -m newsclean.warc on a WARC file written from our fixture pages."""

import gzip
import json
import subprocess
import sys

import pytest

from conftest import warc_pages, write_warc

pytest.importorskip("warcio")

from newsclean.warc import charset_of, clean_warc, records  # noqa: E402


@pytest.fixture(scope="module")
def warc(tmp_path_factory):
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    write_warc(path, warc_pages())
    return path


def test_charset_of():
    assert charset_of('text/html; Charset="Windows-1251"') == "Windows-1251"
    assert charset_of("text/html") is None
    assert charset_of(None) is None
    assert charset_of("text/html; q=1; charset=utf-8 ") == "utf-8"


def test_records_are_the_html_responses(warc):
    with gzip.open(warc) as f:
        assert f.read(8) == b"WARC/1.0"
    recs = list(records(str(warc)))
    # The PNG, the 404 and the request records are skipped.
    assert [r.url for r in recs] == [p["url"] for p in warc_pages() if "fixture" in p]
    assert all(r.record_id and r.record_id.startswith("<urn:uuid:") for r in recs)


def test_command(warc, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean.warc", str(warc), str(out), "--no-facts", "--threads", "2"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "5 HTML records, 0 not cleaned" in proc.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = [p for p in warc_pages() if "fixture" in p]
    assert [line["url"] for line in lines] == [p["url"] for p in expected]
    for line, p in zip(lines, expected):
        f = p["fixture"]
        article = line["article"]
        # Legacy-encoded pages are decoded by the charset of the HTTP header alone.
        assert article["text"] == f.expected, f.name
        assert article["facts"]["entities"] == []
        assert line["warcRecordId"].startswith("<urn:uuid:") and line["warcDate"]
        if "title" in f.expect:
            assert article["title"] == f.expect["title"]


def test_errors_are_lines(warc):
    lines = list(clean_warc(str(warc), max_input_bytes=2000))
    too_big = [line for line in lines if "error" in line]
    assert too_big and all(line["error"]["code"] == "INPUT_TOO_LARGE" for line in too_big)
    assert any("article" in line for line in lines)


def test_command_usage_errors(warc, tmp_path):
    bad = subprocess.run(
        [sys.executable, "-m", "newsclean.warc", str(warc), str(tmp_path / "o.jsonl"), "--reference-date", "soon"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 1 and "reference_date must be a date" in bad.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "newsclean.warc", str(tmp_path / "nope.warc.gz"), "-"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert missing.returncode == 1 and "nope.warc.gz" in missing.stderr

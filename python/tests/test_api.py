"""The Python API against the repository's own fixtures and the native CLI: same reports, same
JSON, options as keyword arguments, errors with codes, bytes and charsets."""

import json
import pickle

import pytest

import newsclean
from conftest import FIXTURES, HTML, TEXT_FIXTURES, cli_json, strip_meta_charset, without_timings


@pytest.mark.parametrize("f", FIXTURES, ids=lambda f: f.name)
def test_fixture_text(f):
    """Every fixture page gives its expected article (known failures: what they give today is
    not the expected text, as the Rust golden tests assert)."""
    opts = dict(f.options)
    if f.html:
        opts["format"] = "html"
    report = newsclean.clean(f.data if f.html else f.data.decode("utf-8"), **opts)
    if f.known_failure:
        assert report["text"].strip() != f.expected
    else:
        assert report["text"].strip() == f.expected
    for key in ("title", "byline", "published", "siteName", "language", "isArticle"):
        if key in f.expect:
            assert report[key] == f.expect[key], key


@pytest.mark.parametrize("f", FIXTURES, ids=lambda f: f.name)
def test_json_dump_equals_cli(f):
    """json.dumps of the dict is the CLI's --json, byte for byte (timings aside)."""
    opts = dict(f.options)
    if f.html:
        opts["format"] = "html"
    cli = json.loads(cli_json(f.path, f.camel_options))
    report = newsclean.clean(f.data, **opts)
    assert isinstance(report, dict)
    ours = without_timings(report)
    cli["stats"].pop("timings", None)
    assert ours == cli
    # The same text too: key order, floats, escapes (serde_json pretty-prints with 2 spaces).
    assert json.dumps(ours, indent=2, ensure_ascii=False) == json.dumps(cli, indent=2, ensure_ascii=False)
    raw = cli_json(f.path, f.camel_options)
    dumped = json.dumps(report, indent=2, ensure_ascii=False)
    assert _drop_timings_text(dumped) == _drop_timings_text(raw.rstrip("\n"))


def _drop_timings_text(s: str) -> str:
    """The pretty JSON text without the "timings" object (the last key of "stats")."""
    start = s.find(',\n    "timings": {')
    if start < 0:
        return s
    end = s.find("}", start)
    return s[:start] + s[end + 1 :]


def test_seed_shaped_article_text_and_facts():
    """The seed-shaped fixture: the clean text, and the facts of the CLI's report; some of them
    by name."""
    f = next(f for f in FIXTURES if f.name == "en-seed-shape")
    report = newsclean.clean((TEXT_FIXTURES / "en-seed-shape" / "input.txt").read_text(encoding="utf-8"))
    assert report["text"] == f.expected
    assert report["facts"] == json.loads(cli_json(f.path, {}))["facts"]
    entities = {(e["text"], e["kind"]) for e in report["facts"]["entities"]}
    assert ("Ragnhild Sæther", "person") in entities
    assert ("Reykjavík", "place") in entities
    assert any(t["value"] == "P10M" and t["text"] == "ten months" for t in report["facts"]["times"])
    quote = next(q for q in report["facts"]["quotes"] if q["direct"])
    assert quote["speaker"] is not None and quote["speaker"]["text"] == "Norway’s fisheries minister"
    assert [r["reason"] for r in report["removed"]].count("exactDuplicate") == 4
    # Spans are UTF-8 byte offsets, as in the CLI.
    b = report["text"].encode("utf-8")
    for e in report["facts"]["entities"]:
        assert b[e["span"]["start"] : e["span"]["end"]].decode("utf-8") == e["text"]


def test_report_matches_declared_types():
    """Every key of real reports is declared in the TypedDicts, and every required key is there
    (the stubs cannot drift from the Rust report)."""
    import typing

    seen = set()

    def check(value, tp, where):
        origin = typing.get_origin(tp)
        if origin is typing.Union:
            args = typing.get_args(tp)
            if value is None:
                assert type(None) in args, where
                return
            tp = next(a for a in args if a is not type(None))
            origin = typing.get_origin(tp)
        if origin is list:
            assert isinstance(value, list), where
            for i, v in enumerate(value):
                check(v, typing.get_args(tp)[0], f"{where}[{i}]")
        elif origin is dict:
            assert isinstance(value, dict), where
        elif origin is typing.Literal:
            assert value in typing.get_args(tp), (where, value)
        elif isinstance(tp, type) and issubclass(tp, dict):  # a TypedDict
            hints = typing.get_type_hints(tp)
            assert tp.__required_keys__ <= value.keys(), (where, tp.__required_keys__ - value.keys())
            assert value.keys() <= hints.keys(), (where, value.keys() - hints.keys())
            for k, v in value.items():
                seen.add(f"{tp.__name__}.{k}")
                check(v, hints[k], f"{where}.{k}")
        elif tp is float:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), where
        else:
            assert isinstance(value, tp), (where, tp, value)

    for f in FIXTURES:
        for opts in ({}, {"markdown": True, "keep_boilerplate": True}):
            report = newsclean.clean(f.data, **opts)
            check(report, newsclean.Article, f.name)
            # The page's kind says "article" exactly when the report takes it for one.
            assert (report["pageType"] == "article") == report["isArticle"], f.name
    # The optional keys were met at least once (so the walk covered them).
    for key in ("Removed.duplicateOf", "Removed.kept", "Article.markdown", "Article.notArticleReason",
                "Quantity.counted", "Speaker.entity", "Stats.timings"):
        assert key in seen, key


def test_relative_times_resolve_against_the_pages_own_date():
    """A page that states its publication date resolves "Thursday" against it with no option; the
    report says where the date came from, and the option wins over the page."""
    body = (
        "The ferry company said on Thursday that the harbour crossing would reopen next week, after "
        "storms closed it last week. Repairs to the pier cost more than planned, a spokeswoman said."
    )
    page = (
        "<!DOCTYPE html><html><head><title>Ferry to return</title>"
        '<meta property="article:published_time" content="2025-11-28T09:30:00+01:00"></head>'
        f"<body><article><h1>Ferry to return</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )

    def thursday(a):
        return next(t["value"] for t in a["facts"]["times"] if t["text"] == "Thursday")

    own = newsclean.clean(page)["facts"]
    assert (own["referenceDate"], own["referenceDateSource"]) == ("2025-11-28", "published")
    assert thursday({"facts": own}) == "2025-11-27"
    given = newsclean.clean(page, reference_date="2025-06-06")
    assert given["facts"]["referenceDateSource"] == "option"
    assert thursday(given) == "2025-06-05"
    undated = newsclean.clean(body)["facts"]
    assert (undated["referenceDate"], undated["referenceDateSource"]) == (None, None)
    assert thursday({"facts": undated}) == "XXXX-WXX-4"


def test_options_snake_case_and_none():
    page = (TEXT_FIXTURES / "en-options" / "input.txt").read_text(encoding="utf-8")
    strict = newsclean.clean(page, near_duplicate_threshold=0.95, language="en")
    default = newsclean.clean(page, language="en", near_duplicate_threshold=None)
    assert strict["text"] != default["text"]
    assert newsclean.clean(page, facts=False)["facts"]["entities"] == []
    assert newsclean.clean(page, reference_date="2025-11-27", url="https://a.example/x")["url"] == "https://a.example/x"
    assert "markdown" in newsclean.clean(page, markdown=True)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"nope": 1}, 'unknown option "nope"; the options are format, url, reference_date'),
        ({"facts": "yes"}, "facts must be a bool or None, got str"),
        ({"key_sentences": 2.5}, "key_sentences must be an int or None, got float"),
        ({"near_duplicate_threshold": 0.2}, "near_duplicate_threshold must be between 0.5 and 1.0"),
        ({"reference_date": "27/11/2025"}, "reference_date must be a date as YYYY-MM-DD"),
        ({"format": "xml"}, "format: unknown variant `xml`"),
        ({"max_input_bytes": 0}, "max_input_bytes must be at least 1"),
        ({"language": "english"}, "language must be an ISO 639-1 code"),
    ],
)
def test_invalid_options(options, message):
    with pytest.raises(newsclean.InvalidOptionsError) as e:
        newsclean.clean("Some text.", **options)
    assert e.value.code == "INVALID_OPTIONS"
    assert isinstance(e.value, ValueError) and isinstance(e.value, newsclean.Error)
    assert message in str(e.value)
    with pytest.raises(newsclean.InvalidOptionsError):
        newsclean.Cleaner(**options)


def test_errors_carry_codes():
    with pytest.raises(newsclean.InputTooLargeError) as e:
        newsclean.clean("x" * 100, max_input_bytes=10)
    assert (e.value.code, e.value.limit, e.value.actual) == ("INPUT_TOO_LARGE", 10, 100)
    assert "max_input_bytes" in str(e.value)
    again = pickle.loads(pickle.dumps(e.value))
    assert (type(again), again.limit, again.actual, str(again)) == (type(e.value), 10, 100, str(e.value))
    with pytest.raises(newsclean.InvalidArgumentError) as e2:
        newsclean.clean(42)  # type: ignore[arg-type]
    assert e2.value.code == "INVALID_ARGUMENT" and isinstance(e2.value, TypeError)
    with pytest.raises(newsclean.InvalidArgumentError):
        newsclean.clean_many(7)  # type: ignore[arg-type]
    codes = {c.code for c in (newsclean.InvalidOptionsError, newsclean.InputTooLargeError, newsclean.DecodeError,
                              newsclean.InvalidArgumentError, newsclean.InternalError)}
    assert codes == {"INVALID_OPTIONS", "INPUT_TOO_LARGE", "DECODE", "INVALID_ARGUMENT", "INTERNAL"}


def test_bytes_are_decoded_like_the_core():
    """bytes: BOM, valid UTF-8, the HTTP charset given as `encoding`, <meta>, windows-1252."""
    ru = next(f for f in HTML if f.name == "ru-cp1251-dateline")
    assert newsclean.clean(ru.data)["text"] == ru.expected  # <meta> names windows-1251
    bare = strip_meta_charset(ru.data)
    assert b"charset" not in bare.lower()
    assert newsclean.clean(bare)["text"] != ru.expected  # undeclared: windows-1252
    assert newsclean.clean(bare, encoding="windows-1251")["text"] == ru.expected
    assert newsclean.clean(bytearray(bare), encoding="cp1251")["text"] == ru.expected
    assert newsclean.clean(bare, encoding="no-such-charset")["text"] != ru.expected
    text, used = newsclean.decode(bare, "windows-1251")
    assert used == "windows-1251" and "Озёрске" in text
    assert newsclean.decode("déjà".encode("utf-8"), "iso-8859-1") == ("déjà", "UTF-8")
    assert newsclean.decode(b"\xef\xbb\xbfhi") == ("hi", "UTF-8")
    assert newsclean.decode(b"caf\xe9") == ("café", "windows-1252")


def test_cleaner_reuses_options():
    f = next(f for f in FIXTURES if f.name == "en-seed-shape")
    c = newsclean.Cleaner(facts=False, language="en")
    assert c.options["facts"] is False and c.options["language"] == "en"
    assert c.options.keys() == newsclean.Cleaner().options.keys()
    assert repr(c) == "Cleaner(language='en', facts=False)"
    a = c.clean(f.data.decode())
    assert a["text"] == f.expected and a["facts"]["entities"] == []
    assert c.clean(f.data, url="https://b.example/y")["url"] == "https://b.example/y"
    assert c.clean(f.data)["url"] is None
    c2 = pickle.loads(pickle.dumps(c))
    assert c2.options == c.options and without_timings(c2.clean(f.data)) == without_timings(a)


def test_version():
    assert newsclean.__version__ == "0.1.0"
    assert newsclean.SCHEMA_VERSION == newsclean.clean("x")["schemaVersion"]

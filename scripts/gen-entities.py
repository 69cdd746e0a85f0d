#!/usr/bin/env python3
"""Writes src/ingest/html/entities.rs, the table of named character references the HTML tokenizer
decodes (HTML Standard §13.5, "Named character references"), from the same list as Python's
standard library ships it (`html.entities.html5`: every name, with and without its `;` where the
standard lists both).

    python3 scripts/gen-entities.py        rewrite the file
    python3 scripts/gen-entities.py --check exit 1 when the file differs from what it would write
"""
import html.entities
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/ingest/html/entities.rs"


def render() -> str:
    names = sorted(html.entities.html5, key=lambda n: n.encode())
    # One entry per name: the name, \x01, the one or two characters it stands for, \0. One string
    # instead of arrays of offsets and code points: a third smaller gzipped in the wasm module.
    entries = []
    for n in names:
        value = html.entities.html5[n]
        assert 1 <= len(value) <= 2 and n.isascii() and n.replace(";", "").isalnum(), n
        assert "\0" not in value and "\x01" not in value, n
        entries.append(n + "\\u{1}" + "".join(escape(c) for c in value) + "\\0")
    assert sum(len(n) + len(html.entities.html5[n].encode()) + 2 for n in names) <= 0xFFFF

    lines, line = [], ""
    for e in entries:
        if line and len(line) + len(e) > 90:
            lines.append(line)
            line = ""
        line += e
    lines.append(line)
    rows = "\n".join(f'    "{l}",' for l in lines)

    n = len(names)
    return f"""// DO NOT EDIT: written by scripts/gen-entities.py (python3 scripts/gen-entities.py).
//! The named character references of the HTML Standard (§13.5): {n} names (with their `;`, and
//! the legacy ones also without it), sorted by bytes, and the one or two characters each stands
//! for.

/// Every name (without the `&`), sorted by bytes, each followed by `\\u{{1}}`, the characters it
/// stands for and `\\0`.
pub(crate) const TABLE: &str = concat!(
{rows}
);
"""


def escape(c: str) -> str:
    """A character as it is written inside a Rust string literal."""
    if c in "\"\\":
        return "\\" + c
    if " " <= c <= "~":
        return c
    return "\\u{" + format(ord(c), "x") + "}"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        same = OUT.exists() and OUT.read_text() == text
        print("up to date" if same else f"{OUT} differs from the generator's output")
        return 0 if same else 1
    OUT.write_text(text)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

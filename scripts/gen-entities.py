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
    ends, first, second = [], [], []
    joined = ""
    for n in names:
        chars = [ord(c) for c in html.entities.html5[n]]
        assert 1 <= len(chars) <= 2 and n.isascii(), n
        assert len(chars) == 1 or chars[1] <= 0xFFFF, n
        joined += n
        ends.append(len(joined))
        first.append(chars[0])
        second.append(chars[1] if len(chars) == 2 else 0)
    assert len(joined) <= 0xFFFF

    def rows(values, per):
        out = []
        for i in range(0, len(values), per):
            out.append("    " + " ".join(f"{v}," for v in values[i : i + per]))
        return "\n".join(out)

    def text_rows(s, per):
        return "\n".join(
            '    "' + s[i : i + per] + '",' for i in range(0, len(s), per)
        )

    n = len(names)
    return f"""// DO NOT EDIT: written by scripts/gen-entities.py (python3 scripts/gen-entities.py).
//! The named character references of the HTML Standard (§13.5): {n} names (with their `;`, and
//! the legacy ones also without it), sorted by bytes, and the one or two characters each stands
//! for.

/// The names (without the `&`), sorted by bytes, one after another.
pub(crate) const NAMES: &str = concat!(
{text_rows(joined, 90)}
);

/// Where each name ends in `NAMES` (it starts where the previous one ends).
pub(crate) const ENDS: [u16; {n}] = [
{rows(ends, 14)}
];

/// The first character of each name.
pub(crate) const FIRST: [u32; {n}] = [
{rows(first, 12)}
];

/// The second character of each name (0: none).
pub(crate) const SECOND: [u16; {n}] = [
{rows(second, 14)}
];
"""


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

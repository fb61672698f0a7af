"""Hostile inputs for the reliability tests and benchmarks: each a name and a way to make it."""

from __future__ import annotations

import os
from typing import Callable

# Size scale: "full" gives the sizes named in the reliability issue; the default
# keeps the suite quick on 2 cores while still exceeding what a release holds.
FULL = os.environ.get("PRESSCONV_HOSTILE", "") == "full"


def _table(rows: int, columns: int) -> str:
    head = "| " + " | ".join("h%d" % c for c in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    body = "".join("| " + " | ".join("r%dc%d" % (r, c) for c in range(columns)) + " |\n"
                   for r in range(rows))
    return "# Table\n\n" + head + rule + body


def _footnotes(count: int) -> str:
    refs = " ".join("word[^%d]" % i for i in range(count))
    notes = "".join("[^%d]: note %d\n" % (i, i) for i in range(count))
    return "# Notes\n\n" + refs + "\n\n" + notes


def _nested(prefix: str, depth: int) -> str:
    return "".join(prefix * i + "deep %d\n" % i for i in range(depth)) if prefix == "  - " else \
        prefix * depth + "deep\n"


def _nested_list(depth: int) -> str:
    return "".join("  " * i + "- level %d\n" % i for i in range(depth))


MB = 1024 * 1024

#: name → (bytes of the input file, whether refusing it is the expected behaviour)
CASES: dict[str, Callable[[], bytes]] = {
    "invalid utf-8": lambda: b"# Caf\xe9\n\nLatin-1 text \xe9\xe8\n",
    "binary file": lambda: bytes(range(256)) * 64,
    "empty file": lambda: b"",
    "only whitespace": lambda: b" \n\n\t\n",
    "50 MB file": lambda: (b"# Big\n\n" + b"word " * (10 * MB)) if FULL else
    (b"# Big\n\n" + b"word " * (5 * MB)),
    "1,000-deep nested lists": lambda: _nested_list(1000).encode(),
    "1,000-deep block quotes": lambda: (">" * 1000 + " deep\n").encode(),
    "3,000-deep emphasis": lambda: ("*" * 3000 + "x" + "*" * 3000 + "\n\n" + "<b>" * 3000 + "y"
                                    + "</b>" * 3000 + "\n").encode(),
    "1 MB word": lambda: ("# W\n\n" + "x" * MB + "\n").encode(),
    "1 MB URL": lambda: ("# U\n\n<https://example.org/" + "a" * MB + ">\n").encode(),
    "1 MB paragraph": lambda: ("# P\n\n" + "A sentence of words. " * (MB // 21) + "\n").encode(),
    "100,000-row table": lambda: _table(100_000 if FULL else 5_000, 3).encode(),
    "64-column table": lambda: _table(20, 64).encode(),
    "10,000 footnotes": lambda: _footnotes(10_000 if FULL else 1_000).encode(),
    "XML-forbidden characters": lambda: "# A\x00B\n\nx\x01\x08\x0b\x1f y \ufffe z\n".encode(),
    "right-to-left text": lambda: "# \u05e9\u05dc\u05d5\u05dd \u0639\u0627\u0644\u0645\n\n"
    "\u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c mixed text\n".encode(),
    "emoji": lambda: "# Launch \U0001f680\n\nFamily \U0001f468\u200d\U0001f469\u200d\U0001f467 "
    "flags \U0001f1e6\U0001f1f9 \u2764\ufe0f\n".encode(),
    "zero-width characters": lambda: "# Zero\u200bwidth\n\njoin\u200djoin\u200cnon \ufeffbom "
    "\u2060word\n".encode(),
    "3,000-deep HTML elements": lambda: ("# H\n\n" + "<div><blockquote>" * 1500 + "core"
                                         + "</blockquote></div>" * 1500 + "\n\nAfter.\n").encode(),
    "3,000-deep HTML tables": lambda: ("# T\n\n" + "<table><tr><td>x</td><td>" * 3000 + "core"
                                       + "</td></tr></table>" * 3000 + "\n").encode(),
    "HTML table with huge spans": lambda: ("# S\n\n<table>" + "".join(
        "<tr><td>r%d</td><td colspan=1000 rowspan=1000>x</td></tr>" % i
        for i in range(20_000 if FULL else 2_000)) + "</table>\n").encode(),
}

#: cases where refusing with a clear InputError is the expected outcome
REFUSED = {"invalid utf-8", "binary file", "50 MB file"}

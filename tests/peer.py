"""The CommonMark and GFM spec examples (fixtures/peer) and their visible words."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

PEER = Path(__file__).resolve().parent.parent / "fixtures" / "peer"
_HIDDEN_TAGS = {"script", "style"}
_BLOCK_TAGS = set("p li ul ol h1 h2 h3 h4 h5 h6 pre blockquote table thead tbody tr td th div hr br".split())
_WORD = re.compile(r"\w+")


def load_examples() -> list[dict]:
    """All examples of both suites, each with a ``suite`` key."""
    examples = []
    for suite in ("commonmark", "gfm"):
        for example in json.loads((PEER / suite / "spec.json").read_text(encoding="utf-8")):
            examples.append(dict(example, suite=suite))
    return examples


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # inside <script> or <style>: code, not words a reader sees

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")
        if tag in _HIDDEN_TAGS:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_words(html: str) -> list[str]:
    """The words a reader sees in the expected HTML: tags dropped, entities decoded.

    Block tags separate words; inline tags (em, a, code ...) join what they touch.
    """
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return _WORD.findall("".join(parser.parts))


def words(text: str) -> set[str]:
    return set(_WORD.findall(text))


def example_id(example: dict) -> str:
    return "%s-%d" % (example["suite"], example["example"])

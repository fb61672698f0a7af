"""Visible text of an HTML fragment (tags dropped, entities decoded), with the standard library."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ._regex_cache import cached_compile

_BLOCK_TAGS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 blockquote pre table ul ol hr".split())
_HIDDEN_TAGS = frozenset(("head",))
# GFM's tag filter: these tags are shown as text, never obeyed (so their content shows too).
_FILTERED = cached_compile(r"<(?=/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)\b)",
                           re.IGNORECASE)


@lru_cache(maxsize=1)
def _collector_class() -> Any:
    # defined on first use: html.parser costs ~2 ms to import, every command imports
    # this module, and most releases hold no HTML (start-up time)
    from html.parser import HTMLParser

    class _TextCollector(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in _HIDDEN_TAGS:
                self.hidden += 1
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in _HIDDEN_TAGS:
                self.hidden = max(0, self.hidden - 1)
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)

    return _TextCollector


def html_to_text(markup: str) -> str:
    """The text a browser would show for ``markup``, block tags as newlines, trimmed."""
    collector = _collector_class()()
    collector.feed(_FILTERED.sub("&lt;", markup))
    collector.close()
    lines = ("".join(collector.parts)).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())

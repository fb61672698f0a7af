"""Front-matter text a reader would see, kept in the body when no part took it.

A title the release does not use as its headline (a site's short title beside
the in-body headline), a subtitle, a summary or description: publishing systems
show them on the page, so a conversion that dropped them would lose text.  They
go to ``Document.front_matter_text``, which writers show under the headline and
deck, unless the release already says the same in its headline, deck or opening
paragraphs.
"""

from __future__ import annotations

from typing import Any, Mapping

from .._regex_cache import cached_compile
from ..model import Document, plain_text
from .headline import SUBTITLE_KEYS, TITLE_KEYS, similar

# What a site shows of a page beside its title, in the order it shows them.
SUMMARY_KEYS = ("summary", "description", "excerpt", "abstract", "teaser", "lead", "intro",
                "standfirst")
_OPENING_CHARS = 4000
_WORDS = cached_compile(r"\w+")


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _first_text(metadata: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def shown_front_matter(document: Document) -> list[str]:
    """The front-matter texts the release's parts and body do not already hold."""
    metadata = document.metadata
    if not metadata:
        return []
    said = [text for text in (document.headline, document.subheadline) if text]
    opening = _words(plain_text(document.body)[:_OPENING_CHARS])
    out: list[str] = []
    for keys in (TITLE_KEYS, SUBTITLE_KEYS, SUMMARY_KEYS):
        text = _first_text(metadata, keys)
        if text is None or any(similar(text, other) for other in said + out):
            continue
        if _words(text) and _words(text) in opening:
            continue  # a summary that repeats the lead
        out.append(text)
    return out


def apply(document: Document) -> Document:
    """Keep the front-matter texts nothing else shows in ``front_matter_text``."""
    texts = shown_front_matter(document)
    return document.replace(front_matter_text=tuple(texts)) if texts else document

"""Headline and subheadline: the release's title and the deck under it."""

from __future__ import annotations

from ..model import (
    Document, Emphasis, Heading, Message, Paragraph, Strong, plain_text,
)


def _clean(text: str) -> str:
    return " ".join(text.split())


def apply(document: Document) -> Document:
    """Take the first heading (or a bold first line, or front matter) as the headline."""
    body = list(document.body)
    headline: str | None = None
    index = _first_heading(body)
    if index is not None:
        headline = _clean(plain_text(body[index].children))  # type: ignore[union-attr]
        level = body[index].level  # type: ignore[union-attr]
        del body[index]
    else:
        index = _bold_first_line(body)
        if index is not None:
            headline = _clean(plain_text(body[index].children))  # type: ignore[union-attr]
            level = 0
            del body[index]
    meta = document.metadata
    if headline is None:
        for key in ("headline", "title"):
            value = meta.get(key)
            if isinstance(value, str) and value.strip():
                headline = _clean(value)
                break
    subheadline: str | None = None
    if index is not None and index < len(body):
        subheadline = _deck(body[index], level)
        if subheadline is not None:
            del body[index]
    if subheadline is None:
        value = meta.get("subtitle") or meta.get("subheadline")
        if isinstance(value, str) and value.strip():
            subheadline = _clean(value)
    warnings = document.warnings
    if headline is None:
        warnings += (Message("no headline found: start the release with a # heading "
                             "or give a title in the front matter", "PC101"),)
    return document.replace(body=tuple(body), headline=headline, subheadline=subheadline,
                            warnings=warnings)


def _first_heading(body: list) -> int | None:
    """The first heading, if it comes before the third paragraph of running text."""
    prose = 0
    for i, block in enumerate(body):
        if isinstance(block, Heading):
            return i if plain_text(block.children).strip() else None
        if isinstance(block, Paragraph):
            prose += 1
            if prose > 3:
                return None
    return None


def _bold_first_line(body: list) -> int | None:
    for i, block in enumerate(body[:1]):
        if (isinstance(block, Paragraph) and len(block.children) == 1
                and isinstance(block.children[0], Strong)):
            text = plain_text(block.children).strip()
            if 0 < len(text) <= 200:
                return i
    return None


def _deck(block, headline_level: int) -> str | None:
    """A subtitle directly below the headline: an italic line or a lower heading."""
    if isinstance(block, Heading) and block.level > headline_level and headline_level:
        return _clean(plain_text(block.children)) or None
    if (isinstance(block, Paragraph) and len(block.children) == 1
            and isinstance(block.children[0], Emphasis)):
        text = _clean(plain_text(block.children))
        return text if 0 < len(text) <= 300 else None
    return None

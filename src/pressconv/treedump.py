"""A readable indented dump of a Document (docutils pseudo-XML style) for golden tests."""

from __future__ import annotations

import dataclasses
from typing import Any

from .model import Document, Text


def dump_tree(document: Document) -> str:
    """Indented pseudo-XML: one element per node, text nodes as quoted lines."""
    lines: list[str] = []
    _dump(document, 0, lines)
    return "\n".join(lines) + "\n"


def _attributes(node: Any) -> str:
    parts = []
    for field in dataclasses.fields(node):
        if field.name in ("children", "body", "items", "line", "metadata", "warnings", "source",
                          "rows", "header", "image", "quotes", "contacts", "boilerplate",
                          "dateline", "release"):
            continue
        value = getattr(node, field.name)
        if value not in (None, (), "", False) or field.name == "checked" and value is False:
            parts.append('%s="%s"' % (field.name, str(value).replace('"', "&quot;")))
    return (" " + " ".join(parts)) if parts else ""


def _dump(node: Any, depth: int, lines: list[str]) -> None:
    pad = "    " * depth
    if isinstance(node, Text):
        lines.append(pad + repr(node.text))
        return
    name = type(node).__name__
    lines.append("%s<%s%s>" % (pad, name, _attributes(node)))
    if isinstance(node, Document):
        for part in ("release", "dateline"):
            value = getattr(node, part)
            if value is not None:
                _dump(value, depth + 1, lines)
        for seq in (node.quotes, node.contacts):
            for child in seq:
                _dump(child, depth + 1, lines)
        for child in node.body:
            _dump(child, depth + 1, lines)
        for child in node.boilerplate:
            _dump(child, depth + 1, lines)
        return
    for attr in ("image", "header"):
        value = getattr(node, attr, None)
        if value is not None:
            for child in value if isinstance(value, tuple) else (value,):
                _dump(child, depth + 1, lines)
    for attr in ("children", "items"):
        for child in getattr(node, attr, ()) or ():
            _dump(child, depth + 1, lines)
    for row in getattr(node, "rows", ()) or ():
        lines.append(pad + "    <Row>")
        for cell in row:
            _dump(cell, depth + 2, lines)

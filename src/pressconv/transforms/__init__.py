"""Press-release recognition: named transforms that promote parts of the generic tree.

Each transform is a function ``Document -> Document`` that finds one part of a
press release (headline, dateline, quotes ...) and moves it from the generic
body into its typed field.  They run in the order of ``TRANSFORMS``; each can
be run and tested alone.
"""

from __future__ import annotations

from typing import Callable

from ..model import Document

Transform = Callable[[Document], Document]


# The recognisers in the order they run: each module has ``apply(Document) -> Document``.
TRANSFORMS = (
    "html_blocks",
    "headline",
    "release",
    "dateline",
    "boilerplate",
    "end_mark",
    "contacts",
    "quotes",
    "front_matter",
)


def _load() -> list[tuple[str, Transform]]:
    import importlib

    return [(name, importlib.import_module("." + name, __name__).apply) for name in TRANSFORMS]


def run_transforms(document: Document, skip: frozenset[str] = frozenset()) -> Document:
    """Run every recogniser in order, except those named in ``skip``."""
    from .dateline import follow_lead

    for name, transform in _load():
        if name not in skip:
            # a transform that drops blocks does not know the dateline's lead index
            document = follow_lead(document, transform(document))
    return document

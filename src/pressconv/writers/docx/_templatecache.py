"""Prepared DOCX templates kept between processes, beside the compiled patterns and fonts.

Preparing the built-in template (35 press styles, list definitions, the house
style) through python-docx costs ~18 ms, paid by every process before its
first DOCX.  The result is bytes and a few names and numbers, so it is kept
with marshal under a key of everything it depends on: the house style, the
font and reference files (path, size, modification time), python-docx's
version and the text of the modules that build it (an edited style table is
a new template).
"""

from __future__ import annotations

import marshal
from hashlib import sha1
from pathlib import Path
from typing import Any, Callable

import docx

from ..._cachefiles import cache_path, read_cache_file, write_cache_file

_MAGIC = b"pressconv-docx-template-1\n"
_BUILDERS = ("styles.py", "_ooxml.py", "_package.py")
_source_hash: list[str] = []


def cached(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """The template stored under ``key``, else ``build()``, kept for the next process."""
    from .styles import Template

    path = _path(key)
    payload = read_cache_file(path, _MAGIC) if path else None
    if payload is not None:
        try:
            return Template(*marshal.loads(payload))
        except (EOFError, ValueError, TypeError):
            pass  # damaged or of another shape: built again below
    template = build()
    if path:
        try:
            payload = marshal.dumps((template.data, dict(template.ids), template.bullets,
                                     template.numbers, template.text_width, template.own_footer,
                                     template.last_shape_id))
        except ValueError:
            return template
        write_cache_file(path, _MAGIC, payload)
    return template


def _path(key: tuple[Any, ...]) -> str | None:
    return cache_path("docx-template", (key, getattr(docx, "__version__", "?"), _sources()))


def _sources() -> str:
    if not _source_hash:
        here = Path(__file__).parent
        digest = sha1()
        for name in _BUILDERS:
            digest.update((here / name).read_bytes())
        _source_hash.append(digest.hexdigest())
    return _source_hash[0]

"""Parsed TrueType faces kept between processes, beside the compiled patterns.

ReportLab reads a face's tables in pure Python: ~8 ms a face, ~100 ms for the
twelve faces of the three families, which every process pays before its first
PDF (then they stay loaded).  What the parse yields is plain data (metrics,
character map, table offsets), so it is kept with marshal, one file per face,
and put back into a ReportLab face the next time; the font file itself is read
again (subsetting needs its bytes) and must be the one that was parsed (path,
size and modification time are in the key, with ReportLab's version).

Only faces whose objects hold exactly the attributes this module knows are
kept: a ReportLab that adds state to its fonts gets the parse, not a half-built
font.  Anything wrong with a file (missing, damaged, from elsewhere) means the
face is parsed as before.  ``PRESSCONV_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import marshal
from fnmatch import fnmatch
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase import ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from ..._cachefiles import cache_path, file_key, read_cache_file, write_cache_file

FORMAT = 1
_MAGIC = b"pressconv-face-%d\n" % FORMAT
# what TTFont.__init__ sets, and the face's values that are not plain data
_FONT_ATTRIBUTES = frozenset(("fontName", "face", "encoding", "state", "_asciiReadable", "_shapable"))
_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
_NOT_KEPT = ("_ttf_data", "_pdfScale")


def load_font(name: str, path: str) -> TTFont:
    """``TTFont(name, path, asciiReadable=0)``, from the cache when the face was parsed before."""
    target = _file(path)
    if target is not None:
        font = _restore(name, path, target)
        if font is not None:
            return font
    font = TTFont(name, path, asciiReadable=0)
    if target is not None:
        _store(font, target)
    return font


def _file(path: str) -> str | None:
    key = file_key(path)
    return cache_path("face", (key, REPORTLAB_VERSION)) if key[1] else None


def _store(font: TTFont, target: str) -> None:
    if set(vars(font)) != _FONT_ATTRIBUTES:
        return
    state = {key: value for key, value in vars(font.face).items() if key not in _NOT_KEPT}
    for key in _NAMES:
        if isinstance(state.get(key), TTFNameBytes):
            state[key] = state[key].ustr
    try:
        payload = marshal.dumps(state)
    except ValueError:  # something that is not plain data: parse next time too
        return
    write_cache_file(target, _MAGIC, payload)


def _restore(name: str, path: str, target: str) -> TTFont | None:
    payload = read_cache_file(target, _MAGIC)
    if payload is None:
        return None
    try:
        state: dict[str, Any] = marshal.loads(payload)
        with open(path, "rb") as stream:
            state["_ttf_data"] = stream.read()
        for key in _NAMES:
            if isinstance(state.get(key), str):
                state[key] = TTFNameBytes(state[key].encode("utf-8"))
        per_em = state["unitsPerEm"]
        state["_pdfScale"] = (lambda x: x) if per_em == 1000 else (lambda x, m=1000 / per_em: x * m)
        face = TTFontFace.__new__(TTFontFace)
        face.__dict__.update(state)
        font = TTFont.__new__(TTFont)
        # as TTFont.__init__ sets them (the attribute set is checked when storing)
        font.fontName = name
        font.face = face
        font.encoding = TTEncoding()
        font.state = WeakKeyDictionary()
        font._asciiReadable = 0
        font.shapable = not any(fnmatch(name, glob) for glob in getattr(ttfonts, "unShapedFontGlob", ()))
        return font
    except Exception:  # noqa: BLE001 - missing, damaged or foreign: parse the face
        return None

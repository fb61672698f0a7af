"""Right-to-left text on PDF lines: Arabic joined, each line drawn in visual order.

ReportLab draws the words of a line left to right in the order they are stored
(its own bidi support needs ReportLab's ``rlbidi``, which is not on PyPI).  So
text stays in logical order for measuring, line breaking and page splitting,
and when a paragraph is drawn each line holding right-to-left characters is
put in visual order (``pressconv._bidi``), per line as UAX #9 requires.  Arabic
letters are first shaped into their joined presentation forms by
arabic-reshaper.
"""

from __future__ import annotations

import copy
from typing import Any, Sequence

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph as _Paragraph

from ..._bidi import MIRROR, base_level, embedding_levels, has_rtl, visual, visual_order
from ..._regex_cache import cached_compile

_ARABIC = cached_compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def shape(text: str) -> str:
    """Arabic letters in their joined forms (other text unchanged)."""
    if _ARABIC.search(text) is None:
        return text
    import arabic_reshaper  # ~1 ms, only for Arabic

    return arabic_reshaper.reshape(text)


class BidiParagraph(_Paragraph):
    """A ReportLab Paragraph whose lines with right-to-left text are drawn in visual order.

    A paragraph that starts in a right-to-left script is right-aligned (unless
    centred).  Lines are broken in logical order, so splitting across pages
    and measuring are ReportLab's own; only drawing sees the visual order.
    """

    def __init__(self, text: Any, style: Any = None, *args: Any, direction: int | None = None,
                 **kwargs: Any) -> None:
        # direction: 1 or 0 for a piece of a longer paragraph, whose start sets it
        super().__init__(text, style, *args, **kwargs)
        logical = "".join(getattr(frag, "text", "") for frag in self.frags)
        self._bidi = has_rtl(logical)
        self._base = direction if direction is not None else base_level(logical) if self._bidi else 0
        if self._base and self.style.alignment in (TA_LEFT, TA_JUSTIFY):
            self.style = copy.copy(self.style)
            self.style.alignment = TA_RIGHT

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        # the parts of a paragraph cut at a page end are made from its lines, not its
        # text: they take its direction from here
        parts = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, BidiParagraph):
                part._bidi, part._base = self._bidi, self._base
        return parts

    def drawPara(self, debug: int = 0) -> Any:  # noqa: N802 - ReportLab's name
        if not self._bidi:
            return super().drawPara(debug)
        logical = self.blPara
        self.blPara = _visual_lines(logical, self._base)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical


def _visual_lines(bl_para: Any, base: int) -> Any:
    shown = copy.copy(bl_para)
    if bl_para.kind == 0:  # plain: (extra space, [words])
        lines = []
        for line in bl_para.lines:
            extra, words = line[0], line[1]
            text = " ".join(words)
            if has_rtl(text):
                words = [word for word in visual(text, base).split(" ") if word] or words
            lines.append((extra, words, *line[2:]))
        shown.lines = lines
    else:  # styled: each line's words are fragments with text
        lines = []
        for line in bl_para.lines:
            words = line.words
            if has_rtl("".join(getattr(frag, "text", "") for frag in words)):
                line = copy.copy(line)
                line.words = _visual_fragments(words, base)
            lines.append(line)
        shown.lines = lines
    return shown


def _visual_fragments(words: Sequence[Any], base: int) -> list[Any]:
    """The line's fragments cut and ordered so that their characters read in visual order."""
    owner: list[int] = []
    text = []
    for index, frag in enumerate(words):
        piece = getattr(frag, "text", None)
        if not piece:
            continue
        owner.extend([index] * len(piece))
        text.append(piece)
    joined = "".join(text)
    levels = embedding_levels(joined, base)
    out: list[Any] = []
    current: list[str] = []
    current_owner = None
    for position in visual_order(levels):
        char = joined[position]
        if levels[position] % 2:
            char = MIRROR.get(char, char)
        if owner[position] != current_owner and current:
            out.append(_with_text(words[current_owner], "".join(current)))
            current = []
        current_owner = owner[position]
        current.append(char)
    if current:
        out.append(_with_text(words[current_owner], "".join(current)))
    # fragments without text (anchors, images) keep their place at the line's start
    return [frag for frag in words if not getattr(frag, "text", None)] + out


def _with_text(frag: Any, text: str) -> Any:
    clone = copy.copy(frag)
    clone.text = text
    return clone

"""The end mark that closes the release text: ``###``, ``# # #``, ``-30-``, ``*****``, ``ENDS``.

A mark stands alone in its block; Markdown reads some marks as other things, so
the block is read back to what was written: an empty ``###`` heading, a ``# # #``
heading holding ``#``, a one-item list ``- 30 -``.  Horizontal rules (``***``,
``---``) are separators, not end marks.  Every mark block leaves the body; the
first one is the document's end mark.
"""

from __future__ import annotations

import re

from .._regex_cache import cached_compile
from .. import lexicon
from ..model import (
    Block, Boilerplate, BulletList, Document, Heading, Inline, LineBreak, Message, Paragraph, SoftBreak,
)
from ._inlines import leading_text
from .dateline import without_blocks

_WORDS = lexicon.fragments("end_mark", "words")
_MARK = cached_compile(
    r"(?:#(?:[ \t]*#){2,}"                               # ###  # # #
    r"|[-–—][ \t]*30[ \t]*[-–—]|30[ \t]*[-–—]"           # -30-  - 30 -
    r"|-0-|x{3}|X{3}"
    r"|\*(?:[ \t]*\*){2,}"                               # \*\*\*  (escaped, so not a rule)
    r"|[-–—=]{1,3}[ \t]*(?:%s)[ \t]*[-–—=]{1,3}"         # - ENDS -  — Ende —
    r"|[(\[][ \t]*(?:%s)[ \t]*[)\]]"                     # (END)  [ENDS]
    r"|(?:%s))\.?" % (_WORDS, _WORDS, _WORDS), re.I)
# Words that are end marks only when they stand in capitals or as one short word.
_CAPS_ONLY = cached_compile(r"(?:ends?|fin|fine|ende)\.?", re.I)


def mark_text(text: str) -> str | None:
    """The end mark ``text`` is (trimmed, as written), or None."""
    candidate = text.strip(" \t\u00a0\n*_")
    candidate = " ".join(candidate.split())
    if not candidate or not _MARK.fullmatch(candidate):
        if text.strip(" \t\u00a0\n").replace(" ", "").strip("*") == "" and \
                text.count("*") >= 3:
            return " ".join(text.split())
        return None
    if _CAPS_ONLY.fullmatch(candidate) and not (candidate.isupper() or candidate[0].isupper()):
        return None
    return candidate


def _short(children, limit: int = 40) -> str | None:
    text, more = leading_text(children, limit)
    return None if more else text


def _heading_mark(block: Heading) -> str | None:
    short = _short(block.children)
    if short is None:
        return None
    text = short.strip()
    if not text:
        return "#" * block.level if block.level >= 3 else None
    if set(text) <= {"#", " "}:
        return " ".join("#" * (block.level + text.count("#") + 1))
    return mark_text(text)


def block_mark(block: Block) -> str | None:
    """The end mark a whole block stands for, or None."""
    if isinstance(block, Heading):
        return _heading_mark(block)
    if isinstance(block, Paragraph):
        text = _short(block.children)
        return None if text is None else mark_text(text)
    if isinstance(block, BulletList) and len(block.items) == 1:
        children = block.items[0].children
        if len(children) == 1 and isinstance(children[0], Paragraph):
            text = (_short(children[0].children) or "").strip()
            if re.fullmatch(r"(?:30|ends?|fin|ende)\s*[-–—]", text, re.I):
                return "- " + text  # "- 30 -" read as a list item "30 -"
    return None


def _trailing_mark(block: Block) -> tuple[str, Paragraph] | None:
    """A mark on the last line of a paragraph (``…last sentence.<br>###``)."""
    if not isinstance(block, Paragraph):
        return None
    children = block.children
    for index in range(len(children) - 1, -1, -1):
        if isinstance(children[index], (LineBreak, SoftBreak)):
            tail = _short(children[index + 1:], 20)
            mark = mark_text(tail) if tail is not None and len(tail.strip()) <= 12 else None
            if mark is None or _CAPS_ONLY.fullmatch(mark):
                return None
            head: tuple[Inline, ...] = children[:index]
            return mark, Paragraph(head, block.line)
    return None


def apply(document: Document) -> Document:
    """Remove end-mark blocks from the body; the first becomes ``Document.end_mark``."""
    first: str | None = document.end_mark
    removed: list[int] = []
    body = list(document.body)
    for index, block in enumerate(body):
        mark = block_mark(block)
        if mark is not None:
            removed.append(index)
            first = first or mark
            continue
        trailing = _trailing_mark(block)
        if trailing is not None:
            first = first or trailing[0]
            body[index] = trailing[1]
    boilerplate = list(document.boilerplate)
    if boilerplate and boilerplate[-1].children:
        # "… visit acme.com<br>###" closing the last About section
        last = boilerplate[-1]
        trailing = _trailing_mark(last.children[-1])
        if trailing is not None:
            first = first or trailing[0]
            boilerplate[-1] = Boilerplate(last.title, last.children[:-1] + (trailing[1],))
    if first is None:
        return document.replace(warnings=document.warnings + (Message(
            "no end mark found: close the release text with ### or -30-", "PC109"),))
    document = document.replace(body=tuple(body), end_mark=first, boilerplate=tuple(boilerplate))
    return without_blocks(document, removed)

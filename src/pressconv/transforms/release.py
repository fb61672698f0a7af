"""The release line: FOR IMMEDIATE RELEASE, or an embargo with the moment it lifts.

Found at the start of one of the first blocks (or of a line in one), in English,
German, French, Spanish, Italian and Russian.  The line leaves the body; whatever
else shared its paragraph (``FOR IMMEDIATE RELEASE: May 5, 2021 CONTACT: …``) stays.
"""

from __future__ import annotations

import re

from .._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from .._regex_cache import cached_compile
from .. import lexicon
from ..model import (
    Block, Document, Heading, Inline, LineBreak, Paragraph, ReleaseLine, SoftBreak,
)
from ._inlines import leading_text, split_inlines, strip_leading
from .dateline.dates import find_date, find_time, iso_datetime

_IMMEDIATE = lexicon.fragments("release", "immediate")
_EMBARGO = lexicon.fragments("release", "embargo")
_LINE = cached_compile(r"[\s*_>#\[(]*(?:(?P<now>%s)|(?P<hold>%s))(?![\w])" % (_IMMEDIATE, _EMBARGO),
                       re.I)
# Phrases that are ordinary words too count only alone on their line, before a colon
# or dash, or before the date.
_STRONG = lazy_compile(lexicon.fragments("release", "unambiguous"), re.I)
_GAP = lazy_compile(r"[\s:.,;–—\-]*")
_FILLER = lazy_compile(r"^[\s:.,;–—\-()]*(?:(?:at|on|um|am|à|a|le|el|al|il|до|в|bis|until|of)"
                       r"\b[\s:.,]*)*$", re.I)
_SCAN_BLOCKS = 10


def find_release(text: str, language: str | None = None) -> tuple[ReleaseLine, int] | None:
    """A release line at the start of ``text`` (one line): the ReleaseLine and where it ends."""
    match = _LINE.match(text)
    if match is None:
        return None
    embargo = match.group("hold") is not None
    start = match.start("now" if not embargo else "hold")
    end = match.end()
    line_end = text.find("\n", end)
    line = text[:line_end] if line_end >= 0 else text
    if not _STRONG.match(match.group("now") or match.group("hold")):
        rest = line[end:]
        if rest.strip(" *_") and not re.match(r"\s*[*_]*\s*[:–—-]", rest) \
                and find_date(rest[:40].lstrip(" ,"), language) is None:
            return None
    date = find_date(line, language, end)
    if date is not None and not _FILLER.match(line[end:date.start]) and date.start - end > 30:
        date = None
    until = None
    if date is not None:
        masked = line[:date.start] + " " * (date.end - date.start) + line[date.end:]
        time = find_time(masked[end:])
        if time is not None and time.start > 40 and time.start > date.end - end:
            time = None
        last = date.end
        if time is not None:
            last = max(last, end + time.end)
        end = last
        if embargo and date.iso:
            until = iso_datetime(date.iso, time)
    elif embargo:
        time = find_time(line[end:])
        end = end + time.end if time is not None and time.start <= 30 else len(line)
    elif not line[end:].strip(" :.,;–—-*_"):
        end = len(line)
    tail = _GAP.match(line, end)
    if tail and tail.end() == len(line):
        end = len(line)
    elif line[end:end + 1] in ".,;)":
        end += 1
    written = " ".join(text[start:end].split()).strip(" :;,*_")
    if not written:
        return None
    return ReleaseLine(written, embargo, until), end


def is_release_line(block: Block, language: str | None = None) -> bool:
    """True when the block starts with a release instruction."""
    if not isinstance(block, (Paragraph, Heading)):
        return False
    return find_release(leading_text(block.children, 300)[0], language) is not None


def apply(document: Document) -> Document:
    """Move the release line from the top of the body into ``Document.release``."""
    if document.release is not None:
        return document
    body = list(document.body)
    language = document.language
    for index, block in enumerate(body[:_SCAN_BLOCKS]):
        if not isinstance(block, (Paragraph, Heading)):
            continue
        text, _ = leading_text(block.children, 2000)
        offset = 0
        for line in text.split("\n"):
            found = find_release(line, language)
            if found is not None:
                release, end = found
                head, rest = split_inlines(block.children, offset)
                _, tail = split_inlines(rest, end)
                children = head + strip_leading(tail, " \t\n\u00a0:;,")
                if leading_text(children, 100)[0].strip(" \u00a0\n"):
                    body[index] = _rebuilt(block, children)
                else:
                    del body[index]
                return document.replace(body=tuple(body), release=release)
            offset += len(line) + 1
    return document


def _rebuilt(block: Paragraph | Heading, children: tuple[Inline, ...]) -> Block:
    while children and isinstance(children[-1], (LineBreak, SoftBreak)):
        children = children[:-1]
    if isinstance(block, Heading):
        return Heading(block.level, children, block.line)
    return Paragraph(children, block.line)

"""Headline and subheadline: the release's title and the deck under it.

The headline is the release's own in-body title when it has one (the first
heading, even a ``<h5>`` below a contact block, or a bold first line), else the
front matter's ``headline`` / ``news_title`` / ``title``.  Generic labels such as
"Press release" are not headlines.  The deck is what stands between the headline
and the lead: a lower heading, an italic or bold line or a one-paragraph block
quote right under the headline, a short paragraph before the dateline or release
line (a front-matter subtitle is not shown in the body, so it is no deck; the
``front_matter`` transform keeps it).  Both leave the body.

Undelimited metadata lines at the very top (``Title: …`` / ``Date: …``, as Pelican
and MultiMarkdown write them) are read into the metadata first.
"""

from __future__ import annotations

import re

from .._regex_cache import cached_compile
from .. import lexicon
from ..model import (
    Block, BlockQuote, Document, Emphasis, Figure, Heading, Image, LineBreak, Link, Message, Paragraph,
    RawInline, SoftBreak, Strong, Text, plain_text,
)
from ._inlines import caseless, leading_text
from .boilerplate import is_boilerplate_title, is_contacts_label
from .dateline import find_in_paragraph
from .release import is_release_line

_LABELS = cached_compile(r"^(?:%s)\s*:?$" % lexicon.fragments("headline", "release_labels"), re.I)
_SECTION = cached_compile(r"(?:%s)\s*:?$" % lexicon.fragments("headline", "section_headings"), re.I)
# "Overview of the congress …": a section's heading that goes on
_SECTION_START = cached_compile(r"(?:%s)\b" % lexicon.fragments("headline", "section_headings"), re.I)
_METADATA_LINE = cached_compile(r"^([A-Za-z][A-Za-z_-]{0,24})\s*:\s+(\S.*?)\s*$")
_METADATA_KEYS = frozenset(
    "title date lang language author authors category categories tags slug summary image "
    "status modified subtitle description url save_as template type layout draft keywords "
    "translation series".split())
TITLE_KEYS = ("headline", "news_title", "article_title", "post_title", "title")
SUBTITLE_KEYS = ("subheadline", "subtitle", "deck", "dek", "news_subtitle")
_QUOTE_MARKS = "\"“”„«»‹›'‘’‚"
_DECK_MAX = 300


def _clean(text: str) -> str:
    return " ".join(text.split())


def similar(a: str, b: str) -> bool:
    a, b = _clean(a).casefold(), _clean(b).casefold()
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) >= 0.5 * max(len(a), len(b))
    import difflib  # ~1 ms to import; only a front-matter title needs it (start-up time)

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8


def _is_label(text: str) -> bool:
    return bool(_LABELS.match(text.strip(" *_#")))


# ------------------------------------------------------------------ metadata


def _leading_metadata(document: Document) -> Document:
    """``Title: …`` / ``date: …`` lines opening a release without front matter."""
    if document.metadata or not document.body or not isinstance(document.body[0], Paragraph):
        return document
    if leading_text(document.body[0].children, 2000)[1]:
        return document
    lines: list[str] = [""]
    for child in document.body[0].children:
        if isinstance(child, (SoftBreak, LineBreak)):
            lines.append("")
        else:
            lines[-1] += plain_text(child)
    found: dict[str, str] = {}
    for line in lines:
        match = _METADATA_LINE.match(line.strip())
        if match is None or match.group(1).lower() not in _METADATA_KEYS:
            return document
        found.setdefault(match.group(1).lower(), match.group(2))
    if not ("title" in found or "date" in found):
        return document
    language = document.language or found.get("lang") or found.get("language")
    return document.replace(body=document.body[1:], metadata=found, language=language)


# ------------------------------------------------------------------ headline


def _is_prose(block: Block) -> bool:
    return isinstance(block, Paragraph) and leading_text(block.children, 99)[1]


def _short_text(children, limit: int) -> str | None:
    """The cleaned plain text when it is at most ``limit`` characters, else None."""
    text, more = leading_text(children, limit + 50)
    text = _clean(text)
    return None if more or len(text) > limit else text


def _title_candidate(text: str) -> bool:
    return bool(text) and not _is_label(text) and not is_boilerplate_title(text) \
        and not is_contacts_label(text)


def _first_heading(body: list[Block], meta_title: str | None) -> int | None:
    """The first title-like heading, unless running text comes first and the front matter
    has a different title."""
    prose = 0
    for index, block in enumerate(body[:15]):
        if isinstance(block, Heading):
            text = _short_text(block.children, 400) or ""
            if not text.strip("#*-_ ") or not _title_candidate(text) or is_release_line(block):
                continue
            if meta_title is not None and _SECTION.match(text.strip(" :*_#")):
                return None  # "## Overview" opening the body: the front matter's title is the headline
            if prose == 0:
                return index
            if prose <= 3 and (meta_title is None or similar(meta_title, text)):
                return index
            return None
        if _is_prose(block):
            prose += 1
            if prose > 3:
                return None
    return None


def _only(block: Block, kind: type) -> bool:
    """A paragraph whose visible content is a single ``kind`` run."""
    if not isinstance(block, Paragraph):
        return False
    visible = [c for c in block.children
               if not (isinstance(c, Text) and not c.text.strip() or isinstance(c, RawInline))]
    return len(visible) == 1 and isinstance(visible[0], kind)


def _bold_first_line(body: list[Block], language: str | None) -> int | None:
    """A bold paragraph among the first blocks, before any running text."""
    for index, block in enumerate(body[:3]):
        if _is_prose(block) or isinstance(block, Heading):
            return None
        if not _only(block, Strong):
            continue
        text = _short_text(block.children, 200) or ""  # type: ignore[union-attr]
        if (3 <= len(text) <= 200 and len(text.split()) >= 3 and _title_candidate(text)
                and not text.endswith(":") and not is_release_line(block, language)
                and find_in_paragraph(block, False, language) is None):  # type: ignore[arg-type]
            return index
    return None


def _meta_text(metadata, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return _clean(value)
    return None


# ------------------------------------------------------------------ deck


def _deck_below(block: Block, level: int, language: str | None) -> str | None:
    """A subtitle directly below an in-body headline."""
    if isinstance(block, Heading):
        text = _short_text(block.children, _DECK_MAX) or ""
        if level and block.level > level and _title_candidate(text) \
                and (len(text.split()) >= 2 or (caseless(text) and len(text) >= 6)) \
                and not _SECTION_START.match(text.strip(" :*_#")):  # "## Background" opens a section
            return text or None
        return None
    if isinstance(block, BlockQuote):
        if len(block.children) == 1 and isinstance(block.children[0], Paragraph):
            text = _short_text(block.children[0].children, _DECK_MAX) or ""
            if 0 < len(text) <= _DECK_MAX and not any(m in text for m in _QUOTE_MARKS[:8]):
                return text
        return None
    if _only(block, Emphasis) or _only(block, Strong):
        text = _short_text(block.children, _DECK_MAX) or ""  # type: ignore[union-attr]
        if (0 < len(text) <= _DECK_MAX and not text.endswith(":") and _title_candidate(text)
                and not is_release_line(block, language)
                and find_in_paragraph(block, False, language) is None):  # type: ignore[arg-type]
            return text
    return None


def _picture(block: Block) -> bool:
    """A figure, or a paragraph holding only images (and white space)."""
    if isinstance(block, Figure):
        return True
    return isinstance(block, Paragraph) and any(isinstance(c, Image) for c in block.children) and all(
        isinstance(c, (Image, SoftBreak, LineBreak)) or (isinstance(c, Text) and not c.text.strip())
        or (isinstance(c, Link) and all(isinstance(i, Image) for i in c.children))
        for c in block.children)


def _deck_candidate(block: Block) -> str | None:
    if not isinstance(block, Paragraph):
        return None
    text = _short_text(block.children, 250)
    if text is None:
        return None
    letters = [c for c in text if c.isalpha()]
    if (len(text.split()) < 4 or text.endswith(":")
            or (text.startswith("(") and text.endswith(")"))
            or all(c.isupper() for c in letters) or "@" in text or "http" in text
            or not _title_candidate(text)):
        return None
    return text


def _deck_before_lead(body: list[Block], start: int, language: str | None) -> int | None:
    """A short paragraph between the headline and a lead that opens with a dateline
    (or the release line): the headline's deck."""
    candidate: int | None = None
    for index in range(start, min(len(body), start + 8)):
        block = body[index]
        if isinstance(block, Heading):
            return None
        if isinstance(block, Paragraph):
            if is_release_line(block, language) or find_in_paragraph(block, False, language):
                return candidate
            if candidate is None and _deck_candidate(block) is not None:
                candidate = index
            elif leading_text(block.children, 250)[1]:
                return None
    return None


def _heading_before_lead(body: list[Block], headline: str, language: str | None) -> int | None:
    """Under a front-matter headline, a heading that stands right before the lead with the
    dateline (at most one paragraph between, such as a page builder's leftovers) is the deck:
    "## Industry leaders like Red Hat continue to join OpenPOWER …" over "SAN FRANCISCO, CA –"."""
    for index, block in enumerate(body[:6]):
        if isinstance(block, Heading):
            text = _short_text(block.children, _DECK_MAX) or ""
            if (block.level < 2 or len(text.split()) < 6 or not _title_candidate(text)
                    or _SECTION_START.match(text.strip(" :*_#")) or similar(headline, text)):
                return None
            for after in body[index + 1:index + 3]:
                if isinstance(after, Paragraph) and (
                        find_in_paragraph(after, False, language) or is_release_line(after, language)):
                    return index
                if not isinstance(after, Paragraph):
                    return None
            return None
        if isinstance(block, Paragraph) and find_in_paragraph(block, False, language):
            return None  # the lead came first
    return None


# ------------------------------------------------------------------ apply


_UNSPACED = cached_compile(r"(#{1,6})(?=[^\W\d_])")


def _unspaced_heading(block: Block) -> Block:
    """``##Se designa a nuevo Director`` at the top: a heading as kramdown and Jekyll read it
    (CommonMark wants a space after the hashes); a one-word ``#hashtag`` stays text."""
    if not isinstance(block, Paragraph) or not block.children or not isinstance(block.children[0], Text):
        return block
    first = block.children[0].text
    found = _UNSPACED.match(first)
    if found is None or any(isinstance(c, (SoftBreak, LineBreak)) for c in block.children):
        return block
    text = plain_text(block.children)[found.end():]
    if len(text.split()) < 2:
        return block
    children = (Text(first[found.end():]),) + block.children[1:]
    return Heading(len(found.group(1)), children, block.line)


def apply(document: Document) -> Document:
    """Take the headline and deck out of the body (or from front matter)."""
    document = _leading_metadata(document)
    body = [_unspaced_heading(block) if index < 3 else block for index, block in enumerate(document.body)]
    meta = document.metadata
    language = document.language
    meta_title = _meta_text(meta, TITLE_KEYS)
    headline: str | None = None
    level = 0
    index = _first_heading(body, meta_title)
    standfirst: str | None = None
    if index is not None:
        heading = body[index]
        headline = _clean(plain_text(heading.children))  # type: ignore[union-attr]
        level = heading.level  # type: ignore[union-attr]
        if meta_title is not None and not similar(meta_title, headline) and (
                level >= 4 or headline.rstrip("*_ ").endswith(".")) and len(headline) > len(meta_title):
            # "#### **Paris en selle apporte son soutien … .**" under a short front-matter title:
            # a standfirst set as a small heading; the title is the headline
            del body[index]
            standfirst, headline, index, level = headline, None, None, 0
        elif meta_title is not None and level >= 2 and not similar(meta_title, headline) \
                and len(headline.split()) > len(meta_title.split()) \
                and _heading_before_lead(body, meta_title, language) == index:
            # "## The new tool turns releases into …" right above the dateline lead, under a
            # shorter front-matter title: the page shows the title, then this heading as its deck
            standfirst, headline, level = headline, None, 0
            del body[index]
            index = None
    else:
        index = _bold_first_line(body, language)
        if index is not None:
            headline = _clean(plain_text(body[index].children))  # type: ignore[union-attr]
            if meta_title is not None and not similar(meta_title, headline):
                # a bold opening is a weaker sign than a heading: the front matter wins
                index = headline = None
    if index is not None:
        del body[index]
    else:
        headline = meta_title
    subheadline: str | None = standfirst
    start = index if index is not None else 0
    if index is not None and index < len(body):
        below = index
        if below + 1 < len(body) and is_release_line(body[below], language):
            below += 1  # "FOR IMMEDIATE RELEASE" between the headline and its deck
        while below + 1 < len(body) and _picture(body[below]):
            below += 1  # the product's picture between the headline and its deck
        subheadline = _deck_below(body[below], level, language)
        if subheadline is not None:
            del body[below]
    elif index is None and standfirst is None and headline is not None and body \
            and (_only(body[0], Strong) or _only(body[0], Emphasis)) \
            and len(plain_text(body[0]).split()) >= 8 and not plain_text(body[0]).lstrip().startswith("("):
        # the headline is the front matter's: an emphasised paragraph opening the body stands under it
        subheadline = _deck_below(body[0], 0, language)
        if subheadline is not None:
            del body[0]
    if subheadline is None and standfirst is None and index is None and headline is not None:
        deck = _heading_before_lead(body, headline, language)
        if deck is not None:
            subheadline = _clean(plain_text(body[deck].children))  # type: ignore[union-attr]
            del body[deck]
    if subheadline is None and standfirst is None:
        deck = _deck_before_lead(body, start, language)
        if deck is not None:
            subheadline = _clean(plain_text(body[deck].children))  # type: ignore[union-attr]
            del body[deck]
    if subheadline is not None and headline is not None and subheadline == headline:
        subheadline = None
    warnings = document.warnings
    if headline is None:
        warnings += (Message("no headline found: start the release with a # heading "
                             "or give a title in the front matter", "PC101"),)
    return document.replace(body=tuple(body), headline=headline, subheadline=subheadline,
                            warnings=warnings)

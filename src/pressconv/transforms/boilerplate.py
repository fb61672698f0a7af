"""Boilerplate: the "About X" sections describing the issuer.

A section starts at a heading or a bold paragraph titled ``About X``, ``Über X``,
``À propos de X``, ``Acerca de X``, ``Sobre X``, ``Informazioni su X``, ``О компании``
… (or a paragraph whose first line or bold opening is such a title) and runs to
the next heading, rule, end mark, contacts block, notes to editors or the next such
title.  It runs before the end-mark transform, so the end mark is still there to
stop it.
"""

from __future__ import annotations

import re

from .._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from .._regex_cache import cached_compile
from .. import lexicon
from ..model import (
    Block, Boilerplate, Dateline, Document, Heading, Inline, LineBreak, Paragraph, RawInline,
    SoftBreak, Strong, Text, ThematicBreak,
)
from ._inlines import leading_text
from .end_mark import block_mark

_ABOUT = cached_compile(r"^(?:(?:%s)\s+|%s)(?=[^\W\d])" % (
    lexicon.fragments("boilerplate", "about"), lexicon.fragments("boilerplate", "about_elided")), re.I)
_ABOUT_WHOLE = cached_compile(r"^(?:%s)$" % lexicon.fragments("boilerplate", "about_us"), re.I)
_ABBREVIATION = cached_compile(r"(?:\b\w{1,4}|\w\.\w+)\.$")
_CONTACTS = cached_compile(
    r"^(?:for\s+(?:more|further|additional)\s+information|(?:media|press|editorial|investor|"
    r"news)\s+(?:contacts?|inquiries|enquiries|relations|office|desk)|contacts?(?:\s+presse)?"
    r"|pressekontakt|medienkontakt|kontakt|ansprechpartner(?:in)?|rückfragen"
    r"|contactos?(?:\s+(?:de\s+prensa|para\s+medios|con\s+los\s+medios))?|prensa"
    r"|contatti(?:\s+stampa)?|contatto(?:\s+stampa)?|ufficio\s+stampa|pour\s+plus\s+d['’]"
    r"information|renseignements|presse|press|контакты|пресс-служба|для\s+сми"
    r"|para\s+más\s+información|per\s+(?:ulteriori|maggiori)\s+informazioni"
    r"|weitere\s+informationen|für\s+(?:rückfragen|weitere\s+informationen))\b", re.I)
_NOTES = lazy_compile(r"^(?:%s)" % lexicon.fragments("boilerplate", "notes_to_editors"), re.I)


def is_boilerplate_title(text: str) -> bool:
    """True for a section title such as "About Acme" / "Über uns" / "À propos de X"."""
    title = " ".join(text.split()).strip(" :*_#")
    if not title or len(title) > 80 or len(title.split()) > 9:
        return False
    if title.endswith("?") or title.endswith(".") and not _ABBREVIATION.search(title):
        return False  # a sentence, not a title
    return bool(_ABOUT_WHOLE.match(title) or _ABOUT.match(title))


def is_contacts_label(text: str) -> bool:
    """True for text opening a contacts block ("Media contact", "Pressekontakt:" ...)."""
    return bool(_CONTACTS.match(" ".join(text.split()).strip(" *_#")))


def _is_notes(text: str) -> bool:
    return bool(_NOTES.match(" ".join(text.split()).strip(" *_#")))


def _bold_only(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    visible = [c for c in block.children if not (isinstance(c, Text) and not c.text.strip()
                                                  or isinstance(c, RawInline))]
    return len(visible) == 1 and isinstance(visible[0], Strong)


def _title_of(block: Block) -> tuple[str, int, tuple[Block, ...]] | None:
    """(title, heading level or 0, blocks left over from the title's own block)."""
    if isinstance(block, Heading):
        text = _short(block.children)
        return (_clean_title(text), block.level, ()) if is_boilerplate_title(text) else None
    if not isinstance(block, Paragraph):
        return None
    text = _short(block.children)
    if _bold_only(block):
        return (_clean_title(text), 0, ()) if is_boilerplate_title(text) else None
    children = block.children
    first = next((c for c in children if not (isinstance(c, Text) and not c.text.strip()
                                               or isinstance(c, RawInline))), None)
    if isinstance(first, Strong) and is_boilerplate_title(_short(first.children)):
        rest = _after(children, children.index(first) + 1)
        return _clean_title(_short(first.children)), 0, _rest_paragraph(rest, block.line)
    for index, child in enumerate(children):
        if isinstance(child, (LineBreak, SoftBreak)):
            line = _short(children[:index])
            if isinstance(child, LineBreak) and is_boilerplate_title(line):
                return _clean_title(line), 0, _rest_paragraph(children[index + 1:], block.line)
            break
    return None


def _short(children: tuple[Inline, ...], limit: int = 100) -> str:
    """The plain text when short enough to be a title, else ""."""
    text, more = leading_text(children, limit)
    return "" if more else text


def _after(children: tuple[Inline, ...], index: int) -> tuple[Inline, ...]:
    rest = list(children[index:])
    while rest and (isinstance(rest[0], (LineBreak, SoftBreak))
                    or isinstance(rest[0], Text) and not rest[0].text.strip(" :–—-")):
        rest.pop(0)
    if rest and isinstance(rest[0], Text):
        rest[0] = Text(rest[0].text.lstrip(" :–—-"))
    return tuple(rest)


def _rest_paragraph(children: tuple[Inline, ...], line: int | None) -> tuple[Block, ...]:
    children = _after(children, 0)
    return (Paragraph(children, line),) if leading_text(children, 100)[0].strip() else ()


def _clean_title(text: str) -> str:
    return " ".join(text.split()).strip(" :")


def _ends_section(block: Block, level: int) -> bool:
    if isinstance(block, ThematicBreak) or block_mark(block) is not None:
        return True
    if isinstance(block, Heading):
        return not level or block.level <= level or _title_of(block) is not None
    if _title_of(block) is not None:
        return True
    if isinstance(block, Paragraph):
        text, _ = leading_text(block.children, 200)
        first_line = text.split("\n", 1)[0]
        if is_contacts_label(first_line) and len(first_line) <= 80 or _is_notes(first_line):
            return True
        if _bold_only(block) and len(text) <= 80:
            return True
    return False


def apply(document: Document) -> Document:
    """Move "About X" sections from the body into ``Document.boilerplate``."""
    body = document.body
    kept: list[Block] = []
    mapping: dict[int, int | None] = {}
    sections: list[Boilerplate] = list(document.boilerplate)
    index = 0
    while index < len(body):
        block = body[index]
        titled = _title_of(block)
        if titled is None:
            mapping[index] = len(kept)
            kept.append(block)
            index += 1
            continue
        title, level, children = titled
        blocks = list(children)
        mapping[index] = None
        index += 1
        while index < len(body) and not _ends_section(body[index], level):
            blocks.append(body[index])
            mapping[index] = None
            index += 1
        sections.append(Boilerplate(title, tuple(blocks)))
    if len(sections) == len(document.boilerplate):
        return document
    dateline = document.dateline
    if dateline is not None and dateline.lead is not None:
        dateline = Dateline(dateline.raw, dateline.place, dateline.date,
                            mapping.get(dateline.lead))
    return document.replace(body=tuple(kept), boilerplate=tuple(sections), dateline=dateline)

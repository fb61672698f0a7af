"""Inline nodes -> ReportLab paragraph markup, every character of the release escaped.

ReportLab's Paragraph reads an XML-like markup, so a ``<`` or ``&`` in a
release would otherwise end a tag or start an entity.  All text passes through
:func:`clean` and :func:`escape`; URLs become links only with a known scheme
(ReportLab would read anything else as an internal destination and fail on
save); characters the paragraph's font lacks are wrapped in the fallback face
that has them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Iterable
from urllib.parse import quote, urlsplit

from ..._regex_cache import cached_compile
from ...htmltext import html_to_text
from ...model import (
    Code, Emphasis, FootnoteRef, Image, Inline, LineBreak, Link, QuotedSpeech, RawInline,
    SoftBreak, Strikethrough, Strong, Subscript, Superscript, Text, Underline,
)
from .bidi import shape

if TYPE_CHECKING:
    from .fonts import FontSet

LINK_COLOR = "#1f4e8c"
_CONTROL = cached_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_WHITE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_LINK_SCHEMES = frozenset(("http", "https", "mailto", "ftp", "tel"))
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]~_"
_INVISIBLE = frozenset(("Cf", "Zl", "Zp"))
MAX_LINK_CHARS = 8_192  #: a longer URL is shown but not linked (it would be copied into every piece)


def clean(text: str) -> str:
    """Text as it may be drawn: NFC, no control characters or lone surrogates, no newlines."""
    text = text.translate(_WHITE)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def escape(text: str) -> str:
    """Text safe inside ReportLab markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """Text safe inside a double-quoted markup attribute."""
    return escape(text).replace('"', "&quot;")


def link_target(url: str) -> str | None:
    """The URL as a PDF link target, or None when it must not become a link."""
    if len(url) > MAX_LINK_CHARS:
        return None
    url = clean(url).strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in _LINK_SCHEMES:
        return None
    return quote(url, safe=_URL_SAFE)


class Notes:
    """Footnote numbering (in order of first reference) and the anchors already placed."""

    def __init__(self, labels: Iterable[str]) -> None:
        self.defined = list(dict.fromkeys(labels))  #: labels with a definition, in order
        self.numbers: dict[str, int] = {}  #: label -> number shown
        self.anchored: set[str] = set()  #: labels whose first reference carries the back anchor

    def number(self, label: str) -> int:
        """The label's note number, assigning the next one on first use."""
        if label not in self.numbers:
            self.numbers[label] = len(self.numbers) + 1
        return self.numbers[label]

    def ordered(self) -> list[tuple[int, str]]:
        """(number, label) of every defined note; unreferenced ones numbered last."""
        for label in self.defined:
            self.number(label)
        return sorted((n, label) for label, n in self.numbers.items() if label in self.defined)


class InlineRenderer:
    """Turns inlines into markup for one document; collects missing characters and images."""

    def __init__(self, fonts: FontSet, notes: Notes,
                 image_loader: Callable[[Image], Any] | None = None) -> None:
        self.fonts = fonts
        self.notes = notes
        self.image_loader = image_loader  #: flowables showing an image (hoisted), or None
        self.missing: dict[str, None] = {}  #: characters no font can draw, in order met
        self.hoisted: list[Any] = []  #: flowables of inline images, placed after the block

    # ------------------------------------------------------------ text

    def text(self, text: str, role: str = "serif", bold: bool = False, italic: bool = False,
             base: str | None = None) -> str:
        """Escaped text in the ``role`` font, with fallback faces for characters it lacks.

        ``base`` is the role of the paragraph's own font (default: ``role``); text in
        another role is wrapped in its face explicitly.
        """
        text = shape(clean(text))  # Arabic joined before fonts are chosen and widths measured
        chain = self.fonts.chains[role]
        foreign = base is not None and base != role
        if chain[0].face(bold, italic).coverage.issuperset(text):
            if foreign:
                return '<font name="%s">%s</font>' % (chain[0].face(bold, italic).name,
                                                      escape(text))
            return escape(text)
        parts = []
        for index, run in self.fonts.runs(role, text, bold, italic):
            if index is None:
                run = "".join(c for c in run if unicodedata.category(c) not in _INVISIBLE)
                for char in run:
                    self.missing.setdefault(char)
                if run:
                    parts.append('<font name="%s">%s</font>'
                                 % (self.fonts.notdef(run), escape(run)))
            elif index == 0 and not foreign:
                parts.append(escape(run))
            else:
                parts.append('<font name="%s">%s</font>'
                             % (chain[index].face(bold, italic).name, escape(run)))
        return "".join(parts)

    # ------------------------------------------------------------ inlines

    def render(self, inlines: Iterable[Inline], role: str = "serif", bold: bool = False,
               italic: bool = False, hoist: bool = False) -> str:
        """Markup for a sequence of inlines in a paragraph whose font is ``role``."""
        out: list[str] = []
        self._render(tuple(inlines), out, role, bold, italic, hoist)
        return "".join(out)

    def _render(self, inlines: tuple, out: list[str], role: str, bold: bool, italic: bool,
                hoist: bool) -> None:
        for node in inlines:
            kind = type(node)
            if kind is Text:
                out.append(self.text(node.text, role, bold, italic))
            elif kind is SoftBreak:
                out.append(" ")
            elif kind is Strong:
                out.append("<b>")
                self._render(node.children, out, role, True, italic, hoist)
                out.append("</b>")
            elif kind is Emphasis:
                out.append("<i>")
                self._render(node.children, out, role, bold, True, hoist)
                out.append("</i>")
            elif kind is QuotedSpeech:
                self._render(node.children, out, role, bold, italic, hoist)
            elif kind is Link:
                target = link_target(node.url)
                if target is None:
                    self._render(node.children, out, role, bold, italic, hoist)
                else:
                    out.append('<a href="%s" color="%s">' % (attr(target), LINK_COLOR))
                    self._render(node.children, out, role, bold, italic, hoist)
                    out.append("</a>")
            elif kind is LineBreak:
                out.append("<br/>")
            elif kind is Code:
                out.append(self.text(node.text, "mono", bold, italic, base=role))
            elif kind in _SIMPLE_TAGS:
                tag = _SIMPLE_TAGS[kind]
                out.append("<%s>" % tag)
                self._render(node.children, out, role, bold, italic, hoist)
                out.append("</%s>" % tag)
            elif kind is FootnoteRef:
                out.append(self.footnote_ref(node.label))
            elif kind is Image:
                loaded = self.image_loader(node) if hoist and self.image_loader else None
                if loaded is not None:
                    self.hoisted.extend(loaded)
                else:
                    out.append(self.placeholder(node.alt or node.title or node.url, role,
                                                bold, italic))
            elif kind is RawInline:
                shown = html_to_text(node.text)
                if shown:
                    out.append(self.text(shown, role, bold, italic))
            else:
                raise TypeError("the PDF writer has no rule for inline %s" % kind.__name__)

    def placeholder(self, alt: str, role: str = "serif", bold: bool = False,
                    italic: bool = False) -> str:
        """The stand-in shown for an image that cannot be embedded."""
        return '<font color="#666666">[Image: %s]</font>' % self.text(alt, role, bold, italic)

    def footnote_ref(self, label: str) -> str:
        """A raised note number linking to the note; the first reference is the back target."""
        if label not in self.notes.defined:
            return "<super>[%s]</super>" % escape(clean(label))
        number = self.notes.number(label)
        anchor = ""
        if label not in self.notes.anchored:
            self.notes.anchored.add(label)
            anchor = '<a name="fnref-%d"/>' % number
        return '%s<super><a href="#fn-%d" color="%s">%d</a></super>' % (
            anchor, number, LINK_COLOR, number)


_SIMPLE_TAGS = {Underline: "u", Strikethrough: "strike", Superscript: "super", Subscript: "sub"}
_CONTAINERS = (Emphasis, Strong, Underline, Strikethrough, Superscript, Subscript, Link,
               QuotedSpeech)


def inline_length(inlines: Iterable[Inline]) -> int:
    """A cheap upper bound of the characters the inlines show."""
    total = 0
    for node in inlines:
        if isinstance(node, (Text, Code, RawInline)):
            total += len(node.text)
        elif isinstance(node, _CONTAINERS):
            total += inline_length(node.children)
        else:
            total += 1
    return total


def chunk_inlines(inlines: tuple[Inline, ...], limit: int) -> list[tuple[Inline, ...]]:
    """Inlines cut into pieces of about ``limit`` characters, at spaces where possible.

    ReportLab re-wraps the whole rest of a paragraph at every page break, which is
    quadratic; a very long paragraph is therefore laid out as several.
    """
    chunks: list[list[Inline]] = [[]]
    size = [0]

    def add(node: Inline, length: int) -> None:
        chunks[-1].append(node)
        size[0] += length

    def close() -> None:
        if chunks[-1]:
            chunks.append([])
            size[0] = 0

    def walk(nodes: tuple[Inline, ...]) -> None:
        for node in nodes:
            length = inline_length((node,))
            if size[0] + length <= limit:
                add(node, length)
            elif isinstance(node, (Text, Code, RawInline)):
                text = node.text if not isinstance(node, RawInline) else html_to_text(node.text)
                maker = Code if isinstance(node, Code) else Text
                while text:
                    room = max(limit - size[0], 1)
                    if len(text) <= room:
                        add(maker(text), len(text))
                        break
                    cut = _cut_point(text, room)
                    if cut == 0 and size[0]:
                        close()
                        continue
                    cut = cut or room
                    add(maker(text[:cut]), cut)
                    text = text[cut:]
                    close()
            elif isinstance(node, _CONTAINERS):
                for piece in chunk_inlines(node.children, limit):
                    wrapped = replace(node, children=piece)
                    piece_len = inline_length(piece)
                    if size[0] + piece_len > limit:
                        close()
                    add(wrapped, piece_len)
            else:
                close()
                add(node, length)

    walk(inlines)
    return [tuple(chunk) for chunk in chunks if chunk]


def _cut_point(text: str, room: int) -> int:
    """Where to cut ``text`` at most ``room`` characters in: after a sentence, a space, or hard."""
    window = text[:room]
    for mark in (". ", "! ", "? ", "; "):
        at = window.rfind(mark)
        if at > room // 2:
            return at + 2
    at = window.rfind(" ")
    if at > room // 4:
        return at + 1
    return room if room >= 64 else 0

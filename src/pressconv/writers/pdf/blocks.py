"""Model blocks -> platypus flowables (paragraphs, lists, quotes, code, figures, tables)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from io import BytesIO
from typing import Any

from PIL import Image as PILImage
from PIL.Image import DecompressionBombWarning
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, Indenter, Spacer
from reportlab.platypus import Image as ImageFlowable

from ..._bidi import base_level
from ..._regex_cache import cached_compile
from ...htmltext import html_to_text
from ...model import (
    BlockQuote, BulletList, CodeBlock, Figure, FootnoteDefinition, Heading, HtmlBlock, Image,
    OrderedList, Paragraph as ParagraphNode, Table, ThematicBreak, plain_text,
)
from ...resources import WriteContext
from .bidi import BidiParagraph as Paragraph
from .flowables import OutlineMark, QuoteParagraph
from .markup import InlineRenderer, chunk_inlines, clean, escape, inline_length
from .styles import LIST_INDENT, MAX_INDENT_LEVELS, QUOTE_INDENT, RULE, House
from .tables import table_flowables

PARA_LIMIT = 8_000  #: a paragraph longer than this (characters) is laid out in pieces
PARA_CHUNK = 1_500  #: size of those pieces (smaller pieces re-wrap less at page breaks)
CODE_LINES = 80  #: lines of code per flowable
LINE_CHUNK = 2_000  #: a longer code or HTML line is cut into pieces of this size
MAX_IMAGE_PIXELS = 40_000_000  #: larger images are not embedded
_BULLETS = ("\u2022", "\u25e6", "\u25aa", "\u2013")
_CHECKED = ("\u2611", "[x]")
_UNCHECKED = ("\u2610", "[ ]")
_SPACE_RUN = cached_compile(" {2,}")


@dataclass(frozen=True)
class Where:
    """Where blocks are being laid out."""

    style: str = "body"  #: paragraph style name
    quote: bool = False  #: inside a block quote (paragraphs get the bar)
    levels: int = 0  #: indentation levels used so far
    indent: float = 0.0  #: points of indentation so far
    lists: int = 0  #: list nesting depth
    outline: int = 1  #: outline level of a level-``base`` heading here


class Builder:
    """Turns blocks into flowables for one document."""

    def __init__(self, house: House, context: WriteContext, renderer: InlineRenderer,
                 heading_base: int = 2) -> None:
        self.house = house
        self.context = context
        self.renderer = renderer
        self.heading_base = heading_base  #: the heading level that becomes outline level 1
        self._variants: dict[tuple, ParagraphStyle] = {}
        self._images: dict[str, tuple[bytes, float, float] | None] = {}
        self._indent = 0.0
        renderer.image_loader = self._inline_image

    # ------------------------------------------------------------ helpers

    def variant(self, name: str, **changes: Any) -> ParagraphStyle:
        """A cached copy of style ``name`` with some attributes changed."""
        key = (name, tuple(sorted(changes.items())))
        style = self._variants.get(key)
        if style is None:
            parent = self.house.style(name)
            style = self._variants[key] = ParagraphStyle(
                "%s-%d" % (name, len(self._variants)), parent=parent, **changes)
        return style

    def blocks(self, nodes: tuple, where: Where) -> list[Flowable]:
        """Flowables for a sequence of blocks."""
        out: list[Flowable] = []
        for node in nodes:
            self.block(node, where, out)
        return out

    def block(self, node: Any, where: Where, out: list[Flowable], prefix: str = "") -> None:
        """Append the flowables of one block."""
        kind = type(node)
        if kind is ParagraphNode:
            self.paragraph(node.children, where, out, prefix=prefix)
        elif kind is Heading:
            self.heading(node, where, out)
        elif kind is BlockQuote:
            self.quote(node, where, out)
        elif kind in (BulletList, OrderedList):
            self.list(node, where, out)
        elif kind is Table:
            out.extend(table_flowables(self, node, self.house.frame_width - where.indent))
        elif kind is CodeBlock:
            self.code(node.text, where, out)
        elif kind is ThematicBreak:
            out.append(HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=6,
                                  spaceAfter=12))
        elif kind is Figure:
            self.figure(node.image, where, out)
        elif kind is HtmlBlock:
            self.lines(html_to_text(node.text).split("\n"), where.style, out)
        elif kind is FootnoteDefinition:
            pass  # printed with the notes at the end
        else:
            raise TypeError("the PDF writer has no rule for block %s" % kind.__name__)

    # ------------------------------------------------------------ text blocks

    def paragraph(self, children: tuple, where: Where, out: list[Flowable], prefix: str = "",
                  bullet: tuple[str, ParagraphStyle] | None = None) -> None:
        """One model paragraph; a very long one becomes several flowables."""
        self._indent = where.indent  # inline images found here are scaled to this width
        style = bullet[1] if bullet else self.house.style(where.style)
        label = bullet[0] if bullet else None
        kind = QuoteParagraph if where.quote else Paragraph
        italic = style.fontName == self.house.fonts.family("serif").italic.name
        direction = None
        if inline_length(children) <= PARA_LIMIT:
            pieces = [children]
        else:
            pieces = chunk_inlines(children, PARA_CHUNK)
            direction = base_level(plain_text(children))  # the whole paragraph's, for every piece
        for number, piece in enumerate(pieces):
            markup = self.renderer.render(piece, "serif", italic=italic, hoist=True)
            piece_style = style
            if len(pieces) > 1:
                piece_style = self._piece_style(style, number, len(pieces))
            out.append(kind((prefix if number == 0 else "") + markup, piece_style,
                            bulletText=label if number == 0 else None, direction=direction))
        out.extend(self.renderer.hoisted)
        self.renderer.hoisted.clear()

    def _piece_style(self, style: ParagraphStyle, number: int, count: int) -> ParagraphStyle:
        changes: dict[str, Any] = {}
        if number > 0:
            changes["spaceBefore"] = 0
        if number < count - 1:
            changes["spaceAfter"] = 0
        return ParagraphStyle("%s-piece" % style.name, parent=style, **changes)

    def heading(self, node: Heading, where: Where, out: list[Flowable]) -> None:
        title = clean(plain_text(node.children)).strip()
        if not title:
            return  # an empty heading (a lone "###") would only leave a gap
        level = where.outline + max(0, node.level - self.heading_base)
        out.append(OutlineMark(title[:200], level))
        style = "h%d" % min(max(node.level - self.heading_base + 1, 1), 4)
        out.append(Paragraph(self.renderer.render(node.children, "sans", bold=True),
                             self.house.style(style)))

    def lines(self, lines: list[str], style: str, out: list[Flowable]) -> None:
        """Plain lines (from HTML) as paragraphs with hard breaks."""
        lines = [piece for line in lines for piece in _cut(line, LINE_CHUNK)]
        for first in range(0, len(lines), CODE_LINES):
            markup = "<br/>".join(self.renderer.text(line)
                                  for line in lines[first:first + CODE_LINES])
            if markup:
                out.append(Paragraph(markup, self.house.style(style)))

    def code(self, text: str, where: Where, out: list[Flowable]) -> None:
        """A code block: monospaced, spaces kept, long lines wrapped."""
        lines = [piece for line in text.expandtabs(4).split("\n")
                 for piece in _cut(line, LINE_CHUNK)]
        groups = [lines[i:i + CODE_LINES] for i in range(0, len(lines), CODE_LINES)] or [[""]]
        style = self.house.style("code")
        for number, group in enumerate(groups):
            markup = "<br/>".join(self.renderer.text(_keep_spaces(line), "mono", base="mono")
                                  or "\u00a0" for line in group)
            piece_style = style if len(groups) == 1 else self._piece_style(style, number,
                                                                           len(groups))
            out.append(Paragraph(markup, piece_style))

    # ------------------------------------------------------------ nesting

    def quote(self, node: BlockQuote, where: Where, out: list[Flowable]) -> None:
        indent = QUOTE_INDENT if where.levels < MAX_INDENT_LEVELS else 0.0
        if indent:
            out.append(Indenter(left=indent))
        inner = replace(where, style="quote", quote=True, levels=where.levels + 1,
                        indent=where.indent + indent)
        content = self.blocks(node.children, inner)
        barred = [f for f in content if isinstance(f, QuoteParagraph)]
        for flowable in barred[:-1]:
            flowable.pc_bar_extend = flowable.style.spaceAfter
        out.extend(content)
        if node.attribution:
            text = self.renderer.text(node.attribution, italic=True)
            out.append(Paragraph("\u2014 " + text, self.house.style("attribution")))
        if indent:
            out.append(Indenter(left=-indent))

    def list(self, node: BulletList | OrderedList, where: Where, out: list[Flowable]) -> None:
        ordered = isinstance(node, OrderedList)
        capped = where.levels >= MAX_INDENT_LEVELS
        serif = self.house.fonts.family("serif").regular
        if ordered:
            last = node.start + len(node.items) - 1
            gutter = max(LIST_INDENT + 2, stringWidth("%d." % last, serif.name, 10) + 8)
        else:
            gutter = LIST_INDENT
        style_name = "item" if node.tight else "item_loose"
        inner = replace(where, style=style_name, quote=False, levels=where.levels + 1,
                        indent=where.indent + (0 if capped else gutter), lists=where.lists + 1)
        for number, item in enumerate(node.items):
            if item.checked is not None:
                label, face = self._glyph(_CHECKED if item.checked else _UNCHECKED)
            elif ordered:
                label, face = "%d." % (node.start + number), serif.name
            else:
                label, face = self._glyph((_BULLETS[where.lists % len(_BULLETS)], "\u2022", "-"))
            if not capped:
                out.append(Indenter(left=gutter))
            blocks = item.children
            if capped:
                prefix = escape(label) + " "
                if blocks and type(blocks[0]) is ParagraphNode:
                    self.block(blocks[0], inner, out, prefix=prefix)
                    blocks = blocks[1:]
                else:
                    out.append(Paragraph(prefix, self.house.style(style_name)))
            else:
                bullet = (escape(label), self.variant(style_name, bulletIndent=-gutter,
                                                      bulletFontName=face))
                if blocks and type(blocks[0]) is ParagraphNode:
                    self.paragraph(blocks[0].children, inner, out, bullet=bullet)
                    blocks = blocks[1:]
                else:
                    out.append(Paragraph("", bullet[1], bulletText=bullet[0]))
            out.extend(self.blocks(blocks, inner))
            if not capped:
                out.append(Indenter(left=-gutter))
        out.append(Spacer(1, 4))

    def _glyph(self, choices: tuple[str, ...]) -> tuple[str, str]:
        """The first of ``choices`` some font can draw, and that font's face name."""
        fonts = self.house.fonts
        for choice in choices:
            if len(choice) == 1:
                index = fonts.font_index("serif", choice)
                if index is not None:
                    return choice, fonts.chains["serif"][index].regular.name
            else:
                return choice, fonts.family("serif").regular.name
        return choices[-1], fonts.family("serif").regular.name

    # ------------------------------------------------------------ images

    def load_image(self, image: Image) -> tuple[bytes, float, float] | None:
        """The image's bytes and natural size in points, or None (with a warning)."""
        if image.url in self._images:
            return self._images[image.url]
        loaded = None
        found = self.context.read_resource(image.url)
        if found is not None:
            data = found[0]
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    reader = ImageReader(BytesIO(data))
                    width, height = reader.getSize()
                bomb = any(issubclass(w.category, DecompressionBombWarning) for w in caught)
                if bomb or width * height > MAX_IMAGE_PIXELS:
                    self.context.warn("PDF: image %r is too large to embed (%d x %d pixels); "
                                      "shown as its alt text" % (image.url, width, height))
                else:
                    # decode every pixel now: a truncated file must fail here, with a
                    # warning, and not later inside ReportLab's page build
                    with PILImage.open(BytesIO(data)) as probe:
                        probe.load()
                    dpi = _dpi(reader)
                    loaded = (data, width * 72.0 / dpi, height * 72.0 / dpi)
            except Exception as error:  # Pillow and ReportLab raise many kinds for bad files
                self.context.warn("PDF: image %r cannot be decoded (%s); shown as its alt text"
                                  % (image.url, str(error).strip().splitlines()[0][:80]
                                     if str(error).strip() else type(error).__name__))
        self._images[image.url] = loaded
        return loaded

    def image_flowables(self, image: Image, avail: float) -> list[Flowable] | None:
        """The image scaled to fit, with its caption; None when it cannot be shown."""
        loaded = self.load_image(image)
        if loaded is None:
            return None
        data, width, height = loaded
        scale = min(1.0, avail / width, self.house.frame_height * 0.6 / height)
        picture = ImageFlowable(BytesIO(data), width=width * scale, height=height * scale)
        picture.hAlign = "CENTER"
        picture.spaceBefore = 4
        caption = image.title or image.alt
        if not caption:
            picture.spaceAfter = 10
            return [picture]
        picture.keepWithNext = 1  # the caption stays with its picture
        return [picture, Paragraph(self.renderer.text(caption, italic=True),
                                   self.house.style("caption"))]

    def figure(self, image: Image, where: Where, out: list[Flowable]) -> None:
        shown = self.image_flowables(image, self.house.frame_width - where.indent)
        if shown is None:
            out.append(Paragraph(self.renderer.placeholder(image.alt or image.url),
                                 self.house.style("placeholder")))
        else:
            out.extend(shown)

    def _inline_image(self, image: Image) -> list[Flowable] | None:
        return self.image_flowables(image, self.house.frame_width - self._indent)


def _dpi(reader: ImageReader) -> float:
    info = getattr(getattr(reader, "_image", None), "info", None) or {}
    dpi = info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 96.0
    except (TypeError, ValueError, IndexError):
        value = 96.0
    return value if 36.0 <= value <= 1200.0 else 96.0


def _cut(line: str, size: int) -> list[str]:
    if len(line) <= size:
        return [line]
    return [line[i:i + size] for i in range(0, len(line), size)]


def _keep_spaces(line: str) -> str:
    """Spaces that ReportLab would collapse, kept: indentation and runs as no-break spaces."""
    stripped = line.lstrip(" ")
    lead = len(line) - len(stripped)
    body = _SPACE_RUN.sub(lambda m: "\u00a0" * (len(m.group()) - 1) + " ", stripped)
    return "\u00a0" * lead + body

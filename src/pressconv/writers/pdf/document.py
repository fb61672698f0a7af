"""The press layout: front matter, body, notes, boilerplate, end mark, contacts; page furniture."""

from __future__ import annotations

from io import BytesIO
from typing import Any, Iterable

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, HRFlowable, KeepTogether, LayoutError, PageTemplate, Spacer,
)
from reportlab.platypus import Table as RLTable

from ... import __version__
from ..._regex_cache import cached_compile
from ...errors import ConversionError
from ...model import (
    BlockQuote, BulletList, Contact, Document, FootnoteDefinition, FootnoteRef, Heading,
    ListItem, OrderedList, Paragraph as ParagraphNode, Table,
)
from ...resources import WriteContext
from .bidi import BidiParagraph as Paragraph
from .blocks import Builder, Where
from .flowables import KeepWithNext, OutlineMark
from .fonts import font_set
from .markup import LINK_COLOR, InlineRenderer, Notes, attr, clean, link_target
from .styles import (
    ACCENT, BOX_FILL, FOOTER_Y, MARGIN_BOTTOM, MARGIN_X, RULE, House, house, page_size,
)

_LANG = cached_compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
TOTAL_FORM = "pcPageTotal"
LONG_HEADLINE = 2  #: a headline taking more lines than this is set smaller


def render_pdf(document: Document, context: WriteContext) -> bytes:
    """The document as PDF bytes; warnings go to ``context``."""
    fonts = font_set(context.option("font"))
    style = house(fonts, page_size(context.option("page_size", "A4")))
    blocks = document.body + _boiler_blocks(document)
    definitions = [d for d in _walk(blocks, inlines=False) if isinstance(d, FootnoteDefinition)]
    notes = Notes(d.label for d in definitions)
    if definitions:  # number the notes in reading order, wherever the references are
        for node in _walk(blocks):
            if isinstance(node, FootnoteRef) and node.label in notes.defined:
                notes.number(node.label)
    renderer = InlineRenderer(fonts, notes)
    levels = [n.level for n in document.body if isinstance(n, Heading)]
    builder = Builder(style, context, renderer, heading_base=min(levels, default=2))
    try:
        story = _story(document, builder)
        data = _build(document, context, style, builder, story)
    except RecursionError as error:
        raise ConversionError("the release is nested too deeply for the PDF writer",
                              hint="flatten deeply nested lists or quotes") from error
    if renderer.missing:
        chars = list(renderer.missing)
        shown = ", ".join("%s (U+%04X)" % (c, ord(c)) for c in chars[:20])
        context.warn("PDF: no available font can draw %d character(s): %s%s; they show as "
                     "empty boxes but stay in the text (pass a font that has them with --font)"
                     % (len(chars), shown, ", \u2026" if len(chars) > 20 else ""))
    return data


# ---------------------------------------------------------------- the story


def _story(document: Document, builder: Builder) -> list[Flowable]:
    house_ = builder.house
    text = builder.renderer.text
    story: list[Flowable] = []
    if document.release and document.release.text.strip():
        name = "release_embargo" if document.release.embargo else "release"
        story.append(Paragraph(text(document.release.text, "sans", bold=True),
                               house_.style(name)))
    if document.headline:
        story.append(OutlineMark(clean(document.headline)[:200], 0))
        big = house_.style("headline")
        lines = simpleSplit(clean(document.headline), big.fontName, big.fontSize,
                            house_.frame_width)
        name = "headline_long" if len(lines) > LONG_HEADLINE else "headline"
        story.append(Paragraph(text(document.headline, "sans", bold=True), house_.style(name)))
    if document.subheadline:
        story.append(Paragraph(text(document.subheadline, italic=True),
                               house_.style("subheadline")))
    for shown in document.front_matter_text:
        story.append(Paragraph(text(shown, italic=True), house_.style("subheadline")))
    if story:
        story.append(HRFlowable(width="100%", thickness=0.9, color=ACCENT, spaceBefore=6,
                                spaceAfter=14))
    dateline = document.dateline
    lead = dateline.lead if dateline else None
    if dateline and (lead is None or not 0 <= lead < len(document.body)
                     or type(document.body[lead]) is not ParagraphNode):
        lead = None
        story.append(Paragraph(text(dateline.raw, bold=True), house_.style("dateline")))
    where = Where(outline=1)
    for index, block in enumerate(document.body):
        prefix = ""
        if index == lead and dateline is not None:
            prefix = "<b>%s</b> \u2013 " % text(dateline.raw, bold=True)
        builder.block(block, where, story, prefix=prefix)
    tail: list[Flowable] = []
    for section in document.boilerplate:
        title = clean(section.title).strip()
        if title:
            tail.append(OutlineMark(title[:200], 1))
            tail.append(Paragraph(text(title, "sans", bold=True), house_.style("h2")))
        tail.extend(builder.blocks(section.children, Where(style="boilerplate", outline=2)))
    if document.end_mark and document.end_mark.strip():
        tail.append(Paragraph(text(document.end_mark), house_.style("end_mark")))
    if document.contacts:
        tail.extend(_contacts(document, builder))
    story.extend(_notes(document, builder))
    story.extend(tail)
    return story


def _notes(document: Document, builder: Builder) -> list[Flowable]:
    notes = builder.renderer.notes
    if not notes.defined:
        return []
    definitions = {d.label: d for d in _walk(document.body + _boiler_blocks(document),
                                             inlines=False)
                   if isinstance(d, FootnoteDefinition)}
    out: list[Flowable] = [OutlineMark("Notes", 1),
                           Paragraph("Notes", builder.house.style("notes_heading"))]
    where = Where(style="note", outline=2)
    for number, label in notes.ordered():
        definition = definitions[label]
        back = ""
        if label in notes.anchored:
            arrow = "\u21a9" if builder.house.fonts.font_index("serif", "\u21a9") is not None \
                else "^"
            back = ' <a href="#fnref-%d" color="%s">%s</a>' % (number, LINK_COLOR,
                                                               builder.renderer.text(arrow))
        anchor = '<a name="fn-%d"/>' % number
        blocks = definition.children
        style = builder.variant("note")
        if blocks and type(blocks[0]) is ParagraphNode:
            markup = builder.renderer.render(blocks[0].children)
            out.append(Paragraph(anchor + markup + back, style, bulletText="%d." % number))
            blocks = blocks[1:]
        else:
            out.append(Paragraph(anchor + back, style, bulletText="%d." % number))
        out.extend(builder.blocks(blocks, where))
    return out


def _contacts(document: Document, builder: Builder) -> list[Flowable]:
    """The contacts in a tinted box, two to a row, under their heading."""
    house_ = builder.house
    text = builder.renderer.text
    heading = document.contacts_heading or "Media contacts"
    style = house_.style("contact")
    cards = [Paragraph("<br/>".join(lines), style)
             for lines in (_contact_lines(c, builder) for c in document.contacts) if lines]
    per_row = 2 if len(cards) > 1 else 1
    rows: list[list[Any]] = [[Paragraph(text(heading, "sans", bold=True),
                                        house_.style("contacts_heading"))] + [""] * (per_row - 1)]
    for first in range(0, len(cards), per_row):
        row = cards[first:first + per_row]
        rows.append(row + [""] * (per_row - len(row)))
    width = house_.frame_width / per_row
    table = RLTable(rows, colWidths=[width] * per_row, hAlign="LEFT", style=[
        # Table sets its cell font even for Paragraph cells; Helvetica would be referenced
        ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize),
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, 0), 9),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ])
    mark = OutlineMark(clean(heading)[:200], 1)
    if len(rows) <= 4:  # a short box is kept whole, its outline entry with it
        return [Spacer(1, 8), KeepTogether([mark, table])]
    return [Spacer(1, 8), mark, table]


def _contact_lines(contact: Contact, builder: Builder) -> list[str]:
    text = builder.renderer.text
    lines = []
    if contact.name:
        lines.append("<b>%s</b>" % text(contact.name, bold=True))
    role = ", ".join(x for x in (contact.role, contact.organization) if x)
    if role:
        lines.append(text(role) if contact.name else "<b>%s</b>" % text(role, bold=True))
    if contact.phone:
        target = link_target("tel:" + contact.phone_e164) if contact.phone_e164 else None
        lines.append(_link(text(contact.phone), target))
    if contact.email and "@" in contact.email:
        lines.append(_link(text(contact.email), link_target("mailto:" + contact.email.strip())))
    elif contact.email:  # obfuscated by its publisher: shown as written, not linked
        lines.append(text(contact.email))
    if contact.url:
        lines.append(_link(text(contact.url), link_target(contact.url)))
    return lines


def _link(markup: str, target: str | None) -> str:
    if target is None:
        return markup
    return '<a href="%s" color="%s">%s</a>' % (attr(target), LINK_COLOR, markup)


# ---------------------------------------------------------------- the build


class _Canvas(Canvas):
    """A canvas that writes the page total (shown in every footer) once it is known."""

    def save(self) -> None:
        font, size = getattr(self, "_pc_footer_font", ("Helvetica", 8))
        self.beginForm(TOTAL_FORM)
        self.setFont(font, size)
        self.setFillColor(getattr(self, "_pc_footer_color", "#555555"))
        self.drawString(0, 0, str(self._pageNumber - 1))
        self.endForm()
        super().save()


def _build(document: Document, context: WriteContext, house_: House, builder: Builder,
           story: list[Flowable]) -> bytes:
    buffer = BytesIO()
    width, height = house_.page_size
    meta = _metadata(document)
    footer_style = house_.style("footer")
    headline = clean(document.headline or meta["title"] or "")
    footer_title = None
    if headline:
        limit = house_.frame_width * 0.62
        fitted = simpleSplit(headline, footer_style.fontName, footer_style.fontSize, limit)
        shown = fitted[0] + (" \u2026" if len(fitted) > 1 else "") if fitted else ""
        footer_title = Paragraph(builder.renderer.text(shown), footer_style)
        footer_title.wrap(limit, 20)

    def furniture(canvas: Canvas, doc: BaseDocTemplate) -> None:
        # Page furniture is marked as an artifact with empty ActualText, so text
        # extraction and copying (poppler, Acrobat) do not splice "Page 2 of 3" and
        # the running title into a sentence that crosses the page break.
        canvas.addLiteral("/Artifact <</Type /Pagination /Subtype /Footer>> BDC "
                          "/Span <</ActualText ()>> BDC")
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, FOOTER_Y + 11, width - MARGIN_X, FOOTER_Y + 11)
        label = "Page %d of " % canvas.getPageNumber()
        canvas.setFont(footer_style.fontName, footer_style.fontSize)
        canvas.setFillColor(footer_style.textColor)
        canvas.drawString(MARGIN_X, FOOTER_Y, label)
        canvas.translate(MARGIN_X + canvas.stringWidth(label), FOOTER_Y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        if footer_title is not None:
            footer_title.drawOn(canvas, width - MARGIN_X - house_.frame_width * 0.62,
                                FOOTER_Y - footer_title.height + footer_style.leading - 2)
        canvas.addLiteral("EMC EMC")

    def first_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas._pc_footer_font = (footer_style.fontName, footer_style.fontSize)
        canvas._pc_footer_color = footer_style.textColor
        canvas.showOutline()
        furniture(canvas, doc)

    frame = Frame(MARGIN_X, MARGIN_BOTTOM, house_.frame_width, house_.frame_height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(
        buffer, pagesize=(width, height), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=height - MARGIN_BOTTOM - house_.frame_height, bottomMargin=MARGIN_BOTTOM,
        title=meta["title"], author=meta["author"], subject=meta["subject"],
        keywords=meta["keywords"], creator="pressconv %s" % __version__,
        producer="pressconv %s (ReportLab)" % __version__,
        invariant=1 if context.deterministic else 0, lang=meta["lang"],
        initialFontName=footer_style.fontName, displayDocTitle=1,
    )
    doc.keepTogetherClass = KeepWithNext
    doc.addPageTemplates([
        PageTemplate("first", frames=[frame], onPage=first_page, autoNextPageTemplate="page"),
        PageTemplate("page", frames=[frame], onPage=furniture),
    ])
    if not story:
        story = [Spacer(1, 1)]
    try:
        doc.build(story, canvasmaker=_Canvas)
    except LayoutError as error:
        raise ConversionError("the PDF layout failed: %s" % str(error).splitlines()[0][:200],
                              hint="report this release to the pressconv maintainers; "
                                   "docx or text output still work") from error
    return buffer.getvalue()


def _metadata(document: Document) -> dict[str, Any]:
    meta = document.metadata

    def text(*keys: str) -> str:
        for key in keys:
            value = meta.get(key)
            if isinstance(value, (list, tuple)):
                value = ", ".join(str(v) for v in value if v is not None)
            if value not in (None, ""):
                return clean(str(value)).strip()[:1000]
        return ""

    author = text("author", "authors")
    if not author:
        author = next((clean(c.organization) for c in document.contacts if c.organization), "")
    language = document.language or text("lang", "language")
    return {
        "title": text("title") or clean(document.headline or "").strip()[:1000],
        "author": author,
        "subject": text("subject", "description", "summary")
        or clean(document.subheadline or "").strip()[:1000],
        "keywords": text("keywords", "tags"),
        "lang": language if language and _LANG.match(language) else None,
    }


# ---------------------------------------------------------------- walking


def _boiler_blocks(document: Document) -> tuple:
    return tuple(b for section in document.boilerplate for b in section.children)


def _walk(nodes: Iterable[Any], inlines: bool = True) -> Iterable[Any]:
    """Every node under ``nodes`` in reading order; without ``inlines``, blocks only."""
    stack = list(reversed(list(nodes)))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Table):
            if not inlines:
                continue
            children: tuple = tuple(c for row in (node.header, *node.rows) for c in row)
        elif isinstance(node, (BulletList, OrderedList)):
            children = node.items
        elif not inlines and not isinstance(node, (BlockQuote, FootnoteDefinition, ListItem)):
            continue
        else:
            children = getattr(node, "children", ())
        stack.extend(reversed(children))

"""The walk over a press-release Document that produces the body of the Word file.

The body comes out as one OOXML string (through :mod:`._ooxml`), which the
writer splices into the package unparsed, and so do the list instances of
numbering.xml; relationships for links, pictures and footnotes, and image
parts are added to the python-docx package as the walk meets them.  Every id
comes from the per-document allocators of :mod:`._ids` (python-docx's own
way rescans the package for each one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, NamedTuple

from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm

from ...errors import ConversionError
from ...htmltext import html_to_text
from ...model import (
    BlockQuote, BulletList, Code, CodeBlock, Contact, Document, Emphasis, Figure,
    FootnoteDefinition, FootnoteRef, Heading, HtmlBlock, Image, LineBreak, Link, OrderedList,
    Paragraph, QuotedSpeech, RawInline, SoftBreak, Strikethrough, Strong, Subscript,
    Superscript, Table, Text, ThematicBreak, Underline, plain_text,
)
from ...resources import WriteContext
from . import _ids, _ooxml
from .styles import LIST_INDENT, Template

DATELINE_DASH = " \u2013 "
LOGO_BOX = (Mm(60), Mm(18))  #: the largest a logo is drawn
EMU_PER_TWIP = _ooxml.EMU_PER_TWIP


class Fmt(NamedTuple):
    """Character formatting inherited down the inline tree."""

    style: str | None = None
    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    vert: str | None = None


PLAIN = Fmt()


class BodyBuilder:
    """Turns one Document into body XML, footnotes and relationships of one Word package."""

    def __init__(self, document: Document, context: WriteContext, word, template: Template,
                 scrub: _ooxml.Scrubber):
        self.doc = document
        self.scrub = scrub
        self.context = context
        self.ids = template.ids
        self.template = template
        self.document_part = word.part
        self._document_relations = _ids.Relations(word.part)
        #: where relationships go: the body's, or the footnotes part's
        self.relations = self._document_relations
        self._numbering_part = word.part.numbering_part
        self._numbers = _ids.ListNumbers(self._numbering_part.element)
        self._images: _ids.Images | None = None  # made at the first picture
        self.max_picture_width = template.text_width * EMU_PER_TWIP
        self._rprs: dict[Fmt, str] = {}
        self._shape_id = template.last_shape_id  # drawing ids must not repeat a header's
        self._definitions: dict[str, FootnoteDefinition] = {}
        self._used_labels: set[str] = set()
        self._open_labels: set[str] = set()
        self._notes: list[tuple[int, str]] = []
        self._footnotes_part: _ooxml.FootnotesPart | None = None
        self._footnote_relations: _ids.Relations | None = None
        self._inline_writers: dict[type, Callable[[object, Fmt], str]] = {
            Text: self._text, SoftBreak: self._soft_break, LineBreak: self._line_break,
            Emphasis: self._styled("italic"), Strong: self._styled("bold"),
            Underline: self._styled("underline"), Strikethrough: self._styled("strike"),
            Superscript: self._vertical("superscript"), Subscript: self._vertical("subscript"),
            Code: self._code, Link: self._link, Image: self._inline_image,
            FootnoteRef: self._footnote_ref, RawInline: self._raw, QuotedSpeech: self._quoted,
        }

    # -------------------------------------------------------------- layout

    def body(self) -> str:
        """The whole body in the canonical press layout order."""
        doc, ids, out = self.doc, self.ids, []
        for block in (*doc.body, *(b for section in doc.boilerplate for b in section.children)):
            if isinstance(block, FootnoteDefinition):
                self._definitions.setdefault(block.label, block)
        logo = self.context.option("logo")
        if logo:
            self._logo(str(logo), out)
        if doc.release is not None:
            out.append(_ooxml.paragraph(_ooxml.run(doc.release.text), ids["Release Line"]))
        if doc.headline:
            out.append(_ooxml.paragraph(_ooxml.run(doc.headline), ids["Headline"]))
        if doc.subheadline:
            out.append(_ooxml.paragraph(_ooxml.run(doc.subheadline), ids["Subheadline"]))
        for text in doc.front_matter_text:
            out.append(_ooxml.paragraph(_ooxml.run(text), ids["Subheadline"]))
        lead = self._lead_index()
        if doc.dateline is not None and doc.dateline.raw and lead is None:
            out.append(_ooxml.paragraph(self._dateline_runs(False), ids["Body Text"]))
        for index, block in enumerate(doc.body):
            if index == lead:
                out.append(self._paragraph(block.children, ids["Body Text"],
                                           prefix=self._dateline_runs(True)))
            else:
                self._block(block, out, ids["Body Text"])
        for section in doc.boilerplate:
            out.append(_ooxml.paragraph(_ooxml.run(section.title), ids["Boilerplate Heading"]))
            self._blocks(section.children, out, ids["Boilerplate"])
        for label, definition in self._definitions.items():
            if label not in self._used_labels:
                self._loose_note(definition, out)
        if doc.end_mark:
            out.append(_ooxml.paragraph(_ooxml.run(doc.end_mark), ids["End Mark"]))
        self._contacts(out)
        return "".join(out)

    def numbering(self) -> tuple[str, bytes] | None:
        """The part name and content of the numbering part, when the text has lists."""
        xml = self._numbers.part_xml()
        return None if xml is None else (self._numbering_part.partname, xml)

    def footnotes(self) -> tuple[_ooxml.FootnotesPart, list[tuple[int, str]]] | None:
        """The footnotes part and its notes, when the text referred to any."""
        if self._footnotes_part is None:
            return None
        return self._footnotes_part, self._notes

    def _lead_index(self) -> int | None:
        dateline = self.doc.dateline
        if dateline is None or dateline.lead is None or not dateline.raw:
            return None
        index = dateline.lead
        if 0 <= index < len(self.doc.body) and isinstance(self.doc.body[index], Paragraph):
            return index
        return None

    def _dateline_runs(self, with_dash: bool) -> str:
        runs = _ooxml.run(self.doc.dateline.raw, self._rpr(Fmt(style=self.ids["Dateline"])))
        return runs + _ooxml.run(DATELINE_DASH) if with_dash else runs

    def _logo(self, path: str, out: list[str]) -> None:
        """The house logo: a file the user named (not part of the release), so no sandbox."""
        try:
            data = Path(path).expanduser().read_bytes()
        except OSError as error:
            self.context.warn("logo %s cannot be read (%s); left out" % (path, error.strerror))
            return
        picture = self._embed(data, Path(path).name, path, "Logo", None, LOGO_BOX)
        if picture:
            out.append(_ooxml.paragraph(picture, self.ids["Logo"]))

    def _contacts(self, out: list[str]) -> None:
        ids = self.ids
        blocks = [_ooxml.paragraph(_ooxml.line_break().join(lines), ids["Contact"])
                  for lines in map(self._contact_lines, self.doc.contacts) if lines]
        if blocks:
            heading = self.doc.contacts_heading or "Media contacts"
            out.append(_ooxml.paragraph(_ooxml.run(heading), ids["Contacts Heading"]))
            out.extend(blocks)

    def _contact_lines(self, contact: Contact) -> list[str]:
        lines = []
        if contact.name:
            lines.append(_ooxml.run(contact.name, self._rpr(Fmt(bold=True))))
        for value in (contact.role, contact.organization, contact.phone):
            if value:
                lines.append(_ooxml.run(value))
        if contact.email and "@" in contact.email:
            lines.append(self._hyperlink("mailto:" + contact.email, _ooxml.run(
                contact.email, self._rpr(Fmt(style=self.ids["Hyperlink"])))))
        elif contact.email:  # obfuscated by its publisher: shown as written, not linked
            lines.append(_ooxml.run(contact.email, self._rpr(Fmt())))
        if contact.url:
            lines.append(self._hyperlink(contact.url, _ooxml.run(
                contact.url, self._rpr(Fmt(style=self.ids["Hyperlink"])))))
        return lines

    # -------------------------------------------------------------- blocks

    def _blocks(self, blocks, out: list[str], style: str) -> None:
        for block in blocks:
            self._block(block, out, style)

    def _block(self, block, out: list[str], style: str) -> None:
        ids = self.ids
        kind = type(block)
        if kind is Paragraph:
            out.append(self._paragraph(block.children, style))
        elif kind is Heading:
            level = min(max(block.level, 1), 6)
            out.append(self._paragraph(block.children, ids["heading %d" % level]))
        elif kind is BlockQuote:
            self._blocks(block.children, out, ids["Quote"])
            if block.attribution:
                out.append(_ooxml.paragraph(_ooxml.run("\u2014 " + block.attribution),
                                            ids["Quote Attribution"]))
        elif kind is BulletList or kind is OrderedList:
            self._list(block, out, 0)
        elif kind is Table:
            out.append(self._table(block))
        elif kind is CodeBlock:
            out.append(_ooxml.paragraph(_ooxml.run(block.text), ids["Code"]))
        elif kind is ThematicBreak:
            out.append(_ooxml.paragraph("", ids["Thematic Break"]))
        elif kind is Figure:
            self._figure(block.image, out)
        elif kind is FootnoteDefinition:
            if self._definitions.get(block.label) is not block:
                self._loose_note(block, out)
        elif kind is HtmlBlock:
            text = html_to_text(block.text)
            if text:
                out.append(_ooxml.paragraph(_ooxml.run(text), style))
        else:
            raise ConversionError("the DOCX writer cannot write a %s block" % kind.__name__)

    def _paragraph(self, inlines, style: str | None, prefix: str = "", **layout) -> str:
        return _ooxml.paragraph(prefix + self._inlines(inlines, PLAIN), style, **layout)

    def _list(self, node, out: list[str], level: int) -> None:
        ordered = isinstance(node, OrderedList)
        level = min(level, 8)
        # Word stores the start as a signed 32-bit number and shows nothing below 0
        start = min(max(node.start, 0), 2**31 - 1) if ordered else 1
        num_id = self._numbers.add(self.template.numbers if ordered else self.template.bullets,
                                   level, start)
        style = self.ids["List Paragraph"]
        loose = {} if node.tight else {"space_after": 120, "contextual": False}
        for item in node.items:
            mark = "" if item.checked is None else ("\u2612 " if item.checked else "\u2610 ")
            children = self._opening(item.children, out, style, _ooxml.run(mark) if mark else "",
                                     num=(num_id, level), **loose)
            for child in children:
                if isinstance(child, (BulletList, OrderedList)):
                    self._list(child, out, level + 1)
                elif isinstance(child, Paragraph):
                    out.append(self._paragraph(child.children, style,
                                               indent=LIST_INDENT * (level + 1), **loose))
                else:
                    self._block(child, out, style)

    def _table(self, table: Table) -> str:
        ids = self.ids
        columns = max(len(table.header), *(len(row) for row in table.rows), 1)
        widths = self._column_widths(table, columns)
        jcs = [table.align[i] if i < len(table.align) else None for i in range(columns)]

        def row(cells, style: str, header: bool = False) -> str:
            xml = []
            for i in range(columns):
                content = self._inlines(cells[i].children, PLAIN) if i < len(cells) else ""
                xml.append(_ooxml.table_cell(widths[i],
                                             _ooxml.paragraph(content, style, jc=jcs[i])))
            return _ooxml.table_row(xml, header)

        rows = [row(table.header, ids["Table Heading"], header=True)]
        rows.extend(row(cells, ids["Table Text"]) for cells in table.rows)
        # a paragraph after the table keeps the next table or heading from touching it
        return _ooxml.table(ids["Press Table"], widths, rows) + _ooxml.paragraph("", ids["Normal"])

    def _column_widths(self, table: Table, columns: int) -> list[int]:
        weights = [3] * columns
        for cells in (table.header, *table.rows):
            for i, cell in enumerate(cells[:columns]):
                weights[i] = max(weights[i], min(len(plain_text(cell.children)), 40))
        total = sum(weights)
        widths = [self.template.text_width * w // total for w in weights]
        widths[-1] += self.template.text_width - sum(widths)
        return widths

    def _figure(self, image: Image, out: list[str]) -> None:
        picture = self._picture(image)
        if picture is None:
            out.append(_ooxml.paragraph(self._placeholder(image, PLAIN), self.ids["Figure"]))
            return
        out.append(_ooxml.paragraph(picture, self.ids["Figure"]))
        if image.title:
            out.append(_ooxml.paragraph(_ooxml.run(image.title), self.ids["caption"]))

    # ------------------------------------------------------------ footnotes

    def _footnote_ref(self, node: FootnoteRef, fmt: Fmt) -> str:
        definition = self._definitions.get(node.label)
        if definition is None or node.label in self._open_labels:
            if definition is None:
                self.context.warn("footnote [^%s] has no text; shown as [%s]"
                                  % (node.label, node.label))
            return _ooxml.run("[%s]" % node.label, self._rpr(fmt._replace(vert="superscript")))
        self._used_labels.add(node.label)
        self._open_labels.add(node.label)
        outer_relations = self.relations
        if self._footnotes_part is None:
            self._footnotes_part = _ooxml.add_footnotes_part(self.document_part,
                                                             self._document_relations)
            self._footnote_relations = _ids.Relations(self._footnotes_part)
        self.relations = self._footnote_relations
        note_id = len(self._notes) + 1
        self._notes.append((note_id, ""))
        out: list[str] = []
        self._note(definition, out, _ooxml.footnote_mark(self.ids["footnote reference"]))
        self._notes[note_id - 1] = (note_id, "".join(out))
        self.relations = outer_relations
        self._open_labels.discard(node.label)
        return _ooxml.footnote_reference(note_id, self.ids["footnote reference"])

    def _loose_note(self, definition: FootnoteDefinition, out: list[str]) -> None:
        """A footnote no reference points to: kept as a small note where it stands."""
        self._note(definition, out, _ooxml.run("[%s] " % definition.label))

    def _note(self, definition: FootnoteDefinition, out: list[str], mark: str) -> None:
        style = self.ids["footnote text"]
        self._blocks(self._opening(definition.children, out, style, mark), out, style)

    def _opening(self, blocks, out: list[str], style: str, prefix: str, **layout) -> tuple:
        """The first paragraph of ``blocks`` with ``prefix`` (a mark, a number); the rest."""
        if blocks and isinstance(blocks[0], Paragraph):
            out.append(self._paragraph(blocks[0].children, style, prefix, **layout))
            return blocks[1:]
        out.append(_ooxml.paragraph(prefix, style, **layout))
        return blocks

    # -------------------------------------------------------------- inlines

    def _inlines(self, nodes, fmt: Fmt) -> str:
        writers = self._inline_writers
        out = []
        for node in nodes:
            writer = writers.get(type(node))
            if writer is None:
                raise ConversionError("the DOCX writer cannot write a %s inline"
                                      % type(node).__name__)
            out.append(writer(node, fmt))
        return "".join(out)

    def _rpr(self, fmt: Fmt) -> str:
        props = self._rprs.get(fmt)
        if props is None:
            props = self._rprs[fmt] = _ooxml.rpr(*fmt)
        return props

    def _text(self, node: Text, fmt: Fmt) -> str:
        return _ooxml.run(node.text, self._rpr(fmt))

    def _soft_break(self, node: SoftBreak, fmt: Fmt) -> str:
        return _ooxml.run(" ", self._rpr(fmt))

    def _line_break(self, node: LineBreak, fmt: Fmt) -> str:
        return _ooxml.line_break()

    def _styled(self, flag: str) -> Callable:
        def write(node, fmt: Fmt) -> str:
            return self._inlines(node.children, fmt._replace(**{flag: True}))
        return write

    def _vertical(self, position: str) -> Callable:
        def write(node, fmt: Fmt) -> str:
            return self._inlines(node.children, fmt._replace(vert=position))
        return write

    def _code(self, node: Code, fmt: Fmt) -> str:
        return _ooxml.run(node.text, self._rpr(fmt._replace(style=self.ids["Code Char"])))

    def _raw(self, node: RawInline, fmt: Fmt) -> str:
        text = html_to_text(node.text)
        return _ooxml.run(text, self._rpr(fmt)) if text else ""

    def _quoted(self, node: QuotedSpeech, fmt: Fmt) -> str:
        return self._inlines(node.children, fmt._replace(style=self.ids["Quotation"]))

    def _link(self, node: Link, fmt: Fmt) -> str:
        url = node.url.strip()
        if not url or url.startswith("#"):  # no target inside a Word file to jump to
            return self._inlines(node.children, fmt)
        content = self._inlines(node.children, fmt._replace(style=self.ids["Hyperlink"]))
        return self._hyperlink(url, content, node.title)

    def _hyperlink(self, url: str, content: str, title: str | None = None) -> str:
        rel_id = self.relations.relate(self.scrub(url), RT.HYPERLINK, is_external=True)
        return _ooxml.hyperlink(rel_id, content, title)

    def _inline_image(self, node: Image, fmt: Fmt) -> str:
        return self._picture(node) or self._placeholder(node, fmt)

    def _placeholder(self, image: Image, fmt: Fmt) -> str:
        text = "[Image: %s]" % image.alt if image.alt else "[Image]"
        return _ooxml.run(text, self._rpr(fmt))

    def _picture(self, image: Image) -> str | None:
        loaded = self.context.read_resource(image.url)
        if loaded is None:
            return None
        data, filename = loaded
        # at most the text width, and not so tall that a picture fills a page on its own
        box = (self.max_picture_width, self.max_picture_width * 3 // 5)
        return self._embed(data, filename, repr(image.url), image.alt, image.title, box)

    def _embed(self, data: bytes, filename: str, name: str, alt: str, title: str | None,
               box: tuple[int, int]) -> str | None:
        """A picture run scaled down into ``box`` (EMU), or None after a warning."""
        if self._images is None:
            self._images = _ids.Images(self.document_part.package)
        try:
            image_part = self._images.get_or_add(data)
        except Exception as error:  # python-docx raises bare Exception for truncated files
            kind = ("is not a PNG, JPEG, GIF, BMP or TIFF picture"
                    if isinstance(error, UnrecognizedImageError) else "cannot be read (%s)"
                    % (str(error).strip()[:80] or type(error).__name__))
            self.context.warn("image %s %s; shown as its alt text" % (name, kind))
            return None
        cx, cy = image_part.image.width, image_part.image.height
        if cx <= 0 or cy <= 0:
            self.context.warn("image %s has no size; shown as its alt text" % name)
            return None
        rel_id = self.relations.relate(image_part, RT.IMAGE)
        scale = min(1.0, box[0] / cx, box[1] / cy)
        self._shape_id += 1
        return _ooxml.picture(rel_id, int(cx * scale), int(cy * scale), self._shape_id,
                              filename, alt, title)

"""The DOCX writer: a Word file with named press styles a press office can send as is.

Options (``context.option``): ``reference_docx`` — a .docx/.dotx whose styles,
page setup, header and footer are used; without it the built-in template
follows the house style (``font``, ``heading_font``, ``font_size``,
``page_size``, ``margins``, ``text_color``, ``accent_color``).  Either way:
``header_text`` — a running header; ``footer_text`` — text before the page
numbers; ``logo`` — an image file set above the release line.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

import docx
from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.parts.hdrftr import HeaderPart

from ...errors import ConversionError
from ...model import Document
from ...resources import WriteContext
from .. import Writer
from . import _ooxml, _package, styles
from .builder import BodyBuilder

__all__ = ["DocxWriter"]

#: "Page X of Y" in the languages releases come in; English otherwise
PAGE_LABELS = {
    "de": ("Seite", "von"), "fr": ("Page", "sur"), "es": ("Página", "de"), "it": ("Pagina", "di"),
    "nl": ("Pagina", "van"), "pt": ("Página", "de"), "sv": ("Sida", "av"), "da": ("Side", "af"),
    "nb": ("Side", "av"), "no": ("Side", "av"), "pl": ("Strona", "z"), "cs": ("Strana", "z"),
}


class DocxWriter(Writer):
    """Writes a press release as a Word document (.docx)."""

    name = "docx"
    aliases = ("word",)
    suffixes = (".docx",)
    binary = True
    description = "Word document with named press-release styles"

    def write(self, document: Document, context: WriteContext) -> bytes:
        """The release as .docx bytes; warnings go to ``context``."""
        template = styles.load(context.option("reference_docx"),
                               styles.HouseStyle.from_options(context.option))
        word = docx.Document(io.BytesIO(template.data))
        scrub = _ooxml.Scrubber()
        header_text = scrub(str(context.option("header_text", "")))
        header_part = _new_header_part(word) if header_text else None
        builder = BodyBuilder(document, context, word, template, scrub)
        try:
            body_xml = scrub(builder.body())
        except RecursionError:
            raise ConversionError("the release nests lists, quotes or markup too deeply for a "
                                  "Word file", hint="flatten the nesting") from None
        footnotes = builder.footnotes()
        if footnotes is not None:
            part, notes = footnotes
            part.xml = scrub(_ooxml.footnotes_xml(notes).decode()).encode()
        _header_and_footer(word, document, context, template, scrub, header_text, header_part)
        _properties(word, document, context, scrub)
        if scrub.removed:
            context.warn("%d control character(s) that Word files cannot hold were removed"
                         % scrub.removed)
        blobs = {word.part.partname: _ooxml.document_xml(word.element, body_xml)}
        numbering = builder.numbering()
        if numbering is not None:
            blobs[numbering[0]] = numbering[1]
        return _package.save(word.part.package, context.deterministic, blobs)


def _new_header_part(word) -> HeaderPart | None:
    """A header part for the last section if it has none, made before the body is built.

    python-docx names a new part by walking every part of the package, searching
    a list of those seen for each (``OpcPackage.next_partname``): after the
    body's pictures, time quadratic in them.  Named now, it gets the same name;
    it is related to the document after the body (:func:`_header_and_footer`),
    so its relationship id is the one python-docx would have given it too.
    """
    if not word.sections[-1].header.is_linked_to_previous:
        return None
    return HeaderPart.new(word.part.package)


def _header_and_footer(word, document: Document, context: WriteContext,
                       template: styles.Template, scrub: _ooxml.Scrubber, header_text: str,
                       header_part: HeaderPart | None) -> None:
    section = word.sections[-1]
    footer_text = scrub(str(context.option("footer_text", "")))
    if template.own_footer or footer_text:
        page, of = PAGE_LABELS.get((document.language or "en").split("-")[0].lower(),
                                   ("Page", "of"))
        _replace_content(section.footer.part.element, _ooxml.page_x_of_y(
            template.ids["footer"], page, of, footer_text, template.text_width))
    if header_text:
        if header_part is not None:
            word.element.body.sectPr.add_headerReference(
                WD_HEADER_FOOTER.PRIMARY, word.part.relate_to(header_part, RT.HEADER))
        _replace_content(section.header.part.element, _ooxml.paragraph(
            _ooxml.run(header_text), template.ids["header"]))


def _replace_content(story, xml: str) -> None:
    for child in list(story):
        story.remove(child)
    story.extend(_ooxml.parse_blocks(xml))


def _properties(word, document: Document, context: WriteContext,
                scrub: _ooxml.Scrubber) -> None:
    """Core, extended (company) and custom (embargo) document properties."""
    metadata = document.metadata

    def clean(value: Any) -> str:
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        return scrub(" ".join(str(value or "").split()))[:255]  # Word's limit per property

    organization = clean(metadata.get("organization") or next(
        (c.organization for c in document.contacts if c.organization), None))
    core = word.core_properties
    core.title = clean(document.headline or metadata.get("title"))
    core.subject = clean(document.subheadline)
    core.author = core.last_modified_by = clean(metadata.get("author")) or organization
    core.keywords = clean(metadata.get("keywords"))
    core.category = "Press release"
    core.revision = 1
    if document.language:
        core.language = clean(document.language)
        _ooxml.set_language(word.styles.element, core.language)
    when = _release_date(document)
    if when is None and not context.deterministic:
        when = datetime.now(timezone.utc).replace(microsecond=0)
    if when is not None:
        core.created = core.modified = when
    package = word.part.package
    _package.replace_package_part(package, RT.EXTENDED_PROPERTIES, "/docProps/app.xml",
                                CT.OFC_EXTENDED_PROPERTIES,
                                _package.extended_properties(organization or None))
    release = document.release
    if release is not None and release.embargo:
        values: list[tuple[str, str | bool]] = [("Embargo", True),
                                                ("Release line", clean(release.text))]
        if release.until:
            values.append(("Embargoed until", clean(release.until)))
        _package.replace_package_part(package, RT.CUSTOM_PROPERTIES, "/docProps/custom.xml",
                                    _package.CUSTOM_PROPERTIES_TYPE,
                                    _package.custom_properties(values))


def _release_date(document: Document) -> datetime | None:
    date = document.dateline.date if document.dateline else None
    if not date:
        return None
    try:
        return datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return None

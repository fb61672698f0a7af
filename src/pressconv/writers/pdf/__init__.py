"""PDF writer: a typeset press release through ReportLab's platypus.

Modules: ``fonts`` (finding and registering TrueType faces, glyph fallback),
``styles`` (the house style), ``markup`` (inlines -> escaped ReportLab markup),
``blocks`` and ``tables`` (blocks -> flowables), ``flowables`` (the few custom
ones), ``document`` (the press layout, page furniture, metadata, outline).
ReportLab is imported only when a PDF is written.
"""

from __future__ import annotations

from ...model import Document
from ...resources import WriteContext
from .. import Writer


class PdfWriter(Writer):
    """A4 or Letter PDF with embedded TrueType fonts, outline, links and metadata.

    Options: ``page_size`` ("A4" or "Letter"), ``font`` (a .ttf path or an
    installed family name used for body and headings).
    """

    name = "pdf"
    suffixes = (".pdf",)
    binary = True
    description = "PDF (A4/Letter press layout, embedded fonts, outline, links)"

    def write(self, document: Document, context: WriteContext) -> bytes:
        """The document as PDF bytes; warnings go to ``context``."""
        from .document import render_pdf

        return render_pdf(document, context)


__all__ = ["PdfWriter"]

"""The full release as plain text: wrapped, readable in an e-mail or a terminal.

Options: ``width`` (default 72; 0 = one line per paragraph) and ``ascii``
(transliterate for systems that only take ASCII).
"""

from __future__ import annotations

from ..model import Document
from ..resources import WriteContext
from . import Writer
from ._plain import (
    Filler, PlainRenderer, flag_option, join_sections, warn_lost_characters, width_option,
)


class TextWriter(Writer):
    """Every block of the release in plain text, links numbered and listed at the end."""

    name = "text"
    aliases = ("txt", "plain")
    suffixes = (".txt",)
    binary = False
    description = "plain text, wrapped at width= (72; 0 = no wrap), ascii= to transliterate"

    def write(self, document: Document, context: WriteContext) -> str:
        filler = Filler(width_option(context, 72), flag_option(context, "ascii", False))
        render = PlainRenderer(filler)
        dateline, release = document.dateline, document.release
        sections: list[list[str]] = []
        if release:
            sections.append(render.fill(release.text))
        if document.headline:
            sections.append(render.underline(render.fill(document.headline), "="))
        if document.subheadline:
            sections.append(render.fill(document.subheadline))
        sections.extend(render.fill(text) for text in document.front_matter_text)
        lead = dateline.lead if dateline else None
        if lead is not None and not 0 <= lead < len(document.body):
            lead = None
        if dateline and dateline.raw and lead is None:
            sections.append(render.fill(dateline.raw))
        lead_prefix = dateline.raw + " \u2013 " if dateline and dateline.raw else ""
        sections.append(render.body(document.body, lead, lead_prefix))
        for section in document.boilerplate:
            sections.append(render.heading(2, section.title) + [""] + render.blocks(section.children))
        if document.end_mark:
            sections.append([render.centered(document.end_mark)])
        sections.append(render.contacts(document))
        sections.append(render.link_list())
        warn_lost_characters(filler, context)
        return join_sections(sections)


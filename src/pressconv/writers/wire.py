"""Wire copy: 69 columns, ASCII, a slug line, an AP-style dateline and ``###`` at the end.

Options: ``ascii`` (default true), ``wire_page_lines`` (a ``-more-`` line after
every N lines; off by default) and ``slug`` (the keyword line; by default the
first three key words of the headline).
"""

from __future__ import annotations


from .._regex_cache import cached_compile
from ..errors import ConfigError
from ..model import Document
from ..resources import WriteContext
from . import Writer
from ._ascii import to_ascii
from ._plain import (
    Filler, PlainRenderer, flag_option, join_sections, lead_index, warn_lost_characters,
)
from ._prose import ap_date

WIRE_WIDTH = 69  #: the line width of wire copy
SLUG_WORDS = 3  #: key words taken from the headline for the slug
_WORD = cached_compile(r"\w[\w'-]*")
_STOPWORDS = frozenset(
    "a an and the of to in on for with at by from as is are be its their our into over new "
    "der die das und den dem des ein eine einer mit fur von zu im am auf ist "
    "le la les et des du de un une pour avec au aux sur en dans "
    "el los las y del para con por una al".split())


class WireRenderer(PlainRenderer):
    """Body text the wire way: first lines indented, headings as plain lines."""

    paragraph_indent = "    "

    def heading(self, level: int, text: str, indent: str = "") -> list[str]:
        return self.fill(text, indent, indent)


class WireWriter(Writer):
    """The release as wire copy, ready for a newswire system."""

    name = "wire"
    suffixes = (".wire.txt",)
    binary = False
    description = "wire copy: 69 columns, ASCII, slug line, AP dateline, ###"

    def write(self, document: Document, context: WriteContext) -> str:
        filler = Filler(WIRE_WIDTH, flag_option(context, "ascii", True))
        render = WireRenderer(filler)
        sections: list[list[str]] = []
        if document.release:
            sections.append(render.fill(document.release.text.upper()))
        slug = context.option("slug") or slug_line(document.headline or "")
        if slug:
            sections.append(render.fill(str(slug).upper()))
        fill = render.fill
        sections.append(fill(document.headline or "") + fill(document.subheadline or "")
                        + [line for shown in document.front_matter_text for line in fill(shown)])
        dateline = wire_dateline(document)
        sections.append(render.body(document.body, lead_index(document), dateline + " "))
        for section in document.boilerplate:
            sections.append(render.heading(2, section.title) + render.blocks(section.children))
        sections.append(render.contacts(document))
        sections.append(render.link_list())
        sections.append([render.centered("###")])
        lines = join_sections(sections).split("\n")
        page = page_lines_option(context)
        if page:
            more = render.centered("-more-")
            paged: list[str] = []
            for number, line in enumerate(lines[:-1]):
                if number and number % page == 0:
                    paged.append(more)
                paged.append(line)
            lines = paged + [""]
        warn_lost_characters(filler, context)
        return "\n".join(lines)


def slug_line(headline: str) -> str:
    """The first key words of the headline in capitals, joined by hyphens."""
    words = [word.strip("'-") for word in _WORD.findall(to_ascii(headline))]
    keys = [word for word in words if word and not word.isdigit()  # "UN" stays, "un" goes
            and (word.lower() not in _STOPWORDS or word.isupper() and len(word) > 1)]
    return "-".join(keys[:SLUG_WORDS]).upper()


def wire_dateline(document: Document) -> str:
    """``VIENNA, Oct. 4, 2018 (OSCE) --``: place in capitals, AP date, the issuer when known."""
    dateline = document.dateline
    if dateline is None:
        return ""
    place = dateline.place or (dateline.raw if not dateline.date else None)
    parts = [part for part in ((place or "").upper(), ap_date(dateline.date)) if part]
    if not parts:
        return ""
    organization = document.metadata.get("organization") or document.metadata.get("organisation")
    if isinstance(organization, str) and organization.strip():
        parts[-1] += " (%s)" % organization.strip()
    return ", ".join(parts) + " --"


def page_lines_option(context: WriteContext) -> int:
    """The ``wire_page_lines`` option: lines per page before ``-more-``, 0 for none."""
    value = context.option("wire_page_lines", 0)
    try:
        lines = int(value) if not isinstance(value, bool) else -1
    except (TypeError, ValueError):
        lines = -1
    if lines < 0 or 0 < lines < 5:
        raise ConfigError("wire_page_lines must be 0 (no pages) or at least 5, not %r" % (value,))
    return lines

"""A one-screen briefing: what a reader needs from the release in thirty seconds.

Headline, subheadline, the dateline with the date written out, the first one
or two sentences of the lead, the quotes of the first three speakers (whole
sentences, about sixty words each, "…" where more was said) with the others
named after them, the contacts, an embargo warning when one applies, and a
last line with the word count and the source file.  Every sentence is taken
from the release; only the punctuation that closed a quote mid-sentence (``,``)
becomes a full stop.
"""

from __future__ import annotations

from pathlib import PurePath

from .._regex_cache import cached_compile
from ..model import Document, Quote, plain_text
from ..resources import WriteContext
from . import Writer
from ._plain import (
    WIDE, Filler, PlainRenderer, contact_fields, flag_option, join_sections, lead_index,
    warn_lost_characters, width_option,
)
from ._prose import sentences, written_date

LEAD_WORDS = 25  #: a first sentence shorter than this is followed by the second
QUOTE_SPEAKERS = 3  #: speakers whose words are quoted; later ones are named only
QUOTE_WORDS = 60  #: sentences of a speaker are taken while they stay within this (at least one)
_MARKS = {"de": ("\u201e", "\u201c"), "fr": ("\u00ab\u00a0", "\u00a0\u00bb")}
_LETTERS = cached_compile(r"[^\W\d_]{3}")


class BriefWriter(Writer):
    """Headline, dateline, lead, quotes with speakers and contacts on one screen."""

    name = "brief"
    suffixes = (".brief.txt",)
    binary = False
    description = "one-screen briefing: headline, dateline, lead, quotes with speakers, contacts"

    def write(self, document: Document, context: WriteContext) -> str:
        filler = Filler(width_option(context, 72), flag_option(context, "ascii", False))
        render = PlainRenderer(filler, numbered_links=False)
        fill = render.fill
        sections: list[list[str]] = []
        release = document.release
        if release and release.embargo:
            notice = release.text if "embargo" in release.text.lower() else "EMBARGO: " + release.text
            sections.append(fill(notice))
        sections.append(render.underline(fill(document.headline or ""), "=")
                        + fill(document.subheadline or "")
                        + [line for shown in document.front_matter_text for line in fill(shown)])
        sections.append(fill(dateline_text(document) or "") + fill(lead_text(document, render)))
        sections.append(quote_lines(document, render))
        if document.contacts:
            lines = fill(document.contacts_heading or "Media contacts")
            for contact in document.contacts:
                lines += fill(", ".join(contact_fields(contact)), "", "  ")
            sections.append(lines)
        sections.append(fill(footer(document)))
        warn_lost_characters(filler, context)
        return join_sections(sections)


def quote_lines(document: Document, render: PlainRenderer) -> list[str]:
    """Key quotes in their marks, quotes in a row from one speaker together, then the speaker.

    The first QUOTE_SPEAKERS speakers are quoted (their first sentences, up to
    QUOTE_WORDS); the release orders its voices by weight, so later speakers are
    listed by name.
    """
    opening, closing = _MARKS.get((document.language or "")[:2].lower(), ("\u201c", "\u201d"))
    groups: list[list[Quote]] = []
    for quote in document.quotes:
        last = groups[-1][-1] if groups else None
        if last is not None and last.speaker == quote.speaker and (
                quote.role is None or last.role is None or last.role == quote.role):
            # one voice: the role is usually given only with the first quote
            groups[-1].append(quote)
        else:
            groups.append([quote])
    lines: list[str] = []
    for number, group in enumerate(groups[:QUOTE_SPEAKERS]):
        if lines:
            lines.append("")
        # the first voice at length, the next ones shorter: the brief stays one screen
        budget = QUOTE_WORDS * (6 - number) // 6 if number < 2 else QUOTE_WORDS // 2  # 60, 50, 30
        lines += render.fill(" ".join(opening + text + closing for text in _key_sentences(group, budget)))
        speaker = ", ".join(part for part in (group[0].speaker, group[0].role) if part)
        if speaker:
            lines += render.fill("\u2014 " + speaker, "  ", "    ")
    later = groups[QUOTE_SPEAKERS:]
    if later:
        named = list(dict.fromkeys(g[0].speaker for g in later if g[0].speaker))
        count = sum(len(group) for group in later)
        note = "%d more quote%s in the release" % (count, "" if count == 1 else "s")
        lines += [""] + render.fill("(%s%s)" % (note, ": " + ", ".join(named) if named else ""))
    return lines


def _word_count(text: str) -> int:
    """Words, counting two Chinese or Japanese characters as one (they have no spaces)."""
    wide = len(WIDE.findall(text))
    return len(text.split()) + wide // 2


def _key_sentences(group: list[Quote], budget: int = QUOTE_WORDS) -> list[str]:
    """Each quote's text, cut to whole sentences once the group has said ``budget`` words."""
    out: list[str] = []
    words = 0
    omitted = False
    for quote in group:
        found = sentences(_quote_text(quote.text)) or [_quote_text(quote.text)]
        taken: list[str] = []
        for sentence in found:
            size = _word_count(sentence)
            if (taken or out) and words + size > budget:
                omitted = True
                break
            taken.append(sentence)
            words += size
        if taken:
            out.append(" ".join(taken))
        if omitted:
            out[-1] += " \u2026"  # more was said: in the full release
            break
    return out


def _quote_text(text: str) -> str:
    text = " ".join(text.split())
    return text[:-1] + "." if text[-1:] in (",", ";", ":", "\u060c", "\u061b") else text  # also Arabic ، ؛


def dateline_text(document: Document) -> str | None:
    """The dateline as written, with the date written out when the release gives none in words."""
    dateline = document.dateline
    if dateline is None:
        return None
    written = written_date(dateline.date, document.language)
    raw = (dateline.raw or "").strip()
    if not raw or written is None:
        return raw or written
    rest = raw.replace(dateline.place, "", 1) if dateline.place else raw
    if dateline.date[:4] not in rest:
        return "%s, %s" % (raw, written)
    if not _LETTERS.search(rest):
        return "%s (%s)" % (raw, written)
    return raw


def lead_text(document: Document, render: PlainRenderer) -> str:
    """The first sentence of the lead paragraph, and the second when the first is short."""
    index = lead_index(document)
    if index is None:
        return ""
    found = sentences(render.inline(document.body[index].children).replace("\n", " "))
    if len(found) > 1 and len(found[0].split()) < LEAD_WORDS:
        return " ".join(found[:2])
    return found[0] if found else ""


def footer(document: Document) -> str:
    """``412 words | source: release.md``: the length of the full release and where it came from."""
    parts = (document.headline, document.subheadline, *document.front_matter_text,
             document.dateline.raw if document.dateline else None, plain_text(document.body))
    words = sum(len(part.split()) for part in parts if part)
    line = "%d words" % words
    if document.source:
        line += " | source: %s" % PurePath(document.source).name
    return line

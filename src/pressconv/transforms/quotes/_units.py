"""The paragraphs a quote can stand in, quotes running over paragraphs, and wrapping them.

The quote transform reads every paragraph-like block (paragraphs in the body,
in block quotes, list items and footnotes; lines of leftover HTML blocks) as a
:class:`Unit` of plain text, pairs its quotation marks into :class:`Candidate`
stretches (joining a quote that runs over several paragraphs), and at the end
wraps the stretches it kept in :class:`QuotedSpeech` inlines.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import TYPE_CHECKING

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._regex_cache import cached_compile
from ...htmltext import html_to_text
from ...model import (
    BlockQuote, BulletList, Code, Document, FootnoteDefinition, Heading, HtmlBlock, Image,
    Inline, ListItem, OrderedList, Paragraph, QuotedSpeech, RawInline, Text, plain_text,
)
from .._inlines import split_inlines, wrap_range, wrap_ranges
from ._speech import DOUBLE, clean_text, scan, words

if TYPE_CHECKING:
    from ._speakers import Attribution

_IAL = cached_compile(r"\{:?[^{}\n]*\}")  # kramdown attribute lists: {:.img-fluid .my-4}
_OPENS_PARAGRAPH = cached_compile(r"\s*[\"“„«”]")  # a double mark opening a continued quote
_MAX_CONTINUED = 12  # paragraphs one quote may run over without a closing mark


@dataclass(slots=True)
class Unit:
    """One paragraph-like piece of text, in reading order."""

    text: str  #: analysis text, same length as plain_text of the inlines
    line: int | None
    path: tuple[int, ...] | None  #: where the Paragraph sits (None: not wrappable)
    container: tuple[int, ...] | None  #: path of the enclosing BlockQuote
    kind: str  #: "para", "html", "sub" or "heading"


@dataclass(slots=True)
class Candidate:
    """A quoted stretch, possibly over several paragraphs."""

    pieces: list[tuple[int, int, int, int, int]]  #: (unit, wrap start, wrap end, inner start, inner end)
    family: str = DOUBLE  #: DOUBLE or SINGLE marks
    speech: bool = False  #: judged direct speech
    attribution: Attribution | None = None  #: who it is attributed to, as found
    after: Attribution | None = None  #: the attribution right after the closing mark
    dash_at: int | None = None  #: offset of an inline "- Name" attribution after the quote
    speaker: str | None = None  #: the resolved speaker
    role: str | None = None  #: the speaker's role
    text: str = ""  #: the words inside the marks, cleaned
    marked: bool = True  #: False for a block quote without quotation marks
    extra: dict = field(default_factory=dict)  #: flags: opens, unclosed, inherited, dash_unit

    @property
    def unit(self) -> int:
        return self.pieces[0][0]

    @property
    def last_unit(self) -> int:
        return self.pieces[-1][0]


def _analysis_text(children: tuple[Inline, ...]) -> str:
    """plain_text with image alt text and kramdown attribute lists blanked (same length)."""
    parts: list[str] = []
    for node in children:
        if isinstance(node, Image):
            parts.append(" " * len(node.alt))
        elif isinstance(node, (Code, RawInline)):
            parts.append(" " * len(node.text))  # quotes in code or markup are not speech
        elif hasattr(node, "children") and not isinstance(node, Text):
            parts.append(_analysis_text(node.children))  # type: ignore[attr-defined]
        else:
            parts.append(plain_text(node))
    text = "".join(parts)
    return _IAL.sub(lambda m: " " * len(m.group()), text)


def _collect(blocks, path: tuple[int, ...], container, units: list[Unit]) -> None:
    for index, block in enumerate(blocks):
        here = path + (index,)
        if isinstance(block, Paragraph):
            units.append(Unit(_analysis_text(block.children), block.line, here, container, "para"))
        elif isinstance(block, Heading):
            units.append(Unit(plain_text(block.children), block.line, None, container, "heading"))
        elif isinstance(block, BlockQuote):
            _collect(block.children, here, here, units)
        elif isinstance(block, (BulletList, OrderedList)):
            for item_index, item in enumerate(block.items):
                _collect(item.children, here + (item_index,), container, units)
        elif isinstance(block, FootnoteDefinition):
            _collect(block.children, here, container, units)
        elif isinstance(block, HtmlBlock):
            for line in html_to_text(block.text).split("\n"):
                if line.strip():
                    units.append(Unit(line, block.line, None, container, "html"))


def pieces_of(units: list[Unit]) -> list[Candidate]:
    """Paired marks per unit, and quotes running over several paragraphs joined."""
    candidates: list[Candidate] = []
    pending: Candidate | None = None
    pending_german = False

    def finish_pending(candidate: Candidate) -> None:
        unit, start, _, inner, _ = candidate.pieces[0]
        text = units[unit].text
        opener_leads = not text[:start].strip() or text[:start].rstrip().endswith(":")
        if opener_leads and len(words(text[inner:])) >= 6 and len(candidate.pieces) == 1:
            candidate.pieces[0] = (unit, start, len(text.rstrip()), inner, len(text.rstrip()))
            candidate.extra["unclosed"] = True
            candidates.append(candidate)

    for ui, unit in enumerate(units):
        if unit.kind == "heading":
            if pending is not None:
                finish_pending(pending)
                pending = None
            continue
        marks = scan(unit.text)
        found = list(marks.spans)
        orphans = list(marks.orphans)
        unclosed = list(marks.unclosed)
        if pending is not None:
            previous = units[pending.last_unit]
            adjacent = (pending.last_unit == ui - 1 and unit.kind == previous.kind
                        and unit.container == previous.container)
            lead = _OPENS_PARAGRAPH.match(unit.text)
            opener_at = lead.end() - 1 if lead else None
            if adjacent and opener_at is not None and found and found[0].start == opener_at \
                    and found[0].family == DOUBLE:
                span = found.pop(0)
                pending.pieces.append((ui, span.start, span.end, span.start + 1, span.end - 1))
                candidates.append(pending)
                pending = None
                orphans = [o for o in orphans if o > span.end]
            elif adjacent and opener_at is not None and unclosed and unclosed[0] == opener_at:
                end = len(unit.text.rstrip())
                pending.pieces.append((ui, opener_at, end, opener_at + 1, end))
                unclosed = []
                if len(pending.pieces) > _MAX_CONTINUED:
                    pending = None
                continue
            elif adjacent and pending_german and opener_at is None and not unclosed:
                if orphans:
                    close = orphans.pop(0)
                    pending.pieces.append((ui, 0, close + 1, 0, close))
                    candidates.append(pending)
                    pending = None
                    found = [s for s in found if s.start > close]
                elif len(pending.pieces) < _MAX_CONTINUED:
                    end = len(unit.text.rstrip())
                    pending.pieces.append((ui, 0, end, 0, end))
                    continue
                else:
                    finish_pending(Candidate([pending.pieces[0]]))
                    pending = None
            else:
                finish_pending(Candidate([pending.pieces[0]]))
                pending = None
        if unclosed:
            opener = unclosed[0]
            found = [s for s in found if s.start < opener]
            end = len(unit.text.rstrip())
            if end > opener + 1 and unit.kind != "sub":
                pending = Candidate([(ui, opener, end, opener + 1, end)])
                before = unit.text[:opener]
                pending_german = not before.strip() or before.rstrip().endswith(":")
        for span in found:
            candidates.append(Candidate([(ui, span.start, span.end, span.start + 1, span.end - 1)],
                                         span.family))
    if pending is not None:
        finish_pending(Candidate([pending.pieces[0]]))
    candidates.sort(key=lambda c: (c.unit, c.pieces[0][1]))
    return candidates


def text_of(candidate: Candidate, units: list[Unit]) -> str:
    parts = [clean_text(units[u].text[a:b]) for u, _, _, a, b in candidate.pieces]
    if candidate.pieces and not candidate.marked:
        parts = [p.strip("\"“”„«»") for p in parts]
    return "\n\n".join(p for p in parts if p)


def collect_units(document: Document) -> list[Unit]:
    units: list[Unit] = []
    if document.subheadline:
        units.append(Unit(document.subheadline, None, None, None, "sub"))
    _collect(document.body, (), None, units)
    return units


@dataclass(slots=True)
class _Edits:
    wraps: dict[tuple[int, ...], list[tuple[int, int, int]]] = field(default_factory=dict)
    cut_at: dict[tuple[int, ...], int] = field(default_factory=dict)
    drop: set[tuple[int, ...]] = field(default_factory=set)
    attribution: dict[tuple[int, ...], str] = field(default_factory=dict)


def _edits(units: list[Unit], speech: list[Candidate]) -> _Edits:
    edits = _Edits()
    by_container: dict[tuple[int, ...], list[Candidate]] = {}
    for number, candidate in enumerate(speech):
        for u, a, b, _, _ in candidate.pieces:
            path = units[u].path
            if path is not None:
                edits.wraps.setdefault(path, []).append((a, b, number))
        container = units[candidate.unit].container
        if container is not None:
            by_container.setdefault(container, []).append(candidate)
    for container, members in by_container.items():
        speakers = {c.speaker for c in members}
        if len(speakers) != 1 or None in speakers:
            continue
        first = members[0]
        label = first.speaker + (", " + first.role if first.role else "")
        for candidate in members:
            path = units[candidate.last_unit].path
            if candidate.dash_at is not None and path is not None:
                edits.cut_at[path] = candidate.dash_at
            dash_unit = candidate.extra.get("dash_unit")
            if dash_unit is not None and units[dash_unit].path is not None \
                    and units[dash_unit].container == container:
                edits.drop.add(units[dash_unit].path)  # type: ignore[arg-type]
        edits.attribution[container] = label
    return edits


def rebuild(body, units: list[Unit], speech: list[Candidate]):
    edits = _edits(units, speech)
    return _rebuild_blocks(body, (), edits)


def _rebuild_blocks(blocks, path: tuple[int, ...], edits: _Edits):
    out = []
    for index, block in enumerate(blocks):
        here = path + (index,)
        if here in edits.drop:
            continue
        if isinstance(block, Paragraph) and (here in edits.wraps or here in edits.cut_at):
            children = block.children
            cut = edits.cut_at.get(here)
            if cut is not None:
                children = _trim_end(split_inlines(children, cut)[0])
            wraps = sorted(edits.wraps.get(here, ()))
            if all(a[1] <= b[0] for a, b in zip(wraps, wraps[1:])):
                children = wrap_ranges(children, wraps, QuotedSpeech)
            else:  # nested stretches: the inner one first, then the outer around it
                for start, end, number in reversed(wraps):
                    children = wrap_range(children, start, end,
                                          lambda inner, n=number: QuotedSpeech(inner, n))
            block = dataclasses.replace(block, children=children)
        elif isinstance(block, BlockQuote):
            children = _rebuild_blocks(block.children, here, edits)
            block = dataclasses.replace(block, children=children,
                                        attribution=edits.attribution.get(here, block.attribution))
        elif isinstance(block, (BulletList, OrderedList)):
            items = tuple(ListItem(_rebuild_blocks(item.children, here + (i,), edits), item.checked)
                          for i, item in enumerate(block.items))
            block = dataclasses.replace(block, items=items)
        elif isinstance(block, FootnoteDefinition):
            block = dataclasses.replace(block, children=_rebuild_blocks(block.children, here, edits))
        out.append(block)
    return tuple(out)


def _trim_end(children: tuple[Inline, ...]) -> tuple[Inline, ...]:
    items = list(children)
    while items and isinstance(items[-1], Text) and not items[-1].text.strip():
        items.pop()
    if items and isinstance(items[-1], Text):
        items[-1] = Text(items[-1].text.rstrip())
    return tuple(items)

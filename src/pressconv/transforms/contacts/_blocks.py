"""Where the media-contact block is: the blocks it takes and the text units to read contacts from.

A block starts at a contact heading (``## Media contacts``), at a label line
in a paragraph (``Media Contact``, ``**Kontakt**``, ``Contacts Presse :``) or
an inline label (``CONTACT: Rob Nichols at ...``, ``Presseanfragen bitte an
...``), and goes on over the following blocks while they hold an e-mail or
phone, or are short lines (a name, a sub-heading) followed by one.  Without
any label, a short sentence that offers the press an e-mail or phone counts.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Sequence

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon
from ...htmltext import html_to_text
from ...model import (
    Block, BlockQuote, BulletList, CodeBlock, Heading, HtmlBlock, Image, Inline, LineBreak, Link,
    OrderedList, Paragraph, SoftBreak, Table, Text, ThematicBreak, plain_text,
)
from ._fields import is_name
from ._means import Means, find_means
from ._words import LABEL, MEANS_LABELS, OTHER_DESK, PRESS_WORD, ROLE_WORDS, is_label
from .._inlines import split_inlines

_COLON = cached_compile(r"[:：]")
# a label inside a line: "FOR IMMEDIATE RELEASE: February 17, 2004 CONTACT: Rob Nichols"
INNER_LABEL = cached_compile(r"(?<!\w)(?<!investor\s)(?<!investors\s)(?<!analyst\s)(?<!shareholder\s)"
                             r"(?:(?:media|press|editorial)\s+)?(?:contacts?|kontakte?|contactos?|"
                             r"contatti|pressekontakt|контакты)(?:\s+(?:presse|de\s+prensa|stampa))?\s*[:：]", re.I)
# a sentence that hands over to the contact: "Presseanfragen bitte an Jana Vogel, ..."
_LEAD_SENTENCE = cached_compile(r"[*_\s]*(?:[\w ]+\s)?(?:presseanfragen|medienanfragen|rückfragen|inquiries|enquiries)"
                                r"\s+(?:bitte\s+)?(?:an|to)\b", re.I)
# a label and an invitation opening a sentence: "For more information, contact Jane Doe at …"
_INVITED = lazy_compile(r"[*_\s]*(?:%s)\s*,?\s*(?:%s)\s+" % (LABEL, lexicon.fragments("contacts", "invites")), re.I)
# the same, ending right before a capitalised word: the invitation that reaches the name
# ("… kunt u contact opnemen met Jan de Vries", not "… contact" of another language)
_INVITED_NAME = lazy_compile(_INVITED.pattern + r"(?=[*_\[]*(?-i:[A-ZÀ-ÖØ-Þ]))", re.I)
_QUICK_MEANS = cached_compile(r"@|[\[({<]\s*(?:at|@)\s*[\])}>]|\s(?:at|AT)\s|(?:\d[^\d\n]{0,3}){6}")
_SENTENCE = cached_compile(r"[a-zäöüéèàíóúñ]{3,}[.!?]\s+[A-ZÄÖÜÉ]")
_HREF_MAILTO = cached_compile(r"""href\s*=\s*["']?(mailto:[^"'\s>]+)""", re.I)
# a table's column headers and the field each names ("Agency" -> organization)
_COLUMNS = lexicon.table("contacts", "column_labels")
_FIELD_NAMES = {"name": "Name", "organization": "Organization", "role": "Role"}
_MAX_BLOCKS = 12
_MAX_DEPTH = 6


@dataclass(slots=True)
class Unit:
    """A run of text to read contacts from: a paragraph, a list item, a table row."""

    text: str  #: the text, line breaks as newlines, offsets as ``plain_text`` counts them
    hidden: list[tuple[int, int, str]] = field(default_factory=list)  #: link text spans and targets
    line: int | None = None  #: source line, for messages
    _means: list[Means] | None = None

    def means(self, regions: Sequence[str]) -> list[Means]:
        """The e-mails, phones and web addresses in the unit (computed once)."""
        if self._means is None:
            self._means = find_means(self.text, self.hidden, regions)
        return self._means

    def glued(self) -> bool:
        """Shows text run together where a page's line breaks were lost (a label or an
        address run into a word)."""
        return _GLUE_SIGN.search(self.text) is not None

    def unglued(self) -> Unit:
        """The unit with line breaks put back where copying from a web page dropped them
        ("Paul FoisyAI Era Corp.X: @acmeEmail: ir@acme.comTel: (914) 864 0313"): call it
        for the units of a block in which one unit is ``glued``."""
        cuts = sorted({m.start() for m in _GLUE_CUT.finditer(self.text)
                       if not _inside_address(self.text, m.start())} | set(_address_cuts(self.text)))
        if not cuts:
            return self
        parts, last = [], 0
        for cut in cuts:
            parts.append(self.text[last:cut])
            last = cut
        parts.append(self.text[last:])
        shift = [sum(1 for c in cuts if c <= offset) for offset in range(len(self.text) + 1)]
        # an address the Markdown reader linked with the glued word ("ir@acme.comTel") is read
        # again from the text; other links keep their targets
        hidden = [(a + shift[a], b + shift[min(b, len(self.text))], t) for a, b, t in self.hidden
                  if not (any(a < c < b for c in cuts)
                          and t.removeprefix("mailto:") == self.text[a:b])]
        return Unit("\n".join(parts), hidden, self.line)

    def tail(self, start: int) -> Unit:
        """The unit from offset ``start`` on."""
        return Unit(self.text[start:], [(a - start, b - start, t) for a, b, t in self.hidden if a >= start],
                    self.line)

    def head(self, end: int) -> Unit:
        """The unit up to offset ``end``."""
        return Unit(self.text[:end], [h for h in self.hidden if h[1] <= end], self.line)


# Text run together when a page's line breaks were lost: a label glued to the word before it
# ("GroupEmail:", "comTel:"), an address running into the next word ("acme.comTel").
_GLUED_LABELS = "|".join(sorted((re.escape(w) for w in MEANS_LABELS if len(w) > 1 and " " not in w),
                                key=lambda w: (-len(w), w)))
_GLUE_SIGN = lazy_compile(r"(?<=[a-z])(?:%s)\s*:|@[\w-]+\.[a-z]{2,}(?=[A-Z][a-z])"
                          r"|(?<=[a-z]{3})[A-Z]{2,}[a-z]{3,}[\w.+-]*@" % _GLUED_LABELS.replace("x|", ""))
_GLUE_CUT = lazy_compile(  # case matters: the cuts are where lower case meets upper
    r"(?<=[a-z])(?=[A-Z])(?=(?i:%s)\s*:)"         # "…GroupEmail:" → "…Group" / "Email:"
    r"|(?<=[a-z]{3})(?=[A-Z])"                   # "FoisyAI", "IntelagenTom": camel case
    r"|(?<=[A-Z]{2})(?=[a-z]{3,}[\w.+-]*@)"       # "CEOinvestors@acme.ai"
    r"|(?<=\.[a-z]{2})(?=[A-Z][a-z])|(?<=\.[a-z]{3})(?=[A-Z][a-z])" % _GLUED_LABELS)  # "acme.comTel"


_GLUED_ADDRESS = lazy_compile(r"(?P<local>[\w.+-]+)@(?P<domain>[\w-]+)\.")


def _address_cuts(text: str) -> list[int]:
    """Where a word run into an e-mail address ends: the organisation's name written as in
    the domain ("WorkSpansam.gong@workspan.com"), or a role ("Officercontactus@acme.com")."""
    cuts = []
    for found in _GLUED_ADDRESS.finditer(text):
        local, domain = found.group("local"), found.group("domain").lower()
        if local.islower() or not local[:1].isupper():
            continue
        start = found.start()
        if local.lower().startswith(domain) and len(local) > len(domain) and local[:len(domain)] != local[:len(domain)].lower():
            cuts.append(start + len(domain))
            continue
        head = re.match(r"[A-Z][a-z]+(?=[a-z])", local)
        if head:
            for end in range(len(head.group()), 2, -1):
                if local[:end].lower() in ROLE_WORDS:
                    cuts.append(start + end)
                    break
    return cuts


def _inside_address(text: str, at: int) -> bool:
    """A cut that would fall in the domain of an e-mail address or inside a web address
    (the end of an address's domain is where the next word may start)."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [found for found in (text.find(" ", at), text.find("\n", at)) if found != -1]
    word, before = text[start:min(ends, default=len(text))], text[start:at]
    at_sign = before.find("@", 1)  # "@handle" opening the word is no address
    return "://" in word or (at_sign > 0 and not re.search(r"\.[a-z]{2,3}$", before))


@dataclass(slots=True)
class Found:
    """A contact block: where it is, its heading, and the text units to read."""

    start: int  #: first block taken
    end: int  #: one past the last block taken
    heading: str | None  #: the heading or label text, as written
    units: list[Unit]  #: the text to read contacts from
    keep: tuple[Inline, ...] | None = None  #: what stays of the first block when cut mid-way
    labelled: bool = True  #: False for a sentence found without any label


# ---------------------------------------------------------------- text units


def render(children: Sequence[Inline]) -> tuple[str, list[tuple[int, int, str]]]:
    """Text of inlines (breaks as newlines, same offsets as ``plain_text``) and their link targets."""
    parts: list[str] = []
    hidden: list[tuple[int, int, str]] = []
    _render(children, parts, hidden, 0)
    return "".join(parts), hidden


def _render(children: Sequence[Inline], parts: list[str], hidden: list[tuple[int, int, str]],
            pos: int) -> int:
    for node in children:
        if isinstance(node, (SoftBreak, LineBreak)):
            parts.append("\n")
            pos += 1
        elif isinstance(node, Link):
            start = pos
            pos = _render(node.children, parts, hidden, pos)
            hidden.append((start, pos, node.url))
        elif hasattr(node, "children"):
            pos = _render(node.children, parts, hidden, pos)  # type: ignore[attr-defined]
        else:
            text = node.alt if isinstance(node, Image) else plain_text(node)
            parts.append(text)
            pos += len(text)
    return pos


def units_of(block: Block, depth: int = 0) -> list[Unit]:
    """The text units of one block (lists and quotes nested deeper than a contact block are skipped)."""
    if isinstance(block, (Paragraph, Heading)):
        text, hidden = render(block.children)
        return [Unit(text, hidden, block.line)]
    if depth > _MAX_DEPTH:
        return []
    if isinstance(block, (BulletList, OrderedList)):
        items = ([u for child in item.children for u in units_of(child, depth + 1)] for item in block.items)
        return [_join(units, block.line) for units in items if units]
    if isinstance(block, Table):
        return _table_units(block)
    if isinstance(block, HtmlBlock):
        text = html_to_text(block.text)
        targets = _HREF_MAILTO.findall(block.text)
        return [Unit(text, [(len(text), len(text), t) for t in targets], block.line)] if text else []
    if isinstance(block, CodeBlock):
        return [Unit(block.text, [], block.line)]
    if isinstance(block, BlockQuote):
        return [u for child in block.children for u in units_of(child, depth + 1)]
    return []


def _table_units(table: Table, headed: bool = False) -> list[Unit]:
    """One unit per row; with field headers (Name | Phone | E-mail) each cell is labelled.

    ``headed``: the header is known to be labels ("Media contact | Company | E-mail"):
    it is never a contact, and only its field names label the cells.
    """
    labels = [plain_text(c.children).strip(" :") for c in table.header]
    fields = [_FIELD_NAMES[_COLUMNS[label.lower()]] if label.lower() in _COLUMNS
              else label if label.lower() in MEANS_LABELS else "" for label in labels]
    keyed = headed or sum(1 for label in fields if label) >= 2
    if headed:
        labels = fields
    out = []
    for row in table.rows if keyed else (table.header, *table.rows):
        cells = []
        for number, cell in enumerate(row):
            text, hidden = render(cell.children)
            if keyed and number < len(labels) and labels[number]:
                shift = len(labels[number]) + 2
                text = "%s: %s" % (labels[number], text)
                hidden = [(a + shift, b + shift, t) for a, b, t in hidden]
            cells.append(Unit(text, hidden))
        out.append(_join(cells, table.line))
    return out


def _join(units: list[Unit], line: int | None) -> Unit:
    text, hidden = "", []
    for unit in units:
        if text:
            text += "\n"
        hidden.extend((a + len(text), b + len(text), t) for a, b, t in unit.hidden)
        text += unit.text
    return Unit(text, hidden, units[0].line or line)


def has_means(unit: Unit, regions: Sequence[str]) -> bool:
    """True when the unit holds an e-mail address or phone number."""
    if not _QUICK_MEANS.search(unit.text) and not any(
            t.lower().startswith("mailto:") for _, _, t in unit.hidden):
        return False
    return any(m.kind in ("email", "phone") for m in unit.means(regions))


def _has_any(units: list[Unit], regions: Sequence[str]) -> bool:
    return any(has_means(u, regions) for u in units)


def _short(unit: Unit) -> bool:
    lines = [line for line in unit.text.split("\n") if line.strip()]
    return 0 < len(lines) <= 4 and len(unit.text) <= 240 and not _SENTENCE.search(unit.text) \
        and all(len(line) <= 90 for line in lines)


def _only_links(block: Block) -> bool:
    if isinstance(block, HtmlBlock):
        return "<a" in block.text.lower()
    if not isinstance(block, Paragraph):
        return False
    rest = tuple(c for c in block.children if not isinstance(c, (Link, LineBreak, SoftBreak)))
    return not plain_text(rest).strip(" |\u00a0\n")


# ------------------------------------------------------------------ finding


def find_blocks(blocks: Sequence[Block], regions: Sequence[str]) -> list[Found]:
    """Every labelled contact block in a sequence of blocks."""
    found: list[Found] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        hit: Found | None = None
        if isinstance(block, Heading) and is_label(plain_text(block.children)):
            units, end = _follow(blocks, index + 1, regions, False, block.level)
            if units:
                hit = Found(index, end, clean(plain_text(block.children)), units)
        elif isinstance(block, (Paragraph, HtmlBlock, Heading)):
            hit = _in_paragraph(blocks, index, regions)  # a heading too: "### Contact presse: x@y.fr"
        elif isinstance(block, Table):
            hit = _labelled_table(block, index, regions)
        elif isinstance(block, (BulletList, OrderedList)) and block.items:
            hit = _labelled_list(block, index, regions)
        if hit is not None:
            found.append(hit)
            index = max(hit.end, index + 1)
        else:
            index += 1
    return found


def _labelled_list(block: BulletList | OrderedList, index: int, regions: Sequence[str]) -> Found | None:
    """A list whose first item opens with a contact label: "- Contacto de Prensa: Cristina D.",
    "- Correo electrónico: …", "- Teléfono móvil: …"."""
    units = units_of(block)
    if not units:
        return None
    first = units[0].text
    colon = _COLON.search(first)
    if colon is None or not is_label(first[:colon.start()]) or not _has_any(units, regions):
        return None
    return Found(index, index + 1, clean(first[:colon.end()]), [_join(units, block.line)])


def _labelled_table(table: Table, index: int, regions: Sequence[str]) -> Found | None:
    """A table whose header names it a contact table ("Media contact | E-mail | Phone")."""
    labels = [clean(plain_text(cell.children)) for cell in table.header]
    label = next((text for text in labels if text and is_label(text)), None)
    if label is None:
        return None
    units = _table_units(table, headed=True)
    return Found(index, index + 1, label, units) if _has_any(units, regions) else None


def _people_table(table: Table) -> bool:
    """A table whose header names a person's column and a phone or e-mail column."""
    labels = [plain_text(c.children).strip(" :*_").lower() for c in table.header]
    fields = {_COLUMNS.get(label) for label in labels}
    return "name" in fields and any(label in MEANS_LABELS for label in labels)


def find_sentences(blocks: Sequence[Block], regions: Sequence[str]) -> list[Found]:
    """Short paragraphs that offer the press an e-mail or phone (used when nothing is labelled):
    one that speaks to the press, one right after a wire release's "SOURCE: Acme" line, or
    a press desk's address standing alone ("presse@acme.fr")."""
    found = []
    after_source = False
    for index, block in enumerate(blocks):
        if isinstance(block, Table) and _people_table(block):
            units = _table_units(block)
            if _has_any(units, regions):  # Name | Phone | E-mail without a label above it
                found.append(Found(index, index + 1, None, units, labelled=False))
            continue
        if isinstance(block, Paragraph):
            unit = units_of(block)[0]
            sourced = after_source or bool(_SOURCE.match(unit.text) and "\n" in unit.text.strip())
            after_source = bool(_SOURCE.fullmatch(unit.text.strip()))
            if len(unit.text) <= 500 and has_means(unit, regions) and (
                    PRESS_WORD.search(unit.text) or sourced or _desk_mailbox(unit) or _card(unit, regions)):
                found.append(Found(index, index + 1, None, [unit], labelled=False))
    return found


# "SOURCE: Acme Corp." closes a wire release; the contact follows it
_SOURCE = cached_compile(r"[*_\s]*(?:%s)\s*[:：][^\n]{1,80}" % "|".join(
    sorted(lexicon.words("contacts", "source_labels"))), re.I)
_MAILBOXES = lexicon.words("contacts", "desk_mailboxes")


def _card(unit: Unit, regions: Sequence[str]) -> bool:
    """A paragraph that is only a contact card: a name (and an organisation) with a phone and
    an e-mail address, no sentence ("**Xilinx** Silvia E. Gianelli (408) 626-4328 silvia@…")."""
    means = [m for m in unit.means(regions) if m.kind in ("email", "phone")]
    if {m.kind for m in means} != {"email", "phone"}:
        return False
    rest, last = [], 0
    for m in means:
        rest.append(unit.text[last:m.start])
        last = m.end
    rest.append(unit.text[last:])
    words = " ".join(rest).replace("|", " ").split()
    if not 2 <= len(words) <= 10 or _SENTENCE.search(" ".join(words) + " X"):
        return False
    return any(is_name(" ".join(words[i:i + size])) for size in (2, 3) for i in range(len(words) - size + 1))


def _desk_mailbox(unit: Unit) -> bool:
    """A paragraph that is only a press desk's address: "presse@acme.fr", "[contact@x.org](mailto:…)"."""
    text = unit.text.strip(" .\u00a0\n")
    if " " in text or text.count("@") != 1:
        return False
    return text.split("@")[0].lower() in _MAILBOXES


def _follow(blocks: Sequence[Block], start: int, regions: Sequence[str], have: bool,
            level: int | None = None) -> tuple[list[Unit], int]:
    """The contact units in the blocks from ``start`` on, and the index after the last one taken.

    Blocks are taken while they hold a means of contact, or are short lines
    (a name, a sub-heading deeper than ``level``) followed by one; the first
    short block after a label is taken even alone (a contact without means).
    """
    taken: list[Unit] = []
    end = index = start
    skipped = 0
    while index < len(blocks) and index - start < _MAX_BLOCKS:
        block = blocks[index]
        if isinstance(block, ThematicBreak) or (
                isinstance(block, Heading) and (level is None or block.level <= level)):
            break
        units = units_of(block)
        text = "\n".join(u.text for u in units).strip(" \u00a0\n")
        if not text:
            index += 1
            continue
        if OTHER_DESK.match(text) or (is_label(text.split("\n")[0]) and not _has_any(units, regions)):
            break
        take = _has_any(units, regions)
        if not take and all(_short(u) for u in units) and not _only_links(block):
            following = _next_content(blocks, index + 1)
            take = (not have and not isinstance(block, Heading)) or (
                following is not None and _has_any(units_of(blocks[following]), regions))
        if not take and level is not None and skipped < 2 and isinstance(block, Paragraph) \
                and not _has_any(taken, regions):
            # under a "## Contact" heading a sentence about the group may come before the address
            skipped += 1
            index += 1
            continue
        if not take:
            break
        taken.extend(units)
        have = True
        end = index = index + 1
    return taken, end


def _next_content(blocks: Sequence[Block], index: int) -> int | None:
    while index < len(blocks):
        if plain_text(blocks[index]).strip(" \u00a0\n"):
            return index
        index += 1
    return None


def _in_paragraph(blocks: Sequence[Block], index: int, regions: Sequence[str]) -> Found | None:
    """A contact block opened by a label line (or an inline label) in the paragraph at ``index``."""
    units = units_of(blocks[index])
    if not units:
        return None
    unit = units[0]
    offset = 0
    for line in unit.text.split("\n"):
        whole = is_label(line)
        label = (0, len(line) + 1, clean(line)) if whole else _lead_label(line)
        if label is not None:
            start, end, heading = label
            rest = unit.tail(min(offset + end, len(unit.text)))
            rest_units = [rest] if rest.text.strip() else []
            if rest_units and OTHER_DESK.match(rest.text):
                return None
            have = bool(rest_units) and (has_means(rest, regions) or _short(rest))
            more, after = _follow(blocks, index + 1, regions, have)
            taken = rest_units + more
            if not taken or not (whole or _has_any(taken, regions)):
                return None
            cut = len(unit.text[:offset + start].rstrip(" \u00a0\n\t,;–—-"))
            return Found(index, max(after, index + 1), heading, taken, _head(blocks[index], unit.text, cut))
        offset += len(line) + 1
    return None


def _lead_label(line: str) -> tuple[int, int, str | None] | None:
    """(start, end, heading) of a label that a contact follows on the same line."""
    colon = _COLON.search(line)
    if colon and is_label(line[:colon.start()]):
        return 0, colon.end(), clean(line[:colon.end()])
    match = _LEAD_SENTENCE.match(line) or _INVITED_NAME.match(line) or _INVITED.match(line)
    if match:
        return 0, match.end(), None
    match = INNER_LABEL.search(line)
    if match:
        return match.start(), match.end(), clean(match.group())
    return None


def _head(block: Block, text: str, cut: int) -> tuple[Inline, ...] | None:
    """What stays of a block whose contact part starts at plain-text offset ``cut``."""
    if cut <= 0:
        return None
    if isinstance(block, Paragraph):
        items = list(split_inlines(block.children, cut)[0])
        while items and isinstance(items[-1], (SoftBreak, LineBreak)):
            items.pop()
        return tuple(items) if plain_text(tuple(items)).strip(" \u00a0\n") else None
    out: list[Inline] = []
    for line in (line for line in text[:cut].split("\n") if line.strip()):
        out += [LineBreak(), Text(line)] if out else [Text(line)]
    return tuple(out) or None


def clean(text: str) -> str:
    """A heading or label as written, spacing collapsed and emphasis marks dropped."""
    return " ".join(text.split()).strip(" *_")

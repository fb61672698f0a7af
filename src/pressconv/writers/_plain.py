"""What the plain-text writers (text, brief, wire) share: options, wrapping, the block renderer.

Wrapping uses :mod:`textwrap` with ``break_long_words=False`` and
``break_on_hyphens=False``, so a line only ends at a space: URLs and e-mail
addresses (which have none) stay whole.  Numbers written with spaces (phone
numbers, ``10 000``) and the space before a link number ``[1]`` are glued with
a private-use character first, and turned back into spaces after wrapping.

Standard library and pressconv only: ``pressconv convert x.md -o x.txt`` must
stay fast to start.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, Sequence

from .._regex_cache import cached_compile
from ..errors import ConfigError
from ..htmltext import html_to_text
from ..model import (
    BlockQuote, BulletList, Code, CodeBlock, Contact, Document, Emphasis, Figure,
    FootnoteDefinition, FootnoteRef, Heading, HtmlBlock, Image, LineBreak, Link, OrderedList,
    Paragraph, QuotedSpeech, RawInline, SoftBreak, Strikethrough, Strong, Subscript, Superscript,
    Table, Text, ThematicBreak, Underline, plain_text,
)
from ..resources import WriteContext
from ._ascii import to_ascii

GLUE = "\ue000"  #: a space no line may break at
MIN_WIDTH = 20  #: the narrowest wrapping width accepted
PROSE_WORDS = 12  #: a paragraph this long reads as prose (a lead), not a label or a kicker
NUMBER_RUN = cached_compile(r"(?:\+ ?)?\(?\d[\d().\-/]*(?:[ \u00a0]\(?\d[\d().\-/]*)+")
_BARE_TAG = cached_compile(r"</?[A-Za-z][^<>]*>")
_SPACES = cached_compile(r"[\t\n\x0b\x0c\r ]+")  # where textwrap may break a line
_CONTAINERS = frozenset((Emphasis, Strong, Underline, Strikethrough, Superscript, Subscript,
                         QuotedSpeech))
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


# ------------------------------------------------------------------ options


def width_option(context: WriteContext, default: int) -> int:
    """The ``width`` option: 0 (no wrapping) or a whole number of columns ≥ MIN_WIDTH."""
    value = context.option("width", default)
    try:
        width = int(value) if not isinstance(value, bool) else -1
    except (TypeError, ValueError):
        width = -1
    if width != 0 and width < MIN_WIDTH:
        raise ConfigError("text width must be 0 (no wrapping) or at least %d, not %r"
                          % (MIN_WIDTH, value), hint="e.g. --width 72")
    return width


def flag_option(context: WriteContext, name: str, default: bool) -> bool:
    """A yes/no option given as a bool, 0/1 or a word such as ``true``/``no``."""
    value = context.option(name, default)
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return value.strip().lower() in _TRUE
    raise ConfigError("option %r must be true or false, not %r" % (name, value))


# ----------------------------------------------------------------- wrapping


class Filler:
    """Transliterates (when asked) and wraps text at a width; 0 means no wrapping."""

    def __init__(self, width: int, ascii: bool = False) -> None:
        self.width = width
        self.ascii = ascii
        self.lost: set[str] = set()  # characters with no ASCII form met so far
        self._wrapper = textwrap.TextWrapper(break_long_words=False, break_on_hyphens=False)

    def tr(self, text: str) -> str:
        """``text`` as it will be written: ASCII when asked."""
        return to_ascii(text, self.lost) if self.ascii else text

    def fill(self, text: str, first: str = "", rest: str = "", width: int | None = None) -> list[str]:
        """Lines of ``text`` (hard breaks as newlines) wrapped with the given line prefixes."""
        if not text:
            return []
        width = self.width if width is None else width
        lines: list[str] = []
        for segment in text.split("\n"):
            segment = segment.strip(" ")
            prefix = rest if lines else first
            if width and WIDE.search(segment):
                # cut between the characters first, then spell each piece in ASCII when asked
                lines.extend(line.replace(GLUE, " ").rstrip() for line in _wrap_wide(
                    segment, width, prefix, rest, self.tr if self.ascii else None))
                continue
            segment = self.tr(segment)
            if not width or len(prefix) + len(segment) <= width or " " not in segment:
                lines.append((prefix + segment).replace(GLUE, " ").rstrip())
                continue
            if any(c.isdigit() for c in segment):
                segment = NUMBER_RUN.sub(_glue, segment)
            wrapper = self._wrapper
            wrapper.width = max(width, max(len(prefix), len(rest)) + 1)
            wrapper.initial_indent, wrapper.subsequent_indent = prefix, rest
            lines.extend(line.replace(GLUE, " ").rstrip() for line in wrapper.wrap(segment))
        return lines


# Chinese, Japanese and Korean: two columns a character, a line may end between any two
# (UAX #14), but not before closing punctuation or small kana, nor after an opening bracket
WIDE = cached_compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                       r"\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_CJK_TOKEN = cached_compile(WIDE.pattern + r"|[^\s\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
                            r"\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                            r"\uff00-\uff60\uffe0-\uffe6]+|\s+")
_NO_START = frozenset("、。，．,.・：；？！!?)]}」』）〕］｝〉》】〙〗〟’”ー〜…‥々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
_BREAK_AFTER = frozenset("、。，．,.！？!?：；:;」』）)")
_NO_END = frozenset("([{「『（〔［｛〈《【〘〖〝‘“")


def _columns(text: str) -> int:
    return sum(2 if WIDE.match(ch) else 1 for ch in text)


def _wrap_wide(text: str, width: int, first: str, rest: str, spell=None) -> list[str]:
    """``text`` wrapped by display columns at spaces and after punctuation, between two wide
    characters only when a line would otherwise run past twice the width (ASCII spellings for
    wire copy break between any two), never before closing punctuation or small kana nor after
    an opening bracket (the character before goes down with it).  ``spell`` turns each piece into what is written (ASCII for wire
    copy) before it is measured."""
    lines: list[str] = []
    pieces: list[tuple[str, str]] = []  # (original, written) on the current line
    indent = first

    def used() -> int:
        return _columns(indent) + sum(_columns(w) for _, w in pieces)

    def flush() -> None:
        lines.append((indent + "".join(w for _, w in pieces)).rstrip())

    for original in _CJK_TOKEN.findall(text):
        if original.isspace():
            if pieces:  # kept even at the line's end: the break may fall before the word it follows
                pieces.append((" ", " "))
            continue
        written = spell(original) if spell is not None else original
        if pieces and used() + _columns(written) > width:
            carried: list[tuple[str, str]] = []
            # end the line after punctuation or a space when one is in its second half: a
            # reader (and a search) then finds every phrase on one line
            for cut in range(len(pieces) - 1, 0, -1):
                if pieces[cut][0].isspace() or pieces[cut][0][-1] in _BREAK_AFTER:
                    if _columns(indent) + sum(_columns(w) for _, w in pieces[:cut + 1]) >= width // 2 \
                            and pieces[cut + 1:] and pieces[cut + 1][0][0] not in _NO_START:
                        carried = pieces[cut + 1:]
                        del pieces[cut + 1:]
                    break
            if not carried and spell is None and WIDE.match(original[0]) and WIDE.match(pieces[-1][0][-1]) \
                    and used() + _columns(written) <= 2 * width:
                # no punctuation or space to end the line at: a phrase is not cut between two of
                # its characters (a search for it would fail) until the line is twice as long
                pieces.append((original, written))
                continue
            if not carried and original[0] in _NO_START:
                while pieces and len(pieces) > 1 and (not carried or carried[0][0][0] in _NO_START):
                    carried.insert(0, pieces.pop())
                    if carried[0][0][0] not in _NO_START:
                        break
            while not carried and pieces and len(pieces) > 1 and pieces[-1][0][-1] in _NO_END:
                carried.insert(0, pieces.pop())
            while pieces and pieces[-1][0].isspace():
                pieces.pop()
            flush()
            pieces, indent = carried, rest
        pieces.append((original, written))
    if pieces:
        flush()
    return lines


def _glue(match: re.Match) -> str:
    return match.group().replace(" ", GLUE)


def warn_lost_characters(filler: Filler, context: WriteContext) -> None:
    """Tell the caller which characters had no ASCII form and became ``?``."""
    if filler.lost:
        lost = "".join(sorted(filler.lost))
        context.warn("%d character(s) have no ASCII form and were written as '?': %s"
                     % (len(lost), lost), code="PC301")


def join_sections(sections: Sequence[Sequence[str]]) -> str:
    """Sections of lines, separated by one blank line, as the final text."""
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


# ----------------------------------------------------------------- renderer


class PlainRenderer:
    """The model's blocks and inlines as lines of plain text."""

    bullets = ("-", "*", "+")  #: bullet by nesting depth
    paragraph_indent = ""  #: first-line indent of top-level paragraphs
    block_indent = "    "  #: indent of block quotes and code

    def __init__(self, filler: Filler, numbered_links: bool = True) -> None:
        self.filler = filler
        self.width = filler.width
        self.numbered_links = numbered_links  # links as "text [1]", URL listed at the end
        self.urls: list[str] = []  # the numbered link targets, in order
        self._numbers: dict[str, int] = {}
        self._deferred: list[str] | None = None  # link numbers held back inside a quote
        self._depth = 0

    def fill(self, text: str, first: str = "", rest: str = "") -> list[str]:
        return self.filler.fill(text, first, rest)

    # inlines

    def inline(self, nodes: Sequence[Any]) -> str:
        """The inlines as one string; hard breaks as newlines."""
        out: list[str] = []
        self._inlines(nodes, out)
        return "".join(out)

    def _inlines(self, nodes: Sequence[Any], out: list[str]) -> None:
        for node in nodes:
            kind = type(node)
            if kind is Text or kind is Code:
                out.append(node.text)
            elif kind is SoftBreak:
                out.append(" ")
            elif kind is QuotedSpeech:
                # a link's number waits until the quote closes: the quoted words stay whole
                outer, self._deferred = self._deferred, []
                self._inlines(node.children, out)
                markers, self._deferred = self._deferred, outer
                if markers:
                    out.append(GLUE + "".join(markers))
            elif kind in _CONTAINERS:
                self._inlines(node.children, out)
            elif kind is Link:
                out.append(self._link(node))
            elif kind is LineBreak:
                out.append("\n")
            elif kind is Image:
                out.append(image_placeholder(node))
            elif kind is FootnoteRef:
                out.append("[^%s]" % node.label)
            elif kind is RawInline:
                out.append(raw_text(node.text))
            else:
                raise TypeError("plain-text writers cannot render inline %r" % kind.__name__)

    def _link(self, link: Link) -> str:
        label = self.inline(link.children)
        url = link.url
        if not self.numbered_links or not url or url.startswith("#") or _shows_url(label, url):
            return label
        number = self._numbers.get(url)
        if number is None:
            self.urls.append(url)
            number = self._numbers[url] = len(self.urls)
        if self._deferred is not None:
            self._deferred.append("[%d]" % number)
            return label
        words = label.split()
        # the number stays with the link's last word, unless that word is too long to share a line
        glue = GLUE if not words or len(words[-1]) <= 40 else " "
        return "%s%s[%d]" % (label, glue, number)

    def link_list(self) -> list[str]:
        """The numbered link targets, one per line."""
        lines: list[str] = []
        for number, url in enumerate(self.urls, 1):
            marker = "[%d] " % number
            lines += self.fill(marker + url, "", " " * len(marker))
        return lines

    # blocks

    def blocks(self, blocks: Sequence[Any], indent: str = "") -> list[str]:
        """Blocks separated by blank lines, every line starting with ``indent``."""
        out: list[str] = []
        for block in blocks:
            lines = self.block(block, indent)
            if lines:
                if out:
                    out.append("")
                out += lines
        return out

    def block(self, block: Any, indent: str = "") -> list[str]:
        kind = type(block)
        if kind is Paragraph:
            return self.paragraph(block.children, indent)
        if kind is Heading:
            return self.heading(block.level, self.inline(block.children), indent)
        if kind is BlockQuote:
            return self.block_quote(block, indent)
        if kind is BulletList or kind is OrderedList:
            return self.list(block, indent)
        if kind is Table:
            return self.table(block, indent)
        if kind is CodeBlock:
            code = indent + self.block_indent
            return [(code + self.filler.tr(line)).rstrip() for line in block.text.split("\n")]
        if kind is ThematicBreak:
            return [self.centered("* * *", indent)]
        if kind is Figure:
            return self.fill(image_placeholder(block.image), indent, indent)
        if kind is FootnoteDefinition:
            return self.item(block.children, indent, "[^%s] " % block.label, tight=True)
        if kind is HtmlBlock:
            return self.fill(html_to_text(block.text), indent, indent) if block.text.strip() else []
        raise TypeError("plain-text writers cannot render block %r" % kind.__name__)

    def paragraph(self, children: Sequence[Any], indent: str = "", lead: str = "") -> list[str]:
        first = indent or self.paragraph_indent
        return self.fill(lead + self.inline(children), first, indent)

    def heading(self, level: int, text: str, indent: str = "") -> list[str]:
        lines = self.fill(text, indent, indent)
        return self.underline(lines, "-", indent) if level <= 2 else lines

    @staticmethod
    def underline(lines: list[str], char: str, indent: str = "") -> list[str]:
        """``lines`` followed by a rule of ``char`` as long as the longest."""
        if not lines:
            return lines
        return lines + [indent + char * max(_columns(line) - len(indent) for line in lines)]

    def centered(self, text: str, indent: str = "") -> str:
        text = self.filler.tr(text)
        if not self.width:
            return indent + text
        return (indent + text.center(self.width - len(indent))).rstrip()

    def block_quote(self, quote: BlockQuote, indent: str) -> list[str]:
        inner = indent + self.block_indent
        lines = self.blocks(quote.children, inner)
        if quote.attribution:
            lines += self.fill("\u2014 " + quote.attribution, inner, inner + "  ")
        return lines

    def list(self, block: BulletList | OrderedList, indent: str) -> list[str]:
        count = len(block.items)
        if type(block) is OrderedList:
            size = max(len("%d." % block.start), len("%d." % (block.start + count - 1)))
            markers = [("%d." % (block.start + i)).rjust(size) + " " for i in range(count)]
        else:
            markers = [self.bullets[self._depth % len(self.bullets)] + " "] * count
        self._depth += 1
        out: list[str] = []
        for item, marker in zip(block.items, markers):
            if item.checked is not None:
                marker += "[x] " if item.checked else "[ ] "
            if out and not block.tight:
                out.append("")
            out += self.item(item.children, indent, marker, block.tight)
        self._depth -= 1
        return out

    def item(self, blocks: Sequence[Any], indent: str, marker: str, tight: bool) -> list[str]:
        """Blocks hanging from a marker (list bullet, number, footnote label)."""
        rest = indent + " " * len(marker)
        lines: list[str] = []
        for block in blocks:
            block_lines = self.block(block, rest)
            if block_lines:
                if lines and not tight:
                    lines.append("")
                lines += block_lines
        if not lines:
            return [(indent + marker).rstrip()]
        lines[0] = indent + marker + lines[0][len(rest):]
        return lines

    def table(self, table: Table, indent: str) -> list[str]:
        # the widest row sets the columns: a row longer than the header keeps its cells
        columns = max([len(table.header)] + [len(row) for row in table.rows])
        if not columns:
            return []
        rows = [[self.filler.tr(self.inline(cell.children)) for cell in row[:columns]]
                + [""] * (columns - len(row)) for row in (table.header, *table.rows)]
        natural = [max(_longest(cell.split("\n")) for cell in column) for column in zip(*rows)]
        widths = natural
        if self.width:
            words = [max(_longest(_SPACES.split(NUMBER_RUN.sub(_glue, cell))) for cell in column)
                     for column in zip(*rows)]
            available = self.width - len(indent) - 2 * (columns - 1)
            if sum(words) > available:
                return self.table_records(rows, indent)
            widths = fit_columns(natural, words, available)
        align = tuple(table.align) + (None,) * columns
        wrapped = [[self.filler.fill(cell, width=width) if width else [cell]
                    for cell, width in zip(row, widths)] for row in rows]
        spaced = any(len(cell) > 1 for row in wrapped[1:] for cell in row)
        out: list[str] = []
        for number, row in enumerate(wrapped):
            if number > 1 and spaced:
                out.append("")
            for k in range(max(len(cell) for cell in row)):
                parts = [_aligned(cell[k] if k < len(cell) else "", width, align[i])
                         for i, (cell, width) in enumerate(zip(row, widths))]
                out.append((indent + "  ".join(parts)).rstrip())
            if number == 0:
                out.append(indent + "  ".join("-" * width for width in widths))
        return out

    def table_records(self, rows: list[list[str]], indent: str) -> list[str]:
        """A table too wide for the page: each row as lines of "header: value"."""
        out: list[str] = []
        for row in rows[1:]:
            if out:
                out.append("")
            for label, value in zip(rows[0], row):
                out += self.fill("%s: %s" % (label, value) if label else value, indent, indent + "  ")
        return out

    # press-release parts

    def body(self, blocks: Sequence[Any], lead: int | None = None, prefix: str = "") -> list[str]:
        """Body blocks; the paragraph at index ``lead`` starts with ``prefix`` (the dateline)."""
        out: list[str] = []
        for index, block in enumerate(blocks):
            if index == lead and prefix and type(block) is Paragraph:
                lines = self.paragraph(block.children, "", prefix)
            elif index == lead and prefix:
                lines = self.fill(prefix.rstrip()) + [""] + self.block(block)
            else:
                lines = self.block(block)
            if lines:
                if out:
                    out.append("")
                out += lines
        return out

    def contacts(self, document: Document, heading: str | None = None) -> list[str]:
        """The contacts block: a heading, then each contact's lines."""
        if not document.contacts:
            return []
        title = heading or document.contacts_heading or "Media contacts"
        out = self.heading(2, title)
        for contact in document.contacts:
            out.append("")
            for field in contact_fields(contact):
                out += self.fill(field, "", "  ")
        return out


def lead_index(document: Document) -> int | None:
    """The lead paragraph: the one the dateline opens, else the first that reads as prose."""
    body = document.body
    lead = document.dateline.lead if document.dateline else None
    if lead is not None and 0 <= lead < len(body) and type(body[lead]) is Paragraph:
        return lead
    paragraphs = [i for i, block in enumerate(body) if type(block) is Paragraph]
    prose = (i for i in paragraphs if len(plain_text(body[i].children).split()) >= PROSE_WORDS)
    return next(prose, paragraphs[0] if paragraphs else None)


def fit_columns(natural: list[int], minimum: list[int], available: int) -> list[int]:
    """Column widths within ``available``: natural if they fit, never below ``minimum``."""
    if sum(natural) <= available:
        return natural
    spare = available - sum(minimum)
    if spare <= 0:
        return minimum
    slack = [n - m for n, m in zip(natural, minimum)]
    total = sum(slack)
    widths = [m + s * spare // total for m, s in zip(minimum, slack)]
    leftover = available - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: -slack[i]):
        if leftover <= 0:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
            leftover -= 1
    return widths


def _longest(parts: Sequence[str]) -> int:
    return max((len(part) for part in parts), default=0)


def _aligned(text: str, width: int, align: str | None) -> str:
    if align == "right":
        return text.rjust(width)
    if align == "center":
        return text.center(width)
    return text.ljust(width)


def _shows_url(label: str, url: str) -> bool:
    """True when the link text already is its target (autolinks, bare e-mail addresses)."""
    label = label.strip().rstrip("/")
    target = url.rstrip("/")
    return label in (target, target.removeprefix("mailto:"), target.split("://", 1)[-1])


def image_placeholder(image: Image) -> str:
    """``[Image: alt]``, or the file name when there is no alt text."""
    return "[Image: %s]" % (image.alt or image.url.rsplit("/", 1)[-1])


def raw_text(markup: str) -> str:
    """The visible text of inline HTML (nothing for a bare tag such as ``<span>``)."""
    if "<" not in markup and "&" not in markup:
        return markup
    if _BARE_TAG.fullmatch(markup):
        return ""
    return html_to_text(markup)


def contact_fields(contact: Contact) -> list[str]:
    """A contact's fields as written, each a line: name, role, organisation, phone, e-mail, url."""
    fields = [contact.name, contact.role, contact.organization,
              "Tel." + GLUE + contact.phone if contact.phone else None, contact.email, contact.url]
    return [field for field in fields if field]

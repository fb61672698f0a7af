"""Normalised Markdown back out: the press-release layout in plain CommonMark + GFM.

Front matter (the metadata as YAML, one JSON value per key), the release line,
the headline as ``#``, the subheadline in italics, the dateline in bold before
the lead, the body, ``## About X`` sections, the end mark (escaped, so ``###``
stays text), and the contacts as a list under their heading, one field a line.

Reading the output again gives the same text and the same press-release parts
(escaping rules in :mod:`._mdtext`).  Raw HTML is passed through: it is
Markdown's own.
"""

from __future__ import annotations

from typing import Any, Sequence

from .._regex_cache import cached_compile
from ..model import (
    BlockQuote, BulletList, Code, CodeBlock, Contact, Document, Emphasis, Figure,
    FootnoteDefinition, FootnoteRef, Heading, HtmlBlock, Image, LineBreak, Link, OrderedList,
    Paragraph, QuotedSpeech, RawInline, SoftBreak, Strikethrough, Strong, Subscript, Superscript,
    Table, Text, ThematicBreak, Underline, plain_text,
)
from ..resources import WriteContext
from . import Writer
from ._mdtext import (
    EMAIL, URI, backtick_fence, code_span, delimited, destination, edges, escape,
    escape_line_start, front_matter, heading_line,
)

_LISTS = (BulletList, OrderedList)
_BARE_MARKER = cached_compile(r"[-*+]|\d{1,9}[.)]")  # an empty list item cannot interrupt a paragraph
# blocks that end a paragraph without a blank line between
_INTERRUPTS = (BulletList, OrderedList, CodeBlock, Heading, BlockQuote, ThematicBreak)


class MarkdownWriter(Writer):
    """The press release as normalised Markdown that pressconv reads back to the same parts."""

    name = "markdown"
    aliases = ("md",)
    suffixes = (".md",)
    binary = False
    description = "normalised Markdown (headline #, dateline in bold, contacts as a list)"

    def write(self, document: Document, context: WriteContext) -> str:
        render = MarkdownRenderer()
        parts: list[list[str]] = []
        if document.metadata:
            parts.append(front_matter(document.metadata))
        if document.release:
            parts.append([escape_line_start(escape(document.release.text))])
        if document.headline:
            parts.append([heading_line(1, escape(document.headline))])
        if document.subheadline:
            parts.append([delimited("*", "em", escape(document.subheadline), "", "")])
        dateline = document.dateline
        lead = None
        if dateline and dateline.raw:
            bold = delimited("**", "strong", escape(dateline.raw), "", " ")
            if dateline.lead is None or not 0 <= dateline.lead < len(document.body) \
                    or type(document.body[dateline.lead]) is not Paragraph:
                parts.append([bold])
            else:
                lead = (dateline.lead, bold + " \u2013 ")
        parts.append(render.blocks(document.body, lead))
        for section in document.boilerplate:
            parts.append([heading_line(2, escape(section.title))])
            parts.append(render.blocks(section.children))
        if document.end_mark:
            parts.append([escape_line_start(escape(document.end_mark))])
        if document.contacts:
            heading = document.contacts_heading or "Media contacts"
            parts.append([heading_line(2, escape(heading))])
            parts.append([line for contact in document.contacts
                          for line in render.contact_item(contact)])
        return "\n\n".join("\n".join(lines) for lines in parts if lines) + "\n"


class MarkdownRenderer:
    """Model nodes as Markdown lines."""

    def __init__(self) -> None:
        self._breaks = ("\n", "\\\n")  # soft and hard break in the current context
        self._nested = 0  # depth inside emphasis; nested emphasis is written as HTML
        self._lists = 0  # list nesting depth: bullets change with it, so "- - -" never occurs

    # inlines

    def inline(self, nodes: Sequence[Any]) -> str:
        out: list[str] = []
        for index, node in enumerate(nodes):
            kind = type(node)
            if kind is Text:
                out.append(escape(node.text).replace("\n", "&#10;"))
            elif kind is SoftBreak:
                out.append(self._breaks[0])
            elif kind is LineBreak:
                out.append(self._breaks[1])
            elif kind in _WRAPPERS:
                marker, tag = _WRAPPERS[kind]
                head, children, tail = _peel_breaks(node.children)
                out.append(self.inline(head))
                before = next((part[-1] for part in reversed(out) if part), "")
                self._nested += 1
                inner = self.inline(children)
                self._nested -= 1
                if not plain_text(children).strip():  # nothing to emphasise
                    out.append(inner)
                elif marker and not self._nested:
                    after = " " if tail else _next_char(nodes, index)
                    out.append(delimited(marker, tag, inner, before, after))
                else:
                    lead, core, trail = edges(inner)
                    out.append("%s<%s>%s</%s>%s" % (lead, tag, core, tag, trail))
                out.append(self.inline(tail))
            elif kind is QuotedSpeech:
                out.append(self.inline(node.children))
            elif kind is Code and out and out[-1].endswith("`"):  # backtick runs would merge
                out.append("<code>%s</code>" % escape(node.text))
            elif kind is Code:
                out.append(code_span(node.text, in_table=self._breaks[1] == "<br>"))
            elif kind is Link:
                if out and out[-1][-1:] in ("!", "^"):  # "![" starts an image, "^[" a footnote
                    out[-1] = out[-1][:-1] + "\\" + out[-1][-1]
                out.append(self.link(node))
            elif kind is Image:
                out.append("![%s](%s)" % (escape(node.alt), destination(node.url, node.title)))
            elif kind is FootnoteRef:
                out.append("[^%s]" % node.label)
            elif kind is RawInline:
                out.append(node.text)
            else:
                raise TypeError("markdown writer cannot render inline %r" % kind.__name__)
        return "".join(out)

    def link(self, link: Link) -> str:
        label = self.inline(link.children)
        url, children = link.url, link.children
        plain = children[0].text if len(children) == 1 and type(children[0]) is Text else None
        if plain is not None and link.title is None:
            if plain == url and URI.fullmatch(url):
                return "<%s>" % url
            if url == "mailto:" + plain and EMAIL.fullmatch(plain):
                return "<%s>" % plain
        return "[%s](%s)" % (label, destination(url, link.title))

    # blocks

    def blocks(self, blocks: Sequence[Any], lead: tuple[int, str] | None = None,
               tight: bool = False) -> list[str]:
        """Blocks separated by blank lines (in a tight list item only where needed)."""
        out: list[str] = []
        previous = None
        for index, block in enumerate(blocks):
            if lead is not None and index == lead[0]:
                lines = self.paragraph(block.children, lead[1])
            else:
                lines = self.block(block, alternate=type(previous) is type(block))
            if not lines:
                continue
            if out and (not tight or _needs_blank_line(previous, block)
                        or _BARE_MARKER.fullmatch(lines[0])):
                out.append("")
            out += lines
            previous = block
        return out

    def block(self, block: Any, alternate: bool = False) -> list[str]:
        kind = type(block)
        if kind is Paragraph:
            return self.paragraph(block.children)
        if kind is Heading:
            return [heading_line(block.level, self.flat_inline(block.children))]
        if kind is BlockQuote:
            lines = self.blocks(block.children)
            if block.attribution:
                lines += ["", "\u2014 " + escape(block.attribution)]
            return [("> " + line).rstrip() for line in lines] or [">"]
        if kind in _LISTS:
            return self.list(block, alternate)
        if kind is Table:
            return self.table(block)
        if kind is CodeBlock:
            fence = backtick_fence(block.text, 3)
            info = (block.language or "") if "`" not in (block.language or "") else ""
            return [fence + info, *block.text.split("\n"), fence]
        if kind is ThematicBreak:
            return ["___"]  # "---" may be front matter or a setext line; "* * *" may join bullets
        if kind is Figure:
            image = block.image
            return ["![%s](%s)" % (escape(image.alt), destination(image.url, image.title))]
        if kind is FootnoteDefinition:
            return _hang("[^%s]: " % block.label, self.blocks(block.children), "    ")
        if kind is HtmlBlock:
            return block.text.split("\n")
        raise TypeError("markdown writer cannot render block %r" % kind.__name__)

    def paragraph(self, children: Sequence[Any], prefix: str = "") -> list[str]:
        content = self.inline(_peel_breaks(children)[1])
        if not content.strip() and not prefix:
            return []
        lines = [escape_line_start(line).rstrip(" \t") for line in content.split("\n")]
        lines = [line for line in lines if line.strip()]  # a blank line would end the paragraph
        while lines and lines[0] == "\\":  # a hard break with nothing before it
            del lines[0]
        while lines:  # nor can one end a paragraph
            last = lines[-1]
            if (len(last) - len(last.rstrip("\\"))) % 2:
                last = last[:-1]
            if last.strip():
                lines[-1] = last
                break
            del lines[-1]
        if not lines and not prefix:
            return []
        lines = lines or [""]
        lines[0] = prefix + lines[0]
        return lines

    def flat_inline(self, children: Sequence[Any]) -> str:
        """Inlines on one line (headings): breaks become spaces."""
        saved, self._breaks = self._breaks, (" ", " ")
        try:
            return self.inline(children).strip()
        finally:
            self._breaks = saved

    def list(self, block: BulletList | OrderedList, alternate: bool) -> list[str]:
        out: list[str] = []
        for number, item in enumerate(block.items, getattr(block, "start", 1)):
            if type(block) is OrderedList:
                marker = "%d%s " % (number, ")" if alternate else ".")
            else:
                marker = "-*+"[(self._lists + alternate) % 3] + " "
            indent = " " * len(marker)
            if item.checked is not None:
                marker += "[x] " if item.checked else "[ ] "
            if out and not block.tight:
                out.append("")
            self._lists += 1
            out += _hang(marker, self.blocks(item.children, tight=block.tight), indent)
            self._lists -= 1
        return out

    def table(self, table: Table) -> list[str]:
        columns = len(table.header)
        saved, self._breaks = self._breaks, (" ", "<br>")
        try:
            rows = [[self.inline(cell.children).strip() for cell in row[:columns]]
                    + [""] * (columns - len(row)) for row in (table.header, *table.rows)]
        finally:
            self._breaks = saved
        widths = [max(3, *(len(cell) for cell in column)) for column in zip(*rows)]
        align = tuple(table.align) + (None,) * columns
        rule = [_rule(width, align[i]) for i, width in enumerate(widths)]
        lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths)) + " |"
                 for row in rows]
        return [lines[0], "| " + " | ".join(rule) + " |", *lines[1:]]

    def contact_item(self, contact: Contact) -> list[str]:
        """A contact as a list item, one field per line (hard breaks)."""
        fields = []
        if contact.name:
            fields.append(delimited("**", "strong", escape(contact.name), "", ""))
        if contact.role:
            fields.append(escape(contact.role))
        if contact.organization:
            organization = escape(contact.organization)
            if not contact.name and "," not in organization:
                organization = "Organisation: " + organization  # else it reads as a person's name
            fields.append(organization)
        if contact.phone:
            fields.append("Tel. " + escape(contact.phone))
        if contact.email:
            fields.append("<%s>" % contact.email if EMAIL.fullmatch(contact.email)
                          else escape(contact.email))
        if contact.url:
            fields.append("<%s>" % contact.url if URI.fullmatch(contact.url) else escape(contact.url))
        if not fields:
            return []  # a contact with nothing in it has nothing to write
        lines = [escape_line_start(field) + "\\" for field in fields]
        lines[-1] = lines[-1][:-1]
        return _hang("- ", lines, "  ")


def _needs_blank_line(previous: Any, block: Any) -> bool:
    """In a tight list item: whether ``block`` would run into ``previous`` without a blank line."""
    if isinstance(previous, (Heading, CodeBlock, ThematicBreak)):
        return False
    if isinstance(previous, (Paragraph, Figure)) and isinstance(block, _INTERRUPTS):
        return type(block) is OrderedList and block.start != 1
    return True


def _hang(marker: str, lines: list[str], indent: str) -> list[str]:
    """Lines under a list marker or footnote label: the first after it, the rest indented."""
    if not lines:
        return [marker.rstrip()]
    return [marker + lines[0]] + [(indent + line) if line else "" for line in lines[1:]]


def _rule(width: int, align: str | None) -> str:
    if align == "center":
        return ":" + "-" * (width - 2) + ":"
    if align == "right":
        return "-" * (width - 1) + ":"
    if align == "left":
        return ":" + "-" * (width - 1)
    return "-" * width


def _peel_breaks(children: Sequence[Any]) -> tuple[Sequence[Any], Sequence[Any], Sequence[Any]]:
    """Line breaks at the edges of emphasis, moved outside it (a marker cannot follow one)."""
    start, end = 0, len(children)
    while start < end and type(children[start]) in (SoftBreak, LineBreak):
        start += 1
    while end > start and type(children[end - 1]) in (SoftBreak, LineBreak):
        end -= 1
    return children[:start], children[start:end], children[end:]


def _next_char(nodes: Sequence[Any], index: int) -> str:
    """The first character written after ``nodes[index]`` ("" at the end of the run)."""
    if index + 1 >= len(nodes):
        return ""
    following = nodes[index + 1]
    kind = type(following)
    if kind is Text or kind is RawInline:
        return following.text[:1]
    if kind is QuotedSpeech:
        return _next_char((None, *following.children), 0) or "*"
    return _FIRST_CHARS.get(kind, "*")


_WRAPPERS = {Emphasis: ("*", "em"), Strong: ("**", "strong"), Strikethrough: ("~~", "s"),
             Underline: (None, "u"), Superscript: (None, "sup"), Subscript: (None, "sub")}
_FIRST_CHARS = {SoftBreak: " ", LineBreak: "\\", Strikethrough: "~", Code: "`", Link: "[",
                Image: "!", FootnoteRef: "[", Underline: "<", Superscript: "<", Subscript: "<"}

"""HTML fragments → model blocks, with the standard library's HTMLParser.

Simple structural markup (``<p>``, ``<h1>``–``<h6>``, ``<blockquote>``, lists,
``<b>``, ``<i>``, ``<u>``, ``<a>``, ``<br>`` …) becomes Paragraph / Heading /
BlockQuote / list blocks with Strong, Emphasis, Underline, Link and LineBreak
inlines; a data ``<table>`` becomes a Table (spans filled with empty cells) and
a layout table (one column, or tables inside tables) gives its cells' content
as blocks; comments vanish; anything interactive or unknown (forms, iframes,
scripts, accordions) is reported as complex so the caller keeps it as an
HtmlBlock.
"""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import Callable, Union

from .._regex_cache import cached_compile
from ..model import (
    Block, BlockQuote, BulletList, Code, CodeBlock, Emphasis, Figure,
    Heading, HtmlBlock, Image, Inline, LineBreak, Link, ListItem,
    OrderedList, Paragraph, Strikethrough, Strong, Subscript,
    Superscript, Table, TableCell, Text, ThematicBreak, Underline,
)

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Markup whose meaning a document cannot keep: the block stays raw HTML.
_COMPLEX = frozenset(
    "script style iframe form input button select textarea option video audio object embed "
    "canvas svg math nav noscript template details summary dialog frame frameset "
    "map area applet "
    # GFM's tag filter shows these as text; the reader does so too, so the block stays as is
    "title xmp noembed noframes plaintext".split())
_HIDDEN = frozenset(("head", "title", "meta", "link"))
_HEADINGS = {"h%d" % n: n for n in range(1, 7)}
_BLOCKS = frozenset(
    "p div section article header footer main aside center figure figcaption address "
    "blockquote ul ol li dl dt dd pre hr h1 h2 h3 h4 h5 h6 body html fieldset hgroup table".split())
# a table part that starts closes the open parts it cannot sit in (HTML's implied end tags)
_TABLE_CLOSES = {
    "td": ("td", "th"), "th": ("td", "th"), "tr": ("tr", "td", "th"),
    "thead": ("thead", "tbody", "tfoot", "tr", "td", "th"), "caption": ("caption",),
}
_TABLE_CLOSES["tbody"] = _TABLE_CLOSES["tfoot"] = _TABLE_CLOSES["thead"]
MAX_SPAN = 1000  # colspan/rowspan beyond this are taken as this (HTML allows colspan ≤ 1000)
# a table whose spans would make more cells than this is read without its spans, and
# one still larger gives its cells as paragraphs: the input's size bounds the memory
MAX_TABLE_CELLS = 1_000_000
# elements nested deeper than this are read as their content (the text stays, the
# nesting goes): the conversion and the writers recurse once per level
MAX_DEPTH = 32
_CLOSES_P = _BLOCKS - {"li", "dt", "dd"}
_WRAP: dict[str, Callable[[tuple[Inline, ...]], Inline]] = {
    "b": Strong, "strong": Strong,
    "i": Emphasis, "em": Emphasis, "cite": Emphasis, "var": Emphasis, "dfn": Emphasis,
    "u": Underline, "ins": Underline,
    "s": Strikethrough, "del": Strikethrough, "strike": Strikethrough,
    "sup": Superscript, "sub": Subscript,
}
_CODE = frozenset(("code", "kbd", "samp", "tt"))
_SPACE = cached_compile(r"[ \t\n\r\f]+")
_BREAK = object()  # a <br> inside an inline run, before it becomes a LineBreak


class _Element:
    __slots__ = ("tag", "attrs", "children", "start", "end")

    def __init__(self, tag: str, attrs: dict[str, str], start: int,
                 children: list[Union[_Element, str]] | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Union[_Element, str]] = children if children is not None else []
        self.start = start
        self.end = start


class _TreeParser(HTMLParser):
    """A forgiving element tree with source offsets (enough to keep complex parts verbatim)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for match in re.finditer("\n", source):
            self.line_starts.append(match.end())
        self.root = _Element("#root", {}, 0)
        self.stack = [self.root]
        self.flattened: dict[str, int] = {}  # start tags past MAX_DEPTH whose end tags to skip

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) > MAX_DEPTH and tag not in _VOID:
            self.flattened[tag] = self.flattened.get(tag, 0) + 1
            return
        start = self._offset()
        element = _Element(tag, {k: v or "" for k, v in attrs}, start)
        element.end = start + len(self.get_starttag_text() or "")
        if tag in _CLOSES_P or tag == "li":
            self._implicit_close(tag)
        if tag in _TABLE_CLOSES:
            self._close_table_part(tag)
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def _implicit_close(self, tag: str) -> None:
        # <p> ends at the next block; <li> at the next item of the same list.
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if tag == "li" and open_tag in ("ul", "ol"):
                return
            if open_tag == ("li" if tag == "li" else "p"):
                self._close_to(depth, self._offset())
                return
            if open_tag not in _WRAP and open_tag not in ("span", "a", "font"):
                return

    def _close_table_part(self, tag: str) -> None:
        # <td> ends at the next cell, <tr> at the next row, within the nearest table
        closes = _TABLE_CLOSES[tag]
        target = None
        for depth in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[depth].tag
            if open_tag == "table":
                break
            if open_tag in closes:
                target = depth
        if target is not None:
            self._close_to(target, self._offset())

    def _close_to(self, depth: int, end: int) -> None:
        while len(self.stack) > depth:
            self.stack.pop().end = end

    def handle_endtag(self, tag: str) -> None:
        if self.flattened.get(tag):
            self.flattened[tag] -= 1
            return
        start = self._offset()
        close = self.source.find(">", start)
        end = close + 1 if close >= 0 else len(self.source)
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                self._close_to(depth, end)
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def finish(self) -> _Element:
        self.close()
        self._close_to(1, len(self.source))
        self.root.end = len(self.source)
        return self.root


# ------------------------------------------------------------------ conversion


def _is_complex(node: Union[_Element, str]) -> bool:
    if isinstance(node, str):
        return False
    if node.tag in _COMPLEX or "hidden" in node.attrs:
        return True
    style = node.attrs.get("style", "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    return any(_is_complex(child) for child in node.children)


def html_to_blocks(markup: str, line: int | None = None) -> tuple[Block, ...]:
    """Simple HTML → blocks; complex top-level parts stay HtmlBlocks (verbatim)."""
    parser = _TreeParser(markup)
    parser.feed(markup)
    root = parser.finish()
    out: list[Block] = []
    pending: list[Union[_Element, str]] = []
    for child in root.children:
        if _is_complex(child):
            out.extend(_flow(pending, line))
            pending = []
            assert isinstance(child, _Element)
            out.append(HtmlBlock(markup[child.start:child.end].strip(), line))
        else:
            pending.append(child)
    out.extend(_flow(pending, line))
    return tuple(out)


def _flow(nodes: list[Union[_Element, str]], line: int | None) -> list[Block]:
    """Block content: inline runs become paragraphs, block elements convert recursively."""
    blocks: list[Block] = []
    run: list[Union[_Element, str]] = []
    for node in nodes:
        if isinstance(node, _Element) and (node.tag in _BLOCKS or node.tag in _HIDDEN):
            blocks.extend(_paragraphs(run, line))
            run = []
            if node.tag not in _HIDDEN:
                blocks.extend(_block(node, line))
        else:
            run.append(node)
    blocks.extend(_paragraphs(run, line))
    return blocks


def _block(element: _Element, line: int | None) -> list[Block]:
    tag = element.tag
    if tag in _HEADINGS:
        children = tidy_inlines(_inlines(element.children))
        return [Heading(_HEADINGS[tag], children, line)] if children else []
    if tag == "blockquote":
        inner = tuple(_flow(element.children, line))
        return [BlockQuote(inner, None, line)] if inner else []
    if tag in ("ul", "ol"):
        items = []
        for child in element.children:
            if isinstance(child, _Element) and child.tag == "li":
                items.append(ListItem(tuple(_flow(child.children, line))))
            elif isinstance(child, _Element) or child.strip():
                items.append(ListItem(tuple(_flow([child], line))))
        if not items:
            return []
        if tag == "ol":
            start = element.attrs.get("start", "1")
            return [OrderedList(tuple(items), int(start) if start.isdigit() else 1, True, line)]
        return [BulletList(tuple(items), True, line)]
    if tag == "pre":
        text = _text_content(element).strip("\n")
        return [CodeBlock(text, None, line)] if text.strip() else []
    if tag == "hr":
        return [ThematicBreak(line)]
    if tag == "table":
        return _table(element, line)
    return _flow(element.children, line)


# ------------------------------------------------------------------- tables


def _table(element: _Element, line: int | None) -> list[Block]:
    rows, head_rows, before = _rows(element)
    blocks = _flow(before, line)  # caption, and text stray between the rows
    if not rows:
        return blocks
    # a layout table (one column, one row of plain cells, or tables in its cells), or
    # one with too many cells to lay out: its cells are the content, in reading order
    layout = max(len(cells) for cells in rows) <= 1 or (len(rows) == 1 and not head_rows) \
        or any(_has_table(cell) for cells in rows for cell in cells)
    grid = None if layout else _grid(rows)
    if grid is None:
        return blocks + [block for cells in rows for cell in cells for block in _flow(cell.children, line)]
    heading = head_rows[0] if head_rows else 0  # no <thead> or <th>: the first row heads
    header = grid[heading]
    body = tuple(row for number, row in enumerate(grid) if number != heading)
    align = tuple(_align(cell) for cell in rows[heading]) if any(_align(c) for c in rows[heading]) else ()
    blocks.append(Table(header, body, align, line))
    return blocks


def _rows(table: _Element) -> tuple[list[list[_Element]], list[int], list[Union[_Element, str]]]:
    """The rows' cells in order, which rows head the table, and the other content (caption ...)."""
    rows: list[list[_Element]] = []
    head: list[int] = []
    other: list[Union[_Element, str]] = []

    def row(element: _Element, in_head: bool) -> None:
        cells = [c for c in element.children if isinstance(c, _Element) and c.tag in ("td", "th")]
        other.extend(c for c in element.children if not (isinstance(c, _Element) and c.tag in ("td", "th")))
        if in_head or (cells and all(c.tag == "th" for c in cells) and not rows):
            head.append(len(rows))
        rows.append(cells)

    loose: list[_Element] = []  # cells written straight into <table>: one row
    for child in table.children:
        if isinstance(child, _Element) and child.tag in ("td", "th"):
            loose.append(child)
            continue
        if loose and (isinstance(child, _Element) or child.strip()):
            row(_Element("tr", {}, loose[0].start, loose), False)
            loose = []
        if isinstance(child, _Element) and child.tag == "tr":
            row(child, False)
        elif isinstance(child, _Element) and child.tag in ("thead", "tbody", "tfoot"):
            for part in child.children:
                if isinstance(part, _Element) and part.tag == "tr":
                    row(part, child.tag == "thead")
                else:
                    other.append(part)
        elif not (isinstance(child, _Element) and child.tag in ("colgroup", "col")):
            other.append(child)
    if loose:
        row(_Element("tr", {}, loose[0].start, loose), False)
    return rows, head, [node for node in other if not isinstance(node, str) or node.strip()]


def _has_table(node: Union[_Element, str]) -> bool:
    return isinstance(node, _Element) and any(
        isinstance(child, _Element) and (child.tag == "table" or _has_table(child)) for child in node.children)


def _grid(rows: list[list[_Element]]) -> list[tuple[TableCell, ...]] | None:
    """Cells placed on a grid: a span leaves empty cells where it reaches (None: too large)."""
    grid = _placed(rows, spans=True)
    if grid is None:  # the spans reach too far: the cells as written, side by side
        grid = _placed(rows, spans=False)
    if grid is None:
        return None
    columns = max(len(row) for row in grid)
    if len(grid) * columns > MAX_TABLE_CELLS:
        return None
    return [tuple(row) + (TableCell(()),) * (columns - len(row)) for row in grid]


def _placed(rows: list[list[_Element]], spans: bool) -> list[list[TableCell]] | None:
    grid: list[list[TableCell]] = []
    reach: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    total = 0
    for cells in rows:
        out: list[TableCell] = []

        def covered() -> None:
            while reach.get(len(out), 0) > 0:
                reach[len(out)] -= 1
                out.append(TableCell(()))

        for cell in cells:
            covered()
            across, down = (_span(cell, "colspan"), _span(cell, "rowspan")) if spans else (1, 1)
            if total + len(out) + across > MAX_TABLE_CELLS:
                return None
            for column in range(len(out), len(out) + across):
                if down > 1:
                    reach[column] = down - 1
            out.append(TableCell(_cell_inlines(cell)))
            out.extend(TableCell(()) for _ in range(across - 1))
        covered()
        total += len(out)
        if total > MAX_TABLE_CELLS:
            return None
        grid.append(out)
    return grid


def _span(cell: _Element, name: str) -> int:
    value = cell.attrs.get(name, "1").strip()
    return min(max(int(value), 1), MAX_SPAN) if value.isdigit() else 1


def _align(cell: _Element) -> str | None:
    value = cell.attrs.get("align", "").lower()
    style = cell.attrs.get("style", "").replace(" ", "").lower()
    if "text-align:" in style:
        value = style.split("text-align:", 1)[1].split(";", 1)[0]
    return value if value in ("left", "center", "right") else None


def _cell_inlines(cell: _Element) -> tuple[Inline, ...]:
    """A cell's content as inlines: its paragraphs, list items ... one per line."""
    parts: list[Inline] = []
    for block in _flow(cell.children, None):
        for inlines in _block_lines(block):
            if parts:
                parts.append(LineBreak())
            parts.extend(inlines)
    return tidy_inlines(tuple(parts))


def _block_lines(block: Block) -> list[tuple[Inline, ...]]:
    if isinstance(block, (Paragraph, Heading)):
        return [block.children]
    if isinstance(block, Figure):
        return [(block.image,)]
    if isinstance(block, CodeBlock):
        return [(Code(line),) for line in block.text.split("\n")]
    if isinstance(block, (BulletList, OrderedList)):
        return [(Text("• "), *inlines) for item in block.items
                for child in item.children for inlines in _block_lines(child)]
    if isinstance(block, BlockQuote):
        return [inlines for child in block.children for inlines in _block_lines(child)]
    if isinstance(block, HtmlBlock):
        return [(Text(block.text),)]
    return []


def _text_content(node: Union[_Element, str]) -> str:
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return "\n"
    return "".join(_text_content(child) for child in node.children)


def _paragraphs(run: list[Union[_Element, str]], line: int | None) -> list[Block]:
    """An inline run → paragraphs; two or more <br> in a row separate paragraphs."""
    if not run:
        return []
    out: list[Block] = []
    current: list[object] = []
    breaks = 0
    for item in _inline_items(run):
        if item is _BREAK:
            breaks += 1
            current.append(item)
            continue
        if isinstance(item, Text) and not item.text.strip(" \t\n\r\f") and breaks:
            continue  # spaces between <br>s
        if breaks >= 2:
            out.extend(_paragraph(current[:-breaks], line))
            current = []
        breaks = 0
        current.append(item)
    out.extend(_paragraph(current, line))
    return out


def _inline_items(run: list[Union[_Element, str]]) -> list[object]:
    items: list[object] = []
    for node in run:
        if isinstance(node, _Element) and node.tag == "br":
            items.append(_BREAK)
        else:
            items.extend(_inlines([node]))
    return items


def _paragraph(items: list[object], line: int | None) -> list[Block]:
    children = tidy_inlines(tuple(LineBreak() if item is _BREAK else item for item in items))  # type: ignore[misc]
    if not children:
        return []
    if len(children) == 1 and isinstance(children[0], Image):
        return [Figure(children[0], line)]
    return [Paragraph(children, line)]


def _inlines(nodes: list[Union[_Element, str]]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(Text(_SPACE.sub(" ", node)))
            continue
        tag = node.tag
        if tag in _HIDDEN:
            continue
        if tag == "br":
            out.append(LineBreak())
        elif tag == "img":
            out.append(Image(node.attrs.get("src", ""), node.attrs.get("alt", ""),
                             node.attrs.get("title") or None))
        elif tag in _CODE:
            out.append(Code(_text_content(node)))
        elif tag in _WRAP:
            inner = _inlines(node.children)
            if inner:
                out.append(_WRAP[tag](inner))
        elif tag == "a":
            inner = _inlines(node.children)
            href = node.attrs.get("href", "").strip()
            if href and inner:
                out.append(Link(inner, href, node.attrs.get("title") or None))
            else:
                out.extend(inner)
        elif tag == "q":
            out.append(Text("“"))
            out.extend(_inlines(node.children))
            out.append(Text("”"))
        else:
            if tag in _BLOCKS:
                out.append(Text(" "))
            out.extend(_inlines(node.children))
    return tuple(out)


# ------------------------------------------------------------- inline tidying


def text_inlines(text: str) -> tuple[Inline, ...]:
    """Plain text (no markup) as tidy inlines, white space collapsed the HTML way."""
    return tidy_inlines(_inlines([text]))


def tidy_inlines(children: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Collapse HTML white space, trim around breaks and ends, merge neighbours."""
    state = [True]  # the previous visible character was a space (or the start)
    collapsed = _collapse(children, state)
    trimmed = _rtrim(collapsed, [True])
    return _merge(trimmed)


def _collapse(nodes: tuple[Inline, ...], state: list[bool]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            text = _SPACE.sub(" ", node.text)
            if state[0]:
                text = text.lstrip(" ")
            if text:
                state[0] = text.endswith(" ")
                out.append(Text(text))
        elif isinstance(node, LineBreak):
            state[0] = True
            out.append(node)
        elif hasattr(node, "children"):
            inner = _collapse(node.children, state)  # type: ignore[union-attr]
            if inner:
                out.append(_with_children(node, inner))
        else:
            state[0] = False
            out.append(node)
    return tuple(out)


def _rtrim(nodes: tuple[Inline, ...], state: list[bool]) -> tuple[Inline, ...]:
    """Right to left: drop spaces before a break or the end; drop breaks at the ends."""
    out: list[Inline] = []
    for node in reversed(nodes):
        if isinstance(node, Text):
            text = node.text.rstrip(" ") if state[0] else node.text
            if text:
                state[0] = False
                out.append(Text(text))
        elif isinstance(node, LineBreak):
            if not state[0]:
                out.append(node)
            state[0] = True
        elif hasattr(node, "children"):
            inner = _rtrim(node.children, state)  # type: ignore[union-attr]
            if inner:
                out.append(_with_children(node, inner))
        else:
            state[0] = False
            out.append(node)
    out.reverse()
    while out and isinstance(out[0], LineBreak):
        out.pop(0)
    return tuple(out)


def _merge(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in nodes:
        if hasattr(node, "children") and not isinstance(node, Link):
            node = _with_children(node, _merge(node.children))  # type: ignore[union-attr]
        if out and isinstance(node, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        elif (out and type(node) is type(out[-1]) and hasattr(node, "children")
              and not isinstance(node, Link)):
            out[-1] = _with_children(out[-1], _merge(out[-1].children + node.children))  # type: ignore[union-attr]
        else:
            out.append(node)
    return tuple(out)


def _with_children(node: Inline, children: tuple[Inline, ...]) -> Inline:
    return dataclasses.replace(node, children=children)  # type: ignore[type-var]

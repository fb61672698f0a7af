"""HTML fragments → model blocks, with the standard library's HTMLParser.

Simple structural markup (``<p>``, ``<h1>``–``<h6>``, ``<blockquote>``, lists,
``<b>``, ``<i>``, ``<u>``, ``<a>``, ``<br>`` …) becomes Paragraph / Heading /
BlockQuote / list blocks with Strong, Emphasis, Underline, Link and LineBreak
inlines; comments vanish; anything interactive or unknown (forms, iframes,
scripts, tables, accordions) is reported as complex so the caller keeps it as an
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
    Superscript, Text, ThematicBreak, Underline,
)

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Markup whose meaning a document cannot keep: the block stays raw HTML.
_COMPLEX = frozenset(
    "script style iframe form input button select textarea option video audio object embed "
    "canvas svg math table nav noscript template details summary dialog frame frameset "
    "map area applet "
    # GFM's tag filter shows these as text; the reader does so too, so the block stays as is
    "title xmp noembed noframes plaintext".split())
_HIDDEN = frozenset(("head", "title", "meta", "link"))
_HEADINGS = {"h%d" % n: n for n in range(1, 7)}
_BLOCKS = frozenset(
    "p div section article header footer main aside center figure figcaption address "
    "blockquote ul ol li dl dt dd pre hr h1 h2 h3 h4 h5 h6 body html fieldset hgroup".split())
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

    def __init__(self, tag: str, attrs: dict[str, str], start: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Union[_Element, str]] = []
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

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        element = _Element(tag, {k: v or "" for k, v in attrs}, start)
        element.end = start + len(self.get_starttag_text() or "")
        if tag in _CLOSES_P or tag == "li":
            self._implicit_close(tag)
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

    def _close_to(self, depth: int, end: int) -> None:
        while len(self.stack) > depth:
            self.stack.pop().end = end

    def handle_endtag(self, tag: str) -> None:
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
    return _flow(element.children, line)


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

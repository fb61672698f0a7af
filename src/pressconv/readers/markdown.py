"""Markdown text → generic document tree (markdown-it-py tokens → model nodes).

The reader knows Markdown, not press releases: it produces a Document whose
``body`` holds every block and whose ``metadata`` holds the front matter.
Recognising the headline, dateline and the rest is the transforms' job.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape
from typing import Any, Callable, Sequence

from .._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from .._regex_cache import cached_compile, keep_patterns_of
from ..model import (
    Block, BlockQuote, BulletList, Code, CodeBlock, Document, Emphasis, Figure,
    FootnoteDefinition, FootnoteRef, Heading, HtmlBlock, Image, Inline, LineBreak, Link,
    ListItem, Message, OrderedList, Paragraph, RawInline, SoftBreak, Strikethrough, Strong, Subscript,
    Superscript, Table, TableCell, Text, ThematicBreak, Underline,
)
from ._autolink import bound_autolink_rules
from .frontmatter import split_front_matter
from .source import SourceText


@lru_cache(maxsize=1)
def _parser() -> Any:
    with keep_patterns_of("markdown_it"):  # its ~60 patterns: ~5 ms to compile
        from markdown_it import MarkdownIt
    with keep_patterns_of("mdit_py_plugins"):
        from mdit_py_plugins.footnote import footnote_plugin
        from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

    # commonmark + table + strikethrough costs nothing over plain commonmark;
    # the gfm-like preset's linkify is 4x slower (see performance notes).
    parser = (MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
            .enable(["table", "strikethrough"])
            .use(footnote_plugin)
            .use(gfm_autolink_plugin))
    bound_autolink_rules(parser)
    return parser


# markdown-it drops what lies deeper than maxNesting, and deeper recursion would
# exhaust Python's stack; so deeper structure is flattened to this depth first.
MAX_NESTING = 120
MAX_INLINE_DEPTH = 40
_MAX_QUOTE_DEPTH = 50
_MAX_INDENT = 100
_TOO_DEEP = cached_compile(r"^(?:[ \t]*>){%d}|^[ \t]{%d}" % (_MAX_QUOTE_DEPTH + 1, _MAX_INDENT + 1), re.M)
_QUOTE_MARKERS = cached_compile(r"^((?:[ \t]*>){%d})(?:[ \t]*>)+" % _MAX_QUOTE_DEPTH, re.M)
_DEEP_INDENT = cached_compile(r"^[ \t]{%d,}" % (_MAX_INDENT + 1), re.M)


def _flatten_deep_nesting(text: str) -> tuple[str, bool]:
    if not _TOO_DEEP.search(text):
        return text, False
    text = _QUOTE_MARKERS.sub(r"\1", text)
    text = _DEEP_INDENT.sub(" " * _MAX_INDENT, text)
    return text, True


def read_markdown(source: SourceText) -> Document:
    """Parse Markdown text into a generic Document (body, metadata, source)."""
    metadata, body_text, offset = split_front_matter(source)
    body_text, flattened = _flatten_deep_nesting(body_text)
    if flattened:
        source.warnings.append(Message("lists or block quotes nested deeper than %d levels were "
                                       "flattened to that depth" % _MAX_QUOTE_DEPTH, "PC002"))
    tokens = _parser().parse(body_text, {})
    builder = _TreeBuilder(tokens, offset)
    body = builder.blocks(0, len(tokens))
    body = body + builder.footnotes
    language = metadata.get("lang") or metadata.get("language")
    return Document(body=body, metadata=metadata, source=source.name,
                    language=language if isinstance(language, str) else None)


_TAG = cached_compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)\s*>", re.S)
_HREF = lazy_compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# GFM's tag filter: these tags are shown as text, never obeyed.
_FILTERED_TAGS = frozenset("title textarea style xmp iframe noembed noframes script plaintext".split())
_TASK = cached_compile(r"\[([ xX])\]\s")

# Inline HTML tags with a meaning in the model; other tags vanish and their text stays.
_WRAPPERS: dict[str, Callable[[tuple[Inline, ...]], Inline]] = {
    "u": Underline, "ins": Underline,
    "b": Strong, "strong": Strong,
    "i": Emphasis, "em": Emphasis, "cite": Emphasis,
    "s": Strikethrough, "del": Strikethrough, "strike": Strikethrough,
    "sup": Superscript, "sub": Subscript,
}


class _InlineFrame:
    __slots__ = ("kind", "payload", "children")

    def __init__(self, kind: str, payload: Any = None) -> None:
        self.kind = kind
        self.payload = payload
        self.children: list[Inline] = []


class _TreeBuilder:
    """Walks the flat token stream once, building blocks recursively by index."""

    def __init__(self, tokens: Sequence[Any], line_offset: int) -> None:
        self.tokens = tokens
        self.line_offset = line_offset
        self.footnotes: tuple[Block, ...] = ()

    def _line(self, token: Any) -> int | None:
        return token.map[0] + 1 + self.line_offset if token.map else None

    def _close(self, start: int, end: int) -> int:
        """Index of the token closing the one at ``start`` (same nesting level)."""
        level = self.tokens[start].level
        close = self.tokens[start].type.replace("_open", "_close")
        for i in range(start + 1, end):
            token = self.tokens[i]
            if token.type == close and token.level == level:
                return i
        return end - 1

    def blocks(self, start: int, end: int) -> tuple[Block, ...]:
        out: list[Block] = []
        i = start
        tokens = self.tokens
        while i < end:
            token = tokens[i]
            kind = token.type
            line = self._line(token)
            if kind == "paragraph_open":
                inline = tokens[i + 1]
                out.append(self._paragraph(self.inlines(inline.children or []), line))
                i += 3
                continue
            if kind == "heading_open":
                children = self.inlines(tokens[i + 1].children or [])
                out.append(Heading(int(token.tag[1]), children, line))
                i += 3
                continue
            if kind in ("fence", "code_block"):
                info = (token.info or "").strip().split()
                out.append(CodeBlock(token.content.removesuffix("\n"),
                                     unescape(info[0]) if info else None, line))
            elif kind == "hr":
                out.append(ThematicBreak(line))
            elif kind == "html_block":
                out.append(HtmlBlock(token.content.removesuffix("\n"), line))
            elif kind == "blockquote_open":
                close = self._close(i, end)
                out.append(BlockQuote(self.blocks(i + 1, close), None, line))
                i = close
            elif kind in ("bullet_list_open", "ordered_list_open"):
                close = self._close(i, end)
                out.append(self._list(i, close, line))
                i = close
            elif kind == "table_open":
                close = self._close(i, end)
                out.append(self._table(i, close, line))
                i = close
            elif kind == "footnote_block_open":
                close = self._close(i, end)
                self.footnotes = self.footnotes + self._footnotes(i + 1, close)
                i = close
            i += 1
        return tuple(out)

    @staticmethod
    def _paragraph(children: tuple[Inline, ...], line: int | None) -> Block:
        if len(children) == 1 and isinstance(children[0], Image):
            return Figure(children[0], line)
        return Paragraph(children, line)

    def _list(self, start: int, end: int, line: int | None) -> Block:
        token = self.tokens[start]
        items: list[ListItem] = []
        tight = True
        i = start + 1
        while i < end:
            if self.tokens[i].type == "list_item_open":
                close = self._close(i, end)
                for j in range(i + 1, close):
                    if self.tokens[j].type == "paragraph_open" and not self.tokens[j].hidden:
                        tight = False
                items.append(self._item(self.blocks(i + 1, close)))
                i = close
            i += 1
        if token.type == "ordered_list_open":
            return OrderedList(tuple(items), int(token.attrGet("start") or 1), tight, line)
        return BulletList(tuple(items), tight, line)

    @staticmethod
    def _item(children: tuple[Block, ...]) -> ListItem:
        first = children[0] if children else None
        if isinstance(first, Paragraph) and first.children and isinstance(first.children[0], Text):
            match = _TASK.match(first.children[0].text)
            if match:
                rest = first.children[0].text[match.end():]
                head = (Text(rest),) if rest else ()
                first = Paragraph(head + first.children[1:], first.line)
                return ListItem((first,) + children[1:], match.group(1) != " ")
        return ListItem(children)

    def _table(self, start: int, end: int, line: int | None) -> Block:
        header: list[TableCell] = []
        rows: list[tuple[TableCell, ...]] = []
        align: list[str | None] = []
        row: list[TableCell] = []
        in_head = False
        for i in range(start + 1, end):
            token = self.tokens[i]
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type in ("th_open", "td_open"):
                style = token.attrGet("style") or ""
                if in_head:
                    align.append(style.split(":")[-1].strip() if "text-align" in style else None)
                row.append(TableCell(self.inlines(self.tokens[i + 1].children or [])))
            elif token.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(tuple(row))
                row = []
        return Table(tuple(header), tuple(rows), tuple(align), line)

    def _footnotes(self, start: int, end: int) -> tuple[Block, ...]:
        out: list[Block] = []
        i = start
        while i < end:
            token = self.tokens[i]
            if token.type == "footnote_open":
                close = self._close(i, end)
                label = str(token.meta.get("label", token.meta.get("id")))
                out.append(FootnoteDefinition(label, self.blocks(i + 1, close),
                                              self._first_line(i, close)))
                i = close
            i += 1
        return tuple(out)

    def _first_line(self, start: int, end: int) -> int | None:
        for i in range(start, end):
            if self.tokens[i].map:
                return self._line(self.tokens[i])
        return None

    # ------------------------------------------------------------ inlines

    def inlines(self, tokens: Sequence[Any]) -> tuple[Inline, ...]:
        stack = [_InlineFrame("root")]
        skipped = 0  # open tokens ignored below the depth limit, awaiting their close
        for token in tokens:
            kind = token.type
            top = stack[-1]
            if skipped and kind.endswith("_close"):
                skipped -= 1
                continue
            if len(stack) > MAX_INLINE_DEPTH and kind.endswith("_open"):
                skipped += 1  # deeper formatting melts into its parent; the text stays
                continue
            if kind == "text":
                if token.content:
                    _append_text(top.children, token.content)
            elif kind == "softbreak":
                top.children.append(SoftBreak())
            elif kind == "hardbreak":
                top.children.append(LineBreak())
            elif kind == "code_inline":
                top.children.append(Code(token.content))
            elif kind == "image":
                top.children.append(Image(token.attrGet("src") or "",
                                          _alt_text(token.children or []),
                                          token.attrGet("title") or None))
            elif kind == "footnote_ref":
                top.children.append(FootnoteRef(str(token.meta.get("label", token.meta.get("id")))))
            elif kind.endswith("_open"):
                stack.append(_InlineFrame(kind[:-5], token))
            elif kind.endswith("_close"):
                _pop_until(stack, kind[:-6])
            elif kind == "html_inline":
                _html_inline(stack, token.content)
        while len(stack) > 1:
            _unwind(stack)
        return tuple(stack[0].children)


def _append_text(children: list[Inline], text: str) -> None:
    if children and isinstance(children[-1], Text):
        children[-1] = Text(children[-1].text + text)
    else:
        children.append(Text(text))


def _alt_text(tokens: Sequence[Any]) -> str:
    parts = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.children:
            parts.append(_alt_text(token.children))
    return "".join(parts)


def _build(frame: _InlineFrame) -> Inline | None:
    children = tuple(frame.children)
    kind = frame.kind
    if kind == "em":
        return Emphasis(children)
    if kind == "strong":
        return Strong(children)
    if kind == "s":
        return Strikethrough(children)
    if kind == "link":
        token = frame.payload
        return Link(children, token.attrGet("href") or "", token.attrGet("title") or None)
    if kind == "html:a":
        return Link(children, frame.payload, None) if frame.payload else None
    if kind.startswith("html:"):
        return _WRAPPERS[kind[5:]](children)
    return None


def _pop_until(stack: list[_InlineFrame], kind: str) -> None:
    """Close the innermost frame of ``kind``; frames opened inside it and never closed melt."""
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].kind == kind:
            while len(stack) > depth + 1:
                _unwind(stack)
            frame = stack.pop()
            node = _build(frame)
            parent = stack[-1].children
            if node is None:
                parent.extend(frame.children)
            else:
                parent.append(node)
            return


def _unwind(stack: list[_InlineFrame]) -> None:
    """Drop an unclosed frame, keeping its children in the parent."""
    frame = stack.pop()
    for child in frame.children:
        if isinstance(child, Text):
            _append_text(stack[-1].children, child.text)
        else:
            stack[-1].children.append(child)


def _html_inline(stack: list[_InlineFrame], markup: str) -> None:
    match = _TAG.fullmatch(markup.strip())
    if match is None:
        # comments, processing instructions, declarations: invisible, kept for the transforms
        stack[-1].children.append(RawInline(markup))
        return
    closing, name, attrs, self_closing = match.groups()
    name = name.lower()
    if name in _FILTERED_TAGS:
        _append_text(stack[-1].children, markup)
    elif name == "br":
        stack[-1].children.append(LineBreak())
    elif name == "a":
        if closing:
            _pop_until(stack, "html:a")
        else:
            href = _HREF.search(attrs)
            url = unescape(next(g for g in href.groups() if g is not None)) if href else None
            stack.append(_InlineFrame("html:a", url))
    elif name in _WRAPPERS and not self_closing:
        if closing:
            _pop_until(stack, "html:" + name)
        elif len(stack) <= MAX_INLINE_DEPTH:
            stack.append(_InlineFrame("html:" + name))
    else:
        # an unknown tag: invisible to readers, but its attributes may carry text
        # (a shortcode's title="..."), so the transforms still see it
        stack[-1].children.append(RawInline(markup))

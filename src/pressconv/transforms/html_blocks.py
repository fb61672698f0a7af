"""HTML blocks and markup left-overs → model blocks, so recognisers and writers see text.

Releases copied out of a CMS carry raw HTML (``<p>``, ``<h5>``, ``<b>``, ``<br>``,
``<p style="text-align:center">###</p>``), Hugo shortcodes holding the whole release
in an attribute, and kramdown attribute lists (``{:.class}``).  Simple structural
markup becomes Paragraph / Heading / BlockQuote / lists with Strong, Emphasis,
Underline, Link and LineBreak inlines; comments vanish; anything interactive or
unknown (forms, iframes, scripts, tables, accordions) stays an HtmlBlock.
"""

from __future__ import annotations

import dataclasses
import re
from html import unescape

from .._regex_cache import cached_compile
from ..model import (
    Block, BlockQuote, BulletList, Document, Emphasis, Figure,
    FootnoteDefinition, Heading, HtmlBlock, Image, Inline, LineBreak, ListItem,
    OrderedList, Paragraph, RawInline, SoftBreak, Text, plain_text,
)
# ..readers.html is imported where it is needed, not here: it brings in html.parser
# (~2 ms), and most releases have no HTML for it to read (start-up time)

_IAL = cached_compile(r"\{:[^{}\n]*\}")
_SHORTCODE = cached_compile(r"\s*\{\{([<%])\s*([A-Za-z_][\w./-]*)(.*?)/?\s*[>%]\}\}\s*", re.S)
_ATTR = cached_compile(r"""([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.S)

# ------------------------------------------------- shortcodes and attribute lists


def _shortcode(paragraph: Paragraph) -> list[Block] | None:
    """``{{< name title="…" text="…" >}}`` holding the release → heading and blocks."""
    children = paragraph.children
    if not children or not isinstance(children[0], Text) \
            or not children[0].text.lstrip().startswith("{{"):
        return None
    if not all(isinstance(c, (Text, SoftBreak, RawInline)) for c in children):
        return None
    source = "".join(" " if isinstance(c, SoftBreak) else c.text for c in children)  # type: ignore[union-attr]
    match = _SHORTCODE.fullmatch(source)
    if match is None:
        return None
    attrs: dict[str, str] = {}
    for found in _ATTR.finditer(match.group(3)):
        value = next(v for v in found.groups()[1:] if v is not None)
        attrs.setdefault(found.group(1).lower(), value)
    from ..readers.html import html_to_blocks, text_inlines, tidy_inlines

    line = paragraph.line
    blocks: list[Block] = []
    title = attrs.get("title") or attrs.get("headline")
    if title and title.strip():
        heading = (text_inlines(unescape(title)) if "<" not in title
                   else tidy_inlines(_heading_inlines(title)))
        if heading:
            blocks.append(Heading(1, heading, line))
    subtitle = attrs.get("subtitle") or attrs.get("subheadline")
    if subtitle and subtitle.strip():
        blocks.append(Paragraph((Emphasis((Text(" ".join(unescape(subtitle).split())),)),), line))
    for key in ("text", "content", "body"):
        value = attrs.get(key)
        if value and value.strip():
            blocks.extend(html_to_blocks(value, line))
            break
    if not blocks:
        name = match.group(2).lower()
        if name in ("figure", "img", "image") and attrs.get("src"):
            alt = attrs.get("alt") or attrs.get("caption") or attrs.get("title") or ""
            return [Figure(Image(attrs["src"], " ".join(alt.split())), line)]
        return None
    return blocks


def _heading_inlines(markup: str) -> tuple[Inline, ...]:
    from ..readers.html import html_to_blocks

    blocks = html_to_blocks(markup)
    return tuple(c for b in blocks if isinstance(b, Paragraph) for c in b.children)


def _has_ial(paragraph: Paragraph) -> bool:
    return any(isinstance(c, Text) and "{:" in c.text for c in paragraph.children)


def _split_ial(paragraph: Paragraph) -> list[Paragraph]:
    """Drop kramdown ``{:...}`` lists; a line holding only one ends the paragraph there."""
    parts: list[list[Inline]] = [[]]
    line: list[Inline] = []

    def end_line(separator: Inline | None) -> None:
        text = plain_text(tuple(line))
        if line and not _IAL.sub("", text).strip():
            parts.append([])
        else:
            cleaned = [Text(_IAL.sub("", c.text)) if isinstance(c, Text) else c for c in line]
            parts[-1].extend(c for c in cleaned if not (isinstance(c, Text) and not c.text))
            if separator is not None:
                parts[-1].append(separator)
        line.clear()

    for child in paragraph.children:
        if isinstance(child, (SoftBreak, LineBreak)):
            end_line(child)
        else:
            line.append(child)
    end_line(None)
    out = []
    for part in parts:
        while part and isinstance(part[-1], (SoftBreak, LineBreak)):
            part.pop()
        while part and isinstance(part[0], (SoftBreak, LineBreak)):
            part.pop(0)
        if part and isinstance(part[-1], Text):
            part[-1] = Text(part[-1].text.rstrip())
            if not part[-1].text:
                part.pop()
        if part:
            out.append(Paragraph(tuple(part), paragraph.line))
    return out


def _split_double_breaks(paragraph: Paragraph) -> list[Paragraph]:
    """``<br><br>`` inside a Markdown paragraph separates two paragraphs, as in HTML."""
    children = paragraph.children
    if sum(isinstance(c, LineBreak) for c in children) < 2:
        return [paragraph]
    parts: list[list[Inline]] = [[]]
    breaks: list[Inline] = []
    for child in children:
        if isinstance(child, LineBreak):
            breaks.append(child)
        elif breaks and (isinstance(child, SoftBreak)
                         or isinstance(child, Text) and not child.text.strip()):
            continue
        else:
            if len(breaks) >= 2:
                parts.append([])
            elif breaks:
                parts[-1].extend(breaks)
            breaks = []
            parts[-1].append(child)
    if len(parts) == 1:
        return [paragraph]
    from ..readers.html import tidy_inlines

    out = []
    for part in parts:
        part_children = tidy_inlines(tuple(part))
        if part_children:
            out.append(Paragraph(part_children, paragraph.line))
    return out


def _as_figure(paragraph: Paragraph) -> Block:
    if len(paragraph.children) == 1 and isinstance(paragraph.children[0], Image):
        return Figure(paragraph.children[0], paragraph.line)
    return paragraph


# ------------------------------------------------------------------- the walk


def _blocks(blocks: tuple[Block, ...], top: bool = False) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, HtmlBlock):
            from ..readers.html import html_to_blocks

            out.extend(html_to_blocks(block.text, block.line))
        elif isinstance(block, Paragraph):
            converted = _shortcode(block)
            if converted is not None:
                out.extend(_blocks(tuple(converted)))
            elif _has_ial(block):
                out.extend(_as_figure(p) for p in _split_ial(block))
            else:
                out.extend(_split_double_breaks(block))
        elif isinstance(block, BlockQuote):
            out.append(BlockQuote(_blocks(block.children), block.attribution, block.line))
        elif isinstance(block, (BulletList, OrderedList)):
            out.extend(_list(block, top))
        elif isinstance(block, FootnoteDefinition):
            out.append(FootnoteDefinition(block.label, _blocks(block.children), block.line))
        else:
            out.append(block)
    return tuple(out)


def _list(block: BulletList | OrderedList, top: bool) -> list[Block]:
    items = [ListItem(_blocks(item.children), item.checked) for item in block.items]
    after: list[Block] = []
    if top and block.items:
        # A line after an attribute list that closed the list belongs after the list
        # (kramdown ends the list there; CommonMark read it as a lazy continuation).
        last = block.items[-1].children
        if last and isinstance(last[-1], Paragraph) and _has_ial(last[-1]):
            parts = _split_ial(last[-1])
            head = [p for p in parts[:1]]
            after = [_as_figure(p) for p in parts[1:]]
            items[-1] = ListItem(_blocks(last[:-1]) + tuple(head), block.items[-1].checked)
    return [dataclasses.replace(block, items=tuple(items)), *after]


# ------------------------------------------------------------ Liquid page variables

_PAGE_VARIABLE = cached_compile(r"\{\{\s*page\.([A-Za-z_][\w-]*)\s*\}\}")


def _with_page_variables(node, metadata):
    """``node`` with ``{{ page.description }}`` (Jekyll's Liquid) replaced by the front matter's
    text, as the site shows it; variables the front matter lacks stay as written."""
    if isinstance(node, Text):
        if "{{" not in node.text:
            return node

        def value(match: re.Match[str]) -> str:
            found = metadata.get(match.group(1))
            return str(found) if isinstance(found, (str, int, float)) else match.group()

        return Text(_PAGE_VARIABLE.sub(value, node.text))
    changes = {}
    for name in ("children", "items"):
        inner = getattr(node, name, None)
        if isinstance(inner, tuple):
            mapped = tuple(_with_page_variables(child, metadata) for child in inner)
            if any(a is not b for a, b in zip(mapped, inner)):
                changes[name] = mapped
    return dataclasses.replace(node, **changes) if changes else node


def apply(document: Document) -> Document:
    """Turn simple HTML blocks, release shortcodes and attribute lists into model blocks."""
    if document.metadata:
        document = document.replace(body=tuple(_with_page_variables(b, document.metadata)
                                               for b in document.body))
    body = _blocks(document.body, top=True)
    if body == document.body:
        return document
    return document.replace(body=body)

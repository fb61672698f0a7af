"""Reading and cutting inline sequences at plain-text offsets.

Recognisers work on a paragraph's plain text (``plain_text(children)``) and
find character ranges; these helpers turn such a range back into a change of
the inline tree, splitting formatted runs where the range cuts through them.
Offsets count exactly the characters ``model.plain_text`` produces.
``leading_text`` reads only the start of a paragraph, and ``caseless`` tells a
script without capitals; every recogniser uses both.
"""

from __future__ import annotations

from typing import Any, Callable

from ..model import (
    Code, FootnoteRef, Image, Inline, LineBreak, RawInline, SoftBreak, Text, plain_text,
)

_ATOMS = (Image, FootnoteRef, Code, RawInline, LineBreak, SoftBreak)


def _length(node: Inline) -> int:
    return len(plain_text(node))


def split_inlines(children: tuple[Inline, ...], offset: int) -> tuple[tuple[Inline, ...], tuple[Inline, ...]]:
    """The inlines before and after plain-text ``offset``; formatting is kept on both sides."""
    before: list[Inline] = []
    after: list[Inline] = []
    position = 0
    for index, node in enumerate(children):
        size = _length(node)
        if position + size <= offset:
            before.append(node)
            position += size
            continue
        if position >= offset:
            after.extend(children[index:])
            break
        cut = offset - position
        if isinstance(node, Text):
            before.append(Text(node.text[:cut]))
            after.append(Text(node.text[cut:]))
        elif isinstance(node, _ATOMS):
            after.append(node)
        else:
            head, tail = split_inlines(node.children, cut)  # type: ignore[union-attr]
            if head:
                before.append(_with_children(node, head))
            if tail:
                after.append(_with_children(node, tail))
        after.extend(children[index + 1:])
        break
    return tuple(before), tuple(after)


def wrap_range(children: tuple[Inline, ...], start: int, end: int,
               wrapper: Callable[[tuple[Inline, ...]], Inline]) -> tuple[Inline, ...]:
    """Replace the inlines covering plain-text ``[start, end)`` by ``wrapper(those inlines)``."""
    head, rest = split_inlines(children, start)
    middle, tail = split_inlines(rest, end - start)
    return head + (wrapper(middle),) + tail


def wrap_ranges(children: tuple[Inline, ...], ranges: list[tuple[int, int, Any]],
                wrapper: Callable[[tuple[Inline, ...], Any], Inline]) -> tuple[Inline, ...]:
    """:func:`wrap_range` for many sorted, non-overlapping ranges in one pass over the inlines.

    Each range is ``(start, end, payload)`` in plain-text offsets; ``wrapper(inlines, payload)``
    makes its node.  One pass keeps a paragraph of thousands of quotes linear.
    """
    pending = list(reversed(children))  # the inlines still to place, next one last
    out: list[Inline] = []
    position = 0
    used = 0  # characters of the next inline already placed, when it is a cut Text

    def take(upto: int) -> list[Inline]:
        nonlocal position, used
        taken: list[Inline] = []
        while pending:
            node = pending[-1]
            if isinstance(node, Text):  # cut by offset, not by copying the rest each time
                size = len(node.text) - used
                if position + size <= upto:
                    taken.append(Text(node.text[used:]) if used else pending[-1])
                    pending.pop()
                    position += size
                    used = 0
                    continue
                if position < upto:
                    taken.append(Text(node.text[used:used + upto - position]))
                    used += upto - position
                    position = upto
                break
            size = _length(node)
            if position + size <= upto:
                taken.append(pending.pop())
                position += size
                continue
            if position < upto:
                head, tail = split_inlines((pending.pop(),), upto - position)
                taken.extend(head)
                pending.extend(reversed(tail))
                position = upto
            break
        return taken

    for start, end, payload in ranges:
        out.extend(take(start))
        out.append(wrapper(tuple(take(end)), payload))
    if used:
        pending[-1] = Text(pending[-1].text[used:])  # type: ignore[union-attr]
    out.extend(reversed(pending))
    return tuple(out)


def strip_leading(children: tuple[Inline, ...], chars: str | None = None) -> tuple[Inline, ...]:
    """Leading breaks and ``chars`` (white space when None) removed, also inside formatting."""
    items = list(children)
    while items:
        first = items[0]
        if isinstance(first, (SoftBreak, LineBreak)):
            items.pop(0)
        elif isinstance(first, Text):
            text = first.text.lstrip(chars)
            if text:
                items[0] = Text(text)
                break
            items.pop(0)
        elif hasattr(first, "children"):
            inner = strip_leading(first.children, chars)  # type: ignore[union-attr]
            if inner:
                items[0] = _with_children(first, inner)
                break
            items.pop(0)
        else:
            break
    return tuple(items)


def _with_children(node: Inline, children: tuple[Inline, ...]) -> Inline:
    import dataclasses

    return dataclasses.replace(node, children=children)  # type: ignore[type-var]


def leading_text(children: tuple[Inline, ...], limit: int) -> tuple[str, bool]:
    """The first ``limit`` characters of ``plain_text(children)`` and whether there is more.

    Recognisers look at the start of paragraphs; a 1 MB paragraph costs no more than a short one.
    """
    parts: list[str] = []
    size = 0
    stack = [iter(children)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        if isinstance(node, RawInline):
            continue  # inline HTML is invisible, as in plain_text
        if isinstance(node, (Text, Code)):
            piece = node.text
        elif isinstance(node, SoftBreak):
            piece = " "
        elif isinstance(node, LineBreak):
            piece = "\n"
        elif isinstance(node, Image):
            piece = node.alt
        elif isinstance(node, FootnoteRef):
            piece = "[%s]" % node.label
        else:
            stack.append(iter(getattr(node, "children", ())))
            continue
        parts.append(piece[:limit - size + 1])
        size += len(piece)
        if size > limit:
            return "".join(parts)[:limit], True
    return "".join(parts), False


def caseless(text: str) -> bool:
    """Letters of a script without capitals only (Arabic, Hebrew ...): a name there is not
    told by its capital letter."""
    return any(c.isalpha() for c in text) and not any(c.isupper() or c.islower() for c in text)

"""The format-neutral document model: every node a writer can meet.

Two families, as in pandoc's AST: blocks hold blocks or inlines, inlines hold
only inlines.  All nodes are frozen dataclasses whose sequences are tuples, so
a Document can be shared between threads and compared with ``==``.  Source
line numbers ride along on blocks but take no part in equality.

The press-release parts (headline, dateline, quotes, contacts ...) are typed
fields of :class:`Document`, filled in by the transforms; writers only read.
This module imports nothing but the standard library (and pressconv's drop-in
for ``dataclasses.dataclass``, which makes these classes cheaper to define).
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from types import MappingProxyType
from typing import Any, Mapping, Union

from ._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (see there)

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    """A run of plain text."""

    text: str  #: the characters, escapes already resolved


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Emphasised (italic) inlines."""

    children: tuple[Inline, ...]  #: the emphasised inlines


@dataclass(frozen=True, slots=True)
class Strong:
    """Strongly emphasised (bold) inlines."""

    children: tuple[Inline, ...]  #: the bold inlines


@dataclass(frozen=True, slots=True)
class Underline:
    """Underlined inlines (from HTML ``<u>``)."""

    children: tuple[Inline, ...]  #: the underlined inlines


@dataclass(frozen=True, slots=True)
class Strikethrough:
    """Struck-through inlines (GFM ``~~``, HTML ``<s>``/``<del>``)."""

    children: tuple[Inline, ...]  #: the struck inlines


@dataclass(frozen=True, slots=True)
class Superscript:
    """Superscript inlines (``<sup>``)."""

    children: tuple[Inline, ...]  #: the raised inlines


@dataclass(frozen=True, slots=True)
class Subscript:
    """Subscript inlines (``<sub>``)."""

    children: tuple[Inline, ...]  #: the lowered inlines


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code span."""

    text: str  #: the code, verbatim


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink around inlines."""

    children: tuple[Inline, ...]  #: the link text
    url: str  #: the target as written (http(s), mailto:, relative ...)
    title: str | None = None  #: the optional link title


@dataclass(frozen=True, slots=True)
class Image:
    """An image inside running text."""

    url: str  #: the source as written; writers resolve it through the sandbox
    alt: str = ""  #: the alternative text, plain
    title: str | None = None  #: the optional image title


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break (two spaces, backslash or ``<br>``)."""


@dataclass(frozen=True, slots=True)
class SoftBreak:
    """A soft line break: a newline inside a paragraph, read as a space."""


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A reference to a footnote definition."""

    label: str  #: the footnote's label as written (``[^label]``)


@dataclass(frozen=True, slots=True)
class RawInline:
    """Inline HTML that had no mapping; writers show its text or drop it."""

    text: str  #: the markup as written


@dataclass(frozen=True, slots=True)
class QuotedSpeech:
    """Direct speech found by the quote transform, marks included."""

    children: tuple[Inline, ...]  #: the quoted inlines, quotation marks included
    quote: int  #: index of the matching entry in ``Document.quotes``


Inline = Union[
    Text, Emphasis, Strong, Underline, Strikethrough, Superscript, Subscript,
    Code, Link, Image, LineBreak, SoftBreak, FootnoteRef, RawInline, QuotedSpeech,
]

# ----------------------------------------------------------------- blocks

_line = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of inlines."""

    children: tuple[Inline, ...]  #: the paragraph's inlines
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading."""

    level: int  #: 1 to 6
    children: tuple[Inline, ...]  #: the heading's inlines
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class BlockQuote:
    """A block quotation, with its speaker when the quote transform found one."""

    children: tuple[Block, ...]  #: the quoted blocks
    attribution: str | None = None  #: who said it, as a writer should print it
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class ListItem:
    """One item of a list."""

    children: tuple[Block, ...]  #: the item's blocks
    checked: bool | None = None  #: task-list state; None for an ordinary item


@dataclass(frozen=True, slots=True)
class BulletList:
    """An unordered list."""

    items: tuple[ListItem, ...]  #: the items in order
    tight: bool = True  #: True when items are not separated by blank lines
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class OrderedList:
    """A numbered list."""

    items: tuple[ListItem, ...]  #: the items in order
    start: int = 1  #: the first number; a new list restarts numbering
    tight: bool = True  #: True when items are not separated by blank lines
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a table."""

    children: tuple[Inline, ...]  #: the cell's inlines


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row."""

    header: tuple[TableCell, ...]  #: the header cells
    rows: tuple[tuple[TableCell, ...], ...]  #: body rows, each as long as the header
    align: tuple[str | None, ...] = ()  #: per column: "left", "center", "right" or None
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """Preformatted code or text."""

    text: str  #: the code, verbatim, without the final newline
    language: str | None = None  #: the fence's info word, if any
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class ThematicBreak:
    """A horizontal rule between sections."""

    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class Figure:
    """An image standing alone as a block."""

    image: Image  #: the image
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class FootnoteDefinition:
    """The text of a footnote."""

    label: str  #: the label references point to
    children: tuple[Block, ...]  #: the footnote's blocks
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    """An HTML block with no mapping, kept as text."""

    text: str  #: the markup as written
    line: int | None = _line  #: 1-based source line, for messages


Block = Union[
    Paragraph, Heading, BlockQuote, BulletList, OrderedList, Table, CodeBlock,
    ThematicBreak, Figure, FootnoteDefinition, HtmlBlock,
]

# ------------------------------------------------------- press-release parts


@dataclass(frozen=True, slots=True)
class Dateline:
    """Place and date that open the lead."""

    raw: str  #: as written, markup and trailing dash removed
    place: str | None = None  #: the place as written, without the date
    date: str | None = None  #: ISO ``YYYY-MM-DD``, or None when incomplete
    lead: int | None = None  #: index in ``Document.body`` of the paragraph it opens


@dataclass(frozen=True, slots=True)
class ReleaseLine:
    """The release instruction: FOR IMMEDIATE RELEASE or an embargo."""

    text: str  #: as written
    embargo: bool = False  #: True when the release is held until ``until``
    until: str | None = None  #: ISO 8601 date or date-time (with offset when given)


@dataclass(frozen=True, slots=True)
class Quote:
    """One stretch of direct speech and who said it."""

    text: str  #: the words inside the quotation marks, markup removed
    speaker: str | None = None  #: the fullest name given, an organisation, or None
    role: str | None = None  #: the speaker's title or role where the release gives it
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class Contact:
    """A media contact: a person or a press desk."""

    name: str | None = None  #: the person's name, no honorific
    role: str | None = None  #: job title
    organization: str | None = None  #: organisation or desk
    phone: str | None = None  #: as written; several joined with "; "
    email: str | None = None  #: the address, or as written when obfuscated ("jane(at)example.org")
    url: str | None = None  #: a web address given for the contact
    phone_e164: str | None = None  #: the first phone normalised to E.164, when valid
    line: int | None = _line  #: 1-based source line, for messages


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """An "About X" section describing the issuer."""

    title: str  #: the section heading as plain text
    children: tuple[Block, ...]  #: the section's blocks


@dataclass(frozen=True, slots=True)
class Message:
    """A warning about the input: what is missing or ambiguous."""

    text: str  #: what is wrong and what to do
    code: str | None = None  #: stable identifier such as ``PC104``
    line: int | None = None  #: 1-based source line, when known


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Document:
    """A press release: its blocks and the parts the transforms found."""

    body: tuple[Block, ...] = ()  #: the content blocks not taken by a part below
    headline: str | None = None  #: the main title, plain text
    subheadline: str | None = None  #: a deck under the headline, plain text
    front_matter_text: tuple[str, ...] = ()  #: front-matter texts a reader sees (a site title, subtitle, summary) that no other part holds
    dateline: Dateline | None = None  #: place and date opening the lead
    release: ReleaseLine | None = None  #: FOR IMMEDIATE RELEASE / embargo line
    quotes: tuple[Quote, ...] = ()  #: direct speech in order of appearance
    contacts: tuple[Contact, ...] = ()  #: media contacts
    contacts_heading: str | None = None  #: the heading the contacts stood under
    end_mark: str | None = None  #: ``###``, ``-30-``, ``*****`` ... as rendered
    boilerplate: tuple[Boilerplate, ...] = ()  #: "About X" sections
    metadata: Mapping[str, Any] = field(default_factory=dict)  #: front matter, JSON values
    language: str | None = None  #: BCP 47 tag from front matter or detection
    source: str | None = field(default=None, compare=False)  #: the file it was read from
    warnings: tuple[Message, ...] = field(default=(), compare=False)  #: recognition warnings

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", _frozen(self.metadata))

    def replace(self, **changes: Any) -> Document:
        """A copy with some fields changed (the transforms' way of working)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; :meth:`from_dict` turns it back into an equal Document."""
        return _to_data(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Rebuild a Document from :meth:`to_dict` output."""
        document = _from_data(data)
        if not isinstance(document, Document):
            raise ValueError("not a Document: type is %r" % data.get("type"))
        return document


# ------------------------------------------------------------ serialisation

NODE_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Text, Emphasis, Strong, Underline, Strikethrough, Superscript, Subscript, Code,
        Link, Image, LineBreak, SoftBreak, FootnoteRef, RawInline, QuotedSpeech,
        Paragraph, Heading, BlockQuote, ListItem, BulletList, OrderedList, TableCell,
        Table, CodeBlock, ThematicBreak, Figure, FootnoteDefinition, HtmlBlock,
        Dateline, ReleaseLine, Quote, Contact, Boilerplate, Message, Document,
    )
}
INLINE_TYPES: tuple[type, ...] = Inline.__args__  # type: ignore[attr-defined]
BLOCK_TYPES: tuple[type, ...] = Block.__args__  # type: ignore[attr-defined]
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in NODE_TYPES.values()}


def _to_data(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_to_data(v) for v in value]
    cls = type(value)
    names = _FIELDS.get(cls)
    if names is None:
        return value
    data: dict[str, Any] = {"type": cls.__name__}
    for name in names:
        item = getattr(value, name)
        data[name] = _json_copy(item) if name == "metadata" else _to_data(item)
    return data


def _json_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _json_copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_copy(v) for v in value]
    return value


def _from_data(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_from_data(v) for v in value)
    if not isinstance(value, Mapping):
        return value
    cls = NODE_TYPES.get(value.get("type"))  # type: ignore[arg-type]
    if cls is None:
        raise ValueError("unknown node type %r" % value.get("type"))
    kwargs = {}
    for name in _FIELDS[cls]:
        if name in value:
            item = value[name]
            kwargs[name] = _json_copy(item) if name == "metadata" else _from_data(item)
    return cls(**kwargs)


# ------------------------------------------------------------------ helpers


def plain_text(nodes: Any) -> str:
    """The visible text of inlines or blocks: breaks as spaces/newlines, markup dropped.

    Inline HTML (RawInline) is invisible and adds nothing; HTML blocks add their source.
    """
    parts: list[str] = []
    _collect_text(nodes, parts)
    return "".join(parts)


def _collect_text(node: Any, out: list[str]) -> None:
    if isinstance(node, tuple):
        for child in node:
            _collect_text(child, out)
        return
    if isinstance(node, (Text, Code)):
        out.append(node.text)
    elif isinstance(node, SoftBreak):
        out.append(" ")
    elif isinstance(node, LineBreak):
        out.append("\n")
    elif isinstance(node, Image):
        out.append(node.alt)
    elif isinstance(node, FootnoteRef):
        out.append("[%s]" % node.label)
    elif isinstance(node, Figure):
        out.append(node.image.alt)
        out.append("\n\n")
    elif isinstance(node, (CodeBlock, HtmlBlock)):
        out.append(node.text)
        out.append("\n\n")
    elif isinstance(node, (Paragraph, Heading, TableCell)):
        _collect_text(node.children, out)
        out.append("\n\n" if not isinstance(node, TableCell) else "\t")
    elif isinstance(node, (BulletList, OrderedList)):
        _collect_text(node.items, out)
    elif isinstance(node, Table):
        for row in (node.header, *node.rows):
            _collect_text(row, out)
            out.append("\n")
        out.append("\n")
    elif isinstance(node, ThematicBreak):
        out.append("\n")
    elif hasattr(node, "children"):
        _collect_text(node.children, out)

"""The document model: immutable, comparable, and losslessly serialisable."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pressconv import model as m
from sample_documents import every_node_document

text = st.text(max_size=12)
maybe_text = st.none() | text
line = st.none() | st.integers(min_value=1, max_value=10_000)


def inline_strategy() -> st.SearchStrategy:
    leaves = st.one_of(
        st.builds(m.Text, text), st.builds(m.Code, text), st.builds(m.LineBreak),
        st.builds(m.SoftBreak), st.builds(m.FootnoteRef, text), st.builds(m.RawInline, text),
        st.builds(m.Image, text, text, maybe_text),
    )

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3).map(tuple)
        return st.one_of(
            *(st.builds(cls, kids) for cls in (m.Emphasis, m.Strong, m.Underline, m.Strikethrough,
                                                m.Superscript, m.Subscript)),
            st.builds(m.Link, kids, text, maybe_text),
            st.builds(m.QuotedSpeech, kids, st.integers(0, 5)),
        )

    return st.recursive(leaves, extend, max_leaves=8)


inlines = st.lists(inline_strategy(), max_size=4).map(tuple)
cells = st.builds(m.TableCell, inlines)


def block_strategy() -> st.SearchStrategy:
    leaves = st.one_of(
        st.builds(m.Paragraph, inlines, line),
        st.builds(m.Heading, st.integers(1, 6), inlines, line),
        st.builds(m.CodeBlock, text, maybe_text, line),
        st.builds(m.ThematicBreak, line),
        st.builds(m.HtmlBlock, text, line),
        st.builds(m.Figure, st.builds(m.Image, text, text), line),
        st.builds(m.Table, st.lists(cells, max_size=3).map(tuple),
                  st.lists(st.lists(cells, max_size=3).map(tuple), max_size=3).map(tuple),
                  st.lists(st.sampled_from([None, "left", "center", "right"]), max_size=3).map(tuple),
                  line),
    )

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3).map(tuple)
        items = st.lists(st.builds(m.ListItem, kids, st.none() | st.booleans()), max_size=3).map(tuple)
        return st.one_of(
            st.builds(m.BlockQuote, kids, maybe_text, line),
            st.builds(m.BulletList, items, st.booleans(), line),
            st.builds(m.OrderedList, items, st.integers(0, 99), st.booleans(), line),
            st.builds(m.FootnoteDefinition, text, kids, line),
        )

    return st.recursive(leaves, extend, max_leaves=6)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6)

documents = st.builds(
    m.Document,
    body=st.lists(block_strategy(), max_size=4).map(tuple),
    headline=maybe_text, subheadline=maybe_text,
    dateline=st.none() | st.builds(m.Dateline, text, maybe_text, maybe_text,
                                   st.none() | st.integers(0, 3)),
    release=st.none() | st.builds(m.ReleaseLine, text, st.booleans(), maybe_text),
    quotes=st.lists(st.builds(m.Quote, text, maybe_text, maybe_text, line), max_size=3).map(tuple),
    contacts=st.lists(st.builds(m.Contact, maybe_text, maybe_text, maybe_text, maybe_text,
                                maybe_text, maybe_text, maybe_text, line), max_size=3).map(tuple),
    contacts_heading=maybe_text, end_mark=maybe_text,
    boilerplate=st.lists(st.builds(m.Boilerplate, text, st.lists(block_strategy(), max_size=2)
                                   .map(tuple)), max_size=2).map(tuple),
    metadata=st.dictionaries(text, json_values, max_size=3),
    language=maybe_text,
    warnings=st.lists(st.builds(m.Message, text, maybe_text, line), max_size=2).map(tuple),
)


@settings(max_examples=300)
@given(documents)
def test_from_dict_of_to_dict_gives_an_equal_document(document):
    data = document.to_dict()
    again = m.Document.from_dict(json.loads(json.dumps(data)))
    assert again == document
    assert again.to_dict() == data  # lines, source and warnings survive too


def test_every_node_document_round_trips_through_json():
    document = every_node_document()
    assert m.Document.from_dict(json.loads(json.dumps(document.to_dict()))) == document


def test_nodes_are_immutable():
    paragraph = m.Paragraph((m.Text("a"),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        paragraph.children = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.Document(metadata={"a": 1}).metadata["b"] = 2  # type: ignore[index]


def test_source_lines_do_not_take_part_in_equality():
    assert m.Paragraph((m.Text("a"),), line=3) == m.Paragraph((m.Text("a"),), line=9)


def test_from_dict_rejects_unknown_node_types():
    with pytest.raises(ValueError, match="unknown node type"):
        m.Document.from_dict({"type": "Document", "body": [{"type": "Marquee"}]})


def test_every_node_class_and_field_is_documented():
    source = Path(m.__file__).read_text(encoding="utf-8")
    for name, cls in m.NODE_TYPES.items():
        assert cls.__doc__ and "\n" not in cls.__doc__.strip(), name
        for field in dataclasses.fields(cls):
            declaration = [l for l in source.split("\nclass %s:" % name, 1)[1].split("\nclass ")[0]
                           .splitlines() if l.strip().startswith(field.name + ":")]
            assert declaration and "#:" in declaration[0], "%s.%s has no doc comment" % (name, field.name)


def test_plain_text_joins_inline_text_and_breaks():
    inlines = (m.Text("a"), m.SoftBreak(), m.Strong((m.Text("b"),)), m.LineBreak(), m.Code("c"))
    assert m.plain_text(inlines) == "a b\nc"

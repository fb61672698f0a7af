"""The document model: immutable, comparable, and losslessly serialisable."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from pressconv import model as m
from sample_documents import every_node_document
from strategies import documents


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

"""Every CommonMark and GFM example through every writer: no exception, visible words kept."""

from __future__ import annotations

import pytest

import pressconv
from pressconv.writers._ascii import to_ascii
from peer import example_id, load_examples, visible_words, words
from readback import output_text

EXAMPLES = load_examples()
FORMATS = ("docx", "pdf", "text", "brief", "wire", "json", "markdown")
# brief is a one-screen summary and keeps only the lead, quotes and contacts by design;
# wire is ASCII: its words are compared after transliteration.
SUMMARY_FORMATS = {"brief"}


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in SUMMARY_FORMATS])
@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_spec_example_survives_the_writer_with_its_words(example, fmt):
    document = pressconv.parse(example["markdown"])
    result = pressconv.write(document, fmt, deterministic=True)
    text = output_text(result.value, fmt)
    found = words(text)
    expected = visible_words(example["html"])
    if fmt == "wire":  # ASCII by default: compare with the writer's own transliteration
        expected = list(words(to_ascii(" ".join(expected))))
    missing = [w for w in expected if w not in found]
    assert not missing, "words lost: %r" % missing


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_spec_example_goes_through_the_brief_without_error(example):
    document = pressconv.parse(example["markdown"])
    assert isinstance(pressconv.write(document, "brief").value, str)

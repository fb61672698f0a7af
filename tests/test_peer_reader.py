"""Every CommonMark and GFM spec example reads into the model and keeps its visible words."""

from __future__ import annotations

import pytest

import pressconv
from pressconv.model import plain_text

from peer import example_id, load_examples, visible_words, words

EXAMPLES = load_examples()


def test_the_suites_are_complete():
    suites = [e["suite"] for e in EXAMPLES]
    assert suites.count("commonmark") == 652
    assert suites.count("gfm") == 24


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_spec_example_keeps_its_visible_words_in_the_model(example):
    document = pressconv.parse(example["markdown"], recognize=False)
    text = words(plain_text(document.body))
    missing = [w for w in visible_words(example["html"]) if w not in text]
    assert not missing, "words lost: %r" % missing

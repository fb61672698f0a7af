"""Cutting inline sequences at plain-text offsets: many ranges in one pass give what one at a time gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressconv.model import Emphasis, QuotedSpeech, Strong, Text, plain_text
from pressconv.transforms._inlines import wrap_range, wrap_ranges

from strategies import inline_strategy


def _one_at_a_time(children, ranges):
    for start, end, number in reversed(ranges):
        children = wrap_range(children, start, end, lambda inner, n=number: QuotedSpeech(inner, n))
    return children


def _text_offsets(children, start=0, out=None):
    """Offsets a quotation mark can stand at: not inside an image, a footnote mark or code."""
    out = {start} if out is None else out
    for node in children:
        if isinstance(node, Text):
            out.update(range(start, start + len(node.text) + 1))
        elif hasattr(node, "children"):
            _text_offsets(node.children, start, out)
        start += len(plain_text((node,)))
        out.add(start)
    return out


@st.composite
def inlines_and_ranges(draw):
    children = tuple(draw(st.lists(inline_strategy(), min_size=1, max_size=6)))
    cuts = sorted(draw(st.lists(st.sampled_from(sorted(_text_offsets(children))), max_size=8, unique=True)))
    pairs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    return children, [(a, b, n) for n, (a, b) in enumerate(pairs)]


@given(inlines_and_ranges())
def test_many_ranges_in_one_pass_equal_one_range_at_a_time(case):
    children, ranges = case
    assert wrap_ranges(children, ranges, QuotedSpeech) == _one_at_a_time(children, ranges)


def test_ranges_cut_through_formatting_and_keep_it_on_both_sides():
    children = (Text("He said “yes"), Strong((Text(" and no” then “maybe”"),)), Emphasis((Text("."),)))
    text = plain_text(children)
    first, second = text.index("“yes"), text.index("“maybe")
    ranges = [(first, text.index("”") + 1, 0), (second, second + len("“maybe”"), 1)]
    wrapped = wrap_ranges(children, ranges, QuotedSpeech)
    assert wrapped == _one_at_a_time(children, ranges)
    assert plain_text(wrapped) == plain_text(children)
    assert [plain_text(node.children) for node in wrapped if isinstance(node, QuotedSpeech)] \
        == ["“yes and no”", "“maybe”"]


def test_a_long_text_cut_many_times_keeps_every_character():
    text = " ".join("“w%d”" % i for i in range(500))
    ranges, at = [], 0
    for i in range(500):
        word = "“w%d”" % i
        at = text.index(word, at)
        ranges.append((at, at + len(word), i))
        at += len(word)
    wrapped = wrap_ranges((Text(text),), ranges, QuotedSpeech)
    assert plain_text(wrapped) == text
    assert sum(isinstance(node, QuotedSpeech) for node in wrapped) == 500

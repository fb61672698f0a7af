"""The speaker name index: surnames and partial names resolve to the fullest name the release gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pressconv.transforms.quotes._names import NameIndex, _contains

_WORDS = ["Anna", "Maria", "Ben", "Thomas", "Smith", "Greminger", "Meyer", "Lee"]


def _reference(names: list[tuple[str, ...]], query: str) -> str:
    """The rule written the plain way: every candidate against every other."""
    tokens = tuple(query.split())
    counts: dict[tuple[str, ...], int] = {}
    for name in names:
        if 2 <= len(name) <= 6:
            counts[name] = counts.get(name, 0) + 1
    bucket = {c: n for c, n in counts.items() if c[-1].lower() == tokens[-1].lower()}
    if not bucket:
        return query
    pool = [c for c in bucket if _contains(c, tokens)]
    if len(tokens) >= 2:
        pool.append(tokens)
    if not pool:
        return query
    minimal = [c for c in pool if not any(2 <= len(o) < len(c) and c[-len(o):] == o for o in pool)]
    return " ".join(max(minimal, key=lambda c: (len(c), bucket.get(c, 0))))


names = st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(tuple), max_size=12)
queries = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join)


@given(names, queries)
def test_the_index_answers_as_the_plain_rule_does(given_names, query):
    index = NameIndex()
    for name in given_names:
        index.add(name)
    assert index.resolve(query) == _reference(given_names, query)


def test_a_surname_resolves_to_the_full_name_and_an_added_name_is_seen():
    index = NameIndex()
    index.add(("Thomas", "Greminger"))
    assert index.resolve("Greminger") == "Thomas Greminger"
    index.add(("Anna", "Maria", "Smith"))
    assert index.resolve("Smith") == "Anna Maria Smith"
    index.add(("Maria", "Smith"))  # asked again after a new name: not the remembered answer
    assert index.resolve("Smith") == "Maria Smith"

"""The Unicode Bidirectional Algorithm for one line: where each character is drawn.

UAX #9 without explicit embeddings (rules W1–W7, N0–N2, I1–I2, L1, L2, and L4
mirroring of brackets): enough for Markdown, which has no use for embedding
controls.  python-bidi implements all of it but gives back only the reordered
string; a line in several styles (bold, links) needs to know where each
character goes, so the PDF writer uses this, and the tests hold it to
python-bidi's output.
"""

from __future__ import annotations

import unicodedata

from ._regex_cache import cached_compile

_RTL = cached_compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "BN"))
# explicit embeddings and isolates are not applied (Markdown has no use for them): ignored
_EXPLICIT = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Hebrew, Arabic, Syriac ...)."""
    return _RTL.search(text) is not None


def has_ltr(text: str) -> bool:
    """True when ``text`` holds a left-to-right letter."""
    return any(unicodedata.bidirectional(char) == "L" for char in text)


def base_level(text: str) -> int:
    """1 when the first strong character is right-to-left (UAX #9 P2–P3), else 0."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def visual_order(levels: list[int]) -> list[int]:
    """The logical indexes of a line's characters (given their embedding levels, from
    :func:`embedding_levels`) in the order they are drawn, left to right."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):  # L2: reverse every run at this level or above
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and levels[order[position]] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = order[start:position][::-1]
                start = None
    return order


def visual(text: str, base: int, mirror: bool = True) -> str:
    """``text`` as drawn (brackets in right-to-left runs mirrored, unless ``mirror`` is False)."""
    levels = embedding_levels(text, base)
    return "".join(MIRROR.get(text[i], text[i]) if mirror and levels[i] % 2 else text[i]
                   for i in visual_order(levels))


def embedding_levels(text: str, base: int) -> list[int]:
    """Each character's embedding level in a line whose paragraph level is ``base`` (0 or 1)."""
    kinds = [unicodedata.bidirectional(c) or "L" for c in text]
    embedding = "R" if base else "L"
    kinds = ["BN" if k in _EXPLICIT else k for k in kinds]
    previous = embedding
    for i, kind in enumerate(kinds):  # W1: a mark takes the type before it
        if kind == "NSM":
            kinds[i] = previous if previous not in ("LRI", "RLI", "FSI", "PDI") else "ON"
        elif kind != "BN":
            previous = kinds[i]
    strong = embedding
    for i, kind in enumerate(kinds):  # W2, W3: numbers after Arabic letters are Arabic
        if kind in ("L", "R", "AL"):
            strong = kind
        if kind == "EN" and strong == "AL":
            kinds[i] = "AN"
        if kind == "AL":
            kinds[i] = "R"
    for i in range(1, len(kinds) - 1):  # W4: 1,000 and 1.5 stay numbers
        before, kind, after = kinds[i - 1], kinds[i], kinds[i + 1]
        if kind == "ES" and before == after == "EN":
            kinds[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            kinds[i] = before
    for i, kind in enumerate(kinds):  # W5: currency and percent signs join their number
        if kind == "ET":
            j = i
            while j < len(kinds) and kinds[j] == "ET":
                j += 1
            if (i > 0 and kinds[i - 1] == "EN") or (j < len(kinds) and kinds[j] == "EN"):
                for k in range(i, j):
                    kinds[k] = "EN"
    kinds = ["ON" if k in ("ES", "ET", "CS") else k for k in kinds]  # W6
    strong = embedding
    for i, kind in enumerate(kinds):  # W7: numbers in left-to-right text are left-to-right
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[i] = "L"
    _paired_brackets(text, kinds, embedding)
    i = 0
    while i < len(kinds):  # N1, N2: neutrals take the direction around them, else the embedding's
        if kinds[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(kinds) and kinds[j] in _NEUTRAL:
            j += 1
        before = _direction(kinds[i - 1]) if i > 0 else embedding
        after = _direction(kinds[j]) if j < len(kinds) else embedding
        fill = before if before == after else embedding
        for k in range(i, j):
            kinds[k] = fill
        i = j
    levels = []
    for kind in kinds:  # I1, I2
        if base == 0:
            levels.append(1 if kind == "R" else 2 if kind in ("AN", "EN") else 0)
        else:
            levels.append(2 if kind in ("L", "EN", "AN") else 1)
    # L1: segment separators (tabs), and white space before them or at the line's end,
    # go back to the paragraph's level
    trailing = True
    for i in range(len(text) - 1, -1, -1):
        kind = unicodedata.bidirectional(text[i])
        if kind in ("S", "B"):
            levels[i] = base
            trailing = True
        elif trailing and kind in ("WS", "BN") or trailing and kind in _EXPLICIT:
            levels[i] = base
        else:
            trailing = False
    return levels


_OPENING = {"(": ")", "[": "]", "{": "}"}


def _paired_brackets(text: str, kinds: list[str], embedding: str) -> None:
    """N0: a pair of brackets takes the direction of what it encloses (and of what precedes it)."""
    pairs = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if kinds[i] != "ON":
            continue
        if char in _OPENING:
            if len(stack) >= 63:  # BD16's limit
                break
            stack.append((_OPENING[char], i))
        elif char in _OPENING.values():
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for opening, closing in sorted(pairs):
        inside = {_direction(k) for k in kinds[opening + 1:closing] if k in ("L", "R", "EN", "AN")}
        if not inside:
            continue
        direction = embedding
        if embedding not in inside:  # only the other direction inside: it wins if it came before
            before = next((_direction(k) for k in reversed(kinds[:opening]) if k in ("L", "R", "EN", "AN")),
                          embedding)
            direction = before
        kinds[opening] = kinds[closing] = direction


def _direction(kind: str) -> str:
    return "R" if kind in ("R", "AN", "EN") else "L"

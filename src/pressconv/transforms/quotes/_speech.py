"""Quotation marks in running text: which mark opens, which closes, and the pairs.

Real releases mix every convention (``"…"``, ``“…”``, ``„…“``, ``«…»``,
``‚…‘``, ``”…”``) and get them wrong (``“…“``, ``« …”``, ``"…”``).  Marks
pair within a family (double or single) whatever their shape; the direction
of an ambiguous mark comes from what stands on either side of it, as
CommonMark decides emphasis delimiters.  Apostrophes (``it’s``, ``l’Etat``)
are never marks.  Helpers for sentences and titles live here too.
"""

from __future__ import annotations

import re

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._regex_cache import cached_compile
from ... import lexicon

DOUBLE = "double"
SINGLE = "single"

_DOUBLE_MARKS = frozenset('"“”„‟«»「」')
_SINGLE_MARKS = frozenset("'‘’‚‛‹›『』")
QUOTE_MARKS = _DOUBLE_MARKS | _SINGLE_MARKS
# Characters after which a mark still opens (an opening bracket, a dash, another mark ...).
_OPENING_CONTEXT = frozenset("([{/—–-„«‹'\"‘“’*_:")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}—–-…'\"’”»›*_/")


@dataclass(frozen=True, slots=True)
class Span:
    """A paired stretch of quoted text: ``text[start:end]`` includes both marks."""

    start: int  #: offset of the opening mark
    end: int  #: offset just after the closing mark
    family: str  #: DOUBLE or SINGLE

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the words between the marks."""
        return self.start + 1, self.end - 1


@dataclass(frozen=True, slots=True)
class Marks:
    """What one text holds: paired spans (outermost only) and the double marks left over."""

    spans: tuple[Span, ...]  #: outermost pairs in order
    unclosed: tuple[int, ...]  #: offsets of double opening marks never closed
    orphans: tuple[int, ...]  #: offsets of double closing marks that closed nothing


def _space(char: str | None) -> bool:
    return char is None or char.isspace()


def _direction(char: str, prev: str | None, nxt: str | None) -> str | None:
    """"open", "close", "both" or None (not a mark here) for the mark ``char``."""
    can_open = not _space(nxt) and (_space(prev) or prev in _OPENING_CONTEXT)
    can_close = not _space(prev) and (_space(nxt) or nxt in _CLOSING_CONTEXT)
    alnum_before = prev is not None and prev.isalnum()
    alnum_after = nxt is not None and nxt.isalnum()
    if char in "「『":  # Chinese and Japanese corner brackets say which way they face
        return "open"
    if char in "」』":
        return "close"
    if char in "„‚":
        return "open" if char == "„" or alnum_after else None
    if char == "“":
        return "close" if can_close and not can_open else "open"
    if char == "”":
        return "open" if (_space(prev) or prev in _OPENING_CONTEXT) and alnum_after else "close"
    if char in "«‹":
        return "close" if alnum_before and not alnum_after else "open"
    if char in "»›":
        return "open" if _space(prev) and alnum_after else "close"
    if char == '"':
        if can_open and can_close:
            return "both"
        if can_open:
            return "open"
        if can_close or (_space(prev) and not alnum_after):
            return "close"
        return None
    # single marks: a mark between two letters is an apostrophe
    if alnum_before and alnum_after:
        return None
    if char in "‘‛":
        return "close" if can_close and not can_open else "open"
    if char == "’":
        return "close" if not _space(prev) else None
    # straight '
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return None


def scan(text: str) -> Marks:
    """Pair the quotation marks of ``text``."""
    stack: list[tuple[int, str]] = []
    pairs: list[Span] = []
    orphans: list[int] = []
    length = len(text)
    for index, char in enumerate(text):
        if char not in QUOTE_MARKS:
            continue
        prev = text[index - 1] if index else None
        nxt = text[index + 1] if index + 1 < length else None
        direction = _direction(char, prev, nxt)
        if direction is None:
            continue
        family = DOUBLE if char in _DOUBLE_MARKS else SINGLE
        if direction == "both":
            direction = "close" if any(f == family for _, f in stack) else "open"
        if direction == "open":
            stack.append((index, family))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][1] == family:
                start = stack[depth][0]
                del stack[depth:]
                pairs.append(Span(start, index + 1, family))
                break
        else:
            if family == DOUBLE:
                orphans.append(index)
    outer: list[Span] = []
    for span in sorted(pairs, key=lambda s: (s.start, -s.end)):
        if outer and span.start < outer[-1].end:
            continue
        outer.append(span)
    unclosed = tuple(i for i, f in stack if f == DOUBLE)
    return Marks(tuple(outer), unclosed, tuple(orphans))


# ------------------------------------------------------------ sentences

_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st sr jr inc ltd co corp vs etc e.g i.e no nr art abs bzw ca dipl ing
mme mlle sra srta dña ud uds gen col lt sen rep gov hon rev oct sept sep nov dec jan feb
aug apr jun jul mar fig u.s u.k e.u u.n approx dept univ av
""".split())
# "Lic.", "Dott.", "Arq.": the lexicons' honorifics are written with a full stop too
_HONORIFICS = lexicon.words("names", "honorifics")
_SENTENCE_END = cached_compile(r"[.!?…]+[\"'”’»)]*(?=\s+[\"'“‘„«(]?[^\W\d_])|[.!?…]+[\"'”’»)]*(?=\s*$)"
                               r"|[。！？][」』”）]*")


def _is_abbreviation(text: str, dot: int) -> bool:
    match = re.search(r"([\w.]+)$", text[:dot])
    if not match:
        return False
    word = match.group(1).lower()
    return len(word) == 1 or word in _ABBREVIATIONS or word in _HONORIFICS \
        or bool(re.fullmatch(r"(?:\w\.)+\w?", word))


def sentence_breaks(text: str) -> list[int]:
    """Offsets just after each sentence-ending punctuation in ``text``."""
    breaks = []
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        breaks.append(match.end())
    return breaks


def sentence_start(text: str, position: int, floor: int = 0) -> int:
    """Where the sentence holding ``position`` begins (not before ``floor``)."""
    start = floor
    for end in sentence_breaks(text[floor:position]):
        start = floor + end
    while start < position and text[start].isspace():
        start += 1
    return start


def first_sentence_end(text: str) -> int:
    """Length of the first sentence of ``text`` (all of it when none ends)."""
    for end in sentence_breaks(text):
        return end
    return len(text)


# --------------------------------------------------------------- words

WORD = cached_compile(r"[^\W\d_][\w'’.\-]*[^\W_]|[^\W\d_]")
_SMALL_WORDS = frozenset("""
a an the and or of to in on at for with by from as but nor is are be vs
der die das und oder von zu im in am an auf für mit des dem den ein eine
le la les et ou de du des à au aux en pour par sur un une
el la los las y o de del en por para con un una al
il lo gli le e o di da del della dei delle per con un una
""".split())


def words(text: str) -> list[str]:
    """The words of ``text`` (letters, inner apostrophes, hyphens and dots); Chinese and
    Japanese, written without spaces, count as a word every two characters."""
    found = WORD.findall(text)
    if not _CJK.search(text):
        return found
    out: list[str] = []
    for word in found:
        if _CJK.search(word):
            out.extend(word[i:i + 2] for i in range(0, len(word), 2))
        else:
            out.append(word)
    return out


_CJK = cached_compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")


def looks_like_title(text: str) -> bool:
    """True for Title Case Text such as a report's or a film's name."""
    found = words(text)
    significant = [w for w in found if w.lower() not in _SMALL_WORDS]
    if len(found) < 2 or len(found) > 14 or not significant:
        return False
    capitals = sum(1 for w in significant if w[0].isupper())
    return capitals / len(significant) >= 0.75


def clean_text(text: str) -> str:
    """Quote text as the model keeps it: whitespace runs as one space, ends trimmed."""
    return " ".join(text.split())

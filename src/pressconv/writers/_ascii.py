"""ASCII transliteration for old systems and wire copy.

Letters lose their accents through Unicode decomposition (NFKD without the
combining marks); a small table covers what decomposition leaves alone and how
a newsroom writes it: typographic punctuation, ligatures, a few letters, common
symbols (``EUR``), and the Russian/Ukrainian Cyrillic and Greek alphabets.
Other scripts (Arabic, Hebrew, Chinese ...) go to ``anyascii``, imported only
when such a character appears.  What even that cannot spell becomes ``?`` and
is counted, so the writer can say that something was lost.
"""

from __future__ import annotations

import unicodedata

_TABLE = {
    # quotation marks and apostrophes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    # dashes, spaces, dots
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "--", "\u2015": "--",
    "\u2212": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u200b": "", "\u00ad": "", "\ufeff": "", "\u2026": "...", "\u2022": "*", "\u00b7": ".",
    "\u2044": "/",
    "\ue000": "\ue000",  # the writers' own marker for a space that must not break (_plain.GLUE)
    # letters without a decomposition
    "\u00df": "ss", "\u1e9e": "SS", "\u00e6": "ae", "\u00c6": "AE", "\u0153": "oe", "\u0152": "OE",
    "\u00f8": "o", "\u00d8": "O", "\u0111": "d", "\u0110": "D", "\u0142": "l", "\u0141": "L",
    "\u00fe": "th", "\u00de": "Th", "\u00f0": "d", "\u00d0": "D", "\u0131": "i", "\u0127": "h",
    # symbols
    "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY", "\u00a9": "(c)", "\u00ae": "(R)",
    "\u00b0": "deg", "\u00d7": "x", "\u00f7": "/", "\u00b1": "+/-", "\u2192": "->", "\u2190": "<-",
    "\u00a7": "S.", "\u00b6": "P.", "\u2116": "No.",
}
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya ye i yi g".split(" "),
))
_GREEK = dict(zip(  # ELOT 743, simplified; accents go with the decomposition
    "αβγδεζηθικλμνξοπρσςτυφχψω",
    "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(" "),
))
for _lower, _latin in [*_CYRILLIC.items(), *_GREEK.items()]:
    _TABLE[_lower] = _latin
    _TABLE[_lower.upper()] = _latin.capitalize()


class _Transliteration(dict):
    """``str.translate`` table that works out and caches each character on first sight."""

    def __init__(self) -> None:
        super().__init__()
        self.unknown: set[str] = set()  # characters seen that have no ASCII form

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _TABLE:
            value = _TABLE[char]
        else:
            value = "".join(c for c in unicodedata.normalize("NFKD", char)
                            if not unicodedata.combining(c))
            value = "".join(_TABLE.get(c, c) for c in value)
            if not value.isascii():
                value = _anyascii(char)  # may be "" (Arabic alef, marks): spelt by what follows
            if not value.isascii() or (not value and not unicodedata.category(char)[0] in "LM"):
                self.unknown.add(char)
                value = "?"
        self[code] = value
        return value


def _anyascii(char: str) -> str:
    from anyascii import anyascii  # only for scripts the table above does not know

    return anyascii(char)


_TRANSLITERATION = _Transliteration()


def to_ascii(text: str, lost: set[str] | None = None) -> str:
    """``text`` with every character replaced by its closest ASCII spelling (``?`` if none).

    Characters that became ``?`` are added to ``lost`` when it is given.
    """
    if text.isascii():
        return text
    result = text.translate(_TRANSLITERATION)
    if lost is not None and "?" in result:
        lost.update(set(text) & _TRANSLITERATION.unknown)
    return result

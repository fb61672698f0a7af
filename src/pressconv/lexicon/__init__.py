"""Language knowledge as data: one JSON file per language, read once.

Each ``xx.json`` in this folder (``xx`` a BCP 47 language code) holds what the
recognisers need to know of one language, in sections:

``detection``    short words that tell the language of a text; the phone region
                 (ISO 3166) of numbers written without a country code
``speech``       verbs of saying, auxiliaries, "according to", pronouns, words that
                 open sentences but never names, words that make a quote a title
``names``        honorifics, titles and roles, name particles, organisation words
``contacts``     contact labels and invitations (regular-expression fragments),
                 labels of phones and e-mails, role and organisation words
``dateline``     particles inside place names, words a place never starts with,
                 labels before a date ("Published:")
``dates``        spellings of months and weekdays that CLDR lacks ("Mrz", "Thurs"),
                 prefixes glued to month names (Hebrew ב), month names that are
                 ordinary words too ("may"), abbreviated weekdays written with a dot
``release``      "for immediate release" and embargo phrases (fragments)
``boilerplate``  "About X", "About us", "Notes to editors" (fragments)
``headline``     labels that stand above a headline ("Press release"); section
                 headings that are never the headline ("Overview", "概要")
``end_mark``     words that end a release ("ENDS", "Fin")

Word lists are lower case; "fragments" are regular expressions matched without
regard to case, joined with ``|``.  Month and weekday names are not here: they
come from CLDR (``calendar.json``), as do country names (``territories.json``), both
written by ``build_cldr.py`` with Babel; people's first names (``given_names.txt``) come
from Faker's person providers, written by ``build_names.py``.
Adding a language is adding one file (and its tests); ``_SECTIONS`` below says
what a file may hold, and a file that breaks it is refused with the reason.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from .._regex_cache import cached_compile
from ..errors import PressconvError

FOLDER = Path(__file__).resolve().parent
WORD = cached_compile(r"[^\W\d_]+")  #: a run of letters (also the dates' word pattern)
_CYRILLIC = cached_compile(r"[а-яё]", re.I)
# Languages whose fragments come first when joined: their order was the patterns' order
# before the lexicon existed, and a regular expression tries alternatives in order.
_FIRST = ("en", "de", "fr", "es", "it", "ru", "pt", "nl")

_SECTIONS: dict[str, dict[str, str]] = {
    "detection": {"markers": "words", "phone_region": "words"},
    "speech": {key: "words" for key in (
        "saying_verbs", "own_language_only", "auxiliaries", "intro_verbs", "according_to",
        "pronouns", "function_words", "title_cues", "issuer_nouns", "naming_verbs",
        "term_particles", "relative_pronouns", "group_nouns", "verbs_after_name", "viewpoint")},
    "names": {key: "words" for key in (
        "particles", "titles", "honorifics", "organisation_words", "determiners",
        "prepositions", "title_suffixes", "not_a_role", "name_suffixes", "titles_after", "surnames",
        "articles")},
    "contacts": {"labels": "fragments", "invites": "fragments", "press_words": "fragments",
                 "role_words": "words", "org_words": "words", "org_heads": "words",
                 "edge_words": "words", "means_labels": "words", "field_labels": "table",
                 "column_labels": "table", "region_words": "words", "desk_mailboxes": "words",
                 "source_labels": "words", "care_of": "fragments", "legal_forms": "words", "org_suffixes": "words",
                 "bare_desks": "words", "location_cues": "words", "department_words": "words"},
    "dateline": {"place_particles": "words", "not_a_place_start": "words",
                 "byline_words": "words", "date_labels": "fragments"},
    "dates": {"month_spellings": "numbered", "weekday_spellings": "words",
              "dotted_weekdays": "words", "ambiguous_months": "words", "month_prefixes": "words"},
    "release": {"immediate": "fragments", "embargo": "fragments", "unambiguous": "fragments"},
    "boilerplate": {"about": "fragments", "about_elided": "fragments", "about_us": "fragments",
                    "notes_to_editors": "fragments"},
    "headline": {"release_labels": "fragments", "section_headings": "fragments"},
    "end_mark": {"words": "fragments"},
}


class LexiconError(PressconvError):
    """A lexicon file that cannot be used."""


def _check(path: Path, data: Any) -> dict[str, Any]:
    def fail(what: str) -> LexiconError:
        return LexiconError("%s: %s (the sections and keys a lexicon may hold are listed in %s)"
                            % (path, what, Path(__file__).name))

    if not isinstance(data, dict):
        raise fail("the file must hold one JSON object")
    if data.get("language") != path.stem:
        raise fail("'language' must be %r, the file's name" % path.stem)
    for section, value in data.items():
        if section in ("language", "name"):
            if not isinstance(value, str):
                raise fail("%r must be a string" % section)
            continue
        keys = _SECTIONS.get(section)
        if keys is None:
            raise fail("unknown section %r (known: %s)" % (section, ", ".join(_SECTIONS)))
        if not isinstance(value, dict):
            raise fail("section %r must be an object" % section)
        for key, items in value.items():
            kind = keys.get(key)
            if kind is None:
                raise fail("unknown key %r in %r (known: %s)" % (key, section, ", ".join(keys)))
            if kind == "numbered":
                if not isinstance(items, dict) or not all(
                        k.isdigit() and 1 <= int(k) <= 12 and isinstance(v, list)
                        and all(isinstance(w, str) and w for w in v) for k, v in items.items()):
                    raise fail("%s.%s must map month numbers 1-12 to lists of names" % (section, key))
            elif kind == "table":
                if not isinstance(items, dict) or not all(
                        isinstance(k, str) and isinstance(v, str) for k, v in items.items()):
                    raise fail("%s.%s must map strings to strings" % (section, key))
            elif not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
                raise fail("%s.%s must be a list of non-empty strings" % (section, key))
    return data


@cache
def lexicons() -> dict[str, dict[str, Any]]:
    """Every language's lexicon, by language code, in joining order."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(FOLDER.glob("*.json")):
        if path.stem in ("calendar", "territories"):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise LexiconError("%s: cannot be read as JSON: %s" % (path, error)) from None
        found[path.stem] = _check(path, data)
    ordered = [code for code in _FIRST if code in found] + sorted(set(found) - set(_FIRST))
    return {code: found[code] for code in ordered}


def languages() -> tuple[str, ...]:
    """The language codes that have a lexicon."""
    return tuple(lexicons())


def by_language(section: str, key: str) -> dict[str, tuple[str, ...]]:
    """``key`` of ``section`` for each language that has it."""
    return {code: tuple(data[section][key]) for code, data in lexicons().items()
            if key in data.get(section, {})}


def words(section: str, key: str) -> frozenset[str]:
    """The union over all languages of a word list."""
    return frozenset(word for items in by_language(section, key).values() for word in items)


def fragments(section: str, key: str) -> str:
    """The regular-expression fragments of all languages joined as alternatives."""
    return "|".join(fragment for items in by_language(section, key).values() for fragment in items)


@cache
def marker_languages() -> dict[str, tuple[str, ...]]:
    """Each language-marking word (``detection.markers``) and the languages it marks."""
    marks: dict[str, tuple[str, ...]] = {}
    for code, words in by_language("detection", "markers").items():
        for word in words:
            marks[word] = marks.get(word, ()) + (code,)
    return marks


@cache
def _marked_languages() -> tuple[str, ...]:
    return tuple(by_language("detection", "markers"))


def language_scores(text: str) -> dict[str, int]:
    """How many of each language's marker words ``text`` holds (one look-up a word)."""
    marks = marker_languages()
    scores = dict.fromkeys(_marked_languages(), 0)
    for word in WORD.findall(text.lower()):
        for code in marks.get(word, ()):
            scores[code] += 1
    return scores


def guess_language(text: str, at_least: int = 5) -> str | None:
    """The language whose marker words ``text`` holds most (None below ``at_least``); Russian
    by its script, which no marker list needs to tell."""
    if len(_CYRILLIC.findall(text)) > 50:
        return "ru"
    scores = language_scores(text)
    best = max(scores, key=scores.__getitem__, default=None)
    return best if best is not None and scores[best] >= at_least else None


def numbered(section: str, key: str) -> dict[int, frozenset[str]]:
    """Names by month number, merged over all languages."""
    merged: dict[int, set[str]] = {}
    for data in lexicons().values():
        for number, names in data.get(section, {}).get(key, {}).items():
            merged.setdefault(int(number), set()).update(names)
    return {number: frozenset(names) for number, names in merged.items()}


@cache
def territories() -> frozenset[str]:
    """CLDR's country and region names in the contact languages, folded (``territories.json``)."""
    path = FOLDER / "territories.json"
    try:
        return frozenset(json.loads(path.read_text(encoding="utf-8"))["names"])
    except (OSError, ValueError, KeyError) as error:
        raise LexiconError("%s: cannot be read: %s; rebuild it with "
                           "'python -m pressconv.lexicon.build_cldr'" % (path, error)) from None


class _Names:
    """A set-like view of a newline-separated word list, searched as one string: reading
    it costs a fraction of a millisecond where a set of 30,000 names costs some ten."""

    def __init__(self, text: str, excluded: frozenset[str]) -> None:
        self._text = "\n" + text
        self._excluded = excluded

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(word) and "\n" not in word \
            and word not in self._excluded and ("\n%s\n" % word) in self._text


@cache
def given_names() -> _Names:
    """People's first names, folded (``given_names.txt``, from Faker), less the words the
    lexicons know as something else (particles, function words, verbs of saying)."""
    path = FOLDER / "given_names.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise LexiconError("%s: cannot be read: %s; rebuild it with "
                           "'python -m pressconv.lexicon.build_names'" % (path, error)) from None
    other: set[str] = set()
    for section, key in (("names", "particles"), ("speech", "function_words"),
                         ("speech", "saying_verbs"), ("names", "determiners"),
                         ("names", "prepositions"), ("speech", "pronouns")):
        other |= words(section, key)
    return _Names(text.split("\n", 1)[1] if text.startswith("#") else text, frozenset(other))


@cache
def calendar() -> dict[str, dict[str, list[list[str]]]]:
    """CLDR's month and weekday names by locale (``calendar.json``)."""
    path = FOLDER / "calendar.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["languages"]
    except (OSError, ValueError, KeyError) as error:
        raise LexiconError("%s: cannot be read: %s; rebuild it with "
                           "'python -m pressconv.lexicon.build_cldr'" % (path, error)) from None


def table(section: str, key: str) -> dict[str, str]:
    """A mapping merged over all languages."""
    merged: dict[str, str] = {}
    for data in lexicons().values():
        merged.update(data.get(section, {}).get(key, {}))
    return merged

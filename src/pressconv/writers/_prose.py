"""Small prose helpers of the briefing formats: dates written out, AP dates, sentences."""

from __future__ import annotations

import datetime

from .._regex_cache import cached_compile

_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
_MONTHS = {language: names.split() for language, names in _MONTHS.items()}
_AP_MONTHS = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()

_SENTENCE_END = cached_compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*\s+|[\u3002\uff01\uff1f][\u300d\u300f\u201d\uff09]*\s*")
_OPENERS = "\"'\u201c\u201e\u2018\u00ab(\u00bf\u00a1"
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sen rep gov gen col lt sgt capt rev hon inc ltd co corp llc plc bros jr "
    "sr no nr vs etc approx ca jan feb mar apr jun jul aug sep sept oct nov dec ave blvd dept univ "
    "calif mass fla ariz wash mich minn penn bzw ggf vgl sog hr fr mme mlle sra sr dña".split())


def iso_date(value: str | None) -> datetime.date | None:
    """The date of an ISO ``YYYY-MM-DD`` string (anything after the day ignored), or None."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def written_date(value: str | None, language: str | None = None) -> str | None:
    """``4 October 2018`` (``4. Oktober 2018``, ``4 octobre 2018``, ``4 de octubre de 2018``)."""
    day = iso_date(value)
    if day is None:
        return None
    language = (language or "en")[:2].lower()
    month = _MONTHS.get(language, _MONTHS["en"])[day.month - 1]
    if language == "de":
        return "%d. %s %d" % (day.day, month, day.year)
    if language == "es":
        return "%d de %s de %d" % (day.day, month, day.year)
    if language == "fr" and day.day == 1:
        return "1er %s %d" % (month, day.year)
    if language not in _MONTHS:
        month = _MONTHS["en"][day.month - 1]
    return "%d %s %d" % (day.day, month, day.year)


def ap_date(value: str | None) -> str | None:
    """The date in AP style: ``Oct. 4, 2018``, ``March 3, 2021``."""
    day = iso_date(value)
    if day is None:
        return None
    return "%s %d, %d" % (_AP_MONTHS[day.month - 1], day.day, day.year)


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, not at abbreviations (``Oct.``, ``U.S.``) or initials."""
    found: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        after = text[match.end():match.end() + 1]
        if match.group()[0] in "。！？":
            if not after:
                continue  # Chinese and Japanese: a full stop ends the sentence, no space after it
        elif not after or not (after.isupper() or after.isdigit() or after in _OPENERS):
            continue
        if match.group()[0] == "." and _is_abbreviation(text[start:match.start()]):
            continue
        found.append(text[start:match.end()].strip())
        start = match.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def _is_abbreviation(before: str) -> bool:
    words = before.split()
    word = words[-1].lstrip("(\"'\u201c\u201e\u2018\u00ab") if words else ""
    if "." in word or (len(word) == 1 and word.isalpha()):
        return True  # U.S., z.B, initials such as "John F."
    if word.isdigit():
        return len(word) <= 2  # German ordinals: "4. Oktober"
    return word.lower() in _ABBREVIATIONS

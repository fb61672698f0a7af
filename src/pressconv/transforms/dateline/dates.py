"""Dates and times as press releases write them, with month and weekday names from
CLDR (``lexicon/calendar.json``, written with Babel) for every language that has a
lexicon, and for any other CLDR language a release is written in.

``find_date(text)`` finds the first date expression; ``match_date(text, pos)`` one that
starts exactly at ``pos``.  A match knows where it starts and ends and its ISO date,
which is None when the expression is incomplete (``June 29th`` without a year,
``May 2021`` without a day) or impossible (``31 February``).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import lru_cache

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon

def fold(text: str) -> str:
    """Lower case without accents (``Février`` → ``fevrier``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")
    return unicodedata.normalize("NFC", kept)


def _base(code: str) -> str:
    return code.split("-")[0].split("_")[0].lower()


class _Names:
    """Month and weekday names, folded: CLDR's (``lexicon/calendar.json``) for the languages
    whose lexicon knows dates, always; another language's when a release is written in it.

    Names of all lexicon languages are matched at once, since a release's language is
    often unknown or mixed (a German release with an English date line); a language
    without a lexicon adds its names only when the release says it is written in it,
    so that its short abbreviations ("pro", "sub") do not turn English words into dates.
    """

    def __init__(self) -> None:
        self._months: dict[str | None, dict[str, int]] = {}
        self._weekdays: dict[str | None, frozenset[str]] = {}

    @staticmethod
    @lru_cache(maxsize=64)
    def _key(language: str | None) -> str | None:
        """None for the shared table, else a language whose names are not always matched."""
        if not language or _base(language) in always_read_languages():
            return None
        return _base(language)

    @staticmethod
    def _locales(key: str | None) -> list[str]:
        core = always_read_languages()
        codes = [code for code in lexicon.calendar() if _base(code) in core]
        if key is not None:
            codes += [code for code in lexicon.calendar() if _base(code) == key]
        return codes

    def months(self, language: str | None) -> dict[str, int]:
        key = self._key(language)
        found = self._months.get(key)
        if found is None:
            table: dict[str, int] = {}
            for code in self._locales(key):
                for number, names in enumerate(lexicon.calendar()[code]["months"], 1):
                    for name in names:
                        # the release's own language wins a clash (hr "listopad" is October)
                        if key is None or _base(code) == key or fold(name) not in table:
                            table[fold(name)] = number
            for number, names in lexicon.numbered("dates", "month_spellings").items():
                for name in names:
                    table.setdefault(fold(name), number)
            for prefix in lexicon.words("dates", "month_prefixes"):
                script = unicodedata.name(prefix, "").split(" ")[0]
                for name, number in list(table.items()):
                    if unicodedata.name(name[0], "").split(" ")[0] == script:
                        table.setdefault(prefix + name, number)  # Hebrew "במרץ": in March
            found = self._months[key] = table
        return found

    def weekdays(self, language: str | None) -> frozenset[str]:
        key = self._key(language)
        found = self._weekdays.get(key)
        if found is None:
            names = {fold(name) for code in self._locales(key)
                     for day in lexicon.calendar()[code]["weekdays"] for name in day}
            names |= {fold(name) for name in lexicon.words("dates", "weekday_spellings")}
            # one-character names (Japanese 月 "Mon", 日 "Sun") are the signs of a date too
            names = {name for name in names if len(name) > 1}
            found = self._weekdays[key] = frozenset(names - set(self.months(language)))
        return found


@lru_cache(maxsize=1)
def always_read_languages() -> frozenset[str]:
    """Languages whose month names are matched in every release: those whose lexicon knows
    their datelines or dates (a language with only contact or speech words waits until a
    release says it is written in it)."""
    return frozenset(code for code, data in lexicon.lexicons().items()
                     if "dateline" in data or "dates" in data)


_NAMES = _Names()
MONTHS: dict[str, int] = _NAMES.months(None)
WEEKDAYS = _NAMES.weekdays(None)
# Abbreviated weekdays that count only with a capital and a dot (German "Di.").
_SHORT_WEEKDAYS = lexicon.words("dates", "dotted_weekdays")

# Month and weekday names are looked up in the tables above, not spelt out in the
# patterns (an alternation of 300 names costs milliseconds to compile): each name is
# masked by private-use characters of the same length, so offsets stay the text's.
_MONTH_MARK = 0xE000  # + the month's number, then _FILL up to the name's length
_DAY_MARK = "\ue100"
_FILL = "\ue0ff"
_NAME = lexicon.WORD
_MONTH = "(?P<month>[\ue001-\ue00c]\ue0ff*)"
_WEEKDAY_PREFIX = r"(?:\ue100+\.?,?\s+)?"  # "Tuesday, ", "Di., ", "martes "
_ARTICLE = r"(?i:(?:le|el|am|den|il|on|the|du|del|a|от)\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?i:\s*(?:\.|º|°|ª|er|st|nd|rd|th|-?го|-е))?"
_YEAR = r"(?P<year>(?:1[89]|2\d)\d\d)(?i:\s*(?:г\.|года|год)(?!\w))?"
_END = r"(?![\w\ue000-\ue1ff])"

_PATTERNS = [
    # 4 October 2018, 3. März 2021, 5 de mayo de 2020, 1er mai, 29th of June 2023, 5 мая 2021 г.
    cached_compile(_WEEKDAY_PREFIX + _ARTICLE + _DAY + r"(?:\s*(?i:de\s+|of\s+)?|-)" + _MONTH
                   + r"(?:\.(?!\d))?(?:(?:,?\s*(?i:de\s+|del\s+)?|-)" + _YEAR + r")?" + _END),
    # October 4, 2018; Oct. 6, 2015; Sept. 3rd 2021; June 29th
    cached_compile(_WEEKDAY_PREFIX + _ARTICLE + _MONTH + r"\.?\s+" + _DAY + r"(?:,?\s+" + _YEAR
                   + r")?" + _END),
    # 2019-11-02, 2012/09/21
    cached_compile(r"(?P<year>(?:1[89]|2\d)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)"
                   r"(?![\d])"),
    # 02.11.2019, 2.11.19 (day first: the European order)
    cached_compile(_WEEKDAY_PREFIX + _ARTICLE + r"(?P<day>[0-3]?\d)\.\s?(?P<month>[01]?\d)\.\s?"
                   r"(?P<year>(?:1[89]|2\d)\d\d|\d\d)" + _END),
    # 05-02-2019: day first, as Europe writes it with hyphens
    cached_compile(_WEEKDAY_PREFIX + r"(?P<day>[0-3]?\d)-(?P<month>[01]?\d)-(?P<year>(?:1[89]|2\d)\d\d)" + _END),
    # 11/02/2019: month first in English, day first elsewhere (decided in _iso)
    cached_compile(_WEEKDAY_PREFIX + r"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/"
                   r"(?P<year>(?:1[89]|2\d)\d\d)" + _END),
    # 2021年3月5日 (Japanese, Chinese), 2021년 3월 5일 (Korean): year, month, day by their signs
    cached_compile(r"(?P<year>(?:1[89]|2\d)\d\d)\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*"
                   r"(?P<day>[0-3]?\d)\s*[日일](?:\s*[（(][^)）]{1,3}[)）])?"),
    # May 2021, mai 2020: no day, so no ISO date
    cached_compile(_ARTICLE + _MONTH + r"\.?\s+(?i:de\s+)?" + _YEAR + _END),
]
# Short month names that are words too: they count only with a capital, unless the
# day and the year are both there.
_AMBIGUOUS = lexicon.words("dates", "ambiguous_months")


# Arabic-Indic and Persian digits read as ASCII digits (one character for one: offsets stay)
_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                        "01234567890123456789")


DIGIT = cached_compile(r"\d")
_NON_ASCII_DIGIT = cached_compile("[\u0660-\u0669\u06f0-\u06f9]")


def _mask(text: str, language: str | None = None) -> str:
    """``text`` with month and weekday names replaced by marks of the same length."""
    if _NON_ASCII_DIGIT.search(text):
        text = text.translate(_DIGITS)
    months, weekdays = _NAMES.months(language), _NAMES.weekdays(language)
    parts: list[str] = []
    last = 0
    for word in _NAME.finditer(text):
        key = fold(word.group())
        length = word.end() - word.start()
        month = months.get(key)
        if month is not None:
            mark = chr(_MONTH_MARK + month) + _FILL * (length - 1)
        elif (key in weekdays and not (length <= 2 and word.group().isupper())) or (
                key in _SHORT_WEEKDAYS and word.group()[0].isupper()
                and text[word.end():word.end() + 1] == "."):
            # "MA", "MI", "MO" in capitals are US states ("Boston, MA, March 3"), not "ma", "Mi"
            mark = _DAY_MARK * length
        else:
            continue
        parts.append(text[last:word.start()])
        parts.append(mark)
        last = word.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found in a text."""

    start: int  #: offset of its first character
    end: int  #: offset after its last character
    iso: str | None  #: ``YYYY-MM-DD``, or None when incomplete or impossible
    text: str  #: the expression as written


def _iso(match: re.Match[str], language: str | None) -> str | None:
    groups = match.groupdict()
    year = groups.get("year")
    if year is None:
        return None
    y = int(year)
    if y < 100:
        y += 2000 if y < 70 else 1900
    if groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        english = (language or "en").lower().startswith("en")
        month, day = (first, second) if english and first <= 12 else (second, first)
        if month > 12:
            month, day = day, month
    else:
        if groups.get("day") is None:
            return None
        raw = groups["month"]
        month = int(raw) if raw.isdigit() else ord(raw[0]) - _MONTH_MARK
        day = int(groups["day"])
    try:
        return _dt.date(y, month, day).isoformat()
    except ValueError:
        return None


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _plausible(match: re.Match[str], text: str) -> bool:
    groups = match.groupdict()
    month = groups.get("month")
    if month and not month.isdigit():
        written = text[match.start("month"):match.end("month")]
        if fold(written) in _AMBIGUOUS and (groups.get("year") is None or groups.get("day") is None):
            return written[0].isupper()
    return True


def _match_masked(text: str, masked: str, pos: int, language: str | None) -> DateMatch | None:
    if not _word_start(text, pos):
        return None
    best: re.Match[str] | None = None
    for pattern in _PATTERNS:
        found = pattern.match(masked, pos)
        if found and found.end() > pos and (best is None or found.end() > best.end()):
            best = found
    if best is None or not _plausible(best, text):
        return None
    return DateMatch(pos, best.end(), _iso(best, language), text[pos:best.end()])


def match_date(text: str, pos: int = 0, language: str | None = None) -> DateMatch | None:
    """The longest date expression starting exactly at ``pos``."""
    if not DIGIT.search(text, pos):
        return None
    return _match_masked(text, _mask(text, language), pos, language)


def find_date(text: str, language: str | None = None, start: int = 0) -> DateMatch | None:
    """The first date expression in ``text`` (from ``start``), longest at that position."""
    if not DIGIT.search(text, start):
        return None  # every date has a day or a year in digits: most text is done here
    masked = _mask(text, language)
    candidates: set[int] = set()
    for pattern in _PATTERNS:
        for found in pattern.finditer(masked, start):
            if _word_start(text, found.start()):
                candidates.add(found.start())
                break
    for pos in sorted(candidates):
        found = _match_masked(text, masked, pos, language)
        if found is not None:
            return found
    return None


def dates_in(text: str, language: str | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, left to right, none overlapping."""
    out: list[DateMatch] = []
    pos = 0
    while True:
        found = find_date(text, language, pos)
        if found is None:
            return out
        out.append(found)
        pos = found.end


# ---------------------------------------------------------------- times and zones

# Fixed offsets for the zone names releases use; regional names (ET, PT, CET in summer)
# are taken as written: a writer who says CET means +01:00.
ZONES: dict[str, str] = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "WET": "+00:00", "WEZ": "+00:00",
    "BST": "+01:00", "IST": "+01:00", "WEST": "+01:00", "WESZ": "+01:00",
    "CET": "+01:00", "MEZ": "+01:00", "HNEC": "+01:00",
    "CEST": "+02:00", "MESZ": "+02:00", "HAEC": "+02:00", "EET": "+02:00", "OEZ": "+02:00",
    "EEST": "+03:00", "OESZ": "+03:00", "MSK": "+03:00", "МСК": "+03:00",
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
    "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    "JST": "+09:00", "KST": "+09:00", "HKT": "+08:00", "SGT": "+08:00", "AWST": "+08:00",
    "AEST": "+10:00", "AEDT": "+11:00", "ACST": "+09:30", "NZST": "+12:00", "NZDT": "+13:00",
}
# Zones whose offset depends on the date.
_REGIONAL = {"ET": "America/New_York", "EASTERN": "America/New_York",
             "CT": "America/Chicago", "CENTRAL": "America/Chicago",
             "MT": "America/Denver", "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles",
             "UK": "Europe/London", "LONDON": "Europe/London",
             "BRUSSELS": "Europe/Brussels", "PARIS": "Europe/Paris", "BERLIN": "Europe/Berlin",
             "MADRID": "Europe/Madrid", "ROME": "Europe/Rome", "ROMA": "Europe/Rome",
             "VIENNA": "Europe/Vienna", "WIEN": "Europe/Vienna", "MOSCOW": "Europe/Moscow",
             "MOSKAU": "Europe/Moscow", "CEST/CET": "Europe/Berlin"}

_ZONE_NAMES = frozenset(ZONES) | frozenset(_REGIONAL)
_TIME = lazy_compile(
    r"(?<![\d:.])(?P<hour>[012]?\d)(?:(?:[:.h]|\s?Uhr\s?)(?P<minute>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?(?![a-z]))?"
    r"(?:\s*(?:Uhr|h|hrs|hours|heures|horas|ore|ч\.?)(?![a-zа-я]))?",
    re.I)
_ZONE = lazy_compile(
    r"\(?(?:(?:UTC|GMT)\s?(?P<offset>[+\-\u2212]\s?\d{1,2}(?::?\d\d)?)(?!\d)"
    r"|(?P<bare>[+\-\u2212]\d\d:?\d\d)(?!\d)"
    r"|(?:heure\s+de\s+|hora\s+de\s+|ora\s+di\s+)?(?P<name>[^\W\d_]+(?:/[^\W\d_]+)?)"
    r"(?:\s+time|\s+Zeit)?)\)?", re.I)


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A time of day with its zone, when given."""

    start: int
    end: int
    hour: int
    minute: int
    offset: str | None  #: ``+01:00`` style, when a zone was given
    zone: str | None  #: IANA name for zones whose offset depends on the date


def find_time(text: str) -> TimeMatch | None:
    """The first time of day (``09:00``, ``9 a.m.``, ``10h30``, ``9 Uhr``) and its zone."""
    for found in _TIME.finditer(text):
        hour = int(found.group("hour"))
        minute = int(found.group("minute") or 0)
        ampm = found.group("ampm")
        marked = found.group("minute") is not None or ampm or re.search(
            r"(Uhr|h|hrs|hours|heures|horas|ore|ч)\.?$", found.group(0).strip(), re.I)
        if not marked:
            continue
        if ampm:
            if hour > 12:
                continue
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        if hour > 24 or (hour == 24 and minute):
            continue
        end = found.end()
        offset = zone = None
        gap = len(text[end:]) - len(text[end:].lstrip(" ,"))
        zone_match = _ZONE.match(text, end + gap)
        if zone_match is not None and zone_match.group("name") and \
                zone_match.group("name").upper() not in _ZONE_NAMES:
            zone_match = None
        if zone_match is not None:
            end = zone_match.end()
            offset, zone = _zone_offset(zone_match)
        return TimeMatch(found.start(), end, hour % 24, minute, offset, zone)
    return None


def _zone_offset(match: re.Match[str]) -> tuple[str | None, str | None]:
    name = match.group("name")
    if name:
        key = name.upper()
        if key in ZONES:
            return ZONES[key], None
        return None, _REGIONAL.get(key)
    raw = (match.group("offset") or match.group("bare")).replace(" ", "").replace("\u2212", "-")
    sign, digits = raw[0], raw[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    if int(hours) > 14 or int(minutes) > 59:
        return None, None
    return "%s%02d:%s" % (sign, int(hours), minutes), None


def iso_datetime(date: str, time: TimeMatch | None) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS[+HH:MM]`` for a date and an optional time."""
    if time is None:
        return date
    stamp = "%sT%02d:%02d:00" % (date, time.hour, time.minute)
    if time.offset:
        return stamp + time.offset
    if time.zone:
        from zoneinfo import ZoneInfo

        moment = _dt.datetime.fromisoformat(stamp).replace(tzinfo=ZoneInfo(time.zone))
        return moment.isoformat()
    return stamp


_ISO_PREFIX = cached_compile(r"\s*((?:1[89]|2\d)\d\d)[-/.](\d\d)[-/.](\d\d)")


def iso_from_metadata(value: object, language: str | None = None) -> str | None:
    """An ISO date from a front-matter value (``2023-11-14T21:33:00-05:00``, ``2012/09/21`` ...)."""
    if not isinstance(value, str) or not value.strip():
        return None
    found = _ISO_PREFIX.match(value)
    if found:
        try:
            return _dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3))).isoformat()
        except ValueError:
            return None
    date = find_date(value, language)
    return date.iso if date else None

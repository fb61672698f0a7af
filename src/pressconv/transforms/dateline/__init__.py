"""The dateline: the place and date that open the lead (``VIENNA, 4 October 2018 –``).

Recognised forms, in any of the languages ``_dates`` knows:
``PLACE, DATE –``, ``PLACE –`` (capitals, or a bold/first-paragraph place), ``DATE –``,
``DATE, (PLACE) –``, ``PLACE | DATE –``, ``[PLACE WEEKDAY, DATE]``, wire credits
(``(GLOBE NEWSWIRE) --``, ``/PRNewswire/ --``, ``--(BUSINESS WIRE)--``, ``(dpa) –``),
a bold dateline without a dash, a first line holding only place and date, and a
paragraph holding only a date.  Without one in the body the date comes from the
release line, then from front matter (the place stays None).
"""

from __future__ import annotations

import re

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon
from ...model import (
    Block, Dateline, Document, Emphasis, Inline, LineBreak, Message, Paragraph, RawInline,
    SoftBreak, Strong, Text, Underline, plain_text,
)
from .dates import (
    DIGIT, always_read_languages, dates_in, find_date, find_time, iso_from_metadata, match_date,
)
from .._inlines import caseless, leading_text, split_inlines, strip_leading

_DASH = r"(?:-{2,}|[–—―‒]|(?<=[\s)\].])-(?=\s)|(?<=[\s)\].])-(?=[A-ZÀ-ÖØ-ÞА-Я]))"
_SEPARATOR = lazy_compile(r"\s*(?:(?<=\d)\.)?\s*" + _DASH + r"\s*")
_AFTER_BOLD = cached_compile(r"\s*(?:\.?\s*" + _DASH + r"|[.:,])?\s*")
_WIRES = (r"wire|newswire|presswire|prnewswire|prweb|globe|ots|dpa|ap|afp|apa|reuters|efe|"
          r"cnw|telbec|newsfile|marketwire|jcn|pr\s+times|"
          r"ansa|kna|epd|sda|ats|belga|anp|pap|ctk|čtk|tass|тасс|риа|интерфакс|interfax|"
          r"xinhua|kyodo|yonhap|bloomberg|idw|pts|ddp|upi|europa press|agencia|agenzia|"
          r"marketwired|accesswire|einpresswire|business wire|pr newswire")
_WIRE_WORD = lazy_compile(r"\b(?:%s)\b|wire\b|press\s*release\b|newsworthy|outreach" % _WIRES, re.I)
_WIRE_END = cached_compile(r"\s*(?:\((?P<a>[^()]{1,40})\)|/(?P<b>[^/\s][^/]{0,38})/)\s*$")
_WIRE_AFTER = cached_compile(r"\s*(?:\((?P<a>[^()]{1,40})\)|/(?P<b>[^/\s][^/]{0,38})/"
                             r"|(?P<c>[A-Z][^()/\n–—]{2,40}?(?<=\S)))\s*" + _DASH + r"+\s*")
# "Published:", "Datum:" before a date; words inside place names ("Frankfurt am Main");
# words no place starts with; words that make a line a byline
_LABEL = cached_compile(r"^(?:%s)\s*:?\s+" % lexicon.fragments("dateline", "date_labels"), re.I)
_PARTICLES = lexicon.words("dateline", "place_particles")
_STOP_FIRST = lexicon.words("dateline", "not_a_place_start")
_BYLINE = lexicon.words("dateline", "byline_words")
# Words that make a capitalised phrase an organisation, not a place.
_ORGANISATION = frozenset(
    "inc inc. corp corp. corporation ltd ltd. llc gmbh ag sa s.a. plc co co. company group "
    "foundation project team association institute university universität ministry "
    "ministerium council agency network labs software systems technologies".split())
_SENTENCE_MARKS = cached_compile(r"[!?;:\"“”„«»。、！？；：「」]|\.\s+[a-zà-ÿ]")
_PROSE_CHARS = 200
_SCAN_BLOCKS = 12


@dataclass(frozen=True, slots=True)
class Found:
    """A dateline found at the start of a text."""

    raw: str  #: as written, brackets kept, trailing dash removed
    place: str | None
    date: str | None  #: ISO date or None
    has_date: bool  #: a date expression was there (complete or not)
    end: int  #: offset where the lead's own text starts


def _is_wire(text: str) -> bool:
    words = text.split()
    if _WIRE_WORD.search(text):
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(words) <= 3 and all(c.isupper() for c in letters)


def _place_ok(place: str, has_date: bool, relaxed: bool) -> bool:
    """A place as datelines write it: a few capitalised words, commas, abbreviations."""
    if not place or len(place) > 70 or DIGIT.search(place):
        return False
    if _SENTENCE_MARKS.search(place) or "http" in place or "@" in place:
        return False
    words = [w for w in re.split(r"[\s,،/|]+", place.strip("()[] ")) if w]
    if not words or len(words) > 7:
        return False
    for word in words:
        bare = word.strip("().[]'’&-")
        if not bare:
            continue
        if bare.lower() in _PARTICLES:
            continue
        if not bare[0].isupper() and not caseless(bare[0]):
            return False
        if re.search(r"[a-zà-ÿ]\.[a-z]", bare):  # Node.js, example.com: names, not places
            return False
    first = words[0].strip("([").lower()
    letters = [c for c in place if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / max(1, len(letters))
    head_caps = all(c.isupper() for c in words[0] if c.isalpha())
    if first in _STOP_FIRST and not has_date and capitals < 0.9:
        return False
    if first in _BYLINE:
        return False  # "By Jane Doe – March 3, 2021" is a byline
    if has_date:
        return True
    if any(w.lower().strip(".,") in _ORGANISATION for w in words):
        return False
    if head_caps and len(words[0].strip("([")) > 1:
        return True  # WASHINGTON, SANTA CLARA, CA, PRINCETON, N.J.
    return relaxed and len(words) <= 4


_SPACED_DASH = cached_compile(r"\s+[-–—]+\s+")
_SLASHED = cached_compile(r"(?P<dateline>[^/\n]{2,60}?\s*/\s*[^/\n]{2,40}?\s*/\s*[^/\n]{4,40}?)\s*/\s*")
_WIRE_INSIDE = cached_compile(r"\s*(?:\((?P<a>[^()]{1,40})\)|/\s*(?P<b>[^/\s][^/]{0,38}?)\s*/)\s*")
_SPACE_BEFORE_COMMA = cached_compile(r"\s+(?=[,،])")
# a place in capitals after other words: an organisation or logo text glued before the city
_GLUED = cached_compile(r"^(?P<glued>(?:\S+\s+)*?[^\s,]*[a-zà-ÿ][^\s,]*)\s+(?P<place>(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+\s+)*"
                        r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+(?:,.*)?)$")


def _tidy_place(place: str) -> str:
    """``Washington , D.C.`` → ``Washington, D.C.``; ``Acme Logo SAN JOSE, Calif.`` → ``SAN JOSE, Calif.``"""
    place = _SPACE_BEFORE_COMMA.sub("", place).strip()
    glued = _GLUED.match(place)
    if glued is not None and "," not in glued.group("glued") and len(glued.group("place").split(",")[0]) > 2:
        return glued.group("place")
    return place


# "Pressemitteilung - Reutlingen, den 17.10.2024": the kind of text before the dateline
_RELEASE_LABEL = cached_compile(r"^(?:%s)\s*[-–—:|]\s*" % lexicon.fragments("headline", "release_labels"), re.I)
# soft hyphens and zero-width characters a web page leaves in a dateline
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_HAS_INVISIBLE = cached_compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def interpret(candidate: str, relaxed: bool = False, language: str | None = None,
              date_required: bool = False) -> tuple[str, str | None, str | None, bool] | None:
    """(raw, place, ISO date, has_date) when ``candidate`` is all dateline, else None."""
    if _HAS_INVISIBLE.search(candidate):
        candidate = candidate.translate(_INVISIBLE)
    raw = " ".join(candidate.split()).strip(" ,")
    if raw.endswith(".") and raw[-2:-1].isdigit():
        raw = raw[:-1]  # "… 05 de febrero de 2021." ends a sentence, not the date
    if len(raw) > 250:
        return None  # no dateline is this long, wire credits and all
    core = raw
    if len(core) >= 2 and core[0] in "[(" and core[-1] in "])":
        core = core[1:-1].strip()
    core = _RELEASE_LABEL.sub("", _LABEL.sub("", core))
    while True:
        wire = _WIRE_END.search(core)
        if wire is None or not _is_wire(wire.group("a") or wire.group("b")):
            break
        core = core[:wire.start()].rstrip(" ,")
        relaxed = True  # a wire credit vouches for the place before it
    # a credit between place and date: "SEATTLE (PRWEB) March 3", "BOISE, ID / ACCESSWIRE / May 4"
    for inner in _WIRE_INSIDE.finditer(core):
        if _is_wire(inner.group("a") or inner.group("b")):
            core = (core[:inner.start()].rstrip(" ,") + ", " + core[inner.end():].lstrip(" ,")).strip(" ,")
            relaxed = True
            break
    parts = _SPACED_DASH.split(core)
    if len(parts) > 1:  # "HONG KONG SAR - Media OutReach Newswire - 5 June 2026"
        kept = [part for part in parts if not (len(part.split()) <= 6 and _WIRE_WORD.search(part))]
        if len(kept) < len(parts):
            core, relaxed = ", ".join(kept), True
    core = core.rstrip(" ,;/–—-")
    if not core or len(core) > 110:
        return None
    dates = dates_in(core, language)
    if dates and core[dates[-1].end:].strip(" ,.;)]"):
        rest = core[dates[-1].end:]
        time = find_time(rest)
        if time is not None and not rest[:time.start].strip(" ,@–—-|") and \
                len(rest[time.end:].strip(" ,.;)]").split()) <= 1:  # "@ 7:00 AM Eastern"
            core = core[:dates[-1].end]
    place: str | None
    if dates and not core[dates[-1].end:].strip(" ,.;)]"):
        date = dates[-1]
        place = core[:date.start].rstrip(" ,،，、|/·•–—-(").strip() or None  # "AUSTIN (Sept. 3, 2019)"
    elif dates and dates[0].start == 0:
        date = dates[0]
        place = core[date.end:].strip(" ,،|/·•–—-()[]") or None
    elif dates:
        return None
    else:
        date = None
        place = core
    if date is None and date_required:
        return None
    if place is not None:
        place = _tidy_place(place)
    if place is not None and not _place_ok(place, date is not None, relaxed):
        return None
    if place is None and date is None:
        return None
    return raw, place, (date.iso if date else None), date is not None


def find_at_start(text: str, relaxed: bool = False, language: str | None = None) -> Found | None:
    """A dateline followed by a dash at the start of ``text`` (a paragraph's plain text)."""
    stripped = len(text) - len(text.lstrip())
    slashed = _SLASHED.match(text, stripped)
    if slashed is not None:  # BOISE, ID / ACCESSWIRE / May 4, 2016 / Acme …
        result = interpret(slashed.group("dateline"), relaxed, language)
        if result is not None and result[3]:
            raw, place, date, has_date = result
            return Found(raw.rstrip(" /"), place, date, has_date, slashed.end())
    separator = _SEPARATOR.search(text, stripped, min(len(text), stripped + 160))
    if separator is None or separator.start() == stripped:
        return _ended_by_full_stop(text, stripped, relaxed, language)
    candidate = text[stripped:separator.start()]
    if "\n" in candidate:
        return None
    dated = _date_between_dashes(text, candidate, separator.end(), relaxed, language)
    if dated is not None:
        return dated
    wire = _WIRE_AFTER.match(text, separator.end())
    credit = wire and (wire.group("a") or wire.group("b") or wire.group("c"))
    credited = bool(credit) and _is_wire(credit) and (wire.group("c") is None or _WIRE_WORD.search(credit))
    # "Ottawa, Ontario--(Newsfile Corp. - March 3, 2021) -": the credit vouches for the place
    result = interpret(candidate, relaxed or credited, language)
    end = separator.end()
    if result is None:
        return None
    raw, place, date, has_date = result
    if credited:
        raw = raw + text[separator.start():wire.end()].rstrip(" -–—")
        end = wire.end()
        if not has_date:
            # "(Marketwired – Apr 17, 2017) –", or "- (NewMediaWire) - August 22, 2024 -"
            inner = find_date(credit, language)
            after = match_date(text, end, language)
            tail = _SEPARATOR.match(text, after.end) if after is not None else None
            if inner is not None and inner.iso:
                date, has_date = inner.iso, True
            elif after is not None and after.iso and tail is not None:
                raw = text[text.find(raw[:1]):after.end]
                date, has_date, end = after.iso, True, tail.end()
    if end >= len(text.rstrip()) and not has_date and not credited:
        return None  # "HARTFORD, Conn.--(BUSINESS WIRE)--" may stand alone; a bare place may not
    following = text[end:end + 1]
    if not has_date and following and not (following.isupper() or following.isdigit()
                                           or following in "\"“„«‘'(["):
        return None  # "Acme Corp – the leader in …": an apposition, not a dateline
    return Found(raw.rstrip(" -–—"), place, date, has_date, end)


def _date_between_dashes(text: str, candidate: str, after: int, relaxed: bool,
                         language: str | None) -> Found | None:
    """``Boston, MA — March 3, 2021 — Acme …``, ``LONDON, UK – 3 March 2021 –``: the place, a
    dash, the date and another dash; read as ``PLACE, DATE``."""
    if not DIGIT.search(text, after, after + 40):
        return None
    date = match_date(text, after, language)
    if date is None or not date.iso:
        return None
    tail = _SEPARATOR.match(text, date.end)
    if tail is None or _DASH_ONLY.fullmatch(candidate.strip()):
        return None
    result = interpret(candidate.rstrip(" ,") + ", " + text[after:date.end], relaxed, language,
                       date_required=True)
    if result is None or result[1] is None:
        return None
    _, place, iso, has_date = result
    raw = " ".join(text[text.find(candidate[:1], 0):date.end].split())
    return Found(raw, place, iso, has_date, tail.end())


_CJK_OPEN = cached_compile(r"\s*[【\[［]?\s*")
# a closing bracket or a space after the date: "2021年3月3日に開催…" opens a sentence instead
_CJK_CLOSE = cached_compile(r"(?:\s*[】\]］][\s\u3000]*|[\s\u3000]+)(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])")


def _cjk_date_first(text: str, language: str | None) -> Found | None:
    """``2021年3月3日 アクメ株式会社は…``, ``【2021年3月3日】…``: a date opening Chinese or Japanese
    text, with no dash after it (these scripts need none)."""
    opening = _CJK_OPEN.match(text)
    date = match_date(text, opening.end(), language) if opening is not None else None
    if date is None or not date.iso:
        return None
    close = _CJK_CLOSE.match(text, date.end)
    if close is None:
        return None
    return Found(text[:close.end()].strip(" \u3000"), None, date.iso, True, close.end())


_DASH_ONLY = cached_compile(r"[\s\-–—―‒]*")
_FULL_STOP = cached_compile(r"(?<=\d)\.\s+(?=[A-ZÀ-ÖØ-ÞÄÖÜ])")


def _ended_by_full_stop(text: str, start: int, relaxed: bool, language: str | None) -> Found | None:
    """``Berlin, den 3. März 2021. Die Acme GmbH …``: place and complete date ended by a full stop."""
    for stop in _FULL_STOP.finditer(text, start, min(len(text), start + 90)):
        result = interpret(text[start:stop.start()], relaxed, language, date_required=True)
        if result is not None and result[1] is not None and result[2] is not None:
            raw, place, date, has_date = result
            return Found(raw, place, date, has_date, stop.end())
    return None


def _leading_format(children: tuple[Inline, ...]) -> int | None:
    """Length of the bold/italic/underlined run that opens the paragraph, if any."""
    index = 0
    while index < len(children) and (isinstance(children[index], RawInline) or isinstance(
            children[index], Text) and not children[index].text.strip()):  # type: ignore[union-attr]
        index += 1
    if index < len(children) and isinstance(children[index], (Strong, Emphasis, Underline)):
        text, more = leading_text(children[:index + 1], 200)
        return None if more else len(text)
    return None


def _first_line(children: tuple[Inline, ...]) -> int | None:
    """Plain-text length of the first line, when a break ends it (and it is short)."""
    for index, child in enumerate(children):
        if isinstance(child, (LineBreak, SoftBreak)):
            text, more = leading_text(children[:index], 200)
            return None if more else len(text)
    return None


def find_in_paragraph(paragraph: Paragraph, weak: bool = False,
                      language: str | None = None) -> Found | None:
    """A dateline opening ``paragraph``; ``weak`` also allows a mixed-case place with no date."""
    children = paragraph.children
    text, more = leading_text(children, 400)
    if not text.strip():
        return None
    # A paragraph that is only a date (or place and date): it stands alone.
    whole = None if more else interpret(text.strip(), True, language, date_required=True)
    if whole is not None and "\n" not in text.strip():
        raw, place, date, has_date = whole
        return Found(raw, place, date, has_date, len(text))
    bold = _leading_format(children)
    if bold is not None and bold <= len(text):
        inner = text[:bold]
        result = interpret(inner.strip().rstrip(".:,"), True, language)
        after = _AFTER_BOLD.match(text, bold)
        if result is not None and after is not None:
            raw, place, date, has_date = result
            dashed = bool(re.search(_DASH, text[bold:after.end()]))
            if has_date or dashed:
                wire = _WIRE_AFTER.match(text, bold)
                end = after.end()
                if wire is not None and _is_wire(wire.group("a") or wire.group("b")):
                    raw += " " + text[bold:wire.end()].strip(" -–—")
                    end = wire.end()
                return Found(raw.rstrip(" -–—"), place, date, has_date, end)
    found = find_at_start(text, weak, language) or _cjk_date_first(text, language)
    if found is not None:
        return found
    line = _first_line(children)
    if line is not None:
        result = interpret(text[:line].strip(), weak, language, date_required=True)
        if result is not None:
            raw, place, date, has_date = result
            return Found(raw, place, date, has_date, line + 1)
    return None


def starts_with_dateline(block: Block, language: str | None = None) -> bool:
    """True when ``block`` is a paragraph opening with a dated or capitalised dateline."""
    return isinstance(block, Paragraph) and find_in_paragraph(block, False, language) is not None


def _front_matter_date(metadata, language: str | None) -> str | None:
    folded = {str(key).lower(): value for key, value in metadata.items()}
    for key in ("date", "publishdate", "publishDate", "publish_date", "pubdate", "pubDate", "published",
                "published_at", "date_published", "release_date", "news_date", "created",
                "datum", "fecha", "data", "date_de_publication", "created_at", "createtime"):
        iso = iso_from_metadata(folded.get(key.lower()), language)
        if iso:
            return iso
    return None


def without_blocks(document: Document, indices: set[int] | list[int]) -> Document:
    """``document`` minus the body blocks at ``indices``, keeping ``dateline.lead`` right."""
    removed = set(indices)
    body = tuple(b for i, b in enumerate(document.body) if i not in removed)
    dateline = document.dateline
    if dateline is not None and dateline.lead is not None:
        lead = None if dateline.lead in removed else \
            dateline.lead - sum(1 for i in removed if i < dateline.lead)
        dateline = Dateline(dateline.raw, dateline.place, dateline.date, lead)
    return document.replace(body=body, dateline=dateline)


def follow_lead(before: Document, after: Document) -> Document:
    """``after`` with ``dateline.lead`` still pointing at the lead paragraph of ``before``.

    For transforms that drop or move body blocks without knowing about the lead:
    the lead block is found again by identity (a transform that rewrites the lead
    paragraph in place keeps its index, which stays right).
    """
    found = after.dateline
    if (found is None or found.lead is None or found is not before.dateline
            or after.body is before.body or found.lead >= len(before.body)):
        return after
    lead = before.body[found.lead]
    if found.lead < len(after.body) and after.body[found.lead] is lead:
        return after
    for index, block in enumerate(after.body):
        if block is lead:
            return after.replace(dateline=Dateline(found.raw, found.place, found.date, index))
    if len(after.body) == len(before.body):
        return after  # rewritten in place
    return after.replace(dateline=Dateline(found.raw, found.place, found.date, None))


def _lead_rest(children: tuple[Inline, ...], end: int) -> tuple[Inline, ...]:
    _, rest = split_inlines(children, end)
    return strip_leading(rest, " \t\u00a0–—-")


_SHORTCODES = cached_compile(r"(?:\s*(?:\[/?[\w-]+(?:\s[^\]]*)?\]|\{\{[<%].*?[>%]\}\}))+\s*", re.S)


def _is_prose(block: Block) -> bool:
    if not isinstance(block, Paragraph) or not leading_text(block.children, _PROSE_CHARS)[1]:
        return False
    # a paragraph of WordPress/Hugo layout shortcodes ("[vc_row …][vc_column]") is markup, not text
    return not _SHORTCODES.fullmatch(leading_text(block.children, 5000)[0])


def _opening(body: list[Block], language: str | None) -> tuple[Found | None, int | None]:
    """The dateline in the first paragraphs, up to the first paragraph of running text."""
    for index, block in enumerate(body[:_SCAN_BLOCKS]):
        if not isinstance(block, Paragraph):
            continue
        prose = _is_prose(block)
        found = find_in_paragraph(block, prose, language)
        if found is not None:
            return found, index
        if prose:
            break
    return None, None


def apply(document: Document) -> Document:
    """Split the dateline off the lead into ``Document.dateline``, with warnings."""
    if document.dateline is not None:
        return document
    language = document.language
    body = list(document.body)
    found, at = _opening(body, language)
    if (found is None or not found.date) and language is None:
        # a release that does not say its language: month names of the language its words show
        # ("5. května 2023", "5 lutego 2019") are read once it is guessed
        guessed = lexicon.guess_language(plain_text(tuple(body[:30]))[:4000])
        if guessed is not None and guessed not in always_read_languages():
            again, where = _opening(body, guessed)
            if again is not None and again.date:
                found, at, language = again, where, guessed
    if found is None:
        # "Göttingen, den 1.9.2021" signing off the release: a place and a date alone on one
        # of the last lines
        for index in range(len(body) - 1, max(-1, len(body) - 5), -1):
            block = body[index]
            if isinstance(block, Paragraph):
                text, more = leading_text(block.children, 120)
                closing = None if more else interpret(text.strip(), True, language, date_required=True)
                if closing is not None and closing[1] is not None and "\n" not in text.strip():
                    raw, place, date, has_date = closing
                    del body[index]
                    document = document.replace(body=tuple(body))
                    found, at = None, None
                    # shown, as datelines are, at the start of the lead
                    lead = next((i for i, b in enumerate(body) if isinstance(b, Paragraph)), None)
                    signed = Dateline(raw, place, date, lead)
                    break
        else:
            signed = None
    else:
        signed = None
    if found is not None and at is not None and found.place is None and found.has_date:
        # a date standing alone, then "HARTFORD, Conn.--(BUSINESS WIRE)--Acme …": one dateline
        following = _next_paragraph(body, at)
        if following is not None:
            placed = find_in_paragraph(body[following], _is_prose(body[following]), language)  # type: ignore[arg-type]
            if placed is not None and placed.place is not None and not placed.has_date:
                del body[at]
                found = Found(placed.raw, placed.place, found.date, True, placed.end)
                at = following - 1
    warnings = list(document.warnings)
    dateline: Dateline | None = signed
    line = None
    if found is not None and at is not None:
        block = body[at]
        line = block.line
        rest = _lead_rest(block.children, found.end)  # type: ignore[union-attr]
        lead: int | None = at
        if leading_text(rest, 200)[0].strip(" \u00a0\n"):
            body[at] = Paragraph(rest, block.line)
        else:
            del body[at]
            # a dateline in a paragraph of its own: the lead is the paragraph after it
            lead = at if at < len(body) and isinstance(body[at], Paragraph) and found.place else None
        dateline = Dateline(found.raw, found.place, found.date, lead)
    release_date = find_date(document.release.text, language) if document.release else None
    if release_date is not None and release_date.iso:
        if dateline is None:
            dateline = Dateline(release_date.text, None, release_date.iso, None)
        elif dateline.date is None:
            dateline = Dateline(dateline.raw, dateline.place, release_date.iso, dateline.lead)
    if dateline is None:
        warnings.append(Message("no dateline found: open the lead with place and date, "
                                "e.g. 'VIENNA, 4 October 2018 –'", "PC102",
                                _first_line_number(body)))
    if dateline is None or dateline.date is None:
        iso = _front_matter_date(document.metadata, language)
        if iso and dateline is not None and dateline.raw:
            iso = _with_year(dateline.raw, iso, language) or iso
        if iso:
            dateline = Dateline(dateline.raw if dateline else "",
                                dateline.place if dateline else None, iso,
                                dateline.lead if dateline else None)
    if dateline is not None and dateline.date is None:
        warnings.append(Message("the dateline %r has no complete date: add day, month and "
                                "year, or a date in the front matter" % dateline.raw,
                                "PC103", line))
    return document.replace(body=tuple(body), dateline=dateline, warnings=tuple(warnings))


def _with_year(raw: str, near: str, language: str | None) -> str | None:
    """``WASHINGTON, March 3`` with the front matter's ``2021-03-05``: the dateline's own day in
    the year (of three) that puts it nearest the front-matter date."""
    from datetime import date as Date

    target = Date.fromisoformat(near)
    found: list[tuple[int, str]] = []
    for year in (target.year, target.year - 1, target.year + 1):
        for joint in (", ", " "):
            match = find_date(raw + joint + str(year), language)
            if match is not None and match.iso and match.end == len(raw) + len(joint) + 4:
                found.append((abs((Date.fromisoformat(match.iso) - target).days), match.iso))
                break
    best = min(found) if found else None
    return best[1] if best is not None and best[0] <= 62 else None


def _next_paragraph(body: list[Block], index: int) -> int | None:
    following = index + 1
    if following < len(body) and isinstance(body[following], Paragraph):
        return following
    return None


def _first_line_number(body: list[Block]) -> int | None:
    for block in body:
        line = getattr(block, "line", None)
        if line is not None:
            return line
    return None

"""Quotes: direct speech and who said it.

Every paragraph's quotation marks are paired (``_speech``); each quoted stretch
is then judged: speech when a verb of saying or a dash names its speaker next
to it, when it opens a paragraph or a block quote, or when it is long; not
speech when it is a title, a name or a scare-quoted term.  Speakers come from
the attribution (``_speakers``), else from the other half of a split quote, an
intro line ending in a colon, an attribution line after the quote, or the
quote before it.  Each stretch is wrapped in a :class:`QuotedSpeech` and listed
in ``Document.quotes``; a quote nobody is named for gets a PC106 warning.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon
from ...model import Document, Message, Paragraph, Quote, plain_text
from . import _words as lex
from ._speakers import (
    Attribution, attribution_after, attribution_before, dash_attribution, detect_language,
)
from ._speech import DOUBLE, first_sentence_end, looks_like_title, sentence_start, words
from .._inlines import caseless
from ._cjk import attribution as cjk_attribution
from ._names import NameIndex, cjk_name, clean_name, name_at, name_runs, split_role
from ._units import Candidate, Unit, collect_units, pieces_of, rebuild, text_of

# « Le projet avance, a-t-il ajouté, et … »: the attribution stands inside the marks.
_INCISE = cached_compile(r",\s*(?:a-t-(?:il|elle)\s+\w+|\w+-t-(?:il|elle)|\w+-(?:il|elle))\s*,")


# --------------------------------------------------------------- judging


# Chinese and Japanese around a quote (the release may be in either, or mix in English):
# no capitals and no spaces, so speakers are found by their place in the sentence (_cjk)
_HAN_OR_KANA = cached_compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")

# Japanese particles: a corner-bracketed phrase followed by one is part of the sentence
_PARTICLES = lexicon.words("speech", "term_particles")


def _last_word(text: str) -> str:
    """The word just before a quotation mark: "the" in 'the "…"', "l" in 'l’"…"'."""
    match = re.search(r"([\w-]+)[’']?\s*$", text)
    return match.group(1).lower() if match else ""


# how far back a sentence's start is looked for: no real sentence is longer, and a paragraph
# of thousands of quotes must not be rescanned from its start for each
_SENTENCE_REACH = 2000


def _nearest_before(offsets: list[tuple[int, int]], limit: int, skip: int) -> int:
    """The largest offset <= ``limit`` in sorted ``(offset, number)`` pairs, not candidate ``skip``'s."""
    index = bisect_right(offsets, (limit, sys.maxsize)) - 1
    while index >= 0 and offsets[index][1] == skip:
        index -= 1
    return offsets[index][0] if index >= 0 else 0


def _nearest_after(offsets: list[tuple[int, int]], limit: int, skip: int, default: int) -> int:
    """The smallest offset >= ``limit`` in sorted ``(offset, number)`` pairs, not candidate ``skip``'s."""
    index = bisect_left(offsets, (limit, -1))
    while index < len(offsets) and offsets[index][1] == skip:
        index += 1
    return offsets[index][0] if index < len(offsets) else default


def _judge(candidates: list[Candidate], units: list[Unit], lang: str) -> None:
    # per unit, the offsets where other quotes end and start, sorted: the text a quote's
    # attribution may come from stops at its neighbours (found by bisection, so a paragraph
    # of thousands of quotation marks stays linear)
    ends: dict[int, list[tuple[int, int]]] = {}
    starts: dict[int, list[tuple[int, int]]] = {}
    for number, candidate in enumerate(candidates):
        ends.setdefault(candidate.last_unit, []).append((candidate.pieces[-1][2], number))
        starts.setdefault(candidate.unit, []).append((candidate.pieces[0][1], number))
    for table in (ends, starts):
        for offsets in table.values():
            offsets.sort()
    lead_space: dict[int, int] = {}  # per unit, the white space before its first word
    previous_speech: Candidate | None = None
    for number, candidate in enumerate(candidates):
        if not candidate.marked:
            continue
        unit_index, start = candidate.unit, candidate.pieces[0][1]
        unit = units[unit_index]
        last_index, end = candidate.last_unit, candidate.pieces[-1][2]
        last = units[last_index]
        floor = _nearest_before(ends.get(unit_index, []), start, number)
        ceiling = _nearest_after(starts.get(last_index, []), end, number, len(last.text))
        before_text = unit.text[sentence_start(unit.text, start, floor):start]
        after_text = last.text[end:ceiling]
        count = len(words(candidate.text))
        if count == 0:
            continue
        near = unit.text[max(floor, start - 80):start]
        cjk, cjk_after = cjk_attribution(near, after_text) \
            if _HAN_OR_KANA.search(near[-12:] + after_text[:12]) else (None, False)
        if cjk is not None:
            after, before = (cjk, None) if cjk_after else (None, cjk)
        else:
            after = attribution_after(after_text, lang)
            if after is not None and re.match(r"\s*[-–—―]", after_text) and not after.pronoun:
                candidate.dash_at = end + len(after_text) - len(after_text.lstrip())
            before = attribution_before(before_text, lang) if after is None else None
        if before is not None and not _names_someone(before) and floor and re.match(
                r"\s*(?:and|und|et|y|e|but|aber|mais|pero|ma)\s", before_text):
            # "X called it "…" and said that "…"": the sentence's subject speaks
            sentence = unit.text[sentence_start(unit.text, start, max(0, start - _SENTENCE_REACH)):start]
            found = name_at(sentence)
            if found:
                before = Attribution(found[1], found[2], direct=before.direct)
        if after is None and before is None and _INCISE.search(candidate.text):
            before = Attribution(None, pronoun=True)  # « …, a-t-il ajouté, … »
        tail = unit.text[max(0, start - 40):start]
        determiner = _last_word(tail) in lex.DETERMINERS or bool(re.search(r"\b[lLdD][’']\s*$", tail))
        cue = _last_word(tail) in lex.TITLE_CUES
        title = looks_like_title(candidate.text) or (cue and (candidate.text[:1].isupper() or count <= 3))
        if unit_index not in lead_space:
            lead_space[unit_index] = len(unit.text) - len(unit.text.lstrip())
        opens = start <= lead_space[unit_index]
        single = candidate.family != DOUBLE
        split = (previous_speech is not None and previous_speech.last_unit == unit_index
                 and not before_text.strip())
        speech = False
        if after is not None:
            speech = not (title and count <= 3)
        elif before is not None:
            if before.direct:
                speech = not (determiner or title)
            else:
                speech = count >= 4 and not (determiner or title)
        elif single:
            speech = (opens and count >= 8 and not title) or (split and count >= 2)
        elif unit.container is not None and opens:
            speech = count >= 3 and not title
        elif opens:
            speech = count >= 4 and not title
        elif split:
            speech = not title
        else:
            speech = count >= 10 and not (determiner or cue or title)
        if speech and last.text[end - 1:end] in "」』" and after_text[:1] in _PARTICLES:
            speech = False  # 「アクメ」を発表: a name or term the sentence goes on with, not speech
        candidate.speech = speech
        candidate.after = after
        candidate.attribution = after if after is not None else before
        candidate.extra["opens"] = opens
        if speech:
            previous_speech = candidate


def _unmarked_block_quotes(units: list[Unit], candidates: list[Candidate], lang: str) -> list[Candidate]:
    """Block quotes without quotation marks that the text introduces as speech."""
    marked = {units[c.unit].container for c in candidates}
    groups: dict[tuple[int, ...], list[int]] = {}
    for ui, unit in enumerate(units):
        if unit.container is not None and unit.kind == "para":
            groups.setdefault(unit.container, []).append(ui)
    found = []
    for container, members in groups.items():
        if container in marked:
            continue
        attribution = None
        dash = dash_attribution(units[members[-1]].text) if len(members) > 1 else None
        if dash is not None:
            attribution = dash
            members = members[:-1]
        first = members[0]
        if attribution is None and first > 0 and units[first - 1].container != container:
            intro = units[first - 1].text.rstrip()
            name = cjk_name(intro) if caseless(intro) else None
            if name:
                attribution = Attribution(name, None)  # "同社 技術開発部 担当部長 亀井聡 氏" above it
            elif intro.endswith(":") and units[first - 1].kind in ("para", "html"):
                attribution = attribution_before(intro[sentence_start(intro, len(intro)):], lang,
                                                 intro=True)
        if attribution is None:
            continue
        pieces = [(u, 0, len(units[u].text.rstrip()), 0, len(units[u].text.rstrip())) for u in members]
        found.append(Candidate(pieces, speech=True, attribution=attribution, marked=False))
    return found


# Speech whose quotation marks were lost on the way (archived HTML, copy and paste):
# "… for everyone. said Secretary Jane Doe." — a lower-case verb of saying right after
# a full stop is not how a sentence starts, so the words before it were the quote.
_LOST_MARKS = cached_compile(r"(?<=[.!?])\s+(?=[a-zà-ÿ][\w-]*\s+[^\W\d_])")


def _lost_marks(units: list[Unit], speech: list[Candidate], lang: str) -> list[Candidate]:
    """Paragraphs without any quotation mark that end "… sentence. said Name." """
    quoted = {p[0] for c in speech for p in c.pieces}
    found = []
    for ui, unit in enumerate(units):
        if ui in quoted or unit.kind != "para" or unit.container is not None:
            continue
        text = unit.text.rstrip()
        if any(mark in text for mark in "\"“”„«»‚‘’") or not text.endswith("."):
            continue
        breaks = list(_LOST_MARKS.finditer(text))
        if not breaks:
            continue
        end = breaks[-1].start()
        tail = text[breaks[-1].end():]
        if first_sentence_end(tail) < len(tail) - 1 or len(words(text[:end])) < 8:
            continue  # the attribution must be the paragraph's last sentence
        attribution = attribution_after(" " + tail, lang)
        if attribution is None or not _names_someone(attribution):
            continue
        found.append(Candidate([(ui, 0, end, 0, end)], speech=True, attribution=attribution,
                               marked=False))
    return found


# ------------------------------------------------------------- speakers


def _intro_attribution(units: list[Unit], candidate: Candidate, lang: str) -> Attribution | None:
    """The line before a quote that opens its paragraph: "X said:" or a name on its own."""
    first = candidate.unit
    if first == 0 or not candidate.extra.get("opens", not candidate.marked):
        return None
    previous = units[first - 1]
    if previous.kind not in ("para", "html", "heading"):
        return None
    text = previous.text.rstrip()
    if caseless(text):
        name = cjk_name(text)  # "村井純・慶大教授の話", "担当部長 亀井聡 氏"
        return Attribution(name, None) if name else None
    if text.endswith(":") and previous.kind != "heading":
        return attribution_before(text[sentence_start(text, len(text)):], lang, intro=True)
    if previous.kind != "heading":
        found = name_at(text)
        if found and found[0].end >= len(text) - 1 and 2 <= len(found[0].tokens) <= 5:
            return Attribution(found[1], found[2])
        return None
    # a heading that is a name and its role: "### Jane Doe, CEO of Acme"
    signed = dash_attribution("- " + text.rstrip(":")) if len(text) <= 160 and "\n" not in text else None
    if signed is not None and not signed.group and signed.role and signed.speaker \
            and len(signed.speaker.split()) >= 2 and first_sentence_end(text) >= len(text) - 1:
        return signed
    return None


def _assign(speech: list[Candidate], units: list[Unit], lang: str) -> None:
    """Give each quote the attribution of its own words, or the nearest one that covers it."""
    in_unit: dict[int, list[int]] = {}
    ending_in: dict[int, list[int]] = {}
    for position, candidate in enumerate(speech):
        for unit in {candidate.unit, candidate.last_unit}:
            in_unit.setdefault(unit, []).append(position)
        ending_in.setdefault(candidate.last_unit, []).append(position)
    for position, candidate in enumerate(speech):
        if _names_someone(candidate.attribution):
            continue
        candidate.attribution = None
        partner = _partner(speech, position, in_unit.get(candidate.unit, ()))
        if partner is not None:
            candidate.attribution = partner
            continue
        intro = _intro_attribution(units, candidate, lang)
        if _names_someone(intro):
            candidate.attribution = intro
            continue
        incise = _incise(candidate.text, lang)
        if incise is not None:
            candidate.attribution = incise
            continue
        following = candidate.last_unit + 1
        if following < len(units) and units[following].kind in ("para", "html"):
            dash = dash_attribution(units[following].text)
            if dash is None and units[following].container is not None and \
                    units[following].container == units[candidate.last_unit].container:
                # a block quote's last line names the speaker: "**Dr Markus Richter, CIO …**"
                dash = attribution_after("\n" + units[following].text, lang)
                dash = dash if dash is not None and _names_someone(dash) else None
            if dash is not None:
                candidate.attribution = dash
                candidate.extra["dash_unit"] = following
                continue
        earlier = ending_in.get(candidate.unit - 1)
        if earlier and candidate.extra.get("opens") and speech[earlier[-1]].attribution is not None:
            candidate.attribution = speech[earlier[-1]].attribution
            candidate.extra["inherited"] = True


_DASHED_INCISE = cached_compile(r"\s[–—-]{1,2}\s*(?P<said>[^–—]{3,120}?)\s*[–—-]{1,2}\s")


def _incise(text: str, lang: str) -> Attribution | None:
    """The speaker named between dashes inside the quote, as Italian and Spanish releases write
    it: «Siamo felici – sottolinea Mario Rossi, presidente – di questo risultato»."""
    for found in _DASHED_INCISE.finditer(text):
        said = found.group("said")
        attribution = attribution_after(" " + said, lang)
        if attribution is not None and attribution.speaker:
            return attribution
    return None


def _names_someone(found: Attribution | None) -> bool:
    return found is not None and bool(found.speaker or found.pronoun or found.issuer)


def _partner(speech: list[Candidate], position: int, same: list[int]) -> Attribution | None:
    """The attribution of the other half of a split quote in the same paragraph."""
    for other in sorted((p for p in same if p != position),
                        key=lambda p: (p > position, abs(p - position))):
        found = speech[other].attribution
        if _names_someone(found) and not speech[other].extra.get("inherited"):
            return found
    return None


class _Mentions:
    """People named in reading order, for resolving he/she/they and implied subjects."""

    # how many paragraphs back a known person outranks a nearer capitalised phrase
    _REACH = 3

    def __init__(self) -> None:
        # (unit, offset, name, known): True, or None until asked (_known_person)
        self.named: list[tuple[int, int, str, bool | None]] = []  # from the text, sorted once
        self.speakers: list[tuple[int, int, str, bool | None]] = []  # added in reading order
        self._sorted = True

    def add(self, unit: int, offset: int, name: str, known: bool | None) -> None:
        self.named.append((unit, offset, name, known))
        self._sorted = False

    def add_speaker(self, unit: int, offset: int, name: str) -> None:
        if not self.speakers or self.speakers[-1][:2] <= (unit, offset):
            self.speakers.append((unit, offset, name, True))

    def last_before(self, unit: int, offset: int) -> str | None:
        """The nearest name before the place; a person known as one wins over a nearer
        phrase that only looks like a name ("the lawyer Emiliano Maldonado … the District of
        São Gabriel …”, he adds")."""
        if not self._sorted:
            self.named.sort()
            self._sorted = True
        nearest = known = None
        for items in (self.named, self.speakers):
            at = bisect_left(items, (unit, offset, "", False)) - 1
            if at >= 0 and (nearest is None or items[at][:2] > nearest[:2]):
                nearest = items[at]
            while at >= 0 and items[at][0] >= unit - self._REACH:
                if items[at][3] or _known_person(items[at][2]):
                    if known is None or items[at][:2] > known[:2]:
                        known = items[at]
                    break
                at -= 1
        if nearest is not None and known is not None and not (
                nearest[3] or _known_person(nearest[2])):
            return known[2]
        return nearest[2] if nearest else None


@lru_cache(maxsize=4096)
def _known_person(name: str) -> bool:
    """The name's first word is a known first name (asked only when a pronoun needs it)."""
    return name.split()[0].casefold() in lexicon.given_names()


def _mentions(units: list[Unit], speech: list[Candidate], index: NameIndex) -> _Mentions:
    inside: dict[int, list[tuple[int, int]]] = {}
    for candidate in speech:
        for u, a, b, _, _ in candidate.pieces:
            inside.setdefault(u, []).append((a, b))
    mentions = _Mentions()
    for ui, unit in enumerate(units):
        covered = sorted(inside.get(ui, ()))
        covered_starts = [a for a, _ in covered]
        for run in name_runs(unit.text):
            at = bisect_right(covered_starts, run.start) - 1  # quotes do not overlap: one to ask
            if at >= 0 and run.start < covered[at][1]:
                continue
            name, role = split_role(run.tokens)
            if name and index.is_person(name):
                full = index.resolve(clean_name(name))
                # a title or role stands with it, or a surname stands for a full name given earlier
                known = bool(role) or (len(name) == 1 and full != name[0])
                mentions.add(ui, run.start, full, known or None)
    return mentions


def _is_place(name: str, place: str | None) -> bool:
    """The release's own dateline place, or a country's name (CLDR), standing as a speaker."""
    folded = " ".join(name.split()).casefold()
    return folded == " ".join((place or "").split()).casefold().split(",")[0].strip() \
        or folded in lexicon.territories()


def _resolve(speech: list[Candidate], mentions: _Mentions, index: NameIndex,
             issuer: str | None, place: str | None = None) -> None:
    done: dict[int, tuple[str | None, str | None]] = {}
    for candidate in speech:
        found = candidate.attribution
        if found is None:
            continue
        if id(found) in done:
            candidate.speaker, candidate.role = done[id(found)]
            continue
        if found.pronoun and not found.speaker:
            where = candidate.pieces[-1] if found is candidate.after else candidate.pieces[0]
            offset = where[2] if found is candidate.after else where[1]
            candidate.speaker = mentions.last_before(where[0], offset)
        elif found.issuer:
            candidate.speaker = issuer
        elif found.group:
            candidate.speaker = found.speaker
        elif found.speaker:
            candidate.speaker = index.resolve(found.speaker)
        if candidate.speaker and _is_place(candidate.speaker, place):
            candidate.speaker = None  # "…," said Berlin: a place says nothing
        if candidate.speaker:
            candidate.role = found.role or index.role_of(candidate.speaker)
            if found.pronoun or not found.group:
                mentions.add_speaker(candidate.last_unit, candidate.pieces[-1][2], candidate.speaker)
        done[id(found)] = (candidate.speaker, candidate.role)


# ------------------------------------------------------------ the transform


def _index(document: Document, units: list[Unit]) -> NameIndex:
    index = NameIndex()
    if document.headline:
        index.add_text(document.headline)
    for unit in units:
        index.add_text(unit.text)
    for contact in document.contacts:
        if contact.name:
            index.add_text(contact.name)
    return index


_ABOUT = lazy_compile(r"^\s*(?:about|über|ueber|à propos de|a propos de|acerca de|sobre|chi è|chi siamo)\s+(?:the\s+)?(.+?)\s*:?\s*$",
                      re.I)


def _issuer(document: Document) -> str | None:
    """The organisation issuing the release: its "About X" section, else the subject that opens
    the lead ("Acme Corp. today announced …", "Die Acme GmbH hat heute …")."""
    for section in document.boilerplate:
        match = _ABOUT.match(section.title)
        if match:
            return match.group(1)
    lead = document.dateline.lead if document.dateline is not None else None
    if lead is None:  # no dateline: the first paragraph is the lead
        lead = next((i for i, block in enumerate(document.body[:3]) if isinstance(block, Paragraph)), None)
    if lead is not None and lead < len(document.body) and isinstance(document.body[lead], Paragraph):
        opening = plain_text(document.body[lead].children)[:200]
        subject = _LEAD_SUBJECT.match(opening)
        if subject and not subject.group("name").split()[0].lower() in lex.FUNCTION_WORDS:
            return subject.group("name").rstrip(" ,")
    return None


# "Acme Corp. today announced", "L'Apache Software Foundation (ASF) a annoncé": a run of
# capitalised words (a determiner before it) that a lower-case word follows
_LEAD_SUBJECT = cached_compile(
    r"(?:(?:The|Die|Der|Das|La|Le|Les|El|Los|Il|Lo|De|Het)\s+|L['’])?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w&.'’-]*(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ0-9][\w&.'’-]*|&|of|de|für|and|und|et|y)){0,6})"
    r"(?:\s*\([^)]{1,30}\))?,?\s+(?=[a-zà-ÿ])")


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def apply(document: Document) -> Document:
    """Find direct speech, wrap it in QuotedSpeech and list it in ``Document.quotes``."""
    if document.quotes:
        return document  # already recognised: wrapping again would nest the speech
    units = collect_units(document)
    if not units:
        return document
    lang = detect_language(" ".join(u.text for u in units[:80]), document.language)
    candidates = pieces_of(units)
    for candidate in candidates:
        candidate.text = text_of(candidate, units)
    _judge(candidates, units, lang)
    speech = [c for c in candidates if c.speech]
    unmarked = _unmarked_block_quotes(units, speech, lang) + _lost_marks(units, speech, lang)
    for candidate in unmarked:
        candidate.text = text_of(candidate, units)
    speech = sorted(speech + unmarked, key=lambda c: (c.unit, c.pieces[0][1]))
    in_body = {_key(c.text) for c in speech if units[c.unit].kind != "sub"}
    speech = [c for c in speech if units[c.unit].kind != "sub" or _key(c.text) not in in_body]
    if not speech:
        return document
    index = _index(document, units)
    _assign(speech, units, lang)
    _resolve(speech, _mentions(units, speech, index), index, _issuer(document),
             document.dateline.place if document.dateline else None)
    quotes = []
    warnings = list(document.warnings)
    for number, candidate in enumerate(speech):
        line = units[candidate.unit].line
        quotes.append(Quote(candidate.text, candidate.speaker, candidate.role, line))
        if candidate.speaker is None:
            excerpt = candidate.text if len(candidate.text) <= 60 else candidate.text[:57] + "…"
            where = " (line %d)" % line if line else ""
            warnings.append(Message(
                "quote without a speaker%s: “%s”; name who said it, e.g. "
                "'“…,” said Jane Doe.'" % (where, excerpt), "PC106", line))
    body = rebuild(document.body, units, speech)
    return document.replace(body=body, quotes=tuple(quotes),
                            warnings=tuple(warnings))

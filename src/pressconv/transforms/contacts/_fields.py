"""Who a contact is: cut a contact block into people or desks, and read name, role and organisation.

The text here is already known to be part of a media-contact block, with its
means of contact found (``_contact_means``).  ``split_contacts`` cuts a run of
text where a new person or desk starts; ``read_fields`` reads the *residual*
text of one contact (its means replaced by ``\\x00`` marks), cut into pieces
at commas, line ends, bars, spaced dashes, brackets and colons, and tells
names from roles and organisations with the word tables of ``_contact_words``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon
from .._inlines import caseless
from ._means import Means
from ._words import (
    ARTICLES, BARE_DESKS, DEPARTMENT_WORDS, DESK_PATTERN, EDGE_WORDS, FIELD_LABELS, FUNCTION_WORDS,
    HONORIFIC, HONORIFIC_START, LEGAL_SUFFIX, LOCATION_CUES, MEANS_LABELS, ORG_HEADS, ORG_WORDS,
    NAME_ARTICLES, PARTICLES, REGION_WORDS, ROLE_WORDS, is_label,
)

_SPACED_DASH = cached_compile(r"\s[–—/-]\s")
# full-width separators too: CJK contact lines write "担当：山田" and "（広報部）"
_PART = cached_compile(r"[^\n,;|•·()\[\]:\x00：，；、（）【】]+")
_WORD = cached_compile(r"[^\W\d_][\w'’.&-]*|\d[\w.-]*")
_NAME_TOKEN = lazy_compile(r"(?:[^\W\d_][.]|[^\W\d_](?:[^\W\d_]|['’\-])*[.]?)$")
_NAME_RUN = lazy_compile(r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+\s+){1,3}[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+")
_VOWEL = lazy_compile(r"[AEIOUYÀ-ÖØ-ÝАЕЁИОУЫЭЮЯ]")


@lru_cache(maxsize=1)
def _desk() -> re.Pattern[str]:
    # compiled on first use (~1.5 ms): only sentences need it
    return cached_compile(DESK_PATTERN)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _lower_words(text: str) -> set[str]:
    words = text.lower().split()
    return set(words) | {w.strip(".") for w in words}


# ------------------------------------------------------------------ names


# Chinese, Japanese, Korean: a short phrase of the script is a name unless it ends as a
# company, department or office does (広報部, 株式会社, 公司)
_ORG_SUFFIXES = tuple(lexicon.words("contacts", "org_suffixes"))
_CJK_NAME = lazy_compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,4}"
                         r"(?:[ \u3000][\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,4})?")




def is_name(text: str) -> bool:
    """A person's name: two to four capitalised words, no organisation, role or label words
    (in Chinese, Japanese and Korean: two to eight characters not ending as an organisation)."""
    if caseless(text):
        bare = text.strip()
        return len(bare.replace(" ", "").replace("\u3000", "")) >= 2 and bool(_CJK_NAME.fullmatch(bare)) \
            and not bare.endswith(_ORG_SUFFIXES) and not _lower_words(bare) & MEANS_LABELS
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or any(ch.isdigit() for ch in text):
        return False
    capitals = [t for t in tokens if t.lower() not in PARTICLES]
    if not 2 <= len(capitals) <= 4 or tokens[0].lower() in LOCATION_CUES:
        return False
    if not all(_NAME_TOKEN.match(t) and t[0].isupper() for t in capitals):
        return False
    upper = [t.isupper() and len(t.strip(".")) > 1 for t in capitals]
    if any(upper) and not all(upper):
        # "Eric MAMER" is a name (surname in capitals); "OSCE Team", "Agence XYZ" are not
        if upper[0] or upper != sorted(upper) or not all(
                _VOWEL.search(t) for t, caps in zip(capitals, upper) if caps):
            return False
    words = _lower_words(text)
    return not (words & ORG_WORDS or words & ROLE_WORDS or words & MEANS_LABELS)


def strip_honorific(text: str) -> tuple[str, bool]:
    """The text without a leading Ms./Dr./Herr/Mme ..., and whether there was one."""
    if HONORIFIC_START.match(text):
        stripped = HONORIFIC.sub("", text, count=1).strip()
        if stripped:
            return stripped, True
    return text, False


def _name_in_sentence(text: str) -> str | None:
    """The one person's name in a sentence, when there is exactly one."""
    desk = _desk().search(text)
    names = []
    for match in _NAME_RUN.finditer(text):
        before = text[:match.start()].split()[-1:] or [""]
        if desk and desk.start() < match.end() and match.start() < desk.end():
            continue
        if before[0].lower() in ARTICLES or not is_name(match.group()):
            continue  # "des Vereins Offene Daten" is an organisation in German
        names.append(match.group())
    return names[0] if len(set(names)) == 1 else None


# ----------------------------------------------------------------- pieces


@dataclass(slots=True)
class Piece:
    """A piece of residual text between separators."""

    text: str  #: the piece, joining words at its edges removed
    colon: bool  #: followed by ":" (a label, or an "Organisation : Name" prefix)
    before_means: bool  #: directly followed by a means of contact
    comma_after: bool  #: followed by "," (so it may go on in the next piece)


def pieces(text: str) -> list[Piece]:
    """The residual text of a contact cut at separators."""
    out: list[Piece] = []
    text = _SPACED_DASH.sub("\n", text)
    for match in _PART.finditer(text):
        tail = text[match.end():match.end() + 3].lstrip(" \u00a0")
        colon = tail[:1] in (":", "：")
        raw = " ".join(match.group().split())
        # a label keeps its words ("Contacto de Prensa:"), which the edges would otherwise lose
        cleaned = raw if colon and is_label(raw) else _clean_edges(match.group())
        if not cleaned:
            continue
        rest = tail[1:].lstrip(" \u00a0") if colon else tail
        out.append(Piece(cleaned, colon, rest.startswith("\x00"), tail[:1] in (",", "，", "、")))
    return out


def _clean_edges(text: str) -> str:
    words = text.replace("\u00a0", " ").split()
    while words and (words[0].lower().strip(":,.") in EDGE_WORDS or not any(c.isalnum() for c in words[0])):
        if len(words) > 1 and words[0] in NAME_ARTICLES and words[1][:1].isupper() and not words[1].isupper():
            break  # "The Haiku Project", "La Poste": the article is part of the name
        words.pop(0)
    while words and (words[-1].lower().strip(":,.") in EDGE_WORDS or not any(c.isalnum() for c in words[-1])):
        words.pop()
    cleaned = " ".join(words).strip(" .*_-–—\"'“”«»")
    if words and words[-1].endswith(".") and cleaned and LEGAL_SUFFIX.match(cleaned.split()[-1]):
        cleaned += "."  # "Acme Corp." keeps its abbreviation point
    return cleaned


def has_identity(text: str) -> bool:
    """True when residual text names someone or something (not only labels and joining words)."""
    for piece in pieces(text):
        if piece.colon and piece.before_means:
            continue
        for word in _words(piece.text):
            lowered = word.lower()
            if len(word) > 1 and word[0].isupper() and lowered.strip(".") not in MEANS_LABELS \
                    and lowered not in EDGE_WORDS:
                return True
    return False


def residual(text: str, start: int, end: int, means: list[Means]) -> str:
    """``text[start:end]`` with each means of contact replaced by a \\x00 mark."""
    out, pos = [], start
    for m in means:
        if (start <= m.start < end or m.start == m.end == end) and m.start >= pos:
            out.append(text[pos:m.start])
            out.append("\x00")
            pos = max(pos, m.end)
    out.append(text[pos:end])
    return "".join(out)


# -------------------------------------------------------------- splitting


def split_contacts(text: str, means: list[Means]) -> list[tuple[int, int]]:
    """Cut a unit of text into (start, end) spans, one per person or desk.

    A new contact starts where, after an e-mail or phone, text that names
    someone comes before a further means of contact (when the contact so far
    was named itself); a second e-mail also starts a new contact.
    """
    contact_means = [m for m in means if m.kind in ("email", "phone")]
    if len(contact_means) < 2:
        return [(0, len(text))]
    cuts: list[int] = []
    chunk_start = 0
    kinds = {contact_means[0].kind}
    for previous, current in zip(contact_means, contact_means[1:]):
        gap = text[previous.end:current.start]
        if has_identity(gap) and has_identity(residual(text, chunk_start, previous.end, means)):
            cut = previous.end + _identity_start(gap)
        elif current.kind == "email" and "email" in kinds:
            cut = current.start
        else:
            kinds.add(current.kind)
            continue
        cuts.append(cut)
        chunk_start = cut
        kinds = {current.kind}
    bounds = [0] + cuts + [len(text)]
    return list(zip(bounds, bounds[1:]))


def _identity_start(gap: str) -> int:
    """Where the naming text of a gap begins (after separators and labels)."""
    for match in _PART.finditer(gap):
        piece = match.group()
        if has_identity(piece + " "):
            return match.start() + len(piece) - len(piece.lstrip())
    return 0


# ----------------------------------------------------------------- fields


_REGION_SPLIT = cached_compile(r"\s*(?:&|,|/|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)


def is_region(text: str) -> bool:
    """True for a region label over contacts ("USA & International", "Germany / Austria")."""
    if len(text) > 60 or not text[:1].isupper():
        return False
    parts = [p.strip(" .:;").casefold() for p in _REGION_SPLIT.split(text) if p.strip(" .:;")]
    if not parts or len(parts) > 6:
        return False
    known = REGION_WORDS
    return all(p in known or p in lexicon.territories() for p in parts)


def _org_cue(text: str) -> bool:
    tokens = text.split()
    return bool(_lower_words(text) & ORG_WORDS or LEGAL_SUFFIX.match(tokens[-1])
                or any(any(c.isupper() for c in t[1:]) and not t.isupper() for t in tokens))


# "c/o Ingo Blechschmidt", "z. Hd.": the person a letter goes to
_CARE_OF = cached_compile(r"(?:%s)\s+" % lexicon.fragments("contacts", "care_of"), re.I)


def split_run_on(text: str) -> tuple[str, str] | None:
    """(name, organisation) of a name and an organisation written on one line without a
    separator, as reposted releases lose their line breaks: "Steve Sturgeon QLogic
    Corporation", "OpenPOWER Foundation Joni Sterlacci", "Mark Wheeler Highwire PR"."""
    tokens = text.split()
    if not 3 <= len(tokens) <= 9:
        return None
    for size in (2, 3):
        if len(tokens) - size < 1:
            continue
        head, tail = " ".join(tokens[:size]), " ".join(tokens[size:])
        if is_name(head) and _org_cue(tail) and not _org_cue(head) \
                and tokens[size].lower().strip(".,") not in ORG_WORDS:  # not "Linux User | Group …"
            return head, tail
        head, tail = " ".join(tokens[:-size]), " ".join(tokens[-size:])
        if is_name(tail) and _org_cue(head) and not _org_cue(tail):
            return tail, head
    return None


def _classify(text: str) -> str:
    words = _lower_words(text)
    if text.split()[0].lower().strip(".,") in ORG_HEADS:
        return "org"
    if words & ROLE_WORDS:
        return "role"
    if (words & ORG_WORDS or LEGAL_SUFFIX.match(text)) and any(w[0].isupper() for w in text.split()):
        return "org"
    return "name" if is_name(text) else "other"


def _peel_name(text: str) -> tuple[str, str | None]:
    """'Press Officer Jane Doe' -> ('Press Officer', 'Jane Doe')."""
    tokens = text.split()
    for size in (3, 2):
        if len(tokens) > size and is_name(" ".join(tokens[-size:])):
            return " ".join(tokens[:-size]), " ".join(tokens[-size:])
    return text, None


def _plausible_org(text: str) -> bool:
    """A short capitalised phrase that could name an organisation ("JDI for Pilosa")."""
    words = text.split()
    brand = bool(words) and words[0][0].islower() and any(c.isupper() for c in words[0][1:])  # openSUSE
    if not words or len(words) > 8 or not (text[0].isupper() or text[0].isdigit() or brand):
        return False
    if _lower_words(text) & MEANS_LABELS or words[0].lower() in LOCATION_CUES:
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in PARTICLES | FUNCTION_WORDS
             and not any(c.isupper() for c in w[1:])]
    return len(lower) * 2 < len(words)


def read_fields(text: str) -> dict[str, str | None]:
    """Name, role and organisation from the residual text of one contact."""
    name = role = None
    orgs: list[str] = []
    others: list[str] = []
    given: dict[str, str] = {}
    org_open = role_open = False  # an organisation / a bare role may go on after a comma
    parts = pieces(text)
    skip = -1
    for index, piece in enumerate(parts):
        value = piece.text
        lowered = value.lower().strip(".")
        if index == skip:
            continue
        if len(value.split()) > 8:  # a sentence: "... an das Presseteam des CCC-CH gestellt werden"
            desk = _desk().search(value)
            if desk and not orgs:
                orgs.append(_clean_edges(desk.group()))
            name = name or _name_in_sentence(value)
            org_open = role_open = False
            continue
        label = FIELD_LABELS.get(lowered) if piece.colon else None
        if lowered in MEANS_LABELS or lowered in EDGE_WORDS or lowered in BARE_DESKS or label == "skip" \
                or (piece.colon and (piece.before_means or is_label(value))):
            org_open = role_open = False
            continue
        if label and index + 1 < len(parts):
            given.setdefault(label, parts[index + 1].text)  # "Name: Jane Doe"
            skip = index + 1
            continue
        care_of = _CARE_OF.match(value)
        if care_of and name is None and is_name(value[care_of.end():].strip()):
            name = value[care_of.end():].strip()  # "c/o Ingo Blechschmidt"
            continue
        if is_label(value) and not _lower_words(value) & (ORG_WORDS | ROLE_WORDS):
            continue  # "Kontakt für Medienanfragen" among the pieces (not "Press Office")
        value, honorific = strip_honorific(value)
        run_on = split_run_on(value) if name is None and not honorific else None
        if run_on is not None:
            name, organisation = run_on
            if LEGAL_SUFFIX.match(organisation) and others:
                organisation = others.pop() + ", " + organisation  # "Avnet, | Inc. Joal Redmond"
            if not orgs:
                orgs.append(organisation)
            org_open = role_open = False
            continue
        if not honorific and is_region(value):
            org_open = role_open = False
            continue  # "USA & International:" above a contact labels where it answers
        kind = "name" if honorific and value[:1].isupper() else _classify(value)
        if role_open and kind in ("org", "other") and _is_department(value):
            role = "%s, %s" % (role, value)  # "Director, Corporate Communications"
            role_open = False
            continue
        role_open = False
        if piece.colon and kind != "role" and not orgs and index + 1 < len(parts):
            orgs.append(value)  # "Extinction Rebellion : Jane Doe"
            org_open = False
            continue
        if kind == "role":
            rest, peeled = _peel_name(value)
            if peeled and name is None:
                name, value = peeled, rest
            role = role or value
            role_open = piece.comma_after and len(value.split()) <= 2
        elif kind == "name" and name is None:
            name = value
        elif kind == "org" and (not orgs or org_open):
            if LEGAL_SUFFIX.match(value) and (orgs or others):
                orgs.append((orgs.pop() if orgs else others.pop()) + ", " + value)
            else:
                orgs.append(value)
            org_open = piece.comma_after
            continue
        elif kind in ("other", "name") and _plausible_org(value):
            others.append(value)
        elif kind == "other" and name is None and any(w[0].islower() for w in value.split()):
            name = _name_in_sentence(value)  # "interviews with Jane Doe"
        org_open = False
    organization = ", ".join(orgs) if orgs else (others[0] if others else None)
    return {"name": given.get("name", name), "role": given.get("role", role),
            "organization": given.get("organization", organization)}


def _is_department(text: str) -> bool:
    return all(w.lower() in DEPARTMENT_WORDS for w in text.split())

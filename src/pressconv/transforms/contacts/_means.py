"""Means of contact in a text: e-mail addresses (plain or obfuscated), phone numbers, web addresses.

Phones are found and checked with the ``phonenumbers`` library's matcher
(leniency VALID: real numbers, however they are grouped), trying the regions
the context suggests for numbers written without a country code.  A number
that looks like a phone but is valid nowhere is kept as written and marked
invalid, so the transform can warn about it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile, keep_patterns_of
from ._context import email_region
from ._words import EDGE_WORDS, MEANS_LABELS, PRESS_KIT, SOCIAL


@dataclass(frozen=True, slots=True)
class Means:
    """One e-mail, phone or web address found in a text (``start == end`` when not shown)."""

    start: int  #: offset in the text
    end: int  #: offset after it
    kind: str  #: "email", "phone", "url", or "link" (social / press-kit link text: no contact)
    value: str  #: the bare e-mail, the phone as written, the url
    e164: str | None = None  #: phones only: normalised when valid
    valid: bool = True  #: False for an e-mail or phone that does not check out


_DOT = r"(?:\.|\s*[\[({]\s*(?:dot|punkt|point|punto|ponto)\s*[\])}]\s*|\s+(?:dot|DOT)\s+)"
_AT = r"(?:@|\s*[\[({<]\s*(?:at|AT|@|ät|arroba|chez)\s*[\])}>]\s*|\s+(?:at|AT)\s+)"
_EMAIL = cached_compile(r"(?<![\w.+-])([\w.+-]+)(%s)([\w-]+(?:%s[\w-]+)+)" % (_AT, _DOT))
_DOT_SPLIT = cached_compile(_DOT)
_OBFUSCATED = cached_compile(r"[\[({\s]")
_LOOSE_EMAIL = cached_compile(r"(?<![\w.+-])[\w.+-]+@[^\s,;<>()\[\]]*")
_STRICT_EMAIL = cached_compile(r"[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_URL = cached_compile(r"(?<![\w@/.])(?:https?://|www\.)[^\s<>()\[\]\"']+"
                      r"|(?<![\w@/.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|eu|de|fr|es|it|ru|ch|at|nl"
                      r"|be|uk|gov|edu|info|app|dev|ai|co)(?:/[^\s<>()\[\]\"']*)?(?![\w@-])", re.I)
_PHONE_LIKE = cached_compile(r"(?<!\w)(?:\+|00)\s?\d[\d \u00a0().\-/]{5,}\d"
                             r"|\(?\d{2,5}\)?[ \u00a0.\-/]?\d[\d \u00a0.\-/]{4,}\d")
_PHONE_LABEL_BEFORE = lazy_compile(r"(?:tel|phone|telefon|téléphone|tél|teléfono|telefono|mobile?|mob|"
                                   r"cell|handy|móvil|cellulare|телефон|тел|call|ph|[tm])\b\.?\s*[:.]?\s*$", re.I)
_FAX_BEFORE = cached_compile(r"(?:tele)?fax\b[^\d]{0,12}$", re.I)
_GLUED_WORD = cached_compile(r"(?<=\d)[A-Z](?=[a-z])")
_NANP = cached_compile(r"\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}")
_DATE = cached_compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
_WORD = cached_compile(r"[^\W\d_][\w'’.&-]*")


def find_means(text: str, hidden: Iterable[tuple[int, int, str]] = (),
               regions: Iterable[str] = ()) -> list[Means]:
    """E-mails, phones and web addresses in ``text``, in order of position.

    ``hidden`` are (start, end, target) for links: the span of the link text
    and its target (``mailto:`` addresses, web pages).  ``regions`` are the
    phone regions to try for numbers without a country code, most likely first.
    """
    found: list[Means] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _EMAIL.finditer(text):
        address, valid = _email_value(match)
        if address:
            found.append(Means(match.start(), match.end(), "email", address, valid=valid))
            taken.append(match.span())
    for match in _LOOSE_EMAIL.finditer(text):
        if free(*match.span()):
            value = match.group().rstrip(".:")
            found.append(Means(match.start(), match.start() + len(value), "email", value, valid=False))
            taken.append(match.span())
    for match in _URL.finditer(text):
        if free(*match.span()):
            value = match.group().rstrip(".,;:!?")
            found.append(Means(match.start(), match.start() + len(value), "url", value))
            taken.append((match.start(), match.start() + len(value)))
    found.extend(_link_targets(text, hidden, found))
    if sum(ch.isdigit() for ch in text) >= 6:
        local = [r for r in (email_region(m.value) for m in found if m.kind == "email") if r]
        found.extend(_phones(text, taken, list(dict.fromkeys(local + list(regions)))))
    found.sort(key=lambda m: (m.start, m.end))
    return found


def _email_value(match: re.Match[str]) -> tuple[str, bool]:
    local, at, domain = match.group(1), match.group(2), match.group(3)
    if at != "@" and at.strip() in ("at", "AT") and not _OBFUSCATED.search(domain):
        return "", False  # "reach Jane at example.com" is a sentence, not an address
    address = "%s@%s" % (local.lstrip("."), ".".join(_DOT_SPLIT.split(domain)))
    valid = bool(_STRICT_EMAIL.fullmatch(address)) and ".." not in address
    if at != "@" or address != match.group().lstrip("."):
        # written so that robots cannot harvest it: kept as written, never made a link again
        return match.group().lstrip("."), valid
    return address, valid


def _link_targets(text: str, hidden: Iterable[tuple[int, int, str]], found: list[Means]) -> list[Means]:
    out: list[Means] = []
    for start, end, target in hidden:
        shown = text[start:end]
        lowered = target.lower()
        if lowered.startswith("mailto:"):
            email = target[7:].split("?")[0].strip()
            if not email or any(m.kind == "email" and m.value.lower() == email.lower() for m in found + out):
                continue
            valid = bool(_STRICT_EMAIL.fullmatch(email))
            words = _WORD.findall(shown)
            if words and all(w.lower() in MEANS_LABELS or w.lower() in EDGE_WORDS for w in words):
                out.append(Means(start, end, "email", email, valid=valid))  # "[E-Mail](mailto:...)"
            else:
                out.append(Means(start, start, "email", email, valid=valid))  # "[Jane Doe](mailto:...)"
        elif lowered.startswith(("http://", "https://")):
            if SOCIAL.search(target) or PRESS_KIT.search(target) or PRESS_KIT.search(shown):
                out.append(Means(start, end, "link", target))  # its text names no one
            elif not any(m.kind == "url" and m.value.rstrip("/") in target for m in found):
                out.append(Means(start, start, "url", target))
    return out


@lru_cache(maxsize=1)
def _phonenumbers() -> Any:
    # imported on first use (~9 ms, plus ~3 ms of metadata per region): paid only by a
    # release whose contact block has digits in it
    with keep_patterns_of("phonenumbers"):  # ~5 ms of its ~9 are patterns it compiles
        import phonenumbers

    return phonenumbers


def _phones(text: str, taken: list[tuple[int, int]], regions: list[str]) -> list[Means]:
    pn = _phonenumbers()
    flat = text.replace("\n", " ")  # a number may be wrapped over two lines
    # a word glued to the number's end where a line break was lost ("7687Thomas"): its capital
    # is read as a space, so the number ends there (offsets stay the text's)
    flat = _GLUED_WORD.sub(" ", flat)
    out: list[Means] = []
    spans = list(taken)

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in spans)

    for region in regions or ["US"]:
        if not _PHONE_LIKE.search(_blank(flat, spans)):
            break
        for match in pn.PhoneNumberMatcher(flat, region, leniency=pn.Leniency.VALID):
            start, end = match.start, match.end
            if not free(start, end) or _FAX_BEFORE.search(flat[max(0, start - 16):start]):
                continue
            e164 = pn.format_number(match.number, pn.PhoneNumberFormat.E164)
            out.append(Means(start, end, "phone", _as_written(match.raw_string), e164))
            spans.append((start, end))
    for match in _PHONE_LIKE.finditer(flat):
        start, end = match.span()
        written = match.group()
        before = flat[max(0, start - 16):start]
        if not 7 <= sum(ch.isdigit() for ch in written) <= 15 or not free(start, end) \
                or _FAX_BEFORE.search(before) or _DATE.fullmatch(written.strip()):
            continue
        alone = not text[:start].rsplit("\n", 1)[-1].strip() and not text[end:].split("\n", 1)[0].strip()
        if written[0] in "+(0" or alone or _NANP.fullmatch(written) or _PHONE_LABEL_BEFORE.search(before):
            out.append(Means(start, end, "phone", _as_written(written), None, valid=False))
            spans.append((start, end))
    return out


def _as_written(raw: str) -> str:
    """The number with its spacing tidied and an unmatched bracket at either end dropped."""
    value = " ".join(raw.split())
    if value.startswith("(") and ")" not in value:
        value = value[1:].lstrip()
    if value.endswith(")") and "(" not in value:
        value = value[:-1].rstrip()
    return value


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)

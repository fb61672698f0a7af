"""What the rest of a release tells the contacts transform: its language and who an e-mail domain is.

Used by ``contacts``: the language gives the phone region for numbers written
without a country code; an e-mail domain that names the issuer
(``press@acme.com`` in a release about "Acme") gives the organisation of a
contact that states none.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ... import lexicon
from ...model import Block, Document, plain_text
from ._words import NAME_ARTICLES, ORG_WORDS


# the phone region of a language's releases; languages without a lexicon as a fallback
LANGUAGE_REGION = {
    "pl": "PL", "da": "DK", "fi": "FI", "nb": "NO", "no": "NO", "cs": "CZ", "tr": "TR", "uk": "UA",
    "el": "GR", "hu": "HU", "ro": "RO",
    **{code: regions[0] for code, regions in lexicon.by_language("detection", "phone_region").items()},
}


def guess_language(blocks: Sequence[Block]) -> str | None:
    """The language of the running text, from its commonest short words (None when unsure)."""
    return lexicon.guess_language(plain_text(tuple(blocks[:30]))[:4000])


def language_region(language: str | None) -> str | None:
    """The phone region a BCP 47 tag suggests (``de-AT`` -> ``AT``, ``fr`` -> ``FR``)."""
    if not language:
        return None
    parts = language.replace("_", "-").split("-")
    if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha():
        return parts[1].upper()
    return LANGUAGE_REGION.get(parts[0].lower())


def email_region(email: str) -> str | None:
    """The country of an e-mail's domain (``.at`` -> ``AT``, ``.co.uk`` -> ``GB``)."""
    tld = email.rsplit(".", 1)[-1].upper()
    if tld == "UK":
        return "GB"
    if len(tld) == 2 and tld.isalpha() and tld not in ("IO", "AI", "CO", "TV", "ME", "FM", "LY", "GG"):
        return tld
    return None


# "株式会社 Geolonia": a legal form written before the name, in scripts without capitals
_LEGAL_FORM = "|".join(re.escape(form) for form in sorted(
    lexicon.words("contacts", "legal_forms"), key=lambda f: (-len(f), f))) or "(?!)"
_FREE_MAIL = frozenset("""gmail googlemail yahoo hotmail outlook live msn aol icloud me mac gmx web
t-online protonmail proton posteo mailbox orange free wanadoo laposte sfr libero virgilio
tiscali yandex mail rambler qq 163 zoho fastmail hey tutanota""".split())
_GENERIC_LABELS = frozenset("www press media presse news mail info newsroom pr email contact".split())
_SECOND_LEVEL = frozenset("co com org net gov ac edu gob gouv".split())
# words before an organisation's name that are not part of it; a definite article is kept,
# for names carry it as written ("The Haiku Project", "La Poste", "Die Linke")
_LEFT_SKIP = frozenset("""A An This That Today Ein Eine Un Une For And Und Et Y With Mit By""".split())


class DomainNames:
    """Organisation names for e-mail domains, as the release writes them (lazy, cached)."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._text: str | None = None
        self._cache: dict[str, str | None] = {}

    def get(self, domain: str) -> str | None:
        domain = domain.lower()
        if domain not in self._cache:
            self._cache[domain] = self._look_up(domain)
        return self._cache[domain]

    def _look_up(self, domain: str) -> str | None:
        labels = [part for part in domain.split(".") if part]
        if len(labels) < 2:
            return None
        labels = labels[:-1]
        if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels = labels[:-1]
        name = labels[-1]
        if name in _FREE_MAIL or name in _GENERIC_LABELS:
            return None
        if self._text is None:
            doc = self._document
            # " | " between the parts: a phrase never runs from the headline into the body
            self._text = " | ".join(filter(None, (doc.headline or "", doc.subheadline or "",
                                                plain_text(doc.body),
                                                " ".join(b.title for b in doc.boilerplate))))
        for word in dict.fromkeys((name, name.split("-")[0])):
            if len(word) < 3:
                continue
            found = _phrases(self._text, re.escape(word).replace(r"\-", r"[\s-]"))
            if found:
                return found
        return _squashed(self._text, name) if len(name) >= 6 else None


_WORDS = re.compile(r"[^\W\d_][\w'’&-]*")


def _squashed(text: str, label: str) -> str | None:
    """The phrase a domain writes without its spaces: "Paris en selle" for parisenselle.fr,
    "Open Nederland" for opennederland.nl (the commonest such phrase, opening with a capital)."""
    counts: Counter[str] = Counter()
    first = label[0]
    for found in _WORDS.finditer(text):
        word = found.group()
        if not word[:1].isupper() or word[0].lower() != first:
            continue
        squashed, end = "", found.start()
        for following in _WORDS.finditer(text, found.start()):
            if text[end:following.start()].strip():
                break  # only spaces between the words of one phrase
            squashed += re.sub(r"[\W_]", "", following.group()).lower()
            end = following.end()
            if not label.startswith(squashed):
                break
            if squashed == label:
                counts[text[found.start():end]] += 1
                break
    return max(counts, key=lambda phrase: (counts[phrase], len(phrase))) if counts else None


def _phrases(text: str, word: str) -> str | None:
    """The commonest capitalised phrase around ``word`` ("Extinction Rebellion" for "rebellion").

    ``word`` is a pattern: a domain label whose hyphens match a space or hyphen.
    """
    # words on the same line only: a heading above ("## Contact") is not part of the name
    pattern = re.compile(r"((?i:%s)[ \t]*)?((?:[A-Z][\w&'’-]*[ \t]+){0,2})((?i:%s))((?:[ \t]+[A-Z][\w&.-]*){0,2})"
                         % (_LEGAL_FORM, word))
    counts: Counter[str] = Counter()
    for match in pattern.finditer(text):
        core = match.group(3)
        if not core[0].isupper() or (match.end(3) < len(text) and text[match.end(3)].isalnum()) \
                or (match.start(3) > 0 and text[match.start(3) - 1].isalnum()):
            continue
        legal = match.group(1)
        left = match.group(2).split()
        skipped = [i for i, w in enumerate(left) if w in _LEFT_SKIP]
        if skipped:
            left = left[skipped[-1] + 1:]  # "Today Haiku Project" -> "Haiku Project"
        right = []
        for w in match.group(4).split():
            if w.lower().strip(".") not in ORG_WORDS:
                break
            right.append(w)
        if left and left[0] in NAME_ARTICLES and len(left) + 1 + len(right) == 2 and core.isupper():
            left = left[1:]  # "the DCMS": an acronym takes no article of its own
        phrase = " ".join(left + [core] + right)
        counts[(legal + phrase) if legal and not left else phrase] += 1
    if not counts:
        return None
    # a full name ending in "Project", "Foundation", "Inc." ... beats the bare word
    full = [phrase for phrase in counts if phrase.split()[-1].lower().strip(".") in ORG_WORDS]
    return max(full or counts, key=lambda phrase: (counts[phrase], len(phrase)))

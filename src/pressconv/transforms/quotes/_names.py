"""Names in running text: capitalised runs, titles split off as the role, and the name index.

A *name run* is a sequence of capitalised words (with initials, ``(H.O.)``,
hyphens and particles such as ``von der``).  Honorifics, job titles and
department words at its front are the role, the rest is the name.  The
:class:`NameIndex` gives every surname the fullest name the release uses.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._regex_cache import cached_compile
from . import _words as lex

TOKEN = cached_compile(
    r"\((?:[^\W\d_]\.){1,4}\)"                      # (H.O.)
    r"|(?:[^\W\d_]\.){1,4}(?![\w])"                 # W.  A.J.  U.S.
    r"|[^\W\d_][\w’'\-]*(?:\.[\w’'\-]+)*"           # words, Node.js, Mellizo-Soto, Q’orianka
)


_ELIDED = cached_compile(r"^[dDlL][’'](?=[^\W\d_])")


_POSSESSIVE = cached_compile(r"[’']s?$")


@dataclass(frozen=True, slots=True)
class Run:
    """A sequence of capitalised words in a text."""

    start: int  #: offset of the first word
    end: int  #: offset after the last word
    tokens: tuple[str, ...]  #: the words


def _capitalised(token: str) -> bool:
    return token[0].isupper() or token[0] == "("


def _initial(token: str) -> bool:
    return bool(re.fullmatch(r"\(?(?:[^\W\d_]\.)+\)?", token))


def name_runs(text: str) -> tuple[Run, ...]:
    """Every run of capitalised words in ``text``, function words at the front dropped."""
    return _name_runs(text)


@lru_cache(maxsize=1024)
def _name_runs(text: str) -> tuple[Run, ...]:
    runs: list[Run] = []
    current: list[tuple[int, int, str]] = []

    def flush() -> None:
        while current and current[-1][2].lower() in lex.PARTICLES:
            current.pop()
        while current and current[0][2].lower().strip(".") in lex.FUNCTION_WORDS:
            current.pop(0)
        cut = _organisation_after_particle(current)
        if cut is not None:  # "Max Muster von der Acme GmbH": a person, then the organisation
            person, rest = current[:cut], current[cut:]
            while rest and rest[0][2].lower() in lex.PARTICLES:
                rest.pop(0)
            runs.append(Run(person[0][0], person[-1][1], tuple(t for _, _, t in person)))
            current[:] = rest
        if current:
            runs.append(Run(current[0][0], current[-1][1], tuple(t for _, _, t in current)))
            current.clear()

    last_end = -1
    for match in TOKEN.finditer(text):
        token, start = match.group(), match.start()
        capital = token[0].isupper() or token[0] == "("
        elided = _ELIDED.match(token) if len(token) > 2 and token[1] in "’'" else None
        if not capital and not current and not elided:
            last_end = match.end()
            continue
        if elided:
            if current:
                flush()
            token, start = token[elided.end():], start + elided.end()
            capital = token[0].isupper()
        if current:
            gap = text[last_end:start]
            joined = gap.isspace() and len(gap) <= 3 and "\n\n" not in gap
            if not joined and gap[:1] == "." and gap[1:].isspace() and len(gap) <= 3:
                joined = _word(current[-1][2]) in lex.TITLES  # "Dr. Jane Smith", "Prof. X"
            if not joined:
                flush()
        if capital:
            current.append((start, match.end(), token))
        elif current and token in lex.PARTICLES:
            current.append((start, match.end(), token))
        elif current:
            flush()
        last_end = match.end()
    if current:
        flush()
    return tuple(runs)


def _organisation_after_particle(tokens: list[tuple[int, int, str]]) -> int | None:
    """Where a run of two or more capitalised words gives way, at a particle, to an organisation."""
    words = [t for _, _, t in tokens]
    for index in range(2, len(words) - 1):
        if words[index].lower() in lex.PARTICLES and words[index][:1].islower() and all(
                _capitalised(w) for w in words[:index]) and any(
                _is_org_word(w) or is_acronym(w) for w in words[index + 1:]):
            return index
    return None


def _word(token: str) -> str:
    return token.lower().rstrip(".")


@lru_cache(maxsize=4096)
def is_title(token: str) -> bool:
    word = _word(token)
    if word in lex.TITLES:
        return True
    if "-" in word and any(part in lex.TITLES for part in word.split("-")):
        return True
    return len(word) >= 8 and word.endswith(_TITLE_ENDINGS)


# German compounds end in a title: Oberbürgermeister, Pressesprecherin, Vizepräsident.
_TITLE_ENDINGS = lex.TITLE_SUFFIXES + tuple(t for t in lex.TITLES if len(t) >= 7 and "-" not in t)


def is_acronym(token: str) -> bool:
    letters = re.sub(r"[^\w]", "", token)
    return len(letters) >= 2 and letters.isupper() and not _initial(token)


def _is_org_word(token: str) -> bool:
    return _word(token) in lex.ORGANISATION_WORDS


def split_role(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(name, role) words of a run: titles and department words in front are the role."""
    tokens = tuple(t for t in tokens)
    owner = next((i for i, t in enumerate(tokens[:-1]) if len(t) > 2 and _POSSESSIVE.search(t)), -1)
    if 0 <= owner <= len(tokens) - 3:
        # "Acme's Jane Doe", "Acme Corp.'s CEO Jane Doe": the owner is the organisation, a role
        name, role = split_role(tokens[owner + 1:])
        return name, tokens[:owner + 1] + role
    titles = [is_title(t) for t in tokens]
    first_title = next((i for i, t in enumerate(tokens) if titles[i] and not _initial(t)), -1)
    if first_title >= 2 and not any(titles[:first_title]) and is_personal(tokens[:first_title]):
        return tokens[:first_title], tokens[first_title:]  # "Tom Agnew Chief Executive Officer"
    last_title = -1
    for i, token in enumerate(tokens):
        if titles[i] and not (_initial(token) and i > 0):
            last_title = i
    role: tuple[str, ...] = ()
    if last_title >= 0:
        role, tokens = tokens[:last_title + 1], tokens[last_title + 1:]
        role = tuple(t for t in role if _word(t) not in lex.HONORIFICS)
        if tokens and tokens[0].lower() in lex.PARTICLES:
            # "Vorsitzende des Vereins", "directeur de la Communication": a complement
            cut = 0
            while cut < len(tokens) and tokens[cut].lower() in lex.PARTICLES:
                cut += 1
            cut += 1
            while cut < len(tokens) - 1 and (_is_org_word(tokens[cut]) or is_acronym(tokens[cut])):
                cut += 1
            role, tokens = role + tokens[:cut], tokens[cut:]
    all_acronyms = all(is_acronym(t) or _initial(t) for t in tokens)
    cut = 0
    while cut < len(tokens) - 1 and (
            _is_org_word(tokens[cut]) or (is_acronym(tokens[cut]) and not all_acronyms)
            or _word(tokens[cut]) in lex.FUNCTION_WORDS or tokens[cut].lower() in lex.PARTICLES):
        cut += 1
    if cut and role:
        role = role + tokens[:cut]
    elif cut and any(is_title(t) for t in tokens[:cut]):
        role = tokens[:cut]
    tokens = tokens[cut:]
    while tokens and (tokens[0].lower() in lex.PARTICLES or is_title(tokens[0])):
        tokens = tokens[1:]
    return tokens, role


def clean_name(tokens: tuple[str, ...]) -> str:
    """The name as text, without a possessive ending."""
    if not tokens:
        return ""
    last = _POSSESSIVE.sub("", tokens[-1]) if len(tokens[-1]) > 2 else tokens[-1]
    return " ".join(tokens[:-1] + (last,))


def is_personal(tokens: tuple[str, ...]) -> bool:
    """Could these (role-free) words be a person's name?"""
    if not 2 <= len(tokens) <= 5:
        return False
    if any(_is_org_word(t) for t in tokens) or all(is_acronym(t) for t in tokens):
        return False
    return all(_capitalised(t) or t in lex.PARTICLES for t in tokens)


def name_at(text: str, start_only: bool = True) -> tuple[Run, str, str | None] | None:
    """The first name run of ``text`` (at its very start when ``start_only``): run, name, role."""
    for run in name_runs(text):
        if start_only and text[:run.start].strip(" ,(") and not _only_function_words(text[:run.start]):
            return None
        name, role = split_role(run.tokens)
        if name:
            return run, clean_name(name), " ".join(role) or None
        if start_only:
            return None
    return None


def _only_function_words(text: str) -> bool:
    found = re.findall(r"[\w’']+", text.lower())
    return bool(found) and all(w in lex.FUNCTION_WORDS or w in lex.DETERMINERS for w in found)


def is_complement(text: str, start: int) -> bool:
    """True when the name at ``start`` follows a preposition ("of Acme", "d’Amazon Watch")."""
    before = [w.lower() for w in re.findall(r"[\w’']+", text[:start])[-3:]]
    while before and before[-1].rstrip("’'") not in lex.PREPOSITIONS and (
            before[-1].rstrip("’'") in lex.DETERMINERS or before[-1] in ("l’", "l'")):
        before.pop()
    return bool(before) and before[-1].rstrip("’'") in lex.PREPOSITIONS


def name_near_start(segment: str) -> tuple[Run, str, str | None] | None:
    """A name after a few lower-case words: "the company's CEO John Smith", "le ministre X"."""
    for run in name_runs(segment):
        before = [re.sub(r"^[ld][’']", "", w.lower()).rstrip("’'")
                  for w in re.findall(r"[\w’']+", segment[:run.start])]
        if len(before) > 4 or any(w in lex.PREPOSITIONS for w in before):
            return None
        name, role = split_role(run.tokens)
        if name and (role or any(is_title(w) for w in before)):
            return run, clean_name(name), " ".join(role) or None
        return None
    return None


class NameIndex:
    """Every name the release gives, to expand surnames and resolve pronouns."""

    def __init__(self) -> None:
        self._by_last: dict[str, dict[tuple[str, ...], int]] = {}
        # (last word, another word) -> the names holding both, in the order first met
        self._by_word: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        self._roles: dict[tuple[str, ...], str] = {}
        self._resolved: dict[str, str] = {}

    def add_text(self, text: str) -> None:
        for run in name_runs(text):
            name, role = split_role(run.tokens)
            self.add(name, " ".join(role) or None)

    def add(self, tokens: tuple[str, ...], role: str | None = None) -> None:
        if not tokens:
            return
        name = tuple(clean_name(tokens).split())
        if len(name) < 2 or len(name) > 6:
            return
        last = name[-1].lower()
        bucket = self._by_last.setdefault(last, {})
        if name not in bucket:
            for word in {w.lower() for w in name[:-1]}:
                self._by_word.setdefault((last, word), []).append(name)
        bucket[name] = bucket.get(name, 0) + 1
        self._resolved.clear()
        if role and any(is_title(w) for w in role.split()):
            self._roles.setdefault(name, role)

    def knows(self, surname: str) -> bool:
        return surname.lower() in self._by_last

    def resolve(self, name: str) -> str:
        """The fullest form of ``name`` the release gives (``Greminger`` → ``Thomas Greminger``).

        Linear in the names sharing the query's words, and each query answered once:
        a long release with many people of one surname stays fast.
        """
        found = self._resolved.get(name)
        if found is None:
            found = self._resolved[name] = self._resolve(name)
        return found

    def _resolve(self, name: str) -> str:
        tokens = tuple(name.split())
        if not tokens:
            return name
        last = tokens[-1].lower()
        bucket = self._by_last.get(last)
        if not bucket:
            return name
        if len(tokens) == 1:
            pool = list(bucket)
        else:
            pool = [c for c in self._by_word.get((last, tokens[0].lower()), ()) if _contains(c, tokens)]
            pool.append(tokens)
        if not pool:
            return name
        # a name whose own ending is another name of the pool ("Anna Maria Smith" over "Maria
        # Smith") is not the minimal reading; each is checked against the pool's set
        known = set(pool)
        minimal = [c for c in pool if not any(c[-size:] in known for size in range(2, len(c)))]
        best = max(minimal, key=lambda c: (len(c), bucket.get(c, 0)))
        return " ".join(best)

    def role_of(self, name: str) -> str | None:
        return self._roles.get(tuple(name.split()))

    def is_person(self, tokens: tuple[str, ...]) -> bool:
        name = tuple(clean_name(tokens).split())
        if len(name) == 1:
            return self.knows(name[0]) and not is_acronym(name[0])
        return is_personal(name)


def _contains(candidate: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """True when ``tokens`` appear in ``candidate`` in order, ending on the same word."""
    if candidate[-1].lower() != tokens[-1].lower():
        return False
    position = 0
    lowered = [c.lower() for c in candidate]
    for token in tokens:
        try:
            position = lowered.index(token.lower(), position) + 1
        except ValueError:
            return False
    return True


# two to four Han characters not glued to more of them ("集团公司副总裁" holds no name)
_HAN_NAME = r"(?<![\u4e00-\u9fff\u3005])[\u4e00-\u9fff\u3005]{2,4}"


def cjk_name(text: str) -> str | None:
    """A Chinese or Japanese personal name in a short line: the characters before 氏/さん, or
    before a title written after the name ("村井純・慶大教授の話", "亀井聡 氏", "山田太郎社長")."""
    if len(text) > 120:
        return None
    for pattern in (_CJK_NAME_SUFFIX, _CJK_NAME_TITLE):
        found = list(pattern.finditer(text))
        if found:
            return found[-1].group("name")  # the name nearest the end of the line ("…の話")
    return None


_CJK_NAME_SUFFIX = cached_compile(r"(?P<name>%s)\s?(?:%s)" % (_HAN_NAME, "|".join(lex.NAME_SUFFIXES) or "氏"))
_CJK_NAME_TITLE = cached_compile(r"(?P<name>%s?)(?:[・\s]\S{0,8}?)?(?:%s)" % (
    _HAN_NAME, "|".join(lex.TITLES_AFTER) or "社長"))

"""Who said it: verbs of saying and the attributions around a quote.

An attribution is read from the words after a quote (``," said X``, ``," X
said``, ``" - X``, ``", so X weiter``) or before it (``X said: "``, ``X, CEO,
says "``, ``according to X``).  A pronoun or an implicit subject is marked for
the quote transform to resolve; names come from ``_speech_names``.
"""

from __future__ import annotations

import re

from ..._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon
from .._inlines import caseless
from . import _words as lex
from ._speech import first_sentence_end, sentence_breaks
from ._names import (
    cjk_name, clean_name, is_acronym, is_complement, is_personal, is_title, name_at, name_near_start,
    name_runs, Run, split_role,
)

# ----------------------------------------------------------------- language


def detect_language(text: str, declared: str | None = None) -> str:
    """Two-letter language of ``text``: the declared one when given, else by function words."""
    if declared:
        code = declared.lower()[:2]
        if code in lex.LANGUAGE_MARKERS:
            return code
    return lexicon.guess_language(text[:20000], at_least=0) or "en"



def _alternation(phrases) -> str:
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))  # longest first; fixed order
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """Where a verb of saying stands in a text."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text


_WORDS = cached_compile(r"[\w’']+(?:-[\w’']+)*")
_INVERTED = cached_compile(r"-(?:t-)?(?:il|elle|ils|elles)$")


class VerbFinder:
    """Finds verbs of saying by looking words up in sets (much faster than one big regex)."""

    def __init__(self, phrases) -> None:
        self.single: set[str] = set()
        self.multi: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            parts = tuple(phrase.split())
            if len(parts) == 1:
                self.single.add(parts[0])
            else:
                self.multi.setdefault(parts[0], []).append(parts[1:])
        self.auxiliaries = frozenset(lex.AUXILIARIES)

    def _at(self, words: list[re.Match[str]], i: int) -> int | None:
        """Index of the last word of a verb phrase starting at word ``i``, or None."""
        raw = words[i].group()
        if raw[:1].isupper():
            return None  # "States", "So ist es": verbs stand in lower case (where there is case)
        word = _INVERTED.sub("", raw) if "-" in raw else raw
        if word in self.single:
            return i
        for rest in self.multi.get(word, ()):
            following = [w.group().lower() for w in words[i + 1:i + 1 + len(rest)]]
            if tuple(following) == rest:
                return i + len(rest)
        return None

    def _find(self, text: str, anchored: bool) -> VerbMatch | None:
        words = list(_WORDS.finditer(text))
        for i in range(len(words)):
            if anchored and (i > 0 or text[:words[0].start()].strip()):
                return None
            first = i
            lowered = _INVERTED.sub("", words[i].group())
            if lowered in self.auxiliaries or lowered == "se":
                j = i + 1
                if j < len(words) and words[j].group().lower() == "se":
                    j += 1
                if j < len(words):
                    last = self._at(words, j)
                    if last is not None:
                        return VerbMatch(words[first].start(), words[last].end(),
                                         text[words[first].start():words[last].end()])
            last = self._at(words, i)
            if last is not None:
                return VerbMatch(words[i].start(), words[last].end(),
                                 text[words[i].start():words[last].end()])
        return None

    def search(self, text: str) -> VerbMatch | None:
        return self._find(text, False)

    def match(self, text: str) -> VerbMatch | None:
        return self._find(text, True)


def _verbs_for(lang: str) -> VerbFinder:
    phrases = []
    for verbs in lex.SAYING_VERBS.values():
        for verb in verbs:
            only = lex.LANGUAGE_ONLY.get(verb)
            if only is None or lang in only.split():
                phrases.append(verb)
    return VerbFinder(phrases)


class _LazyVerbs(dict):
    """Verb finders built on first use: most releases need one language."""

    def __missing__(self, lang: str) -> VerbFinder:
        finder = self[lang] = _verbs_for(lang if lang in lex.LANGUAGE_MARKERS else "en")
        return finder


VERBS: dict[str, VerbFinder] = _LazyVerbs()
INTRO_VERBS = VerbFinder(lex.INTRO_VERBS)
# "called it "…"": names a thing more often than it quotes, so only longer quotes count.
_NAMING_VERBS = lex.NAMING_VERBS
_COMMA = cached_compile(r"\s*[,،]\s*")
ACCORDING = cached_compile(r"(?<![\w’'])(?:%s)\s+" % _alternation(lex.ACCORDING_TO), re.I)
_VIEWPOINT = cached_compile(r"\s*(?:%s)\s+(?=\S)" % _alternation(lexicon.words("speech", "viewpoint")), re.I)
_INVERTED_PRONOUN = cached_compile(r"-(?:t-)?(il|elle|ils|elles)\b")

# ------------------------------------------------------------ attributions


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is attributed to, as found in the text."""

    speaker: str | None  #: the name as written (role removed), None for a pronoun
    role: str | None = None  #: title or role given with the name
    pronoun: bool = False  #: he/she/they or an implicit subject: resolve to the last person
    direct: bool = True  #: next to the quote ("said X"); False for a verb far off in the sentence
    group: bool = False  #: a lower-case group such as "AI experts"
    issuer: bool = False  #: "the company", "die Stiftung": the organisation issuing the release


def _strip_role(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;:.–—-()")
    text = re.sub(r"^(?:the|le|la|les|l’|l'|el|la|los|las|il|lo|der|die|das)\s+", "", text, flags=re.I)
    return text or None


def _role_after(text: str) -> str | None:
    """The apposition after a name: ", CEO of X." or " co-founder and CTO of X"."""
    end = first_sentence_end(text)
    semicolon = text.find(";")
    if 0 <= semicolon < end:
        end = semicolon
    tail = text[:end]
    if tail.startswith(","):
        first_word = re.match(r"\s*([\w’']+)", tail[1:])
        if first_word and (first_word.group(1).lower() in lex.NOT_A_ROLE
                           or first_word.group(1).lower() in lex.PREPOSITIONS):
            return None
        return _strip_role(tail[1:])
    first = tail.split()[:1]
    if first and is_title(first[0].strip(",")):
        return _strip_role(tail)
    return None


def _join_role(*parts: str | None) -> str | None:
    found = [p for p in parts if p]
    return ", ".join(found) if found else None


def dash_attribution(text: str) -> Attribution | None:
    """``- Name, Title`` or ``– Name (Role)`` standing alone after a quote."""
    match = re.match(r"\s*[-–—―~]+\s*(?P<who>\S[^\n]*(?:\n[^\n]+)*?)\s*$", text)
    if not match:
        return None
    who = " ".join(match.group("who").split()).rstrip(" .,")
    if not who or len(who.split()) > 40:
        return None
    head = re.split(r"\s*[,(;|]\s*", who, maxsplit=1)
    speaker = head[0]
    role = who[len(speaker):].strip(" ,;|") or None
    if role and role.startswith("(") and role.endswith(")"):
        role = role[1:-1]
    if caseless(speaker):  # "— 亀井聡", "— 山田太郎社長": no capitals to tell a name by
        name = cjk_name(speaker) or (speaker if len(speaker) <= 8 and " " not in speaker else None)
        return Attribution(name, role) if name else None
    if len(speaker.split()) > 6 or not speaker[:1].isupper():
        return None
    found = name_at(speaker)
    if found and found[0].end >= len(speaker.rstrip()) - 1:
        _, name, title = found
        return Attribution(name, _join_role(title, role))
    if found is None or len(speaker.split()) > 4:
        return None  # "— This is a new feature." is a sentence, not a speaker
    return Attribution(speaker, role, group=True)


def _speaker_after_verb(text: str, lang: str) -> Attribution | None:
    """The speaker standing after a verb of saying: "said Jane Doe, CEO." / "sagte er"."""
    end = first_sentence_end(text)
    clause = text[:end]
    words = re.findall(r"[\w’'\-]+", clause)
    while words and words[0].lower() in ("also", "further", "dazu", "weiter", "auch", "today", "then", "ensuite", "además", "anche", "aussi", "heute"):
        words.pop(0)
    if not words or not clause.strip(" \t\n.,;:!?"):
        return Attribution(None, pronoun=True)
    group = group_subject(words)
    if group:
        return Attribution(group, group=True)
    if words[0].lower() in lex.PRONOUNS and (
            len(words) == 1 or not (is_title(words[1]) or words[1][:1].isupper())):
        return Attribution(None, pronoun=True)
    if _ISSUER.match(" ".join(words[:3])) or _ISSUER.match(" ".join(words[:2])):
        return Attribution(None, issuer=True)
    if caseless(words[0]):
        return _caseless_speaker(clause)
    budget = 10
    for run in name_runs(clause):
        before = clause[:run.start]
        if len(re.findall(r"[\w’'\-]+", before)) > budget or sentence_breaks(before):
            return None
        name, role = split_role(run.tokens)
        if not name or (is_complement(clause, run.start) and len(name) == len(run.tokens)):
            continue
        pre_role = _strip_role(before) if re.search(r"[^\W\d_]", before) else None
        if pre_role and not any(is_title(w) for w in pre_role.split()) and not re.search(
                r"[,’']", before):
            pre_role = None
        return Attribution(clean_name(name), _join_role(pre_role, " ".join(role) or None,
                                                        _role_after(clause[run.end:])))
    if len(words) <= 6:
        return Attribution(None)  # "said one user": speech, nobody named
    return None


def _is_group_noun(word: str) -> bool:
    return word.lower().endswith(lex.GROUP_NOUNS)  # "vakjury", "Fachjury" too


def group_subject(words: list[str]) -> str | None:
    """"the jury", "de vakjury", "les organisateurs": a determiner, at most two modifiers and a
    noun of people as a group (the whole phrase being the words given)."""
    if len(words) < 2 or len(words) > 4 or words[0].lower() not in lex.DETERMINERS:
        return None
    if not _is_group_noun(words[-1]) or any(w.lower() in lex.PRONOUNS for w in words[1:]):
        return None
    return " ".join(words[1:])


def _caseless_speaker(clause: str) -> Attribution | None:
    """The speaker after a verb in a script without capitals ("أحمد علي، المدير التنفيذي",
    "דוד כהן, מנכ"ל הארגון"): the words up to the first comma name the speaker (at most
    four of them), what follows is the role."""
    parts = _COMMA.split(clause.strip(" \t\n.:;!?"), 1)
    name = " ".join(parts[0].split())
    rest = " ".join(parts[1].split()).strip(" .") if len(parts) > 1 else ""
    if not name or len(name.split()) > 4 or any(c.isdigit() for c in name):
        return None
    return Attribution(name, rest if rest and len(rest.split()) <= 12 else None)


def attribution_after(text: str, lang: str) -> Attribution | None:
    """The attribution right after a closing mark, if ``text`` starts with one."""
    dash = re.match(r"\s*[-–—―]\s*(?=[^\W\d_])", text)
    if dash:
        line = text.split("\n")[0]
        if first_sentence_end(line) >= len(line.rstrip()) - 1:
            found = dash_attribution(line)
            if found is not None:
                return found
        text = " " + text[dash.end():]  # "„…” – powiedziała Anna Kowalska": a verb after the dash
    signature = re.match(r"[ \t]*\n\s*(?P<line>[^\n]{3,160})\s*$", text)
    if signature:
        # the quote ends its line and the release's last line names who said it:
        # "» … «\n**Dr Markus Richter, secrétaire d’État, CIO …**"
        line = signature.group("line")
        if first_sentence_end(line) >= len(line.rstrip()) - 1 and line[:1].isupper():
            found = dash_attribution("- " + line)
            if found is not None and not found.group:
                return found
    rest = re.sub(r"^[\s,،;:]+", "", text)
    if not rest or rest[0] in ".!?":
        return None
    rest = re.sub(r"^(?:como|as|wie|comme|come)\s+", "", rest, flags=re.I)
    according = ACCORDING.match(rest)
    if according:
        found = name_at(rest[according.end():]) or name_near_start(rest[according.end():])
        if found:
            run, name, role = found
            tail = rest[according.end():]
            return Attribution(name, _join_role(role, _role_after(tail[run.end:])))
        return None
    verbs = VERBS[lang]
    verb = verbs.match(rest)
    if verb:
        inverted = _INVERTED_PRONOUN.search(verb.group())
        if inverted:
            return Attribution(None, pronoun=True)
        if verb.group() == "so" and not name_at(rest[verb.end():]):
            return None
        return _speaker_after_verb(rest[verb.end():], lang)
    clause = rest[:first_sentence_end(rest)]
    verb = verbs.search(clause)
    if not verb or len(clause[:verb.start()].split()) > 14:
        return None
    subject = clause[:verb.start()]
    if rest[verb.end():].lstrip().startswith(":"):
        return None  # "X said:" introduces the next quote
    if re.fullmatch(r"\s*(\w+)\s*", subject) and subject.strip().lower() in lex.PRONOUNS:
        return Attribution(None, pronoun=True)
    if _ISSUER.match(subject):
        return Attribution(None, issuer=True)
    group = group_subject(re.findall(r"[\w’'\-]+", subject))
    if group:
        return Attribution(group, group=True)
    found = name_at(subject)
    if not found:
        found = name_near_start(subject)  # "spokesperson Jane Doe said", "Acme's CEO Jane Doe said"
        if found:
            run, name, role = found
            found = run, name, _join_role(subject[:run.start].strip(" ,") or None, role)
    if not found:
        return None
    run, name, role = found
    apposition = subject[run.end:].strip()
    if apposition and not apposition.startswith(","):
        return None
    return Attribution(name, _join_role(role, _strip_role(apposition) if apposition else None))


def _subject_run(segment: str) -> tuple[Run, str, str | None] | None:
    """The name right before the end of ``segment`` (adverbs allowed after it), not a complement."""
    runs = name_runs(segment)
    for run in reversed(runs):
        after = re.findall(r"[\w’'-]+", segment[run.end:])
        if len(after) > 2 or any(w[:1].isupper() for w in after):
            return None
        if is_complement(segment, run.start):
            return None
        name, role = split_role(run.tokens)
        if not name:
            return None
        return run, clean_name(name), " ".join(role) or None
    return None


def _closing_name(segment: str) -> tuple[Run, str, str | None] | None:
    """The name that ends a short segment, whatever stands before it ("Statement by Jane Doe")."""
    runs = name_runs(segment)
    if not runs or segment[runs[-1].end:].strip(" :"):
        return None
    name, role = split_role(runs[-1].tokens)
    if len(name) < 2 or not is_personal(tuple(clean_name(name).split())):
        return None
    return runs[-1], clean_name(name), " ".join(role) or None


def _antecedent(segments: list[str]) -> Attribution | None:
    """The person a relative clause ("…, who …", "…, quien …") is about: the last name before
    it, with the segments between as its role."""
    for index in range(len(segments) - 1, -1, -1):
        for run in reversed(name_runs(segments[index])):
            name, role = split_role(run.tokens)
            if name and is_personal(tuple(clean_name(name).split())):
                rest = ", ".join(s.strip() for s in segments[index + 1:] if s.strip())
                return Attribution(clean_name(name), _join_role(" ".join(role) or None,
                                                                _strip_role(rest) if rest else None))
    return None


def subject_before(text: str) -> Attribution | None:
    """The subject of a clause that ends where its verb begins ("Jane Doe, CEO of X, ")."""
    stripped = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text).rstrip()
    last_word = re.findall(r"[\w’']+$", stripped)
    if last_word and last_word[0].lower() in lex.PRONOUNS:
        return Attribution(None, pronoun=True)
    segments = [s for s in re.split(r"[,;]", stripped)]
    if stripped.endswith(","):
        segments = segments[:-1]
        order = list(range(len(segments)))
    else:
        order = list(range(len(segments) - 1, -1, -1))
    for index in order:
        segment = segments[index]
        found = _subject_run(segment) or name_near_start(segment)
        words = segment.split()
        if found and index > 0 and words and is_title(words[0]):
            # "Yasmin Fahimi, Vorsitzende des Deutschen Gewerkschaftsbundes betont": the name is
            # before the comma, the capitalised words after the title are its complement
            before = _subject_run(segments[index - 1])
            if before is not None and len(before[1].split()) >= 2:
                role = ", ".join(s.strip() for s in segments[index:] if s.strip())
                return Attribution(before[1], _join_role(before[2], _strip_role(role)))
        if found:
            run, name, role = found
            rest_role = ", ".join(s.strip() for s in segments[index + 1:] if s.strip())
            if not rest_role and index > 0 and any(is_title(w) for w in segments[index - 1].split()):
                rest_role = segments[index - 1]
            return Attribution(name, _join_role(role, _strip_role(rest_role) if rest_role else None))
    return _group(segments[-1] if segments else "")


_QUANTIFIER = lazy_compile(r"^(?:(?:a|an|the)\s+)?(?:(?:large|small|growing|great)\s+)?"
                           r"(?:number|group|majority|lot|coalition|team|couple)\s+of\s+", re.I)


_ISSUER = cached_compile(r"\s*(?:the|our|die|das|der|unser|unsere|la|le|l’|l'|el|il|lo|les|los|notre|nuestra|nuestro)\s*"
                         r"(%s)\s*$" % "|".join(sorted(lex.ISSUER_NOUNS, key=lambda w: (-len(w), w))), re.I)


def _group(segment: str) -> Attribution | None:
    """A lower-case subject such as "A large number of AI experts"."""
    if _ISSUER.match(segment):
        return Attribution(None, issuer=True)
    text = _QUANTIFIER.sub("", " ".join(segment.split()))
    text = re.sub(r"^(?:the|a|an|les|la|le|los|las|die|der|das)\s+", "", text, flags=re.I)
    cut = re.search(r"\b(?:who|which|that|qui|que|die|der|welche)\b", text)
    if cut:
        text = text[:cut.start()].strip()
    found = text.split()
    if not 1 <= len(found) <= 5 or not any(w[:1].isupper() for w in found):
        return None
    if all(w.lower() in lex.FUNCTION_WORDS or w.lower() in lex.PRONOUNS for w in found):
        return None
    return Attribution(text, group=True)


def attribution_before(text: str, lang: str, intro: bool = False) -> Attribution | None:
    """The attribution in the clause ``text`` that leads up to an opening mark."""
    according = None
    for according in ACCORDING.finditer(text):
        pass
    if according is None:
        # "Pour Marie Dupont, directrice d’Acme, « … »": a viewpoint opening the sentence
        according = _VIEWPOINT.match(text)
        if according is not None and not name_at(text[according.end():]):
            according = None
    if according is not None:
        rest = text[according.end():]
        found = name_at(rest) or name_near_start(rest)
        if found:
            run, name, role = found
            apposition = rest[run.end:]
            if apposition.lstrip().startswith(","):
                role = _join_role(role, _strip_role(apposition.rsplit(",", 1)[0])
                                  if apposition.rstrip().endswith(",") else None)
            return Attribution(name, role, direct=False)
    verb = VERBS[lang].search(text)
    if verb is None and intro:
        verb = INTRO_VERBS.search(text)
    if verb is not None:
        between = text[verb.end():]
        direct = (len(between.split()) <= 4 or between.rstrip().endswith(":")) \
            and verb.group().split()[-1].lower() not in _NAMING_VERBS
        if _INVERTED_PRONOUN.search(verb.group()):
            return Attribution(None, pronoun=True, direct=direct)
        found = subject_before(text[:verb.start()])
        if found is None:
            return Attribution(None, direct=direct)
        return Attribution(found.speaker, found.role, found.pronoun, direct, found.group)
    if text.rstrip().endswith(":"):
        segments = re.split(r"[,;]", text)
        leading = re.match(r"\s*([\w’']+)", segments[-1])
        if leading and leading.group(1).lower() in lex.PRONOUNS:
            return Attribution(None, pronoun=True)
        if leading and leading.group(1).lower() in lex.RELATIVE_PRONOUNS and len(segments) > 1:
            # "… del Lic. Jorge Zermeño, Alcalde de Torreón, quien ofreció unas palabras:"
            found = _antecedent(segments[:-1])
            if found is not None:
                return found
        found = name_at(segments[0])
        if (found is None or len(found[0].tokens) == 1) and len(segments[0].split()) <= 6:
            found = _closing_name(segments[0]) or found  # "Quote from Jane Doe, CEO of Acme:"
        if found and (len(found[0].tokens) > 1 or is_acronym(found[0].tokens[0])):
            run, name, role = found
            rest = ", ".join(s.strip() for s in segments[1:] if s.strip()).rstrip(":")
            return Attribution(name, _join_role(role, _strip_role(rest) if len(segments) > 1 else None))
    return None

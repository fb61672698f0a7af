"""Word lists for finding speech and speakers, taken from the lexicon (``pressconv/lexicon``).

Verbs of saying are kept per language: a word that means something else in
another language (German ``so``, Italian ``dice``) is a verb of saying only in
the languages that list it under ``own_language_only``.
"""

from __future__ import annotations

from ... import lexicon

SAYING_VERBS: dict[str, tuple[str, ...]] = lexicon.by_language("speech", "saying_verbs")
# word -> the languages (space-separated) in which alone it is a verb of saying
LANGUAGE_ONLY: dict[str, str] = {}
for _code, _words in lexicon.by_language("speech", "own_language_only").items():
    for _word in _words:
        LANGUAGE_ONLY[_word] = (LANGUAGE_ONLY[_word] + " " + _code) if _word in LANGUAGE_ONLY else _code

# Auxiliaries that may stand before a participle ("a déclaré", "ha señalado", "has said").
AUXILIARIES = tuple(sorted(lexicon.words("speech", "auxiliaries")))
# Verbs that introduce a statement quoted after a colon ("signed a statement that read:").
INTRO_VERBS = tuple(sorted(lexicon.words("speech", "intro_verbs")))
# "according to X" and its kin, before or after a quote.
ACCORDING_TO = tuple(sorted(lexicon.words("speech", "according_to"), key=lambda w: (-len(w), w)))
PRONOUNS = lexicon.words("speech", "pronouns")
# "said the jury", "aldus de vakjury": people spoken of as a group, not named.
GROUP_NOUNS = tuple(sorted(lexicon.words("speech", "group_nouns"), key=lambda w: (-len(w), w)))
# "…, who said:", "…, quien ofreció unas palabras:": the clause is about the name before it.
RELATIVE_PRONOUNS = lexicon.words("speech", "relative_pronouns")
# Capitalised words that open a sentence but never a name.
FUNCTION_WORDS = lexicon.words("speech", "function_words")
# Nouns and words before a quote that make it a name or a title, not speech.
TITLE_CUES = lexicon.words("speech", "title_cues")
# "called it "…"": verbs that name a thing more often than they quote.
NAMING_VERBS = lexicon.words("speech", "naming_verbs")
# "the company said": nouns by which a release names its own issuer.
ISSUER_NOUNS = lexicon.words("speech", "issuer_nouns")
# Function words per language, for telling the language of a release.
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    code: frozenset(items) for code, items in lexicon.by_language("detection", "markers").items()}

# Lower-case particles that may stand inside a name (Ursula von der Leyen).
PARTICLES = lexicon.words("names", "particles")
# Honorifics and job titles: stripped from names, kept as the role.
TITLES = lexicon.words("names", "titles")
# Honorifics: dropped from names and not kept as a role.
HONORIFICS = lexicon.words("names", "honorifics")
# Words of organisations and government departments (never the person's own name).
ORGANISATION_WORDS = lexicon.words("names", "organisation_words")
DETERMINERS = lexicon.words("names", "determiners")
# Prepositions: a name after one is a complement ("CEO of Acme"), not the speaker.
PREPOSITIONS = lexicon.words("names", "prepositions")
# Endings of compound job titles (Vorstandschef, Pressesprecherin ...).
TITLE_SUFFIXES = tuple(sorted(lexicon.words("names", "title_suffixes")))
# Words that start an adverbial or relative clause after a name, never a role.
NOT_A_ROLE = lexicon.words("names", "not_a_role")
# Chinese, Japanese, Korean: what follows a name (氏, さん; 社長, 教授 …)
NAME_SUFFIXES = tuple(sorted(lexicon.words("names", "name_suffixes"), key=lambda w: (-len(w), w)))
TITLES_AFTER = tuple(sorted(lexicon.words("names", "titles_after"), key=lambda w: (-len(w), w)))

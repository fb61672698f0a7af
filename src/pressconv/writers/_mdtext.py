"""How text is written in Markdown so that reading it back gives the same text.

The characters that could start markup are backslash-escaped where they could:
``*`` ``_`` (not inside a word) `````` ``[`` ``]`` ``<`` ``|`` ``~`` ``\\``,
``&`` before an entity, and ``#``/``-``/``+``/``>``/``1.``/``===`` at the start
of a line.  Emphasis delimiters are used where CommonMark's flanking rules let
them hold, HTML tags (which the reader maps back) where they would not.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Mapping

from .._regex_cache import cached_compile

# "h" of http(s):// and "w" of www. become character references: the reader's GFM
# autolinker would otherwise take the raw text up to the next space, backslashes included.
_ESCAPE = cached_compile(r"[\\`*\[\]<|~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)|h(?=ttps?://)|w(?=ww\.)")
_LINE_START = cached_compile(r"#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|>|[-=]+[ \t]*$|(?:-[ \t]*){3,}$")
_ORDINAL = cached_compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
_BACKTICKS = cached_compile(r"`+")
_TRAILING_HASHES = cached_compile(r"(?<![^ \t])#+$")
URI = cached_compile(r"[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*")
EMAIL = cached_compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")
_PLAIN_KEY = cached_compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_YAML_WORDS = frozenset("y n yes no on off true false null".split())
_UNSAFE_IN_YAML = cached_compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def escape(text: str) -> str:
    """``text`` with every character that could start inline markup backslash-escaped."""
    return _ESCAPE.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    char = match.group()
    return "&#%d;" % ord(char) if char in "hw" else "\\" + char


def escape_line_start(line: str) -> str:
    """A line that cannot be read as the start of a block (heading, list, quote, rule)."""
    line = line.lstrip(" \t")
    if _LINE_START.match(line):
        return "\\" + line
    return _ORDINAL.sub(r"\1\\\2", line, count=1) if line[:1].isdigit() else line


def delimited(marker: str, tag: str, inner: str, before: str, after: str) -> str:
    """``inner`` between ``marker``s, or in an HTML tag where the markers would not hold."""
    lead, core, trail = edges(inner)
    if not core:
        return inner
    before = lead[-1:] or before
    after = trail[:1] or after
    opens = not (_is_punctuation(core[0]) and before and not _is_space_or_punctuation(before))
    closes = not (_is_punctuation(core[-1]) and after and not _is_space_or_punctuation(after))
    if opens and closes and marker[0] not in (core[0], core[-1], before, after):
        return lead + marker + core + marker + trail
    return "%s<%s>%s</%s>%s" % (lead, tag, core, tag, trail)


def heading_line(level: int, text: str) -> str:
    text = _TRAILING_HASHES.sub(r"\\\g<0>", text.strip())
    level = min(max(level, 1), 6)  # Markdown has six heading levels
    return ("#" * level + " " + text).rstrip()


def backtick_fence(text: str, shortest: int) -> str:
    """A run of backticks longer than any in ``text``, at least ``shortest`` long."""
    return "`" * max(shortest, max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)


def code_span(text: str, in_table: bool = False) -> str:
    """Inline code with a fence longer than any run of backticks inside."""
    text = text.replace("\n", " ")
    if not text:
        return ""
    if in_table:
        text = text.replace("|", "\\|")
    fence = backtick_fence(text, 1)
    pad = " " if text[0] == "`" or text[-1] == "`" or (
        text[0] == " " and text[-1] == " " and text.strip()) else ""
    return fence + pad + text + pad + fence


def destination(url: str, title: str | None = None) -> str:
    """A link destination (in ``<>`` when it has spaces or brackets) and optional title."""
    if not url or re.search(r"[\s<>\x00-\x1f]", url):
        target = "<%s>" % re.sub(r"[\\<>]", r"\\\g<0>", url).replace("\n", " ")
    else:
        target = re.sub(r"[\\()]|&(?=#?\w+;)", r"\\\g<0>", url)
    if title is not None:
        target += ' "%s"' % re.sub(r'[\\"]|&(?=#?\w+;)', r"\\\g<0>", title)
    return target


def front_matter(metadata: Mapping[str, Any]) -> list[str]:
    """The metadata as YAML front matter: ``key: <JSON value>`` (JSON is valid YAML)."""
    lines = ["---"]
    for key, value in metadata.items():
        if not _PLAIN_KEY.fullmatch(key) or key.lower() in _YAML_WORDS:
            key = _yaml_safe(json.dumps(key, ensure_ascii=False))
        text = _yaml_safe(_json_value(value))
        if len(key) > 1000:  # YAML caps implicit keys at 1024 characters: make it explicit
            lines.append("? %s" % key)
            lines.append(": %s" % text)
        else:
            lines.append("%s: %s" % (key, text))
    return lines + ["---"]


def _yaml_safe(text: str) -> str:
    return _UNSAFE_IN_YAML.sub(lambda m: "\\u%04x" % ord(m.group()), text)


def _json_value(value: Any) -> str:
    """JSON text that YAML 1.1 reads back as the same value (its floats need a dot)."""
    if isinstance(value, dict):
        return "{%s}" % ", ".join("%s: %s" % (json.dumps(str(k), ensure_ascii=False),
                                              _json_value(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "[%s]" % ", ".join(_json_value(v) for v in value)
    text = json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = "%s.0e%s" % (mantissa, exponent if exponent[0] in "+-" else "+" + exponent)
    return text


def edges(inner: str) -> tuple[str, str, str]:
    """``inner`` as (leading space and breaks, core, trailing space and breaks)."""
    core = inner.strip()
    lead, trail = inner[:len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
    while core.startswith("\\\n"):  # a hard break right at the start
        rest = core[2:].lstrip()
        lead, core = lead + core[:len(core) - len(rest)], rest
    while (len(core) - len(core.rstrip("\\"))) % 2:  # and at the end
        rest = core[:-1].rstrip()
        core, trail = rest, core[len(rest):] + trail
    return lead, core, trail


def _is_space_or_punctuation(char: str) -> bool:
    return char.isspace() or _is_punctuation(char)


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"

"""YAML (``---``), TOML (``+++``) and JBake (``key=value`` lines closed by ``~~~~~~``) front
matter → metadata with JSON values."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from .._regex_cache import cached_compile
from ..errors import InputError
from .source import SourceText

_YAML = cached_compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML = cached_compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
# JBake's header: "type=page", "title=…" lines, then a line of six or more tildes
_KEY_VALUE = cached_compile(r"\A((?:[A-Za-z][\w.-]*=[^\n]*\n){1,50})~{6,}[ \t]*(?:\n|\Z)")


def split_front_matter(source: SourceText) -> tuple[dict[str, Any], str, int]:
    """(metadata, the Markdown after the front matter, lines taken by the front matter)."""
    text = source.text
    stripped = text.lstrip("\n")
    skipped = len(text) - len(stripped)
    for pattern, loader in ((_YAML, _load_yaml), (_TOML, _load_toml), (_KEY_VALUE, _load_key_value)):
        match = pattern.match(stripped)
        if match:
            data = loader(match.group(1) or "", source.name)
            if data is None:
                continue
            consumed = text[: skipped + match.end()]
            return data, text[skipped + match.end():], consumed.count("\n")
    return {}, text, 0


def _load_yaml(block: str, name: str | None) -> dict[str, Any] | None:
    import yaml

    try:
        try:
            data = yaml.safe_load(block)
        except yaml.YAMLError:
            if "\t" not in block:
                raise
            # YAML forbids tabs where people put them (aligning "# comments"); sites read them
            data = yaml.safe_load(block.replace("\t", "    "))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError("front matter is not valid YAML: %s" % getattr(error, "problem", error),
                         file=name, line=(mark.line + 2) if mark else None,
                         hint="fix the YAML between the --- lines") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        # PyYAML builds dates and numbers after parsing: "2021-13-45" fails here
        raise InputError("front matter has a value YAML cannot build: %s" % error, file=name,
                         hint="quote the value to keep it as text") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        return None  # a thematic break followed by text, not front matter
    return _jsonable(data, name)


def _load_key_value(block: str, name: str | None) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    for line in block.splitlines():
        key, _, value = line.partition("=")
        data[key.strip()] = value.strip()
    return data


def _load_toml(block: str, name: str | None) -> dict[str, Any] | None:
    import tomllib

    try:
        return _jsonable(tomllib.loads(block), name)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as error:
        raise InputError("front matter is not valid TOML: %s" % error, file=name,
                         hint="fix the TOML between the +++ lines") from None


# Front matter is metadata: anything deeper or bigger is an attack (YAML aliases
# can build cycles and exponential "billion laughs" trees), not a release.
_MAX_DEPTH = 32
_MAX_NODES = 100_000


def _jsonable(value: Any, name: str | None = None) -> Any:
    budget = [_MAX_NODES]
    return _convert(value, 0, budget, name)


def _convert(value: Any, depth: int, budget: list[int], name: str | None) -> Any:
    budget[0] -= 1
    if depth > _MAX_DEPTH or budget[0] < 0:
        raise InputError("front matter nests deeper than %d levels or holds more than %s values "
                         "(YAML aliases?)" % (_MAX_DEPTH, format(_MAX_NODES, ",")), file=name,
                         hint="keep the front matter to plain keys and values")
    if isinstance(value, dict):
        return {str(k): _convert(v, depth + 1, budget, name) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_convert(v, depth + 1, budget, name) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return str(value)  # NaN and infinities have no JSON form
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)

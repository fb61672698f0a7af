"""``lazy_compile``: a regular expression compiled on its first use instead of at import.

Compiling costs 0.05 to 3 ms a pattern and the recognisers define about 150 at
module level, so every ``pressconv`` process pays for each of them before it
reads a byte, also for the many an input never reaches (embargo times, wire
services, notes to editors ...).  The patterns wrapped in this are compiled
when first used; from then on their attributes are the compiled pattern's own.
Use it only for a pattern used through its attributes (``.search``, ``.sub``
...): it is not a ``re.Pattern`` for ``isinstance`` or the ``re`` functions.
"""

from __future__ import annotations

import re
from typing import Any

from ._regex_cache import cached_compile

_ATTRIBUTES = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split",
               "scanner", "pattern", "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # only reached for a name not on the instance yet: compile, then copy the
        # pattern's attributes here so that later look-ups find them directly
        if name == "_source":
            raise AttributeError(name)
        compiled = cached_compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Like ``re.compile``, but the work is done on first use."""
    return _LazyPattern(pattern, flags)  # type: ignore[return-value]

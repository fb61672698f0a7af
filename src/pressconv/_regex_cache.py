"""``cached_compile``: ``re.compile`` whose work is kept between processes, as ``.pyc`` files keep code.

Python compiles a regular expression in pure Python (``re._parser`` and
``re._compiler``): 0.05 to 2 ms a pattern, ~15 ms for the ~150 patterns the
recognisers use on a typical release, a sixth of a one-file ``pressconv
convert``.  What that compiler produces is a list of integers that
``_sre.compile`` turns into a pattern in microseconds.  This module keeps those
lists, one entry per (pattern, flags), in one file in the user's cache folder
and reads them back in the next process.

Why it is safe to lean on these internals: the file's name carries the
interpreter (``cache_tag``, its full version, ``_sre.MAGIC``), so code is only
ever given to the ``_sre`` that produced it, and ``_sre`` validates any code it
is given.  A missing, stale, unreadable or damaged file, an unwritable folder,
or an interpreter without these internals, and patterns are compiled as usual.
Only the library's own fixed patterns come here, never one built from input, so
the file holds a few hundred entries (~0.2 MB).

Libraries that compile their patterns when imported (markdown-it-py ~5 ms,
phonenumbers ~5 ms) are imported inside ``keep_patterns_of(name)``: the first
time, the patterns the import added to ``re``'s own in-process cache are noted
and kept; from then on they are put in that cache before the import, where the
library's ``re.compile`` calls find them.  Only the import is watched, so what
is kept is the library's fixed patterns, never one built from input.

``PRESSCONV_NO_CACHE=1`` turns it off, ``PRESSCONV_CACHE_DIR`` moves it (see
``pressconv._cachefiles``).
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array
from contextlib import contextmanager
from typing import Any, Iterator

from ._cachefiles import cache_folder, read_cache_file, write_cache_file

try:  # CPython's regular-expression internals (3.11 to 3.13 share these names)
    import _sre
    from re import _compiler, _parser
    _INTERNALS = callable(getattr(_compiler, "_code", None)) and callable(getattr(_sre, "compile", None)) \
        and getattr(_sre, "CODESIZE", 0) == 4
except ImportError:  # another interpreter: plain re.compile
    _INTERNALS = False

_MAGIC = b"pressconv-patterns-1\n"
_WORD = "I"  # an unsigned int of 4 bytes: _sre's code unit (CODESIZE)
# a file over this many entries belongs to many past versions: started afresh
MAX_ENTRIES = 4000
MAX_GROUPS = 100

# (flags, code as bytes of 32-bit words, groups, groupindex, indexgroup): bytes, not a list
# of ints, so that reading the file builds a few hundred objects, not 200,000
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]

Key = tuple[Any, int]  # (pattern, flags); the pattern is str or bytes

_entries: dict[Key, Entry] | None = None
_groups: dict[str, list[Key]] = {}  # library (and its file) -> the patterns its import compiles
_added: dict[Key, Entry] = {}  # what this process adds to the file when it exits
_added_groups: dict[str, list[Key]] = {}
#: how the patterns of this process were made (for tests): taken from the file, compiled
#: here, or compiled by a library while it was imported and noted for the next process
stats = {"hits": 0, "compiled": 0, "noted": 0}


def cached_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Like ``re.compile`` for a fixed pattern of the library's own."""
    entries = _load()
    if entries is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = entries.get(key)
    if entry is not None:
        try:
            compiled = _build(pattern, entry)
            stats["hits"] += 1
            return compiled
        except Exception:  # noqa: BLE001 - a damaged entry: compile it afresh below
            pass
    entry = _compile(pattern, int(flags))
    compiled = _build(pattern, entry)
    stats["compiled"] += 1
    entries[key] = _added[key] = entry
    _save_at_exit()
    return compiled


@contextmanager
def keep_patterns_of(library: str) -> Iterator[None]:
    """Around ``import library``: its patterns of the last process are ready before it asks."""
    entries = _load()
    cache = getattr(re, "_cache", None)  # re's in-process cache: {(type, pattern, flags): Pattern}
    if entries is None or not isinstance(cache, dict) or library in sys.modules:
        yield
        return
    group = _group_name(library)
    keys = _groups.get(group) if group else None
    if keys is not None:
        for pattern, flags in keys:
            try:
                cache[type(pattern), pattern, flags] = _build(pattern, entries[pattern, flags])
                stats["hits"] += 1
            except Exception:  # noqa: BLE001 - missing or damaged: the library compiles it itself
                pass
        yield
        return
    if group is None:
        yield
        return
    before = set(cache)
    yield
    found: list[Key] = []
    for kind, pattern, flags in [key for key in cache if key not in before]:
        try:
            entry = _compile(pattern, flags)
        except Exception:  # noqa: BLE001 - a pattern not ours to understand: left out
            continue
        entries[pattern, flags] = _added[pattern, flags] = entry
        found.append((pattern, flags))
        stats["noted"] += 1
    _groups[group] = _added_groups[group] = found
    _save_at_exit()


def _group_name(library: str) -> str | None:
    """The library and the file its import runs: an upgraded library is a new group."""
    try:
        from importlib.util import find_spec

        origin = find_spec(library).origin  # type: ignore[union-attr]
        stat = os.stat(origin)  # type: ignore[arg-type]
    except (ImportError, AttributeError, TypeError, ValueError, OSError):
        return None
    return "%s %s %d %d" % (library, origin, stat.st_mtime_ns, stat.st_size)


def cache_file() -> str | None:
    """Where the compiled patterns of this interpreter are kept, or None when off."""
    folder = cache_folder()
    if not _INTERNALS or folder is None:
        return None
    version = "%s-%s-%d" % (sys.implementation.cache_tag, sys.version.split()[0], _sre.MAGIC)
    return os.path.join(folder, "patterns-%s.marshal" % version)


_registered: list[bool] = []


def _save_at_exit() -> None:
    if not _registered:
        _registered.append(True)
        atexit.register(_save)


def _compile(pattern: str, flags: int) -> Entry:
    # what re._compiler.compile does before its last call, _sre.compile
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (int(flags | state.flags), array(_WORD, code).tobytes(), state.groups - 1,
            dict(state.groupdict), tuple(indexgroup))


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)


def _load() -> dict[Key, Entry] | None:
    global _entries, _groups
    if _entries is None:
        path = cache_file()
        if path is None:
            return None
        _entries, _groups = _read(path)
    return _entries


def _read(path: str) -> tuple[dict[Key, Entry], dict[str, list[Key]]]:
    payload = read_cache_file(path, _MAGIC)
    if payload is None:
        return {}, {}
    try:
        entries, groups = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}, {}
    if not isinstance(entries, dict) or not isinstance(groups, dict) or len(entries) > MAX_ENTRIES:
        return {}, {}
    return entries, {name: [key for key in keys if isinstance(key, tuple) and len(key) == 2]
                     for name, keys in groups.items() if isinstance(keys, list)}


def _save() -> None:
    """At exit: the patterns this process compiled, merged into the file (atomic replace)."""
    path = cache_file()
    if path is None or not (_added or _added_groups):
        return
    merged, groups = _read(path)  # another process may have added its own meanwhile
    merged.update(_added)
    groups.update(_added_groups)
    if len(merged) > MAX_ENTRIES or len(groups) > MAX_GROUPS:
        merged, groups = dict(_added), dict(_added_groups)
    try:
        payload = marshal.dumps((merged, groups))
    except ValueError:
        return
    if write_cache_file(path, _MAGIC, payload):
        _added.clear()
        _added_groups.clear()

"""Where pressconv keeps its caches, and how a cache file is read and written.

A cache file is a magic line naming its format, the CRC-32 of the payload and
the payload.  It is written to a temporary file beside it and moved into place,
so a reader sees a whole file or none; a file that is missing, foreign or
damaged reads as None, and a folder that cannot be written to is no error: a
cache only ever saves time.
"""

from __future__ import annotations

import os
import sys
import zlib
from typing import Any


def cache_folder() -> str | None:
    """The folder of pressconv's caches (compiled patterns, parsed fonts), or None when off.

    ``PRESSCONV_NO_CACHE=1`` turns them off; ``PRESSCONV_CACHE_DIR`` moves them (else
    ``$XDG_CACHE_HOME/pressconv``, ``~/Library/Caches/pressconv`` or
    ``%LOCALAPPDATA%\\\\pressconv\\\\Cache``).
    """
    if os.environ.get("PRESSCONV_NO_CACHE", "") not in ("", "0"):
        return None
    folder = os.environ.get("PRESSCONV_CACHE_DIR")
    if folder:
        return folder
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        return os.path.join(os.environ.get("LOCALAPPDATA") or home, "pressconv", "Cache")
    if sys.platform == "darwin":
        return os.path.join(home, "Library", "Caches", "pressconv")
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"), "pressconv")


def cache_path(kind: str, key: Any) -> str | None:
    """The cache file of this kind for ``key`` (anything with a stable repr), or None when off."""
    folder = cache_folder()
    if folder is None:
        return None
    from hashlib import sha1  # here: the text path never needs it (start-up time)

    digest = sha1(repr(key).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return os.path.join(folder, "%s-%s.marshal" % (kind, digest))


def file_key(path: str) -> tuple[str, int, int]:
    """A file as part of a key: its path, size and modification time (zeros when missing)."""
    try:
        stat = os.stat(path)
        return (os.path.abspath(path), stat.st_size, stat.st_mtime_ns)
    except OSError:
        return (path, 0, 0)


def read_cache_file(path: str, magic: bytes) -> bytes | None:
    """The payload of a whole cache file of this format, else None."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read()  # one read: marshal.load(stream) would read item by item
    except OSError:
        return None
    start = len(magic) + 4
    if not raw.startswith(magic) or zlib.crc32(raw[start:]) != int.from_bytes(raw[start - 4:start], "big"):
        return None
    return raw[start:]


def write_cache_file(path: str, magic: bytes, payload: bytes) -> bool:
    """Put the payload in place atomically; False when the folder cannot be written to."""
    temporary = "%s.%d.tmp" % (path, os.getpid())
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as stream:
            stream.write(magic + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temporary, path)
        return True
    except OSError:  # read-only home, full disk ...: next time, then
        try:
            os.remove(temporary)
        except OSError:
            pass
        return False

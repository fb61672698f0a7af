"""Reading the input: path, str, bytes or file object → checked Unicode text."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import field
from pathlib import Path
from typing import IO, Union

from .._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..errors import InputError
from ..model import Message

Source = Union[str, bytes, os.PathLike, IO[str], IO[bytes]]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# XML 1.0 forbids these; DOCX and PDF writers would choke on them later.
_FORBIDDEN = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_FORBIDDEN.update({0xFFFE: None, 0xFFFF: None})


@dataclass
class SourceText:
    """Checked input text and where it came from."""

    text: str  #: the Markdown, newlines normalised to LF, BOM removed
    name: str | None = None  #: file name for messages, None for strings
    folder: Path | None = None  #: the release's folder (the image sandbox's root)
    warnings: list[Message] = field(default_factory=list)  #: what was cleaned up


def load_source(source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES,
                name: str | None = None) -> SourceText:
    """Read ``source`` and check it is UTF-8 text of acceptable size.

    A ``str`` is Markdown text unless it names an existing ``.md``-like file:
    pass a :class:`pathlib.Path` to be explicit.
    """
    folder: Path | None = None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = Path(source)
        name = name or str(path)
        folder = path.resolve().parent
        data = _read_file(path, max_bytes)
    elif isinstance(source, bytes):
        data = source
    elif isinstance(source, str):
        return _clean(source, name, None, max_bytes)
    elif hasattr(source, "read"):
        data = source.read(max_bytes + 1)
        name = name or getattr(source, "name", None)
        if isinstance(name, int):
            name = None
        if isinstance(data, str):
            return _clean(data, name, None, max_bytes)
    else:
        raise TypeError("cannot read a press release from %r" % type(source).__name__)
    if len(data) > max_bytes:
        raise InputError("input is larger than the limit of %s bytes" % format(max_bytes, ","),
                         file=name, hint="raise the limit with --max-size / max_bytes=")
    return _clean(decode_utf8(data, name), name, folder, max_bytes)


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and len(text) < 4096 and os.path.isfile(text)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file", file=str(path),
                             hint="give a Markdown file, or use convert with --out-dir for folders")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", file=str(path), hint="check the path") from None
    except PermissionError:
        raise InputError("permission denied", file=str(path)) from None
    except OSError as error:
        raise InputError("cannot be read: %s" % error.strerror, file=str(path)) from None
    return data


# Control bytes that text files do not hold; a few are cleaned up, many mean binary.
_BINARY_BYTES = [bytes([c]) for c in range(0x20) if c not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B)]


def decode_utf8(data: bytes, name: str | None) -> str:
    """UTF-8 (with or without BOM) → str; anything else is an InputError naming the byte."""
    head = data[:8192]
    controls = sum(head.count(c) for c in _BINARY_BYTES)
    if controls >= 16 and controls > len(head) // 20:
        raise InputError("looks like a binary file (%d control bytes in the first %d), not "
                         "Markdown text" % (controls, len(head)),
                         file=name, hint="give a UTF-8 Markdown file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError("not valid UTF-8 at byte offset %d (line %d): byte 0x%02x"
                         % (error.start, line, data[error.start]), file=name, line=None,
                         hint="save the file as UTF-8, e.g. iconv -f latin1 -t utf-8") from None


def _clean(text: str, name: str | None, folder: Path | None, max_bytes: int) -> SourceText:
    if len(text) > max_bytes:
        raise InputError("input is larger than the limit of %s characters" % format(max_bytes, ","),
                         file=name, hint="raise the limit with --max-size / max_bytes=")
    warnings: list[Message] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = text.translate(_FORBIDDEN)
    cleaned = _drop_surrogates(cleaned)
    if len(cleaned) != len(text):
        warnings.append(Message("removed %d control or non-character code points that documents "
                                "cannot hold" % (len(text) - len(cleaned)), "PC001"))
    if not unicodedata.is_normalized("NFC", cleaned):
        cleaned = unicodedata.normalize("NFC", cleaned)
    return SourceText(cleaned, name, folder, warnings)


def _drop_surrogates(text: str) -> str:
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)

"""The sandbox through which writers read images: the release's folder and nothing else.

A release is untrusted input.  A path in it may only name a file inside the
release's own folder (or a folder the user allowed); absolute paths, ``..``
escapes, symlinks leading out, ``file://`` and network URLs are refused with a
warning, and the writer shows a placeholder instead.
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from .model import Message

MAX_RESOURCE_BYTES = 20 * 1024 * 1024
REMOTE_TIMEOUT_SECONDS = 10


@dataclass
class WriteContext:
    """What a writer needs besides the document: options, the sandbox, a place for warnings."""

    base_dir: Path | None = None  #: the release's folder; None means no local files at all
    resource_paths: tuple[Path, ...] = ()  #: further folders the user allowed
    allow_remote: bool = False  #: fetching http(s) images is refused unless the user opts in
    deterministic: bool = False  #: fixed timestamps and ids, for golden tests
    options: dict[str, Any] = field(default_factory=dict)  #: writer options (width, font ...)
    warnings: list[Message] = field(default_factory=list)  #: collected, never printed

    def option(self, name: str, default: Any = None) -> Any:
        """The value of a writer option, or the default."""
        value = self.options.get(name)
        return default if value is None else value

    def warn(self, text: str, code: str | None = None, line: int | None = None) -> None:
        """Record a warning for the caller."""
        self.warnings.append(Message(text, code, line))

    def read_resource(self, url: str) -> tuple[bytes, str] | None:
        """The bytes and file name of a local resource inside the sandbox, or None with a warning."""
        if self.allow_remote and urlsplit(url).scheme in ("http", "https"):
            return self._fetch(url)
        path = self._resolve(url)
        if path is None:
            return None
        try:
            size = path.stat().st_size
            if size > MAX_RESOURCE_BYTES:
                self.warn("image %r is larger than %d MB; not embedded" % (url, MAX_RESOURCE_BYTES >> 20))
                return None
            return path.read_bytes(), path.name
        except OSError as error:
            self.warn("image %r cannot be read (%s); shown as its alt text" % (url, error.strerror))
            return None

    def _fetch(self, url: str) -> tuple[bytes, str] | None:
        """An http(s) image, only because the user opted in: bounded in time and size."""
        import urllib.request

        name = os.path.basename(urlsplit(url).path) or "image"
        try:
            with urllib.request.urlopen(url, timeout=REMOTE_TIMEOUT_SECONDS) as response:
                data = response.read(MAX_RESOURCE_BYTES + 1)
        except (OSError, ValueError) as error:
            self.warn("remote image %r could not be fetched (%s); shown as its alt text"
                      % (url, error))
            return None
        if len(data) > MAX_RESOURCE_BYTES:
            self.warn("remote image %r is larger than %d MB; not embedded"
                      % (url, MAX_RESOURCE_BYTES >> 20))
            return None
        return data, name

    def _resolve(self, url: str) -> Path | None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https"):
            self.warn("remote image %r not fetched (no network access); shown as its alt text" % url)
            return None
        if parts.scheme and len(parts.scheme) > 1:
            self.warn("image %r uses the %s: scheme, which is not read; shown as its alt text"
                      % (url, parts.scheme))
            return None
        relative = unquote(parts.path)
        if not relative:
            self.warn("image with an empty path; shown as its alt text")
            return None
        if os.path.isabs(relative) or (parts.scheme and len(parts.scheme) == 1):
            self.warn("image %r has an absolute path, which is not read; "
                      "put it in the release's folder" % url)
            return None
        roots = ([self.base_dir] if self.base_dir else []) + list(self.resource_paths)
        if not roots:
            self.warn("image %r not read: the release was not read from a folder" % url)
            return None
        for root in roots:
            try:
                root = root.resolve()
                candidate = (root / relative).resolve()
                inside = candidate.is_relative_to(root)
                if inside and candidate.is_file():
                    return candidate
            except (OSError, ValueError) as error:  # a name too long, a NUL byte ...
                self.warn("image %r cannot be looked up (%s); shown as its alt text"
                          % (url[:200], getattr(error, "strerror", None) or error))
                return None
            if inside:
                continue
            self.warn("image %r points outside the release's folder; not read" % url)
            return None
        self.warn("image %r not found next to the release; shown as its alt text" % url)
        return None

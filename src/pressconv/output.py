"""Atomic file output: a temporary file in the target folder, moved into place when complete."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomically(path: Path, data: bytes | str, *, overwrite: bool = True,
                     source: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the whole new one."""
    path = Path(path)
    if source is not None and _same_file(path, source):
        raise OutputError("output would overwrite the input", file=str(path),
                          hint="choose another output name or --out-dir")
    if not overwrite and path.exists():
        raise OutputError("output file exists", file=str(path),
                          hint="pass --overwrite (overwrite=True) to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("output folder does not exist", file=str(folder),
                          hint="create it first, or use --out-dir which creates folders")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temp = tempfile.mkstemp(prefix=".%s." % path.name, suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError("cannot write in this folder: %s" % error.strerror, file=str(folder),
                          hint="check the folder's permissions") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temp, 0o644 & ~_umask())
        os.replace(temp, path)
    except BaseException as error:  # KeyboardInterrupt too: never leave a partial file
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError("cannot write: %s" % error.strerror, file=str(path)) from None
        raise


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

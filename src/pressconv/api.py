"""The public functions: parse, write, convert.  The CLI calls exactly these."""

from __future__ import annotations

import logging
from dataclasses import field
from pathlib import Path
from typing import Any

from ._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from .model import Document, Message
from .readers.source import DEFAULT_MAX_BYTES, Source, load_source
from .resources import WriteContext

log = logging.getLogger("pressconv")


@dataclass
class Result:
    """What a conversion produced, and the warnings met on the way (never printed)."""

    value: Any  #: bytes or str from write(); the output Path when a target was given
    warnings: list[Message] = field(default_factory=list)  #: reader, recogniser and writer warnings
    document: Document | None = None  #: the parsed document


def parse(source: Source, *, recognize: bool = True, max_bytes: int = DEFAULT_MAX_BYTES,
          name: str | None = None) -> Document:
    """Read a press release (path, Markdown str, bytes or file object) into a Document.

    With ``recognize=False`` the generic Markdown tree is returned, without the
    press-release transforms.
    """
    from .readers.markdown import read_markdown
    from .transforms import run_transforms

    text = load_source(source, max_bytes=max_bytes, name=name)
    document = read_markdown(text)
    if text.warnings:
        document = document.replace(warnings=tuple(text.warnings) + document.warnings)
    if recognize:
        document = run_transforms(document)
    log.debug("parsed %s: %d blocks", text.name or "<text>", len(document.body))
    return document


def _context(document: Document, options: dict[str, Any]) -> WriteContext:
    base = options.pop("base_dir", None)
    if base is None and document.source:
        base = Path(document.source).resolve().parent
    return WriteContext(
        base_dir=Path(base) if base else None,
        resource_paths=tuple(Path(p) for p in options.pop("resource_paths", ()) or ()),
        allow_remote=bool(options.pop("allow_remote_images", False)),
        deterministic=bool(options.pop("deterministic", False)),
        options=options,
    )


def write(document: Document, to: str, target: str | Path | None = None, *,
          overwrite: bool = True, **options: Any) -> Result:
    """Write ``document`` in format ``to``; to ``target`` (atomically) or as bytes/str.

    Options are the writers' (``width``, ``page_size``, ``font``, ``reference_docx`` ...)
    plus ``deterministic``, ``base_dir`` and ``resource_paths`` for the image sandbox.
    """
    from .output import write_atomically
    from .writers import registry

    writer = registry.get(to)
    context = _context(document, dict(options))
    data = writer.write(document, context)
    if target is None:
        return Result(data, context.warnings, document)
    source = Path(document.source) if document.source else None
    write_atomically(Path(target), data, overwrite=overwrite, source=source)
    return Result(Path(target), context.warnings, document)


def convert(source: Source, target: str | Path, to: str | None = None, *,
            overwrite: bool = True, max_bytes: int = DEFAULT_MAX_BYTES,
            timeout: float | None = None, **options: Any) -> Result:
    """Read ``source`` and write it to ``target``; the format comes from the suffix unless ``to``.

    ``timeout`` (seconds, default none) stops a conversion that runs longer with a
    ConversionError; nothing is written then.
    """
    from .output import write_atomically
    from .timeouts import call_with_timeout
    from .writers import registry

    writer_name = to or registry.for_path(str(target)).name
    document, data, warnings = call_with_timeout(
        timeout, _parse_and_render, source, writer_name, max_bytes, options)
    src = Path(document.source) if document.source else None
    write_atomically(Path(target), data, overwrite=overwrite, source=src)
    return Result(Path(target), list(document.warnings) + warnings, document)


def _parse_and_render(source: Source, writer_name: str, max_bytes: int,
                      options: dict[str, Any]) -> tuple[Document, bytes | str, list[Message]]:
    document = parse(source, max_bytes=max_bytes)
    result = write(document, writer_name, **options)
    return document, result.value, result.warnings

"""Writers and their registry.

A writer declares its name, aliases, file suffixes and whether it produces
bytes or text, and turns a :class:`~pressconv.model.Document` into that
format.  Built-ins are listed as lazy ``"module:Class"`` strings so that
python-docx and reportlab are imported only when their format is asked for;
third-party writers come from the ``pressconv.writers`` entry-point group.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import os
import sys
from typing import ClassVar

from .._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ..errors import RegistryError, UnknownFormatError
from ..model import Document
from ..resources import WriteContext

ENTRY_POINT_GROUP = "pressconv.writers"
log = logging.getLogger("pressconv")


class Writer:
    """Base class of every writer; subclasses set the class attributes and ``write``."""

    name: ClassVar[str]  #: the format's name, as given to ``-t``
    aliases: ClassVar[tuple[str, ...]] = ()  #: other names for the same format
    suffixes: ClassVar[tuple[str, ...]] = ()  #: file suffixes, with the dot, first is default
    binary: ClassVar[bool] = False  #: True when ``write`` returns bytes
    description: ClassVar[str] = ""  #: one line for ``pressconv formats``

    def write(self, document: Document, context: WriteContext) -> bytes | str:
        """The document in this format; warnings go to ``context``."""
        raise NotImplementedError


@dataclass(frozen=True)
class WriterInfo:
    """A registered writer, loaded or not."""

    name: str  #: the format's name
    target: str  #: ``"module:Class"``
    origin: str  #: "built-in" or the distribution that provides it
    aliases: tuple[str, ...] = ()  #: other names
    suffixes: tuple[str, ...] = ()  #: file suffixes, with the dot


# Built-ins carry their declarations here too, so listing formats or picking
# one by suffix never imports a heavy writer.
_BUILTINS = (
    WriterInfo("docx", "pressconv.writers.docx:DocxWriter", "built-in", ("word",), (".docx",)),
    WriterInfo("pdf", "pressconv.writers.pdf:PdfWriter", "built-in", (), (".pdf",)),
    WriterInfo("text", "pressconv.writers.text:TextWriter", "built-in", ("txt", "plain"), (".txt",)),
    WriterInfo("brief", "pressconv.writers.brief:BriefWriter", "built-in", (), (".brief.txt",)),
    WriterInfo("wire", "pressconv.writers.wire:WireWriter", "built-in", (), (".wire.txt",)),
    WriterInfo("json", "pressconv.writers.json:JsonWriter", "built-in", (), (".json",)),
    WriterInfo("markdown", "pressconv.writers.markdown:MarkdownWriter", "built-in", ("md",), (".md",)),
)


class Registry:
    """Name → writer table with lazy loading and duplicate detection."""

    def __init__(self) -> None:
        self._infos: dict[str, WriterInfo] = {}
        self._loaded: dict[str, Writer] = {}
        self._entry_points_read = False
        self._broken: dict[str, RegistryError] = {}  # entry points that cannot be imported

    def register(self, info: WriterInfo) -> None:
        """Add a writer; a name or alias already taken is an error naming its owner."""
        info = dataclasses.replace(info, name=info.name.lower(),
                                   aliases=tuple(a.lower() for a in info.aliases))
        for key in (info.name, *info.aliases):
            owner = self._lookup(key)
            if owner is not None:
                raise RegistryError(
                    "writer name %r of %s is already registered by %s (%s)"
                    % (key, info.target, owner.origin, owner.target),
                    hint="choose another name for the plug-in writer")
        self._infos[info.name] = info

    def register_class(self, cls: type[Writer], origin: str = "api") -> None:
        """Register an already imported Writer subclass."""
        target = "%s:%s" % (cls.__module__, cls.__qualname__)
        self.register(WriterInfo(cls.name, target, origin, tuple(cls.aliases), tuple(cls.suffixes)))
        self._loaded[cls.name.lower()] = cls()

    def _lookup(self, key: str) -> WriterInfo | None:
        key = key.lower()
        for info in self._infos.values():
            if key == info.name or key in info.aliases:
                return info
        return None

    def infos(self) -> list[WriterInfo]:
        """Every registered writer, built-ins first."""
        self._read_entry_points()
        return list(self._infos.values())

    def get(self, name: str) -> Writer:
        """The writer registered under ``name`` or one of its aliases."""
        self._read_entry_points()
        info = self._lookup(name)
        if info is None and name.lower() in self._broken:
            raise self._broken[name.lower()]
        if info is None:
            known = ", ".join(sorted(self._infos))
            raise UnknownFormatError("unknown output format %r" % name,
                                     hint="known formats: %s" % known)
        if info.name not in self._loaded:
            self._loaded[info.name] = self._load(info)()
        return self._loaded[info.name]

    def for_path(self, path: str) -> Writer:
        """The writer whose suffix the file name ends with (longest suffix wins)."""
        self._read_entry_points()
        lower = path.lower()
        best: tuple[int, WriterInfo] | None = None
        for info in self._infos.values():
            for suffix in info.suffixes:
                if lower.endswith(suffix) and (best is None or len(suffix) > best[0]):
                    best = (len(suffix), info)
        if best is None:
            raise UnknownFormatError("cannot tell the output format from %r" % path,
                                     hint="give the format with -t/--to, e.g. -t docx")
        return self.get(best[1].name)

    @staticmethod
    def _load(info: WriterInfo) -> type[Writer]:
        module_name, _, attr = info.target.partition(":")
        try:
            cls = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError) as error:
            raise RegistryError("writer %r cannot be loaded from %s: %s"
                                % (info.name, info.target, error)) from error
        if not (isinstance(cls, type) and issubclass(cls, Writer)):
            raise RegistryError("%s is not a pressconv Writer subclass" % info.target)
        return cls

    def _read_entry_points(self) -> None:
        if self._entry_points_read:
            return
        self._entry_points_read = True
        if "importlib.metadata" not in sys.modules and not _may_declare_plugins():
            return  # nothing installed names the group: spare the import (see below)
        from importlib.metadata import entry_points

        for point in entry_points(group=ENTRY_POINT_GROUP):
            origin = point.dist.name if point.dist is not None else "entry point"
            try:
                cls = self._load(WriterInfo(point.name, point.value, origin))
            except RegistryError as error:  # one broken plug-in must not take the others down
                log.debug("skipping plug-in writer: %s", error)
                self._broken[point.name.lower()] = error
                continue
            self.register(WriterInfo(cls.name, point.value, origin,
                                     tuple(cls.aliases), tuple(cls.suffixes)))
            self._loaded[cls.name.lower()] = cls()


def _may_declare_plugins() -> bool:
    """False only when no installed distribution can declare a ``pressconv.writers`` entry point.

    Importing importlib.metadata and scanning every distribution costs ~13 ms,
    most of a text conversion's budget, for a group almost always empty.  This
    looks where importlib.metadata's path finder looks (the ``*.dist-info`` and
    ``*.egg-info`` folders of each ``sys.path`` entry, ``EGG-INFO`` inside an
    ``.egg``) for an ``entry_points.txt`` naming the group, and answers True,
    so that importlib.metadata decides, whenever it finds one or is unsure: a
    zip file on the path, an unreadable file, or another finder of distributions
    on ``sys.meta_path``.
    """
    from importlib.machinery import PathFinder

    if any(getattr(finder, "find_distributions", None) is not None and finder is not PathFinder
           for finder in sys.meta_path):
        return True
    for root in sys.path:
        if not isinstance(root, str):
            return True
        try:
            children = os.listdir(root or ".")
        except (FileNotFoundError, PermissionError):
            continue  # importlib.metadata finds nothing there either
        except OSError:
            return True  # a zip file, or something stranger
        egg = os.path.basename(root).lower().endswith(".egg")
        for child in children:
            low = child.lower()
            if not (low.endswith((".dist-info", ".egg-info")) or (egg and low == "egg-info")):
                continue
            try:
                with open(os.path.join(root or ".", child, "entry_points.txt"), encoding="utf-8") as handle:
                    if ENTRY_POINT_GROUP in handle.read():
                        return True
            except (FileNotFoundError, NotADirectoryError):
                continue
            except (OSError, ValueError):
                return True
    return False


def _default_registry() -> Registry:
    registry = Registry()
    for info in _BUILTINS:
        registry.register(info)
    return registry


registry = _default_registry()


def get_writer(name: str) -> Writer:
    """The writer for a format name or alias."""
    return registry.get(name)

"""House style: ``pressconv.toml`` or ``[tool.pressconv]`` in ``pyproject.toml``.

The nearest configuration wins: from the input's folder upwards, the first
folder holding ``pressconv.toml`` or a ``pyproject.toml`` ends the search (a
``pyproject.toml`` marks a project's root, as for black and ruff, so a file
outside the project is never read).  Values are checked here, once, so a
mistake is one clear :class:`~pressconv.errors.ConfigError` naming the key
instead of a failure deep inside a writer.  Paths are relative to the file
that names them.  Command-line flags override the file.

    >>> config = parse_config({"page_size": "letter", "check": {"disable": ["PC109"]}})
    >>> config.options["page_size"], sorted(config.disable)
    ('Letter', ['PC109'])
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping

from ._dataclass import dataclass  # dataclasses.dataclass, cheaper to define (start-up time)
from ._regex_cache import cached_compile
from .errors import ConfigError

CONFIG_NAME = "pressconv.toml"
PYPROJECT = "pyproject.toml"

_CODE = cached_compile(r"^PC\d{3}$")


@dataclass(frozen=True)
class Config:
    """A checked house style: writer options, default formats and lint settings."""

    path: Path | None = None  #: the file it was read from; None for built-in defaults
    formats: tuple[str, ...] = ()  #: formats to write when neither -t nor -o is given
    options: Mapping[str, Any] = field(default_factory=dict)  #: writer options (font, margins ...)
    disable: frozenset[str] = frozenset()  #: lint codes ``pressconv check`` leaves out
    strict: bool = False  #: ``pressconv check`` fails on warnings too
    severity: Mapping[str, str] = field(default_factory=dict)  #: lint code → "error"/"warning"

    def __post_init__(self) -> None:
        for name in ("options", "severity"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def with_options(self, **options: Any) -> Config:
        """A copy whose writer options are overridden by the non-None ``options``."""
        merged = dict(self.options)
        merged.update((k, v) for k, v in options.items() if v is not None)
        return Config(self.path, self.formats, merged, self.disable, self.strict, self.severity)


# ------------------------------------------------------------ value checks

_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
_LENGTH = cached_compile(r"^\s*(\d+(?:\.\d+)?)\s*(pt|in|cm|mm)?\s*$")
_COLOR = cached_compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_FONT_FILE = (".ttf", ".otf", ".ttc")
# What a pyproject.toml that configures pressconv must contain: a [tool] table, or a
# "tool.pressconv" key or header (bare or quoted, spaces around the dot).  One without
# either is not parsed: most are not ours, and parsing costs ~3 ms of imports.
_MAY_CONFIGURE = cached_compile(
    rb"""^[ \t]*\[[ \t]*["']?tool["']?[ \t]*\]|["']?tool["']?[ \t]*\.[ \t]*["']?pressconv\b""", re.M)


class _Bad(ValueError):
    """A value of the wrong kind; the caller adds the key and the file."""


def _text(value: Any, base: Path) -> str:
    if not isinstance(value, str):
        raise _Bad("must be a string, not %r" % (value,))
    return value


def _bool(value: Any, base: Path) -> bool:
    if not isinstance(value, bool):
        raise _Bad("must be true or false, not %r" % (value,))
    return value


def _width(value: Any, base: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or (value != 0 and not 20 <= value <= 1000):
        raise _Bad("must be 0 (no wrapping) or a whole number of columns from 20, not %r" % (value,))
    return value


def _page_lines(value: Any, base: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or (value != 0 and value < 5):
        raise _Bad("must be 0 (no pages) or at least 5 lines, not %r" % (value,))
    return value


def _font_size(value: Any, base: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 5 <= value <= 72:
        raise _Bad("must be a size in points from 5 to 72, not %r" % (value,))
    return float(value)


def _page_size(value: Any, base: Path) -> str:
    sizes = {"a4": "A4", "letter": "Letter"}
    if not isinstance(value, str) or value.lower() not in sizes:
        raise _Bad("must be \"A4\" or \"Letter\", not %r" % (value,))
    return sizes[value.lower()]


def length_points(value: Any) -> float:
    """A length in points from a number (points) or a string such as ``"2cm"``, ``"0.75in"``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
        return float(value)
    match = _LENGTH.match(value) if isinstance(value, str) else None
    if match is None:
        raise _Bad("must be a length such as \"2cm\", \"20mm\", \"0.8in\" or a number of points, "
                   "not %r" % (value,))
    return round(float(match.group(1)) * _UNITS[match.group(2) or "pt"], 3)


def _margins(value: Any, base: Path) -> tuple[float, float, float, float]:
    """One length for all sides, or [top-bottom, left-right], or [top, right, bottom, left]."""
    if not isinstance(value, list):
        value = [value]
    sizes = [length_points(v) for v in value]
    if len(sizes) == 1:
        sizes *= 4
    elif len(sizes) == 2:
        sizes *= 2
    elif len(sizes) != 4:
        raise _Bad("must be one length or a list of 2 or 4 (top, right, bottom, left)")
    if max(sizes) > 288:
        raise _Bad("must be at most 4 inches on each side, not %r" % (value,))
    return tuple(sizes)  # type: ignore[return-value]


def _color(value: Any, base: Path) -> str:
    if not isinstance(value, str) or not _COLOR.match(value):
        raise _Bad("must be a colour such as \"#0b5394\" or \"#fff\", not %r" % (value,))
    digits = value[1:].lower()
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))


def _file(suffixes: tuple[str, ...], what: str) -> Callable[[Any, Path], str]:
    def check(value: Any, base: Path) -> str:
        path = (base / _text(value, base)).expanduser()
        if path.suffix.lower() not in suffixes:
            raise _Bad("must name a %s file (%s), not %r" % (what, ", ".join(suffixes), value))
        if not path.is_file():
            raise _Bad("names %s, which does not exist" % path)
        return str(path.resolve())
    return check


def _font(value: Any, base: Path) -> str:
    """A family name as it stands, or a font file relative to the configuration."""
    text = _text(value, base).strip()
    if not text:
        raise _Bad("must not be empty")
    if text.lower().endswith(_FONT_FILE) or "/" in text or "\\" in text:
        return _file(_FONT_FILE, "font")(text, base)
    return text


def _formats(value: Any, base: Path) -> tuple[str, ...]:
    from .writers import registry

    names = value.split(",") if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise _Bad("must be a list of format names such as [\"docx\", \"pdf\"]")
    known = {key for info in registry.infos() for key in (info.name, *info.aliases)}
    names = [n.strip().lower() for n in names if n.strip()]
    for name in names:
        if name not in known:
            raise _Bad("names the unknown format %r (known: %s)" % (name, ", ".join(sorted(known))))
    return tuple(names)


def _codes(value: Any, base: Path) -> frozenset[str]:
    codes = value.split(",") if isinstance(value, str) else value
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise _Bad("must be a list of codes such as [\"PC109\", \"PC110\"]")
    codes = [c.strip().upper() for c in codes if c.strip()]
    for code in codes:
        if not _CODE.match(code):
            raise _Bad("names %r, which is not a code such as PC109" % code)
    return frozenset(codes)


def _severity(value: Any, base: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Bad("must be a table such as {PC102 = \"error\"}")
    result = {}
    for code, level in value.items():
        (code,) = _codes([code], base)
        if level not in ("error", "warning"):
            raise _Bad("for %s must be \"error\" or \"warning\", not %r" % (code, level))
        result[code] = level
    return result


#: writer options and how each is checked; the README's table describes them
OPTIONS: dict[str, Callable[[Any, Path], Any]] = {
    "font": _font, "heading_font": _font, "font_size": _font_size, "page_size": _page_size,
    "margins": _margins, "text_color": _color, "accent_color": _color,
    "logo": _file((".png", ".jpg", ".jpeg", ".gif"), "PNG, JPEG or GIF image"),
    "header_text": _text, "footer_text": _text, "reference_docx": _file((".docx", ".dotx"), "Word"),
    "width": _width, "ascii": _bool, "wire_page_lines": _page_lines,
}
_CHECK: dict[str, Callable[[Any, Path], Any]] = {
    "disable": _codes, "strict": _bool, "severity": _severity,
}
_TOP = ("formats", "check", *OPTIONS)


def _unknown(key: str, known: tuple[str, ...] | list[str], origin: str | None) -> ConfigError:
    import difflib  # only for this error message; ~1 ms to import (start-up time)

    close = difflib.get_close_matches(key, known, n=1)
    hint = ("did you mean %r? " % close[0] if close else "") + "known keys: " + ", ".join(known)
    return ConfigError("unknown key %r" % key, file=origin, hint=hint)


def check_option(key: str, value: Any, base: Path | None = None, origin: str | None = None) -> Any:
    """A writer option's value checked and normalised (paths made absolute against ``base``)."""
    if key not in OPTIONS:
        raise _unknown(key, list(OPTIONS), origin)
    return _checked(key, OPTIONS[key], value, base or Path.cwd(), origin)


def _checked(key: str, check: Callable[[Any, Path], Any], value: Any, base: Path,
             origin: str | None) -> Any:
    try:
        return check(value, base)
    except _Bad as error:
        raise ConfigError("%r %s" % (key, error), file=origin) from None


def parse_config(data: Mapping[str, Any], path: Path | None = None,
                 base: Path | None = None) -> Config:
    """Check a configuration table (as read from TOML) and turn it into a Config."""
    origin = str(path) if path else None
    base = base if base is not None else (path.parent if path else Path.cwd())
    options: dict[str, Any] = {}
    formats: tuple[str, ...] = ()
    check: dict[str, Any] = {}
    for key, value in data.items():
        if key == "formats":
            formats = _checked(key, _formats, value, base, origin)
        elif key == "check":
            if not isinstance(value, dict):
                raise ConfigError("'check' must be a table ([check] or [tool.pressconv.check])",
                                  file=origin)
            for sub, item in value.items():
                if sub not in _CHECK:
                    raise _unknown("check." + sub, ["check." + k for k in _CHECK], origin)
                check[sub] = _checked("check." + sub, _CHECK[sub], item, base, origin)
        elif key in OPTIONS:
            options[key] = _checked(key, OPTIONS[key], value, base, origin)
        else:
            raise _unknown(key, _TOP, origin)
    return Config(path, formats, options, check.get("disable", frozenset()),
                  check.get("strict", False), check.get("severity", {}))


def parse_codes(text: str, origin: str = "--disable") -> frozenset[str]:
    """Lint codes from a comma-separated flag value such as ``PC109,PC111``."""
    return _checked(origin, _codes, text, Path.cwd(), None)


def parse_setting(text: str, base: Path | None = None) -> tuple[str, Any]:
    """One ``KEY=VALUE`` from ``--set``: the value is read as TOML, else taken as a string."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise ConfigError("--set needs KEY=VALUE, not %r" % text, hint="e.g. --set accent_color=#003366")
    import tomllib  # with datetime, ~2.5 ms: imported when a value or a file is read (start-up time)

    try:
        value = tomllib.loads("v = " + raw)["v"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return key, check_option(key, value, base, "--set")


# ------------------------------------------------------------- discovery


def read_config_file(path: Path) -> Config:
    """Read ``pressconv.toml`` or the ``[tool.pressconv]`` table of a ``pyproject.toml``."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise ConfigError("configuration file not found", file=str(path)) from None
    except OSError as error:
        raise ConfigError("configuration cannot be read: %s" % error.strerror, file=str(path)) from None
    if path.name == PYPROJECT and not _MAY_CONFIGURE.search(raw):
        return parse_config({}, path)
    import tomllib  # here, not at the top: no configuration file, no import (start-up time)

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("not valid TOML: %s" % error, file=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", file=str(path)) from None
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("pressconv", {})
        if not isinstance(data, dict):
            raise ConfigError("[tool.pressconv] must be a table", file=str(path))
    return parse_config(data, path)


def find_config_file(start: Path) -> Path | None:
    """The configuration that applies to files in ``start`` (a folder), or None."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        project = candidate / PYPROJECT
        if project.is_file():
            return project
        if (candidate / ".git").exists():
            return None
    return None


_cache: dict[tuple[Path, int, int], Config] = {}


def _cached(path: Path) -> Config:
    try:
        stat = path.stat()
    except OSError:
        return read_config_file(path)  # raises the ConfigError that explains
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)  # an edited file is read again
    if key not in _cache:
        _cache[key] = read_config_file(path)
    return _cache[key]


def config_for(input_path: str | Path | None) -> Config:
    """The house style for an input file (``None`` or ``"-"``: the current folder's)."""
    folder = Path.cwd() if input_path in (None, "-") else Path(input_path).resolve().parent
    found = find_config_file(folder)
    return _cached(found) if found is not None else Config()


def load_config(path: str | Path) -> Config:
    """Read one configuration file named by the user (``--config``)."""
    return _cached(Path(path))

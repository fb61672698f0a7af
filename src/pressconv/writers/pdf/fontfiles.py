"""Where TrueType files are: bundled folders, the system's font folders, names the user gives.

Only file names are looked at here; nothing is parsed (that costs 10-25 ms a face).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import threading
from pathlib import Path

from ..._regex_cache import cached_compile

# File names per family, in style order; the first family found wins for a role.
FAMILIES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "serif": (
        ("DejaVu Serif", ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
                          "DejaVuSerif-BoldItalic.ttf")),
        ("Noto Serif", ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
                        "NotoSerif-BoldItalic.ttf")),
        ("Liberation Serif", ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                              "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")),
        ("Times New Roman", ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")),
        ("Times New Roman", ("Times New Roman.ttf", "Times New Roman Bold.ttf",
                             "Times New Roman Italic.ttf", "Times New Roman Bold Italic.ttf")),
        ("Georgia", ("georgia.ttf", "georgiab.ttf", "georgiai.ttf", "georgiaz.ttf")),
    ),
    "sans": (
        ("DejaVu Sans", ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                         "DejaVuSans-BoldOblique.ttf")),
        ("Noto Sans", ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                       "NotoSans-BoldItalic.ttf")),
        ("Liberation Sans", ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                             "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf")),
        ("Arial", ("arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf")),
        ("Arial", ("Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf")),
    ),
    "mono": (
        ("DejaVu Sans Mono", ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
                              "DejaVuSansMono-Oblique.ttf", "DejaVuSansMono-BoldOblique.ttf")),
        ("Liberation Mono", ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf",
                             "LiberationMono-Italic.ttf", "LiberationMono-BoldItalic.ttf")),
        ("Noto Sans Mono", ("NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf")),
        ("Courier New", ("cour.ttf", "courbd.ttf", "couri.ttf", "courbi.ttf")),
        ("Courier New", ("Courier New.ttf", "Courier New Bold.ttf", "Courier New Italic.ttf",
                         "Courier New Bold Italic.ttf")),
    ),
}
VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")

# Wide-coverage fonts tried, in order, for characters the role families lack.
EXTRA_FALLBACKS = (
    "DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "FreeSerif.ttf", "FreeSans.ttf",
    "NotoSans-Regular.ttf", "NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf",
    "NotoSansMath-Regular.ttf", "STIXGeneral.ttf", "Symbola.ttf", "seguisym.ttf",
    "Arial Unicode.ttf", "arialuni.ttf", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
    "wqy-microhei.ttc", "wqy-zenhei.ttc", "msyh.ttc", "NanumGothic.ttf",
)

_STYLE = cached_compile(r"^(.*?)[-_ ]?(Regular|Book|Roman|Normal|Bold[-_ ]?Italic|Bold[-_ ]?Oblique"
                        r"|Bold|Italic|Oblique)$", re.IGNORECASE)
FONT_SUFFIXES = (".ttf", ".ttc")
_MAX_INDEXED_FILES = 50_000  # a font folder bigger than this is not walked further

_lock = threading.Lock()
_index: dict[str, str] | None = None


def bundled_dir() -> Path:
    """The DejaVu Sans, Serif and Sans Mono faces shipped with pressconv (Bitstream Vera licence)."""
    return Path(__file__).resolve().parent / "fonts"


def reportlab_dir() -> Path | None:
    """ReportLab's own font folder (Bitstream Vera)."""
    spec = importlib.util.find_spec("reportlab")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(list(spec.submodule_search_locations)[0]) / "fonts"
    return folder if folder.is_dir() else None


def system_font_dirs() -> list[Path]:
    """The usual font folders of Linux, macOS and Windows, the user's own first."""
    home = Path.home()
    dirs = [home / ".local" / "share" / "fonts", home / ".fonts"]
    if sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"),
                 Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    elif os.name == "nt":
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    dirs += [Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    data_dirs = os.environ.get("XDG_DATA_DIRS")
    if data_dirs:
        dirs += [Path(d) / "fonts" for d in data_dirs.split(os.pathsep) if d]
    return dirs


def font_index() -> dict[str, str]:
    """Lower-case file name -> path of every TTF/TTC found, bundled folders first."""
    global _index
    with _lock:
        if _index is not None:
            return _index
        index: dict[str, str] = {}
        bundled = [bundled_dir()]
        count = 0
        for root in bundled + system_font_dirs():
            if count > _MAX_INDEXED_FILES or not root.is_dir():
                continue
            for folder, subdirs, files in os.walk(root):
                subdirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(FONT_SUFFIXES):
                        index.setdefault(name.lower(), os.path.join(folder, name))
                count += len(files)
                if count > _MAX_INDEXED_FILES:
                    break
        _index = index
        return index


def find(filename: str) -> str | None:
    """The path of a font file by name: bundled copy first, then the system's."""
    bundled = bundled_dir() / filename
    if bundled.is_file():
        return str(bundled)
    return font_index().get(filename.lower())


def normalise(name: str) -> str:
    """A family name reduced to lower-case letters and digits."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def split_style(stem: str) -> tuple[str, str]:
    """("dejavuserif", "bold") from "DejaVuSerif-Bold"; "regular" when no style is named."""
    match = _STYLE.match(stem)
    if not match or not match.group(1):
        return normalise(stem), "regular"
    style = normalise(match.group(2)).replace("oblique", "italic")
    style = {"bolditalic": "bold_italic", "bold": "bold", "italic": "italic"}.get(style,
                                                                                 "regular")
    return normalise(match.group(1)), style


def user_font_paths(spec: str) -> dict[str, str]:
    """Style -> path for the font the user named: a file (its style siblings found beside
    it) or a family name looked up in the font folders; empty when nothing matches."""
    path = Path(os.path.expanduser(spec))
    if path.suffix.lower() in (".ttf", ".ttc", ".otf") or path.is_file():
        if not path.is_file():
            return {}
        base, _ = split_style(path.stem)
        candidates = {str(p) for p in path.parent.iterdir()
                      if p.suffix.lower() in FONT_SUFFIXES}
        paths = {"regular": str(path)}
    else:
        base = normalise(spec)
        candidates = set(font_index().values())
        paths = {}
    for candidate in sorted(candidates):
        stem_base, style = split_style(Path(candidate).stem)
        if stem_base == base:
            paths.setdefault(style, candidate)
    return paths

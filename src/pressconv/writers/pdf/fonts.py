"""TrueType fonts for the PDF writer: where to find them, loading each once, glyph fallback.

Three roles carry the house style: ``serif`` (body), ``sans`` (headings, release
line) and ``mono`` (code).  Each role gets a family with real regular, bold,
italic and bold-italic faces, looked for in this order:

1. the user's ``font`` option (a .ttf/.ttc path or a family name) for serif and sans;
2. the DejaVu Sans, Serif and Sans Mono faces bundled with pressconv (writers/pdf/fonts);
3. the system's font folders (Linux, macOS, Windows, the user's own);
4. Bitstream Vera, which ReportLab itself ships (Latin only: the last resort).

Parsing a TTF costs 10-25 ms, so every face is parsed and registered once per
process.  A character the role's family lacks is drawn with the first font in
the fallback chain that has it; the chain grows lazily, so the extra fonts are
parsed only when a document needs them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from hashlib import sha1
from pathlib import Path

from ...errors import ConfigError
from .fontfiles import (
    EXTRA_FALLBACKS, FAMILIES, VERA, find, reportlab_dir, user_font_paths,
)

ROLES = ("serif", "sans", "mono")
STYLES = ("regular", "bold", "italic", "bold_italic")

_lock = threading.RLock()


@dataclass(frozen=True)
class Face:
    """One registered TrueType face."""

    name: str  #: the name registered with ReportLab
    path: str  #: the file it came from
    coverage: frozenset[str]  #: every character it has a glyph for


@dataclass(frozen=True)
class Family:
    """Four faces (missing ones repeat the regular face)."""

    label: str  #: the family's human name
    regular: Face
    bold: Face
    italic: Face
    bold_italic: Face

    def face(self, bold: bool = False, italic: bool = False) -> Face:
        """The face for a style."""
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular


@dataclass
class FontSet:
    """The families of one configuration and the glyph fallback chain per role."""

    families: dict[str, Family]  #: role -> family
    chains: dict[str, list[Family]] = field(default_factory=dict)  #: role -> fallback order
    extras_left: list[str] = field(default_factory=list)  #: fallback files not yet loaded
    _choice: dict[tuple[str, str, bool, bool], int | None] = field(default_factory=dict)

    def family(self, role: str) -> Family:
        """The family of a role."""
        return self.families[role]

    def font_index(self, role: str, char: str, bold: bool = False,
                   italic: bool = False) -> int | None:
        """Index in the role's chain of the first font whose face in this style has
        a glyph for ``char``, or None when no font has one."""
        key = (role, char, bold, italic)
        try:
            return self._choice[key]
        except KeyError:
            pass
        with _lock:
            chain = self.chains[role]
            index = next((i for i, fam in enumerate(chain)
                          if char in fam.face(bold, italic).coverage), None)
            while index is None and self.extras_left:
                family = _load_fallback(self.extras_left.pop(0))
                if family is None or any(f.regular.path == family.regular.path
                                         for f in self.chains["serif"]):
                    continue
                for chain_ in self.chains.values():
                    chain_.append(family)
                if char in family.face(bold, italic).coverage:
                    index = len(chain) - 1
            self._choice[key] = index
        return index

    def notdef(self, chars: str) -> str:
        """The name of a face that draws ``chars`` as empty boxes but keeps them as text.

        ReportLab maps a character its font lacks to code 0, which loses it from the
        PDF's text (search, copy, extraction).  This private copy of a small font
        maps such characters to its .notdef glyph, so they still extract.
        """
        face = _notdef_font()
        with _lock:
            cmap = face.face.charToGlyph
            widths = face.face.charWidths
            width = float(getattr(face.face, "defaultWidth", 0) or 600)
            for char in chars:
                code = ord(char)
                if code not in cmap:
                    cmap[code] = 0
                    widths[code] = width
        return face.fontName

    def runs(self, role: str, text: str, bold: bool = False,
             italic: bool = False) -> list[tuple[int | None, str]]:
        """``text`` cut into runs of (chain index, characters); index 0 is the role's family."""
        if self.chains[role][0].face(bold, italic).coverage.issuperset(text):
            return [(0, text)]
        result: list[tuple[int | None, str]] = []
        for char in text:
            index = self.font_index(role, char, bold, italic)
            if result and result[-1][0] == index:
                result[-1] = (index, result[-1][1] + char)
            else:
                result.append((index, char))
        return result


# ----------------------------------------------------------------- loading

_faces: dict[str, Face] = {}
_families: dict[str, Family] = {}
_fontsets: dict[str, FontSet] = {}


def _patch_to_unicode() -> None:
    """Make ReportLab write characters beyond U+FFFF correctly in a font's ToUnicode map.

    ReportLab 4/5 writes such a character as 5 hex digits instead of a UTF-16 pair,
    so PDF readers extract garbage for it; the fix changes only those entries.
    """
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_pressconv", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        for index, value in enumerate(subset):
            if value > 0xFFFF:
                pair = chr(value).encode("utf-16-be", "surrogatepass").hex().upper()
                text = text.replace("<%02X> <%04X>\n" % (index, value),
                                    "<%02X> <%s>\n" % (index, pair), 1)
        return text

    make_to_unicode_cmap._pressconv = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def _load_face(path: str) -> Face:
    """Parse and register a TTF once per process; TTFError etc. pass to the caller."""
    with _lock:
        face = _faces.get(path)
        if face is not None:
            return face
        _patch_to_unicode()
        from reportlab.pdfbase import pdfmetrics

        from .fontcache import load_font

        stem = re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem)[:40] or "font"
        name = "PC-%s-%s" % (stem, sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:8])
        pdfmetrics.registerFont(load_font(name, path))  # parsed, or as parsed by an earlier process
        # the same face name from another file is served by the font registered first
        font = pdfmetrics.getFont(name)
        coverage = frozenset(chr(c) for c in font.face.charToGlyph if c < 0x110000)
        face = Face(name, path, coverage | {" ", "\u00a0"})
        _faces[path] = face
        return face


def _family(label: str, paths: tuple[str | None, ...]) -> Family:
    """A registered family from up to four paths (regular first; None = missing face).

    Families are keyed by their regular face: ReportLab maps a face name back to one
    family only, so a face must never be the regular face of two families.
    """
    regular_path = paths[0]
    with _lock:
        family = _families.get(regular_path)  # type: ignore[arg-type]
        if family is not None:
            return family
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        regular = _load_face(regular_path)  # type: ignore[arg-type]
        faces = [regular]
        for path in tuple(paths[1:4]) + (None,) * (4 - len(paths)):
            try:
                faces.append(_load_face(path) if path else regular)
            except Exception:  # a damaged style face: use the regular one rather than fail
                faces.append(regular)
        if faces[3] is regular and faces[1] is not regular:
            faces[3] = faces[1]  # no bold italic: bold reads better than regular
        family = Family(label, *faces)
        registerFontFamily(regular.name, normal=faces[0].name, bold=faces[1].name,
                           italic=faces[2].name, boldItalic=faces[3].name)
        _families[regular_path] = family  # type: ignore[index]
        return family


def _builtin_family(role: str) -> Family:
    for label, files in FAMILIES[role]:
        paths = [find(name) for name in files]
        if paths[0] is None:
            continue
        try:
            return _family(label, tuple(paths))
        except Exception:  # an unreadable system font: try the next family
            continue
    vera = reportlab_dir()
    if vera is None:
        raise ConfigError("no TrueType font found for the PDF writer",
                          hint="install DejaVu fonts or pass --font PATH.ttf")
    return _family("Bitstream Vera", tuple(str(vera / name) for name in VERA))


def _load_fallback(filename: str) -> Family | None:
    path = find(filename)
    if path is None:
        return None
    try:
        return _family(Path(path).stem, (path,))
    except Exception:  # CFF outlines, damaged file ...: not usable as a fallback
        return None


_notdef: object | None = None


def _notdef_font():  # -> reportlab TTFont
    """A private TTFont (ReportLab's small Vera) whose cmap grows with unknown characters."""
    global _notdef
    with _lock:
        if _notdef is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            folder = reportlab_dir()
            if folder is not None and (folder / "Vera.ttf").is_file():
                path = str(folder / "Vera.ttf")
            else:  # any face already loaded will do: only its .notdef glyph is drawn
                path = next(iter(_faces))
            font = TTFont("PC-notdef", path, asciiReadable=0)
            # ReportLab aliases a second font with a known face name to the first one
            # registered; a name of its own keeps this copy (and its growing cmap) apart.
            font.face.name = b"PressconvNotdef"
            pdfmetrics.registerFont(font)
            _notdef = font
        return _notdef


def _user_family(spec: str) -> Family:
    """The family the user named: a font file (its style siblings found beside it) or a name."""
    paths = user_font_paths(spec)
    if "regular" not in paths:
        raise ConfigError("font %r not found" % spec,
                          hint="give the path of a .ttf file, or a family installed in the "
                               "system's font folders, e.g. 'DejaVu Serif'")
    try:
        return _family(spec, tuple(paths.get(s) for s in STYLES))
    except ConfigError:
        raise
    except Exception as error:
        raise ConfigError("font %r cannot be used: %s" % (spec, error),
                          hint="use a TrueType (.ttf) font; OpenType fonts with PostScript "
                               "outlines (.otf) are not supported") from error


def font_set(user_font: str | None = None) -> FontSet:
    """The fonts for one configuration, built once per process and option value."""
    key = user_font or ""
    with _lock:
        fonts = _fontsets.get(key)
        if fonts is not None:
            return fonts
        families = {role: _builtin_family(role) for role in ROLES}
        if user_font:
            user = _user_family(str(user_font))
            families["serif"] = families["sans"] = user
        order = {role: [families[role]] + [families[r] for r in ROLES if r != role]
                 for role in ROLES}
        chains: dict[str, list[Family]] = {}
        for role, fams in order.items():
            seen: list[Family] = []
            for fam in fams:
                if all(f.regular.path != fam.regular.path for f in seen):
                    seen.append(fam)
            chains[role] = seen
        fonts = FontSet(families, chains, list(EXTRA_FALLBACKS))
        _fontsets[key] = fonts
        return fonts

"""The house style: page geometry and paragraph styles, built once per fonts and page size."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ...errors import ConfigError
from .fonts import FontSet

PAGE_SIZES = {"a4": A4, "letter": LETTER}

ACCENT = colors.HexColor("#1f4e8c")
EMBARGO = colors.HexColor("#a4262c")
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#c8ced6")
BOX_FILL = colors.HexColor("#f2f4f7")
CODE_FILL = colors.HexColor("#f3f4f6")
HEADER_FILL = colors.HexColor("#e6ebf1")
STRIPE_FILL = colors.HexColor("#f7f8fa")

MARGIN_X = 26 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
FOOTER_Y = 13 * mm
LIST_INDENT = 16.0  #: indentation per list level, in points
QUOTE_INDENT = 16.0  #: indentation of a block quote, in points
MAX_INDENT_LEVELS = 6  #: nesting deeper than this is not indented further


@dataclass(frozen=True)
class House:
    """Geometry and styles of one page size and font set."""

    page_size: tuple[float, float]
    frame_width: float
    frame_height: float
    styles: dict[str, ParagraphStyle]
    fonts: FontSet

    def style(self, name: str) -> ParagraphStyle:
        """A named paragraph style."""
        return self.styles[name]


def page_size(name: object) -> tuple[float, float]:
    """The page size for the ``page_size`` option."""
    key = str(name or "A4").strip().lower()
    if key not in PAGE_SIZES:
        raise ConfigError("unknown page size %r" % name, hint="use A4 or Letter")
    return PAGE_SIZES[key]


_cache: dict[tuple[int, tuple[float, float]], House] = {}
_lock = threading.Lock()


def house(fonts: FontSet, size: tuple[float, float]) -> House:
    """The house style for these fonts and page size (cached per process)."""
    key = (id(fonts), size)
    with _lock:
        found = _cache.get(key)
        if found is None:
            found = _cache[key] = _build(fonts, size)
        return found


def _build(fonts: FontSet, size: tuple[float, float]) -> House:
    serif, sans, mono = (fonts.family(r) for r in ("serif", "sans", "mono"))
    base = ParagraphStyle(
        "body", fontName=serif.regular.name, fontSize=10, leading=14.2, textColor=INK,
        spaceAfter=6.5, alignment=TA_LEFT, allowWidows=0, allowOrphans=0,
        bulletFontName=serif.regular.name, bulletFontSize=10, splitLongWords=1,
    )
    styles: dict[str, ParagraphStyle] = {"body": base}

    def add(name: str, parent: ParagraphStyle = base, **kw: object) -> None:
        styles[name] = ParagraphStyle(name, parent=parent, **kw)

    add("release", fontName=sans.bold.name, fontSize=8.5, leading=11, textColor=MUTED,
        spaceAfter=12)
    add("release_embargo", parent=styles["release"], textColor=EMBARGO)
    add("headline", fontName=sans.bold.name, fontSize=21, leading=25.5, spaceAfter=7,
        textColor=colors.HexColor("#111111"), keepWithNext=1)
    add("headline_long", parent=styles["headline"], fontSize=17.5, leading=22)
    add("subheadline", fontName=serif.italic.name, fontSize=12.5, leading=17, textColor=MUTED,
        spaceAfter=4, keepWithNext=1)
    add("dateline", fontName=serif.bold.name, spaceBefore=4)
    add("h1", fontName=sans.bold.name, fontSize=14, leading=18, spaceBefore=14, spaceAfter=5,
        keepWithNext=1)
    add("h2", fontName=sans.bold.name, fontSize=12.5, leading=16, spaceBefore=12, spaceAfter=4,
        keepWithNext=1)
    add("h3", fontName=sans.bold.name, fontSize=11, leading=14.5, spaceBefore=10, spaceAfter=3,
        keepWithNext=1)
    add("h4", fontName=sans.bold.name, fontSize=10, leading=14, spaceBefore=8, spaceAfter=2,
        keepWithNext=1)
    add("quote", fontSize=10.5, leading=15, spaceAfter=6, textColor=colors.HexColor("#222222"))
    add("attribution", fontName=serif.italic.name, fontSize=9.5, leading=13.5, textColor=MUTED,
        spaceBefore=0, spaceAfter=10)
    add("item", spaceAfter=3)
    add("item_loose", spaceAfter=7)
    add("code", fontName=mono.regular.name, fontSize=8.6, leading=11.6, spaceBefore=4,
        spaceAfter=10, backColor=CODE_FILL, borderPadding=(4, 6, 4, 6), leftIndent=6,
        rightIndent=6, textColor=colors.HexColor("#222222"), allowWidows=1, allowOrphans=1)
    add("cell", fontSize=9, leading=11.5, spaceAfter=0)
    add("cell_center", parent=styles["cell"], alignment=TA_CENTER)
    add("cell_right", parent=styles["cell"], alignment=TA_RIGHT)
    add("head", parent=styles["cell"], fontName=sans.bold.name, fontSize=8.5, leading=11)
    add("head_center", parent=styles["head"], alignment=TA_CENTER)
    add("head_right", parent=styles["head"], alignment=TA_RIGHT)
    add("table_caption", fontName=sans.regular.name, fontSize=8, leading=10, textColor=MUTED,
        spaceBefore=4, spaceAfter=3, keepWithNext=1)
    add("caption", fontName=serif.italic.name, fontSize=9, leading=12, textColor=MUTED,
        alignment=TA_CENTER, spaceBefore=3, spaceAfter=9)
    add("placeholder", textColor=MUTED)
    add("notes_heading", parent=styles["h3"], spaceBefore=16)
    add("note", fontSize=9, leading=12.5, spaceAfter=3, leftIndent=16, bulletIndent=0,
        bulletFontSize=9)
    add("boilerplate", fontSize=9.2, leading=13, spaceAfter=6)
    add("end_mark", alignment=TA_CENTER, spaceBefore=8,
        spaceAfter=8, textColor=MUTED)
    add("contacts_heading", fontName=sans.bold.name, fontSize=10.5, leading=14, spaceAfter=0)
    add("contact", fontSize=9.2, leading=12.6, spaceAfter=0)
    add("footer", fontSize=8, leading=10, textColor=MUTED, alignment=TA_RIGHT)

    width, height = size
    return House(size, width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM, styles, fonts)

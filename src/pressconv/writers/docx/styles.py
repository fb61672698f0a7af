"""The press styles and the templates they live in.

Every style the writer uses is declared once below, in Word's own terms.  A
template (the slim built-in one, or the user's reference DOCX) is prepared
once per process: its body is emptied, the press styles it lacks are added on
top of its own Normal and Title, the list definitions are added, and the
result is kept as bytes that each document starts from.  python-docx then
only parses a small package per document (see notes/performance-traps.md).
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.parts.numbering import NumberingPart
from docx.shared import Inches, Mm, Pt, RGBColor

from ..._cachefiles import file_key
from ...errors import ConfigError
from . import _ooxml, _package, _templatecache

ACCENT = "1F3A5F"  #: dark blue of headings and the quote rule
GREY = "595959"  #: secondary text: release line, attributions, captions

#: list indentation per level and the hanging indent of the bullet or number, in twips
LIST_INDENT = 567
LIST_HANGING = 340


@dataclass(frozen=True)
class StyleSpec:
    """One style as Word knows it; sizes and spacing in points."""

    name: str  #: Word's internal name ("heading 1", "Headline" ...)
    kind: str = "paragraph"  #: "paragraph", "character" or "table"
    base: str | None = "Normal"  #: the style it inherits from
    next: str | None = None  #: the style Word gives the paragraph after it
    builtin: bool = False  #: one of Word's own styles (no customStyle flag)
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    underline: bool | None = None
    superscript: bool | None = None
    color: str | None = None
    letter_spacing: float | None = None
    align: str | None = None  #: "center" or "right"
    before: float | None = None
    after: float | None = None
    line: float | None = None  #: line spacing as a multiple
    left: float | None = None
    right: float | None = None
    keep_next: bool = False
    keep_lines: bool = False
    contextual: bool = False  #: no space between paragraphs of this style
    border: tuple[str, str] | None = None  #: ("left", colour) bar or ("bottom", colour) rule
    shading: str | None = None
    outline: int | None = None  #: outline level, for the navigation pane


def press_styles(accent: str = ACCENT, heading_font: str | None = None) -> tuple[StyleSpec, ...]:
    """Every style the writer uses, bases before the styles built on them."""
    headings = tuple(
        StyleSpec("heading %d" % (n + 1), next="Body Text", builtin=True, font=heading_font,
                  bold=True, italic=True if n in (3, 5) else None, size=size, color=accent,
                  before=before, after=after, keep_next=True, keep_lines=True, outline=n)
        for n, (size, before, after) in enumerate(
            ((16, 18, 6), (13.5, 15, 4), (12, 12, 3), (11, 10, 2), (10.5, 10, 2), (10.5, 10, 2))))
    return (
        StyleSpec("Title", next="Normal", builtin=True, font=heading_font, size=20, bold=True,
                  color="1A1A1A", after=8, line=1.05, keep_next=True, keep_lines=True),
        StyleSpec("Body Text", builtin=True, after=9, line=1.15),
        *headings,
        StyleSpec("Logo", next="Release Line", after=14, keep_next=True),
        StyleSpec("Release Line", next="Headline", size=8.5, bold=True, caps=True, color=GREY,
                  letter_spacing=1, after=14),
        StyleSpec("Headline", base="Title", next="Subheadline"),
        StyleSpec("Subheadline", next="Body Text", size=13, color="404040", after=16, line=1.15,
                  keep_next=True),
        StyleSpec("Dateline", kind="character", base="Default Paragraph Font", bold=True),
        StyleSpec("Quotation", kind="character", base="Default Paragraph Font"),
        StyleSpec("Quote", next="Body Text", builtin=True, italic=True, color="333333", left=14,
                  right=28, before=3, after=6, line=1.15, border=("left", accent)),
        StyleSpec("Quote Attribution", next="Body Text", size=9.5, color=GREY, left=14, after=12),
        StyleSpec("List Paragraph", base="Body Text", builtin=True, contextual=True),
        StyleSpec("Code", next="Body Text", font="Courier New", size=9, line=1.0, after=9,
                  left=4, right=4, shading="F2F2F2"),
        StyleSpec("Code Char", kind="character", base="Default Paragraph Font",
                  font="Courier New", size=9.5),
        StyleSpec("Thematic Break", next="Body Text", size=4, before=3, after=14,
                  border=("bottom", GREY)),
        StyleSpec("Figure", next="caption", align="center", before=6, after=6, keep_next=True),
        StyleSpec("caption", next="Body Text", builtin=True, size=9, italic=True, color=GREY,
                  align="center", after=10),
        StyleSpec("Table Text", size=9.5),
        StyleSpec("Table Heading", base="Table Text", bold=True),
        StyleSpec("Press Table", kind="table", base="Normal Table"),
        StyleSpec("Boilerplate Heading", base="heading 3", next="Boilerplate", size=10.5,
                  color="404040", before=14),
        StyleSpec("Boilerplate", base="Body Text", size=9.5, color="404040", after=6),
        StyleSpec("End Mark", next="Contacts Heading", align="center", color=GREY, before=6,
                  after=14),
        StyleSpec("Contacts Heading", base="heading 2", next="Contact", size=11, before=10),
        StyleSpec("Contact", size=9.5, after=8, line=1.15, keep_lines=True),
        StyleSpec("footnote text", builtin=True, size=8.5, after=2, line=1.0),
        StyleSpec("footnote reference", kind="character", base="Default Paragraph Font",
                  builtin=True, superscript=True),
        StyleSpec("Hyperlink", kind="character", base="Default Paragraph Font", builtin=True,
                  color="1F5FA8", underline=True),
        StyleSpec("header", builtin=True, size=8, color="7F7F7F", align="right"),
        StyleSpec("footer", builtin=True, size=8, color="7F7F7F", align="center"),
    )


#: the styles of the built-in template, as a user's template gets them too
STYLES = press_styles()

_KINDS = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER,
          "table": WD_STYLE_TYPE.TABLE}
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


@dataclass(frozen=True)
class Template:
    """A prepared template: the package bytes and what the writer needs to know about them."""

    data: bytes  #: the .docx every document of this template starts from
    ids: dict[str, str]  #: style name (as in STYLES, plus "Normal") -> style id in this template
    bullets: int  #: abstractNumId of the bullet list definition
    numbers: int  #: abstractNumId of the numbered list definition
    text_width: int  #: width between the margins, in twips
    own_footer: bool  #: True when the footer is ours to fill (the template brought none)
    last_shape_id: int = 0  #: highest drawing id in the template's headers and footers


@dataclass(frozen=True)
class HouseStyle:
    """The house-style options that shape the built-in template (see pressconv.config)."""

    font: str | None = None  #: body font family, or a font file whose family is used
    heading_font: str | None = None  #: headline and headings font
    font_size: float | None = None  #: body size in points
    page_size: str | None = None  #: "A4" or "Letter"
    margins: tuple[float, float, float, float] | None = None  #: top, right, bottom, left in points
    text_color: str | None = None  #: "#rrggbb"
    accent_color: str | None = None  #: "#rrggbb" of headings and the quote bar

    @classmethod
    def from_options(cls, option) -> HouseStyle:
        """The house style from a writer-option getter such as ``WriteContext.option``."""
        margins = option("margins")
        if isinstance(margins, (int, float)):
            margins = (margins,) * 4
        return cls(option("font"), option("heading_font"), option("font_size"),
                   option("page_size"), tuple(margins) if margins else None,
                   option("text_color"), option("accent_color"))


_PAGE_SIZES = {"a4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
_FONT_FILES = (".ttf", ".otf", ".ttc")


def load(reference: str | Path | None, house: HouseStyle = HouseStyle()) -> Template:
    """The built-in template in the house style, or the user's reference DOCX, prepared and cached.

    A reference DOCX is the house style itself: the other style options do not change it.
    """
    if reference is None:
        return _builtin(house)
    path = Path(reference).expanduser()
    try:
        stat = path.stat()
    except OSError:
        raise ConfigError("reference DOCX %s not found" % path,
                          hint="give the path of an existing .docx or .dotx file") from None
    return _reference(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _builtin(house: HouseStyle) -> Template:
    fonts = [f for f in (house.font, house.heading_font) if f and f.lower().endswith(_FONT_FILES)]
    key = ("builtin", repr(house), *map(file_key, fonts))
    try:
        return _templatecache.cached(key, lambda: _prepare(_package.base_package(), house))
    except ValueError as error:
        raise ConfigError("house style cannot be applied: %s" % error,
                          hint="check font, page_size, margins and colours") from None


@functools.lru_cache(maxsize=8)
def _reference(path: str, mtime_ns: int, size: int) -> Template:
    def build() -> Template:
        # A .dotx is a .docx with another main content type; python-docx opens only the latter.
        return _prepare(_retype_template(Path(path).read_bytes()), None)

    try:
        return _templatecache.cached(("reference", path, mtime_ns, size), build)
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ConfigError("reference DOCX %s cannot be used: %s" % (path, error),
                          hint="save the template from Word as a .docx and try again") from None


def _retype_template(data: bytes) -> bytes:
    template_type = CT.WML_DOCUMENT_MAIN.replace("document.main", "template.main")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
        if template_type.encode() not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                blob = archive.read(info)
                if info.filename == "[Content_Types].xml":
                    blob = blob.replace(template_type.encode(), CT.WML_DOCUMENT_MAIN.encode())
                copy.writestr(info, blob)
    return out.getvalue()


def _prepare(data: bytes, house: HouseStyle | None) -> Template:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    section_properties = body.sectPr
    for child in list(body):
        if child is not section_properties:
            body.remove(child)
    if house is None:
        ids = _ensure_styles(document.styles, STYLES)
    else:
        heading_font = _font_family(house.heading_font) if house.heading_font else None
        accent = house.accent_color[1:].upper() if house.accent_color else ACCENT
        ids = _ensure_styles(document.styles, press_styles(accent, heading_font))
        _apply_house_style(document, house)
    bullets, numbers = _ensure_list_definitions(document.part)
    package = document.part.package
    _package.replace_package_part(package, RT.CORE_PROPERTIES, "/docProps/core.xml",
                                CT.OPC_CORE_PROPERTIES, _package.blank_core_properties())
    section = document.sections[-1]
    footer = section.footer
    if footer.is_linked_to_previous:
        footer.is_linked_to_previous = False
        own_footer = True
    else:
        own_footer = not "".join(footer.part.element.itertext()).strip()
    try:
        width = int(section.page_width - section.left_margin - section.right_margin)
    except TypeError:  # a template without page size or margins: Word's A4 defaults
        width = 9070 * _ooxml.EMU_PER_TWIP
    shape_ids = [int(shape.get("id")) for part in package.iter_parts() if isinstance(part, XmlPart)
                 for shape in part.element.iter(_ooxml.DOC_PR) if shape.get("id", "").isdigit()]
    # declares any prefix the generated body needs that the user's document element lacks
    data = _package.save(package, True, {document.part.partname: _ooxml.document_xml(
        document.element, "")})
    return Template(data, ids, bullets, numbers,
                    width // _ooxml.EMU_PER_TWIP, own_footer, max(shape_ids, default=0))


def _apply_house_style(document, house: HouseStyle) -> None:
    normal = document.styles["Normal"].font
    if house.font:
        normal.name = _font_family(house.font)
    if house.font_size:
        normal.size = Pt(house.font_size)
    _ooxml.style_complex_script(document.styles["Normal"].element.get_or_add_rPr())
    if house.text_color:
        normal.color.rgb = RGBColor.from_string(house.text_color[1:].upper())
    section = document.sections[-1]
    if house.page_size:
        section.page_width, section.page_height = _PAGE_SIZES[house.page_size.lower()]
    if house.margins:
        top, right, bottom, left = (Pt(v) for v in house.margins)
        section.top_margin, section.right_margin = top, right
        section.bottom_margin, section.left_margin = bottom, left


def _font_family(font: str) -> str:
    """A family name as given, or the family a font file declares (the PDF writer embeds files)."""
    if not font.lower().endswith(_FONT_FILES):
        return font
    try:
        return _declared_family(Path(font).read_bytes()) or Path(font).stem.split("-")[0]
    except OSError:
        return Path(font).stem.split("-")[0]


def _declared_family(data: bytes) -> str | None:
    """The family name in a TrueType/OpenType font's ``name`` table (first face of a .ttc)."""
    try:
        start = struct.unpack_from(">I", data, 12)[0] if data[:4] == b"ttcf" else 0
        tables = struct.unpack_from(">H", data, start + 4)[0]
        for i in range(tables):
            tag, _, offset, _ = struct.unpack_from(">4sIII", data, start + 12 + 16 * i)
            if tag == b"name":
                break
        else:
            return None
        count, strings = struct.unpack_from(">HH", data, offset + 2)
        names = {}
        for i in range(count):
            platform, _, _, name_id, length, where = struct.unpack_from(
                ">6H", data, offset + 6 + 12 * i)
            raw = data[offset + strings + where:offset + strings + where + length]
            if name_id in (1, 16) and platform in (0, 3):
                names.setdefault(name_id, raw.decode("utf-16-be", "replace"))
            elif name_id in (1, 16) and platform == 1:
                names.setdefault(name_id, raw.decode("latin-1"))
        return names.get(1) or names.get(16)  # Word lists faces by the legacy family
    except (struct.error, IndexError):
        return None


def _ensure_styles(styles, specs: tuple[StyleSpec, ...]) -> dict[str, str]:
    by_name = {style.name.lower(): style for style in styles if style.name}
    taken = {style.style_id for style in styles}
    added = []
    for spec in specs:
        if spec.name.lower() not in by_name:
            style = _add_style(styles, spec, by_name, taken)
            by_name[spec.name.lower()] = style
            taken.add(style.style_id)
            added.append((spec, style))
    for spec, style in added:
        following = by_name.get((spec.next or "").lower())
        if following is not None and following.type == style.type:
            style.next_paragraph_style = following
    ids = {spec.name: by_name[spec.name.lower()].style_id for spec in specs}
    normal = by_name.get("normal")
    ids["Normal"] = normal.style_id if normal is not None else "Normal"
    return ids


def _add_style(styles, spec: StyleSpec, by_name: dict, taken: set):
    style = styles.add_style(spec.name, _KINDS[spec.kind], builtin=spec.builtin)
    style_id = "".join(word[:1].upper() + word[1:] for word in spec.name.split())
    style.style_id = style_id if style_id not in taken else style_id + "Press"
    base = by_name.get((spec.base or "").lower())
    if base is not None and base.type == style.type:
        style.base_style = base
    style.quick_style = spec.kind != "table"
    font = style.font
    if spec.font:
        font.name = spec.font
    if spec.size:
        font.size = Pt(spec.size)
    for attr in ("bold", "italic", "underline", "superscript"):
        if getattr(spec, attr) is not None:
            setattr(font, attr, getattr(spec, attr))
    if spec.caps is not None:
        font.all_caps = spec.caps
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.letter_spacing:
        _ooxml.style_character_spacing(style.element.get_or_add_rPr(),
                                       int(spec.letter_spacing * 20))
    _ooxml.style_complex_script(style.element.get_or_add_rPr())
    if spec.kind == "table":
        _ooxml.table_style_rules(style.element, "404040", "BFBFBF", "F2F2F2")
    if spec.kind != "paragraph":
        return style
    fmt = style.paragraph_format
    if spec.align:
        fmt.alignment = _ALIGN[spec.align]
    for attr, value in (("space_before", spec.before), ("space_after", spec.after),
                        ("left_indent", spec.left), ("right_indent", spec.right)):
        if value is not None:
            setattr(fmt, attr, Pt(value))
    if spec.line is not None:
        fmt.line_spacing = spec.line
    if spec.keep_next:
        fmt.keep_with_next = True
    if spec.keep_lines:
        fmt.keep_together = True
    if spec.border or spec.shading or spec.contextual or spec.outline is not None:
        _ooxml.style_paragraph_extras(
            style.element.get_or_add_pPr(),
            border=spec.border,
            shading=spec.shading, contextual=spec.contextual, outline=spec.outline)
    return style


def _ensure_list_definitions(document_part) -> tuple[int, int]:
    try:
        numbering = document_part.part_related_by(RT.NUMBERING)
    except KeyError:
        numbering = NumberingPart.load(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                                       _ooxml.numbering_part_xml(), document_part.package)
        document_part.relate_to(numbering, RT.NUMBERING)
    element = numbering.element
    used = [int(v) for v in element.xpath("./w:abstractNum/@w:abstractNumId")]
    bullets = max(used, default=0) + 1
    numbers = bullets + 1
    _ooxml.add_abstract_num(element, _ooxml.abstract_num(
        bullets, (("bullet", "\u2022"), ("bullet", "\u2013"), ("bullet", "\u25aa")),
        LIST_INDENT, LIST_HANGING))
    _ooxml.add_abstract_num(element, _ooxml.abstract_num(
        numbers, (("decimal", "#."), ("lowerLetter", "#."), ("lowerRoman", "#.")),
        LIST_INDENT, LIST_HANGING))
    return bullets, numbers

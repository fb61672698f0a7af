"""The OOXML that python-docx has no API for, built as text in this one place.

Runs, paragraphs, tables, hyperlinks, PAGE/NUMPAGES fields, list numbering,
footnotes, pictures with alt text, the parts of the bare built-in template and
what python-docx cannot set on a style.  (The package around these parts —
properties and the zip — is :mod:`._package`.)
The builder produces a release's body as one string through these functions,
spliced unparsed into ``word/document.xml`` (:func:`document_xml`): building
it node by node through python-docx costs about a microsecond per character
(see notes/performance-traps.md).

Every function escapes the text it is given; characters XML forbids are
removed from the finished XML by a :class:`Scrubber`.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Iterable, Sequence

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from lxml import etree

from ..._bidi import base_level, has_ltr, has_rtl
from ..._regex_cache import cached_compile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: the prefixes the generated body uses; the document element must declare them
BODY_NAMESPACES = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}
NAMESPACES = " ".join('xmlns:%s="%s"' % item for item in BODY_NAMESPACES.items())
DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
EMU_PER_TWIP = 635
_TEXT = cached_compile(r"<w:t[ >][^<]*")  # a run's text, after its tag
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"

_FORBIDDEN = cached_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Scrubber:
    """Removes the characters XML 1.0 cannot hold (NUL, most controls, U+FFFE ...), counting them.

    One scrubber serves a whole document, so the user gets one warning, not one per run.
    """

    def __init__(self) -> None:
        self.removed = 0  #: characters removed so far

    def __call__(self, text: str) -> str:
        if _FORBIDDEN.search(text) is None:
            return text
        text, count = _FORBIDDEN.subn("", text)
        self.removed += count
        return text


def esc(text: str) -> str:
    """``text`` escaped for element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(text: str) -> str:
    """``text`` escaped for a double-quoted attribute."""
    return esc(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


# ------------------------------------------------------------------ runs


def rpr(style: str | None = None, bold: bool = False, italic: bool = False,
        strike: bool = False, underline: bool = False, vert: str | None = None) -> str:
    """Run properties in schema order; ``vert`` is "superscript" or "subscript"."""
    parts = []
    if style:
        parts.append('<w:rStyle w:val="%s"/>' % attr(style))
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if strike:
        parts.append("<w:strike/>")
    if underline:
        parts.append('<w:u w:val="single"/>')
    if vert:
        parts.append('<w:vertAlign w:val="%s"/>' % vert)
    return "<w:rPr>%s</w:rPr>" % "".join(parts) if parts else ""


_T_OPEN = '<w:t xml:space="preserve">'


def run(text: str, props: str = "") -> str:
    """A run of text; tabs and newlines become Word tabs and line breaks.

    A run of right-to-left letters (and neutrals) is marked ``w:rtl``, so that Word
    shapes and orders it with its complex-script font and rules.
    """
    if has_rtl(text) and not has_ltr(text):
        props = props.replace("</w:rPr>", "<w:rtl/></w:rPr>") if props else "<w:rPr><w:rtl/></w:rPr>"
    body = esc(text)
    if "\t" in body or "\n" in body:
        body = (body.replace("\t", "</w:t><w:tab/>" + _T_OPEN)
                .replace("\n", "</w:t><w:br/>" + _T_OPEN))
    return "<w:r>%s%s%s</w:t></w:r>" % (props, _T_OPEN, body)


def line_break(props: str = "") -> str:
    """A hard line break inside a paragraph."""
    return "<w:r>%s<w:br/></w:r>" % props


def hyperlink(rel_id: str, content: str, tooltip: str | None = None) -> str:
    """A clickable link around runs; ``rel_id`` names an external relationship."""
    tip = ' w:tooltip="%s"' % attr(tooltip) if tooltip else ""
    return '<w:hyperlink r:id="%s"%s w:history="1">%s</w:hyperlink>' % (rel_id, tip, content)


def field(instruction: str, shown: str, props: str = "") -> str:
    """A complex field such as PAGE; ``shown`` is the cached result until Word updates it."""
    return ('<w:r>{p}<w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r>{p}<w:instrText xml:space="preserve"> {i} </w:instrText></w:r>'
            '<w:r>{p}<w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r>{p}<w:t>{s}</w:t></w:r>'
            '<w:r>{p}<w:fldChar w:fldCharType="end"/></w:r>').format(
                p=props, i=esc(instruction), s=esc(shown))


def page_x_of_y(style: str | None, page: str, of: str, text: str | None = None,
                width: int = 0) -> str:
    """The footer paragraph ``Page X of Y`` with real PAGE and NUMPAGES fields.

    With ``text``, the text stands at the left and the page numbers at a right
    tab stop ``width`` twips along.
    """
    numbers = run(page + " ") + field("PAGE", "1") + run(" %s " % of) + field("NUMPAGES", "1")
    if not text:
        return paragraph(numbers, style)
    # Word's own Footer style has centre tabs (A4, Letter) a single tab would stop at
    return ('<w:p><w:pPr><w:pStyle w:val="%s"/><w:tabs><w:tab w:val="clear" w:pos="4513"/>'
            '<w:tab w:val="clear" w:pos="4680"/><w:tab w:val="right" w:pos="%d"/></w:tabs>'
            '<w:jc w:val="left"/></w:pPr>%s<w:r><w:tab/></w:r>%s</w:p>'
            % (attr(style or ""), width, run(text), numbers))


def footnote_reference(footnote_id: int, style: str | None) -> str:
    """The superscript mark in the text that points to a footnote."""
    return '<w:r>%s<w:footnoteReference w:id="%d"/></w:r>' % (rpr(style), footnote_id)


def footnote_mark(style: str | None) -> str:
    """The footnote's own number at the start of its text, and a space after it."""
    return '<w:r>%s<w:footnoteRef/></w:r>' % rpr(style) + run(" ")


def picture(rel_id: str, cx: int, cy: int, shape_id: int, filename: str,
            descr: str, title: str | None = None) -> str:
    """An inline picture run; ``descr`` is the alt text screen readers announce."""
    title_attr = ' title="%s"' % attr(title) if title else ""
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:docPr id="{id}" name="Picture {id}" descr="{descr}"{title}/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{descr}"/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    ).format(cx=cx, cy=cy, id=shape_id, descr=attr(descr), title=title_attr,
             name=attr(filename), rid=rel_id)


# ------------------------------------------------------------ paragraphs


def paragraph(content: str, style: str | None = None, *, num: tuple[int, int] | None = None,
              jc: str | None = None, indent: int | None = None, space_after: int | None = None,
              contextual: bool | None = None) -> str:
    """A paragraph; ``num`` is (numId, level), ``indent`` and ``space_after`` in twips."""
    ppr = []
    if style:
        ppr.append('<w:pStyle w:val="%s"/>' % attr(style))
    if num:
        ppr.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>'
                   % (num[1], num[0]))
    if has_rtl(content) and base_level("".join(t.partition(">")[2] for t in _TEXT.findall(content))):
        ppr.append("<w:bidi/>")  # starts in a right-to-left script: laid out from the right
    if space_after is not None:
        ppr.append('<w:spacing w:after="%d"/>' % space_after)
    if indent is not None:
        ppr.append('<w:ind w:left="%d"/>' % indent)
    if contextual is not None:
        ppr.append('<w:contextualSpacing w:val="%d"/>' % contextual)
    if jc:
        ppr.append('<w:jc w:val="%s"/>' % jc)
    if ppr:
        return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % ("".join(ppr), content)
    return "<w:p>%s</w:p>" % content


def table(style: str | None, widths: Sequence[int], rows: Iterable[str]) -> str:
    """A full-width table; ``widths`` are the column widths in twips."""
    style_xml = '<w:tblStyle w:val="%s"/>' % attr(style) if style else ""
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
    return ('<w:tbl><w:tblPr>%s<w:tblW w:w="5000" w:type="pct"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            '<w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (style_xml, grid, "".join(rows)))


def table_row(cells: Iterable[str], header: bool = False) -> str:
    """A row; a header row repeats on every page the table spans."""
    props = "<w:cantSplit/><w:tblHeader/>" if header else "<w:cantSplit/>"
    return "<w:tr><w:trPr>%s</w:trPr>%s</w:tr>" % (props, "".join(cells))


def table_cell(width: int, content: str) -> str:
    """A cell ``width`` twips wide holding paragraphs."""
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (width, content)


def parse_blocks(xml: str) -> list:
    """The block elements of a small fragment (a header, a footer), parsed with python-docx."""
    return list(parse_xml("<w:body %s>%s</w:body>" % (NAMESPACES, xml)))


_BODY_MARK = "pressconv-body"


def document_xml(document, body_xml: str) -> bytes:
    """``word/document.xml``: the template's document element with the body text spliced in.

    The body is never parsed: lxml moves a parsed subtree into another tree in
    time quadratic in its size (a 10,000-row table took 19 s), and skipping the
    parse and re-serialisation also saves time on every release.  A template
    whose document element lacks a prefix the body uses gets it declared; one
    that binds such a prefix to another namespace is refused (ValueError).
    """
    nsmap = document.nsmap
    clash = [p for p, uri in BODY_NAMESPACES.items() if nsmap.get(p, uri) != uri]
    if clash:
        raise ValueError("its document binds the prefix %r to another namespace" % clash[0])
    if len(nsmap.keys() & BODY_NAMESPACES.keys()) < len(BODY_NAMESPACES):
        copy = etree.Element(document.tag, dict(document.attrib), nsmap={**BODY_NAMESPACES, **nsmap})
        copy.extend(deepcopy(child) for child in document)
        document = copy
    body = document.find("{%s}body" % W)
    return spliced(document, body, body.find("{%s}sectPr" % W), body_xml)


def spliced(root, parent, before, xml: str) -> bytes:
    """``root`` serialised as its part is, with the text ``xml`` standing unparsed
    before ``before``, a child of ``parent`` (at the end of ``parent`` if None)."""
    mark = etree.Comment(_BODY_MARK)
    if before is not None:
        before.addprevious(mark)
    else:
        parent.append(mark)
    serialised = etree.tostring(root, encoding="UTF-8", standalone=True)
    parent.remove(mark)
    return serialised.replace(b"<!--%s-->" % _BODY_MARK.encode(), xml.encode("utf-8"), 1)


# -------------------------------------------------------------- numbering


def abstract_num(abstract_id: int, formats: Sequence[tuple[str, str]], indent: int,
                 hanging: int) -> str:
    """A nine-level list definition; ``formats`` are (numFmt, lvlText) pairs, cycled."""
    levels = []
    for level in range(9):
        fmt, text = formats[level % len(formats)]
        levels.append(
            '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>'
            % (level, fmt, attr(text.replace("#", "%%%d" % (level + 1))),
               indent * (level + 1), hanging))
    return ('<w:abstractNum %s w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>'
            '%s</w:abstractNum>' % (NAMESPACES, abstract_id, "".join(levels)))


def add_abstract_num(numbering, xml: str) -> None:
    """Put a parsed ``w:abstractNum`` before the first ``w:num``, where the schema wants it."""
    element = parse_xml(xml)
    nums = numbering.findall("{%s}num" % W)
    if nums:
        nums[0].addprevious(element)
    else:
        numbering.append(element)


def num(num_id: int, abstract_id: int, level: int, start: int, declare: bool = False) -> str:
    """A list instance (``w:num``) of ``abstract_id`` restarting at ``start`` on ``level``;
    ``declare`` binds the ``w`` prefix on it, for a numbering part that does not."""
    return ('<w:num%s w:numId="%d"><w:abstractNumId w:val="%d"/>'
            '<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>'
            % (' xmlns:w="%s"' % W if declare else "", num_id, abstract_id, level, start))


def numbering_part_xml() -> bytes:
    """An empty numbering part, for a reference document that has none."""
    return (DECLARATION + "<w:numbering %s/>" % NAMESPACES).encode()


# -------------------------------------------------------------- footnotes

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote>'
)


#: what may follow w:footnotePr in settings.xml, in schema order
_SETTINGS_AFTER_FOOTNOTE_PR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator")


class FootnotesPart(Part):
    """``word/footnotes.xml``; its XML is set once the text has been walked."""

    xml = b""

    @property
    def blob(self) -> bytes:
        return self.xml


def add_footnotes_part(document_part, relations) -> FootnotesPart:
    """A fresh footnotes part for the document, replacing any the template brought;
    ``relations`` are the document part's (an :class:`._ids.Relations`)."""
    relations.drop(RT.FOOTNOTES)
    part = FootnotesPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, None,
                         document_part.package)
    relations.relate(part, RT.FOOTNOTES)
    settings = document_part.settings.element
    if settings.find("{%s}footnotePr" % W) is None:
        settings.insert_element_before(
            parse_xml('<w:footnotePr %s><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
                      '</w:footnotePr>' % NAMESPACES),
            *_SETTINGS_AFTER_FOOTNOTE_PR)
    return part


def footnotes_xml(notes: Iterable[tuple[int, str]]) -> bytes:
    """The footnotes part: the two separators, then each (id, paragraphs) note."""
    body = "".join('<w:footnote w:id="%d">%s</w:footnote>' % note for note in notes)
    return (DECLARATION + "<w:footnotes %s>%s%s</w:footnotes>"
            % (NAMESPACES, _SEPARATORS, body)).encode()


# ------------------------------------------------------ the bare template

_BASE_STYLES = (
    '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
    '<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr>'
    '</w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    '<w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" '
    'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '</w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style></w:styles>'
) % NAMESPACES

# A4 with 2.5 cm side margins; the text is 9070 twips (16 cm) wide.
_BASE_DOCUMENT = (
    '<w:document %s><w:body><w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1304" w:right="1418" w:bottom="1304" w:left="1418" w:header="567" '
    'w:footer="567" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/>'
    '</w:sectPr></w:body></w:document>'
) % NAMESPACES

_BASE_SETTINGS = (
    '<w:settings %s><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
    'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '</w:compat></w:settings>'
) % NAMESPACES


def base_parts() -> list[tuple[str, tuple[str, str]]]:
    """The Word parts of the smallest template: one empty A4 section, a few styles, no lists."""
    return [
        ("/word/document.xml", (CT.WML_DOCUMENT_MAIN, _BASE_DOCUMENT)),
        ("/word/styles.xml", (CT.WML_STYLES, _BASE_STYLES)),
        ("/word/settings.xml", (CT.WML_SETTINGS, _BASE_SETTINGS)),
        ("/word/numbering.xml", (CT.WML_NUMBERING, "<w:numbering %s/>" % NAMESPACES)),
    ]


# ----------------------------------------------------------------- styles

_PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange").split()
_RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split()


def _insert(parent, xml: str, order: Sequence[str]) -> None:
    element = parse_xml(xml)
    tag = element.tag.rpartition("}")[2]
    later = ["w:" + name for name in order[order.index(tag) + 1:]]
    old = parent.find(element.tag)
    if old is not None:
        parent.remove(old)
    parent.insert_element_before(element, *later)


def style_paragraph_extras(ppr, *, border: tuple[str, str] | None = None,
                           shading: str | None = None, contextual: bool = False,
                           outline: int | None = None) -> None:
    """What python-docx cannot set on a paragraph style: a rule, shading, outline level."""
    if border:
        side, color = border
        _insert(ppr, '<w:pBdr %s><w:%s w:val="single" w:sz="%d" w:space="%d" w:color="%s"/>'
                '</w:pBdr>' % (NAMESPACES, side, 18 if side == "left" else 6,
                               8 if side == "left" else 1, color), _PPR_ORDER)
    if shading:
        _insert(ppr, '<w:shd %s w:val="clear" w:color="auto" w:fill="%s"/>' % (NAMESPACES, shading),
                _PPR_ORDER)
    if contextual:
        _insert(ppr, "<w:contextualSpacing %s/>" % NAMESPACES, _PPR_ORDER)
    if outline is not None:
        _insert(ppr, '<w:outlineLvl %s w:val="%d"/>' % (NAMESPACES, outline), _PPR_ORDER)


def style_complex_script(rpr) -> None:
    """The complex-script twins of a style's font, size, bold and italic (``w:cs``,
    ``szCs``, ``bCs``, ``iCs``): what Word applies to Arabic and Hebrew runs."""
    qn = "{%s}" % W
    fonts = rpr.find(qn + "rFonts")
    if fonts is not None and fonts.get(qn + "ascii"):
        fonts.set(qn + "cs", fonts.get(qn + "ascii"))
    size = rpr.find(qn + "sz")
    if size is not None:
        _insert(rpr, '<w:szCs %s w:val="%s"/>' % (NAMESPACES, size.get(qn + "val")), _RPR_ORDER)
    for plain, complex_ in (("b", "bCs"), ("i", "iCs")):
        flag = rpr.find(qn + plain)
        if flag is not None:
            value = flag.get(qn + "val")
            _insert(rpr, "<w:%s %s%s/>" % (complex_, NAMESPACES, ' w:val="%s"' % value if value else ""),
                    _RPR_ORDER)


def style_character_spacing(rpr, twips: int) -> None:
    """Letter-spacing for a style, in twentieths of a point."""
    _insert(rpr, '<w:spacing %s w:val="%d"/>' % (NAMESPACES, twips), _RPR_ORDER)


def table_style_rules(style, rule: str, light: str, head_fill: str) -> None:
    """A table style with rules above and below, light lines between rows, a shaded header."""
    style.append(parse_xml(
        '<w:tblPr {ns}><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="{r}"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{r}"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="{l}"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr>'.format(ns=NAMESPACES, r=rule, l=light)))
    style.append(parse_xml(
        '<w:tblStylePr {ns} w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:tcBorders>'
        '<w:bottom w:val="single" w:sz="8" w:space="0" w:color="{r}"/></w:tcBorders>'
        '<w:shd w:val="clear" w:color="auto" w:fill="{f}"/></w:tcPr></w:tblStylePr>'.format(
            ns=NAMESPACES, r=rule, f=head_fill)))


def set_language(styles, tag: str) -> None:
    """The document's default proofing language, in the style defaults."""
    lang = styles.find("{%s}docDefaults/{%s}rPrDefault/{%s}rPr/{%s}lang" % (W, W, W, W))
    if lang is not None:
        lang.set("{%s}val" % W, tag)
        return
    rpr = styles.find("{%s}docDefaults/{%s}rPrDefault/{%s}rPr" % (W, W, W))
    if rpr is not None:
        _insert(rpr, '<w:lang %s w:val="%s"/>' % (NAMESPACES, attr(tag)), _RPR_ORDER)

"""The DOCX writer: a Word file with press styles, real lists, links, fields and footnotes."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Inches, Pt, RGBColor
from lxml import etree

from pressconv.errors import ConfigError
from pressconv.model import (
    BulletList, Contact, Dateline, Document, Figure, FootnoteDefinition, FootnoteRef, Heading,
    Image, Link, ListItem, OrderedList, Paragraph, Quote, QuotedSpeech, ReleaseLine, Table,
    TableCell, Text,
)
from pressconv.resources import WriteContext
from pressconv.writers import get_writer, registry
from pressconv.writers.docx import DocxWriter
from sample_documents import EVERY_NODE_WORDS, every_node_document, para

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
GOLDEN = Path(__file__).parent / "golden"
SEED = Path(__file__).parent.parent / "fixtures" / "osce-unoct.md"
UPDATE_GOLDEN = os.environ.get("PRESSCONV_UPDATE_GOLDEN") == "1"

PRESS_STYLES = ("Headline", "Subheadline", "Dateline", "Release Line", "Quote",
                "Quote Attribution", "Quotation", "Contacts Heading", "Contact", "Boilerplate",
                "End Mark", "Heading 1", "Heading 2", "Code", "Hyperlink")


# ------------------------------------------------------------------ helpers


def write(document: Document, **options) -> tuple[bytes, WriteContext]:
    base_dir = options.pop("base_dir", None)
    context = WriteContext(base_dir=base_dir, deterministic=options.pop("deterministic", True),
                           options=options)
    return DocxWriter().write(document, context), context


def reopen(data: bytes):
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def all_text(data: bytes) -> str:
    """What a reader finds: body paragraphs, table cells, headers, footers and footnotes."""
    document = reopen(data)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" in package.namelist():
            notes = etree.fromstring(package.read("word/footnotes.xml"))
            parts.extend("".join(p.itertext()) for p in notes.iter(W + "p"))
    return "\n".join(parts)


def paragraph_with(document, text: str):
    return next(p for p in document.paragraphs if text in p.text)


def png(width: int = 40, height: int = 20) -> bytes:
    """A small valid PNG, made without an imaging library."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def seed_document() -> Document:
    """The reference release (osce-unoct.md) as the recognisers find it, built by hand."""
    speech = QuotedSpeech((Text(
        "\u201cFrom the outset, both organizations have worked in tandem in the field of "
        "preventing and countering terrorism. The signing of this Memorandum marks an important "
        "milestone in strengthening our co-operation and joint actions,\u201d"),), 0)
    speech2 = QuotedSpeech((Text(
        "\u201cWe look forward to reinforcing our collaboration by launching and implementing "
        "joint projects for the benefit of our stakeholders.\u201d"),), 1)
    speech3 = QuotedSpeech((Text(
        "\u201cWe now need to focus on the practical implementation of the Memorandum of "
        "Understanding that was just signed to deliver real impact on the ground together.\u201d"),), 2)
    body = (
        para("OSCE Secretary General Thomas Greminger and UN Under-Secretary-General and Head of "
             "the United Nations Counter-Terrorism Office (UNOCT) Vladimir Voronkov today agreed to "
             "strengthen co-operation between the two organizations in addressing key challenges "
             "and supporting international efforts related to preventing and countering terrorism."),
        para("In the Memorandum of Understanding signed by Greminger and Voronkov in Vienna today, "
             "the OSCE and the UNOCT agreed, in line with their mandates, to explore and enhance "
             "cooperation on shared priority areas."),
        Paragraph((speech, Text(" said Greminger. "), speech2)),
        Paragraph((Text("Voronkov emphasized that one of the top priorities of the UN is to "
                        "strengthen international counter-terrorism co-operation. Stressing that the "
                        "OSCE is a vital regional partner for the UN, he said that, "), speech3)),
        para("The two organizations plan to elaborate joint activities in a forthcoming biennial "
             "action plan."),
    )
    return Document(
        body=body,
        headline="OSCE and UN Counter-Terrorism Office to work together in strengthening "
                 "international efforts to prevent and counter terrorism",
        dateline=Dateline("Vienna, 4 October 2018", "Vienna", "2018-10-04", lead=0),
        quotes=(Quote("From the outset ...", "Thomas Greminger", "OSCE Secretary General"),
                Quote("We look forward ...", "Thomas Greminger", "OSCE Secretary General"),
                Quote("We now need ...", "Vladimir Voronkov")),
        contacts=(Contact(organization="Communication and Media Relations Section, OSCE Secretariat",
                          phone="+ 43 676 71 74 592", email="press@osce.org"),
                  Contact(name="Laurence Gerard", organization="United Nations Office of "
                          "Counter-Terrorism, New York", email="gerardl@un.org")),
        contacts_heading="For more information, please contact:",
        end_mark="*****",
        language="en",
    )


def pretty(xml: bytes) -> str:
    return etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE_GOLDEN or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE_GOLDEN:
            pytest.fail("golden file %s was missing and has been written; check it in" % path.name)
    assert text == path.read_text(encoding="utf-8"), (
        "%s differs; rerun with PRESSCONV_UPDATE_GOLDEN=1 if the change is intended" % path.name)


# ------------------------------------------------------------ registration


def test_the_writer_is_registered_as_docx_and_word_for_docx_files():
    assert isinstance(get_writer("docx"), DocxWriter)
    assert isinstance(get_writer("word"), DocxWriter)
    assert isinstance(registry.for_path("release.DOCX"), DocxWriter)
    assert DocxWriter.binary and DocxWriter.suffixes == (".docx",)


# --------------------------------------------------------- every node type


def test_every_node_word_survives_in_body_tables_and_footnotes():
    data, context = write(every_node_document())
    text = all_text(data)
    missing = [word for word in EVERY_NODE_WORDS if word not in text]
    assert not missing, "words lost: %r" % missing
    # no folder to read images from: both pictures become placeholders, each with a warning
    assert [("pic.png" in m.text, "missing.png" in m.text) for m in context.warnings] == [
        (True, False), (False, True)]


def test_the_press_layout_comes_in_the_canonical_order_with_named_styles():
    document = reopen(write(every_node_document())[0])
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    names = [name for name, _ in styled]
    assert styled[0] == ("Release Line", "EMBARGOED UNTIL 09:00 CET, 5 May 2021")
    assert styled[1] == ("Headline", "Headline ten")
    assert styled[2] == ("Subheadline", "Subheadline eleven")
    assert styled[3][1].startswith("VIENNA, 4 October 2018 \u2013 lima")
    order = [names.index(n) for n in ("Boilerplate Heading", "End Mark", "Contacts Heading")]
    assert order == sorted(order)
    assert ("Heading 2", "mike section") in styled
    assert ("Quote", "quebec block quote") in styled
    assert ("Quote Attribution", "\u2014 Romeo Sierra, Chief") in styled
    assert ("Boilerplate", "fourteen boilerplate") in styled
    assert ("End Mark", "###") in styled


def test_every_press_style_exists_and_headline_is_built_on_title():
    document = reopen(write(every_node_document())[0])
    names = {style.name for style in document.styles}
    assert set(PRESS_STYLES) <= names
    assert document.styles["Headline"].base_style.name == "Title"
    assert document.styles["Dateline"].type == 2  # character style
    assert document.styles["Quotation"].type == 2


def test_headings_keep_words_heading_styles_with_outline_levels():
    body = tuple(Heading(level, (Text("level %d" % level),)) for level in (1, 3, 6))
    word = reopen(write(Document(body=body))[0])
    for level in (1, 3, 6):
        style = paragraph_with(word, "level %d" % level).style
        assert style.name == "Heading %d" % level
        outline = style.element.find("w:pPr/w:outlineLvl", NS)
        assert int(outline.get(W + "val")) == level - 1


def test_the_dateline_run_and_quoted_speech_get_their_character_styles():
    document = reopen(write(every_node_document())[0])
    lead = paragraph_with(document, "lima")
    assert lead.runs[0].style.name == "Dateline" and lead.runs[0].text == "VIENNA, 4 October 2018"
    assert lead.runs[1].text == " \u2013 "
    speech = paragraph_with(document, "november")
    assert speech.runs[0].style.name == "Quotation"
    assert speech.runs[0].text == "\u201cnovember speech,\u201d"


def test_a_dateline_without_a_lead_paragraph_stands_on_its_own_line():
    document = Document(body=(para("First paragraph."),), headline="H",
                        dateline=Dateline("BERLIN, 3 March 2021", lead=None))
    paragraphs = [p for p in reopen(write(document)[0]).paragraphs if p.text]
    assert paragraphs[1].text == "BERLIN, 3 March 2021"
    assert paragraphs[1].runs[0].style.name == "Dateline"
    assert paragraphs[2].text == "First paragraph."


def test_inline_formatting_becomes_word_run_properties():
    document = reopen(write(every_node_document())[0])
    runs = {r.text: r for r in paragraph_with(document, "alpha").runs}
    assert runs["bravo"].italic and runs["charlie"].bold and runs["delta"].underline
    assert runs["echo"].font.strike
    assert runs["2"].font.subscript or runs["2"].font.superscript
    assert runs["foxtrot()"].style.name == "Code Char"


def test_a_line_break_is_a_word_break_and_a_soft_break_a_space():
    document = reopen(write(every_node_document())[0])
    assert "golf hotel\nindia" in paragraph_with(document, "alpha").text


def test_code_blocks_keep_their_lines_and_indentation_in_a_monospace_style():
    document = reopen(write(every_node_document())[0])
    code = paragraph_with(document, "five")
    assert code.style.name == "Code" and code.text == "print('five')\n    six"
    assert code.style.font.name == "Courier New"


def test_a_thematic_break_is_a_ruled_paragraph():
    document = reopen(write(every_node_document())[0])
    rule = next(p for p in document.paragraphs if p.style.name == "Thematic Break")
    assert rule.style.element.find("w:pPr/w:pBdr/w:bottom", NS) is not None


def test_contacts_get_bold_names_and_a_clickable_mailto_link():
    data, _ = write(every_node_document())
    contact = paragraph_with(reopen(data), "Twelve Person")
    assert contact.style.name == "Contact"
    assert contact.runs[0].bold and contact.runs[0].text == "Twelve Person"
    assert contact.text.split("\n") == ["Twelve Person", "Press officer", "Thirteen Org",
                                        "+43 1 234 5678", "press@thirteen.example",
                                        "https://thirteen.example"]
    links = {link.url: link.text for link in contact.hyperlinks}
    assert links["mailto:press@thirteen.example"] == "press@thirteen.example"


# ----------------------------------------------------------------- links


def test_links_are_clickable_through_external_relationships():
    data, _ = write(every_node_document())
    document = reopen(data)
    link = paragraph_with(document, "alpha").hyperlinks[0]
    assert link.text == "golf" and link.url == "https://example.org/golf"
    rel = document.part.rels[link._hyperlink.rId]
    assert rel.is_external and rel.reltype == RT.HYPERLINK
    assert link.runs[0].style.name == "Hyperlink"


def test_a_link_to_an_anchor_keeps_its_text_without_a_dead_link():
    document = Document(body=(Paragraph((Link((Text("see below"),), "#details"),)),))
    paragraph = reopen(write(document)[0]).paragraphs[0]
    assert paragraph.text == "see below" and paragraph.hyperlinks == []


# ----------------------------------------------------------------- lists


def numbering_of(paragraph) -> tuple[int, int] | None:
    num = paragraph._p.find("w:pPr/w:numPr", NS)
    if num is None:
        return None
    return (int(num.find("w:numId", NS).get(W + "val")), int(num.find("w:ilvl", NS).get(W + "val")))


def test_nested_lists_use_word_numbering_levels():
    document = reopen(write(every_node_document())[0])
    tango, uniform = paragraph_with(document, "tango"), paragraph_with(document, "uniform")
    assert numbering_of(tango)[1] == 0 and numbering_of(uniform)[1] == 1
    assert numbering_of(tango)[0] != numbering_of(uniform)[0]
    assert paragraph_with(document, "victor").text == "\u2612 victor"


def test_each_numbered_list_restarts_at_its_own_start():
    document = Document(body=(
        OrderedList((ListItem((para("one a"),)), ListItem((para("one b"),))), start=3),
        para("between"),
        OrderedList((ListItem((para("two a"),)),)),
    ))
    data, _ = write(document)
    word = reopen(data)
    first, second = numbering_of(paragraph_with(word, "one a")), numbering_of(paragraph_with(word, "two a"))
    assert first[0] == numbering_of(paragraph_with(word, "one b"))[0] != second[0]
    numbering = part_xml(data, "word/numbering.xml")
    starts = {int(num.get(W + "numId")): int(num.find("w:lvlOverride/w:startOverride", NS).get(W + "val"))
              for num in numbering.findall("w:num", NS)}
    assert starts[first[0]] == 3 and starts[second[0]] == 1
    formats = {a.get(W + "abstractNumId"): a.find("w:lvl/w:numFmt", NS).get(W + "val")
               for a in numbering.findall("w:abstractNum", NS)}
    num_abstract = {int(n.get(W + "numId")): n.find("w:abstractNumId", NS).get(W + "val")
                    for n in numbering.findall("w:num", NS)}
    assert formats[num_abstract[first[0]]] == "decimal"


def test_a_second_paragraph_in_a_list_item_is_indented_without_a_number():
    document = Document(body=(BulletList((ListItem((para("item"), para("more text"))),)),))
    word = reopen(write(document)[0])
    more = paragraph_with(word, "more text")
    assert numbering_of(more) is None and more.paragraph_format.left_indent > 0


# ---------------------------------------------------------------- tables


def test_tables_have_a_repeating_header_row_and_column_alignment():
    document = reopen(write(every_node_document())[0])
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["yankee", "zulu"]
    assert [c.text for c in table.rows[2].cells] == ["three", "four"]
    assert table.rows[0]._tr.find("w:trPr/w:tblHeader", NS) is not None
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Table Heading"
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right
    assert table.style.name == "Press Table"


def test_ragged_table_rows_are_padded_with_empty_cells():
    table = Table(header=(TableCell((Text("a"),)), TableCell((Text("b"),))),
                  rows=((TableCell((Text("only"),)),),))
    word = reopen(write(Document(body=(table,)))[0])
    assert [c.text for c in word.tables[0].rows[1].cells] == ["only", ""]


# ------------------------------------------------------------- footnotes


def test_footnotes_are_real_word_footnotes():
    data, _ = write(every_node_document())
    body = part_xml(data, "word/document.xml")
    ref = body.find(".//w:footnoteReference", NS)
    notes = part_xml(data, "word/footnotes.xml")
    note = notes.find("w:footnote[@w:id='%s']" % ref.get(W + "id"), NS)
    assert "nine footnote" in "".join(note.itertext())
    assert note.find(".//w:footnoteRef", NS) is not None
    assert notes.find("w:footnote[@w:type='separator']", NS) is not None
    settings = part_xml(data, "word/settings.xml")
    assert settings.find("w:footnotePr", NS) is not None


def test_a_footnote_reference_without_text_is_shown_as_its_label_with_a_warning():
    data, context = write(Document(body=(Paragraph((Text("claim"), FootnoteRef("x"))),)))
    assert "claim[x]" in all_text(data)
    assert any("[^x]" in m.text for m in context.warnings)


def test_a_footnote_nobody_refers_to_is_kept_as_a_note():
    document = Document(body=(para("text"), FootnoteDefinition("n", (para("orphan note"),))))
    assert "[n] orphan note" in all_text(write(document)[0])


def test_links_inside_footnotes_are_related_from_the_footnotes_part():
    note = FootnoteDefinition("1", (Paragraph((Link((Text("source"),), "https://example.org/s"),)),))
    data, _ = write(Document(body=(Paragraph((Text("x"), FootnoteRef("1"))), note)))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        rels = package.read("word/_rels/footnotes.xml.rels").decode()
    assert "https://example.org/s" in rels and 'TargetMode="External"' in rels


# ---------------------------------------------------------------- images


@pytest.fixture
def release_dir(tmp_path):
    folder = tmp_path / "release"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "chart.png").write_bytes(png())
    (folder / "notes.png").write_bytes(b"not a picture at all")
    (tmp_path / "outside.png").write_bytes(png())
    return folder


def figure_document(url: str) -> Document:
    return Document(body=(Figure(Image(url, "Bar chart of results", "Results 2021")),))


def test_an_image_in_the_release_folder_is_embedded_with_its_alt_text(release_dir):
    data, context = write(figure_document("img/chart.png"), base_dir=release_dir)
    assert context.warnings == []
    word = reopen(data)
    shape = word.inline_shapes[0]
    assert shape.width == Inches(40 / 72)
    doc_pr = word.element.body.find(".//{*}docPr")
    assert doc_pr.get("descr") == "Bar chart of results" and doc_pr.get("title") == "Results 2021"
    assert any(name.startswith("word/media/") for name in zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert paragraph_with(word, "Results 2021").style.name == "Caption"


def test_a_wide_image_is_scaled_to_the_text_width(release_dir):
    (release_dir / "wide.png").write_bytes(png(3000, 100))
    word = reopen(write(figure_document("wide.png"), base_dir=release_dir)[0])
    section = word.sections[0]
    assert word.inline_shapes[0].width <= section.page_width - section.left_margin - section.right_margin


@pytest.mark.parametrize("url, reason", [
    ("../outside.png", "outside"),
    ("/etc/hostname", "absolute"),
    ("file:///etc/passwd", "file: scheme"),
    ("https://example.org/chart.png", "remote"),
    ("img/absent.png", "not found"),
    ("notes.png", "not a PNG"),
])
def test_an_image_that_cannot_be_read_becomes_a_placeholder_with_a_warning(release_dir, url, reason):
    data, context = write(figure_document(url), base_dir=release_dir)
    assert "[Image: Bar chart of results]" in all_text(data)
    assert reopen(data).inline_shapes._inline_lst == []
    assert any(reason in m.text for m in context.warnings), context.warnings


# -------------------------------------------------------- header and footer


def field_codes(element) -> list[str]:
    return [t.text.strip() for t in element.iter(W + "instrText")]


def test_the_footer_says_page_x_of_y_with_real_fields():
    word = reopen(write(every_node_document())[0])
    footer = word.sections[0].footer
    assert field_codes(footer._element) == ["PAGE", "NUMPAGES"]
    assert footer.paragraphs[0].text == "Page 1 of 1"


def test_the_footer_speaks_the_release_language():
    footer = reopen(write(Document(body=(para("x"),), language="de-AT"))[0]).sections[0].footer
    assert footer.paragraphs[0].text == "Seite 1 von 1"


def test_a_running_header_text_can_be_given():
    word = reopen(write(every_node_document(), header_text="ACME Corp \u00b7 Press release")[0])
    header = word.sections[0].header
    assert header.paragraphs[0].text == "ACME Corp \u00b7 Press release"
    assert header.paragraphs[0].style.name == "Header"


def test_footer_text_stands_left_of_the_page_numbers():
    footer = reopen(write(every_node_document(), footer_text="ACME Corp \u00b7 press@acme.example")[0]
                    ).sections[0].footer
    assert footer.paragraphs[0].text == "ACME Corp \u00b7 press@acme.example\tPage 1 of 1"
    assert field_codes(footer._element) == ["PAGE", "NUMPAGES"]


# ------------------------------------------------------------ house style


def test_the_house_style_sets_fonts_sizes_colours_and_page_setup():
    data, _ = write(every_node_document(), font="Georgia", heading_font="Verdana", font_size=12,
                    text_color="#222222", accent_color="#0b5394", page_size="Letter",
                    margins=(36, 54, 36, 54))
    word = reopen(data)
    normal = word.styles["Normal"].font
    assert normal.name == "Georgia" and normal.size == Pt(12)
    assert normal.color.rgb == RGBColor(0x22, 0x22, 0x22)
    assert word.styles["Title"].font.name == "Verdana"
    assert word.styles["Heading 2"].font.color.rgb == RGBColor(0x0B, 0x53, 0x94)
    section = word.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    assert section.top_margin == Pt(36) and section.left_margin == Pt(54)
    table_width = sum(int(col.get(W + "w")) for col in word.element.body.iter(W + "gridCol"))
    assert table_width * 635 == section.page_width - section.left_margin - section.right_margin


def test_a_font_file_gives_its_family_name(tmp_path):
    fonts = sorted(Path("/usr/share/fonts").rglob("DejaVuSerif.ttf"))
    if not fonts:
        pytest.skip("no DejaVu Serif font file on this machine")
    word = reopen(write(every_node_document(), font=str(fonts[0]))[0])
    assert word.styles["Normal"].font.name == "DejaVu Serif"


def test_the_logo_stands_above_the_release_line(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(600, 100))
    data, context = write(every_node_document(), logo=str(logo))
    word = reopen(data)
    assert context.warnings == [w for w in context.warnings if "logo" not in w.text]
    first = word.paragraphs[0]
    assert first.style.name == "Logo" and first._p.find(".//{*}docPr").get("descr") == "Logo"
    assert word.inline_shapes[0].height <= Inches(18 / 25.4)
    assert word.paragraphs[1].style.name == "Release Line"


def test_a_logo_that_cannot_be_read_is_left_out_with_a_warning(tmp_path):
    data, context = write(every_node_document(), logo=str(tmp_path / "absent.png"))
    assert reopen(data).paragraphs[0].style.name == "Release Line"
    assert any("logo" in m.text for m in context.warnings)


# ------------------------------------------------------------ properties


def test_document_properties_come_from_the_release():
    document = every_node_document().replace(
        metadata={"author": "Jane Doe", "organization": "ACME", "keywords": ["launch", "rocket"]})
    data, _ = write(document)
    core = reopen(data).core_properties
    assert core.title == "Headline ten" and core.subject == "Subheadline eleven"
    assert core.author == "Jane Doe" and core.keywords == "launch, rocket"
    assert core.language == "en"
    assert core.created.isoformat().startswith("2018-10-04") and core.modified == core.created
    app = part_xml(data, "docProps/app.xml")
    assert app.findtext("{*}Company") == "ACME"
    styles = part_xml(data, "word/styles.xml")
    assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS).get(W + "val") == "en"


def test_the_embargo_is_a_custom_property():
    data, _ = write(every_node_document())
    custom = part_xml(data, "docProps/custom.xml")
    values = {p.get("name"): "".join(p.itertext()) for p in custom}
    assert values["Embargo"] == "true"
    assert values["Embargoed until"] == "2021-05-05T09:00:00+01:00"


def test_a_release_without_embargo_has_no_custom_properties():
    document = every_node_document().replace(release=ReleaseLine("FOR IMMEDIATE RELEASE"))
    with zipfile.ZipFile(io.BytesIO(write(document)[0])) as package:
        assert "docProps/custom.xml" not in package.namelist()


# ----------------------------------------------------------- determinism


def test_two_deterministic_writes_are_identical_bytes():
    first, _ = write(every_node_document())
    second, _ = write(every_node_document())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_the_document_xml_of_the_seed_matches_its_golden_copy():
    data, _ = write(seed_document())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        check_golden("docx_seed_document.xml", pretty(package.read("word/document.xml")))


def test_the_document_xml_of_the_parsed_seed_matches_its_golden_copy():
    import pressconv

    data, _ = write(pressconv.parse(SEED), base_dir=SEED.parent)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        check_golden("docx_osce_unoct_document.xml", pretty(package.read("word/document.xml")))


def test_the_document_xml_of_every_node_type_matches_its_golden_copy():
    data, _ = write(every_node_document())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        check_golden("docx_every_node_document.xml", pretty(package.read("word/document.xml")))


# ---------------------------------------------------------- bad characters


def test_characters_xml_forbids_are_removed_with_a_warning():
    document = Document(
        body=(Paragraph((Text("a\x00b\x01c\ufffe"), Link((Text("l\x02"),), "https://x.org/\x03"))),),
        headline="Head\x0bline", metadata={"author": "Jo\x1f"}, contacts=(Contact(name="N\x08"),))
    data, context = write(document)
    text = all_text(data)
    assert "abc" in text and "Headline" in text and "N" in text
    assert any("control character" in m.text for m in context.warnings)
    assert reopen(data).core_properties.author == "Jo"


# ------------------------------------------------------ reference template


@pytest.fixture
def reference_docx(tmp_path) -> Path:
    """A user's template: Letter landscape, Georgia, its own Quote style, a header, some text."""
    template = docx.Document()
    section = template.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    section.left_margin = section.right_margin = Inches(1.5)
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Quote"].font.color.rgb = RGBColor(0x99, 0x00, 0x00)
    template.styles["Title"].font.size = Pt(30)
    section.header.paragraphs[0].text = "ACME Corporation"
    template.add_paragraph("Text of the template that must not appear")
    template.core_properties.author = "Template Author"
    path = tmp_path / "house-style.docx"
    template.save(str(path))
    return path


def test_a_reference_docx_gives_its_page_setup_styles_and_header(reference_docx):
    data, context = write(every_node_document(), reference_docx=str(reference_docx))
    word = reopen(data)
    section = word.sections[0]
    assert section.page_width == Inches(11) and section.left_margin == Inches(1.5)
    assert section.header.paragraphs[0].text == "ACME Corporation"
    assert word.styles["Normal"].font.name == "Georgia"
    assert word.styles["Quote"].font.color.rgb == RGBColor(0x99, 0x00, 0x00)
    headline = word.styles["Headline"]
    assert headline.base_style.name == "Title" and headline.base_style.font.size == Pt(30)
    assert set(PRESS_STYLES) <= {s.name for s in word.styles}
    text = all_text(data)
    assert "Text of the template" not in text
    assert all(w in text for w in EVERY_NODE_WORDS)
    assert word.core_properties.author == "Thirteen Org"
    assert field_codes(section.footer._element) == ["PAGE", "NUMPAGES"]
    assert paragraph_with(word, "quebec").style.name == "Quote"


def test_a_reference_docx_footer_with_content_is_kept(tmp_path):
    template = docx.Document()
    template.sections[0].footer.paragraphs[0].text = "ACME Corp, 1 Road, Springfield"
    path = tmp_path / "footer.docx"
    template.save(str(path))
    footer = reopen(write(every_node_document(), reference_docx=str(path))[0]).sections[0].footer
    assert footer.paragraphs[0].text == "ACME Corp, 1 Road, Springfield"


def test_pictures_do_not_repeat_the_drawing_ids_of_a_reference_header(tmp_path):
    (tmp_path / "logo.png").write_bytes(png())
    template = docx.Document()
    template.sections[0].header.paragraphs[0].add_run().add_picture(str(tmp_path / "logo.png"))
    template.save(str(tmp_path / "ref.docx"))
    data, _ = write(figure_document("logo.png"), base_dir=tmp_path,
                    reference_docx=str(tmp_path / "ref.docx"))
    word = reopen(data)
    header_ids = {e.get("id") for e in word.sections[0].header._element.iter("{*}docPr")}
    body_ids = {e.get("id") for e in word.element.body.iter("{*}docPr")}
    assert header_ids and body_ids and not header_ids & body_ids
    # python-docx's own template does not declare the picture prefixes; the writer adds them
    assert {"a", "pic", "wp14", "w14"} <= set(word.element.nsmap)


def test_a_reference_docx_binding_a_prefix_elsewhere_is_refused(tmp_path):
    source, target = tmp_path / "plain.docx", tmp_path / "odd.docx"
    docx.Document().save(str(source))
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w") as copy:
        for info in package.infolist():
            blob = package.read(info)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"<w:document ", b'<w:document xmlns:pic="urn:other" ', 1)
            copy.writestr(info, blob)
    with pytest.raises(ConfigError, match="prefix 'pic'"):
        write(every_node_document(), reference_docx=str(target))


def test_a_reference_dotx_template_is_accepted(reference_docx, tmp_path):
    dotx = tmp_path / "house-style.dotx"
    with zipfile.ZipFile(reference_docx) as source, zipfile.ZipFile(dotx, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, blob)
    word = reopen(write(every_node_document(), reference_docx=str(dotx))[0])
    assert word.sections[0].page_width == Inches(11)


def test_a_missing_reference_docx_is_a_clear_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        write(every_node_document(), reference_docx=str(tmp_path / "nope.docx"))


def test_a_reference_docx_that_is_not_a_word_file_is_a_clear_config_error(tmp_path):
    bogus = tmp_path / "bogus.docx"
    bogus.write_text("plain text")
    with pytest.raises(ConfigError, match="cannot be used"):
        write(every_node_document(), reference_docx=str(bogus))


# ---------------------------------------------------------------- the seed


def test_the_seed_release_keeps_headline_dateline_quotes_and_contacts():
    import pressconv

    document = pressconv.parse(SEED)
    data, _ = write(document, base_dir=SEED.parent)
    text = all_text(data)
    for needle in ("OSCE and UN Counter-Terrorism Office to work together", "Vienna, 4 October 2018",
                   "We look forward to reinforcing our collaboration", "press@osce.org",
                   "gerardl@un.org", "43 676 71 74 592"):
        assert needle in text
    assert reopen(data).paragraphs[0].style.name == "Headline"


# ------------------------------------------------------------- LibreOffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_file_to_pdf_with_its_text(tmp_path):
    import pypdf

    source = tmp_path / "release.docx"
    source.write_bytes(write(every_node_document())[0])
    profile = tmp_path / "lo-profile"
    run = subprocess.run(
        ["soffice", "-env:UserInstallation=" + profile.as_uri(), "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=120)
    pdf = tmp_path / "release.pdf"
    assert pdf.exists(), run.stdout + run.stderr
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)
    words = set(re.findall(r"[\w@.#]+", text))
    missing = [w for w in EVERY_NODE_WORDS if w not in words and w not in text]
    assert not missing, "lost in LibreOffice: %r" % missing
    assert "Page 1 of 1" in text

"""The DOCX writer's list numbering, relationships and pictures: every id unique and resolving,
and each list, link or picture handled without rescanning those before it."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import Counter

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.package import OpcPackage
from docx.opc.rel import Relationships
from docx.oxml.numbering import CT_Numbering
from docx.package import ImageParts
from lxml import etree

from pressconv.model import (
    BulletList, Document, Figure, FootnoteDefinition, FootnoteRef, Image, Link, ListItem,
    OrderedList, Paragraph, Text,
)
from pressconv.resources import WriteContext
from pressconv.writers.docx import DocxWriter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def write(document: Document, base_dir=None, **options) -> bytes:
    return DocxWriter().write(document, WriteContext(base_dir=base_dir, deterministic=True,
                                                     options=options))


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def rels(package: dict[str, bytes], name: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target) of a part's .rels; fails on a repeated id."""
    found: dict[str, tuple[str, str]] = {}
    for rel in etree.fromstring(package[name]).iter(PR + "Relationship"):
        assert rel.get("Id") not in found, "relationship id %s repeated" % rel.get("Id")
        found[rel.get("Id")] = (rel.get("Type"), rel.get("Target"))
    return found


def para(text: str, *inlines) -> Paragraph:
    return Paragraph((Text(text), *inlines))


def link(url: str, text: str = "link") -> Link:
    return Link((Text(text),), url)


def png(width: int, height: int = 3) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def many_lists(count: int) -> Document:
    """Bullet and numbered lists in turn, each closed by a paragraph; every third one nested."""
    body = []
    for i in range(count):
        inner = BulletList((ListItem((para("inner %d" % i),)),)) if i % 3 == 0 else None
        items = (ListItem((para("item %d a" % i),) + ((inner,) if inner else ())),
                 ListItem((para("item %d b" % i),)))
        body.append(OrderedList(items, start=i + 2) if i % 2 else BulletList(items))
        body.append(para("after %d" % i))
    return Document(body=tuple(body))


SCHEMA_ORDER = [W + "abstractNum", W + "num", W + "numIdMacAtCleanup"]


def numbering_check(package: dict[str, bytes]) -> tuple[dict[int, tuple[str, dict]], dict]:
    """Every numId the text uses is a w:num, every w:num names a w:abstractNum; ids unique.

    Returns numId -> (abstractNumId, {level: start}) and abstractNumId -> numFmt of level 0.
    """
    numbering = etree.fromstring(package["word/numbering.xml"])
    abstract = {}
    for definition in numbering.findall(W + "abstractNum"):
        assert definition.get(W + "abstractNumId") not in abstract
        abstract[definition.get(W + "abstractNumId")] = definition.find(
            W + "lvl/" + W + "numFmt").get(W + "val")
    nums: dict[int, tuple[str, dict]] = {}
    for num in numbering.findall(W + "num"):
        num_id = int(num.get(W + "numId"))
        assert num_id not in nums, "numId %d repeated" % num_id
        abstract_id = num.find(W + "abstractNumId").get(W + "val")
        assert abstract_id in abstract, "w:num %d names a missing abstractNum" % num_id
        starts = {int(o.get(W + "ilvl")): int(o.find(W + "startOverride").get(W + "val"))
                  for o in num.findall(W + "lvlOverride")}
        nums[num_id] = (abstract_id, starts)
    body = etree.fromstring(package["word/document.xml"])
    for used in body.iter(W + "numId"):
        assert int(used.get(W + "val")) in nums, "numId %s is not in numbering.xml" % used.get(W + "val")
    order = [child.tag for child in numbering if child.tag in SCHEMA_ORDER]
    assert order == sorted(order, key=SCHEMA_ORDER.index), "numbering.xml out of schema order"
    return nums, abstract


def list_numbers(package: dict[str, bytes]) -> dict[str, tuple[int, int]]:
    """Paragraph text -> (numId, level), for the numbered paragraphs."""
    found = {}
    for p in etree.fromstring(package["word/document.xml"]).iter(W + "p"):
        num = p.find(W + "pPr/" + W + "numPr")
        if num is not None:
            found["".join(p.itertext())] = (int(num.find(W + "numId").get(W + "val")),
                                            int(num.find(W + "ilvl").get(W + "val")))
    return found


# ------------------------------------------------------------------ lists


def test_every_list_has_its_own_numbering_instance_that_restarts_where_it_starts():
    package = parts(write(many_lists(60)))
    nums, abstract = numbering_check(package)
    numbered = list_numbers(package)
    for i in range(60):
        num_id, level = numbered["item %d a" % i]
        assert numbered["item %d b" % i] == (num_id, level) and level == 0
        abstract_id, starts = nums[num_id]
        assert abstract[abstract_id] == ("decimal" if i % 2 else "bullet")
        assert starts == {0: i + 2 if i % 2 else 1}
        if i % 3 == 0:
            inner_id, inner_level = numbered["inner %d" % i]
            assert inner_level == 1 and inner_id != num_id and nums[inner_id][1] == {1: 1}
    assert len({numbered[text][0] for text in numbered}) == 60 + 20 == len(nums)
    assert sorted(nums) == list(range(1, len(nums) + 1))
    assert len(docx.Document(io.BytesIO(write(many_lists(60)))).paragraphs) == 60 * 3 + 20


def test_lists_of_a_reference_docx_keep_their_ids_and_new_ones_fill_the_gaps(tmp_path):
    template = docx.Document()
    numbering = template.part.numbering_part.element
    for num in numbering.findall(W + "num"):
        if num.get(W + "numId") in ("2", "4"):
            numbering.remove(num)
    etree.SubElement(numbering, W + "numIdMacAtCleanup", {W + "val": "9"})
    template.save(str(tmp_path / "ref.docx"))
    package = parts(write(many_lists(4), reference_docx=str(tmp_path / "ref.docx")))
    nums, _ = numbering_check(package)
    assert sorted(nums) == list(range(1, 14))  # the template's 1, 3, 5-9; our six 2, 4, 10-13
    assert sorted({num_id for num_id, _ in list_numbers(package).values()}) == [2, 4, 10, 11, 12, 13]
    assert docx.Document(io.BytesIO(write(many_lists(4), reference_docx=str(tmp_path / "ref.docx"))))


# ------------------------------------------------------------ relationships


def links_document(count: int) -> Document:
    body = [para("p%d " % i, link("https://example.com/%d" % i), Text(" "),
                 link("https://example.com/%d" % (i // 2), "again")) for i in range(count)]
    return Document(body=tuple(body))


def hyperlinks(package: dict[str, bytes], part: str) -> list[tuple[str, str]]:
    """(text, rId) of each hyperlink of a part, in order."""
    return [("".join(h.itertext()), h.get(R_ID))
            for h in etree.fromstring(package[part]).iter(W + "hyperlink")]


def test_every_link_resolves_to_its_address_through_one_relationship_per_address():
    package = parts(write(links_document(150)))
    relations = rels(package, "word/_rels/document.xml.rels")
    targets = {rel_id: target for rel_id, (kind, target) in relations.items() if kind == RT.HYPERLINK}
    found = hyperlinks(package, "word/document.xml")
    assert len(found) == 300
    for i in range(150):
        assert targets[found[2 * i][1]] == "https://example.com/%d" % i
        assert targets[found[2 * i + 1][1]] == "https://example.com/%d" % (i // 2)
    assert len(targets) == 150 == len(set(targets.values()))
    assert {kind for kind, _ in relations.values()} >= {RT.STYLES, RT.SETTINGS, RT.NUMBERING}
    word = docx.Document(io.BytesIO(write(links_document(150))))
    assert [h.url for h in word.paragraphs[3].hyperlinks] == ["https://example.com/3",
                                                              "https://example.com/1"]


def test_links_in_footnotes_are_related_from_the_footnotes_part():
    note = FootnoteDefinition("n", (para("see ", link("https://note.example")),))
    document = Document(body=(para("text", FootnoteRef("n"), link("https://body.example")), note))
    package = parts(write(document))
    body_targets = {t for kind, t in rels(package, "word/_rels/document.xml.rels").values()
                    if kind == RT.HYPERLINK}
    note_rels = rels(package, "word/_rels/footnotes.xml.rels")
    (text, rel_id), = hyperlinks(package, "word/footnotes.xml")
    assert note_rels[rel_id] == (RT.HYPERLINK, "https://note.example")
    assert body_targets == {"https://body.example"}


def busy_release(count: int) -> Document:
    """Pictures (some the same picture again), links and a footnote with its own link and picture."""
    body = []
    for i in range(count):
        body.append(Figure(Image("p%d.png" % (i % (count - 3)), "picture %d" % i)))
        body.append(para("p%d " % i, link("https://example.com/%d" % i)))
    body.append(para("end", FootnoteRef("n")))
    body.append(FootnoteDefinition("n", (para("note ", link("https://example.com/0")),
                                          Paragraph((Image("p1.png", "in a note"),)))))
    return Document(body=tuple(body))


def check_pictures_and_links(data: bytes) -> dict[str, bytes]:
    package = parts(data)
    for part in ("word/document.xml", "word/footnotes.xml"):
        relations = rels(package, part.replace("word/", "word/_rels/") + ".rels")
        xml = etree.fromstring(package[part])
        for blip in xml.iter("{*}blip"):
            kind, target = relations[blip.get(R_EMBED)]
            assert kind == RT.IMAGE and "word/" + target in package
        for link_ in xml.iter(W + "hyperlink"):
            assert relations[link_.get(R_ID)][0] == RT.HYPERLINK
        targets = [(kind, target) for kind, target in relations.values()]
        assert len(targets) == len(set(targets)), "a target related twice"
    return package


def test_a_picture_used_again_is_stored_once_and_every_picture_resolves(tmp_path):
    for i in range(7):
        (tmp_path / ("p%d.png" % i)).write_bytes(png(i + 1))
    package = check_pictures_and_links(write(busy_release(10), base_dir=tmp_path))
    media = sorted(name for name in package if name.startswith("word/media/"))
    assert media == sorted("word/media/image%d.png" % n for n in range(1, 8))
    assert sorted(package[name] for name in media) == sorted(png(i + 1) for i in range(7))


def test_a_busy_reference_docx_keeps_its_relationships_and_ours_do_not_collide(tmp_path):
    """Our own output as the template: pictures, links, footnotes and a header already there."""
    for i in range(7):
        (tmp_path / ("p%d.png" % i)).write_bytes(png(i + 1))
    (tmp_path / "ref.docx").write_bytes(write(busy_release(10), base_dir=tmp_path,
                                              header_text="Old header"))
    for i in range(7):  # new pictures, each under a name the template's pictures took
        (tmp_path / ("p%d.png" % i)).write_bytes(png(i + 20))
    data = write(busy_release(10), base_dir=tmp_path, reference_docx=str(tmp_path / "ref.docx"),
                 header_text="New header")
    package = check_pictures_and_links(data)
    relations = rels(package, "word/_rels/document.xml.rels")
    assert [kind for kind, _ in relations.values()].count(RT.FOOTNOTES) == 1
    assert len([name for name in package if name.startswith("word/media/")]) == 14
    word = docx.Document(io.BytesIO(data))
    assert word.sections[0].header.paragraphs[0].text == "New header"
    assert len(word.inline_shapes) == 10


def test_a_header_made_for_the_header_text_is_related_after_the_body(tmp_path):
    (tmp_path / "p0.png").write_bytes(png(4))
    document = Document(body=(Figure(Image("p0.png", "a")), para("x ", link("https://a.example"))))
    package = parts(write(document, base_dir=tmp_path, header_text="Header"))
    relations = rels(package, "word/_rels/document.xml.rels")
    header_id = next(rel_id for rel_id, (kind, _) in relations.items() if kind == RT.HEADER)
    assert list(relations)[-1] == header_id and relations[header_id][1] == "header1.xml"
    reference = etree.fromstring(package["word/document.xml"]).find(
        ".//" + W + "sectPr/" + W + "headerReference")
    assert reference.get(R_ID) == header_id and reference.get(W + "type") == "default"
    assert b"Header" in package["word/header1.xml"]


# ------------------------------------------------------- no rescanning per item


SCANS = [(CT_Numbering, "_next_numId", True), (CT_Numbering, "add_num", False),
         (Relationships, "_get_matching", False), (Relationships, "_next_rId", True),
         (ImageParts, "_get_by_sha1", False), (ImageParts, "_next_image_partname", False),
         (OpcPackage, "iter_parts", False)]


@pytest.fixture
def scans(monkeypatch) -> Counter:
    """How often python-docx's whole-package scans run."""
    calls: Counter = Counter()
    for owner, name, is_property in SCANS:
        original = getattr(owner, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return (_original.fget if isinstance(_original, property) else _original)(*args, **kwargs)
        monkeypatch.setattr(owner, name, property(counted) if is_property else counted)
    return calls


def test_python_docx_scans_the_package_no_more_often_for_more_lists_links_and_pictures(
        tmp_path, scans):
    for i in range(30):
        (tmp_path / ("p%d.png" % i)).write_bytes(png(i + 1))

    def release(count: int) -> Document:
        return Document(body=many_lists(count).body + busy_release(count).body)

    write(release(1), base_dir=tmp_path, header_text="Header")  # the template prepared
    counts = []
    for count in (5, 30):
        scans.clear()
        write(release(count), base_dir=tmp_path, header_text="Header")
        counts.append(dict(scans))
    assert counts[0] == counts[1]


def test_lists_are_added_to_a_numbering_part_that_writes_its_namespace_another_way(tmp_path):
    template = docx.Document()
    template.save(str(tmp_path / "plain.docx"))
    with zipfile.ZipFile(tmp_path / "plain.docx") as source, \
            zipfile.ZipFile(tmp_path / "ref.docx", "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/numbering.xml":  # the same namespace under the prefix "wn"
                data = data.replace(b"xmlns:w=", b"xmlns:wn=").replace(b"<w:", b"<wn:") \
                    .replace(b"</w:", b"</wn:").replace(b" w:", b" wn:")
                assert b"xmlns:w=" not in data and b"wn:numbering" in data
            target.writestr(info, data)
    data = write(many_lists(4), reference_docx=str(tmp_path / "ref.docx"))
    nums, abstract = numbering_check(parts(data))
    assert len(nums) == 9 + 6 and all(a in abstract for a, _ in nums.values())
    word = docx.Document(io.BytesIO(data))
    assert word.part.numbering_part.element.num_having_numId(15) is not None

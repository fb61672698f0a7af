"""The OPC package around the Word XML: parts, document properties and the zip.

The bare package the built-in template starts from, replacing a package-level
part (core, extended and custom properties), and writing the .docx zip in a
stable order with fixed timestamps when asked.
"""

from __future__ import annotations

import io
import time
import zipfile
from typing import Iterable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from . import _ooxml

_DECLARATION = _ooxml.DECLARATION


def replace_package_part(package, reltype: str, partname: str, content_type: str,
                         blob: bytes) -> None:
    """Relate the package to a new part of ``reltype``, dropping any old one."""
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == reltype:
            del package.rels[rel_id]
    package.relate_to(Part(PackURI(partname), content_type, blob, package), reltype)


def extended_properties(company: str | None) -> bytes:
    """``docProps/app.xml``: the producing application and the issuing company."""
    company_xml = "<Company>%s</Company>" % _ooxml.esc(company) if company else ""
    return (_DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
            '2006/extended-properties"><Application>pressconv</Application>%s</Properties>'
            % company_xml).encode()


def custom_properties(values: Iterable[tuple[str, str | bool]]) -> bytes:
    """``docProps/custom.xml`` with string and yes/no properties."""
    props = []
    for pid, (name, value) in enumerate(values, start=2):
        typed = ("<vt:bool>%s</vt:bool>" % str(value).lower() if isinstance(value, bool)
                 else "<vt:lpwstr>%s</vt:lpwstr>" % _ooxml.esc(value))
        props.append('<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" '
                     'name="%s">%s</property>' % (pid, _ooxml.attr(name), typed))
    return (_DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
            '2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            '2006/docPropsVTypes">%s</Properties>' % "".join(props)).encode()


CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"

_BASE_CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/'
    'dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/'
    'XMLSchema-instance"/>'
)


def blank_core_properties() -> bytes:
    """A core-properties part with nothing set, so no template's title or author leaks."""
    return (_DECLARATION + _BASE_CORE).encode()


def base_package() -> bytes:
    """The smallest package Word and python-docx accept: one empty section, a few styles."""
    parts = dict(_ooxml.base_parts())
    parts["/docProps/core.xml"] = (CT.OPC_CORE_PROPERTIES, _BASE_CORE)
    rels = {
        "/_rels/.rels": [("rId1", RT.OFFICE_DOCUMENT, "word/document.xml"),
                         ("rId2", RT.CORE_PROPERTIES, "docProps/core.xml")],
        "/word/_rels/document.xml.rels": [("rId1", RT.STYLES, "styles.xml"),
                                          ("rId2", RT.SETTINGS, "settings.xml"),
                                          ("rId3", RT.NUMBERING, "numbering.xml")],
    }
    entries = [("/[Content_Types].xml", _content_types(
        (name, ctype) for name, (ctype, _) in parts.items()))]
    for name, targets in rels.items():
        entries.append((name, _relationships(targets)))
    entries.extend((name, (_DECLARATION + xml).encode()) for name, (_, xml) in parts.items())
    return _zip(entries, deterministic=True)


# ---------------------------------------------------------------- saving

_DEFAULT_TYPES = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML, "png": CT.PNG, "jpeg": CT.JPEG,
                  "jpg": CT.JPEG, "gif": CT.GIF, "bmp": CT.BMP, "tiff": CT.TIFF, "tif": CT.TIFF}


def _content_types(parts: Iterable[tuple[str, str]]) -> bytes:
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = []
    for name, ctype in parts:
        ext = name.rpartition(".")[2].lower()
        if _DEFAULT_TYPES.get(ext) == ctype and ext not in ("xml", "rels"):
            defaults[ext] = ctype
        else:
            overrides.append((name, ctype))
    xml = ['<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">']
    xml.extend('<Default Extension="%s" ContentType="%s"/>' % item
               for item in sorted(defaults.items()))
    xml.extend('<Override PartName="%s" ContentType="%s"/>' % (_ooxml.attr(name), ctype)
               for name, ctype in sorted(overrides))
    xml.append("</Types>")
    return (_DECLARATION + "".join(xml)).encode()


def _relationships(targets: Iterable[tuple[str, str, str]]) -> bytes:
    xml = ['<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    xml.extend('<Relationship Id="%s" Type="%s" Target="%s"/>' % (rid, rtype, _ooxml.attr(target))
               for rid, rtype, target in targets)
    xml.append("</Relationships>")
    return (_DECLARATION + "".join(xml)).encode()


def save(package, deterministic: bool, blobs: dict[str, bytes] | None = None) -> bytes:
    """The package as .docx bytes: content types first, then parts in name order.

    Written here rather than by ``Document.save`` because python-docx stamps
    every zip entry with the current time; here the order is stable and, when
    asked, so are the timestamps.  ``blobs`` gives the content of some parts
    by part name instead of their own (the document, see :func:`document_xml`).
    """
    blobs = blobs or {}
    parts = sorted(_parts(package), key=lambda part: part.partname)
    entries = [("/[Content_Types].xml",
                _content_types((part.partname, part.content_type) for part in parts)),
               ("/_rels/.rels", package.rels.xml)]
    for part in parts:
        blob = blobs.get(part.partname)
        entries.append((part.partname, part.blob if blob is None else blob))
        if part.rels:
            entries.append((part.partname.rels_uri, part.rels.xml))
    return _zip(entries, deterministic)


def _parts(package) -> list:
    """Every part the package's relationships reach, once.

    ``OpcPackage.iter_parts`` keeps the parts it has seen in a list and searches
    it for every relationship: time quadratic in the pictures of a release.
    """
    seen: set = set()
    sources = [package]
    while sources:
        for rel in sources.pop().rels.values():
            if not rel.is_external and rel.target_part not in seen:
                seen.add(rel.target_part)
                sources.append(rel.target_part)
    return list(seen)


_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def _zip(entries: Iterable[tuple[str, bytes]], deterministic: bool) -> bytes:
    stamp = _FIXED_TIME if deterministic else time.localtime()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name.lstrip("/"), stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, blob, compresslevel=6)
    return buffer.getvalue()

"""The ids a Word package hands out — list numIds, relationship ids, image part names —
kept per document, so each new one costs the same however many came before.

python-docx finds each of them by scanning what the package already holds:
``CT_Numbering._next_numId`` reads every ``w:num``, ``Relationships`` looks for
a matching relationship and the next free rId through all of them, and
``ImageParts`` compares every picture's hash and part number.  Once per list,
link or picture, that is time quadratic in their number (4,000 lists took
146 s).  Each allocator here is seeded once from the template and then
counts.  It hands out the id python-docx would have chosen (the lowest one
unused), so the file is the same, only sooner.
"""

from __future__ import annotations

from docx.image.image import Image
from docx.opc.packuri import PackURI
from docx.parts.image import ImagePart

from . import _ooxml

_NUM_ID_MAC_AT_CLEANUP = "{%s}numIdMacAtCleanup" % _ooxml.W


class ListNumbers:
    """The list instances (``w:num``) of one numbering part.

    The new ones are kept as text and spliced into the part as it is saved
    (:meth:`part_xml`), as the body is: parsing each into the tree costs more
    than the rest of a list.  The numbering element itself never holds them.
    """

    def __init__(self, numbering) -> None:
        self._numbering = numbering
        self._used = {int(value) for value in numbering.xpath("./w:num/@w:numId")}
        self._next = 1  #: every numId below it is taken
        self._added: list[str] = []
        self._declare = numbering.nsmap.get("w") != _ooxml.W

    def add(self, abstract_id: int, level: int, start: int) -> int:
        """A new list instance of ``abstract_id`` restarting at ``start`` on ``level``; its numId."""
        while self._next in self._used:
            self._next += 1
        num_id = self._next
        self._used.add(num_id)
        self._added.append(_ooxml.num(num_id, abstract_id, level, start, self._declare))
        return num_id

    def part_xml(self) -> bytes | None:
        """The numbering part with the new list instances, or None if there are none."""
        if not self._added:
            return None
        # the schema puts w:num last but for the one element that may follow them
        return _ooxml.spliced(self._numbering, self._numbering,
                              self._numbering.find(_NUM_ID_MAC_AT_CLEANUP), "".join(self._added))


class Relations:
    """The relationships of one part: the rId of each target, and the lowest free rId."""

    def __init__(self, part) -> None:
        self._rels = part.rels
        self._ids: dict[tuple[str, bool, object], str] = {}
        for rel_id, rel in self._rels.items():
            target = rel.target_ref if rel.is_external else rel.target_part
            self._ids.setdefault((rel.reltype, rel.is_external, target), rel_id)
        self._next = 1  #: every "rId<n>" below it is taken

    def relate(self, target, reltype: str, is_external: bool = False) -> str:
        """The rId relating the part to ``target`` (a Part, or a URL when external), made if new."""
        key = (reltype, is_external, target)
        rel_id = self._ids.get(key)
        if rel_id is None:
            rels = self._rels
            while "rId%d" % self._next in rels:
                self._next += 1
            rel_id = "rId%d" % self._next
            rels.add_relationship(reltype, target, rel_id, is_external)
            self._ids[key] = rel_id
        return rel_id

    def drop(self, reltype: str) -> None:
        """Remove every relationship of ``reltype``; their rIds are free again."""
        for rel_id in [rel_id for rel_id, rel in self._rels.items() if rel.reltype == reltype]:
            del self._rels[rel_id]
            if rel_id[:3] == "rId" and rel_id[3:].isdigit():
                self._next = min(self._next, int(rel_id[3:]))
        self._ids = {key: rel_id for key, rel_id in self._ids.items() if key[0] != reltype}


class Images:
    """The package's image parts by content, and the lowest free image number."""

    def __init__(self, package) -> None:
        self._parts = package.image_parts  # python-docx's, holding the template's pictures
        self._by_sha1: dict[str, ImagePart] = {}
        for part in self._parts:
            self._by_sha1.setdefault(part.sha1, part)
        self._used = {part.partname.idx for part in self._parts}
        self._next = 1  #: every image number below it is taken

    def get_or_add(self, data: bytes) -> ImagePart:
        """The image part holding the picture ``data``, added if the package has none.

        Raises what python-docx raises for data that is not a picture it reads.
        """
        image = Image.from_blob(data)
        part = self._by_sha1.get(image.sha1)
        if part is None:
            while self._next in self._used:
                self._next += 1
            self._used.add(self._next)
            part = ImagePart.from_image(image, PackURI("/word/media/image%d.%s"
                                                       % (self._next, image.ext)))
            self._parts.append(part)
            self._by_sha1[image.sha1] = part
        return part

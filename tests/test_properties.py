"""Property-based tests: whatever goes in, every writer gives a file that reopens or a PressconvError.

Two kinds of input (strategies in tests/strategies.py):

* adversarial Markdown-like text: Markdown syntax fragments, front matter, YAML/TOML
  snippets, quotes of every kind, datelines, release lines, end marks, contact lines,
  control characters, emoji, right-to-left and other scripts;
* random model trees with weird values: empty strings, None fields, huge and negative
  numbers, heading levels outside 1..6, dateline lead and QuotedSpeech indexes out of
  range, ragged tables, deeply nested inlines.

Each goes through every built-in writer.  The output must reopen as its format does
(python-docx, pypdf, UTF-8 text; JSON back through ``Document.from_dict`` to an equal
document; Markdown back through ``pressconv.parse``); anything raised other than a
``PressconvError`` is a bug.  The number of examples comes from the profile
(``--hypothesis-profile=ci`` in CI: 60 each; ``long`` locally), never from the tests.

Images are read from a folder of real and damaged files (the ``images`` fixture), so
the DOCX and PDF writers embed, scale and refuse pictures too.

Every crash these properties found is pinned below as an ordinary regression test,
reduced by hand to the smallest input: plain tests for the ones fixed since, and
``xfail(strict=True)`` for the open ones, whose crashes ``KNOWN_CRASHES`` lets the
properties tolerate until the fix lands.  (Front matter crashes they found, an
impossible date and a YAML alias cycle, are pinned in test_reader.py.)
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings, strategies as st

import pressconv
from pressconv import model as m
from pressconv.errors import PressconvError
from readback import docx_text
from strategies import markdown_like, weird_documents

BUILT_INS = ("docx", "pdf", "text", "brief", "wire", "json", "markdown")
FORMATS = tuple(info.name for info in pressconv.registry.infos() if info.origin == "built-in")

# Examples are counted by the profile; only the deadline (PDF takes ~10 ms, a big tree more)
# and the health checks about slow or large examples are relaxed here.
relaxed = settings(deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: damaged image files as a failed upload or copy leaves them
TRUNCATED_PNG = _png(40, 40)[:60]  #: cut inside the pixel data
PNG_WITHOUT_PIXELS = _png(1, 1)[:33] + _png(1, 1)[-12:]  #: signature, IHDR, IEND; no IDAT
TRUNCATED_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40  #: JFIF header, then nothing


@pytest.fixture(scope="module")
def images(tmp_path_factory) -> Path:
    """The folder the writers may read images from: the files strategies.IMAGE_NAMES names."""
    folder = tmp_path_factory.mktemp("release")
    (folder / "sub").mkdir()
    files = {
        "pic.png": _png(1, 1), "sub/pic.png": _png(2, 2), "wide.png": _png(3000, 1),
        "tall.png": _png(1, 3000),
        "tiny.gif": b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"
                    b"\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        "broken.png": TRUNCATED_PNG, "nodata.png": PNG_WITHOUT_PIXELS, "sig.png": PNG_SIGNATURE,
        "empty.png": b"", "text.png": b"not an image\n", "photo.jpg": TRUNCATED_JPEG,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder.parent / "outside.png").write_bytes(_png(1, 1))  # ../outside.png: there, but outside
    return folder


def outcome(text: str) -> None:
    """Count an outcome for --hypothesis-show-statistics (regression tests run outside hypothesis)."""
    if currently_in_test_context():
        event(text)


def test_every_built_in_writer_is_under_test():
    assert FORMATS == BUILT_INS


# ------------------------------------------------------------------ the checks


def reopen(output: bytes | str, fmt: str, document: m.Document) -> None:
    """Fail unless ``output`` reopens as a file of format ``fmt``."""
    if fmt == "docx":
        from lxml import etree

        assert isinstance(output, bytes) and output[:2] == b"PK"
        with zipfile.ZipFile(io.BytesIO(output)) as package:
            assert package.testzip() is None
            for name in package.namelist():  # Word refuses a package with one bad part
                if name.endswith((".xml", ".rels")):
                    etree.fromstring(package.read(name))
        docx_text(output)  # python-docx: body, tables, headers, footers; footnotes part
    elif fmt == "pdf":
        import pypdf

        assert isinstance(output, bytes) and output.startswith(b"%PDF-")
        reader = pypdf.PdfReader(io.BytesIO(output), strict=True)
        assert len(reader.pages) >= 1
        for page in reader.pages:
            page.extract_text()
    else:
        assert isinstance(output, str)
        output.encode("utf-8")  # no lone surrogates: the file can be written as UTF-8
        if fmt == "json":
            again = m.Document.from_dict(json.loads(output))
            assert again == document
            assert again.to_dict() == document.to_dict()  # lines and warnings too
        elif fmt == "markdown":
            reread(output)


def reread(markdown: str) -> None:
    """The Markdown writer's output read back: a document or a PressconvError, nothing else."""
    try:
        pressconv.parse(markdown)
    except PressconvError as error:
        outcome("markdown output refused on re-reading: %s" % type(error).__name__)


def write_or_refuse(document: m.Document, fmt: str, images: Path) -> None:
    """Write ``document``: a file that reopens, or a PressconvError; nothing else."""
    try:
        result = pressconv.write(document, fmt, base_dir=images)
    except PressconvError as error:
        outcome("refused: %s" % type(error).__name__)
        return
    assert all(isinstance(w, m.Message) for w in result.warnings)
    reopen(result.value, fmt, document)
    outcome("written")


# ---------------------------------------------------------------- known crashes

#: (stage, exception type, message pattern) of crashes pinned by an xfail test below;
#: stage is "parse" or a format.  The properties tolerate these so that they go on
#: testing everything else; remove an entry when its fix lands.  Empty: every crash
#: found so far is fixed (e.g. ("docx", UnexpectedEndOfFileError, "") while truncated
#: PNGs crashed the DOCX writer).
KNOWN_CRASHES: list[tuple[str, type[BaseException], str]] = []


def unless_known(stage: str, action, *args):
    """``action(*args)``, letting only the crashes in KNOWN_CRASHES pass (as an event)."""
    try:
        return action(*args)
    except (PressconvError, AssertionError):
        raise
    except Exception as error:
        for known_stage, kind, pattern in KNOWN_CRASHES:
            if known_stage == stage and isinstance(error, kind) and re.search(pattern, str(error)):
                outcome("known crash: %s %s %s" % (stage, kind.__name__, pattern))
                return None
        raise


# ------------------------------------------------------------------ properties


@pytest.mark.parametrize("fmt", BUILT_INS)
@relaxed
@given(source=markdown_like, as_bytes=st.booleans())
def test_markdown_like_text_gives_a_file_that_reopens_or_a_pressconv_error(fmt, images, source,
                                                                           as_bytes):
    try:
        document = unless_known("parse", pressconv.parse,
                                source.encode("utf-8") if as_bytes else source)
    except PressconvError as error:
        outcome("input refused: %s" % type(error).__name__)
        return
    if document is not None:
        unless_known(fmt, write_or_refuse, document, fmt, images)


@pytest.mark.parametrize("fmt", BUILT_INS)
@relaxed
@given(document=weird_documents)
def test_random_model_tree_gives_a_file_that_reopens_or_a_pressconv_error(fmt, images, document):
    unless_known(fmt, write_or_refuse, document, fmt, images)


# ------------------------------------------------- regressions found by the above
#
# Each is the smallest input, reduced by hand from what hypothesis found, that made a
# writer raise something other than a PressconvError.  All are fixed.

CELL = m.TableCell((m.Text("h"),))


def _item(text: str = "a") -> m.ListItem:
    return m.ListItem((m.Paragraph((m.Text(text),)),))


@pytest.mark.parametrize("fmt", BUILT_INS)
@pytest.mark.parametrize("table", [m.Table((), ()), m.Table((), ((CELL,),))],
                         ids=["no columns, no rows", "no header, one row"])
def test_a_table_without_header_cells_is_written(fmt, table, images):
    # was: text, wire: ValueError: max() arg is an empty sequence (_plain.py, PlainRenderer.table)
    write_or_refuse(m.Document(body=(table,)), fmt, images)


def test_a_header_only_table_at_the_foot_of_a_page_is_written_to_pdf(images):
    # was: IndexError: tuple index out of range (pdf/tables.py, _TableMaker.row via
    # PressTable.split) when a table without body rows did not fit the rest of the page
    source = "".join("line %d\n\n" % i for i in range(34)) + "| h |\n|---|\n"
    write_or_refuse(pressconv.parse(source), "pdf", images)


@pytest.mark.parametrize("start", [2**31, -(2**31) - 1, 2**63, -(2**63), 10**30])
def test_an_ordered_list_start_outside_32_bits_is_written_to_docx(start, images):
    # was: ValueError: value must be in range -2147483648 to 2147483647 inclusive
    # (python-docx simpletypes, from docx/_ooxml.add_num)
    write_or_refuse(m.Document(body=(m.OrderedList((_item(),), start=start),)), "docx", images)


@pytest.mark.parametrize("fmt", BUILT_INS)
@pytest.mark.parametrize("level", [0, -1, 7, 10**9, 2**63, 10**30])
def test_a_heading_level_outside_1_to_6_is_written(fmt, level, images):
    # was: markdown: OverflowError: cannot fit 'int' into an index-sized integer, or a
    # MemoryError, or a gigabyte of '#' (_mdtext.heading_line: "#" * level)
    write_or_refuse(m.Document(body=(m.Heading(level, (m.Text("x"),)),)), fmt, images)


@pytest.mark.parametrize("fmt", BUILT_INS)
def test_a_contact_with_no_fields_is_written(fmt, images):
    # was: markdown: IndexError: list index out of range (MarkdownRenderer.contact_item)
    write_or_refuse(m.Document(contacts=(m.Contact(),)), fmt, images)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_an_image_name_too_long_for_the_file_system_is_not_a_crash(fmt, tmp_path):
    # was: OSError: [Errno 36] File name too long (resources.py, WriteContext._resolve)
    release = tmp_path / "release.md"
    release.write_text("# T\n\n![alt](%s.png)\n" % ("a" * 300), encoding="utf-8")
    convert_or_refuse(release, fmt, tmp_path)


def convert_or_refuse(release: Path, fmt: str, folder: Path) -> None:
    """Convert a release file as the CLI does: a file that reopens, or a PressconvError."""
    target = folder / ("out." + fmt)
    try:
        result = pressconv.convert(release, target, to=fmt)
    except PressconvError:
        assert not target.exists()
        return
    output = target.read_bytes()
    reopen(output if fmt in ("docx", "pdf") else output.decode("utf-8"), fmt, result.document)


# A release folder can hold an image cut short by a failed upload or copy.  The writers
# checked the file type, but python-docx (DOCX) and Pillow (PDF, at drawing time, after
# ImageReader had read only the size) raised on the missing bytes.


def _release_with_image(folder: Path, name: str, data: bytes) -> Path:
    (folder / name).write_bytes(data)
    release = folder / "release.md"
    release.write_text("# Headline\n\n![A picture](%s)\n" % name, encoding="utf-8")
    return release


@pytest.mark.parametrize("data", [PNG_SIGNATURE, TRUNCATED_PNG], ids=["signature only", "cut in IDAT"])
def test_a_truncated_png_next_to_the_release_is_not_a_crash_in_docx(data, tmp_path):
    # was: docx.image.exceptions.UnexpectedEndOfFileError (docx/image/helpers.py, from
    # writers/docx/builder.py _embed)
    convert_or_refuse(_release_with_image(tmp_path, "pic.png", data), "docx", tmp_path)


def test_a_truncated_jpeg_next_to_the_release_is_not_a_crash_in_docx(tmp_path):
    # was: Exception: unexpected end of file (a bare Exception from docx/image/jpeg.py)
    convert_or_refuse(_release_with_image(tmp_path, "photo.jpg", TRUNCATED_JPEG), "docx", tmp_path)


@pytest.mark.parametrize("data", [TRUNCATED_PNG, PNG_WITHOUT_PIXELS], ids=["cut in IDAT", "no IDAT"])
def test_a_png_without_its_pixels_next_to_the_release_is_not_a_crash_in_pdf(data, tmp_path):
    # was: OSError: image file is truncated / cannot load this image (PIL, from ReportLab's
    # drawImage during the page build)
    convert_or_refuse(_release_with_image(tmp_path, "pic.png", data), "pdf", tmp_path)


# ------------------------------------- open: Markdown output its own reader refuses
#
# Not a crash, but found by the same property (re-reading the Markdown writer's output):
# the front matter it wrote for some metadata was not YAML that PyYAML reads back (fixed).
# All three come from Markdown input too, e.g. TOML front matter '"\u0094" = 1'.


@pytest.mark.parametrize("metadata", [{"\x94": 1}, {"k" * 1100: 1}, {"ratio": 1e300}],
                         ids=["C1 control character in a key", "key over 1024 characters",
                              "float without a dot"])
def test_front_matter_written_to_markdown_reads_back_the_same(metadata):
    written = pressconv.write(m.Document(metadata=metadata), "markdown").value
    assert dict(pressconv.parse(written).metadata) == metadata

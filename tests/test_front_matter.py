"""Front-matter text a reader would see is never lost: a site title that is not the headline,
a subtitle, a summary."""

from __future__ import annotations

import json
import zipfile

import pytest

from pressconv import convert, parse, write
from readback import pdf_text

RELEASE = ("---\ntitle: Acme widget launch\nsubtitle: The widget that does everything\n"
           "summary: A new widget for every household, from today.\n---\n\n"
           "# Acme Launches the Widget\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a widget.\n")
SHOWN = ("Acme widget launch", "The widget that does everything",
         "A new widget for every household, from today.")


def test_front_matter_texts_no_part_holds_are_kept_in_order():
    document = parse(RELEASE)
    assert document.headline == "Acme Launches the Widget"
    assert document.front_matter_text == SHOWN


@pytest.mark.parametrize("front_matter, body, kept", [
    ("title: Acme Launches the Widget", "", ()),  # the title is the headline
    ("title: Acme launches the widget!", "", ()),  # near enough the same words
    ("summary: Acme Corp. today announced a widget.", "", ()),  # repeats the lead
    ("description: Out now", "", ("Out now",)),
    ("title: T\nsubtitle: Deck line", "*Deck line*\n\n", ()),  # the deck shows it
])
def test_front_matter_text_already_in_the_release_is_not_repeated(front_matter, body, kept):
    document = parse("---\n%s\n---\n\n# Acme Launches the Widget\n\n%sBERLIN, March 3, 2021 -- "
                     "Acme Corp. today announced a widget.\n" % (front_matter, body))
    assert document.front_matter_text == kept


@pytest.mark.parametrize("fmt", ["text", "brief", "wire", "json"])
def test_every_text_format_shows_the_front_matter_texts(fmt):
    output = write(parse(RELEASE), fmt).value
    flat = " ".join(output.split())
    assert all(text in flat for text in SHOWN)


def test_docx_and_pdf_show_the_front_matter_texts(tmp_path):
    convert(RELEASE, tmp_path / "r.docx")
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    assert all(text in xml for text in SHOWN)
    convert(RELEASE, tmp_path / "r.pdf")
    flat = " ".join(pdf_text((tmp_path / "r.pdf").read_bytes()).split())
    assert all(text in flat for text in SHOWN)


def test_markdown_keeps_them_in_its_front_matter_and_reads_back_the_same():
    document = parse(RELEASE)
    again = parse(write(document, "markdown").value)
    assert again.front_matter_text == document.front_matter_text
    assert json.loads(write(again, "json").value)["headline"] == "Acme Launches the Widget"

"""The release line: FOR IMMEDIATE RELEASE and embargoes, parsed and taken out of the body."""

from __future__ import annotations

import pytest

from pressconv import parse
from pressconv.model import Document, Paragraph, ReleaseLine, plain_text
from pressconv.transforms import html_blocks, release


def recognise(markdown: str) -> Document:
    document = parse(markdown, recognize=False)
    return release.apply(html_blocks.apply(document))


def body_text(document: Document) -> list[str]:
    return [plain_text(b.children).strip() for b in document.body if isinstance(b, Paragraph)]


@pytest.mark.parametrize("line, expected", [
    ("FOR IMMEDIATE RELEASE", ReleaseLine("FOR IMMEDIATE RELEASE")),
    ("**For Immediate Release**", ReleaseLine("For Immediate Release")),
    ("FOR IMMEDIATE RELEASE: February 17, 2004",
     ReleaseLine("FOR IMMEDIATE RELEASE: February 17, 2004")),
    ("Zur sofortigen Veröffentlichung", ReleaseLine("Zur sofortigen Veröffentlichung")),
    ("Pour diffusion immédiate", ReleaseLine("Pour diffusion immédiate")),
    ("Para publicación inmediata", ReleaseLine("Para publicación inmediata")),
    ("Per la pubblicazione immediata", ReleaseLine("Per la pubblicazione immediata")),
    ("Для немедленной публикации", ReleaseLine("Для немедленной публикации")),
])
def test_immediate_release_lines_are_recognised_in_six_languages(line, expected):
    document = recognise(line + "\n\nThe company announced a plan.\n")
    assert document.release == expected
    assert body_text(document) == ["The company announced a plan."]


@pytest.mark.parametrize("line, until", [
    ("EMBARGOED UNTIL 09:00 CET, 5 May 2021", "2021-05-05T09:00:00+01:00"),
    ("Embargoed until 00:01 GMT, Tuesday 4 May 2021", "2021-05-04T00:01:00+00:00"),
    ("EMBARGO: 9 a.m. EDT, June 5, 2021", "2021-06-05T09:00:00-04:00"),
    ("Embargoed until 6 a.m. ET on January 12, 2022", "2022-01-12T06:00:00-05:00"),
    ("Sperrfrist: 5. Mai 2021, 10:00 Uhr MESZ", "2021-05-05T10:00:00+02:00"),
    ("Sperrfrist 12.03.2020, 11 Uhr", "2020-03-12T11:00:00"),
    ("Embargo jusqu'au 5 mai 2020 à 10h00 (heure de Paris)", "2020-05-05T10:00:00+02:00"),
    ("Embargo hasta el 5 de mayo de 2020 a las 12:00 CEST", "2020-05-05T12:00:00+02:00"),
    ("Embargo fino alle 14:00 del 3 giugno 2022", "2022-06-03T14:00:00"),
    ("Эмбарго до 10:00 МСК 5 мая 2021 г.", "2021-05-05T10:00:00+03:00"),
    ("EMBARGOED UNTIL 15 April 2023 14:30 UTC+05:30", "2023-04-15T14:30:00+05:30"),
    ("Embargoed until 2021-05-05", "2021-05-05"),
])
def test_embargo_lines_are_parsed_to_iso_date_times_with_their_zone(line, until):
    document = recognise(line + "\n\n# Headline\n")
    assert document.release == ReleaseLine(line, True, until)


def test_an_embargo_without_a_date_keeps_its_words_and_no_time():
    document = recognise("Embargoed until further notice\n\nText.\n")
    assert document.release == ReleaseLine("Embargoed until further notice", True, None)


def test_the_rest_of_a_paragraph_after_the_release_line_stays_in_the_body():
    document = recognise("**FOR IMMEDIATE RELEASE: March 2, 2004 CONTACT: Jo Bloggs at "
                         "202-555-0100**\n\nText.\n")
    assert document.release.text == "FOR IMMEDIATE RELEASE: March 2, 2004"
    assert body_text(document) == ["CONTACT: Jo Bloggs at 202-555-0100", "Text."]


def test_a_release_line_on_its_own_line_of_a_paragraph_leaves_the_other_lines():
    document = recognise("Media contact: Jo Bloggs  \nFOR IMMEDIATE RELEASE  \nAcme Inc.\n")
    assert document.release.text == "FOR IMMEDIATE RELEASE"
    assert body_text(document) == ["Media contact: Jo Bloggs\nAcme Inc."]


def test_a_release_line_in_html_is_found_after_the_html_is_converted():
    document = recognise('<p align="left">FOR IMMEDIATE RELEASE</p>\n<p>July 25, 2021</p>\n')
    assert document.release.text == "FOR IMMEDIATE RELEASE"
    assert body_text(document) == ["July 25, 2021"]


@pytest.mark.parametrize("text", [
    "Immediate release of the new firmware fixed the bug for all users.",
    "The embargo on arms was lifted in 2020.",
    "Release date of the album is still unknown to the band.",
    "We announce the release of version 2.",
])
def test_ordinary_sentences_are_not_release_lines(text):
    document = recognise("# T\n\n" + text + "\n")
    assert document.release is None
    assert body_text(document) == [text]


def test_only_the_top_of_the_release_is_searched():
    filler = "".join("Paragraph %d.\n\n" % n for n in range(12))
    document = recognise(filler + "FOR IMMEDIATE RELEASE\n")
    assert document.release is None

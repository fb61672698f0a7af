"""Boilerplate: "About X" sections in several languages move into Document.boilerplate."""

from __future__ import annotations

import pytest

from pressconv import parse
from pressconv.model import Document, plain_text
from pressconv.transforms import boilerplate, dateline, end_mark, html_blocks
from pressconv.transforms.boilerplate import is_boilerplate_title, is_contacts_label


def recognise(markdown: str) -> Document:
    document = parse(markdown, recognize=False)
    for transform in (html_blocks, dateline, boilerplate, end_mark):
        document = transform.apply(document)
    return document


def sections(document: Document) -> list[tuple[str, list[str]]]:
    return [(b.title, [plain_text(c).strip() for c in b.children]) for b in document.boilerplate]


def texts(document: Document) -> list[str]:
    return [plain_text(b).strip() for b in document.body]


@pytest.mark.parametrize("title", [
    "About Acme", "About Acme Inc.:", "About us", "Über die Beispiel GmbH", "Über uns",
    "À propos de Exemple SA", "À propos d’Exemple", "Acerca de Ejemplo", "Sobre Ejemplo",
    "Informazioni su Esempio", "О компании Пример", "Об ассоциации", "Chi siamo",
])
def test_about_titles_in_several_languages_are_boilerplate_titles(title):
    assert is_boilerplate_title(title)


@pytest.mark.parametrize("title", [
    "Overview", "Ottawa", "About 300 people attended", "Über 500 Gäste kamen",
    "About the survey we ran last year and what it tells us about people everywhere.",
    "Background", "Key facts",
])
def test_other_headings_are_not_boilerplate_titles(title):
    assert not is_boilerplate_title(title)


def test_contact_labels_are_recognised_to_end_a_section():
    for label in ("Media contact:", "Press contacts", "Pressekontakt", "Contact presse",
                  "Contacto de prensa", "Contatti stampa", "For more information, please contact:"):
        assert is_contacts_label(label)
    assert not is_contacts_label("Contacting customers is our job.")


def test_a_heading_section_runs_to_the_next_heading():
    document = recognise("Lead.\n\n## About Acme\n\nAcme makes things.\n\nFounded 1990.\n\n"
                         "## Notes\n\nMore.\n")
    assert sections(document) == [("About Acme", ["Acme makes things.", "Founded 1990."])]
    assert texts(document) == ["Lead.", "Notes", "More."]


def test_consecutive_sections_are_separate():
    document = recognise("### Über Beispiel:\n\nText A.\n\n### Über Rising Up!\n\nText B.\n")
    assert sections(document) == [("Über Beispiel", ["Text A."]), ("Über Rising Up!", ["Text B."])]


def test_a_bold_paragraph_title_runs_to_the_end_mark():
    document = recognise("Lead.\n\n<b> À propos de Exemple </b>\n\nExemple est une société.\n\n"
                         "###\n\nContact presse : Jo\n")
    assert sections(document) == [("À propos de Exemple", ["Exemple est une société."])]
    assert document.end_mark == "###"
    assert texts(document) == ["Lead.", "Contact presse : Jo"]


def test_a_section_stops_at_the_end_mark_even_without_contacts_after_it():
    document = recognise("Lead.\n\n## About Acme\n\nAcme builds.\n\n-30-\n\nA later note.\n")
    assert sections(document) == [("About Acme", ["Acme builds."])]
    assert texts(document) == ["Lead.", "A later note."]
    assert document.end_mark == "-30-"


def test_a_mark_closing_the_last_about_paragraph_is_the_end_mark():
    document = recognise("Lead.\n\n## About Acme\n\nAcme builds.  \n###\n")
    assert sections(document) == [("About Acme", ["Acme builds."])]
    assert document.end_mark == "###"


def test_an_inline_bold_title_splits_its_paragraph():
    document = recognise("Lead.\n\n**Acerca de Ejemplo:** Ejemplo es una empresa.\n")
    assert sections(document) == [("Acerca de Ejemplo", ["Ejemplo es una empresa."])]


def test_a_title_line_with_a_break_splits_its_paragraph():
    document = recognise("Lead.\n\nAbout Acme<br>Acme makes rockets.<br><br>"
                         "For more information, please contact:<br>Jo Bloggs\n")
    assert sections(document) == [("About Acme", ["Acme makes rockets."])]
    assert texts(document)[-1].startswith("For more information")


def test_a_section_stops_at_the_contacts_and_at_a_rule():
    document = recognise("## About Acme\n\nAcme.\n\nMedia contact: Jo\n\n## About Beta\n\n"
                         "Beta.\n\n---\n\nTrailer.\n")
    assert sections(document) == [("About Acme", ["Acme."]), ("About Beta", ["Beta."])]
    assert texts(document) == ["Media contact: Jo", "", "Trailer."]


def test_a_release_without_about_section_is_unchanged():
    document = recognise("## Background\n\nAbout 300 people came.\n")
    assert document.boilerplate == ()
    assert texts(document) == ["Background", "About 300 people came."]


def test_the_lead_index_follows_when_a_section_before_it_leaves_the_body():
    document = recognise("## About Acme\n\nAcme.\n\n## News\n\nOSLO, 2 May 2022 – Lead.\n")
    lead = document.body[document.dateline.lead]
    assert plain_text(lead) .strip() == "Lead."


def test_the_seed_has_no_boilerplate_and_keeps_its_body():
    document = parse("fixtures/osce-unoct.md")
    assert document.boilerplate == ()

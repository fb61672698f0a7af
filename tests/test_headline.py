"""Headline and subheadline: in-body title first, front matter second, the deck under it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressconv import parse
from pressconv.model import Document, plain_text
from pressconv.transforms import headline, html_blocks

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def recognise(markdown: str) -> Document:
    return headline.apply(html_blocks.apply(parse(markdown, recognize=False)))


def texts(document: Document) -> list[str]:
    return [plain_text(b).strip() for b in document.body]


def codes(document: Document) -> list[str | None]:
    return [w.code for w in document.warnings]


def test_the_first_heading_of_any_level_is_the_headline_and_leaves_the_body():
    document = recognise("## Acme *launches* Rocket\n\nOSLO, 2 May 2022 – Acme launched.\n")
    assert document.headline == "Acme launches Rocket"
    assert texts(document) == ["OSLO, 2 May 2022 – Acme launched."]


def test_the_in_body_headline_wins_over_the_front_matter_title():
    document = recognise("---\ntitle: Acme Press - Acme launches Rocket | Acme\n---\n\n"
                         "# Acme launches Rocket\n\nText.\n")
    assert document.headline == "Acme launches Rocket"


def test_the_front_matter_title_serves_when_the_body_has_no_headline():
    document = recognise("---\ntitle: Stiftung startet Projekt\n---\n\nDie Stiftung teilt mit, "
                         "dass sie ein neues Projekt beginnt und dafür Partner sucht.\n")
    assert document.headline == "Stiftung startet Projekt"
    assert len(document.body) == 1


def test_a_news_title_in_front_matter_beats_a_generic_title():
    document = recognise("---\ntitle: Actualidad\nnews_title: El ministerio presenta un "
                         "informe\n---\n\nTexto.\n")
    assert document.headline == "El ministerio presenta un informe"


def test_a_heading_below_a_contact_block_is_still_the_headline():
    document = recognise("Media Contact  \nJo Bloggs  \njo@example.org\n\n"
                         '<h5 style="font-weight: 700;">\nAcme launches Rocket</h5>\n\nText.\n')
    assert document.headline == "Acme launches Rocket"
    assert texts(document) == ["Media Contact\nJo Bloggs\njo@example.org", "Text."]


def test_a_section_heading_after_running_text_does_not_replace_the_front_matter_title():
    prose = ("This paragraph is long running text of the kind that opens a release and tells "
             "the reader what happened, when, and why it matters to them.\n\n")
    document = recognise("---\ntitle: Acme launches Rocket\n---\n\n" + prose + "## Key facts\n")
    assert document.headline == "Acme launches Rocket"
    assert texts(document)[-1] == "Key facts"


@pytest.mark.parametrize("label", ["Press Release", "Pressemitteilung", "Communiqué de presse",
                                   "Nota de prensa", "Comunicato stampa", "Пресс-релиз"])
def test_a_generic_label_heading_is_not_the_headline(label):
    document = recognise("---\ntitle: Real Title\n---\n\n## " + label + "\n\nText.\n")
    assert document.headline == "Real Title"


def test_a_label_with_a_title_after_it_is_a_headline():
    document = recognise("# Pressemitteilung: Launch der Webseite\n\nText.\n")
    assert document.headline == "Pressemitteilung: Launch der Webseite"


def test_about_and_contact_headings_are_not_headlines():
    document = recognise("## About Acme\n\nAcme builds rockets.\n\n## Media contact\n\nJo.\n")
    assert document.headline is None
    assert "PC101" in codes(document)


def test_a_bold_first_line_is_the_headline():
    document = recognise("**Acme launches a new rocket today**\n\nOSLO – Acme launched.\n")
    assert document.headline == "Acme launches a new rocket today"


def test_a_bold_first_line_unlike_the_front_matter_title_is_not_the_headline():
    document = recognise("---\ntitle: Acme launches Rocket\n---\n\n**Acme today said that it "
                         "will grow**\n\nMore text.\n")
    assert document.headline == "Acme launches Rocket"
    assert len(document.body) == 2


def test_a_bold_release_line_or_dateline_is_not_a_headline():
    assert recognise("**FOR IMMEDIATE RELEASE**\n\nText.\n").headline is None
    assert recognise("**Vienna, 4 October 2018**\n\nText.\n").headline is None


def test_undelimited_metadata_lines_give_title_date_and_language():
    document = recognise("Title: Heartbleed: Schlimmste Lücke\nDate: 2014-04-08\nLang: de\n\n"
                         "Liebe Medienschaffende,\n")
    assert document.headline == "Heartbleed: Schlimmste Lücke"
    assert document.metadata["date"] == "2014-04-08"
    assert document.language == "de"
    assert texts(document) == ["Liebe Medienschaffende,"]


def test_a_paragraph_of_ordinary_colon_lines_is_not_metadata():
    document = recognise("Contact: Jo Bloggs\nPhone: 555 0100\n\n# Headline\n")
    assert document.metadata == {}
    assert document.headline == "Headline"


# ------------------------------------------------------------------ decks

def test_a_block_quote_directly_under_the_headline_is_the_deck():
    document = recognise("# Acme Welcomes Beta\n\n> Company Looks to Grow Adoption\n\n"
                         "**OSLO, May 2, 2022** – Text.\n")
    assert document.subheadline == "Company Looks to Grow Adoption"
    assert texts(document) == ["OSLO, May 2, 2022 – Text."]


def test_a_quotation_under_the_headline_is_not_a_deck():
    document = recognise('# Acme Welcomes Beta\n\n> "We are glad," said Jo.\n\nText.\n')
    assert document.subheadline is None


def test_an_italic_line_or_lower_heading_under_the_headline_is_the_deck():
    assert recognise("# Title\n\n*A deck in italics*\n\nText.\n").subheadline == \
        "A deck in italics"
    assert recognise("## Title\n\n### The deck\n\nText.\n").subheadline == "The deck"
    assert recognise("### Title\n\n## Next section\n\nText.\n").subheadline is None


def test_a_short_paragraph_between_headline_and_dateline_is_the_deck():
    document = recognise("# Acme Launches Rocket\n\nOpen rockets make space act like home.\n\n"
                         "**DENVER, May 2, 2017** – Acme launched.\n")
    assert document.subheadline == "Open rockets make space act like home."


def test_with_a_front_matter_headline_the_deck_sits_before_the_dateline_or_release_line():
    document = recognise("---\ntitle: Bush Team Visits Washington\n---\n\n*(Archived Content)*\n\n"
                         "FROM THE OFFICE OF PUBLIC AFFAIRS\n\nJS-1178\n\n"
                         "Efforts to Strengthen the Economy Discussed\n\n"
                         "**FOR IMMEDIATE RELEASE: February 17, 2004**\n\nThe team travelled.\n")
    assert document.subheadline == "Efforts to Strengthen the Economy Discussed"
    assert "*(Archived Content)*" not in texts(document)


def test_a_short_paragraph_not_followed_by_a_dateline_is_not_a_deck():
    document = recognise("---\ntitle: Neuer Film\n---\n\nEine unabhängige Produktion über die "
                         "Bewegung.\n\nMit Untertiteln.\n\n**Kontakt**\n\nE-Mail: a@b.org\n")
    assert document.subheadline is None
    assert len(document.body) == 4


def test_a_front_matter_subtitle_or_summary_is_no_deck_for_it_is_not_in_the_body():
    assert recognise("---\ntitle: T\nsubtitle: The deck\n---\n\nText.\n").subheadline is None
    assert recognise("---\ntitle: T\nsummary: A summary\n---\n\nText.\n").subheadline is None


# ------------------------------------------------------------------- corpus

# the releases the rules were built on (000-099); the rest are measured by benchmarks/recognition.py
@pytest.mark.parametrize("stem", sorted(p.stem for p in CORPUS.glob("*.json") if p.name < "100"))
def test_corpus_headline_and_deck_match_the_gold(stem):
    gold = json.loads((CORPUS / (stem + ".json")).read_text(encoding="utf-8"))
    document = parse(CORPUS / (stem + ".md"))
    assert document.headline == gold["headline"]
    assert document.subheadline == gold.get("subheadline")


@pytest.mark.parametrize("section", ["Overview", "Summary", "Zusammenfassung", "Résumé", "Resumen", "概要"])
def test_a_section_heading_opening_the_body_leaves_the_headline_to_the_front_matter(section):
    from pressconv import parse

    document = parse("---\ntitle: Acme launches a widget\n---\n\n## %s\n\nBERLIN, March 3, 2021 -- Acme "
                     "Corp. today announced a widget that does many things for many people.\n" % section)
    assert document.headline == "Acme launches a widget"
    assert any(getattr(b, "level", None) == 2 for b in document.body)  # the section heading stays


def test_a_heading_written_without_a_space_after_its_hashes_is_a_heading_at_the_top():
    from pressconv import parse

    assert parse("##Se designa a nuevo Director Ejecutivo del IMPLAN.\n\nTexto.\n").headline == \
        "Se designa a nuevo Director Ejecutivo del IMPLAN."
    assert parse("# Real headline\n\n#hashtag\n\nText.\n").headline == "Real headline"


def test_liquid_page_variables_show_the_front_matter_and_an_emphasised_opening_is_the_deck():
    from pressconv import parse

    document = parse("---\ntitle: Sena sidelines Creative Commons musicians\ndescription: Law always lags "
                     "behind reality, and a law from 1993 may now limit open licences.\n---\n\n"
                     "**{{ page.description }}**\n\nThe lead paragraph follows here with its facts.\n")
    assert document.headline == "Sena sidelines Creative Commons musicians"
    assert document.subheadline == "Law always lags behind reality, and a law from 1993 may now limit open licences."
    assert parse("---\ntitle: T\n---\n\n{{ page.unknown }} stays.\n").body[0].children[0].text == \
        "{{ page.unknown }} stays."


def test_the_deck_may_stand_under_the_release_line():
    from pressconv import parse

    document = parse("# Acme launches a widget\n\nFOR IMMEDIATE RELEASE\n\n## New product line targets "
                     "households across Europe\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a widget.\n")
    assert document.subheadline == "New product line targets households across Europe"
    assert document.release is not None


def test_a_heading_right_before_the_dateline_lead_is_the_deck_under_the_front_matter_title():
    source = ("---\ntitle: Acme Announces a Developer Congress Focused on AI\n---\n\n"
              "[vc_row css_animation=\"\" row_type=\"row\" type=\"full_width\" text_align=\"left\"]"
              "[vc_column][vc_column_text css=\".vc_custom_1538077716912{margin-bottom: 20px}\"]\n\n"
              "## Industry leaders continue to join Acme pushing membership to over 300 companies\n\n"
              "[/vc_column]\n\n"
              "SAN FRANCISCO, CA – April 17, 2017 – Acme will hold a developer congress in May.\n")
    document = parse(source)
    assert document.headline == "Acme Announces a Developer Congress Focused on AI"
    assert document.subheadline == "Industry leaders continue to join Acme pushing membership to over 300 companies"
    assert document.dateline is not None and document.dateline.place == "SAN FRANCISCO, CA"


@pytest.mark.parametrize("heading", ["## Overview of the congress and its themes for developers",
                                     "## Short heading"])
def test_a_section_heading_or_a_short_one_before_the_lead_is_not_a_deck(heading):
    source = ("---\ntitle: Acme Announces a Developer Congress Focused on AI\n---\n\n" + heading + "\n\n"
              "SAN FRANCISCO, CA – April 17, 2017 – Acme will hold a developer congress in May.\n")
    assert parse(source).subheadline is None


def test_a_heading_after_the_dateline_lead_is_not_a_deck():
    source = ("---\ntitle: Acme Announces a Developer Congress Focused on AI\n---\n\n"
              "SAN FRANCISCO, CA – April 17, 2017 – Acme will hold a developer congress in May.\n\n"
              "## Industry leaders continue to join Acme pushing membership to over 300 companies\n\n"
              "More text follows here.\n")
    assert parse(source).subheadline is None


def test_a_longer_heading_right_above_the_dateline_lead_is_the_deck_of_the_front_matter_title():
    markdown = ("---\ntitle: Acme launches Widget\n---\n\n"
                "## The new tool turns releases into every format in seconds\n\n"
                "VIENNA, 4 October 2018 – Acme today announced a new product.\n")
    document = recognise(markdown)
    assert (document.headline, document.subheadline) == (
        "Acme launches Widget", "The new tool turns releases into every format in seconds")
    # the same heading away from the lead is the release's own headline
    document = recognise(markdown.replace("VIENNA, 4 October 2018 – ", ""))
    assert document.headline == "The new tool turns releases into every format in seconds"


def test_a_picture_may_stand_between_the_headline_and_its_deck_and_a_section_heading_is_no_deck():
    document = recognise("# Acme launches Widget\n\n![Widget](widget.png)\n\n"
                         "## The new tool turns releases into every format\n\nAcme today announced it.\n")
    assert document.subheadline == "The new tool turns releases into every format"
    assert recognise("# Acme launches Widget\n\n## Background\n\nAcme today announced it.\n").subheadline is None

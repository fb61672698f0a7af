"""The dateline transform: place and date split off the lead, in several languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressconv import parse
from pressconv.model import Dateline, Document, Paragraph, RawInline, Strong, Text, plain_text
from pressconv.transforms import dateline, headline, html_blocks, release
from pressconv.transforms.dateline.dates import find_date, find_time, iso_from_metadata

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def recognise(markdown: str) -> Document:
    """The reader's tree with the transforms that run up to the dateline."""
    document = parse(markdown, recognize=False)
    for transform in (html_blocks, headline, release, dateline):
        document = transform.apply(document)
    return document


def lead_text(document: Document) -> str:
    assert document.dateline is not None and document.dateline.lead is not None
    block = document.body[document.dateline.lead]
    assert isinstance(block, Paragraph)
    return plain_text(block.children)


def codes(document: Document) -> list[str | None]:
    return [w.code for w in document.warnings]


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize("text, iso", [
    ("4 October 2018", "2018-10-04"),
    ("Oct. 6, 2015", "2015-10-06"),
    ("Sept. 3, 2021", "2021-09-03"),
    ("April 24th, 2018", "2018-04-24"),
    ("3. März 2021", "2021-03-03"),
    ("Dienstag, 3. Mrz. 2021", "2021-03-03"),
    ("le 5 mai 2020", "2020-05-05"),
    ("1er févr. 2022", "2022-02-01"),
    ("5 de mayo de 2020", "2020-05-05"),
    ("martes, 12 de septiembre de 2023", "2023-09-12"),
    ("4 ottobre 2018", "2018-10-04"),
    ("17 марта 2025 г.", "2025-03-17"),
    ("1 сент. 2024", "2024-09-01"),
    ("02.11.2019", "2019-11-02"),
    ("2019-11-02", "2019-11-02"),
    ("2012/09/21", "2012-09-21"),
    ("Tuesday, August 19, 2025", "2025-08-19"),
])
def test_dates_in_six_languages_become_iso(text, iso):
    found = find_date(text)
    assert found is not None and found.iso == iso and found.text == text


@pytest.mark.parametrize("text", ["June 29th", "May 2021", "31 February 2020", "mars 2019"])
def test_incomplete_or_impossible_dates_have_no_iso(text):
    found = find_date(text)
    assert found is not None and found.iso is None


def test_slash_dates_are_month_first_in_english_and_day_first_elsewhere():
    assert find_date("03/04/2021", "en").iso == "2021-03-04"
    assert find_date("03/04/2021", "fr").iso == "2021-04-03"
    assert find_date("13/04/2021", "en").iso == "2021-04-13"


@pytest.mark.parametrize("text", ["you may 5 times", "the march 2 protest", "Agosto"])
def test_ordinary_words_are_not_mistaken_for_months(text):
    found = find_date(text)
    assert found is None or found.iso is None and found.text[0].isupper()


def test_times_carry_their_zone_offset():
    assert find_time("09:00 CET").offset == "+01:00"
    assert find_time("9 a.m. PDT").offset == "-07:00"
    assert find_time("10 Uhr MESZ").offset == "+02:00"
    assert find_time("14:00 UTC+5:30").offset == "+05:30"
    assert find_time("10h30").offset is None


def test_front_matter_dates_keep_the_date_as_written():
    assert iso_from_metadata("2023-11-14T21:33:00-05:00") == "2023-11-14"
    assert iso_from_metadata("2012/09/21") == "2012-09-21"
    assert iso_from_metadata("21 May 2020") == "2020-05-21"
    assert iso_from_metadata("") is None and iso_from_metadata(17) is None


# ------------------------------------------------------------- datelines

@pytest.mark.parametrize("markdown, raw, place, iso, rest", [
    ("**Vienna, 4 October 2018** – The OSCE met.", "Vienna, 4 October 2018", "Vienna",
     "2018-10-04", "The OSCE met."),
    ("WASHINGTON — The Treasury said so.", "WASHINGTON", "WASHINGTON", None,
     "The Treasury said so."),
    ("BERLIN, 3. März 2021 – Die Stiftung teilt mit.", "BERLIN, 3. März 2021", "BERLIN",
     "2021-03-03", "Die Stiftung teilt mit."),
    ("PARIS, le 5 mai 2020 - La société annonce.", "PARIS, le 5 mai 2020", "PARIS",
     "2020-05-05", "La société annonce."),
    ("Madrid, 5 de mayo de 2020.– La empresa anuncia.", "Madrid, 5 de mayo de 2020",
     "Madrid", "2020-05-05", "La empresa anuncia."),
    ("ROMA, 4 ottobre 2018 – L'azienda annuncia.", "ROMA, 4 ottobre 2018", "ROMA",
     "2018-10-04", "L'azienda annuncia."),
    ("МОСКВА, 17 марта 2025 г. — Компания объявила.", "МОСКВА, 17 марта 2025 г.", "МОСКВА",
     "2025-03-17", "Компания объявила."),
    ("SAN FRANCISCO, Calif., March 3, 2021 /PRNewswire/ -- Acme announced.",
     "SAN FRANCISCO, Calif., March 3, 2021 /PRNewswire/", "SAN FRANCISCO, Calif.",
     "2021-03-03", "Acme announced."),
    ("PRINCETON, N.J.--(BUSINESS WIRE)--Acme announced.",
     "PRINCETON, N.J.--(BUSINESS WIRE)", "PRINCETON, N.J.", None, "Acme announced."),
    ("NEW YORK, March 17, 2025 (GLOBE NEWSWIRE) -- Acme announced.",
     "NEW YORK, March 17, 2025 (GLOBE NEWSWIRE)", "NEW YORK", "2025-03-17", "Acme announced."),
    ("Hamburg (dpa) - Der Hafen meldet Rekorde.", "Hamburg (dpa)", "Hamburg", None,
     "Der Hafen meldet Rekorde."),
    ("Lyon | 12 janvier 2022 - L'association lance un appel.", "Lyon | 12 janvier 2022",
     "Lyon", "2022-01-12", "L'association lance un appel."),
    ("__[Oslo, Norway Friday, June 6, 2025]__ — The fund grew.",
     "[Oslo, Norway Friday, June 6, 2025]", "Oslo, Norway", "2025-06-06", "The fund grew."),
    ("3 de junio de 2021, (Sevilla) - El colectivo protesta.", "3 de junio de 2021, (Sevilla)",
     "Sevilla", "2021-06-03", "El colectivo protesta."),
    ("<b> DENVER, June 2, 2019 </b> – The startup launched.", "DENVER, June 2, 2019",
     "DENVER", "2019-06-02", "The startup launched."),
    ("Leipzig, 02.11.2019 - Der Verein startet.", "Leipzig, 02.11.2019", "Leipzig",
     "2019-11-02", "Der Verein startet."),
    ("**Graz, 5. Juni 2020.** Die Universität lädt ein.", "Graz, 5. Juni 2020", "Graz",
     "2020-06-05", "Die Universität lädt ein."),
    ("July 1, 2022 – The council voted.", "July 1, 2022", None, "2022-07-01",
     "The council voted."),
    ("The Hague, 5 May 2021 – The court ruled.", "The Hague, 5 May 2021", "The Hague",
     "2021-05-05", "The court ruled."),
    ("LOS ANGELES — The studio said.", "LOS ANGELES", "LOS ANGELES", None, "The studio said."),
])
def test_dateline_is_split_from_the_lead(markdown, raw, place, iso, rest):
    document = recognise("# Title\n\n" + markdown + "\n")
    found = document.dateline
    assert (found.raw, found.place, found.date) == (raw, place, iso)
    assert lead_text(document) == rest


def test_bold_dateline_keeps_the_formatting_of_the_rest_of_the_lead():
    document = recognise("# T\n\n**Oslo, 2 May 2022** – The *new* plan.\n")
    lead = document.body[document.dateline.lead]
    assert lead.children[0] == Text("The ")


def test_invisible_inline_html_before_a_bold_dateline_is_ignored():
    lead = Paragraph((RawInline("<!-- lead -->"), Strong((Text("Oslo, 2 May 2022"),)),
                      Text(" – The fund grew.")))
    document = dateline.apply(Document(body=(lead,)))
    assert document.dateline.raw == "Oslo, 2 May 2022"
    assert lead_text(document) == "The fund grew."


def test_place_only_dateline_with_mixed_case_is_taken_from_the_first_paragraph():
    text = ("Montreal, Quebec - Dr. Jane Roe, an engineer and mentor, has been named a "
            "finalist for the city's mentor award, recognising many years of her work with "
            "young companies and founders across the province of Quebec.")
    document = recognise("---\ndate: 2023-11-14T21:33:00-05:00\n---\n\n" + text + "\n")
    assert document.dateline.place == "Montreal, Quebec"
    assert document.dateline.date == "2023-11-14"  # from front matter
    assert "PC103" not in codes(document)


def test_a_paragraph_holding_only_a_date_is_a_dateline_standing_alone():
    document = recognise("July 25, 2021\n\n# Big news\n\nThe project released version 3.\n")
    assert document.dateline == Dateline("July 25, 2021", None, "2021-07-25", None)
    assert plain_text(document.body[0].children) == "The project released version 3."


def test_a_first_line_with_place_and_date_is_a_dateline():
    document = recognise("# T\n\nGenève, 4 juin 2019  \nLe comité a décidé.\n")
    assert document.dateline.place == "Genève"
    assert document.dateline.date == "2019-06-04"
    assert lead_text(document) == "Le comité a décidé."


def test_the_release_line_date_serves_when_the_body_has_no_dateline():
    document = recognise("# T\n\nFOR IMMEDIATE RELEASE: February 17, 2004\n\nThe team met.\n")
    assert document.dateline == Dateline("February 17, 2004", None, "2004-02-17", None)


def test_a_place_only_dateline_takes_its_date_from_the_embargo_line():
    document = recognise("Sperrfrist: 5. Mai 2021, 10:00 Uhr MESZ\n\nFrankfurt am Main (ots) - "
                         "Die Bank meldet ein starkes Quartal.\n")
    assert document.dateline.place == "Frankfurt am Main"
    assert document.dateline.date == "2021-05-05"


def test_leading_text_stops_early_on_huge_paragraphs():
    children = (Text("a" * 1_000_000),)
    assert dateline.leading_text(children, 10) == ("a" * 10, True)
    assert dateline.leading_text((Text("short"),), 10) == ("short", False)


def test_the_front_matter_date_serves_when_the_body_has_none():
    document = recognise("---\ntitle: T\ndate: 2019-07-19\n---\n\nDas Bündnis legt vor.\n")
    assert document.dateline.date == "2019-07-19" and document.dateline.place is None
    assert "PC102" in codes(document)


def test_the_body_date_wins_over_the_front_matter_date():
    document = recognise("---\ndate: 2017-10-25\n---\n\nBerlin, Germany | August 10, 2017 - "
                         "Camunda launches Zeebe.\n")
    assert document.dateline.date == "2017-08-10"


def test_no_dateline_and_no_date_gives_warning_pc102():
    document = recognise("# T\n\nVolunteers will gather on Thursday, June 29th.\n")
    assert document.dateline is None
    assert codes(document).count("PC102") == 1


def test_a_dateline_without_a_full_date_gives_warning_pc103():
    document = recognise("# T\n\nLONDON, May 2021 – The bank said.\n")
    assert document.dateline.place == "LONDON" and document.dateline.date is None
    assert "PC103" in codes(document)


@pytest.mark.parametrize("lead", [
    "Acme Corp – the leader in widgets – today announced a new widget for every home "
    "and office in the country, available from next month at all good stores near you.",
    "The Node.js Foundation – a community-led consortium – today announced new members "
    "who will help advance the platform for years to come across many industries.",
    "Today – more than ever – we need to act on climate change and on the loss of "
    "biodiversity, say the scientists who signed the letter published this morning.",
    "Counter-Terrorism co-operation was agreed today by the two organisations in Vienna "
    "after long talks that lasted well into the night and covered many shared priorities.",
    "On Thursday, June 29th, volunteers will gather at the Office for AI in London to "
    "urge the government to take the lead on pausing the development of dangerous AI.",
])
def test_sentences_with_dashes_are_not_datelines(lead):
    document = recognise("# T\n\n" + lead + "\n")
    assert document.dateline is None


def test_a_byline_with_a_date_is_not_a_place():
    document = recognise("# T\n\nBy Jane Doe – March 3, 2021\n\nThe text.\n")
    assert document.dateline is None or document.dateline.place is None


def test_a_bold_label_is_not_a_dateline():
    document = recognise("# T\n\n**Kontakt**\n\nE-Mail: presse@example.org\n")
    assert document.dateline is None


def test_removing_blocks_before_the_lead_keeps_its_index_right():
    document = recognise("# T\n\nPress kit\n\nOSLO, 2 May 2022 – News.\n")
    assert document.dateline.lead == 1
    shorter = dateline.without_blocks(document, [0])
    assert shorter.dateline.lead == 0
    assert plain_text(shorter.body[0].children) == "News."


def test_follow_lead_repairs_the_index_after_another_transform_drops_blocks():
    document = recognise("# T\n\nPress kit\n\nOSLO, 2 May 2022 – News.\n\nMore.\n")
    shorter = document.replace(body=document.body[1:])
    repaired = dateline.follow_lead(document, shorter)
    assert plain_text(repaired.body[repaired.dateline.lead].children) == "News."
    rewritten = document.replace(body=(document.body[0], Paragraph((Text("News!"),)),
                                       document.body[2]))
    assert dateline.follow_lead(document, rewritten).dateline.lead == 1
    gone = document.replace(body=(document.body[0],))
    assert dateline.follow_lead(document, gone).dateline.lead is None


# ------------------------------------------------------------------- corpus

def _corpus_cases():
    # the releases the rules were built on (000-099); the rest are measured by benchmarks/recognition.py
    return sorted(p.stem for p in CORPUS.glob("*.json") if p.name < "100")


@pytest.mark.parametrize("stem", _corpus_cases())
def test_corpus_dateline_matches_the_gold(stem):
    gold = json.loads((CORPUS / (stem + ".json")).read_text(encoding="utf-8"))
    document = parse(CORPUS / (stem + ".md"))
    expected = gold.get("dateline") or {}
    got = document.dateline
    assert (got.place if got else None) == expected.get("place")
    assert (got.date if got else None) == expected.get("date")
    if expected.get("raw"):
        assert got.raw == expected["raw"]


@pytest.mark.parametrize("text, iso", [
    ("4 أكتوبر 2018", "2018-10-04"),
    ("٤ أكتوبر ٢٠١٨", "2018-10-04"),  # Arabic-Indic digits
    ("12 آذار 2019", "2019-03-12"),  # the Levant's month names
    ("3 جوان 2020", "2020-06-03"),  # the Maghreb's
    ("4 באוקטובר 2018", "2018-10-04"),  # Hebrew, with its prefix "in"
    ("15 מרץ 2021", "2021-03-15"),
])
def test_arabic_and_hebrew_dates_become_iso(text, iso):
    assert find_date(text).iso == iso


@pytest.mark.parametrize("markdown, place", [
    ("## عنوان\n\n**القاهرة، 4 أكتوبر 2018 –** أعلنت المنظمة اليوم.\n", "القاهرة"),
    ("## כותרת\n\n**ירושלים, 4 באוקטובר 2018 –** הארגון הודיע היום.\n", "ירושלים"),
])
def test_datelines_in_scripts_without_capitals(markdown, place):
    document = parse(markdown)
    assert (document.dateline.place, document.dateline.date) == (place, "2018-10-04")
    assert not plain_text(document.body[document.dateline.lead].children).startswith(place)


# ------------------------------------------------------------------ wire and other shapes

_LEAD = (" Acme Corp. today announced a widget that does many things for many people in many "
         "places, and the company says it is good. ") * 2


@pytest.mark.parametrize("opening, place, iso", [
    ("CONCORD, N.H., March 3, 2021 /PRNewswire/ --", "CONCORD, N.H.", "2021-03-03"),
    ("HARTFORD, Conn.--(BUSINESS WIRE)--", "HARTFORD, Conn.", None),
    ("BOISE, ID / ACCESSWIRE / May 4, 2016 /", "BOISE, ID", "2016-05-04"),
    ("TORONTO, June 1, 2020 (GLOBE NEWSWIRE) --", "TORONTO", "2020-06-01"),
    ("MONTRÉAL, le 3 mars 2021 /CNW Telbec/ -", "MONTRÉAL", "2021-03-03"),
    ("SEATTLE (PRWEB) March 3, 2021 --", "SEATTLE", "2021-03-03"),
    ("LONDON, March 3, 2021 (Newsfile Corp.) -", "LONDON", "2021-03-03"),
    ("Acme Logo SAN JOSE, Calif., June 1, 2020 /PRNewswire/ --", "SAN JOSE, Calif.", "2020-06-01"),
    ("AUSTIN (Sept. 3, 2019) –", "AUSTIN", "2019-09-03"),
    ("Washington , D.C. --", "Washington, D.C.", None),
    ("March 5th, 2021 (Berlin, Paris) -", "Berlin, Paris", "2021-03-05"),
    ("5 Mars, 2021, (Partout) -", "Partout", "2021-03-05"),
    ("CIUDAD DE MÉXICO, 3 de marzo de 2021 /PRNewswire/ --", "CIUDAD DE MÉXICO", "2021-03-03"),
    ("Roma, 5 marzo 2021 –", "Roma", "2021-03-05"),
    ("Amsterdam, 5 maart 2021 –", "Amsterdam", "2021-03-05"),
    # wire credits between place and date, times after the date
    ("PHOENIX, AZ, October 02, 2025 /24-7PressRelease/ --", "PHOENIX, AZ", "2025-10-02"),
    ("NEW YORK, NY - (NewMediaWire) - August 22, 2024 -", "NEW YORK, NY", "2024-08-22"),
    ("HONG KONG SAR - [Media OutReach Newswire](https://example.com/) - 5 June 2026 -", "HONG KONG SAR",
     "2026-06-05"),
    ("Boynton Beach, FL (Newsworthy.ai) Thursday Nov 21, 2024 @ 7:00 AM Eastern —", "Boynton Beach, FL",
     "2024-11-21"),
    ("SAN FRANCISCO, CA–(Marketwired – Apr 17, 2017) –", "SAN FRANCISCO, CA", "2017-04-17"),
    ("SAN FRANCISCO–(BUSINESS WIRE)–", "SAN FRANCISCO", None),
])
def test_wire_and_other_dateline_shapes(opening, place, iso):
    document = recognise("# Acme launches a widget\n\n" + opening + _LEAD + "\n")
    assert document.dateline is not None
    assert (document.dateline.place, document.dateline.date) == (place, iso)
    assert lead_text(document).startswith("Acme Corp. today")


def test_a_wire_dateline_standing_alone_leads_into_the_next_paragraph():
    document = recognise("# Acme launches a widget\n\nHARTFORD, Conn.--(BUSINESS WIRE)--\n\n" + _LEAD + "\n")
    assert document.dateline is not None and document.dateline.place == "HARTFORD, Conn."
    assert lead_text(document).startswith("Acme Corp. today")


def test_a_date_alone_above_a_wire_dateline_gives_it_its_date():
    document = recognise("# Acme launches a widget\n\nMarch 3, 2021\n\n"
                         "HARTFORD, Conn.--(BUSINESS WIRE)--" + _LEAD + "\n")
    assert document.dateline is not None
    assert (document.dateline.place, document.dateline.date) == ("HARTFORD, Conn.", "2021-03-03")
    assert lead_text(document).startswith("Acme Corp. today")
    assert not any("March 3, 2021" in plain_text(b) for b in document.body)


def test_a_date_later_in_the_lead_is_not_the_release_date():
    document = recognise("# Acme launches a widget\n\nAcme Corp. today announced a widget that "
                         "ships on May 5, 2020." + _LEAD + "\n")
    assert document.dateline is None or document.dateline.date is None


def test_a_paragraph_of_layout_shortcodes_does_not_end_the_search_for_the_dateline():
    shortcodes = '[vc_row css_animation="" row_type="row" type="full_width" text_align="left"][vc_column]' * 3
    document = recognise("# Acme launches a widget\n\n" + shortcodes + "\n\nBERLIN, March 3, 2021 --" + _LEAD + "\n")
    assert document.dateline is not None and document.dateline.place == "BERLIN"


def test_a_soft_hyphen_in_the_dateline_is_invisible():
    document = recognise("# Acme launches a widget\n\nSUNNYVALE, Calif., Nov. 6, 2014 \u00ad/PRNewswire/ --"
                         + _LEAD + "\n")
    assert (document.dateline.place, document.dateline.date) == ("SUNNYVALE, Calif.", "2014-11-06")


@pytest.mark.parametrize("text, iso", [("05-02-2019", "2019-02-05"), ("5-Feb-2019", "2019-02-05")])
def test_dates_written_with_hyphens_read_day_first(text, iso):
    assert find_date(text).iso == iso


@pytest.mark.parametrize("key", ["Date", "created_at", "createTime"])
def test_front_matter_date_keys_in_any_case(key):
    assert parse("---\n%s: 2019-02-05\n---\n\n# T\n\nText here.\n" % key).dateline.date == "2019-02-05"


def test_a_dateline_ended_by_a_full_stop():
    document = recognise("# Acme\n\nBerlin, den 3. März 2021. Die Acme GmbH hat heute ein Produkt vorgestellt, "
                         "das vielen Menschen an vielen Orten hilft.\n")
    assert (document.dateline.place, document.dateline.date) == ("Berlin", "2021-03-03")
    assert lead_text(document).startswith("Die Acme GmbH")


@pytest.mark.parametrize("opening, place, iso", [
    ("Praha, 9. května 2023 – Firma dnes oznámila nový produkt, který pomůže mnoha lidem na mnoha "
     "místech, a je to dobré pro všechny, kdo ho potřebují.", "Praha", "2023-05-09"),
    ("København, 5. marts 2021 – Virksomheden har i dag præsenteret et nyt produkt, som er til gavn "
     "for mange mennesker, og det er godt for dem og for alle.", "København", "2021-03-05"),
])
def test_a_release_that_does_not_say_its_language_gets_its_month_names_from_its_words(opening, place, iso):
    document = recognise("# Acme\n\n" + opening + "\n")
    assert (document.dateline.place, document.dateline.date) == (place, iso)


@pytest.mark.parametrize("lead, place, iso, rest", [
    # place, a dash, the date, another dash
    ("LONDON, UK – 3 March 2021 – Acme today announced a programme.", "LONDON, UK", "2021-03-03", "Acme today"),
    ("Boston, MA — March 3, 2021 — Acme today announced a programme.", "Boston, MA", "2021-03-03", "Acme today"),
    # a state code in capitals is not a weekday ("ma", "Mi", "Mo")
    ("BOSTON, MA, March 3, 2021 – Acme today announced a programme.", "BOSTON, MA", "2021-03-03", "Acme today"),
    ("DETROIT, MI, March 3, 2021 – Acme today announced a programme.", "DETROIT, MI", "2021-03-03", "Acme today"),
    # a wire credit vouches for a mixed-case place before it
    ("Ottawa, Ontario--(Newsfile Corp. - March 3, 2021) - Acme today announced a programme.",
     "Ottawa, Ontario", "2021-03-03", "Acme today"),
    # Chinese and Japanese: full-width commas, a date opening the text without a dash
    ("北京，2021年3月3日 — 艾克米公司今天宣布了一项新计划。", "北京", "2021-03-03", "艾克米公司"),
    ("2021年3月3日 アクメ株式会社は本日、新しいプログラムを発表しました。", None, "2021-03-03", "アクメ株式会社"),
    ("【2021年3月3日】アクメ株式会社は本日、新しいプログラムを発表しました。", None, "2021-03-03", "アクメ株式会社"),
])
def test_more_dateline_shapes(lead, place, iso, rest):
    document = recognise("# Title\n\n" + lead + "\n")
    assert (document.dateline.place, document.dateline.date) == (place, iso)
    assert lead_text(document).startswith(rest)


@pytest.mark.parametrize("lead", [
    "2021年3月3日に開催されたイベントで新製品を発表しました。",  # the date opens a sentence
    "Acme Corp – the leader in widgets – announced a programme.",
])
def test_sentences_opening_with_a_date_or_an_apposition_have_no_dateline(lead):
    assert recognise("# Title\n\n" + lead + "\n").dateline is None


@pytest.mark.parametrize("front, lead, iso", [
    ("2021-03-05", "WASHINGTON, March 3 – Acme will hold its event.", "2021-03-03"),
    ("2021-01-02", "Paris, le 30 décembre – Acme tient un événement.", "2020-12-30"),  # the year before
    ("2021-07-02", "WASHINGTON, March 3 – Acme will hold its event.", "2021-07-02"),  # too far: the front matter's
])
def test_a_dateline_without_a_year_takes_it_from_the_front_matter_date(front, lead, iso):
    document = parse("---\ndate: %s\n---\n\n# Title\n\n%s\n" % (front, lead))
    assert document.dateline.date == iso

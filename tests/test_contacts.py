"""The contacts transform: media contacts found, read field by field, and taken out of the body."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from pressconv import parse
from pressconv.model import (
    Boilerplate, Document, Heading, Paragraph, ReleaseLine, Strong, Table, Text,
    plain_text,
)
from pressconv.transforms import contacts as transform

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIELDS = ("name", "role", "organization", "phone", "email", "url", "phone_e164")


def recognise(markdown: str) -> Document:
    """The raw Markdown tree with only the contacts transform run over it."""
    return transform.apply(parse(markdown, recognize=False))


def found(markdown: str) -> list[dict]:
    return [{k: getattr(c, k) for k in FIELDS if getattr(c, k)} for c in recognise(markdown).contacts]


def codes(document: Document) -> list[str]:
    return [w.code for w in document.warnings]


def body_text(document: Document) -> str:
    return plain_text(document.body)


# ------------------------------------------------------------------ layouts


def test_a_label_line_with_soft_broken_lines_gives_one_contact_with_every_field():
    markdown = ("Acme ships.\n\nMedia Contact:\nJane Doe\nHead of Communications\nAcme Corp.\n"
                "+1 202-622-2920\njane.doe@acme.com\n")
    assert found(markdown) == [{
        "name": "Jane Doe", "role": "Head of Communications", "organization": "Acme Corp.",
        "phone": "+1 202-622-2920", "email": "jane.doe@acme.com", "phone_e164": "+12026222920"}]


def test_a_contact_heading_section_is_removed_from_the_body_and_its_heading_kept():
    document = recognise("Body text.\n\n## Press contacts\n\nJane Doe, jane@acme.com\n\n## About Acme\n\nAcme.")
    assert document.contacts_heading == "Press contacts"
    assert [c.email for c in document.contacts] == ["jane@acme.com"]
    assert "jane@acme.com" not in body_text(document)
    assert "Press contacts" not in body_text(document)
    assert "About Acme" in body_text(document)


def test_hard_line_breaks_and_br_tags_separate_the_fields():
    markdown = ("Body.\n\n**Media Contact**  \nJohn Roe  \nRoe Communications for Acme  \n"
                "john@roe-pr.com<br>\n650.219.7764\n")
    assert found(markdown) == [{
        "name": "John Roe", "organization": "Roe Communications for Acme", "phone": "650.219.7764",
        "email": "john@roe-pr.com", "phone_e164": "+16502197764"}]


def test_two_contacts_in_one_run_on_paragraph_are_split_where_the_second_person_starts():
    markdown = ("Body.\n\n## For more information, please contact:\n\n"
                "Press Office, Ministry of Examples, Phone: +43 1 531 20 0, <u>press@example.gv.at</u> "
                "Mr. Paul Berger, Agency for Samples, Geneva, <u>berger@samples.org</u>\n")
    document = recognise(markdown)
    assert [(c.name, c.organization, c.email) for c in document.contacts] == [
        (None, "Press Office, Ministry of Examples", "press@example.gv.at"),
        ("Paul Berger", "Agency for Samples", "berger@samples.org")]
    assert document.contacts[0].phone == "+43 1 531 20 0"
    assert document.contacts_heading == "For more information, please contact:"
    assert document.body == (Paragraph((Text("Body."),)),)


def test_several_contacts_on_soft_broken_lines_of_one_paragraph():
    markdown = ("Body.\n\nMedia contacts:\nAnna Berg, Nordic Paper, +46 8 123 456 78, anna@nordicpaper.se\n"
                "Lars Holm, Holm PR, +46 8 123 456 79, lars@holmpr.se\n")
    assert [(c["name"], c["organization"], c["phone_e164"]) for c in found(markdown)] == [
        ("Anna Berg", "Nordic Paper", "+46812345678"), ("Lars Holm", "Holm PR", "+46812345679")]


def test_a_release_line_that_runs_into_the_contact_keeps_only_the_release_part():
    document = recognise("**FOR IMMEDIATE RELEASE: March 3, 2021 CONTACT: Tony Fratto at 202-622-2960**\n\nBody.")
    assert [(c.name, c.phone) for c in document.contacts] == [("Tony Fratto", "202-622-2960")]
    assert document.contacts_heading == "CONTACT:"
    assert document.body[0] == Paragraph((Strong((Text("FOR IMMEDIATE RELEASE: March 3, 2021"),)),))


def test_a_contact_left_in_the_release_line_is_taken_from_it():
    document = transform.apply(Document(
        body=(Paragraph((Text("Body."),)),),
        release=ReleaseLine("FOR IMMEDIATE RELEASE CONTACT: Ann Lee (202) 622-2960")))
    assert [(c.name, c.phone_e164) for c in document.contacts] == [("Ann Lee", "+12026222960")]
    assert document.release.text == "FOR IMMEDIATE RELEASE"


def test_a_bullet_list_gives_one_contact_per_item():
    markdown = ("Body.\n\n**Press contacts**\n\n"
                "- Jane Doe, Head of Communications, +44 20 7946 0018, jane@acme.co.uk\n"
                "- John Roe, Press Officer, john@acme.co.uk\n")
    assert found(markdown) == [
        {"name": "Jane Doe", "role": "Head of Communications", "phone": "+44 20 7946 0018",
         "email": "jane@acme.co.uk", "phone_e164": "+442079460018"},
        {"name": "John Roe", "role": "Press Officer", "email": "john@acme.co.uk"}]


def test_a_table_with_field_headers_gives_one_contact_per_row():
    markdown = ("Body.\n\n## Pressekontakt\n\n| Name | Telefon | E-Mail |\n|---|---|---|\n"
                "| Eva Klein | 030 2093 2800 | eva@beispiel.de |\n| Tom Lang | +49 89 2180 0 | tom@beispiel.de |\n")
    document = recognise(markdown)
    assert [(c.name, c.phone_e164, c.email) for c in document.contacts] == [
        ("Eva Klein", "+493020932800", "eva@beispiel.de"), ("Tom Lang", "+498921800", "tom@beispiel.de")]
    assert not any(isinstance(b, Heading) for b in document.body)


def test_name_paragraphs_followed_by_detail_lines_make_one_contact_each():
    markdown = ("Body.\n\n## Contacts\n\n**Jane Doe**\nCommunications Manager, Acme\njane@acme.com\n\n"
                "**John Roe**\nHead of PR, Beta\njohn@beta.com\n")
    assert [(c["name"], c["role"], c["organization"]) for c in found(markdown)] == [
        ("Jane Doe", "Communications Manager", "Acme"), ("John Roe", "Head of PR", "Beta")]


def test_labelled_details_in_separate_paragraphs_belong_to_the_same_desk():
    markdown = "Body.\n\n**Kontakt**\n\nE-Mail: presse@beispiel.org\n\nTelefon: +49 30 2093 2800\n"
    assert found(markdown) == [{"phone": "+49 30 2093 2800", "email": "presse@beispiel.org",
                                "phone_e164": "+493020932800"}]


def test_organisation_colon_name_lines_give_the_organisation_and_the_person():
    markdown = ("Texte.\n\nContacts presse :\n\nGreenpeace France : Paul Martin "
                "[paul@example.org](mailto:paul@example.org) +33 6 12 34 56\n78\n\n"
                "Julie Bernard +33 1 42 75 80 00\n")
    contacts = found(markdown)
    assert [(c.get("name"), c.get("organization")) for c in contacts] == [
        ("Paul Martin", "Greenpeace France"), ("Julie Bernard", None)]
    assert contacts[0]["phone"] == "+33 6 12 34 56 78"


def test_the_contact_block_is_found_at_the_top_of_the_release():
    document = recognise("Media Contact  \nKim Park  \nkim@park-pr.com\n\n# Headline\n\nBody text.")
    assert [c.name for c in document.contacts] == ["Kim Park"]
    assert isinstance(document.body[0], Heading)


def test_a_contact_block_inside_a_boilerplate_section_leaves_that_section():
    document = transform.apply(Document(
        body=(Paragraph((Text("Body."),)),),
        boilerplate=(Boilerplate("About Acme", (
            Paragraph((Text("Acme makes anvils."),)),
            Paragraph((Text("Media contact: Jane Doe, jane@acme.com"),)))),)))
    assert [c.email for c in document.contacts] == ["jane@acme.com"]
    assert document.boilerplate[0].children == (Paragraph((Text("Acme makes anvils."),)),)


def test_a_contact_in_a_raw_html_block_is_read():
    markdown = 'Body.\n\n<p>Media contact:<br>Jane Doe<br><a href="mailto:jane@acme.com">E-mail</a></p>\n'
    assert found(markdown) == [{"name": "Jane Doe", "email": "jane@acme.com"}]


def test_front_matter_contacts_are_read_as_mappings_and_strings():
    markdown = ("---\ncontacts:\n  - name: Dr. Jane Doe\n    email: jane@acme.com\n"
                "    phone: \"+1 202 622 2920\"\n    organization: Acme\n  - \"John Roe <john@acme.com>\"\n"
                "---\n\nBody.\n")
    assert found(markdown) == [
        {"name": "Jane Doe", "organization": "Acme", "phone": "+1 202 622 2920", "email": "jane@acme.com",
         "phone_e164": "+12026222920"},
        {"name": "John Roe", "email": "john@acme.com"}]


def test_a_prose_sentence_offering_the_press_an_address_is_a_contact_when_nothing_is_labelled():
    markdown = ("Body.\n\nJournalists can reach the Acme press team at press@acme.org "
                "or +41 22 730 11 11.\n")
    document = recognise(markdown)
    assert [(c.email, c.phone_e164) for c in document.contacts] == [("press@acme.org", "+41227301111")]
    assert document.contacts_heading is None


def test_a_linked_name_with_a_mailto_target_is_one_contact():
    markdown = ("Body.\n\nFor press enquiries contact [Jane Doe](mailto:jane@acme.com), "
                "Acme Press Office, on +44 20 7946 0018.\n")
    assert found(markdown) == [{"name": "Jane Doe", "organization": "Acme Press Office",
                                "phone": "+44 20 7946 0018", "email": "jane@acme.com",
                                "phone_e164": "+442079460018"}]


def test_an_organisation_is_taken_from_the_email_domain_when_the_release_names_it():
    markdown = ("Globex Corporation today announced things. Globex is big.\n\n"
                "Media contact:\nSam Lee, Director of Communications\nsam.lee@globex.com\n")
    assert found(markdown)[0]["organization"] == "Globex Corporation"


def test_no_organisation_is_guessed_from_a_free_mail_address():
    markdown = "Gmail is popular.\n\nPress contact: Sam Lee, sam.lee@gmail.com\n"
    assert "organization" not in found(markdown)[0]


def test_sub_headings_inside_the_section_give_each_contact_its_organisation():
    markdown = ("Body.\n\n## Press contacts\n\n### Acme Corp.\n\nJane Doe, +1 202 622 2920\n\n"
                "### Beta GmbH\n\nMax Roth, max.roth@beta.de\n\n## About Acme\n\nAcme is a company.\n")
    document = recognise(markdown)
    assert [(c.name, c.organization) for c in document.contacts] == [
        ("Jane Doe", "Acme Corp."), ("Max Roth", "Beta GmbH")]
    assert [b.level for b in document.body if isinstance(b, Heading)] == [2]


def test_a_sub_label_naming_the_desk_is_not_taken_for_the_organisation():
    markdown = ("Body.\n\nContacts\n\nMedia:\nAcme Inc.\nJane Smith, 617-253-1000\n"
                "jane.smith@acme.com\n")
    assert found(markdown) == [{"name": "Jane Smith", "organization": "Acme Inc.", "phone": "617-253-1000",
                                "email": "jane.smith@acme.com", "phone_e164": "+16172531000"}]


def test_a_bare_role_keeps_its_department():
    markdown = "Body.\n\nMedia Contact:\nJane Smith\nDirector, Corporate Communications\npress@acme.com\n"
    assert found(markdown)[0]["role"] == "Director, Corporate Communications"


def test_surnames_in_capitals_are_names():
    markdown = ("Body.\n\n**Press contacts:**\n\nEric MAMER (+32 2 299 40 73)\n"
                "Daniel FERRIE (+32 2 298 65 00)\n\nGeneral public inquiries: Europe Direct by phone "
                "00 800 67 89 10 11\n")
    document = recognise(markdown)
    assert [(c.name, c.phone) for c in document.contacts] == [
        ("Eric MAMER", "+32 2 299 40 73"), ("Daniel FERRIE", "+32 2 298 65 00")]
    assert "General public inquiries" in body_text(document)


def test_labelled_details_under_a_desk_label_and_the_organisation_from_the_domain():
    markdown = ("The DCMS announced a plan today. DCMS said so.\n\nPress office\n\n"
                "Email: press@dcms.gov.uk\n\nTelephone: 020 7211 2210\n")
    assert found(markdown) == [{"organization": "DCMS", "phone": "020 7211 2210",
                                "email": "press@dcms.gov.uk", "phone_e164": "+442072112210"}]


def test_a_sentence_under_notes_to_editors_offering_interviews_is_a_contact():
    markdown = ("Body.\n\n## Notes to editors\n\nFor interviews contact Jane Doe on 020 7946 0018 "
                "or jane@acme.org.\n")
    assert found(markdown) == [{"name": "Jane Doe", "phone": "020 7946 0018", "email": "jane@acme.org",
                                "phone_e164": "+442079460018"}]


def test_a_desk_without_any_means_of_contact_is_kept_with_a_warning():
    document = recognise("Body.\n\n## Media contact\n\nAcme Press Office\n")
    assert [c.organization for c in document.contacts] == ["Acme Press Office"]
    assert codes(document) == ["PC105"]


# ------------------------------------------------------------- languages


@pytest.mark.parametrize("markdown, expected", [
    ("Text.\n\n**Pressekontakt:**\nMax Mustermann\nMusterfirma GmbH\nMusterstraße 1, 10115 Berlin\n"
     "Tel.: +49 (0)30 2093 2800\nE-Mail: presse@musterfirma.de\n",
     {"name": "Max Mustermann", "organization": "Musterfirma GmbH", "phone": "+49 (0)30 2093 2800",
      "email": "presse@musterfirma.de", "phone_e164": "+493020932800"}),
    ("Der Text und die Sache.\n\nKontakt für Medien:\nHerr Dr. Hans Müller, Pressesprecher\n"
     "Telefon: 030 20932800\nhans.mueller@ministerium.de\n",
     {"name": "Hans Müller", "role": "Pressesprecher", "phone": "030 20932800",
      "email": "hans.mueller@ministerium.de", "phone_e164": "+493020932800"}),
    ("Texte.\n\nContact presse :\nMme Marie Dupont – Chargée de communication\nTél. : 01 42 75 80 00\n"
     "marie.dupont@exemple.fr\n",
     {"name": "Marie Dupont", "role": "Chargée de communication", "phone": "01 42 75 80 00",
      "email": "marie.dupont@exemple.fr", "phone_e164": "+33142758000"}),
    ("Texto.\n\n**Contacto de prensa:**\nLaura García\nDirectora de Comunicación\n"
     "laura.garcia@empresa.es\n+34 91 123 45 67\n",
     {"name": "Laura García", "role": "Directora de Comunicación", "phone": "+34 91 123 45 67",
      "email": "laura.garcia@empresa.es", "phone_e164": "+34911234567"}),
    ("Testo.\n\nUfficio stampa\nGiulia Rossi – giulia.rossi@azienda.it – Tel. 02 8901 2345\n",
     {"name": "Giulia Rossi", "phone": "02 8901 2345", "email": "giulia.rossi@azienda.it",
      "phone_e164": "+390289012345"}),
    ("Текст.\n\nКонтакты для СМИ:\nИван Петров, пресс-секретарь\n+7 495 123-45-67\npress@company.ru\n",
     {"name": "Иван Петров", "role": "пресс-секретарь", "phone": "+7 495 123-45-67",
      "email": "press@company.ru", "phone_e164": "+74951234567"}),
    ("Texto.\n\nContato de imprensa: Ana Souza, ana.souza@empresa.com.br, +55 11 3456-7890\n",
     {"name": "Ana Souza", "phone": "+55 11 3456-7890", "email": "ana.souza@empresa.com.br",
      "phone_e164": "+551134567890"}),
    ("Text.\n\n*Presseanfragen bitte an Jana Vogel, <presse@verein.de>, Telefon auf Anfrage.*\n",
     {"name": "Jana Vogel", "email": "presse@verein.de"}),
    ("Text.\n\nRückfragen richten Sie bitte an das Presseteam des Vereins Offene Daten: "
     "presse@offene-daten.de oder Tel. +49 30 2093 2800.\n",
     {"organization": "Presseteam des Vereins Offene Daten", "phone": "+49 30 2093 2800",
      "email": "presse@offene-daten.de", "phone_e164": "+493020932800"}),
], ids=["de-block", "de-honorifics", "fr", "es", "it", "ru", "pt", "de-sentence", "de-prose"])
def test_contact_blocks_in_several_languages(markdown, expected):
    assert found(markdown) == [expected]


# ------------------------------------------------------------ e-mail forms


@pytest.mark.parametrize("written, address", [
    # obfuscated by the publisher against harvesting robots: kept as written (and never linked)
    ("press [at] example [dot] org", "press [at] example [dot] org"),
    ("press(at)example.org", "press(at)example.org"),
    ("press at example dot org", "press at example dot org"),
    ("press{at}example{dot}co{dot}uk", "press{at}example{dot}co{dot}uk"),
    # markup and links around a plain address: the bare address
    ("<u>press@example.org</u>", "press@example.org"),
    ("[write to us](mailto:press@example.org?subject=Launch)", "press@example.org"),
    ("<press@example.org>", "press@example.org"),
])
def test_email_addresses_are_bare_or_as_their_publisher_obfuscated_them(written, address):
    assert found("Body.\n\nMedia contact: Jane Doe, %s\n" % written)[0]["email"] == address


def test_an_obfuscated_address_is_shown_but_not_linked_in_docx_and_pdf(tmp_path):
    import zipfile

    from pressconv import convert

    text = "# Acme\n\nBody.\n\nMedia contact: Jane Doe, press(at)example.org\n"
    convert(text, tmp_path / "r.docx")
    xml = zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml").decode()
    rels = zipfile.ZipFile(tmp_path / "r.docx").read("word/_rels/document.xml.rels").decode()
    assert "press(at)example.org" in xml and "mailto:" not in rels
    convert(text, tmp_path / "r.pdf")
    assert b"mailto:" not in (tmp_path / "r.pdf").read_bytes()


def test_reach_someone_at_a_phone_number_is_no_email():
    contact = found("Body.\n\nCONTACT: Rob Mills at 202-622-2920\n")[0]
    assert "email" not in contact and contact["name"] == "Rob Mills"


# ---------------------------------------------------------------- phones


def test_several_phones_are_joined_and_the_first_valid_one_normalised():
    contact = found("Body.\n\nKontakt:\nTelefon: +447802530272 /+447472916283\n")[0]
    assert contact["phone"] == "+447802530272; +447472916283"
    assert contact["phone_e164"] == "+447802530272"


def test_a_phone_split_over_two_lines_is_one_number():
    contact = found("Body.\n\nPress contacts:\n\nAmy Pond amy@example.org +44(0)\n7802530272\n")[0]
    assert contact["phone"] == "+44(0) 7802530272" and contact["phone_e164"] == "+447802530272"


def test_fax_numbers_are_not_phones():
    contact = found("Body.\n\nMedia contact: Jane Doe, Tel. +1 202 622 2920, Fax +1 202 622 2921\n")[0]
    assert contact["phone"] == "+1 202 622 2920"


def test_a_national_number_is_read_in_the_region_of_the_email_domain():
    contact = found("Body.\n\nMedia contact: Lea Frei, lea@frei.ch, 044 668 18 00\n")[0]
    assert contact["phone_e164"] == "+41446681800"


def test_social_links_and_press_kits_are_no_contact_url_or_name():
    markdown = ("Body.\n\n**Media Contact**  \nJane Doe  \njane@acme.com  \nwww.acme.com  \n"
                "[Twitter](https://twitter.com/acme) | [Press kit](https://acme.com/kit.zip)\n")
    assert found(markdown) == [{"name": "Jane Doe", "email": "jane@acme.com", "url": "www.acme.com"}]


def test_a_year_range_is_no_phone():
    assert "phone" not in found("Body.\n\nMedia contact: Jane Doe, jane@acme.com, in office 2019-2021\n")[0]


def test_a_us_number_that_is_not_valid_is_kept_as_written_with_pc108():
    document = recognise("Body.\n\nMedia Contact:\nJane Smith\nABC Company\n555-555-5555\njsmith@abc.com\n")
    assert document.contacts[0].phone == "555-555-5555" and document.contacts[0].phone_e164 is None
    assert codes(document) == ["PC108"]


# ----------------------------------------------------------------- warnings


def test_a_release_without_contacts_warns_pc104():
    document = recognise("# Title\n\nBody text without any contact.\n")
    assert document.contacts == () and "PC104" in codes(document)


def test_a_contact_without_phone_or_email_warns_pc105():
    document = recognise("Body.\n\n## Media contact\n\nJane Doe, Acme Corp\n")
    assert [c.name for c in document.contacts] == ["Jane Doe"]
    assert codes(document) == ["PC105"]
    assert document.warnings[0].line == 5


def test_an_invalid_email_warns_pc107_and_an_invalid_phone_pc108():
    document = recognise("Body.\n\nPress contact:\nJane Doe, jane@acme, Tel. 12345678901234\n")
    assert sorted(codes(document)) == ["PC107", "PC108"]
    assert document.contacts[0].email == "jane@acme"
    assert document.contacts[0].phone == "12345678901234" and document.contacts[0].phone_e164 is None


def test_a_valid_contact_gives_no_warning():
    assert codes(recognise("Body.\n\nMedia contact: Jane Doe, jane@acme.com\n")) == []


# ------------------------------------------------------------------ negatives


@pytest.mark.parametrize("markdown", [
    "Contact tracing apps are popular. Contact us at info@acme.com for anything.",
    "For more information, visit www.example.com.",
    "Body.\n\n## Impressum\n\nAcme GmbH, Musterstraße 1, 10115 Berlin\ninfo@acme.de",
    "To learn more about membership, send a request to enquiries@example.org.",
    "Body.\n\nContact:\nGeneral enquiries: info@acme.com",
    "Body.\n\n## Contact\n\nWe look forward to hearing from you.",
    "Body.\n\n**Investor Relations:**\nJohn Roe, +1 650 219 7765, ir@acme.com",
    "The event takes place on 12.05.2021 at 10:00 in room 2020.",
    "Follow us: [Twitter](https://twitter.com/acme) | [LinkedIn](https://linkedin.com/company/acme)",
    "Body.\n\n## Contact us\n\ninfo@acme.com",
    "Follow us on social media or email hello@acme.com with questions.",
], ids=["prose-no-press", "visit", "imprint", "membership", "general", "no-means", "investors", "date",
        "social", "contact-us", "social-media"])
def test_these_are_not_media_contacts(markdown):
    document = recognise(markdown)
    assert document.contacts == ()
    assert "PC104" in codes(document)


def test_an_investor_block_after_the_media_contact_is_left_out():
    markdown = ("Body.\n\n**Contacts**\n\nAcme Corp.\nJane Doe, 650-219-7764\njane@acme.com\nor\n"
                "Investor Relations:\nJohn Roe, 650-219-7765\nir@acme.com\n")
    assert [c["email"] for c in found(markdown)] == ["jane@acme.com"]


def test_links_after_the_contact_block_stay_in_the_body():
    document = recognise("Media Contact  \nKim Park  \nkim@park-pr.com\n\n[View on PRWeb](https://prweb.com/x)\n")
    assert "View on PRWeb" in body_text(document)


def test_a_label_that_yields_no_contact_leaves_the_body_as_it_was():
    document = recognise("Body.\n\nContact:\n\nWe will publish details soon, see the website.\n")
    assert document.body == parse("Body.\n\nContact:\n\nWe will publish details soon, see the website.\n",
                                  recognize=False).body


def test_running_the_transform_twice_keeps_the_contacts():
    once = recognise("Body.\n\nMedia contact: Jane Doe, jane@acme.com\n")
    twice = transform.apply(once)
    assert twice.contacts == once.contacts and "PC104" not in codes(twice)


# ------------------------------------------------------------ reference and corpus


def test_the_seed_gives_exactly_its_two_contacts():
    document = parse(FIXTURES / "osce-unoct.md")
    assert [(c.name, c.organization, c.phone, c.email) for c in document.contacts] == [
        (None, "Communication and Media Relations Section, OSCE Secretariat", "+ 43 676 71 74 592",
         "press@osce.org"),
        ("Laurence Gerard", "United Nations Office of Counter-Terrorism", None, "gerardl@un.org")]
    assert document.contacts[0].phone_e164 == "+436767174592"
    assert document.contacts_heading == "For more information, please contact:"
    assert "press@osce.org" not in body_text(document)
    assert not {"PC104", "PC105", "PC107", "PC108"} & set(codes(document))


def _digits(phone: str | None) -> str:
    return "".join(ch for ch in phone or "" if ch.isdigit())[-9:]


def _key(contact: dict) -> str:
    return (contact.get("email") or "").lower() or _digits(contact.get("phone")) or contact.get("name") or ""


# the releases the rules were built on (000-099); the rest are measured by benchmarks/recognition.py
CORPUS = sorted(p for p in (FIXTURES / "corpus").glob("*.json") if p.name < "100")
XFAIL = {
    "042_xr-phoenix-fr": "the gold lists two of the five contacts under 'Contacts Presse'",
}

ORG_XFAIL = {
    "015_treasury-bus-tour-2004": "the organisation comes from a 'FROM THE OFFICE OF PUBLIC AFFAIRS' banner",
    "032_codeforgermany-vsberichte-de": "the organisation is the site's full name, the e-mail its short domain",
    "037_ccc-ch-heartbleed-de": "the gold spells out the acronym CCC-CH in parentheses",
    "042_xr-phoenix-fr": "the gold names the film's organisation where the release writes 'Film :'",
}


def _marks(table: dict, path: Path) -> list:
    reason = table.get(path.stem)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


@pytest.mark.parametrize("gold_path", [pytest.param(p, id=p.stem, marks=_marks(XFAIL, p)) for p in CORPUS])
def test_corpus_contacts_match_the_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["contacts"]
    document = parse(gold_path.with_suffix(".md"))
    got = [{k: getattr(c, k) for k in FIELDS} for c in document.contacts]
    assert sorted(map(_key, got)) == sorted(map(_key, gold))
    by_key = {_key(c): c for c in got}
    for expected in gold:
        contact = by_key[_key(expected)]
        assert (contact["email"] or "").lower() == (expected["email"] or "").lower()
        assert _digits(contact["phone"]) == _digits(expected["phone"])
        assert (contact["name"] or None) == expected["name"]


@pytest.mark.parametrize("gold_path", [pytest.param(p, id=p.stem, marks=_marks(ORG_XFAIL, p))
                                       for p in CORPUS])
def test_corpus_contact_organisations_match_the_gold(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["contacts"]
    document = parse(gold_path.with_suffix(".md"))
    by_key = {_key({k: getattr(c, k) for k in FIELDS}): c for c in document.contacts}
    for expected in gold:
        contact = by_key.get(_key(expected))
        if expected["organization"]:
            assert contact is not None and contact.organization is not None
            # the scorer's test: similar enough once case and spacing are set aside
            ratio = difflib.SequenceMatcher(None, _loose(contact.organization),
                                            _loose(expected["organization"]), autojunk=False).ratio()
            assert ratio >= 0.8, (contact.organization, expected["organization"])


def _loose(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .,;:-")


_LEAD = ("## Acme opens a plant in Linz\n\n**LINZ, Austria, 3 March 2025 –** Acme opened its plant today.\n\n"
         "###\n\n")


@pytest.mark.parametrize("table", [
    "| Media contact | E-mail | Phone |\n| --- | --- | --- |\n"
    "| John Smith, Acme Press Office | john.smith@acme.example | +43 732 1234 567 |\n"
    "| Maria Huber | maria.huber@acme.example | +43 732 1234 568 |\n",
    "<table>\n<thead><tr><th>Media contact</th><th>E-mail</th><th>Phone</th></tr></thead>\n<tbody>\n"
    "<tr><td>John Smith, Acme Press Office</td><td><a href=\"mailto:john.smith@acme.example\">"
    "john.smith@acme.example</a></td><td>+43 732 1234 567</td></tr>\n"
    "<tr><td>Maria Huber</td><td>maria.huber@acme.example</td><td>+43 732 1234 568</td></tr>\n"
    "</tbody>\n</table>\n",
], ids=["markdown table", "html table"])
def test_a_table_headed_as_media_contacts_gives_one_contact_per_row(table):
    document = parse(_LEAD + table)
    assert [(c.name, c.email, c.phone) for c in document.contacts] == [
        ("John Smith", "john.smith@acme.example", "+43 732 1234 567"),
        ("Maria Huber", "maria.huber@acme.example", "+43 732 1234 568"),
    ]
    assert document.contacts[0].organization == "Acme Press Office"
    assert not any(isinstance(b, Table) for b in document.body)  # moved into contacts


def test_a_table_not_headed_as_contacts_stays_a_table():
    document = parse(_LEAD + "| Product | Support address |\n| --- | --- |\n| Widget | help@acme.example |\n")
    assert document.contacts == ()
    assert any(isinstance(b, Table) for b in document.body)


def test_the_header_of_a_contact_table_labels_the_cells_and_is_no_contact():
    document = parse(_LEAD + "| Company | Contact |\n| --- | --- |\n| ACME | jane@acme.example |\n")
    assert [(c.name, c.organization, c.email) for c in document.contacts] == [
        (None, "ACME", "jane@acme.example")]


# ------------------------------------------------------------ shapes other publishers use


@pytest.mark.parametrize("block, name, phone, email", [
    ("Kontakt für Rückfragen:\nMax Mustermann\nTelefon: 030 1234567\nHandy: 0170 1234567\nmax@acme.de\n",
     "Max Mustermann", "030 1234567; 0170 1234567", "max@acme.de"),
    ("Contacto de prensa:\nAna García\nTel.: +34 91 123 45 67\nana.garcia@acme.es\n",
     "Ana García", "+34 91 123 45 67", "ana.garcia@acme.es"),
    ("Contatti stampa:\nMario Rossi\nCell. +39 333 1234567\nmario.rossi@acme.it\n",
     "Mario Rossi", "+39 333 1234567", "mario.rossi@acme.it"),
    ("Contato para imprensa:\nJoão Silva\n(11) 91234-5678\njoao.silva@acme.com.br\n",
     "João Silva", "(11) 91234-5678", "joao.silva@acme.com.br"),
    ("Perscontact:\nJan de Vries\n+31 6 12345678\njan@acme.nl\n", "Jan de Vries", "+31 6 12345678", "jan@acme.nl"),
    ("Renseignements :\nMarie Dupont\n514 555-0100\nmarie@acme.ca\n", "Marie Dupont", "514 555-0100", "marie@acme.ca"),
    ("Media contact:\nJane Doe\nOffice: +1 202 555 0100\nMobile: +1 202 555 0199\njane@acme.com\n",
     "Jane Doe", "+1 202 555 0100; +1 202 555 0199", "jane@acme.com"),
])
def test_contact_blocks_under_labels_in_many_languages(block, name, phone, email):
    contact = found("Body.\n\n" + block)[0]
    assert (contact["name"], contact["phone"], contact["email"]) == (name, phone, email)


@pytest.mark.parametrize("sentence, name", [
    ("For more information, contact Jane Doe at 202-555-0100 or jane@acme.com.", "Jane Doe"),
    ("Pour plus d'informations, contactez Marie Dupont au 01 23 45 67 89 ou marie@acme.fr.", "Marie Dupont"),
    ("Für Rückfragen wenden Sie sich an Max Muster, Tel. 030 1234567, max@acme.de.", "Max Muster"),
    ("Para más información, contacte con Ana García en el +34 91 123 45 67.", "Ana García"),
])
def test_a_sentence_that_invites_the_reader_to_contact_someone_gives_that_contact(sentence, name):
    contacts = found("Body.\n\n" + sentence + "\n")
    assert len(contacts) == 1 and contacts[0]["name"] == name and "organization" not in contacts[0]


def test_table_columns_named_in_any_order_label_the_cells():
    contacts = found("Body.\n\n| Agency | Contact | Phone | Email |\n|---|---|---|---|\n"
                     "| Acme PR | Jane Doe | +1 202 555 0100 | jane@acmepr.com |\n"
                     "| Beta Comms | John Roe | +44 20 7946 0000 | john@beta.co.uk |\n")
    assert [(c["name"], c["organization"]) for c in contacts] == [
        ("Jane Doe", "Acme PR"), ("John Roe", "Beta Comms")]


def test_region_labels_above_contacts_are_not_organisations():
    contacts = found("Body.\n\nMedia contacts:\n\nUSA & International:\nJane Doe\n+1 202 555 0100\n"
                     "jane@acme.com\n\nDeutschland:\nHans Meier\n+49 30 1234567\nhans@acme.de\n")
    assert [c["name"] for c in contacts] == ["Jane Doe", "Hans Meier"]
    assert all("organization" not in c for c in contacts)


def test_pgp_fingerprints_and_social_handles_are_neither_phones_nor_organisations():
    contact = found("Body.\n\nPress contact: Jane Doe, press@acme.org, PGP: 4A3B 2C1D 0E9F 8A7B "
                    "6C5D 4E3F 2A1B 0C9D 8E7F 6A5B, Twitter: @acmepress\n")[0]
    assert contact["name"] == "Jane Doe" and "phone" not in contact and "organization" not in contact


def test_an_organisation_line_may_be_a_domain_or_a_camel_cased_brand():
    contacts = found("Body.\n\nMedia Contacts:\n\nAlex Lee\nShells.com\n<alex@shells.com>\n\n"
                     "Douglas DeMaio\nopenSUSE\n<ddemaio@opensuse.org>\n")
    assert [(c["name"], c.get("organization"), c.get("url")) for c in contacts] == [
        ("Alex Lee", "Shells.com", None), ("Douglas DeMaio", "openSUSE", None)]


@pytest.mark.parametrize("line, name, organisation", [
    ("Media Contact: Steve Sturgeon QLogic Corporation 858.472.5669 steve@qlogic.com", "Steve Sturgeon", "QLogic Corporation"),
    ("**Media:** OpenPOWER Foundation Joni Sterlacci, 732-562-5464 j.s@ieee.org", "Joni Sterlacci", "OpenPOWER Foundation"),
    ("## Contact information\n\n- **Media Contact:** Mark Wheeler Highwire PR [mark@highwirepr.com](mailto:mark@highwirepr.com)",
     "Mark Wheeler", "Highwire PR"),
])
def test_a_name_and_an_organisation_run_together_are_told_apart(line, name, organisation):
    contact = found("Body.\n\n" + line + "\n")[0]
    assert (contact["name"], contact["organization"]) == (name, organisation)


def test_an_investor_contact_after_the_media_contact_is_not_a_media_contact():
    contacts = found("Body.\n\n### CONTACT:\n\nMedia Contact: Steve Sturgeon QLogic Corporation 858.472.5669 "
                     "steve@qlogic.com\n\nInvestor Contact: Doug Naylor QLogic Corporation 949.542.1330 "
                     "doug@qlogic.com\n")
    assert [c["email"] for c in contacts] == ["steve@qlogic.com"]


def test_a_heading_holding_the_label_and_the_address_is_a_contact():
    assert found("Body.\n\n### Contact presse: [presse@velo.fr](mailto:presse@velo.fr)\n")[0]["email"] == \
        "presse@velo.fr"


def test_the_paragraph_after_a_wire_source_line_is_the_contact():
    contacts = found("Body.\n\nSOURCE: Avnet, Inc.\n\nJoal Redmond, +1 480-643-5528 joal.redmond@avnet.com\n")
    assert contacts[0]["email"] == "joal.redmond@avnet.com" and contacts[0]["name"] == "Joal Redmond"


@pytest.mark.parametrize("address, is_contact", [("presse@velo.fr", True), ("contact@osm.fr", True),
                                                 ("jane@acme.org", False), ("info@acme.org", False)])
def test_a_press_desk_address_standing_alone_is_a_contact(address, is_contact):
    assert bool(found("Body.\n\nMore text here.\n\n[%s](mailto:%s)\n" % (address, address))) is is_contact


def test_care_of_names_the_person_and_a_label_among_the_pieces_names_no_one():
    contact = found("Body.\n\nPressekontakt:\nLinux User Group Augsburg e.V.\nc/o Ingo Blechschmidt, "
                    "Arberstr. 5, 86179 Augsburg\nTel.: (0821)5985601\nlit-presse@luga.de\n")[0]
    assert contact["name"] == "Ingo Blechschmidt"
    contact = found("Body.\n\nKontakt:\nHeike Hoppmann, Kontakt für Medienanfragen, AX Semantics, "
                    "heike@ax-semantics.com\n")[0]
    assert (contact["name"], contact["organization"]) == ("Heike Hoppmann", "AX Semantics")


def test_a_contact_card_without_a_label_is_a_contact_but_a_sentence_is_not():
    card = found("Body.\n\n**Xilinx** Silvia E. Gianelli (408) 626-4328 "
                 "[silvia.gianelli@xilinx.com](mailto:silvia.gianelli@xilinx.com)\n")
    assert card[0]["email"] == "silvia.gianelli@xilinx.com" and card[0]["phone"] == "(408) 626-4328"
    assert found("Body.\n\nOrders go to Jane Doe, who answers on (408) 626-4328 and at jane@acme.com.\n") == []


def test_run_on_contacts_with_a_legal_suffix_and_an_agency_acting_for_the_issuer():
    contacts = found("Body.\n\nSOURCE: Avnet, Inc.\n\nAvnet, Inc. Joal Redmond, +1 480-643-5528 joal.redmond@avnet.com "
                     "or Brodeur Partners, for Avnet, Inc. Marcia Chapman, +1 480-308-0284 mchapman@brodeur.com\n")
    assert [(c.get("name"), c.get("organization")) for c in contacts] == [
        ("Joal Redmond", "Avnet, Inc."), ("Marcia Chapman", "Brodeur Partners")]


def test_a_list_opened_by_a_contact_label_is_a_contact():
    contact = found("Body text here.\n\n<ul>\n\t<li>Contacto de Prensa: Cristina Derazenski</li>\n"
                    "\t<li>Correo electrónico: gnu30@cepheide.org</li>\n\t<li>Teléfono móvil: (11) 6 486 6288</li>\n"
                    "</ul>\n")[0]
    assert (contact["name"], contact["email"], contact["phone"], contact.get("organization")) == (
        "Cristina Derazenski", "gnu30@cepheide.org", "(11) 6 486 6288", None)


def test_a_sentence_about_the_group_under_the_contact_heading_does_not_end_the_block():
    contacts = found("Body.\n\n## Contact\n\nOSMontrouge est le groupe local des contributeurs OpenStreetMap "
                     "à Montrouge.\n\nhttps://twitter.com/osmontrouge\n\n"
                     "[contact@osmontrouge.fr](mailto:contact@osmontrouge.fr)\n")
    assert [c["email"] for c in contacts] == ["contact@osmontrouge.fr"]


# ------------------------------------------------- lines run together on a web page


def test_a_contact_block_that_lost_its_line_breaks_is_read_again_line_by_line():
    from pressconv import parse

    document = parse("# Acme names a CFO\n\nNEW YORK, May 4, 2024 -- Acme named a CFO.\n\n"
                     "Contact:\n\n"
                     "Paul FoisyAI Era Corp. (OTC: AERA)X: @AcmeGroupEmail: ir@aieraco.comTel: (914) 864 0313\n")
    assert [(c.name, c.organization, c.phone, c.email) for c in document.contacts] == [
        ("Paul Foisy", "AI Era Corp.", "(914) 864 0313", "ir@aieraco.com")]


def test_glued_contacts_split_at_the_organisation_in_the_domain_and_at_a_role():
    from pressconv import parse

    document = parse("# Acme partners\n\nNEW YORK, May 4, 2024 -- Acme partners with two firms.\n\n"
                     "Press Inquiries:IntelagenTom RicherCEOinvestorrelations@intelagen.ai\n\n"
                     "WorkspanSam Gong\n\nSVP of Marketing, WorkSpansam.gong@workspan.com\n\n"
                     "ArhasiChiru BhavansikarChief AI Officercontactus@arhasi.com\n")
    assert [(c.name, c.organization, c.email) for c in document.contacts] == [
        ("Tom Richer", "Intelagen", "investorrelations@intelagen.ai"),
        ("Sam Gong", "Workspan", "sam.gong@workspan.com"),
        ("Chiru Bhavansikar", "Arhasi", "contactus@arhasi.com")]


@pytest.mark.parametrize("line", [
    "Jane McDonald, LinkedIn, jane@acme.com",
    "JaneDoe@Acme.com, Tel: +1 212 555 0100",
    "Media: Anna DeVries, GitHub, press@github.com",
])
def test_camel_case_in_a_block_without_glue_is_left_alone(line):
    from pressconv.transforms.contacts._blocks import Unit

    unit = Unit(line)
    assert not unit.glued()


@pytest.mark.parametrize("name, address", [("Paris en selle", "presse@parisenselle.fr"),
                                           ("Open Nederland", "bestuur@opennederland.nl")])
def test_the_organisation_is_the_phrase_the_domain_writes_without_spaces(name, address):
    from pressconv import parse

    document = parse("# %s demande une piste\n\nPARIS, le 5 mars 2021 – %s soutient le projet de la "
                     "mairie.\n\n## Contact presse\n\n%s\n" % (name, name, address))
    assert [(c.organization, c.email) for c in document.contacts] == [(name, address)]


def test_japanese_block_under_a_noted_label_with_full_width_colons():
    # ※ before the label, 担当 labels the person, a legal form written before the company's name
    markdown = ("本文です。\n\n※本件に関するお問い合わせ先\n\n株式会社 Sakura\n担当：山田 太郎\n"
                "TEL：03-1234-5678\nE-mail：info@sakura.co.jp\n")
    assert found(markdown) == [{"name": "山田 太郎", "organization": "株式会社 Sakura", "phone": "03-1234-5678",
                                "email": "info@sakura.co.jp", "phone_e164": "+81312345678"}]


def test_japanese_list_block_names_the_company_from_its_legal_form():
    markdown = ("本文です。\n\n**※ 本件に関する問い合わせ先**\n\n東京都千代田区 株式会社 Sakura\n\n"
                "* 担当: 井上\n* mail: [info@sakura.co.jp](mailto:info@sakura.co.jp)\n")
    assert found(markdown) == [{"name": "井上", "organization": "株式会社 Sakura", "email": "info@sakura.co.jp"}]


def test_portuguese_label_with_article_and_dutch_invitation_reach_the_name():
    assert found("Corpo.\n\nContactos para a imprensa:\nJoão Silva, joao.silva@acme.pt, +351 912 345 678\n") == [
        {"name": "João Silva", "phone": "+351 912 345 678", "email": "joao.silva@acme.pt",
         "phone_e164": "+351912345678"}]
    markdown = ("Tekst.\n\nVoor meer informatie kunt u contact opnemen met Jan de Vries, "
                "via jan@acme.nl of 020-1234567.\n")
    assert [(c.name, c.email) for c in recognise(markdown).contacts] == [("Jan de Vries", "jan@acme.nl")]


def test_a_table_of_names_and_phones_is_a_contact_table_without_a_label():
    markdown = ("Body.\n\n| Name | Phone | Email |\n|---|---|---|\n"
                "| Jane Doe | 202-555-0100 | jane.doe@acme.com |\n| John Roe | 202-555-0111 | john@acme.com |\n")
    assert [(c.name, c.phone, c.email) for c in recognise(markdown).contacts] == [
        ("Jane Doe", "202-555-0100", "jane.doe@acme.com"), ("John Roe", "202-555-0111", "john@acme.com")]
    # a table of names without any means of contact is not one
    assert recognise("Body.\n\n| Name | Country |\n|---|---|\n| Jane Doe | Austria |\n").contacts == ()


@pytest.mark.parametrize("line, expected", [("井上", True), ("山田 太郎", True), ("张伟", True),
                                            ("広報部", False), ("株式会社", False), ("艾克米公司", False)])
def test_a_short_phrase_in_chinese_or_japanese_is_a_name_unless_it_ends_as_an_organisation(line, expected):
    from pressconv.transforms.contacts._fields import is_name
    assert is_name(line) is expected


def test_a_japanese_card_without_field_labels_keeps_its_name():
    markdown = "本文です。\n\n## お問い合わせ先\n\n- **井上**\\\n  株式会社 Sakura\\\n  <info@sakura.co.jp>\n"
    assert found(markdown) == [{"name": "井上", "organization": "株式会社 Sakura", "email": "info@sakura.co.jp"}]


@pytest.mark.parametrize("line, organisation", [("The Haiku Project", "The Haiku Project"),
                                               ("La Quadrature du Net", "La Quadrature du Net"),
                                               ("the DCMS", "DCMS")])
def test_a_definite_article_stays_with_the_organisations_name_but_not_with_an_acronym(line, organisation):
    markdown = "Body.\n\n## Media contact\n\nOrganisation: %s\npress@example.org\n" % line
    assert [c.organization for c in recognise(markdown).contacts] == [organisation]

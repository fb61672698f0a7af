"""The plain-text family of writers: text, brief, wire, json and markdown.

Golden files (tests/golden/{text,brief,wire,md}_osce-unoct.*) are written by the
writers themselves, never by hand.  After an intended change of output, regenerate
them and read the diff before committing:

    python tests/test_text_writers.py --regenerate-goldens
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from pressconv.errors import ConfigError
from pressconv.model import (
    BlockQuote, BulletList, Code, Contact, Dateline, Document, Emphasis, Heading, Link, ListItem,
    OrderedList, Paragraph, Quote, ReleaseLine, Strong, Table, Text, plain_text,
)
from pressconv.resources import WriteContext
from pressconv.writers import get_writer
from pressconv.writers._plain import NUMBER_RUN, fit_columns
from pressconv.writers._prose import sentences
from pressconv.writers.brief import dateline_text
from pressconv.writers._mdtext import escape, escape_line_start
from pressconv.writers.wire import slug_line, wire_dateline
from sample_documents import EVERY_NODE_WORDS, cell, every_node_document, para

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "osce-unoct.md"
GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = sorted(p for p in (ROOT / "fixtures" / "corpus").glob("*.md") if p.name[:3].isdigit())
GOLDEN_FILES = {"text": "text_osce-unoct.txt", "brief": "brief_osce-unoct.brief.txt",
                "wire": "wire_osce-unoct.wire.txt", "markdown": "md_osce-unoct.md"}
PRESS_PARTS = ("headline", "dateline", "quotes", "contacts", "end_mark")

try:
    from pressconv import parse
except ImportError:  # the reader is not there yet
    parse = None
needs_parse = pytest.mark.skipif(parse is None, reason="pressconv.parse() does not exist yet")


def render(document: Document, fmt: str, **options) -> tuple[str, list]:
    context = WriteContext(options=options)
    output = get_writer(fmt).write(document, context)
    assert isinstance(output, str)
    return output, context.warnings


def out(document: Document, fmt: str = "text", **options) -> str:
    return render(document, fmt, **options)[0]


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w@.#]+", text)) | set(re.findall(r"\w+", text))


def doc(*blocks, **parts) -> Document:
    return Document(body=tuple(blocks), **parts)


def seed() -> Document:
    return parse(SEED).replace(source="osce-unoct.md")


# ------------------------------------------------------------ every node type


@pytest.mark.parametrize("fmt", ["text", "wire", "markdown"])
def test_full_formats_keep_a_word_of_every_node_type(fmt):
    text = out(every_node_document(), fmt)
    missing = [w for w in EVERY_NODE_WORDS if w not in words(text)]
    assert not missing


def test_json_gives_back_the_very_document_it_was_written_from():
    document = every_node_document()
    data = json.loads(out(document, "json"))
    back = Document.from_dict(data)
    assert back == document
    assert back.metadata == document.metadata and back.warnings == document.warnings


def test_json_puts_the_inspect_contract_keys_first():
    data = json.loads(out(every_node_document(), "json"))
    keys = list(data)
    assert keys[:6] == ["headline", "subheadline", "dateline", "quotes", "contacts", "end_mark"]
    assert data["dateline"]["raw"] == "VIENNA, 4 October 2018"
    assert data["quotes"][0]["speaker"] == "Oscar Papa"
    assert data["contacts"][0]["email"] == "press@thirteen.example"


def test_json_ascii_option_escapes_everything_beyond_ascii():
    text = out(every_node_document(), "json", ascii=True)
    assert text.isascii() and "\\u201c" in text


def test_brief_keeps_the_parts_a_briefing_is_made_of():
    text = out(every_node_document(), "brief")
    for word in "ten eleven VIENNA lima november Oscar Chief Twelve Thirteen EMBARGOED".split():
        assert word in words(text)
    assert "press@thirteen.example" in text


def test_brief_renders_every_inline_type_when_it_opens_the_lead():
    document = every_node_document()
    document = document.replace(dateline=Dateline("VIENNA", "VIENNA", None, lead=1))
    text = out(document, "brief")
    for word in "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo".split():
        assert word in text


# ------------------------------------------------------------------- wrapping

LONG_URL = "https://www.example.org/press/releases/2018/10/04/a-very-long-path-that-goes-on"
TOKENS = [LONG_URL, "press.office@example-organisation.org", "+43 676 71 74 592", "10 000",
          "+44(0) 7472 916283", "1,250,000"]
PROSE = ("The organisation, reachable at press.office@example-organisation.org or by phone "
         "on +43 676 71 74 592, published %s today and counted 10 000 visitors, later "
         "1,250,000 and +44(0) 7472 916283 as well." % LONG_URL)


@pytest.mark.parametrize("width", [20, 27, 33, 41, 55, 72])
def test_wrapping_never_breaks_a_url_an_email_or_a_number(width):
    lines = out(doc(para(PROSE)), width=width).splitlines()
    for token in TOKENS:
        assert any(token in line for line in lines), token
    for line in lines:
        assert len(line) <= width or " " not in line.strip() or line.strip() in TOKENS


def test_wire_wrapping_keeps_a_phone_number_whole_too():
    text = out(doc(para("Call the press desk any time between nine and five on +43 676 71 74 592.")),
               "wire")
    assert "+43 676 71 74 592" in text


@given(st.lists(st.sampled_from(["a", "word", "longerword", "x" * 30, LONG_URL, "+43 1 234 5678",
                                 "name@example.org", "-", "\u2013", "10 000"]), min_size=1, max_size=40),
       st.integers(min_value=20, max_value=90))
def test_wrapped_text_keeps_every_word_in_order_within_the_width(pieces, width):
    text = " ".join(pieces)
    lines = out(doc(para(text)), width=width).rstrip("\n").split("\n")
    assert " ".join(lines) == text
    for line in lines:  # a longer line is one unbreakable piece
        assert len(line) <= width or " " not in NUMBER_RUN.sub("0", line)


def test_width_zero_keeps_each_paragraph_on_one_line():
    text = out(doc(para(PROSE), para("Second paragraph.")), width=0)
    assert text.split("\n") == [PROSE, "", "Second paragraph.", ""]


def test_link_number_stays_on_the_line_of_the_link_text():
    for width in range(20, 40):
        text = out(doc(para("aaa bbb ccc ddd eee ", Link((Text("fff"),), "https://x.example"))),
                   width=width)
        assert "fff [1]" in text


@pytest.mark.parametrize("width", [-1, 5, "wide", True])
def test_a_width_that_is_not_0_or_at_least_20_is_a_config_error(width):
    with pytest.raises(ConfigError):
        out(doc(para("x")), width=width)


def test_width_may_come_as_a_string_from_the_command_line():
    assert out(doc(para("one two three four five six seven")), width="20") == "one two three four\nfive six seven\n"


# ---------------------------------------------------------------------- ascii

UNICODE = "\u201eGr\u00fc\u00dfe\u201c \u2013 \u00abNo\u00ebl\u00bb \u2014 caf\u00e9\u2026 \u0141\u00f3d\u017a 5\u00a0\u20ac"


def test_text_keeps_unicode_unless_asked_for_ascii():
    assert UNICODE in out(doc(para(UNICODE)))


def test_ascii_option_transliterates_quotes_dashes_and_accents():
    text, warnings = render(doc(para(UNICODE)), "text", ascii=True)
    assert text.strip() == '"Grusse" - "Noel" -- cafe... Lodz 5 EUR'
    assert not warnings


def test_ascii_names_the_characters_it_could_not_transliterate():
    text, warnings = render(doc(para("Tokyo \u6771\u4eac, \u041c\u043e\u0441\u043a\u0432\u0430, "
                                     "\u0391\u03b8\u03ae\u03bd\u03b1, \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd, "
                                     "logo \ue123")), "text", ascii=True)
    assert text.strip() == "Tokyo DongJing, Moskva, Athina, yrvslym, logo ?"
    assert len(warnings) == 1 and "\ue123" in warnings[0].text and "\u6771" not in warnings[0].text


def test_ascii_tables_stay_aligned_after_transliteration():
    table = Table((cell("Stra\u00dfe \u2014 Ort"), cell("n")), ((cell("x"), cell("1")),))
    lines = out(doc(table), ascii=True).splitlines()
    assert lines[0].rindex("n") == lines[1].rindex("-") == lines[2].index("1") == 16


# -------------------------------------------------------------- text layout


def test_text_layout_follows_the_press_order():
    text = out(every_node_document())
    order = ["EMBARGOED", "Headline ten", "=====", "Subheadline eleven", "VIENNA, 4 October 2018 \u2013 lima",
             "alpha", "fourteen boilerplate", "###", "Media contacts", "Twelve Person",
             "[1] https://example.org/golf"]
    positions = [text.index(item) for item in order]
    assert positions == sorted(positions)


def test_dateline_without_a_lead_stands_on_its_own_line():
    document = doc(para("First paragraph."), headline="H",
                   dateline=Dateline("July 25, 2021", None, "2021-07-25", lead=None))
    assert "H\n=\n\nJuly 25, 2021\n\nFirst paragraph.\n" in out(document)


def test_a_dateline_pointing_past_the_body_still_stands_on_its_own_line():
    document = doc(para("Only paragraph."), dateline=Dateline("BERLIN", "BERLIN", None, lead=5))
    assert out(document) == "BERLIN\n\nOnly paragraph.\n"


def test_nested_lists_are_indented_with_bullets_and_numbers():
    nested = OrderedList((ListItem((para("ten"),)), ListItem((para("eleven"),))), start=9)
    bullets = BulletList((ListItem((para("outer"), nested)), ListItem((para("second"),))))
    assert out(doc(bullets)) == "- outer\n   9. ten\n  10. eleven\n- second\n"


def test_loose_list_items_are_separated_by_blank_lines():
    bullets = BulletList((ListItem((para("one"),)), ListItem((para("two"),))), tight=False)
    assert out(doc(bullets)) == "- one\n\n- two\n"


def test_list_item_text_wraps_under_its_own_first_word():
    bullets = BulletList((ListItem((para("alpha bravo charlie delta echo foxtrot golf"),)),))
    assert out(doc(bullets), width=20) == "- alpha bravo\n  charlie delta echo\n  foxtrot golf\n"


def test_block_quote_is_indented_and_its_speaker_follows():
    quote = BlockQuote((para("We will act."),), attribution="Jane Doe, Minister")
    assert out(doc(quote)) == "    We will act.\n    \u2014 Jane Doe, Minister\n"


def test_table_columns_are_aligned_as_the_table_says():
    table = Table((cell("Name"), cell("Votes"), cell("Share")),
                  ((cell("Ann"), cell("1,204"), cell("51 %")), (cell("Bartholomew"), cell("9"), cell("4 %"))),
                  align=("left", "right", "center"))
    assert out(doc(table)).splitlines() == [
        "Name         Votes  Share",
        "-----------  -----  -----",
        "Ann          1,204   51 %",
        "Bartholomew      9   4 %",
    ]


def test_a_table_too_wide_for_the_page_wraps_its_cells():
    long = "a sentence long enough to need several lines in a narrow column"
    table = Table((cell("Key"), cell("Description")), ((cell("one"), cell(long)),
                                                       (cell("two"), cell("short"))))
    lines = out(doc(table), width=30).splitlines()
    assert max(len(line) for line in lines) <= 30
    assert lines[0].startswith("Key  Description")
    assert " ".join(line[5:].strip() for line in lines[2:] if line[5:].strip() and
                    "short" not in line) == long
    assert "" in lines  # rows of several lines are set apart by blank lines


def test_a_table_that_cannot_fit_at_all_is_written_row_by_row():
    header = tuple(cell("Column%d" % i) for i in range(8))
    table = Table(header, (tuple(cell("value%d" % i) for i in range(8)),))
    lines = out(doc(table), width=40).splitlines()
    assert lines[:2] == ["Column0: value0", "Column1: value1"] and len(lines) == 8


def test_column_widths_shrink_in_proportion_but_never_below_the_longest_word():
    assert fit_columns([10, 40], [5, 8], 60) == [10, 40]
    assert fit_columns([10, 40], [5, 8], 30) == [7, 23]
    assert fit_columns([10, 40], [5, 8], 10) == [5, 8]


def test_links_are_numbered_once_each_and_listed_at_the_end():
    paragraph = para("See ", Link((Text("the report"),), "https://a.example/r"), ", ",
                     Link((Text("the annex"),), "https://a.example/annex"), ", ",
                     Link((Text("the report again"),), "https://a.example/r"), ", ",
                     Link((Text("https://b.example"),), "https://b.example"), " and ",
                     Link((Text("x@y.example"),), "mailto:x@y.example"), ".")
    assert out(doc(paragraph)) == (
        "See the report [1], the annex [2], the report again [1],\n"
        "https://b.example and x@y.example.\n\n"
        "[1] https://a.example/r\n[2] https://a.example/annex\n")


def test_footnotes_keep_their_labels():
    text = out(every_node_document())
    assert "india[^1]" in text and "[^1] nine footnote" in text


def test_contacts_block_gives_every_field_of_every_contact():
    contacts = (Contact(name="Jane Doe", role="Spokesperson", phone="+1 202 555 0100"),
                Contact(organization="Press desk", email="press@example.org", url="https://example.org"))
    text = out(doc(contacts=contacts, contacts_heading="Press contact"))
    assert text == ("Press contact\n-------------\n\nJane Doe\nSpokesperson\nTel. +1 202 555 0100\n\n"
                    "Press desk\npress@example.org\nhttps://example.org\n")


def test_an_unknown_node_type_fails_loudly():
    with pytest.raises(TypeError):
        out(doc(para(object())))


# ---------------------------------------------------------------------- brief

RELEASE = Document(
    body=(para("The council agreed on a plan today. It takes effect in May. Nobody objected."),
          para(Text("\u201cThis is a good day,\u201d said Doe."))),
    headline="Council agrees plan", subheadline="Takes effect in May",
    dateline=Dateline("BERLIN", "BERLIN", "2021-03-03", lead=0),
    release=ReleaseLine("Sperrfrist: 4. März 2021, 10 Uhr", True, "2021-03-04T10:00:00+01:00"),
    quotes=(Quote("This is a good day,", "Jane Doe", "Mayor of Berlin"),
            Quote("We start now.", "Jane Doe", "Mayor of Berlin"), Quote("Fine.", None)),
    contacts=(Contact(name="Jane Doe", organization="City of Berlin", phone="+49 30 1234"),),
    source="/some/where/council.md", language="en")


def test_brief_holds_headline_dateline_lead_quotes_contacts_and_a_footer():
    assert out(RELEASE, "brief") == (
        "EMBARGO: Sperrfrist: 4. März 2021, 10 Uhr\n\n"
        "Council agrees plan\n===================\nTakes effect in May\n\n"
        "BERLIN, 3 March 2021\nThe council agreed on a plan today. It takes effect in May.\n\n"
        "\u201cThis is a good day.\u201d \u201cWe start now.\u201d\n  \u2014 Jane Doe, Mayor of Berlin\n\n"
        "\u201cFine.\u201d\n\n"
        "Media contacts\nJane Doe, City of Berlin, Tel. +49 30 1234\n\n"
        "29 words | source: council.md\n")


def test_brief_takes_every_sentence_from_the_release():
    text = out(RELEASE, "brief")
    source = plain_text(RELEASE.body)
    for sentence in ("The council agreed on a plan today.", "It takes effect in May."):
        assert sentence in text and sentence in source
    assert "Nobody objected" not in text


def test_brief_lead_is_one_sentence_when_the_first_is_long_enough():
    long = "word " * 30
    document = RELEASE.replace(body=(para(long.strip() + ". Second sentence."),))
    assert "Second sentence" not in out(document, "brief")


def test_brief_quotes_three_speakers_and_names_the_others():
    voices = tuple(Quote("Sentence one by %s. Sentence two by %s." % (n, n), n, None)
                   for n in ("Ann", "Ben", "Cy", "Di", "Ed"))
    text = out(RELEASE.replace(quotes=voices), "brief")
    for name in ("Ann", "Ben", "Cy"):
        assert "Sentence one by %s. Sentence two by %s." % (name, name) in text
    assert "Sentence one by Di" not in text
    assert "(2 more quotes in the release: Di, Ed)" in text


def test_brief_cuts_a_long_quote_at_a_sentence_and_marks_the_cut():
    long = Quote(" ".join("Sentence %d has exactly six words." % n for n in range(20)), "Ann", None)
    flat = " ".join(out(RELEASE.replace(quotes=(long,)), "brief").split())
    assert "Sentence 9 has exactly six words. \u2026\u201d" in flat  # 60 words, then the mark
    assert "Sentence 10 " not in flat


def test_brief_quote_marks_follow_the_language():
    assert "\u201eFine.\u201c" in out(RELEASE.replace(language="de"), "brief")
    assert "\u00ab\u00a0Fine.\u00a0\u00bb" in out(RELEASE.replace(language="fr"), "brief")


@pytest.mark.parametrize("raw, place, date, language, expected", [
    ("Vienna, 4 October 2018", "Vienna", "2018-10-04", None, "Vienna, 4 October 2018"),
    ("OTTAWA, April 24, 2018 (GLOBE NEWSWIRE)", "OTTAWA", "2018-04-24", None,
     "OTTAWA, April 24, 2018 (GLOBE NEWSWIRE)"),
    ("WASHINGTON", "WASHINGTON", "2026-01-05", None, "WASHINGTON, 5 January 2026"),
    ("Berlin, 02.11.2019", "Berlin", "2019-11-02", "de", "Berlin, 02.11.2019 (2. November 2019)"),
    ("", None, "2019-07-19", "es", "19 de julio de 2019"),
    ("Montreal, Quebec", "Montreal, Quebec", None, None, "Montreal, Quebec"),
])
def test_brief_dateline_has_the_date_written_out(raw, place, date, language, expected):
    document = Document(dateline=Dateline(raw, place, date), language=language)
    assert dateline_text(document) == expected


def test_sentences_are_not_split_at_abbreviations_or_initials():
    text = "The U.S. firm, led by John F. Kennedy Jr. since Oct. 2015, grew. It hired 25 people."
    assert sentences(text) == ["The U.S. firm, led by John F. Kennedy Jr. since Oct. 2015, grew.",
                               "It hired 25 people."]


# ----------------------------------------------------------------------- wire


def test_wire_lines_fit_69_columns_and_are_ascii():
    text = out(every_node_document(), "wire")
    assert text.isascii()
    assert max(len(line) for line in text.splitlines()) <= 69


def test_wire_copy_opens_with_embargo_and_slug_and_ends_with_the_end_mark():
    lines = out(every_node_document(), "wire").rstrip("\n").split("\n")
    assert lines[:3] == ["EMBARGOED UNTIL 09:00 CET, 5 MAY 2021", "", "HEADLINE-TEN"]
    assert lines[-1].strip() == "###"


def test_wire_dateline_is_in_ap_style_with_the_issuer():
    document = every_node_document()
    document = document.replace(metadata={"organization": "OSCE"},
                                dateline=Dateline("Vienna, 4 October 2018", "Vienna", "2018-10-04", 0))
    assert wire_dateline(document) == "VIENNA, Oct. 4, 2018 (OSCE) --"
    assert "\n    VIENNA, Oct. 4, 2018 (OSCE) -- lima lead" in out(document, "wire")
    september = document.replace(dateline=Dateline("x", None, "2021-09-01", None))
    assert wire_dateline(september) == "Sept. 1, 2021 (OSCE) --"


def test_wire_puts_the_dateline_on_the_first_paragraph_when_the_lead_is_unknown():
    document = doc(Heading(2, (Text("Section"),)), para("Body text."),
                   dateline=Dateline("WASHINGTON", "WASHINGTON", None, None))
    assert "    WASHINGTON -- Body text." in out(document, "wire")


def test_wire_slug_is_the_first_key_words_of_the_headline():
    assert slug_line("OSCE and UN Counter-Terrorism Office to work together") == \
        "OSCE-UN-COUNTER-TERRORISM"
    assert slug_line("The Haiku Project celebrates Beta 3") == "HAIKU-PROJECT-CELEBRATES"
    assert out(doc(para("x"), headline="Anything"), "wire", slug="budget").startswith("BUDGET\n")


def test_wire_marks_a_page_break_with_more_every_n_lines():
    body = tuple(para("Paragraph number %d of the story." % i) for i in range(20))
    lines = out(doc(*body), "wire", wire_page_lines=10).split("\n")
    more = [i for i, line in enumerate(lines) if line.strip() == "-more-"]
    assert more and all(i % 11 == 10 for i in more)
    assert lines[-2].strip() == "###"


def test_wire_can_keep_unicode_when_asked():
    assert "\u2013" in out(doc(para("a \u2013 b")), "wire", ascii=False)


@pytest.mark.parametrize("value", [-3, 2, "many"])
def test_wire_page_lines_must_be_a_sensible_number(value):
    with pytest.raises(ConfigError):
        out(doc(para("x")), "wire", wire_page_lines=value)


# ------------------------------------------------------------------- markdown


def test_markdown_layout_marks_every_press_part():
    text = out(every_node_document(), "markdown")
    assert text.startswith('---\ntitle: "Headline ten"\nkeywords: ["a", "b"]\n---\n\n')
    for piece in ("\n# Headline ten\n", "\n*Subheadline eleven*\n",
                  "\n**VIENNA, 4 October 2018** \u2013 lima lead", "\n> \u2014 Romeo Sierra, Chief\n",
                  "\n## About Fourteen\n\nfourteen boilerplate\n", "\n\\###\n",
                  "\n## Media contacts\n\n- **Twelve Person**\\\n  Press officer\\\n"):
        assert piece in text, piece


@pytest.mark.parametrize("text, escaped", [
    ("5 * 3 = 15 and [a](b) <tag> `x` a_b _c_ \\", "5 \\* 3 = 15 and \\[a\\](b) \\<tag> \\`x\\` a_b \\_c\\_ \\\\"),
    ("AT&T &amp; co | ~~no~~", "AT&T \\&amp; co \\| \\~\\~no\\~\\~"),
])
def test_markdown_escapes_what_could_start_inline_markup(text, escaped):
    assert escape(text) == escaped


@pytest.mark.parametrize("line, escaped", [
    ("# not a heading", "\\# not a heading"), ("- not a list", "\\- not a list"),
    ("+", "\\+"), ("> no quote", "\\> no quote"), ("2018. A year", "2018\\. A year"),
    ("1) one", "1\\) one"), ("===", "\\==="), ("#hashtag", "#hashtag"), ("-30-", "-30-"),
])
def test_markdown_escapes_what_could_start_a_block(line, escaped):
    assert escape_line_start(line) == escaped


TEXT_ALPHABET = st.sampled_from(list("ab1 .-+#*_`[]()<>!&;|~\\:=\"'/@") + ["\u201c", "\u00e9", "www.", "http://"])


@needs_parse
@given(st.lists(TEXT_ALPHABET, min_size=1, max_size=25).map("".join).map(str.strip)
       .filter(lambda s: s and "  " not in s))
def test_markdown_text_reads_back_as_the_same_text(text):
    back = parse(out(doc(para(text)), "markdown"), recognize=False)
    assert plain_text(back.body).strip("\n") == text


INLINE = st.deferred(lambda: st.one_of(
    st.builds(Text, st.sampled_from(["word", "two words", "*", "_x_", "a!", ". ", "“q”", "1."])),
    st.builds(Code, st.sampled_from(["code", "a`b", "`x`", " c "])),
    st.builds(lambda c: Emphasis((c,)), INLINE), st.builds(lambda c: Strong((c,)), INLINE),
    st.builds(lambda c: Link((c,), "https://e.example/(x)"), st.builds(Text, st.just("link")))))


@needs_parse
@given(st.lists(INLINE, min_size=1, max_size=6))
def test_markdown_inline_markup_reads_back_with_the_same_text(inlines):
    paragraph = Paragraph(tuple(inlines))
    expected = plain_text((paragraph,)).strip()
    back = parse(out(doc(paragraph), "markdown"), recognize=False)
    assert plain_text(back.body).strip() == expected


@needs_parse
def test_markdown_of_every_node_type_reads_back_to_the_same_blocks():
    document = every_node_document()
    back = parse(out(document, "markdown"))
    assert back.headline == document.headline and back.contacts == document.contacts
    assert back.metadata == document.metadata
    expected = [block for block in document.body[1:] if not isinstance(block, BlockQuote)]
    kept = [block for block in back.body if block in expected]
    assert len(kept) >= len(expected) - 2  # the inline-HTML paragraph and the lead differ


@needs_parse
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_markdown_round_trip_keeps_the_press_release_parts(path):
    document = parse(path)
    back = parse(out(document, "markdown"))
    for part in PRESS_PARTS:
        assert getattr(back, part) == getattr(document, part), part


def unbreakable(line: str) -> bool:
    """A line that is one word (a URL, an address) after its list marker or quote bar, or a
    Chinese or Japanese phrase with nowhere to end the line before twice the width."""
    bare = NUMBER_RUN.sub("0", re.sub(r"^(?:[*\->|]|\d+[.)])\s+", "", line.strip()))
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", bare):
        return sum(2 if ord(c) > 0x2e80 else 1 for c in line) <= 144
    return " " not in bare


@needs_parse
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_real_releases_keep_to_widths_ascii_and_round_trip(path):
    document = parse(path)
    for fmt, width in (("text", 72), ("wire", 69), ("brief", 72)):
        lines = out(document, fmt).splitlines()
        assert all(len(line) <= width or unbreakable(line) for line in lines), fmt
    assert out(document, "wire").isascii()
    assert Document.from_dict(json.loads(out(document, "json"))) == document
    text = out(document, "brief")
    assert len(text.splitlines()) <= 45  # one screen, also for a release of eleven voices
    brief = " ".join(text.split())
    assert all(c.email in brief for c in document.contacts if c.email)
    # the first three speakers are quoted (at least their first sentence), the others named
    speakers: list = []
    for quote in document.quotes:
        # one voice: the same speaker, the role given with the first quote only
        if not speakers or speakers[-1][0][0] != quote.speaker or (
                quote.role and speakers[-1][0][1] and quote.role != speakers[-1][0][1]):
            speakers.append([(quote.speaker, quote.role), quote])
    for number, (_, first) in enumerate(speakers):
        if number < 3:
            # compared without spaces: Chinese and Japanese lines break between characters
            assert "".join(sentences(" ".join(first.text.split()).rstrip(",;:"))[0].split()) in \
                "".join(brief.split())
        elif first.speaker:
            assert "".join(first.speaker.split()) in "".join(brief.split("more quote")[-1].split())


# ---------------------------------------------------------------- the seed


@needs_parse
@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_seed_output_matches_its_golden_file(fmt):
    golden = GOLDEN / GOLDEN_FILES[fmt]
    assert out(seed(), fmt) == golden.read_text(encoding="utf-8"), (
        "regenerate with: python tests/test_text_writers.py --regenerate-goldens")


@needs_parse
def test_seed_brief_fits_on_one_screen_and_keeps_every_quote_and_contact():
    document = seed()
    text = out(document, "brief")
    assert len(text.splitlines()) <= 40
    flat = " ".join(text.split())
    for quote in document.quotes:
        assert " ".join(quote.text.split()).rstrip(",") in flat
    for contact in document.contacts:
        assert contact.email in text
    assert "Vienna, 4 October 2018" in text


@needs_parse
def test_seed_wire_copy_is_ascii_within_69_columns():
    text = out(seed(), "wire")
    assert text.isascii() and max(len(line) for line in text.splitlines()) <= 69


@needs_parse
def test_seed_json_round_trips():
    document = seed()
    assert Document.from_dict(json.loads(out(document, "json"))) == document


@needs_parse
def test_seed_converts_to_text_in_about_a_millisecond():
    document = seed()
    writer, context = get_writer("text"), WriteContext()
    for _ in range(20):
        writer.write(document, context)
    times = []
    for _ in range(100):
        start = time.perf_counter()
        writer.write(document, context)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.005  # target 1 ms; the margin is for noisy CI machines


def test_converting_to_text_imports_neither_python_docx_nor_reportlab(tmp_path):
    script = ("import sys; from pressconv.cli import main; "
              "code = main(['convert', sys.argv[1], '-o', sys.argv[2]]); "
              "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'reportlab')); "
              "print(code, heavy)")
    result = subprocess.run([sys.executable, "-c", script, str(SEED), str(tmp_path / "out.txt")],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "0 []", result.stderr
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("OSCE and UN")


def regenerate_goldens() -> None:
    GOLDEN.mkdir(exist_ok=True)
    document = seed()
    for fmt, name in GOLDEN_FILES.items():
        (GOLDEN / name).write_text(out(document, fmt), encoding="utf-8")
        print("wrote", GOLDEN / name)


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate-goldens"]:
        sys.exit("usage: python tests/test_text_writers.py --regenerate-goldens")
    regenerate_goldens()


def test_japanese_text_wraps_between_characters_by_display_width_and_keeps_punctuation_off_line_starts():
    text = ("株式会社アクメ（本社：東京都千代田区、代表取締役社長：山田太郎）は、本日、「アクメ・ウィジェット」を"
            "発表しました。この製品は、すべての家庭に必要なものです。")
    document = parse("# アクメ、新製品を発表\n\n" + text + "\n")
    lines = out(document, "text").splitlines()
    body = [line for line in lines[3:] if line]
    assert "".join(body) == text
    assert all(sum(2 if ord(c) > 0x2e80 else 1 for c in line) <= 72 for line in body)
    assert not any(line[0] in "、。）」" for line in body)
    assert len(lines[1]) * 1 == sum(2 if ord(c) > 0x2e80 else 1 for c in lines[0])  # the rule under the headline
    wire = out(document, "wire").splitlines()
    assert all(len(line) <= 69 for line in wire) and all(line.isascii() for line in wire)


def test_a_space_between_latin_and_japanese_words_survives_a_line_break():
    from pressconv.writers._plain import _wrap_wide

    text = "今回、オープンなウェブの発展に貢献してきた WebDINO Japan との協力により、さらなる発展に向けた"
    for width in range(24, 60, 2):
        lines = _wrap_wide(text, width, "", "")
        assert not any("Japanとの" in line for line in lines), width
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")

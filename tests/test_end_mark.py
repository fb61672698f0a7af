"""The end mark: ###, -30-, *****, ENDS … found as written and taken out of the body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressconv import parse
from pressconv.model import Document, Paragraph, plain_text
from pressconv.transforms import end_mark, html_blocks

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def recognise(markdown: str) -> Document:
    return end_mark.apply(html_blocks.apply(parse(markdown, recognize=False)))


def texts(document: Document) -> list[str]:
    return [plain_text(b).strip() for b in document.body]


@pytest.mark.parametrize("written, mark", [
    ("###", "###"),
    ("# # #", "# # #"),
    ("-30-", "-30-"),
    ("- 30 -", "- 30 -"),
    ("— 30 —", "— 30 —"),
    (r"\*\*\*\*\*", "*****"),
    (r"\*\*\*", "***"),
    ("**ENDS**", "ENDS"),
    ("ENDS", "ENDS"),
    ("Ends", "Ends"),
    ("- ENDS -", "- ENDS -"),
    ("(END)", "(END)"),
    ("[ENDE]", "[ENDE]"),
    ("– Ende –", "– Ende –"),
    ("FIN", "FIN"),
    ("- Fin -", "- Fin -"),
    ("-fine-", "-fine-"),
    ("— КОНЕЦ —", "— КОНЕЦ —"),
    ('<p style="text-align: center;"> ###  </p>', "###"),
    ('<div align="center"><b>-30-</b></div>', "-30-"),
])
def test_end_marks_are_found_as_written_and_removed(written, mark):
    document = recognise("The last paragraph.\n\n" + written + "\n\n**Media contact:** Jo\n")
    assert document.end_mark == mark
    assert texts(document) == ["The last paragraph.", "Media contact: Jo"]
    assert not [w for w in document.warnings if w.code == "PC109"]


def test_horizontal_rules_are_not_end_marks():
    for rule in ("***", "* * *", "---", "___", "*****"):
        document = recognise("Text.\n\n" + rule + "\n\nMore.\n")
        assert document.end_mark is None
        assert [w.code for w in document.warnings] == ["PC109"]


@pytest.mark.parametrize("text", ["The end.", "ends here", "fine", "Fin de semaine",
                                  "30", "# Heading", "#hashtag", "X"])
def test_ordinary_text_is_not_an_end_mark(text):
    document = recognise("Intro.\n\n" + text + "\n")
    assert document.end_mark is None


def test_the_first_of_several_end_marks_is_kept_and_all_leave_the_body():
    document = recognise("Text.\n\n###\n\n## What members say\n\nQuote.\n\n-30-\n\nContact.\n")
    assert document.end_mark == "###"
    assert texts(document) == ["Text.", "What members say", "Quote.", "Contact."]


def test_a_mark_on_the_last_line_of_a_paragraph_is_taken_off_that_line():
    document = recognise("The last sentence.  \n-30-\n")
    assert document.end_mark == "-30-"
    assert texts(document) == ["The last sentence."]


def test_an_empty_level_three_heading_is_the_mark_it_was_written_as():
    document = recognise("Text.\n\n### \n")
    assert document.end_mark == "###"


def test_removing_a_mark_before_the_lead_keeps_the_lead_index_right():
    document = parse("# T\n\n###\n\nOSLO, 2 May 2022 – News.\n")
    lead = document.body[document.dateline.lead]
    assert isinstance(lead, Paragraph) and plain_text(lead.children) == "News."


# the releases the rules were built on (000-099); the rest are measured by benchmarks/recognition.py
@pytest.mark.parametrize("stem", sorted(p.stem for p in CORPUS.glob("*.json") if p.name < "100"))
def test_corpus_end_mark_matches_the_gold(stem):
    gold = json.loads((CORPUS / (stem + ".json")).read_text(encoding="utf-8"))
    assert parse(CORPUS / (stem + ".md")).end_mark == gold.get("end_mark")

"""Right-to-left text in PDFs: the line-ordering algorithm against python-bidi, and pages read back."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pressconv
from pressconv._bidi import base_level, visual
from pressconv.writers.pdf.bidi import shape

# letters of both directions, European and Arabic digits, separators, terminators,
# marks, spaces, other neutrals and brackets: every class the algorithm resolves
ALPHABET = list("abcXYZ") + list("שלוםעב") + list("مرحباك") + list("0123") + ["٣", "٤"] \
    + list("+-,.:/%$#") + ["\u05bc", "\u064e"] + [" ", "\t"] + list("!\"'*&()[]{}«»")


@pytest.fixture(scope="module")
def reference():
    return pytest.importorskip("bidi", reason="python-bidi (the [test] extra) is the reference "
                                              "implementation of the Unicode Bidirectional Algorithm")


@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40), st.sampled_from([0, 1]))
def test_lines_are_ordered_as_the_unicode_bidi_algorithm_orders_them(reference, text, base):
    assert visual(text, base, mirror=False) == reference.get_display(text, base_dir="R" if base else "L")


def test_brackets_in_right_to_left_runs_are_mirrored():
    assert visual("(שלום) abc", 1) == "abc (םולש)"
    assert visual("abc (שלום)", 0) == "abc (םולש)"


def test_the_first_strong_letter_sets_the_direction():
    assert base_level("2018 – ירושלים") == 1
    assert base_level("«Vienna» שלום") == 0
    assert base_level("2018") == 0


def test_arabic_is_joined():
    shaped = shape("أعلنت المنظمة")
    assert shaped != "أعلنت المنظمة"  # presentation forms
    assert unicodedata.normalize("NFKC", shaped) == "أعلنت المنظمة"
    assert shape("Vienna") == "Vienna"


HEBREW = ("## שחרור לעיתונות בעברית\n\n"
          "**ירושלים, 4 באוקטובר 2018 –** הארגון הודיע היום על יוזמה חדשה.\n\n"
          "The office in Vienna writes left to right.\n\n"
          + "זהו משפט ארוך מאוד שנועד למלא עמודים שלמים. " * 400 + "סוף.\n")


def _words(pdf: bytes, tmp_path) -> list[tuple[float, float, str]]:
    """(left, right, word) of every word drawn, in drawing order; a right-to-left word is
    given back as drawn (last letter first), so it is turned round here."""
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out)
    return [(float(x0), float(x1), word[::-1] if re.search("[\u0590-\u08ff]", word) else word)
            for x0, x1, word in found]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext to read the PDF back")
def test_a_hebrew_release_reads_right_to_left_and_aligns_right(tmp_path):
    pdf = pressconv.write(pressconv.parse(HEBREW), "pdf", deterministic=True).value
    words = _words(pdf, tmp_path)
    first = {word: (x0, x1) for x0, x1, word in words[:40]}
    # the headline's first word is drawn rightmost, at the right margin
    headline = [w for w in words if w[2] in ("שחרור", "לעיתונות", "בעברית")][:3]
    assert max(headline, key=lambda w: w[1])[2] == "שחרור"
    right_margin = max(x1 for _, x1, _ in words)
    assert abs(first["שחרור"][1] - right_margin) < 2
    # the bold dateline comes first, so it stands right of the text that follows it
    assert first["ירושלים,"][0] > first["הארגון"][1]
    # a left-to-right paragraph stays at the left margin, in reading order
    assert first["The"][0] < first["office"][0] < first["Vienna"][0]
    assert first["The"][0] < 100


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext to read the PDF back")
def test_a_right_to_left_paragraph_over_several_pages_keeps_its_order(tmp_path):
    pdf = pressconv.write(pressconv.parse(HEBREW), "pdf", deterministic=True).value
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert text.count("\f") >= 3  # several pages
    # pdftotext gives each line back in logical order: the Hebrew words read in the
    # source's order across lines and pages (punctuation placement aside)
    hebrew = re.compile("[\u05d0-\u05ea]+")
    source = hebrew.findall(HEBREW.split("The office")[1])
    assert hebrew.findall(text.split("right.")[1]) == source

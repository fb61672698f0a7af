"""Right-to-left paragraphs in DOCX: laid out from the right, runs marked for Word's complex-script rules."""

from __future__ import annotations

import io
import re
import zipfile

import pressconv

RELEASE = ("## إطلاق مبادرة جديدة لدعم الصحافة المستقلة\n\n"
           "**القاهرة، 4 أكتوبر 2018 –** أعلنت المنظمة اليوم عن إطلاق مبادرة جديدة.\n\n"
           "The Vienna office writes left to right, quoting שלום in passing.\n\n"
           "שחרור לעיתונות עם מילה אחת באנגלית: ACME.\n")


def _parts(markdown: str) -> tuple[list[str], str]:
    data = pressconv.write(pressconv.parse(markdown), "docx", deterministic=True).value
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
    return re.findall(r"<w:p>.*?</w:p>", body), styles


def _text(paragraph: str) -> str:
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraph))


def test_paragraphs_that_start_right_to_left_are_bidi_and_only_those():
    paragraphs, _ = _parts(RELEASE)
    bidi = {_text(p)[:12]: "<w:bidi/>" in p for p in paragraphs if _text(p).strip()}
    assert bidi["إطلاق مبادرة"] and bidi["القاهرة، 4 أ"] and bidi["שחרור לעיתונ"]
    assert not bidi["The Vienna o"]


def test_runs_of_right_to_left_letters_are_marked_rtl():
    paragraphs, _ = _parts(RELEASE)
    runs = [(run, _text(run)) for run in re.findall(r"<w:r>(.*?)</w:r>", "".join(paragraphs))]
    pure = [run for run, text in runs if re.search("[\u0590-\u08ff]", text) and not re.search("[A-Za-z]", text)]
    latin = [run for run, text in runs if re.search("[A-Za-z]", text)]
    assert len(pure) >= 3 and len(latin) >= 2  # the release has both kinds
    assert all("<w:rtl/>" in run for run in pure)
    assert not any("<w:rtl/>" in run for run in latin)  # a mixed run keeps Word's own ordering


def test_styles_size_and_weight_complex_script_text_too():
    _, styles = _parts(RELEASE)
    sized = [style for style in re.findall(r"<w:style .*?</w:style>", styles) if "<w:sz " in style]
    assert len(sized) >= 5
    for style in re.findall(r"<w:style .*?</w:style>", styles):
        sizes = re.findall(r'<w:sz w:val="(\d+)"/>', style)
        if sizes:
            assert re.findall(r'<w:szCs w:val="(\d+)"/>', style) == sizes, style[:80]
        if "<w:b/>" in style:
            assert "<w:bCs/>" in style, style[:80]

"""Property-based tests: whatever goes in, every writer gives a file that reopens or a PressconvError.

Two kinds of input (strategies in tests/strategies.py):

* adversarial Markdown-like text: Markdown syntax fragments, front matter, YAML/TOML
  snippets, quotes of every kind, datelines, release lines, end marks, contact lines,
  control characters, emoji, right-to-left and other scripts;
* random model trees with weird values: empty strings, None fields, huge and negative
  numbers, heading levels outside 1..6, dateline lead and QuotedSpeech indexes out of
  range, ragged tables, deeply nested inlines.

Each goes through every built-in writer.  The output must reopen as its format does
(python-docx, pypdf, UTF-8 text; JSON back through ``Document.from_dict`` to an equal
document; Markdown back through ``pressconv.parse``); anything raised other than a
``PressconvError`` is a bug.  The number of examples comes from the profile
(``--hypothesis-profile=ci`` in CI: 60 each; ``long`` locally), never from the tests.

Crashes these properties found are pinned below as ordinary regression tests, marked
``xfail(strict=True)`` until the writer is fixed; ``KNOWN_CRASHES`` keeps the
properties themselves green meanwhile and shrinks as fixes land.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import HealthCheck, event, given, settings, strategies as st

import pressconv
from pressconv import model as m
from pressconv.errors import PressconvError
from readback import docx_text, pdf_text
from strategies import markdown_like, weird_documents

BUILT_INS = ("docx", "pdf", "text", "brief", "wire", "json", "markdown")
FORMATS = tuple(info.name for info in pressconv.registry.infos() if info.origin == "built-in")

# Examples are counted by the profile; only the deadline (PDF takes ~10 ms, a big tree more)
# and the health checks about slow or large examples are relaxed here.
relaxed = settings(deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_every_built_in_writer_is_under_test():
    assert FORMATS == BUILT_INS


# ------------------------------------------------------------------ the checks


def reopen(output: bytes | str, fmt: str, document: m.Document) -> None:
    """Fail unless ``output`` reopens as a file of format ``fmt``."""
    if fmt == "docx":
        assert isinstance(output, bytes) and output[:2] == b"PK"
        docx_text(output)  # python-docx: body, tables, headers, footers; footnotes part
    elif fmt == "pdf":
        import pypdf

        assert isinstance(output, bytes) and output.startswith(b"%PDF-")
        assert len(pypdf.PdfReader(io.BytesIO(output)).pages) >= 1
        pdf_text(output)
    else:
        assert isinstance(output, str)
        output.encode("utf-8")  # no lone surrogates: the file can be written as UTF-8
        if fmt == "json":
            again = m.Document.from_dict(json.loads(output))
            assert again == document
        elif fmt == "markdown":
            try:
                pressconv.parse(output)
            except PressconvError as error:  # refusing its own output is allowed, crashing is not
                event("markdown output refused on re-reading: %s" % type(error).__name__)


def write_or_refuse(document: m.Document, fmt: str) -> None:
    """Write ``document``: a file that reopens, or a PressconvError; nothing else."""
    try:
        result = pressconv.write(document, fmt)
    except PressconvError as error:
        event("refused: %s" % type(error).__name__)
        return
    assert all(isinstance(w, m.Message) for w in result.warnings)
    reopen(result.value, fmt, document)
    event("written")


# ---------------------------------------------------------------- known crashes

#: (format, exception type, message pattern) of crashes pinned by an xfail test below;
#: tolerated by the properties so they keep testing everything else.  Remove an entry
#: when its fix lands (the xfail test then passes, and strict xfail fails until removed).
KNOWN_CRASHES: list[tuple[str, type[BaseException], str]] = []


def tolerate_known(fmt: str, error: BaseException) -> bool:
    for known_fmt, kind, pattern in KNOWN_CRASHES:
        if known_fmt in (fmt, "*") and isinstance(error, kind) and re.search(pattern, str(error)):
            event("known crash: %s %s" % (kind.__name__, pattern))
            return True
    return False


# ------------------------------------------------------------------ properties


@pytest.mark.parametrize("fmt", BUILT_INS)
@relaxed
@given(source=markdown_like, as_bytes=st.booleans())
def test_markdown_like_text_gives_a_file_that_reopens_or_a_pressconv_error(fmt, source, as_bytes):
    try:
        document = pressconv.parse(source.encode("utf-8") if as_bytes else source)
    except PressconvError as error:
        event("input refused: %s" % type(error).__name__)
        return
    try:
        write_or_refuse(document, fmt)
    except AssertionError:
        raise
    except Exception as error:
        if not tolerate_known(fmt, error):
            raise


@pytest.mark.parametrize("fmt", BUILT_INS)
@relaxed
@given(document=weird_documents)
def test_random_model_tree_gives_a_file_that_reopens_or_a_pressconv_error(fmt, document):
    try:
        write_or_refuse(document, fmt)
    except AssertionError:
        raise
    except Exception as error:
        if not tolerate_known(fmt, error):
            raise


# ------------------------------------------------- regressions found by the above

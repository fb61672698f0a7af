"""Hostile inputs through every format: converted to a file that reopens, or refused clearly.

Each case runs in a child process with a generous hang guard, so a pathological
input that makes a writer loop for ever fails this test instead of stalling the
suite.  The outcome of every case is printed in a table at the end of the run.
Set PRESSCONV_HOSTILE=full for the full sizes of the reliability issue.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hostile import CASES, REFUSED

FORMATS = ("docx", "pdf", "text", "brief", "wire", "json", "markdown")
HANG_GUARD_SECONDS = 600
OUTCOMES: dict[tuple[str, str], str] = {}

_CONVERT = """
import sys, pressconv
from pressconv.errors import PressconvError
try:
    result = pressconv.convert(sys.argv[1], sys.argv[2], to=sys.argv[3])
except PressconvError as error:
    print("REFUSED", str(error).replace("\\n", " "))
    sys.exit(3)
print("CONVERTED", len(result.warnings))
"""


def reopen(path: Path, fmt: str) -> None:
    data = path.read_bytes()
    if fmt == "docx":
        import docx

        assert zipfile.is_zipfile(io.BytesIO(data))
        docx.Document(io.BytesIO(data))
    elif fmt == "pdf":
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 1
        reader.pages[0].extract_text()
    elif fmt == "json":
        from pressconv.model import Document

        Document.from_dict(json.loads(data.decode("utf-8")))
    else:
        data.decode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_is_converted_or_refused_clearly(case, fmt, tmp_path):
    source = tmp_path / "input.md"
    source.write_bytes(CASES[case]())
    target = tmp_path / ("out." + fmt)
    run = subprocess.run([sys.executable, "-c", _CONVERT, str(source), str(target), fmt],
                         capture_output=True, text=True, timeout=HANG_GUARD_SECONDS)
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    if run.returncode == 3:
        message = run.stdout.split("REFUSED", 1)[1].strip()
        OUTCOMES[case, fmt] = "refused: " + message
        assert case in REFUSED, "refused unexpectedly: " + message
        assert "input.md" in message  # the message names the file
        assert not target.exists()  # nothing half-written
        return
    assert run.returncode == 0, run.stdout + run.stderr
    assert case not in REFUSED, "should have been refused"
    reopen(target, fmt)
    OUTCOMES[case, fmt] = "converted (%s warnings)" % run.stdout.split()[-1]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []

"""Prepared DOCX templates kept between processes: the same Word file without preparing the template again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "osce-unoct.md"

CONVERT = """
import hashlib, json, sys
from pressconv.writers.docx import styles
prepared = []
original = styles._prepare
def counting(*args, **kwargs):
    prepared.append(1)
    return original(*args, **kwargs)
styles._prepare = counting
import pressconv
options = json.loads(sys.argv[2])
data = pressconv.write(pressconv.parse(sys.argv[1]), "docx", deterministic=True, **options).value
print(json.dumps([len(prepared), hashlib.sha256(data).hexdigest()]))
"""


def _convert(cache: Path, **options) -> tuple[int, str]:
    environment = {k: v for k, v in os.environ.items() if k != "PRESSCONV_NO_CACHE"}
    environment["PRESSCONV_CACHE_DIR"] = str(cache)
    done = subprocess.run([sys.executable, "-c", CONVERT, str(SEED), json.dumps(options)],
                          capture_output=True, text=True, env=environment, timeout=300)
    assert done.returncode == 0, done.stderr
    prepared, digest = json.loads(done.stdout.strip().splitlines()[-1])
    return prepared, digest


def test_a_second_process_prepares_no_template_and_writes_the_same_file(tmp_path):
    cold, warm = _convert(tmp_path), _convert(tmp_path)
    assert cold[0] == 1 and warm == (0, cold[1])
    green = _convert(tmp_path, accent_color="#0b5394")
    assert green[0] == 1 and green[1] != cold[1]  # another house style, another template
    assert _convert(tmp_path, accent_color="#0b5394") == (0, green[1])


def test_an_edited_reference_docx_is_prepared_again(tmp_path):
    import pressconv

    reference = tmp_path / "house.docx"
    reference.write_bytes(pressconv.write(pressconv.parse("# Template\n"), "docx", deterministic=True).value)
    first = _convert(tmp_path / "cache", reference_docx=str(reference))
    assert _convert(tmp_path / "cache", reference_docx=str(reference))[0] == 0
    stat = reference.stat()
    os.utime(reference, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    assert _convert(tmp_path / "cache", reference_docx=str(reference)) == (1, first[1])


def test_a_damaged_template_file_is_prepared_again(tmp_path):
    expected = _convert(tmp_path)
    for path in tmp_path.glob("docx-template-*.marshal"):
        path.write_bytes(path.read_bytes()[:100])
    assert _convert(tmp_path) == expected
    assert _convert(tmp_path) == (0, expected[1])

"""Parsed fonts kept between processes: the same PDF, bytes for bytes, without parsing the faces again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "osce-unoct.md"

CONVERT = """
import hashlib, json, sys
from reportlab.pdfbase import ttfonts
parsed = []
original = ttfonts.TTFontFile.extractInfo
def counting(self, *args, **kwargs):
    parsed.append(self.filename)
    return original(self, *args, **kwargs)
ttfonts.TTFontFile.extractInfo = counting
import pressconv
data = pressconv.write(pressconv.parse(sys.argv[1]), "pdf", deterministic=True,
                       font=sys.argv[2] or None).value
print(json.dumps([len(parsed), hashlib.sha256(data).hexdigest()]))
"""


def _convert(cache: Path, font: str = "", **env: str) -> tuple[int, str]:
    environment = {k: v for k, v in os.environ.items() if k != "PRESSCONV_NO_CACHE"}
    environment.update(PRESSCONV_CACHE_DIR=str(cache), **env)
    done = subprocess.run([sys.executable, "-c", CONVERT, str(SEED), font], capture_output=True,
                          text=True, env=environment, timeout=300)
    assert done.returncode == 0, done.stderr
    parsed, digest = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed, digest


def test_a_second_process_parses_no_face_and_writes_the_same_pdf(tmp_path):
    cold = _convert(tmp_path)
    warm = _convert(tmp_path)
    off = _convert(tmp_path / "unused", PRESSCONV_NO_CACHE="1")
    assert cold[0] >= 8 and warm[0] == 0 and off[0] == cold[0]
    assert cold[1] == warm[1] == off[1]
    assert len(list(tmp_path.glob("face-*.marshal"))) == cold[0]
    assert not (tmp_path / "unused").exists()


def test_damaged_face_files_are_parsed_again(tmp_path):
    expected = _convert(tmp_path)
    for index, path in enumerate(sorted(tmp_path.glob("face-*.marshal"))):
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] if index % 2 else data[:-1] + bytes([data[-1] ^ 1]))
    again = _convert(tmp_path)
    assert again == expected  # every face parsed afresh, the same PDF
    assert _convert(tmp_path) == (0, expected[1])  # and the files are whole again


def test_a_changed_font_file_is_not_served_from_the_cache(tmp_path):
    import shutil

    import pressconv.writers.pdf.fonts as fonts_module

    font = tmp_path / "House.ttf"
    shutil.copy(Path(fonts_module.__file__).parent / "fonts" / "DejaVuSerif.ttf", font)
    first = _convert(tmp_path / "cache", str(font))
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    second = _convert(tmp_path / "cache", str(font))
    assert second[0] == 1  # the house font again, the bundled faces from the cache
    assert second[1] == first[1]

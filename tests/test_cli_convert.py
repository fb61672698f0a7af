"""`pressconv convert` for one file: outputs, stdin/stdout, refusals and every exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import pressconv.writers
from pressconv.cli import main
from pressconv.errors import ConversionError
from pressconv.writers import Writer, _default_registry

RELEASE = """# ACME opens a bakery in Zürich

**ZÜRICH, 3 March 2024** – ACME opened a bakery – “the best in town,” said Jane Doe.

###

## Media contact

Jane Doe, ACME
press@acme.example
"""


class BytesWriter(Writer):
    """Bytes no text layer may touch: NUL, CR LF, 0xFF, then the headline in UTF-8."""

    name = "rawbytes"
    suffixes = (".raw",)
    binary = True

    def write(self, document, context):
        if "BUG" in (document.headline or ""):
            raise ZeroDivisionError("division by zero")
        if "REFUSE" in (document.headline or ""):
            raise ConversionError("this writer refuses the release")
        return b"\x00\r\n\xff\n" + (document.headline or "").encode("utf-8")


@pytest.fixture
def registry(monkeypatch):
    """A fresh registry with the test writer; the real one is restored afterwards."""
    fresh = _default_registry()
    fresh.register_class(BytesWriter, origin="tests")
    monkeypatch.setattr(pressconv.writers, "registry", fresh)
    return fresh


@pytest.fixture
def release(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # no house style from outside the test folder
    path = tmp_path / "release.md"
    path.write_text(RELEASE, encoding="utf-8")
    return path


def run_cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pressconv", *args], input=stdin, cwd=cwd,
                          capture_output=True, timeout=60)


# ------------------------------------------------------------------ outputs


def test_one_file_to_one_output_takes_the_format_from_the_suffix(release):
    assert main(["convert", "release.md", "-o", "out.txt"]) == 0
    assert "ACME opens a bakery in Zürich" in Path("out.txt").read_text(encoding="utf-8")


def test_t_overrides_the_suffix(release):
    assert main(["convert", "release.md", "-t", "json", "-o", "data.txt"]) == 0
    assert json.loads(Path("data.txt").read_text())


def test_several_formats_go_to_the_out_dir_which_is_created(release):
    assert main(["convert", "release.md", "-t", "txt,json,md", "--out-dir", "out/a/b"]) == 0
    assert sorted(p.name for p in Path("out/a/b").iterdir()) == [
        "release.json", "release.md", "release.txt"]


def test_without_out_dir_outputs_go_next_to_the_input(release, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "r.md").write_text(RELEASE)
    assert main(["convert", "news/r.md", "-t", "txt"]) == 0
    assert (tmp_path / "news" / "r.txt").is_file()


def test_a_format_asked_for_twice_under_two_names_is_written_once(release, capsys):
    assert main(["convert", "release.md", "-t", "txt,text,plain", "--out-dir", "out"]) == 0
    assert [p.name for p in Path("out").iterdir()] == ["release.txt"]


# ------------------------------------------------------------ stdin, stdout


def test_stdin_to_stdout_is_binary_safe(registry, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO("# Grüße\n\nText.\n".encode()))
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["convert", "-", "-t", "rawbytes", "-o", "-"]) == 0
    assert stdout.buffer.getvalue() == b"\x00\r\n\xff\nGr\xc3\xbc\xc3\x9fe"


def test_a_docx_piped_through_stdin_and_stdout_is_a_whole_zip(tmp_path):
    run = run_cli("convert", "-", "-t", "docx", "-o", "-", stdin=RELEASE.encode(), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(io.BytesIO(run.stdout)) as docx:
        assert "Zürich" in docx.read("word/document.xml").decode("utf-8")


def test_stdout_without_a_format_is_text(release, capsys):
    assert main(["convert", "release.md", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("ACME opens a bakery in Zürich")


def test_stdin_to_a_folder_is_named_stdin(release, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(RELEASE.encode())))
    assert main(["convert", "-", "-t", "txt", "--out-dir", "out"]) == 0
    assert Path("out/stdin.txt").is_file()


# --------------------------------------------------------------- overwriting


def test_an_existing_output_is_refused_and_left_alone(release, capsys):
    Path("release.txt").write_text("keep me")
    assert main(["convert", "release.md", "-t", "txt,json"]) == 1
    err = capsys.readouterr().err
    assert "release.txt" in err and "--overwrite" in err and "nothing was written" in err
    assert Path("release.txt").read_text() == "keep me"
    assert not Path("release.json").exists()  # checked before anything was written


def test_overwrite_replaces_an_existing_output(release):
    Path("release.txt").write_text("old")
    assert main(["convert", "release.md", "-t", "txt", "--overwrite"]) == 0
    assert "ACME" in Path("release.txt").read_text(encoding="utf-8")


def test_the_input_is_never_overwritten(release, capsys):
    assert main(["convert", "release.md", "-t", "markdown", "--overwrite"]) == 1
    assert "would overwrite the input" in capsys.readouterr().err
    assert Path("release.md").read_text(encoding="utf-8") == RELEASE


# ------------------------------------------------------------- exit status


def test_success_is_status_0_and_quiet_prints_nothing(release, capsys):
    assert main(["convert", "release.md", "-t", "txt", "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_missing_input_is_status_1_in_one_line(release, capsys):
    assert main(["convert", "missing.md", "-t", "txt"]) == 1
    err = capsys.readouterr().err
    assert err == "pressconv: error: missing.md: no such file (check the path)\n"


def test_a_writer_error_is_status_1(registry, release, capsys):
    Path("refuse.md").write_text("# REFUSE this\n")
    assert main(["convert", "refuse.md", "-t", "rawbytes"]) == 1
    assert "refuse.md: this writer refuses the release" in capsys.readouterr().err
    assert not Path("refuse.raw").exists()


def test_a_bug_in_a_writer_is_status_1_without_a_traceback(registry, release, capsys):
    Path("bug.md").write_text("# A BUG here\n")
    assert main(["convert", "bug.md", "-t", "rawbytes"]) == 1
    err = capsys.readouterr().err
    assert "unexpected ZeroDivisionError" in err and "Traceback" not in err


@pytest.mark.parametrize("args, words", [
    (["release.md", "release.md", "-o", "x.txt"], "-o names one output but there are 2 inputs"),
    (["release.md", "-t", "txt,json", "-o", "x.txt"], "-o names one output but 2 formats"),
    (["release.md", "-o", "x.txt", "--out-dir", "out"], "give -o or --out-dir, not both"),
    (["release.md", "-o", "x.rtf"], "cannot tell the output format"),
    (["release.md", "-t", "rtf"], "unknown output format 'rtf'"),
    (["release.md"], "no output format given"),
    (["nothing-*.md", "-t", "txt"], "no file matches"),
    (["-", "-", "-t", "txt", "--out-dir", "out"], "stdin (-) can be read only once"),
    (["release.md", "-t", "txt", "--incremental"], "--incremental needs --out-dir"),
    (["release.md", "-t", "txt", "--set", "colour=red"], "unknown key 'colour'"),
])
def test_usage_mistakes_are_status_2_with_a_reason(release, capsys, args, words):
    assert main(["convert", *args]) == 2
    assert words in capsys.readouterr().err


def test_a_writer_rejecting_an_option_is_status_2(release, capsys):
    assert main(["convert", "release.md", "-o", "r.pdf", "--font", "No Such Family"]) == 2
    assert "No Such Family" in capsys.readouterr().err and not Path("r.pdf").exists()


def test_bad_option_syntax_is_status_2(release, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["convert", "release.md", "-t", "txt", "-j", "0"])
    assert exit_.value.code == 2


def test_an_empty_folder_has_nothing_to_convert(release, tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["convert", "empty", "-t", "txt", "--out-dir", "out"]) == 2
    assert "no input files found" in capsys.readouterr().err


# ------------------------------------------------------------ help, formats


@pytest.mark.parametrize("command", ["convert", "check", "inspect", "formats"])
def test_every_command_shows_examples_in_its_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "examples:\n  pressconv %s" % command in capsys.readouterr().out


def test_formats_lists_name_aliases_suffixes_and_origin(registry, capsys):
    assert main(["formats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["FORMAT", "ALIASES", "SUFFIXES", "ORIGIN"]
    assert ["text", "txt,plain", ".txt", "built-in"] in [line.split() for line in lines]
    assert ["rawbytes", "-", ".raw", "tests"] in [line.split() for line in lines]


def test_formats_as_json(capsys):
    assert main(["formats", "--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["docx"] == {"name": "docx", "aliases": ["word"], "suffixes": [".docx"],
                            "origin": "built-in"}


def test_max_size_refuses_a_larger_input_with_status_1(tmp_path, capsys):
    from pressconv.cli import main

    source = tmp_path / "big.md"
    source.write_text("# Big\n\n" + "word " * 1000)
    assert main(["convert", str(source), "-o", str(tmp_path / "big.txt"), "--max-size", "0.001"]) == 1
    assert "larger than the limit" in capsys.readouterr().err
    assert not (tmp_path / "big.txt").exists()


def test_remote_images_are_not_fetched_unless_allowed(tmp_path, monkeypatch, capsys):
    import urllib.request

    from pressconv.cli import main

    calls = []
    monkeypatch.setattr(urllib.request, "urlopen",
                        lambda url, timeout: calls.append(url) or (_ for _ in ()).throw(OSError("offline")))
    source = tmp_path / "r.md"
    source.write_text("# T\n\n![logo](https://example.org/logo.png)\n")
    assert main(["convert", str(source), "-o", str(tmp_path / "r.docx"), "-j", "1"]) == 0
    assert calls == [] and "not fetched" in capsys.readouterr().err
    assert main(["convert", str(source), "-o", str(tmp_path / "r2.docx"), "-j", "1",
                 "--allow-remote-images"]) == 0
    assert calls == ["https://example.org/logo.png"]

"""`pressconv inspect` and the CLI's error handling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pressconv.cli import main

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "osce-unoct.md"
CONTRACT_KEYS = {"headline", "subheadline", "dateline", "quotes", "contacts", "end_mark"}


def test_inspect_json_follows_the_contract_and_gives_the_seed_headline(capsys):
    assert main(["inspect", str(SEED), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert CONTRACT_KEYS <= set(data)
    assert data["headline"].startswith("OSCE and UN Counter-Terrorism Office to work together")
    assert data["document"]["type"] == "Document"
    assert isinstance(data["warnings"], list)


def test_inspect_json_keys_are_present_for_an_empty_release(tmp_path, capsys):
    path = tmp_path / "empty.md"
    path.write_text("")
    assert main(["inspect", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] is None and data["quotes"] == [] and data["contacts"] == []


def test_inspect_tree_prints_an_indented_dump(tmp_path, capsys):
    path = tmp_path / "r.md"
    path.write_text("# Head\n\nSome *text*.\n")
    assert main(["inspect", str(path), "--tree"]) == 0
    assert capsys.readouterr().out == (
        '<Document headline="Head">\n'
        "    <Paragraph>\n"
        "        'Some '\n"
        "        <Emphasis>\n"
        "            'text'\n"
        "        '.'\n")


def test_inspect_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# From stdin\n")))
    assert main(["inspect", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["headline"] == "From stdin"


def test_a_missing_file_is_one_line_on_stderr_and_status_1(tmp_path, capsys):
    assert main(["inspect", str(tmp_path / "missing.md")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.md" in err and "Traceback" not in err


def test_invalid_utf8_is_reported_without_a_traceback(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes(b"caf\xe9")
    run = subprocess.run([sys.executable, "-m", "pressconv", "inspect", str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "bad.md" in run.stderr and "byte offset 3" in run.stderr
    assert "Traceback" not in run.stderr


def test_usage_errors_exit_with_status_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["inspect"])
    assert exit_.value.code == 2
    assert main([]) == 2


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    assert main(["convert", str(SEED), "-t", "rtf", "--out-dir", str(tmp_path)]) == 2
    assert "unknown output format 'rtf'" in capsys.readouterr().err


def test_every_command_help_shows_examples(capsys):
    for command in ("convert", "inspect", "formats"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "examples:" in capsys.readouterr().out

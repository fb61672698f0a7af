"""Batch conversion: folders and globs, workers, failures that stay alone, time limits, --incremental."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

import pressconv.writers
from pressconv.batch import STATE_NAME, expand_inputs
from pressconv.cli import main
from pressconv.errors import ConversionError
from pressconv.writers import Writer, _default_registry


def release(headline: str) -> str:
    return ("# %s\n\n**BERLIN, 3 March 2024** – ACME said something about %s.\n\n###\n\n"
            "## Media contact\n\nJane Doe, ACME\npress@acme.example\n" % (headline, headline))


class TroubleWriter(Writer):
    """Writes the headline; misbehaves on cue: a bug, a refusal, slowness, a hang."""

    name = "trouble"
    suffixes = (".trouble",)

    def write(self, document, context):
        headline = document.headline or ""
        if "BUG" in headline:
            raise KeyError("a bug")
        if "PICKY" in headline:
            raise ConversionError("refused")
        if "SLOW" in headline:
            time.sleep(60)  # the per-file timer interrupts this
        if "CRASH" in headline:
            os.kill(os.getpid(), signal.SIGKILL)  # like a segfault in a C extension
        if "STUCK" in headline:
            # like a long call inside a C extension: the timer's signal never arrives
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return headline + "\n"


@pytest.fixture(autouse=True)
def registry(monkeypatch):
    fresh = _default_registry()
    fresh.register_class(TroubleWriter, origin="tests")
    monkeypatch.setattr(pressconv.writers, "registry", fresh)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """releases/a.md, releases/2024/b.md, releases/2024/march/c.md"""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    root = tmp_path / "releases"
    for relative in ("a.md", "2024/b.md", "2024/march/c.md"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(release("Release " + Path(relative).stem), encoding="utf-8")
    return root


def files(folder: str | Path) -> list[str]:
    folder = Path(folder)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def convert(*args: str) -> int:
    return main(["convert", *args])


# ----------------------------------------------------------------- inputs


def test_a_folder_keeps_its_relative_paths_under_the_out_dir(tree):
    assert convert("releases", "-t", "txt,json", "--out-dir", "out") == 0
    assert files("out") == ["2024/b.json", "2024/b.txt", "2024/march/c.json", "2024/march/c.txt",
                            "a.json", "a.txt"]


def test_a_recursive_glob_keeps_the_paths_below_its_fixed_part(tree):
    assert convert("releases/**/*.md", "-t", "txt", "--out-dir", "out") == 0
    assert files("out") == ["2024/b.txt", "2024/march/c.txt", "a.txt"]
    assert convert("releases/2024/*.md", "-t", "txt", "--out-dir", "out2") == 0
    assert files("out2") == ["b.txt"]


def test_hidden_folders_and_earlier_outputs_inside_the_input_are_skipped(tree):
    (tree / ".drafts").mkdir()
    (tree / ".drafts" / "secret.md").write_text(release("secret"))
    assert convert("releases", "-t", "markdown", "--out-dir", "releases/out") == 0
    assert [p for _, p in expand_inputs(["releases"], Path("releases/out"))] == [
        Path("2024/b.md"), Path("2024/march/c.md"), Path("a.md")]


def test_two_inputs_that_would_write_the_same_file_are_a_usage_error(tree, capsys):
    (tree / "2024" / "a.md").write_text(release("other a"))
    assert convert("releases/a.md", "releases/2024/a.md", "-t", "txt", "--out-dir", "out") == 2
    assert "would both be written to out/a.txt" in capsys.readouterr().err
    assert not Path("out").exists()


# --------------------------------------------------------------- failures


def test_one_broken_file_fails_alone_and_leaves_nothing_behind(tree, capsys):
    (tree / "2024" / "broken.md").write_bytes(b"# Caf\xe9\n")  # not UTF-8
    assert convert("releases", "-t", "txt,json", "--out-dir", "out", "-j", "2") == 1
    assert files("out") == ["2024/b.json", "2024/b.txt", "2024/march/c.json", "2024/march/c.txt",
                            "a.json", "a.txt"]
    err = capsys.readouterr().err
    assert "releases/2024/broken.md: not valid UTF-8 at byte offset 5" in err
    assert "pressconv: 3 converted, 0 with warnings, 1 failed in" in err


def test_an_input_is_written_in_every_format_or_in_none(tree):
    (tree / "picky.md").write_text(release("PICKY"))
    assert convert("releases", "-t", "txt,trouble", "--out-dir", "out") == 1
    assert "picky.txt" not in files("out") and "a.txt" in files("out")


def test_a_bug_in_a_writer_fails_only_that_file(tree, capsys):
    (tree / "bug.md").write_text(release("BUG"))
    assert convert("releases", "-t", "trouble", "--out-dir", "out", "-q") == 1
    assert files("out") == ["2024/b.trouble", "2024/march/c.trouble", "a.trouble"]
    assert "bug.md: unexpected KeyError" in capsys.readouterr().err


def test_files_over_the_time_limit_fail_alone_even_where_the_timer_cannot_reach(
        tree, capsys, monkeypatch):
    monkeypatch.setattr("pressconv.parallel.GRACE", 0.5)
    (tree / "slow.md").write_text(release("SLOW"))  # stopped by the timer in its worker
    (tree / "stuck.md").write_text(release("STUCK"))  # its worker is killed
    started = time.monotonic()
    assert convert("releases", "-t", "trouble", "--out-dir", "out", "--timeout", "2",
                   "-j", "2") == 1
    assert time.monotonic() - started < 30
    assert files("out") == ["2024/b.trouble", "2024/march/c.trouble", "a.trouble"]
    err = capsys.readouterr().err
    assert "slow.md: conversion stopped after the time limit of 2 s (raise the limit" in err
    assert "stuck.md: conversion stopped after the time limit of 2 s (its worker was killed)" in err
    assert "pressconv: 3 converted, 0 with warnings, 2 failed" in err


@pytest.mark.parametrize("timeout", ["5", "0"])
def test_a_file_that_kills_its_worker_fails_alone(tree, capsys, timeout):
    (tree / "crash.md").write_text(release("CRASH"))
    assert convert("releases", "-t", "trouble", "--out-dir", "out", "-j", "2",
                   "--timeout", timeout) == 1
    assert files("out") == ["2024/b.trouble", "2024/march/c.trouble", "a.trouble"]
    assert "crash.md: the worker process died" in capsys.readouterr().err


# ---------------------------------------------------------------- workers


def test_one_worker_and_two_workers_write_the_same_files(tree):
    assert convert("releases", "-t", "txt,json", "--out-dir", "one", "-j", "1") == 0
    assert convert("releases", "-t", "txt,json", "--out-dir", "two", "-j", "2") == 0
    assert files("one") == files("two")
    for name in files("one"):
        assert (Path("one") / name).read_bytes() == (Path("two") / name).read_bytes()


def test_existing_outputs_are_refused_before_anything_is_written(tree, capsys):
    Path("out/2024").mkdir(parents=True)
    Path("out/2024/b.txt").write_text("keep")
    assert convert("releases", "-t", "txt", "--out-dir", "out") == 1
    assert files("out") == ["2024/b.txt"] and Path("out/2024/b.txt").read_text() == "keep"
    assert "1 output file already exists: out/2024/b.txt" in capsys.readouterr().err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_is_drawn_on_a_terminal_only(tree, monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert convert("releases", "-t", "txt", "--out-dir", "out") == 0
    assert "\r[" in terminal.getvalue() and "3/3" in terminal.getvalue()
    assert terminal.getvalue().endswith("pressconv: 3 converted, 0 with warnings, 0 failed in "
                                        + terminal.getvalue().rsplit(" in ", 1)[1])
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    assert convert("releases", "-t", "json", "--out-dir", "out") == 0
    assert "\r" not in pipe.getvalue()
    quiet = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert convert("releases", "-t", "md", "--out-dir", "out", "-q") == 0
    assert quiet.getvalue() == ""


# ------------------------------------------------------------ incremental


def mtimes(folder: str) -> dict[str, int]:
    return {name: (Path(folder) / name).stat().st_mtime_ns for name in files(folder)}


def test_incremental_skips_unchanged_inputs(tree, capsys):
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental") == 0
    state = json.loads(Path("out", STATE_NAME).read_text())
    assert sorted(state["files"]) == ["2024/b.md", "2024/march/c.md", "a.md"]
    before = mtimes("out")
    capsys.readouterr()
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental") == 0
    assert "0 converted, 0 with warnings, 0 failed, 3 unchanged" in capsys.readouterr().err
    assert mtimes("out") == before


def test_incremental_converts_what_changed_without_needing_overwrite(tree, capsys):
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental") == 0
    (tree / "a.md").write_text(release("Release a, corrected"))
    os.unlink("out/2024/b.txt")
    capsys.readouterr()
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental") == 0
    assert "2 converted, 0 with warnings, 0 failed, 1 unchanged" in capsys.readouterr().err
    assert "corrected" in Path("out/a.txt").read_text()


def test_incremental_converts_again_when_the_options_change(tree, capsys):
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental") == 0
    capsys.readouterr()
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental", "--width", "40") == 0
    assert "3 converted" in capsys.readouterr().err


def test_incremental_still_refuses_files_it_did_not_write(tree, capsys):
    Path("out").mkdir()
    Path("out/a.txt").write_text("someone else's")
    assert convert("releases", "-t", "txt", "--out-dir", "out", "--incremental") == 1
    assert Path("out/a.txt").read_text() == "someone else's"


def test_a_failed_file_is_tried_again_on_the_next_incremental_run(tree, capsys):
    (tree / "picky.md").write_text(release("PICKY"))
    assert convert("releases", "-t", "trouble", "--out-dir", "out", "--incremental") == 1
    assert "picky.md" not in json.loads(Path("out", STATE_NAME).read_text())["files"]
    capsys.readouterr()
    assert convert("releases", "-t", "trouble", "--out-dir", "out", "--incremental") == 1
    assert "0 converted, 0 with warnings, 1 failed, 3 unchanged" in capsys.readouterr().err

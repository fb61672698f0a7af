"""Output is written atomically: an existing file is either untouched or wholly replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pressconv.errors import OutputError
from pressconv.output import write_atomically


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_writes_the_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    write_atomically(target, "hello")
    assert target.read_text() == "hello"
    assert leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_the_old_file_and_no_partial(tmp_path, monkeypatch):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new contents")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_disk_error_is_an_output_error_and_leaves_no_partial(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OutputError, match="No space left"):
        write_atomically(target, b"x")
    assert not target.exists() and leftovers(tmp_path) == []


def test_refuses_to_overwrite_the_input(tmp_path):
    source = tmp_path / "release.md"
    source.write_text("# x")
    with pytest.raises(OutputError, match="overwrite the input"):
        write_atomically(tmp_path / "." / "release.md", "y", source=source)
    assert source.read_text() == "# x"


def test_refuses_to_replace_an_existing_file_without_overwrite(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("keep")
    with pytest.raises(OutputError, match="exists") as error:
        write_atomically(target, "new", overwrite=False)
    assert "overwrite" in error.value.hint
    assert target.read_text() == "keep"


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="folder does not exist"):
        write_atomically(tmp_path / "nope" / "a.txt", "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_an_unwritable_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_atomically(folder / "a.txt", "x")
    finally:
        folder.chmod(0o700)

"""The README's examples work: its Python snippets, its shell commands, its configuration.

Everything runs in a scratch folder holding what the examples name (release.md,
releases/, fixtures/osce-unoct.md), in fresh processes, so the snippets and the
commands are run exactly as a reader would run them.  Commands that install
packages (the quick start) are left to .ci/run.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from pressconv.cli import main
from pressconv.config import OPTIONS, parse_config
from pressconv.lint import CODES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.M | re.S)


def sections() -> dict[str, str]:
    parts = re.split(r"^## (.+)$", README, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def blocks(language: str, *titles: str) -> list[str]:
    found = []
    for title, text in sections().items():
        if not titles or title in titles:
            found += [code for lang, code in BLOCK.findall(text) if lang == language]
    return found


def commands() -> list[str]:
    lines = [line for block in blocks("sh") for line in block.splitlines()]
    return [line for line in lines if line.strip() and "pip install" not in line
            and "pytest" not in line]


def make_sandbox(folder: Path) -> Path:
    (folder / ".git").mkdir()  # the examples' house style comes from nowhere else
    (folder / "fixtures").mkdir()
    shutil.copy(ROOT / "fixtures" / "osce-unoct.md", folder / "fixtures")
    shutil.copy(ROOT / "fixtures" / "osce-unoct.md", folder / "release.md")
    corpus = sorted((ROOT / "fixtures" / "corpus").glob("*.md"))[:4]
    for number, path in enumerate(corpus):
        target = folder / "releases" / ("2024" if number % 2 else "") / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return folder


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    """One folder for all shell examples, run in the README's order."""
    return make_sandbox(tmp_path_factory.mktemp("readme"))


def test_the_python_snippets_run(tmp_path):
    sandbox = make_sandbox(tmp_path)
    snippets = blocks("python")
    assert len(snippets) >= 3
    program = "\n".join("exec(%r, {'__name__': '__main__'})" % code for code in snippets)
    run = subprocess.run([sys.executable, "-c", program], cwd=sandbox, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert (sandbox / "out" / "release.docx").is_file() and (sandbox / "out" / "styled.pdf").is_file()
    assert run.stdout.endswith("QUIET PLEASE\n\n")  # what the plug-in snippet's comment says


@pytest.mark.parametrize("command", commands())
def test_the_shell_examples_run(sandbox, command, monkeypatch, capsys):
    if any(c in command for c in "|><"):  # a pipeline: the shell runs it
        env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent),
                                                     os.environ.get("PATH", "")]))
        run = subprocess.run(["bash", "-c", "set -o pipefail; " + command], cwd=sandbox, env=env,
                             capture_output=True, text=True, timeout=120)
        status, out, err = run.returncode, run.stdout, run.stderr
    else:  # a plain command: the same main() the pressconv script calls, without its start-up
        argv = shlex.split(re.sub(r"\s+#\s.*$", "", command))
        assert argv[0] == "pressconv"
        monkeypatch.chdir(sandbox)
        status = main(argv[1:])
        out, err = capsys.readouterr()
    assert "Traceback" not in err
    if command.startswith("pressconv check"):
        assert status in (0, 1) and out, err  # 1: findings were reported
    else:
        assert status == 0, err


def test_the_commands_list_every_command():
    from pressconv.cli import EXAMPLES

    table = sections()["Command line"]
    assert all("`pressconv %s" % name in table for name in EXAMPLES)


def test_the_configuration_example_is_valid_and_converts(tmp_path):
    (example,) = [b for b in blocks("toml", "Configuration") if b.startswith("# pressconv.toml")]
    config = parse_config(tomllib.loads(example), tmp_path / "pressconv.toml")
    assert config.formats and config.disable == {"PC111"}
    (tmp_path / ".git").mkdir()
    (tmp_path / "pressconv.toml").write_text(example, encoding="utf-8")
    shutil.copy(ROOT / "fixtures" / "osce-unoct.md", tmp_path / "release.md")
    run = subprocess.run([sys.executable, "-m", "pressconv", "convert", "release.md", "--out-dir",
                          "out"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    if "font 'DejaVu Sans' not found" in run.stderr:
        pytest.skip("the example's font is not installed here")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "release.docx", "release.pdf", "release.txt"]


def test_the_configuration_table_names_every_key():
    table = sections()["Configuration"]
    for key in [*OPTIONS, "formats", "check.disable", "check.strict", "check.severity"]:
        assert "`%s`" % key in table, key


def test_the_check_table_names_every_code():
    table = sections()["Command line"]
    for code, (severity, _) in CODES.items():
        assert re.search(r"\| %s(, PC\d+)? \| %s \|" % (code, severity), table) or \
            re.search(r"\| PC\d+, %s \| %s \|" % (code, severity), table), code


def test_the_plugin_entry_point_shown_is_the_fixture_s():
    (shown,) = [b for b in blocks("toml", "Python API")]
    fixture = tomllib.loads((ROOT / "tests" / "plugin_fixture" / "pyproject.toml").read_text())
    assert tomllib.loads(shown)["project"]["entry-points"] == fixture["project"]["entry-points"]

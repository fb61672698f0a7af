"""Writers as plug-ins: the registry's rules, and a real distribution found by its entry point.

The plug-in in tests/plugin_fixture is installed with pip into a temporary
folder (``--target``), never into the running environment, and offline: its
build backend is part of the fixture and needs only the standard library.
"""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressconv.errors import RegistryError, UnknownFormatError
from pressconv.writers import ENTRY_POINT_GROUP, Writer, _default_registry

FIXTURE = Path(__file__).resolve().parent / "plugin_fixture"
RELEASE = "# Plug-ins are welcome\n\nThe first paragraph.\n"


class Custom(Writer):
    name = "custom"
    aliases = ("mine",)
    suffixes = (".custom",)

    def write(self, document, context):
        return document.headline or ""


def writer(name: str, aliases: tuple[str, ...] = (), suffixes: tuple[str, ...] = (".x",)) -> type:
    return type("W", (Custom,), {"name": name, "aliases": aliases, "suffixes": suffixes})


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: [])
    return _default_registry()


# ------------------------------------------------------------- the registry


def test_a_registered_writer_is_found_by_name_alias_and_suffix(registry):
    registry.register_class(Custom, origin="tests")
    assert registry.get("custom").name == registry.get("mine").name == "custom"
    assert registry.for_path("out/release.custom").name == "custom"


def test_built_in_names_are_case_insensitive(registry):
    assert registry.get("DOCX").name == "docx" and registry.get("Txt").name == "text"


def test_the_longest_matching_suffix_wins(registry):
    assert registry.for_path("a.brief.txt").name == "brief"
    assert registry.for_path("A.TXT").name == "text"


def test_an_unknown_format_lists_the_known_ones(registry):
    with pytest.raises(UnknownFormatError, match="unknown output format 'rtf'") as error:
        registry.get("rtf")
    assert "docx" in error.value.hint and "text" in error.value.hint


def test_a_duplicate_name_is_an_error_naming_the_owner(registry):
    with pytest.raises(RegistryError, match="'text' .* is already registered by built-in "
                                            r"\(pressconv.writers.text:TextWriter\)"):
        registry.register_class(writer("text"), origin="tests")


def test_an_alias_taken_by_another_writer_is_an_error_too(registry):
    with pytest.raises(RegistryError, match="'word' .* already registered by built-in"):
        registry.register_class(writer("worddoc", aliases=("word",)), origin="tests")


def test_an_entry_point_clashing_with_a_built_in_names_both(monkeypatch):
    module = type(sys)("clash_module")
    module.Clash = writer("pdf")
    monkeypatch.setitem(sys.modules, "clash_module", module)
    point = importlib.metadata.EntryPoint("pdf", "clash_module:Clash", ENTRY_POINT_GROUP)
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: [point])
    with pytest.raises(RegistryError, match="'pdf' of clash_module:Clash is already registered "
                                            "by built-in"):
        _default_registry().infos()


def test_listing_formats_imports_no_writer_library():
    code = ("from pressconv.cli import main; main(['formats']); import sys; "
            "print(sorted(m for m in ('docx', 'reportlab') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.splitlines()[-1] == "[]"


def test_a_plugin_name_with_capitals_can_be_asked_for(registry):
    registry.register_class(writer("Shout"), origin="tests")
    assert registry.get("shout").name == "Shout"


def test_a_broken_plugin_does_not_take_the_built_in_formats_down(monkeypatch):
    point = importlib.metadata.EntryPoint("bad", "no_such_module:Writer", ENTRY_POINT_GROUP)
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: [point])
    assert _default_registry().get("text").name == "text"


# ------------------------------------------- a real plug-in distribution


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory) -> Path:
    """The fixture distribution installed into a temporary folder, offline."""
    target = tmp_path_factory.mktemp("plugin-site")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    run = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-index",
                          "--no-build-isolation", "--no-deps", "--no-cache-dir",
                          "--target", str(target), str(FIXTURE)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return target


def pressconv(plugin_path: Path | None, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if plugin_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin_path),
                                                          env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "pressconv", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_an_installed_plugin_is_listed_with_its_distribution(plugin_path, tmp_path):
    run = pressconv(plugin_path, "formats", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert ["shout", "loud", ".shout", "pressconv-shout"] in [l.split() for l in run.stdout.splitlines()]


def test_the_cli_converts_with_the_plugin_by_alias_and_by_suffix(plugin_path, tmp_path):
    (tmp_path / "r.md").write_text(RELEASE)
    run = pressconv(plugin_path, "convert", "r.md", "-t", "loud", "--out-dir", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "r.shout").read_text() == "PLUG-INS ARE WELCOME\nThe first paragraph.\n"
    run = pressconv(plugin_path, "convert", "r.md", "-o", "r.shout", cwd=tmp_path)
    assert run.returncode == 0 and (tmp_path / "r.shout").read_text().startswith("PLUG-INS")


def test_worker_processes_find_the_plugin_too(plugin_path, tmp_path):
    for name in "abc":
        (tmp_path / "in" / name).mkdir(parents=True)
        (tmp_path / "in" / name / "r.md").write_text(RELEASE.replace("Plug-ins", name))
    run = pressconv(plugin_path, "convert", "in", "-t", "shout,txt", "--out-dir", "out", "-j", "2",
                    cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "c" / "r.shout").read_text().startswith("C ARE WELCOME")


def test_the_plugin_was_not_installed_into_the_running_environment(plugin_path, tmp_path):
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution("pressconv-shout")
    assert "shout" not in pressconv(None, "formats", cwd=tmp_path).stdout
    assert not list(FIXTURE.rglob("__pycache__"))

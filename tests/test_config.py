"""House style: finding pressconv.toml / [tool.pressconv], checking it, and flags overriding it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressconv.cli import main
from pressconv.config import (
    Config, config_for, find_config_file, load_config, parse_config, parse_setting,
)
from pressconv.errors import ConfigError

RELEASE = """# A headline long enough that a narrow text width has to wrap it over several lines

**BERLIN, 3 March 2024** – The first paragraph of the release has enough words in it to be
wrapped at thirty columns, and at fifty, and at seventy-two, which is the default width.

###
"""


@pytest.fixture
def project(tmp_path):
    """A project folder (with .git, so the search stops there) holding one release."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "release.md").write_text(RELEASE)
    return tmp_path


def widest_line(path: Path) -> int:
    return max(len(line) for line in path.read_text().splitlines())


# ------------------------------------------------------------- discovery


def test_pressconv_toml_next_to_the_input_is_found(project):
    (project / "pressconv.toml").write_text('page_size = "Letter"\n')
    assert config_for(project / "release.md").options["page_size"] == "Letter"


def test_tool_pressconv_in_the_nearest_pyproject_is_found_from_a_subfolder(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.pressconv]\nwidth = 40\n')
    (project / "news" / "2024").mkdir(parents=True)
    (project / "news" / "2024" / "r.md").write_text(RELEASE)
    config = config_for(project / "news" / "2024" / "r.md")
    assert config.options["width"] == 40 and config.path == project / "pyproject.toml"


def test_pressconv_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text("[tool.pressconv]\nwidth = 40\n")
    (project / "pressconv.toml").write_text("width = 50\n")
    assert config_for(project / "release.md").options["width"] == 50


def test_the_nearest_configuration_wins(project):
    (project / "pressconv.toml").write_text("width = 50\n")
    (project / "sub").mkdir()
    (project / "sub" / "pressconv.toml").write_text("width = 30\n")
    assert config_for(project / "sub" / "r.md").options["width"] == 30


def test_a_pyproject_without_the_table_ends_the_search_with_no_style(project):
    (project / "pressconv.toml").write_text("width = 50\n")
    (project / "sub").mkdir()
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "other"\n')
    assert config_for(project / "sub" / "r.md") == Config(project / "sub" / "pyproject.toml")


def test_the_search_stops_at_the_repository_root(project):
    assert find_config_file(project) is None


def test_an_edited_file_is_read_again(project):
    config = project / "pressconv.toml"
    config.write_text("width = 50\n")
    assert config_for(project / "release.md").options["width"] == 50
    config.write_text("width = 300\n")
    assert config_for(project / "release.md").options["width"] == 300


# ------------------------------------------------------------ checking


def test_values_are_normalised():
    config = parse_config({"page_size": "a4", "margins": ["2cm", "1in"], "accent_color": "#0AF",
                           "font_size": 11, "formats": "docx, txt",
                           "check": {"disable": ["pc109"], "strict": True,
                                     "severity": {"PC102": "error"}}})
    assert config.options["page_size"] == "A4"
    assert config.options["margins"] == (56.693, 72.0, 56.693, 72.0)
    assert config.options["accent_color"] == "#00aaff"
    assert config.formats == ("docx", "txt")
    assert config.disable == {"PC109"} and config.strict and config.severity == {"PC102": "error"}


def test_paths_are_relative_to_the_configuration_file(project):
    (project / "style").mkdir()
    (project / "style" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (project / "style" / "pressconv.toml").write_text('logo = "logo.png"\n')
    config = load_config(project / "style" / "pressconv.toml")
    assert config.options["logo"] == str((project / "style" / "logo.png").resolve())


def test_a_font_family_name_stays_a_name_and_a_font_file_must_exist(tmp_path):
    assert parse_config({"font": "DejaVu Sans"}).options["font"] == "DejaVu Sans"
    with pytest.raises(ConfigError, match="'font' names .*missing.ttf, which does not exist"):
        parse_config({"font": "fonts/missing.ttf"}, base=tmp_path)


def test_an_unknown_key_is_named_with_a_suggestion():
    with pytest.raises(ConfigError, match="unknown key 'page_sise'") as error:
        parse_config({"page_sise": "A4"})
    assert "did you mean 'page_size'" in error.value.hint


def test_an_unknown_key_in_the_check_table_is_named():
    with pytest.raises(ConfigError, match="unknown key 'check.disabled'"):
        parse_config({"check": {"disabled": ["PC109"]}})


@pytest.mark.parametrize("key, value, words", [
    ("page_size", "A5", "'page_size' must be \"A4\" or \"Letter\""),
    ("margins", "2 parsecs", "'margins' must be a length"),
    ("margins", ["1cm", "2cm", "3cm"], "'margins' must be one length or a list of 2 or 4"),
    ("accent_color", "blue", "'accent_color' must be a colour"),
    ("width", 5, "'width' must be 0"),
    ("ascii", "yes", "'ascii' must be true or false"),
    ("font_size", 200, "'font_size' must be a size in points"),
    ("logo", "logo.svg", "'logo' must name a PNG, JPEG or GIF image file"),
    ("reference_docx", "house.docx", "'reference_docx' names .*house.docx, which does not exist"),
    ("formats", ["docx", "rtf"], "'formats' names the unknown format 'rtf'"),
    ("header_text", 7, "'header_text' must be a string"),
    ("check", {"disable": ["PC1O9"]}, "'check.disable' names 'PC1O9'"),
    ("check", {"severity": {"PC102": "fatal"}}, "'check.severity' for PC102 must be"),
    ("check", {"strict": 1}, "'check.strict' must be true or false"),
])
def test_an_invalid_value_is_an_error_naming_the_key(tmp_path, key, value, words):
    with pytest.raises(ConfigError, match=words):
        parse_config({key: value}, base=tmp_path)


def test_invalid_toml_names_the_file_and_the_line(project):
    (project / "pressconv.toml").write_text("width = 40\npage_size = A4\n")
    with pytest.raises(ConfigError) as error:
        config_for(project / "release.md")
    assert error.value.file.endswith("pressconv.toml") and "line 2" in str(error.value)


def test_set_reads_toml_values_and_bare_strings():
    assert parse_setting("width=40") == ("width", 40)
    assert parse_setting("margins=[\"1cm\", \"2cm\"]")[1] == (28.346, 56.693, 28.346, 56.693)
    assert parse_setting("header_text=ACME press office") == ("header_text", "ACME press office")
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        parse_setting("width")


# ------------------------------------------------- precedence in the CLI


def test_the_configuration_sets_the_text_width(project):
    (project / "pressconv.toml").write_text("width = 30\n")
    assert main(["convert", str(project / "release.md"), "-o", str(project / "r.txt")]) == 0
    assert widest_line(project / "r.txt") <= 30


def test_set_overrides_the_configuration_and_a_flag_overrides_set(project):
    (project / "pressconv.toml").write_text("width = 30\n")
    out = project / "r.txt"
    assert main(["convert", str(project / "release.md"), "-o", str(out), "--set", "width=40"]) == 0
    assert 30 < widest_line(out) <= 40
    assert main(["convert", str(project / "release.md"), "-o", str(out), "--overwrite",
                 "--set", "width=40", "--width", "50"]) == 0
    assert 40 < widest_line(out) <= 50


def test_no_config_ignores_the_file_and_config_names_another(project):
    (project / "pressconv.toml").write_text("width = 30\n")
    (project / "wide.toml").write_text("width = 100\n")
    out = project / "r.txt"
    assert main(["convert", str(project / "release.md"), "-o", str(out), "--no-config"]) == 0
    assert 30 < widest_line(out) <= 72
    assert main(["convert", str(project / "release.md"), "-o", str(out), "--overwrite",
                 "--config", str(project / "wide.toml")]) == 0
    assert widest_line(out) > 72


def test_default_formats_come_from_the_configuration(project):
    (project / "pressconv.toml").write_text('formats = ["txt", "json"]\n')
    assert main(["convert", str(project / "release.md"), "--out-dir", str(project / "out")]) == 0
    assert sorted(p.name for p in (project / "out").iterdir()) == ["release.json", "release.txt"]
    assert json.loads((project / "out" / "release.json").read_text())


def test_without_formats_anywhere_convert_says_how_to_give_them(project, capsys):
    assert main(["convert", str(project / "release.md"), "--out-dir", str(project / "out")]) == 2
    assert "formats = [...]" in capsys.readouterr().err


def test_an_invalid_configuration_is_a_usage_error_naming_the_key(project, capsys):
    (project / "pressconv.toml").write_text('margins = "wide"\n')
    assert main(["convert", str(project / "release.md"), "-t", "txt"]) == 2
    err = capsys.readouterr().err
    assert "pressconv.toml" in err and "'margins' must be a length" in err
    assert not (project / "release.txt").exists()


def test_an_invalid_flag_value_names_the_flag(project, capsys):
    assert main(["convert", str(project / "release.md"), "-t", "txt", "--margins", "wide"]) == 2
    assert "--margins" in capsys.readouterr().err


def test_the_module_example_holds():
    import doctest

    import pressconv.config

    assert doctest.testmod(pressconv.config).failed == 0


@pytest.mark.parametrize("text", [
    '[tool.pressconv]\nwidth = 50\n',
    '[ tool . pressconv ]\nwidth = 50\n',
    '["tool"."pressconv"]\nwidth = 50\n',
    "[tool]\npressconv = { width = 50 }\n",
    "[tool]\npressconv.width = 50\n",
    'tool.pressconv.width = 50\n[project]\nname = "x"\n',
    '[project]\nname = "x"\n\n  [tool.pressconv]\n  width = 50\n',
])
def test_every_way_toml_can_spell_the_table_is_read(project, text):
    # a pyproject.toml that does not mention tool.pressconv is not parsed (start-up time):
    # the check that decides must let every spelling of the table through
    (project / "pyproject.toml").write_text(text)
    assert config_for(project / "r.md").options["width"] == 50


def test_a_broken_pyproject_of_another_tool_does_not_stop_a_conversion(project):
    (project / "pyproject.toml").write_text('[project\nname = "x"\n')
    assert config_for(project / "r.md").options == {}


def test_a_broken_pyproject_that_configures_pressconv_is_an_error(project):
    (project / "pyproject.toml").write_text('[tool.pressconv]\nwidth = = 5\n')
    with pytest.raises(ConfigError, match="not valid TOML"):
        config_for(project / "r.md")

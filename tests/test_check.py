"""`pressconv check`: coded findings with line and severity, three output formats, exit status."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from pressconv.cli import main
from pressconv.lint import CODES, check_document, format_github, valid_email, valid_phone
from pressconv.model import (
    Contact, Dateline, Document, Figure, Image, Link, Message, Paragraph, Quote, ReleaseLine, Text,
)

NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
LEAD = Paragraph((Text("ACME today announced a thing."),), line=5)


def good(**changes) -> Document:
    """A release that passes every check; tests change one part."""
    document = Document(
        body=(LEAD,), headline="ACME announces a thing",
        dateline=Dateline("BERLIN, 3 March 2024", "BERLIN", "2024-03-03", 0),
        quotes=(Quote("It is great", "Jane Doe", line=7),),
        contacts=(Contact(name="Jane Doe", phone="+49 30 1234567", email="press@acme.example",
                          line=12),),
        end_mark="###")
    return document.replace(**changes)


def codes(document: Document, **options) -> list[str]:
    return [f.code for f in check_document(document, now=NOW, **options)]


CLEAN = """# ACME announces a thing

**BERLIN, 3 March 2024** – ACME today announced a thing.

"It is great," said Jane Doe, chief executive of ACME.

###

## Media contact

Jane Doe, ACME
press@acme.example
+49 30 1234567
"""

FLAWED = """# ACME announces a thing

ACME today announced a thing, with a [broken link](missing.pdf).

## Media contact

Jane Doe, ACME
"""


# ---------------------------------------------------------------- each code


def test_a_complete_release_has_no_findings():
    assert codes(good()) == []


@pytest.mark.parametrize("code, changes", [
    ("PC101", {"headline": None}),
    ("PC102", {"dateline": None, "metadata": {"date": "2024-03-03"}}),
    ("PC103", {"dateline": Dateline("BERLIN, March", "BERLIN", None, 0)}),
    ("PC104", {"contacts": ()}),
    ("PC105", {"contacts": (Contact(name="Jane Doe", line=12),)}),
    ("PC106", {"quotes": (Quote("It is great", None, line=7),)}),
    ("PC107", {"contacts": (Contact(name="J", email="press@acme", line=12),)}),
    ("PC108", {"contacts": (Contact(name="J", phone="+1 202 555", line=12),)}),
    ("PC109", {"end_mark": None}),
    ("PC110", {"headline": "word " * 40}),
    ("PC111", {"body": (Paragraph((Text("word " * 61),), line=5),)}),
    ("PC112", {"release": ReleaseLine("EMBARGOED UNTIL 1 May 2024", True, "2024-05-01")}),
])
def test_each_problem_has_its_code(code, changes):
    assert codes(good(**changes)) == [code]


def test_no_dateline_and_no_date_anywhere_gives_both_codes():
    assert codes(good(dateline=None)) == ["PC102", "PC103"]


def test_an_embargo_still_ahead_or_an_immediate_release_is_fine():
    assert codes(good(release=ReleaseLine("EMBARGOED UNTIL 2 June 2024 10:00 CET", True,
                                          "2024-06-02T10:00:00+01:00"))) == []
    assert codes(good(release=ReleaseLine("FOR IMMEDIATE RELEASE"))) == []


def test_an_embargo_hour_already_past_today_is_reported():
    release = ReleaseLine("EMBARGOED UNTIL 1 June 2024 09:00 UTC", True, "2024-06-01T09:00:00Z")
    assert codes(good(release=release)) == ["PC112"]


def test_broken_relative_links_and_images_are_reported_with_their_line(tmp_path):
    (tmp_path / "there.pdf").write_bytes(b"%PDF")
    body = (Paragraph((Text("See "), Link((Text("a"),), "there.pdf"), Link((Text("b"),), "gone.pdf#p2"),
                       Link((Text("c"),), "https://example.org/x"), Link((Text("d"),), "#top")), line=9),
            Figure(Image("img/logo%20new.png", "logo"), line=11))
    findings = check_document(good(body=(LEAD, *body)), base_dir=tmp_path, now=NOW)
    assert [(f.code, f.line) for f in findings] == [("PC113", 9), ("PC113", 11)]
    assert "gone.pdf" in findings[0].message and "img/logo%20new.png" in findings[1].message


def test_links_are_not_checked_without_a_folder():
    body = (LEAD, Paragraph((Link((Text("a"),), "gone.pdf"),), line=9))
    assert codes(good(body=body)) == []


@pytest.mark.parametrize("address, ok", [
    ("press@acme.example", True), ("jane.doe+news@sub.acme.co.uk", True),
    ("press@acme", False), ("press at acme.example", False), ("press@@acme.example", False),
    (".press@acme.example", False), ("press@acme..example", False),
])
def test_e_mail_syntax(address, ok):
    assert valid_email(address) is ok


@pytest.mark.parametrize("number, ok", [
    ("+49 30 1234567", True), ("+1 (202) 555-0143", True), ("(202) 555-0143", True),
    ("+43 676 71 74 592 ext. 12", True), ("+1 202 555", False), ("call us", False),
    ("+999 1234567", False), ("12-34", False),
])
def test_phone_syntax(number, ok):
    assert valid_phone(number) is ok


# ------------------------------------------------------- merging and options


def test_a_recogniser_warning_and_the_same_check_are_reported_once():
    document = good(headline=None, warnings=(Message("no headline found", "PC101"),))
    assert codes(document) == ["PC101"]


def test_two_different_problems_with_the_same_code_are_both_kept():
    document = good(contacts=(Contact(name="A", email="a@bad", line=12),),
                    warnings=(Message("e-mail address 'b@worse' does not look valid", "PC107", 14),))
    assert sorted((f.code, f.line) for f in check_document(document, now=NOW)) == [
        ("PC107", 12), ("PC107", 14)]


def test_recogniser_warnings_without_a_check_here_become_findings():
    document = good(warnings=(Message("removed 2 control characters", "PC001"),
                              Message("something odd", None, 3)))
    assert [(f.code, f.line, f.severity) for f in check_document(document, now=NOW)] == [
        ("PC001", 1, "warning"), ("PC000", 3, "warning")]


def test_disabled_codes_are_left_out_and_severity_can_be_changed():
    document = good(dateline=None, end_mark=None)
    findings = check_document(document, now=NOW, disable={"pc103"}, severity={"PC109": "error"})
    assert [(f.code, f.severity) for f in findings] == [("PC102", "warning"), ("PC109", "error")]


def test_every_code_has_a_severity_and_a_meaning():
    assert all(level in ("error", "warning") and meaning for level, meaning in CODES.values())


def test_github_annotations_escape_what_would_break_them():
    from pressconv.lint import Finding

    line = format_github([Finding("a,b:c.md", 3, "PC107", "error", "100% bad\naddress")])
    assert line == "::error file=a%2Cb%3Ac.md,line=3,title=PC107::100%25 bad%0Aaddress\n"


# ------------------------------------------------------------------ the CLI


@pytest.fixture
def releases(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # no configuration from outside the test folder
    (tmp_path / "clean.md").write_text(CLEAN)
    (tmp_path / "flawed.md").write_text(FLAWED)
    return tmp_path


def test_a_clean_release_passes_even_with_strict(releases, capsys):
    assert main(["check", "clean.md", "--strict"]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings\n"


def test_text_output_gives_file_line_code_and_severity(releases, capsys):
    assert main(["check", "flawed.md"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "flawed.md:3: PC113 error: link 'missing.pdf': no such file next to the release" in out
    assert any(line.startswith("flawed.md:") and " PC105 warning: " in line for line in out)
    assert out[-1].endswith("warnings") and out[-1].startswith("1 error")


def test_json_output_is_a_list_of_findings(releases, capsys):
    assert main(["check", "clean.md", "flawed.md", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert {f["file"] for f in findings} == {"flawed.md"}
    assert set(findings[0]) == {"file", "line", "code", "severity", "message"}
    assert {"PC102", "PC105", "PC113"} <= {f["code"] for f in findings}


def test_github_output_is_one_annotation_per_finding(releases, capsys):
    assert main(["check", "flawed.md", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "::error file=flawed.md,line=3,title=PC113::link 'missing.pdf': no such file next to " \
           "the release" in out
    assert all(line.startswith(("::error ", "::warning ")) for line in out)


def test_warnings_alone_pass_unless_strict(releases, capsys):
    (releases / "late.md").write_text(CLEAN.replace("\n###\n", "\n"))  # only PC109, a warning
    assert main(["check", "late.md"]) == 0
    assert main(["check", "late.md", "--strict"]) == 1
    assert "PC109 warning" in capsys.readouterr().out


def test_codes_switched_off_in_configuration_and_on_the_command_line(releases, capsys):
    (releases / "pressconv.toml").write_text('[check]\ndisable = ["PC113"]\n')
    main(["check", "flawed.md", "--disable", "PC105"])
    out = capsys.readouterr().out
    assert "PC113" not in out and "PC105" not in out and "PC102" in out


def test_strict_in_configuration_and_no_strict_on_the_command_line(releases):
    (releases / "late.md").write_text(CLEAN.replace("\n###\n", "\n"))
    (releases / "pressconv.toml").write_text("[check]\nstrict = true\n")
    assert main(["check", "late.md"]) == 1
    assert main(["check", "late.md", "--no-strict"]) == 0


def test_a_past_embargo_in_a_file_is_an_error_on_its_line(releases, capsys):
    (releases / "old.md").write_text(CLEAN.replace(
        "\n\n**BERLIN", "\n\nEMBARGOED UNTIL 1 March 2001, 10:00 CET\n\n**BERLIN", 1))
    assert main(["check", "old.md"]) == 1
    assert capsys.readouterr().out.startswith("old.md:3: PC112 error: the embargo (2001-03-01")


def test_folders_are_checked_recursively(releases, capsys):
    (releases / "news").mkdir()
    (releases / "news" / "old.md").write_text(FLAWED)
    main(["check", str(releases / "news"), "--format", "json"])
    assert {f["file"] for f in json.loads(capsys.readouterr().out)} == {
        str(releases / "news" / "old.md")}


def test_an_unreadable_file_is_an_error_finding(releases, capsys):
    (releases / "binary.md").write_bytes(b"caf\xe9 au lait\n")
    assert main(["check", "binary.md", "missing.md", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["file"], f["code"], f["severity"]) for f in findings] == [
        ("binary.md", "PC100", "error"), ("missing.md", "PC100", "error")]
    assert "UTF-8" in findings[0]["message"]


def test_stdin_is_checked(releases, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FLAWED.encode())))
    assert main(["check", "-", "--disable", "PC113"]) == 0
    assert "<stdin>:" in capsys.readouterr().out


def test_a_malformed_code_is_a_usage_error(releases, capsys):
    assert main(["check", "clean.md", "--disable", "PC1O9"]) == 2
    assert "PC1O9" in capsys.readouterr().err


def test_the_module_example_holds():
    import doctest

    import pressconv.lint

    assert doctest.testmod(pressconv.lint).failed == 0

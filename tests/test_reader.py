"""The Markdown reader: CommonMark + GFM + footnotes + front matter → generic tree."""

from __future__ import annotations

import pytest

import pressconv
from pressconv.errors import InputError
from pressconv.model import (
    BlockQuote, BulletList, Code, CodeBlock, Emphasis, Figure, FootnoteDefinition, FootnoteRef,
    Heading, HtmlBlock, Image, LineBreak, Link, OrderedList, Paragraph, RawInline, SoftBreak, Strikethrough,
    Strong, Subscript, Superscript, Table, Text, ThematicBreak, Underline, plain_text,
)


def read(text: str):
    return pressconv.parse(text, recognize=False)


def first_inlines(text: str):
    return read(text).body[0].children


def test_paragraph_emphasis_strong_and_code_map_to_inline_nodes():
    assert first_inlines("a *b* **c** `d`") == (
        Text("a "), Emphasis((Text("b"),)), Text(" "), Strong((Text("c"),)), Text(" "), Code("d"))


def test_escapes_are_resolved():
    assert first_inlines(r"\*\*\*\*\*") == (Text("*****"),)


def test_soft_and_hard_breaks_are_kept_apart():
    assert first_inlines("a\nb  \nc\\\nd") == (
        Text("a"), SoftBreak(), Text("b"), LineBreak(), Text("c"), LineBreak(), Text("d"))


@pytest.mark.parametrize("markup, node", [
    ("<u>x</u>", Underline((Text("x"),))), ("<b>x</b>", Strong((Text("x"),))),
    ("<strong>x</strong>", Strong((Text("x"),))), ("<i>x</i>", Emphasis((Text("x"),))),
    ("<em>x</em>", Emphasis((Text("x"),))), ("<sup>x</sup>", Superscript((Text("x"),))),
    ("<sub>x</sub>", Subscript((Text("x"),))), ("<s>x</s>", Strikethrough((Text("x"),))),
    ('<a href="https://e.org/?a=1&amp;b=2">x</a>', Link((Text("x"),), "https://e.org/?a=1&b=2")),
])
def test_inline_html_tags_map_to_model_nodes(markup, node):
    assert first_inlines("before " + markup + " after") == (Text("before "), node, Text(" after"))


def test_br_is_a_line_break_and_unknown_tags_keep_their_text():
    assert first_inlines("a<br>b <span class='x'>c</span><!-- note -->") == (
        Text("a"), LineBreak(), Text("b "), RawInline("<span class='x'>"), Text("c"),
        RawInline("</span>"), RawInline("<!-- note -->"))


def test_unclosed_inline_html_keeps_its_text():
    assert plain_text(first_inlines("a <u>b c")) == "a b c"


def test_headings_lists_quotes_code_and_rules():
    body = read("# T\n\n> q\n\n- a\n- b\n\n3. x\n4. y\n\n```py\ncode\n```\n\n---\n").body
    assert isinstance(body[0], Heading) and body[0].level == 1
    assert isinstance(body[1], BlockQuote)
    assert isinstance(body[2], BulletList) and len(body[2].items) == 2 and body[2].tight
    assert isinstance(body[3], OrderedList) and body[3].start == 3
    assert body[4] == CodeBlock("code", "py")
    assert isinstance(body[5], ThematicBreak)


def test_loose_lists_are_not_tight():
    assert not read("- a\n\n- b\n").body[0].tight


def test_task_list_items_carry_their_state():
    items = read("- [x] done\n- [ ] open\n- plain\n").body[0].items
    assert [i.checked for i in items] == [True, False, None]
    assert plain_text(items[0].children) .strip() == "done"


def test_gfm_table_with_alignment():
    table = read("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n").body[0]
    assert isinstance(table, Table)
    assert table.align == ("left", "center", "right")
    assert plain_text(table.header[1].children) == "b"
    assert plain_text(table.rows[0][2].children) == "3"


def test_strikethrough_and_autolinks():
    inlines = first_inlines("~~gone~~ www.example.com <https://a.b>")
    assert inlines[0] == Strikethrough((Text("gone"),))
    links = [i for i in inlines if isinstance(i, Link)]
    assert [l.url for l in links] == ["http://www.example.com", "https://a.b"]


def test_footnotes_become_references_and_definitions_at_the_end():
    body = read("Text[^n].\n\n[^n]: The note.\n\nMore.\n").body
    assert FootnoteRef("n") in body[0].children
    assert isinstance(body[-1], FootnoteDefinition) and body[-1].label == "n"
    assert plain_text(body[-1].children).strip() == "The note."


def test_lone_image_is_a_figure_and_inline_image_stays_inline():
    body = read("![Alt *text*](pic.png \"T\")\n\nsee ![x](y.png) here\n").body
    assert body[0] == Figure(Image("pic.png", "Alt text", "T"))
    assert Image("y.png", "x") in body[1].children


def test_html_blocks_are_kept_as_text():
    assert read("<div>\nhello\n</div>\n").body[0] == HtmlBlock("<div>\nhello\n</div>")


def test_gfm_tag_filter_shows_dangerous_tags_as_text():
    assert "<title>" in plain_text(first_inlines("a <title> b"))


def test_yaml_front_matter_becomes_metadata_with_json_values():
    document = read("---\ntitle: T\ndate: 2021-03-04\ntags: [a, b]\nlang: de\n---\n\nBody\n")
    assert dict(document.metadata) == {"title": "T", "date": "2021-03-04", "tags": ["a", "b"],
                                       "lang": "de"}
    assert document.language == "de"
    assert document.body[0].line == 8


def test_toml_front_matter_becomes_metadata():
    document = read('+++\ntitle = "T"\ndate = 2017-05-02\n+++\nBody\n')
    assert dict(document.metadata) == {"title": "T", "date": "2017-05-02"}
    assert plain_text(document.body) .strip() == "Body"


def test_a_thematic_break_at_the_start_is_not_front_matter():
    document = read("---\n\nJust text\n\n---\n")
    assert dict(document.metadata) == {}


def test_invalid_yaml_front_matter_is_an_error_with_a_line():
    with pytest.raises(InputError, match="not valid YAML") as error:
        read("---\ntitle: [unclosed\n---\nx\n")
    assert error.value.hint


def test_bom_and_crlf_are_accepted():
    document = read("\ufeff# T\r\n\r\nA\r\nB\r\n".encode("utf-8"))
    assert isinstance(document.body[0], Heading)
    assert document.body[1].children == (Text("A"), SoftBreak(), Text("B"))


def test_invalid_utf8_names_the_file_and_byte_offset(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes(b"# Title\n\nCaf\xe9\n")
    with pytest.raises(InputError) as error:
        pressconv.parse(path)
    message = str(error.value)
    assert "latin.md" in message and "byte offset 12" in message and "line 3" in message


def test_binary_input_is_refused(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        pressconv.parse(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        pressconv.parse(tmp_path / "nope.md")


def test_size_limit_is_enforced_with_a_hint():
    with pytest.raises(InputError, match="larger than the limit") as error:
        pressconv.parse("x" * 100, max_bytes=50)
    assert "max" in error.value.hint


def test_control_characters_are_removed_with_a_warning():
    document = pressconv.parse("a\x00b\x07c\ufffe", recognize=False)
    assert plain_text(document.body).strip() == "abc"
    assert any(w.code == "PC001" for w in document.warnings)


def test_file_objects_and_bytes_are_read():
    import io

    assert read(io.BytesIO(b"# A\n")).body[0].level == 1
    assert read(io.StringIO("# A\n")).body[0].level == 1


def test_source_lines_are_recorded():
    body = read("\n\n# T\n\npara\n").body
    assert [b.line for b in body] == [3, 5]


@pytest.mark.parametrize("front, message", [
    ("a: &a [*a]", "nests deeper"),                       # an alias cycle
    ("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n" + "".join(
        "%s: &%s [*%s, *%s, *%s, *%s]\n" % (n, n, p, p, p, p)
        for p, n in zip("cdefghijk", "defghijkl")), "holds more than"),  # billion laughs
    ("date: 2021-13-45", "cannot build"),
    ("a: " + "[" * 3000 + "]" * 3000, "cannot build"),
])
def test_hostile_yaml_front_matter_is_refused_clearly(front, message):
    with pytest.raises(InputError, match=message):
        read("---\n" + front + "\n---\nBody\n")


def test_yaml_special_floats_become_strings():
    assert dict(read("---\nx: .nan\ny: -.inf\n---\nBody\n").metadata) == {"x": "nan", "y": "-inf"}


def test_a_jbake_header_is_front_matter():
    document = read("type=page\ntitle=Acme launches\ndate=2012-10-18\n~~~~~~\n**Body** text.\n")
    assert dict(document.metadata) == {"type": "page", "title": "Acme launches", "date": "2012-10-18"}
    assert isinstance(document.body[0], Paragraph)


def test_front_matter_with_tabs_before_comments_is_read_as_sites_read_it():
    document = read("---\ntitle: \"T\"\t\t# the title\n\t\t\t# more comment\ndate: 2021-01-02\n---\nx\n")
    assert dict(document.metadata) == {"title": "T", "date": "2021-01-02"}


def test_autolinks_are_found_with_the_plugin_rules_bounded():
    # the GFM autolink rules see a window of the paragraph (readers/_autolink.py): real links still link
    long_url = "https://example.org/" + "a" * 6000
    children = first_inlines("See https://example.org/x?y=1, www.acme.com, jane@acme.com, "
                             "mailto:x@y.org and %s." % long_url)
    assert [node.url for node in children if isinstance(node, Link)] == [
        "https://example.org/x?y=1", "http://www.acme.com", "mailto:jane@acme.com", "mailto:x@y.org", long_url]


def test_colons_at_signs_and_www_without_links_stay_text():
    text = " ".join("a: b@c www %d http: mailto:" % i for i in range(200))
    assert plain_text(first_inlines(text)) == text
    assert not any(isinstance(node, Link) for node in first_inlines(text))

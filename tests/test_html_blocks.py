"""HTML blocks, shortcodes and attribute lists become model blocks the recognisers can read."""

from __future__ import annotations

from pressconv import parse
from pressconv.model import (
    BlockQuote, BulletList, CodeBlock, Document, Emphasis, Figure, Heading, HtmlBlock, Image,
    LineBreak, Link, OrderedList, Paragraph, RawInline, Strong, Table, TableCell, Text, ThematicBreak,
    Underline,
    plain_text,
)
from pressconv.transforms import html_blocks
from pressconv.readers.html import html_to_blocks


def convert(markdown: str) -> Document:
    return html_blocks.apply(parse(markdown, recognize=False))


def test_paragraphs_and_headings_become_model_blocks():
    blocks = html_to_blocks('<h5 style="margin: 20px">\nBig News Today</h5>\n'
                            '<p align="left">FOR IMMEDIATE RELEASE</p>\n<p>July 25, 2021</p>')
    assert blocks == (Heading(5, (Text("Big News Today"),)),
                      Paragraph((Text("FOR IMMEDIATE RELEASE"),)),
                      Paragraph((Text("July 25, 2021"),)))


def test_inline_markup_maps_to_strong_emphasis_underline_and_links():
    (block,) = html_to_blocks('<p>A <b>bold</b>, <em>it</em>, <u>under</u> and '
                              '<a href="mailto:jo@example.org">mail</a>.</p>')
    assert block == Paragraph((Text("A "), Strong((Text("bold"),)), Text(", "),
                               Emphasis((Text("it"),)), Text(", "), Underline((Text("under"),)),
                               Text(" and "), Link((Text("mail"),), "mailto:jo@example.org"),
                               Text(".")))


def test_html_white_space_collapses_and_trims_around_breaks():
    (block,) = html_to_blocks("<div>\n  Line   one \n<br>\n   line two  </div>")
    assert block == Paragraph((Text("Line one"), LineBreak(), Text("line two")))


def test_two_breaks_in_a_row_separate_paragraphs():
    blocks = html_to_blocks("First.<br><br>Second.<br> <br><br>Third<br>still third.")
    assert [plain_text(b) for b in blocks] == ["First.\n\n", "Second.\n\n",
                                               "Third\nstill third.\n\n"]


def test_comments_vanish_and_empty_markup_leaves_nothing():
    document = convert("Intro.\n\n<!--more-->\n\nText.\n")
    assert [plain_text(b).strip() for b in document.body] == ["Intro.", "Text."]
    assert html_to_blocks("<p> </p><div></div><i class='fa fa-file'></i>") == ()


def test_lists_quotes_rules_and_preformatted_text_convert():
    blocks = html_to_blocks("<ul><li><b>One</b><li>Two</ul><ol start='3'><li>Three</li></ol>"
                            "<blockquote><p>Said.</p></blockquote><hr><pre>a\n  b</pre>")
    assert isinstance(blocks[0], BulletList) and len(blocks[0].items) == 2
    assert blocks[0].items[0].children == (Paragraph((Strong((Text("One"),)),)),)
    assert isinstance(blocks[1], OrderedList) and blocks[1].start == 3
    assert blocks[2] == BlockQuote((Paragraph((Text("Said."),)),))
    assert isinstance(blocks[3], ThematicBreak)
    assert blocks[4] == CodeBlock("a\n  b")


def test_an_image_alone_becomes_a_figure():
    assert html_to_blocks('<p><img src="logo.png" alt="Logo"></p>') == (
        Figure(Image("logo.png", "Logo")),)


def test_interactive_and_unknown_parts_stay_html_verbatim():
    markup = ('<p>Before.</p>\n<section><div class="accordion"><button>Open</button>'
              '<a href="x.pdf">PDF</a></div></section>\n<p>After.</p>')
    blocks = html_to_blocks(markup)
    assert blocks[0] == Paragraph((Text("Before."),))
    assert blocks[1] == HtmlBlock('<section><div class="accordion"><button>Open</button>'
                                  '<a href="x.pdf">PDF</a></div></section>')
    assert blocks[2] == Paragraph((Text("After."),))


def test_iframes_and_scripts_are_kept_as_html():
    for markup in ('<iframe src="https://player.example/1"></iframe>', "<script>x()</script>"):
        assert html_to_blocks(markup) == (HtmlBlock(markup),)


def _cells(*texts):
    return tuple(TableCell((Text(t),) if t else ()) for t in texts)


def test_a_data_table_becomes_a_table():
    markup = ("<table>\n<tr><th>Name</th><th align=right>Phone</th></tr>\n"
              "<tr><td>Jane Doe</td><td>+1 202 555 0100</td></tr>\n</table>")
    assert html_to_blocks(markup, 4) == (
        Table(_cells("Name", "Phone"), (_cells("Jane Doe", "+1 202 555 0100"),), (None, "right"), 4),)


def test_table_parts_close_as_browsers_close_them():
    # no </td> or </tr>, a <thead>, a caption: the rows and cells a browser shows
    markup = "<table><caption>Media contacts</caption><thead><tr><th>A<th>B<tbody><tr><td>1<td>2<tr><td>3<td>4</table>"
    caption, table = html_to_blocks(markup)
    assert caption == Paragraph((Text("Media contacts"),))
    assert table.header == _cells("A", "B")
    assert table.rows == (_cells("1", "2"), _cells("3", "4"))


def test_spans_leave_empty_cells_where_they_reach():
    markup = ("<table><tr><th>A</th><th>B</th><th>C</th></tr>"
              "<tr><td colspan=2>wide</td><td>c</td></tr>"
              "<tr><td rowspan=2>tall</td><td>b</td><td>c</td></tr>"
              "<tr><td>b2</td><td>c2</td></tr></table>")
    (table,) = html_to_blocks(markup)
    assert table.rows == (_cells("wide", "", "c"), _cells("tall", "b", "c"), _cells("", "b2", "c2"))


def test_absurd_spans_are_bounded():
    (table,) = html_to_blocks('<table><tr><th>A</th><th>B</th></tr><tr><td colspan="99999999">x</td></tr></table>')
    assert len(table.rows[0]) == 1000 and len(table.header) == 1000


def test_a_table_without_th_is_headed_by_its_first_row():
    (table,) = html_to_blocks("<table><tr><td>Name</td><td>E-mail</td></tr>"
                              "<tr><td>Jane</td><td>jane@example.org</td></tr></table>")
    assert table.header == _cells("Name", "E-mail") and table.rows == (_cells("Jane", "jane@example.org"),)


def test_cells_with_paragraphs_and_lists_keep_them_on_separate_lines():
    (table,) = html_to_blocks("<table><tr><th>Who</th><th>Reach</th></tr><tr><td><p>Jane</p><p>Press</p></td>"
                              "<td><ul><li>a@example.org</li><li>+1 202 555 0100</li></ul></td></tr></table>")
    assert table.rows[0][0].children == (Text("Jane"), LineBreak(), Text("Press"))
    assert table.rows[0][1].children == (Text("• a@example.org"), LineBreak(), Text("• +1 202 555 0100"))


def test_layout_tables_give_their_cells_as_blocks():
    one_column = "<table><tr><td><h2>Title</h2></td></tr><tr><td><p>Body text.</p></td></tr></table>"
    assert html_to_blocks(one_column) == (Heading(2, (Text("Title"),)), Paragraph((Text("Body text."),)))
    one_row = "<table><tr><td><img src='logo.png' alt='Logo'></td><td><p>Company news.</p></td></tr></table>"
    assert html_to_blocks(one_row) == (Figure(Image("logo.png", "Logo")), Paragraph((Text("Company news."),)))
    nested = "<table><tr><td>Left</td><td><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>"
    blocks = html_to_blocks(nested)
    assert blocks[0] == Paragraph((Text("Left"),))
    assert blocks[1] == Table(_cells("A", "B"), (_cells("1", "2"),))


def test_unclosed_paragraphs_and_items_close_like_browsers_do():
    blocks = html_to_blocks("<p>One<p>Two<ul><li>a<li>b</ul>")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "BulletList"]
    assert len(blocks[2].items) == 2


def test_split_bold_runs_merge_into_one():
    (block,) = html_to_blocks("<p>despu<strong>és del</strong><strong> primer</strong> año</p>")
    assert block == Paragraph((Text("despu"), Strong((Text("és del primer"),)), Text(" año")))


def test_html_nested_in_block_quotes_and_lists_converts_too():
    document = convert("> <p>Quoted <b>text</b></p>\n")
    assert document.body == (BlockQuote((Paragraph((Text("Quoted "), Strong((Text("text"),)))),)),)


def test_a_shortcode_holding_the_release_becomes_a_heading_and_paragraphs():
    paragraph = Paragraph((Text("{{"), RawInline(
        '<press-single\ntitle="Acme launches Rocket"\ntext="OSLO, 2 May 2022 - Acme launched.'
        '<br><br>About Acme<br>Acme builds.">'), Text("}}")))
    document = html_blocks.apply(Document(body=(paragraph,)))
    assert [type(b).__name__ for b in document.body] == ["Heading", "Paragraph", "Paragraph"]
    assert plain_text(document.body[0]).strip() == "Acme launches Rocket"
    assert plain_text(document.body[2]).strip() == "About Acme\nAcme builds."


def test_a_plain_text_shortcode_with_content_attributes_converts():
    document = convert('{{< release title="Big day" text="<p>It happened.</p>" >}}\n')
    assert [plain_text(b).strip() for b in document.body] == ["Big day", "It happened."]


def test_other_shortcodes_are_left_alone():
    document = convert('{{< youtube id="abc" >}}\n')
    assert plain_text(document.body[0]).strip() == '{{< youtube id="abc" >}}'


def test_kramdown_attribute_lists_vanish_and_end_the_list_they_close():
    document = convert("![Banner](b.jpg){:.img-fluid}\n\n- one\n- two\n{:.huge}\n"
                       "Madrid, 5 de mayo de 2020 - Texto.\n")
    assert isinstance(document.body[0], Figure)
    assert isinstance(document.body[1], BulletList)
    assert plain_text(document.body[1].items[1]).strip() == "two"
    assert plain_text(document.body[2]).strip() == "Madrid, 5 de mayo de 2020 - Texto."


def test_double_br_in_a_markdown_paragraph_separates_paragraphs():
    document = convert("One<br><br>Two<br>still two\n")
    assert [plain_text(b).strip() for b in document.body] == ["One", "Two\nstill two"]


def test_a_document_without_html_is_returned_unchanged():
    document = parse("# Title\n\nText with *emphasis*.\n", recognize=False)
    assert html_blocks.apply(document) is document


def test_deep_html_nesting_keeps_its_text_within_a_bounded_depth():
    from pressconv.readers.html import MAX_DEPTH

    markup = "<div><blockquote>" * 1500 + "core" + "</blockquote></div>" * 1500 + "<p>after</p>"
    blocks = html_to_blocks(markup)
    assert "core" in " ".join(plain_text(b.children) for b in _walk(blocks) if isinstance(b, Paragraph))
    assert _depth(blocks) <= MAX_DEPTH
    assert isinstance(blocks[-1], Paragraph) and plain_text(blocks[-1].children) == "after"


def test_a_table_too_large_to_lay_out_keeps_its_cells_as_text():
    rows = "".join("<tr><td>r%d</td><td colspan=1000 rowspan=1000>x</td></tr>" % i for i in range(2000))
    blocks = html_to_blocks("<table>" + rows + "</table>")
    (table,) = blocks  # the spans would make 10^9 cells: read without them
    assert len(table.header) == 2 and len(table.rows) == 1999
    assert plain_text(table.rows[-1][0].children) == "r1999"


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "children", ()) if isinstance(block, BlockQuote) else ())


def _depth(blocks):
    return max((1 + _depth(b.children) for b in blocks if isinstance(b, BlockQuote)), default=0)

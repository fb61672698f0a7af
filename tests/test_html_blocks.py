"""HTML blocks, shortcodes and attribute lists become model blocks the recognisers can read."""

from __future__ import annotations

from pressconv import parse
from pressconv.model import (
    BlockQuote, BulletList, CodeBlock, Document, Emphasis, Figure, Heading, HtmlBlock, Image,
    LineBreak, Link, OrderedList, Paragraph, RawInline, Strong, Text, ThematicBreak, Underline,
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


def test_iframes_scripts_and_tables_are_kept_as_html():
    for markup in ('<iframe src="https://player.example/1"></iframe>', "<script>x()</script>",
                   "<table><tr><td>1</td></tr></table>"):
        assert html_to_blocks(markup) == (HtmlBlock(markup),)


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

"""Hand-built documents shared by the writer tests."""

from __future__ import annotations

from pressconv.model import (
    BlockQuote, Boilerplate, BulletList, Code, CodeBlock, Contact, Dateline, Document,
    Emphasis, Figure, FootnoteDefinition, FootnoteRef, Heading, HtmlBlock, Image, LineBreak,
    Link, ListItem, OrderedList, Paragraph, Quote, QuotedSpeech, RawInline, ReleaseLine,
    SoftBreak, Strikethrough, Strong, Subscript, Superscript, Table, TableCell, Text,
    ThematicBreak, Underline,
)


def para(*inlines) -> Paragraph:
    return Paragraph(tuple(Text(i) if isinstance(i, str) else i for i in inlines))


def cell(text: str) -> TableCell:
    return TableCell((Text(text),))


def every_node_document() -> Document:
    """A Document using every block and inline type and every press-release part.

    Each node carries a distinct word (``alpha`` ... ) so a test can check that
    a writer kept it.
    """
    inlines = (
        Text("alpha "), Emphasis((Text("bravo"),)), Text(" "), Strong((Text("charlie"),)),
        Text(" "), Underline((Text("delta"),)), Text(" "), Strikethrough((Text("echo"),)),
        Text(" H"), Subscript((Text("2"),)), Text("O x"), Superscript((Text("2"),)), Text(" "),
        Code("foxtrot()"), Text(" "), Link((Text("golf"),), "https://example.org/golf"),
        SoftBreak(), Text("hotel"), LineBreak(), Text("india"), FootnoteRef("1"),
        Text(" "), Image("pic.png", "juliet"), RawInline("<span>"), Text(" kilo"),
    )
    body = (
        para("lima lead paragraph of the release."),
        Paragraph(inlines),
        Heading(2, (Text("mike section"),)),
        para(QuotedSpeech((Text("\u201cnovember speech,\u201d"),), 0), " said Oscar Papa."),
        BlockQuote((para("quebec block quote"),), attribution="Romeo Sierra, Chief"),
        BulletList((
            ListItem((para("tango"), BulletList((ListItem((para("uniform nested"),)),)))),
            ListItem((para("victor"),), checked=True),
        )),
        OrderedList((ListItem((para("whiskey"),)), ListItem((para("xray"),))), start=3),
        Table(header=(cell("yankee"), cell("zulu")),
              rows=((cell("one"), cell("two")), (cell("three"), cell("four"))),
              align=("left", "right")),
        CodeBlock("print('five')\n    six", "python"),
        ThematicBreak(),
        Figure(Image("missing.png", "seven figure")),
        HtmlBlock("<div>eight html</div>"),
        FootnoteDefinition("1", (para("nine footnote"),)),
    )
    return Document(
        body=body,
        headline="Headline ten",
        subheadline="Subheadline eleven",
        dateline=Dateline("VIENNA, 4 October 2018", "VIENNA", "2018-10-04", lead=0),
        release=ReleaseLine("EMBARGOED UNTIL 09:00 CET, 5 May 2021", True,
                            "2021-05-05T09:00:00+01:00"),
        quotes=(Quote("november speech,", "Oscar Papa", "Chief"),),
        contacts=(Contact(name="Twelve Person", role="Press officer", organization="Thirteen Org",
                          phone="+43 1 234 5678", email="press@thirteen.example",
                          url="https://thirteen.example", phone_e164="+4312345678"),),
        contacts_heading="Media contacts",
        end_mark="###",
        boilerplate=(Boilerplate("About Fourteen", (para("fourteen boilerplate"),)),),
        metadata={"title": "Headline ten", "keywords": ["a", "b"]},
        language="en",
    )


#: the words every writer must keep from every_node_document()
EVERY_NODE_WORDS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
    "Oscar quebec Romeo tango uniform victor whiskey xray yankee zulu one two three four five six "
    "seven eight nine ten eleven EMBARGOED Twelve Thirteen press@thirteen.example "
    "fourteen VIENNA ###"
).split()

"""Hypothesis strategies shared by the tests: random model trees and Markdown-like text.

Two families:

* ``documents`` (with ``inline_strategy``/``block_strategy``): well-formed model
  trees, as the transforms could produce them; test_model round-trips them.
* ``weird_documents`` and ``markdown_like``: adversarial input for the writers
  (test_properties): out-of-range indexes and levels, huge and negative numbers,
  empty strings and None everywhere, deep inline nesting, control characters,
  emoji, right-to-left text, and Markdown fragments of every press-release kind.
"""

from __future__ import annotations

from hypothesis import strategies as st

from pressconv import model as m

# ------------------------------------------------------ well-formed model trees

text = st.text(max_size=12)
maybe_text = st.none() | text
line = st.none() | st.integers(min_value=1, max_value=10_000)


def inline_strategy() -> st.SearchStrategy:
    leaves = st.one_of(
        st.builds(m.Text, text), st.builds(m.Code, text), st.builds(m.LineBreak),
        st.builds(m.SoftBreak), st.builds(m.FootnoteRef, text), st.builds(m.RawInline, text),
        st.builds(m.Image, text, text, maybe_text),
    )

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3).map(tuple)
        return st.one_of(
            *(st.builds(cls, kids) for cls in (m.Emphasis, m.Strong, m.Underline, m.Strikethrough,
                                                m.Superscript, m.Subscript)),
            st.builds(m.Link, kids, text, maybe_text),
            st.builds(m.QuotedSpeech, kids, st.integers(0, 5)),
        )

    return st.recursive(leaves, extend, max_leaves=8)


inlines = st.lists(inline_strategy(), max_size=4).map(tuple)
cells = st.builds(m.TableCell, inlines)


def block_strategy() -> st.SearchStrategy:
    leaves = st.one_of(
        st.builds(m.Paragraph, inlines, line),
        st.builds(m.Heading, st.integers(1, 6), inlines, line),
        st.builds(m.CodeBlock, text, maybe_text, line),
        st.builds(m.ThematicBreak, line),
        st.builds(m.HtmlBlock, text, line),
        st.builds(m.Figure, st.builds(m.Image, text, text), line),
        st.builds(m.Table, st.lists(cells, max_size=3).map(tuple),
                  st.lists(st.lists(cells, max_size=3).map(tuple), max_size=3).map(tuple),
                  st.lists(st.sampled_from([None, "left", "center", "right"]), max_size=3).map(tuple),
                  line),
    )

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3).map(tuple)
        items = st.lists(st.builds(m.ListItem, kids, st.none() | st.booleans()), max_size=3).map(tuple)
        return st.one_of(
            st.builds(m.BlockQuote, kids, maybe_text, line),
            st.builds(m.BulletList, items, st.booleans(), line),
            st.builds(m.OrderedList, items, st.integers(0, 99), st.booleans(), line),
            st.builds(m.FootnoteDefinition, text, kids, line),
        )

    return st.recursive(leaves, extend, max_leaves=6)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6)

documents = st.builds(
    m.Document,
    body=st.lists(block_strategy(), max_size=4).map(tuple),
    headline=maybe_text, subheadline=maybe_text,
    dateline=st.none() | st.builds(m.Dateline, text, maybe_text, maybe_text,
                                   st.none() | st.integers(0, 3)),
    release=st.none() | st.builds(m.ReleaseLine, text, st.booleans(), maybe_text),
    quotes=st.lists(st.builds(m.Quote, text, maybe_text, maybe_text, line), max_size=3).map(tuple),
    contacts=st.lists(st.builds(m.Contact, maybe_text, maybe_text, maybe_text, maybe_text,
                                maybe_text, maybe_text, maybe_text, line), max_size=3).map(tuple),
    contacts_heading=maybe_text, end_mark=maybe_text,
    boilerplate=st.lists(st.builds(m.Boilerplate, text, st.lists(block_strategy(), max_size=2)
                                   .map(tuple)), max_size=2).map(tuple),
    metadata=st.dictionaries(text, json_values, max_size=3),
    language=maybe_text,
    warnings=st.lists(st.builds(m.Message, text, maybe_text, line), max_size=2).map(tuple),
)

# ------------------------------------------------------------ hostile pieces

#: image files test_properties puts in the folder writers read images from (valid, odd
#: shapes, broken, empty, not an image), and names that are not there or lead outside
IMAGE_NAMES = ("pic.png", "wide.png", "tall.png", "tiny.gif", "broken.png", "nodata.png", "sig.png",
               "empty.png", "text.png", "photo.jpg", "sub/pic.png", "missing.png", "../outside.png",
               "sub/../pic.png")

#: quotation marks of every kind, straight and typographic, single and double
QUOTES = ('"', "'", "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb", "\u201a",
          "\u2018", "\u2019", "\u2039", "\u203a", "\u300c", "\u300d", "\u300e", "\u300f", "`")
#: hyphen, dashes, minus and their look-alikes
DASHES = ("-", "--", "---", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212",
          "\ufe58", "\uff0d")
#: characters XML and text files do not like (the reader removes them; the model may hold them)
CONTROLS = tuple(chr(c) for c in range(0x20)) + ("\x7f", "\x85", "\ufffe", "\uffff", "\ufeff")
#: invisible, direction and combining characters
INVISIBLES = ("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u202e", "\u202c", "\u200f",
              "\u200e", "\u2066", "\u2069", "\u0301", "\u0338", "\u00a0", "\u2028", "\u2029",
              "\u3000", "\t", "\x0c")
EMOJI = ("\U0001f680", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1e6\U0001f1f9",
         "\u2764\ufe0f", "\U0001f44d\U0001f3fd", "\U0001f9d1\u200d\U0001f4bb", "\U0001faf6",
         "\u263a", "\U0001f4de", "\U0001f4e7")
RTL = ("\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
       "\u0627\u0644\u0642\u0627\u0647\u0631\u0629\u060c \u0664 \u0623\u0643\u062a\u0648\u0628\u0631",
       "\u202b\u05ea\u05dc \u05d0\u05d1\u05d9\u05d1\u202c", "\u0641\u0627\u0631\u0633\u06cc")
OTHER_SCRIPTS = ("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8", "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22",
                 "\u0939\u093f\u0928\u094d\u0926\u0940", "\uc548\ub155\ud558\uc138\uc694",
                 "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435",
                 "\U00010348\U0001d54f\U0001f100", "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f",
                 "\ufdfd", "\u2603\u2601", "\U000e0041")
WORDS = ("Vienna", "OSCE", "today", "said", "the", "Ms.", "Dr.", "Minister", "Jane", "Doe",
         "O'Brien", "von", "der", "Leyen", "release", "media", "press", "contact", "About",
         "Inc.", "GmbH", "3.5%", "\u20ac1,000", "2018", "x" * 80, "https://example.org/a_b*c")
EMAILS = ("press@example.org", "jane.doe+news@sub.example.co.uk", "a@b", "@", "x@@y.z",
          "<press@example.org>", "mailto:press@example.org", "\u00e9l\u00e8ve@\u00e9cole.fr",
          "a" * 70 + "@example.com")
PHONES = ("+43 1 514 36 6000", "+1 (555) 010-4477", "(020) 7946 0958", "+44 20 7946 0958 ext. 12",
          "0043-1-514366000", "+", "++++", "555", "+999 999 999 999 999 999", "tel:+4315143",
          "+43\u00a01\u00a0514", "\uff0b\uff14\uff13 \uff11")
DATELINES = ("**VIENNA, 4 Oct. 2018** \u2013", "VIENNA, 4 October 2018 \u2014", "**BERLIN** \u2013",
             "_NEW YORK, March 3, 2021_ --", "PARIS (Reuters) -", "LONDON, 31 Feb. 2020 \u2013",
             "**, ** \u2013", "TOKYO, 2021-13-45 \u2013", "**SAN JOS\u00c9, Costa Rica, 1 Jan 1900** \u2013",
             "GENEVA, Sept. 9, 99999 \u2013", "**\u0627\u0644\u0642\u0627\u0647\u0631\u0629, 4/10/2018** \u2013",
             "ROME, 0 May 2019 \u2013")
RELEASE_LINES = ("FOR IMMEDIATE RELEASE", "For immediate release:", "EMBARGOED UNTIL 4 October 2018, 10:00 CET",
                 "**EMBARGO: 2018-10-04T10:00:00+02:00**", "EMBARGOED UNTIL 31/02/2020",
                 "Embargoed until 25:61 on 0 Jan 0000", "HOLD FOR RELEASE", "EMBARGO")
END_MARKS = ("###", "# # #", "-30-", "- 30 -", "*****", "ENDS", "\u2013 ENDS \u2013", "###\u00a0")
CONTACT_LINES = ("**Media contact:**", "Press contact", "## Media contacts", "Contact:",
                 "Jane Doe, Head of Press", "Jane Doe | Spokesperson | OSCE",
                 "Tel.: +43 1 514 36 6000", "Phone: (020) 7946 0958 / Mobile: +44 7700 900123",
                 "E-mail: press@example.org", "Email: <mailto:press@example.org>",
                 "Web: https://example.org/press", "Fax +43 1 514 36 6996",
                 "Mr John Q. Public, Jr., PhD, Press Officer, ACME GmbH, +1 555 0100, jq@acme.test")
SPEECH = ("\u201cWe are delighted,\u201d said Jane Doe, CEO of ACME.",
          "\u201eDas ist gut\u201c, sagte der Minister.",
          "\u00ab C'est important \u00bb, a d\u00e9clar\u00e9 M. Dupont.",
          "\u201aEinfach\u2018, meinte sie.", "\"Unbalanced, said nobody.",
          "\u201c\u201d said \u201c\u201d.", "'Quote' -- Dr. Who", "\u201cNested \u2018inner\u2019 quote\u201d, he said",
          "said", "\u201c" * 20 + "x" + "\u201d" * 20)
YAML_SNIPPETS = ("title: Big news", "date: 2018-10-04", "date: 2018-10-04T10:00:00+02:00",
                 "lang: de-AT", "language: 123", "tags: [a, b, c]", "author: {name: x}", "x: .inf",
                 "y: .nan", "z: -.inf", "n: 1e400", "big: 123456789012345678901234567890",
                 "embargo: 2018-13-45", "empty:", "- just a list", "key: 'unterminated", ": :",
                 "anchors: &a [*a]", "bin: !!binary aGVsbG8=", "t: 12:30:00", "dup: 1\ndup: 2",
                 "contacts:\n  - name: Jane\n    email: jane@example.org", "\t: tab", "null: ~",
                 "headline: \u201cquoted\u201d")
TOML_SNIPPETS = ('title = "Big news"', "date = 2018-10-04", "date = 2018-10-04T10:00:00+02:00",
                 "t = 10:30:00", 'lang = "de"', "n = inf", "m = nan", "big = 9223372036854775807",
                 "tags = [1, 'a']", "[section]\nk = 1", "[[arr]]\nk = 2", "bad = ", "= 1",
                 'x = """\nmulti\n"""', "ld = 1979-05-27T07:32:00")
HTML = ("<u>under</u>", "<br>", "<br/>", "<b>", "</b>", "<i>it</i>", "<s>x</s>", "<del>", "<sup>2</sup>",
        "<sub>2</sub>", "<span style='x'>", "<!-- comment -->", "<!--", "<script>alert(1)</script>",
        "<div>\nblock\n</div>", "<table><tr><td>x</td></tr></table>", "<p>para</p>", "&amp;",
        "&nbsp;", "&#0;", "&#x1F680;", "&bogus;", "<img src=x.png alt='a'>", "<a href='y'>l</a>",
        "<?php ?>", "<![CDATA[x]]>", "<pre>\npre\n</pre>", "<center>", "<u><u><u>deep</u></u></u>")
INLINE_MARKUP = ("*", "**", "***", "_", "__", "~~", "~", "`", "``", "\\", "[", "]", "(", ")", "!",
                 "[x](y)", "[link](https://example.org \"title\")", "![a](b)", "![alt](pic.png)",
                 "![](/etc/passwd)", "![x](../secret.png)", "![x](file:///etc/passwd)",
                 "![x](http://example.invalid/x.png)", "[^1]", "[^n]", "[^]", "[x][ref]", "<https://a.b>",
                 "<press@example.org>", "https://example.org/very/long/" + "a" * 60,
                 "**bold**", "*em*", "_em_", "~~struck~~", "`code`", "``a`b``", "***both***",
                 "**unclosed", "[unclosed](", "&", "<", ">", "|", "||", "\\*", "  ", "\\\n", "$x$",
                 "==mark==", "^sup^", "{#id}", ":smile:", "[ ]", "[x]", "--", "...")
BLOCK_PREFIXES = ("", "", "", "# ", "## ", "###### ", "####### ", "#", "> ", "> > ", ">", "- ",
                  "* ", "+ ", "1. ", "2) ", "0. ", "999999999. ", "- [ ] ", "- [x] ", "    ",
                  "\t", "   ", "| ", "[^1]: ", "[^n]: ", "[ref]: https://example.org ",
                  "- > ", "> - ", "1. > # ", "-", "=")
FENCES = ("```", "~~~", "```python", "````", "```\u200b", "~~~ {.x}")
LINE_SHAPES = ("---", "***", "___", "+++", "===", "- - -", "|---|---|", "| --- | :-: | --: |",
               "|a|b|", "| h1 | h2 |\n| --- | --- |\n| c | d |", "|", "| a |\n|---|\n",
               "...", "#", "##", "###", "\\", "")


def _pick(*pools: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from([item for pool in pools for item in pool])


def _named(name: str, strategy: st.SearchStrategy) -> st.SearchStrategy:
    """The strategy behind the short repr ``name()``: st.recursive puts its base's repr in a
    string when it validates, and a long one is a HypothesisWarning (an error under
    filterwarnings=error); short names also keep --hypothesis-show-statistics readable."""

    def draw_from(draw):
        return draw(strategy)

    draw_from.__name__ = draw_from.__qualname__ = name
    return st.composite(draw_from)()


#: any Unicode text except surrogates (hypothesis never draws lone surrogates in st.text)
unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)

#: one piece of a line: a word, markup, a quote mark, a control character, an e-mail ...
fragment = _named("fragment", st.one_of(
    _pick(WORDS), _pick(WORDS), _pick(QUOTES), _pick(DASHES), _pick(INLINE_MARKUP), _pick(HTML),
    _pick(EMAILS, PHONES), _pick(EMOJI, RTL, OTHER_SCRIPTS), _pick(CONTROLS, INVISIBLES),
    _pick(SPEECH), _pick(DATELINES, RELEASE_LINES, END_MARKS), unicode_text,
))

#: inline markup around inlines: emphasis, HTML tags, links, images, code, quotation marks
SPANS = (("*", "*"), ("**", "**"), ("_", "_"), ("__", "__"), ("***", "***"), ("~~", "~~"),
         ("<u>", "</u>"), ("<sub>", "</sub>"), ("<sup>", "</sup>"), ("<s>", "</s>"),
         ("<del>", "</del>"), ("<b>", "</b>"), ("<i>", "</i>"), ("<span>", "</span>"),
         ("[", "](https://example.org/x)"), ("[", "](pic.png \"title\")"), ("[", "][ref]"),
         ("`", "`"), ("``", "``"), ("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"),
         ("\u201a", "\u2018"), ('"', '"'), ("'", "'"), ("<", ">"), ("*", ""), ("", "**"))

#: an image around its alt text, for every file in IMAGE_NAMES
IMAGE_SPANS = tuple(("![", "](%s)" % name) for name in IMAGE_NAMES)

#: a run of inlines: fragments, and fragments inside (nested) markup; one span in ten an image
span = _named("span", st.recursive(
    fragment,
    lambda inner: st.builds(lambda pair, parts, glue: pair[0] + glue.join(parts) + pair[1],
                            st.sampled_from(SPANS * 4 + IMAGE_SPANS),
                            st.lists(inner, min_size=1, max_size=3), st.sampled_from([" ", ""])),
    max_leaves=10))

#: one line: a block prefix (possibly nested many deep), then inlines
markdown_line = _named("markdown_line", st.one_of(
    st.builds(lambda prefix, parts, glue: prefix + glue.join(parts),
              _pick(BLOCK_PREFIXES), st.lists(span, max_size=6), st.sampled_from([" ", "", " "])),
    st.builds(lambda prefix, depth, parts: prefix * depth + " ".join(parts),
              st.sampled_from(["> ", ">", "  ", "- ", "1. ", "> - ", "    "]), st.integers(2, 40),
              st.lists(span, max_size=3)),
    _pick(LINE_SHAPES, FENCES, DATELINES, RELEASE_LINES, END_MARKS, CONTACT_LINES, SPEECH, HTML),
    st.builds(lambda d, rest: d + " " + rest, _pick(DATELINES), _pick(SPEECH, WORDS) | span),
))

#: a GFM table: header, delimiter row and ragged body rows of inlines
table_block = st.builds(
    lambda header, delims, rows: "\n".join(
        ["| " + " | ".join(header) + " |", "|" + "|".join(delims) + "|"]
        + ["| " + " | ".join(row) + " |" for row in rows]),
    st.lists(span.map(lambda t: t.replace("\n", " ")), min_size=1, max_size=5),
    st.lists(st.sampled_from(["---", ":--", "--:", ":-:", "-", ":", "---:"]), min_size=1, max_size=5),
    st.lists(st.lists(span.map(lambda t: t.replace("\n", " ")), max_size=6), max_size=5),
)

#: a footnote reference and its definition (or a dangling one)
footnote_block = st.builds(
    lambda label, ref, text, define: ref.replace("{}", "[^%s]" % label)
    + ("\n\n[^%s]: %s" % (label, text) if define else ""),
    st.sampled_from(["1", "n", "note", "\u00e9", "1 2", "^", "", "x" * 40]),
    st.sampled_from(["Text{} more.", "{}", "\u201cQuote,{}\u201d said Jane.", "**VIENNA** \u2013{} x"]),
    span, st.booleans())

#: a fenced code block, closed or not
code_block = st.builds(lambda fence, lines, close: fence + "\n" + "\n".join(lines) + ("\n" + fence[:3] if close else ""),
                       _pick(FENCES), st.lists(span, max_size=3), st.booleans())

#: an image alone in its paragraph (a Figure), with a title sometimes
figure_block = st.builds(lambda alt, name, title: "![%s](%s%s)" % (alt, name, title),
                         fragment, _pick(IMAGE_NAMES), st.sampled_from(["", ' "A title"']))

block = st.one_of(markdown_line, markdown_line, markdown_line, table_block, footnote_block,
                  code_block, figure_block)


def _front_matter(delimiter: str, snippets: tuple[str, ...]) -> st.SearchStrategy[str]:
    body = st.lists(st.one_of(_pick(snippets), _pick(snippets), _pick(snippets), markdown_line),
                    max_size=4).map("\n".join)
    closing = st.sampled_from([delimiter, delimiter, delimiter, "...", "", delimiter + " trailing"])
    return st.builds(lambda b, c: "%s\n%s\n%s\n" % (delimiter, b, c), body, closing)


front_matter = st.one_of(_front_matter("---", YAML_SNIPPETS), _front_matter("+++", TOML_SNIPPETS))

#: a press release's typical head, in a random order, to reach the recognisers' deeper paths
release_head = st.lists(
    _pick(RELEASE_LINES, DATELINES, END_MARKS, CONTACT_LINES, SPEECH)
    | st.builds(lambda h, w: h + " ".join(w), st.sampled_from(["# ", "## ", ""]),
                st.lists(_pick(WORDS, EMOJI, RTL) | span, min_size=1, max_size=5)),
    max_size=5).map("\n\n".join)

#: Markdown-like text: optional front matter and release head, then blocks separated by
#: one or more line ends of any kind
markdown_like = st.builds(
    lambda front, head, blocks, separators: front + head + "\n\n" + "".join(
        text + separators[i % len(separators)] for i, text in enumerate(blocks)),
    st.one_of(st.just(""), st.just(""), st.just(""), front_matter),  # front matter one time in four
    st.just("") | release_head,
    st.lists(block, max_size=14),
    st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\n\n\n", "\u2028", "\n \n"]),
             min_size=1, max_size=4),
)

# ------------------------------------------------------------- weird model trees

#: text with the characters writers trip over, empty strings and the occasional long run
weird_text = _named("weird_text", st.one_of(
    st.just(""), st.text(max_size=12), unicode_text, fragment,
    st.lists(fragment, max_size=4).map(" ".join),
    st.builds(lambda c, n: c * n, _pick(WORDS, QUOTES, DASHES, CONTROLS, EMOJI, RTL, ("\n", " ")),
              st.integers(1, 300)),
))
weird_maybe = st.none() | weird_text
#: numbers from the absurd ends of the range
weird_int = st.one_of(st.integers(-3, 12), st.integers(), st.sampled_from([0, -1, 2**31, 2**63, -(2**63), 10**30]))
weird_line = st.none() | weird_int
weird_url = _named("weird_url", st.one_of(weird_text, _pick(INLINE_MARKUP, EMAILS), _pick(IMAGE_NAMES),
                      st.sampled_from(["", "#", "/etc/passwd", "../../x.png", "file:///etc/passwd",
                                       "http://", "https://example.org/x.png", "mailto:", "javascript:alert(1)",
                                       "data:image/png;base64,iVBORw0KGgo=", "pic.png", "C:\\x.png",
                                       "\\\\server\\share\\x.png", "x.png?y#z", " spaced url .png",
                                       "\x00.png", "a" * 2000])))


def weird_inline_strategy(max_leaves: int = 20) -> st.SearchStrategy:
    leaves = _named("weird_inline_leaf", st.one_of(
        st.builds(m.Text, weird_text), st.builds(m.Text, weird_text), st.builds(m.Code, weird_text),
        st.builds(m.LineBreak), st.builds(m.SoftBreak), st.builds(m.FootnoteRef, weird_text),
        st.builds(m.RawInline, weird_text | _pick(HTML)), st.builds(m.Image, weird_url, weird_text, weird_maybe),
    ))

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3).map(tuple)
        return st.one_of(
            *(st.builds(cls, kids) for cls in (m.Emphasis, m.Strong, m.Underline, m.Strikethrough,
                                                m.Superscript, m.Subscript)),
            st.builds(m.Link, kids, weird_url, weird_maybe),
            st.builds(m.QuotedSpeech, kids, weird_int),  # the quote index may be out of range
        )

    return st.recursive(leaves, extend, max_leaves=max_leaves)


_WRAPPERS = {"em": m.Emphasis, "strong": m.Strong, "u": m.Underline, "s": m.Strikethrough,
             "sup": m.Superscript, "sub": m.Subscript,
             "link": lambda kids: m.Link(kids, "https://example.org"),
             "quote": lambda kids: m.QuotedSpeech(kids, 0)}


def _deep(inner: st.SearchStrategy) -> st.SearchStrategy:
    """An inline wrapped in a chain of 0 to 60 markup nodes (deeply nested inlines)."""

    def wrap(kinds: list[str], node) -> tuple:
        for kind in kinds:
            node = _WRAPPERS[kind]((node,))
        return (node,)

    return st.builds(wrap, st.lists(st.sampled_from(sorted(_WRAPPERS)), max_size=60), inner)


weird_inlines = st.lists(weird_inline_strategy(), max_size=4).map(tuple) | _deep(weird_inline_strategy(4))
weird_cells = st.builds(m.TableCell, weird_inlines)
weird_align = st.one_of(st.none(), st.sampled_from(["left", "center", "right", "", "justify", "LEFT"]))


def weird_block_strategy(max_leaves: int = 8) -> st.SearchStrategy:
    leaves = _named("weird_block_leaf", st.one_of(
        st.builds(m.Paragraph, weird_inlines, weird_line),
        st.builds(m.Paragraph, st.just(()), weird_line),
        st.builds(m.Heading, weird_int, weird_inlines, weird_line),  # level outside 1..6 too
        st.builds(m.CodeBlock, weird_text, weird_maybe, weird_line),
        st.builds(m.ThematicBreak, weird_line),
        st.builds(m.HtmlBlock, weird_text | _pick(HTML), weird_line),
        st.builds(m.Figure, st.builds(m.Image, weird_url, weird_text, weird_maybe), weird_line),
        # ragged tables: rows shorter or longer than the header, more or fewer alignments
        st.builds(m.Table, st.lists(weird_cells, max_size=4).map(tuple),
                  st.lists(st.lists(weird_cells, max_size=5).map(tuple), max_size=4).map(tuple),
                  st.lists(weird_align, max_size=6).map(tuple), weird_line),
    ))

    def extend(children: st.SearchStrategy) -> st.SearchStrategy:
        kids = st.lists(children, max_size=3).map(tuple)
        items = st.lists(st.builds(m.ListItem, kids, st.none() | st.booleans()), max_size=3).map(tuple)
        return st.one_of(
            st.builds(m.BlockQuote, kids, weird_maybe, weird_line),
            st.builds(m.BulletList, items, st.booleans(), weird_line),
            st.builds(m.OrderedList, items, weird_int, st.booleans(), weird_line),
            st.builds(m.FootnoteDefinition, weird_text, kids, weird_line),
        )

    return st.recursive(leaves, extend, max_leaves=max_leaves)


#: JSON values, floats included from the tiniest to the largest finite ones (NaN and the
#: infinities are not JSON values, and the front matter reader turns them into text)
weird_json = st.recursive(
    st.none() | st.booleans() | weird_int | st.floats(allow_nan=False, allow_infinity=False) | weird_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(weird_text, inner, max_size=3),
    max_leaves=8)

weird_documents = st.builds(
    m.Document,
    body=st.lists(weird_block_strategy(), max_size=5).map(tuple),
    headline=weird_maybe, subheadline=weird_maybe,
    # the lead index may point past the body, or be negative
    dateline=st.none() | st.builds(m.Dateline, weird_text, weird_maybe,
                                   weird_maybe | st.sampled_from(["2018-10-04", "2018-02-31", "0000-00-00",
                                                                  "99999-01-01", "2018-10", "today"]),
                                   st.none() | weird_int),
    release=st.none() | st.builds(m.ReleaseLine, weird_text, st.booleans(),
                                  weird_maybe | st.sampled_from(["2018-10-04T10:00:00+02:00", "2018-10-04",
                                                                 "1900-01-01T00:00", "garbage"])),
    quotes=st.lists(st.builds(m.Quote, weird_text, weird_maybe, weird_maybe, weird_line), max_size=3).map(tuple),
    contacts=st.lists(st.builds(m.Contact, weird_maybe, weird_maybe, weird_maybe,
                                weird_maybe | _pick(PHONES), weird_maybe | _pick(EMAILS),
                                weird_maybe | st.just("https://example.org"),
                                weird_maybe | st.sampled_from(["+4315143", "+", "notanumber"]),
                                weird_line), max_size=4).map(tuple),
    contacts_heading=weird_maybe, end_mark=weird_maybe | _pick(END_MARKS),
    boilerplate=st.lists(st.builds(m.Boilerplate, weird_text,
                                   st.lists(weird_block_strategy(4), max_size=3).map(tuple)),
                         max_size=2).map(tuple),
    metadata=st.dictionaries(weird_text, weird_json, max_size=4),
    language=weird_maybe | st.sampled_from(["de-AT", "ar", "he", "zh-Hant-TW", "x-klingon", "EN_us"]),
    source=st.none() | st.sampled_from(["release.md", "/nonexistent/dir/release.md", ""]),
    warnings=st.lists(st.builds(m.Message, weird_text, weird_maybe, weird_line), max_size=2).map(tuple),
)

"""Word tables for the contacts transform, taken from the lexicon (``pressconv/lexicon``),
and the regular expressions built from them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from ..._regex_cache import cached_compile
from ... import lexicon

# Headings and labels that open a media-contact block, and the invitations after them
# ("..., please contact", "... wenden Sie sich an", "... veuillez contacter").
LABEL = lexicon.fragments("contacts", "labels")
INVITE = r"(?:,?\s*(?:%s))?" % lexicon.fragments("contacts", "invites")
MARKUP = " \t\u00a0*_#>:：.-–—"
FULL_LABEL = cached_compile(r"(?:%s)%s" % (LABEL, INVITE), re.I)

# a contact block going on to investors or general enquiries: not media contacts from there
OTHER_DESK = cached_compile(
    r"(?im)^[\s*_]*(?:investor|analyst|ir|shareholder)s?\s+(?:contacts?|relations|enquiries|inquiries)"
    r"|^[\s*_]*(?:for\s+)?general(?:\s+\w+)?\s+(?:enquiries|inquiries|information|questions)"
    r"|^[\s*_]*(?:allgemeine\s+anfragen|investorenkontakt|investor\s+relations)")

# words that make a sentence speak to the press ("Journalists can reach ...")
PRESS_WORD = lazy_compile(r"(?<!\w)(?<!social\s)(?:%s)(?!\w)"
                          % lexicon.fragments("contacts", "press_words"), re.I)

HONORIFIC = cached_compile(
    r"^(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Frau|Herr|Mme|Mlle|MM|M|Sr|Sra|Srta|Dña|Dª|D|"
    r"Dott(?:\.ssa)?|Sig(?:\.ra)?|Ing|Mag|Dipl\.-Ing|г-н|г-жа|Mevr|Dhr)\.?\s+)+", re.I)
# the honorifics that may open a name on their own (not "M" or "D" alone without a point)
HONORIFIC_START = cached_compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Frau|Herr|Mme|Mlle|M|Sr|Sra|Dott|Sig)\.?\s", re.I)

ROLE_WORDS = lexicon.words("contacts", "role_words")
ORG_WORDS = lexicon.words("contacts", "org_words")

# words that make a piece an organisation whatever follows ("Office of the President")
ORG_HEADS = lexicon.words("contacts", "org_heads")

LEGAL_SUFFIX = cached_compile(r"^(?:Inc|Ltd|LLC|LLP|GmbH|AG|SA|S\.A|SAS|SARL|SL|S\.L|SpA|S\.p\.A|"
                              r"Corp|Co|PLC|BV|NV|e\.\s?V|gGmbH|KG|OHG|Pty)\.?$", re.I)

# words at the edge of a piece that join or introduce rather than name
EDGE_WORDS = lexicon.words("contacts", "edge_words")

# labels of a means of contact ("Tel.", "E-Mail", "Mobil")
MEANS_LABELS = lexicon.words("contacts", "means_labels")

# "Label: value" lines that say which field the value is
FIELD_LABELS = lexicon.table("contacts", "field_labels")

# sub-labels inside a block that name no one ("Media:" above the media contact)
BARE_DESKS = lexicon.words("contacts", "bare_desks")
LOCATION_CUES = lexicon.words("contacts", "location_cues")
# region labels above contacts, beside CLDR's country names ("USA & International:")
REGION_WORDS = lexicon.words("contacts", "region_words")
PARTICLES = frozenset("van von der den de da di del della do dos das du le la bin ibn al el y e ten ter zu".split())
ARTICLES = frozenset("des der dem den die das of the de du la le les von vom del della".split())
FUNCTION_WORDS = frozenset("of for and the für und et des pour y".split())

# the department after a bare role: "Director, Corporate Communications"
DEPARTMENT_WORDS = lexicon.words("contacts", "department_words")

# a press desk inside a sentence: "das Presseteam des CCC-CH", "the press office of Acme"
_CAPS = r"(?:\s+(?:[A-ZÀ-ÖØ-ÞА-ЯЁ0-9][\w.&-]*|(?:of|the|de|du|des|la|del|di|für|der)(?=\s+[A-ZÀ-ÖØ-ÞА-ЯЁ])))*"
DESK_PATTERN = (
    r"(?:(?:[A-Z][\w&.-]*\s+)*(?i:press|media|communications?)\s+(?i:office|team|desk|department|relations)"
    r"(?:\s+(?i:office))?(?:\s+(?i:of|at)\s+(?:the\s+)?[A-Z][\w&.-]*" + _CAPS + r")?"
    r"|(?i:presse(?:team|stelle|büro|abteilung|referat))\s+(?i:des|der|von|vom)\s+[\w.&-]+" + _CAPS +
    r"|(?i:service|bureau|cellule)\s+(?i:de\s+)?(?i:presse)\s+(?i:de\s+la|de|du|des)\s+[\w.&-]+" + _CAPS +
    r"|(?i:oficina|gabinete|departamento)\s+de\s+(?i:prensa|comunicación)\s+(?i:de\s+la|del|de)\s+[\w.&-]+"
    + _CAPS +
    r"|(?i:ufficio\s+stampa)\s+(?i:della|dell'|del|di)\s*[\w.&-]+" + _CAPS +
    r"|(?i:пресс-служб[аыуе])\s+[\w.&-]+)"
)

SOCIAL = lazy_compile(r"(?:twitter|x|facebook|fb|instagram|linkedin|youtube|youtu|tiktok|flickr|"
                      r"threads|mastodon|t|vk|telegram|xing|pinterest|medium)\.(?:com|be|me|net|social|org)\b",
                      re.I)
PRESS_KIT = cached_compile(r"press[-_ ]?kit|presse?mappe|\.(?:zip|pdf|jpe?g|png)\b", re.I)


@lru_cache(maxsize=2048)
def is_label(text: str) -> bool:
    """True when ``text`` is nothing but a contact heading or label ("Media contacts:")."""
    return bool(FULL_LABEL.fullmatch(text.strip(MARKUP)))

# definite articles an organisation's name may begin with ("The Haiku Project", "La Poste")
NAME_ARTICLES = frozenset(word.capitalize() for word in lexicon.words("names", "articles"))

"""Word tables for the contacts transform: labels, roles, organisations, honorifics, in several languages.

Only data and the regular expressions built from it live here, so adding a
language is a matter of adding words.  English, German, French, Spanish,
Italian, Russian and Portuguese are covered, Dutch in part.
"""

from __future__ import annotations

import re

from .._lazyre import lazy_compile  # patterns most inputs never need: compiled on first use
from .._regex_cache import cached_compile

# Headings and labels that open a media-contact block.
LABEL = (
    r"(?:for\s+)?(?:media|press|news|journalists?|editorial|reporters?)(?:\s+and\s+\w+)?\s+"
    r"(?:contacts?|enquiries|inquiries|queries|relations|information|info|office|desk)(?:\s*\(s\))?(?:\s+only)?"
    r"|(?:pr|public\s+relations|communications?|agency|corporate)\s+contacts?(?:\s*\(s\))?"
    r"|contacts?(?:\s*\(s\))?(?:\s+(?:information|info|details|persons?|"
    r"for\s+(?:the\s+)?(?:media|press|journalists|editors)))?"
    r"|(?:for\s+(?:more|further|additional)\s+(?:information|details)|more\s+information)"
    r"(?:\s+(?:on|about|and|or)\s+[\w\s]{1,30}?)?"
    r"|(?:presse|medien)(?:kontakte?|anfragen|stelle|sprecher\w*|ansprechpartner\w*|team)(?:\s+bitte\s+an)?"
    r"|kontakte?(?:\s+für\s+(?:die\s+)?(?:medien|presse|journalist\w*|redaktionen))?"
    r"|ansprechpartner(?:in)?(?:\s+für\s+(?:die\s+)?(?:medien|presse))?"
    r"|(?:für\s+)?rückfragen(?:\s+(?:der\s+)?(?:medien|presse))?"
    r"|für\s+weitere\s+(?:informationen|auskünfte)"
    r"|contacts?\s+(?:presse|médias?|pour\s+la\s+presse)|relations?\s+(?:presse|médias)"
    r"|service\s+de\s+presse|attachée?\s+de\s+presse"
    r"|pour\s+(?:plus\s+d['’]informations?|toute\s+(?:information|demande)(?:\s+\w+)?|en\s+savoir\s+plus)"
    r"|contactos?(?:\s+(?:de\s+prensa|para\s+(?:los\s+)?(?:medios|prensa|periodistas)|de\s+comunicación))?"
    r"|(?:gabinete|oficina)\s+de\s+(?:prensa|comunicación)|para\s+m[aá]s\s+informaci[oó]n"
    r"|contatt[oi](?:\s+(?:stampa|per\s+la\s+stampa|media))?|ufficio\s+stampa"
    r"|per\s+(?:ulteriori\s+)?informazioni"
    r"|контакты?(?:\s+для\s+(?:сми|прессы|журналистов))?|пресс-служба|для\s+сми"
    r"|для\s+получения\s+(?:дополнительной\s+)?информации"
    r"|press|presse|prensa|stampa|imprensa|pers"
    r"|conta(?:c)?tos?\s+(?:de\s+|para\s+)?imprensa|assessoria\s+de\s+imprensa|perscontact|persinformatie"
)
# "..., please contact", "... wenden Sie sich an", "... veuillez contacter" after a label
INVITE = (r"(?:,?\s*(?:please\s+)?(?:contact|call|e-?mail|write\s+to|reach\s+out\s+to|get\s+in\s+touch\s+with|"
          r"bitte\s+an|wenden\s+sie\s+sich\s+(?:bitte\s+)?an|(?:veuillez\s+)?contacte[rz]|contactar|"
          r"contact(?:e|ar)\s+con|contattare|rivolgersi\s+a|обращайтесь(?:\s+к)?))?")
MARKUP = " \t\u00a0*_#>:：.-–—"
FULL_LABEL = cached_compile(r"(?:%s)%s" % (LABEL, INVITE), re.I)

# a contact block going on to investors or general enquiries: not media contacts from there
OTHER_DESK = cached_compile(
    r"(?im)^[\s*_]*(?:investor|analyst|ir|shareholder)s?\s+(?:contacts?|relations|enquiries|inquiries)"
    r"|^[\s*_]*(?:for\s+)?general(?:\s+\w+)?\s+(?:enquiries|inquiries|information|questions)"
    r"|^[\s*_]*(?:allgemeine\s+anfragen|investorenkontakt|investor\s+relations)")

# words that make a sentence speak to the press ("Journalists can reach ...")
PRESS_WORD = lazy_compile(r"(?<!\w)(?<!social\s)(?:press|media|interviews?|journalists?|reporters?|editors|presse\w*|"
                          r"medien\w*|journalist\w*|redaktion\w*|prensa|medios|periodistas|stampa|giornalisti|"
                          r"сми|пресс\S*|imprensa|jornalistas|pers)(?!\w)", re.I)

HONORIFIC = cached_compile(
    r"^(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Dame|Frau|Herr|Mme|Mlle|MM|M|Sr|Sra|Srta|Dña|Dª|D|"
    r"Dott(?:\.ssa)?|Sig(?:\.ra)?|Ing|Mag|Dipl\.-Ing|г-н|г-жа|Mevr|Dhr)\.?\s+)+", re.I)
# the honorifics that may open a name on their own (not "M" or "D" alone without a point)
HONORIFIC_START = cached_compile(r"^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Frau|Herr|Mme|Mlle|M|Sr|Sra|Dott|Sig)\.?\s", re.I)

ROLE_WORDS = frozenset("""
manager director head officer spokesperson spokesman spokeswoman secretary coordinator
specialist lead executive president vice vp ceo cto cmo coo cfo founder co-founder chief
editor associate assistant consultant advisor adviser analyst representative strategist
partner chair chairman chairwoman principal counsel liaison attaché attache intern
sprecher sprecherin pressesprecher pressesprecherin leiter leiterin referent referentin
geschäftsführer geschäftsführerin vorsitzender vorsitzende beauftragter beauftragte
vorstand mitarbeiterin mitarbeiter redakteur redakteurin inhaber inhaberin gründer gründerin owner
responsable chargé chargée directeur directrice porte-parole présidente président
attachée conseiller conseillère
portavoz jefe jefa directora coordinador coordinadora técnico técnica presidenta
portavoce addetto addetta responsabile capo direttore direttrice
пресс-секретарь руководитель директор специалист менеджер представитель
assessora assessor diretor diretora woordvoerder woordvoerster
""".split())

ORG_WORDS = frozenset("""
section office department dept ministry agency foundation inc ltd llc gmbh ag sa corp
corporation company co group association institute university council commission
committee secretariat bureau organization organisation press media communications
communication relations team desk unit club project network alliance union federation
society centre center services service partners pr affairs nations division embassy
administration authority government county district municipality council office
ministerium amt behörde verband verein stiftung presse pressestelle pressebüro presseteam
abteilung referat e.v. ggmbh kommunikation medien pressereferat verwaltung stadt gemeinde landkreis
ministère fondation direction cabinet médias agence mairie préfecture
ministerio oficina gabinete fundación asociación departamento dirección prensa comunicación ayuntamiento
ufficio ministero fondazione associazione stampa comunicazione comune
служба министерство отдел фонд управление пресс-служба
imprensa assessoria persbureau agentur agencia agenzia
""".split())

# words that make a piece an organisation whatever follows ("Office of the President")
ORG_HEADS = frozenset("""office department ministry bureau secretariat section division unit agency
service services direction ministerium ministère ministerio ministero oficina ufficio abteilung
referat gabinete служба отдел pressestelle presseteam pressebüro""".split())

LEGAL_SUFFIX = cached_compile(r"^(?:Inc|Ltd|LLC|LLP|GmbH|AG|SA|S\.A|SAS|SARL|SL|S\.L|SpA|S\.p\.A|"
                              r"Corp|Co|PLC|BV|NV|e\.\s?V|gGmbH|KG|OHG|Pty)\.?$", re.I)

# words at the edge of a piece that join or introduce rather than name
EDGE_WORDS = frozenset("""
at or and via by on to unter oder und bei an per à au ou et par o y en a al e или и по
please contact call reach write email e-mail mail phone tel tel. telephone kontaktieren
contacter contactez contacte contactar contattare erreichbar kontakt contacto
wenden sie sich bitte for für pour para
""".split())

# labels of a means of contact ("Tel.", "E-Mail", "Mobil")
MEANS_LABELS = frozenset("""
phone telephone tel tel. ph ph. t t. m m. mob mob. mobile cell cellphone handy telefon
telefonnummer téléphone tél tél. teléfono móvil movil cellulare cell. telefono
телефон тел тел. моб mobil mobiel direct direkt office büro e-mail email mail e-mails
e-post courriel correo correo-e posta почта эл.почта web website webseite
internet url site sitio sito fax telefax skype whatsapp signal threema e-mail-adresse email-adresse
mailadresse adresse-mail address
""".split())

# "Label: value" lines that say which field the value is
FIELD_LABELS = {
    "name": "name", "nom": "name", "nombre": "name", "nome": "name", "имя": "name",
    "contact": "skip", "kontakt": "skip", "contacto": "skip", "contatto": "skip",
    "ansprechpartner": "name", "ansprechpartnerin": "name", "contact person": "name",
    "organization": "organization", "organisation": "organization", "company": "organization",
    "firma": "organization", "unternehmen": "organization", "société": "organization",
    "empresa": "organization", "società": "organization", "agency": "organization",
    "title": "role", "role": "role", "position": "role", "funktion": "role", "fonction": "role",
    "cargo": "role", "ruolo": "role", "job title": "role",
}

# sub-labels inside a block that name no one ("Media:" above the media contact)
BARE_DESKS = frozenset("media press presse medien prensa stampa imprensa сми pers".split())
LOCATION_CUES = frozenset("""new san santa los las saint st st. sankt fort port mount north south east
west united republic city greater""".split())
PARTICLES = frozenset("van von der den de da di del della do dos das du le la bin ibn al el y e ten ter zu".split())
ARTICLES = frozenset("des der dem den die das of the de du la le les von vom del della".split())
FUNCTION_WORDS = frozenset("of for and the für und et des pour y".split())

# the department after a bare role: "Director, Corporate Communications"
DEPARTMENT_WORDS = frozenset("""communications communication corporate marketing public relations affairs
media press pr external internal global brand content digital strategy investor government and & of the
kommunikation unternehmenskommunikation öffentlichkeitsarbeit presse comunicación comunicazione
corporativa institucional""".split())

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


def is_label(text: str) -> bool:
    """True when ``text`` is nothing but a contact heading or label ("Media contacts:")."""
    return bool(FULL_LABEL.fullmatch(text.strip(MARKUP)))

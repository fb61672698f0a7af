"""Word lists for finding speech and speakers: verbs of saying, pronouns, titles.

Per language (English, German, French, Spanish, Italian, Arabic, Hebrew), lower case.  The
quote transform compiles them once at import.  Words that mean something else
in another language (German ``so``, Italian ``dice``) are only used for their
own language.
"""

from __future__ import annotations

# Verbs that attribute speech, in the forms a release uses next to a quote
# (present, past, participle after an auxiliary such as "a", "ha", "has").
SAYING_VERBS: dict[str, tuple[str, ...]] = {
    "en": (
        "said", "says", "say", "added", "adds", "explained", "explains", "noted", "stated",
        "commented", "remarked", "continued", "continues", "told", "tells", "asked", "asks",
        "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "emphasises",
        "pointed out", "points out", "observed", "declared", "declares", "announced",
        "announces", "concluded", "concludes", "insisted", "insists", "argued", "argues",
        "wrote", "writes", "tweeted", "tweets", "posted", "replied", "replies", "responded",
        "recalled", "recalls", "warned", "warns", "acknowledged", "acknowledges", "admitted",
        "admits", "believes", "believed", "thinks", "hopes", "hoped", "urged", "urges",
        "affirmed", "affirms", "confirmed", "confirms", "reflected", "reflects",
        "highlighted", "highlights", "predicted", "predicts", "described", "describes",
        "suggested", "suggests", "underlined", "underlines", "agreed", "agrees", "cautioned",
        "exclaimed", "enthused", "summed up", "sums up", "put it", "puts it", "called", "calls",
    ),
    "de": (
        "sagt", "sagte", "sagten", "sagen", "gesagt", "erklärt", "erklärte", "erklärten",
        "betont", "betonte", "meint", "meinte", "ergänzt", "ergänzte", "fügt", "fügte",
        "kommentiert", "kommentierte", "unterstreicht", "unterstrich", "warnt", "warnte",
        "fordert", "forderte", "berichtet", "berichtete", "schreibt", "schrieb", "hofft",
        "hoffte", "glaubt", "glaubte", "bekräftigt", "bekräftigte", "erläutert", "erläuterte",
        "resümiert", "resümierte", "appelliert", "appellierte", "äußert", "äußerte",
        "stellt fest", "stellte fest", "hebt hervor", "hob hervor", "freut sich",
        "zeigt sich", "so", "nannte", "nennt", "bezeichnete", "bezeichnet",
    ),
    "fr": (
        "déclare", "déclaré", "dit", "affirme", "affirmé", "explique", "expliqué", "estime",
        "estimé", "ajoute", "ajouté", "souligne", "souligné", "précise", "précisé", "indique",
        "indiqué", "rappelle", "rappelé", "assure", "assuré", "insiste", "insisté", "commente",
        "commenté", "poursuit", "poursuivi", "conclut", "conclu", "observe", "observé",
        "pense", "espère", "considère", "juge", "martèle", "lance", "lancé", "confie",
        "confié", "témoigne", "déplore", "regrette", "annonce", "annoncé", "écrit", "raconte",
        "raconté", "résume", "résumé", "réagit", "réagi", "soutient", "note", "noté", "qualifie",
        "qualifié",
    ),
    "es": (
        "dijo", "dice", "dicho", "afirmó", "afirma", "afirmado", "declaró", "declara",
        "declarado", "explicó", "explica", "explicado", "señaló", "señala", "señalado",
        "añadió", "añade", "añadido", "aseguró", "asegura", "asegurado", "indicó", "indica",
        "indicado", "destacó", "destaca", "destacado", "subrayó", "subraya", "subrayado",
        "comentó", "comenta", "comentado", "manifestó", "manifiesta", "manifestado",
        "sostuvo", "sostiene", "apuntó", "apunta", "apuntado", "considera", "consideró",
        "cree", "opina", "opinó", "advirtió", "advierte", "insistió", "insiste", "recordó",
        "recuerda", "concluyó", "concluye", "expresó", "expresa", "refirió", "refiere",
        "escribió", "escribe", "calificó", "califica", "calificado",
    ),
    "it": (
        "detto", "dice", "disse", "dichiarato", "dichiara", "affermato", "afferma",
        "spiegato", "spiega", "aggiunto", "aggiunge", "sottolineato", "sottolinea",
        "commentato", "commenta", "osservato", "osserva", "precisato", "precisa", "concluso",
        "conclude", "ritiene", "sostiene", "ricordato", "ricorda", "evidenziato", "evidenzia",
        "scritto", "scrive", "definito", "definisce",
    ),
    "ar": (
        "قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "تضيف", "أوضح", "أوضحت",
        "صرح", "صرحت", "صرّح", "صرّحت", "أكد", "أكدت", "أكّد", "أكّدت", "ذكر", "ذكرت",
        "أشار", "أشارت", "علق", "علقت", "علّق", "علّقت",
    ),
    "he": (
        "אמר", "אמרה", "אומר", "אומרת", "הוסיף", "הוסיפה", "מוסיף", "מוסיפה", "הסביר",
        "הסבירה", "ציין", "ציינה", "הדגיש", "הדגישה", "מסר", "מסרה", "סיפר", "סיפרה",
    ),
}
# Only meant as a verb of saying in their own language.
LANGUAGE_ONLY = {"so": "de", "dice": "es it", "note": "fr", "lance": "fr", "juge": "fr"}

# Auxiliaries that may stand before a participle ("a déclaré", "ha señalado", "has said").
AUXILIARIES = ("has", "had", "have", "hat", "hatte", "a", "avait", "ha", "había", "han",
               "hanno", "aveva", "ont")

# Verbs that introduce a statement quoted after a colon ("signed a statement that read:").
INTRO_VERBS = (
    "signed", "issued", "published", "released", "sent", "read", "reads", "unterzeichnet",
    "veröffentlicht", "veröffentlichte", "publié", "signé", "publicó", "firmó", "firmado",
    "pubblicato", "firmato",
)

# "according to X" and its kin, before or after a quote.
ACCORDING_TO = ("according to", "laut", "selon", "d’après", "d'après", "según", "secondo")

PRONOUNS = frozenset("""
he she they er sie il elle ils elles él ella ellos ellas lui lei loro egli
""".split())

# Capitalised words that open a sentence but never a name.
FUNCTION_WORDS = frozenset("""
the a an in on at as and but for with when while today yesterday also however meanwhile
now this that these those our we it its if after before since under over by from to of
last next according there here then so thus finally both all each every many some his her
their my your dear
der die das den dem des ein eine einer und aber auch heute im am laut nach mit bei für wie
wir es er sie zudem außerdem liebe lieber sehr dabei damit dazu
le la les l un une et mais dans pour par selon avec ce cette ces il elle nous d’après d'après
chers chères madame monsieur aujourd’hui aujourd'hui
el los las y pero en por para según con hoy este esta estos lo
gli i e ma nel nella per secondo oggi questo questa
""".split())

# Lower-case particles that may stand inside a name (Ursula von der Leyen).
PARTICLES = frozenset("von van der den de da di del della des du la le dos das do y bin ibn al ter zu zum ten".split())

# Honorifics and job titles: stripped from names, kept as the role.
TITLES = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady rev reverend hon honorable honourable
president vice chairman chairwoman chair chairperson ceo cto cfo coo cmo cio cso cpo
founder co-founder cofounder director manager head chief officer secretary secretaries
general minister ministers senator governor mayor commissioner ambassador executive
administrator spokesperson spokesman spokeswoman deputy under-secretary-general
secretary-general representative rep sen gov lt col gen captain king queen prince
princess pope judge justice attorney chancellor treasurer leader partner analyst editor
dean prime premier principal vp svp evp engineer architect advocate coordinator trustee
member fellow researcher scientist superintendent sheriff commander marshal
herr frau präsident präsidentin bundeskanzler bundeskanzlerin kanzler kanzlerin
ministerin bundesminister bundesministerin staatssekretär staatssekretärin sprecher
sprecherin geschäftsführer geschäftsführerin vorsitzender vorsitzende vorstand
vorstandsvorsitzender direktor direktorin leiter leiterin gründer gründerin mitgründer
mitgründerin bürgermeister bürgermeisterin senatorin abgeordneter abgeordnete regisseur
regisseurin
m mme mlle monsieur madame président présidente directeur directrice ministre
secrétaire porte-parole fondateur fondatrice maire député députée sénateur sénatrice
réalisateur réalisatrice producteur productrice
sr sra srta don doña presidente presidenta ministro ministra directora secretario
secretaria portavoz alcalde alcaldesa fundador fundadora consejero consejera
vicepresidente vicepresidenta
sig sig.ra dott dott.ssa on direttore direttrice segretario portavoce sindaco sindaca fondatore
amministratore delegato assessore assessora consigliere consigliera presidentessa
""".split())

# Words of organisations and government departments (never the person's own name).
ORGANISATION_WORDS = frozenset("""
foundation inc ltd llc gmbh ag corp corporation company office department ministry
ministerio ministère ministerium university universität université universidad
università council commission agency association institute institut group bank union
nations organization organisation project board committee partners ventures labs
systems technologies software network alliance coalition party parliament senate
government regierung bündnis verein verband stiftung fondation fundación fondazione
school college center centre society trust team movement club services media press news
labor labour state commerce treasury defense defence justice health education finance
energy interior foreign affairs business small economy environment agriculture transport
trade security homeland digital culture science research house white
""".split())

# Nouns and words before a quote that make it a name or a title, not speech.
TITLE_CUES = frozenset("""
article report study book film movie paper document survey campaign project programme
program initiative hashtag slogan motto song album title titled entitled called named
dubbed so-called label brand headline series episode
bericht studie buch kampagne titel motto sogenannte sogenannten sogenannter genannt
rapport étude livre campagne intitulé intitulée appelé appelée dite dit
informe estudio libro película campaña titulado titulada llamado llamada denominado
rapporto studio libro campagna intitolato chiamato
""".split())

DETERMINERS = frozenset("""
the a an its his her their our this these those
der die das den dem des ein eine einen einem einer
le la les l un une du des ce cette ces son sa ses leur
el los las lo un una unos unas del al su sus
il gli i uno dello della dei degli delle nel nella
""".split())

# Function words per language, for telling the language of a release.
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is that with for are this was have will".split()),
    "de": frozenset("der die und das ist nicht mit den sich auch für von ein eine wird".split()),
    "fr": frozenset("le la les des et est une que pour dans pas sur qui du au".split()),
    "es": frozenset("el los las del que por con una para es se su al como".split()),
    "it": frozenset("il che della per sono gli con delle nel è non una dei anche".split()),
}

# Prepositions: a name after one is a complement ("CEO of Acme"), not the speaker.
PREPOSITIONS = frozenset("""
of from for at with by in on to von vom für bei mit aus zu de d du des del della di da dal
al à au aux avec chez pour par en con por para sobre a der
""".split())

# Honorifics: dropped from names and not kept as a role.
HONORIFICS = frozenset("""
mr mrs ms miss dr prof sir dame herr frau m mme mlle monsieur madame sr sra srta don doña
sig sig.ra dott dott.ssa on hon rev
""".split())

# "the company said": nouns by which a release names its own issuer.
ISSUER_NOUNS = frozenset("""
company organization organisation foundation firm group ministry department agency
association team government union institute university council commission project
startup bank club party network movement coalition alliance campaign office
unternehmen firma verein verband stiftung ministerium bündnis initiative organisation
konzern gruppe bewegung
entreprise société association organisation fondation ministère groupe collectif mouvement
empresa compañía organización asociación fundación ministerio grupo movimiento
azienda società associazione organizzazione fondazione ministero gruppo movimento
""".split())

# Endings of German compound job titles (Vorstandschef, Pressesprecherin ...).
TITLE_SUFFIXES = ("chef", "chefin", "leiter", "leiterin", "sprecher", "sprecherin",
                  "direktor", "direktorin", "präsident", "präsidentin", "vorsitzender",
                  "vorsitzende", "minister", "ministerin", "führer", "führerin", "manager",
                  "managerin", "gründer", "gründerin", "referent", "referentin")

# Words that start an adverbial or relative clause after a name, never a role.
NOT_A_ROLE = frozenset("""
lors during when while who which whose today yesterday earlier later adding noting
während als heute gestern der die das welche welcher
qui que dont aujourd’hui aujourd'hui hier
quien que cuando durante hoy ayer
che chi quando durante oggi ieri
""".split())

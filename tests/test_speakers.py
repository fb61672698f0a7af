"""Quotation marks, names and attributions: the pieces the quote transform is built from."""

from __future__ import annotations

import pytest

from pressconv.transforms.quotes._speakers import (
    attribution_after, attribution_before, dash_attribution, detect_language,
)
from pressconv.transforms.quotes._names import NameIndex, name_runs, split_role
from pressconv.transforms.quotes._speech import looks_like_title, scan, sentence_start


def inner_texts(text: str) -> list[str]:
    return [text[s.start + 1:s.end - 1] for s in scan(text).spans]


# ------------------------------------------------------------------ marks


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" twice.', ["yes"]),
    ("“Curly,” she said.", ["Curly,"]),
    ("„Deutsch“, sagte er.", ["Deutsch"]),
    ("« Français », dit-il.", [" Français "]),
    ("»Umgekehrt«, sagte sie.", ["Umgekehrt"]),
    ("‚Einfach‘ gesagt.", ["Einfach"]),
    ("”Svenska”, sa hon.", ["Svenska"]),
    ("“Mismatched,“ said X.", ["Mismatched,"]),
    ('"Mixed,” said X.', ["Mixed,"]),
    ("« Mélangé ” dit-elle.", [" Mélangé "]),
    ("“Spaced .” said X", ["Spaced ."]),
])
def test_marks_of_every_convention_pair_up(text, expected):
    assert inner_texts(text) == expected


def test_apostrophes_are_not_quotation_marks():
    text = "It’s l’État and the students’ work, isn't it? ‘Real quote’ here."
    assert inner_texts(text) == ["Real quote"]


def test_a_nested_quote_stays_inside_the_outer_one():
    assert inner_texts("“She told me ‘never give up’ today,” he said.") == [
        "She told me ‘never give up’ today,"]


def test_an_opening_mark_without_its_closing_mark_is_reported_as_unclosed():
    marks = scan("“This paragraph goes on")
    assert marks.spans == () and marks.unclosed == (0,)


def test_a_closing_mark_without_an_opening_mark_is_an_orphan():
    marks = scan("and this is where it ends.” More text.")
    assert marks.orphans == (26,)


def test_sentence_start_skips_abbreviations():
    text = "It rained. Dr. Smith said “yes”."
    assert text[sentence_start(text, text.index("“")):].startswith("Dr. Smith")


@pytest.mark.parametrize("text, expected", [
    ("We Must Slow Down the Race to God-Like AI", True),
    ("State of Open Source 2024", True),
    ("we must slow down now", False),
    ("Dramatically speed up UK AI capability", False),
])
def test_title_case_text_looks_like_a_title(text, expected):
    assert looks_like_title(text) is expected


# ------------------------------------------------------------------ names


def run_texts(text: str) -> list[str]:
    return [" ".join(run.tokens) for run in name_runs(text)]


def test_name_runs_keep_initials_particles_and_hyphens():
    text = "Yesterday John W. Snow met Ursula von der Leyen and Jean-Marc Ayrault."
    assert run_texts(text) == ["John W. Snow", "Ursula von der Leyen", "Jean-Marc Ayrault"]


def test_name_runs_drop_sentence_opening_function_words_and_elisions():
    assert run_texts("The CEO met d’Amazon Watch staff.") == ["CEO", "Amazon Watch"]


def test_name_runs_join_an_abbreviated_title_to_the_name():
    assert run_texts("said Dr. Jane Smith") == ["Dr Jane Smith"]


@pytest.mark.parametrize("run, name, role", [
    ("OSCE Secretary General Thomas Greminger", "Thomas Greminger", "OSCE Secretary General"),
    ("Treasury Secretary John W. Snow", "John W. Snow", "Treasury Secretary"),
    ("Small Business Administrator Hector Barreto", "Hector Barreto", "Small Business Administrator"),
    ("Bürgermeisterin Anna Müller", "Anna Müller", "Bürgermeisterin"),
    ("Vorstandschef Martin Weber", "Martin Weber", "Vorstandschef"),
    ("Dr Jane Smith", "Jane Smith", ""),
    ("Nammu CEO", "", "Nammu CEO"),
    ("SASHA SNOW", "SASHA SNOW", ""),
])
def test_titles_in_front_of_a_name_become_the_role(run, name, role):
    found_name, found_role = split_role(tuple(run.split()))
    assert (" ".join(found_name), " ".join(found_role)) == (name, role)


def test_the_index_expands_a_surname_to_the_fullest_name_given():
    index = NameIndex()
    index.add_text("OSCE Secretary General Thomas Greminger met Secretaries Snow and "
                   "Treasury Secretary John W. Snow.")
    assert index.resolve("Greminger") == "Thomas Greminger"
    assert index.resolve("Snow") == "John W. Snow"
    assert index.resolve("John Snow") == "John W. Snow"
    assert index.role_of("Thomas Greminger") == "OSCE Secretary General"
    assert index.resolve("Unknown") == "Unknown"


def test_the_index_prefers_the_name_over_a_longer_run_that_only_adds_a_prefix():
    index = NameIndex()
    index.add_text("Secretary of Labor Elaine L. Chao spoke. Labor Secretary Elaine L. Chao left.")
    assert index.resolve("Chao") == "Elaine L. Chao"


# ------------------------------------------------------------- attributions


@pytest.mark.parametrize("after, lang, speaker, role", [
    (', said Greminger. "We', "en", "Greminger", None),
    (" said Rich Sharples, senior director at Red Hat.", "en", "Rich Sharples", "senior director at Red Hat"),
    (', said Nammu CEO, Chris Brucker.', "en", "Chris Brucker", "Nammu CEO"),
    (", Snow said.", "en", "Snow", None),
    (", according to Jane Doe, CEO of Acme.", "en", "Jane Doe", "CEO of Acme"),
    (" – Hideki Nozaki, VP, Deputy Head of Middleware", "en", "Hideki Nozaki", "VP, Deputy Head of Middleware"),
    (", sagt Oliver Wiedmann, Vertrauensperson des Volksentscheids.", "de", "Oliver Wiedmann", "Vertrauensperson des Volksentscheids"),
    (", so Wolf weiter.", "de", "Wolf", None),
    (", estime Patrice Bertrand, président du CNLL.", "fr", "Patrice Bertrand", "président du CNLL"),
    (", selon Marie Curie.", "fr", "Marie Curie", None),
    (", afirmó el ministro de Economía, Carlos Pérez.", "es", "Carlos Pérez", "ministro de Economía"),
    (", como se refirió el secretario de la ONU Antonio Guterres para hablar", "es", "Antonio Guterres", None),
    (", ha detto Marco Rossi, amministratore delegato di Alfa.", "it", "Marco Rossi", "amministratore delegato di Alfa"),
])
def test_attributions_after_a_quote_name_the_speaker(after, lang, speaker, role):
    found = attribution_after(after, lang)
    assert found is not None and found.speaker == speaker
    if role is not None:
        assert found.role == role


@pytest.mark.parametrize("after, lang", [
    (", he added.", "en"), (", sagte sie.", "de"), (", a-t-il déclaré.", "fr"),
    (", explique-t-elle.", "fr"), (", añadió.", "es"),
])
def test_pronouns_and_implicit_subjects_after_a_quote_are_marked_for_resolution(after, lang):
    found = attribution_after(after, lang)
    assert found is not None and found.pronoun and found.speaker is None


@pytest.mark.parametrize("after", [
    ". Then the meeting ended.", " was published today.", " and other titles.", "",
    ' premieres tonight in Berlin.',
])
def test_text_after_a_quote_that_is_no_attribution_gives_none(after):
    assert attribution_after(after, "en") is None


def test_a_name_introducing_the_next_quote_is_not_the_previous_quotes_speaker():
    assert attribution_after(" Jane Doe, the lead actress, said: ", "en") is None


@pytest.mark.parametrize("before, lang, speaker", [
    ("Jakob Freund, CEO of Camunda, says, ", "en", "Jakob Freund"),
    ("Acme Corp. CEO John Doe said: ", "en", "John Doe"),
    ("Stressing that the OSCE is a partner, he said that, ", "en", None),
    ("Leonard Wolf, Sprecher des Bündnisses, sagt dazu: ", "de", "Leonard Wolf"),
    ("Leila Salazar Lopez, d’Amazon Watch pense que le film reflète la Vie: ", "fr", "Leila Salazar Lopez"),
    ("Sônia Guajajara, porte-parole de l'APIB (Délégation) a déclaré : ", "fr", "Sônia Guajajara"),
    ("María Fernández Mellizo-Soto, autora del estudio ha señalado que ", "es", "María Fernández Mellizo-Soto"),
    ("D’après Matthew Modine, une des célébrités, l’urgence signifie que ", "fr", "Matthew Modine"),
    ("Il ministro Giorgetti ha spiegato che ", "it", "Giorgetti"),
])
def test_attributions_before_a_quote_name_the_speaker(before, lang, speaker):
    found = attribution_before(before, lang)
    assert found is not None and found.speaker == speaker
    if speaker is None:
        assert found.pronoun


def test_a_colon_intro_with_a_statement_verb_gives_a_group_speaker():
    found = attribution_before("A large number of AI experts signed a statement that read:", "en",
                               intro=True)
    assert found is not None and found.speaker == "AI experts" and found.group


def test_a_sentence_without_a_verb_of_saying_gives_no_attribution():
    assert attribution_before("The report was published in May and ", "en") is None


def test_the_company_as_speaker_is_marked_as_the_issuer():
    found = attribution_after(", the company said in a statement.", "en")
    assert found is not None and found.issuer


@pytest.mark.parametrize("line, speaker", [
    ("-Bharath Subramanian,\n Software Technology Manager, Arm", "Bharath Subramanian"),
    ("– Roger Hallam (Mitgründer von XR)", "Roger Hallam"),
    ("— PauseAI protesters", "PauseAI protesters"),
])
def test_a_dash_line_names_the_speaker(line, speaker):
    found = dash_attribution(line)
    assert found is not None and found.speaker == speaker


def test_a_dash_line_that_is_a_sentence_is_not_an_attribution():
    assert dash_attribution("- the project continues in 2025 with new partners and goals") is None


@pytest.mark.parametrize("text, lang", [
    ("The company said that the results were good and that it will grow.", "en"),
    ("Die Firma sagt, dass die Ergebnisse gut sind und dass sie wachsen wird.", "de"),
    ("La société a déclaré que les résultats sont bons et qu'elle va croître.", "fr"),
    ("La empresa dijo que los resultados son buenos y que crecerá con los clientes.", "es"),
    ("L'azienda ha detto che i risultati sono buoni e che crescerà con gli utenti.", "it"),
])
def test_the_language_is_told_by_its_function_words(text, lang):
    assert detect_language(text) == lang
    assert detect_language(text, "de-AT") == "de"


@pytest.mark.parametrize("text, speaker, role", [
    ('"We are thrilled," spokesperson Jane Doe said.', "Jane Doe", "spokesperson"),
    ('"We are thrilled," said spokesperson Jane Doe.', "Jane Doe", "spokesperson"),
    ('"Wir freuen uns", sagt Max Muster von der Acme GmbH.', "Max Muster", None),
    ('"We zijn enthousiast," zegt Jan de Vries, directeur van Acme.', "Jan de Vries", "directeur van Acme"),
    ('"Estamos muito satisfeitos", disse João Silva, presidente da Acme.', "João Silva", "presidente da Acme"),
])
def test_the_person_is_told_from_the_role_and_the_organisation(text, speaker, role):
    from pressconv import parse

    quotes = parse("# Acme launches a widget\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a "
                   "widget.\n\n" + text + "\n").quotes
    assert [(q.speaker, q.role) for q in quotes] == [(speaker, role)]


@pytest.mark.parametrize("text, speaker, role", [
    ('Yasmin Fahimi, Vorsitzende des Deutschen Gewerkschaftsbundes betont: „Wir müssen handeln.“',
     "Yasmin Fahimi", "Vorsitzende des Deutschen Gewerkschaftsbundes"),
    ('“We are thrilled,” said Tom Agnew Chief Executive Officer of Brafton.',
     "Tom Agnew", "Chief Executive Officer"),
])
def test_a_name_before_its_title_is_the_speaker(text, speaker, role):
    from pressconv import parse

    quotes = parse("# Acme\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a widget.\n\n"
                   + text + "\n").quotes
    assert [(q.speaker, q.role) for q in quotes] == [(speaker, role)]


def test_a_block_quote_whose_last_line_names_the_speaker():
    from pressconv import parse

    quotes = parse("# H\n\nBody text.\n\n> « Les crises dans le monde nous montrent clairement. »\n<br>\n"
                   "<br>**Dr Markus Richter, secrétaire d’État, CIO du gouvernement fédéral allemand**\n").quotes
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Markus Richter", "secrétaire d’État, CIO du gouvernement fédéral allemand")]


def test_a_heading_naming_a_speaker_and_role_attributes_the_quote_under_it():
    from pressconv import parse

    quotes = parse("# Acme\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a widget.\n\n"
                   "### Jane Doe, CEO of Acme\n\n\"We are thrilled to be here and to show the widget "
                   "to the world.\"\n\n### Overview\n\n\"Nobody will know who said these particular words.\"\n").quotes
    assert [q.speaker for q in quotes] == ["Jane Doe", None]


@pytest.mark.parametrize("opening, issuer", [
    ("Acme Corp. today announced a widget.", "Acme Corp."),
    ("Die Acme GmbH hat heute ein Produkt vorgestellt.", "Acme GmbH"),
    ("L'Apache Software Foundation (ASF) a annoncé aujourd'hui un projet.", "Apache Software Foundation"),
])
def test_the_company_said_names_the_issuer_that_opens_the_lead(opening, issuer):
    from pressconv import parse

    quotes = parse("# Acme\n\nBERLIN, March 3, 2021 -- " + opening + "\n\n"
                   "\"We are thrilled to be here,\" the company said in a statement.\n").quotes
    assert [q.speaker for q in quotes] == [issuer]


def test_japanese_quotes_in_corner_brackets_with_the_speaker_named_above():
    from pressconv import parse

    quotes = parse("# アクメ、新製品を発表\n\n2021年3月5日\n\n株式会社アクメは本日、「アクメ・ウィジェット」を"
                   "発表しました。\n\n## 山田太郎社長の話\n\n「私たちはこの製品を誇りに思っています。"
                   "すべての家庭に届けたいと考えています。」\n\n同社 技術開発部 担当部長 亀井聡 氏\n\n"
                   "> 当社はこの取り組みを全面的に支援しており、今後も協力を続けてまいります。\n").quotes
    assert [(q.speaker, q.text[:8]) for q in quotes] == [("山田太郎", "私たちはこの製品"), ("亀井聡", "当社はこの取り組")]


@pytest.mark.parametrize("text, speaker", [
    ("«Siamo felici – sottolinea Mario Rossi, presidente di Acme – di questo risultato per tutti»", "Mario Rossi"),
    ("“Estamos felices —afirmó Ana García— de este resultado para todos nosotros.”", "Ana García"),
    ("„Jsme velmi rádi,“ řekl Jan Novák, ředitel firmy.", "Jan Novák"),
    ("„Bardzo się cieszymy” – powiedziała Anna Kowalska, prezes firmy.", "Anna Kowalska"),
])
def test_speakers_named_inside_the_quote_or_in_czech_and_polish(text, speaker):
    from pressconv import parse

    quotes = parse("# Acme\n\nROMA, 5 marzo 2021 – Acme ha presentato oggi un nuovo prodotto.\n\n" + text + "\n").quotes
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize("speaker", ["Berlin", "Germany"])
def test_a_place_is_never_a_speaker(speaker):
    from pressconv import parse

    quotes = parse("# Acme launches a widget\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a widget."
                   "\n\n\"This is a great day for all of us,\" said %s.\n" % speaker).quotes
    assert [q.speaker for q in quotes] == [None]


def test_an_implied_subject_is_the_last_known_person_not_a_nearer_capitalised_phrase():
    from pressconv import parse

    # Portuguese drops the pronoun: "…”, acrescenta." is said by the lawyer named before,
    # not by the court district named later in the same sentence
    text = ("# Julgamento marcado\n\nPORTO ALEGRE, 5 de março de 2021 – O júri acontece hoje.\n\n"
            "Segundo o advogado Emiliano Maldonado, o julgamento acontece depois do desaforamento "
            "do processo da Comarca de São Gabriel em busca de um julgamento imparcial. “Quase uma "
            "década depois, a família segue aguardando justiça”, acrescenta.\n")
    assert [q.speaker for q in parse(text).quotes] == ["Emiliano Maldonado"]


def test_a_nearer_phrase_still_speaks_when_no_known_person_is_near():
    from pressconv import parse

    text = ("# Acme\n\nBERLIN, March 3, 2021 -- Acme Corp. today announced a widget.\n\n"
            "Xylo Quandt opened the meeting. “We are glad to be here today with everyone,” "
            "he said.\n")
    assert [q.speaker for q in parse(text).quotes] == ["Xylo Quandt"]


@pytest.mark.parametrize("before, lang, speaker", [
    ("La bienvenida estuvo a cargo del Lic. Jorge Zermeño Infante, Alcalde de Torreón, quien "
     "ofreció unas palabras en memoria del Lic. Eduardo Holguín:", "es", "Jorge Zermeño Infante"),
    ("The award went to Jane Doe, director of Acme, who spoke in memory of John Roe:", "en", "Jane Doe"),
])
def test_a_relative_clause_before_a_colon_is_about_the_name_before_it(before, lang, speaker):
    assert attribution_before(before, lang, intro=True).speaker == speaker


@pytest.mark.parametrize("after, lang, speaker", [
    (", aldus de vakjury.", "nl", "vakjury"),
    (", said the jury.", "en", "jury"),
    (" the organisers said.", "en", "organisers"),
    (", a déclaré le jury.", "fr", "jury"),
])
def test_a_group_named_by_a_noun_is_the_speaker_as_written(after, lang, speaker):
    found = attribution_after(after, lang)
    assert found is not None and found.group and found.speaker == speaker


def test_a_plain_noun_after_the_verb_is_not_a_group_speaker():
    found = attribution_after(", said the report.", "en")
    assert found is None or not found.group


def test_an_honorific_with_a_full_stop_does_not_end_the_sentence():
    text = "La bienvenida estuvo a cargo del Lic. Jorge Zermeño: “"
    assert sentence_start(text, len(text) - 1) == 0

"""Speakers in Chinese and Japanese (found by their place in the sentence), viewpoint openers, owners and intro lines."""

from __future__ import annotations

import pytest

import pressconv
from pressconv.transforms.quotes._cjk import split_who


def speakers(lang: str, body: str) -> list[tuple[str | None, str | None]]:
    document = pressconv.parse("---\nlang: %s\n---\n\n# Title\n\nLead.\n\n%s\n" % (lang, body))
    return [(q.speaker, q.role) for q in document.quotes]


@pytest.mark.parametrize("body, expected", [
    # name before a verb of saying, title and company before the name
    ("艾克米公司首席执行官张伟表示：“这将彻底改变我们客户的体验。”", [("张伟", "艾克米公司首席执行官")]),
    ("张伟指出，“这将彻底改变我们客户的体验。”", [("张伟", None)]),
    # after the quote
    ("“这将彻底改变我们客户的体验。”王小明说。", [("王小明", None)]),
    # traditional characters, a company and a three-character name
    ("艾克米公司總經理陳志明說：「這將徹底改變客戶的體驗。」", [("陳志明", "艾克米公司總經理")]),
    # a role alone names nobody
    ("公司总裁表示：“这将彻底改变我们客户的体验。”", [(None, None)]),  # role kept, nobody named
])
def test_chinese_speakers(body, expected):
    assert speakers("zh", body) == expected


@pytest.mark.parametrize("body, expected", [
    ("アクメ社代表取締役の山田太郎は「この製品はお客様の体験を大きく変えます」と述べています。",
     [("山田太郎", "アクメ社代表取締役")]),
    ("「この製品はお客様の体験を大きく変えます」（アクメ社 代表取締役 山田太郎）",
     [("山田太郎", "アクメ社 代表取締役")]),
    ("山田太郎氏は次のように述べています。「この製品はお客様の体験を大きく変えます。」", [("山田太郎", None)]),
    # a name or term the sentence goes on with is not speech
    ("アクメ社は「スマートシティ」を発表しました。", []),
])
def test_japanese_speakers(body, expected):
    assert speakers("ja", body) == expected


@pytest.mark.parametrize("text, name, role", [
    ("艾克米公司首席执行官张伟", "张伟", "艾克米公司首席执行官"),
    ("张伟先生", "张伟", None),
    ("公司张伟", "张伟", "公司"),  # 司 is a surname too; 张 is the commoner one
    ("欧阳娜娜", "欧阳娜娜", None),  # a two-character surname
    ("アクメ社の山田太郎氏", "山田太郎", "アクメ社"),
])
def test_the_name_is_cut_from_its_title(text, name, role):
    found = split_who(text, japanese="ア" in text)
    assert (found.speaker, found.role) == (name, role)


@pytest.mark.parametrize("lang, body, expected", [
    ("fr", "Pour Marie Dupont, directrice générale d’Acme, « cela change tout pour nos clients ».",
     ("Marie Dupont", "directrice générale d’Acme")),
    ("pt", 'Para João Silva, presidente da Acme, "isto muda tudo para os nossos clientes".',
     ("João Silva", "presidente da Acme")),
    ("it", "Secondo Mario Rossi, presidente di Acme, «questo cambia tutto per i nostri clienti».",
     ("Mario Rossi", "presidente di Acme")),
])
def test_a_viewpoint_or_according_to_opening_the_sentence_names_the_speaker(lang, body, expected):
    assert speakers(lang, body) == [expected]


def test_pour_before_a_thing_is_not_a_speaker():
    assert speakers("fr", "Pour les clients, « cela change tout dans leur vie de tous les jours ».") \
        in ([], [(None, None)])


def english(body: str) -> list[tuple[str | None, str | None]]:
    document = pressconv.parse("# Acme launches Widget\n\nAcme today launched Widget, a tool.\n\n%s\n" % body)
    return [(q.speaker, q.role) for q in document.quotes]


def test_an_owner_before_the_name_is_the_role():
    assert english('"Widget is a milestone for the whole industry," said Acme\'s Jane Doe.') == [
        ("Jane Doe", "Acme's")]


def test_a_quote_introduced_by_a_line_naming_its_speaker_at_the_end():
    assert english("Quote from Jane Doe, CEO of Acme:\n\n\"Widget is a milestone for the whole industry.\"") \
        == [("Jane Doe", "CEO of Acme")]


def test_the_company_said_without_a_dateline_names_the_subject_of_the_first_paragraph():
    assert english('"This changes everything for our customers," the company said.') == [("Acme", None)]

"""The lexicon: one data file per language, CLDR month names, clear errors for broken files."""

from __future__ import annotations

import json

import pytest

from pressconv import lexicon
from pressconv.lexicon import LexiconError, build_cldr, build_names
from pressconv.transforms.dateline.dates import find_date


def test_every_lexicon_file_is_valid_and_named_for_its_language():
    found = lexicon.lexicons()
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "he"} <= set(found)
    for code, data in found.items():
        assert data["language"] == code
        assert data["name"]


def test_word_lists_are_lower_case_so_lookups_can_fold_case():
    for code, data in lexicon.lexicons().items():
        for section, keys in data.items():
            if not isinstance(keys, dict):
                continue
            for key, items in keys.items():
                if lexicon._SECTIONS[section][key] == "words" and key != "phone_region":
                    upper = [w for w in items if w != w.lower()]
                    assert not upper, (code, section, key, upper)


def test_verbs_of_saying_are_kept_per_language():
    verbs = lexicon.by_language("speech", "saying_verbs")
    assert "said" in verbs["en"] and "sagte" in verbs["de"] and "a déclaré" not in verbs["fr"]
    assert "déclaré" in verbs["fr"] and "dijo" in verbs["es"]


def _write(folder, name, data):
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def lexicon_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon.lexicons.cache_clear()
    yield tmp_path
    lexicon.lexicons.cache_clear()


def test_adding_a_language_is_adding_one_file(lexicon_folder):
    _write(lexicon_folder, "en.json", {"language": "en", "name": "English",
                                        "speech": {"saying_verbs": ["said"]}})
    _write(lexicon_folder, "sv.json", {"language": "sv", "name": "Swedish",
                                        "speech": {"saying_verbs": ["säger", "sade"]}})
    assert lexicon.languages() == ("en", "sv")
    assert lexicon.by_language("speech", "saying_verbs")["sv"] == ("säger", "sade")


@pytest.mark.parametrize("data, reason", [
    ({"language": "xx", "name": "X", "speach": {}}, "unknown section 'speach'"),
    ({"language": "xx", "name": "X", "speech": {"verbs": ["a"]}}, "unknown key 'verbs'"),
    ({"language": "xx", "name": "X", "speech": {"saying_verbs": "said"}}, "must be a list"),
    ({"language": "yy", "name": "X"}, "'language' must be 'xx'"),
    ({"language": "xx", "name": "X", "dates": {"month_spellings": {"13": ["x"]}}}, "1-12"),
])
def test_a_broken_lexicon_file_is_refused_with_the_file_and_the_reason(lexicon_folder, data, reason):
    _write(lexicon_folder, "xx.json", data)
    with pytest.raises(LexiconError) as caught:
        lexicon.lexicons()
    assert "xx.json" in str(caught.value) and reason in str(caught.value)


def test_a_lexicon_file_that_is_not_json_names_the_file(lexicon_folder):
    (lexicon_folder / "xx.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="xx.json: cannot be read as JSON"):
        lexicon.lexicons()


def test_calendar_is_what_babel_gives_for_its_cldr_version():
    babel = pytest.importorskip("babel", reason="Babel writes calendar.json; it is a test extra")
    from babel.core import get_cldr_version

    written = (lexicon.FOLDER / "calendar.json").read_text(encoding="utf-8")
    recorded = json.loads(written)["source"]
    if "CLDR %s through Babel %s;" % (get_cldr_version(), babel.__version__) not in recorded:
        pytest.skip("calendar.json was written with another Babel (%s); rebuild to compare" % recorded)
    assert build_cldr.render() == written


def test_given_names_are_what_faker_gives():
    faker = pytest.importorskip("faker", reason="Faker writes given_names.txt; it is a test extra")

    written = (lexicon.FOLDER / "given_names.txt").read_text(encoding="utf-8")
    recorded = written.split("\n", 1)[0]
    if "Faker %s " % faker.VERSION not in recorded:
        pytest.skip("given_names.txt was written with another Faker (%s); rebuild to compare" % recorded)
    assert build_names.render() == written


def test_given_names_hold_first_names_of_many_languages_but_no_dates_or_function_words():
    names = lexicon.given_names()
    assert all(name in names for name in ("emiliano", "jorge", "gerald", "cristina", "jean", "sophie",
                                          "giulia", "joão", "владимир", "olivia", "aaron", "zoe"))
    assert not any(word in names for word in ("april", "june", "august", "mai", "the", "de", "von",
                                              "comarca", "", "emiliano\njorge"))


@pytest.mark.parametrize("text, language, iso", [
    ("Stockholm den 5 maj 2021", None, "2021-05-05"),          # Swedish: a lexicon language
    ("Warszawa, 5 listopada 2021", "pl", "2021-11-05"),        # Polish: November
    ("Zagreb, 5. listopada 2021.", "hr", "2021-10-05"),        # Croatian: the same word is October
    ("Helsinki 5. maaliskuuta 2021", "fi", "2021-03-05"),
    ("Αθήνα, 5 Μαρτίου 2021", "el", "2021-03-05"),
    ("Wien, 7. Jänner 2021", None, "2021-01-07"),              # Austrian German
    ("Lima, 13 de setiembre de 2020", None, "2020-09-13"),     # Peruvian Spanish
    ("Thurs., Sept. 3, 2020", None, "2020-09-03"),             # spellings CLDR lacks, from the lexicon
    ("3 ביוני 2021", None, "2021-06-03"),                      # Hebrew prefix from the lexicon
    ("2021年3月5日（金）", "ja", "2021-03-05"),
    ("2021년 3월 5일", "ko", "2021-03-05"),
])
def test_month_names_come_from_cldr_for_the_release_language(text, language, iso):
    found = find_date(text, language)
    assert found is not None and found.iso == iso


def test_a_language_without_a_lexicon_adds_its_names_only_when_the_release_is_in_it():
    # Polish abbreviations are English words ("lip", "lis"): not dates in an English text
    assert find_date("the lis 5 2021 figures") is None or find_date("the lis 5 2021 figures").iso is None
    assert find_date("Kraków, 5 lis 2021", "pl").iso == "2021-11-05"
    assert find_date("Kraków, 5 lis 2021", None) is None

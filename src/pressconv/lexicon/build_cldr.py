"""Write ``calendar.json`` (month and weekday names) and ``territories.json`` (country
and region names) from CLDR, through Babel.

    python -m pressconv.lexicon.build_cldr     # needs Babel (pip install babel)

Run it when Babel brings a new CLDR release or a language is added to
``LOCALES``; the test suite checks that the files are what this script writes
with the installed Babel.  Names are as CLDR writes them (the first of each
month is the wide format name a writer uses); every abbreviation is kept with
and without its full stop; format (genitive) and stand-alone forms are both
kept (``марта`` and ``март``); readers compare them folded.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

# The languages press releases are written in, with regional forms whose names
# differ (Austrian "Jänner", Swiss, Latin-American and Brazilian spellings).
LOCALES = (
    "en", "en_GB", "de", "de_AT", "de_CH", "fr", "fr_CA", "fr_CH", "es", "es_MX", "es_419", "es_PE",
    "it", "pt", "pt_PT", "nl", "ca", "gl", "eu", "ro", "sv", "da", "nb", "nn", "fi", "is",
    "et", "lv", "lt", "pl", "cs", "sk", "sl", "hr", "sr_Latn", "bs", "hu", "mt", "ga", "cy",
    "ru", "uk", "be", "bg", "mk", "sr", "el", "tr", "az", "sq",
    "ar", "ar_DZ", "ar_MA", "ar_TN", "ar_LB", "ar_SY", "ar_IQ", "he", "fa", "ur", "hi", "bn", "ta", "th", "vi", "id", "ms", "tl", "sw",
    "ja", "zh", "zh_Hant", "ko",
)
OUTPUT = Path(__file__).resolve().parent / "calendar.json"
TERRITORIES = Path(__file__).resolve().parent / "territories.json"
# Territory names are wanted in the languages contact blocks are labelled in.
TERRITORY_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "ru", "ja", "zh", "ko")


def _variants(name: str) -> list[str]:
    name = unicodedata.normalize("NFC", name.strip())
    out = [name]
    if name.endswith("."):
        out.append(name[:-1])
    return [n for n in out if n]


def build() -> dict[str, object]:
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    languages: dict[str, dict[str, list[list[str]]]] = {}
    for code in LOCALES:
        locale = Locale.parse(code)
        months: list[list[str]] = [[] for _ in range(12)]
        weekdays: list[list[str]] = [[] for _ in range(7)]
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    for variant in _variants(name):
                        if variant.casefold() not in {m.casefold() for m in months[number - 1]}:
                            months[number - 1].append(variant)
                for number, name in locale.days[context][width].items():
                    for variant in _variants(name):
                        if variant.casefold() not in {d.casefold() for d in weekdays[number]}:
                            weekdays[number].append(variant)
        languages[code.replace("_", "-")] = {"months": months, "weekdays": weekdays}
    return {
        "source": "Unicode CLDR %s through Babel %s; written by build_cldr.py"
                  % (get_cldr_version(), babel.__version__),
        "languages": languages,
    }


def render() -> str:
    data = build()
    lines = ["{", '  "source": %s,' % json.dumps(data["source"]), '  "languages": {']
    entries = []
    for code, tables in data["languages"].items():  # type: ignore[union-attr]
        months = ",\n".join("      " + json.dumps(names, ensure_ascii=False) for names in tables["months"])
        days = ",\n".join("      " + json.dumps(names, ensure_ascii=False) for names in tables["weekdays"])
        entries.append('   %s: {\n    "months": [\n%s\n    ],\n    "weekdays": [\n%s\n    ]\n   }'
                       % (json.dumps(code), months, days))
    lines.append(",\n".join(entries))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_territories() -> str:
    """Every territory's name (and short/variant names) in ``TERRITORY_LANGUAGES``, one sorted list."""
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    names: set[str] = set()
    for code in TERRITORY_LANGUAGES:
        for key, name in Locale.parse(code).territories.items():
            if not key.isdigit() or key in ("001", "150", "419", "019", "142", "002"):
                names.add(unicodedata.normalize("NFC", name.casefold()))
    lines = ", ".join(json.dumps(n, ensure_ascii=False) for n in sorted(names))
    return ('{\n  "source": %s,\n  "names": [%s]\n}\n'
            % (json.dumps("Unicode CLDR %s through Babel %s; written by build_cldr.py"
                          % (get_cldr_version(), babel.__version__)), lines))


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    TERRITORIES.write_text(render_territories(), encoding="utf-8")
    print("wrote", OUTPUT, "and", TERRITORIES, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

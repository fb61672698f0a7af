"""Write ``given_names.txt`` (people's first names) from the person providers of Faker.

    python -m pressconv.lexicon.build_names     # needs Faker (pip install faker)

Why Faker: it is a well-kept MIT-licensed library whose person providers hold
the common given names of some eighty locales (from census and civil-registry
lists), in their own scripts, which is what a press release names its people
with.  The speaker recogniser uses the list to tell a person ("Emiliano
Maldonado") from a capitalised phrase ("Comarca de São Gabriel") when a quote's
speaker is only implied; an unknown first name is not a verdict, only a lack of
evidence.  Names that are also month or weekday names in CLDR ("April",
"June") are left out, so a date is never taken for a person.  The test suite
checks that the file is what this script writes with the installed Faker.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent / "given_names.txt"
_KINDS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
          "first_names_unisex")


def _names(provider: type) -> set[str]:
    found: set[str] = set()
    for kind in _KINDS:
        value = provider.__dict__.get(kind)
        if value is None:
            for base in provider.__mro__[1:]:
                if kind in base.__dict__:
                    value = base.__dict__[kind]
                    break
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, (list, tuple)):
            found.update(v for v in value if isinstance(v, str))
    return found


def build() -> tuple[str, list[str]]:
    import faker
    from faker.providers import person

    from . import calendar

    dates = {name.casefold() for tables in calendar().values()
             for names in tables["months"] + tables["weekdays"] for name in names}
    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module("faker.providers.person." + module.name).Provider
        for name in _names(provider):
            name = unicodedata.normalize("NFC", name.strip()).casefold()
            # one word (a given name, not "Mary Ann" or a placeholder), not a date word
            if name and " " not in name and len(name) >= 2 and name not in dates:
                names.add(name)
    return "Faker %s person providers (MIT); written by build_names.py" % faker.VERSION, sorted(names)


def render() -> str:
    """One folded name a line after a ``#`` line naming the source (read as one string and
    searched, which costs far less at start-up than building a set of 30,000 names)."""
    source, names = build()
    return "# %s\n%s\n" % (source, "\n".join(names))


def main() -> int:
    OUTPUT.write_text(render(), encoding="utf-8")
    print("wrote", OUTPUT, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

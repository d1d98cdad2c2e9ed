"""Build ``given_names.json``, the given names the privacy guard looks for, from their sources.

Not run by the application. Run again when a source or the forms change:

    apt install voikko-fi hunspell hunspell-sv       # Debian's packages
    pip install Faker==40.63.0 gender-guesser==0.4.0 libvoikko==4.3
    python resources/names/build_names.py

``names``: the union of
- Faker's Finnish (fi_FI) and Swedish (sv_SE) first names, female and male (MIT licence,
  ``LICENSE-Faker.txt``);
- every name of Jörg Michael's name dictionary (``nam_dict.txt`` in gender-guesser) with a
  frequency in Finland or in Sweden (GNU Free Documentation License 1.2, ``GFDL-1.2.txt``);
- ``supplement.txt``: names given in Finland since 2000 that those lack (CC0).

``word_forms``: the forms (``given_names.forms``) of those names that are ordinary Finnish or
Swedish words too: Voikko's Finnish dictionary analyses the form as something other than a
name (``toivon``: a noun and a verb too), or Hunspell's Finland-Swedish dictionary accepts
it in lower case (``klara``, ``saga``; not ``stefan``). The guard flags such a form at the
start of a sentence only when the sentence is about a child. The dictionaries are only
asked yes or no; nothing of them is copied but that answer.
``proper_noun_forms``: the forms of ``PROPER_NOUNS``, names that are also a holiday, a town or
a program a day-care unit writes about; the guard flags them anywhere only so.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import gender_guesser  # type: ignore[import-not-found]
import libvoikko  # type: ignore[import-not-found]

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from hyvinvointi_app.domain.given_names import forms  # noqa: E402

SWEDEN, FINLAND = 18, 19
"""Columns of the two countries in ``nam_dict.txt``'s frequency field (from column 30)."""

PROPER_NOUNS = (
    "Lucia",  # Lucia-päivä, Luciadagen
    "Valborg",  # Valborgsmässoafton
    "Wilma",  # the schools' messaging service
    "Helmi",  # a schools' messaging service
    "Daisy",  # a day-care messaging service
    "Kaarina",  # towns
    "Loviisa",
    "Lovisa",
    "Inari",
    "Kristiina",
    "Salo",
    "Lahja",  # a gift
)


def faker_names(locale: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    return {
        name
        for attribute in ("first_names_female", "first_names_male")
        for name in getattr(provider, attribute)
    }


def dictionary_names() -> set[str]:
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        frequencies = line[30:]
        if any(frequencies[column : column + 1].strip() for column in (SWEDEN, FINLAND)):
            for name in line.split()[1].replace("+", "-").split("/"):
                found.add(name)
    return found


ABBREVIATIONS = (
    "ma",
    "ti",
    "ke",
    "to",
    "pe",
    "la",
    "su",
    "mån",
    "tis",
    "ons",
    "tors",
    "fre",
    "lör",
    "sön",
)
"""Weekdays as a memo abbreviates them at the start of a line (``Tors 3.4:``): ordinary words
that Hunspell and Voikko do not know as such."""

NAME_CLASSES = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})


def finnish_words(candidates: list[str]) -> set[str]:
    """The candidates Voikko reads as something else than a name, too (a hyphenated form
    when each of its parts is read so; a form with an apostrophe is Swedish, not Finnish)."""
    voikko = libvoikko.Voikko("fi")

    def word(part: str) -> bool:
        return any(reading.get("CLASS") not in NAME_CLASSES for reading in voikko.analyze(part))

    try:
        return {
            form
            for form in candidates
            if "'" not in form and all(part and word(part) for part in form.split("-"))
        }
    finally:
        voikko.terminate()


def swedish_words(candidates: list[str]) -> set[str]:
    """The candidates Hunspell's Finland-Swedish dictionary accepts in lower case (it lists
    names with a capital, so ``stefan`` is not accepted and ``saga`` is). Hunspell reads
    words, so it is asked only about forms without an apostrophe or a hyphen; a hyphenated
    form is a word when each of its parts is one."""
    plain = sorted({part for form in candidates for part in form.split("-") if "'" not in part})
    misspelt = set(
        subprocess.run(
            ["hunspell", "-d", "sv_FI", "-l"],
            input="\n".join(plain),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    return {
        form
        for form in candidates
        if "'" not in form and all(part and part not in misspelt for part in form.split("-"))
    }


def supplement() -> set[str]:
    lines = (HERE / "supplement.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def main() -> None:
    names = faker_names("fi_FI") | faker_names("sv_SE") | dictionary_names() | supplement()
    names = {name for name in names if len(name) >= 2 and name.replace("-", "").isalpha()}
    every_form = sorted({form for name in names for form in forms(name)})
    word_forms = finnish_words(every_form) | swedish_words(every_form)
    word_forms |= set(ABBREVIATIONS) & set(every_form)
    proper_noun_forms = set()
    for name in PROPER_NOUNS:
        names.add(name)
        proper_noun_forms |= forms(name)
    data = {
        "_comment": "Built by build_names.py from the sources its docstring names; see README.md.",
        "names": sorted(names, key=str.lower),
        "word_forms": sorted(word_forms),
        "proper_noun_forms": sorted(proper_noun_forms),
    }
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True)
    (HERE / "given_names.json").write_text(text + "\n", encoding="utf-8")
    print(
        f"{len(names)} names, {len(word_forms)} forms that are words too, "
        f"{len(proper_noun_forms)} forms of proper nouns"
    )


if __name__ == "__main__":
    main()

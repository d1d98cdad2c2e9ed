"""Members' names found in typed Finnish and Swedish text: whole names in any case and with
the last part inflected, single parts capitalised and inflected (case endings, "-nen"
names' s-stem, weakened kk/pp/tt), and words that only resemble a name left alone."""

from __future__ import annotations

import pytest

from hyvinvointi_app.domain.names import replace_names, stems

NAMES = [
    ("Aino Ahonen", "[johtaja]"),
    ("Heikki Virtanen", "[kuraattori]"),
    ("Li Wang", "[psykologi]"),
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Aino Ahonen kertoi", "[johtaja] kertoi"),
        ("aino ahonen ja AINO AHONEN", "[johtaja] ja [johtaja]"),
        ("Aino  Ahosen ehdotus", "[johtaja] ehdotus"),
        ("Aino\nAhoselle", "[johtaja]"),
        ("Ahoselta kysyttiin, Ainolle kerrottiin", "[johtaja] kysyttiin, [johtaja] kerrottiin"),
        ("Heikin ja Virtasen kanssa", "[kuraattori] ja [kuraattori] kanssa"),
        ("Virtanen Heikki", "[kuraattori] [kuraattori]"),
        ("HEIKKI VIRTASELTA", "[kuraattori]"),
        ("Ainos förslag", "[johtaja] förslag"),
        ("Wang kertoi", "[psykologi] kertoi"),
    ],
)
def test_a_members_name_is_found_in_its_forms(typed: str, expected: str) -> None:
    assert replace_names(typed, NAMES, str) == expected


@pytest.mark.parametrize(
    "typed",
    ["ainoa vaihtoehto", "lintu lensi", "heikko kohta", "virta katkesi", "Lisäksi"],
)
def test_words_that_only_resemble_a_name_stay(typed: str) -> None:
    assert replace_names(typed, NAMES, str) == typed


def test_the_longest_name_goes_first() -> None:
    names = [("Aino", "[huoltaja]"), ("Aino Ahonen", "[johtaja]")]
    assert replace_names("Aino Ahosen tiimi", names, str) == "[johtaja] tiimi"


def test_stems_of_a_nen_name_and_of_a_strong_grade() -> None:
    assert stems("Virtanen") == ["Virtanen", "Virtas"]
    assert stems("Heikki") == ["Heikki", "Heiki"]
    assert stems("Pekka") == ["Pekka", "Peka"]
    assert stems("Aino") == ["Aino"]

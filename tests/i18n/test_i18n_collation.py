"""Finnish/Swedish alphabetical order of real names, without Qt or ICU."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from hyvinvointi_app.i18n.collation import sort_key, sorted_by_name

NAMES_IN_ORDER = [
    "Ahonen",
    "Ándde",
    "Müller",
    "Nguyễn",
    "Šoltani",
    "Virtanen",
    "Wikström",
    "Zetterberg",
    "Åberg",
    "Äijälä",
    "Öhman",
]


def shuffled(items: list[str], seed: int = 7) -> list[str]:
    copy = list(items)
    random.Random(seed).shuffle(copy)
    return copy


def test_finnish_swedish_sami_and_immigrant_names() -> None:
    for seed in range(5):
        assert sorted_by_name(shuffled(NAMES_IN_ORDER, seed)) == NAMES_IN_ORDER


def test_a_ring_a_diaeresis_o_diaeresis_come_after_z_in_that_order() -> None:
    assert sorted_by_name(["ö", "z", "ä", "å", "a", "o"]) == ["a", "o", "z", "å", "ä", "ö"]
    assert sorted_by_name(["Öberg", "Zachris", "Ärling", "Åman"]) == [
        "Zachris",
        "Åman",
        "Ärling",
        "Öberg",
    ]


def test_u_diaeresis_sorts_as_y_and_accents_as_their_base_letter() -> None:
    assert sorted_by_name(["Mytty", "Müller", "Muukkonen", "Mykkänen"]) == [
        "Muukkonen",
        "Mykkänen",
        "Müller",
        "Mytty",
    ]
    assert sorted_by_name(["Ezra", "Éric", "Eino"]) == ["Eino", "Éric", "Ezra"]
    assert sorted_by_name(["Sundström", "Šoltani", "Salo"]) == ["Salo", "Šoltani", "Sundström"]


def test_danish_and_norwegian_letters_sort_as_swedish_ones() -> None:
    assert sorted_by_name(["Østergaard", "Ørn", "Ærø", "Öhman", "Ärling", "Zorn"]) == [
        "Zorn",
        "Ärling",
        "Ærø",
        "Öhman",
        "Ørn",
        "Østergaard",
    ]


def test_v_and_w_are_different_letters() -> None:
    assert sorted_by_name(["Wahlroos", "Virtanen", "Vuori"]) == ["Virtanen", "Vuori", "Wahlroos"]


def test_case_does_not_matter_except_to_break_ties() -> None:
    assert sorted_by_name(["de Vries", "Dahl", "DAHLBERG"]) == ["Dahl", "DAHLBERG", "de Vries"]
    assert sorted_by_name(["Aho", "aho"]) == ["aho", "Aho"]


def test_numbers_compare_by_value() -> None:
    titles = ["10. kokous", "2. kokous", "1. kokous", "Kokous 12", "Kokous 3"]
    assert sorted_by_name(titles) == [
        "1. kokous",
        "2. kokous",
        "10. kokous",
        "Kokous 3",
        "Kokous 12",
    ]


def test_spaces_and_punctuation_before_letters() -> None:
    assert sorted_by_name(["Ahonen-Virta", "Aho", "Ahonen Aino", "Ahonen"]) == [
        "Aho",
        "Ahonen",
        "Ahonen Aino",
        "Ahonen-Virta",
    ]


def test_ties_are_broken_by_the_text_so_order_never_depends_on_input_order() -> None:
    composed, decomposed = "Åberg", "A\u030aberg"
    assert sort_key(composed)[:3] == sort_key(decomposed)[:3]
    assert sorted_by_name([composed, decomposed]) == sorted_by_name([decomposed, composed])


@dataclass
class Member:
    name: str


def test_sorting_objects_by_a_key() -> None:
    members = [Member(n) for n in shuffled(NAMES_IN_ORDER)]
    assert [m.name for m in sorted_by_name(members, key=lambda m: m.name)] == NAMES_IN_ORDER


@given(st.lists(st.text(max_size=12), max_size=12))
def test_sorting_is_a_total_order_independent_of_input(names: list[str]) -> None:
    once = sorted_by_name(names)
    assert sorted_by_name(list(reversed(names))) == once
    assert sorted_by_name(once) == once
    keys = [sort_key(n) for n in once]
    assert keys == sorted(keys)


@given(st.text(max_size=20), st.text(max_size=20))
def test_equal_keys_only_for_equal_text(a: str, b: str) -> None:
    assert (sort_key(a) == sort_key(b)) == (a == b)

"""Word-form keys: the forms of a Finnish or Swedish word meet under one key, the language of a
text is told by its words, and the index's columns line up with the text's words."""

from __future__ import annotations

import re

import pytest

from hyvinvointi_app.domain import wordforms


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("fi", "turvallisuus turvallisuuden turvallisuudesta turvallisuutta"),
        ("fi", "päiväkoti päiväkodin päiväkodissa päiväkoteihin"),
        ("fi", "kiusaaminen kiusaamisen kiusaamista kiusaamiseen"),
        ("fi", "lapsi lapsen lapset lasten lapsia"),
        ("fi", "kevät kevään keväällä kevääseen"),
        ("fi", "suunnitelma suunnitelman suunnitelmassa suunnitelmien"),
        ("fi", "huoltaja huoltajan huoltajat huoltajien huoltajille"),
        ("sv", "barn barnet barnen barnens barns"),
        ("sv", "gård gården gårdar gårdens"),
        ("sv", "trygghet tryggheten trygghetens"),
        ("sv", "plan planen planer planerna"),
        ("sv", "leka leker lekande"),
        ("sv", "lekt lekte"),
        ("sv", "utvärdering utvärderingen utvärderingar utvärderingarna"),
    ],
)
def test_the_forms_of_a_word_share_its_key(language: str, forms: str) -> None:
    keys = {wordforms.key(form, language) for form in forms.split()}
    assert len(keys) == 1, keys


def test_other_words_keep_keys_of_their_own() -> None:
    fi = ("piha", "pihvi", "lapsi", "lapio", "kiusaaminen", "kiusallinen", "tuki", "putki")
    assert len({wordforms.key(word, "fi") for word in fi}) == len(fi)
    sv = ("gård", "gardin", "barn", "bar", "plan", "planka")
    assert len({wordforms.key(word, "sv") for word in sv}) == len(sv)


def test_short_words_digits_and_other_languages_are_their_own_key() -> None:
    assert wordforms.key("on", "fi") == "on"
    assert wordforms.key("2026", "fi") == "2026"
    assert wordforms.key("1a", "sv") == "1a"
    assert wordforms.key("playground", "en") == "playground"


def test_compounds_keep_their_last_part_at_the_end_of_the_key() -> None:
    assert wordforms.key("turvallisuussuunnitelmassa", "fi").endswith("suunnitelma")
    assert wordforms.key("pelastussuunnitelman", "fi").endswith("suunnitelma")
    assert wordforms.key("trygghetsplanen", "sv").endswith("plan")
    assert wordforms.key("skolgårdens", "sv").endswith("gård")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Sovittiin, että pihan turvallisuus tarkistetaan ja asiasta kerrotaan huoltajille.", "fi"),
        ("Lasten ääni kuului kokouksessa.", "fi"),
        ("Barnens trygghet på gården diskuterades och vi beslöt att förnya planen.", "sv"),
        ("Vårdnadshavarna är nöjda med utevistelsen.", "sv"),
        ("Piha", None),
        ("Gården", None),
        ("", None),
        ("Meeting about the playground", None),
    ],
)
def test_the_language_of_a_text_is_told_by_its_words(text: str, language: str | None) -> None:
    assert wordforms.detect(text) == language


def test_the_columns_line_up_with_the_words_of_the_text() -> None:
    text = "Päiväkodin PIHAN turvallisuudesta (2026) keskusteltiin; İzmir-sana ja ß."
    keys, folded, heads = wordforms.index_columns(text, "fi")
    assert len(keys.split()) == len(re.findall(r"\w+", text)) == len(heads.split())
    assert keys.split()[:3] == ["päiväkoti", "piha", "turvallisuus"]
    assert heads.split()[0] == "itokaviap"  # folded and backwards
    assert "paivakoti" in folded.split()


def test_a_word_with_nordic_letters_is_also_keyed_as_typed_without_them() -> None:
    _keys, folded, _heads = wordforms.index_columns("Barnen leker på gården och är glada", "sv")
    assert {"gard", "garde"} <= set(folded.split())  # gården's key folded, and "garden"'s
    assert wordforms.fold(wordforms.key("garden", "sv")) in folded.split()


def test_the_undecided_text_is_read_in_the_hint_language() -> None:
    assert wordforms.index_columns("Pihalla", "fi")[0] == "piha"
    assert wordforms.index_columns("Gårdarna", "sv")[0] == "gård"
    assert wordforms.index_columns("Gårdarna", None)[0] == "gårdarna"

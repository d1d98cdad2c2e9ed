"""The partners of the annual clock's themes: kept with each theme through every change and
undo, carried by the clock file (version 2), and absent but harmless in a version-1 file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hyvinvointi_app.domain.enums import Language, PlanType, Role
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.services import annual_clock
from hyvinvointi_app.services.annual_clock import (
    CLOCK_FORMAT,
    Partner,
    add_theme,
    add_theme_undoably,
    edit_theme_undoably,
    export_clock,
    import_clock,
    list_themes,
    load_default_clock,
    parse_clock_file,
    partner_names,
    remove_theme_undoably,
)
from hyvinvointi_app.store.database import Database, create_database

NURSE = Partner(role=Role.PUBLIC_HEALTH_NURSE)
RESCUE = Partner(name="Pelastuslaitos")
LIBRARY = Partner(name="Kirjasto")


def _encoded(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def test_partners_round_trip_through_the_clock_file(db: Database, tmp_path: Path) -> None:
    add_theme(db, 10, "Poistumisharjoitus", PlanType.SAFETY_RESCUE, partners=[RESCUE, NURSE])
    add_theme(db, 11, "Lapsen oikeuksien päivä", partners=[LIBRARY])
    add_theme(db, 11, "Kaveritaidot")
    exported = export_clock(db, language="fi")
    assert exported["version"] == 2
    assert exported["themes"][0]["partners"] == [
        {"name": "Pelastuslaitos"},
        {"role": "public_health_nurse"},
    ]
    assert exported["themes"][2]["partners"] == []

    other = create_database(tmp_path / "other.sqlite")
    try:
        import_clock(other, parse_clock_file(_encoded(exported)))
        assert [(t.title, t.partners) for t in list_themes(other)] == [
            ("Poistumisharjoitus", (RESCUE, NURSE)),
            ("Lapsen oikeuksien päivä", (LIBRARY,)),
            ("Kaveritaidot", ()),
        ]
        assert export_clock(other, language="fi") == exported
    finally:
        other.close()


VERSION_1_FILE = """{
  "format": "hyvinvointi-annual-clock",
  "version": 1,
  "language": "sv",
  "themes": [
    {"month": 10, "title": "Säkerhet: utrymningsövning", "plan_type": "safety_rescue"},
    {"month": 2, "title": "Kompisfärdigheter", "plan_type": null}
  ]
}
"""
"""A clock file exactly as version 1 of the format was written (before partners)."""


def test_a_version_1_file_still_imports_without_partners(db: Database) -> None:
    clock = parse_clock_file(VERSION_1_FILE.encode("utf-8"))
    assert clock.language is Language.SWEDISH
    import_clock(db, clock)
    assert [(t.month, t.title, t.plan_type, t.partners) for t in list_themes(db)] == [
        (10, "Säkerhet: utrymningsövning", PlanType.SAFETY_RESCUE, ()),
        (2, "Kompisfärdigheter", None, ()),
    ]


def test_a_version_1_file_with_a_partners_key_ignores_it() -> None:
    """Version 1 had no partners: a key of that name in such a file is someone else's."""
    data = json.loads(VERSION_1_FILE)
    data["themes"][0]["partners"] = "not of this format"
    clock = parse_clock_file(_encoded(data))
    assert clock.themes[0].partners == ()


def test_a_newer_version_is_refused_as_too_new() -> None:
    data = {"format": CLOCK_FORMAT, "version": 3, "language": "fi", "themes": []}
    with pytest.raises(ValidationError) as error:
        parse_clock_file(_encoded(data))
    assert (error.value.field, error.value.reason) == ("version", "too_new")


def test_partners_are_cleaned_and_each_kept_once(db: Database) -> None:
    theme = add_theme(
        db,
        3,
        "Arviointi",
        partners=[
            Partner(name="  Kunnan\tkoordinaattori "),
            NURSE,
            Partner(name="KUNNAN KOORDINAATTORI"),
            NURSE,
        ],
    )
    assert theme.partners == (Partner(name="Kunnan koordinaattori"), NURSE)


@pytest.mark.parametrize(
    ("partners", "field", "reason"),
    [
        ([Partner(name="")], "partners.0.name", "required"),
        ([Partner(name="x" * 101)], "partners.0.name", "too_long"),
        ([Partner(name="a\x07b")], "partners.0.name", "invalid_characters"),
        ([Partner(name=f"P{i}") for i in range(21)], "partners", "too_many"),
    ],
)
def test_invalid_partners_are_refused_and_nothing_is_written(
    db: Database, partners: list[Partner], field: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as error:
        add_theme(db, 3, "Arviointi", partners=partners)
    assert (error.value.field, error.value.reason) == (field, reason)
    assert list_themes(db) == []


def test_editing_partners_is_one_undo_step(db: Database) -> None:
    theme = add_theme(db, 4, "Siirtymä kouluun", partners=[NURSE])
    change = edit_theme_undoably(
        db, theme.id, theme.title, None, theme.month, [LIBRARY, Partner(role=Role.PSYCHOLOGIST)]
    )
    assert list_themes(db)[0].partners == (LIBRARY, Partner(role=Role.PSYCHOLOGIST))
    change.undo()
    assert list_themes(db)[0].partners == (NURSE,)
    change.redo()
    assert list_themes(db)[0].partners == (LIBRARY, Partner(role=Role.PSYCHOLOGIST))


def test_an_edit_without_partners_keeps_them(db: Database) -> None:
    theme = add_theme(db, 4, "Siirtymä kouluun", partners=[NURSE])
    edit_theme_undoably(db, theme.id, "Siirtymä esiopetuksesta kouluun", None, 4)
    assert list_themes(db)[0].partners == (NURSE,)


def test_a_removed_theme_comes_back_with_its_partners(db: Database) -> None:
    added = add_theme_undoably(db, 10, "Poistumisharjoitus", None, [RESCUE]).value
    change = remove_theme_undoably(db, added.id)
    assert list_themes(db) == []
    change.undo()
    assert list_themes(db) == [added]


def test_undo_of_an_import_brings_the_partners_back(db: Database) -> None:
    add_theme(db, 10, "Oma teema", partners=[RESCUE, NURSE])
    before = list_themes(db)
    clock = parse_clock_file(VERSION_1_FILE.encode("utf-8"))
    change = annual_clock.import_clock_undoably(db, clock)
    change.undo()
    assert list_themes(db) == before


def test_the_units_partner_list_is_every_name_used_once_in_alphabet_order(db: Database) -> None:
    add_theme(db, 10, "A", partners=[Partner(name="Öljyvahinkotorjunta"), NURSE])
    add_theme(db, 11, "B", partners=[Partner(name="Ääniteknikko"), LIBRARY])
    add_theme(db, 12, "C", partners=[Partner(name="kirjasto"), Partner(name="Åbo Akademi")])
    assert partner_names(db) == ["Kirjasto", "Åbo Akademi", "Ääniteknikko", "Öljyvahinkotorjunta"]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_default_clock_names_partners_in_the_units_language(
    db: Database, language: str
) -> None:
    themes = load_default_clock(db, language)
    drill = next(t for t in themes if t.month == 10 and t.plan_type is PlanType.SAFETY_RESCUE)
    assert drill.partners == (
        Partner(name="Pelastuslaitos" if language == "fi" else "Räddningsverket"),
    )
    assert any(Partner(role=Role.GUARDIAN_REPRESENTATIVE) in t.partners for t in themes)

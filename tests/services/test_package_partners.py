"""The partners of the clock's themes in the municipal package: format version 2 carries them
from the coordinator's file to every unit and a newer version updates them; a version-1
package (which had none) still imports and leaves the unit's partners as they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hyvinvointi_app.domain.enums import Language, Role
from hyvinvointi_app.services import annual_clock
from hyvinvointi_app.services import municipal_package as mp
from hyvinvointi_app.services.annual_clock import Partner
from hyvinvointi_app.services.municipal_package import Difference, Part
from hyvinvointi_app.services.unit import UnitInfo
from hyvinvointi_app.services.unit_file import create_unit_file
from hyvinvointi_app.store.database import Database, open_database

START, END = dt.date(2026, 8, 1), dt.date(2027, 7, 31)
POLICE = Partner(name="Itä-Uudenmaan poliisi")
NURSE = Partner(role=Role.PUBLIC_HEALTH_NURSE)


def _unit(path: Path, language: Language = Language.FINNISH) -> Database:
    info = UnitInfo("Päiväkoti Kuusikko", "Daghemmet Granbacken", "Porvoo", True, language)
    create_unit_file(path, info, START, END)
    return open_database(path)


@pytest.fixture
def coordinator(tmp_path: Path) -> Any:
    """The coordinator's file: the default clock (with its partners), and the safety skills
    of February handled with the police and the health nurse."""
    db = _unit(tmp_path / "coordinator.sqlite")
    skills = next(t for t in annual_clock.list_themes(db) if t.title == "Turvataidot")
    annual_clock.edit_theme(db, skills.id, skills.title, None, partners=[POLICE, NURSE])
    yield db
    db.close()


def _document(db: Database, version: int = 1) -> dict[str, Any]:
    return mp.compose(db, "Porvoon yhteiset käytännöt", version, today=dt.date(2026, 12, 8))


def _partners(db: Database) -> dict[str, tuple[Partner, ...]]:
    return {t.title: t.partners for t in annual_clock.list_themes(db)}


def test_the_package_carries_each_themes_partners(coordinator: Database) -> None:
    document = _document(coordinator)
    jsonschema.Draft202012Validator(mp.schema()).validate(document)
    assert document["format_version"] == 2
    skills = next(t for t in document["annual_clock"] if t["title"] == {"fi": "Turvataidot"})
    assert skills["partners"] == [
        {"name": {"fi": "Itä-Uudenmaan poliisi"}},
        {"role": "public_health_nurse"},
    ]


def test_a_unit_gets_the_partners_and_a_newer_version_updates_them(
    coordinator: Database, tmp_path: Path
) -> None:
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        skills = next(t for t in annual_clock.list_themes(unit) if t.title == "Turvataidot")
        assert skills.partners == (NURSE,)  # the default clock's
        package = mp.parse_package(json.dumps(_document(coordinator)).encode("utf-8"))
        entries = mp.preview(unit, package).entries
        assert [e.title for e in entries if e.difference is Difference.REPLACED] == ["Turvataidot"]
        mp.import_package(unit, package)
        assert _partners(unit) == _partners(coordinator)

        annual_clock.edit_theme(
            coordinator, skills.id, "Turvataidot", None, partners=[Partner(name="Poliisi")]
        )
        newer = mp.parse_package(json.dumps(_document(coordinator, 2)).encode("utf-8"))
        change = mp.import_package_undoably(unit, newer)
        assert _partners(unit)["Turvataidot"] == (Partner(name="Poliisi"),)
        change.undo()
        assert _partners(unit)["Turvataidot"] == (POLICE, NURSE)
    finally:
        unit.close()


def test_a_swedish_unit_takes_a_partners_swedish_name(
    coordinator: Database, tmp_path: Path
) -> None:
    document = _document(coordinator)
    skills = next(t for t in document["annual_clock"] if t["title"] == {"fi": "Turvataidot"})
    skills["title"]["sv"] = "Trygghetsfärdigheter"
    skills["partners"][0]["name"]["sv"] = "Polisen i Östra Nyland"
    unit = _unit(tmp_path / "enhet.sqlite", Language.SWEDISH)
    try:
        mp.import_package(unit, mp.parse_package(json.dumps(document).encode("utf-8")))
        assert _partners(unit)["Trygghetsfärdigheter"] == (
            Partner(name="Polisen i Östra Nyland"),
            NURSE,
        )
    finally:
        unit.close()


def _version_1(document: dict[str, Any]) -> dict[str, Any]:
    """The document as format version 1 wrote it: no partners."""
    for theme in document["annual_clock"]:
        del theme["partners"]
    return {**document, "format_version": 1}


def test_a_version_1_package_still_imports_and_keeps_the_units_partners(
    coordinator: Database, tmp_path: Path
) -> None:
    document = _version_1(_document(coordinator))
    jsonschema.Draft202012Validator(mp.schema(1)).validate(document)
    package = mp.parse_package(json.dumps(document).encode("utf-8"))
    assert all(theme.partners is None for theme in package.annual_clock)
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        before = _partners(unit)
        preview = mp.preview(unit, package)
        assert not [
            e
            for e in preview.entries
            if e.part is Part.CLOCK and e.difference is Difference.REPLACED
        ]
        mp.import_package(unit, package)
        assert _partners(unit) == before
        assert mp.current_package(unit) is not None
    finally:
        unit.close()


def test_a_version_2_theme_without_partners_leaves_the_units_as_they_are(
    coordinator: Database, tmp_path: Path
) -> None:
    """Leaving the key out is not "no partners" (found by review: a hand-written package
    cleared every unit's partners); an empty list is."""
    document = _document(coordinator)
    for theme in document["annual_clock"]:
        del theme["partners"]
    unit = _unit(tmp_path / "unit.sqlite")
    try:
        before = _partners(unit)
        mp.import_package(unit, mp.parse_package(json.dumps(document).encode("utf-8")))
        assert _partners(unit) == before
        document["version"] = 2
        for theme in document["annual_clock"]:
            theme["partners"] = []
        mp.import_package(unit, mp.parse_package(json.dumps(document).encode("utf-8")))
        taken = {t["title"]["fi"] for t in document["annual_clock"]}
        assert all(not p for title, p in _partners(unit).items() if title in taken)
    finally:
        unit.close()
